"""Runtime errors and the Trellis serializable error shape they travel as.

On the wire an error is a JSON object ``{"type", "message", "id", "context"?, ...fields}``: the
stable ``type`` selects the class on the caller side, ``id`` correlates logs across services, and
any further keys are the error-specific fields of a declared error.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError

_ENVELOPE_KEYS = frozenset({"type", "message", "id", "context"})


def new_error_id() -> str:
    return uuid.uuid4().hex


class TrellisError(Exception):
    """Base class of every error the runtime raises."""


class RpcTimeout(TrellisError, TimeoutError):
    """No reply arrived within the caller's timeout."""


class NoResponders(TrellisError):
    """Nothing was listening on the subject, so the request could not be delivered."""


class EventSubjectError(TrellisError, ValueError):
    """An event payload (or a subscription filter) cannot be rendered into its subject template."""


class PayloadValidationError(TrellisError, ValueError):
    """A payload failed validation against its descriptor's model (either direction)."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []

    @classmethod
    def from_pydantic(cls, what: str, exc: ValidationError) -> PayloadValidationError:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        return cls(f"invalid {what}: {exc.error_count()} validation error(s)", errors)


class _SerializableError(TrellisError):
    """Shared shape of errors that cross the wire."""

    def __init__(
        self, error_type: str, message: str, id: str | None, context: Mapping[str, Any] | None
    ) -> None:
        super().__init__(f"{error_type}: {message}")
        self.message = message
        self.id = id or new_error_id()
        self.context = dict(context) if context is not None else None

    def _envelope(self, error_type: str) -> dict[str, Any]:
        wire: dict[str, Any] = {"type": error_type, "message": self.message, "id": self.id}
        if self.context is not None:
            wire["context"] = self.context
        return wire


class DeclaredError(_SerializableError):
    """Base of the generated error classes, one per error type a contract declares.

    Subclasses set ``error_type`` (the wire ``type``) and, when the error carries fields beyond
    the envelope, ``data_model`` (a pydantic model of those fields). Service handlers raise them;
    callers catch them, rebuilt from the wire by ``from_wire``.
    """

    error_type: ClassVar[str] = "DeclaredError"
    data_model: ClassVar[type[BaseModel] | None] = None

    def __init__(
        self,
        message: str | None = None,
        *,
        data: BaseModel | None = None,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(self.error_type, message or self.error_type, id, context)
        if data is not None and self.data_model is not None:
            data = self.data_model.model_validate(data.model_dump())
        self.data = data

    def to_wire(self) -> dict[str, Any]:
        wire = self._envelope(self.error_type)
        if self.data is not None:
            fields = self.data.model_dump(mode="json", by_alias=True, exclude_none=True)
            wire.update({k: v for k, v in fields.items() if k not in _ENVELOPE_KEYS})
        return wire

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> DeclaredError:
        """Rebuild from the wire; raises ``pydantic.ValidationError`` if the fields don't fit."""
        data = None
        if cls.data_model is not None:
            fields = {k: v for k, v in wire.items() if k not in _ENVELOPE_KEYS}
            data = cls.data_model.model_validate(fields)
        return cls(
            str(wire.get("message", cls.error_type)),
            data=data,
            id=_opt_str(wire.get("id")),
            context=_opt_dict(wire.get("context")),
        )


class RemoteError(_SerializableError):
    """An error reply whose ``type`` the descriptor does not declare (or whose fields don't fit)."""

    def __init__(
        self,
        error_type: str,
        message: str,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(error_type, message, id, context)
        self.error_type = error_type
        self.fields = dict(fields or {})

    def to_wire(self) -> dict[str, Any]:
        return {**self.fields, **self._envelope(self.error_type)}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> RemoteError:
        return cls(
            str(wire.get("type", "UnknownError")),
            str(wire.get("message", "")),
            id=_opt_str(wire.get("id")),
            context=_opt_dict(wire.get("context")),
            fields={k: v for k, v in wire.items() if k not in _ENVELOPE_KEYS},
        )


class OperationControlError(RemoteError):
    """An operation control request (get, wait, watch, cancel, signal) was refused."""


def error_from_wire(
    wire: Mapping[str, Any],
    declared: Mapping[str, type[DeclaredError]],
    fallback: type[RemoteError] = RemoteError,
) -> TrellisError:
    """The exception a caller raises for an error reply: the declared class, else ``fallback``."""
    cls = declared.get(str(wire.get("type")))
    if cls is not None:
        try:
            return cls.from_wire(wire)
        except ValidationError:
            pass
    return fallback.from_wire(wire)


def validation_error_wire(exc: PayloadValidationError) -> dict[str, Any]:
    """The ``ValidationError`` reply a service sends for a payload that failed validation."""
    return RemoteError("ValidationError", str(exc), context={"errors": exc.errors}).to_wire()


def unexpected_error_wire(
    message: str = "the service failed to handle the request",
) -> dict[str, Any]:
    """What a caller sees for a handler crash: no internals, just an id to find the log line."""
    return RemoteError("UnexpectedError", message).to_wire()


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _opt_dict(value: Any) -> dict[str, Any] | None:
    return dict(value) if isinstance(value, Mapping) else None
