"""Permission impact: what callers and the implementing service gain or lose, computed from the
same derivation as the scope listings (permissions/)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..model import ContractModel
from ..permissions import (
    SERVICE_CAPABILITY,
    CapabilityInfo,
    ScopeListing,
    capability_info,
    derive_scopes,
    locale_key,
)
from .model import PermissionDelta, SubjectChange


def _caller_subjects(listing: ScopeListing) -> set[SubjectChange]:
    """App/agent: the approval subjects; service/device: what callers of its surfaces need."""
    if listing.approval is not None:
        return {SubjectChange("publish", s) for s in listing.approval.publish_subjects} | {
            SubjectChange("subscribe", s) for s in listing.approval.subscribe_subjects
        }
    return {
        SubjectChange(g.direction, g.subject)
        for a in listing.surfaces
        if a.role == "owned"
        for g in a.grants
    }


def _caller_capabilities(listing: ScopeListing) -> set[str]:
    roles = ("owned", "used") if listing.approval is not None else ("owned",)
    return {c for a in listing.surfaces if a.role in roles for c in a.capabilities}


def _service_subjects(listing: ScopeListing) -> set[SubjectChange]:
    if listing.service is None:
        return set()
    rules = listing.service.publish + listing.service.subscribe
    return {SubjectChange(r.direction, r.subject) for r in rules}


def _service_capabilities(listing: ScopeListing) -> set[str]:
    if listing.service is None:
        return set()
    out: set[str] = set()
    for rule in listing.service.publish + listing.service.subscribe:
        out.update(rule.required_capabilities)
        if rule.requires_service:
            out.add(SERVICE_CAPABILITY)
    return out


def _infos(keys: Iterable[str], listing: ScopeListing | None) -> tuple[CapabilityInfo, ...]:
    known = {c.key: c for c in listing.capabilities} if listing else {}
    return tuple(known.get(k) or capability_info(k, None) for k in sorted(keys, key=locale_key))


def _subjects(values: Iterable[SubjectChange]) -> tuple[SubjectChange, ...]:
    return tuple(sorted(values, key=lambda s: (s.direction, locale_key(s.subject))))


def _delta(
    old: ScopeListing | None,
    new: ScopeListing | None,
    caps: Callable[[ScopeListing], set[str]],
    subjects: Callable[[ScopeListing], set[SubjectChange]],
) -> PermissionDelta:
    old_caps: set[str] = caps(old) if old else set()
    new_caps: set[str] = caps(new) if new else set()
    old_subjects: set[SubjectChange] = subjects(old) if old else set()
    new_subjects: set[SubjectChange] = subjects(new) if new else set()
    return PermissionDelta(
        gained_capabilities=_infos(new_caps - old_caps, new),
        lost_capabilities=_infos(old_caps - new_caps, old),
        gained_subjects=_subjects(new_subjects - old_subjects),
        lost_subjects=_subjects(old_subjects - new_subjects),
    )


def permission_impact(
    old: ContractModel | None,
    new: ContractModel | None,
    old_deps: Mapping[str, ContractModel],
    new_deps: Mapping[str, ContractModel],
) -> tuple[PermissionDelta, PermissionDelta]:
    """(callers, service) deltas; a missing side (added/removed contract) grants nothing."""
    before = derive_scopes(old, old_deps) if old is not None else None
    after = derive_scopes(new, new_deps) if new is not None else None
    callers = _delta(before, after, _caller_capabilities, _caller_subjects)
    service = _delta(before, after, _service_capabilities, _service_subjects)
    return callers, service
