"""The complete scope listing of one contract: the §9.2 table, per-surface actions, capability
metadata, and the approval (app/agent) or service (service/device) rules."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import ContractModel
from .actions import surface_actions
from .approval import approval_scopes
from .capabilities import CapabilityCollector
from .listing import ScopeListing
from .nats import analyze_nats
from .resolve import resolve_uses
from .service import service_permissions


def derive_scopes(
    contract: ContractModel, deps: Mapping[str, ContractModel], *, digest: str = ""
) -> ScopeListing:
    """The scope listing of `contract`; `deps` maps contract id → the contracts it may use."""
    uses, unresolved = resolve_uses(contract, deps)
    nats_publish, nats_subscribe = analyze_nats(contract)
    surfaces = surface_actions(contract, uses)
    caps = CapabilityCollector()
    for surface in surfaces:
        owner = contract if surface.role == "owned" else deps[surface.surface.contract_id]
        caps.add(surface.capabilities, owner)
    caps.add(sorted(contract.capabilities), contract)  # declared, maybe unused
    kind = contract.kind
    return ScopeListing(
        contract_id=contract.id,
        kind=kind,
        display_name=contract.display_name or "",
        description=contract.description or "",
        digest=digest,
        nats_publish=nats_publish,
        nats_subscribe=nats_subscribe,
        surfaces=surfaces,
        capabilities=caps.sorted(),
        approval=approval_scopes(contract, uses) if kind in ("app", "agent") else None,
        service=service_permissions(contract, uses) if kind in ("service", "device") else None,
        unresolved=unresolved,
    )
