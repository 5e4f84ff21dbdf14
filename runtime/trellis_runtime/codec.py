"""Payload models on the wire: validate what leaves, validate what arrives.

Every body is the payload itself as compact JSON, without envelope. Models are dumped by alias
with unset optional fields left out rather than sent as ``null`` (which a JSON Schema without
``null`` in its type would refuse).

Every RPC passes here four times, so the model's own validator and serializer are called
directly: ``model_validate`` / ``model_dump`` are the same calls behind a Python wrapper that
costs more than validating a small payload. Bodies that need no Python view on the way (an RPC's
input with a fixed subject, every reply) take ``outgoing_json`` / ``incoming_json``: pydantic
writes and reads the bytes itself, and a body it refuses goes through ``outgoing`` /
``incoming`` again, so the error a caller sees is the same whichever path met it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .encoding import decode_json, encode_json
from .errors import ValidationError, ValidationIssue

M = TypeVar("M", bound=BaseModel)


def dump(model: BaseModel) -> dict[str, Any]:
    body: dict[str, Any] = model.__pydantic_serializer__.to_python(
        model, mode="json", by_alias=True, exclude_none=True
    )
    return body


def outgoing(model_cls: type[M], value: BaseModel, what: str) -> dict[str, Any]:
    """``value`` as JSON once it is checked to be a valid ``model_cls``.

    Re-validating the dump catches instances built with ``model_construct`` or mutated after
    construction, which pydantic would otherwise let through unchecked.
    """
    if not isinstance(value, model_cls):
        raise ValidationError(
            [ValidationIssue("#", f"expected {model_cls.__name__}, got {type(value).__name__}")],
            context={"what": what},
        )
    body = dump(value)
    try:
        model_cls.__pydantic_validator__.validate_python(body)
    except PydanticValidationError as exc:
        raise ValidationError.from_pydantic(exc, what=what) from None
    return body


def incoming(model_cls: type[M], body: Any, what: str) -> M:
    try:
        model: M = model_cls.__pydantic_validator__.validate_python(body)
    except PydanticValidationError as exc:
        raise ValidationError.from_pydantic(exc, what=what) from None
    return model


def parse_body(data: bytes, what: str) -> Any:
    try:
        return decode_json(data)
    except ValueError as exc:
        raise ValidationError.of("#", str(exc), what=what) from None


def outgoing_json(model_cls: type[M], value: BaseModel, what: str) -> bytes:
    """``encode_json(outgoing(model_cls, value, what))`` without the Python detour.

    The bytes are the same (compact, UTF-8, the dump's key order), except that a float in
    exponent form is spelled as Rust does (``1e16``, ``1.5e-7``) rather than as Python does
    (``1e+16``, ``1.5e-07``): the same number to every JSON reader.
    """
    if isinstance(value, model_cls):
        data: bytes = value.__pydantic_serializer__.to_json(
            value,
            by_alias=True,
            exclude_none=True,
            warnings=False,  # the slow path warns
        )
        try:
            model_cls.__pydantic_validator__.validate_json(data)
        except PydanticValidationError:
            pass  # the slow path below raises the error, as it words it
        else:
            return data
    return encode_json(outgoing(model_cls, value, what))


def incoming_json(model_cls: type[M], data: bytes, what: str) -> M:
    """``incoming(model_cls, parse_body(data, what), what)`` in one pass over the bytes."""
    try:
        model: M = model_cls.__pydantic_validator__.validate_json(data)
    except PydanticValidationError:
        return incoming(model_cls, parse_body(data, what), what)
    return model
