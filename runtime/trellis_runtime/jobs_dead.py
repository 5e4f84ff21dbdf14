"""Dead letters: jobs whose deliveries ran out become ``dead`` (or ``failed``), with their error.

When a work message exhausts the queue's ``maxDeliver``, JetStream stops delivering it and
publishes a max-deliveries advisory, which the ``JOBS_ADVISORIES`` stream keeps. In a deployment
the Jobs admin runtime consumes those advisories; without one (a local run) the service does it
for its own queues, the same way: read the exhausted work message by sequence, read the job's
latest lifecycle event, and unless the job already ended publish ``dead`` (``dlq`` on) or
``failed`` (``dlq`` off) with the error ``max deliveries exceeded (<n>): <last error>``.
The exhausted work message is then deleted from the work stream (nothing will deliver it again;
a replay publishes a ``retried`` event, which the work stream sources anew).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from .encoding import decode_json, iso_now
from .jobs_handles import QueueContext
from .jobs_model import event, is_terminal, job_from_work_event, parse_event
from .jobs_queues import ADVISORY_STREAM, JOBS_STREAM
from .jobstream import ConsumerSpec, Puller

log = logging.getLogger(__name__)

_ACK_WAIT_MS = 30_000
_MAX_DELIVER = 10


def dead_letter_consumer(ctx: QueueContext[Any, Any]) -> ConsumerSpec:
    return ConsumerSpec(
        stream=ADVISORY_STREAM,
        name=f"{ctx.queue.binding.consumer_name}-dead",
        filter_subject=ctx.queue.advisory_subject,
        ack_wait_ms=_ACK_WAIT_MS,
        max_deliver=_MAX_DELIVER,
    )


class DeadLetters:
    """Maps the advisories of one queue's consumer to ``dead``/``failed`` lifecycle events."""

    def __init__(self, ctx: QueueContext[Any, Any], *, poll: float) -> None:
        self._ctx = ctx
        self._poll = poll
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        spec = dead_letter_consumer(self._ctx)
        await self._ctx.js.ensure_consumer(spec, update=True)
        puller = await self._ctx.js.puller(spec.stream, spec.name)
        self._task = asyncio.get_running_loop().create_task(self._run(puller))

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, puller: Puller) -> None:
        # stop() unsets the task as it cancels it: a pull whose message landed with the
        # cancellation returns it instead (asyncio.wait_for on Python 3.11), and the loop must
        # still end rather than keep stop() waiting
        this = asyncio.current_task()
        try:
            while self._task is this:
                message = await puller.next(self._poll)
                if message is None:
                    continue
                try:
                    await self.handle(decode_json(message.data))
                except Exception:
                    log.exception("dead-letter handling of %s failed", self._ctx.desc.queue)
                    await message.nak(1.0)
                    continue
                await message.ack()
        finally:
            with contextlib.suppress(Exception):
                await puller.close()

    async def handle(self, advisory: dict[str, Any]) -> None:
        queue, js = self._ctx.queue, self._ctx.js
        seq, deliveries = int(advisory["stream_seq"]), int(advisory.get("deliveries") or 0)
        data = await js.get(queue.work_stream, seq)
        body = parse_event(data) if data is not None else None
        job = job_from_work_event(body) if body is not None else None
        if job is None:
            return
        latest_data = await js.last(JOBS_STREAM, queue.job_filter(str(job["id"])))
        latest = parse_event(latest_data) if latest_data is not None else None
        if latest is None or not is_terminal(str(latest["state"])):
            last_error = latest.get("error") if latest is not None else None
            error = f"max deliveries exceeded ({deliveries})"
            if last_error:
                error = f"{error}: {last_error}"
            previous = str(latest["state"]) if latest is not None else str(job["state"])
            tries = int(job["tries"]) + deliveries
            if queue.binding.dlq:
                body = event(
                    job, "dead", "dead", now=iso_now(), tries=tries, previous=previous, error=error
                )
            else:
                body = event(
                    job,
                    "failed",
                    "failed",
                    now=iso_now(),
                    tries=tries,
                    previous=previous,
                    error=error,
                )
            await self._ctx.publish(body)
        await js.delete(queue.work_stream, seq)
