"""The `prepare` command: exit codes, progress lines, and `--watch` ending cleanly on Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from typer.testing import CliRunner

from trellis_generate.commands import app

from .conftest import Repo

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["prepare", *args])
    return result.exit_code, result.stdout, result.stderr


def test_prepare_prints_one_line_per_contract_and_a_summary(chain: Repo) -> None:
    code, out, _ = invoke(str(chain.root), "--targets", "manifest")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split()[0] == "acme.a@v1" and lines[0].endswith("wrote 1 file")
    assert lines[-1].startswith("prepare ok: 4 contracts, 4 written in ")
    assert "\x1b[" not in out  # not a terminal: no color
    code, out, _ = invoke(str(chain.root), "--targets", "manifest")
    assert code == 0 and out.splitlines()[0].endswith("unchanged")


def test_check_exits_1_on_stale_output_and_0_after_prepare(chain: Repo) -> None:
    invoke(str(chain.root), "--targets", "manifest")
    (chain.out / "manifests/acme.a@v1.json").write_text("hand edit")
    code, out, _ = invoke(str(chain.root), "--targets", "manifest", "--check")
    assert code == 1 and "stale  generated/manifests/acme.a@v1.json" in out
    assert invoke(str(chain.root), "--targets", "manifest")[0] == 0
    assert invoke(str(chain.root), "--targets", "manifest", "--check")[0] == 0


def test_invalid_contract_exits_1_with_located_errors_on_stderr(repo: Repo) -> None:
    repo.write("contracts/x.contract.json", "{broken")
    code, _, err = invoke(str(repo.root), "--targets", "manifest")
    assert code == 1 and err.startswith("contracts/x.contract.json:1")


def test_usage_errors_exit_2(repo: Repo) -> None:
    assert invoke(str(repo.root), "--changes")[0] == 2
    assert invoke(str(repo.root), "--check", "--watch")[0] == 2
    assert invoke(str(repo.root), "--targets", "manifest,typescript")[0] == 2
    assert invoke(str(repo.root / "missing"))[0] == 2


def test_empty_repository_says_so(repo: Repo) -> None:
    code, out, _ = invoke(str(repo.root))
    assert code == 0 and "No contracts found." in out


def _read_until(proc: subprocess.Popen[str], needle: str, timeout: float = 20.0) -> list[str]:
    assert proc.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} not printed; got {seen}")


def test_watch_with_changes_reports_batches_and_ctrl_c_exits_0(chain: Repo) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "trellis_generate", "prepare", str(chain.root)]
        + ["--targets", "manifest", "--watch", "--changes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _read_until(proc, "Watching")
        time.sleep(0.3)
        chain.write_manifest("acme.c@v1", description="edited")
        seen = _read_until(proc, "prepare ok")
        text = "".join(seen)
        assert "change batch: affected: contract source changed (contracts/c.contract.json)" in text
        assert "  changed: contracts/c.contract.json" in text
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        proc.kill()
