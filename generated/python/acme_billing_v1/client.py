"""Typed caller facade of acme.billing@v1 and the surfaces it uses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import trellis_runtime as runtime
from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
        OperationRef,
        Subscription,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant, TransferInput

__all__ = ["Client"]


class _RpcBilling:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def invoice_create(
        self, input: models.CreateInvoiceInput, *, timeout: float | None = None
    ) -> models.Invoice:
        """Create an open invoice; totals are computed by Billing."""
        return await self._conn.request(
            descriptors.RPC_BILLING_INVOICE_CREATE, input, timeout=timeout
        )

    async def invoice_download(
        self, input: models.GetInvoiceInput, *, timeout: float | None = None
    ) -> models.DownloadGrant:
        return await self._conn.request(
            descriptors.RPC_BILLING_INVOICE_DOWNLOAD, input, timeout=timeout
        )

    async def invoice_get(
        self, input: models.GetInvoiceInput, *, timeout: float | None = None
    ) -> models.Invoice:
        return await self._conn.request(
            descriptors.RPC_BILLING_INVOICE_GET, input, timeout=timeout
        )

    async def invoice_list(
        self, input: models.ListInvoicesInput, *, timeout: float | None = None
    ) -> models.InvoicePage:
        return await self._conn.request(
            descriptors.RPC_BILLING_INVOICE_LIST, input, timeout=timeout
        )


class _OperationBillingReceiptUpload:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def input(
        self, input: models.ReceiptUploadInput
    ) -> TransferInput[models.ReceiptUploadInput, BaseModel, models.ReceiptUploaded]:
        """A transfer operation starts with its bytes: `input(x).transfer(body).start()`."""
        return runtime.TransferInput(
            self._conn, descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, input
        )

    def resume(
        self, operation_id: str
    ) -> OperationRef[BaseModel, models.ReceiptUploaded]:
        """A reference to an operation started earlier (e.g. before a reconnect)."""
        return self._conn.operation(
            descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, operation_id
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
            descriptors.OPERATION_BILLING_REFUND, input, timeout=timeout
        )

    def resume(
        self, operation_id: str
    ) -> OperationRef[models.RefundProgress, models.RefundResult]:
        """A reference to an operation started earlier (e.g. before a reconnect)."""
        return self._conn.operation(descriptors.OPERATION_BILLING_REFUND, operation_id)


class _OperationBilling:
    def __init__(self, conn: Connection) -> None:
        self.receipt_upload = _OperationBillingReceiptUpload(conn)
        self.refund = _OperationBillingRefund(conn)


class _EventBillingInvoicePaid:
    """Published once per invoice, when its payment settles."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.BillingInvoicePaidEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_BILLING_INVOICE_PAID, event)

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
            descriptors.EVENT_BILLING_INVOICE_PAID,
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


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _RpcBilling(conn)


class _Operation:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _OperationBilling(conn)


class _Event:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.billing = _EventBilling(conn)
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
