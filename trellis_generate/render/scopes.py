"""The scopes target: `scopes/<id>.scopes.json` for tools and `scopes/<id>.scopes.md` for review.

Both are renderings of one `ScopeListing` (permissions/). The JSON keeps the listing's order
(the runtime's order; capability keys sorted like `localeCompare`) with sorted object keys and a
2-space indent. The Markdown (render/scopes_md.py) is a table grouped by capability;
every piece of manifest text goes through `md_text` or `md_code` (markdown.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..contract import LoadedContract
from ..markdown import md_code, md_text
from ..outputs import scopes_paths
from ..permissions import (
    NatsRule,
    PermissionRule,
    ScopeListing,
    SurfaceAction,
    SurfaceRef,
    Unresolved,
    capability_json,
    derive_scopes,
)
from .scopes_md import scopes_markdown

__all__ = [
    "FORMAT",
    "capability_json",
    "listing_for",
    "listing_json",
    "md_code",  # re-exported: diff/report.py escapes its tables with them
    "md_text",
    "render_scopes",
    "scopes_json",
    "scopes_markdown",
    "scopes_paths",
    "surface_action_json",
]

FORMAT = "trellis.scopes.v1"


def listing_for(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> ScopeListing:
    return derive_scopes(
        contract.model, {k: d.model for k, d in deps.items()}, digest=contract.digest
    )


def render_scopes(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> dict[str, str]:
    listing = listing_for(contract, deps)
    json_path, md_path = scopes_paths(contract.id)
    return {json_path: scopes_json(listing), md_path: scopes_markdown(listing)}


# --- JSON ---------------------------------------------------------------------------------------


def _surface_json(ref: SurfaceRef) -> dict[str, str]:
    return {"contractId": ref.contract_id, "kind": ref.kind, "name": ref.name, "action": ref.action}


def _nats_json(rule: NatsRule) -> dict[str, Any]:
    return {
        "kind": rule.kind,
        "subject": rule.subject,
        "wildcardSubject": rule.wildcard_subject,
        "requiredCapabilities": list(rule.required_capabilities),
    }


def surface_action_json(action: SurfaceAction) -> dict[str, Any]:
    out: dict[str, Any] = {
        **_surface_json(action.surface),
        "role": action.role,
        "capabilities": list(action.capabilities),
        "publish": [g.subject for g in action.grants if g.direction == "publish"],
        "subscribe": [g.subject for g in action.grants if g.direction == "subscribe"],
    }
    if action.alias is not None:
        out["alias"] = action.alias
        out["required"] = action.required
    return out


def _rule_json(rule: PermissionRule) -> dict[str, Any]:
    out: dict[str, Any] = {
        "subject": rule.subject,
        "requiredCapabilities": list(rule.required_capabilities),
        "requiresService": rule.requires_service,
        "surface": _surface_json(rule.surface) if rule.surface else None,
    }
    if rule.condition is not None:
        out["condition"] = rule.condition
    return out


def _unresolved_json(item: Unresolved) -> dict[str, Any]:
    return {
        "alias": item.alias,
        "contract": item.contract_id,
        "required": item.required,
        "kind": item.kind,
        "name": item.name,
        "message": item.message,
    }


def listing_json(listing: ScopeListing) -> dict[str, Any]:
    out: dict[str, Any] = {
        "format": FORMAT,
        "contract": {
            "id": listing.contract_id,
            "kind": listing.kind,
            "displayName": listing.display_name,
            "description": listing.description,
            "digest": listing.digest,
        },
        "capabilities": [capability_json(c) for c in listing.capabilities],
        "nats": {
            "publish": [_nats_json(r) for r in listing.nats_publish],
            "subscribe": [_nats_json(r) for r in listing.nats_subscribe],
        },
        "surfaces": [surface_action_json(a) for a in listing.surfaces],
        "unresolved": [_unresolved_json(u) for u in listing.unresolved],
        "blocked": bool(listing.blockers),
    }
    if listing.approval is not None:
        out["approval"] = {
            "publishSubjects": list(listing.approval.publish_subjects),
            "subscribeSubjects": list(listing.approval.subscribe_subjects),
            "capabilities": [capability_json(c) for c in listing.approval.capabilities],
        }
    if listing.service is not None:
        out["service"] = {
            "publish": [_rule_json(r) for r in listing.service.publish],
            "subscribe": [_rule_json(r) for r in listing.service.subscribe],
        }
    return out


def scopes_json(listing: ScopeListing) -> str:
    return json.dumps(listing_json(listing), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
