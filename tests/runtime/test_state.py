"""``client.state.<store>`` against the local trellis.state@v1 stand-in, over both transports."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from trellis_runtime import AuthError, Connection, SessionKey, ValidationError
from trellis_runtime.local import LocalState
from trellis_runtime.resource_descriptors import StateContract, StateStoreDescriptor
from trellis_runtime.state import (
    MapStateStore,
    StateEntry,
    StateMigration,
    ValueStateStore,
    join_state_path,
)

from .network import Network
from .resource_contract import (
    DRAFTS,
    NO_STATE,
    NOTES,
    NOTES_ID,
    NOTES_V1,
    PREFERENCES,
    Draft,
    Loose,
    Preferences,
    PreferencesV1,
)


@pytest.fixture
async def state(network: Network) -> AsyncIterator[LocalState]:
    local = await LocalState(NOTES, bucket=f"trellis_state_{id(network)}").serve(
        await network.connect()
    )
    try:
        yield local
    finally:
        await local.stop()


def current(read: StateEntry[Preferences] | StateMigration | None) -> StateEntry[Preferences]:
    assert isinstance(read, StateEntry), read
    return read


def test_state_paths_join_as_the_reference_joins_them() -> None:
    assert join_state_path(None, "a") == "a"
    assert join_state_path("inspection/", "/open") == "inspection/open"
    assert join_state_path("a//b", "c/") == "a/b/c"


async def test_value_store_conditional_writes(network: Network, state: LocalState) -> None:
    prefs = ValueStateStore(await network.connect(), PREFERENCES)
    assert await prefs.get() is None
    created = await prefs.put(Preferences(theme="dark", density="compact"), expected_revision=None)
    assert created.applied and isinstance(created.entry, StateEntry)
    assert created.entry.value == Preferences(theme="dark", density="compact")
    again = await prefs.put(Preferences(theme="light", density="roomy"), expected_revision=None)
    assert (again.applied, again.found) == (False, True)
    assert current(again.entry).revision == created.entry.revision
    found = current(await prefs.get())
    assert found.value.density == "compact" and found.revision == created.entry.revision
    stale = await prefs.put(Preferences(theme="x", density="y"), expected_revision="stale")
    assert (stale.applied, stale.found) == (False, True)
    updated = await prefs.put(
        Preferences(theme="light", density="roomy"), expected_revision=found.revision
    )
    assert updated.applied
    assert await prefs.delete(expected_revision=found.revision) is False
    assert await prefs.delete(expected_revision=current(updated.entry).revision) is True
    assert await prefs.get() is None
    assert await prefs.delete() is False
    unconditional = await prefs.put(Preferences(theme="a", density="b"))
    assert unconditional.applied


async def test_state_is_per_session(network: Network, state: LocalState) -> None:
    mine = ValueStateStore(await network.connect(), PREFERENCES)
    theirs = ValueStateStore(await network.connect(), PREFERENCES)
    await mine.put(Preferences(theme="mine", density="d"))
    assert await theirs.get() is None
    same_key = ValueStateStore(await network.connect(mine._conn.session_key), PREFERENCES)
    assert current(await same_key.get()).value.theme == "mine"


async def test_entries_with_a_ttl_expire(network: Network, state: LocalState) -> None:
    prefs = ValueStateStore(await network.connect(), PREFERENCES)
    put = await prefs.put(Preferences(theme="brief", density="d"), ttl_ms=200)
    assert current(put.entry).expires_at is not None
    await asyncio.sleep(0.4)
    assert await prefs.get() is None
    assert (await prefs.put(Preferences(theme="new", density="d"), expected_revision=None)).applied


async def test_map_store_prefixes_list_and_delete(network: Network, state: LocalState) -> None:
    drafts = MapStateStore(await network.connect(), DRAFTS)
    active = drafts.prefix("inspection").prefix("active")
    put = await active.put("open", Draft(title="T", body="B"), expected_revision=None)
    assert put.applied and isinstance(put.entry, StateEntry)
    assert put.entry.key == "inspection/active/open"
    for name in ["b", "a", "c"]:
        await active.put(name, Draft(title=name, body=name))
    await drafts.put("inspection/activeish", Draft(title="not under the prefix", body=""))
    await drafts.put("other", Draft(title="o", body="o"))
    got = await drafts.get("inspection/active/open")
    assert isinstance(got, StateEntry) and got.value.title == "T"
    page = await active.list(limit=2)
    keys = [e.key for e in page.entries if isinstance(e, StateEntry)]
    assert keys == ["inspection/active/a", "inspection/active/b"]
    assert (page.count, page.offset, page.limit, page.next_offset) == (4, 0, 2, 2)
    rest = await active.list(offset=2, limit=2)
    assert [e.key for e in rest.entries if isinstance(e, StateEntry)] == [
        "inspection/active/c",
        "inspection/active/open",
    ]
    assert rest.next_offset is None
    assert (await drafts.list()).count == 6
    assert await active.delete("open", expected_revision="999999") is False
    assert await active.delete("open", expected_revision=put.entry.revision) is True
    assert await active.get("open") is None


async def test_an_older_state_version_asks_for_migration(
    network: Network, state: LocalState
) -> None:
    key = SessionKey.generate()
    state.sessions[key.public] = NOTES_V1  # logged in with the first version of the contract
    old = ValueStateStore(await network.connect(key), NOTES_V1.stores["preferences"])
    await old.put(PreferencesV1(colour="teal"))
    state.sessions[key.public] = NOTES  # upgraded: same lineage, preferences.v2
    prefs = ValueStateStore(await network.connect(key), PREFERENCES)
    read = await prefs.get()
    assert isinstance(read, StateMigration)
    assert (read.state_version, read.current_state_version) == ("preferences.v1", "preferences.v2")
    assert read.writer_contract_digest == NOTES_V1.digest
    assert read.entry.value == PreferencesV1(colour="teal")
    migrated = Preferences(theme=read.entry.value.colour, density="normal")  # type: ignore[attr-defined]
    put = await prefs.put(migrated, expected_revision=read.entry.revision)
    assert put.applied
    assert current(await prefs.get()).value == migrated


async def test_a_version_the_runtime_does_not_accept_is_refused(
    network: Network, state: LocalState
) -> None:
    key = SessionKey.generate()
    state.sessions[key.public] = NOTES_V1
    await ValueStateStore(await network.connect(key), NOTES_V1.stores["preferences"]).put(
        PreferencesV1(colour="red")
    )
    state.sessions[key.public] = NOTES
    strict = StateStoreDescriptor(
        name="preferences", kind="value", value=Preferences, state_version="preferences.v2"
    )
    with pytest.raises(ValidationError) as refused:
        await ValueStateStore(await network.connect(key), strict).get()
    assert refused.value.issues[0].path == "/stateVersion"
    assert "preferences.v1" in refused.value.issues[0].message


async def test_values_are_validated_both_ways(network: Network, state: LocalState) -> None:
    conn = await network.connect()
    prefs = ValueStateStore(conn, PREFERENCES)
    asked = len(state.requests)
    with pytest.raises(ValidationError):
        await prefs.put(Preferences.model_construct(theme="only a theme"))
    assert len(state.requests) == asked  # refused before anything was sent
    # a store whose platform-side schema is looser than this caller's model
    key = SessionKey.generate()
    loose = StateStoreDescriptor(
        name="preferences", kind="value", value=Loose, state_version="preferences.v2"
    )
    state.sessions[key.public] = StateContract(NOTES_ID, "loose", {"preferences": loose})
    writer: Connection = await network.connect(key)
    await ValueStateStore(writer, loose).put(Loose(message=7))
    state.sessions[key.public] = NOTES
    with pytest.raises(ValidationError) as refused:
        await ValueStateStore(await network.connect(key), PREFERENCES).get()
    assert refused.value.issues[0].path.startswith("/entry/value")


async def test_stores_the_contract_does_not_declare_are_refused(
    network: Network, state: LocalState
) -> None:
    key = SessionKey.generate()
    state.sessions[key.public] = NO_STATE
    with pytest.raises(AuthError) as denied:
        await ValueStateStore(await network.connect(key), PREFERENCES).get()
    assert denied.value.reason == "forbidden"


async def test_local_state_checks_the_request_proof(network: Network, state: LocalState) -> None:
    conn = await network.connect()
    reply = await conn.transport.request(
        "rpc.v1.State.Get", b'{"store":"preferences"}', timeout=5.0, headers={}
    )
    assert reply.header("status") == "error"
    assert b"missing_session_key" in reply.data
