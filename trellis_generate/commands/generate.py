"""`generate {manifest|python|scopes|all}`: one contract, one target, an explicit output path."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..contract import LoadedContract
from ..diagnostics import ContractError
from ._app import generate_app
from ._inputs import (
    ContractOpt,
    DepsOpt,
    ErrorFormat,
    ErrorFormatOpt,
    ManifestOpt,
    SourceOpt,
    fail,
    fail_os,
    load_deps,
    load_input,
)

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Output file (manifest) or directory.")]


def _render(
    contract: LoadedContract,
    deps: list[Path] | None,
    targets: tuple[str, ...],
    fmt: ErrorFormat,
) -> dict[str, str]:
    from ..platform import with_builtins
    from ..prepare.model_cache import model_cache
    from ..render import render_targets
    from ..views.uses import use_problems

    used = with_builtins(load_deps(deps, fmt), [contract])
    problems = use_problems(contract, used)  # a given dependency must have what is used
    if problems:
        fail(problems, fmt)
    try:
        models = model_cache() if "python" in targets else None  # shared with prepare
        return render_targets(contract, used, targets, models=models)
    except ContractError as exc:
        fail(exc.diagnostics, fmt)


def _write_tree(out: Path, files: dict[str, str], strip_prefix: bool, fmt: ErrorFormat) -> None:
    from ..write.atomic import write_text_if_changed

    try:
        for rel, text in sorted(files.items()):
            target = rel.split("/", 1)[1] if strip_prefix else rel
            write_text_if_changed(out / target, text)
    except OSError as exc:
        fail_os(exc, fmt)


@generate_app.command("manifest")
def manifest_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    contract_id: ContractOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Write the canonical normalized manifest (plus a trailing newline) to FILE, atomically."""
    from ..render.manifest import render_manifest
    from ..write.atomic import write_text_if_changed

    contract = load_input(source, manifest, contract_id, offers_contract=True, fmt=error_format)
    (text,) = render_manifest(contract, {}).values()
    try:
        write_text_if_changed(out, text)
    except OSError as exc:
        fail_os(exc, error_format)
    print(f"OK generated canonical manifest for {contract.id}")
    print(f"  manifest: {out}")
    print(f"  digest: {contract.digest}")


def _generate_target(
    target: str,
    out: Path,
    source: str | None,
    manifest: Path | None,
    contract_id: str | None,
    deps: list[Path] | None,
    fmt: ErrorFormat,
) -> None:
    contract = load_input(source, manifest, contract_id, offers_contract=True, fmt=fmt)
    files = _render(contract, deps, (target,), fmt)
    _write_tree(out, files, True, fmt)
    print(f"OK generated {target} for {contract.id} in {out}")


@generate_app.command("python")
def python_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    contract_id: ContractOpt = None,
    dep_manifest: DepsOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Write the typed Python SDK package of a contract into DIR/<package>/."""
    _generate_target("python", out, source, manifest, contract_id, dep_manifest, error_format)


@generate_app.command("scopes")
def scopes_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    contract_id: ContractOpt = None,
    dep_manifest: DepsOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Write DIR/<id>.scopes.json and .scopes.md: capabilities and subjects per surface."""
    _generate_target("scopes", out, source, manifest, contract_id, dep_manifest, error_format)


@generate_app.command("all")
def all_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    contract_id: ContractOpt = None,
    dep_manifest: DepsOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Write manifest, Python SDK and scopes under DIR (manifests/, python/, scopes/)."""
    from ..render import ALL_TARGETS

    contract = load_input(source, manifest, contract_id, offers_contract=True, fmt=error_format)
    files = _render(contract, dep_manifest, ALL_TARGETS, error_format)
    _write_tree(out, files, False, error_format)
    print(f"OK generated contract artifacts for {contract.id} in {out}")
    print(f"  digest: {contract.digest}")
