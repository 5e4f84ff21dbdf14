"""KV values, store objects and state entries written by one runtime and read by the other.

The reference side is the reference's own code (``kv.ts`` ``TypedKV``, ``store.ts``
``TypedStore``, the state facade of ``trellis.ts``), driven by ``drivers/resources.ts`` on the
buckets our generated service provisions locally. The platform's ``trellis.state@v1`` service is
not part of the reference runtime, so both runtimes' state facades talk to our local stand-in
(``LocalState``) with the same session key: they share one namespace, read each other's entries,
and must send the same request bodies.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_runtime import (
    KVError,
    SessionKey,
    StateEntry,
    StateMigration,
    StoreError,
    ValidationError,
    ValueStateStore,
)
from trellis_runtime.encoding import ulid
from trellis_runtime.local import LocalState
from trellis_runtime.nats_transport import NatsTransport
from trellis_runtime.resource_descriptors import StateContract, StateStoreDescriptor

from .conftest import Deployment, Echo, generated_sdk
from .peer import Peer

CONTRACT = PROJECT_ROOT / "tests" / "interop" / "resources_contract.py"
STEP = 20.0


@pytest.fixture(scope="session")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Echo]:
    with generated_sdk(CONTRACT, tmp_path_factory.mktemp("resources-sdk")) as sdk:
        yield sdk


@pytest.fixture
def ref(peer_build: Path, resources: Echo, nats_server: str) -> Peer:
    return Peer(peer_build, resources.manifest, nats_server, entry="resources")


@pytest.fixture
async def service(deployment: Deployment, resources: Echo) -> Any:
    name = f"interop-{ulid()[-8:].lower()}"
    return resources.sdk.Service(await deployment.connect(), name=name)


def record(resources: Echo, message: str) -> Any:
    return resources.sdk.models.ResourceRecord(message=message)


def pattern(size: int) -> bytes:
    """The driver's deterministic bytes: byte i is (i * 7 + 3) % 251."""
    return bytes((i * 7 + 3) % 251 for i in range(size))


# ----- KV ------------------------------------------------------------------------------------------


async def test_python_kv_values_are_read_by_the_reference(
    service: Any, resources: Echo, ref: Peer
) -> None:
    kv = service.kv.records
    revision = await kv.create("orders.1", record(resources, "from python"))
    await kv.put("", record(resources, "the empty key"))
    got, empty, some, every, missing, spaced = await ref.run(
        "kv",
        "records",
        kv.bucket,
        "get:orders.1",
        "get:",
        "keys:orders.*",
        "keys:>",
        "get:missing",
        'put:a b:{"message":"x"}',
    )
    assert got == {
        "step": "get:orders.1",
        "ok": True,
        "key": "orders.1",
        "revision": revision,
        "value": {"message": "from python"},
    }
    assert (empty["key"], empty["value"]) == ("_", {"message": "the empty key"})
    assert some["keys"] == ["orders.1"] and every["keys"] == ["_", "orders.1"]
    assert await kv.keys() == ["_", "orders.1"]
    assert missing["errorClass"] == "KVError"
    assert missing["error"]["context"] == {"key": "missing", "reason": "not found"}
    # a key the reference's client refuses is refused by ours too
    assert (spaced["ok"], spaced["errorClass"]) == (False, "KVError")
    with pytest.raises(KVError):
        await kv.put("a b", record(resources, "x"))


async def test_reference_kv_values_are_read_by_python(
    service: Any, resources: Echo, ref: Peer
) -> None:
    kv = service.kv.records
    await kv.open()  # provisioned by our service; the reference binds to it
    lines = await ref.run(
        "kv",
        "records",
        kv.bucket,
        'create:eu.1:{"message":"from the reference"}',
        'put:eu.2:{"message":"second"}',
        'create:eu.1:{"message":"again"}',
        'raw:eu.bad:{"missing":"message"}',
        "get:eu.1",
    )
    created, _, again, _, got = lines
    assert created["ok"] and not again["ok"]
    assert again["error"]["context"] == {"key": "eu.1", "reason": "exists"}
    entry = await kv.get("eu.1")
    assert entry.value == record(resources, "from the reference")
    assert entry.revision == got["revision"]
    assert sorted(await kv.keys("eu.*")) == ["eu.1", "eu.2", "eu.bad"]
    with pytest.raises(ValidationError) as invalid:
        await kv.get("eu.bad")
    assert invalid.value.context["key"] == "eu.bad"
    # and the same value is refused by the reference (both validate on the way out)
    (ref_invalid,) = await ref.run("kv", "records", kv.bucket, "get:eu.bad")
    assert (ref_invalid["ok"], ref_invalid["errorClass"]) == (False, "ValidationError")
    with pytest.raises(KVError) as exists:
        await kv.create("eu.2", record(resources, "taken"))
    assert exists.value.context["reason"] == "exists"


async def test_revisions_guard_writes_across_runtimes(
    service: Any, resources: Echo, ref: Peer
) -> None:
    kv = service.kv.records
    await kv.create("cas", record(resources, "initial"))
    seen = await kv.get("cas")
    (moved,) = await ref.run("kv", "records", kv.bucket, 'put:cas:{"message":"reference moved it"}')
    assert moved["ok"]
    with pytest.raises(KVError) as stale:
        await kv.put("cas", record(resources, "lost"), expected_revision=seen.revision)
    assert stale.value.context["reason"] == "revision mismatch"
    # the reference holds a revision, we move the key on, its revision-checked write fails
    async with ref.running(
        "kvstale", "records", kv.bucket, "cas", '{"message":"stale"}', ready="GOT"
    ) as stale_ref:
        await kv.put("cas", record(resources, "python moved it"))
        (result,) = await stale_ref.lines(1)
    assert (result["ok"], result["errorClass"]) == (False, "KVError")
    assert result["error"]["context"]["reason"] == "revision mismatch"
    assert (await kv.get("cas")).value.message == "python moved it"
    # a revision-checked delete by the reference, then ours with the same revision fails
    latest = await kv.get("cas")
    (deleted,) = await ref.run("kv", "records", kv.bucket, "vccdelete:cas")
    assert deleted["ok"]
    with pytest.raises(KVError):
        await kv.delete("cas", expected_revision=latest.revision)


async def test_python_watch_sees_reference_writes(service: Any, resources: Echo, ref: Peer) -> None:
    kv = service.kv.records
    await kv.put("w", record(resources, "start"))
    async with kv.watch("w", include_deletes=True) as changes:
        steps = ['put:w:{"message":"one"}', "delete:w", 'raw:w:{"message":7}']
        assert all(line["ok"] for line in await ref.run("kv", "records", kv.bucket, *steps))
        seen = []
        async with asyncio.timeout(STEP):
            async for change in changes:
                seen.append(change)
                if len(seen) == 3:
                    break
    assert [c.type for c in seen] == ["update", "delete", "error"]
    assert seen[0].value == record(resources, "one") and seen[0].key == "w"


async def test_reference_watch_sees_python_writes(service: Any, resources: Echo, ref: Peer) -> None:
    kv = service.kv.records
    start = await kv.put("rw", record(resources, "start"))
    async with ref.running("kvwatch", "records", kv.bucket, "rw", "4", ready="WATCHING") as watch:
        one = await kv.put("rw", record(resources, "one"))
        await kv.delete("rw")
        two = await kv.put("rw", record(resources, "two"))
        events = await watch.lines(4)
    # the reference watches with history when it includes deletes: the current value comes first
    assert [(e["type"], e["revision"]) for e in events] == [
        ("update", start),
        ("update", one),
        ("delete", one + 1),
        ("update", two),
    ]
    assert [e["value"] for e in events if e["type"] == "update"][1:] == [
        {"message": "one"},
        {"message": "two"},
    ]


@pytest.mark.parametrize("alias", ["limited", "optionalRecords"])
async def test_local_provisioning_matches_the_references(
    service: Any, resources: Echo, ref: Peer, alias: str
) -> None:
    ours = getattr(service.kv, "limited" if alias == "limited" else "optional_records")
    await ours.keys()  # provisions
    theirs = f"ref_{ulid().lower()}"
    (opened,) = await ref.run("kvopen", alias, theirs)
    assert opened["ok"]
    transport = service.runtime.connection.transport
    assert isinstance(transport, NatsTransport)
    js = transport.client.jetstream()
    mine, reference = (await js.stream_info(f"KV_{ours.bucket}")).config, None
    reference = (await js.stream_info(f"KV_{theirs}")).config
    for field in (
        "max_msgs_per_subject",
        "max_age",
        "max_msg_size",
        "discard",
        "allow_rollup_hdrs",
    ):
        assert getattr(mine, field) == getattr(reference, field), field


# ----- store ---------------------------------------------------------------------------------------


async def test_python_store_objects_are_read_by_the_reference(
    service: Any, resources: Echo, ref: Peer
) -> None:
    blobs = service.store.blobs
    await blobs.put("docs/a.txt", b"hello reference", content_type="text/plain",
                    metadata={"source": "python"})  # fmt: skip
    big = pattern(400_000)
    await blobs.put("docs/big.bin", big)
    small, large, listed, duplicate, status = await ref.run(
        "store",
        blobs.name,
        "get:docs/a.txt",
        "get:docs/big.bin",
        "list:docs/:10",
        "create|docs/a.txt|||again",
        "status",
    )
    ours = (await blobs.get("docs/a.txt")).info
    assert small["info"] == {
        "key": "docs/a.txt",
        "size": 15,
        "updatedAt": ours.updated_at,
        "digest": ours.digest,
        "contentType": "text/plain",
        "metadata": {"source": "python"},
    }
    assert small["text"] == "hello reference"
    assert (large["size"], large["streamed"]) == (len(big), len(big))
    assert large["sha256"] == hashlib.sha256(big).hexdigest()
    assert large["info"]["digest"] == (await blobs.get("docs/big.bin")).info.digest
    assert [e["key"] for e in listed["value"]["entries"]] == ["docs/a.txt", "docs/big.bin"]
    assert duplicate["error"]["context"] == {"key": "docs/a.txt", "reason": "already_exists"}
    assert status["value"]["maxTotalBytes"] == 4_194_304 and status["value"]["ttlMs"] == 0


async def test_reference_store_objects_are_read_by_python(
    service: Any, resources: Echo, ref: Peer
) -> None:
    blobs = service.store.blobs
    await blobs.open()
    lines = await ref.run(
        "store",
        blobs.name,
        'put|in/note.txt|text/markdown|{"by":"reference"}|# hi: with a colon',
        "putpattern:in/big.bin:300000:application/octet-stream",
        "put|in/plain.txt|||no metadata",
    )
    assert all(line["ok"] for line in lines), lines
    note = await blobs.get("in/note.txt")
    assert (note.info.content_type, dict(note.info.metadata)) == (
        "text/markdown",
        {"by": "reference"},
    )
    assert await note.bytes() == b"# hi: with a colon"
    big = await blobs.get("in/big.bin")
    assert big.info.content_type == "application/octet-stream"
    chunks = [chunk async for chunk in big.stream()]
    assert len(chunks) > 1 and b"".join(chunks) == pattern(300_000)
    plain = await blobs.get("in/plain.txt")
    assert plain.info.content_type is None and dict(plain.info.metadata) == {}
    page = await blobs.list(prefix="in/", limit=2)
    assert [i.key for i in page.entries] == ["in/big.bin", "in/note.txt"] and page.next_offset == 2
    await blobs.delete("in/note.txt")
    (gone,) = await ref.run("store", blobs.name, "get:in/note.txt")
    assert gone["error"]["context"] == {"key": "in/note.txt", "reason": "not_found"}
    (deleted,) = await ref.run("store", blobs.name, "delete:in/plain.txt")
    assert deleted["ok"]
    with pytest.raises(StoreError) as missing:
        await blobs.get("in/plain.txt")
    assert missing.value.context["reason"] == "not_found"


# ----- state ---------------------------------------------------------------------------------------


@pytest.fixture
async def local_state(deployment: Deployment, resources: Echo) -> AsyncIterator[LocalState]:
    state = LocalState(resources.sdk.descriptors.STATE, bucket=f"state_{ulid().lower()}")
    await state.serve(await deployment.connect())
    try:
        yield state
    finally:
        await state.stop()


PREFS = '{"theme":"dark","density":"compact"}'


async def test_reference_and_python_state_share_one_namespace(
    deployment: Deployment, resources: Echo, ref: Peer, local_state: LocalState
) -> None:
    key = SessionKey.generate()
    lines = await ref.run(
        "state",
        "vget|preferences",
        f'vput|preferences|{{"expectedRevision":null}}|{PREFS}',
        f'vput|preferences|{{"expectedRevision":null}}|{PREFS}',
        'mput|drafts|inspection|ts-draft|{"expectedRevision":null}|{"title":"T","body":"B"}',
        "mlist|drafts|inspection|{}",
        seed=key.seed,
    )
    missing, created, again, draft, listed = lines
    assert missing == {"step": "vget|preferences", "ok": True, "value": {"found": False}}
    assert created["value"]["applied"] is True
    assert (again["value"]["applied"], again["value"]["found"]) == (False, True)
    assert draft["value"]["entry"]["key"] == "inspection/ts-draft"
    assert [e["key"] for e in listed["value"]["entries"]] == ["inspection/ts-draft"]
    client = resources.sdk.Client(await deployment.connect(key))
    read = await client.state.preferences.get()
    assert isinstance(read, StateEntry)
    assert read.value == resources.sdk.models.Preferences(theme="dark", density="compact")
    assert read.revision == created["value"]["entry"]["revision"]
    models = resources.sdk.models
    await client.state.drafts.prefix("inspection").put(
        "py-draft", models.Draft(title="P", body="Q")
    )
    (got, page, deleted) = await ref.run(
        "state",
        "mget|drafts|inspection|py-draft",
        'mlist|drafts|inspection|{"limit":1}',
        f'vdel|preferences|{{"expectedRevision":"{read.revision}"}}',
        seed=key.seed,
    )
    assert got["value"]["entry"]["value"] == {"title": "P", "body": "Q"}
    assert (page["value"]["count"], page["value"]["nextOffset"]) == (2, 1)
    assert deleted["value"] == {"deleted": True}
    assert await client.state.preferences.get() is None


async def test_both_state_facades_send_the_same_requests(
    deployment: Deployment, resources: Echo, ref: Peer, local_state: LocalState
) -> None:
    models = resources.sdk.models
    ref_key, our_key = SessionKey.generate(), SessionKey.generate()
    await ref.run(
        "state",
        "vget|preferences",
        f'vput|preferences|{{"expectedRevision":null}}|{PREFS}',
        f'vput|preferences|{{"ttlMs":60000}}|{PREFS}',
        f"vput|preferences|{{}}|{PREFS}",
        'vdel|preferences|{"expectedRevision":"1"}',
        "mget|drafts|a/b|c",
        'mput|drafts|a|b/c|{"expectedRevision":"7"}|{"title":"T","body":"B"}',
        "mlist|drafts|a|{}",
        'mlist|drafts||{"offset":1,"limit":5}',
        "mdel|drafts|a|b|{}",
        seed=ref_key.seed,
    )
    theirs, their_bytes = list(local_state.requests), list(local_state.raw_requests)
    local_state.requests.clear()
    local_state.raw_requests.clear()
    client = resources.sdk.Client(await deployment.connect(our_key))
    prefs = models.Preferences(theme="dark", density="compact")
    draft = models.Draft(title="T", body="B")
    await client.state.preferences.get()
    await client.state.preferences.put(prefs, expected_revision=None)
    await client.state.preferences.put(prefs, ttl_ms=60000)
    await client.state.preferences.put(prefs)
    await client.state.preferences.delete(expected_revision="1")
    await client.state.drafts.prefix("a/b").get("c")
    await client.state.drafts.prefix("a").put("b/c", draft, expected_revision="7")
    await client.state.drafts.prefix("a").list()
    await client.state.drafts.list(offset=1, limit=5)
    await client.state.drafts.prefix("a").delete("b")
    assert local_state.requests == theirs
    assert local_state.raw_requests == their_bytes  # byte for byte, key order included


async def test_the_reference_reads_a_migration_required_entry(
    deployment: Deployment, resources: Echo, ref: Peer, local_state: LocalState
) -> None:
    models = resources.sdk.models
    key = SessionKey.generate()
    v1 = StateStoreDescriptor(
        name="preferences", kind="value", value=models.PreferencesV1, state_version="preferences.v1"
    )
    local_state.sessions[key.public] = StateContract(
        "interop.resources@v1", "old", {"preferences": v1}
    )
    await ValueStateStore(await deployment.connect(key), v1).put(
        models.PreferencesV1(colour="teal")
    )
    local_state.sessions.pop(key.public)
    (read,) = await ref.run("state", "vget|preferences", seed=key.seed)
    assert read["ok"], read
    assert read["value"]["migrationRequired"] is True
    assert (read["value"]["stateVersion"], read["value"]["currentStateVersion"]) == (
        "preferences.v1",
        "preferences.v2",
    )
    assert read["value"]["entry"]["value"] == {"colour": "teal"}
    ours = await resources.sdk.Client(await deployment.connect(key)).state.preferences.get()
    assert (
        isinstance(ours, StateMigration)
        and ours.entry.revision == read["value"]["entry"]["revision"]
    )
