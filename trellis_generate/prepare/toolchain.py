"""The generator as seen by prepare: load, render and the fingerprint of both.

Bound late (imported when first used) so a no-op prepare never imports jinja2 or
datamodel-code-generator, and so `--watch` can swap in freshly imported generator modules after a
template or generator-code change without restarting.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import timings
from ..contract import LoadedContract
from .fingerprint import GENERATOR_PARTS, generator_fingerprint
from .model_cache import ModelCache, model_cache
from .workers import Job, Rendered, Renderer, RenderPool, can_fork, render_one, worker_count

if TYPE_CHECKING:
    from ..render.models import ModelStore

Loader = Callable[[Path, str | None], LoadedContract]
Builtin = Callable[[str], LoadedContract | None]


def _load(path: Path, name: str | None) -> LoadedContract:
    with timings.stage("load"):
        pipeline = importlib.import_module("trellis_generate.pipeline")
        loaded: LoadedContract = pipeline.load_contract(path, name=name)
    return loaded


def _render(
    contract: LoadedContract,
    deps: Mapping[str, LoadedContract],
    targets: Sequence[str],
    models: ModelStore | None = None,
) -> dict[str, str]:
    render = importlib.import_module("trellis_generate.render")
    # Unformatted: `Toolchain.render_all` formats every contract of the run in one ruff pass.
    files: dict[str, str] = render.render_targets(
        contract, deps, targets, formatted=False, models=models
    )
    return files


def _format(results: list[Rendered]) -> list[Rendered]:
    """Format the python files of every rendered contract at once; should ruff reject the batch,
    each contract alone, so the failure is the contract's that caused it."""
    sdk = importlib.import_module("trellis_generate.render.formatting")
    files = [r for r in results if not isinstance(r, Exception)]
    merged = {rel: text for r in files for rel, text in r.items()}
    try:
        done: dict[str, str] = sdk.format_rendered(merged)
    except sdk.RuffError:
        return [r if isinstance(r, Exception) else _format_one(sdk, r) for r in results]
    return [r if isinstance(r, Exception) else {rel: done[rel] for rel in r} for r in results]


def _format_one(sdk: Any, files: dict[str, str]) -> Rendered:
    try:
        done: dict[str, str] = sdk.format_rendered(files)
        return done
    except Exception as exc:
        return exc


def _builtin(contract_id: str) -> LoadedContract | None:
    platform = importlib.import_module("trellis_generate.platform")
    found: LoadedContract | None = platform.builtin_contract(contract_id)
    return found


@dataclass
class Toolchain:
    load: Loader = _load
    render: Renderer = _render
    builtin: Builtin = _builtin  # the platform contract of an id, when the repository lacks it
    fingerprint_of: Callable[[], str] = generator_fingerprint
    # Render several contracts in forked worker processes (`workers.py`). `--watch` turns it off
    # after its first run: forking beside its watcher thread is unsafe, and an edit rarely
    # re-renders more than one contract. Prepare running in a thread other than the main one
    # never forks either. Only the built-in renderer is forked: an injected one (tests count
    # calls) may keep state that must stay in this process.
    parallel: bool = True
    workers_used: int = 1  # of the last `render_all`, for `--timings`
    _pool: RenderPool | None = field(default=None, init=False, repr=False)

    @cached_property
    def fingerprint(self) -> str:
        return self.fingerprint_of()

    def start_workers(self, contracts: int, targets: Sequence[str]) -> None:
        """Fork the render workers now, when `contracts` will probably be rendered: they warm up
        while the caller loads them. Only worth it for the python target (datamodel-code-generator
        is the slow part) and for more than one contract."""
        if self._pool is not None or contracts < 2 or "python" not in targets:
            return
        workers = min(worker_count(), contracts)
        if workers > 1 and self.parallel and self.render is _render and can_fork():
            cache = model_cache(self.fingerprint)
            warm_models = cache is None or cache.is_empty()
            self._pool = RenderPool(workers, warm_models=warm_models)

    def render_all(
        self, jobs: Sequence[Job], targets: Sequence[str], *, reuse_models: bool = True
    ) -> list[Rendered]:
        """Render every job, results in job order whichever process rendered them; then the
        workers are stopped.

        `reuse_models=False` (`--force`) renders every model anew; the new texts still refresh
        the shared model cache.
        """
        builtin = self.render is _render
        render = self.render
        if builtin and jobs and (cache := model_cache(self.fingerprint)) is not None:
            render = partial(_render, models=cache if reuse_models else _WriteOnly(cache))
        if len(jobs) > 1:
            self.start_workers(len(jobs), targets)
        pool, self.workers_used = self._pool, self._pool.workers if self._pool else 1
        try:
            if pool is not None and jobs:
                results = pool.render(render, jobs, targets)
            else:
                results = [render_one(render, job, targets) for job in jobs]
        finally:
            self.close()
        return _format(results) if builtin and jobs else results

    def close(self) -> None:
        """Stop the render workers, if any were started."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()


@dataclass(frozen=True)
class _WriteOnly:
    """A model cache that is never read: `--force` distrusts what is cached, not what it makes."""

    cache: ModelCache

    def get(self, key: str) -> str | None:
        return None

    def put(self, key: str, text: str) -> None:
        self.cache.put(key, text)


def purge_generator_modules() -> list[str]:
    """Drop the generator's modules from `sys.modules` so the next use imports the edited code.

    `contract` and `diagnostics` stay: their classes are shared with the running workflow.
    """
    prefixes = tuple(f"trellis_generate.{p.removesuffix('.py')}" for p in GENERATOR_PARTS)
    keep = {"trellis_generate.contract"}
    gone = [
        m
        for m in sys.modules
        if m not in keep and (m in prefixes or m.startswith(tuple(p + "." for p in prefixes)))
    ]
    for name in gone:
        del sys.modules[name]
    importlib.invalidate_caches()
    return gone
