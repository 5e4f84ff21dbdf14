"""KV resources (``service.kv(desc)``), over the in-memory transport and a real nats-server."""

from __future__ import annotations

import asyncio
import json

import pytest

from trellis_runtime import KVError, Service, ValidationError
from trellis_runtime.bindings import Bindings, KvBinding
from trellis_runtime.buckets import KvBucketConfig, ValueTooLarge
from trellis_runtime.encoding import ulid
from trellis_runtime.kv import KvChange, KvStore, decode_kv_key, escape_kv_key
from trellis_runtime.nats_transport import NatsTransport
from trellis_runtime.resources import local_resource_name

from .network import Network
from .resource_contract import (
    OPTIONAL_RECORDS,
    RECORDS,
    SHORT_LIVED,
    SMALL,
    Loose,
    Record,
)

STEP = 5.0


async def service(network: Network) -> Service:
    name = f"kv-{ulid()[-10:].lower()}"
    return Service(await network.connect(), name=name, contract_id="demo@v1", contract_digest="d")


async def next_change(changes: object, timeout: float = STEP) -> KvChange[Record]:
    iterator = changes.__aiter__()  # type: ignore[attr-defined]
    change: KvChange[Record] = await asyncio.wait_for(iterator.__anext__(), timeout)
    return change


def test_keys_are_escaped_and_decoded_as_the_reference_does() -> None:
    assert escape_kv_key("") == "_"
    assert escape_kv_key("$sys") == "_$sys"
    assert escape_kv_key("a b*c>d~e\u3000f") == "a~20~b~2A~c~3E~d~7E~e~3000~f"
    assert escape_kv_key("orders.eu.42") == "orders.eu.42"
    for key in ["$sys", "a b", "x~y", "tab\there", "orders.eu.42"]:
        assert decode_kv_key(escape_kv_key(key)) == key
    assert decode_kv_key(escape_kv_key("")) == "_"  # the reference's decodeSubject keeps it


async def test_local_bucket_is_named_for_service_and_alias(network: Network) -> None:
    svc = await service(network)
    kv = svc.kv(OPTIONAL_RECORDS)
    assert kv.bucket == local_resource_name(svc.name, "optionalRecords")
    assert kv.bucket.startswith("svc_kv_") and kv.bucket.endswith("_optional_records")
    assert svc.kv(OPTIONAL_RECORDS) is kv  # one handle per alias and bucket


async def test_create_get_put_delete_round_trip(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    first = await kv.create("orders.1", Record(message="hello"))
    entry = await kv.get("orders.1")
    assert (entry.key, entry.value, entry.revision) == ("orders.1", Record(message="hello"), first)
    second = await kv.put("orders.1", Record(message="again", count=2))
    assert second > first
    assert (await kv.get("orders.1")).value == Record(message="again", count=2)
    await kv.delete("orders.1")
    with pytest.raises(KVError) as missing:
        await kv.get("orders.1")
    assert missing.value.operation == "get"
    assert missing.value.context == {"key": "orders.1", "reason": "not found"}
    # a deleted key can be created again
    await kv.create("orders.1", Record(message="reborn"))
    assert (await kv.get("orders.1")).value.message == "reborn"


async def test_create_refuses_an_existing_key(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    await kv.create("k", Record(message="one"))
    with pytest.raises(KVError) as exists:
        await kv.create("k", Record(message="two"))
    assert exists.value.context == {"key": "k", "reason": "exists"}
    assert exists.value.message == "KV create failed"
    assert (await kv.get("k")).value.message == "one"


async def test_expected_revisions_guard_put_and_delete(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    await kv.create("cas", Record(message="initial"))
    seen = await kv.get("cas")
    await kv.put("cas", Record(message="updated"))
    with pytest.raises(KVError) as stale:
        await kv.put("cas", Record(message="lost update"), expected_revision=seen.revision)
    assert stale.value.context["reason"] == "revision mismatch"
    with pytest.raises(KVError):
        await kv.delete("cas", expected_revision=seen.revision)
    current = await kv.get("cas")
    assert current.value.message == "updated"
    await kv.put("cas", Record(message="won"), expected_revision=current.revision)
    latest = await kv.get("cas")
    await kv.delete("cas", expected_revision=latest.revision)
    # the delete marker is the key's revision now: the same revision never succeeds twice
    with pytest.raises(KVError) as twice:
        await kv.delete("cas", expected_revision=latest.revision)
    assert twice.value.context["reason"] == "revision mismatch"


async def test_values_are_validated_before_writing(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    with pytest.raises(ValidationError):
        await kv.put("bad", Record.model_construct(message="negative", count=-1))
    with pytest.raises(ValidationError):
        await kv.put("bad", Loose(message=3))  # type: ignore[arg-type]
    assert await kv.keys() == []


async def test_invalid_stored_values_are_refused_on_read_and_kept(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    raw = await kv.open()
    revision = await raw.put("planted", json.dumps({"missing": "message"}).encode())
    await raw.put("garbage", b"{not json")
    with pytest.raises(ValidationError) as refused:
        await kv.get("planted")
    assert refused.value.context == {"key": "planted", "revision": revision}
    assert refused.value.issues[0].path == "/message"
    with pytest.raises(ValidationError) as undecodable:
        await kv.get("garbage")
    assert undecodable.value.issues[0].message.startswith("Failed to decode KV value")
    assert await raw.get("planted") is not None  # never removed by the failed read


async def test_keys_filter_with_wildcards_and_decode(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    for key in ["eu.1", "eu.2", "us.1", ""]:
        await kv.put(key, Record(message=key))
    await kv.put("eu.3", Record(message="gone"))
    await kv.delete("eu.3")
    assert sorted(await kv.keys("eu.*")) == ["eu.1", "eu.2"]
    assert sorted(await kv.keys()) == ["_", "eu.1", "eu.2", "us.1"]
    assert (await kv.get("")).value.message == ""  # the empty key is stored as "_"


async def test_keys_the_reference_client_refuses_are_refused(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    for key in ["a b", "with~tilde", "ünïcode", ".leading", "$sys", "star*"]:
        with pytest.raises(KVError) as invalid:
            await kv.put(key, Record(message="x"))
        assert invalid.value.context == {"key": key, "reason": "invalid key"}
    with pytest.raises(KVError):
        await kv.keys("a..b")


async def test_watch_sees_later_changes_deletes_and_invalid_values(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    await kv.put("w", Record(message="before the watch"))
    async with kv.watch("w", include_deletes=True) as changes:
        await kv.put("w", Record(message="after"))
        await kv.put("other", Record(message="not watched"))
        update = await next_change(changes)
        assert (update.type, update.key, update.value) == ("update", "w", Record(message="after"))
        assert update.revision == (await kv.get("w")).revision
        await kv.delete("w")
        assert (await next_change(changes)).type == "delete"
        await (await kv.open()).put("w", b'{"count": "many"}')
        invalid = await next_change(changes)
        assert invalid.type == "error" and isinstance(invalid.error, ValidationError)
        assert await (await kv.open()).get("w") is not None


async def test_watch_without_deletes_and_after_stop(network: Network) -> None:
    kv = (await service(network)).kv(RECORDS)
    changes = await kv.watch_all("eu.>")
    await kv.put("eu.a", Record(message="1"))
    await kv.delete("eu.a")
    await kv.put("eu.b", Record(message="2"))
    assert [(await next_change(changes)).key for _ in range(2)] == ["eu.a", "eu.b"]
    await changes.stop()
    await kv.put("eu.c", Record(message="3"))
    with pytest.raises(StopAsyncIteration):
        await next_change(changes, timeout=1.0)


async def test_max_value_bytes_is_enforced_and_provisioned(network: Network) -> None:
    kv = (await service(network)).kv(SMALL)
    await kv.put("fits", Record(message="short"))
    with pytest.raises(KVError) as too_big:
        await kv.put("big", Record(message="x" * 100))
    assert too_big.value.context["reason"] == "max_value_bytes_exceeded"
    assert too_big.value.context["maxValueBytes"] == 64
    # the bucket itself refuses it too (whoever writes), as it was provisioned with the limit
    with pytest.raises(ValueTooLarge):
        await (await kv.open()).put("raw", b"y" * 100)


async def test_ttl_expires_values_of_a_locally_provisioned_bucket(network: Network) -> None:
    kv = (await service(network)).kv(SHORT_LIVED)
    await kv.put("brief", Record(message="soon gone"))
    assert (await kv.get("brief")).value.message == "soon gone"
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        await asyncio.sleep(0.25)
        try:
            await kv.get("brief")
        except KVError as gone:
            assert gone.context["reason"] == "not found"
            break
        assert asyncio.get_running_loop().time() < deadline, "value outlived the bucket TTL"


async def test_bound_buckets_are_used_and_never_provisioned(network: Network) -> None:
    svc = await service(network)
    bucket = f"bound_{ulid().lower()}"
    svc.bindings = Bindings("demo@v1", "d", kv={"records": KvBinding(bucket, 1, 0)})
    kv = svc.kv(RECORDS)
    assert kv.bucket == bucket
    with pytest.raises(KVError) as unbound:
        await kv.get("x")
    assert unbound.value.operation == "open"
    # once the platform has provisioned it, the service binds to it
    provisioned = await svc.connection.transport.kv_bucket(bucket, KvBucketConfig())
    await provisioned.put("x", json.dumps({"message": "from the platform"}).encode())
    fresh = KvStore(RECORDS, bucket, lambda: svc.connection.transport.kv_bucket(bucket, None))
    assert (await fresh.get("x")).value.message == "from the platform"
    assert svc.optional_kv(OPTIONAL_RECORDS) is None  # optional and not bound
    with pytest.raises(KVError) as missing:
        svc.kv(SHORT_LIVED)  # required and not bound
    assert missing.value.context == {"alias": "shortLived", "reason": "binding unavailable"}


@pytest.mark.e2e
async def test_nats_bucket_is_provisioned_from_the_manifest(nats_server: str) -> None:
    net = await Network(nats_server).start()
    try:
        svc = await service(net)
        kv = svc.kv(SHORT_LIVED)
        await kv.put("k", Record(message="v"))
        transport = svc.connection.transport
        assert isinstance(transport, NatsTransport)
        info = await transport.client.jetstream().stream_info(f"KV_{kv.bucket}")
        assert info.config.max_msgs_per_subject == 3
        assert info.config.max_age == pytest.approx(1.0)
        small = svc.kv(SMALL)
        await small.put("k", Record(message="v"))
        small_info = await transport.client.jetstream().stream_info(f"KV_{small.bucket}")
        assert small_info.config.max_msg_size == 64
        # opening an existing bucket with a longer TTL raises its max age, as the reference does
        longer = type(SHORT_LIVED)(alias="shortLived", value=Record, history=3, ttl_ms=5_000)
        other = Service(svc.connection, name=svc.name, contract_id="demo@v1", contract_digest="d")
        await other.kv(longer).keys()
        raised = await transport.client.jetstream().stream_info(f"KV_{kv.bucket}")
        assert raised.config.max_age == pytest.approx(5.0)
    finally:
        await net.close_all()
