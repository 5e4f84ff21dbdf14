"""Service-private jobs as the Trellis platform runs them: ``service.jobs.<queue>``.

``JobQueue[P, R]`` is one queue of the contract: ``await queue.create(payload)`` publishes the
job's ``created`` event to the ``JOBS`` stream (from where ``JOBS_WORK`` sources it) and returns
a ``JobRef``; ``queue.handle(handler)`` makes this service a worker of the queue from
``Service.start()`` on. ``JobsRuntime`` is the per-service part: queue names (the deployment's
bindings, else local naming, see ``jobs_queues``), the lifecycle tracker, workers, and in a local
run the shared streams, consumers and dead-letter handling a deployment would provide::

    @service.jobs.charge.handle
    async def charge(job: ActiveJob[ChargeJob, ChargeResult]) -> ChargeResult:
        await job.progress(step="capture", current=1, total=2)
        return ChargeResult(...)

    ref = await service.jobs.charge.create(ChargeJob(...))
    done = await ref.wait(timeout=30)          # JobSnapshot: state, result, last_error, ...

Tuning for tests and local runs: ``JobsRuntime.poll`` (seconds a pull request waits),
``heartbeat_interval`` (worker presence), ``dead_letters`` (None: handled here exactly when
there are no bindings).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .codec import outgoing
from .descriptors import JobDescriptor
from .encoding import iso_now, ulid
from .jobs_dead import DeadLetters
from .jobs_handles import JobRef, QueueContext
from .jobs_model import JobContext, created, deadline_after, new_job_context
from .jobs_queues import local_stream_configs, resolve_queue, token
from .jobs_tracker import Tracker
from .jobs_worker import HEARTBEAT_SECONDS, POLL_SECONDS, JobHandler, QueueWorker
from .jobstream import ConsumerSpec, JobStream, jobstream_for

if TYPE_CHECKING:
    from .service import Service

P = TypeVar("P", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


class JobQueue(Generic[P, R]):
    """One job queue of the contract: create jobs, or work them."""

    def __init__(self, runtime: JobsRuntime, desc: JobDescriptor[P, R]) -> None:
        self._runtime = runtime
        self.desc = desc
        self.handler: JobHandler[P, R] | None = None

    @property
    def name(self) -> str:
        return self.desc.queue

    async def create(self, payload: P, *, context: JobContext | None = None) -> JobRef[P, R]:
        """Enqueue a job; returns once the ``JOBS`` stream stored its ``created`` event.

        ``context`` carries an existing trace (``new_job_context(traceparent)``); by default
        the job gets a fresh one.
        """
        body = outgoing(self.desc.payload, payload, f"job {self.desc.queue} payload")
        ctx = await self._runtime.context(self.desc)
        now = iso_now()
        binding = ctx.queue.binding
        job, created_event = created(
            job_id=ulid(),
            service=ctx.queue.namespace,
            job_type=self.desc.queue,
            context=context or new_job_context(),
            payload=body,
            max_tries=binding.max_deliver,
            now=now,
            deadline=deadline_after(now, binding.default_deadline_ms),
        )
        ref = JobRef(ctx, ctx.tracker.follow(job))
        await ctx.publish(created_event)
        return ref

    def handle(self, handler: JobHandler[P, R]) -> JobHandler[P, R]:
        """Work this queue with ``handler`` (also a decorator); before ``Service.start()``."""
        if self.handler is not None:
            raise RuntimeError(f"a handler for job queue '{self.desc.queue}' is already registered")
        if self._runtime.started:
            raise RuntimeError("register job handlers before Service.start()")
        self.handler = handler
        return handler


class JobsRuntime:
    """The jobs of one service: its queues, their tracker and workers."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.poll = POLL_SECONDS
        self.heartbeat_interval = HEARTBEAT_SECONDS
        self.dead_letters: bool | None = None
        self.started = False
        self._queues: dict[str, JobQueue[Any, Any]] = {}
        self._contexts: dict[str, QueueContext[Any, Any]] = {}
        self._lock = asyncio.Lock()
        self._streams_ready = False
        self._js: JobStream | None = None
        self._tracker: Tracker | None = None
        self._workers: list[QueueWorker[Any, Any]] = []
        self._dead: list[DeadLetters] = []

    @property
    def local(self) -> bool:
        """No deployment bound this service: names, streams and consumers are ours to make."""
        return self.service.bindings is None

    @property
    def instance_id(self) -> str:
        return f"{token(self.service.name)}-{self.service.connection.session_key.public[:12]}"

    def queue(self, desc: JobDescriptor[P, R]) -> JobQueue[P, R]:
        existing = self._queues.get(desc.queue)
        if existing is None:
            existing = self._queues[desc.queue] = JobQueue(self, desc)
        queue: JobQueue[P, R] = existing
        return queue

    def _stream(self) -> tuple[JobStream, Tracker]:
        if self._js is None or self._tracker is None:
            transport = self.service.connection.transport
            self._js = jobstream_for(transport)
            self._tracker = Tracker(transport, self._js)
        return self._js, self._tracker

    async def context(self, desc: JobDescriptor[P, R]) -> QueueContext[P, R]:
        """The queue resolved against the bindings (and, locally, its streams in place)."""
        found = self._contexts.get(desc.queue)
        if found is None:
            async with self._lock:
                found = self._contexts.get(desc.queue)
                if found is None:
                    js, tracker = self._stream()
                    resolved = resolve_queue(desc, self.service.name, self.service.bindings)
                    if not resolved.bound and not self._streams_ready:
                        for config in local_stream_configs(resolved.work_stream):
                            await js.ensure_stream(config)
                        self._streams_ready = True
                    found = QueueContext(desc, resolved, js, tracker)
                    self._contexts[desc.queue] = found
        await found.tracker.watch(found.queue)
        ctx: QueueContext[P, R] = found
        return ctx

    async def start(self) -> None:
        self.started = True
        transport = self.service.connection.transport
        for queue in self._queues.values():
            ctx = await self.context(queue.desc)
            binding = ctx.queue.binding
            if queue.handler is None and ctx.queue.bound:
                continue  # a deployment provisions consumers; only workers attach to theirs
            spec = ConsumerSpec(
                stream=ctx.queue.work_stream,
                name=binding.consumer_name,
                filter_subject=binding.work_subject,
                ack_wait_ms=binding.ack_wait_ms,
                max_deliver=binding.max_deliver,
            )
            await ctx.js.ensure_consumer(spec, update=not ctx.queue.bound)
            if queue.handler is None:
                continue
            worker = QueueWorker(
                ctx,
                queue.handler,
                transport,
                instance_id=self.instance_id,
                annotate=self._annotate,
                poll=self.poll,
                heartbeat_interval=self.heartbeat_interval,
            )
            await worker.start()
            self._workers.append(worker)
            handles_dead = self.local if self.dead_letters is None else self.dead_letters
            if handles_dead:
                dead = DeadLetters(ctx, poll=self.poll)
                await dead.start()
                self._dead.append(dead)

    def _annotate(self, request_id: str | None, trace_id: str | None) -> dict[str, Any]:
        return {**self.service.annotation(request_id=request_id), "traceId": trace_id}

    async def stop(self, timeout: float) -> None:
        """Hand running jobs back (they are redelivered), stop workers and the tracker."""
        await asyncio.gather(*(worker.stop(timeout) for worker in self._workers))
        self._workers.clear()
        for dead in self._dead:
            await dead.stop()
        self._dead.clear()
        if self._tracker is not None:
            await self._tracker.close()
