"""The caller's handle on an operation: get, wait, watch, cancel, signal via ``<subject>.control``.

Control requests are ``{"action", "operationId", "signal"?, "input"?}``, signed like any
request. The service answers with frames: ``snapshot``, ``event`` (with its ``sequence``),
``signal-accepted``, ``keepalive`` or ``error`` (an error object under ``error``, without the
``status`` header). Callers see typed snapshots, events and errors only.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .codec import outgoing, parse_body
from .descriptors import OperationDescriptor
from .encoding import encode_json
from .errors import TransportError, ValidationError, error_from_wire
from .op_model import (
    OperationEvent,
    OperationSnapshot,
    event_from_snapshot,
    event_from_wire,
    snapshot_from_wire,
)
from .transport import Message

if TYPE_CHECKING:
    from .connection import Connection

P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741


@dataclass(frozen=True)
class SignalReceipt(Generic[P, O]):
    """The service persisted a signal: its sequence among the operation's signals, and when."""

    signal: str
    sequence: int
    accepted_at: str
    snapshot: OperationSnapshot[P, O]


def _frame(message: Message) -> dict[str, Any]:
    """A control frame, or the error it carries raised."""
    from .connection import is_error_reply, reply_error

    if is_error_reply(message):
        raise reply_error(message)
    frame = parse_body(message.data, "operation control frame")
    if not isinstance(frame, dict) or not isinstance(frame.get("kind"), str):
        raise _invalid("trellis.operation.invalid_frame", "an operation control frame")
    if frame["kind"] == "error":
        error = error_from_wire(frame.get("error"))
        raise error
    return frame


def _invalid(code: str, what: str) -> TransportError:
    return TransportError(
        code,
        f"Trellis returned an invalid response: expected {what}.",
        "Retry the operation request. If it keeps failing, reconnect and try again.",
    )


class OperationRef(Generic[P, O]):
    """A started (or resumed-by-id) operation, observed through its durable state."""

    def __init__(
        self,
        connection: Connection,
        desc: OperationDescriptor[Any, P, O],
        operation_id: str,
        service: str = "",
    ) -> None:
        self._connection = connection
        self._desc = desc
        self.id = operation_id
        self.service = service
        self.operation = desc.key

    def __repr__(self) -> str:
        return f"OperationRef({self.operation!r}, id={self.id!r})"

    async def get(self, *, timeout: float | None = None) -> OperationSnapshot[P, O]:
        frame = await self._control({"action": "get"}, timeout)
        return self._snapshot(frame)

    async def wait(self, *, timeout: float | None = None) -> OperationSnapshot[P, O]:
        """The terminal snapshot, however long it takes (or ``timeout`` seconds: ``RpcTimeout``)."""
        frames = self._stream({"action": "wait"}, timeout)
        async with aclosing(frames) as stream:
            async for message in stream:
                frame = _frame(message)
                if frame["kind"] == "snapshot":
                    snapshot = self._snapshot(frame)
                    if snapshot.terminal:
                        return snapshot
        raise _invalid("trellis.operation.watch_closed", "a terminal snapshot")

    async def watch(self, *, timeout: float | None = None) -> AsyncIterator[OperationEvent[P, O]]:
        """Lifecycle events until the terminal one (or ``timeout`` seconds).

        The first event states where the operation is when the watch begins (``accepted`` while
        pending, ``started`` while running, or its terminal event); live events follow, so
        nothing that happens after the first event can be missed.
        """
        frames = self._stream({"action": "watch"}, timeout)
        async with aclosing(frames) as stream:
            async for message in stream:
                frame = _frame(message)
                if frame["kind"] == "snapshot":
                    event = event_from_snapshot(self._snapshot(frame))
                elif frame["kind"] == "event" and isinstance(frame.get("event"), dict):
                    event = event_from_wire(self._desc, frame["event"])
                else:
                    continue  # keepalive, or a frame kind this runtime does not know yet
                yield event
                if event.terminal:
                    return

    async def cancel(self, *, timeout: float | None = None) -> OperationSnapshot[P, O]:
        """Cancel; raises if the operation is not cancelable, not the caller's, or finished."""
        frame = await self._control({"action": "cancel"}, timeout)
        return self._snapshot(frame)

    async def signal(
        self, name: str, input: BaseModel, *, timeout: float | None = None
    ) -> SignalReceipt[P, O]:
        signal = self._desc.signals.get(name)
        if signal is None:
            raise ValidationError.of("/signal", f"Unknown operation signal '{name}'")
        body = outgoing(signal.input, input, f"signal {name!r} input")
        frame = await self._control({"action": "signal", "signal": name, "input": body}, timeout)
        if frame["kind"] != "signal-accepted":
            raise _invalid("trellis.operation.invalid_signal_ack", "a signal-accepted frame")
        return SignalReceipt(
            signal=str(frame["signal"]),
            sequence=int(frame["signalSequence"]),
            accepted_at=str(frame["acceptedAt"]),
            snapshot=snapshot_from_wire(self._desc, frame["snapshot"]),
        )

    def _snapshot(self, frame: dict[str, Any]) -> OperationSnapshot[P, O]:
        if frame["kind"] != "snapshot" or not isinstance(frame.get("snapshot"), dict):
            raise _invalid("trellis.operation.invalid_snapshot", "a snapshot frame")
        return snapshot_from_wire(self._desc, frame["snapshot"])

    def _body(self, request: dict[str, Any]) -> bytes:
        action = request.pop("action")
        return encode_json({"action": action, "operationId": self.id, **request})

    async def _control(self, request: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        reply = await self._connection.request_raw(
            self._desc.control_subject, self._body(request), timeout=timeout
        )
        return _frame(reply)

    def _stream(
        self, request: dict[str, Any], timeout: float | None
    ) -> AsyncGenerator[Message, None]:
        return self._connection.stream_raw(
            self._desc.control_subject,
            self._body(request),
            first_timeout=None,
            timeout=timeout,
        )


__all__ = ["OperationRef", "SignalReceipt"]
