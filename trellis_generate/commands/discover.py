"""`trellis-generate discover`: list the contracts prepare would generate, without running them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import app
from ._inputs import ErrorFormat, ErrorFormatOpt, fail, report


@app.command()
def discover(
    root: Annotated[Path, typer.Argument(help="Repository root.")] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable listing.")] = False,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Static listing: path, contract id, kind, role, `uses` and the local modules it imports."""
    if not root.is_dir():
        raise typer.BadParameter(f"{root} is not a directory", param_hint="ROOT")
    from ..diagnostics import ContractError
    from ..discovery import discover as find
    from ..discovery import load_config
    from ..discovery.plan import order_by_uses
    from ..discovery.scancache import ScanCache
    from ..outputs import LOCK_DIR

    root = root.resolve()
    try:
        config = load_config(root)
        scans = ScanCache(root / config.out / LOCK_DIR / "scan-cache.json")  # read, never written
        found = find(root, config, scans)
    except ContractError as exc:
        fail(exc.diagnostics, error_format)
    uses = {s.id: s.uses or () for s in found.sources if s.id is not None}
    order, cycles = order_by_uses(uses)
    rows: list[dict[str, Any]] = [
        {
            "path": s.path,
            "name": s.name,
            "id": s.id,
            "kind": s.kind,
            "role": s.role,
            "uses": list(s.uses) if s.uses is not None else None,
            "imports": list(s.imports),
        }
        for s in found.sources
    ]
    if as_json:
        doc = {
            "root": str(found.root),
            "out": found.config.out,
            "targets": list(found.config.targets),
            "contracts": rows,
            "order": order,
            "cycles": cycles,
            "diagnostics": [d.to_json() for d in found.diagnostics],
        }
        typer.echo(json.dumps(doc, indent=2))
    else:
        for row in rows:
            where = f"{row['path']}:{row['name']}" if row["name"] else row["path"]
            role = "" if row["role"] == "owned" else f" ({row['role']})"
            typer.echo(f"{where}  {row['id'] or '?'}  {row['kind'] or '?'}{role}")
            if row["uses"]:
                typer.echo(f"    uses: {', '.join(row['uses'])}")
            for module in row["imports"]:
                typer.echo(f"    imports: {module}")
        if not rows:
            typer.echo("No contracts found.")
        for cycle in cycles:
            typer.echo(f"note: uses cycle {' -> '.join([*cycle, cycle[0]])} (fine for manifests)")
        report(found.diagnostics, error_format)
    if found.diagnostics:
        raise typer.Exit(1)
