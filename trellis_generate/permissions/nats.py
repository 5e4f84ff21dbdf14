"""§9.2: the owner-centric rule table of the runtime's `analyzeContract`, in its order (RPCs,
then operations, then events, each sorted by subject)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..core.subjects import control_subject, template_to_wildcard
from ..model import ContractModel, Event, Operation, Rpc
from .capabilities import SERVICE_CAPABILITY
from .listing import NatsRule
from .order import locale_key

S = TypeVar("S", Rpc, Operation, Event)


def _rule(kind: str, subject: str, caps: Iterable[str]) -> NatsRule:
    return NatsRule(kind, subject, template_to_wildcard(subject), tuple(caps))


def _by_subject(surfaces: Mapping[str, S]) -> list[S]:
    return sorted(surfaces.values(), key=lambda s: locale_key(s.subject))


def analyze_nats(contract: ContractModel) -> tuple[tuple[NatsRule, ...], tuple[NatsRule, ...]]:
    """`analyzeContract(...).nats`: publish and subscribe rules in the reference's order."""
    publish: list[NatsRule] = []
    subscribe: list[NatsRule] = []
    service = (SERVICE_CAPABILITY,)
    for rpc in _by_subject(contract.rpcs):
        publish.append(_rule("rpc:call", rpc.subject, rpc.call_capabilities))
    for rpc in _by_subject(contract.rpcs):
        subscribe.append(_rule("rpc:handle", rpc.subject, service))
    for op in _by_subject(contract.operations):
        control = control_subject(op.subject)
        publish.append(_rule("operation:call", op.subject, op.call_capabilities))
        for _action in ("get", "wait", "watch"):
            publish.append(_rule("operation:control", control, op.observe_capabilities))
        cancel = op.cancel_capabilities
        if cancel is not None:
            publish.append(_rule("operation:control", control, cancel))
        subscribe.append(_rule("operation:handle", op.subject, service))
        subscribe.append(_rule("operation:control", control, service))
    for event in _by_subject(contract.events):
        publish.append(_rule("event:publish", event.subject, event.capabilities.of("publish")))
        subscribe.append(
            _rule("event:subscribe", event.subject, event.capabilities.of("subscribe"))
        )
    return tuple(publish), tuple(subscribe)
