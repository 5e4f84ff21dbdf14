"""The caller's handle on an operation: get, wait, watch, cancel, signal via ``<subject>.control``.

The control envelopes and frames of design-operations §7b/§7c stay inside this module; callers
see typed snapshots and events only.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .descriptors import OperationDescriptor
from .errors import OperationControlError, PayloadValidationError
from .op_model import (
    OperationEvent,
    OperationSnapshot,
    current_state_event,
    event_from_wire,
    is_terminal,
    snapshot_from_wire,
)
from .streams import stream_frames
from .transport import Transport
from .wire import decode, encode, outgoing

P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

DEFAULT_CONTROL_TIMEOUT = 5.0


@dataclass(frozen=True)
class SignalReceipt(Generic[P, O]):
    """The service persisted a signal: its private sequence and the current snapshot."""

    signal: str
    sequence: int
    accepted_at: str
    snapshot: OperationSnapshot[P, O]


class OperationRef(Generic[P, O]):
    """A started (or resumed-by-id) operation, observed through its durable state."""

    def __init__(
        self,
        transport: Transport,
        desc: OperationDescriptor[Any, P, O],
        operation_id: str,
        service: str = "",
    ) -> None:
        self._transport = transport
        self._desc = desc
        self.id = operation_id
        self.service = service
        self.operation = desc.key

    def __repr__(self) -> str:
        return f"OperationRef({self.operation!r}, id={self.id!r})"

    async def get(self, *, timeout: float = DEFAULT_CONTROL_TIMEOUT) -> OperationSnapshot[P, O]:
        frame = await self._control({"action": "get"}, timeout)
        return snapshot_from_wire(self._desc, _expect(frame, "snapshot")["snapshot"])

    async def wait(self, *, timeout: float | None = None) -> OperationSnapshot[P, O]:
        """The terminal snapshot, however long it takes (or ``timeout`` seconds, ``RpcTimeout``)."""
        async with aclosing(self._stream({"action": "wait"}, timeout)) as frames:
            async for frame in frames:
                if frame["kind"] == "snapshot" and is_terminal(frame["snapshot"]):
                    return snapshot_from_wire(self._desc, frame["snapshot"])
        raise OperationControlError(
            "ProtocolError", "wait stream ended without a terminal snapshot"
        )

    async def watch(self, *, timeout: float | None = None) -> AsyncIterator[OperationEvent[P, O]]:
        """Lifecycle events until the terminal one (or ``timeout`` seconds).

        The first event states where the operation is when the watch begins (``accepted`` while
        pending, ``started`` while running, or its terminal event), built from the service's
        initial snapshot frame; live events follow. So once the first event is in hand, nothing
        that happens afterwards can be missed.
        """
        async with aclosing(self._stream({"action": "watch"}, timeout)) as frames:
            async for frame in frames:
                if frame["kind"] == "snapshot":
                    event = current_state_event(snapshot_from_wire(self._desc, frame["snapshot"]))
                elif frame["kind"] == "event":
                    event = event_from_wire(self._desc, frame["event"])
                else:
                    continue
                yield event
                if event.snapshot.terminal:
                    return

    async def cancel(self, *, timeout: float = DEFAULT_CONTROL_TIMEOUT) -> OperationSnapshot[P, O]:
        """Cancel; raises ``OperationControlError`` if the operation is not cancelable or done."""
        frame = await self._control({"action": "cancel"}, timeout)
        return snapshot_from_wire(self._desc, _expect(frame, "snapshot")["snapshot"])

    async def signal(
        self, name: str, input: BaseModel, *, timeout: float = DEFAULT_CONTROL_TIMEOUT
    ) -> SignalReceipt[P, O]:
        signal = self._desc.signals.get(name)
        if signal is None:
            raise PayloadValidationError(f"operation {self.operation} declares no signal {name!r}")
        body = outgoing(signal.input, input, f"signal {name!r} input")
        frame = await self._control({"action": "signal", "signal": name, "input": body}, timeout)
        accepted = _expect(frame, "signal-accepted")
        return SignalReceipt(
            signal=str(accepted["signal"]),
            sequence=int(accepted["signalSequence"]),
            accepted_at=str(accepted["acceptedAt"]),
            snapshot=snapshot_from_wire(self._desc, accepted["snapshot"]),
        )

    async def _control(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        body = encode({**request, "operationId": self.id})
        reply = await self._transport.request(self._desc.control_subject, body, timeout=timeout)
        frame = decode(reply.data)
        if not isinstance(frame, dict):
            raise OperationControlError("ProtocolError", "control reply is not a frame")
        return frame

    def _stream(
        self, request: dict[str, Any], timeout: float | None
    ) -> AsyncGenerator[dict[str, Any], None]:
        body = encode({**request, "operationId": self.id})
        return _checked(
            stream_frames(self._transport, self._desc.control_subject, body, timeout=timeout)
        )


async def _checked(
    frames: AsyncGenerator[dict[str, Any], None],
) -> AsyncGenerator[dict[str, Any], None]:
    """Turn error frames into ``OperationControlError``."""
    async with aclosing(frames) as stream:
        async for frame in stream:
            _expect(frame, frame.get("kind", ""))
            yield frame


def _expect(frame: dict[str, Any], kind: str) -> dict[str, Any]:
    if frame.get("kind") == "error":
        raise OperationControlError.from_wire(frame.get("error") or {})
    if frame.get("kind") != kind:
        raise OperationControlError("ProtocolError", f"expected a {kind!r} frame, got {frame!r}")
    return frame
