"""The scopes target: `scopes/<id>.scopes.json` for tools and `scopes/<id>.scopes.md` for review.

Both are renderings of one `ScopeListing` (views/scopes.py). The JSON keeps the listing's order
(the runtime's order; capability keys sorted like `localeCompare`) with sorted object keys and a
2-space indent. The Markdown is a table grouped by capability; every piece of manifest text goes
through `md_text` or `md_code`, so no description can break the table or inject markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..contract import LoadedContract
from ..views.scopes import (
    CapabilityInfo,
    NatsRule,
    PermissionRule,
    ScopeListing,
    SurfaceAction,
    SurfaceRef,
    Unresolved,
    derive_scopes,
)

FORMAT = "trellis.scopes.v1"


def scopes_paths(contract_id: str) -> tuple[str, str]:
    return f"scopes/{contract_id}.scopes.json", f"scopes/{contract_id}.scopes.md"


def listing_for(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> ScopeListing:
    return derive_scopes(
        contract.manifest, {k: d.manifest for k, d in deps.items()}, digest=contract.digest
    )


def render_scopes(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> dict[str, str]:
    listing = listing_for(contract, deps)
    json_path, md_path = scopes_paths(contract.id)
    return {json_path: scopes_json(listing), md_path: scopes_markdown(listing)}


# --- JSON ---------------------------------------------------------------------------------------


def _surface_json(ref: SurfaceRef) -> dict[str, str]:
    return {"contractId": ref.contract_id, "kind": ref.kind, "name": ref.name, "action": ref.action}


def capability_json(cap: CapabilityInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": cap.key,
        "displayName": cap.display_name,
        "description": cap.description,
        "source": cap.source,
    }
    if cap.consequence is not None:
        out["consequence"] = cap.consequence
    return out


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


# --- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def md_text(value: object) -> str:
    """Manifest text as inert Markdown inside a table cell (newlines become `<br>`)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _NEWLINES.sub("<br>", escaped)


def md_code(value: object) -> str:
    """A code span that survives any backticks, pipes and newlines in `value`."""
    text = _NEWLINES.sub(" ", str(value)).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


@dataclass(frozen=True)
class _Unlock:
    """One surface action as it appears under a capability (or under "authentication only")."""

    action: SurfaceAction
    also: tuple[str, ...]  # the other capabilities the all-of list demands


@dataclass(frozen=True)
class _CapabilityGroup:
    capability: CapabilityInfo
    unlocks: tuple[_Unlock, ...]


def _groups(listing: ScopeListing) -> tuple[tuple[_CapabilityGroup, ...], tuple[_Unlock, ...]]:
    """Surface actions grouped under every capability they require, and those requiring none."""
    groups = tuple(
        _CapabilityGroup(
            cap,
            tuple(
                _Unlock(a, tuple(c for c in a.capabilities if c != cap.key))
                for a in listing.surfaces
                if cap.key in a.capabilities
            ),
        )
        for cap in listing.capabilities
    )
    open_ = tuple(_Unlock(a, ()) for a in listing.surfaces if not a.capabilities)
    return groups, open_


@dataclass(frozen=True)
class _RuntimeGrant:
    """Service grants that belong to no surface, collapsed per reason for the review table."""

    direction: str
    reason: str
    subjects: tuple[str, ...]


def _runtime_grants(rules: tuple[PermissionRule, ...]) -> tuple[_RuntimeGrant, ...]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for rule in rules:
        if rule.surface is None:
            reason = rule.condition or f"runtime subject {rule.subject}"
            grouped.setdefault((rule.direction, reason), []).append(rule.subject)
    return tuple(_RuntimeGrant(d, r, tuple(s)) for (d, r), s in grouped.items())


@cache
def _environment() -> jinja2.Environment:
    here = Path(__file__).resolve()
    search = [str(here.parents[2] / "templates"), str(here.parents[1] / "_templates")]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=False,  # Markdown: escaping is explicit through md_text / md_code
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_text
    env.filters["code"] = md_code
    return env


def scopes_markdown(listing: ScopeListing) -> str:
    groups, open_ = _groups(listing)
    service = listing.service
    rules = (service.publish + service.subscribe) if service else ()
    template = _environment().get_template("scopes.md.jinja")
    return template.render(
        listing=listing,
        surface_rules=tuple(r for r in rules if r.surface is not None),
        runtime_grants=_runtime_grants(rules),
        groups=groups,
        open_surfaces=open_,
        optional_unresolved=tuple(u for u in listing.unresolved if not u.required),
    )
