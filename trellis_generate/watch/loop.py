"""`prepare --watch`: a full prepare, then one decision and one (partial) prepare per batch.

Batching is watchfiles': it polls its event buffer every `QUIET_GAP_MS` (`step`) and yields once a
step passes without new events, so a batch closes after a quiet gap of 30-60 ms, capped at
`MAX_BATCH_MS` (`debounce`) for endless bursts. The reference waits 250 ms; the gap is most of an
edit's latency once rendering is fast (bench/run.py, `watch` rows: 125 ms gave a p50 of 0.40 s on
50 contracts, 50 ms 0.28 s). An editor's save (temp file, rename) takes a few milliseconds; a
burst that pauses longer than the gap becomes two batches, which costs a second
(content-addressed, so cheap) prepare, never a wrong result. A failing contract is reported and
keeps its last good output (`keep_going`); the loop only ends on Ctrl+C or `stop_event`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import watchfiles

from ..discovery.ignore import IgnoreRules
from ..discovery.records import ScanError
from ..prepare.fingerprint import PACKAGE
from ..prepare.freshness import fresh_sources
from ..prepare.run import Options, Report, Session, prepare
from ..prepare.toolchain import Toolchain, purge_generator_modules
from ..prepare.warm_up import warm_up
from .decide import Change, Decision, WatchPlan, decide, is_contract_input
from .plan import as_reported, watch_plan

QUIET_GAP_MS = 30
MAX_BATCH_MS = 2000
MAX_LISTED_CHANGES = 8


def describe(decision: Decision, batch: list[Change]) -> list[str]:
    """The `--changes` lines of one batch."""
    lines = [f"change batch: {decision.action}: {decision.reason}"]
    if decision.action == "affected":
        lines.append(f"  contracts: {', '.join(decision.contracts)}")
    for change in batch[:MAX_LISTED_CHANGES]:
        lines.append(f"  {'changed' if change.exists else 'removed'}: {change.path}")
    if len(batch) > MAX_LISTED_CHANGES:
        lines.append(f"  ... {len(batch) - MAX_LISTED_CHANGES} more")
    return lines


def _defines_contract(session: Session, root: Path, rel: str) -> bool | None:
    assert session.scans is not None
    try:
        return bool(session.scans.scan((root / rel).read_text(encoding="utf-8")).contracts)
    except (OSError, UnicodeDecodeError, ScanError):
        return None


def to_changes(
    raw: set[tuple[watchfiles.Change, str]], root: Path, plan: WatchPlan | None, session: Session
) -> list[Change]:
    """Turn a watchfiles batch into decide()'s input (the only file system reads of a decision)."""
    changes = []
    for path in sorted({p for _, p in raw}):
        absolute = Path(path)
        rel = as_reported(absolute, root)
        exists = absolute.exists()
        defines = None
        shaped = plan is not None and (rel in plan.sources or plan.discovery_shaped(rel))
        if exists and rel.endswith(".py") and shaped:
            defines = _defines_contract(session, root, rel)
        changes.append(Change(rel, exists, defines))
    return changes


def run_watch(
    root: Path,
    options: Options,
    *,
    emit: Callable[[Report], None],
    say: Callable[[str], None],
    show_changes: bool = False,
    toolchain: Callable[[], Toolchain] = Toolchain,
    stop_event: threading.Event | None = None,
    on_idle: Callable[[], None] | None = None,
) -> None:
    """Watch until interrupted. `emit` prints a prepare report, `say` a plain line; `toolchain`
    builds the generator (again after a reload); `on_idle` is called whenever the watcher has been
    quiet for 100 ms (tests use it to know it is running)."""
    root = root.resolve()
    # Contract modules, their helpers and the generator's own code can change under us.
    with fresh_sources((root, PACKAGE)):
        _watch(root, options, emit, say, show_changes, toolchain, stop_event, on_idle)


def _watch(
    root: Path,
    options: Options,
    emit: Callable[[Report], None],
    say: Callable[[str], None],
    show_changes: bool,
    toolchain: Callable[[], Toolchain],
    stop_event: threading.Event | None,
    on_idle: Callable[[], None] | None,
) -> None:
    tools = toolchain()
    keep_going = replace(options, check=False, keep_going=True)
    session = Session()
    report = prepare(root, keep_going, tools, session)
    emit(report)
    # From here on a watcher thread runs: no more forking (`Toolchain.parallel`), and the toolchain
    # is warmed in the background while the user has not edited anything yet.
    tools.parallel = False
    warming = threading.Thread(target=warm_up, name="trellis-warm-up", daemon=True)
    warming.start()
    plan = watch_plan(report)
    rules = [IgnoreRules(root, as_reported(report.out, root))]  # renewed after every prepare

    def relevant(_: watchfiles.Change, path: str) -> bool:
        rel = as_reported(Path(path), root)
        if rel.startswith("/"):
            return True  # generator roots outside the repository
        is_dir = Path(path).is_dir()
        return is_contract_input(plan, rel, is_dir=is_dir) and not rules[0].ignored(
            rel, is_dir=is_dir
        )

    watched = [
        root,
        *(Path(g) for g in (plan.generator_roots if plan else ()) if g.startswith("/")),
    ]
    say(f"Watching {root}")
    for raw in watchfiles.watch(
        *watched,
        watch_filter=relevant,
        step=QUIET_GAP_MS,
        debounce=MAX_BATCH_MS,
        stop_event=stop_event,
        raise_interrupt=False,
        yield_on_timeout=on_idle is not None,
        rust_timeout=100 if on_idle is not None else 5000,
    ):
        if not raw:
            if on_idle is not None:
                on_idle()
            continue
        batch = to_changes(raw, root, plan, session)
        decision = decide(plan, batch)
        if show_changes:
            for line in describe(decision, batch):
                say(line)
        if decision.action == "ignored":
            continue
        if decision.action == "reload":
            purge_generator_modules()
            tools = toolchain()
            tools.parallel = False
            session.loaded.clear()
        warming.join()  # rendering is not meant to run in two threads at once
        try:
            report = prepare(root, keep_going, tools, session)
        except Exception as exc:  # keep watching: the next edit may fix it
            say(f"prepare crashed: {type(exc).__name__}: {exc}")
            continue
        emit(report)
        plan = watch_plan(report) or plan
        rules[0] = IgnoreRules(root, as_reported(report.out, root))
