"""Where transfers put and read bytes: the small store interface transfers need, and two backends.

A transfer writes into, and reads from, one of the owning service's ``resources.store``
aliases. ``TransferStore`` is all the transfer machinery asks of such a store: a streamed put
that returns only once the object is durably stored (and stores nothing if the stream fails),
an object's ``FileInfo``, a streamed read, and the object size limit. Two backends satisfy it:

- ``BucketTransferStore`` for the in-memory transport, over the broker's object bucket (the one
  ``service.store.<alias>`` opens);
- ``NatsTransferStore`` over a JetStream object store in the layout every NATS client reads
  (stream ``OBJ_<bucket>``, chunks on ``$O.<bucket>.C.<nuid>``, one rolled-up meta message per
  object on ``$O.<bucket>.M.<base64url(name)>``), keeping the content type in the object's
  ``metadata`` under ``__trellis_content_type`` as the reference's store does.

``open_transfer_store`` picks the store of an alias: the bucket the deployment bound
(``Service.bindings``; never created here), else a locally named bucket created on first use
with the manifest's limits, under the name ``service.store.<alias>`` gives it
(``svc_<service>_<alias>``), so what is uploaded is readable through the store handle.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .buckets import ObjectBucket, ObjectBucketConfig, ObjectRecord
from .encoding import iso_now
from .errors import StoreError
from .resources import local_resource_name
from .transfer import FileInfo

if TYPE_CHECKING:
    from nats.js.client import JetStreamContext

    from .service import Service

CONTENT_TYPE_KEY = "__trellis_content_type"
OBJECT_CHUNK_BYTES = 128 * 1024  # the NATS object store's default chunk size


@dataclass(frozen=True)
class StoreLimits:
    """A store resource's declared limits (manifest ``resources.store.<alias>``)."""

    max_object_bytes: int | None = None
    max_total_bytes: int | None = None
    ttl_ms: int = 0


class TransferStore(Protocol):
    """What transfers need of a service-owned store."""

    @property
    def name(self) -> str: ...

    @property
    def max_object_bytes(self) -> int | None: ...

    async def put(
        self,
        key: str,
        chunks: AsyncIterator[bytes],
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> FileInfo:
        """Store the chunks under ``key``; returns once stored. If ``chunks`` raises, nothing is."""
        ...

    async def info(self, key: str) -> FileInfo | None: ...

    def read(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes; raises ``StoreError`` (reason ``not_found``) for a missing key."""
        ...


def _digest(data: hashlib._Hash) -> str:
    return "SHA-256=" + base64.urlsafe_b64encode(data.digest()).decode()


def _digest_bytes(text: str) -> bytes | None:
    """A ``SHA-256=<base64url>`` digest's bytes, padded or not (clients differ)."""
    value = text.split("=", 1)[1] if text.upper().startswith("SHA-256=") else text
    try:
        return base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except ValueError:
        return None


def _not_found(operation: str, key: str) -> StoreError:
    return StoreError(
        f"Store {operation} failed",
        operation=operation,
        context={"key": key, "reason": "not_found"},
    )


# ----- in memory ------------------------------------------------------------------------------


@dataclass
class BucketTransferStore:
    """Transfers over an ``ObjectBucket`` (the in-memory broker's): the same bucket the
    service's ``service.store.<alias>`` handle opens, so an upload is readable through it."""

    bucket: ObjectBucket
    max_object_bytes: int | None = None

    @property
    def name(self) -> str:
        return self.bucket.name

    async def put(
        self,
        key: str,
        chunks: AsyncIterator[bytes],
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> FileInfo:
        stored_meta = dict(metadata or {})
        if content_type is not None:
            stored_meta[CONTENT_TYPE_KEY] = content_type
        return _record_info(await self.bucket.put(key, chunks, metadata=stored_meta))

    async def info(self, key: str) -> FileInfo | None:
        record = await self.bucket.info(key)
        return None if record is None or record.deleted else _record_info(record)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.bucket.read(key):
                yield chunk
        except FileNotFoundError:
            raise _not_found("get", key) from None


def _record_info(record: ObjectRecord) -> FileInfo:
    metadata = dict(record.metadata)
    content_type = metadata.pop(CONTENT_TYPE_KEY, None)
    return FileInfo(record.name, record.size, record.mtime, record.digest, content_type, metadata)


# ----- NATS JetStream object store ------------------------------------------------------------


class NatsTransferStore:
    """One JetStream object store bucket, written and read in the standard object-store layout."""

    def __init__(self, js: JetStreamContext, bucket: str, max_object_bytes: int | None) -> None:
        self._js = js
        self._bucket = bucket
        self._stream = f"OBJ_{bucket}"
        self.max_object_bytes = max_object_bytes

    @property
    def name(self) -> str:
        return self._bucket

    @classmethod
    async def open(
        cls, js: JetStreamContext, bucket: str, limits: StoreLimits, *, create: bool
    ) -> NatsTransferStore:
        import nats.js.errors
        from nats.js.api import ObjectStoreConfig

        try:
            await js.object_store(bucket)
        except nats.js.errors.NotFoundError:
            if not create:
                raise StoreError(
                    "Store open failed",
                    operation="open",
                    context={"name": bucket, "reason": "not_found"},
                ) from None
            config = ObjectStoreConfig(
                bucket=bucket,
                ttl=limits.ttl_ms / 1000 if limits.ttl_ms else None,
                max_bytes=limits.max_total_bytes if limits.max_total_bytes else -1,
            )
            await js.create_object_store(bucket, config=config)
        return cls(js, bucket, limits.max_object_bytes)

    def _meta_subject(self, key: str) -> str:
        return f"$O.{self._bucket}.M.{base64.urlsafe_b64encode(key.encode()).decode()}"

    async def _meta(self, key: str) -> dict[str, Any] | None:
        import nats.js.errors

        try:
            msg = await self._js.get_last_msg(self._stream, self._meta_subject(key))
        except nats.js.errors.NotFoundError:
            return None
        meta = json.loads(msg.data or b"{}")
        if not isinstance(meta, dict) or meta.get("deleted"):
            return None
        return meta

    async def put(
        self,
        key: str,
        chunks: AsyncIterator[bytes],
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> FileInfo:
        from nats.nuid import NUID

        previous = await self._meta(key)
        nuid = NUID().next().decode()
        chunk_subject = f"$O.{self._bucket}.C.{nuid}"
        digest = hashlib.sha256()
        size = count = 0
        try:
            async for chunk in chunks:
                for at in range(0, len(chunk), OBJECT_CHUNK_BYTES):
                    piece = chunk[at : at + OBJECT_CHUNK_BYTES]
                    await self._js.publish(chunk_subject, piece)
                    digest.update(piece)
                    size += len(piece)
                    count += 1
            stored_meta = dict(metadata or {})
            if content_type:
                stored_meta[CONTENT_TYPE_KEY] = content_type
            mtime = iso_now()
            meta: dict[str, Any] = {
                "name": key,
                "options": {"max_chunk_size": OBJECT_CHUNK_BYTES},
                "bucket": self._bucket,
                "nuid": nuid,
                "size": size,
                "mtime": mtime,
                "chunks": count,
                "digest": _digest(digest),
            }
            if stored_meta:
                meta["metadata"] = stored_meta
            await self._js.publish(
                self._meta_subject(key),
                json.dumps(meta, separators=(",", ":")).encode(),
                headers={"Nats-Rollup": "sub"},
            )
        except BaseException:
            await self._js.purge_stream(self._stream, subject=chunk_subject)
            raise
        if previous is not None and previous.get("nuid"):
            await self._js.purge_stream(
                self._stream, subject=f"$O.{self._bucket}.C.{previous['nuid']}"
            )
        return _file_info(meta)

    async def info(self, key: str) -> FileInfo | None:
        meta = await self._meta(key)
        return None if meta is None else _file_info(meta)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        meta = await self._meta(key)
        if meta is None:
            raise _not_found("get", key)
        if not int(meta.get("size") or 0):
            return
        digest = hashlib.sha256()
        sub = await self._js.subscribe(f"$O.{self._bucket}.C.{meta['nuid']}", ordered_consumer=True)
        try:
            async for msg in sub.messages:
                digest.update(msg.data)
                yield msg.data
                if msg.metadata.num_pending == 0:
                    break
        finally:
            await sub.unsubscribe()
        if _digest_bytes(_digest(digest)) != _digest_bytes(str(meta.get("digest") or "")):
            raise StoreError(
                "Store get failed",
                operation="get",
                context={"key": key, "reason": "digest_mismatch"},
            )


def _file_info(meta: Mapping[str, Any]) -> FileInfo:
    stored = dict(meta.get("metadata") or {})
    content_type = stored.pop(CONTENT_TYPE_KEY, None)
    return FileInfo(
        key=str(meta["name"]),
        size=int(meta.get("size") or 0),
        updated_at=str(meta.get("mtime") or ""),
        digest=meta.get("digest"),
        content_type=content_type,
        metadata={str(k): str(v) for k, v in stored.items()},
    )


# ----- choosing the store of an alias ---------------------------------------------------------


async def open_transfer_store(service: Service, alias: str, limits: StoreLimits) -> TransferStore:
    """The store transfers use for ``alias``: the bound bucket, or the local one (created)."""
    from .memory import InMemoryTransport

    binding = service.bindings.store.get(alias) if service.bindings is not None else None
    if service.bindings is not None and binding is None:
        raise StoreError(
            "Store open failed",
            operation="open",
            context={
                "store": alias,
                "reason": "unbound",
                "contractDigest": service.contract_digest,
            },
        )
    if binding is not None:
        name = binding.name
        limits = StoreLimits(binding.max_object_bytes, binding.max_total_bytes, binding.ttl_ms)
    else:
        # the bucket `service.store.<alias>` provisions locally: an upload is readable there
        name = local_resource_name(service.name, alias)
    transport = service.connection.transport
    if isinstance(transport, InMemoryTransport):
        # in memory a bound bucket is created too: no platform provisions it there
        config = ObjectBucketConfig(limits.ttl_ms, limits.max_total_bytes)
        bucket = await transport.object_bucket(name, config)
        return BucketTransferStore(bucket, limits.max_object_bytes)
    client = getattr(transport, "client", None)
    if client is None:
        raise StoreError(
            "Store open failed", operation="open", context={"store": alias, "reason": "no_backend"}
        )
    return await NatsTransferStore.open(client.jetstream(), name, limits, create=binding is None)


__all__ = [
    "BucketTransferStore",
    "NatsTransferStore",
    "StoreLimits",
    "TransferStore",
    "open_transfer_store",
]
