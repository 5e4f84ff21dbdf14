"""The datamodel-code-generator adapter: one module, exact class names, open payloads."""

from __future__ import annotations

import copy
import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError

from tests.sdk.conftest import GeneratedSdks
from trellis_generate.render.models import open_objects, render_models, share_shapes
from trellis_generate.views.api import ModelSource
from trellis_runtime import EventHeader


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


def _obj(props: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": sorted(props), **extra}


MONEY = _obj(
    {"amountMinor": {"type": "integer"}, "currency": {"enum": ["EUR", "USD"]}},
    title="Money",
    additionalProperties=False,
)


def _classes(code: str) -> list[str]:
    return [line.split("(")[0][6:] for line in code.splitlines() if line.startswith("class ")]


def _field_type(model: type[BaseModel], field: str) -> Any:
    return model.model_fields[field].annotation


def test_an_inline_shape_used_three_times_becomes_one_class(load_models: Any) -> None:
    sources = [
        ModelSource("Refund", _obj({"amount": MONEY})),
        ModelSource("Invoice", _obj({"total": MONEY, "lines": {"type": "array", "items": MONEY}})),
    ]
    module = load_models(sources)
    assert sorted(_classes(render_models(sources))) == ["Invoice", "Money", "Refund"]
    assert _field_type(module.Refund, "amount") is module.Money
    assert _field_type(module.Invoice, "total") is module.Money
    assert _field_type(module.Invoice, "lines") == list[module.Money]
    invoice = module.Invoice.model_validate(
        {"total": {"amountMinor": 5, "currency": "EUR"}, "lines": []}
    )
    module.Refund(amount=invoice.total)  # the same class: no model_dump() round trip
    with pytest.raises(ValidationError):  # the shared class keeps the shape's `extra="forbid"`
        module.Money.model_validate({"amountMinor": 1, "currency": "EUR", "extra": 1})


def test_shapes_that_differ_in_anything_stay_separate_classes(load_models: Any) -> None:
    described = {**MONEY, "description": "Refunded amount"}
    opened = {k: v for k, v in MONEY.items() if k != "additionalProperties"}
    sources = [
        ModelSource("A", _obj({"x": MONEY, "y": described, "z": opened})),
        ModelSource("B", _obj({"x": MONEY, "y": described, "z": opened})),
    ]
    module = load_models(sources)
    types_ = {f: _field_type(module.A, f) for f in "xyz"}
    assert len(set(types_.values())) == 3
    assert all(_field_type(module.B, f) is t for f, t in types_.items())
    assert module.A.model_validate(
        {"x": {"amountMinor": 1, "currency": "EUR"}, "y": {"amountMinor": 1, "currency": "EUR"},
         "z": {"amountMinor": 1, "currency": "EUR", "later": True}}
    ).z.model_extra == {"later": True}  # fmt: skip


def test_a_top_level_schema_absorbs_its_nested_copies(load_models: Any) -> None:
    sources = [
        ModelSource("Invoice", _obj({"total": MONEY})),  # even a single nested copy
        ModelSource("Money", MONEY),
        ModelSource("Page", _obj({"items": {"type": "array", "items": _obj({"total": MONEY})}})),
    ]
    code = render_models(sources)
    module = load_models(sources)
    assert sorted(_classes(code)) == ["Invoice", "Money", "Page"]
    assert _field_type(module.Invoice, "total") is module.Money
    assert _field_type(module.Page, "items") == list[module.Invoice]


def test_a_shape_repeated_only_inside_a_shared_shape_is_not_hoisted_on_its_own() -> None:
    line = _obj({"sku": {"type": "string"}, "price": _obj({"cents": {"type": "integer"}})})
    sources = [ModelSource(n, _obj({"line": line})) for n in ("A", "B")]
    defs = share_shapes(sources)
    assert list(defs) == ["A", "B", "ALine"]
    assert defs["ALine"]["properties"]["price"]["properties"]["cents"] == {"type": "integer"}


def test_all_of_branches_stay_merged_into_their_class(load_models: Any) -> None:
    header = _obj({"id": {"type": "string"}})
    sources = [ModelSource(n, {"allOf": [header, _obj({n.lower(): {"type": "integer"}})]})
               for n in ("Opened", "Closed")]  # fmt: skip
    defs = share_shapes(sources)
    assert list(defs) == ["Opened", "Closed"]
    assert [b.__name__ for b in load_models(sources).Opened.__bases__] == ["TrellisModel"]


def test_hoisted_names_never_take_a_contract_schema_or_import_name(load_models: Any) -> None:
    other_money = {**MONEY, "description": "not the top-level Money"}
    field = _obj({"value": {"type": "string"}}, title="Field")  # pydantic's `Field` import
    sources = [
        ModelSource("Money", MONEY),
        ModelSource("Order", _obj({"paid": other_money, "meta": field})),
        ModelSource("Quote", _obj({"price": other_money, "meta": field})),
        ModelSource("OrderPaid", {"type": "string"}),
    ]
    defs = share_shapes(sources)
    # `Field` and `Money` are taken, so the first paths name them: `Order.meta` is free,
    # `Order.paid` -> `OrderPaid` is a schema name and gets a number.
    assert list(defs) == ["Money", "Order", "Quote", "OrderPaid", "OrderMeta", "OrderPaid2"]
    module = load_models(sources)
    assert _field_type(module.Order, "paid") is module.OrderPaid2
    assert _field_type(module.Quote, "meta") is module.OrderMeta
    assert issubclass(module.OrderPaid, RootModel)


def test_a_unique_free_title_names_the_shared_class() -> None:
    shape = _obj({"x": {"type": "integer"}}, title="point-2d")
    defs = share_shapes([ModelSource(n, _obj({"at": shape})) for n in ("A", "B")])
    assert list(defs) == ["A", "B", "Point2d"]
    assert defs["A"]["properties"]["at"] == {"$ref": "#/$defs/Point2d"}


def test_hoisting_is_deterministic_and_leaves_the_sources_untouched() -> None:
    sources = [ModelSource(n, _obj({"m": MONEY, "n": {"anyOf": [MONEY, {"type": "null"}]}}))
               for n in ("B", "A")]  # fmt: skip
    before = copy.deepcopy(sources)
    assert share_shapes(sources) == share_shapes(copy.deepcopy(sources))
    assert sources == before
    assert render_models(sources) == render_models(before)


def test_a_class_named_like_a_builtin_is_defined_before_its_users(load_models: Any) -> None:
    warning = _obj({"text": {"type": "string"}})
    sources = [ModelSource("Alert", _obj({"warning": warning})), ModelSource("Warning", warning)]
    module = load_models(sources)
    alert = module.Alert.model_validate({"warning": {"text": "low disk"}})
    assert isinstance(alert.warning, module.Warning)


def test_every_model_of_the_platform_sdks_builds(builtin_sdks: GeneratedSdks) -> None:
    """Forcing every class's schema catches references pydantic resolves to the wrong thing
    (deferred annotations once turned `list[Warning]` into the builtin `Warning`)."""
    broken: list[str] = []
    for i, files in enumerate(builtin_sdks.files.values()):
        code = next(text for path, text in files.items() if path.endswith("/models.py"))
        module = _import(code, f"_real_models_{i}")
        try:
            for name, cls in vars(module).items():
                if (
                    isinstance(cls, type)
                    and issubclass(cls, BaseModel)
                    and cls.__module__ == module.__name__
                ):
                    try:
                        cls.model_rebuild(force=True)
                    except Exception as err:  # noqa: BLE001 - collect every broken class
                        broken.append(f"{module.__name__}.{name}: {type(err).__name__}")
        finally:
            sys.modules.pop(module.__name__, None)
    assert builtin_sdks.files
    assert not broken, broken


def _model_classes(module: types.ModuleType) -> dict[str, type[BaseModel]]:
    """The classes `module` declares (not the parametrized bases pydantic registers there, such
    as `RootModel[str]`)."""
    return {
        name: cls
        for name, cls in vars(module).items()
        if isinstance(cls, type) and issubclass(cls, BaseModel) and name.isidentifier()
        if cls.__module__ == module.__name__
    }


def _behaviour(cls: type[BaseModel]) -> tuple[Any, ...]:
    """What a model accepts and how it serializes, as data: both JSON schemas (pydantic derives
    them from the core schema it validates with), its config, and validating an empty object."""
    try:
        outcome: Any = cls.model_validate({}).model_dump(mode="json")
    except ValidationError as err:
        outcome = err.errors(include_url=False)
    config = {k: v for k, v in cls.model_config.items() if k != "defer_build"}
    schemas = [cls.model_json_schema(mode=mode) for mode in ("validation", "serialization")]
    return (*schemas, config, outcome)


@pytest.fixture
def eager_bases() -> Iterator[str]:
    """A module standing in for `trellis_runtime.model` with pydantic's own (eager) bases."""
    module = types.ModuleType("_eager_bases")
    module.TrellisModel = BaseModel  # type: ignore[attr-defined]
    module.TrellisRootModel = RootModel  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    yield module.__name__
    del sys.modules[module.__name__]


def test_deferred_models_behave_like_eagerly_built_ones(
    builtin_sdks: GeneratedSdks, eager_bases: str
) -> None:
    """Each platform model, built on first use, validates and serializes exactly like the same
    class derived from pydantic's bases (as generated before the build was deferred)."""
    for i, files in enumerate(builtin_sdks.files.values()):
        code = next(text for path, text in files.items() if path.endswith("/models.py"))
        assert "from trellis_runtime.model import" in code
        eager_code = code.replace("from trellis_runtime.model import", f"from {eager_bases} import")
        deferred = _model_classes(_import(code, f"_deferred_models_{i}"))
        eager = _model_classes(_import(eager_code, f"_eager_models_{i}"))
        try:
            assert deferred.keys() == eager.keys()
            assert not any(cls.__pydantic_complete__ for cls in deferred.values())
            assert all(cls.__pydantic_complete__ for cls in eager.values())
            for name, cls in deferred.items():
                assert _behaviour(cls) == _behaviour(eager[name]), name
        finally:
            sys.modules.pop(f"_deferred_models_{i}", None)
            sys.modules.pop(f"_eager_models_{i}", None)


def test_a_deferred_model_builds_on_first_use_by_any_route(load_models: Any) -> None:
    """Validation, a `TypeAdapter` (as the runtime's codecs may hold) and `model_rebuild` each
    build the schema; root models and the runtime's event header work inside a deferred one."""
    header = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "time": {"type": "string", "format": "date-time"}},
        "required": ["id", "time"],
    }
    sku = {"type": "string", "minLength": 1}
    sources = [
        ModelSource("Sku", sku),
        ModelSource("Note", {"type": "string"}),
        ModelSource("Opened", _obj({"header": header, "sku": sku})),
    ]
    module = load_models(sources)
    assert issubclass(module.Sku, RootModel) and issubclass(module.Opened, BaseModel)
    assert not any(m.__pydantic_complete__ for m in (module.Sku, module.Note, module.Opened))

    assert module.Note.model_rebuild() is True and module.Note.__pydantic_complete__

    opened = module.Opened(sku="a-1")
    assert isinstance(opened.header, EventHeader)  # defaulted to a fresh runtime header
    assert module.Opened.__pydantic_complete__
    assert module.Opened.model_validate(opened.model_dump(mode="json")) == opened
    with pytest.raises(ValidationError):
        module.Opened(sku="")

    adapter = TypeAdapter(list[module.Sku])
    assert adapter.validate_python(["x"]) == [module.Sku("x")]
    with pytest.raises(ValidationError):
        adapter.validate_python([""])
