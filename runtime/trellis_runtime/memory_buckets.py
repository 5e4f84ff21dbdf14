"""KV buckets and object stores inside one process, with the semantics of their NATS backing.

What tests rely on behaves as on a nats-server: revisions are one sequence per bucket, an
expected revision is compared with the key's last message (a delete marker included, so a
stale revision never succeeds twice), revisions beyond ``history`` are dropped, revisions older
than ``ttl_ms`` are gone, a value above ``max_value_bytes`` is refused, watchers see only
changes made after they started, and an object store refuses writes beyond ``max_total_bytes``.
Buckets live with the broker, so every connection to it sees the same ones.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from .buckets import (
    BucketNotFound,
    KvBucketConfig,
    KvConflict,
    KvOperation,
    KvRecord,
    ObjectBucketConfig,
    ObjectBucketStatus,
    ObjectRecord,
    ValueTooLarge,
)
from .encoding import iso_format
from .subjects import subject_matches

_STOP = object()
CHUNK = 128 * 1024


def _now() -> datetime:
    return datetime.now(UTC)


def object_digest(data: bytes) -> str:
    """The NATS object store's digest: ``SHA-256=`` and padded base64url of SHA-256."""
    return "SHA-256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode()


class _MemoryKvWatcher:
    def __init__(self, bucket: MemoryKvBucket, filter: str) -> None:
        self._bucket = bucket
        self.filter = filter
        self._queue: asyncio.Queue[object] = asyncio.Queue()

    def offer(self, record: KvRecord) -> None:
        if subject_matches(self.filter, record.key):
            self._queue.put_nowait(record)

    async def __aiter__(self) -> AsyncIterator[KvRecord]:
        while (item := await self._queue.get()) is not _STOP:
            assert isinstance(item, KvRecord)
            yield item

    async def stop(self) -> None:
        self._bucket.watchers.discard(self)
        self._queue.put_nowait(_STOP)


class MemoryKvBucket:
    def __init__(self, name: str, config: KvBucketConfig) -> None:
        self.name = name
        self.config = config
        self._history: dict[str, list[KvRecord]] = {}
        self._sequence = itertools.count(1)
        self.watchers: set[_MemoryKvWatcher] = set()

    def _live(self, key: str) -> list[KvRecord]:
        """The key's revisions that have not expired (oldest first)."""
        revisions = self._history.get(key, [])
        if self.config.ttl_ms > 0:
            cutoff = _now() - timedelta(milliseconds=self.config.ttl_ms)
            revisions[:] = [r for r in revisions if r.created > cutoff]
        return revisions

    def _last_revision(self, key: str) -> int:
        live = self._live(key)
        return live[-1].revision if live else 0

    def _write(self, key: str, value: bytes, operation: KvOperation) -> int:
        limit = self.config.max_value_bytes
        if limit is not None and limit >= 0 and len(value) > limit:
            raise ValueTooLarge(f"value of {len(value)} bytes exceeds {limit}")
        record = KvRecord(key, value, next(self._sequence), _now(), operation)
        revisions = self._history.setdefault(key, [])
        revisions.append(record)
        del revisions[: max(0, len(revisions) - max(1, self.config.history))]
        for watcher in list(self.watchers):
            watcher.offer(record)
        return record.revision

    async def get(self, key: str) -> KvRecord | None:
        live = self._live(key)
        if not live or live[-1].operation != "PUT":
            return None
        return live[-1]

    async def create(self, key: str, value: bytes) -> int:
        if await self.get(key) is not None:
            raise KvConflict(f"key {key!r} already exists")
        return self._write(key, value, "PUT")

    async def put(self, key: str, value: bytes, *, expected_revision: int | None = None) -> int:
        self._check(key, expected_revision)
        return self._write(key, value, "PUT")

    async def delete(self, key: str, *, expected_revision: int | None = None) -> None:
        self._check(key, expected_revision)
        self._write(key, b"", "DEL")

    def _check(self, key: str, expected_revision: int | None) -> None:
        if expected_revision is not None and self._last_revision(key) != expected_revision:
            raise KvConflict(f"wrong last sequence: key {key!r} is not at {expected_revision}")

    async def keys(self, filter: str = ">") -> list[str]:
        return [
            key
            for key in sorted(self._history)
            if subject_matches(filter, key) and await self.get(key) is not None
        ]

    async def watch(self, filter: str = ">") -> _MemoryKvWatcher:
        watcher = _MemoryKvWatcher(self, filter)
        self.watchers.add(watcher)
        return watcher


@dataclass
class _StoredObject:
    record: ObjectRecord
    data: bytes = b""
    written: datetime = field(default_factory=_now)


class MemoryObjectBucket:
    def __init__(self, name: str, config: ObjectBucketConfig) -> None:
        self.name = name
        self.config = config
        self._objects: dict[str, _StoredObject] = {}

    def _expire(self) -> None:
        if self.config.ttl_ms > 0:
            cutoff = _now() - timedelta(milliseconds=self.config.ttl_ms)
            for name in [n for n, o in self._objects.items() if o.written <= cutoff]:
                del self._objects[name]

    def _total(self) -> int:
        return sum(len(o.data) for o in self._objects.values())

    async def info(self, name: str) -> ObjectRecord | None:
        self._expire()
        stored = self._objects.get(name)
        return stored.record if stored else None

    async def put(
        self,
        name: str,
        chunks: AsyncIterable[bytes],
        *,
        metadata: Mapping[str, str] | None = None,
    ) -> ObjectRecord:
        parts: list[bytes] = []
        async for chunk in chunks:
            parts.append(bytes(chunk))
        data = b"".join(parts)
        limit = self.config.max_total_bytes
        if limit is not None and limit >= 0:
            previous = self._objects.get(name)
            if self._total() - len(previous.data if previous else b"") + len(data) > limit:
                raise ValueTooLarge(f"object store {self.name} is full ({limit} bytes)")
        record = ObjectRecord(
            name=name,
            size=len(data),
            mtime=iso_format(_now()),
            digest=object_digest(data),
            metadata=dict(metadata or {}),
        )
        self._objects[name] = _StoredObject(record, data)
        return record

    async def read(self, name: str) -> AsyncIterator[bytes]:
        self._expire()
        stored = self._objects.get(name)
        if stored is None or stored.record.deleted:
            raise FileNotFoundError(name)
        data = stored.data
        for start in range(0, len(data), CHUNK):
            yield data[start : start + CHUNK]

    async def delete(self, name: str) -> bool:
        stored = self._objects.get(name)
        if stored is None:
            return False
        record = stored.record
        deleted = ObjectRecord(record.name, 0, iso_format(_now()), "", record.metadata, True)
        self._objects[name] = _StoredObject(deleted)
        return True

    async def list(self) -> list[ObjectRecord]:
        self._expire()
        return [o.record for o in self._objects.values()]

    async def status(self) -> ObjectBucketStatus:
        return ObjectBucketStatus(self._total(), False, self.config.ttl_ms)


@dataclass
class _Buckets:
    kv: dict[str, MemoryKvBucket] = field(default_factory=dict)
    objects: dict[str, MemoryObjectBucket] = field(default_factory=dict)


# per broker: its buckets live as long as it does
_REGISTRY: weakref.WeakKeyDictionary[object, _Buckets] = weakref.WeakKeyDictionary()


def _buckets(broker: object) -> _Buckets:
    registry = _REGISTRY.get(broker)
    if registry is None:
        registry = _REGISTRY[broker] = _Buckets()
    return registry


def kv_bucket(broker: object, name: str, config: KvBucketConfig | None) -> MemoryKvBucket:
    """The broker's bucket ``name``; created with ``config`` unless it exists (``None``: must)."""
    buckets = _buckets(broker).kv
    if name not in buckets:
        if config is None:
            raise BucketNotFound(name)
        buckets[name] = MemoryKvBucket(name, config)
    bucket = buckets[name]
    if config is not None and config.ttl_ms > 0 and bucket.config.ttl_ms < config.ttl_ms:
        # as the reference does on open: a longer requested TTL raises the bucket's max age
        # (0, "never", counts as shorter, exactly as the reference compares them)
        bucket.config = KvBucketConfig(
            bucket.config.history, config.ttl_ms, bucket.config.max_value_bytes
        )
    return bucket


def object_bucket(
    broker: object, name: str, config: ObjectBucketConfig | None
) -> MemoryObjectBucket:
    stores = _buckets(broker).objects
    if name not in stores:
        if config is None:
            raise BucketNotFound(name)
        stores[name] = MemoryObjectBucket(name, config)
    return stores[name]
