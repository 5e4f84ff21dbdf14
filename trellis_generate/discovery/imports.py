"""Resolve static imports to local modules and follow them transitively.

A module counts as local when its file lies under the repository root. Absolute imports are tried
against the importer's own directory, the root and `<root>/src` (wherever a loader may have put the
module on `sys.path`); a superset is harmless, a missed module would be a missed rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from .records import ImportRef

Exists = Callable[[str], bool]
ImportsOf = Callable[[str], Iterable[ImportRef]]


def _module_files(base: PurePosixPath, dotted: list[str], exists: Exists) -> list[str]:
    """The module file for `base/dotted...` plus the package `__init__.py`s executed on the way."""
    found: list[str] = []
    path = base
    for part in dotted:
        path = path / part
        init = str(path / "__init__.py")
        if exists(init):
            found.append(init)
    if dotted and exists(str(path) + ".py"):
        found.append(str(path) + ".py")
    return found


def _norm(path: PurePosixPath) -> PurePosixPath | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None  # above the root: not local
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def resolve_import(importer: str, ref: ImportRef, exists: Exists) -> list[str]:
    """Root-relative files of the local modules `ref` may load when executed in `importer`."""
    here = PurePosixPath(importer).parent
    if ref.level:
        base = _norm(here / "/".join([".."] * (ref.level - 1))) if ref.level > 1 else here
        bases = [base] if base is not None else []
    else:
        bases = [here, PurePosixPath("."), PurePosixPath("src")]
    dotted = [p for p in ref.module.split(".") if p]
    found: list[str] = []
    if ref.level and bases and exists(init := str(bases[0] / "__init__.py")):
        found.append(init)  # `from . import x` runs the package itself first
    for base in bases:
        found += _module_files(base, dotted, exists)
        for name in ref.names:  # `from pkg import submodule`
            sub = base.joinpath(*dotted, name)
            found += [f for f in (f"{sub}.py", f"{sub}/__init__.py") if name != "*" and exists(f)]
    return [str(PurePosixPath(f)) for f in dict.fromkeys(found) if f != importer]


def import_closure(
    module: str, imports_of: ImportsOf, exists: Exists, exclude: Callable[[str], bool]
) -> tuple[str, ...]:
    """Every local module `module` imports, transitively, sorted; `exclude` prunes (e.g. the
    generator's own package, which the generator fingerprint already covers)."""
    own_package = str(PurePosixPath(module).parent / "__init__.py")
    seen: set[str] = {own_package} if exists(own_package) and not exclude(own_package) else set()
    todo = [module, *seen]
    while todo:
        current = todo.pop()
        for ref in imports_of(current):
            for path in resolve_import(current, ref, exists):
                if path not in seen and path != module and not exclude(path):
                    seen.add(path)
                    todo.append(path)
    return tuple(sorted(seen))
