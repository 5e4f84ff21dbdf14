"""File transfers between our generated SDK and the reference runtime, both ways.

The reference side is the reference's own ``ServiceTransfer`` (upload sessions and download
grants) over the reference's ``TypedStore`` on a NATS object store, mounted on its service
runtime, and the reference client's ``input(...).transfer(body).start()`` builder and
``transfer(grant).bytes()`` helper; no platform service is involved.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from trellis_runtime import FileInfo, TransferError, TransferProgress
from trellis_runtime.resources import local_resource_name
from trellis_runtime.transfer_store import NatsTransferStore, StoreLimits

from .conftest import PROJECT_ROOT, Deployment, Echo, generated_sdk
from .files_service import build
from .peer import Peer, RunningPeer

FILES_CONTRACT = PROJECT_ROOT / "tests" / "interop" / "files_contract.py"
REFERENCE_BUCKET = "refpeer_interop_uploads"


def sha256_digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def digest_bytes(text: str) -> bytes:
    value = text.split("=", 1)[1].rstrip("=")
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Echo]:
    with generated_sdk(FILES_CONTRACT, tmp_path_factory.mktemp("interop-files")) as sdk:
        yield sdk


@pytest.fixture
def transfer_peer(
    peer_build: Path, files: Echo, nats_server: str, monkeypatch: pytest.MonkeyPatch
) -> Peer:
    monkeypatch.setenv("STORE_BUCKET", REFERENCE_BUCKET)
    return Peer(peer_build, files.manifest, nats_server, entry="transfer")


# ----- the reference client, our Python service -------------------------------------------------


async def test_reference_uploads_and_downloads_through_the_python_service(
    deployment: Deployment, files: Echo, transfer_peer: Peer
) -> None:
    stored: list[FileInfo] = []
    # a 5-byte chunk size in the grant makes the reference client send many chunks
    service = build(files.sdk, await deployment.connect(), stored=stored, chunk_bytes=5)
    await service.start()
    text = "hello from the reference runtime"
    try:
        up, down, direct = await transfer_peer.run(
            "client",
            f"upload:docs/a.txt:{text}",
            "download:docs/a.txt",
            f"storeget:{local_resource_name('files', 'uploads')}:docs/a.txt",
        )
    finally:
        await service.stop()
    service = build(files.sdk, await deployment.connect(), stored=stored)
    await service.start()
    try:
        (oversize,) = await transfer_peer.run("client", "oversize:docs/big.bin:3000")
    finally:
        await service.stop()

    assert up["ok"], up
    assert up["terminal"]["state"] == "completed"
    output = up["terminal"]["output"]
    assert (output["key"], output["size"], output["contentType"]) == (
        "docs/a.txt",
        len(text),
        "text/plain",
    )
    assert digest_bytes(output["digest"]) == sha256_digest(text.encode())
    assert up["transferred"]["size"] == len(text) and up["transferred"]["key"] == "docs/a.txt"
    # one transfer event per acknowledged chunk, as the reference's watch reports them
    chunks = -(-len(text) // 5)
    assert len(up["transfers"]) == chunks
    assert [t["transfer"]["chunkIndex"] for t in up["transfers"]] == list(range(chunks))
    assert all(t["transfer"] == t["snapshotTransfer"] for t in up["transfers"])
    assert up["transfers"][-1]["transfer"]["transferredBytes"] == len(text)
    (info,) = stored
    assert (info.key, info.size, info.content_type) == ("docs/a.txt", len(text), "text/plain")

    assert down["ok"], down
    assert down["text"] == text
    assert down["grant"]["direction"] == "receive" and down["grant"]["info"]["size"] == len(text)
    assert down["secondUse"]["errorClass"] == "TransferError"  # a grant serves one request

    # the reference's own object-store client reads what our service stored
    assert direct["ok"], direct
    assert direct["text"] == text
    assert direct["info"]["contentType"] == "text/plain"

    # the grant told the reference client the limit: 2 KiB per upload
    assert not oversize["ok"]
    assert oversize["error"]["type"] == "TransferError"
    assert oversize["error"]["context"]["reason"] == "max_bytes_exceeded"
    assert oversize["error"]["context"]["maxBytes"] == 2048


# ----- our Python client, the reference service -------------------------------------------------


@pytest.fixture
async def reference_files(transfer_peer: Peer) -> AsyncIterator[RunningPeer]:
    async with transfer_peer.running("service", ready="READY") as running:
        yield running


async def chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for at in range(0, len(data), size):
        yield data[at : at + size]


async def test_python_uploads_to_and_downloads_from_the_reference_service(
    reference_files: RunningPeer, deployment: Deployment, files: Echo
) -> None:
    conn = await deployment.connect()
    client = files.sdk.Client(conn)
    models = files.sdk.models
    data = b"bytes from python, " * 20
    progress: list[TransferProgress] = []
    started = (
        await client.operation.files.upload.input(
            models.UploadInput(key="py/b.bin", contentType="application/octet-stream")
        )
        .transfer(chunks(data, 64))
        .on_transfer(progress.append)
        .start()
    )
    done = await started.wait(timeout=10)
    assert done.terminal.state == "completed"
    assert done.terminal.output is not None
    assert (done.terminal.output.key, done.terminal.output.size) == ("py/b.bin", len(data))
    assert done.transferred.size == len(data)
    assert digest_bytes(done.transferred.digest or "") == sha256_digest(data)
    assert done.transferred.content_type == "application/octet-stream"
    assert [p.transferred_bytes for p in progress][-1] == len(data)

    # the reference service stored it in its object store; our store reads that layout
    theirs = await NatsTransferStore.open(
        conn.transport.client.jetstream(),  # type: ignore[attr-defined]
        REFERENCE_BUCKET,
        StoreLimits(),
        create=False,
    )
    read = b"".join([c async for c in theirs.read("py/b.bin")])
    assert read == data
    assert (await theirs.info("py/b.bin")) is not None

    grant = await client.rpc.files.download(models.DownloadInput(key="py/b.bin"))
    receiver = client.transfer(grant)
    assert receiver.info is not None and receiver.info.size == len(data)
    assert await receiver.bytes() == data
    with pytest.raises(TransferError):
        await client.transfer(grant).bytes()  # the reference serves a grant once

    # another session may not use this session's grant
    other = files.sdk.Client(await deployment.connect())
    fresh = await client.rpc.files.download(models.DownloadInput(key="py/b.bin"))
    with pytest.raises(TransferError) as refused:
        await other.transfer(fresh).bytes()
    assert refused.value.context["reason"] == "session_mismatch"


async def test_python_refuses_to_send_past_the_reference_grant_limit(
    reference_files: RunningPeer, deployment: Deployment, files: Echo
) -> None:
    client = files.sdk.Client(await deployment.connect())
    started = (
        await client.operation.files.upload.input(files.sdk.models.UploadInput(key="py/big.bin"))
        .transfer(b"x" * 3000)
        .start()
    )
    assert started.grant.max_bytes == 2048  # the smaller of the operation's and the store's
    with pytest.raises(TransferError) as refused:
        await started.transferred()
    assert refused.value.context["reason"] == "max_bytes_exceeded"
