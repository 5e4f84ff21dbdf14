"""Typed caller facade of trellis.state@v1 and the surfaces it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant

__all__ = ["Client"]


class _RpcState:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def admin_delete(
        self, input: models.StateAdminDeleteRequest, *, timeout: float | None = None
    ) -> models.StateAdminDeleteResponse:
        """Remove one entry of any participant's state (administrators)."""
        return await self._conn.request(
            descriptors.RPC_STATE_ADMIN_DELETE, input, timeout=timeout
        )

    async def admin_get(
        self, input: models.StateAdminGetRequest, *, timeout: float | None = None
    ) -> models.StateAdminGetResponse:
        """Read one entry of any participant's state (administrators)."""
        return await self._conn.request(
            descriptors.RPC_STATE_ADMIN_GET, input, timeout=timeout
        )

    async def admin_list(
        self, input: models.StateAdminListRequest, *, timeout: float | None = None
    ) -> models.StateAdminListResponse:
        """Entries of any participant's state, by page (administrators)."""
        return await self._conn.request(
            descriptors.RPC_STATE_ADMIN_LIST, input, timeout=timeout
        )

    async def delete(
        self, input: models.StateDeleteRequest, *, timeout: float | None = None
    ) -> models.StateDeleteResponse:
        """Remove one entry of the caller's state."""
        return await self._conn.request(
            descriptors.RPC_STATE_DELETE, input, timeout=timeout
        )

    async def get(
        self, input: models.StateGetRequest, *, timeout: float | None = None
    ) -> models.StateGetResponse:
        """Read one entry of the caller's state."""
        return await self._conn.request(
            descriptors.RPC_STATE_GET, input, timeout=timeout
        )

    async def list(
        self, input: models.StateListRequest, *, timeout: float | None = None
    ) -> models.StateListResponse:
        """Entries of the caller's state, by page, optionally under a key prefix."""
        return await self._conn.request(
            descriptors.RPC_STATE_LIST, input, timeout=timeout
        )

    async def put(
        self, input: models.StatePutRequest, *, timeout: float | None = None
    ) -> models.StatePutResponse:
        """Write one entry; with an expected revision, only if nobody changed it in between."""
        return await self._conn.request(
            descriptors.RPC_STATE_PUT, input, timeout=timeout
        )


class _EventHealthHeartbeat:
    """Periodic report of a running instance: which contract and instance it is, its runtime, since when it runs, and the result of each health check."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.HealthHeartbeat) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.HEALTH_EVENT_HEALTH_HEARTBEAT, event)


class _EventHealth:
    def __init__(self, conn: Connection) -> None:
        self.heartbeat = _EventHealthHeartbeat(conn)


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.state = _RpcState(conn)


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
