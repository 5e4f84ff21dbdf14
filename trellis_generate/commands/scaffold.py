"""`scaffold`: a manifest → a Python contract module written with the authoring API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._inputs import ContractOpt, ManifestOpt, fail, load_input, usage_error


@app.command()
def scaffold(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="MODULE.py", help="Module to write.")],
    manifest: ManifestOpt = None,
    contract: ContractOpt = None,
    name: Annotated[
        str, typer.Option("--name", "-n", help="Module-level name of the contract.")
    ] = "CONTRACT",
    docs: Annotated[
        bool, typer.Option("--docs/--no-docs", help="Keep the manifest's docs (or leave them out).")
    ] = True,
    allow_changes: Annotated[
        bool,
        typer.Option(
            "--allow-changes",
            help="Write the module even where it cannot reproduce the manifest (as warnings).",
        ),
    ] = False,
) -> None:
    """Write a Python module that defines the contract of a manifest with
    `define_*_contract(...)`: one descriptor per surface, schemas as named constants.

    The module is loaded back before it is written; unless it yields the same normalized manifest
    and digest (modulo the list order the authoring API imposes), nothing is written and exit is 1.
    """
    from dataclasses import replace

    from ..scaffold import ScaffoldNameError, scaffold
    from ..write.atomic import write_text_if_changed

    if out.suffix != ".py":
        usage_error(f"--out must name a .py module, got '{out}'")
    loaded = load_input(None, manifest, contract, offers_contract=True)
    try:
        result = scaffold(loaded, export=name, docs=docs)
    except ScaffoldNameError as exc:
        usage_error(str(exc))
    if result.changes and not allow_changes:
        fail(result.changes)
    for change in result.changes:
        print(replace(change, severity="warning").format(), file=sys.stderr)
    write_text_if_changed(out, result.source)
    print(f"OK scaffolded {loaded.id} into {out}")
    if result.loaded is not None:
        print(f"  digest: {result.loaded.digest}")
    for pointer in result.reordered:
        print(f"  note: {pointer}: sorted and deduplicated, as the authoring API always emits it")
