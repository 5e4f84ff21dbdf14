"""Make Python contract modules (and the local modules they import) load from their current text."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def purge_modules(files: Iterable[Path]) -> list[str]:
    """Remove from `sys.modules` every module loaded from one of `files` (resolved paths)."""
    wanted = {f.resolve() for f in files}
    gone = []
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if origin and Path(origin).resolve() in wanted:
            gone.append(name)
            del sys.modules[name]
    return gone


def never_use_bytecode_cache() -> None:
    """Compile imported sources every time: CPython validates `.pyc` by mtime (seconds) and size, so
    two quick edits of equal length would otherwise import stale code. Point the cache at an empty
    private dir and never write to it. Used by `--watch` only."""
    sys.dont_write_bytecode = True
    sys.pycache_prefix = tempfile.mkdtemp(prefix="trellis-generate-nopyc-")
