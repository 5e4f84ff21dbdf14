"""interop.resources@v1: KV and store resources and state stores, for the resources interop tests.

Shaped like the reference's own resources and state harness contracts (a required and an optional
KV alias of one record schema, a size-limited store, a value and a map state store), authored
with our helpers; the reference participants read the canonical manifest we emit.
"""

from __future__ import annotations

from pydantic import BaseModel

from trellis_generate.authoring import Kv, Rpc, StateStore, Store, define_service_contract


class ResourceRecord(BaseModel):
    message: str


class Ping(BaseModel):
    text: str


class Preferences(BaseModel):
    theme: str
    density: str


class PreferencesV1(BaseModel):
    colour: str


class Draft(BaseModel):
    title: str
    body: str


CONTRACT = define_service_contract(
    id="interop.resources@v1",
    display_name="Interop Resources",
    description="Resources and state both runtimes read and write.",
    rpc={"Resources.Ping": Rpc(input=Ping, output=Ping)},
    kv={
        "records": Kv(purpose="Records both runtimes read and write.", schema=ResourceRecord),
        "optionalRecords": Kv(
            purpose="Optional records.", schema=ResourceRecord, required=False, history=3
        ),
        "limited": Kv(
            purpose="A bucket with every limit.",
            schema=ResourceRecord,
            history=4,
            ttl_ms=90_000,
            max_value_bytes=512,
        ),
    },
    store={
        "blobs": Store(
            purpose="Blobs both runtimes read and write.",
            max_object_bytes=1_048_576,
            max_total_bytes=4_194_304,
        ),
    },
    state={
        "preferences": StateStore(
            kind="value",
            schema=Preferences,
            state_version="preferences.v2",
            accepted_versions={"preferences.v1": PreferencesV1},
        ),
        "drafts": StateStore(kind="map", schema=Draft, state_version="drafts.v1"),
    },
)
