"""Build the watcher's view of the repository from the last prepare's report."""

from __future__ import annotations

from pathlib import Path

from ..discovery.plan import dependents
from ..prepare.fingerprint import generator_paths
from ..prepare.run import Report
from .decide import WatchPlan


def as_reported(path: Path, root: Path) -> str:
    """The form paths take in a batch: root-relative posix inside the root, absolute outside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def generator_roots(root: Path) -> tuple[str, ...]:
    return tuple(as_reported(p, root) for p in generator_paths())


def watch_plan(report: Report) -> WatchPlan | None:
    """None when discovery itself failed (then every relevant change asks for a full prepare)."""
    found = report.discovery
    if found is None:
        return None
    name = {o.source: o.id for o in report.outcomes}
    sources: dict[str, tuple[str, ...]] = {}
    imports: dict[str, tuple[str, ...]] = {}
    for source in found.sources:
        ident = name.get(source.key) or source.id or source.key
        sources[source.path] = (*sources.get(source.path, ()), ident)
        imports[ident] = source.imports
    return WatchPlan(
        out=as_reported(report.out, report.root),
        contract_globs=found.config.contracts,
        manifest_globs=found.config.manifests,
        sources=sources,
        imports=imports,
        dependents={
            k: frozenset(v) for k, v in dependents({o.id: o.uses for o in report.outcomes}).items()
        },
        candidates=frozenset(found.candidates),
        failing=frozenset(o.id for o in report.outcomes if o.status == "failed"),
        generator_roots=generator_roots(report.root),
    )
