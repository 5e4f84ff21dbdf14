"""What service code holds: a ``JobRef`` to a created job, an ``ActiveJob`` inside a handler.

``JobRef[P, R]`` reads the job (``get``), waits for its end (``wait``: the terminal snapshot,
whatever the outcome) and asks for its cancellation (``cancel``: a ``cancelled`` lifecycle event;
a running handler sees it cooperatively, a pending job is never started).

``ActiveJob[P, R]`` is the running job: typed ``payload``, its ``context`` (request and trace
ids), ``progress``/``log`` (lifecycle events, when the queue enables them), ``heartbeat`` (tells
JetStream the work goes on: the ack-wait clock restarts), ``cancelled`` and redelivery facts.
A handler that raises ``RetryJob`` asks for another delivery after the queue's backoff; any
other exception fails the job (as the reference runtime does).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .descriptors import JobDescriptor
from .encoding import encode_json, iso_now
from .errors import ValidationError
from .jobs_model import (
    JobContext,
    JobEventType,
    JobLogEntry,
    JobProgress,
    JobSnapshot,
    JobState,
    LogLevel,
    event,
    typed_snapshot,
)
from .jobs_queues import ResolvedQueue
from .jobs_tracker import Tracked, Tracker
from .jobstream import JobStream, WorkMessage

P = TypeVar("P", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


class RetryJob(Exception):
    """Raised by a job handler: this attempt failed, deliver the job again after the backoff.

    After the queue's ``maxDeliver`` attempts the job goes to the dead letters (``dlq``) with
    this message as its error, or fails when the queue has no dead letters.
    """


@dataclass(frozen=True)
class QueueContext(Generic[P, R]):
    """One queue as the runtime drives it: contract descriptor, names, streams, tracker."""

    desc: JobDescriptor[P, R]
    queue: ResolvedQueue
    js: JobStream
    tracker: Tracker

    async def publish(self, body: dict[str, Any]) -> None:
        subject = self.queue.lifecycle_subject(str(body["jobId"]), str(body["eventType"]))
        headers = JobContext.from_wire(body["context"]).headers()
        await self.js.publish(subject, encode_json(body), headers)


class JobRef(Generic[P, R]):
    """A job of this service's queue: read it, wait for its end, cancel it."""

    def __init__(self, ctx: QueueContext[P, R], tracked: Tracked) -> None:
        self._ctx = ctx
        self._tracked = tracked
        self.id = str(tracked.snapshot["id"])
        self.service = str(tracked.snapshot["service"])
        self.queue = ctx.desc.queue

    def __repr__(self) -> str:
        return f"JobRef({self.queue!r}, {self.id!r})"

    @property
    def tracked(self) -> Tracked:
        """The followed state behind this reference (runtime internals use it)."""
        return self._tracked

    def _typed(self) -> JobSnapshot[P, R]:
        desc = self._ctx.desc
        return typed_snapshot(self._tracked.snapshot, desc.payload, desc.result)

    @property
    def snapshot(self) -> JobSnapshot[P, R]:
        """The latest snapshot seen, without asking the stream."""
        return self._typed()

    async def get(self) -> JobSnapshot[P, R]:
        """The job now: what its lifecycle events said, refreshed with its latest stored event."""
        await self._ctx.tracker.refresh(self._ctx.queue, self._tracked)
        return self._typed()

    async def wait(self, *, timeout: float | None = None) -> JobSnapshot[P, R]:
        """The terminal snapshot (completed, failed, cancelled, expired, dead, dismissed).

        Raises ``TimeoutError`` after ``timeout`` seconds.
        """
        await self._ctx.tracker.watch(self._ctx.queue)
        await self._ctx.tracker.refresh(self._ctx.queue, self._tracked)
        await self._ctx.tracker.until_terminal(self._tracked, timeout)
        return self._typed()

    async def cancel(self) -> JobSnapshot[P, R]:
        """Cancel unless it already ended; returns the snapshot after the request."""
        await self._ctx.tracker.refresh(self._ctx.queue, self._tracked)
        if self._tracked.terminal:
            return self._typed()
        current = self._tracked.snapshot
        body = event(
            current,
            "cancelled",
            "cancelled",
            now=iso_now(),
            previous=str(current["state"]),
            error="cancelled",
        )
        await self._ctx.publish(body)
        self._ctx.tracker.apply(body)
        return self._typed()


class CancelToken:
    """Why a running job should stop: cancelled by request, or the worker host shuts down."""

    def __init__(self) -> None:
        self.reason: str | None = None
        self.event = asyncio.Event()

    def cancel(self) -> None:
        if self.reason != "shutdown":
            self.reason = "job"
            self.event.set()

    def shutdown(self) -> None:
        self.reason = "shutdown"
        self.event.set()

    @property
    def is_shutdown(self) -> bool:
        return self.reason == "shutdown"


class ActiveJob(Generic[P, R]):
    """The running job, as its handler sees it."""

    def __init__(
        self,
        ctx: QueueContext[P, R],
        ref: JobRef[P, R],
        payload: P,
        message: WorkMessage,
        token: CancelToken,
        tries: int,
    ) -> None:
        self._ctx = ctx
        self._message = message
        self._token = token
        snapshot = ref.snapshot
        self.ref = ref
        self.id = ref.id
        self.queue = ref.queue
        self.payload = payload
        self.context: JobContext = snapshot.context
        self.deadline = snapshot.deadline
        self.tries = tries  # deliveries so far, this one included
        self.redelivery_count = message.deliveries - 1

    def __repr__(self) -> str:
        return f"ActiveJob({self.queue!r}, {self.id!r}, tries={self.tries})"

    @property
    def is_redelivery(self) -> bool:
        return self.redelivery_count > 0

    @property
    def cancelled(self) -> bool:
        """True once the job was cancelled, or the service is stopping: wind down and return."""
        return self._token.reason is not None

    async def until_cancelled(self) -> None:
        """Return when ``cancelled`` turns true (for racing against long awaits)."""
        await self._token.event.wait()

    async def heartbeat(self) -> None:
        """Still working: JetStream restarts this delivery's ack-wait clock."""
        await self._message.in_progress()

    async def progress(
        self,
        progress: JobProgress | None = None,
        *,
        step: str | None = None,
        message: str | None = None,
        current: int | None = None,
        total: int | None = None,
    ) -> None:
        """Publish progress (a ``JobProgress``, or its fields as keywords)."""
        if not self._ctx.queue.binding.progress:
            raise self._disabled("progress")
        value = progress or JobProgress(step=step, message=message, current=current, total=total)
        await self._emit("progress", progress=value.to_wire())

    async def log(self, message: str, *, level: LogLevel = "info") -> None:
        if not self._ctx.queue.binding.logs:
            raise self._disabled("logs")
        entry = JobLogEntry(timestamp=iso_now(), level=level, message=message)
        await self._emit("logged", logs=[entry.to_wire()])

    def _disabled(self, feature: str) -> ValidationError:
        return ValidationError.of(
            "#", f"Feature '{feature}' is disabled for queue '{self.queue}'", queue=self.queue
        )

    async def _emit(self, kind: JobEventType, **fields: Any) -> None:
        state: JobState = "active"
        snapshot = {**self.ref.tracked.snapshot, "tries": self.tries}
        body = event(snapshot, kind, state, now=iso_now(), previous=state, **fields)
        await self._ctx.publish(body)
        self._ctx.tracker.apply(body)
