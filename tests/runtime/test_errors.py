"""The Trellis serializable error shape and how callers rebuild errors from it."""

from __future__ import annotations

from pydantic import BaseModel

from trellis_generate.runtime import DeclaredError, RemoteError
from trellis_generate.runtime.errors import error_from_wire


class LimitData(BaseModel):
    limit: int


class LimitExceeded(DeclaredError):
    error_type = "LimitExceededError"
    data_model = LimitData


def test_declared_error_puts_its_fields_beside_the_envelope() -> None:
    err = LimitExceeded("too many", data=LimitData(limit=3), context={"user": "u1"})
    assert err.to_wire() == {
        "type": "LimitExceededError",
        "message": "too many",
        "id": err.id,
        "context": {"user": "u1"},
        "limit": 3,
    }


def test_declared_error_round_trips_through_the_wire() -> None:
    sent = LimitExceeded("too many", data=LimitData(limit=3))
    got = error_from_wire(sent.to_wire(), {"LimitExceededError": LimitExceeded})
    assert isinstance(got, LimitExceeded)
    assert (got.message, got.id, got.data) == ("too many", sent.id, LimitData(limit=3))


def test_unknown_type_becomes_remote_error_keeping_extra_fields() -> None:
    wire = {"type": "OtherError", "message": "m", "id": "e1", "extra": True}
    got = error_from_wire(wire, {"LimitExceededError": LimitExceeded})
    assert isinstance(got, RemoteError)
    assert (got.error_type, got.id, got.fields) == ("OtherError", "e1", {"extra": True})
    assert got.to_wire() == wire


def test_declared_type_whose_fields_do_not_fit_falls_back_to_remote_error() -> None:
    wire = {"type": "LimitExceededError", "message": "m", "id": "e2", "limit": "lots"}
    got = error_from_wire(wire, {"LimitExceededError": LimitExceeded})
    assert type(got) is RemoteError
