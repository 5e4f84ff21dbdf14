"""Typed caller facade of acme.inventory@v1 and the surfaces it uses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

import trellis_runtime as runtime
from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
        MapStateStore,
        Subscription,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant

__all__ = ["Client"]


class _RpcBilling:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def invoice_get(
        self, input: models.GetInvoiceInput, *, timeout: float | None = None
    ) -> models.Invoice:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_GET, input, timeout=timeout
        )


class _RpcInventory:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def stock_get(
        self, input: models.GetStockInput, *, timeout: float | None = None
    ) -> models.StockLevel:
        return await self._conn.request(
            descriptors.RPC_INVENTORY_STOCK_GET, input, timeout=timeout
        )

    async def stock_reserve(
        self, input: models.ReserveStockInput, *, timeout: float | None = None
    ) -> models.Reservation:
        return await self._conn.request(
            descriptors.RPC_INVENTORY_STOCK_RESERVE, input, timeout=timeout
        )


class _RpcState:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def delete(
        self, input: models.StateDeleteRequest, *, timeout: float | None = None
    ) -> models.StateDeleteResponse:
        """Remove one entry of the caller's state."""
        return await self._conn.request(
            descriptors.STATE_RPC_STATE_DELETE, input, timeout=timeout
        )

    async def get(
        self, input: models.StateGetRequest, *, timeout: float | None = None
    ) -> models.StateGetResponse:
        """Read one entry of the caller's state."""
        return await self._conn.request(
            descriptors.STATE_RPC_STATE_GET, input, timeout=timeout
        )

    async def list(
        self, input: models.StateListRequest, *, timeout: float | None = None
    ) -> models.StateListResponse:
        """Entries of the caller's state, by page, optionally under a key prefix."""
        return await self._conn.request(
            descriptors.STATE_RPC_STATE_LIST, input, timeout=timeout
        )

    async def put(
        self, input: models.StatePutRequest, *, timeout: float | None = None
    ) -> models.StatePutResponse:
        """Write one entry; with an expected revision, only if nobody changed it in between."""
        return await self._conn.request(
            descriptors.STATE_RPC_STATE_PUT, input, timeout=timeout
        )


class _EventBillingInvoicePaid:
    """Published once per invoice, when its payment settles."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def subscribe(
        self,
        handler: Callable[[models.BillingInvoicePaidEvent], Awaitable[None]],
        *,
        customer_id: str | None = None,
        invoice_id: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/customerId": customer_id,
            "/invoiceId": invoice_id,
        }
        return await self._conn.subscribe(
            descriptors.BILLING_EVENT_BILLING_INVOICE_PAID,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventBilling:
    def __init__(self, conn: Connection) -> None:
        self.invoice_paid = _EventBillingInvoicePaid(conn)


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


class _EventInventoryStockLow:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.InventoryStockLowEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_INVENTORY_STOCK_LOW, event)

    async def subscribe(
        self,
        handler: Callable[[models.InventoryStockLowEvent], Awaitable[None]],
        *,
        warehouse: str | None = None,
        sku: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/warehouse": warehouse,
            "/sku": sku,
        }
        return await self._conn.subscribe(
            descriptors.EVENT_INVENTORY_STOCK_LOW,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventInventory:
    def __init__(self, conn: Connection) -> None:
        self.stock_low = _EventInventoryStockLow(conn)


class _FeedInventory:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def stock_changes(
        self, input: models.WatchStockInput
    ) -> AsyncIterator[models.StockChanged]:
        """Every change of the watched SKUs, as it happens."""
        return self._conn.feed(descriptors.FEED_INVENTORY_STOCK_CHANGES, input)


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _RpcBilling(conn)
        self.inventory = _RpcInventory(conn)
        self.state = _RpcState(conn)


class _Operation:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class _Event:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _EventBilling(conn)
        self.health = _EventHealth(conn)
        self.inventory = _EventInventory(conn)


class _Feed:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.inventory = _FeedInventory(conn)


class _State:
    """`client.state.<store>`: the contract's Trellis-managed state, kept by the platform
    (trellis.state@v1) per caller session and contract lineage."""

    def __init__(self, conn: Connection) -> None:
        self.reservations: MapStateStore[models.Reservation] = runtime.MapStateStore(
            conn, descriptors.STATE_RESERVATIONS
        )
        """Open reservations by id."""


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
        self.state = _State(conn)

    def transfer(
        self, grant: TransferGrant | BaseModel | dict[str, object]
    ) -> ReceiveTransfer:
        """Read what a receive grant (returned by a transfer RPC) entitles this session to:
        `await client.transfer(grant).bytes()`, or `async for chunk in ....stream()`."""
        from trellis_runtime.transfer import receive

        return receive(self.connection, grant)
