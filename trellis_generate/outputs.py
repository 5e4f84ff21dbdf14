"""Where generated files go, relative to the output root: one set of rules that renderers (which
name files) and the writer (which refuses unsafe names before touching the disk) both follow, so
neither layer imports the other."""

from __future__ import annotations

from pathlib import PurePosixPath

# The writer's bookkeeping (lock, cache, scan cache): never a renderer's output.
LOCK_DIR = ".trellis"


def manifest_path(contract_id: str) -> str:
    return f"manifests/{contract_id}.json"


def python_path(package: str, name: str) -> str:
    """A file of the generated Python package `package`."""
    return f"python/{package}/{name}"


def scopes_paths(contract_id: str) -> tuple[str, str]:
    """The JSON listing (for tools) and the Markdown review of one contract's scopes."""
    return f"scopes/{contract_id}.scopes.json", f"scopes/{contract_id}.scopes.md"


def check_output_path(rel: str) -> None:
    """Output paths must stay inside the output dir and out of the bookkeeping dir: contract ids
    are free-form, so `../../x@v1` must be refused, not written."""
    pure = PurePosixPath(rel)
    if pure.is_absolute() or not pure.parts or ".." in pure.parts or "\\" in rel or "\0" in rel:
        raise ValueError(f"output path escapes the output dir: {rel!r}")
    if pure.parts[0] == LOCK_DIR:
        raise ValueError(f"output path inside the reserved {LOCK_DIR}/ dir: {rel!r}")
