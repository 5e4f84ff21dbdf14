"""`--error-format text|json|github`: one diagnostic record, one printer per format, every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.manifests import full_manifest
from trellis_generate.diagnostics import (
    Diagnostic,
    format_github,
    format_json,
    format_text,
)

BROKEN_JSON = '{"format": "trellis.contract.v1",\n "id": "x@v1",\n}\n'


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trellis_generate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def broken(tmp_path: Path) -> Path:
    (tmp_path / "m.json").write_text(BROKEN_JSON, encoding="utf-8")
    return tmp_path / "m.json"


def test_text_ends_with_an_errors_and_warnings_footer(tmp_path: Path) -> None:
    broken(tmp_path)
    done = run(tmp_path, "verify", "--manifest", "m.json")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0].startswith("m.json:3:1: error: invalid JSON: ")
    assert lines[-1] == "1 error, 0 warnings"


def test_json_is_one_document_of_records_with_every_location_field(tmp_path: Path) -> None:
    broken(tmp_path)
    done = run(tmp_path, "verify", "--manifest", "m.json", "--error-format", "json")
    assert done.returncode == 1
    doc = json.loads(done.stderr)
    assert (doc["errors"], doc["warnings"]) == (1, 0)
    (record,) = doc["diagnostics"]
    assert set(record) == {
        "file",
        "line",
        "column",
        "contract",
        "pointer",
        "severity",
        "rule",
        "message",
    }
    assert (record["file"], record["line"], record["column"]) == ("m.json", 3, 1)
    assert (record["severity"], record["rule"]) == ("error", "json")


def test_github_emits_a_workflow_command_per_problem(tmp_path: Path) -> None:
    broken(tmp_path)
    done = run(tmp_path, "digest", "--manifest", "m.json", "--error-format", "github")
    assert done.returncode == 1
    assert done.stderr.startswith(
        "::error file=m.json,line=3,col=1,title=trellis-generate [json]::"
    )


def test_github_makes_absolute_paths_relative_to_the_checkout(tmp_path: Path) -> None:
    d = Diagnostic("r", "m", file=str(tmp_path / "contracts" / "a.py"), line=4)
    assert format_github([d], cwd=tmp_path).startswith("::error file=contracts/a.py,line=4,")


def test_github_escapes_what_would_end_a_property_or_the_message() -> None:
    d = Diagnostic("r", "50% off\nnext line", "/a", "x@v1", "a,b:c.json", 2, "warning")
    assert format_github([d]) == (
        "::warning file=a%2Cb%3Ac.json,line=2,title=trellis-generate [r]::"
        "x@v1: /a: 50%25 off%0Anext line"
    )


def test_printers_agree_on_counts_and_text_is_empty_without_problems() -> None:
    diags = [Diagnostic("a", "x"), Diagnostic("b", "y", severity="warning")]
    assert format_text(diags).splitlines()[-1] == "1 error, 1 warning"
    assert json.loads(format_json(diags))["warnings"] == 1
    assert len(format_github(diags).splitlines()) == 2
    assert format_text([]) == ""


def write_repo(tmp_path: Path) -> None:
    """A repository with one manifest contract using an unknown contract (a warning)."""
    m = full_manifest()
    m.setdefault("uses", {}).setdefault("required", {})["ghost"] = {"contract": "ghost.service@v1"}
    (tmp_path / "orders.contract.json").write_text(json.dumps(m), encoding="utf-8")


def test_prepare_reports_warnings_in_json_and_still_succeeds(tmp_path: Path) -> None:
    write_repo(tmp_path)
    done = run(tmp_path, "prepare", "--targets", "manifest", "--error-format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stderr)
    assert doc["errors"] == 0 and doc["warnings"] == len(doc["diagnostics"]) >= 1
    (ghost,) = [d for d in doc["diagnostics"] if "ghost.service@v1" in d["message"]]
    assert (ghost["rule"], ghost["file"]) == ("unknown-use", "orders.contract.json")


@pytest.mark.parametrize(
    "command",
    [
        ["prepare"],
        ["verify", "--manifest", "m.json"],
        ["digest", "--manifest", "m.json"],
        ["generate", "all", "--manifest", "m.json", "--out", "out"],
        ["generate", "manifest", "--manifest", "m.json", "--out", "out.json"],
        ["diff", "m.json", "m.json"],
    ],
)
def test_every_command_prints_json_diagnostics(tmp_path: Path, command: list[str]) -> None:
    broken(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.trellis-generate]\ncontracts = ["m.json"]\n', encoding="utf-8"
    )
    done = run(tmp_path, *command, "--error-format", "json")
    assert done.returncode == 1, done.stdout + done.stderr
    doc = json.loads(done.stderr)
    assert {d["rule"] for d in doc["diagnostics"]} == {"json"}  # diff: once per side
