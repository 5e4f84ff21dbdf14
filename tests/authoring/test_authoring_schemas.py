"""Pydantic models become self-contained schemas; every schema gets exactly one manifest name."""

from __future__ import annotations

from typing import Annotated, Optional

import pytest
from pydantic import BaseModel, Field

from trellis_generate.authoring import SchemaInlineError, model_schema
from trellis_generate.authoring.schemas import SchemaTable

from .models import Color, Item


def _refs(node: object) -> list[object]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


class Address(BaseModel):
    city: str
    zip: Annotated[str, Field(pattern=r"^[0-9]{5}$")]


class Customer(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=80, description="Full name")]
    home: Address
    work: Optional[Address] = None  # noqa: UP045 - the Optional spelling is what authors write
    favourite: Color = Color.BLUE
    items: list[Item] = []


class Node(BaseModel):
    children: list[Node] = []


class Forest(BaseModel):
    trees: list[Node]


class Ping(BaseModel):
    pong: Pong | None = None


class Pong(BaseModel):
    ping: Ping


def test_model_schema_has_no_refs_defs_or_dialect() -> None:
    schema = model_schema(Customer)
    assert _refs(schema) == []
    assert "$defs" not in schema and "$schema" not in schema


def test_nested_model_is_inlined_where_referenced() -> None:
    home = model_schema(Customer)["properties"]["home"]
    assert home["type"] == "object"
    assert home["required"] == ["city", "zip"]
    assert home["properties"]["zip"] == {"pattern": "^[0-9]{5}$", "title": "Zip", "type": "string"}


def test_optional_nested_model_is_inlined_inside_any_of() -> None:
    work = model_schema(Customer)["properties"]["work"]
    assert work["anyOf"][1] == {"type": "null"}
    assert work["anyOf"][0]["properties"]["city"] == {"title": "City", "type": "string"}
    assert work["default"] is None
    assert "work" not in model_schema(Customer)["required"]


def test_enum_is_inlined_and_keeps_the_default_written_beside_the_ref() -> None:
    favourite = model_schema(Customer)["properties"]["favourite"]
    assert favourite == {
        "enum": ["red", "blue"],
        "title": "Color",
        "type": "string",
        "default": "blue",
    }


def test_annotated_constraints_are_kept() -> None:
    name = model_schema(Customer)["properties"]["name"]
    assert name["minLength"] == 1 and name["maxLength"] == 80 and name["description"] == "Full name"
    size = model_schema(Customer)["properties"]["items"]["items"]["properties"]["size"]
    assert size["minimum"] == 1 and size["maximum"] == 10


def test_directly_recursive_model_is_rejected_naming_it() -> None:
    with pytest.raises(SchemaInlineError, match=r"model 'Node' is recursive \(Node -> Node\)"):
        model_schema(Node)


def test_model_containing_a_recursive_model_is_rejected_naming_both() -> None:
    with pytest.raises(SchemaInlineError, match=r"model 'Forest' is recursive \(Node -> Node\)"):
        model_schema(Forest)


def test_mutually_recursive_models_are_rejected() -> None:
    with pytest.raises(
        SchemaInlineError, match=r"model 'Ping' is recursive \(Ping -> Pong -> Ping\)"
    ):
        model_schema(Ping)


def test_model_is_named_by_its_class_name() -> None:
    table = SchemaTable()
    assert table.ref(Item) == "Item"
    assert table.schemas == {"Item": model_schema(Item)}


def test_explicit_name_wins_for_a_registered_model_and_dict() -> None:
    table = SchemaTable()
    raw = {"type": "string"}
    table.register("Thing", Item)
    table.register("Text", raw)
    assert table.ref(Item) == "Thing"
    assert table.ref(raw) == "Text"
    assert set(table.schemas) == {"Thing", "Text"}


def test_same_schema_reached_twice_is_not_a_conflict() -> None:
    table = SchemaTable()
    table.register("Item", Item)
    table.ref(Item)
    assert table.problems == []


def test_two_different_schemas_under_one_name_is_a_conflict() -> None:
    table = SchemaTable()
    table.register("Item", {"type": "object"})
    table.ref(Item)
    assert table.problems == [
        (
            "Item",
            "schema name 'Item' is used for two different schemas "
            f"(a JSON Schema and model {Item.__module__}.Item)",
        )
    ]


def test_unregistered_dict_reference_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be registered in schemas="):
        SchemaTable().ref({"type": "object"})


def test_recursive_model_becomes_a_problem_not_an_exception() -> None:
    table = SchemaTable()
    assert table.ref(Node) == "Node"
    assert table.schemas == {}
    assert table.problems[0][0] == "Node"
