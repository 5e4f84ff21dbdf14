"""Capability metadata as a user sees it when approving: from the contract that owns the
capability, else the runtime's fallback text."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import ContractModel
from .listing import CapabilityInfo
from .order import sort_unique

SERVICE_CAPABILITY = "service"


def capability_info(key: str, owner: ContractModel | None) -> CapabilityInfo:
    """Metadata from the owning contract, or the runtime's fallback."""
    meta = owner.capabilities.get(key) if owner is not None else None
    if meta is None or owner is None:
        return CapabilityInfo(key, key, f"Requires {key}.", None, None)
    return CapabilityInfo(key, meta.display_name, meta.description, meta.consequence, owner.id)


class CapabilityCollector:
    """First owner wins, as in `planUserContractApproval`'s `addCapability`."""

    def __init__(self) -> None:
        self._seen: dict[str, CapabilityInfo] = {}

    def add(self, keys: Iterable[str], owner: ContractModel) -> None:
        for key in keys:
            if key not in self._seen:
                self._seen[key] = capability_info(key, owner)

    def sorted(self) -> tuple[CapabilityInfo, ...]:
        return tuple(self._seen[k] for k in sort_unique(self._seen))
