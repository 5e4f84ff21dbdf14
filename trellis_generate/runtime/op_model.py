"""The operation model: snapshots, lifecycle events, and the pure state transitions between them.

Snapshots travel as ``{"id", "service", "operation", "revision", "state", "createdAt",
"updatedAt", "progress"?, "output"?, "error"?}`` and events as ``{"type", "snapshot",
"progress"?, "output"?, "error"?}`` (design-operations §5/§7): a progress event carries its
payload both on the event and on its snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, Literal, TypeVar, cast

from pydantic import BaseModel

from .descriptors import OperationDescriptor
from .wire import incoming

P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

OperationState = Literal["pending", "running", "completed", "failed", "cancelled"]
EventType = Literal["accepted", "started", "progress", "completed", "failed", "cancelled"]
TERMINAL_STATES: frozenset[str] = frozenset({"completed", "failed", "cancelled"})

# which lifecycle event a transition into a state emits
_EVENT_OF_STATE: dict[str, EventType] = {
    "pending": "accepted",
    "running": "started",
    "completed": "completed",
    "failed": "failed",
    "cancelled": "cancelled",
}


@dataclass(frozen=True)
class OperationSnapshot(Generic[P, O]):
    id: str
    operation: str
    revision: int
    state: OperationState
    created_at: str
    updated_at: str
    progress: P | None = None
    output: O | None = None
    error: dict[str, Any] | None = None
    service: str = ""

    @property
    def terminal(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True)
class OperationEvent(Generic[P, O]):
    type: EventType
    snapshot: OperationSnapshot[P, O]
    progress: P | None = None
    output: O | None = None
    error: dict[str, Any] | None = None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def is_terminal(snapshot: dict[str, Any]) -> bool:
    return snapshot.get("state") in TERMINAL_STATES


def initial_snapshot(op_id: str, service: str, operation: str) -> dict[str, Any]:
    at = now_iso()
    return {
        "id": op_id,
        "service": service,
        "operation": operation,
        "revision": 1,
        "state": "pending",
        "createdAt": at,
        "updatedAt": at,
    }


def transition(
    snapshot: dict[str, Any],
    *,
    state: OperationState | None = None,
    progress: dict[str, Any] | None = None,
    output: dict[str, Any] | None = None,
    error: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The next snapshot (revision + 1) and the lifecycle event announcing it.

    Callers have already refused mutations of terminal snapshots; this only builds documents.
    """
    after = {**snapshot, "revision": snapshot["revision"] + 1, "updatedAt": now_iso()}
    event: dict[str, Any] = {}
    if state is not None:
        after["state"] = state
        event["type"] = _EVENT_OF_STATE[state]
    else:
        event["type"] = "progress"
    for key, value in (("progress", progress), ("output", output), ("error", error)):
        if value is not None:
            after[key] = value
            event[key] = value
    event["snapshot"] = after
    return after, event


def snapshot_from_wire(
    desc: OperationDescriptor[Any, P, O], body: dict[str, Any]
) -> OperationSnapshot[P, O]:
    progress = body.get("progress")
    output = body.get("output")
    return OperationSnapshot(
        id=str(body["id"]),
        operation=str(body.get("operation", desc.key)),
        revision=int(body["revision"]),
        state=cast(OperationState, body["state"]),
        created_at=str(body.get("createdAt", "")),
        updated_at=str(body.get("updatedAt", "")),
        progress=(
            incoming(desc.progress, progress, "operation progress")
            if progress is not None and desc.progress is not None
            else None
        ),
        output=incoming(desc.output, output, "operation output") if output is not None else None,
        error=body.get("error"),
        service=str(body.get("service", "")),
    )


def current_state_event(snapshot: OperationSnapshot[P, O]) -> OperationEvent[P, O]:
    """The lifecycle event that would have brought an operation to ``snapshot``'s state."""
    return OperationEvent(
        type=_EVENT_OF_STATE[snapshot.state],
        snapshot=snapshot,
        output=snapshot.output,
        error=snapshot.error,
    )


def event_from_wire(
    desc: OperationDescriptor[Any, P, O], body: dict[str, Any]
) -> OperationEvent[P, O]:
    snapshot = snapshot_from_wire(desc, body["snapshot"])
    return OperationEvent(
        type=cast(EventType, body["type"]),
        snapshot=snapshot,
        progress=snapshot.progress if "progress" in body else None,
        output=snapshot.output if "output" in body else None,
        error=body.get("error"),
    )
