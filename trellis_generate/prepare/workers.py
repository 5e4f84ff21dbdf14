"""Render worker processes: datamodel-code-generator is CPU bound and holds the GIL, so a cold run
renders its contracts in forked processes, one per core.

The pool is forked as soon as prepare knows that several contracts need rendering, before it
loads them: each worker warms its toolchain (compiles the templates and, unless the model cache
has entries already, imports datamodel-code-generator: a third of a second) while the parent is
still loading and validating. Jobs and results cross by pickling. A worker exits when prepare
dies, however it dies.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from .. import timings
from ..contract import LoadedContract
from ..diagnostics import ContractError

Job = tuple[LoadedContract, Mapping[str, LoadedContract]]
Renderer = Callable[[LoadedContract, Mapping[str, LoadedContract], Sequence[str]], dict[str, str]]
# What rendering one contract gave: its files, or the ContractError / crash it raised.
Rendered = dict[str, str] | Exception
_Reply = tuple[dict[str, str] | tuple[str, Any], dict[str, float]]


class RenderCrash(RuntimeError):
    """A renderer bug raised in a worker process; its text names the original exception."""


def worker_count() -> int:
    """Worker processes for a cold run: `TRELLIS_GENERATE_JOBS`, else one per core."""
    wanted = os.environ.get("TRELLIS_GENERATE_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is only safe from the main thread, where the platform has it at all."""
    import multiprocessing

    return (
        threading.current_thread() is threading.main_thread()
        and "fork" in multiprocessing.get_all_start_methods()
    )


def render_one(render: Renderer, job: Job, targets: Sequence[str]) -> Rendered:
    try:
        return render(job[0], job[1], targets)
    except Exception as exc:  # reported per contract by the caller, like a serial run
        return exc


def _work(render: Renderer, job: Job, targets: Sequence[str]) -> _Reply:
    """One contract in a worker: its files (or its diagnostics / crash text) and stage timings.
    Exceptions travel as data: a renderer's may not pickle."""
    timings.take()
    got = render_one(render, job, targets)
    if isinstance(got, ContractError):
        return ("contract", got.diagnostics), timings.take()
    if isinstance(got, Exception):
        return ("crash", f"{type(got).__name__}: {got}"), timings.take()
    return got, timings.take()


def _start_worker(parent: int, models: bool) -> None:
    """Exit once `parent` is gone (a prepare killed with SIGKILL, or by the OOM killer, must not
    leave workers waiting forever on a queue whose other end they hold themselves), and warm the
    toolchain in the background (`warm_render`): a job that needs it waits for the imports (the
    import lock) and the generation lock rather than doing the work twice."""
    from .warm_up import warm_render

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="trellis-parent-watch", daemon=True).start()
    warm = threading.Thread(target=warm_render, args=(models,), name="trellis-warm-up", daemon=True)
    warm.start()


class RenderPool:
    """Forked render workers (see the module docstring); `close` when done.

    `warm_models`: have each worker import datamodel-code-generator before any job asks for it.
    Worth it when models will be rendered (a cold cache), wasted CPU beside jobs whose models
    are all cached (they would never import it).
    """

    def __init__(self, workers: int, *, warm_models: bool = True) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        self.workers = workers
        start = (os.getpid(), warm_models)
        self._pool = ProcessPoolExecutor(workers, context, _start_worker, start)
        self._pool.submit(int)  # with fork, the first task forks every worker: they warm up now
        self._used = False

    def render(
        self, render: Renderer, jobs: Sequence[Job], targets: Sequence[str]
    ) -> list[Rendered]:
        """Every job rendered, in job order. A job the pool cannot take (it does not pickle, a
        worker died) is rendered here instead."""
        # Largest first: a big contract started last would leave the other workers idle.
        self._used = True
        order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i][0].canonical))
        futures: dict[int, Future[_Reply]] = {}
        for i in order:
            futures[i] = self._pool.submit(_work, render, jobs[i], targets)
        return [self._result(futures[i], render, jobs[i], targets) for i in range(len(jobs))]

    @staticmethod
    def _result(
        future: Future[_Reply], render: Renderer, job: Job, targets: Sequence[str]
    ) -> Rendered:
        try:
            got, figures = future.result()
        except Exception:  # pickling, a dead worker: the pool's trouble, not the contract's
            return render_one(render, job, targets)
        timings.add(figures)
        if isinstance(got, tuple):
            kind, detail = got
            return ContractError(detail) if kind == "contract" else RenderCrash(detail)
        return got

    def close(self) -> None:
        """Stop the workers. Unused ones (forked for contracts that turned out current) are
        terminated rather than awaited: their warm-up is of no use any more."""
        if not self._used:
            # `ProcessPoolExecutor.terminate_workers` arrives in Python 3.14.
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
