"""Make Python contract modules (and the local modules they import) load from their current text."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _dotted(file: Path, base: Path) -> str | None:
    try:
        parts = list(file.relative_to(base).with_suffix("").parts)
    except ValueError:
        return None
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None


def purge_modules(files: Iterable[Path], bases: Iterable[Path]) -> list[str]:
    """Remove from `sys.modules` every module loaded from one of `files`, and every module under
    the name one of them would be imported as from `bases` (the loader's `sys.path` roots), so a
    same-named module cached from elsewhere cannot shadow the local one."""
    wanted = {f.resolve() for f in files}
    names = {n for f in wanted for b in bases if (n := _dotted(f, b.resolve())) is not None}
    gone = []
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if name in names or (origin and Path(origin).resolve() in wanted):
            gone.append(name)
            del sys.modules[name]
    return gone


def never_use_bytecode_cache() -> None:
    """Compile imported sources every time: CPython validates `.pyc` by mtime (seconds) and size, so
    two quick edits of equal length would otherwise import stale code. Point the cache at an empty
    private dir and never write to it. Used by `--watch` only."""
    sys.dont_write_bytecode = True
    sys.pycache_prefix = tempfile.mkdtemp(prefix="trellis-generate-nopyc-")
