"""The datamodel-code-generator adapter: one module, exact class names, open payloads."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from trellis_generate.render.models import open_objects, render_models
from trellis_generate.views.api import ModelSource


def _import(code: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # pydantic resolves forward references through sys.modules
    exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    return module


@pytest.fixture
def load_models() -> Iterator[Any]:
    names: list[str] = []

    def load(sources: Sequence[ModelSource]) -> types.ModuleType:
        names.append(f"_sdk_models_{len(names)}")
        return _import(render_models(sources), names[-1])

    yield load
    for name in names:
        sys.modules.pop(name, None)


def test_objects_without_additional_properties_become_open() -> None:
    schema = {
        "type": "object",
        "properties": {
            "inner": {"type": "object", "properties": {"a": {"type": "string"}}},
            "closed": {"type": "object", "additionalProperties": False},
            "list": {"type": "array", "items": {"properties": {"b": {"type": "string"}}}},
        },
        "anyOf": [{"type": ["object", "null"]}],
    }
    opened = open_objects(schema)
    assert opened["additionalProperties"] is True
    assert opened["properties"]["inner"]["additionalProperties"] is True
    assert opened["properties"]["closed"]["additionalProperties"] is False
    assert opened["properties"]["list"]["items"]["additionalProperties"] is True
    assert opened["anyOf"][0]["additionalProperties"] is True
    assert "additionalProperties" not in schema  # the manifest's schema is not modified


def test_open_schemas_keep_unknown_fields_and_closed_ones_reject_them(load_models: Any) -> None:
    props = {"id": {"type": "string"}}
    module = load_models(
        [
            ModelSource("Open", {"type": "object", "properties": props, "required": ["id"]}),
            ModelSource(
                "Closed",
                {"type": "object", "properties": props, "additionalProperties": False},
            ),
        ]
    )
    opened = module.Open.model_validate({"id": "1", "added": {"later": True}})
    assert opened.model_dump() == {"id": "1", "added": {"later": True}}
    with pytest.raises(ValidationError):
        module.Closed.model_validate({"id": "1", "added": 1})


def test_every_source_gets_a_class_with_exactly_its_name(load_models: Any) -> None:
    sources = [
        ModelSource("JobState", {"enum": ["a", "b"]}),
        ModelSource("Level", {"anyOf": [{"const": "info", "type": "string"}, {"const": "warn"}]}),
        ModelSource("Job", {"type": "object", "properties": {"state": {"enum": ["a", "b"]}}}),
        ModelSource("Anything", True),
        ModelSource("Text", {"type": "string", "description": '""" {{ \\'}),
        ModelSource(
            "Both", {"allOf": [{"type": "object", "properties": {"x": {"type": "integer"}}}]}
        ),
    ]
    module = load_models(sources)
    for source in sources:
        assert issubclass(getattr(module, source.name), BaseModel), source.name
    assert module.Text.model_validate("hi").root == "hi"


def test_no_schemas_give_an_empty_module() -> None:
    assert "class " not in render_models([])


def test_output_has_no_timestamp_and_is_stable() -> None:
    sources = [ModelSource("A", {"type": "object", "properties": {"b": {"type": "string"}}})]
    first = render_models(sources)
    assert first == render_models(sources)
    assert "timestamp" not in first and "datamodel-codegen" not in first
