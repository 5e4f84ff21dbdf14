"""Jobs as the platform runs them, over the in-memory transport and a real nats-server.

Every test works a queue of its own service name (so its own subjects and consumer on the
session's nats-server, where the shared JOBS / JOBS_WORK / JOBS_ADVISORIES streams live), with
short ack waits and backoffs so retries, redeliveries and dead letters happen in milliseconds.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from pydantic import BaseModel

from trellis_runtime import (
    ActiveJob,
    ActiveOperation,
    Deferred,
    JobDescriptor,
    JobRef,
    OperationDescriptor,
    RetryJob,
    Service,
    TransportError,
    UnexpectedError,
    ValidationError,
    new_job_context,
)
from trellis_runtime.bindings import Bindings
from trellis_runtime.encoding import decode_json, encode_json
from trellis_runtime.jobs_model import event as job_event
from trellis_runtime.jobs_queues import (
    ADVISORY_STREAM,
    JOBS_STREAM,
    WORK_STREAM,
    binding_to_wire,
    local_binding,
    local_stream_configs,
)
from trellis_runtime.jobstream import ConsumerSpec, jobstream_for
from trellis_runtime.transport import Message

from .network import Network

STEP = 10.0  # upper bound for any awaited step; real runs take milliseconds
_names = itertools.count()


class Doc(BaseModel):
    documentId: str
    wait: bool = False


class Processed(BaseModel):
    documentId: str
    processedBy: str
    requestId: str | None = None
    traceId: str | None = None


def queue(**settings: Any) -> JobDescriptor[Doc, Processed]:
    base: JobDescriptor[Doc, Processed] = JobDescriptor(
        queue="process",
        payload=Doc,
        result=Processed,
        service="test.jobs@v1",
        ack_wait_ms=2_000,
        backoff_ms=(50,),
        payload_schema="Doc",
        result_schema="Processed",
    )
    return replace(base, **settings)


PROCESS = queue()

Handler = Callable[[ActiveJob[Doc, Processed]], Awaitable[Processed | None]]


@dataclass
class Jobs:
    """Services of one name on the network under test, and every lifecycle event they publish."""

    net: Network
    name: str
    services: list[Service] = field(default_factory=list)
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def service(self, handlers: dict[str, tuple[JobDescriptor[Any, Any], Handler]] | None = None,
                      *, bindings: Bindings | None = None, start: bool = True) -> Service:  # fmt: skip
        svc = Service(
            await self.net.connect(),
            name=self.name,
            contract_id="test.jobs@v1",
            contract_digest="d",
        )
        svc.bindings = bindings
        svc.jobs_runtime.poll = 0.5
        for desc, handler in (handlers or {}).values():
            svc.handle_job(desc, handler)
        if start:
            await svc.start()
        self.services.append(svc)
        return svc

    async def record(self, prefix: str) -> None:
        conn = await self.net.connect()

        async def on_event(message: Message) -> None:
            self.events.append((message.subject, decode_json(message.data)))

        await conn.transport.subscribe(f"{prefix}.>", on_event)
        await conn.transport.flush()

    def kinds(self, job_id: str) -> list[str]:
        return [body["eventType"] for _, body in self.events if body.get("jobId") == job_id]


@pytest.fixture
async def jobs(network: Network) -> AsyncIterator[Jobs]:
    jobs = Jobs(network, f"jobs{next(_names)}-{time.monotonic_ns() % 10**8}")
    await jobs.record(f"trellis.jobs.{jobs.name}")
    try:
        yield jobs
    finally:
        for svc in jobs.services:
            await svc.stop(timeout=2)


async def eventually(condition: Callable[[], bool], timeout: float = STEP) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def processed(by: str) -> Handler:
    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        return Processed(documentId=job.payload.documentId, processedBy=by)

    return handle


# ----- the happy path, and what travels on the wire ---------------------------------------------


async def test_a_created_job_is_worked_and_its_ref_waits_for_the_typed_result(jobs: Jobs) -> None:
    seen: list[tuple[int, int, bool]] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        seen.append((job.tries, job.redelivery_count, job.is_redelivery))
        await job.progress(step="process", current=1, total=2, message="halfway")
        await job.log("processed", level="warn")
        await job.heartbeat()
        ctx = job.context
        return Processed(
            documentId=job.payload.documentId,
            processedBy="py",
            requestId=ctx.request_id,
            traceId=ctx.trace_id,
        )

    svc = await jobs.service({"p": (PROCESS, handle)})
    ref = await svc.job_queue(PROCESS).create(Doc(documentId="d-1"))
    assert isinstance(ref, JobRef) and ref.queue == "process" and ref.service == jobs.name
    done = await ref.wait(timeout=STEP)

    assert done.state == "completed" and done.terminal
    assert done.result == Processed(
        documentId="d-1",
        processedBy="py",
        requestId=done.context.request_id,
        traceId=done.context.trace_id,
    )
    assert done.payload == Doc(documentId="d-1")
    assert (done.tries, done.max_tries, seen) == (1, PROCESS.max_deliver, [(1, 0, False)])
    assert done.progress is not None and (done.progress.current, done.progress.total) == (1, 2)
    assert [(log.level, log.message) for log in done.logs] == [("warn", "processed")]
    assert done.started_at and done.completed_at and done.deadline is None
    await eventually(lambda: "completed" in jobs.kinds(ref.id))
    assert jobs.kinds(ref.id) == ["created", "started", "progress", "logged", "completed"]


async def test_lifecycle_events_use_the_reference_subjects_bodies_and_headers(
    jobs: Jobs, network: Network
) -> None:
    svc = await jobs.service({"p": (PROCESS, processed("py"))})
    trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    ref = await svc.job_queue(PROCESS).create(
        Doc(documentId="d-2"), context=new_job_context(trace, "vendor=x")
    )
    await ref.wait(timeout=STEP)
    await eventually(lambda: "completed" in jobs.kinds(ref.id))
    prefix = f"trellis.jobs.{jobs.name}.process.{ref.id}"
    subjects = [s for s, body in jobs.events if body.get("jobId") == ref.id]
    assert subjects == [f"{prefix}.{kind}" for kind in jobs.kinds(ref.id)]

    created = next(b for s, b in jobs.events if s == f"{prefix}.created")
    assert created["payload"] == {"documentId": "d-2", "wait": False}
    assert (created["service"], created["jobType"], created["state"]) == (
        jobs.name,
        "process",
        "pending",
    )
    assert (created["tries"], created["maxTries"]) == (0, 5)
    assert created["context"]["traceparent"] == trace
    assert created["context"]["traceId"] == trace[3:35]
    assert created["context"]["tracestate"] == "vendor=x"
    started = next(b for s, b in jobs.events if s == f"{prefix}.started")
    assert (started["state"], started["previousState"], started["tries"]) == (
        "active",
        "pending",
        1,
    )

    # the created event is what the work queue holds, under the transformed work subject
    js = jobstream_for(svc.connection.transport)
    stored = await js.last(JOBS_STREAM, f"{prefix}.created")
    assert stored is not None and decode_json(stored) == created
    latest = await js.last(JOBS_STREAM, f"{prefix}.*")
    assert latest is not None and decode_json(latest)["eventType"] == "completed"
    heartbeats = [s for s, _ in jobs.events if s.startswith("trellis.jobs.workers.")]
    assert heartbeats == []  # worker presence is a sibling family: trellis.jobs.workers.<svc>...


async def test_work_messages_carry_headers_and_workers_announce_themselves(
    jobs: Jobs, network: Network
) -> None:
    conn = await network.connect()
    headers: list[dict[str, str]] = []
    beats: list[dict[str, Any]] = []

    async def on_created(message: Message) -> None:
        headers.append(dict(message.headers))

    async def on_beat(message: Message) -> None:
        beats.append(decode_json(message.data) | {"subject": message.subject})

    await conn.transport.subscribe(f"trellis.jobs.{jobs.name}.*.*.created", on_created)
    await conn.transport.subscribe(f"trellis.jobs.workers.{jobs.name}.>", on_beat)
    await conn.transport.flush()
    svc = await jobs.service({"p": (replace(PROCESS, concurrency=2), processed("py"))})
    ref = await svc.job_queue(PROCESS).create(Doc(documentId="d-3"))
    done = await ref.wait(timeout=STEP)
    await eventually(lambda: bool(headers) and bool(beats))
    lowered = {k.lower(): v for k, v in headers[0].items()}
    assert lowered["request-id"] == done.context.request_id
    assert lowered["traceparent"] == done.context.traceparent
    beat = beats[0]
    instance = svc.jobs_runtime.instance_id
    assert beat["subject"] == f"trellis.jobs.workers.{jobs.name}.process.{instance}.heartbeat"
    assert (beat["service"], beat["jobType"], beat["concurrency"]) == (jobs.name, "process", 2)


# ----- failure, retry, dead letters ----------------------------------------------------------------


async def test_a_raising_handler_fails_the_job_with_its_error_object_and_no_retry(
    jobs: Jobs,
) -> None:
    calls: list[int] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        calls.append(job.tries)
        if job.payload.documentId == "declared":
            raise ValidationError.of("/documentId", "not this one")
        raise ZeroDivisionError("secret detail")

    svc = await jobs.service({"p": (PROCESS, handle)})
    crashed = await (await svc.create_job(PROCESS, Doc(documentId="x"))).wait(timeout=STEP)
    refused = await (await svc.create_job(PROCESS, Doc(documentId="declared"))).wait(timeout=STEP)
    assert crashed.state == "failed" and refused.state == "failed" and calls == [1, 1]
    assert crashed.last_error is not None and "secret" not in crashed.last_error
    error = decode_json(crashed.last_error.encode())
    assert error["type"] == "UnexpectedError"
    assert error["context"]["jobType"] == "process"
    assert error["context"]["service"] == jobs.name
    assert error["context"]["requestId"] == crashed.context.request_id
    assert error["context"]["traceId"] == crashed.context.trace_id
    declared = decode_json((refused.last_error or "").encode())
    assert declared["type"] == "ValidationError"
    assert declared["issues"] == [{"path": "/documentId", "message": "not this one"}]


async def test_a_job_that_keeps_failing_is_retried_with_backoff_then_dead_lettered(
    jobs: Jobs, network: Network
) -> None:
    attempts: list[float] = []
    desc = queue(max_deliver=3, backoff_ms=(150, 300))

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        attempts.append(time.monotonic())
        raise RetryJob(f"upstream busy (try {job.tries})")

    svc = await jobs.service({"p": (desc, handle)})
    ref = await svc.create_job(desc, Doc(documentId="d-dead"))
    dead = await ref.wait(timeout=STEP)

    assert dead.state == "dead" and dead.tries == 3 and len(attempts) == 3
    assert dead.last_error == "max deliveries exceeded (3): upstream busy (try 3)"
    gaps = [b - a for a, b in itertools.pairwise(attempts)]
    assert gaps[0] >= 0.14 and gaps[1] >= 0.29  # the backoff of each attempt, the last repeating
    await eventually(lambda: "dead" in jobs.kinds(ref.id))
    assert jobs.kinds(ref.id) == [
        "created", "started", "retry", "started", "retry", "started", "retry", "dead",
    ]  # fmt: skip
    retries = [b["error"] for _, b in jobs.events if b.get("eventType") == "retry"]
    assert retries == [f"upstream busy (try {n})" for n in (1, 2, 3)]
    # the exhausted message left the work queue; the advisory stays in JOBS_ADVISORIES
    js = jobstream_for(svc.connection.transport)
    async with asyncio.timeout(STEP):
        while await js.last(WORK_STREAM, f"trellis.work.{jobs.name}.process") is not None:
            await asyncio.sleep(0.02)
    advisory = await js.last(
        ADVISORY_STREAM,
        f"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{WORK_STREAM}.{jobs.name}-process",
    )
    assert advisory is not None and decode_json(advisory)["deliveries"] == 3


async def test_without_dead_letters_an_exhausted_job_fails_with_its_error(jobs: Jobs) -> None:
    desc = queue(max_deliver=2, backoff_ms=(), dlq=False)

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        raise RetryJob("still broken")

    svc = await jobs.service({"p": (desc, handle)})
    done = await (await svc.create_job(desc, Doc(documentId="d"))).wait(timeout=STEP)
    assert (done.state, done.tries) == ("failed", 2)
    assert done.last_error == "max deliveries exceeded (2): still broken"


async def test_a_payload_that_does_not_fit_fails_at_once(jobs: Jobs) -> None:
    """Poison work is failed without running the handler, never redelivered."""
    calls: list[str] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        calls.append(job.id)
        return Processed(documentId=job.payload.documentId, processedBy="py")

    svc = await jobs.service({"p": (PROCESS, handle)})
    ref = await svc.create_job(PROCESS, Doc(documentId="good"))
    await ref.wait(timeout=STEP)  # the queue works; now a foreign writer sends garbage
    bogus = {
        **ref.tracked.snapshot,
        "id": "01JBOGUS0000000000000000AA",
        "state": "pending",
        "tries": 0,
        "payload": {"documentId": 7},
    }
    body = job_event(bogus, "created", "pending", now=bogus["createdAt"], payload=bogus["payload"])
    js = jobstream_for(svc.connection.transport)
    await js.publish(f"trellis.jobs.{jobs.name}.process.{bogus['id']}.created", encode_json(body))
    await eventually(lambda: "failed" in jobs.kinds(bogus["id"]))
    failed = next(b for _, b in jobs.events if b.get("jobId") == bogus["id"] and "error" in b)
    assert decode_json(failed["error"].encode())["type"] == "ValidationError"
    assert calls == [ref.id]


# ----- redelivery and heartbeats --------------------------------------------------------------------


async def test_a_delivery_that_outlives_its_ack_wait_is_redelivered_and_completes_once(
    jobs: Jobs,
) -> None:
    desc = queue(ack_wait_ms=300, concurrency=2)
    finished = asyncio.Event()
    deliveries: list[int] = []
    stale_returned = asyncio.Event()

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        deliveries.append(job.redelivery_count)
        if not job.is_redelivery:  # a stuck first attempt: no heartbeat, past its ack wait
            await finished.wait()
            stale_returned.set()
            return Processed(documentId=job.payload.documentId, processedBy="stale")
        return Processed(documentId=job.payload.documentId, processedBy="redelivered")

    svc = await jobs.service({"p": (desc, handle)})
    ref = await svc.create_job(desc, Doc(documentId="slow"))
    done = await ref.wait(timeout=STEP)
    assert done.result is not None and done.result.processedBy == "redelivered"
    assert done.tries == 2
    finished.set()  # the stale attempt returns only now; it must not complete the job again
    await asyncio.wait_for(stale_returned.wait(), STEP)
    await asyncio.sleep(0.2)
    assert sorted(deliveries) == [0, 1]
    assert jobs.kinds(ref.id) == ["created", "started", "started", "completed"]


async def test_heartbeats_keep_a_long_job_from_being_redelivered(jobs: Jobs) -> None:
    desc = queue(ack_wait_ms=300)
    deliveries: list[int] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        deliveries.append(job.tries)
        for _ in range(8):  # 0.8 s of work, more than twice the ack wait
            await asyncio.sleep(0.1)
            await job.heartbeat()
        return Processed(documentId=job.payload.documentId, processedBy="patient")

    svc = await jobs.service({"p": (desc, handle)})
    done = await (await svc.create_job(desc, Doc(documentId="long"))).wait(timeout=STEP)
    assert (done.state, done.tries, deliveries) == ("completed", 1, [1])


async def test_stop_hands_a_running_job_back_and_another_instance_completes_it(
    jobs: Jobs,
) -> None:
    desc = queue(ack_wait_ms=5_000)  # far longer than the test: redelivery is the nak's doing
    started = asyncio.Event()

    async def stubborn(job: ActiveJob[Doc, Processed]) -> Processed | None:
        started.set()
        await job.until_cancelled()
        return None

    first = await jobs.service({"p": (desc, stubborn)})
    ref = await first.create_job(desc, Doc(documentId="handover"))
    await asyncio.wait_for(started.wait(), STEP)
    assert (await ref.get()).state == "active"
    await first.stop(timeout=2)
    jobs.services.remove(first)

    await jobs.service({"p": (desc, processed("second"))})
    await eventually(lambda: "completed" in jobs.kinds(ref.id))
    completed = next(b for _, b in jobs.events if b.get("eventType") == "completed")
    assert completed["result"]["processedBy"] == "second"
    assert completed["tries"] == 2
    assert "cancelled" not in jobs.kinds(ref.id)  # a shutdown is not a cancellation


async def test_queue_concurrency_runs_that_many_jobs_at_once(jobs: Jobs) -> None:
    desc = queue(concurrency=2)
    running: set[str] = set()
    both = asyncio.Event()

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        running.add(job.id)
        if len(running) == 2:
            both.set()
        await asyncio.wait_for(both.wait(), STEP)
        return Processed(documentId=job.payload.documentId, processedBy="parallel")

    svc = await jobs.service({"p": (desc, handle)})
    refs = [await svc.create_job(desc, Doc(documentId=f"c{n}")) for n in range(2)]
    done = [await ref.wait(timeout=STEP) for ref in refs]
    assert [d.state for d in done] == ["completed", "completed"]


# ----- cancellation and deadlines -----------------------------------------------------------------


async def test_cancelling_a_running_job_reaches_its_handler_cooperatively(jobs: Jobs) -> None:
    started = asyncio.Event()
    outcome: list[bool] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        started.set()
        await asyncio.wait_for(job.until_cancelled(), STEP)
        outcome.append(job.cancelled)
        return Processed(documentId=job.payload.documentId, processedBy="too late")

    svc = await jobs.service({"p": (PROCESS, handle)})
    ref = await svc.create_job(PROCESS, Doc(documentId="cancel-me"))
    await asyncio.wait_for(started.wait(), STEP)
    cancelled = await ref.cancel()
    assert cancelled.state == "cancelled" and cancelled.last_error == "cancelled"
    assert (await ref.wait(timeout=STEP)).state == "cancelled"
    await eventually(lambda: outcome == [True])
    await asyncio.sleep(0.1)
    assert "completed" not in jobs.kinds(ref.id)
    again = await ref.cancel()  # a terminal job stays as it is
    assert again.state == "cancelled"


async def test_a_job_cancelled_before_any_worker_started_is_never_run(jobs: Jobs) -> None:
    calls: list[str] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        calls.append(job.payload.documentId)
        return Processed(documentId=job.payload.documentId, processedBy="py")

    creator = await jobs.service()
    cancelled = await creator.create_job(PROCESS, Doc(documentId="never"))
    assert (await cancelled.cancel()).state == "cancelled"
    kept = await creator.create_job(PROCESS, Doc(documentId="kept"))
    await jobs.service({"p": (PROCESS, handle)})
    assert (await kept.wait(timeout=STEP)).state == "completed"
    assert calls == ["kept"]


async def test_the_default_deadline_is_stamped_and_a_late_job_expires_unworked(
    jobs: Jobs,
) -> None:
    desc = queue(default_deadline_ms=50)
    calls: list[str] = []

    async def handle(job: ActiveJob[Doc, Processed]) -> Processed:
        calls.append(job.id)
        return Processed(documentId=job.payload.documentId, processedBy="py")

    creator = await jobs.service()
    ref = await creator.create_job(desc, Doc(documentId="late"))
    snap = await ref.get()
    assert snap.deadline is not None and snap.deadline > snap.created_at
    await asyncio.sleep(0.1)
    await jobs.service({"p": (desc, handle)})
    expired = await ref.wait(timeout=STEP)
    assert (expired.state, expired.last_error, calls) == ("expired", "job exceeded deadline", [])


# ----- operations and jobs --------------------------------------------------------------------------


class RefundIn(BaseModel):
    amount: int


class RefundOut(BaseModel):
    refundId: str


class ChargeJob(BaseModel):
    operationId: str
    amount: int
    finish: bool = True


class Charged(BaseModel):
    ok: bool


REFUND = OperationDescriptor(
    key="Jobs.Refund",
    subject="operations.v1.Jobs.Refund",
    input=RefundIn,
    progress=None,
    output=RefundOut,
)
CHARGE: JobDescriptor[ChargeJob, Charged] = JobDescriptor(
    queue="charge", payload=ChargeJob, result=Charged, service="test.jobs@v1", ack_wait_ms=2_000
)


async def test_an_operation_attaches_to_the_job_that_finishes_it(
    jobs: Jobs, network: Network
) -> None:
    svc = await jobs.service(start=False)
    attached: list[str] = []

    async def refund(payload: RefundIn, op: ActiveOperation[BaseModel, RefundOut]) -> Any:
        ref = await svc.create_job(CHARGE, ChargeJob(operationId=op.id, amount=payload.amount))
        snapshot = await op.attach(ref, timeout=STEP)
        attached.append(snapshot.state)
        return op.defer()

    async def charge(job: ActiveJob[ChargeJob, Charged]) -> Charged:
        op = await svc.operation_control(REFUND, job.payload.operationId)
        if job.payload.finish:
            await op.complete(RefundOut(refundId=f"rf-{job.payload.amount}"))
        return Charged(ok=True)

    svc.handle_operation(REFUND, refund)
    svc.handle_job(CHARGE, charge)
    await svc.start()
    client = await network.connect()
    done = await (await client.start_operation(REFUND, RefundIn(amount=7))).wait(timeout=STEP)
    assert (done.state, done.output) == ("completed", RefundOut(refundId="rf-7"))
    await eventually(lambda: attached == ["completed"])


async def test_attaching_to_a_job_that_leaves_the_operation_open_fails_it(
    jobs: Jobs, network: Network
) -> None:
    svc = await jobs.service(start=False)

    async def refund(payload: RefundIn, op: ActiveOperation[BaseModel, RefundOut]) -> Any:
        job = ChargeJob(operationId=op.id, amount=payload.amount, finish=False)
        await op.attach(await svc.create_job(CHARGE, job), timeout=STEP)
        return RefundOut(refundId="unreachable")

    async def charge(job: ActiveJob[ChargeJob, Charged]) -> Charged:
        return Charged(ok=False)

    svc.handle_operation(REFUND, refund)
    svc.handle_job(CHARGE, charge)
    await svc.start()
    client = await network.connect()
    done = await (await client.start_operation(REFUND, RefundIn(amount=1))).wait(timeout=STEP)
    assert done.state == "failed" and isinstance(done.error, UnexpectedError)


async def test_a_deferred_operation_is_finished_by_its_job_through_control_by_id(
    jobs: Jobs, network: Network
) -> None:
    svc = await jobs.service(start=False)

    async def refund(payload: RefundIn, op: ActiveOperation[BaseModel, RefundOut]) -> Any:
        await svc.create_job(CHARGE, ChargeJob(operationId=op.id, amount=payload.amount))
        return op.defer()

    async def charge(job: ActiveJob[ChargeJob, Charged]) -> Charged:
        op = await svc.operation_control(REFUND, job.payload.operationId)
        await op.complete(RefundOut(refundId="deferred"))
        return Charged(ok=True)

    svc.handle_operation(REFUND, refund)
    svc.handle_job(CHARGE, charge)
    await svc.start()
    client = await network.connect()
    done = await (await client.start_operation(REFUND, RefundIn(amount=3))).wait(timeout=STEP)
    assert isinstance(done.output, RefundOut) and done.output.refundId == "deferred"
    assert not isinstance(done, Deferred)


# ----- bindings ------------------------------------------------------------------------------------


def deployment_bindings(
    name: str, desc: JobDescriptor[Any, Any], work_stream: str = WORK_STREAM
) -> Bindings:
    """What a deployment would answer: its own namespace and names, not the local ones."""
    queue_binding = replace(
        local_binding(desc, f"{name}_ns"),
        publish_prefix=f"trellis.jobs.{name}_ns.proc",
        work_subject=f"trellis.work.{name}_ns.proc",
        consumer_name=f"{name}_ns-proc-consumer",
    )
    jobs = {"namespace": f"{name}_ns", "workStream": work_stream,
            "queues": {desc.queue: binding_to_wire(queue_binding)}}  # fmt: skip
    return Bindings.from_wire(
        {"contractId": "test.jobs@v1", "digest": "d", "resources": {"jobs": jobs}}
    )


async def test_a_bound_service_uses_the_deployments_names_and_its_consumer(
    jobs: Jobs, network: Network
) -> None:
    bindings = deployment_bindings(jobs.name, PROCESS)
    bound = bindings.jobs["process"]
    # the deployment provisions streams and the consumer before the service starts
    js = jobstream_for((await network.connect()).transport)
    for config in local_stream_configs():
        await js.ensure_stream(config)
    spec = ConsumerSpec(WORK_STREAM, bound.consumer_name, bound.work_subject, 2_000, 5)
    await js.ensure_consumer(spec, update=True)
    await jobs.record(f"trellis.jobs.{jobs.name}_ns")

    svc = await jobs.service({"p": (PROCESS, processed("bound"))}, bindings=bindings)
    ref = await svc.create_job(PROCESS, Doc(documentId="b"))
    done = await ref.wait(timeout=STEP)
    assert (done.state, done.service) == ("completed", f"{jobs.name}_ns")
    await eventually(lambda: "completed" in jobs.kinds(ref.id))
    subjects = {s for s, b in jobs.events if b.get("jobId") == ref.id}
    assert f"trellis.jobs.{jobs.name}_ns.proc.{ref.id}.completed" in subjects


async def test_a_bound_service_refuses_a_queue_the_deployment_did_not_bind(jobs: Jobs) -> None:
    other = replace(PROCESS, queue="other")
    svc = await jobs.service(bindings=deployment_bindings(jobs.name, PROCESS))
    with pytest.raises(Exception, match="bound no jobs queue 'other'"):
        await svc.create_job(other, Doc(documentId="x"))


async def test_a_bound_worker_without_a_provisioned_consumer_fails_to_start(
    jobs: Jobs,
) -> None:
    bindings = deployment_bindings(jobs.name, PROCESS, work_stream="NO_SUCH_WORK")
    svc = await jobs.service({"p": (PROCESS, processed("x"))}, bindings=bindings, start=False)
    with pytest.raises(TransportError, match="could not be created or found") as raised:
        await svc.start()
    assert raised.value.code == "trellis.jobs.infrastructure_missing"


# ----- registration ---------------------------------------------------------------------------------


async def test_handlers_register_once_and_before_start(jobs: Jobs) -> None:
    svc = await jobs.service({"p": (PROCESS, processed("py"))})
    with pytest.raises(RuntimeError, match="before Service.start"):
        svc.job_queue(queue(queue="late")).handle(processed("late"))
    plain = Service(await jobs.net.connect(), name=jobs.name, contract_id="c", contract_digest="d")
    await plain.start()  # before it knew of any job queue
    with pytest.raises(RuntimeError, match="before Service.start"):
        plain.handle_job(PROCESS, processed("late"))
    await plain.stop()
    fresh = await jobs.service(start=False)
    fresh.handle_job(PROCESS, processed("one"))
    with pytest.raises(RuntimeError, match="already registered"):
        fresh.handle_job(PROCESS, processed("two"))
    with pytest.raises(ValidationError):
        await svc.create_job(PROCESS, Processed(documentId="x", processedBy="y"))  # type: ignore[arg-type]
