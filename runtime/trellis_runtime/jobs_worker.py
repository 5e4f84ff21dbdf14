"""The worker of one queue: the reference's canonical service-local worker flow.

``concurrency`` loops pull from the queue's durable consumer on the work stream, one message at
a time. For each work message (a job's ``created`` or ``retried`` event):

1. read the job's latest lifecycle event from ``JOBS``; a terminal job is acked unworked (it was
   cancelled before it started, or finished and its ack was lost);
2. a job past its deadline is ``expired`` and acked;
3. publish ``started`` (``tries`` counts deliveries), run the handler with an ``ActiveJob``;
4. by outcome: ``completed`` (result validated) or ``failed`` (the error object, serialized as
   the reference does) and ack, unless the job ended meanwhile (a redelivery finished it while
   this attempt outlived its ack wait: then nothing is published); ``RetryJob`` publishes
   ``retry`` and negatively acks with the queue's backoff for this attempt; a job cancelled
   meanwhile is acked without a further event; a worker stopping (``Service.stop``) negatively
   acks at once so another instance takes the job over, publishing nothing.

A worker killed outright never acks: JetStream redelivers after the queue's ``ackWaitMs``
(``heartbeat`` restarts that clock). Cancellation arrives on ``<publishPrefix>.*.cancelled``.
Workers announce themselves on ``trellis.jobs.workers.<service>.<queue>.<instance>.heartbeat``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .codec import incoming, outgoing
from .encoding import encode_json, iso_now
from .errors import TrellisError, boundary_error
from .jobs_handles import ActiveJob, CancelToken, JobRef, QueueContext, RetryJob
from .jobs_model import event, is_terminal, job_from_work_event, parse_event, parse_time
from .jobs_queues import JOBS_STREAM
from .jobstream import WorkMessage
from .transport import Message, Transport, TransportSubscription

log = logging.getLogger(__name__)

P = TypeVar("P", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)

JobHandler = Callable[[ActiveJob[P, R]], Awaitable[R | None]]
Annotate = Callable[[str | None, str | None], dict[str, Any]]  # (request id, trace id) -> context

POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 30.0
_PENDING_CANCELS = 1024


def retry_delay(backoff_ms: tuple[int, ...], deliveries: int) -> float | None:
    """Seconds before delivery ``deliveries + 1``: the backoff entry of this attempt (the last
    one repeats), or None (at once) without backoff."""
    if not backoff_ms:
        return None
    return backoff_ms[min(deliveries, len(backoff_ms)) - 1] / 1000


class QueueWorker(Generic[P, R]):
    def __init__(
        self,
        ctx: QueueContext[P, R],
        handler: JobHandler[P, R],
        transport: Transport,
        *,
        instance_id: str,
        annotate: Annotate,
        poll: float = POLL_SECONDS,
        heartbeat_interval: float = HEARTBEAT_SECONDS,
    ) -> None:
        self._ctx = ctx
        self._handler = handler
        self._transport = transport
        self._instance_id = instance_id
        self._annotate = annotate
        self._poll = poll
        self._heartbeat_interval = heartbeat_interval
        self._stopping = False
        self._loops: dict[asyncio.Task[None], bool] = {}  # task -> busy with a job
        self._tokens: dict[str, CancelToken] = {}
        self._pending_cancels: dict[str, None] = {}  # insertion-ordered set
        self._cancel_sub: TransportSubscription | None = None
        self._heartbeats: asyncio.Task[None] | None = None

    @property
    def queue(self) -> str:
        return self._ctx.desc.queue

    async def start(self) -> None:
        binding = self._ctx.queue.binding
        if binding.concurrency < 1:
            raise ValueError(f"queue '{self.queue}' has concurrency {binding.concurrency}")
        self._cancel_sub = await self._transport.subscribe(
            self._ctx.queue.cancel_filter, self._on_cancel
        )
        loop = asyncio.get_running_loop()
        for _ in range(binding.concurrency):
            puller = await self._ctx.js.puller(self._ctx.queue.work_stream, binding.consumer_name)
            task = loop.create_task(self._run(puller))
            self._loops[task] = False
        await self._publish_heartbeat()
        self._heartbeats = loop.create_task(self._heartbeat_loop())

    async def stop(self, timeout: float) -> None:
        """Stop pulling; running jobs see ``cancelled`` and get ``timeout`` seconds to return."""
        self._stopping = True
        for token in self._tokens.values():
            token.shutdown()
        for task, busy in self._loops.items():
            if not busy:
                task.cancel()
        if self._heartbeats is not None:
            self._heartbeats.cancel()
        tasks = [*self._loops, *([self._heartbeats] if self._heartbeats else [])]
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
        if self._cancel_sub is not None:
            await self._cancel_sub.unsubscribe()

    # ----- pulling ---------------------------------------------------------------------------

    async def _run(self, puller: Any) -> None:
        task = asyncio.current_task()
        assert task is not None
        try:
            while not self._stopping:
                message = await puller.next(self._poll)
                if message is None:
                    continue
                if self._stopping:
                    await message.nak()
                    return
                self._loops[task] = True
                try:
                    await self._process(message)
                finally:
                    self._loops[task] = False
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("job worker of %s stopped", self.queue)
        finally:
            with contextlib.suppress(Exception):
                await puller.close()

    async def _on_cancel(self, message: Message) -> None:
        body = parse_event(message.data)
        if body is None or body["eventType"] != "cancelled":
            return
        token = self._tokens.get(str(body["jobId"]))
        if token is not None:
            token.cancel()
            return
        # a cancel may overtake the job's delivery; remember the latest few (the latest-event
        # check before every job catches the rest)
        self._pending_cancels[str(body["jobId"])] = None
        while len(self._pending_cancels) > _PENDING_CANCELS:
            del self._pending_cancels[next(iter(self._pending_cancels))]

    # ----- one work message ------------------------------------------------------------------

    async def _latest(self, job_id: str) -> dict[str, Any] | None:
        data = await self._ctx.js.last(JOBS_STREAM, self._ctx.queue.job_filter(job_id))
        return parse_event(data) if data is not None else None

    async def _process(self, message: WorkMessage) -> None:
        body = parse_event(message.data)
        job = job_from_work_event(body) if body is not None else None
        if job is None:  # not a work item: nothing will ever make it one
            await message.ack()
            return
        job_id = str(job["id"])
        latest = await self._latest(job_id)
        if latest is not None and is_terminal(str(latest["state"])):
            self._pending_cancels.pop(job_id, None)
            await message.ack()
            return
        previous = str(latest["state"]) if latest is not None else str(job["state"])
        deadline = job.get("deadline")
        if deadline is not None and parse_time(str(deadline)) <= datetime.now(UTC):
            expired = event(
                job,
                "expired",
                "expired",
                now=iso_now(),
                previous=previous,
                error="job exceeded deadline",
            )
            await self._ctx.publish(expired)
            await message.ack()
            return

        tries = int(job["tries"]) + message.deliveries
        token = CancelToken()
        if self._pending_cancels.pop(job_id, "absent") is None:
            token.cancel()
        self._tokens[job_id] = token
        try:
            outcome = await self._attempt(job, previous, tries, message, token)
        finally:
            self._tokens.pop(job_id, None)
        if outcome == "retry":
            await message.nak(retry_delay(self._ctx.queue.binding.backoff_ms, message.deliveries))
        elif outcome == "interrupted":
            await message.nak()
        else:
            await message.ack()

    async def _attempt(
        self,
        job: dict[str, Any],
        previous: str,
        tries: int,
        message: WorkMessage,
        token: CancelToken,
    ) -> str:
        """Run the handler once; publishes what the outcome needs and names it."""
        ctx, desc = self._ctx, self._ctx.desc
        started = event(job, "started", "active", now=iso_now(), tries=tries, previous=previous)
        await ctx.publish(started)
        running = {**job, "state": "active", "tries": tries, "startedAt": started["timestamp"]}
        ref = JobRef(ctx, ctx.tracker.follow(running))
        ctx.tracker.apply(started)  # in publishing order: later local events must not pass it
        try:
            try:
                payload = incoming(desc.payload, job["payload"], f"job {desc.queue} payload")
            except TrellisError as exc:
                await self._fail(running, exc, handler_failed=False)
                return "failed"
            active = ActiveJob(ctx, ref, payload, message, token, tries)
            result = await self._handler(active)
            if token.reason is not None:
                return "interrupted" if token.is_shutdown else "cancelled"
            body: Any = None
            if desc.result is not None and result is not None:
                body = outgoing(desc.result, result, f"job {desc.queue} result")
            if await self._superseded(str(job["id"])):
                return "superseded"
            completed = event(
                running, "completed", "completed", now=iso_now(), previous="active", result=body
            )
            await ctx.publish(completed)
            ctx.tracker.apply(completed)
            return "completed"
        except asyncio.CancelledError:
            return "interrupted"  # the worker host is stopping and ran out of patience
        except RetryJob as exc:
            if token.reason is not None:
                return "interrupted" if token.is_shutdown else "cancelled"
            retry = event(
                running,
                "retry",
                "retry",
                now=iso_now(),
                previous="active",
                error=str(exc) or "retry requested",
            )
            await ctx.publish(retry)
            ctx.tracker.apply(retry)
            return "retry"
        except Exception as exc:
            if token.reason is not None:
                return "interrupted" if token.is_shutdown else "cancelled"
            if await self._superseded(str(job["id"])):
                return "superseded"
            await self._fail(running, exc, handler_failed=True)
            return "failed"

    async def _superseded(self, job_id: str) -> bool:
        """Whether the job ended meanwhile (another delivery finished it: this one outlived its
        ack wait), so this late attempt must not end it a second time."""
        latest = await self._latest(job_id)
        return latest is not None and is_terminal(str(latest["state"]))

    async def _fail(
        self, running: Mapping[str, Any], exc: BaseException, *, handler_failed: bool
    ) -> None:
        if handler_failed and not isinstance(exc, TrellisError):
            log.error("job %s of %s failed", running["id"], self.queue, exc_info=exc)
        context = running["context"]
        error = boundary_error(
            exc, self._annotate(context.get("requestId"), context.get("traceId"))
        )
        error.context["jobType"] = self.queue
        failed = event(
            running,
            "failed",
            "failed",
            now=iso_now(),
            previous="active",
            error=encode_json(error.to_wire()).decode(),
        )
        await self._ctx.publish(failed)
        self._ctx.tracker.apply(failed)

    # ----- presence --------------------------------------------------------------------------

    async def _publish_heartbeat(self) -> None:
        q = self._ctx.queue
        beat = {
            "service": q.namespace,
            "jobType": q.queue,
            "instanceId": self._instance_id,
            "concurrency": q.binding.concurrency,
            "timestamp": iso_now(),
        }
        await self._ctx.js.publish(q.worker_heartbeat_subject(self._instance_id), encode_json(beat))

    async def _heartbeat_loop(self) -> None:
        while not self._stopping:
            await asyncio.sleep(self._heartbeat_interval)
            try:
                await self._publish_heartbeat()
            except Exception:
                log.warning("worker heartbeat of %s failed", self.queue, exc_info=True)
