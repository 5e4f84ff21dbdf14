"""Resolve a contract's `uses` against the contracts that are available, as the runtime's
`resolveContractUses` does, except that what cannot be found is reported instead of thrown:
a listing is reviewed before deployment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import USE_SELECTORS, ContractModel, Surface, SurfaceKind
from .listing import Unresolved
from .order import dedupe


@dataclass(frozen=True)
class ResolvedUse:
    """One surface selected through `uses`, found in the dependency."""

    alias: str
    required: bool
    contract_id: str
    kind: SurfaceKind
    selector: str  # call | publish | subscribe
    name: str
    spec: Surface
    owner: ContractModel


def resolve_uses(
    contract: ContractModel, deps: Mapping[str, ContractModel]
) -> tuple[tuple[ResolvedUse, ...], tuple[Unresolved, ...]]:
    """Resolve `uses` against `deps` (contract id → contract), collecting what cannot be found."""
    resolved: list[ResolvedUse] = []
    unresolved: list[Unresolved] = []
    for use in contract.uses:
        target = deps.get(use.contract)
        if target is None:
            message = f"Dependency '{use.alias}' references unknown contract '{use.contract}'"
            unresolved.append(
                Unresolved(use.alias, use.contract, use.required, None, None, message)
            )
            continue
        for selector in USE_SELECTORS:
            section = target.surfaces(selector.kind)
            for name in dedupe(use.selected(selector)):
                if name not in section:
                    message = (
                        f"Dependency '{use.alias}' references missing {selector.label} "
                        f"'{name}' on '{use.contract}'"
                    )
                    unresolved.append(
                        Unresolved(
                            use.alias, use.contract, use.required, selector.kind, name, message
                        )
                    )
                    continue
                resolved.append(
                    ResolvedUse(
                        use.alias,
                        use.required,
                        use.contract,
                        selector.kind,
                        selector.action,
                        name,
                        section[name],
                        target,
                    )
                )
    return tuple(resolved), tuple(unresolved)
