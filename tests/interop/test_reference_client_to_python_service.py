"""The reference runtime's client calls our generated Python service over one nats-server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from .conftest import Deployment, Echo
from .echo_service import build
from .peer import Peer


@pytest.fixture
async def python_service(deployment: Deployment, echo: Echo) -> AsyncIterator[Any]:
    service = build(echo.sdk, await deployment.connect())
    await service.start()
    try:
        yield service
    finally:
        await service.stop()


async def steps(peer: Peer, *specs: str) -> dict[str, dict[str, Any]]:
    return {line["step"]: line for line in await peer.run("client", *specs)}


async def test_rpc_success_and_the_caller_the_service_saw(python_service: Any, peer: Peer) -> None:
    got = await steps(peer, "say:hello")
    assert got["say:hello"]["ok"] is True
    output = got["say:hello"]["output"]
    assert (output["text"], output["callerType"]) == ("hello", "service")


async def test_a_declared_error_arrives_as_the_reference_client_s_declared_error(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "say:fail"))["say:fail"]
    assert got["errorClass"] == "Declared:EchoRefused"
    error = got["error"]
    assert (error["type"], error["message"], error["reason"]) == (
        "EchoRefused",
        "refused on request",
        "asked",
    )
    assert error["context"]["method"] == "Echo.Say"


async def test_a_crash_arrives_as_unexpected_error_without_python_detail(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "say:boom"))["say:boom"]
    assert got["errorClass"] == "UnexpectedError"
    assert got["error"]["message"] == "An unexpected error has occurred"
    text = str(got)
    assert "hunter2" not in text and "Traceback" not in text and "RuntimeError" not in text


async def test_an_invalid_body_is_answered_with_a_validation_error(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "badinput"))["badinput"]
    assert got["status"] == "error"
    assert got["body"]["type"] == "ValidationError"
    assert got["body"]["issues"][0]["path"] == "/text"


async def test_a_bad_proof_and_a_foreign_reply_inbox_are_refused(
    python_service: Any, peer: Peer
) -> None:
    got = await steps(peer, "badproof", "badinbox")
    assert got["badproof"]["status"] == "error"
    assert (got["badproof"]["body"]["type"], got["badproof"]["body"]["reason"]) == (
        "AuthError",
        "invalid_signature",
    )
    mismatch = got["badinbox"]["body"]
    assert (mismatch["reason"], mismatch["context"]["actual"][:7]) == (
        "reply_subject_mismatch",
        "_INBOX.",
    )


async def test_an_operation_is_watched_signalled_and_waited_for(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "count:3:10"))["count:3:10"]
    assert got["ok"] is True
    assert got["signalled"] == {"signal": "bump", "signalSequence": 1}
    types = [event["type"] for event in got["events"]]
    assert types[-1] == "completed"
    revisions = [event["revision"] for event in got["events"]]
    assert revisions == sorted(set(revisions))
    final = got["final"]
    assert (final["state"], final["output"], final["progress"]) == (
        "completed",
        {"total": 13},
        {"at": 3},
    )
    assert final["service"] == "py-echo" and final["operation"] == "Echo.Count"


async def test_an_operation_is_cancelled_and_a_second_cancel_is_refused(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "cancel"))["cancel"]
    assert got["cancelled"]["state"] == "cancelled"
    assert got["again"]["errorClass"] == "OperationAlreadyTerminalError"
    assert got["again"]["error"]["operationId"] == got["cancelled"]["id"]
    assert got["get"]["state"] == "cancelled"


async def test_a_feed_is_acknowledged_and_streams_its_events(
    python_service: Any, peer: Peer
) -> None:
    got = (await steps(peer, "ticks:3"))["ticks:3"]
    assert got["ticks"] == [{"n": 1}, {"n": 2}, {"n": 3}]
