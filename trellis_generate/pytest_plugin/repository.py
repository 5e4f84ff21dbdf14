"""Render a repository's contracts in memory, exactly as `prepare --check` would see them.

This is `prepare` itself, not a second pipeline: run in check mode (nothing is written), forced
(no cache entry is trusted, so every contract is rendered) and with a toolchain whose renderer
keeps what it renders. Diagnostics are prepare's, so a snapshot test fails on exactly the
contracts `prepare` rejects, with the same messages. The models of the python target come from
the shared model cache when prepare (or an earlier test run) rendered the same schemas with the
same generator: an entry is exact text keyed by both, so the files are the same bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..contract import LoadedContract
from ..diagnostics import Diagnostic
from ..discovery.config import PYPROJECT
from ..prepare import Options, Session, Toolchain, prepare
from ..prepare.freshness import purge_modules
from ..prepare.model_cache import model_cache
from ..render import render_targets

# No rendered contract is cached or written here, so prepare's own keys need no generator
# fingerprint (computing one hashes every generator file); only the model cache does.
_NO_FINGERPRINT = "in-memory"


@dataclass(frozen=True)
class RenderedContract:
    """One owned contract, the used contracts it was rendered with, and its files (output paths
    in prepare's layout: `scopes/<id>.scopes.md`, `python/<package>/...`)."""

    contract: LoadedContract
    deps: Mapping[str, LoadedContract]
    files: Mapping[str, str]


@dataclass(frozen=True)
class RenderedRepository:
    root: Path
    contracts: Mapping[str, RenderedContract]  # owned contracts, by id
    dependencies: Mapping[str, LoadedContract]  # manifests owned elsewhere that loaded, by id
    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]


def find_repository_root(rootdir: Path) -> Path:
    """The nearest directory at or above pytest's rootdir holding a pyproject.toml (the place
    `[tool.trellis-generate]` is read from), else the rootdir itself (conventions apply)."""
    for candidate in (rootdir, *rootdir.parents):
        if (candidate / PYPROJECT).is_file():
            return candidate
    return rootdir


def render_repository(root: Path, targets: Sequence[str]) -> RenderedRepository:
    """Discover, load and render every owned contract under `root`; write nothing.

    Contract modules are imported afresh (prepare purges stale copies) and forgotten afterwards,
    and `sys.path` is restored, so the rest of the user's test session imports as it would have.
    Nothing else is dropped: the libraries rendering imported (jinja2, datamodel-code-generator)
    stay loaded, as re-importing pydantic-based modules in one process is not safe.
    """
    captured: dict[str, RenderedContract] = {}
    models = model_cache() if "python" in targets else None

    def keep(
        contract: LoadedContract, deps: Mapping[str, LoadedContract], wanted: Sequence[str]
    ) -> dict[str, str]:
        files = render_targets(contract, deps, wanted, models=models)
        captured[contract.id] = RenderedContract(contract, dict(deps), files)
        return files

    session = Session()
    options = Options(targets=tuple(targets), force=True, check=True)
    toolchain = Toolchain(render=keep, fingerprint_of=lambda: _NO_FINGERPRINT)
    path_before = list(sys.path)
    try:
        report = prepare(root, options, toolchain, session)
    finally:
        sys.path[:] = path_before
    if report.discovery is not None:
        sources = report.discovery.sources
        purge_modules([report.root / p for s in sources for p in (s.path, *s.imports)], ())
    owned = {o.id for o in report.outcomes if o.status != "failed"}
    loaded = {c.id: c for _, c in session.loaded.values()}
    return RenderedRepository(
        root=report.root,
        contracts={i: captured[i] for i in sorted(owned) if i in captured},
        dependencies={i: c for i, c in sorted(loaded.items()) if i not in owned},
        errors=tuple(report.errors),
        warnings=tuple(d for d in report.problems if d.severity == "warning"),
    )
