"""Code shaped like a generated SDK, type-checked by ``test_typing`` with ``mypy --strict``.

Each ``assert_type`` pins a generic the SDK generator relies on; a regression in the runtime's
annotations makes mypy fail the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import assert_type

from pydantic import BaseModel

from trellis_runtime import (
    ActiveJob,
    ActiveOperation,
    Connection,
    DeclaredError,
    Deferred,
    EventDescriptor,
    FeedDescriptor,
    InMemoryTransport,
    JobDescriptor,
    JobQueue,
    JobRef,
    JobSnapshot,
    NatsTransport,
    OperationDescriptor,
    OperationEvent,
    OperationRef,
    OperationSnapshot,
    RpcContext,
    RpcDescriptor,
    Service,
    SignalDescriptor,
    Transport,
    connect,
)


class In(BaseModel):
    x: int


class Out(BaseModel):
    y: str


class Prog(BaseModel):
    pct: int


class NotFoundData(BaseModel):
    key: str


class NotFound(DeclaredError):
    error_type = "NotFoundError"
    data_model = NotFoundData


FIND = RpcDescriptor(
    key="K.Find", subject="rpc.v1.K.Find", input=In, output=Out, errors={"NotFoundError": NotFound}
)
SIGNALS = {"approve": SignalDescriptor(name="approve", input=In)}
OP = OperationDescriptor(
    key="K.Op",
    subject="operations.v1.K.Op",
    input=In,
    progress=Prog,
    output=Out,
    signals=SIGNALS,
    cancel=True,
)
NO_PROGRESS: OperationDescriptor[In, BaseModel, Out] = OperationDescriptor(
    key="K.Quiet", subject="operations.v1.K.Quiet", input=In, progress=None, output=Out
)
EVENT = EventDescriptor(key="K.Ev", subject="events.v1.K.Ev.{/x}", params=("/x",), event=In)
FEED = FeedDescriptor(key="K.Feed", subject="feeds.v1.K.Feed", input=In, event=Out)
JOB = JobDescriptor(queue="q", payload=In, result=Out, service="k@v1")


async def transports() -> None:
    # both implementations satisfy the Transport protocol structurally
    memory: Transport = InMemoryTransport()
    real: Transport = await NatsTransport.connect("nats://127.0.0.1:4222")
    assert_type(await connect(transport=memory), Connection)
    assert_type(await connect(transport=real), Connection)


async def client_side(conn: Connection) -> None:
    assert_type(await conn.request(FIND, In(x=1)), Out)
    await conn.publish(EVENT, In(x=1))

    async def on_event(event: In) -> None: ...

    await conn.subscribe(EVENT, on_event, filter={"/x": 1})
    ref = await conn.start_operation(OP, In(x=1))
    assert_type(ref, OperationRef[Prog, Out])
    snap = await ref.wait()
    assert_type(snap, OperationSnapshot[Prog, Out])
    assert_type(snap.output, Out | None)
    async for event in ref.watch():
        assert_type(event, OperationEvent[Prog, Out])
        assert_type(event.progress, Prog | None)
    assert_type(conn.operation(OP, "id"), OperationRef[Prog, Out])
    async for item in conn.feed(FEED, In(x=1)):
        assert_type(item, Out)


async def find(payload: In, ctx: RpcContext) -> Out:
    raise NotFound("missing", data=NotFoundData(key=str(payload.x)))


async def run_op(payload: In, op: ActiveOperation[Prog, Out]) -> Out | Deferred:
    await op.progress(Prog(pct=50))
    if payload.x:
        return op.defer()
    return Out(y="done")


async def feed(payload: In, ctx: RpcContext) -> AsyncIterator[Out]:
    yield Out(y="one")


async def job(job: ActiveJob[In, Out]) -> Out | None:
    assert_type(job.payload, In)
    await job.progress(step="one", current=1, total=2)
    return Out(y=str(job.payload.x)) if not job.cancelled else None


async def service_side(svc: Service) -> None:
    svc.handle_rpc(FIND, find)
    svc.handle_operation(OP, run_op)
    svc.handle_feed(FEED, feed)
    svc.handle_job(JOB, job)
    queue = svc.job_queue(JOB)
    assert_type(queue, JobQueue[In, Out])
    ref = await queue.create(In(x=1))
    assert_type(ref, JobRef[In, Out])
    done = await ref.wait(timeout=1)
    assert_type(done, JobSnapshot[In, Out])
    assert_type(done.result, Out | None)
    assert_type(await op_attached(svc, ref), OperationSnapshot[Prog, Out])
    control = await svc.operation_control(OP, "id")
    assert_type(control, ActiveOperation[Prog, Out])
    await control.complete(Out(y="late"))


async def op_attached(svc: Service, ref: JobRef[In, Out]) -> OperationSnapshot[Prog, Out]:
    control = await svc.operation_control(OP, "id")
    return await control.attach(ref)
