"""Generated Python made clean under ruff's defaults: the last step of the python target.

A module of its own, light to import: prepare formats every contract of a run in one ruff pass in
its own process, which renders nothing itself and so need not load the templates.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..timings import stage


class RuffError(RuntimeError):
    """ruff rejected generated code: a generator bug, never a user error."""


# The output must not depend on any project's ruff configuration or on where ruff runs: ruff's own
# defaults (`--isolated`), which is what a user checking the SDK gets (`ruff check --isolated`,
# `ruff format --check --isolated`). The runtime is an installed dependency of a generated SDK, not
# its sibling, wherever the check runs.
RUFF_SETTINGS = (
    "--isolated",
    "--config=lint.isort.known-third-party = ['trellis_generate', 'trellis_runtime']",
)


def ruff_command(*args: str) -> list[str]:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return [os.fsdecode(find_ruff_bin()), *args, *RUFF_SETTINGS]


def _ruff(cwd: Path, *args: str, findings_ok: bool = False) -> bool:
    """Run ruff; False when `findings_ok` and it reported findings (exit 1), which is how
    `ruff check` says something is left after its fixes."""
    done = subprocess.run(ruff_command(*args), cwd=cwd, capture_output=True, text=True, check=False)
    if findings_ok and done.returncode == 1:
        return False
    if done.returncode != 0:
        raise RuffError(f"{' '.join(args[:2])} failed:\n{done.stdout}{done.stderr}")
    return True


def format_python(files: Mapping[str, str], package: str = "sdk") -> dict[str, str]:
    """Make every `.py` file of one package clean under ruff's defaults (see `format_tree`)."""
    done = format_tree({f"{package}/{name}": text for name, text in files.items()})
    return {name: done[f"{package}/{name}"] for name in files}


def format_tree(files: Mapping[str, str]) -> dict[str, str]:
    """Make every `.py` file clean under ruff's defaults: apply the safe fixes (imports sorted,
    unused ones dropped, `__all__` sorted), format, and give what no fix can remove (a wire name
    such as `l`) a `noqa` on its own line, so no directive is ever unused.

    `files` are keyed `<package>/<name>`: any number of packages share one run of each ruff
    step (ruff's start-up, not its work, dominates per-package runs). Each package sits in a dir
    of its own name, as it is checked (N999).
    """
    with tempfile.TemporaryDirectory(prefix="trellis-sdk-") as tmp:
        root = Path(tmp)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        fixes = ("check", "--fix", "--extend-select=I,F401", "--quiet", ".")
        clean = _ruff(root, *fixes, findings_ok=True)
        _ruff(root, "format", "--quiet", ".")
        if clean:  # nothing left for a `noqa`: formatting cannot add what the default rules find
            return {name: (root / name).read_text(encoding="utf-8") for name in files}
        before = {name: (root / name).read_bytes() for name in files}
        _ruff(root, "check", "--add-noqa", "--quiet", ".")
        if any((root / name).read_bytes() != data for name, data in before.items()):
            _ruff(root, "format", "--quiet", ".")
        return {name: (root / name).read_text(encoding="utf-8") for name in files}


def format_rendered(files: Mapping[str, str]) -> dict[str, str]:
    """`files` of `render_python(..., formatted=False)` (and other targets' files, unchanged)
    formatted; several contracts' files may be passed at once."""
    prefix = "python/"
    python = {rel.removeprefix(prefix): t for rel, t in files.items() if rel.startswith(prefix)}
    with stage("format"):
        done = format_tree(python) if python else {}
    return {rel: done.get(rel.removeprefix(prefix), text) for rel, text in files.items()}
