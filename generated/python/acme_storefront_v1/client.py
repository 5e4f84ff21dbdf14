"""Typed caller facade of acme.storefront@v1 and the surfaces it uses.

Declared uses left out of this SDK:
- auth (trellis.auth@v1): manifest not available
- recommendations (acme.recommendations@v1): manifest not available
- state (trellis.state@v1): manifest not available
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from trellis_generate.runtime import Connection, OperationRef, Subscription

from . import descriptors, models

__all__ = ["Client"]


class _RpcBilling:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def invoice_download(
        self, input: models.GetInvoiceInput, *, timeout: float = 5.0
    ) -> models.DownloadGrant:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_DOWNLOAD, input, timeout=timeout
        )

    async def invoice_get(
        self, input: models.GetInvoiceInput, *, timeout: float = 5.0
    ) -> models.Invoice:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_GET, input, timeout=timeout
        )

    async def invoice_list(
        self, input: models.ListInvoicesInput, *, timeout: float = 5.0
    ) -> models.InvoicePage:
        return await self._conn.request(
            descriptors.BILLING_RPC_BILLING_INVOICE_LIST, input, timeout=timeout
        )


class _RpcInventory:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def stock_get(
        self, input: models.GetStockInput, *, timeout: float = 5.0
    ) -> models.StockLevel:
        return await self._conn.request(
            descriptors.INVENTORY_RPC_INVENTORY_STOCK_GET, input, timeout=timeout
        )


class _OperationBillingRefund:
    """Refund (part of) a paid invoice once an approver agrees."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def start(
        self, input: models.RefundInput, *, timeout: float = 5.0
    ) -> OperationRef[models.RefundProgress, models.RefundResult]:
        """Start the operation; the reference gets, waits for, watches, cancels or signals it."""
        return await self._conn.start_operation(
            descriptors.BILLING_OPERATION_BILLING_REFUND, input, timeout=timeout
        )

    def resume(self, operation_id: str) -> OperationRef[models.RefundProgress, models.RefundResult]:
        """A reference to an operation started earlier (e.g. before a reconnect)."""
        return self._conn.operation(descriptors.BILLING_OPERATION_BILLING_REFUND, operation_id)


class _OperationBilling:
    def __init__(self, conn: Connection) -> None:
        self.refund = _OperationBillingRefund(conn)


class _EventBillingInvoicePaid:
    """Published once per invoice, when its payment settles."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def subscribe(
        self,
        handler: Callable[[models.InvoicePaid], Awaitable[None]],
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

    def stock_changes(self, input: models.WatchStockInput) -> AsyncIterator[models.StockChanged]:
        """Every change of the watched SKUs, as it happens."""
        return self._conn.feed(descriptors.INVENTORY_FEED_INVENTORY_STOCK_CHANGES, input)


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _RpcBilling(conn)
        self.inventory = _RpcInventory(conn)


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
