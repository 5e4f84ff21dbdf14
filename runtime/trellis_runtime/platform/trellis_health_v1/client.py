"""Typed caller facade of trellis.health@v1 and the surfaces it uses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
        Subscription,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant

__all__ = ["Client"]


class _EventHealthHeartbeat:
    """Periodic report of a running instance: which contract and instance it is, its runtime, since when it runs, and the result of each health check."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.HealthHeartbeat) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_HEALTH_HEARTBEAT, event)

    async def subscribe(
        self,
        handler: Callable[[models.HealthHeartbeat], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {}
        return await self._conn.subscribe(
            descriptors.EVENT_HEALTH_HEARTBEAT,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventHealth:
    def __init__(self, conn: Connection) -> None:
        self.heartbeat = _EventHealthHeartbeat(conn)


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class _Operation:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class _Event:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.health = _EventHealth(conn)


class _Feed:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class Client:
    """Typed caller facade: `client.rpc.<group>.<leaf>(input)`, `client.operation...start(input)`,
    `client.event...publish(event)` / `.subscribe(handler)`, `client.feed.<group>.<leaf>(input)`.
    """

    def __init__(self, conn: Connection) -> None:
        self.connection = conn
        self.rpc = _Rpc(conn)
        self.operation = _Operation(conn)
        self.event = _Event(conn)
        self.feed = _Feed(conn)

    def transfer(
        self, grant: TransferGrant | BaseModel | dict[str, object]
    ) -> ReceiveTransfer:
        """Read what a receive grant (returned by a transfer RPC) entitles this session to:
        `await client.transfer(grant).bytes()`, or `async for chunk in ....stream()`."""
        from trellis_runtime.transfer import receive

        return receive(self.connection, grant)
