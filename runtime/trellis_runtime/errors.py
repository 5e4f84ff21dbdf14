"""Trellis errors: the exceptions the runtime raises and the error objects that cross the wire.

On the wire an error reply carries the header ``status: error`` and a body
``{"id", "type", "message", "context", "traceId"?, ...fields}``: ``type`` selects the class on
the caller's side, ``id`` (a ULID) correlates logs across services, and the remaining keys are
the fields of that error type (``reason`` of an ``AuthError``, ``issues`` of a
``ValidationError``, the declared data of a contract's own error). The built-in types and their
fields are the reference runtime's; a contract's declared errors are generated subclasses of
``DeclaredError``.

A caller gets every error as an exception: the generated class of a declared error, the
built-in class of a built-in type, else ``RemoteError``. Errors rebuilt from a reply have
``remote = True``; errors the local runtime raised (a timeout, a payload that failed
validation before it was sent) have ``remote = False``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeAlias

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .encoding import ulid

_BASE_KEYS = frozenset({"id", "type", "message", "context", "traceId"})

AuthReason: TypeAlias = Literal[
    "invalid_request",
    "missing_session_key",
    "missing_proof",
    "session_not_found",
    "session_expired",
    "invalid_signature",
    "user_not_found",
    "user_inactive",
    "unknown_device",
    "unknown_service",
    "service_disabled",
    "iat_out_of_range",
    "reply_subject_mismatch",
    "insufficient_permissions",
    "forbidden",
]


class TrellisError(Exception):
    """Base of every error the runtime raises or receives."""

    error_type: ClassVar[str] = "TrellisError"

    def __init__(
        self,
        message: str,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.id = id or ulid()
        self.context: dict[str, Any] = dict(context or {})
        self.trace_id = trace_id
        self.remote = False

    @property
    def type(self) -> str:
        return self.error_type

    def fields(self) -> dict[str, Any]:
        """The type-specific keys of the wire object (beyond id, type, message, context)."""
        return {}

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "message": self.message,
            "context": self.context,
        }
        if self.trace_id is not None:
            wire["traceId"] = self.trace_id
        wire.update(self.fields())
        return wire

    def __str__(self) -> str:
        return f"{self.type}: {self.message}"

    @classmethod
    def _base(cls, wire: Mapping[str, Any]) -> dict[str, Any]:
        context = wire.get("context")
        trace = wire.get("traceId")
        return {
            "id": str(wire["id"]),
            "context": dict(context) if isinstance(context, Mapping) else None,
            "trace_id": trace if isinstance(trace, str) else None,
        }

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> TrellisError | None:
        """Rebuild from a wire object of this type; None when its fields do not fit."""
        return None


class UnexpectedError(TrellisError):
    """Something failed that the caller cannot act on; details stay in the service's log."""

    error_type: ClassVar[str] = "UnexpectedError"
    MESSAGE: ClassVar[str] = "An unexpected error has occurred"

    def __init__(
        self,
        message: str | None = None,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message or self.MESSAGE, id=id, context=context, trace_id=trace_id)

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> UnexpectedError:
        return cls(str(wire["message"]), **cls._base(wire))


class AuthError(TrellisError):
    """The request was not authenticated or not authorized; ``reason`` says which check failed."""

    error_type: ClassVar[str] = "AuthError"

    def __init__(
        self,
        reason: AuthReason | str,
        message: str | None = None,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(
            message or f"Auth failed: {reason}", id=id, context=context, trace_id=trace_id
        )
        self.reason = reason

    def fields(self) -> dict[str, Any]:
        return {"reason": self.reason}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> AuthError | None:
        reason = wire.get("reason")
        if not isinstance(reason, str):
            return None
        return cls(reason, str(wire["message"]), **cls._base(wire))


@dataclass(frozen=True)
class ValidationIssue:
    """One reason a value was refused: where (a JSON pointer, ``#`` for the whole value), why."""

    path: str
    message: str


class ValidationError(TrellisError):
    """A payload did not match its schema (either direction, local or remote).

    Not to be confused with ``pydantic.ValidationError``, which this wraps: ``issues`` lists
    each problem with the JSON pointer of the offending value.
    """

    error_type: ClassVar[str] = "ValidationError"

    def __init__(
        self,
        issues: Iterable[ValidationIssue],
        message: str | None = None,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        self.issues = list(issues)
        text = "\n".join(f"Validation failed. {i.path}: {i.message}." for i in self.issues)
        super().__init__(
            message or text or "Data validation failed.",
            id=id,
            context=context,
            trace_id=trace_id,
        )

    @classmethod
    def of(cls, path: str, message: str, **context: Any) -> ValidationError:
        return cls([ValidationIssue(path, message)], context=context)

    @classmethod
    def from_pydantic(cls, exc: PydanticValidationError, *, what: str = "") -> ValidationError:
        issues = [ValidationIssue(_pointer(e["loc"]), str(e["msg"])) for e in exc.errors()]
        return cls(issues, context={"what": what} if what else None)

    def fields(self) -> dict[str, Any]:
        return {"issues": [{"path": i.path, "message": i.message} for i in self.issues]}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> ValidationError | None:
        raw = wire.get("issues")
        if not isinstance(raw, list):
            return None
        issues = []
        for item in raw:
            if not isinstance(item, Mapping):
                return None
            path, message = item.get("path"), item.get("message")
            if not isinstance(path, str) or not isinstance(message, str):
                return None
            issues.append(ValidationIssue(path, message))
        return cls(issues, str(wire["message"]), **cls._base(wire))


class TransportError(TrellisError):
    """The message could not be delivered or its reply could not be read."""

    error_type: ClassVar[str] = "TransportError"

    def __init__(
        self,
        code: str,
        message: str,
        hint: str = "",
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message, id=id, context=context, trace_id=trace_id)
        self.code = code
        self.hint = hint

    def fields(self) -> dict[str, Any]:
        return {"code": self.code, "hint": self.hint}

    def __str__(self) -> str:
        return f"{self.type} [{self.code}]: {self.message}"

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> TransportError | None:
        code, hint = wire.get("code"), wire.get("hint")
        if not isinstance(code, str) or not isinstance(hint, str):
            return None
        return cls(code, str(wire["message"]), hint, **cls._base(wire))


class NoResponders(TransportError):
    """Nothing listens on the subject (after the reference's retries)."""

    def __init__(self, subject: str, *, retries: int = 0) -> None:
        super().__init__(
            "trellis.request.unavailable",
            "Trellis could not reach the requested capability.",
            "Check that the target service is installed and reachable, then try again.",
            context={"subject": subject, "noResponders": True, "retries": retries},
        )
        self.subject = subject


class RpcTimeout(TransportError, TimeoutError):
    """No reply arrived within the timeout."""

    def __init__(self, subject: str, timeout: float) -> None:
        super().__init__(
            "trellis.request.failed",
            f"Trellis could not complete the request within {timeout:g}s.",
            "Retry the request. If it keeps failing, check Trellis runtime health.",
            context={"subject": subject, "noResponders": False, "timeoutSeconds": timeout},
        )
        self.subject = subject
        self.timeout = timeout


class _OperationScopedError(TrellisError):
    """Shared shape of the errors that name an ``operation`` (KV, store, transfer)."""

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message, id=id, context=context, trace_id=trace_id)
        self.operation = operation

    def fields(self) -> dict[str, Any]:
        return {} if self.operation is None else {"operation": self.operation}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> TrellisError | None:
        operation = wire.get("operation")
        if operation is not None and not isinstance(operation, str):
            return None
        return cls(str(wire["message"]), operation=operation, **cls._base(wire))


class KVError(_OperationScopedError):
    error_type: ClassVar[str] = "KVError"


class StoreError(_OperationScopedError):
    error_type: ClassVar[str] = "StoreError"


class TransferError(_OperationScopedError):
    error_type: ClassVar[str] = "TransferError"


class OperationError(TrellisError):
    """Base of the operation lifecycle errors; each names the operation id it concerns."""

    def __init__(
        self,
        operation_id: str,
        message: str,
        *,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message, id=id, context=context, trace_id=trace_id)
        self.operation_id = operation_id

    def to_wire(self) -> dict[str, Any]:
        # lifecycle errors put their fields between message and context, as the reference does
        wire: dict[str, Any] = {"id": self.id, "type": self.type, "message": self.message}
        wire.update(self.fields())
        wire["context"] = self.context
        if self.trace_id is not None:
            wire["traceId"] = self.trace_id
        return wire


class OperationNotFoundError(OperationError):
    error_type: ClassVar[str] = "OperationNotFoundError"

    def __init__(self, operation_id: str, message: str | None = None, **base: Any) -> None:
        super().__init__(operation_id, message or f"Operation not found: {operation_id}", **base)

    def fields(self) -> dict[str, Any]:
        return {"operationId": self.operation_id}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> OperationNotFoundError | None:
        op_id = wire.get("operationId")
        if not isinstance(op_id, str):
            return None
        return cls(op_id, str(wire["message"]), **cls._base(wire))


class OperationAlreadyTerminalError(OperationError):
    error_type: ClassVar[str] = "OperationAlreadyTerminalError"

    def __init__(
        self,
        operation_id: str,
        message: str | None = None,
        *,
        state: str | None = None,
        operation: str | None = None,
        service: str | None = None,
        **base: Any,
    ) -> None:
        super().__init__(
            operation_id, message or f"Operation already terminal: {operation_id}", **base
        )
        self.state = state
        self.operation = operation
        self.service = service

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"operationId": self.operation_id}
        for key, value in (
            ("state", self.state),
            ("operation", self.operation),
            ("service", self.service),
        ):
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> OperationAlreadyTerminalError | None:
        op_id = wire.get("operationId")
        if not isinstance(op_id, str):
            return None
        return cls(
            op_id,
            str(wire["message"]),
            state=_opt_str(wire.get("state")),
            operation=_opt_str(wire.get("operation")),
            service=_opt_str(wire.get("service")),
            **cls._base(wire),
        )


class OperationMismatchError(OperationError):
    error_type: ClassVar[str] = "OperationMismatchError"

    def __init__(
        self,
        operation_id: str,
        message: str | None = None,
        *,
        expected_service: str,
        expected_operation: str,
        actual_service: str | None = None,
        actual_operation: str | None = None,
        **base: Any,
    ) -> None:
        super().__init__(operation_id, message or f"Operation mismatch: {operation_id}", **base)
        self.expected_service = expected_service
        self.expected_operation = expected_operation
        self.actual_service = actual_service
        self.actual_operation = actual_operation

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "operationId": self.operation_id,
            "expectedService": self.expected_service,
            "expectedOperation": self.expected_operation,
        }
        if self.actual_service is not None:
            out["actualService"] = self.actual_service
        if self.actual_operation is not None:
            out["actualOperation"] = self.actual_operation
        return out

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> OperationMismatchError | None:
        op_id, service, operation = (
            wire.get("operationId"),
            wire.get("expectedService"),
            wire.get("expectedOperation"),
        )
        if not (isinstance(op_id, str) and isinstance(service, str) and isinstance(operation, str)):
            return None
        return cls(
            op_id,
            str(wire["message"]),
            expected_service=service,
            expected_operation=operation,
            actual_service=_opt_str(wire.get("actualService")),
            actual_operation=_opt_str(wire.get("actualOperation")),
            **cls._base(wire),
        )


class DeclaredError(TrellisError):
    """Base of the generated error classes, one per error type a contract declares.

    Subclasses set ``error_type`` (the wire ``type``) and, when the error carries fields beyond
    the base ones, ``data_model`` (a pydantic model of those fields). Service handlers raise
    them; callers catch them, rebuilt from the reply.
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
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message or self.error_type, id=id, context=context, trace_id=trace_id)
        if data is not None and self.data_model is not None:
            data = self.data_model.model_validate(data.model_dump(by_alias=True))
        self.data = data

    def fields(self) -> dict[str, Any]:
        if self.data is None:
            return {}
        values = self.data.model_dump(mode="json", by_alias=True, exclude_none=True)
        return {k: v for k, v in values.items() if k not in _BASE_KEYS}

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> DeclaredError | None:
        data = None
        if cls.data_model is not None:
            try:
                data = cls.data_model.model_validate(
                    {k: v for k, v in wire.items() if k not in _BASE_KEYS}
                )
            except PydanticValidationError:
                return None
        return cls(str(wire["message"]), data=data, **cls._base(wire))


class RemoteError(TrellisError):
    """An error reply of a type the caller does not know (or whose fields do not fit it)."""

    error_type: ClassVar[str] = "RemoteError"

    def __init__(
        self,
        remote_type: str,
        message: str,
        *,
        fields: Mapping[str, Any] | None = None,
        id: str | None = None,
        context: Mapping[str, Any] | None = None,
        trace_id: str | None = None,
    ) -> None:
        super().__init__(message, id=id, context=context, trace_id=trace_id)
        self.remote_type = remote_type
        self.remote_fields = dict(fields or {})

    @property
    def type(self) -> str:
        return self.remote_type

    def fields(self) -> dict[str, Any]:
        return dict(self.remote_fields)

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> RemoteError:
        return cls(
            str(wire["type"]),
            str(wire["message"]),
            fields={k: v for k, v in wire.items() if k not in _BASE_KEYS},
            **cls._base(wire),
        )


BUILTIN_ERRORS: dict[str, type[TrellisError]] = {
    cls.error_type: cls
    for cls in (
        UnexpectedError,
        AuthError,
        ValidationError,
        TransportError,
        KVError,
        StoreError,
        TransferError,
        OperationNotFoundError,
        OperationAlreadyTerminalError,
        OperationMismatchError,
    )
}


def is_error_object(value: Any) -> bool:
    """Whether ``value`` has the base fields every Trellis error object carries."""
    return (
        isinstance(value, Mapping)
        and isinstance(value.get("id"), str)
        and isinstance(value.get("type"), str)
        and isinstance(value.get("message"), str)
        and (value.get("context") is None or isinstance(value.get("context"), Mapping))
    )


def error_from_wire(
    wire: Any, declared: Mapping[str, type[DeclaredError]] | None = None
) -> TrellisError:
    """The exception a caller raises for an error object received from a peer."""
    if not is_error_object(wire):
        error: TrellisError = TransportError(
            "trellis.request.invalid_response",
            "Trellis returned an invalid response.",
            "Retry the request. If it keeps happening, check the capability handling it.",
            context={"body": wire if isinstance(wire, str | int | float | bool) else None},
        )
        return error
    kind = str(wire["type"])
    rebuilt: TrellisError | None = None
    cls = (declared or {}).get(kind) or BUILTIN_ERRORS.get(kind)
    if cls is not None:
        rebuilt = cls.from_wire(wire)
    error = rebuilt if rebuilt is not None else RemoteError.from_wire(wire)
    error.remote = True
    return error


def boundary_error(exc: BaseException, context: Mapping[str, Any]) -> TrellisError:
    """What a handler's failure becomes on the wire, annotated with where it happened.

    Errors of the Trellis vocabulary pass through (a ``RemoteError`` from a downstream call is
    not ours to forward and becomes ``UnexpectedError``); anything else becomes an
    ``UnexpectedError`` carrying no message, stack or type of the Python exception, which stay
    in the service's log.
    """
    if isinstance(exc, TrellisError) and not isinstance(exc, RemoteError):
        error = exc
    else:
        error = UnexpectedError()
    error.context.pop("subject", None)
    error.context.update({k: v for k, v in context.items() if v is not None})
    return error


def _pointer(loc: Sequence[Any]) -> str:
    if not loc:
        return "#"
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
