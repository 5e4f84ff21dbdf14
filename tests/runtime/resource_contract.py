"""Hand-written resource and state descriptors standing in for a generated SDK in runtime tests."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from trellis_runtime.resource_descriptors import (
    KvDescriptor,
    StateContract,
    StateStoreDescriptor,
    StoreDescriptor,
)


class Record(BaseModel):
    message: str
    count: Annotated[int, Field(ge=0)] = 0


class Loose(BaseModel):
    """Accepts what ``Record`` refuses: to plant values a stricter reader must reject."""

    message: str | int


RECORDS = KvDescriptor(alias="records", value=Record)
OPTIONAL_RECORDS = KvDescriptor(alias="optionalRecords", value=Record, required=False)
SHORT_LIVED = KvDescriptor(alias="shortLived", value=Record, history=3, ttl_ms=1_000)
SMALL = KvDescriptor(alias="small", value=Record, max_value_bytes=64)

BLOBS = StoreDescriptor(alias="blobs", max_object_bytes=300_000, max_total_bytes=1_000_000)
OPTIONAL_BLOBS = StoreDescriptor(alias="optionalBlobs", required=False)


class Preferences(BaseModel):
    theme: str
    density: str


class PreferencesV1(BaseModel):
    colour: str


class Draft(BaseModel):
    title: str
    body: str


PREFERENCES_V1 = StateStoreDescriptor(
    name="preferences", kind="value", value=PreferencesV1, state_version="preferences.v1"
)
PREFERENCES = StateStoreDescriptor(
    name="preferences",
    kind="value",
    value=Preferences,
    state_version="preferences.v2",
    accepted_versions={"preferences.v1": PreferencesV1},
)
DRAFTS = StateStoreDescriptor(name="drafts", kind="map", value=Draft, state_version="drafts.v1")

NOTES_ID = "demo.notes@v1"
NOTES_V1 = StateContract(
    NOTES_ID, "digest-of-notes-v1", {"preferences": PREFERENCES_V1, "drafts": DRAFTS}
)
NOTES = StateContract(
    NOTES_ID, "digest-of-notes-v2", {"preferences": PREFERENCES, "drafts": DRAFTS}
)
NO_STATE = StateContract("demo.stateless@v1", "digest-of-stateless", {})
