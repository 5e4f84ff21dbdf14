"""Typed descriptors: the only thing generated SDK code hands to the runtime.

Generated modules build one descriptor per surface at import time; the runtime reads subjects,
payload models and capability lists from them, so generated code stays declarative and the
runtime never sees a manifest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from .errors import DeclaredError

I = TypeVar("I", bound=BaseModel)  # noqa: E741 - conventional name for an input payload type
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class RpcDescriptor(Generic[I, O]):
    key: str
    subject: str
    input: type[I]
    output: type[O]
    # wire error `type` -> generated exception class (declared errors of this RPC that resolve)
    errors: Mapping[str, type[DeclaredError]] = field(default_factory=dict)
    caller_capabilities: tuple[str, ...] = ()
    internal: bool = False
    transfer_direction: str | None = None


@dataclass(frozen=True)
class SignalDescriptor(Generic[I]):
    name: str
    input: type[I]


@dataclass(frozen=True)
class OperationDescriptor(Generic[I, P, O]):
    key: str
    subject: str
    input: type[I]
    progress: type[P] | None
    output: type[O]
    signals: Mapping[str, SignalDescriptor[Any]] = field(default_factory=dict)
    cancel: bool = False
    call_capabilities: tuple[str, ...] = ()
    observe_capabilities: tuple[str, ...] = ()  # already defaulted to call (runtime semantics)
    cancel_capabilities: tuple[str, ...] = ()
    control_capabilities: tuple[str, ...] = ()

    @property
    def control_subject(self) -> str:
        return f"{self.subject}.control"


@dataclass(frozen=True)
class EventDescriptor(Generic[E]):
    key: str
    subject: str  # template, e.g. "events.v1.Order.Changed.{/order/id}"
    params: tuple[str, ...]  # JSON pointers into the event payload, in subject order
    event: type[E]
    publish_capabilities: tuple[str, ...] = ()
    subscribe_capabilities: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedDescriptor(Generic[I, E]):
    key: str
    subject: str
    input: type[I]
    event: type[E]
    subscribe_capabilities: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobDescriptor(Generic[P, R]):
    queue: str
    payload: type[P]
    result: type[R] | None
    service: str  # owning contract id; jobs are service-private
