"""Bucket primitives the transports provide for resources: KV buckets and object stores.

These are byte-level, schema-free and key-escaping-free: a key here is the stored (already
escaped) key, a value is bytes. The typed layers (``kv.py``, ``store.py``) add schemas, the
reference runtime's key escaping and its error objects. Both transports implement the same
protocols (``memory_buckets.py`` in one process, ``nats_buckets.py`` over JetStream with the
wire layout of NATS KV and the NATS object store), so a value written by one runtime of a
deployment is read by every other one.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from .transport import KvConflict

__all__ = [
    "BucketNotFound",
    "KvBucket",
    "KvBucketConfig",
    "KvConflict",
    "KvOperation",
    "KvRecord",
    "KvWatcher",
    "ObjectBucket",
    "ObjectBucketConfig",
    "ObjectBucketStatus",
    "ObjectCorrupt",
    "ObjectRecord",
    "ValueTooLarge",
]

KvOperation = Literal["PUT", "DEL", "PURGE"]


class BucketNotFound(Exception):
    """A bucket (or object store) opened bind-only does not exist."""


class ValueTooLarge(Exception):
    """The bucket refused a value larger than its maximum value size (or the store is full)."""


class ObjectCorrupt(Exception):
    """An object's bytes do not match the digest its metadata records."""


@dataclass(frozen=True)
class KvBucketConfig:
    """How to provision a KV bucket when it does not exist yet (local runs).

    ``history`` is the number of revisions kept per key, ``ttl_ms`` the age after which a
    revision expires (0: never), ``max_value_bytes`` the largest value the bucket accepts.
    """

    history: int = 1
    ttl_ms: int = 0
    max_value_bytes: int | None = None


@dataclass(frozen=True)
class KvRecord:
    """One revision of one key, as the bucket stores it."""

    key: str  # the stored (escaped) key
    value: bytes
    revision: int
    created: datetime
    operation: KvOperation = "PUT"


class KvWatcher(Protocol):
    """Changes to the watched keys made after the watch began, in bucket order."""

    def __aiter__(self) -> AsyncIterator[KvRecord]: ...

    async def stop(self) -> None: ...


class KvBucket(Protocol):
    """A KV bucket with optimistic concurrency on revisions."""

    name: str

    async def get(self, key: str) -> KvRecord | None:
        """The current revision, or None when the key is missing or deleted."""
        ...

    async def create(self, key: str, value: bytes) -> int:
        """Write unless the key holds a value (a deleted key may be re-created); ``KvConflict``."""
        ...

    async def put(self, key: str, value: bytes, *, expected_revision: int | None = None) -> int:
        """Write; with ``expected_revision`` only at that revision (else ``KvConflict``)."""
        ...

    async def delete(self, key: str, *, expected_revision: int | None = None) -> None:
        """Write a delete marker; with ``expected_revision`` only at that revision."""
        ...

    async def keys(self, filter: str = ">") -> list[str]:
        """Stored keys holding a value, matching the NATS wildcard ``filter``."""
        ...

    async def watch(self, filter: str = ">") -> KvWatcher:
        """Start watching keys matching ``filter``; returns once the watch is live."""
        ...


@dataclass(frozen=True)
class ObjectBucketConfig:
    """How to provision an object store when it does not exist yet (local runs)."""

    ttl_ms: int = 0
    max_total_bytes: int | None = None


@dataclass(frozen=True)
class ObjectRecord:
    """An object's metadata record (the NATS object store's ``ObjectInfo``)."""

    name: str
    size: int
    mtime: str  # ISO 8601, as the writer recorded it
    digest: str | None  # "SHA-256=<base64url>", the NATS object store's digest
    metadata: Mapping[str, str] = field(default_factory=dict)
    deleted: bool = False


@dataclass(frozen=True)
class ObjectBucketStatus:
    size: int  # bytes held by the backing stream
    sealed: bool
    ttl_ms: int  # 0: objects never expire


class ObjectBucket(Protocol):
    """An object store: named objects of any size, read and written as chunk streams."""

    name: str

    async def info(self, name: str) -> ObjectRecord | None:
        """The latest metadata record (possibly a deleted one), or None for an unknown name."""
        ...

    async def put(
        self,
        name: str,
        chunks: AsyncIterable[bytes],
        *,
        metadata: Mapping[str, str] | None = None,
    ) -> ObjectRecord:
        """Store the bytes of ``chunks`` under ``name``, replacing any earlier object.

        If ``chunks`` raises, nothing of the new object stays behind and the earlier object
        (if any) is kept.
        """
        ...

    def read(self, name: str) -> AsyncIterator[bytes]:
        """The object's bytes, checked against its digest (``ObjectCorrupt`` if they differ).

        Raises ``FileNotFoundError`` (on first iteration) when there is no such object.
        """
        ...

    async def delete(self, name: str) -> bool:
        """Mark the object deleted and drop its bytes; False when there was no such object."""
        ...

    async def list(self) -> list[ObjectRecord]:
        """The latest record of every object name, deleted ones included."""
        ...

    async def status(self) -> ObjectBucketStatus: ...
