"""Authoring helpers emit the same manifest as the equivalent hand-written JSON, and the pipeline
gives both the same digest (including the reference's own vectors and real manifests)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import CONFORMANCE, REAL_MANIFESTS, read_json, requires_shared
from trellis_generate.authoring import (
    Capability,
    Docs,
    Event,
    EventConsumer,
    Feed,
    Job,
    Kv,
    Operation,
    Rpc,
    Signal,
    StateStore,
    Store,
    Transfer,
    Use,
    define_device_contract,
    define_error,
    define_service_contract,
)
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest

OBJ: dict[str, Any] = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}
FILE: dict[str, Any] = {
    "type": "object",
    "properties": {"path": {"type": "string"}, "mime": {"enum": ["a/b", "c/d"]}},
    "required": ["path", "mime"],
}


def digest(manifest: dict[str, Any]) -> str:
    return contract_from_manifest(manifest, Origin("<test>", "json")).digest


def test_service_with_every_descriptor_kind_matches_hand_written_json() -> None:
    missing = define_error("Missing", type="Shop.Missing", schema="Obj")
    definition = define_service_contract(
        id="acme.shop@v1",
        display_name="Shop",
        description="Sells things.",
        capabilities={
            "orders.read": Capability(display_name="Read orders", description="See orders."),
            "orders.cancel": Capability(
                display_name="Cancel orders",
                description="Cancel orders.",
                consequence="Orders stop.",
            ),
        },
        schemas={"Obj": OBJ, "File": FILE},
        uses={"pay": Use(contract="acme.pay@v1", events_subscribe=["Pay.Done"])},
        state={"carts": StateStore(kind="map", schema="Obj", accepted_versions={"v0": "Obj"})},
        rpc={
            "Order.Get": Rpc(
                input="Obj", output="Obj", call=["orders.read"], errors=[missing, "UnexpectedError"]
            )
        },
        operations={
            "Order.Import": Operation(
                input="File",
                progress="Obj",
                output="Obj",
                call=["orders.read"],
                cancel=["orders.cancel"],
                control=["orders.cancel"],
                signals={"confirm": Signal(input="Obj")},
                transfer=Transfer(store="uploads", key="/path", content_type="/mime"),
            )
        },
        events={"Order.Placed": Event(event="Obj", params=["/id"], subscribe=["orders.read"])},
        feeds={"Order.Changes": Feed(input="Obj", event="Obj", subscribe=["orders.read"])},
        jobs={"ship": Job(payload="Obj", result="Obj", max_deliver=2)},
        event_consumers={"payments": EventConsumer(uses={"pay": ["Pay.Done"]})},
        kv={"orders": Kv(purpose="Orders by id.", schema="Obj")},
        store={"uploads": Store(purpose="Imported files.")},
        docs=Docs(markdown="The shop."),
    )
    cap = "acme.shop::orders"
    expected = {
        "format": "trellis.contract.v1",
        "id": "acme.shop@v1",
        "displayName": "Shop",
        "description": "Sells things.",
        "docs": {"markdown": "The shop."},
        "kind": "service",
        "capabilities": {
            f"{cap}.cancel": {
                "displayName": "Cancel orders",
                "description": "Cancel orders.",
                "consequence": "Orders stop.",
            },
            f"{cap}.read": {"displayName": "Read orders", "description": "See orders."},
        },
        "schemas": {"Obj": OBJ, "File": FILE},
        "state": {
            "carts": {
                "kind": "map",
                "schema": {"schema": "Obj"},
                "acceptedVersions": {"v0": {"schema": "Obj"}},
            }
        },
        "uses": {
            "required": {
                "pay": {"contract": "acme.pay@v1", "events": {"subscribe": ["Pay.Done"]}},
                "health": {
                    "contract": "trellis.health@v1",
                    "events": {"publish": ["Health.Heartbeat"]},
                },
                "state": {
                    "contract": "trellis.state@v1",
                    "rpc": {"call": ["State.Delete", "State.Get", "State.List", "State.Put"]},
                },
            }
        },
        "rpc": {
            "Order.Get": {
                "version": "v1",
                "subject": "rpc.v1.Order.Get",
                "input": {"schema": "Obj"},
                "output": {"schema": "Obj"},
                "capabilities": {"call": [f"{cap}.read"]},
                "errors": [{"type": "Shop.Missing"}, {"type": "UnexpectedError"}],
            }
        },
        "operations": {
            "Order.Import": {
                "version": "v1",
                "subject": "operations.v1.Order.Import",
                "input": {"schema": "File"},
                "progress": {"schema": "Obj"},
                "output": {"schema": "Obj"},
                "transfer": {
                    "direction": "send",
                    "store": "uploads",
                    "key": "/path",
                    "contentType": "/mime",
                },
                "capabilities": {
                    "call": [f"{cap}.read"],
                    "cancel": [f"{cap}.cancel"],
                    "control": [f"{cap}.cancel"],
                },
                "signals": {"confirm": {"input": {"schema": "Obj"}}},
                "cancel": True,
            }
        },
        "events": {
            "Order.Placed": {
                "version": "v1",
                "subject": "events.v1.Order.Placed.{/id}",
                "params": ["/id"],
                "event": {"schema": "Obj"},
                "capabilities": {"subscribe": [f"{cap}.read"]},
            }
        },
        "feeds": {
            "Order.Changes": {
                "version": "v1",
                "subject": "feeds.v1.Order.Changes",
                "input": {"schema": "Obj"},
                "event": {"schema": "Obj"},
                "capabilities": {"subscribe": [f"{cap}.read"]},
            }
        },
        "errors": {"Missing": {"type": "Shop.Missing", "schema": {"schema": "Obj"}}},
        "jobs": {
            "ship": {"payload": {"schema": "Obj"}, "result": {"schema": "Obj"}, "maxDeliver": 2}
        },
        "eventConsumers": {
            "payments": {
                "uses": {"pay": ["Pay.Done"]},
                "replay": "new",
                "ordering": "strict",
                "concurrency": 1,
            }
        },
        "resources": {
            "kv": {
                "orders": {
                    "purpose": "Orders by id.",
                    "schema": {"schema": "Obj"},
                    "required": True,
                    "history": 1,
                    "ttlMs": 0,
                }
            },
            "store": {"uploads": {"purpose": "Imported files.", "required": True, "ttlMs": 0}},
        },
    }
    assert definition.diagnostics == ()
    assert definition.manifest == expected
    assert digest(definition.manifest) == digest(expected)


def test_device_contract_matches_hand_written_json() -> None:
    definition = define_device_contract(
        id="acme.sensor@v1",
        display_name="Sensor",
        description="Reports temperatures.",
        schemas={"Reading": {"type": "object", "properties": {"room": {"type": "string"}}}},
        events={"Sensor.Reading": Event(event="Reading", params=["/room"])},
    )
    expected = {
        "format": "trellis.contract.v1",
        "id": "acme.sensor@v1",
        "displayName": "Sensor",
        "description": "Reports temperatures.",
        "kind": "device",
        "schemas": {"Reading": {"type": "object", "properties": {"room": {"type": "string"}}}},
        "uses": {
            "required": {
                "health": {
                    "contract": "trellis.health@v1",
                    "events": {"publish": ["Health.Heartbeat"]},
                },
                "auth": {
                    "contract": "trellis.auth@v1",
                    "rpc": {"call": ["Auth.Sessions.Logout", "Auth.Sessions.Me"]},
                },
            }
        },
        "events": {
            "Sensor.Reading": {
                "version": "v1",
                "subject": "events.v1.Sensor.Reading.{/room}",
                "params": ["/room"],
                "event": {"schema": "Reading"},
            }
        },
    }
    assert definition.manifest == expected
    assert digest(definition.manifest) == digest(expected)


@requires_shared
def test_conformance_digest_vector_authored_in_python_has_its_digest() -> None:
    vector = read_json(CONFORMANCE / "contract-digest.vectors.json")[0]
    raw = vector["input"]
    definition = define_service_contract(
        id=raw["id"],
        display_name=raw["displayName"],
        description=raw["description"],
        capabilities={"read": Capability(display_name="Read", description="Read records.")},
        schemas=raw["schemas"],
        exports=["Unused"],
        rpc={"Conformance.Read": Rpc(input="Input", output="Output", call=["read"])},
    )
    # The TS helpers add the implicit health use; the vector was written by hand without it.
    manifest = {k: v for k, v in definition.manifest.items() if k != "uses"}
    assert digest(manifest) == vector["digest"]


def _runtime_digest(contract_id: str) -> str:
    entries = read_json(REAL_MANIFESTS / "digests.json")
    return str(next(e["runtimeDigest"] for e in entries if e["id"] == contract_id))


@requires_shared
def test_trellis_health_authored_in_python_has_the_runtime_digest() -> None:
    real = read_json(REAL_MANIFESTS / "trellis.health@v1.json")
    definition = define_service_contract(
        id="trellis.health@v1",
        display_name=real["displayName"],
        description=real["description"],
        schemas=real["schemas"],
        events={"Health.Heartbeat": Event(event="HealthHeartbeat")},
    )
    assert digest(definition.manifest) == _runtime_digest("trellis.health@v1")


@requires_shared
def test_trellis_state_authored_in_python_has_the_runtime_digest() -> None:
    real = read_json(REAL_MANIFESTS / "trellis.state@v1.json")
    builtin = ["ValidationError", "AuthError", "UnexpectedError"]

    def rpc(name: str, *, admin: bool = False) -> Rpc:
        return Rpc(
            input=f"State{name}Request",
            output=f"State{name}Response",
            errors=builtin,
            call=["admin"] if admin else None,
        )

    definition = define_service_contract(
        id="trellis.state@v1",
        display_name=real["displayName"],
        description=real["description"],
        schemas=real["schemas"],
        rpc={
            "State.Get": rpc("Get"),
            "State.Put": rpc("Put"),
            "State.Delete": rpc("Delete"),
            "State.List": rpc("List"),
            "State.Admin.Get": rpc("AdminGet", admin=True),
            "State.Admin.List": rpc("AdminList", admin=True),
            "State.Admin.Delete": rpc("AdminDelete", admin=True),
        },
    )
    assert definition.diagnostics == ()
    assert digest(definition.manifest) == _runtime_digest("trellis.state@v1")


@pytest.mark.parametrize("field", ["displayName", "description", "docs", "exports"])
def test_display_fields_do_not_change_the_authored_digest(field: str) -> None:
    def build(variant: bool) -> dict[str, Any]:
        return define_service_contract(
            id="acme.x@v1",
            display_name="Other" if variant and field == "displayName" else "X",
            description="Other." if variant and field == "description" else "X.",
            docs=Docs(markdown="Doc.") if variant and field == "docs" else None,
            schemas={"Obj": OBJ},
            exports=["Obj"] if variant and field == "exports" else None,
            rpc={"X.Get": Rpc(input="Obj", output="Obj")},
        ).manifest

    assert digest(build(True)) == digest(build(False))
