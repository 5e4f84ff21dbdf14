"""Every authoring rule: a failing case, its message (the reference's text), pointer and line."""

from __future__ import annotations

from typing import Any

import pytest

from trellis_generate.authoring import (
    Capability,
    ContractDefinition,
    Event,
    Operation,
    Rpc,
    Store,
    Transfer,
    Use,
    define_app_contract,
    define_error,
    define_service_contract,
)
from trellis_generate.diagnostics import Diagnostic

from .models import Empty, Item, Partner, Upload, next_line

BASE: dict[str, Any] = {"display_name": "Test", "description": "A test contract."}


def only(definition: ContractDefinition) -> Diagnostic:
    assert len(definition.diagnostics) == 1, definition.diagnostics
    d = definition.diagnostics[0]
    assert d.file == __file__ and d.contract_id == definition.manifest["id"]
    return d


def test_undeclared_local_capability_is_reported_at_the_rpc() -> None:
    line = next_line()
    rpc = Rpc(input=Empty, output=Empty, call=["read", "reed"])
    d = only(
        define_service_contract(
            id="acme.x@v1",
            **BASE,
            capabilities={"read": Capability(display_name="Read", description="Read.")},
            rpc={"X.Get": rpc},
        )
    )
    assert (
        d.message == "rpc 'X.Get' call capabilities references undeclared local capability 'reed'"
    )
    assert (d.rule, d.pointer, d.line) == (
        "undeclared-capability",
        "/rpc/X.Get/capabilities/call",
        line,
    )


@pytest.mark.parametrize(
    ("surface", "context"),
    [
        ("observe", "operation 'X.Run' observe capabilities"),
        ("cancel", "operation 'X.Run' cancel capabilities"),
        ("control", "operation 'X.Run' control capabilities"),
    ],
)
def test_undeclared_capability_on_operation_names_the_list(surface: str, context: str) -> None:
    lists: dict[str, Any] = {surface: ["ghost"]}
    line = next_line()
    op = Operation(input=Empty, output=Empty, **lists)
    d = only(define_service_contract(id="acme.x@v1", **BASE, operations={"X.Run": op}))
    assert d.message == f"{context} references undeclared local capability 'ghost'"
    assert (d.pointer, d.line) == (f"/operations/X.Run/capabilities/{surface}", line)


def test_undeclared_capability_on_event_and_feed_lists() -> None:
    from trellis_generate.authoring import Feed

    definition = define_service_contract(
        id="acme.x@v1",
        **BASE,
        events={"X.Done": Event(event=Empty, publish=["p"], subscribe=["s"])},
        feeds={"X.Watch": Feed(input=Empty, event=Empty, subscribe=["f"])},
    )
    assert [d.message for d in definition.diagnostics] == [
        "event 'X.Done' publish capabilities references undeclared local capability 'p'",
        "event 'X.Done' subscribe capabilities references undeclared local capability 's'",
        "feed 'X.Watch' subscribe capabilities references undeclared local capability 'f'",
    ]


@pytest.mark.parametrize(
    ("local", "prefix"),
    [("acme.billing.read", "acme.billing."), ("billing.read", "billing.")],
)
def test_local_capability_must_not_repeat_the_namespace(local: str, prefix: str) -> None:
    line = next_line()
    cap = Capability(display_name="Read", description="Read.")
    d = only(define_service_contract(id="acme.billing@v1", **BASE, capabilities={local: cap}))
    assert (
        d.message
        == f"local capability '{local}' must not start with contract namespace prefix '{prefix}'"
    )
    assert (d.rule, d.pointer, d.line) == (
        "capability-namespace",
        f"/capabilities/acme.billing::{local}",
        line,
    )


def test_use_alias_colliding_with_an_implicit_use_is_reported_at_the_define_call() -> None:
    line = next_line()
    definition = define_app_contract(
        id="acme.app@v1", **BASE, uses={"auth": Use(contract="acme.auth@v1", rpc_call=["Login"])}
    )
    d = only(definition)
    assert d.message == "Contract use 'auth' references both 'acme.auth@v1' and 'trellis.auth@v1'"
    assert (d.rule, d.pointer, d.line) == ("use-conflict", "/uses/required/auth", line)


def test_transfer_into_an_undeclared_store_is_reported() -> None:
    line = next_line()
    op = Operation(input=Upload, output=Empty, transfer=Transfer(store="blobs", key="/key"))
    d = only(define_service_contract(id="acme.x@v1", **BASE, operations={"X.Upload": op}))
    assert d.message == "Operation 'X.Upload' references unknown store resource 'blobs'"
    assert (d.rule, d.pointer, d.line) == (
        "transfer-store",
        "/operations/X.Upload/transfer/store",
        line,
    )


@pytest.mark.parametrize("bad", ["/missing", "key", "/tags/0"])
def test_transfer_pointer_must_resolve_in_the_input_schema(bad: str) -> None:
    line = next_line()
    op = Operation(
        input=Upload, output=Empty, transfer=Transfer(store="s", key="/key", metadata=bad)
    )
    d = only(
        define_service_contract(
            id="acme.x@v1",
            **BASE,
            operations={"X.Upload": op},
            store={"s": Store(purpose="Blobs.")},
        )
    )
    assert (
        d.message
        == f"Invalid transfer pointer '{bad}' for operation 'X.Upload' (path not found in input schema)"
    )
    assert (d.rule, d.pointer, d.line) == (
        "transfer-pointer",
        "/operations/X.Upload/transfer",
        line,
    )


@pytest.mark.parametrize(
    ("param", "message"),
    [
        (
            "/nope",
            "Invalid event subject param pointer '/nope' for event 'P.Changed' (path not found in schema)",
        ),
        (
            "/meta",
            "Invalid event subject param pointer '/meta' for event 'P.Changed' (must resolve to string/number schema)",
        ),
        ("region", "event 'P.Changed' param 'region' must be a JSON Pointer"),
    ],
)
def test_event_params_must_be_pointers_to_tokenable_values(param: str, message: str) -> None:
    line = next_line()
    event = Event(event=Partner, params=["/region", param])
    d = only(define_service_contract(id="acme.x@v1", **BASE, events={"P.Changed": event}))
    assert (d.rule, d.message, d.pointer, d.line) == (
        "event-template",
        message,
        "/events/P.Changed/params",
        line,
    )


def test_enum_and_constrained_string_params_are_tokenable() -> None:
    event = Event(event=Partner, params=["/region", "/id"])
    assert (
        define_service_contract(id="acme.x@v1", **BASE, events={"P.Changed": event}).diagnostics
        == ()
    )


def test_two_schemas_under_one_name_is_reported_where_the_second_is_referenced() -> None:
    line = next_line()
    rpc = Rpc(input=Item, output=Empty)
    d = only(
        define_service_contract(
            id="acme.x@v1", **BASE, schemas={"Item": {"type": "object"}}, rpc={"X.Get": rpc}
        )
    )
    assert d.message.startswith("schema name 'Item' is used for two different schemas")
    assert (d.rule, d.pointer, d.line) == ("schema-model", "/schemas/Item", line)


def test_recursive_model_is_reported_naming_the_model() -> None:
    from pydantic import BaseModel

    class Tree(BaseModel):
        children: list[Tree] = []

    line = next_line()
    rpc = Rpc(input=Tree, output=Empty)
    d = only(define_service_contract(id="acme.x@v1", **BASE, rpc={"X.Get": rpc}))
    assert d.message.startswith("model 'Tree' is recursive (Tree -> Tree)")
    assert (d.rule, d.pointer, d.line) == ("schema-model", "/schemas/Tree", line)


def test_one_error_name_with_two_definitions_is_reported() -> None:
    first = define_error("Gone")
    line = next_line()
    second = define_error("Gone", type="X.Gone")
    rpc = Rpc(input=Empty, output=Empty, errors=[first, second])
    d = only(define_service_contract(id="acme.x@v1", **BASE, rpc={"X.Get": rpc}))
    assert d.message == "error 'Gone' is declared twice with different definitions"
    assert (d.rule, d.pointer, d.line) == ("error-conflict", "/errors/Gone", line)


def test_all_problems_of_one_contract_are_reported_together() -> None:
    definition = define_service_contract(
        id="acme.x@v1",
        **BASE,
        rpc={
            "A": Rpc(input=Empty, output=Empty, call=["a"]),
            "B": Rpc(input=Empty, output=Empty, call=["b"]),
        },
        operations={
            "C": Operation(input=Upload, output=Empty, transfer=Transfer(store="s", key="/k"))
        },
    )
    assert len(definition.diagnostics) == 4
    assert "rpc" in definition.manifest and "operations" in definition.manifest


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"rpc": {"X.Get": Operation(input=Empty, output=Empty)}},
            "acme.x@v1: rpc 'X.Get': expected Rpc, got Operation",
        ),
        (
            {"rpc": {"X.Get": Rpc(input=42, output=Empty)}},  # type: ignore[arg-type]
            "acme.x@v1: rpc 'X.Get' input: expected a Pydantic model class or a schema name, got int",
        ),
        (
            {"rpc": {"X.Get": Rpc(input={"type": "object"}, output=Empty)}},
            "acme.x@v1: rpc 'X.Get' input: a JSON Schema dict must be registered",
        ),
        (
            {"rpc": {"X.Get": Rpc(input=Empty, output=Empty, call="read")}},
            "acme.x@v1: rpc 'X.Get' call capabilities: expected a list of strings",
        ),
        (
            {"uses": {"b": Use(contract="b@v1", rpc_call="B.Get")}},
            "acme.x@v1: uses 'b' rpc_call: expected a list of strings",
        ),
        (
            {"schemas": {"S": 3}},
            "acme.x@v1: schemas: schemas['S'] must be a Pydantic model class or a JSON Schema, got int",
        ),
    ],
)
def test_wrong_argument_types_raise_naming_contract_and_field(
    kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError) as info:
        define_service_contract(id="acme.x@v1", **BASE, **kwargs)
    assert str(info.value).startswith(message)
