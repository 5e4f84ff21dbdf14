"""Events both ways between the reference runtime and our generated SDK: JetStream publishes
with ``Nats-Msg-Id`` and the ``header`` field, subject parameters escaped identically, and
listeners narrowed by a parameter filter."""

from __future__ import annotations

import asyncio
from typing import Any

from trellis_runtime.encoding import decode_json

from .conftest import Deployment, Echo
from .echo_service import build
from .peer import Peer

ROOM = "lobby"
ODD_ROOM = "hall.B *east*"  # every character the reference escapes, in one value


async def collect(
    deployment: Deployment, echo: Echo, room: str | None
) -> tuple[list[Any], list[Any]]:
    """A typed Python subscriber (filtered by room) and a raw one on every room."""
    typed: list[Any] = []
    raw: list[Any] = []
    conn = await deployment.connect()

    async def on_event(event: Any) -> None:
        typed.append(event)

    async def on_raw(message: Any) -> None:
        raw.append(message)

    client = echo.sdk.Client(conn)
    if room is None:
        await client.event.echo.said.subscribe(on_event)
    else:
        await client.event.echo.said.subscribe(on_event, room=room)
    await conn.transport.subscribe("events.v1.Echo.Said.>", on_raw)
    await conn.transport.flush()
    return typed, raw


async def eventually(condition: Any) -> None:
    async with asyncio.timeout(30):
        while not condition():
            await asyncio.sleep(0.02)


async def test_reference_client_events_reach_the_filtered_python_subscriber(
    deployment: Deployment, echo: Echo, peer: Peer
) -> None:
    typed, raw = await collect(deployment, echo, ROOM)
    results = await peer.run("client", "publish:elsewhere:skip me", f"publish:{ROOM}:hello")
    assert all(r["ok"] for r in results)
    await eventually(lambda: len(raw) == 2 and len(typed) == 1)
    (event,) = typed
    assert (event.room, event.text) == (ROOM, "hello")
    message = next(m for m in raw if m.subject.endswith(f".{ROOM}"))
    body = decode_json(message.data)
    assert event.header.id == body["header"]["id"] == message.header("Nats-Msg-Id")
    assert body["header"]["time"].endswith("Z")


async def test_python_events_reach_the_filtered_reference_listener(
    deployment: Deployment, echo: Echo, peer: Peer
) -> None:
    client = echo.sdk.Client(await deployment.connect())
    models = echo.sdk.models
    async with peer.running("listen", ODD_ROOM, "1", ready="LISTENING") as listener:
        await client.event.echo.said.publish(models.Said(room="elsewhere", text="skip"))
        sent = models.Said(room=ODD_ROOM, text="from python")
        await client.event.echo.said.publish(sent)
        (line,) = await listener.lines(1)
    assert line["event"]["room"] == ODD_ROOM and line["event"]["text"] == "from python"
    assert line["event"]["header"]["id"] == sent.header.id
    # the reference rendered its filter to the same escaped subject we published on
    assert line["subject"] == "events.v1.Echo.Said.hall~2E~B~20~~2A~east~2A~"


async def test_events_published_by_services_inside_handlers_cross_both_ways(
    deployment: Deployment, echo: Echo, peer: Peer
) -> None:
    typed, _ = await collect(deployment, echo, None)
    # the reference service publishes while handling our call
    async with peer.running("service", ready="READY"):
        client = echo.sdk.Client(await deployment.connect())
        await client.rpc.echo.say(echo.sdk.models.SayInput(text="emit:ref-room:by reference"))
        await eventually(lambda: any(e.room == "ref-room" for e in typed))
    # our service publishes while handling the reference client's call
    service = build(echo.sdk, await deployment.connect())
    await service.start()
    try:
        async with peer.running("listen", "py-room", "1", ready="LISTENING") as listener:
            results = await peer.run("client", "say:emit:py-room:by python")
            assert results[0]["ok"] is True
            (line,) = await listener.lines(1)
        assert line["event"]["text"] == "by python"
    finally:
        await service.stop()
