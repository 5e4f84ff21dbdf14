"""Our generated Python client calls the reference runtime's service over one nats-server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from trellis_runtime import (
    AuthError,
    OperationAlreadyTerminalError,
    SessionKey,
    UnexpectedError,
    ValidationError,
)
from trellis_runtime.encoding import decode_json, encode_json

from .conftest import Deployment, Echo
from .peer import Peer, RunningPeer


@pytest.fixture
async def reference_service(peer: Peer) -> AsyncIterator[RunningPeer]:
    async with peer.running("service", ready="READY") as running:
        yield running


@pytest.fixture
async def client(deployment: Deployment, echo: Echo) -> Any:
    return echo.sdk.Client(await deployment.connect())


async def test_rpc_success_with_the_caller_the_reference_saw(
    reference_service: RunningPeer, client: Any, echo: Echo, deployment: Deployment
) -> None:
    out = await client.rpc.echo.say(echo.sdk.models.SayInput(text="hi"))
    assert (out.text, out.callerType) == ("hi", "service")
    # the reference service asked Validate (our stand-in) with the RPC's capabilities
    asked = [r for r in deployment.auth.requests if r.subject == "rpc.v1.Echo.Say"]
    assert asked and asked[-1].capabilities == ("interop.echo::speak",)
    assert asked[-1].session_key == client.connection.session_key.public


async def test_a_declared_error_is_raised_as_our_generated_class(
    reference_service: RunningPeer, client: Any, echo: Echo
) -> None:
    with pytest.raises(echo.sdk.EchoRefused) as caught:
        await client.rpc.echo.say(echo.sdk.models.SayInput(text="fail"))
    assert caught.value.data == echo.sdk.models.RefusedData(reason="asked")
    assert caught.value.message == "refused on request" and caught.value.remote


async def test_the_reference_s_unexpected_error_is_a_typed_remote_error(
    reference_service: RunningPeer, client: Any, echo: Echo
) -> None:
    with pytest.raises(UnexpectedError) as caught:
        await client.rpc.echo.say(echo.sdk.models.SayInput(text="boom"))
    assert caught.value.remote
    assert caught.value.context["method"] == "Echo.Say"
    assert caught.value.context["service"] == "refpeer-echo"


async def test_the_reference_refuses_an_invalid_body_with_a_validation_error(
    reference_service: RunningPeer, client: Any, echo: Echo
) -> None:
    reply = await client.connection.request_raw("rpc.v1.Echo.Say", encode_json({"txt": 1}))
    assert reply.header("status") == "error"
    body = decode_json(reply.data)
    assert body["type"] == "ValidationError" and body["issues"]
    with pytest.raises(ValidationError) as caught:
        await client.rpc.echo.say(echo.sdk.models.SayInput.model_construct(text=1))
    assert not caught.value.remote  # our client checks before sending


async def test_an_operation_is_watched_through_progress_signalled_and_completed(
    reference_service: RunningPeer, client: Any, echo: Echo
) -> None:
    models = echo.sdk.models
    ref = await client.operation.echo.count.start(models.CountInput(to=2, waitForBump=True))
    assert ref.service == "refpeer-echo"
    seen: list[tuple[str, str]] = []
    receipts: list[Any] = []
    async for event in ref.watch(timeout=30):
        seen.append((event.type, event.snapshot.state))
        progress = event.snapshot.progress
        if progress is not None and progress.at == 2 and not receipts:
            receipts.append(await ref.signal("bump", models.Bump(by=5)))
    assert receipts[0].sequence == 1
    assert seen[-1] == ("completed", "completed")
    done = await ref.wait(timeout=30)
    assert (done.state, done.output, done.progress) == (
        "completed",
        models.CountResult(total=7),
        models.CountProgress(at=2),
    )
    again = await client.operation.echo.count.resume(ref.id).get()
    assert again.revision == done.revision


async def test_an_operation_is_cancelled_and_control_by_another_session_is_forbidden(
    reference_service: RunningPeer, client: Any, echo: Echo, deployment: Deployment
) -> None:
    models = echo.sdk.models
    ref = await client.operation.echo.count.start(models.CountInput(to=0, waitForBump=True))
    stranger = echo.sdk.Client(await deployment.connect(SessionKey.generate()))
    with pytest.raises(AuthError) as forbidden:
        await stranger.operation.echo.count.resume(ref.id).get()
    assert forbidden.value.reason == "forbidden"
    cancelled = await ref.cancel()
    assert cancelled.state == "cancelled"
    with pytest.raises(OperationAlreadyTerminalError):
        await ref.cancel()


async def test_a_feed_from_the_reference_service(
    reference_service: RunningPeer, client: Any, echo: Echo
) -> None:
    ticks: list[Any] = []
    async for tick in client.feed.echo.ticks(echo.sdk.models.TicksInput(count=3)):
        ticks.append(tick.n)
        if len(ticks) == 3:
            break
    assert ticks == [1, 2, 3]
