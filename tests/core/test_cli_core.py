"""digest / verify / generate manifest from the command line: exit codes and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.core.manifests import full_manifest
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trellis_generate", *args], capture_output=True, text=True
    )


def write(tmp_path: Path, manifest: object, name: str = "m.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return path


def test_digest_prints_only_the_digest(tmp_path: Path) -> None:
    expected = contract_from_manifest(full_manifest(), Origin("<t>", "json")).digest
    result = run("digest", "--manifest", str(write(tmp_path, full_manifest())))
    assert (result.returncode, result.stdout) == (0, expected + "\n")


def test_verify_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    m = full_manifest()
    m["rpc"]["Order.Get"]["input"] = {"schema": "Ghost"}
    m["subjects"] = {}
    result = run("verify", "--manifest", str(write(tmp_path, m)))
    assert result.returncode == 1
    assert "rpc 'Order.Get' input: unknown schema 'Ghost'" in result.stderr
    assert "Contract subjects are not supported in v1" in result.stderr
    assert "Traceback" not in result.stderr


def test_verify_prints_id_kind_digest_and_counts(tmp_path: Path) -> None:
    result = run("verify", "--manifest", str(write(tmp_path, full_manifest())))
    assert result.returncode == 0
    assert "OK acme.orders@v1" in result.stdout and "kind: service" in result.stdout
    assert "rpc: 1" in result.stdout and "operations: 1" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    path = str(write(tmp_path, full_manifest()))
    assert run("digest").returncode == 2
    assert run("digest", "--manifest", path, "--source", "x.py").returncode == 2
    assert run("digest", "--bogus").returncode == 2


def test_unreadable_or_invalid_input_exits_1_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in (
        ("digest", "--manifest", str(bad)),
        ("digest", "--manifest", str(tmp_path / "missing.json")),
    ):
        result = run(*args)
        assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr


def test_generate_manifest_writes_canonical_text_and_newline(tmp_path: Path) -> None:
    out = tmp_path / "out" / "orders.json"
    result = run(
        "generate",
        "manifest",
        "--manifest",
        str(write(tmp_path, full_manifest())),
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    expected = contract_from_manifest(full_manifest(), Origin("<t>", "json")).canonical
    assert text == expected + "\n"
    assert [p.name for p in out.parent.iterdir()] == ["orders.json"]  # no temp files left behind


def test_every_command_has_help() -> None:
    for args in (
        ("--help",),
        ("digest", "--help"),
        ("verify", "--help"),
        ("generate", "manifest", "--help"),
    ):
        result = run(*args)
        assert result.returncode == 0 and "Usage" in result.stdout


def test_help_shows_flags_without_a_type_and_cites_only_what_users_have() -> None:
    for command in (["prepare"], ["diff"], ["verify"], ["discover"], ["generate", "all"]):
        done = run(*command, "--help")
        assert done.returncode == 0, done.stderr
        assert "<bool>" not in done.stdout, done.stdout
        assert "spec/" not in done.stdout, done.stdout
    assert "docs/compatibility.md" in run("diff", "--help").stdout
