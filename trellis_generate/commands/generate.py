"""`generate {manifest|python|scopes|all}`: one contract, one target, an explicit output path."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..contract import LoadedContract
from ..diagnostics import ContractError
from ._app import generate_app
from ._inputs import DepsOpt, ManifestOpt, SourceOpt, fail, load_deps, load_input

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Output file (manifest) or directory.")]


def _render(
    contract: LoadedContract, deps: list[Path] | None, targets: tuple[str, ...]
) -> dict[str, str]:
    from ..render import render_targets

    try:
        return render_targets(contract, load_deps(deps), targets)
    except ContractError as exc:
        fail(exc.diagnostics)


def _write_tree(out: Path, files: dict[str, str], strip_prefix: bool) -> None:
    from ..write.atomic import write_text_if_changed

    for rel, text in sorted(files.items()):
        target = rel.split("/", 1)[1] if strip_prefix else rel
        write_text_if_changed(out / target, text)


@generate_app.command("manifest")
def manifest_cmd(out: OutOpt, source: SourceOpt = None, manifest: ManifestOpt = None) -> None:
    """Write the canonical normalized manifest (plus a trailing newline) to FILE, atomically."""
    from ..render.manifest import render_manifest
    from ..write.atomic import write_text_if_changed

    contract = load_input(source, manifest)
    (text,) = render_manifest(contract, {}).values()
    write_text_if_changed(out, text)
    print(f"OK generated canonical manifest for {contract.id}")
    print(f"  manifest: {out}")
    print(f"  digest: {contract.digest}")


def _generate_target(
    target: str, out: Path, source: str | None, manifest: Path | None, deps: list[Path] | None
) -> None:
    contract = load_input(source, manifest)
    files = _render(contract, deps, (target,))
    _write_tree(out, files, strip_prefix=True)
    print(f"OK generated {target} for {contract.id} in {out}")


@generate_app.command("python")
def python_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    dep_manifest: DepsOpt = None,
) -> None:
    """Write the typed Python SDK package of a contract into DIR/<package>/."""
    _generate_target("python", out, source, manifest, dep_manifest)


@generate_app.command("scopes")
def scopes_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    dep_manifest: DepsOpt = None,
) -> None:
    """Write DIR/<id>.scopes.json and .scopes.md: capabilities and subjects per surface."""
    _generate_target("scopes", out, source, manifest, dep_manifest)


@generate_app.command("all")
def all_cmd(
    out: OutOpt,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    dep_manifest: DepsOpt = None,
) -> None:
    """Write manifest, Python SDK and scopes under DIR (manifests/, python/, scopes/)."""
    from ..render import ALL_TARGETS

    contract = load_input(source, manifest)
    files = _render(contract, dep_manifest, ALL_TARGETS)
    _write_tree(out, files, strip_prefix=False)
    print(f"OK generated contract artifacts for {contract.id} in {out}")
    print(f"  digest: {contract.digest}")
