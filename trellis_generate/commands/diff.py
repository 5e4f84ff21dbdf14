"""`diff OLD NEW` / `diff --against REV [ROOT]`: classify contract changes and their permission
impact; a thin adapter over trellis_generate.diff."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._inputs import (
    DepsOpt,
    ErrorFormat,
    ErrorFormatOpt,
    fail,
    load_deps,
    report,
    usage_error,
)


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    breaking = "breaking"
    any = "any"
    never = "never"


@app.command("diff")
def diff_cmd(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OLD NEW | [ROOT]",
            help="Two sides (manifest file, FILE.py[:NAME], or a directory of manifests); "
            "with --against, the project root (default .).",
            show_default=False,
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="REV",
            help="Compare every contract discovered at git revision REV with the working tree.",
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a breaking change (or any change) is found."),
    ] = FailOn.never,
    dep_manifest: DepsOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Classify the changes between two versions of contracts: breaking, compatible or
    metadata-only, with the version consequence and the permission impact (docs/compatibility.md
    lists the rules)."""
    from ..diff.compare import diff_sides
    from ..diff.report import render
    from ..diff.sides import GitError, Side, load_git_side, load_path_side, load_tree_side
    from ..pipeline import parse_source_arg

    args = paths or []
    try:
        if against is not None:
            if len(args) > 1:
                usage_error("with --against pass at most one ROOT")
            root = Path(args[0] if args else ".")
            if not root.is_dir():
                usage_error(f"ROOT '{root}' is not a directory")
            old: Side = load_git_side(against, root)
            new = load_tree_side(root, "working tree")
        else:
            if len(args) != 2:
                usage_error("pass OLD and NEW, or --against REV [ROOT]")
            for arg in args:
                if not parse_source_arg(arg)[0].exists():
                    usage_error(f"'{arg}' does not exist")
            old, new = load_path_side(args[0]), load_path_side(args[1])
    except GitError as exc:
        usage_error(f"git: {exc}")
    problems = [*old.diagnostics, *new.diagnostics]
    if any(d.severity == "error" for d in problems):
        fail(problems, error_format)
    report(problems, error_format)
    extra = load_deps(dep_manifest, error_format)
    diffs = diff_sides(
        old.contracts,
        new.contracts,
        old_deps={**extra, **old.deps},
        new_deps={**extra, **new.deps},
    )
    sys.stdout.write(render(diffs, fmt.value))
    if fail_on is FailOn.breaking and any(d.breaking for d in diffs):
        raise typer.Exit(1)
    if fail_on is FailOn.any and any(d.status != "unchanged" or d.findings for d in diffs):
        raise typer.Exit(1)
