"""The generated facades of dependencies, transfers and health are what ``mypy --strict`` checks:
documented use passes, misuse is refused on exactly the lines that misuse them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import write_sdks

SAMPLES = Path(__file__).with_name("typing")


def mypy(tmp_path: Path, sample: Path) -> subprocess.CompletedProcess[str]:
    write_sdks(tmp_path / "sdk")
    env = {**os.environ, "MYPYPATH": str(tmp_path / "sdk" / "python")}
    return subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
            "--cache-dir", str(tmp_path / "cache"), str(sample),
        ],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("facade-typing")


def test_documented_use_of_the_facades_type_checks(sdk_dir: Path) -> None:
    result = mypy(sdk_dir, SAMPLES / "deps_ok.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_of_the_facades_is_refused_line_by_line(sdk_dir: Path) -> None:
    sample = SAMPLES / "deps_bad.py"
    result = mypy(sdk_dir, sample)
    lines = sample.read_text(encoding="utf-8").splitlines()
    expected = {i + 1 for i, line in enumerate(lines) if line.rstrip().endswith("# refused")}
    flagged = {
        int(m.group(1))
        for m in re.finditer(rf"{re.escape(sample.name)}:(\d+): error", result.stdout)
    }
    assert expected and flagged == expected, result.stdout
