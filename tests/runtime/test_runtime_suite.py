"""One behaviour suite, run over the in-memory transport and a real nats-server with JetStream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from trellis_generate.runtime import (
    ActiveOperation,
    DeclaredError,
    Deferred,
    JobContext,
    NoResponders,
    OperationControlError,
    OperationSnapshot,
    PayloadValidationError,
    RemoteError,
    RpcContext,
    RpcTimeout,
    Service,
)
from trellis_generate.runtime.wire import decode, encode

from .demo_contract import (
    AUDIT,
    CHARGE,
    CONTRACT_DIGEST,
    CONTRACT_ID,
    HELLO,
    ORDER_CHANGED,
    REFUND,
    TICKER,
    Approval,
    ChargeJob,
    ChargeResult,
    HelloInput,
    HelloOutput,
    NameRejectedData,
    NameRejectedError,
    OrderChanged,
    OrderRef,
    RefundInput,
    RefundProgress,
    RefundResult,
    Tick,
    TickerInput,
)
from .network import Network

STEP = 5.0  # upper bound for any single awaited step; real runs take milliseconds


async def serve(net: Network, register: Callable[[Service], None], name: str = "shop") -> Service:
    svc = Service(
        await net.connect(), name=name, contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST
    )
    register(svc)
    await svc.start()
    return svc


async def hello(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
    if payload.name == "mallory":
        raise NameRejectedError("not welcome", data=NameRejectedData(reason="blocklisted"))
    if payload.name == "boom":
        raise RuntimeError("handler bug")
    if payload.name == "odd":
        raise RemoteError("QuotaExceededError", "too many greetings", fields={"limit": 3})
    return HelloOutput(greeting=f"hello {payload.name}")


# ----- RPC ---------------------------------------------------------------------------------------


async def test_rpc_round_trip(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    out = await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    assert out == HelloOutput(greeting="hello ada")
    await svc.stop()


async def test_declared_error_is_raised_as_its_class_with_its_data(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    with pytest.raises(NameRejectedError) as caught:
        await client.request(HELLO, HelloInput(name="mallory"), timeout=STEP)
    assert caught.value.message == "not welcome"
    assert caught.value.data == NameRejectedData(reason="blocklisted")
    assert caught.value.id
    await svc.stop()


async def test_undeclared_error_types_arrive_as_remote_error(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    with pytest.raises(RemoteError) as caught:
        await client.request(HELLO, HelloInput(name="odd"), timeout=STEP)
    assert (caught.value.error_type, caught.value.fields) == ("QuotaExceededError", {"limit": 3})
    with pytest.raises(RemoteError) as crashed:
        await client.request(HELLO, HelloInput(name="boom"), timeout=STEP)
    assert crashed.value.error_type == "UnexpectedError"
    assert "handler bug" not in crashed.value.message  # internals stay on the service side
    await svc.stop()


async def test_invalid_input_is_rejected_before_sending(network: Network) -> None:
    calls: list[HelloInput] = []

    async def recording(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        calls.append(payload)
        return HelloOutput(greeting="unreachable")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, recording))
    client = await network.connect()
    with pytest.raises(PayloadValidationError) as caught:
        await client.request(HELLO, HelloInput.model_construct(name=""), timeout=STEP)
    assert caught.value.errors[0]["loc"] == ["name"]
    assert calls == []
    await svc.stop()


async def test_service_answers_an_invalid_payload_with_a_validation_error(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    raw = (await network.connect()).transport
    reply = await raw.request(HELLO.subject, encode({"name": 42}), timeout=STEP)
    error = decode(reply.data)["error"]
    assert error["type"] == "ValidationError"
    assert error["context"]["errors"][0]["loc"] == ["name"]
    await svc.stop()


async def test_invalid_output_is_rejected_on_receipt(network: Network) -> None:
    rogue = (await network.connect()).transport

    async def bad_reply(message: object) -> None:
        assert getattr(message, "reply", None)
        await rogue.publish(message.reply, encode({"ok": {"greeting": 7}}))  # type: ignore[attr-defined]

    await rogue.subscribe(HELLO.subject, bad_reply)
    client = await network.connect()
    with pytest.raises(PayloadValidationError):
        await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)


async def test_no_responders_is_its_own_error(network: Network) -> None:
    client = await network.connect()
    with pytest.raises(NoResponders):
        await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)


async def test_slow_reply_times_out(network: Network) -> None:
    release = asyncio.Event()

    async def slow(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        await release.wait()
        return HelloOutput(greeting="late")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, slow))
    client = await network.connect()
    with pytest.raises(RpcTimeout):
        await client.request(HELLO, HelloInput(name="ada"), timeout=0.2)
    release.set()
    await svc.stop()


# ----- events ------------------------------------------------------------------------------------


def order(order_id: str, region: str) -> OrderChanged:
    return OrderChanged(order=OrderRef(id=order_id), region=region, status="paid")


async def test_templated_event_reaches_only_subscribers_whose_filter_matches(
    network: Network,
) -> None:
    eu: list[OrderChanged] = []
    all_regions: list[OrderChanged] = []

    async def on_eu(event: OrderChanged) -> None:
        eu.append(event)

    async def on_any(event: OrderChanged) -> None:
        all_regions.append(event)

    listener = await network.connect()
    sub = await listener.subscribe(ORDER_CHANGED, on_eu, filter={"/region": "eu"})
    assert sub.subject == "events.v1.Order.Changed.*.eu"
    await listener.subscribe(ORDER_CHANGED, on_any)
    await listener.transport.flush()

    publisher = await network.connect()
    for event in (order("o-1", "us"), order("o-2", "eu"), order("o-3", "us")):
        await publisher.publish(ORDER_CHANGED, event)
    await eventually(lambda: len(all_regions) == 3)
    assert [e.order.id for e in eu] == ["o-2"]
    assert all(isinstance(e, OrderChanged) for e in all_regions)


async def test_queue_group_delivers_each_event_once(network: Network) -> None:
    seen: list[str] = []

    async def record(event: OrderChanged) -> None:
        seen.append(event.order.id)

    for name in ("worker-a", "worker-b"):
        await serve(network, lambda s: s.listen(ORDER_CHANGED, record, queue="workers"), name)
    publisher = await network.connect()
    ids = [f"o-{i}" for i in range(10)]
    for order_id in ids:
        await publisher.publish(ORDER_CHANGED, order(order_id, "eu"))
    await eventually(lambda: len(seen) >= len(ids))
    await asyncio.sleep(0.1)  # a duplicate would have arrived by now
    assert sorted(seen) == sorted(ids)


# ----- operations --------------------------------------------------------------------------------


async def refund_after_approval(
    payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
) -> RefundResult:
    name, approval = await op.next_signal("approve")
    assert isinstance(approval, Approval)
    await op.progress(RefundProgress(step="reserving"))
    await op.progress(RefundProgress(step="capturing"))
    return RefundResult(refund_id=f"rf-{payload.amount}", approved_by=approval.by)


async def refund_at_once(
    payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
) -> RefundResult:
    return RefundResult(refund_id="rf-now")


async def test_operation_is_accepted_then_watched_through_progress_to_completion(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_after_approval))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=30), timeout=STEP)
    assert (ref.service, ref.operation) == ("shop", "Billing.Refund")

    events = aiter(ref.watch(timeout=STEP))
    first = await anext(events)
    assert first.type in ("accepted", "started")
    assert first.snapshot.revision >= 1

    receipt = await ref.signal("approve", Approval(by="ops"), timeout=STEP)
    assert receipt.sequence == 1
    rest = [event async for event in events]

    assert [e.type for e in rest] == (["started"] if first.type == "accepted" else []) + [
        "progress",
        "progress",
        "completed",
    ]
    progress = [e for e in rest if e.type == "progress"]
    assert [e.progress for e in progress] == [
        RefundProgress(step="reserving"),
        RefundProgress(step="capturing"),
    ]
    assert all(e.snapshot.progress == e.progress for e in progress)
    revisions = [first.snapshot.revision] + [e.snapshot.revision for e in rest]
    assert revisions == sorted(set(revisions))  # strictly increasing
    done = rest[-1].snapshot
    assert done.state == "completed"
    assert done.output == RefundResult(refund_id="rf-30", approved_by="ops")
    await svc.stop()


async def test_start_reply_is_the_accepted_envelope_with_revision_one(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_at_once))
    raw = (await network.connect()).transport
    reply = decode((await raw.request(REFUND.subject, encode({"amount": 5}), timeout=STEP)).data)
    assert reply["kind"] == "accepted"
    assert reply["ref"]["operation"] == "Billing.Refund"
    assert reply["snapshot"]["revision"] == 1
    assert reply["snapshot"]["state"] == "pending"
    assert reply["snapshot"]["id"] == reply["ref"]["id"]
    await svc.stop()


async def test_invalid_operation_input_is_refused_without_creating_an_operation(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_at_once))
    raw = (await network.connect()).transport
    reply = decode((await raw.request(REFUND.subject, encode({"amount": -1}), timeout=STEP)).data)
    assert reply["kind"] == "error"
    assert reply["error"]["type"] == "ValidationError"
    await svc.stop()


async def test_wait_works_from_a_new_connection_and_state_outlives_the_service(
    network: Network,
) -> None:
    release = asyncio.Event()

    async def gated(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        await release.wait()
        return RefundResult(refund_id="rf-gated")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, gated))
    first = await network.connect()
    op_id = (await first.start_operation(REFUND, RefundInput(amount=1), timeout=STEP)).id
    await first.close()

    second = await network.connect()
    ref = second.operation(REFUND, op_id)
    assert (await ref.get(timeout=STEP)).state in ("pending", "running")
    waiting = asyncio.create_task(ref.wait(timeout=STEP))
    await asyncio.sleep(0.05)
    release.set()
    done = await waiting
    assert (done.state, done.output) == ("completed", RefundResult(refund_id="rf-gated"))
    await svc.stop()

    # a fresh service process (new connection, empty memory) still answers from durable state
    successor = await serve(network, lambda s: s.handle_operation(REFUND, gated))
    again = await second.operation(REFUND, op_id).get(timeout=STEP)
    assert (again.state, again.revision, again.output) == ("completed", done.revision, done.output)
    await successor.stop()


async def test_cancel_ends_a_cancelable_operation_and_its_handler(network: Network) -> None:
    handler_cancelled = asyncio.Event()

    async def forever(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            handler_cancelled.set()
            raise
        raise AssertionError("unreachable")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, forever))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=2), timeout=STEP)
    cancelled = await ref.cancel(timeout=STEP)
    assert cancelled.state == "cancelled"
    await asyncio.wait_for(handler_cancelled.wait(), STEP)
    assert (await ref.wait(timeout=STEP)).state == "cancelled"
    with pytest.raises(OperationControlError) as again:
        await ref.cancel(timeout=STEP)
    assert again.value.error_type == "OperationTerminalError"
    await svc.stop()


async def test_cancel_on_a_non_cancelable_operation_is_refused_and_changes_nothing(
    network: Network,
) -> None:
    release = asyncio.Event()

    async def audit(payload: RefundInput, op: ActiveOperation[Any, RefundResult]) -> RefundResult:
        await release.wait()
        return RefundResult(refund_id="audit")

    svc = await serve(network, lambda s: s.handle_operation(AUDIT, audit))
    client = await network.connect()
    ref = await client.start_operation(AUDIT, RefundInput(amount=3), timeout=STEP)
    await eventually_async(lambda: ref.get(timeout=STEP), lambda s: s.state == "running")
    before = await ref.get(timeout=STEP)
    with pytest.raises(OperationControlError) as refused:
        await ref.cancel(timeout=STEP)
    assert refused.value.error_type == "OperationNotCancelableError"
    after = await ref.get(timeout=STEP)
    assert (after.state, after.revision) == (before.state, before.revision)
    release.set()
    assert (await ref.wait(timeout=STEP)).state == "completed"
    await svc.stop()


async def test_signals_reach_the_handler_typed_and_bad_signals_are_refused(
    network: Network,
) -> None:
    received: list[tuple[str, object]] = []

    async def listening(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        async for name, value in op.signals():
            received.append((name, value))
            break
        return RefundResult(refund_id="signalled")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, listening))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=4), timeout=STEP)
    await eventually_async(lambda: ref.get(timeout=STEP), lambda s: s.state == "running")

    with pytest.raises(PayloadValidationError):
        await ref.signal("approve", HelloInput(name="wrong type"), timeout=STEP)
    raw = client.transport
    bad = {"action": "signal", "operationId": ref.id, "signal": "approve", "input": {"by": 1}}
    frame = decode((await raw.request(REFUND.control_subject, encode(bad), timeout=STEP)).data)
    assert (frame["kind"], frame["error"]["type"]) == ("error", "ValidationError")

    receipt = await ref.signal("approve", Approval(by="lead"), timeout=STEP)
    assert receipt.sequence == 1  # the refused signal was not persisted
    done = await ref.wait(timeout=STEP)
    assert done.state == "completed"
    assert received == [("approve", Approval(by="lead"))]
    with pytest.raises(OperationControlError) as late:
        await ref.signal("approve", Approval(by="late"), timeout=STEP)
    assert late.value.error_type == "OperationTerminalError"
    await svc.stop()


async def test_failing_handler_fails_the_operation_with_its_error(network: Network) -> None:
    class RefundDenied(DeclaredError):
        error_type = "RefundDeniedError"

    async def deny(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        raise RefundDenied("over limit")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, deny))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=9), timeout=STEP)
    done = await ref.wait(timeout=STEP)
    assert done.state == "failed"
    assert done.error is not None
    assert (done.error["type"], done.error["message"]) == ("RefundDeniedError", "over limit")
    await svc.stop()


async def test_deferred_operation_is_completed_by_a_job_through_control_by_id(
    network: Network,
) -> None:
    handler_calls: list[int] = []
    jobs: list[str] = []

    def register(svc: Service) -> None:
        async def start_refund(
            payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
        ) -> RefundResult | Deferred:
            handler_calls.append(payload.amount)
            await svc.create_job(CHARGE, ChargeJob(operation_id=op.id, amount=payload.amount))
            return op.defer()

        async def charge(job: ChargeJob, ctx: JobContext) -> ChargeResult:
            jobs.append(ctx.job_id)
            op = await svc.operation_control(REFUND, job.operation_id)
            await op.progress(RefundProgress(step="charged"))
            await op.complete(RefundResult(refund_id=f"rf-job-{job.amount}"))
            return ChargeResult(charged=True)

        svc.handle_operation(REFUND, start_refund)
        svc.handle_job(CHARGE, charge)

    svc = await serve(network, register)
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=12), timeout=STEP)
    done = await ref.wait(timeout=STEP)
    assert (done.state, done.output) == ("completed", RefundResult(refund_id="rf-job-12"))
    assert done.progress == RefundProgress(step="charged")
    assert handler_calls == [12] and len(jobs) == 1

    with pytest.raises(OperationControlError) as terminal:
        await (await svc.operation_control(REFUND, ref.id)).fail(RemoteError("X", "too late"))
    assert terminal.value.error_type == "OperationTerminalError"
    with pytest.raises(OperationControlError) as unknown:
        await svc.operation_control(REFUND, "no-such-operation")
    assert unknown.value.error_type == "OperationNotFoundError"
    await svc.stop()


async def test_a_job_without_workers_cannot_be_created(network: Network) -> None:
    svc = await serve(network, lambda s: None)
    with pytest.raises(NoResponders):
        await svc.create_job(CHARGE, ChargeJob(operation_id="x", amount=1), timeout=STEP)
    await svc.stop()


# ----- feeds and shutdown ------------------------------------------------------------------------


async def test_feed_streams_typed_events_to_the_caller(network: Network) -> None:
    async def ticks(payload: TickerInput, ctx: RpcContext) -> AsyncIterator[Tick]:
        for n in range(payload.count):
            yield Tick(n=n)

    svc = await serve(network, lambda s: s.handle_feed(TICKER, ticks))
    client = await network.connect()
    got = [tick async for tick in client.feed(TICKER, TickerInput(count=4), timeout=STEP)]
    assert got == [Tick(n=0), Tick(n=1), Tick(n=2), Tick(n=3)]
    assert [t async for t in client.feed(TICKER, TickerInput(count=0), timeout=STEP)] == []
    await svc.stop()


async def test_stop_drains_in_flight_requests_then_stops_answering(network: Network) -> None:
    entered = asyncio.Event()

    async def slow(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        entered.set()
        await asyncio.sleep(0.2)
        return HelloOutput(greeting=f"finished {payload.name}")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, slow))
    client = await network.connect()
    in_flight = asyncio.create_task(client.request(HELLO, HelloInput(name="ada"), timeout=STEP))
    await asyncio.wait_for(entered.wait(), STEP)
    await svc.stop()
    assert (await in_flight).greeting == "finished ada"
    with pytest.raises(NoResponders):
        await client.request(HELLO, HelloInput(name="bob"), timeout=STEP)


async def test_stop_cancels_handlers_that_outlive_its_timeout(network: Network) -> None:
    cancelled = asyncio.Event()

    async def stuck(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()
        raise AssertionError("unreachable")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, stuck))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=1), timeout=STEP)
    await eventually_async(lambda: ref.get(timeout=STEP), lambda s: s.state == "running")
    await svc.stop(timeout=0.05)
    assert cancelled.is_set()
    # the operation itself is durable and untouched: another instance may still finish it
    successor = await serve(network, lambda s: s.handle_operation(REFUND, stuck))
    assert (await ref.get(timeout=STEP)).state == "running"
    await (await successor.operation_control(REFUND, ref.id)).fail(RemoteError("Aborted", "bye"))
    assert (await ref.wait(timeout=STEP)).state == "failed"
    await successor.stop(timeout=0.05)


# ----- helpers -----------------------------------------------------------------------------------


async def eventually(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(STEP):
        while not condition():
            await asyncio.sleep(0.01)


async def eventually_async(
    fetch: Callable[[], Awaitable[OperationSnapshot[Any, Any]]],
    accept: Callable[[OperationSnapshot[Any, Any]], bool],
) -> None:
    async with asyncio.timeout(STEP):
        while not accept(await fetch()):
            await asyncio.sleep(0.01)
