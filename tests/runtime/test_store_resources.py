"""Store resources (``service.store(desc)``), over the in-memory transport and a real nats-server."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator

import pytest

from trellis_runtime import Service, StoreError
from trellis_runtime.bindings import Bindings, StoreBinding
from trellis_runtime.buckets import ObjectBucketConfig
from trellis_runtime.encoding import ulid
from trellis_runtime.memory_buckets import object_digest
from trellis_runtime.resource_descriptors import StoreDescriptor
from trellis_runtime.resources import local_resource_name
from trellis_runtime.store import CONTENT_TYPE_KEY

from .network import Network
from .resource_contract import BLOBS, OPTIONAL_BLOBS

STEP = 5.0


async def service(network: Network) -> Service:
    name = f"st-{ulid()[-10:].lower()}"
    return Service(await network.connect(), name=name, contract_id="demo@v1", contract_digest="d")


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        await asyncio.sleep(0)
        yield part


async def test_put_and_get_bytes_with_content_type_and_metadata(network: Network) -> None:
    svc = await service(network)
    store = svc.store(BLOBS)
    assert store.name == local_resource_name(svc.name, "blobs")
    await store.put("reports/a.txt", b"hello", content_type="text/plain", metadata={"by": "me"})
    entry = await store.get("reports/a.txt")
    assert entry.key == "reports/a.txt"
    info = entry.info
    assert (info.size, info.content_type, dict(info.metadata)) == (5, "text/plain", {"by": "me"})
    assert info.digest == object_digest(b"hello")
    assert info.updated_at.endswith("Z")
    assert await entry.bytes() == b"hello"
    # what the reference keeps in the backing record: the content type among the metadata
    record = await (await store.open()).info("reports/a.txt")
    assert record is not None
    assert dict(record.metadata) == {"by": "me", CONTENT_TYPE_KEY: "text/plain"}


async def test_large_objects_stream_in_chunks_and_keep_their_digest(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    data = os.urandom(290_000)  # more than two 128 KiB chunks
    await store.put("big.bin", chunks(data[:1000], data[1000:200_000], data[200_000:]))
    entry = await store.get("big.bin")
    assert entry.info.size == len(data)
    received = [chunk async for chunk in entry.stream()]
    assert len(received) >= 3
    assert b"".join(received) == data
    assert hashlib.sha256(await entry.bytes()).digest() == hashlib.sha256(data).digest()


async def test_create_refuses_existing_and_put_replaces(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    await store.create("k", b"one")
    with pytest.raises(StoreError) as exists:
        await store.create("k", b"two")
    assert exists.value.context == {"key": "k", "reason": "already_exists"}
    assert exists.value.message == "Store create failed"
    await store.put("k", b"three")
    assert await (await store.get("k")).bytes() == b"three"


async def test_missing_and_deleted_objects_are_not_found(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    with pytest.raises(StoreError) as missing:
        await store.get("nope")
    assert missing.value.context == {"key": "nope", "reason": "not_found"}
    await store.put("gone", b"bytes")
    entry = await store.get("gone")
    await store.delete("gone")
    with pytest.raises(StoreError) as deleted:
        await store.get("gone")
    assert deleted.value.context["reason"] == "not_found"
    with pytest.raises(StoreError) as stale:
        await entry.bytes()
    assert stale.value.context["reason"] == "not_found"
    await store.delete("never-there")  # deleting nothing is not an error
    await store.create("gone", b"again")  # a deleted key can be created again


async def test_max_object_bytes_refuses_before_and_while_writing(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    await store.put("kept", b"original")
    with pytest.raises(StoreError) as whole:
        await store.put("kept", b"x" * 300_001)
    assert whole.value.context == {
        "key": "kept",
        "reason": "max_object_bytes_exceeded",
        "maxObjectBytes": 300_000,
        "attemptedBytes": 300_001,
    }
    with pytest.raises(StoreError) as streamed:
        await store.put("kept", chunks(b"x" * 200_000, b"y" * 200_000))
    assert streamed.value.context["reason"] == "max_object_bytes_exceeded"
    assert await (await store.get("kept")).bytes() == b"original"
    assert [info.key for info in (await store.list(limit=10)).entries] == ["kept"]


async def test_list_is_a_bounded_page_by_key(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    for key in ["b/2", "a/1", "b/1", "c", "b/3"]:
        await store.put(key, key.encode())
    await store.delete("b/3")
    first = await store.list(prefix="b/", limit=1)
    assert [i.key for i in first.entries] == ["b/1"]
    assert (first.count, first.offset, first.limit, first.next_offset) == (2, 0, 1, 1)
    second = await store.list(prefix="b/", limit=1, offset=1)
    assert [i.key for i in second.entries] == ["b/2"] and second.next_offset is None
    everything = await store.list(limit=500)
    assert [i.key for i in everything.entries] == ["a/1", "b/1", "b/2", "c"]
    for bad, reason in [({"limit": 501}, "limit_exceeded"), ({"limit": -1}, "invalid_limit")]:
        with pytest.raises(StoreError) as refused:
            await store.list(**bad)  # type: ignore[arg-type]
        assert refused.value.context["reason"] == reason
    with pytest.raises(StoreError) as offset:
        await store.list(limit=1, offset=-2)
    assert offset.value.context["reason"] == "invalid_offset"


async def test_wait_for_returns_once_the_object_appears_or_times_out(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    waiting = asyncio.ensure_future(store.wait_for("staged", timeout=STEP, poll_interval=0.02))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    await store.put("staged", b"here", metadata={"source": "test"})
    entry = await waiting
    assert entry.info.metadata == {"source": "test"} and await entry.bytes() == b"here"
    with pytest.raises(StoreError) as timeout:
        await store.wait_for("never", timeout=0.05, poll_interval=0.01)
    assert timeout.value.operation == "waitFor"
    assert timeout.value.context == {"key": "never", "reason": "timeout", "timeoutMs": 50}
    cancelled = asyncio.ensure_future(store.wait_for("never", poll_interval=0.01))
    await asyncio.sleep(0.05)
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled


async def test_status_reports_the_limits(network: Network) -> None:
    store = (await service(network)).store(BLOBS)
    await store.put("x", b"12345")
    status = await store.status()
    assert (status.ttl_ms, status.max_object_bytes, status.max_total_bytes) == (
        0,
        300_000,
        1_000_000,
    )
    assert status.size >= 5 and status.sealed is False


async def test_a_full_store_refuses_more(network: Network) -> None:
    tiny = StoreDescriptor(alias="tiny", max_total_bytes=4_000)
    store = (await service(network)).store(tiny)
    await store.put("first", b"a" * 1_000)
    with pytest.raises(StoreError) as full:
        await store.put("second", b"b" * 5_000)
    assert full.value.operation == "put"
    assert full.value.context == {"key": "second", "reason": "max_total_bytes_exceeded"}
    assert await (await store.get("first")).bytes() == b"a" * 1_000


async def test_bound_stores_are_used_as_named(network: Network) -> None:
    svc = await service(network)
    name = f"bound_{ulid().lower()}"
    svc.bindings = Bindings("demo@v1", "d", store={"blobs": StoreBinding(name, 0, 10)})
    store = svc.store(BLOBS)
    assert (store.name, store.max_object_bytes) == (name, 10)  # the binding's effective limit
    with pytest.raises(StoreError) as unbound:
        await store.get("x")
    assert unbound.value.operation == "open"
    await svc.connection.transport.object_bucket(name, ObjectBucketConfig())
    bound = Service(svc.connection, name=svc.name, contract_id="demo@v1", contract_digest="d")
    bound.bindings = svc.bindings
    again = bound.store(BLOBS)
    await again.put("x", b"0123456789")
    with pytest.raises(StoreError):
        await again.put("y", b"0123456789!")
    assert svc.optional_store(OPTIONAL_BLOBS) is None
