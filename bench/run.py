#!/usr/bin/env python3
"""Benchmarks of issue 6: medians over several runs, printed as one table.

    python bench/run.py [--runs 3] [--edits 20] [--workloads w10,w50] [--profile] [--runtime]

Workloads come from bench/synth.py (`w10` = its defaults, `w50` = `--contracts 50`) and live in
bench/.work/ (gitignored). Rows: cold `prepare` of all targets, no-op `prepare`, edit-to-written
latency under `prepare --watch` (p50/p95), peak memory, openapi-python-client on the same API
(cold, same run, with the ratio ours/theirs) and trellis.auth@v1 through `generate all`. A command
that does not exist yet prints "n/a (not implemented)" instead of failing the whole run.
`--runtime` adds the RPC rows of issue 12 (bench/runtime_bench.py, workload "echo").
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
WORK = HERE / ".work"
TOOL = [sys.executable, "-m", "trellis_generate"]
OPC = [str(Path(sys.executable).with_name("openapi-python-client"))]
AUTH = PROJECT.parent / "shared" / "conformance" / "manifests" / "trellis.auth@v1.json"
WORKLOADS = {"w10": [], "w50": ["--contracts", "50"]}
PYPROJECT = '[tool.trellis-generate]\ncontracts = ["manifests/*.json"]\nout = "generated"\n'
TARGETS = {  # (row, workload) -> (limit, unit): the goals of issue 6
    ("cold prepare ÷ openapi-python-client", "w10"): (0.2, "×"),
    ("no-op prepare", "w10"): (0.25, "s"),
    ("watch edit→written p50", "w50"): (0.3, "s"),
    ("trellis.auth@v1 generate all", "auth"): (2.0, "s"),
}
NA = "n/a (not implemented)"
# openapi-python-client's post hooks call `ruff` from PATH: make it the venv's, as an activated
# venv would.
ENV = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


class Unavailable(Exception):
    """A measurement that cannot be taken: the command is missing or failed."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def measure(cmd: Sequence[str], cwd: Path | None = None) -> Run:
    """Wall time and peak RSS of one child process; a non-zero exit is Unavailable."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise Unavailable(f"failed (exit {proc.returncode}): {' | '.join(tail)}")
    return Run(seconds, usage.ru_maxrss / 1024)


def has_command(*words: str) -> bool:
    done = subprocess.run([*TOOL, *words, "--help"], capture_output=True, check=False)
    return done.returncode == 0


def synthesize(name: str) -> Path:
    """A fresh workload directory with manifests, openapi.json and a pyproject.toml."""
    ws = WORK / name
    shutil.rmtree(ws, ignore_errors=True)
    subprocess.run(
        [sys.executable, str(HERE / "synth.py"), str(ws), *WORKLOADS[name]],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (ws / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return ws


def repeat(runs: int, once: Callable[[], Run]) -> list[Run]:
    return [once() for _ in range(runs)]


def cold_prepare(ws: Path) -> Run:
    shutil.rmtree(ws / "generated", ignore_errors=True)  # output and its cache (.trellis/)
    return measure([*TOOL, "prepare", str(ws)])


def opc_cold(ws: Path) -> Run:
    out = ws / "opc-client"
    shutil.rmtree(out, ignore_errors=True)
    return measure(
        [*OPC, "generate", "--path", str(ws / "openapi.json"), "--output-path", str(out)]
    )


def auth_generate_all() -> Run:
    with tempfile.TemporaryDirectory(prefix="bench-auth-") as out:
        return measure([*TOOL, "generate", "all", "--manifest", str(AUTH), "--out", out])


def _reader(stream: object, lines: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)


def _wait_for(predicate: Callable[[], bool], timeout: float, poll: float = 0.002) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return False


def watch_latencies(ws: Path, edits: int) -> tuple[list[float], float]:
    """Edit one contract at a time under `prepare --watch`; seconds until every output it owns
    that shows the edited text holds the new text. Returns (latencies, peak RSS MB of the watcher).
    """
    cold_prepare(ws)
    manifests = sorted((ws / "manifests").glob("*.json"))
    proc = subprocess.Popen(
        [*TOOL, "prepare", "--watch", str(ws)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    try:
        seen: list[str] = []
        if not _wait_for(lambda: _drain(lines, seen) or any("Watching" in s for s in seen), 60):
            raise Unavailable(f"watcher did not start: {' | '.join(seen[-3:])}")
        time.sleep(0.5)  # "Watching" is printed just before the file watcher arms
        latencies = []
        for i in range(edits):
            source = manifests[i % len(manifests)]
            latencies.append(_one_edit(ws, source, f"bench-edit-{i}-{time.time_ns()}"))
            time.sleep(0.15)  # keep edits in separate batches
    finally:
        peak_mb = _stop(proc)
    return latencies, peak_mb


def _stop(proc: subprocess.Popen[str]) -> float:
    """Ctrl+C the watcher (SIGKILL after 10 s); its peak RSS in MB."""
    proc.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 10
    while True:
        pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = 0  # reaped here; keep Popen from waiting again
            return usage.ru_maxrss / 1024
        if time.monotonic() > deadline:
            proc.kill()
            deadline = float("inf")
        time.sleep(0.05)


def _drain(lines: queue.Queue[str], seen: list[str]) -> bool:
    while not lines.empty():
        seen.append(lines.get_nowait())
    return False


def _one_edit(ws: Path, source: Path, marker: str) -> float:
    text = source.read_text(encoding="utf-8")
    svc = source.stem
    old = f"Synthetic service {svc.removeprefix('svc')}."
    head = text.split('"description": "', 1)[1].split('"', 1)[0]
    outputs = [p for p in (ws / "generated").rglob("*") if p.is_file() and _holds(p, head)]
    if not outputs:
        raise Unavailable(f"no generated file shows the description of {svc}")
    new_text = text.replace(f'"description": "{head}"', f'"description": "{old} {marker}"', 1)
    tmp = source.with_suffix(".tmp")
    tmp.write_text(new_text, encoding="utf-8")
    start = time.perf_counter()
    os.replace(tmp, source)
    if not _wait_for(lambda: all(_holds(p, marker) for p in outputs), 30):
        raise Unavailable(f"edit of {svc} was not written within 30 s")
    return time.perf_counter() - start


def _holds(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


# --- the table -----------------------------------------------------------------------------------

Row = tuple[str, str, str, str, str]  # (measure, workload, value, detail, target verdict)


def verdict(name: str, workload: str, value: float | None) -> str:
    goal = TARGETS.get((name, workload))
    if goal is None or value is None:
        return ""
    limit, unit = goal
    mark = "met" if value <= limit else "MISSED"
    return f"≤ {limit:g} {unit}: {mark}"


def timing_row(name: str, workload: str, runs: list[Run]) -> Row:
    med = statistics.median(r.seconds for r in runs)
    spread = (
        f"{len(runs)} runs, {min(r.seconds for r in runs):.2f}–{max(r.seconds for r in runs):.2f} s"
    )
    return (name, workload, f"{med:.3f} s", spread, verdict(name, workload, med))


def attempt(rows: list[Row], name: str, workload: str, body: Callable[[], list[Row]]) -> None:
    try:
        rows.extend(body())
    except Unavailable as exc:
        rows.append((name, workload, "n/a", str(exc)[:90], ""))


def print_table(rows: list[Row]) -> None:
    header: Row = ("measure", "workload", "median", "detail", "target")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for i, row in enumerate([header, *rows]):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def prepare_rows(w: str, ws: Path, runs: int, edits: int, cold: list[Run]) -> list[Row]:
    """Cold, no-op and watch rows of one workload; fills `cold` for the ratio to OPC."""
    if not has_command("prepare"):
        return [(n, w, NA, "", "") for n in ("cold prepare", "no-op prepare", "watch")]
    rows: list[Row] = []

    def cold_rows() -> list[Row]:
        cold.extend(repeat(runs, lambda: cold_prepare(ws)))
        peak = max(r.peak_mb for r in cold)
        return [
            timing_row("cold prepare", w, cold),
            ("peak RSS cold prepare", w, f"{peak:.0f} MB", "", ""),
        ]

    def noop_rows() -> list[Row]:
        noop = [*TOOL, "prepare", str(ws)]
        measure(noop)  # make sure the output is current
        return [timing_row("no-op prepare", w, repeat(runs, lambda: measure(noop)))]

    def watch_rows() -> list[Row]:
        lat, peak = watch_latencies(ws, edits)
        p50, p95 = percentile(lat, 0.5), percentile(lat, 0.95)
        detail = f"{len(lat)} edits, max {max(lat):.3f} s"
        name = "watch edit→written p50"
        return [
            (name, w, f"{p50:.3f} s", detail, verdict(name, w, p50)),
            ("watch edit→written p95", w, f"{p95:.3f} s", detail, ""),
            ("peak RSS watch", w, f"{peak:.0f} MB", "", ""),
        ]

    attempt(rows, "cold prepare", w, cold_rows)
    attempt(rows, "no-op prepare", w, noop_rows)
    attempt(rows, "watch edit→written", w, watch_rows)
    return rows


def opc_rows(w: str, ws: Path, runs: int, cold: list[Run]) -> list[Row]:
    """openapi-python-client on the same API, and our cold time as a ratio of theirs."""
    theirs = repeat(runs, lambda: opc_cold(ws))
    rows = [timing_row("openapi-python-client cold", w, theirs)]
    if cold:
        ours = statistics.median(r.seconds for r in cold)
        ratio = ours / statistics.median(r.seconds for r in theirs)
        name = "cold prepare ÷ openapi-python-client"
        rows.append((name, w, f"{ratio:.2f} ×", "medians, same run", verdict(name, w, ratio)))
    return rows


def auth_rows(runs: int) -> list[Row]:
    name = "trellis.auth@v1 generate all"
    if not AUTH.is_file():
        return [(name, "auth", "n/a", f"{AUTH} not found", "")]
    if not has_command("generate", "all"):
        return [(name, "auth", NA, "", "")]
    rows: list[Row] = []
    attempt(rows, name, "auth", lambda: [timing_row(name, "auth", repeat(runs, auth_generate_all))])
    return rows


def profile_cold_w10() -> Path:
    """pyinstrument text report of one cold w10 prepare (profile before optimising)."""
    ws = synthesize("w10")
    report = WORK / "profile-cold-w10.txt"
    cmd = ["-m", "pyinstrument", "-r", "text", "-o", str(report), "-m", "trellis_generate"]
    subprocess.run(
        [sys.executable, *cmd, "prepare", str(ws)], check=False, stdout=subprocess.DEVNULL
    )
    return report


def runtime_rows(calls: int) -> list[Row]:
    """Issue 12's RPC round trips of a generated SDK: bench/runtime_bench.py's table."""
    from runtime_bench import measure_runtime, table

    rows = table(measure_runtime(calls))
    return [(name, "echo", value, "", target) for name, value, target in rows]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per timing (median reported)")
    ap.add_argument("--edits", type=int, default=20, help="edits per watch measurement")
    ap.add_argument("--workloads", default="w10,w50", help="comma list of w10,w50")
    ap.add_argument("--opc-workloads", default="w10", help="workloads run through OPC too")
    ap.add_argument("--profile", action="store_true", help="pyinstrument a cold w10 prepare")
    ap.add_argument("--runtime", action="store_true", help="add the RPC rows (issue 12)")
    ap.add_argument("--calls", type=int, default=2000, help="timed calls per RPC configuration")
    args = ap.parse_args(argv)
    rows: list[Row] = []
    for w in [w for w in args.workloads.split(",") if w]:
        ws = synthesize(w)
        cold: list[Run] = []
        rows += prepare_rows(w, ws, args.runs, args.edits, cold)
        if w in args.opc_workloads.split(","):
            attempt(
                rows, "openapi-python-client cold", w, partial(opc_rows, w, ws, args.runs, cold)
            )
    rows += auth_rows(args.runs)
    if args.runtime:
        rows += runtime_rows(args.calls)
    print_table(rows)
    if args.profile and has_command("prepare"):
        print(f"\nprofile of a cold w10 prepare: {profile_cold_w10()}")


if __name__ == "__main__":
    main()
