"""Typed handler registration for the surfaces the contract owns.

`service.handle.rpc.<group>.<leaf>(handler)` (also usable as a decorator) registers a handler
whose signature mypy checks against the contract; internal RPCs are not offered here.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pydantic import BaseModel
from trellis_generate import runtime
from trellis_generate.runtime import (
    ActiveOperation,
    Connection,
    Deferred,
    JobContext,
    JobRef,
    RpcContext,
)

from . import descriptors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID

__all__ = ["Service"]


class _HandleRpcBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def invoice_create(
        self,
        handler: Callable[[models.CreateInvoiceInput, RpcContext], Awaitable[models.Invoice]],
    ) -> Callable[[models.CreateInvoiceInput, RpcContext], Awaitable[models.Invoice]]:
        """Create an open invoice; totals are computed by Billing."""
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_CREATE, handler)
        return handler

    def invoice_download(
        self,
        handler: Callable[[models.GetInvoiceInput, RpcContext], Awaitable[models.DownloadGrant]],
    ) -> Callable[[models.GetInvoiceInput, RpcContext], Awaitable[models.DownloadGrant]]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_DOWNLOAD, handler)
        return handler

    def invoice_get(
        self,
        handler: Callable[[models.GetInvoiceInput, RpcContext], Awaitable[models.Invoice]],
    ) -> Callable[[models.GetInvoiceInput, RpcContext], Awaitable[models.Invoice]]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_GET, handler)
        return handler

    def invoice_list(
        self,
        handler: Callable[[models.ListInvoicesInput, RpcContext], Awaitable[models.InvoicePage]],
    ) -> Callable[[models.ListInvoicesInput, RpcContext], Awaitable[models.InvoicePage]]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_LIST, handler)
        return handler


class _HandleOperationBillingReceiptUpload:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def __call__(
        self,
        handler: Callable[
            [models.ReceiptUploadInput, ActiveOperation[BaseModel, models.ReceiptUploaded]],
            Awaitable[models.ReceiptUploaded | Deferred],
        ],
    ) -> Callable[
        [models.ReceiptUploadInput, ActiveOperation[BaseModel, models.ReceiptUploaded]],
        Awaitable[models.ReceiptUploaded | Deferred],
    ]:
        self._svc.handle_operation(descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, handler)
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[BaseModel, models.ReceiptUploaded]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._svc.operation_control(
            descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, operation_id
        )


class _HandleOperationBillingRefund:
    """Refund (part of) a paid invoice once an approver agrees."""

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def __call__(
        self,
        handler: Callable[
            [models.RefundInput, ActiveOperation[models.RefundProgress, models.RefundResult]],
            Awaitable[models.RefundResult | Deferred],
        ],
    ) -> Callable[
        [models.RefundInput, ActiveOperation[models.RefundProgress, models.RefundResult]],
        Awaitable[models.RefundResult | Deferred],
    ]:
        self._svc.handle_operation(descriptors.OPERATION_BILLING_REFUND, handler)
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[models.RefundProgress, models.RefundResult]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._svc.operation_control(descriptors.OPERATION_BILLING_REFUND, operation_id)


class _HandleOperationBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self.receipt_upload = _HandleOperationBillingReceiptUpload(svc)
        self.refund = _HandleOperationBillingRefund(svc)


class _HandleEventBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def invoice_paid(
        self,
        handler: Callable[[models.InvoicePaid], Awaitable[None]],
        *,
        customer_id: str | None = None,
        invoice_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.InvoicePaid], Awaitable[None]]:
        """Published once per invoice, when its payment settles."""
        filter: dict[str, str | None] = {
            "/customerId": customer_id,
            "/invoiceId": invoice_id,
        }
        self._svc.listen(
            descriptors.EVENT_BILLING_INVOICE_PAID,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _HandleRpc:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.billing = _HandleRpcBilling(svc)


class _HandleOperation:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.billing = _HandleOperationBilling(svc)


class _HandleEvent:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.billing = _HandleEventBilling(svc)


class _HandleFeed:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _JobChargeRefund:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def handle(
        self,
        handler: Callable[
            [models.ChargeRefundJob, JobContext], Awaitable[models.ChargeRefundResult | None]
        ],
    ) -> Callable[
        [models.ChargeRefundJob, JobContext], Awaitable[models.ChargeRefundResult | None]
    ]:
        self._svc.handle_job(descriptors.JOB_CHARGE_REFUND, handler)
        return handler

    async def create(self, payload: models.ChargeRefundJob) -> JobRef:
        """Hand a job to a worker of this service."""
        return await self._svc.create_job(descriptors.JOB_CHARGE_REFUND, payload)


class _Jobs:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.charge_refund = _JobChargeRefund(svc)


class _Handle:
    def __init__(self, svc: runtime.Service) -> None:
        self.rpc = _HandleRpc(svc)
        self.operation = _HandleOperation(svc)
        self.event = _HandleEvent(svc)
        self.feed = _HandleFeed(svc)


class Service:
    """The owning service: `service.handle.<section>...(handler)`, `service.jobs.<queue>`, and
    `service.client` for outbound calls on the same connection.
    """

    def __init__(self, conn: Connection, *, name: str) -> None:
        self.runtime = runtime.Service(
            conn, name=name, contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST
        )
        self.client = Client(conn)
        self.handle = _Handle(self.runtime)
        self.jobs = _Jobs(self.runtime)

    async def start(self) -> None:
        await self.runtime.start()

    async def stop(self, *, timeout: float = runtime.DEFAULT_STOP_TIMEOUT) -> None:
        """Drain subscriptions; let in-flight handlers finish (up to `timeout`), cancel the rest."""
        await self.runtime.stop(timeout=timeout)
