"""Trellis error objects: the reference's wire shapes, and how callers rebuild them."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from trellis_runtime import (
    AuthError,
    DeclaredError,
    OperationAlreadyTerminalError,
    OperationMismatchError,
    OperationNotFoundError,
    RemoteError,
    TransportError,
    UnexpectedError,
    ValidationError,
    ValidationIssue,
)
from trellis_runtime.errors import boundary_error, error_from_wire

ULID = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")


class LimitData(BaseModel):
    limit: int


class LimitExceeded(DeclaredError):
    error_type = "LimitExceededError"
    data_model = LimitData


def test_declared_error_puts_its_fields_after_the_base_fields() -> None:
    err = LimitExceeded("too many", data=LimitData(limit=3), context={"user": "u1"})
    assert list(err.to_wire()) == ["id", "type", "message", "context", "limit"]
    assert err.to_wire()["limit"] == 3
    assert ULID.match(err.id)


def test_declared_error_round_trips_through_the_wire() -> None:
    sent = LimitExceeded("too many", data=LimitData(limit=3))
    got = error_from_wire(sent.to_wire(), {"LimitExceededError": LimitExceeded})
    assert isinstance(got, LimitExceeded) and got.remote
    assert (got.message, got.id, got.data) == ("too many", sent.id, LimitData(limit=3))


def test_auth_error_has_the_reference_shape() -> None:
    err = AuthError("invalid_signature", context={"sessionKey": "k"})
    assert err.to_wire() == {
        "id": err.id,
        "type": "AuthError",
        "message": "Auth failed: invalid_signature",
        "context": {"sessionKey": "k"},
        "reason": "invalid_signature",
    }


def test_validation_error_message_lists_each_issue() -> None:
    err = ValidationError([ValidationIssue("#", "must have required properties text")])
    assert err.message == "Validation failed. #: must have required properties text."
    assert err.to_wire()["issues"] == [
        {"path": "#", "message": "must have required properties text"}
    ]


def test_lifecycle_errors_carry_the_operation_id_before_the_context() -> None:
    err = OperationAlreadyTerminalError("op1", state="completed", operation="A.B", service="s")
    assert list(err.to_wire()) == [
        "id", "type", "message", "operationId", "state", "operation", "service", "context"
    ]  # fmt: skip
    assert err.message == "Operation already terminal: op1"
    mismatch = OperationMismatchError("op1", expected_service="s", expected_operation="A.B")
    assert error_from_wire(mismatch.to_wire()).to_wire() == mismatch.to_wire()
    assert OperationNotFoundError("op2").message == "Operation not found: op2"


@pytest.mark.parametrize(
    "error",
    [
        UnexpectedError(context={"method": "A.B"}),
        AuthError("forbidden", context={"ownerSessionKey": "x"}),
        ValidationError([ValidationIssue("/a", "bad")]),
        TransportError("trellis.request.failed", "m", "h"),
        OperationNotFoundError("o"),
    ],
)
def test_every_built_in_rebuilds_as_its_own_class(error: Exception) -> None:
    wire = error.to_wire()  # type: ignore[attr-defined]
    got = error_from_wire(wire)
    assert type(got) is type(error) and got.remote
    assert got.to_wire() == wire


def test_unknown_type_becomes_remote_error_keeping_extra_fields() -> None:
    wire = {"id": "e1", "type": "OtherError", "message": "m", "context": {}, "extra": True}
    got = error_from_wire(wire, {"LimitExceededError": LimitExceeded})
    assert isinstance(got, RemoteError)
    assert (got.type, got.id, got.remote_fields) == ("OtherError", "e1", {"extra": True})
    assert got.to_wire() == wire


def test_declared_type_whose_fields_do_not_fit_falls_back_to_remote_error() -> None:
    wire = {"id": "e2", "type": "LimitExceededError", "message": "m", "limit": "lots"}
    assert type(error_from_wire(wire, {"LimitExceededError": LimitExceeded})) is RemoteError


def test_a_reply_that_is_no_error_object_is_a_transport_error() -> None:
    got = error_from_wire({"oops": 1})
    assert isinstance(got, TransportError) and got.code == "trellis.request.invalid_response"


def test_a_python_exception_at_the_boundary_leaks_nothing() -> None:
    try:
        raise KeyError("postgres://admin:secret@db/prod")
    except KeyError as exc:
        wire = boundary_error(exc, {"method": "A.B", "requestId": "r1"}).to_wire()
    assert wire["type"] == "UnexpectedError"
    assert wire["message"] == "An unexpected error has occurred"
    assert wire["context"] == {"method": "A.B", "requestId": "r1"}
    assert "secret" not in str(wire) and "KeyError" not in str(wire)


def test_remote_errors_are_not_forwarded_as_if_they_were_ours() -> None:
    downstream = RemoteError("QuotaError", "quota", fields={"limit": 1})
    assert boundary_error(downstream, {}).type == "UnexpectedError"
    own = AuthError("forbidden")
    assert boundary_error(own, {"method": "A.B"}) is own
    assert own.context == {"method": "A.B"}
