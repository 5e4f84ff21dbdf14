"""File transfers over the in-memory transport and a real nats-server (JetStream object store).

Uploads go through a send-transfer operation (the caller's ``input(...).transfer(body)
.start()`` builder, the handler's ``op.transfer``), downloads through a receive grant an RPC
returns. The service side is checked against the reference's rules: chunks in order from the
session that started the operation, at most ``chunkBytes`` each, at most ``maxBytes`` in all,
before ``expiresAt``; a refused upload stores nothing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from trellis_runtime import (
    Bindings,
    Connection,
    FileInfo,
    OperationDescriptor,
    OperationEvent,
    OperationTransfer,
    RpcContext,
    RpcDescriptor,
    Service,
    StoreBinding,
    TransferError,
    TransferProgress,
    UploadOperation,
)
from trellis_runtime.encoding import ulid
from trellis_runtime.proof import signed_headers
from trellis_runtime.resource_descriptors import StoreDescriptor
from trellis_runtime.resources import local_resource_name
from trellis_runtime.transfer import (
    EOF_HEADER,
    SEQ_HEADER,
    TransferGrant,
    TransferInput,
    receive,
    send,
)
from trellis_runtime.transfer_store import StoreLimits, TransferStore

from .network import Network

STEP = 5.0
CONTRACT_ID = "demo.files@v1"
CONTRACT_DIGEST = "files-digest"


class UploadInput(BaseModel):
    key: str
    contentType: str | None = None
    meta: dict[str, str] | None = None


class UploadProgress(BaseModel):
    step: str


class UploadOutput(BaseModel):
    key: str
    size: int


class DownloadInput(BaseModel):
    key: str


class Grant(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str


def upload_desc(
    *, max_bytes: int | None = 64, store_max: int | None = None, expires_in_ms: int | None = None
) -> OperationDescriptor[UploadInput, UploadProgress, UploadOutput]:
    return OperationDescriptor(
        key="Files.Upload",
        subject="operations.v1.Files.Upload",
        input=UploadInput,
        progress=UploadProgress,
        output=UploadOutput,
        transfer=OperationTransfer(
            store="uploads",
            key="/key",
            content_type="/contentType",
            metadata="/meta",
            expires_in_ms=expires_in_ms,
            max_bytes=max_bytes,
            store_max_object_bytes=store_max,
        ),
    )


DOWNLOAD = RpcDescriptor(
    key="Files.Download",
    subject="rpc.v1.Files.Download",
    input=DownloadInput,
    output=Grant,
    transfer_direction="receive",
)


class Files:
    """A service with one upload operation and one download RPC, and what its handlers saw."""

    def __init__(self, svc: Service) -> None:
        self.svc = svc
        self.stored: list[FileInfo] = []
        self.failures: list[TransferError] = []
        self.updates: list[TransferProgress] = []

    async def upload(self, payload: UploadInput, op: UploadOperation[Any, Any]) -> UploadOutput:
        try:
            info = await op.transfer.completed()
        except TransferError as exc:
            self.failures.append(exc)
            raise
        self.updates.extend([u async for u in op.transfer.updates()])
        self.stored.append(info)
        await op.progress(UploadProgress(step="scanned"))
        return UploadOutput(key=info.key, size=info.size)

    async def download(self, payload: DownloadInput, ctx: RpcContext) -> Grant:
        grant = await self.svc.create_transfer(
            store="uploads", key=payload.key, session_key=ctx.session_key
        )
        return Grant.model_validate(grant.to_wire())


async def serve(
    net: Network,
    desc: OperationDescriptor[UploadInput, UploadProgress, UploadOutput] | None = None,
    *,
    chunk_bytes: int = 8,
    bindings: Bindings | None = None,
) -> Files:
    svc = Service(
        await net.connect(), name="files", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST
    )
    svc.bindings = bindings
    svc.transfers.chunk_bytes = chunk_bytes
    files = Files(svc)
    svc.handle_upload(desc or upload_desc(), files.upload)
    svc.handle_rpc(DOWNLOAD, files.download)
    await svc.start()
    return files


async def store_of(files: Files) -> TransferStore:
    return await files.svc.transfer_store("uploads", StoreLimits())


async def read_all(store: TransferStore, key: str) -> bytes:
    return b"".join([chunk async for chunk in store.read(key)])


def uploading(
    conn: Connection,
    body: Any,
    key: str = "docs/a.txt",
    desc: OperationDescriptor[UploadInput, UploadProgress, UploadOutput] | None = None,
) -> Any:
    inp = UploadInput(key=key, contentType="text/plain", meta={"owner": "ann"})
    return TransferInput(conn, desc or upload_desc(), inp).transfer(body)


async def test_an_upload_streams_in_chunks_and_the_handler_gets_the_stored_object(
    network: Network,
) -> None:
    files = await serve(network)
    try:
        client = await network.connect()
        data = b"0123456789abcdefghijklmnopqrstuv!"  # 33 bytes: five 8-byte chunks
        seen: list[TransferProgress] = []
        started = await uploading(client, data).on_transfer(seen.append).start(timeout=STEP)
        events: list[OperationEvent[Any, Any]] = []

        async def watch() -> None:
            async for event in started.operation.watch(timeout=STEP):
                events.append(event)

        watcher = asyncio.create_task(watch())
        done = await started.wait(timeout=STEP)
        await asyncio.wait_for(watcher, STEP)
        stored = await read_all(await store_of(files), "docs/a.txt")
    finally:
        await files.svc.stop()
    assert grant_chunk(started.grant) == 8
    assert done.terminal.state == "completed" and done.terminal.output is not None
    assert (done.terminal.output.key, done.terminal.output.size) == ("docs/a.txt", 33)
    (info,) = files.stored
    assert info == done.transferred
    assert (info.key, info.size, info.content_type) == ("docs/a.txt", 33, "text/plain")
    assert info.metadata == {"owner": "ann"}
    assert info.digest is not None and info.digest.startswith("SHA-256=")
    assert stored == data and hashlib.sha256(stored).hexdigest() == hashlib.sha256(data).hexdigest()
    assert [p.chunk_index for p in seen] == [0, 1, 2, 3, 4]
    assert [u.transferred_bytes for u in files.updates] == [8, 16, 24, 32, 33]
    # every chunk the service acknowledged is a `transfer` event carrying it on the snapshot too
    transfers = [e for e in events if e.type == "transfer"]
    assert transfers and all(e.transfer == e.snapshot.transfer for e in transfers)
    assert transfers[-1].transfer == TransferProgress(4, 1, 33)
    assert events[-1].type == "completed"
    assert done.terminal.transfer == TransferProgress(4, 1, 33)


def grant_chunk(grant: TransferGrant) -> int:
    return grant.chunk_bytes


async def test_bodies_may_be_async_or_sync_iterables_of_any_sized_pieces(
    network: Network,
) -> None:
    files = await serve(network)

    async def pieces() -> AsyncIterator[bytes]:
        yield b"abc"
        yield b""
        yield b"defghijklmnop"

    try:
        client = await network.connect()
        one = await (await uploading(client, pieces(), key="one").start()).wait(timeout=STEP)
        two = await (await uploading(client, [b"xy", b"z"], key="two").start()).wait(timeout=STEP)
        empty = await (await uploading(client, b"", key="empty").start()).wait(timeout=STEP)
        store = await store_of(files)
        assert await read_all(store, "one") == b"abcdefghijklmnop"
        assert await read_all(store, "two") == b"xyz"
        assert await read_all(store, "empty") == b""
    finally:
        await files.svc.stop()
    assert (one.transferred.size, two.transferred.size, empty.transferred.size) == (16, 3, 0)


async def test_the_grant_carries_the_smaller_of_the_operation_and_store_limits(
    network: Network,
) -> None:
    files = await serve(network, upload_desc(max_bytes=64, store_max=20))
    try:
        client = await network.connect()
        started = await uploading(client, b"x" * 30).start(timeout=STEP)
        with pytest.raises(TransferError) as refused:
            await started.transferred()
    finally:
        await files.svc.stop()
    assert started.grant.max_bytes == 20
    assert refused.value.context == {
        "reason": "max_bytes_exceeded",
        "maxBytes": 20,
        "attemptedBytes": 24,
    }


async def test_the_service_refuses_bytes_past_the_limit_and_stores_nothing(
    network: Network,
) -> None:
    files = await serve(network, upload_desc(max_bytes=16))
    try:
        client = await network.connect()
        key = f"refused/{ulid()}"  # buckets outlive a test on the session's nats-server
        started = await uploading(client, b"ignored", key=key).start(timeout=STEP)
        started._task.cancel()  # send ourselves, as a client ignoring the grant's limit would
        unlimited = dataclasses.replace(started.grant, max_bytes=None)
        with pytest.raises(TransferError) as refused:
            await send(client, unlimited, b"y" * 40)
        terminal = await started.operation.wait(timeout=STEP)
        store = await store_of(files)
        assert await store.info(key) is None
    finally:
        await files.svc.stop()
    assert refused.value.context["reason"] == "max_bytes_exceeded"
    assert refused.value.context["maxBytes"] == 16
    assert files.failures and files.failures[0].context["reason"] == "max_bytes_exceeded"
    assert terminal.state == "failed" and terminal.error is not None
    assert terminal.error.type == "TransferError"


async def raw_chunk(
    conn: Connection, grant: TransferGrant, data: bytes, seq: int, *, eof: bool = False
) -> Any:
    from trellis_runtime.encoding import decode_json

    headers = signed_headers(conn.session_key, grant.subject, data)
    headers[SEQ_HEADER] = str(seq)
    if eof:
        headers[EOF_HEADER] = "true"
    reply = await conn.transport.request(grant.subject, data, timeout=STEP, headers=headers)
    return reply.header("status"), decode_json(reply.data)


async def started_grant(network: Network, files: Files) -> tuple[Connection, Any]:
    client = await network.connect()
    started = await uploading(client, b"").start(timeout=STEP)
    started._task.cancel()
    return client, started


async def test_chunks_out_of_order_are_refused(network: Network) -> None:
    files = await serve(network)
    try:
        client, started = await started_grant(network, files)
        assert await raw_chunk(client, started.grant, b"aa", 0) == (None, {"status": "continue"})
        status, body = await raw_chunk(client, started.grant, b"bb", 2)
        terminal = await started.operation.wait(timeout=STEP)
    finally:
        await files.svc.stop()
    assert status == "error"
    assert body["type"] == "TransferError"
    assert body["context"] == {"reason": "out_of_order", "expected": 1, "actual": 2}
    assert terminal.state == "failed"


async def test_chunks_from_another_session_are_refused(network: Network) -> None:
    files = await serve(network)
    try:
        _, started = await started_grant(network, files)
        intruder = await network.connect()
        status, body = await raw_chunk(intruder, started.grant, b"evil", 0)
    finally:
        await files.svc.stop()
    assert (status, body["context"]["reason"]) == ("error", "invalid_proof")


async def test_a_chunk_larger_than_the_grant_chunk_size_is_refused(network: Network) -> None:
    files = await serve(network, chunk_bytes=4)
    try:
        client, started = await started_grant(network, files)
        status, body = await raw_chunk(client, started.grant, b"12345", 0)
    finally:
        await files.svc.stop()
    assert status == "error"
    assert body["context"] == {"reason": "chunk_too_large", "maxChunkBytes": 4}


async def test_an_upload_that_never_finishes_expires(network: Network) -> None:
    files = await serve(network, upload_desc(expires_in_ms=200))
    try:
        client, started = await started_grant(network, files)
        terminal = await started.operation.wait(timeout=STEP)
    finally:
        await files.svc.stop()
    assert terminal.state == "failed"
    assert files.failures[0].context["reason"] == "expired"


async def test_a_missing_upload_key_refuses_the_start(network: Network) -> None:
    files = await serve(network)
    try:
        client = await network.connect()
        desc = upload_desc()
        with pytest.raises(TransferError) as refused:
            await TransferInput(client, desc, UploadInput(key="")).transfer(b"x").start()
    finally:
        await files.svc.stop()
    assert refused.value.context["reason"] == "invalid_input"
    assert refused.value.context["field"] == "key"


async def test_a_download_grant_streams_the_object_once_to_its_session(network: Network) -> None:
    files = await serve(network)
    try:
        client = await network.connect()
        data = b"the quick brown fox jumps over the lazy dog"
        await (await uploading(client, data).start()).wait(timeout=STEP)
        grant = await client.request(DOWNLOAD, DownloadInput(key="docs/a.txt"))
        receiver = receive(client, grant)
        assert receiver.info is not None
        assert (receiver.info.size, receiver.info.content_type) == (len(data), "text/plain")
        chunks = [chunk async for chunk in receiver.stream()]
        with pytest.raises(TransferError):
            await receive(client, grant).bytes()  # one request per grant
        other = await network.connect()
        fresh = await client.request(DOWNLOAD, DownloadInput(key="docs/a.txt"))
        with pytest.raises(TransferError) as mismatch:
            await receive(other, fresh).bytes()
        # even ignoring the grant's session, another session's request is refused
        forged = TransferGrant.from_wire(
            {**fresh.model_dump(), "sessionKey": other.session_key.public}
        )
        with pytest.raises(TransferError) as refused:
            await receive(other, forged).bytes()
    finally:
        await files.svc.stop()
    assert b"".join(chunks) == data
    assert max(len(c) for c in chunks) == 8 and len(chunks) == 6
    assert mismatch.value.context["reason"] == "session_mismatch"
    assert refused.value.context["reason"] in {"reply_subject_mismatch", "invalid_proof"}


async def test_a_download_of_a_missing_object_is_refused_at_the_grant(network: Network) -> None:
    files = await serve(network)
    try:
        with pytest.raises(TransferError) as refused:
            await files.svc.create_transfer(store="uploads", key="nope", session_key="k")
    finally:
        await files.svc.stop()
    assert refused.value.context["reason"] == "not_found"


async def test_uploads_land_in_the_store_the_deployment_bound(network: Network) -> None:
    bound = Bindings(
        CONTRACT_ID,
        CONTRACT_DIGEST,
        store={"uploads": StoreBinding("bound_uploads_bucket", 0, max_object_bytes=10)},
    )
    local = await serve(network)  # creates the locally named bucket first
    await local.svc.stop()
    if network.url is not None:  # a deployment provisions the bound bucket; here the test does
        from trellis_runtime.transfer_store import NatsTransferStore

        js = (await network.connect()).transport.client.jetstream()  # type: ignore[attr-defined]
        await NatsTransferStore.open(js, "bound_uploads_bucket", StoreLimits(), create=True)
    files = await serve(network, bindings=bound)
    try:
        client = await network.connect()
        started = await uploading(client, b"bound!", key="b.txt").start(timeout=STEP)
        done = await started.wait(timeout=STEP)
        store = await store_of(files)
    finally:
        await files.svc.stop()
    assert store.name == "bound_uploads_bucket" != local_resource_name("files", "uploads")
    assert started.grant.max_bytes == 10  # the bound store's limit
    assert done.transferred.size == 6
    assert await read_all(store, "b.txt") == b"bound!"


async def test_an_upload_is_readable_through_the_store_handle_of_its_alias(
    network: Network,
) -> None:
    files = await serve(network)
    try:
        client = await network.connect()
        done = await (await uploading(client, b"shared!").start(timeout=STEP)).wait(timeout=STEP)
        handle = files.svc.store(StoreDescriptor(alias="uploads"))
        entry = await handle.get("docs/a.txt")
        data = await entry.bytes()
    finally:
        await files.svc.stop()
    assert done.transferred.size == 7
    assert data == b"shared!"
