"""`trellis-generate prepare`: generate every contract of a repository (or check, or watch)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..render import ALL_TARGETS
from ._app import app
from ._inputs import ErrorFormat, ErrorFormatOpt, fail_os, report


def _targets(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    targets = tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))
    unknown = [t for t in targets if t not in ALL_TARGETS]
    if unknown or not targets:
        known = ", ".join(ALL_TARGETS)
        raise typer.BadParameter(
            f"unknown target(s) {', '.join(unknown) or '(none)'}; known: {known}",
            param_hint="--targets",
        )
    return targets


@app.command()
def prepare(
    root: Annotated[Path, typer.Argument(metavar="ROOT", help="Repository root.")] = Path("."),
    targets: Annotated[
        str | None,
        typer.Option(
            metavar="LIST", help="Comma list of manifest,python,scopes (default: config)."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(metavar="DIR", help="Output dir (default: config, generated/).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Compare with disk; write nothing.")
    ] = False,
    watch: Annotated[bool, typer.Option("--watch", help="Keep regenerating on change.")] = False,
    changes: Annotated[
        bool, typer.Option("--changes", help="With --watch: print each batch and decision.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Ignore the cache.")] = False,
    show_timings: Annotated[
        bool, typer.Option("--timings", help="Print the time of each stage after the run.")
    ] = False,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Discover, load and generate every contract under ROOT (cached by content)."""
    if changes and not watch:
        raise typer.BadParameter("--changes requires --watch", param_hint="--changes")
    if check and watch:
        raise typer.BadParameter("--check and --watch exclude each other", param_hint="--check")
    if not root.is_dir():
        raise typer.BadParameter(f"{root} is not a directory", param_hint="ROOT")
    from ..prepare.run import Options, Report
    from ..prepare.run import prepare as run_prepare
    from ._report import report_lines

    options = Options(_targets(targets), out.resolve() if out else None, force, check)
    color = sys.stdout.isatty()

    def emit(outcome: Report) -> None:
        report(outcome.problems, error_format)
        for line in report_lines(outcome, color=color, check=check):
            typer.echo(line)
        if show_timings:
            from ..timings import lines

            for line in lines(outcome.timings, outcome.elapsed, outcome.workers):
                typer.echo(line)

    if watch:
        from ..watch.loop import run_watch

        try:
            run_watch(root, options, emit=emit, say=typer.echo, show_changes=changes)
        except KeyboardInterrupt:  # Ctrl+C outside watchfiles' own wait: still a clean stop
            pass
        return
    try:
        result = run_prepare(root, options)
    except OSError as exc:  # a read-only output dir, a full disk: nothing half-written
        fail_os(exc, error_format)
    emit(result)
    if not result.ok:
        raise typer.Exit(1)
