"""RPC bodies take pydantic's own JSON path (``outgoing_json`` / ``incoming_json``); the general
path (``outgoing`` + ``encode_json``, ``parse_body`` + ``incoming``) stays for everything else.

Both must put the same bytes on the wire and accept, build and refuse exactly the same things,
with the same error a caller sees.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import Field

from trellis_runtime.codec import incoming, incoming_json, outgoing, outgoing_json, parse_body
from trellis_runtime.encoding import encode_json
from trellis_runtime.errors import ValidationError
from trellis_runtime.model import TrellisModel


class Line(TrellisModel):
    sku: str = Field(min_length=1)
    quantity: int = Field(ge=1)


class Order(TrellisModel):
    order_id: str = Field(alias="orderId")
    note: str | None = None
    priority: Literal["low", "high"] = "low"
    lines: list[Line]
    tags: dict[str, str] = {}
    paid: bool = False


texts = st.text(st.characters(exclude_categories=("Cs",)))  # a str UTF-8 can carry
lines = st.builds(Line, sku=texts.filter(bool), quantity=st.integers(1, 2**60))
orders = st.builds(
    Order,
    orderId=texts,
    note=st.none() | texts,
    priority=st.sampled_from(["low", "high"]),
    lines=st.lists(lines, max_size=3),
    tags=st.dictionaries(texts, texts, max_size=3),
    paid=st.booleans(),
)


def general(model: type[Any], value: Any, what: str = "Order") -> bytes:
    return encode_json(outgoing(model, value, what))


def refusal(call: Any) -> tuple[str, list[tuple[str, str]], Any]:
    with pytest.raises(ValidationError) as caught:
        call()
    error = caught.value
    return str(error), [(i.path, i.message) for i in error.issues], error.context


@given(orders)
def test_a_body_is_byte_for_byte_what_the_general_path_writes(order: Order) -> None:
    assert outgoing_json(Order, order, "Order") == general(Order, order)


@given(orders)
def test_a_body_reads_back_as_the_general_path_reads_it(order: Order) -> None:
    data = general(Order, order)
    assert incoming_json(Order, data, "Order") == incoming(
        Order, parse_body(data, "Order"), "Order"
    )


def test_a_float_differs_only_in_how_its_exponent_is_spelled() -> None:
    class Reading(TrellisModel):
        value: float

    for value in (0.5, 1.0, -0.0, 123456789.125, 1e16, 1.5e-7, -2.5e300):
        reading = Reading(value=value)
        fast, slow = outgoing_json(Reading, reading, "x"), general(Reading, reading)
        assert json.loads(fast) == json.loads(slow) == {"value": value}
        if "e" not in repr(value):
            assert fast == slow


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
@pytest.mark.parametrize(
    "broken",
    [
        Order.model_construct(orderId="o-1", lines=[Line.model_construct(sku="", quantity=0)]),
        Order.model_construct(orderId=7, lines=[]),
        Order.model_construct(lines=[]),  # orderId missing
    ],
    ids=["constraints", "wrong type", "missing field"],
)
def test_an_instance_that_skipped_validation_is_refused_with_the_general_paths_error(
    broken: Order,
) -> None:
    assert refusal(lambda: outgoing_json(Order, broken, "Order")) == refusal(
        lambda: general(Order, broken)
    )


def test_a_mutated_instance_is_refused_too() -> None:
    order = Order(orderId="o-1", lines=[Line(sku="a", quantity=1)])
    order.lines[0].quantity = -3
    assert refusal(lambda: outgoing_json(Order, order, "Order")) == refusal(
        lambda: general(Order, order)
    )


def test_an_instance_of_another_model_is_refused_as_before() -> None:
    line = Line(sku="a", quantity=1)
    assert refusal(lambda: outgoing_json(Order, line, "Order")) == refusal(
        lambda: general(Order, line)
    )


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"",
        b'{"orderId": "o-1"}',
        b'{"orderId": "o-1", "lines": [{"sku": "", "quantity": 0}]}',
        b'{"orderId": "o-1", "lines": [], "priority": "urgent"}',
        b"[]",
        b'"\\ud800"',
    ],
)
def test_a_refused_body_gets_the_general_paths_error(data: bytes) -> None:
    assert refusal(lambda: incoming_json(Order, data, "Order")) == refusal(
        lambda: incoming(Order, parse_body(data, "Order"), "Order")
    )


@pytest.mark.parametrize(
    "data",
    [
        b'{"orderId": "\\ud800", "lines": []}',  # a lone surrogate
        '{"orderId": "o-1", "lines": []}'.encode("utf-16"),
    ],
)
def test_a_body_only_json_loads_reads_is_still_accepted(data: bytes) -> None:
    assert incoming_json(Order, data, "Order") == incoming(Order, json.loads(data), "Order")
