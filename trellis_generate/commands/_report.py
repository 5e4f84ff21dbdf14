"""Progress lines of a prepare: one per contract, then a summary; colored only on a terminal.

Terminal presentation belongs to the commands: `prepare/` returns a `Report` (data), and
`prepare --watch` and `prepare` print it through these lines.
"""

from __future__ import annotations

from collections import Counter

import typer

from ..prepare.run import Outcome, Report

_COLORS = {"written": "green", "unchanged": None, "failed": "red", "checked": None}


def _paint(text: str, color: str | None, enabled: bool) -> str:
    return typer.style(text, fg=color) if enabled and color else text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def outcome_line(outcome: Outcome, color: bool) -> str:
    digest = (outcome.digest or "-")[:8]
    if outcome.status == "written":
        what = f"wrote {_count(len(outcome.written), 'file')}"
    elif outcome.status == "failed":
        what = f"failed ({_count(len(outcome.diagnostics), 'error')})"
    else:
        what = outcome.status
    return f"  {outcome.id}  {digest:8}  {_paint(what, _COLORS[outcome.status], color)}"


def report_lines(report: Report, *, color: bool, check: bool = False) -> list[str]:
    """Everything a prepare prints on stdout; diagnostics go to stderr (`print_diagnostics`)."""
    lines = [outcome_line(o, color) for o in report.outcomes]
    if report.drift is not None:
        for label, paths in (
            ("stale", report.drift.stale),
            ("missing", report.drift.missing),
            ("extra", report.drift.extra),
        ):
            lines += [f"  {_paint(label, 'yellow', color)}  {report.out.name}/{p}" for p in paths]
    for path in report.removed:
        lines.append(f"  {_paint('removed', 'yellow', color)}  {report.out.name}/{path}")
    counts = Counter(o.status for o in report.outcomes)
    if not report.outcomes and not report.errors:
        lines.append("No contracts found.")
    parts = [_count(len(report.outcomes), "contract")]
    parts += [
        f"{counts[s]} {s}" for s in ("written", "unchanged", "checked", "failed") if counts[s]
    ]
    if report.drift is not None:
        drift = report.drift
        bad = len(drift.stale) + len(drift.missing) + len(drift.extra)
        parts.append(
            "up to date" if drift.clean else f"{bad} file{'s' if bad != 1 else ''} out of date"
        )
    if report.removed:
        parts.append(f"{len(report.removed)} removed")
    verdict = _paint("ok" if report.ok else "failed", "green" if report.ok else "red", color)
    name = "check" if check else "prepare"
    lines.append(f"{name} {verdict}: {', '.join(parts)} in {report.elapsed:.2f}s")
    return lines
