"""Find every contract source under a root, statically: nothing is imported or executed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pathspec

from ..diagnostics import Diagnostic
from .config import Config, load_config
from .ignore import IgnoreRules
from .imports import import_closure
from .records import ImportRef, ScanError
from .scancache import ScanCache

Role = Literal["owned", "dependency"]


@dataclass(frozen=True)
class Source:
    """One contract to load: a module attribute or a manifest file (paths root-relative, posix)."""

    path: str
    format: Literal["python", "json"]
    role: Role  # owned: generated here; dependency: owned elsewhere, only feeds `uses`
    name: str | None = None
    id: str | None = None  # static id (None when not a literal / not readable)
    kind: str | None = None
    line: int | None = None
    imports: tuple[str, ...] = ()  # local modules imported, transitively
    uses: tuple[str, ...] | None = None  # used contract ids, when known statically (manifests)

    @property
    def key(self) -> str:
        return f"{self.path}:{self.name}" if self.name else self.path


@dataclass(frozen=True)
class Discovery:
    root: Path
    config: Config
    sources: tuple[Source, ...]
    candidates: tuple[str, ...]  # discovery-shaped .py files that define no contract
    diagnostics: tuple[Diagnostic, ...]


def used_ids(manifest: Any) -> tuple[str, ...]:
    """Contract ids named in `uses`, grouped (`required`/`optional`) or flat, sorted, unique.

    Read from a manifest file's raw JSON, before anything is validated (discovery plans the
    load order and must not fail on a broken file); a loaded contract has `model.used_ids`.
    """
    uses = manifest.get("uses") if isinstance(manifest, dict) else None
    found: set[str] = set()

    def visit(node: Any, depth: int) -> None:
        if not isinstance(node, dict) or depth > 2:
            return
        if isinstance(node.get("contract"), str):
            found.add(node["contract"])
            return
        for child in node.values():
            visit(child, depth + 1)

    visit(uses, 0)
    return tuple(sorted(found))


def walk(root: Path, rules: IgnoreRules) -> Iterable[str]:
    """Root-relative posix paths of the files `rules` do not skip (symlinked dirs not followed)."""
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if not rules.leaf_ignored(prefix + d, is_dir=True))
        for name in sorted(filenames):
            if not rules.leaf_ignored(prefix + name, is_dir=False):
                yield prefix + name


def _manifest_source(root: Path, rel: str, role: Role) -> Source:
    try:
        raw = json.loads((root / rel).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Source(rel, "json", role)  # loading reports the error with its location
    ident = raw.get("id") if isinstance(raw, dict) else None
    kind = raw.get("kind") if isinstance(raw, dict) else None
    return Source(
        rel,
        "json",
        role,
        id=ident if isinstance(ident, str) else None,
        kind=kind if isinstance(kind, str) else None,
        uses=used_ids(raw),
    )


def generator_excluder(root: Path) -> Callable[[str], bool]:
    """Paths of the generator's own package (covered by its fingerprint, never scanned as local)."""
    package = Path(__file__).resolve().parents[1]
    try:
        rel = package.relative_to(root.resolve()).as_posix()
    except ValueError:
        return lambda path: False
    return lambda path: path == rel or path.startswith(rel + "/")


def discover(root: Path, config: Config | None = None, cache: ScanCache | None = None) -> Discovery:
    """Every contract source under `root` per config or convention, with its import closure."""
    config = config or load_config(root)
    cache = cache or ScanCache(None)
    owned = pathspec.PathSpec.from_lines("gitignore", config.contracts)
    elsewhere = pathspec.PathSpec.from_lines("gitignore", config.manifests)
    rules = IgnoreRules(root, config.out)
    sources: list[Source] = []
    candidates: list[str] = []
    diagnostics: list[Diagnostic] = []
    imports: dict[str, tuple[ImportRef, ...]] = {}

    def imports_of(rel: str) -> tuple[ImportRef, ...]:
        if rel not in imports:
            try:
                imports[rel] = cache.scan((root / rel).read_text(encoding="utf-8")).imports
            except (OSError, UnicodeDecodeError, ScanError):
                imports[rel] = ()  # a broken helper module surfaces when the contract loads
        return imports[rel]

    def exists(rel: str) -> bool:
        return (root / rel).is_file() and not rules.ignored(rel, is_dir=False)

    exclude = generator_excluder(root)
    for rel in walk(root, rules):
        role: Role | None = "owned" if owned.match_file(rel) else None
        if role is None and elsewhere.match_file(rel):
            role = "dependency"
        if role is None:
            continue
        if rel.endswith(".json"):
            sources.append(_manifest_source(root, rel, role))
        elif rel.endswith(".py") and role == "owned":
            try:
                scan = cache.scan((root / rel).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                diagnostics.append(Diagnostic("discover-unreadable", str(exc), file=rel))
                continue
            except ScanError:
                # Keep it as a source: loading reports the syntax error with its line, and
                # `--watch` keeps the contract's last good output until it is fixed.
                sources.append(Source(rel, "python", "owned"))
                continue
            imports[rel] = scan.imports
            if not scan.contracts:
                candidates.append(rel)
                continue
            closure = import_closure(rel, imports_of, exists, exclude)
            sources += [
                Source(rel, "python", "owned", c.name, c.id, c.kind, c.line, closure)
                for c in scan.contracts
            ]
    return Discovery(root, config, tuple(sources), tuple(candidates), tuple(diagnostics))
