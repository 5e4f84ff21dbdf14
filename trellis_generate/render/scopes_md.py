"""The review table of a scope listing (`scopes/<id>.scopes.md`).

Every label the table shows is computed here, already escaped (`md_text` for prose, `md_code` for
names and subjects), so `scopes.md.jinja` only loops and prints; how a cell reads ("none",
"nothing", "not declared", "via `alias` (required, ...)") is decided in one place that mypy
checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..markdown import md_code, md_text
from ..permissions import (
    CapabilityInfo,
    NatsRule,
    PermissionRule,
    ScopeListing,
    SurfaceAction,
    SurfaceRef,
    Unresolved,
)
from .templates import environment


def _codes(values: Iterable[str], sep: str = ", ", empty: str = "none") -> str:
    return sep.join(md_code(v) for v in values) or empty


def _surface_label(ref: SurfaceRef) -> str:
    return f"{ref.kind} {md_code(ref.name)} {ref.action}"


def _unlock_label(action: SurfaceAction, also: tuple[str, ...]) -> str:
    """`rpc `X` call via `alias` (required, `c@v1`) (with `a`): pub `subject`, sub `...``."""
    label = _surface_label(action.surface)
    if action.role == "used":
        need = "required" if action.required else "optional"
        label += f" via {md_code(action.alias)} ({need}, {md_code(action.surface.contract_id)})"
    if also:
        label += f" (with {_codes(also)})"
    short = {"publish": "pub", "subscribe": "sub"}
    grants = ", ".join(f"{short[g.direction]} {md_code(g.subject)}" for g in action.grants)
    return f"{label}: {grants or 'no NATS grant of its own'}"


@dataclass(frozen=True)
class CapabilityRow:
    """One capability and every surface action it unlocks (all-of lists: `also` the others)."""

    capability: CapabilityInfo
    consequence: str
    source: str
    unlocks: str

    @classmethod
    def of(cls, cap: CapabilityInfo, surfaces: tuple[SurfaceAction, ...]) -> CapabilityRow:
        unlocks = (
            _unlock_label(a, tuple(c for c in a.capabilities if c != cap.key))
            for a in surfaces
            if cap.key in a.capabilities
        )
        return cls(
            capability=cap,
            consequence=md_text(cap.consequence) if cap.consequence else "",
            source=md_code(cap.source) if cap.source else "not declared",
            unlocks="<br>".join(unlocks) or "nothing",
        )


@dataclass(frozen=True)
class BlockerRow:
    unresolved: Unresolved
    surface: str  # "whole contract" when the dependency itself is missing

    @classmethod
    def of(cls, u: Unresolved) -> BlockerRow:
        surface = f"{u.kind} {md_code(u.name)}" if u.kind else "whole contract"
        return cls(u, surface)


@dataclass(frozen=True)
class RuleRow:
    """A service grant that belongs to a surface."""

    rule: PermissionRule
    requires: str
    surface: str

    @classmethod
    def of(cls, rule: PermissionRule, surface: SurfaceRef) -> RuleRow:
        requires = [md_code("service")] if rule.requires_service else []
        if rule.required_capabilities or not rule.requires_service:
            requires.append(_codes(rule.required_capabilities))
        return cls(rule, ", ".join(requires), _surface_label(surface))


@dataclass(frozen=True)
class RuntimeGrant:
    """Service grants that belong to no surface, collapsed per reason for the review table."""

    direction: str
    reason: str
    subjects: str


@dataclass(frozen=True)
class NatsRow:
    direction: str
    rule: NatsRule
    requires: str


@dataclass(frozen=True)
class ScopesMarkdown:
    """Everything `scopes.md.jinja` prints, in table order."""

    listing: ScopeListing
    blockers: tuple[BlockerRow, ...]
    capabilities: tuple[CapabilityRow, ...]
    open_surfaces: tuple[str, ...]  # unlock labels of actions needing no capability
    optional_unresolved: tuple[Unresolved, ...]
    approval_publish: str
    approval_subscribe: str
    service_rules: tuple[RuleRow, ...]
    runtime_grants: tuple[RuntimeGrant, ...]
    nats: tuple[NatsRow, ...]


def _runtime_grants(rules: tuple[PermissionRule, ...]) -> tuple[RuntimeGrant, ...]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for rule in rules:
        if rule.surface is None:
            reason = rule.condition or f"runtime subject {rule.subject}"
            grouped.setdefault((rule.direction, reason), []).append(rule.subject)
    return tuple(RuntimeGrant(d, md_text(r), _codes(s)) for (d, r), s in grouped.items())


def markdown_view(listing: ScopeListing) -> ScopesMarkdown:
    service = listing.service
    rules = (service.publish + service.subscribe) if service else ()
    approval = listing.approval
    return ScopesMarkdown(
        listing=listing,
        blockers=tuple(BlockerRow.of(u) for u in listing.blockers),
        capabilities=tuple(CapabilityRow.of(c, listing.surfaces) for c in listing.capabilities),
        open_surfaces=tuple(_unlock_label(a, ()) for a in listing.surfaces if not a.capabilities),
        optional_unresolved=tuple(u for u in listing.unresolved if not u.required),
        approval_publish=_codes(approval.publish_subjects, "<br>") if approval else "",
        approval_subscribe=_codes(approval.subscribe_subjects, "<br>") if approval else "",
        service_rules=tuple(RuleRow.of(r, r.surface) for r in rules if r.surface is not None),
        runtime_grants=_runtime_grants(rules),
        nats=tuple(
            NatsRow(direction, r, _codes(r.required_capabilities))
            for direction, side in (
                ("publish", listing.nats_publish),
                ("subscribe", listing.nats_subscribe),
            )
            for r in side
        ),
    )


def scopes_markdown(listing: ScopeListing) -> str:
    return environment().get_template("scopes.md.jinja").render(md=markdown_view(listing))
