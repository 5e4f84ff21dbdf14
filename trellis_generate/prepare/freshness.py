"""Make Python contract modules (and the local modules they import) load from their current text."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType


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


class _SourceOnlyLoader(importlib.machinery.SourceFileLoader):
    """Compiles the file's current text; never reads or writes a `.pyc`."""

    def get_code(self, fullname: str) -> CodeType:
        return self.source_to_code(self.get_data(self.path), self.path)


def installed_dirs() -> tuple[Path, ...]:
    """Where this interpreter's libraries live (its prefixes and install schemes): a virtual
    environment inside the repository (`.venv/`) holds libraries, not sources being edited."""
    paths = sysconfig.get_paths()
    found = {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix}
    found |= {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths}
    return tuple(Path(p).resolve() for p in sorted(found) if p)


@contextmanager
def fresh_sources(
    roots: Iterable[Path], *, libraries: Iterable[Path] | None = None
) -> Iterator[None]:
    """While active, modules under `roots` (but not under `libraries`, by default the
    interpreter's `installed_dirs()`) always load from their current text.

    CPython validates a `.pyc` by the source's mtime in whole seconds and its size, so two quick
    edits of equal length would import stale code. Only the directories that can change during a
    `--watch` session (the repository, the generator's own code) skip bytecode: libraries keep
    their cache, since compiling datamodel-code-generator from source costs seconds, which the
    first render of a watch session used to pay. Done with a path hook, the import system's own
    per-directory extension point, so other directories see no change at all.
    """
    bases = tuple(r.resolve() for r in roots)
    installed = tuple(libraries) if libraries is not None else installed_dirs()

    def under(path: str) -> bool:
        try:
            resolved = Path(path).resolve()
        except (OSError, ValueError):
            return False
        return (
            bool(path)
            and any(resolved.is_relative_to(base) for base in bases)
            and not any(resolved.is_relative_to(lib) for lib in installed)
        )

    loaders = [
        (_SourceOnlyLoader, importlib.machinery.SOURCE_SUFFIXES),
        (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES),
    ]
    file_finder = importlib.machinery.FileFinder.path_hook(*loaders)

    def hook(path: str) -> importlib.abc.PathEntryFinder:
        if not under(path):
            raise ImportError("not a watched directory")  # the next hook takes it
        finder: importlib.abc.PathEntryFinder = file_finder(path)
        return finder

    def forget_watched() -> None:
        for path in [p for p in sys.path_importer_cache if under(p)]:
            del sys.path_importer_cache[path]

    sys.path_hooks.insert(0, hook)
    forget_watched()
    try:
        yield
    finally:
        sys.path_hooks.remove(hook)
        forget_watched()
