#!/usr/bin/env python3
"""Every figure of the performance goals from one run, each next to its target.

    python bench/run.py [--runs 5] [--edits 10] [--calls 2000] [--only startup,cold,...]

Sections (all by default): `startup` (--help, no-op prepare), `import` (the generated
trellis.auth@v1 SDK), `cold` (cold prepare against openapi-python-client on the same API, runs
interleaved so both see the same machine; peak memory), `watch` (edit-to-written under
`prepare --watch` on w50), `runtime` (RPC round trips over nats-server, bench/runtime_bench.py),
`auth` (`generate all` of trellis.auth@v1). Times are medians of whole processes, python start
included. Workloads come from bench/synth.py (bench/workloads.py) and live in bench/.work/.

"Cold" means nothing cached: no output, no lock, and an empty model cache of its own per run
(`TRELLIS_GENERATE_CACHE_DIR`). The `warm model cache` row is a fresh checkout on a machine that
rendered the same schemas before (a second clone, CI with its cache restored).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Run, Unavailable, measure  # noqa: E402
from watch_bench import watch_latencies  # noqa: E402
from workloads import synthesize  # noqa: E402

PROJECT = HERE.parent
WORK = HERE / ".work"
BIN = Path(sys.executable).parent
TOOL = [str(BIN / "trellis-generate")]
OPC = [str(BIN / "openapi-python-client")]
AUTH = PROJECT.parent / "shared" / "conformance" / "manifests" / "trellis.auth@v1.json"
CACHE_ENV = "TRELLIS_GENERATE_CACHE_DIR"
# openapi-python-client's post hooks call `ruff` from PATH: make it the venv's, as an activated
# venv would.
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
SECTIONS = ("startup", "import", "cold", "watch", "runtime", "auth")


@dataclass(frozen=True)
class Row:
    measure: str
    workload: str
    value: str
    detail: str = ""
    target: str = ""
    verdict: str = ""  # "met" / "MISSED" / "" (no target)


def at_most(limit: float, unit: str, value: float) -> tuple[str, str]:
    return f"≤ {limit:g} {unit}", "met" if value <= limit else "MISSED"


def seconds_row(name: str, workload: str, runs: Sequence[Run], limit: float | None = None) -> Row:
    med = statistics.median(r.seconds for r in runs)
    low, high = min(r.seconds for r in runs), max(r.seconds for r in runs)
    detail = f"{len(runs)} runs, {low:.2f}–{high:.2f} s"
    target, verdict = at_most(limit, "s", med) if limit is not None else ("", "")
    return Row(name, workload, f"{med:.3f} s", detail, target, verdict)


def env_with_cache(path: Path) -> dict[str, str]:
    return {**ENV, CACHE_ENV: str(path)}


# --- startup --------------------------------------------------------------------------------------


def examples_workspace() -> Path:
    """The example contracts of this repository, copied: the bench never rewrites generated/."""
    ws = WORK / "examples"
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(PROJECT / "contracts", ws / "contracts")
    shutil.copy(PROJECT / "pyproject.toml", ws / "pyproject.toml")
    return ws


def startup_rows(runs: int) -> list[Row]:
    rows = [
        seconds_row(
            "trellis-generate --help",
            "",
            [measure([*TOOL, "--help"], env=ENV) for _ in range(runs)],
            0.25,
        )
    ]
    for name, ws in (("examples", examples_workspace()), ("w10", synthesize("w10", WORK))):
        noop = [*TOOL, "prepare", str(ws)]
        measure(noop, env=ENV)  # make the output current
        rows.append(
            seconds_row("no-op prepare", name, [measure(noop, env=ENV) for _ in range(runs)], 0.25)
        )
    return rows


# --- import of a generated SDK --------------------------------------------------------------------


def import_rows(runs: int) -> list[Row]:
    from import_bench import import_time

    name = "import trellis_auth_v1 (generated SDK)"
    if not AUTH.is_file():
        return [Row(name, "auth", "n/a", f"{AUTH} not found")]
    cached = [Run(t, 0.0) for t in import_time(runs)]
    first = [Run(t, 0.0) for t in import_time(runs, cached=False)]
    return [
        seconds_row(name, "auth", cached, 0.25),
        seconds_row(f"{name}, compiling it (first import)", "auth", first),
    ]


# --- cold generation against openapi-python-client ------------------------------------------------


def cold_prepare(ws: Path, cache: Path | Callable[[], Path]) -> Run:
    """`cache`: the model cache dir, or a maker of a new (empty) one per run."""
    shutil.rmtree(ws / "generated", ignore_errors=True)  # output, lock and prepare's own cache
    where = cache if isinstance(cache, Path) else cache()
    return measure([*TOOL, "prepare", str(ws)], env=env_with_cache(where))


def opc_cold(ws: Path) -> Run:
    out = ws / "opc-client"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [*OPC, "generate", "--path", str(ws / "openapi.json"), "--output-path", str(out)]
    return measure(cmd, env=ENV)


def paired(
    runs: int, ours: Callable[[], Run], theirs: Callable[[], Run]
) -> tuple[list[Run], list[Run]]:
    """Alternate the two commands so machine noise falls on both alike."""
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(runs):
        a.append(ours())
        b.append(theirs())
    return a, b


def cold_rows(runs: int, scratch: Path) -> list[Row]:
    rows: list[Row] = []
    have_opc = Path(OPC[0]).exists()
    for name in ("w10", "w10-distinct"):
        ws = synthesize(name, WORK)
        ours_once = partial(cold_prepare, ws, lambda: scratch / f"empty-{uuid.uuid4().hex}")
        if not have_opc:
            rows.append(seconds_row("cold prepare", name, [ours_once() for _ in range(runs)]))
            rows.append(Row("openapi-python-client cold", name, "n/a", "pip install -e '.[bench]'"))
            continue
        ours, theirs = paired(runs, ours_once, partial(opc_cold, ws))
        ratio = statistics.median(r.seconds for r in ours) / statistics.median(
            r.seconds for r in theirs
        )
        rows += [
            seconds_row("cold prepare", name, ours),
            seconds_row("openapi-python-client cold", name, theirs),
            Row(
                "cold prepare ÷ openapi-python-client",
                name,
                f"{ratio:.2f} ×",
                "medians, interleaved runs",
                *at_most(0.5, "×", ratio),
            ),
        ]
    ws = synthesize("w10", WORK)
    warm = scratch / "warm-w10"
    cold_prepare(ws, warm)  # fills the model cache
    rows.append(
        seconds_row(
            "cold prepare, warm model cache", "w10", [cold_prepare(ws, warm) for _ in range(runs)]
        )
    )
    ws = synthesize("w50", WORK)
    big = [cold_prepare(ws, scratch / f"empty-w50-{i}") for i in range(runs)]
    peak = max(r.peak_mb for r in big)
    rows += [
        seconds_row("cold prepare", "w50", big),
        Row(
            "peak memory, cold prepare (process tree)",
            "w50",
            f"{peak:.0f} MB",
            "summed RSS of prepare and its workers",
            *at_most(300, "MB", peak),
        ),
    ]
    return rows


# --- watch ----------------------------------------------------------------------------------------


def watch_rows(edits: int, scratch: Path) -> list[Row]:
    ws = synthesize("w50", WORK)
    env = env_with_cache(scratch / "watch-cache")
    cold_prepare(ws, scratch / "watch-cache")
    got = watch_latencies(TOOL, ws, edits, env)
    rows: list[Row] = []
    later_p95 = 0.0
    for kind, latencies in got.latencies.items():
        p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
        detail = f"{len(latencies)} edits, max {max(latencies):.3f} s"
        rows += [
            Row(
                f"watch {kind} edit→written p50",
                "w50",
                f"{p50:.3f} s",
                detail,
                *at_most(0.3, "s", p50),
            ),
            Row(
                f"watch {kind} edit→written p95",
                "w50",
                f"{p95:.3f} s",
                detail,
                *at_most(0.5, "s", p95),
            ),
        ]
        if kind == got.kind:
            later_p95 = round(p95, 3)
    rows.append(
        Row(
            f"watch first edit ({got.kind}) →written",
            "w50",
            f"{got.first:.3f} s",
            f"{1.0:g} s after start",
            *at_most(later_p95, "s (later edits' p95)", got.first),
        )
    )
    rows.append(Row("peak memory, watch (process tree)", "w50", f"{got.peak_mb:.0f} MB"))
    return rows


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


# --- runtime --------------------------------------------------------------------------------------


def runtime_rows(calls: int) -> list[Row]:
    """RPC round trips of a generated SDK over nats-server (bench/runtime_bench.py says what each
    configuration runs; it measures them in alternating blocks)."""
    from runtime_bench import measure_runtime, table

    return [Row(row[0], "echo", *row[1:]) for row in table(measure_runtime(calls))]


# --- trellis.auth@v1 generate all -----------------------------------------------------------------


def auth_rows(runs: int, scratch: Path) -> list[Row]:
    name = "trellis.auth@v1 generate all"
    if not AUTH.is_file():
        return [Row(name, "auth", "n/a", f"{AUTH} not found")]

    def once(i: int) -> Run:
        out = scratch / f"auth-{i}"
        cmd = [*TOOL, "generate", "all", "--manifest", str(AUTH), "--out", str(out)]
        return measure(cmd, env=env_with_cache(scratch / f"auth-cache-{i}"))

    return [seconds_row(name, "auth", [once(i) for i in range(runs)], 2.0)]


# --- the table ------------------------------------------------------------------------------------


def print_table(rows: Sequence[Row]) -> None:
    header = Row("measure", "workload", "value", "detail", "target", "verdict")
    cells = [
        [r.measure, r.workload, r.value, r.detail, r.target, r.verdict] for r in [header, *rows]
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    for i, row in enumerate(cells):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    missed = [r for r in rows if r.verdict == "MISSED"]
    met = [r for r in rows if r.verdict == "met"]
    print(f"\n{len(met)} targets met, {len(missed)} missed")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per timing (median reported)")
    ap.add_argument("--edits", type=int, default=10, help="watch edits of each kind")
    ap.add_argument("--calls", type=int, default=2000, help="RPC calls per runtime measurement")
    ap.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma list of {','.join(SECTIONS)}"
    )
    args = ap.parse_args(argv)
    chosen = [s for s in args.only.split(",") if s]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    WORK.mkdir(exist_ok=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-", dir=WORK) as tmp:
        scratch = Path(tmp)
        bodies: dict[str, Callable[[], list[Row]]] = {
            "startup": lambda: startup_rows(args.runs),
            "import": lambda: import_rows(args.runs),
            "cold": lambda: cold_rows(args.runs, scratch),
            "watch": lambda: watch_rows(args.edits, scratch),
            "runtime": lambda: runtime_rows(args.calls),
            "auth": lambda: auth_rows(args.runs, scratch),
        }
        for section in chosen:
            try:
                rows += bodies[section]()
            except Unavailable as exc:
                rows.append(Row(section, "", "n/a", str(exc)[:120]))
            print(f"[{section} done]", file=sys.stderr, flush=True)
    print_table(rows)


if __name__ == "__main__":
    main()
