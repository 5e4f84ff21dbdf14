"""Rebuild the shipped manifests of the built-in contracts from their authoring modules.

    python -m trellis_generate.platform.build          # rewrite manifests/<id>.json
    python -m trellis_generate.platform.build --check  # exit 1 if any is stale

Run it after editing `auth.py`, `core.py`, `health.py`, `jobs.py` or `state.py`; a test fails
while a shipped manifest differs from what its module builds.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from ..contract import LoadedContract, Origin
from ..diagnostics import ContractError, format_text
from ..write.atomic import write_text_if_changed
from . import SOURCES, manifest_path


def build(contract_id: str) -> LoadedContract:
    """Load the authoring module of a built-in contract (raises ContractError if invalid)."""
    from ..pipeline import contract_from_manifest

    module = importlib.import_module(f"{__package__}.{SOURCES[contract_id]}")
    definition = module.CONTRACT
    origin = Origin(str(module.__file__), "python", "CONTRACT", dict(definition.lines))
    contract = contract_from_manifest(definition.manifest, origin, extra=definition.diagnostics)
    if contract.id != contract_id:
        raise ValueError(f"{module.__name__} defines {contract.id}, expected {contract_id}")
    return contract


def manifest_text(contract: LoadedContract) -> str:
    """The shipped file: the canonical manifest and a newline, as `generate manifest` writes."""
    return contract.canonical + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = args == ["--check"]
    if args and not check:
        print("usage: python -m trellis_generate.platform.build [--check]", file=sys.stderr)
        return 2
    stale = []
    for contract_id in sorted(SOURCES):
        try:
            text = manifest_text(build(contract_id))
        except ContractError as exc:
            print(format_text(exc.diagnostics), file=sys.stderr)
            return 1
        path = manifest_path(contract_id)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(contract_id)
        if not check:
            write_text_if_changed(path, text)
            print(f"wrote {path}")
    if check and stale:
        print("stale built-in manifests: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
