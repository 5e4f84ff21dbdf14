"""Shared CLI plumbing: the `--source/--manifest` contract input and error reporting."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic, format_text

SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source", "-s", metavar="FILE[:NAME]", help="Python contract module (optionally :NAME)."
    ),
]
ManifestOpt = Annotated[
    Path | None,
    typer.Option("--manifest", "-m", metavar="FILE", help="Contract manifest JSON file."),
]
DepsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--dep-manifest",
        "-d",
        metavar="PATH",
        help="Manifest file, or directory of manifests, of contracts this one uses (repeatable).",
    ),
]


def fail(diagnostics: Iterable[Diagnostic]) -> NoReturn:
    diags = list(diagnostics)
    print(format_text(diags), file=sys.stderr)
    errors = sum(d.severity == "error" for d in diags)
    print(f"{errors} error(s)", file=sys.stderr)
    raise typer.Exit(1)


def usage_error(message: str) -> NoReturn:
    print(f"usage error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def load_input(source: str | None, manifest: Path | None) -> LoadedContract:
    """Exactly one of --source/--manifest; invalid contracts exit 1 with every diagnostic."""
    from ..pipeline import load_contract, parse_source_arg

    if (source is None) == (manifest is None):
        usage_error("pass exactly one of --source FILE[:NAME] or --manifest FILE")
    try:
        if source is not None:
            path, name = parse_source_arg(source)
            return load_contract(path, name=name)
        assert manifest is not None
        return load_contract(manifest)
    except ContractError as exc:
        fail(exc.diagnostics)


def _looks_like_manifest(path: Path) -> bool:
    """In a directory, JSON files that are not contracts (indexes, digests lists) are skipped."""
    import json

    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # let the loader report it with its location
    return isinstance(value, dict) and value.get("format") == "trellis.contract.v1"


def load_deps(paths: Iterable[Path] | None) -> dict[str, LoadedContract]:
    """Dependency manifests by contract id (directories contribute every `*.json` inside)."""
    from ..pipeline import load_contract

    files: list[Path] = []
    for p in paths or ():
        files.extend(
            sorted(f for f in p.glob("*.json") if _looks_like_manifest(f)) if p.is_dir() else [p]
        )
    deps: dict[str, LoadedContract] = {}
    problems: list[Diagnostic] = []
    for f in files:
        try:
            c = load_contract(f)
        except ContractError as exc:
            problems.extend(exc.diagnostics)
            continue
        deps[c.id] = c
    if problems:
        fail(problems)
    return deps
