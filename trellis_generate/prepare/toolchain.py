"""The generator as seen by prepare: load, render and the fingerprint of both.

Bound late (imported when first used) so a no-op prepare never imports jinja2 or
datamodel-code-generator, and so `--watch` can swap in freshly imported generator modules after a
template or generator-code change without restarting.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import timings
from ..contract import LoadedContract
from ..diagnostics import ContractError
from .fingerprint import GENERATOR_PARTS, generator_fingerprint
from .model_cache import ModelCache, model_cache

if TYPE_CHECKING:
    from ..render.models import ModelStore

Loader = Callable[[Path, str | None], LoadedContract]
Renderer = Callable[[LoadedContract, Mapping[str, LoadedContract], Sequence[str]], dict[str, str]]
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
    sdk = importlib.import_module("trellis_generate.render.python_sdk")
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


Job = tuple[LoadedContract, Mapping[str, LoadedContract]]
# What rendering one contract gave: its files, or the ContractError / crash it raised.
Rendered = dict[str, str] | Exception

# Handed to forked workers by inheritance, not pickling: contracts hold unpicklable origins and
# tests render with closures. Set only while a pool exists.
_WORK: tuple[Renderer, Sequence[Job], Sequence[str]] | None = None


class RenderCrash(RuntimeError):
    """A renderer bug raised in a worker process; its text names the original exception."""


def _render_one(render: Renderer, job: Job, targets: Sequence[str]) -> Rendered:
    try:
        return render(job[0], job[1], targets)
    except Exception as exc:  # reported per contract by the caller, like a serial run
        return exc


def _work(index: int) -> tuple[Rendered | tuple[str, Any], dict[str, float]]:
    """One contract in a worker: its files (or its diagnostics / crash text) and stage timings."""
    assert _WORK is not None
    render, jobs, targets = _WORK
    timings.take()
    got = _render_one(render, jobs[index], targets)
    if isinstance(got, ContractError):
        return ("contract", got.diagnostics), timings.take()
    if isinstance(got, Exception):
        return ("crash", f"{type(got).__name__}: {got}"), timings.take()
    return got, timings.take()


def render_jobs() -> int:
    """Worker processes for a cold run: `TRELLIS_GENERATE_JOBS`, else one per core."""
    wanted = os.environ.get("TRELLIS_GENERATE_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Toolchain:
    load: Loader = _load
    render: Renderer = _render
    builtin: Builtin = _builtin  # the platform contract of an id, when the repository lacks it
    fingerprint_of: Callable[[], str] = generator_fingerprint
    # Render several contracts in forked worker processes (datamodel-code-generator is CPU bound
    # and holds the GIL). `--watch` turns it off after its first run: forking beside its watcher
    # thread is unsafe, and an edit rarely re-renders more than one contract. Prepare running
    # in a thread other than the main one never forks either.
    parallel: bool = True
    workers_used: int = 1  # of the last `render_all`, for `--timings`

    @cached_property
    def fingerprint(self) -> str:
        return self.fingerprint_of()

    def render_all(
        self, jobs: Sequence[Job], targets: Sequence[str], *, reuse_models: bool = True
    ) -> list[Rendered]:
        """Render every job, results in job order whichever process rendered them.

        `reuse_models=False` (`--force`) renders every model anew; the new texts still refresh
        the shared model cache.
        """
        builtin = self.render is _render
        render = self.render
        if builtin and jobs and (cache := model_cache(self.fingerprint)) is not None:
            render = partial(_render, models=cache if reuse_models else _WriteOnly(cache))
        # Only the built-in renderer is forked: an injected one (tests count calls) may keep
        # state that must stay in this process.
        forkable = (
            self.parallel
            and builtin
            and threading.current_thread() is threading.main_thread()
            and "fork" in _start_methods()
        )
        workers = min(render_jobs(), len(jobs)) if forkable else 1
        self.workers_used = workers
        if workers <= 1:
            results = [_render_one(render, job, targets) for job in jobs]
        else:
            results = _render_forked(render, jobs, targets, workers)
        return _format(results) if builtin and jobs else results


@dataclass(frozen=True)
class _WriteOnly:
    """A model cache that is never read: `--force` distrusts what is cached, not what it makes."""

    cache: ModelCache

    def get(self, key: str) -> str | None:
        return None

    def put(self, key: str, text: str) -> None:
        self.cache.put(key, text)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _render_forked(
    render: Renderer, jobs: Sequence[Job], targets: Sequence[str], workers: int
) -> list[Rendered]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    _WORK = (render, jobs, targets)
    results: list[Rendered] = []
    try:
        context = multiprocessing.get_context("fork")
        watchdog = (os.getpid(),)
        with ProcessPoolExecutor(workers, context, _die_with_parent, watchdog) as pool:
            # Largest first: a big contract started last would leave the other worker idle.
            order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i][0].canonical))
            done = dict(zip(order, pool.map(_work, order), strict=True))
    finally:
        _WORK = None
    for index in range(len(jobs)):
        got, figures = done[index]
        timings.add(figures)
        if isinstance(got, tuple):
            kind, detail = got
            results.append(ContractError(detail) if kind == "contract" else RenderCrash(detail))
        else:
            results.append(got)
    return results


def _die_with_parent(parent: int) -> None:
    """Exit the worker once `parent` is gone: a prepare killed with SIGKILL (or OOM) must not
    leave workers waiting forever on a queue whose other end they hold themselves."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="trellis-parent-watch", daemon=True).start()


# A contract touching most of what rendering uses: validation, the model, every target, events
# with a template, an operation, and a payload datamodel-code-generator turns into classes.
_WARM_UP_MANIFEST = {
    "format": "trellis.contract.v1",
    "id": "trellis-generate.warm-up@v1",
    "displayName": "Warm-up",
    "description": "Rendered once by --watch while idle.",
    "kind": "service",
    "schemas": {
        "Item": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "tags": {"type": "array"}},
            "required": ["id"],
        }
    },
    "rpc": {
        "Items.Get": {
            "version": "v1",
            "subject": "rpc.v1.Items.Get",
            "input": {"schema": "Item"},
            "output": {"schema": "Item"},
        }
    },
    "events": {
        "Items.Changed": {
            "version": "v1",
            "subject": "events.v1.Items.Changed.{/id}",
            "params": ["/id"],
            "event": {"schema": "Item"},
        }
    },
    "operations": {
        "Items.Rebuild": {
            "version": "v1",
            "subject": "operations.v1.Items.Rebuild",
            "input": {"schema": "Item"},
            "output": {"schema": "Item"},
        }
    },
}


def warm_up() -> None:
    """Load and render a small contract once, every target formatted, so the first edit under
    `--watch` is as fast as the later ones: the first use of the toolchain imports
    datamodel-code-generator, compiles the templates and the meta-schema validator, and starts
    ruff, which cost the first edit about a second. `--watch` runs this in a background thread
    while it waits for the first edit, and waits for it to end before rendering anything (the
    toolchain is not meant to run in two threads at once). Any failure is left for a real render
    to report."""
    try:
        pipeline = importlib.import_module("trellis_generate.pipeline")
        render = importlib.import_module("trellis_generate.render")
        origin = importlib.import_module("trellis_generate.contract").Origin("<warm-up>", "json")
        contract = pipeline.contract_from_manifest(_WARM_UP_MANIFEST, origin)
        render.render_targets(contract, {}, render.ALL_TARGETS)
    except Exception:  # best effort
        pass
    finally:
        timings.take()  # not a prepare's figures


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
