"""Jobs on the wire: lifecycle events, the job snapshot they fold into, and trace context.

A job is the sequence of its lifecycle events on ``trellis.jobs.<service>.<type>.<id>.<event>``
(the ``JOBS`` stream is the source of truth). Each event body is the reference's ``JobEvent``:
``jobId``, ``service``, ``jobType``, ``eventType``, ``state``, ``previousState``, ``context``
(request and W3C trace ids, stable for the job's life), ``tries``, and per event ``payload``
(created/retried), ``result`` (completed), ``error``, ``progress``, ``logs``, ``deadline``.

Everything here is pure: building events, parsing them, and ``apply_event``, the reducer that
turns a snapshot plus an event into the next snapshot, as the reference's lifecycle tracker
does (terminal snapshots never change). Snapshots are kept as wire dicts (the
``trellis.jobs@v1`` ``Job`` shape) and typed into ``JobSnapshot[P, R]`` on the way out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, Literal, TypeAlias, TypeVar, cast, get_args

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from .codec import incoming
from .encoding import decode_json, iso_format, ulid

P = TypeVar("P", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)

JobState: TypeAlias = Literal[
    "pending",
    "active",
    "retry",
    "completed",
    "failed",
    "cancelled",
    "expired",
    "dead",
    "dismissed",
]
JobEventType: TypeAlias = Literal[
    "created",
    "started",
    "retry",
    "progress",
    "logged",
    "completed",
    "failed",
    "cancelled",
    "expired",
    "retried",
    "dead",
    "dismissed",
]
LogLevel: TypeAlias = Literal["info", "warn", "error"]

JOB_STATES: frozenset[str] = frozenset(get_args(JobState))
EVENT_TYPES: frozenset[str] = frozenset(get_args(JobEventType))
TERMINAL_STATES: frozenset[str] = frozenset(
    {"completed", "failed", "cancelled", "expired", "dead", "dismissed"}
)

_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


def is_terminal(state: str) -> bool:
    return state in TERMINAL_STATES


# ----- value types -----------------------------------------------------------------------------


class JobProgress(BaseModel):
    """Structured progress of a running job; every field optional, counts never negative."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    step: str | None = None
    message: str | None = None
    current: int | None = Field(default=None, ge=0)
    total: int | None = Field(default=None, ge=0)

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class JobLogEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    timestamp: str
    level: LogLevel
    message: str

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


@dataclass(frozen=True)
class JobContext:
    """Who asked for the job and its trace: the same on every event of the job's life."""

    request_id: str
    trace_id: str
    traceparent: str
    tracestate: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire = {
            "requestId": self.request_id,
            "traceId": self.trace_id,
            "traceparent": self.traceparent,
        }
        if self.tracestate:
            wire["tracestate"] = self.tracestate
        return wire

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> JobContext:
        tracestate = wire.get("tracestate")
        return cls(
            request_id=str(wire["requestId"]),
            trace_id=str(wire["traceId"]),
            traceparent=str(wire["traceparent"]),
            tracestate=str(tracestate) if tracestate else None,
        )

    def headers(self) -> dict[str, str]:
        """The NATS headers every lifecycle publish carries (the reference's)."""
        headers = {"request-id": self.request_id, "traceparent": self.traceparent}
        if self.tracestate:
            headers["tracestate"] = self.tracestate
        return headers


def _nonzero_hex(nbytes: int) -> str:
    while True:
        value = os.urandom(nbytes).hex()
        if value.strip("0"):
            return value


def new_job_context(traceparent: str | None = None, tracestate: str | None = None) -> JobContext:
    """A job's context: the given W3C trace when it is valid, else a fresh sampled one.

    Jobs are never created without trace context; the request id is a new ULID.
    """
    match = _TRACEPARENT.match(traceparent or "")
    if match is None or not match.group(1).strip("0") or not match.group(2).strip("0"):
        traceparent = f"00-{_nonzero_hex(16)}-{_nonzero_hex(8)}-01"
        tracestate = None
    assert traceparent is not None
    return JobContext(ulid(), traceparent[3:35], traceparent, tracestate or None)


# ----- events ----------------------------------------------------------------------------------


class _EventShape(BaseModel):
    """The fields a lifecycle event must have to be applied (payload/result stay untyped)."""

    model_config = ConfigDict(extra="allow")

    jobId: str = Field(min_length=1)
    service: str = Field(min_length=1)
    jobType: str = Field(min_length=1)
    eventType: JobEventType
    state: JobState
    previousState: JobState | None = None
    context: dict[str, Any]
    tries: int = Field(ge=0)
    timestamp: str


def parse_event(data: bytes) -> dict[str, Any] | None:
    """A lifecycle event body as a dict, or None when it is not one (garbage is ignored)."""
    try:
        raw = decode_json(data)
        _EventShape.model_validate(raw)
        JobContext.from_wire(raw["context"])
    except (ValueError, PydanticValidationError, KeyError, TypeError):
        return None
    return cast(dict[str, Any], raw)


def event(
    job: Mapping[str, Any],
    event_type: JobEventType,
    state: JobState,
    *,
    now: str,
    tries: int | None = None,
    previous: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A lifecycle event of the job snapshot ``job`` (fields that are None are left out)."""
    body: dict[str, Any] = {
        "jobId": job["id"],
        "service": job["service"],
        "jobType": job["type"],
        "eventType": event_type,
        "state": state,
        "previousState": previous,
        "context": job["context"],
        "tries": job["tries"] if tries is None else tries,
    }
    body.update(fields)
    body["timestamp"] = now
    return {k: v for k, v in body.items() if v is not None}


def created(
    *,
    job_id: str,
    service: str,
    job_type: str,
    context: JobContext,
    payload: Any,
    max_tries: int,
    now: str,
    deadline: str | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The seed snapshot of a new job and its ``created`` event (which carries the payload)."""
    job: dict[str, Any] = {
        "id": job_id,
        "service": service,
        "type": job_type,
        "state": "pending",
        "context": context.to_wire(),
        "payload": payload,
        "createdAt": now,
        "updatedAt": now,
        "tries": 0,
        "maxTries": max_tries,
    }
    if deadline is not None:
        job["deadline"] = deadline
    created_event = event(
        job,
        "created",
        "pending",
        now=now,
        maxTries=max_tries,
        payload=payload,
        deadline=deadline,
    )
    return job, created_event


def deadline_after(now: str, deadline_ms: int | None) -> str | None:
    if deadline_ms is None:
        return None
    return iso_format(parse_time(now) + timedelta(milliseconds=deadline_ms))


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def job_from_work_event(event_body: Mapping[str, Any]) -> dict[str, Any] | None:
    """The job a work-queue message stands for: its ``created`` (or ``retried``) event."""
    if event_body.get("eventType") not in ("created", "retried") or "payload" not in event_body:
        return None
    job: dict[str, Any] = {
        "id": event_body["jobId"],
        "service": event_body["service"],
        "type": event_body["jobType"],
        "state": event_body["state"],
        "context": event_body["context"],
        "payload": event_body["payload"],
        "createdAt": event_body["timestamp"],
        "updatedAt": event_body["timestamp"],
        "tries": event_body["tries"],
        "maxTries": event_body.get("maxTries") or 1,
    }
    if event_body.get("deadline") is not None:
        job["deadline"] = event_body["deadline"]
    return job


def apply_event(current: Mapping[str, Any], ev: Mapping[str, Any]) -> dict[str, Any]:
    """The snapshot after ``ev``; events of other jobs and changes after a terminal are ignored."""
    if (ev["service"], ev["jobType"], ev["jobId"]) != (
        current["service"],
        current["type"],
        current["id"],
    ) or is_terminal(str(current["state"])):
        return dict(current)
    nxt: dict[str, Any] = {
        **current,
        "state": ev["state"],
        "updatedAt": ev["timestamp"],
        "tries": ev["tries"],
    }
    if ev.get("maxTries") is not None:
        nxt["maxTries"] = ev["maxTries"]
    if ev.get("deadline") is not None:
        nxt["deadline"] = ev["deadline"]
    kind = ev["eventType"]
    if kind in ("created", "retried") and "payload" in ev:
        nxt["payload"] = ev["payload"]
    elif kind == "started":
        nxt["startedAt"] = ev["timestamp"]
    elif kind == "progress" and ev.get("progress") is not None:
        nxt["progress"] = ev["progress"]
    elif kind == "logged" and ev.get("logs") is not None:
        nxt["logs"] = [*(current.get("logs") or []), *ev["logs"]]
    elif kind == "completed":
        nxt["completedAt"] = ev["timestamp"]
        if "result" in ev:
            nxt["result"] = ev["result"]
    elif kind in ("retry", "failed", "cancelled", "expired", "dead", "dismissed"):
        if ev.get("error") is not None:
            nxt["lastError"] = ev["error"]
    return nxt


# ----- the typed snapshot ------------------------------------------------------------------------


@dataclass(frozen=True)
class JobSnapshot(Generic[P, R]):
    """One job as the stream last told it: state, tries, progress, logs, result or error."""

    id: str
    service: str  # the jobs namespace the deployment gave this service
    type: str  # the queue (job type) key of the contract
    state: JobState
    context: JobContext
    payload: P
    created_at: str
    updated_at: str
    tries: int
    max_tries: int
    result: R | None = None
    started_at: str | None = None
    completed_at: str | None = None
    last_error: str | None = None
    deadline: str | None = None
    progress: JobProgress | None = None
    logs: tuple[JobLogEntry, ...] = ()

    @property
    def terminal(self) -> bool:
        return is_terminal(self.state)


def typed_snapshot(
    wire: Mapping[str, Any], payload_model: type[P], result_model: type[R] | None
) -> JobSnapshot[P, R]:
    """Type a wire snapshot; raises ``ValidationError`` if payload or result do not fit."""
    what = f"job {wire['type']}"
    result: R | None = None
    if result_model is not None and wire.get("result") is not None:
        result = incoming(result_model, wire["result"], f"{what} result")
    progress = wire.get("progress")
    return JobSnapshot(
        id=str(wire["id"]),
        service=str(wire["service"]),
        type=str(wire["type"]),
        state=cast(JobState, wire["state"]),
        context=JobContext.from_wire(wire["context"]),
        payload=incoming(payload_model, wire["payload"], f"{what} payload"),
        created_at=str(wire["createdAt"]),
        updated_at=str(wire["updatedAt"]),
        tries=int(wire["tries"]),
        max_tries=int(wire["maxTries"]),
        result=result,
        started_at=wire.get("startedAt"),
        completed_at=wire.get("completedAt"),
        last_error=wire.get("lastError"),
        deadline=wire.get("deadline"),
        progress=JobProgress.model_validate(progress) if progress is not None else None,
        logs=tuple(JobLogEntry.model_validate(entry) for entry in wire.get("logs") or ()),
    )
