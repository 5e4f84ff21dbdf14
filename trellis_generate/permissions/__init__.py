"""Permission derivation (reference-generator.md §9, contract-spec.md §7) as pure functions of
the typed contract model: one source for the scope listings (render/scopes.py), the SDK's
capability literals' counterpart on the server, and the diff's permission impact.

It mirrors the reference runtime:

- `nats.py`: the owner-centric rule table of `analyzeContract` (§9.2);
- `approval.py`: the caller approval scopes of `planUserContractApproval` (§9.3), app/agent only;
- `service.py`: the service permission rules of `catalog/permissions.ts` (§9.4);
- `actions.py`: per owned or used surface and action, its all-of capabilities and subjects.

Two deliberate departures from the runtime, because a listing is reviewed before deployment:
unresolvable `uses` are reported (`unresolved`, required ones are blockers) instead of throwing,
and subjects known only at connect time are shown with the `<session>` placeholder.
"""

from .actions import TRANSFER_DOWNLOAD_ANY, TRANSFER_UPLOAD_ANY, surface_actions
from .approval import approval_scopes
from .capabilities import SERVICE_CAPABILITY, capability_info
from .derive import derive_scopes
from .listing import (
    ApprovalScopes,
    CapabilityInfo,
    Direction,
    Grant,
    NatsRule,
    PermissionRule,
    Role,
    ScopeListing,
    ServicePermissions,
    SurfaceAction,
    SurfaceRef,
    Unresolved,
    capability_json,
)
from .nats import analyze_nats
from .order import locale_key, sort_unique
from .resolve import ResolvedUse, resolve_uses
from .service import AUTH_VALIDATE_SUBJECT, JOBS_CONTRACT_ID, SESSION, service_permissions

__all__ = [
    "AUTH_VALIDATE_SUBJECT",
    "JOBS_CONTRACT_ID",
    "SERVICE_CAPABILITY",
    "SESSION",
    "TRANSFER_DOWNLOAD_ANY",
    "TRANSFER_UPLOAD_ANY",
    "ApprovalScopes",
    "CapabilityInfo",
    "Direction",
    "Grant",
    "NatsRule",
    "PermissionRule",
    "ResolvedUse",
    "Role",
    "ScopeListing",
    "ServicePermissions",
    "SurfaceAction",
    "SurfaceRef",
    "Unresolved",
    "analyze_nats",
    "approval_scopes",
    "capability_json",
    "capability_info",
    "derive_scopes",
    "locale_key",
    "resolve_uses",
    "service_permissions",
    "surface_actions",
    "sort_unique",
]
