"""Shared CLI plumbing: the `--source/--manifest` contract input, `--error-format` and reporting."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic, print_diagnostics


class ErrorFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


ErrorFormatOpt = Annotated[
    ErrorFormat,
    typer.Option(
        "--error-format",
        metavar="text|json|github",
        help="Problems on stderr as text lines, one JSON document, or GitHub annotations.",
    ),
]

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
ContractOpt = Annotated[
    str | None,
    typer.Option(
        "--contract",
        "-c",
        metavar="ID",
        help="A built-in platform contract (trellis.auth@v1, trellis.core@v1, trellis.health@v1, "
        "trellis.jobs@v1, trellis.state@v1).",
    ),
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


def report(diagnostics: Iterable[Diagnostic], fmt: ErrorFormat = ErrorFormat.text) -> None:
    """Print problems (errors and warnings) in the chosen format, on stderr."""
    print_diagnostics(diagnostics, fmt.value)


def fail(diagnostics: Iterable[Diagnostic], fmt: ErrorFormat = ErrorFormat.text) -> NoReturn:
    report(diagnostics, fmt)
    raise typer.Exit(1)


def fail_os(exc: OSError, fmt: ErrorFormat = ErrorFormat.text) -> NoReturn:
    """An unreadable input or unwritable output: a user problem, reported like the others."""
    where = exc.filename if isinstance(exc.filename, str) else None
    message = exc.strerror or str(exc)
    fail([Diagnostic("io", message, file=where)], fmt)


def usage_error(message: str) -> NoReturn:
    print(f"usage error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def load_input(
    source: str | None,
    manifest: Path | None,
    contract: str | None = None,
    *,
    offers_contract: bool = False,
    fmt: ErrorFormat = ErrorFormat.text,
) -> LoadedContract:
    """Exactly one of --source/--manifest (/--contract where the command `offers_contract`);
    invalid contracts exit 1 with every diagnostic."""
    from ..pipeline import load_contract, parse_source_arg

    given = [x for x in (source, manifest, contract) if x is not None]
    if len(given) != 1:
        usage_error(
            "pass exactly one of --source FILE[:NAME] or --manifest FILE"
            + (" or --contract ID" if offers_contract else "")
        )
    if contract is not None:
        return load_builtin(contract)
    try:
        if source is not None:
            path, name = parse_source_arg(source)
            return load_contract(path, name=name)
        assert manifest is not None
        return load_contract(manifest)
    except ContractError as exc:
        fail(exc.diagnostics, fmt)


def load_builtin(contract_id: str) -> LoadedContract:
    """A built-in platform contract by id; an unknown id is a usage error naming the known ones."""
    from ..platform import BUILTIN_IDS, builtin_contract

    found = builtin_contract(contract_id)
    if found is None:
        known = ", ".join(sorted(BUILTIN_IDS))
        usage_error(f"'{contract_id}' is not a built-in contract (built in: {known})")
    return found


def _looks_like_manifest(path: Path) -> bool:
    """In a directory, JSON files that are not contracts (indexes, digests lists) are skipped."""
    import json

    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # let the loader report it with its location
    return isinstance(value, dict) and value.get("format") == "trellis.contract.v1"


def load_deps(
    paths: Iterable[Path] | None, fmt: ErrorFormat = ErrorFormat.text
) -> dict[str, LoadedContract]:
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
        fail(problems, fmt)
    return deps
