"""The typed surfaces of a contract: what callers reach (RPCs, operations, events, feeds) and the
job queues a service works on.

Each rule that several stages need about one surface is a property here, so views, permissions
and diff cannot disagree: "observe falls back to call", "cancel capabilities exist only when
cancel is on", which capabilities an action demands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

SurfaceKind = Literal["rpc", "operation", "event", "feed"]


@dataclass(frozen=True)
class Docs:
    """`docs` of a contract or surface: a one-line summary and a Markdown body."""

    summary: str | None = None
    markdown: str | None = None

    @property
    def text(self) -> str:
        """The summary, then the body (once, when they are the same text)."""
        return "\n\n".join(dict.fromkeys(t for t in (self.summary, self.markdown) if t))


@dataclass(frozen=True)
class Capabilities:
    """`capabilities` of a surface: per action, the all-of list exactly as declared."""

    declared: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, action: str) -> tuple[str, ...]:
        """What `action` demands; an undeclared action demands nothing."""
        return self.declared.get(action, ())

    def __contains__(self, action: object) -> bool:
        return action in self.declared


@dataclass(frozen=True)
class Transfer:
    """`transfer` of an RPC (`receive`: a download) or an operation (`send`: an upload)."""

    direction: str
    store: str | None = None
    key: str | None = None  # JSON pointers into the input
    content_type: str | None = None
    metadata: str | None = None
    expires_in_ms: int | None = None
    max_bytes: int | None = None


@dataclass(frozen=True)
class Rpc:
    name: str
    subject: str
    version: str
    input: str  # schema keys
    output: str
    errors: tuple[str, ...]  # declared error types, as listed
    capabilities: Capabilities
    internal: bool
    transfer: Transfer | None
    docs: Docs

    kind: SurfaceKind = field(default="rpc", init=False)

    @property
    def call_capabilities(self) -> tuple[str, ...]:
        return self.capabilities.of("call")


@dataclass(frozen=True)
class Signal:
    name: str
    input: str
    docs: Docs


@dataclass(frozen=True)
class Operation:
    name: str
    subject: str
    version: str
    input: str
    progress: str | None
    output: str
    signals: tuple[Signal, ...]  # sorted by name
    cancel: bool
    capabilities: Capabilities
    transfer: Transfer | None
    docs: Docs

    kind: SurfaceKind = field(default="operation", init=False)

    @property
    def call_capabilities(self) -> tuple[str, ...]:
        return self.capabilities.of("call")

    @property
    def observe_capabilities(self) -> tuple[str, ...]:
        """`capabilities.observe ?? capabilities.call ?? []` (an explicit empty list is kept)."""
        if "observe" in self.capabilities:
            return self.capabilities.of("observe")
        return self.call_capabilities

    @property
    def cancel_capabilities(self) -> tuple[str, ...] | None:
        """Cancel caps exist only when `cancel` is true and `capabilities.cancel` is defined."""
        if not self.cancel or "cancel" not in self.capabilities:
            return None
        return self.capabilities.of("cancel")

    @property
    def control_capabilities(self) -> tuple[str, ...]:
        """What sending a signal demands."""
        return self.capabilities.of("control")

    @property
    def upload(self) -> Transfer | None:
        """The transfer of a send-transfer operation, else None."""
        return self.transfer if self.transfer and self.transfer.direction == "send" else None


@dataclass(frozen=True)
class Event:
    name: str
    subject: str
    version: str
    params: tuple[str, ...]  # JSON pointers the subject template reads
    event: str
    capabilities: Capabilities
    docs: Docs

    kind: SurfaceKind = field(default="event", init=False)


@dataclass(frozen=True)
class Feed:
    name: str
    subject: str
    version: str
    input: str
    event: str
    capabilities: Capabilities
    docs: Docs

    kind: SurfaceKind = field(default="feed", init=False)


Surface = Rpc | Operation | Event | Feed


@dataclass(frozen=True)
class Job:
    """A job queue. Settings are None when the manifest leaves them to the runtime default."""

    queue: str
    payload: str
    result: str | None
    max_deliver: int | None
    backoff_ms: tuple[int, ...] | None
    ack_wait_ms: int | None
    default_deadline_ms: int | None
    progress: bool | None
    logs: bool | None
    dlq: bool | None
    concurrency: int | None
    docs: Docs
