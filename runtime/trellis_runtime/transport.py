"""The transport protocol: the messaging primitives the Trellis protocol is built from.

Everything above this layer (RPC, events, operations, feeds) is written against these
protocols, so the in-memory transport for tests and the NATS transport behave the same.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .buckets import KvBucket, KvBucketConfig, ObjectBucket, ObjectBucketConfig


@dataclass(frozen=True)
class Message:
    subject: str
    data: bytes
    reply: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    # set when the server bounced a request because nothing listens on its subject
    no_responders: bool = False

    def header(self, name: str) -> str | None:
        """A header value by case-insensitive name (NATS keeps the sender's spelling)."""
        value = self.headers.get(name)
        if value is not None:
            return value
        lowered = name.lower()
        for key, candidate in self.headers.items():
            if key.lower() == lowered:
                return candidate
        return None


MessageHandler = Callable[[Message], Awaitable[None]]


@dataclass(frozen=True)
class StreamAck:
    """JetStream's acknowledgement of a published message."""

    stream: str
    seq: int
    duplicate: bool = False


class KvConflict(Exception):
    """A compare-and-set write lost: the key exists (create) or moved on (update)."""


@dataclass(frozen=True)
class KvEntry:
    value: bytes
    revision: int


class KeyValue(Protocol):
    """A durable key-value bucket with optimistic concurrency."""

    async def get(self, key: str) -> KvEntry | None: ...

    async def put(self, key: str, value: bytes) -> int: ...

    async def create(self, key: str, value: bytes) -> int: ...

    async def update(self, key: str, value: bytes, revision: int) -> int: ...


class TransportSubscription(Protocol):
    async def unsubscribe(self) -> None: ...

    async def drain(self) -> None:
        """Stop receiving and wait until already received messages were handled."""
        ...


class Transport(Protocol):
    inbox_prefix: str

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

    async def stream_publish(
        self, subject: str, data: bytes, *, headers: Mapping[str, str] | None = None
    ) -> StreamAck:
        """Publish through JetStream: stored by the stream capturing ``subject`` (or an error)."""
        ...

    async def ensure_stream(self, name: str, subjects: list[str]) -> None:
        """Create the stream unless it exists (local runs; a deployment provisions its own)."""
        ...

    async def key_value(self, bucket: str, *, history: int = 1, ttl: float = 0) -> KeyValue:
        """Open (creating if needed) a durable bucket."""
        ...

    async def flush(self) -> None: ...

    async def close(self) -> None: ...

    # ----- resource buckets (buckets.py) ---------------------------------------------------

    async def kv_bucket(self, name: str, config: KvBucketConfig | None) -> KvBucket:
        """The KV bucket ``name``; created from ``config`` when missing (``None``: bind only,
        ``BucketNotFound`` when missing)."""
        ...

    async def object_bucket(self, name: str, config: ObjectBucketConfig | None) -> ObjectBucket:
        """The object store ``name``; created from ``config`` when missing (``None``: bind only)."""
        ...


def plain_headers(headers: Mapping[str, Any] | None) -> dict[str, str]:
    return {str(k): str(v) for k, v in (headers or {}).items()}
