"""What a caller needs for each action on a surface: the all-of capabilities and the subjects
(`surfaces` of a listing, and the used half of the approval and service rules)."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.subjects import control_subject, template_to_wildcard
from ..model import SECTIONS, ContractModel, Event, Operation, Rpc, Surface
from .listing import Grant, SurfaceAction, SurfaceRef
from .resolve import ResolvedUse

TRANSFER_UPLOAD_ANY = "transfer.v1.upload.*.*"
TRANSFER_DOWNLOAD_ANY = "transfer.v1.download.*.*"

Action = tuple[str, tuple[str, ...], tuple[Grant, ...]]


def is_download(surface: Surface) -> bool:
    """An RPC answering with a download grant (`transfer.direction = receive`)."""
    return (
        isinstance(surface, Rpc)
        and surface.transfer is not None
        and (surface.transfer.direction == "receive")
    )


def is_upload(surface: Surface) -> bool:
    """An operation taking an upload (`transfer.direction = send`)."""
    return isinstance(surface, Operation) and surface.upload is not None


def actions(surface: Surface) -> list[Action]:
    """(action, all-of capabilities, subjects) for every caller action on one surface."""
    subject = template_to_wildcard(surface.subject)
    if isinstance(surface, Rpc):
        grants = [Grant("publish", subject)]
        if is_download(surface):
            grants.append(Grant("publish", TRANSFER_DOWNLOAD_ANY))
        return [("call", surface.call_capabilities, tuple(grants))]
    if isinstance(surface, Operation):
        control = (Grant("publish", template_to_wildcard(control_subject(surface.subject))),)
        call = [Grant("publish", subject)]
        if is_upload(surface):
            call.append(Grant("publish", TRANSFER_UPLOAD_ANY))
        out = [
            ("call", surface.call_capabilities, tuple(call)),
            ("observe", surface.observe_capabilities, control),
        ]
        cancel = surface.cancel_capabilities
        if cancel is not None:
            out.append(("cancel", cancel, control))
        if surface.signals:
            out.append(("signal", surface.control_capabilities, ()))
        return out
    caps = surface.capabilities
    if isinstance(surface, Event):
        return [
            ("publish", caps.of("publish"), (Grant("publish", subject),)),
            ("subscribe", caps.of("subscribe"), (Grant("subscribe", subject),)),
        ]
    return [("subscribe", caps.of("subscribe"), (Grant("publish", subject),))]


def use_actions(use: ResolvedUse) -> list[Action]:
    """The actions a `uses` selector grants: events split into publish/subscribe."""
    found = actions(use.spec)
    if use.kind == "event":
        return [a for a in found if a[0] == use.selector]
    return found


def surface_actions(
    contract: ContractModel, uses: Iterable[ResolvedUse]
) -> tuple[SurfaceAction, ...]:
    """Every caller action on every owned surface, then on every used surface."""
    out: list[SurfaceAction] = []
    for kind in SECTIONS:
        for name, surface in contract.surfaces(kind).items():
            for action, caps, grants in actions(surface):
                ref = SurfaceRef(contract.id, kind, name, action)
                out.append(SurfaceAction(ref, "owned", None, None, caps, grants))
    for use in uses:
        for action, caps, grants in use_actions(use):
            ref = SurfaceRef(use.contract_id, use.kind, use.name, action)
            out.append(SurfaceAction(ref, "used", use.alias, use.required, caps, grants))
    return tuple(out)
