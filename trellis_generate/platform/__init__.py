"""The Trellis platform contracts, built in: `trellis.auth@v1`, `trellis.core@v1`,
`trellis.health@v1`, `trellis.jobs@v1` and `trellis.state@v1`.

Every Trellis deployment provides these, so a repository never ships their manifests: `uses` of
them resolve here whenever the repository does not define the id itself. Their source is ours,
written with the authoring API (`auth.py`, `core.py`, ... in this package); what the digest covers
is the platform's interface and matches the reference runtime's digests, the prose is our own.

What is read at run time is the canonical manifest built from those modules ahead of time
(`manifests/<id>.json`, rebuilt by `python -m trellis_generate.platform.build`), so resolving a
built-in costs a JSON parse and a digest, never an import of the authoring API.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

from ..contract import LoadedContract, Origin

MANIFESTS = Path(__file__).resolve().parent / "manifests"

# Contract id → the authoring module (in this package) it is built from.
SOURCES: Mapping[str, str] = {
    "trellis.auth@v1": "auth",
    "trellis.core@v1": "core",
    "trellis.health@v1": "health",
    "trellis.jobs@v1": "jobs",
    "trellis.state@v1": "state",
}
BUILTIN_IDS = frozenset(SOURCES)


def manifest_path(contract_id: str) -> Path:
    """Where the built manifest of a built-in contract is shipped."""
    return MANIFESTS / f"{contract_id}.json"


@cache
def builtin_contract(contract_id: str) -> LoadedContract | None:
    """The built-in contract with this id (loaded once per process), or None."""
    if contract_id not in BUILTIN_IDS:
        return None
    # Imported here: a no-op prepare needs the ids only.
    from ..core.digest import contract_digest

    path = manifest_path(contract_id)
    canonical = path.read_text(encoding="utf-8").removesuffix("\n")
    manifest = json.loads(canonical)
    # Built by `build.py` from a validated contract and pinned by tests: no need to validate again.
    return LoadedContract(
        manifest=manifest,
        canonical=canonical,
        digest=contract_digest(manifest, checked=True),
        origin=Origin(str(path), "json"),
    )


class _Builtins(Mapping[str, LoadedContract]):
    """Every built-in contract, each loaded when first looked up."""

    def __getitem__(self, contract_id: str) -> LoadedContract:
        found = builtin_contract(contract_id)
        if found is None:
            raise KeyError(contract_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(BUILTIN_IDS))

    def __len__(self) -> int:
        return len(BUILTIN_IDS)

    def __contains__(self, contract_id: object) -> bool:
        return contract_id in BUILTIN_IDS


BUILTINS: Mapping[str, LoadedContract] = _Builtins()


def builtin_contracts() -> Mapping[str, LoadedContract]:
    """Contract id → built-in contract; a lookup loads only the contract looked up."""
    return BUILTINS


def with_builtins(
    deps: Mapping[str, LoadedContract], users: Iterable[LoadedContract]
) -> dict[str, LoadedContract]:
    """`deps` plus the built-in contracts that `users` use and `deps` does not provide.

    A contract in `deps` always wins over the built-in of its id (the repository's own manifest
    of a platform contract is the one it generates against). Only the built-ins actually used
    are loaded.
    """
    out = dict(deps)
    for user in users:
        for ident in user.model.used_ids:
            if ident not in out and ident != user.id and (found := builtin_contract(ident)):
                out[ident] = found
    return out


__all__ = [
    "BUILTIN_IDS",
    "SOURCES",
    "builtin_contract",
    "builtin_contracts",
    "manifest_path",
    "with_builtins",
]
