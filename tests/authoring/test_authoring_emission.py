"""What the emitter writes (spec §6): subjects, capabilities, uses, defaults, lists, lines."""

from __future__ import annotations

from typing import Any

import pytest

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
    define_agent_contract,
    define_app_contract,
    define_device_contract,
    define_error,
    define_service_contract,
)

from .models import Empty, Item, Partner, Upload, next_line

BASE: dict[str, Any] = {"display_name": "Test", "description": "A test contract."}
READ = Capability(display_name="Read", description="Read things.")
HEALTH = {"contract": "trellis.health@v1", "events": {"publish": ["Health.Heartbeat"]}}
AUTH = {
    "contract": "trellis.auth@v1",
    "rpc": {"call": ["Auth.Sessions.Logout", "Auth.Sessions.Me"]},
}
STATE = {
    "contract": "trellis.state@v1",
    "rpc": {"call": ["State.Delete", "State.Get", "State.List", "State.Put"]},
}


def service(**kwargs: Any) -> dict[str, Any]:
    definition = define_service_contract(id="acme.billing@v1", **BASE, **kwargs)
    assert definition.diagnostics == ()
    return definition.manifest


def test_default_subjects_follow_version_and_name() -> None:
    m = service(
        rpc={"Invoice.Get": Rpc(input=Empty, output=Empty, version="v2")},
        operations={"Refund": Operation(input=Empty, output=Empty)},
        events={"Invoice.Paid": Event(event=Empty)},
        feeds={"Invoice.Changes": Feed(input=Empty, event=Empty)},
    )
    assert m["rpc"]["Invoice.Get"]["subject"] == "rpc.v2.Invoice.Get"
    assert m["operations"]["Refund"]["subject"] == "operations.v1.Refund"
    assert m["events"]["Invoice.Paid"]["subject"] == "events.v1.Invoice.Paid"
    assert "params" not in m["events"]["Invoice.Paid"]
    assert m["feeds"]["Invoice.Changes"]["subject"] == "feeds.v1.Invoice.Changes"


def test_event_subject_gets_one_token_per_param_in_order() -> None:
    m = service(events={"Partner.Changed": Event(event=Partner, params=["/region", "/id"])})
    assert m["events"]["Partner.Changed"]["subject"] == "events.v1.Partner.Changed.{/region}.{/id}"
    assert m["events"]["Partner.Changed"]["params"] == ["/region", "/id"]


def test_explicit_subject_is_kept() -> None:
    m = service(rpc={"Invoice.Get": Rpc(input=Empty, output=Empty, subject="legacy.invoice.get")})
    assert m["rpc"]["Invoice.Get"]["subject"] == "legacy.invoice.get"


def test_capability_lists_are_globalized_sorted_and_unique() -> None:
    rpc = Rpc(
        input=Empty, output=Empty, call=["write", "read", "read", "service", "admin", "x.y::z"]
    )
    m = service(capabilities={"read": READ, "write": READ}, rpc={"R": rpc})
    assert m["rpc"]["R"]["capabilities"] == {
        "call": ["acme.billing::read", "acme.billing::write", "admin", "service", "x.y::z"]
    }
    assert set(m["capabilities"]) == {"acme.billing::read", "acme.billing::write"}


def test_capability_metadata_keeps_consequence_only_when_given() -> None:
    risky = Capability(display_name="Pay", description="Pay out.", consequence="Money leaves.")
    m = service(capabilities={"read": READ, "pay": risky})
    assert m["capabilities"] == {
        "acme.billing::pay": {
            "displayName": "Pay",
            "description": "Pay out.",
            "consequence": "Money leaves.",
        },
        "acme.billing::read": {"displayName": "Read", "description": "Read things."},
    }


def test_capability_objects_only_when_a_list_is_given() -> None:
    m = service(
        rpc={"A": Rpc(input=Empty, output=Empty), "B": Rpc(input=Empty, output=Empty, call=[])},
        operations={"O": Operation(input=Empty, output=Empty, observe=[])},
        events={"E": Event(event=Empty)},
        feeds={"F": Feed(input=Empty, event=Empty)},
    )
    assert "capabilities" not in m["rpc"]["A"]
    assert m["rpc"]["B"]["capabilities"] == {"call": []}
    assert m["operations"]["O"]["capabilities"] == {"observe": []}
    assert "capabilities" not in m["events"]["E"] and "capabilities" not in m["feeds"]["F"]


def test_operation_cancel_list_declares_support_and_capabilities() -> None:
    m = service(
        capabilities={"approve": READ},
        operations={
            "A": Operation(input=Empty, output=Empty, cancel=["approve"]),
            "B": Operation(input=Empty, output=Empty, cancel=False),
            "C": Operation(input=Empty, output=Empty),
        },
    )
    assert m["operations"]["A"]["cancel"] is True
    assert m["operations"]["A"]["capabilities"] == {"cancel": ["acme.billing::approve"]}
    assert m["operations"]["B"]["cancel"] is False and "capabilities" not in m["operations"]["B"]
    assert "cancel" not in m["operations"]["C"]


def test_operation_progress_signals_and_transfer() -> None:
    op = Operation(
        input=Upload,
        progress=Item,
        output=Empty,
        signals={"approve": Signal(input=Item, docs=Docs(markdown="Go."))},
        transfer=Transfer(store="blobs", key="/key", content_type="/content_type", max_bytes=1024),
    )
    m = service(operations={"Up": op}, store={"blobs": Store(purpose="Blobs.")})
    out = m["operations"]["Up"]
    assert out["progress"] == {"schema": "Item"}
    assert out["signals"] == {"approve": {"input": {"schema": "Item"}, "docs": {"markdown": "Go."}}}
    assert out["transfer"] == {
        "direction": "send",
        "store": "blobs",
        "key": "/key",
        "contentType": "/content_type",
        "maxBytes": 1024,
    }


def test_rpc_errors_are_wire_types_sorted_unique_and_declared_once() -> None:
    gone = define_error("Gone", type="Billing.Gone", schema=Item)
    late = define_error("Late")
    m = service(
        rpc={
            "R": Rpc(
                input=Empty, output=Empty, errors=[late, gone, "UnexpectedError", gone, "Gone"]
            )
        }
    )
    assert m["rpc"]["R"]["errors"] == [
        {"type": "Billing.Gone"},
        {"type": "Late"},
        {"type": "UnexpectedError"},
    ]
    assert m["errors"] == {
        "Late": {"type": "Late"},
        "Gone": {"type": "Billing.Gone", "schema": {"schema": "Item"}},
    }


def test_no_errors_no_internal_unless_given() -> None:
    m = service(
        rpc={
            "A": Rpc(input=Empty, output=Empty),
            "B": Rpc(input=Empty, output=Empty, internal=True),
        }
    )
    assert "errors" not in m["rpc"]["A"] and "internal" not in m["rpc"]["A"]
    assert m["rpc"]["B"]["internal"] is True
    assert "errors" not in m


def test_declared_but_unreferenced_error_is_still_emitted() -> None:
    m = service(errors=[define_error("Spare")])
    assert m["errors"] == {"Spare": {"type": "Spare"}}


def test_kv_and_store_defaults_are_filled() -> None:
    m = service(kv={"k": Kv(purpose="Cache.", schema=Item)}, store={"s": Store(purpose="Files.")})
    assert m["resources"] == {
        "kv": {
            "k": {
                "purpose": "Cache.",
                "schema": {"schema": "Item"},
                "required": True,
                "history": 1,
                "ttlMs": 0,
            }
        },
        "store": {"s": {"purpose": "Files.", "required": True, "ttlMs": 0}},
    }


def test_kv_max_value_bytes_only_when_truthy_and_store_limits_when_given() -> None:
    m = service(
        kv={
            "a": Kv(purpose="A.", schema=Item, max_value_bytes=0),
            "b": Kv(purpose="B.", schema=Item, max_value_bytes=64),
        },
        store={
            "s": Store(
                purpose="S.", required=False, ttl_ms=5, max_object_bytes=1, max_total_bytes=2
            )
        },
    )
    assert "maxValueBytes" not in m["resources"]["kv"]["a"]
    assert m["resources"]["kv"]["b"]["maxValueBytes"] == 64
    assert m["resources"]["store"]["s"] == {
        "purpose": "S.",
        "required": False,
        "ttlMs": 5,
        "maxObjectBytes": 1,
        "maxTotalBytes": 2,
    }


def test_event_consumer_defaults_filled_and_lists_sorted() -> None:
    group = EventConsumer(uses={"z": ["B", "A", "B"], "a": ["C"]}, self_events=["Y", "X", "Y"])
    m = service(
        uses={
            "z": Use(contract="z@v1", events_subscribe=["A", "B"]),
            "a": Use(contract="a@v1", events_subscribe=["C"]),
        },
        events={"X": Event(event=Empty), "Y": Event(event=Empty)},
        event_consumers={"g": group},
    )
    assert m["eventConsumers"]["g"] == {
        "uses": {"a": ["C"], "z": ["A", "B"]},
        "self": ["X", "Y"],
        "replay": "new",
        "ordering": "strict",
        "concurrency": 1,
    }
    assert list(m["eventConsumers"]["g"]["uses"]) == ["a", "z"]


def test_event_consumer_omits_empty_self_and_keeps_tuning() -> None:
    group = EventConsumer(
        self_events=[],
        uses={"a": ["E"]},
        replay="all",
        ack_wait_ms=5,
        max_deliver=2,
        backoff_ms=[1, 2],
    )
    m = service(
        uses={"a": Use(contract="a@v1", events_subscribe=["E"])}, event_consumers={"g": group}
    )
    assert m["eventConsumers"]["g"] == {
        "uses": {"a": ["E"]},
        "replay": "all",
        "ordering": "strict",
        "concurrency": 1,
        "ackWaitMs": 5,
        "maxDeliver": 2,
        "backoffMs": [1, 2],
    }


def test_jobs_and_state_defaults_are_not_filled() -> None:
    m = service(jobs={"j": Job(payload=Item)}, state={"s": StateStore(kind="map", schema=Item)})
    assert m["jobs"] == {"j": {"payload": {"schema": "Item"}}}
    assert m["state"] == {"s": {"kind": "map", "schema": {"schema": "Item"}}}


@pytest.mark.parametrize(
    ("define", "implicit"),
    [
        (define_service_contract, {"health": HEALTH}),
        (define_device_contract, {"health": HEALTH, "auth": AUTH}),
        (define_app_contract, {"auth": AUTH}),
        (define_agent_contract, {"auth": AUTH}),
    ],
)
def test_implicit_uses_per_kind(define: Any, implicit: dict[str, Any]) -> None:
    assert define(id="acme.x@v1", **BASE).manifest["uses"] == {"required": implicit}


def test_health_contract_does_not_use_itself() -> None:
    assert "uses" not in define_service_contract(id="trellis.health@v1", **BASE).manifest


def test_declaring_state_adds_the_state_use() -> None:
    m = define_app_contract(
        id="acme.x@v1", **BASE, state={"s": StateStore(kind="value", schema=Item)}
    ).manifest
    assert m["uses"]["required"] == {"auth": AUTH, "state": STATE}


def test_implicit_use_merges_into_an_explicit_alias_of_the_same_contract() -> None:
    mine = Use(contract="trellis.auth@v1", rpc_call=["Auth.Sessions.Me", "Auth.Me.Update"])
    m = define_app_contract(id="acme.x@v1", **BASE, uses={"auth": mine}).manifest
    assert m["uses"]["required"]["auth"] == {
        "contract": "trellis.auth@v1",
        "rpc": {"call": ["Auth.Me.Update", "Auth.Sessions.Logout", "Auth.Sessions.Me"]},
    }


def test_use_lists_sorted_unique_and_optional_aliases_lose_to_required() -> None:
    billing = Use(
        contract="acme.billing@v1",
        rpc_call=["B", "A", "B"],
        operations_call=["Refund"],
        events_publish=["P"],
        events_subscribe=["S2", "S1"],
        feeds_subscribe=["F"],
    )
    m = define_service_contract(
        id="acme.x@v1",
        **BASE,
        uses={"billing": billing},
        optional_uses={
            "billing": Use(contract="acme.billing@v1"),
            "recs": Use(contract="acme.recs@v1", rpc_call=["R"]),
        },
    ).manifest
    assert m["uses"]["required"]["billing"] == {
        "contract": "acme.billing@v1",
        "rpc": {"call": ["A", "B"]},
        "operations": {"call": ["Refund"]},
        "events": {"publish": ["P"], "subscribe": ["S1", "S2"]},
        "feeds": {"subscribe": ["F"]},
    }
    assert m["uses"]["optional"] == {"recs": {"contract": "acme.recs@v1", "rpc": {"call": ["R"]}}}


def test_empty_sections_are_omitted() -> None:
    m = service(rpc={}, events={}, kv={}, store={}, capabilities={}, schemas={})
    assert set(m) == {"format", "id", "displayName", "description", "kind", "uses"}


def test_docs_and_exports() -> None:
    m = service(
        docs=Docs(markdown="Body.", summary="Short."),
        schemas={"Id": {"type": "string"}},
        exports=[Item, "Id", Item],
    )
    assert m["docs"] == {"summary": "Short.", "markdown": "Body."}
    assert m["exports"] == {"schemas": ["Item", "Id"]}
    assert set(m["schemas"]) == {"Id", "Item"}


def test_lines_point_at_each_declaration() -> None:
    define_line = next_line()
    definition = define_service_contract(
        id="acme.x@v1",
        **BASE,
        capabilities={
            "read": Capability(display_name="Read", description="Read."),
        },
        rpc={
            "User.Find": Rpc(
                input=Item,
                output=Empty,
            ),
        },
        events={"User.Seen": Event(event=Empty)},
        kv={"k": Kv(purpose="K.", schema=Item)},
    )
    lines = definition.lines
    assert definition.line == lines[""] == define_line
    assert definition.source_file == __file__
    assert lines["/capabilities/acme.x::read"] == define_line + 4
    assert lines["/rpc/User.Find"] == lines["/rpc/User.Find/input"] == define_line + 7
    assert lines["/events/User.Seen"] == lines["/events/User.Seen/event"] == define_line + 12
    assert lines["/resources/kv/k"] == define_line + 13
    assert lines["/schemas/Item"] == define_line + 7


def test_names_with_slashes_are_escaped_in_line_pointers() -> None:
    definition = define_service_contract(
        id="acme.x@v1", **BASE, rpc={"a/b~c": Rpc(input=Empty, output=Empty)}
    )
    assert "/rpc/a~1b~0c" in definition.lines
