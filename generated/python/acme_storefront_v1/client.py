"""Typed caller facade of acme.storefront@v1 and the surfaces it uses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

import trellis_runtime as runtime
from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
        OperationRef,
        Subscription,
        ValueStateStore,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant

__all__ = ["Client"]


class _RpcAuth:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def sessions_logout(
        self, input: models.AuthSessionsLogoutRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsLogoutResponse:
        """End the calling session."""
        return await self._conn.request(
            descriptors.AUTH_RPC_AUTH_SESSIONS_LOGOUT, input, timeout=timeout
        )

    async def sessions_me(
        self, input: models.AuthSessionsMeRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsMeResponse:
        """Who the calling session belongs to."""
        return await self._conn.request(
            descriptors.AUTH_RPC_AUTH_SESSIONS_ME, input, timeout=timeout
        )


class _RpcBilling:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def invoice_download(
        self, input: models.GetInvoiceInput, *, timeout: float | None = None
    ) -> models.DownloadGrant:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_DOWNLOAD, input, timeout=timeout
        )

    async def invoice_get(
        self, input: models.GetInvoiceInput, *, timeout: float | None = None
    ) -> models.Invoice:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_GET, input, timeout=timeout
        )

    async def invoice_list(
        self, input: models.ListInvoicesInput, *, timeout: float | None = None
    ) -> models.InvoicePage:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_LIST, input, timeout=timeout
        )


class _RpcInventory:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def stock_get(
        self, input: models.GetStockInput, *, timeout: float | None = None
    ) -> models.StockLevel:
        return await self._conn.request(
            descriptors.INVENTORY_RPC_INVENTORY_STOCK_GET, input, timeout=timeout
        )


class _RpcRecommendations:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def for_customer(
        self, input: models.ForCustomerInput, *, timeout: float | None = None
    ) -> models.ForCustomerOutput:
        """Up to `limit` products for one customer, best first."""
        return await self._conn.request(
            descriptors.RECOMMENDATIONS_RPC_RECOMMENDATIONS_FOR_CUSTOMER,
            input,
            timeout=timeout,
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


class _OperationBillingRefund:
    """Refund (part of) a paid invoice once an approver agrees."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def start(
        self, input: models.RefundInput, *, timeout: float | None = None
    ) -> OperationRef[models.RefundProgress, models.RefundResult]:
        """Start the operation; the reference gets, waits for, watches, cancels or signals it."""
        return await self._conn.start_operation(
            descriptors.BILLING_OPERATION_BILLING_REFUND, input, timeout=timeout
        )

    def resume(
        self, operation_id: str
    ) -> OperationRef[models.RefundProgress, models.RefundResult]:
        """A reference to an operation started earlier (e.g. before a reconnect)."""
        return self._conn.operation(
            descriptors.BILLING_OPERATION_BILLING_REFUND, operation_id
        )


class _OperationBilling:
    def __init__(self, conn: Connection) -> None:
        self.refund = _OperationBillingRefund(conn)


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


class _FeedInventory:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def stock_changes(
        self, input: models.WatchStockInput
    ) -> AsyncIterator[models.StockChanged]:
        """Every change of the watched SKUs, as it happens."""
        return self._conn.feed(
            descriptors.INVENTORY_FEED_INVENTORY_STOCK_CHANGES, input
        )


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.auth = _RpcAuth(conn)
        self.billing = _RpcBilling(conn)
        self.inventory = _RpcInventory(conn)
        self.recommendations = _RpcRecommendations(conn)
        self.state = _RpcState(conn)


class _Operation:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _OperationBilling(conn)


class _Event:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _EventBilling(conn)


class _Feed:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.inventory = _FeedInventory(conn)


class _State:
    """`client.state.<store>`: the contract's Trellis-managed state, kept by the platform
    (trellis.state@v1) per caller session and contract lineage."""

    def __init__(self, conn: Connection) -> None:
        self.cart: ValueStateStore[models.Cart] = runtime.ValueStateStore(
            conn, descriptors.STATE_CART
        )
        """The customer's cart."""
        self.preferences: ValueStateStore[models.Preferences] = runtime.ValueStateStore(
            conn, descriptors.STATE_PREFERENCES
        )


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
