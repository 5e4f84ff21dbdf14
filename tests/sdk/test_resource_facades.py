"""Generated ``service.kv``, ``service.store`` and ``client.state`` facades: typed from the
manifest, mypy-strict clean, misuse rejected, and working against the runtime in memory."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.sdk.fixtures import _obj
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.render.python_sdk import render_python
from trellis_runtime import InMemoryTransport, KVError, StateEntry, connect
from trellis_runtime.bindings import Bindings, KvBinding, StoreBinding
from trellis_runtime.local import LocalState

STR = {"type": "string"}

MANIFEST: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "demo.resources@v1",
    "kind": "service",
    "displayName": "Resources",
    "description": "Owns every kind of resource and some state.",
    "schemas": {
        "Record": _obj({"message": STR}, "message"),
        "Note": STR,
        "Preferences": _obj({"theme": STR, "density": STR}, "theme", "density"),
        "PreferencesV1": _obj({"colour": STR}, "colour"),
        "Draft": _obj({"title": STR, "body": STR}, "title", "body"),
    },
    "resources": {
        "kv": {
            "records": {
                "purpose": "Records by id.",
                "schema": {"schema": "Record"},
                "required": True,
                "history": 4,
                "ttlMs": 60_000,
                "maxValueBytes": 2048,
            },
            "optionalRecords": {
                "purpose": "Maybe records.",
                "schema": {"schema": "Record"},
                "required": False,
                "history": 1,
                "ttlMs": 0,
            },
            "notes": {"purpose": "Plain strings.", "schema": {"schema": "Note"}},
        },
        "store": {
            "blobs": {
                "purpose": "Blobs.",
                "required": True,
                "ttlMs": 0,
                "maxObjectBytes": 1_048_576,
                "maxTotalBytes": 4_194_304,
            },
            "optionalBlobs": {"purpose": "Maybe blobs.", "required": False, "ttlMs": 0},
        },
    },
    "state": {
        "preferences": {
            "kind": "value",
            "schema": {"schema": "Preferences"},
            "stateVersion": "preferences.v2",
            "acceptedVersions": {"preferences.v1": {"schema": "PreferencesV1"}},
        },
        "drafts": {"kind": "map", "schema": {"schema": "Draft"}, "stateVersion": "drafts.v1"},
    },
}

GOOD_USAGE = """
from demo_resources_v1 import Client, Service, models
from trellis_runtime import KvStore, StateEntry, StateMigration, StoreHandle


async def use(service: Service, client: Client) -> None:
    records: KvStore[models.Record] = service.kv.records
    await records.put("a", models.Record(message="m"), expected_revision=3)
    entry = await records.get("a")
    message: str = entry.value.message
    optional = service.kv.optional_records
    if optional is not None:
        await optional.create("b", models.Record(message=message))
    await service.kv.notes.put("n", models.Note("text"))
    blobs: StoreHandle = service.store.blobs
    await blobs.put("k", b"bytes", content_type="text/plain")
    read = await client.state.preferences.get()
    if isinstance(read, StateEntry):
        theme: str = read.value.theme
        await client.state.preferences.put(
            models.Preferences(theme=theme, density="d"), expected_revision=read.revision
        )
    elif isinstance(read, StateMigration):
        await client.state.preferences.put(models.Preferences(theme="t", density="d"))
    drafts = client.state.drafts.prefix("inspection")
    await drafts.put("x", models.Draft(title="t", body="b"), expected_revision=None)
    page = await drafts.list(limit=10)
    print(page.count)
"""

# Every line ending in `# error` must fail type checking, and nothing else may.
BAD_USAGE = """
from demo_resources_v1 import Client, Service, models


async def misuse(service: Service, client: Client) -> None:
    await service.kv.optional_records.get("a")  # error
    await service.kv.records.put("a", models.Draft(title="t", body="b"))  # error
    await service.store.optional_blobs.put("k", b"x")  # error
    await client.state.preferences.get("key")  # error
    await client.state.drafts.get()  # error
    client.state.drafts.prefix("p").list(limit="ten")  # error
    service.kv.unknown  # error
"""


@pytest.fixture(scope="module")
def sdk_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    contract = contract_from_manifest(MANIFEST, Origin("<resources fixture>", "json"))
    root = tmp_path_factory.mktemp("resources-sdk")
    for rel, text in render_python(contract, {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root / "python"


@pytest.fixture
def sdk(sdk_root: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(sdk_root))
    try:
        importlib.invalidate_caches()
        yield importlib.import_module("demo_resources_v1")
    finally:
        sys.path.remove(str(sdk_root))
        for name in [m for m in sys.modules if m.split(".")[0] == "demo_resources_v1"]:
            del sys.modules[name]


def test_facades_are_mypy_strict_clean_and_misuse_fails(sdk_root: Path, tmp_path: Path) -> None:
    (tmp_path / "good_usage.py").write_text(GOOD_USAGE, encoding="utf-8")
    (tmp_path / "bad_usage.py").write_text(BAD_USAGE, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(sdk_root)}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
         f"--cache-dir={tmp_path / 'cache'}", str(sdk_root / "demo_resources_v1"),
         str(tmp_path / "good_usage.py"), str(tmp_path / "bad_usage.py")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    elsewhere = [line for line in errors if "bad_usage.py" not in line]
    assert elsewhere == [], done.stdout
    failed = {int(m.group(1)) for line in errors if (m := re.search(r"\.py:(\d+): error", line))}
    expected = {i for i, line in enumerate(BAD_USAGE.splitlines(), 1) if line.endswith("# error")}
    assert failed == expected, done.stdout


def test_descriptors_carry_the_manifest(sdk: ModuleType) -> None:
    d = sdk.descriptors
    assert (d.KV_RECORDS.alias, d.KV_RECORDS.value) == ("records", sdk.models.Record)
    assert (d.KV_RECORDS.history, d.KV_RECORDS.ttl_ms, d.KV_RECORDS.max_value_bytes) == (
        4,
        60_000,
        2048,
    )
    assert d.KV_OPTIONAL_RECORDS.required is False
    assert (d.STORE_BLOBS.max_object_bytes, d.STORE_BLOBS.max_total_bytes) == (1_048_576, 4_194_304)
    assert d.STORE_OPTIONAL_BLOBS.required is False
    assert d.STATE_PREFERENCES.state_version == "preferences.v2"
    assert d.STATE_PREFERENCES.accepted_versions == {"preferences.v1": sdk.models.PreferencesV1}
    assert d.STATE_DRAFTS.kind == "map"
    assert d.STATE.id == sdk.CONTRACT_ID and d.STATE.digest == sdk.CONTRACT_DIGEST
    assert set(d.STATE.stores) == {"preferences", "drafts"}
    assert type(sdk.Client(None).state.drafts).__name__ == "MapStateStore"
    assert type(sdk.Client(None).state.preferences).__name__ == "ValueStateStore"


async def test_generated_facades_work_in_memory(sdk: ModuleType) -> None:
    models = sdk.models
    transport = InMemoryTransport()
    service = sdk.Service(await connect(transport=transport), name="resources")
    records = service.kv.records
    assert records.bucket == "svc_resources_records"
    await records.put("a", models.Record(message="hello"))
    assert (await records.get("a")).value == models.Record(message="hello")
    await service.kv.notes.put("n", models.Note("just text"))
    assert (await service.kv.notes.get("n")).value.root == "just text"
    assert service.kv.optional_records is not None  # local runs provision every alias
    await service.store.blobs.put("k", b"bytes")
    assert await (await service.store.blobs.get("k")).bytes() == b"bytes"

    state = await LocalState(sdk.descriptors.STATE).serve(await connect(transport=transport.peer()))
    client = sdk.Client(await connect(transport=transport.peer()))
    put = await client.state.preferences.put(models.Preferences(theme="dark", density="compact"))
    assert put.applied
    read = await client.state.preferences.get()
    assert isinstance(read, StateEntry) and read.value.theme == "dark"
    await state.stop()


async def test_bindings_decide_the_buckets_and_optional_aliases(sdk: ModuleType) -> None:
    service = sdk.Service(await connect(transport=InMemoryTransport()), name="resources")
    service.runtime.bindings = Bindings(
        "demo.resources@v1",
        sdk.CONTRACT_DIGEST,
        kv={"records": KvBinding("deployment_records", 4, 60_000, 2048)},
        store={"blobs": StoreBinding("deployment_blobs", 0, 1_048_576, 4_194_304)},
    )
    assert service.kv.records.bucket == "deployment_records"
    assert service.store.blobs.name == "deployment_blobs"
    assert service.kv.optional_records is None
    assert service.store.optional_blobs is None
    with pytest.raises(KVError):
        service.kv.notes  # noqa: B018 - required, but the deployment did not bind it
