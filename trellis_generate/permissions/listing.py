"""The result types of permission derivation: what a scope listing, the diff's permission impact
and the review Markdown are made of. Plain values; the rules live in the sibling modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..model import SurfaceKind

Direction = Literal["publish", "subscribe"]
Role = Literal["owned", "used"]


@dataclass(frozen=True)
class SurfaceRef:
    """One authority surface, as the runtime names it: `{contractId, kind, name, action}`."""

    contract_id: str
    kind: SurfaceKind
    name: str
    action: str


@dataclass(frozen=True)
class NatsRule:
    """A row of the owner-centric rule table (§9.2)."""

    kind: str
    subject: str
    wildcard_subject: str
    required_capabilities: tuple[str, ...]


@dataclass(frozen=True)
class Grant:
    direction: Direction
    subject: str


@dataclass(frozen=True)
class SurfaceAction:
    """What one action on one surface needs: all of `capabilities`, and the `grants` subjects.

    `grants` is empty for operation signals: `capabilities.control` yields no NATS grant of its
    own (signals travel on the control subject the observe rule already grants).
    """

    surface: SurfaceRef
    role: Role
    alias: str | None
    required: bool | None  # for used surfaces: declared under `uses.required`
    capabilities: tuple[str, ...]
    grants: tuple[Grant, ...]


@dataclass(frozen=True)
class CapabilityInfo:
    """A capability with the metadata of the contract that owns it (`source`; None = fallback)."""

    key: str
    display_name: str
    description: str
    consequence: str | None
    source: str | None


def capability_json(cap: CapabilityInfo) -> dict[str, Any]:
    """The one JSON shape of a capability: scope listings and diff reports print the same."""
    out: dict[str, Any] = {
        "key": cap.key,
        "displayName": cap.display_name,
        "description": cap.description,
        "source": cap.source,
    }
    if cap.consequence is not None:
        out["consequence"] = cap.consequence
    return out


@dataclass(frozen=True)
class Unresolved:
    """A `uses` entry that cannot be resolved against the available contracts."""

    alias: str
    contract_id: str
    required: bool
    kind: SurfaceKind | None  # None when the whole dependency contract is missing
    name: str | None
    message: str


@dataclass(frozen=True)
class ApprovalScopes:
    """What a user approves for an app or agent contract (§9.3)."""

    publish_subjects: tuple[str, ...]
    subscribe_subjects: tuple[str, ...]
    capabilities: tuple[CapabilityInfo, ...]


@dataclass(frozen=True)
class PermissionRule:
    """A service permission rule (§9.4).

    The session is granted `subject` when it holds every `required_capabilities` entry, and the
    `service` capability too when `requires_service` is set. `condition` explains grants that
    depend on more than capabilities.
    """

    direction: Direction
    subject: str
    required_capabilities: tuple[str, ...]
    surface: SurfaceRef | None
    requires_service: bool = False
    condition: str | None = None


@dataclass(frozen=True)
class ServicePermissions:
    publish: tuple[PermissionRule, ...]
    subscribe: tuple[PermissionRule, ...]


@dataclass(frozen=True)
class ScopeListing:
    contract_id: str
    kind: str
    display_name: str
    description: str
    digest: str
    nats_publish: tuple[NatsRule, ...]
    nats_subscribe: tuple[NatsRule, ...]
    surfaces: tuple[SurfaceAction, ...]
    capabilities: tuple[CapabilityInfo, ...]
    approval: ApprovalScopes | None
    service: ServicePermissions | None
    unresolved: tuple[Unresolved, ...]

    @property
    def blockers(self) -> tuple[Unresolved, ...]:
        return tuple(u for u in self.unresolved if u.required)
