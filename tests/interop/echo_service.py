"""The echo contract served in Python, through its generated SDK, for the reference to call."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

from trellis_runtime import ActiveOperation, Connection, RpcContext


def build(sdk: ModuleType, conn: Connection) -> Any:
    """A generated ``Service`` with every echo surface handled the way the reference peer's is."""
    models = sdk.models
    service = sdk.Service(conn, name="py-echo")

    @service.handle.rpc.echo.say
    async def say(payload: Any, ctx: RpcContext) -> Any:
        if payload.text == "fail":
            raise sdk.EchoRefused("refused on request", data=models.RefusedData(reason="asked"))
        if payload.text == "boom":
            raise RuntimeError("python handler exploded with a secret: hunter2")
        if payload.text.startswith("emit:"):
            _, room, said = payload.text.split(":", 2)
            await service.client.event.echo.said.publish(models.Said(room=room, text=said))
        caller = ctx.caller
        return models.SayOutput(
            text=payload.text, callerType=caller.type, callerId=getattr(caller, "id", "")
        )

    @service.handle.operation.echo.count
    async def count(payload: Any, op: ActiveOperation[Any, Any]) -> Any:
        for at in range(1, payload.to + 1):
            await op.progress(models.CountProgress(at=at))
        total = payload.to
        if payload.waitForBump:
            _, bump = await op.next_signal("bump")
            total += bump.by
        return models.CountResult(total=total)

    @service.handle.feed.echo.ticks
    async def ticks(payload: Any, ctx: RpcContext) -> AsyncIterator[Any]:
        for n in range(1, payload.count + 1):
            yield models.Tick(n=n)

    return service
