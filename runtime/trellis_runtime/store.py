"""Store resources: ``service.store.<alias>``, a service-owned store of opaque byte objects.

This is the reference runtime's ``TypedStore`` (``store.ts``) in Python idiom: objects are bytes
plus small string metadata (a content type among them, kept in the object's metadata under the
reference's internal key, so either runtime reads the other's), written from ``bytes`` or an
async iterable of chunks and read whole or as a stream; ``list`` is the reference's bounded,
live offset page (at most 500 entries per page). Failures are ``StoreError`` objects with the
reference's ``operation`` and context ``reason`` (``"not_found"``, ``"already_exists"``,
``"max_object_bytes_exceeded"``, ``"timeout"``, ``"invalid_limit"``, ...).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .buckets import ObjectBucket, ObjectRecord, ValueTooLarge
from .errors import StoreError
from .resource_descriptors import StoreDescriptor

CONTENT_TYPE_KEY = "__trellis_content_type"
MAX_LIST_LIMIT = 500
DEFAULT_POLL_INTERVAL = 0.25

StoreBody = bytes | bytearray | memoryview | AsyncIterable[bytes]


def store_error(operation: str, key: str | None = None, **context: Any) -> StoreError:
    """The reference's ``StoreError``: message ``Store <operation> failed``."""
    where: dict[str, Any] = {} if key is None else {"key": key}
    where.update(context)
    return StoreError(f"Store {operation} failed", operation=operation, context=where)


@dataclass(frozen=True)
class StoreInfo:
    """An object's metadata: its key, size, last write time and what the writer attached."""

    key: str
    size: int
    updated_at: str  # ISO 8601, as the writer recorded it
    digest: str | None = None
    content_type: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StorePage:
    """One page of ``list``: ``entries`` from ``offset``, ``count`` objects in all."""

    entries: list[StoreInfo]
    count: int
    offset: int
    limit: int
    next_offset: int | None = None


@dataclass(frozen=True)
class StoreStatus:
    size: int
    sealed: bool
    ttl_ms: int
    max_object_bytes: int | None = None
    max_total_bytes: int | None = None


def _info(record: ObjectRecord) -> StoreInfo:
    metadata = dict(record.metadata)
    content_type = metadata.pop(CONTENT_TYPE_KEY, None)
    return StoreInfo(
        key=record.name,
        size=record.size,
        updated_at=record.mtime,
        digest=record.digest or None,
        content_type=content_type or None,
        metadata=metadata,
    )


def _metadata(
    content_type: str | None, metadata: Mapping[str, str] | None
) -> dict[str, str] | None:
    if not metadata and not content_type:
        return None
    out = dict(metadata or {})
    if content_type:
        out[CONTENT_TYPE_KEY] = content_type
    return out


class StoreEntry:
    """An object found by ``get``: its ``info`` now, its bytes on demand."""

    def __init__(self, store: StoreHandle, info: StoreInfo) -> None:
        self._store = store
        self.key = info.key
        self.info = info

    async def stream(self) -> AsyncIterator[bytes]:
        """The object's bytes in chunks, checked against its digest."""
        bucket = await self._store.open()
        try:
            async for chunk in bucket.read(self.key):
                yield chunk
        except FileNotFoundError:
            raise store_error("stream", self.key, reason="not_found") from None
        except Exception as exc:
            raise store_error("stream", self.key) from exc

    async def bytes(self) -> bytes:
        """The whole object."""
        parts: list[bytes] = []
        try:
            async for chunk in self.stream():
                parts.append(chunk)
        except StoreError as exc:
            raise store_error("bytes", self.key, **_reason(exc)) from exc
        return b"".join(parts)


def _reason(exc: StoreError) -> dict[str, Any]:
    reason = exc.context.get("reason")
    return {} if reason is None else {"reason": reason}


async def _limited(
    body: AsyncIterable[bytes], operation: str, key: str, limit: int | None
) -> AsyncIterator[bytes]:
    total = 0
    async for chunk in body:
        total += len(chunk)
        if limit is not None and total > limit:
            raise store_error(
                operation,
                key,
                reason="max_object_bytes_exceeded",
                maxObjectBytes=limit,
                attemptedBytes=total,
            )
        yield bytes(chunk)


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


class StoreHandle:
    """One store resource.

    The store is opened on first use: the bound store as the deployment named it, or locally
    (no deployment) ``svc_<service>_<alias>``, provisioned with the manifest's ``ttlMs`` and
    ``maxTotalBytes``. ``maxObjectBytes`` is enforced here, before and while writing.
    """

    def __init__(
        self,
        desc: StoreDescriptor,
        name: str,
        open: Callable[[], Awaitable[ObjectBucket]],
        *,
        ttl_ms: int = 0,
        max_object_bytes: int | None = None,
        max_total_bytes: int | None = None,
    ) -> None:
        self.desc = desc
        self.name = name
        self.ttl_ms = ttl_ms
        self.max_object_bytes = max_object_bytes
        self.max_total_bytes = max_total_bytes
        self._open = open
        self._bucket: ObjectBucket | None = None
        self._lock = asyncio.Lock()

    async def open(self) -> ObjectBucket:
        """The underlying object bucket (opened, or provisioned locally, on first call)."""
        async with self._lock:
            if self._bucket is None:
                try:
                    self._bucket = await self._open()
                except Exception as exc:
                    raise store_error("open", None, name=self.name) from exc
            return self._bucket

    async def _record(self, operation: str, key: str) -> ObjectRecord | None:
        bucket = await self.open()
        try:
            record = await bucket.info(key)
        except Exception as exc:
            raise store_error(operation, key) from exc
        return None if record is None or record.deleted else record

    async def create(
        self,
        key: str,
        body: StoreBody,
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        """Write a new object; ``StoreError`` reason ``"already_exists"`` if ``key`` has one."""
        if await self._record("get", key) is not None:
            raise store_error("create", key, reason="already_exists")
        await self._write("create", key, body, content_type, metadata)

    async def put(
        self,
        key: str,
        body: StoreBody,
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        """Write an object, replacing the one under ``key`` if any."""
        await self._write("put", key, body, content_type, metadata)

    async def _write(
        self,
        operation: str,
        key: str,
        body: StoreBody,
        content_type: str | None,
        metadata: Mapping[str, str] | None,
    ) -> None:
        limit = self.max_object_bytes
        if isinstance(body, bytes | bytearray | memoryview):
            data = bytes(body)
            if limit is not None and len(data) > limit:
                raise store_error(
                    operation,
                    key,
                    reason="max_object_bytes_exceeded",
                    maxObjectBytes=limit,
                    attemptedBytes=len(data),
                )
            chunks: AsyncIterable[bytes] = _once(data)
        else:
            chunks = _limited(body, operation, key, limit)
        bucket = await self.open()
        try:
            await bucket.put(key, chunks, metadata=_metadata(content_type, metadata))
        except StoreError:
            raise
        except ValueTooLarge as exc:
            raise store_error(operation, key, reason="max_total_bytes_exceeded") from exc
        except Exception as exc:
            raise store_error(operation, key) from exc

    async def get(self, key: str) -> StoreEntry:
        """The object's entry; ``StoreError`` reason ``"not_found"`` when there is none."""
        record = await self._record("get", key)
        if record is None:
            raise store_error("get", key, reason="not_found")
        return StoreEntry(self, _info(record))

    async def wait_for(
        self,
        key: str,
        *,
        timeout: float | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> StoreEntry:
        """Poll ``get`` until the object appears (``StoreError`` reason ``"timeout"`` after
        ``timeout`` seconds); cancel the awaiting task to give up early."""
        started = time.monotonic()
        while True:
            try:
                return await self.get(key)
            except StoreError as exc:
                if exc.context.get("reason") != "not_found":
                    raise
            remaining = None if timeout is None else timeout - (time.monotonic() - started)
            if timeout is not None and remaining is not None and remaining <= 0:
                raise store_error("waitFor", key, reason="timeout", timeoutMs=round(timeout * 1000))
            delay = poll_interval if remaining is None else min(poll_interval, remaining)
            await asyncio.sleep(delay)

    async def delete(self, key: str) -> None:
        """Delete the object (nothing happens when there is none)."""
        bucket = await self.open()
        try:
            await bucket.delete(key)
        except Exception as exc:
            raise store_error("delete", key) from exc

    async def list(self, *, limit: int, prefix: str = "", offset: int = 0) -> StorePage:
        """A page of the objects whose key starts with ``prefix``, by key.

        ``limit`` is required (at most 500): there is no unbounded listing. The page is live,
        not a snapshot: writes between two calls can shift later offsets.
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise store_error("list", None, reason="invalid_limit", limit=limit)
        if limit > MAX_LIST_LIMIT:
            raise store_error(
                "list", None, reason="limit_exceeded", limit=limit, maxLimit=MAX_LIST_LIMIT
            )
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise store_error("list", None, reason="invalid_offset", offset=offset)
        bucket = await self.open()
        try:
            records = await bucket.list()
        except Exception as exc:
            raise store_error("list", None, prefix=prefix) from exc
        found = sorted(
            (_info(r) for r in records if not r.deleted and r.name.startswith(prefix)),
            key=lambda info: info.key,
        )
        end = offset + limit
        return StorePage(
            entries=found[offset:end],
            count=len(found),
            offset=offset,
            limit=limit,
            next_offset=None if limit <= 0 or end >= len(found) else end,
        )

    async def status(self) -> StoreStatus:
        bucket = await self.open()
        try:
            status = await bucket.status()
        except Exception as exc:
            raise store_error("status") from exc
        return StoreStatus(
            size=status.size,
            sealed=status.sealed,
            ttl_ms=status.ttl_ms if status.ttl_ms > 0 else self.ttl_ms,
            max_object_bytes=self.max_object_bytes,
            max_total_bytes=self.max_total_bytes,
        )
