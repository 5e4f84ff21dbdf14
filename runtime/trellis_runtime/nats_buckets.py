"""KV buckets and object stores over JetStream, in the layout every NATS client shares.

A KV bucket is the stream ``KV_<bucket>`` on ``$KV.<bucket>.>`` (one subject per key, the
``KV-Operation`` header marking deletes); an object store is the stream ``OBJ_<bucket>`` holding
chunks on ``$O.<bucket>.C.<nuid>`` and one JSON metadata record per object on
``$O.<bucket>.M.<padded base64url name>``. The object store is implemented here rather than with
nats-py's, because nats-py drops the record's ``metadata`` map, where the reference runtime keeps
a store object's content type and metadata; the records written here are the ones ``@nats-io/obj``
writes, so either side reads the other's objects.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Any

import nats.errors
import nats.js.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from nats.js.api import (
    DeliverPolicy,
    DiscardPolicy,
    KeyValueConfig,
    RawStreamMsg,
    StorageType,
    StreamConfig,
)
from nats.js.client import JetStreamContext
from nats.js.kv import KeyValue as NatsKeyValue
from nats.nuid import NUID

from .buckets import (
    BucketNotFound,
    KvBucketConfig,
    KvConflict,
    KvOperation,
    KvRecord,
    ObjectBucketConfig,
    ObjectBucketStatus,
    ObjectCorrupt,
    ObjectRecord,
    ValueTooLarge,
)
from .encoding import iso_now

KV_OPERATION = "KV-Operation"
EXPECTED_LAST_SUBJECT_SEQUENCE = "Nats-Expected-Last-Subject-Sequence"
ROLLUP = "Nats-Rollup"
WRONG_LAST_SEQUENCE = (10071, 10164)
MESSAGE_TOO_LARGE = 10054
STREAM_FULL = (10047, 10077, 10028)
NANOS = 1_000_000_000
CHUNK = 128 * 1024
_STOP = object()
_nuid = NUID()


def _operation(headers: Mapping[str, str] | None) -> KvOperation:
    op = (headers or {}).get(KV_OPERATION)
    return "DEL" if op == "DEL" else "PURGE" if op == "PURGE" else "PUT"


def _raise_publish_error(exc: nats.js.errors.APIError) -> None:
    if exc.err_code in WRONG_LAST_SEQUENCE:
        raise KvConflict(f"wrong last sequence: {exc.description}") from exc
    if exc.err_code == MESSAGE_TOO_LARGE or exc.err_code in STREAM_FULL:
        raise ValueTooLarge(str(exc.description)) from exc
    raise exc


async def _last_message(js: JetStreamContext, stream: str, subject: str) -> RawStreamMsg | None:
    try:
        return await js.get_last_msg(stream, subject)
    except nats.js.errors.NotFoundError:
        return None


class _NatsKvWatcher:
    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self.sub: Subscription | None = None

    async def on_message(self, msg: Msg) -> None:
        meta = msg.metadata
        created = meta.timestamp or datetime.now(UTC)
        key = msg.subject[len(self._prefix) :]
        operation = _operation(msg.headers)
        self._queue.put_nowait(KvRecord(key, msg.data, meta.sequence.stream, created, operation))

    async def __aiter__(self) -> AsyncIterator[KvRecord]:
        while (item := await self._queue.get()) is not _STOP:
            assert isinstance(item, KvRecord)
            yield item

    async def stop(self) -> None:
        self._queue.put_nowait(_STOP)
        if self.sub is not None:
            with contextlib.suppress(
                nats.errors.ConnectionClosedError, nats.errors.BadSubscriptionError
            ):
                await self.sub.unsubscribe()


class NatsKvBucket:
    def __init__(self, client: Client, name: str, kv: NatsKeyValue) -> None:
        self.name = name
        self._client = client
        self._js = client.jetstream()
        self._kv = kv
        self._stream = f"KV_{name}"
        self._prefix = f"$KV.{name}."

    async def _last(self, key: str) -> RawStreamMsg | None:
        return await _last_message(self._js, self._stream, self._prefix + key)

    async def get(self, key: str) -> KvRecord | None:
        msg = await self._last(key)
        if msg is None or _operation(msg.headers) != "PUT":
            return None
        assert msg.seq is not None
        return KvRecord(key, msg.data or b"", msg.seq, msg.time or datetime.now(UTC))

    async def _publish(
        self, key: str, value: bytes, headers: dict[str, str], expected_revision: int | None
    ) -> int:
        if expected_revision is not None:
            headers[EXPECTED_LAST_SUBJECT_SEQUENCE] = str(expected_revision)
        try:
            ack = await self._js.publish(self._prefix + key, value, headers=headers or None)
        except nats.js.errors.APIError as exc:
            _raise_publish_error(exc)
            raise
        return ack.seq

    async def create(self, key: str, value: bytes) -> int:
        try:
            return await self._publish(key, value, {}, 0)
        except KvConflict:
            # a deleted key has a delete marker: re-create on top of it, as NATS clients do
            last = await self._last(key)
            if last is None or _operation(last.headers) == "PUT":
                raise
            assert last.seq is not None
            return await self._publish(key, value, {}, last.seq)

    async def put(self, key: str, value: bytes, *, expected_revision: int | None = None) -> int:
        return await self._publish(key, value, {}, expected_revision)

    async def delete(self, key: str, *, expected_revision: int | None = None) -> None:
        await self._publish(key, b"", {KV_OPERATION: "DEL"}, expected_revision)

    async def keys(self, filter: str = ">") -> list[str]:
        # nats-py's own keys() filters by substring; its watcher takes a real subject filter
        watcher = await self._kv.watch(filter, ignore_deletes=True, meta_only=True)
        keys: list[str] = []
        try:
            async for entry in watcher:
                if entry is None:
                    break
                keys.append(entry.key)
        finally:
            await watcher.stop()  # type: ignore[no-untyped-call]
        return sorted(set(keys))

    async def watch(self, filter: str = ">") -> _NatsKvWatcher:
        watcher = _NatsKvWatcher(self._prefix)
        watcher.sub = await self._js.subscribe(
            self._prefix + filter,
            stream=self._stream,
            cb=watcher.on_message,
            ordered_consumer=True,
            deliver_policy=DeliverPolicy.NEW,
        )
        await self._client.flush()
        return watcher


async def open_kv_bucket(client: Client, name: str, config: KvBucketConfig | None) -> NatsKvBucket:
    """Bind to ``name``; when it is missing create it from ``config`` (``None``: it must exist).

    On an existing bucket a longer requested TTL raises its max age, as the reference does.
    """
    js = client.jetstream()
    try:
        kv = await js.key_value(name)
    except nats.js.errors.BucketNotFoundError:
        if config is None:
            raise BucketNotFound(name) from None
        try:
            kv = await js.create_key_value(
                KeyValueConfig(
                    bucket=name,
                    history=config.history,
                    ttl=config.ttl_ms / 1000 if config.ttl_ms > 0 else None,
                    max_value_size=config.max_value_bytes
                    if config.max_value_bytes is not None
                    else -1,
                )
            )
        except nats.js.errors.BadRequestError:
            kv = await js.key_value(name)  # created meanwhile by another participant
    if config is not None and config.ttl_ms > 0:
        info = await js.stream_info(f"KV_{name}")
        desired = config.ttl_ms / 1000
        if (info.config.max_age or 0) < desired:
            await js.update_stream(info.config.evolve(max_age=desired))
    return NatsKvBucket(client, name, kv)


def _meta_token(name: str) -> str:
    return base64.urlsafe_b64encode(name.encode()).decode()


def _record(raw: Mapping[str, Any]) -> ObjectRecord:
    metadata = raw.get("metadata")
    return ObjectRecord(
        name=str(raw.get("name", "")),
        size=int(raw.get("size") or 0),
        mtime=str(raw.get("mtime") or ""),
        digest=raw.get("digest") or None,
        metadata={str(k): str(v) for k, v in metadata.items()}
        if isinstance(metadata, Mapping)
        else {},
        deleted=bool(raw.get("deleted")),
    )


class NatsObjectBucket:
    def __init__(self, client: Client, name: str) -> None:
        self.name = name
        self._client = client
        self._js = client.jetstream()
        self._stream = f"OBJ_{name}"

    def _meta_subject(self, name: str) -> str:
        return f"$O.{self.name}.M.{_meta_token(name)}"

    def _chunk_subject(self, nuid: str) -> str:
        return f"$O.{self.name}.C.{nuid}"

    async def _raw(self, name: str) -> dict[str, Any] | None:
        msg = await _last_message(self._js, self._stream, self._meta_subject(name))
        if msg is None or not msg.data:
            return None
        raw: dict[str, Any] = json.loads(msg.data)
        return raw

    async def info(self, name: str) -> ObjectRecord | None:
        raw = await self._raw(name)
        return None if raw is None else _record(raw)

    async def _purge(self, subject: str) -> None:
        with contextlib.suppress(nats.js.errors.Error, nats.errors.Error):
            await self._js.purge_stream(self._stream, subject=subject)

    async def put(
        self,
        name: str,
        chunks: AsyncIterable[bytes],
        *,
        metadata: Mapping[str, str] | None = None,
    ) -> ObjectRecord:
        old = await self._raw(name)
        nuid = _nuid.next().decode()
        chunk_subject = self._chunk_subject(nuid)
        max_chunk = min(CHUNK, self._client.max_payload or CHUNK)
        sha = hashlib.sha256()
        size = count = 0
        pending = bytearray()

        async def send(payload: bytes) -> None:
            nonlocal size, count
            sha.update(payload)
            try:
                await self._js.publish(chunk_subject, payload)
            except nats.js.errors.APIError as exc:
                _raise_publish_error(exc)
                raise
            size += len(payload)
            count += 1

        info: dict[str, Any] = {
            "bucket": self.name,
            "nuid": nuid,
            "size": 0,
            "chunks": 0,
            "name": name,
            "description": "",
            "options": {"max_chunk_size": max_chunk},
        }
        if metadata is not None:
            info["metadata"] = dict(metadata)
        try:
            async for piece in chunks:
                pending += piece
                while len(pending) > max_chunk:
                    await send(bytes(pending[:max_chunk]))
                    del pending[:max_chunk]
            if pending:
                await send(bytes(pending))
            info.update(
                size=size,
                chunks=count,
                mtime=iso_now(),
                digest="SHA-256=" + base64.urlsafe_b64encode(sha.digest()).decode(),
                deleted=False,
            )
            await self._js.publish(
                self._meta_subject(name),
                json.dumps(info, separators=(",", ":")).encode(),
                headers={ROLLUP: "sub"},
            )
        except BaseException:
            await self._purge(chunk_subject)
            raise
        if old is not None and old.get("nuid"):
            await self._purge(self._chunk_subject(str(old["nuid"])))
        return _record(info)

    async def read(self, name: str) -> AsyncIterator[bytes]:
        raw = await self._raw(name)
        if raw is None or raw.get("deleted"):
            raise FileNotFoundError(name)
        digest = str(raw.get("digest") or "")
        if not digest.upper().startswith("SHA-256="):
            raise ObjectCorrupt(f"unknown digest type: {digest}")
        expected = base64.urlsafe_b64decode(digest[8:] + "=" * (-len(digest[8:]) % 4))
        if int(raw.get("size") or 0) == 0:
            return
        sha = hashlib.sha256()
        sub = await self._js.subscribe(
            self._chunk_subject(str(raw["nuid"])), stream=self._stream, ordered_consumer=True
        )
        try:
            while True:
                msg = await sub.next_msg(timeout=5.0)
                sha.update(msg.data)
                if msg.data:
                    yield msg.data
                if msg.metadata.num_pending == 0:
                    break
        finally:
            with contextlib.suppress(nats.errors.Error):
                await sub.unsubscribe()
        if sha.digest() != expected:
            raise ObjectCorrupt(f"received a corrupt object, digests do not match ({name})")

    async def delete(self, name: str) -> bool:
        raw = await self._raw(name)
        if raw is None:
            return False
        raw.update(deleted=True, size=0, chunks=0, digest="")
        await self._js.publish(
            self._meta_subject(str(raw.get("name", name))),
            json.dumps(raw, separators=(",", ":")).encode(),
            headers={ROLLUP: "sub"},
        )
        if raw.get("nuid"):
            await self._purge(self._chunk_subject(str(raw["nuid"])))
        return True

    async def list(self) -> list[ObjectRecord]:
        info = await self._js.stream_info(self._stream, subjects_filter=f"$O.{self.name}.M.>")
        records: list[ObjectRecord] = []
        for subject in sorted(info.state.subjects or {}):
            msg = await _last_message(self._js, self._stream, subject)
            if msg is not None and msg.data:
                records.append(_record(json.loads(msg.data)))
        return records

    async def status(self) -> ObjectBucketStatus:
        info = await self._js.stream_info(self._stream)
        ttl_ms = round((info.config.max_age or 0) * 1000)
        return ObjectBucketStatus(info.state.bytes, bool(info.config.sealed), ttl_ms)


async def open_object_bucket(
    client: Client, name: str, config: ObjectBucketConfig | None
) -> NatsObjectBucket:
    """Bind to the object store ``name``; create it from ``config`` unless it exists."""
    js = client.jetstream()
    stream = f"OBJ_{name}"
    try:
        await js.stream_info(stream)
    except nats.js.errors.NotFoundError:
        if config is None:
            raise BucketNotFound(name) from None
        stream_config = StreamConfig(
            name=stream,
            subjects=[f"$O.{name}.C.>", f"$O.{name}.M.>"],
            max_age=config.ttl_ms / 1000 if config.ttl_ms > 0 else None,
            max_bytes=config.max_total_bytes if config.max_total_bytes is not None else None,
            storage=StorageType.FILE,
            num_replicas=1,
            discard=DiscardPolicy.NEW,
            allow_rollup_hdrs=True,
            allow_direct=True,
        )
        try:
            await js.add_stream(stream_config)
        except nats.js.errors.BadRequestError:
            await js.stream_info(stream)  # created meanwhile by another participant
    return NatsObjectBucket(client, name)
