"""The operation model: snapshots, lifecycle events and the durable record, as the wire has them.

A snapshot is ``{"id", "service", "operation", "revision", "state", "createdAt", "updatedAt",
"completedAt"?, "progress"?, "transfer"?, "output"?, "error"?}``; a lifecycle event is
``{"type", "snapshot", "progress"?}`` (a ``transfer`` event carries ``"transfer"``: the chunk
just acknowledged, also on the snapshot). The service keeps one record per operation in its KV
bucket: ``{"ownerSessionKey", "sequence", "signalSequence", "signals", "snapshot"}``, where
``sequence`` numbers the lifecycle events (watch frames carry it) and ``signals`` are the
accepted signals, each ``{"operationId", "sequence", "signal", "input"?, "acceptedAt"}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar, cast

from pydantic import BaseModel

from .codec import incoming
from .descriptors import OperationDescriptor
from .encoding import decode_json, encode_json, iso_now
from .errors import TrellisError, error_from_wire

P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

OperationState = Literal["pending", "running", "completed", "failed", "cancelled"]
EventType = Literal[
    "accepted", "started", "transfer", "progress", "completed", "failed", "cancelled"
]
TERMINAL_STATES: frozenset[str] = frozenset({"completed", "failed", "cancelled"})

_EVENT_OF_STATE: dict[str, EventType] = {
    "pending": "accepted",
    "running": "started",
    "completed": "completed",
    "failed": "failed",
    "cancelled": "cancelled",
}


def operations_bucket(service_session_key: str) -> str:
    """The KV bucket of a service's operations: named for its session key, as the reference."""
    return f"trellis_operations_{service_session_key[:16]}"


@dataclass(frozen=True)
class TransferProgress:
    """One acknowledged chunk of a transfer: its index and size, and the bytes so far."""

    chunk_index: int
    chunk_bytes: int
    transferred_bytes: int

    def to_wire(self) -> dict[str, int]:
        return {
            "chunkIndex": self.chunk_index,
            "chunkBytes": self.chunk_bytes,
            "transferredBytes": self.transferred_bytes,
        }

    @classmethod
    def from_wire(cls, body: Any) -> TransferProgress | None:
        if not isinstance(body, dict):
            return None
        try:
            return cls(
                int(body["chunkIndex"]), int(body["chunkBytes"]), int(body["transferredBytes"])
            )
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class OperationSnapshot(Generic[P, O]):
    id: str
    operation: str
    revision: int
    state: OperationState
    created_at: str
    updated_at: str
    service: str = ""
    completed_at: str | None = None
    progress: P | None = None
    output: O | None = None
    error: TrellisError | None = None
    transfer: TransferProgress | None = None  # transfer operations: the last chunk acknowledged

    @property
    def terminal(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True)
class OperationEvent(Generic[P, O]):
    type: EventType
    snapshot: OperationSnapshot[P, O]
    progress: P | None = None
    transfer: TransferProgress | None = None  # set on ``transfer`` events

    @property
    def terminal(self) -> bool:
        return self.snapshot.terminal


def is_terminal(snapshot: dict[str, Any]) -> bool:
    return snapshot.get("state") in TERMINAL_STATES


def initial_snapshot(op_id: str, service: str, operation: str) -> dict[str, Any]:
    at = iso_now()
    return {
        "id": op_id,
        "service": service,
        "operation": operation,
        "revision": 1,
        "state": "pending",
        "createdAt": at,
        "updatedAt": at,
    }


def next_snapshot(
    snapshot: dict[str, Any],
    state: OperationState,
    *,
    progress: Any = None,
    output: Any = None,
    error: dict[str, Any] | None = None,
    transfer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The snapshot after one transition: revision + 1, fields kept unless replaced.

    Key order follows the reference's snapshot builder, so both runtimes store the same JSON.
    """
    at = iso_now()
    after: dict[str, Any] = {
        "id": snapshot["id"],
        "service": snapshot["service"],
        "operation": snapshot["operation"],
        "revision": int(snapshot["revision"]) + 1,
        "state": state,
        "createdAt": snapshot["createdAt"],
        "updatedAt": at,
    }
    if state in TERMINAL_STATES:
        after["completedAt"] = at
    for key, value in (("progress", progress), ("transfer", transfer), ("output", output)):
        current = value if value is not None else snapshot.get(key)
        if current is not None:
            after[key] = current
    chosen_error = error if error is not None else snapshot.get("error")
    if chosen_error is not None:
        after["error"] = chosen_error
    return after


def event_of(
    before: dict[str, Any], after: dict[str, Any], progressed: bool, transferred: bool = False
) -> dict[str, Any]:
    """The lifecycle event announcing ``after``."""
    if transferred:
        return {"type": "transfer", "transfer": after.get("transfer"), "snapshot": after}
    if progressed:
        return {"type": "progress", "snapshot": after, "progress": after.get("progress")}
    if after["state"] == before["state"] == "running":
        return {"type": "started", "snapshot": after}
    return {"type": _EVENT_OF_STATE[after["state"]], "snapshot": after}


@dataclass
class OperationRecord:
    owner_session_key: str
    snapshot: dict[str, Any]
    sequence: int = 0
    signal_sequence: int = 0
    signals: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> bytes:
        return encode_json(
            {
                "ownerSessionKey": self.owner_session_key,
                "sequence": self.sequence,
                "signalSequence": self.signal_sequence,
                "signals": self.signals,
                "snapshot": self.snapshot,
            }
        )

    @classmethod
    def from_json(cls, data: bytes) -> OperationRecord | None:
        """The record, or None for anything that is not one (another writer's key)."""
        try:
            body = decode_json(data)
            snapshot = body["snapshot"]
            if not isinstance(snapshot, dict) or not isinstance(snapshot.get("id"), str):
                return None
            return cls(
                owner_session_key=str(body["ownerSessionKey"]),
                snapshot=snapshot,
                sequence=int(body.get("sequence", 0)),
                signal_sequence=int(body.get("signalSequence", 0) or 0),
                signals=list(body.get("signals") or []),
            )
        except (ValueError, KeyError, TypeError):
            return None

    @property
    def terminal(self) -> bool:
        return is_terminal(self.snapshot)


def snapshot_from_wire(
    desc: OperationDescriptor[Any, P, O], body: dict[str, Any]
) -> OperationSnapshot[P, O]:
    progress = body.get("progress")
    output = body.get("output")
    error = body.get("error")
    return OperationSnapshot(
        id=str(body["id"]),
        operation=str(body.get("operation", desc.key)),
        revision=int(body["revision"]),
        state=cast(OperationState, body["state"]),
        created_at=str(body.get("createdAt", "")),
        updated_at=str(body.get("updatedAt", "")),
        service=str(body.get("service", "")),
        completed_at=body.get("completedAt") if isinstance(body.get("completedAt"), str) else None,
        progress=(
            incoming(desc.progress, progress, f"{desc.key} progress")
            if progress is not None and desc.progress is not None
            else None
        ),
        output=incoming(desc.output, output, f"{desc.key} output") if output is not None else None,
        error=error_from_wire(error) if isinstance(error, dict) else None,
        transfer=TransferProgress.from_wire(body.get("transfer")),
    )


def event_from_snapshot(snapshot: OperationSnapshot[P, O]) -> OperationEvent[P, O]:
    """The lifecycle event that brought an operation to ``snapshot``'s state."""
    return OperationEvent(type=_EVENT_OF_STATE[snapshot.state], snapshot=snapshot)


def event_from_wire(
    desc: OperationDescriptor[Any, P, O], body: dict[str, Any]
) -> OperationEvent[P, O]:
    snapshot = snapshot_from_wire(desc, body["snapshot"])
    kind = cast(EventType, body["type"])
    progress = snapshot.progress
    if kind == "progress" and body.get("progress") is not None and desc.progress is not None:
        progress = incoming(desc.progress, body["progress"], f"{desc.key} progress")
    transfer = None
    if kind == "transfer":
        transfer = TransferProgress.from_wire(body.get("transfer")) or snapshot.transfer
    return OperationEvent(
        type=kind,
        snapshot=snapshot,
        progress=progress if kind == "progress" else None,
        transfer=transfer,
    )
