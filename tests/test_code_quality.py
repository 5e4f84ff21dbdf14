"""The project's own code meets the bar it sets for generated code: ruff and mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_and_format_are_clean() -> None:
    ruff = str(Path(sys.executable).with_name("ruff"))
    lint = run(ruff, "check", "--no-cache", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run(ruff, "format", "--check", "--no-cache", ".")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_package_type_checks_strictly(tmp_path: Path) -> None:
    done = run(sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path))  # [tool.mypy]: strict
    assert done.returncode == 0, done.stdout + done.stderr


def test_benchmarks_type_check_strictly(tmp_path: Path) -> None:
    """bench/ is run by hand, not by the suite: only the type check keeps it from rotting."""
    done = run(sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), "bench")
    assert done.returncode == 0, done.stdout + done.stderr
