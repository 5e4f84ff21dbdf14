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
class OperationTransfer:
    """A send-transfer operation's ``transfer`` block: which store, and where in the input the
    object's key, content type and metadata are (JSON pointers), with the limits that apply."""

    store: str
    key: str
    content_type: str | None = None
    metadata: str | None = None
    expires_in_ms: int | None = None
    max_bytes: int | None = None
    store_max_object_bytes: int | None = None  # the store resource's declared maxObjectBytes


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
    observe_capabilities: tuple[str, ...] = ()  # already defaulted to call
    cancel_capabilities: tuple[str, ...] = ()
    control_capabilities: tuple[str, ...] = ()
    transfer: OperationTransfer | None = None  # send-transfer operations only

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


# the runtime defaults of a job queue (contract-spec 2.11), applied when the contract is silent
JOB_MAX_DELIVER = 5
JOB_BACKOFF_MS = (5_000, 30_000, 120_000, 600_000, 1_800_000)
JOB_ACK_WAIT_MS = 300_000


@dataclass(frozen=True)
class JobDescriptor(Generic[P, R]):
    """A service-private job queue and the settings its manifest declares (defaults filled)."""

    queue: str
    payload: type[P]
    result: type[R] | None
    service: str  # owning contract id; jobs are service-private
    max_deliver: int = JOB_MAX_DELIVER
    backoff_ms: tuple[int, ...] = JOB_BACKOFF_MS
    ack_wait_ms: int = JOB_ACK_WAIT_MS
    default_deadline_ms: int | None = None
    progress: bool = True
    logs: bool = True
    dlq: bool = True
    concurrency: int = 1
    payload_schema: str | None = None  # the manifest's schema names, for local bindings
    result_schema: str | None = None
