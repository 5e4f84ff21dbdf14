"""One behaviour suite, run over the in-memory transport and a real nats-server with JetStream.

Every network answers ``Auth.Requests.Validate`` with the local stand-in (``tests/runtime/
network.py``), so requests here are signed and authorized exactly as in a deployment.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from trellis_runtime import (
    ActiveJob,
    ActiveOperation,
    AuthError,
    Authorizer,
    CallerIdentity,
    DeclaredError,
    Deferred,
    NoResponders,
    OperationAlreadyTerminalError,
    OperationMismatchError,
    OperationNotFoundError,
    OperationSnapshot,
    RemoteError,
    RpcContext,
    RpcTimeout,
    Service,
    SessionKey,
    UnexpectedError,
    UserCaller,
    ValidationError,
)
from trellis_runtime.encoding import decode_json, encode_json
from trellis_runtime.local import LocalAuthorizer, grants

from .demo_contract import (
    AUDIT,
    CHARGE,
    CONTRACT_DIGEST,
    CONTRACT_ID,
    HELLO,
    ORDER_CHANGED,
    REFUND,
    SHIPPED,
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
    Shipped,
    Tick,
    TickerInput,
)
from .network import Network

STEP = 5.0  # upper bound for any single awaited step; real runs take milliseconds


async def serve(
    net: Network,
    register: Callable[[Service], None],
    name: str = "shop",
    key: SessionKey | None = None,
    authorizer: Authorizer | None = None,
) -> Service:
    svc = Service(
        await net.connect(key),
        name=name,
        contract_id=CONTRACT_ID,
        contract_digest=CONTRACT_DIGEST,
        authorizer=authorizer,
    )
    register(svc)
    await svc.start()
    return svc


async def hello(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
    if payload.name == "mallory":
        raise NameRejectedError("not welcome", data=NameRejectedData(reason="blocklisted"))
    if payload.name == "boom":
        raise RuntimeError("handler bug with a secret: hunter2")
    if payload.name == "odd":
        raise RemoteError("QuotaExceededError", "too many greetings", fields={"limit": 3})
    return HelloOutput(greeting=f"hello {payload.name}", caller=ctx.caller.type)


def rpc_bytes(name: Any) -> bytes:
    return encode_json({"name": name})


# ----- RPC ---------------------------------------------------------------------------------------


async def test_rpc_round_trip_with_the_caller_in_the_context(network: Network) -> None:
    seen: list[RpcContext] = []

    async def recording(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        seen.append(ctx)
        return await hello(payload, ctx)

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, recording))
    client = await network.connect()
    out = await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    assert out == HelloOutput(greeting="hello ada", caller="service")
    (ctx,) = seen
    assert ctx.session_key == client.session_key.public
    assert ctx.caller.type == "service" and ctx.caller.capabilities == list(
        HELLO.caller_capabilities
    )
    assert len(ctx.request_id) == 26
    # the service asked the platform about exactly this request, with the RPC's capabilities
    asked = network.auth.requests[-1]
    assert (asked.session_key, asked.subject, asked.request_id) == (
        client.session_key.public,
        HELLO.subject,
        ctx.request_id,
    )
    assert asked.capabilities == HELLO.caller_capabilities
    await svc.stop()


async def test_success_reply_is_the_bare_output(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    reply = await client.request_raw(HELLO.subject, rpc_bytes("ada"), timeout=STEP)
    assert reply.header("status") is None
    assert decode_json(reply.data) == {"greeting": "hello ada", "caller": "service"}
    await svc.stop()


async def test_declared_error_is_raised_as_its_class_with_its_data(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    with pytest.raises(NameRejectedError) as caught:
        await client.request(HELLO, HelloInput(name="mallory"), timeout=STEP)
    assert caught.value.message == "not welcome"
    assert caught.value.data == NameRejectedData(reason="blocklisted")
    assert caught.value.remote and len(caught.value.id) == 26
    assert caught.value.context["method"] == HELLO.key
    assert caught.value.context["contractDigest"] == CONTRACT_DIGEST
    await svc.stop()


async def test_error_reply_is_an_error_object_under_the_status_header(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    reply = await client.request_raw(HELLO.subject, rpc_bytes("mallory"), timeout=STEP)
    assert reply.header("status") == "error"
    body = decode_json(reply.data)
    assert list(body) == ["id", "type", "message", "context", "reason"]
    assert (body["type"], body["reason"]) == ("NameRejectedError", "blocklisted")
    await svc.stop()


async def test_a_crash_is_an_unexpected_error_without_any_python_detail(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    reply = await client.request_raw(HELLO.subject, rpc_bytes("boom"), timeout=STEP)
    body = decode_json(reply.data)
    assert body["type"] == "UnexpectedError"
    assert body["message"] == "An unexpected error has occurred"
    text = reply.data.decode()
    assert "hunter2" not in text and "Traceback" not in text and "RuntimeError" not in text
    with pytest.raises(UnexpectedError) as crashed:
        await client.request(HELLO, HelloInput(name="boom"), timeout=STEP)
    assert crashed.value.remote
    await svc.stop()


async def test_a_forwarded_remote_error_goes_out_as_unexpected(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    with pytest.raises(UnexpectedError):
        await client.request(HELLO, HelloInput(name="odd"), timeout=STEP)
    await svc.stop()


async def test_undeclared_error_types_arrive_as_remote_error(network: Network) -> None:
    rogue = await network.connect()

    async def answer(message: Any) -> None:
        wire = {
            "id": "e1",
            "type": "QuotaExceededError",
            "message": "no",
            "context": {},
            "limit": 3,
        }
        await rogue.transport.publish(message.reply, encode_json(wire), headers={"status": "error"})

    await rogue.transport.subscribe(HELLO.subject, answer)
    client = await network.connect()
    with pytest.raises(RemoteError) as caught:
        await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    assert (caught.value.type, caught.value.remote_fields) == ("QuotaExceededError", {"limit": 3})


async def test_invalid_input_is_rejected_before_sending(network: Network) -> None:
    calls: list[HelloInput] = []

    async def recording(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        calls.append(payload)
        return HelloOutput(greeting="unreachable", caller="")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, recording))
    client = await network.connect()
    with pytest.raises(ValidationError) as caught:
        await client.request(HELLO, HelloInput.model_construct(name=""), timeout=STEP)
    assert caught.value.issues[0].path == "/name" and not caught.value.remote
    assert calls == []
    await svc.stop()


async def test_service_answers_an_invalid_payload_with_a_validation_error(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    reply = await client.request_raw(HELLO.subject, rpc_bytes(42), timeout=STEP)
    body = decode_json(reply.data)
    assert (reply.header("status"), body["type"]) == ("error", "ValidationError")
    assert body["issues"][0]["path"] == "/name"
    not_json = await client.request_raw(HELLO.subject, b"{nope", timeout=STEP)
    assert decode_json(not_json.data)["type"] == "ValidationError"
    await svc.stop()


async def test_invalid_output_is_rejected_on_receipt(network: Network) -> None:
    rogue = (await network.connect()).transport

    async def bad_reply(message: Any) -> None:
        await rogue.publish(message.reply, encode_json({"greeting": 7}))

    await rogue.subscribe(HELLO.subject, bad_reply)
    client = await network.connect()
    with pytest.raises(ValidationError):
        await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)


async def test_no_responders_is_its_own_error_after_the_reference_retries(
    network: Network,
) -> None:
    client = await network.connect()
    loop = asyncio.get_running_loop()
    began = loop.time()
    with pytest.raises(NoResponders) as caught:
        await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    assert caught.value.code == "trellis.request.unavailable"
    assert caught.value.context["retries"] == 2
    assert loop.time() - began >= 0.2 + 0.4  # 200 ms, then 400 ms between the attempts


async def test_a_service_that_comes_up_during_the_retries_is_reached(network: Network) -> None:
    client = await network.connect()
    call = asyncio.create_task(client.request(HELLO, HelloInput(name="ada"), timeout=STEP))
    await asyncio.sleep(0.1)
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    assert (await call).greeting == "hello ada"
    await svc.stop()


async def test_slow_reply_times_out(network: Network) -> None:
    release = asyncio.Event()

    async def slow(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        await release.wait()
        return HelloOutput(greeting="late", caller="")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, slow))
    client = await network.connect()
    with pytest.raises(RpcTimeout):
        await client.request(HELLO, HelloInput(name="ada"), timeout=0.2)
    release.set()
    await svc.stop()


async def test_concurrent_requests_each_get_their_own_reply(network: Network) -> None:
    """One connection's replies share an inbox: each reaches its own caller, whatever the order."""

    async def first_in_last_out(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        await asyncio.sleep((20 - int(payload.name)) * 0.005)
        return await hello(payload, ctx)

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, first_in_last_out))
    client = await network.connect()
    names = [str(i) for i in range(20)]
    outs = await asyncio.gather(
        *(client.request(HELLO, HelloInput(name=name), timeout=STEP) for name in names)
    )
    assert [out.greeting for out in outs] == [f"hello {name}" for name in names]
    await svc.stop()


async def test_a_reply_after_its_timeout_reaches_nobody_and_the_next_call_is_answered(
    network: Network,
) -> None:
    release = asyncio.Event()

    async def slow_for_one(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        if payload.name == "slow":
            await release.wait()
        return await hello(payload, ctx)

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, slow_for_one))
    client = await network.connect()
    with pytest.raises(RpcTimeout):
        await client.request(HELLO, HelloInput(name="slow"), timeout=0.2)
    release.set()  # the late "hello slow" goes to an inbox nobody waits on any more
    assert (await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)).greeting == (
        "hello ada"
    )
    await svc.stop()


async def test_each_request_times_out_at_its_own_deadline_whatever_else_is_in_flight(
    network: Network,
) -> None:
    """A short timeout started after a long one still ends on time, and the long one lives on."""
    release = asyncio.Event()

    async def held(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        if payload.name != "quick":
            await release.wait()
        return await hello(payload, ctx)

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, held))
    client = await network.connect()
    long = asyncio.ensure_future(client.request(HELLO, HelloInput(name="long"), timeout=STEP))
    await asyncio.sleep(0.05)
    began = asyncio.get_running_loop().time()
    for timeout in (0.2, 0.3):
        with pytest.raises(RpcTimeout):
            await client.request(HELLO, HelloInput(name="short"), timeout=timeout)
    assert asyncio.get_running_loop().time() - began < 0.5 + 0.4  # each at its own deadline
    quick = await client.request(HELLO, HelloInput(name="quick"), timeout=STEP)
    assert quick.greeting == "hello quick"
    release.set()
    assert (await long).greeting == "hello long"
    await svc.stop()


# ----- authentication and authorization ----------------------------------------------------------


async def test_requests_carry_the_four_auth_headers_from_the_key_inbox(network: Network) -> None:
    seen: list[Any] = []
    spy = await network.connect()

    async def record(message: Any) -> None:
        seen.append(message)
        await spy.transport.publish(message.reply, encode_json({"greeting": "hi", "caller": ""}))

    await spy.transport.subscribe(HELLO.subject, record)
    key = SessionKey.generate()
    client = await network.connect(key)
    await client.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    (message,) = seen
    assert message.header("session-key") == key.public
    assert message.header("proof") and message.header("iat").isdigit()
    assert len(message.header("request-id")) == 26
    assert message.reply.startswith(f"_INBOX.{key.public[:16]}.")
    assert message.data == b'{"name":"ada"}'


async def test_an_unsigned_request_is_refused_before_the_handler(network: Network) -> None:
    calls: list[str] = []

    async def recording(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        calls.append(payload.name)
        return HelloOutput(greeting="no", caller="")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, recording))
    raw = (await network.connect()).transport
    reply = await raw.request(HELLO.subject, rpc_bytes("eve"), timeout=STEP)
    body = decode_json(reply.data)
    assert (reply.header("status"), body["type"], body["reason"]) == (
        "error",
        "AuthError",
        "missing_session_key",
    )
    proofless = await raw.request(
        HELLO.subject, rpc_bytes("eve"), timeout=STEP, headers={"session-key": "x"}
    )
    assert decode_json(proofless.data)["reason"] == "missing_proof"
    assert calls == []
    await svc.stop()


async def test_a_forged_proof_is_refused_as_invalid_signature(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    victim = SessionKey.generate()
    from trellis_runtime.proof import signed_headers

    headers = signed_headers(client.session_key, HELLO.subject, rpc_bytes("eve"))
    headers["session-key"] = victim.public  # claims to be the victim, signed by someone else
    reply = await client.transport.request(
        HELLO.subject, rpc_bytes("eve"), timeout=STEP, headers=headers
    )
    body = decode_json(reply.data)
    assert (body["type"], body["reason"], body["context"]) == (
        "AuthError",
        "invalid_signature",
        {"sessionKey": victim.public},
    )
    tampered = signed_headers(client.session_key, HELLO.subject, rpc_bytes("ada"))
    reply = await client.transport.request(
        HELLO.subject, rpc_bytes("eve"), timeout=STEP, headers=tampered
    )
    assert decode_json(reply.data)["reason"] == "invalid_signature"  # body is not what was signed
    await svc.stop()


async def test_a_reply_inbox_outside_the_key_prefix_is_refused(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    client = await network.connect()
    other = await network.connect()  # its inboxes are under another key's prefix
    from trellis_runtime.proof import signed_headers

    headers = signed_headers(client.session_key, HELLO.subject, rpc_bytes("ada"))
    reply = await other.transport.request(
        HELLO.subject, rpc_bytes("ada"), timeout=STEP, headers=headers
    )
    body = decode_json(reply.data)
    assert (body["reason"], body["context"]["expected"]) == (
        "reply_subject_mismatch",
        client.session_key.inbox_prefix,
    )
    await svc.stop()


async def test_a_caller_without_the_capability_is_refused(network: Network) -> None:
    allowed, denied = SessionKey.generate(), SessionKey.generate()
    network.rule(grants({allowed.public: list(HELLO.caller_capabilities), denied.public: []}))
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    good = await network.connect(allowed)
    assert (await good.request(HELLO, HelloInput(name="ada"), timeout=STEP)).greeting
    bad = await network.connect(denied)
    with pytest.raises(AuthError) as refused:
        await bad.request(HELLO, HelloInput(name="ada"), timeout=STEP)
    assert refused.value.reason == "insufficient_permissions"
    assert refused.value.context["requiredCapabilities"] == list(HELLO.caller_capabilities)
    await svc.stop()


async def test_a_user_named_by_validate_reaches_the_handler_with_every_field(
    network: Network,
) -> None:
    user = UserCaller.model_validate(
        {
            "type": "user",
            "participantKind": "app",
            "userId": "u-1",
            "identity": {"identityId": "i-1", "provider": "github", "subject": "ada"},
            "name": "Ada",
            "email": "ada@example.com",
            "lastAuth": "2025-01-02T03:04:05.678Z",
            "active": True,
            "capabilities": list(HELLO.caller_capabilities),
            "team": "blue",  # a field this runtime does not know yet
        }
    )
    network.rule(lambda key, capabilities: user)
    seen: list[RpcContext] = []

    async def recording(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        seen.append(ctx)
        return await hello(payload, ctx)

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, recording))
    await (await network.connect()).request(HELLO, HelloInput(name="ada"), timeout=STEP)
    (ctx,) = seen
    assert isinstance(ctx.caller, UserCaller)
    assert (ctx.caller.user_id, ctx.caller.email, ctx.caller.participant_kind) == (
        "u-1",
        "ada@example.com",
        "app",
    )
    assert ctx.caller.identity == CallerIdentity(identityId="i-1", provider="github", subject="ada")
    assert ctx.caller.model_extra == {"team": "blue"}
    assert ctx.caller.last_auth is not None
    assert ctx.caller.last_auth.startswith("2025-01-02T03:04:05.678")
    await svc.stop()


async def test_the_in_process_stand_in_judges_by_its_rule_without_a_round_trip(
    network: Network,
) -> None:
    member = SessionKey.generate()
    rule = grants({member.public: list(HELLO.caller_capabilities)})
    svc = await serve(
        network, lambda s: s.handle_rpc(HELLO, hello), authorizer=LocalAuthorizer(rule)
    )
    before = len(network.auth.requests)
    assert (await (await network.connect(member)).request(HELLO, HelloInput(name="ada"))).greeting
    assert len(network.auth.requests) == before  # nobody was asked over the network
    with pytest.raises(AuthError) as unknown:
        await (await network.connect()).request(HELLO, HelloInput(name="ada"))
    assert unknown.value.reason == "session_not_found"
    raw = (await network.connect(member)).transport
    reply = await raw.request(HELLO.subject, rpc_bytes("ada"), timeout=STEP)
    assert decode_json(reply.data)["reason"] == "missing_session_key"  # proofs still checked
    await svc.stop()


async def test_validation_happens_before_authorization_as_in_the_reference(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_rpc(HELLO, hello))
    raw = (await network.connect()).transport
    reply = await raw.request(HELLO.subject, rpc_bytes(1), timeout=STEP)  # unsigned and invalid
    assert decode_json(reply.data)["type"] == "ValidationError"
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


async def test_events_go_through_the_stream_with_their_header_as_message_id(
    network: Network,
) -> None:
    raw: list[Any] = []
    typed: list[Shipped] = []
    listener = await network.connect()

    async def on_raw(message: Any) -> None:
        raw.append(message)

    async def on_typed(event: Shipped) -> None:
        typed.append(event)

    await listener.transport.subscribe("events.v1.Order.Shipped.>", on_raw)
    await listener.subscribe(SHIPPED, on_typed)
    await listener.transport.flush()
    publisher = await network.connect()
    event = Shipped(id="o.1 x", carrier="dhl")
    ack = await publisher.publish(SHIPPED, event)
    assert ack.stream == "trellis" and not ack.duplicate
    again = await publisher.publish(SHIPPED, event)  # the same event: stored once, by its id
    assert again.duplicate and again.seq == ack.seq
    await eventually(lambda: len(typed) == 2 and len(raw) == 2)  # live listeners see both
    message = raw[0]
    assert message.subject == "events.v1.Order.Shipped.o~2E~1~20~x"
    body = decode_json(message.data)
    assert body["header"] == {"id": event.header.id, "time": body["header"]["time"]}
    assert message.header("Nats-Msg-Id") == event.header.id
    assert body["header"]["time"].endswith("Z") and len(body["header"]["time"]) == 24
    assert typed[0].header == typed[1].header == event.header


async def test_subscribers_accept_events_whose_model_has_no_header_field(network: Network) -> None:
    got: list[OrderChanged] = []
    listener = await network.connect()

    async def record(event: OrderChanged) -> None:
        got.append(event)

    await listener.subscribe(ORDER_CHANGED, record)
    await listener.transport.flush()
    await (await network.connect()).publish(ORDER_CHANGED, order("o-9", "eu"))
    await eventually(lambda: len(got) == 1)
    assert got[0] == order("o-9", "eu")  # the header it came with is ignored, not an error


async def test_invalid_events_are_dropped(network: Network) -> None:
    got: list[OrderChanged] = []
    listener = await network.connect()

    async def record(event: OrderChanged) -> None:
        got.append(event)

    await listener.subscribe(ORDER_CHANGED, record)
    await listener.transport.flush()
    publisher = await network.connect()
    await publisher.transport.stream_publish("events.v1.Order.Changed.o.eu", b'{"nope":1}')
    await publisher.publish(ORDER_CHANGED, order("o-1", "eu"))
    await eventually(lambda: len(got) == 1)
    assert got[0].order.id == "o-1"


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
    callers: list[Any] = []

    async def handler(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        callers.append(op.caller)
        return await refund_after_approval(payload, op)

    svc = await serve(network, lambda s: s.handle_operation(REFUND, handler))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=30), timeout=STEP)
    assert (ref.service, ref.operation, len(ref.id)) == ("shop", "Billing.Refund", 26)

    events = aiter(ref.watch(timeout=STEP))
    first = await anext(events)
    assert first.type in ("accepted", "started")

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
    assert done.state == "completed" and done.completed_at
    assert done.output == RefundResult(refund_id="rf-30", approved_by="ops")
    assert callers[0] is not None and callers[0].type == "service"
    await svc.stop()


async def test_start_reply_is_the_accepted_envelope_and_the_record_is_the_reference_s(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_at_once))
    client = await network.connect()
    reply = await client.request_raw(REFUND.subject, encode_json({"amount": 5}), timeout=STEP)
    assert reply.header("status") is None
    body = decode_json(reply.data)
    assert list(body) == ["kind", "ref", "snapshot"] and body["kind"] == "accepted"
    assert body["ref"] == {"id": body["snapshot"]["id"], "service": "shop", "operation": REFUND.key}
    assert (body["snapshot"]["revision"], body["snapshot"]["state"]) == (1, "pending")
    done = await client.operation(REFUND, body["ref"]["id"]).wait(timeout=STEP)
    bucket = await client.transport.key_value(
        f"trellis_operations_{svc.connection.session_key.public[:16]}"
    )
    entry = await bucket.get(done.id)
    assert entry is not None
    record = decode_json(entry.value)
    assert list(record) == ["ownerSessionKey", "sequence", "signalSequence", "signals", "snapshot"]
    assert record["ownerSessionKey"] == client.session_key.public
    assert record["snapshot"]["state"] == "completed"
    assert record["sequence"] == 2  # started, completed
    await svc.stop()


async def test_invalid_operation_input_is_refused_without_creating_an_operation(
    network: Network,
) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_at_once))
    client = await network.connect()
    reply = await client.request_raw(REFUND.subject, encode_json({"amount": -1}), timeout=STEP)
    assert reply.header("status") == "error"
    assert decode_json(reply.data)["type"] == "ValidationError"
    with pytest.raises(ValidationError):
        await client.start_operation(REFUND, RefundInput.model_construct(amount=-1), timeout=STEP)
    await svc.stop()


async def test_only_the_session_that_started_an_operation_controls_it(network: Network) -> None:
    release = asyncio.Event()

    async def gated(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        await release.wait()
        return RefundResult(refund_id="rf-gated")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, gated))
    owner_key = SessionKey.generate()
    first = await network.connect(owner_key)
    op_id = (await first.start_operation(REFUND, RefundInput(amount=1), timeout=STEP)).id
    await first.close()

    stranger = await network.connect()
    with pytest.raises(AuthError) as forbidden:
        await stranger.operation(REFUND, op_id).get(timeout=STEP)
    assert forbidden.value.reason == "forbidden"
    assert forbidden.value.context == {"ownerSessionKey": owner_key.public}

    # the owner's key, on a new connection (a reconnect), observes and waits
    again = await network.connect(owner_key)
    ref = again.operation(REFUND, op_id)
    assert (await ref.get(timeout=STEP)).state in ("pending", "running")
    waiting = asyncio.create_task(ref.wait(timeout=STEP))
    await asyncio.sleep(0.05)
    release.set()
    done = await waiting
    assert (done.state, done.output) == ("completed", RefundResult(refund_id="rf-gated"))
    service_key = svc.connection.session_key
    await svc.stop()

    # a fresh service process with the same key (new connection, empty memory) still answers
    successor = await serve(network, lambda s: s.handle_operation(REFUND, gated), key=service_key)
    later = await again.operation(REFUND, op_id).get(timeout=STEP)
    assert (later.state, later.revision, later.output) == ("completed", done.revision, done.output)
    await successor.stop()


async def test_control_of_unknown_or_foreign_operations_is_a_lifecycle_error(
    network: Network,
) -> None:
    svc = await serve(
        network,
        lambda s: (
            s.handle_operation(REFUND, refund_at_once),
            s.handle_operation(AUDIT, refund_at_once),
        ),
    )
    client = await network.connect()
    with pytest.raises(OperationNotFoundError) as missing:
        await client.operation(REFUND, "01NOSUCHOPERATION000000000").get(timeout=STEP)
    assert missing.value.operation_id == "01NOSUCHOPERATION000000000"
    audit = await client.start_operation(AUDIT, RefundInput(amount=1), timeout=STEP)
    with pytest.raises(OperationMismatchError) as mismatch:
        await client.operation(REFUND, audit.id).get(timeout=STEP)
    assert (mismatch.value.expected_operation, mismatch.value.actual_operation) == (
        REFUND.key,
        AUDIT.key,
    )
    await svc.stop()


async def test_control_errors_are_error_frames_without_the_status_header(network: Network) -> None:
    svc = await serve(network, lambda s: s.handle_operation(REFUND, refund_at_once))
    client = await network.connect()
    body = encode_json({"action": "get", "operationId": "nope"})
    reply = await client.request_raw(REFUND.control_subject, body, timeout=STEP)
    assert reply.header("status") is None
    frame = decode_json(reply.data)
    assert frame["kind"] == "error" and frame["error"]["type"] == "OperationNotFoundError"
    await svc.stop()


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
    with pytest.raises(OperationAlreadyTerminalError) as again:
        await ref.cancel(timeout=STEP)
    assert (again.value.operation_id, again.value.state) == (ref.id, "cancelled")
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
    with pytest.raises(ValidationError) as refused:
        await ref.cancel(timeout=STEP)
    assert refused.value.issues[0].path == "/action"
    after = await ref.get(timeout=STEP)
    assert (after.state, after.revision) == (before.state, before.revision)
    release.set()
    assert (await ref.wait(timeout=STEP)).state == "completed"
    await svc.stop()


async def test_signals_are_durable_typed_and_bad_signals_are_refused(network: Network) -> None:
    received: list[tuple[str, object]] = []
    may_listen = asyncio.Event()

    async def listening(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        await may_listen.wait()  # signals sent before the handler looks are kept for it
        async for name, value in op.signals():
            received.append((name, value))
            break
        return RefundResult(refund_id="signalled")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, listening))
    client = await network.connect()
    ref = await client.start_operation(REFUND, RefundInput(amount=4), timeout=STEP)

    with pytest.raises(ValidationError):
        await ref.signal("approve", HelloInput(name="wrong type"), timeout=STEP)
    with pytest.raises(ValidationError):
        await ref.signal("nope", Approval(by="x"), timeout=STEP)
    bad = {"action": "signal", "operationId": ref.id, "signal": "approve", "input": {"by": 1}}
    reply = await client.request_raw(REFUND.control_subject, encode_json(bad), timeout=STEP)
    frame = decode_json(reply.data)
    assert (frame["kind"], frame["error"]["type"]) == ("error", "ValidationError")

    receipt = await ref.signal("approve", Approval(by="lead"), timeout=STEP)
    assert receipt.sequence == 1  # the refused signals were not persisted
    may_listen.set()
    done = await ref.wait(timeout=STEP)
    assert done.state == "completed"
    assert received == [("approve", Approval(by="lead"))]
    with pytest.raises(OperationAlreadyTerminalError):
        await ref.signal("approve", Approval(by="late"), timeout=STEP)
    await svc.stop()


async def test_failing_handler_fails_the_operation_with_its_error(network: Network) -> None:
    class RefundDenied(DeclaredError):
        error_type = "RefundDeniedError"

    async def deny(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        raise RefundDenied("over limit")

    async def crash(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult:
        raise ZeroDivisionError("secret")

    svc = await serve(network, lambda s: s.handle_operation(REFUND, deny))
    svc2 = await serve(network, lambda s: s.handle_operation(AUDIT, crash), name="auditor")
    client = await network.connect()
    done = await (await client.start_operation(REFUND, RefundInput(amount=9))).wait(timeout=STEP)
    assert done.state == "failed" and done.error is not None
    assert (done.error.type, done.error.message) == ("RefundDeniedError", "over limit")
    assert done.error.context["operation"] == REFUND.key
    crashed = await (await client.start_operation(AUDIT, RefundInput(amount=9))).wait(timeout=STEP)
    assert isinstance(crashed.error, UnexpectedError) and "secret" not in str(
        crashed.error.to_wire()
    )
    await svc.stop()
    await svc2.stop()


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

        async def charge(job: ActiveJob[ChargeJob, ChargeResult]) -> ChargeResult:
            jobs.append(job.id)
            op = await svc.operation_control(REFUND, job.payload.operation_id)
            await op.progress(RefundProgress(step="charged"))
            await op.complete(RefundResult(refund_id=f"rf-job-{job.payload.amount}"))
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

    with pytest.raises(OperationAlreadyTerminalError):
        await (await svc.operation_control(REFUND, ref.id)).fail(UnexpectedError())
    with pytest.raises(OperationNotFoundError):
        await svc.operation_control(REFUND, "no-such-operation")
    await svc.stop()


async def test_a_job_created_without_workers_waits_in_the_work_queue(network: Network) -> None:
    """Jobs are durable now: nobody works the queue yet, the job stays pending until someone does."""
    creator = await serve(network, lambda s: None)
    ref = await creator.create_job(CHARGE, ChargeJob(operation_id="x", amount=1))
    assert (await ref.get()).state == "pending"

    async def charge(job: ActiveJob[ChargeJob, ChargeResult]) -> ChargeResult:
        return ChargeResult(charged=job.payload.amount == 1)

    worker = await serve(network, lambda s: s.handle_job(CHARGE, charge))
    done = await ref.wait(timeout=STEP)
    assert (done.state, done.result) == ("completed", ChargeResult(charged=True))
    await worker.stop()
    await creator.stop()


# ----- feeds and shutdown ------------------------------------------------------------------------


async def test_feed_acknowledges_then_streams_bare_typed_events(network: Network) -> None:
    async def ticks(payload: TickerInput, ctx: RpcContext) -> AsyncIterator[Tick]:
        for n in range(payload.count):
            yield Tick(n=n)

    svc = await serve(network, lambda s: s.handle_feed(TICKER, ticks))
    client = await network.connect()
    got: list[Tick] = []
    async for tick in client.feed(TICKER, TickerInput(count=4)):
        got.append(tick)
        if len(got) == 4:
            break
    assert got == [Tick(n=0), Tick(n=1), Tick(n=2), Tick(n=3)]
    frames = client.stream_raw(TICKER.subject, encode_json({"count": 1}), first_timeout=STEP)
    ready = await anext(frames)
    assert (ready.header("feed-status"), ready.data) == ("ready", b"")
    assert decode_json((await anext(frames)).data) == {"n": 0}
    await frames.aclose()
    await svc.stop()


async def test_a_failing_feed_ends_with_an_error_frame(network: Network) -> None:
    async def broken(payload: TickerInput, ctx: RpcContext) -> AsyncIterator[Tick]:
        yield Tick(n=1)
        raise NameRejectedError("no more", data=NameRejectedData(reason="done"))

    svc = await serve(network, lambda s: s.handle_feed(TICKER, broken))
    client = await network.connect()
    got: list[Tick] = []
    with pytest.raises(RemoteError) as caught:  # feeds declare no errors: any comes as remote
        async for tick in client.feed(TICKER, TickerInput(count=1)):
            got.append(tick)
    assert got == [Tick(n=1)] and caught.value.type == "NameRejectedError"
    with pytest.raises(ValidationError):
        async for _ in client.feed(TICKER, TickerInput.model_construct(count=-1)):
            pass
    await svc.stop()


async def test_stop_drains_in_flight_requests_then_stops_answering(network: Network) -> None:
    entered = asyncio.Event()

    async def slow(payload: HelloInput, ctx: RpcContext) -> HelloOutput:
        entered.set()
        await asyncio.sleep(0.2)
        return HelloOutput(greeting=f"finished {payload.name}", caller="")

    svc = await serve(network, lambda s: s.handle_rpc(HELLO, slow))
    client = await network.connect()
    in_flight = asyncio.create_task(client.request(HELLO, HelloInput(name="ada"), timeout=STEP))
    await asyncio.wait_for(entered.wait(), STEP)
    await svc.stop()
    assert (await in_flight).greeting == "finished ada"
    client.no_responder_retries = 0
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
    key = svc.connection.session_key
    await svc.stop(timeout=0.05)
    assert cancelled.is_set()
    # the operation itself is durable and untouched: another instance may still finish it
    successor = await serve(network, lambda s: s.handle_operation(REFUND, stuck), key=key)
    assert (await ref.get(timeout=STEP)).state == "running"
    await (await successor.operation_control(REFUND, ref.id)).fail(UnexpectedError())
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
