"""Wall time per stage of a prepare, printed by `prepare --timings`.

Why: users (and we) need to see where a slow run goes without a profiler. Stages nest (validate
runs inside load); each stage counts its own time only, so the figures add up to the work done.
Render stages run in worker processes during a parallel prepare; workers hand their figures back
(`take` / `add`), so those stages are summed over workers, not wall time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

STAGES = ("load", "validate", "render models", "render SDK", "render other", "format", "write")

_totals: dict[str, float] = {}
_stack: list[list[float]] = []  # per open stage: [start, time spent in nested stages]


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time spent inside (minus nested stages) towards `name`."""
    frame = [time.perf_counter(), 0.0]
    _stack.append(frame)
    try:
        yield
    finally:
        _stack.pop()
        spent = time.perf_counter() - frame[0]
        _totals[name] = _totals.get(name, 0.0) + spent - frame[1]
        if _stack:
            _stack[-1][1] += spent


def take() -> dict[str, float]:
    """The figures so far, cleared (a worker returns them with each rendered contract)."""
    out = dict(_totals)
    _totals.clear()
    return out


def add(figures: Mapping[str, float]) -> None:
    for name, seconds in figures.items():
        _totals[name] = _totals.get(name, 0.0) + seconds


def lines(figures: Mapping[str, float], total: float, workers: int) -> list[str]:
    """The `--timings` table: one line per stage, in pipeline order, then the run's wall time."""
    summed = " (summed over worker processes)" if workers > 1 else ""
    out = [f"timings{summed}:"]
    for name in (*STAGES, *sorted(set(figures) - set(STAGES))):
        out.append(f"  {name:<14} {figures.get(name, 0.0):8.3f} s")
    out.append(f"  {'total (wall)':<14} {total:8.3f} s, {max(workers, 1)} render process(es)")
    return out
