"""The transport protocol: the handful of messaging primitives the runtime needs.

Everything above this layer (RPC, events, operations, feeds, jobs) is written against these
protocols, so the in-memory transport for unit tests and the NATS transport behave the same.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Message:
    subject: str
    data: bytes
    reply: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    # set when the server bounced a request because nothing listens on its subject
    no_responders: bool = False


MessageHandler = Callable[[Message], Awaitable[None]]


class KvConflict(Exception):
    """A compare-and-set write lost: the key exists (create) or moved on (update)."""


@dataclass(frozen=True)
class KvEntry:
    value: bytes
    revision: int


class KeyValue(Protocol):
    """A durable key-value bucket with optimistic concurrency."""

    async def get(self, key: str) -> KvEntry | None: ...

    async def create(self, key: str, value: bytes) -> int: ...

    async def update(self, key: str, value: bytes, revision: int) -> int: ...


class TransportSubscription(Protocol):
    async def unsubscribe(self) -> None: ...

    async def drain(self) -> None:
        """Stop receiving and wait until already received messages were handled."""
        ...


class Transport(Protocol):
    def new_inbox(self) -> str: ...

    async def publish(
        self,
        subject: str,
        data: bytes,
        *,
        reply: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None: ...

    async def request(
        self,
        subject: str,
        data: bytes,
        *,
        timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> Message:
        """One reply; raises ``RpcTimeout`` or ``NoResponders``."""
        ...

    async def subscribe(
        self, subject: str, handler: MessageHandler, *, queue: str | None = None
    ) -> TransportSubscription:
        """Deliver matching messages to ``handler`` one at a time, in arrival order."""
        ...

    async def key_value(self, bucket: str) -> KeyValue:
        """Open (creating if needed) a durable bucket."""
        ...

    async def flush(self) -> None: ...

    async def close(self) -> None: ...
