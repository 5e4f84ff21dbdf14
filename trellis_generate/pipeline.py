"""load → validate + normalize → canonicalize + digest, for one contract."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .contract import LoadedContract, Origin
from .core.canonical import canonical_json
from .core.digest import contract_digest
from .core.validate import validate_and_normalize
from .diagnostics import ContractError, Diagnostic, errors_only
from .load.manifest_json import pointer_lines, read_manifest_file
from .load.python_source import load_python_source
from .timings import stage


def _raw_id(raw: Any) -> str | None:
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and value else None


def contract_from_manifest(
    raw: Any, origin: Origin, *, extra: Iterable[Diagnostic] = (), source_text: str | None = None
) -> LoadedContract:
    """Validate, normalize and digest a raw manifest; raise ContractError listing every problem."""
    with stage("validate"):
        normalized, diags = validate_and_normalize(raw)
    diags = [*extra, *diags]
    if errors_only(diags) or normalized is None:
        if source_text is not None and not origin.lines:
            origin = Origin(origin.path, origin.kind, origin.name, pointer_lines(source_text))
        cid = _raw_id(raw)
        located = [
            d.located(file=origin.path, line=origin.line_for(d.pointer), contract_id=cid)
            for d in diags
        ]
        # Authoring and validation both check some rules (event params): report each problem once.
        raise ContractError(list(dict.fromkeys(located)))
    return LoadedContract(
        manifest=normalized,
        # Validation already checked every value of the manifest these are derived from.
        canonical=canonical_json(normalized, checked=True),
        digest=contract_digest(normalized, checked=True),
        origin=origin,
    )


def parse_source_arg(arg: str) -> tuple[Path, str | None]:
    """`FILE[:NAME]` → (path, name)."""
    head, sep, tail = arg.rpartition(":")
    if sep and tail.isidentifier() and head:
        return Path(head), tail
    return Path(arg), None


def load_contract(path: str | Path, *, name: str | None = None) -> LoadedContract:
    """Load a Python contract module (`.py`) or a manifest JSON file."""
    p = Path(path)
    if p.suffix == ".py":
        raw, export, lines, authored = load_python_source(p, name)
        origin = Origin(str(p.resolve()), "python", export, lines)
        return contract_from_manifest(raw, origin, extra=authored)
    raw, text = read_manifest_file(p)
    return contract_from_manifest(raw, Origin(str(p), "json"), source_text=text)
