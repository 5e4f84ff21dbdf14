"""The event header: added to closed event schemas by authoring, typed in every event model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from trellis_generate.authoring import Event, Rpc, define_service_contract
from trellis_generate.contract import Origin
from trellis_generate.core.event_header import HEADER_SCHEMA, event_only_schemas
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.render.python_sdk import render_python


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    room: str


class Open(BaseModel):
    room: str


def manifest(**events: Event) -> dict[str, Any]:
    return define_service_contract(
        id="acme.rooms@v1", display_name="Rooms", description="Rooms.", events=events
    ).manifest


def test_a_closed_payload_gets_the_header_the_runtime_adds_under_the_event_s_own_name() -> None:
    built = manifest(**{"Room.Opened": Event(event=Closed, params=["/room"])})
    assert built["events"]["Room.Opened"]["event"] == {"schema": "RoomOpenedEvent"}
    schema = built["schemas"]["RoomOpenedEvent"]
    assert schema["properties"]["header"] == HEADER_SCHEMA
    assert schema["required"][0] == "header" and schema["additionalProperties"] is False


def test_an_open_payload_is_left_as_it_is_the_reference_authors_write_it() -> None:
    built = manifest(**{"Room.Opened": Event(event=Open)})
    assert built["events"]["Room.Opened"]["event"] == {"schema": "Open"}
    assert "header" not in built["schemas"]["Open"]["properties"]


def test_event_only_schemas_exclude_those_other_surfaces_use_too() -> None:
    built = define_service_contract(
        id="acme.rooms@v1",
        display_name="Rooms",
        description="Rooms.",
        rpc={"Room.Get": Rpc(input=Open, output=Open)},
        events={"Room.Opened": Event(event=Open), "Room.Closed": Event(event=Closed)},
    ).manifest
    assert event_only_schemas(built) == {"RoomClosedEvent"}


def test_generated_event_models_expose_the_header_typed_and_shared_models_do_not() -> None:
    built = define_service_contract(
        id="acme.rooms@v1",
        display_name="Rooms",
        description="Rooms.",
        rpc={"Room.Get": Rpc(input=Open, output=Open)},
        events={"Room.Opened": Event(event=Open), "Room.Left": Event(event="Left")},
        schemas={"Left": {"type": "object", "properties": {"room": {"type": "string"}}}},
    ).manifest
    contract = contract_from_manifest(built, Origin("<test>", "json"))
    models = render_python(contract, {})["python/acme_rooms_v1/models.py"]
    left = models[models.index("class Left(") :].split("\nclass ")[0]
    assert "header: TrellisEventHeader = Field(default_factory=TrellisEventHeader.new)" in left
    shared = models[models.index("class Open(") :].split("\nclass ")[0]
    assert "header" not in shared
    assert "from trellis_runtime import EventHeader as TrellisEventHeader" in models
    assert contract.manifest["schemas"]["Left"] == built["schemas"]["Left"]  # models only
