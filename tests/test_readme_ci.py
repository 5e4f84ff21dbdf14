"""README's first screen and `.ci/run` agree: CI runs exactly what a new user is told to run,
except that it checks the committed output instead of regenerating it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
CI = PROJECT_ROOT / ".ci" / "run"
PREPARE = ".venv/bin/trellis-generate prepare"


def readme_commands() -> list[str]:
    """The first two `sh` blocks of README.md, each one command on one line."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt().parse(README.read_text(encoding="utf-8"))
    blocks = [t.content.strip() for t in tokens if t.type == "fence" and t.info.strip() == "sh"]
    return blocks[:2]


def ci_commands() -> list[str]:
    """The commands of `.ci/run` after its `cd` to the checkout."""
    lines = [ln.strip() for ln in CI.read_text(encoding="utf-8").splitlines()]
    commands = [ln for ln in lines if ln and not ln.startswith("#")]
    return commands[commands.index('cd "$(dirname "$0")/.."') + 1 :]


def test_readme_starts_with_one_setup_command_and_one_test_command() -> None:
    setup, tests = readme_commands()
    assert "\n" not in setup and "\n" not in tests
    assert setup.endswith(f" && {PREPARE}")  # sets up, then runs the main job
    assert tests.startswith(".venv/bin/pytest")


def test_ci_runs_readmes_install_then_check_then_readmes_tests() -> None:
    setup, tests = readme_commands()
    install, check, run_tests = ci_commands()
    assert setup == f"{install} && {PREPARE}"
    assert check == f"{PREPARE} --check"
    assert run_tests == tests


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_ignores_the_cache_files_and_tracks_the_lock() -> None:
    """README says which files of generated/.trellis are committed; git must agree."""
    text = README.read_text(encoding="utf-8")
    for name in ("cache.json", "scan-cache.json", "prepare.lock"):
        rel = f"generated/.trellis/{name}"
        assert f"`{name}`" in text
        ignored = subprocess.run(["git", "check-ignore", "-q", rel], cwd=PROJECT_ROOT, check=False)
        if ignored.returncode == 128:
            pytest.skip("not a git checkout")
        assert ignored.returncode == 0, f"{rel} is not ignored"
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", "generated/.trellis/lock.json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=False,
    )
    assert tracked.returncode == 0
