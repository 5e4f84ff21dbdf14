"""Typed handler registration for the surfaces the contract owns.

`service.handle.rpc.<group>.<leaf>(handler)` (also usable as a decorator) registers a handler
whose signature mypy checks against the contract; internal RPCs are not offered here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

import trellis_runtime as runtime
from pydantic import BaseModel

from . import descriptors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID

if TYPE_CHECKING:
    from trellis_runtime import (
        ActiveJob,
        ActiveOperation,
        Bindings,
        Connection,
        Deferred,
        JobQueue,
        JobRef,
        KvStore,
        RpcContext,
        StoreHandle,
        TransferGrant,
        UploadOperation,
    )
    from trellis_runtime.deps import Bound, BoundHealth

__all__ = ["BoundService", "Service"]

DepsT = TypeVar("DepsT")
NextDepsT = TypeVar("NextDepsT")
StoreAlias = Literal["receipts"]


class _HandleRpcBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def invoice_create(
        self,
        handler: Callable[
            [models.CreateInvoiceInput, RpcContext], Awaitable[models.Invoice]
        ],
    ) -> Callable[[models.CreateInvoiceInput, RpcContext], Awaitable[models.Invoice]]:
        """Create an open invoice; totals are computed by Billing."""
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_CREATE, handler)
        return handler

    def invoice_download(
        self,
        handler: Callable[
            [models.GetInvoiceInput, RpcContext], Awaitable[models.DownloadGrant]
        ],
    ) -> Callable[
        [models.GetInvoiceInput, RpcContext], Awaitable[models.DownloadGrant]
    ]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_DOWNLOAD, handler)
        return handler

    def invoice_get(
        self,
        handler: Callable[
            [models.GetInvoiceInput, RpcContext], Awaitable[models.Invoice]
        ],
    ) -> Callable[[models.GetInvoiceInput, RpcContext], Awaitable[models.Invoice]]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_GET, handler)
        return handler

    def invoice_list(
        self,
        handler: Callable[
            [models.ListInvoicesInput, RpcContext], Awaitable[models.InvoicePage]
        ],
    ) -> Callable[
        [models.ListInvoicesInput, RpcContext], Awaitable[models.InvoicePage]
    ]:
        self._svc.handle_rpc(descriptors.RPC_BILLING_INVOICE_LIST, handler)
        return handler


class _HandleOperationBillingReceiptUpload:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def __call__(
        self,
        handler: Callable[
            [
                models.ReceiptUploadInput,
                UploadOperation[BaseModel, models.ReceiptUploaded],
            ],
            Awaitable[models.ReceiptUploaded | Deferred],
        ],
    ) -> Callable[
        [models.ReceiptUploadInput, UploadOperation[BaseModel, models.ReceiptUploaded]],
        Awaitable[models.ReceiptUploaded | Deferred],
    ]:
        """The handler's `op.transfer.completed()` returns the stored upload's `FileInfo`."""
        self._svc.handle_upload(descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, handler)
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
            [
                models.RefundInput,
                ActiveOperation[models.RefundProgress, models.RefundResult],
            ],
            Awaitable[models.RefundResult | Deferred],
        ],
    ) -> Callable[
        [
            models.RefundInput,
            ActiveOperation[models.RefundProgress, models.RefundResult],
        ],
        Awaitable[models.RefundResult | Deferred],
    ]:
        self._svc.handle_operation(descriptors.OPERATION_BILLING_REFUND, handler)
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[models.RefundProgress, models.RefundResult]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._svc.operation_control(
            descriptors.OPERATION_BILLING_REFUND, operation_id
        )


class _HandleOperationBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self.receipt_upload = _HandleOperationBillingReceiptUpload(svc)
        self.refund = _HandleOperationBillingRefund(svc)


class _HandleEventBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def invoice_paid(
        self,
        handler: Callable[[models.BillingInvoicePaidEvent], Awaitable[None]],
        *,
        customer_id: str | None = None,
        invoice_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.BillingInvoicePaidEvent], Awaitable[None]]:
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


class _Jobs:
    """`service.jobs.<queue>`: `await create(payload)` -> `JobRef`; `handle(handler)` to work it.

    A handler is `async def handler(job: ActiveJob[Payload, Result]) -> Result`.
    """

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.charge_refund: JobQueue[
            models.ChargeRefundJob, models.ChargeRefundResult
        ] = svc.job_queue(descriptors.JOB_CHARGE_REFUND)


class _Kv:
    """`service.kv.<alias>`: the contract's KV resources, each typed by its schema."""

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    @property
    def invoices(self) -> KvStore[models.Invoice]:
        """Invoice documents by id, for fast reads."""
        return self._svc.kv(descriptors.KV_INVOICES)


class _Store:
    """`service.store.<alias>`: the contract's stores of opaque byte objects."""

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    @property
    def receipts(self) -> StoreHandle:
        """Uploaded payment receipts (PDF and images)."""
        return self._svc.store(descriptors.STORE_RECEIPTS)


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

    def __init__(
        self,
        conn: Connection,
        *,
        name: str,
        authorizer: runtime.Authorizer | None = None,
        bootstrap: bool | None = None,
        heartbeat_interval: float = 30.0,
    ) -> None:
        """`authorizer` defaults to asking the deployment's auth service about each request.

        `bootstrap`: receive the resource bindings from the deployment before serving (default:
        when `conn` presented this contract's digest to a deployment). `heartbeat_interval`:
        seconds between `Health.Heartbeat` events.
        """
        self.runtime = runtime.Service(
            conn,
            name=name,
            contract_id=CONTRACT_ID,
            contract_digest=CONTRACT_DIGEST,
            authorizer=authorizer,
            bootstrap=bootstrap,
        )
        self.client = Client(conn)
        self.handle = _Handle(self.runtime)
        self.jobs = _Jobs(self.runtime)
        self.kv = _Kv(self.runtime)
        self.store = _Store(self.runtime)
        self.health = self.runtime.health
        self.runtime.enable_heartbeats(
            interval=heartbeat_interval
        )  # uses trellis.health@v1

    @property
    def bindings(self) -> Bindings | None:
        """What the deployment bound this contract's resources to (None before start, locally)."""
        return self.runtime.bindings

    async def create_transfer(
        self, *, store: StoreAlias, key: str, session_key: str, expires_in: float = 60.0
    ) -> TransferGrant:
        """A receive grant: `session_key` may read `key` of `store` once, within `expires_in`
        seconds. Return `grant.to_wire()` in a receive-transfer RPC's output."""
        return await self.runtime.create_transfer(
            store=store, key=key, session_key=session_key, expires_in=expires_in
        )

    def with_deps(self, deps: DepsT) -> BoundService[DepsT]:
        """Register handlers that also receive `deps` (a pool, settings, ...) as last argument."""
        return BoundService(self, deps)

    async def start(self) -> None:
        await self.runtime.start()

    async def stop(self, *, timeout: float = runtime.DEFAULT_STOP_TIMEOUT) -> None:
        """Drain subscriptions; let in-flight handlers finish (up to `timeout`), cancel the rest."""
        await self.runtime.stop(timeout=timeout)


# ----- `service.with_deps(deps)`: the same registrations, handlers also get `deps` -------------


class _BoundHandleRpcBilling(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def invoice_create(
        self,
        handler: Callable[
            [models.CreateInvoiceInput, RpcContext, DepsT], Awaitable[models.Invoice]
        ],
    ) -> Callable[
        [models.CreateInvoiceInput, RpcContext, DepsT], Awaitable[models.Invoice]
    ]:
        """Create an open invoice; totals are computed by Billing."""
        self._bound.handle_rpc(descriptors.RPC_BILLING_INVOICE_CREATE, handler)
        return handler

    def invoice_download(
        self,
        handler: Callable[
            [models.GetInvoiceInput, RpcContext, DepsT], Awaitable[models.DownloadGrant]
        ],
    ) -> Callable[
        [models.GetInvoiceInput, RpcContext, DepsT], Awaitable[models.DownloadGrant]
    ]:
        self._bound.handle_rpc(descriptors.RPC_BILLING_INVOICE_DOWNLOAD, handler)
        return handler

    def invoice_get(
        self,
        handler: Callable[
            [models.GetInvoiceInput, RpcContext, DepsT], Awaitable[models.Invoice]
        ],
    ) -> Callable[
        [models.GetInvoiceInput, RpcContext, DepsT], Awaitable[models.Invoice]
    ]:
        self._bound.handle_rpc(descriptors.RPC_BILLING_INVOICE_GET, handler)
        return handler

    def invoice_list(
        self,
        handler: Callable[
            [models.ListInvoicesInput, RpcContext, DepsT], Awaitable[models.InvoicePage]
        ],
    ) -> Callable[
        [models.ListInvoicesInput, RpcContext, DepsT], Awaitable[models.InvoicePage]
    ]:
        self._bound.handle_rpc(descriptors.RPC_BILLING_INVOICE_LIST, handler)
        return handler


class _BoundHandleOperationBillingReceiptUpload(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def __call__(
        self,
        handler: Callable[
            [
                models.ReceiptUploadInput,
                UploadOperation[BaseModel, models.ReceiptUploaded],
                DepsT,
            ],
            Awaitable[models.ReceiptUploaded | Deferred],
        ],
    ) -> Callable[
        [
            models.ReceiptUploadInput,
            UploadOperation[BaseModel, models.ReceiptUploaded],
            DepsT,
        ],
        Awaitable[models.ReceiptUploaded | Deferred],
    ]:
        self._bound.handle_upload(descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, handler)
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[BaseModel, models.ReceiptUploaded]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._bound.service.operation_control(
            descriptors.OPERATION_BILLING_RECEIPT_UPLOAD, operation_id
        )


class _BoundHandleOperationBillingRefund(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def __call__(
        self,
        handler: Callable[
            [
                models.RefundInput,
                ActiveOperation[models.RefundProgress, models.RefundResult],
                DepsT,
            ],
            Awaitable[models.RefundResult | Deferred],
        ],
    ) -> Callable[
        [
            models.RefundInput,
            ActiveOperation[models.RefundProgress, models.RefundResult],
            DepsT,
        ],
        Awaitable[models.RefundResult | Deferred],
    ]:
        self._bound.handle_operation(descriptors.OPERATION_BILLING_REFUND, handler)
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[models.RefundProgress, models.RefundResult]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._bound.service.operation_control(
            descriptors.OPERATION_BILLING_REFUND, operation_id
        )


class _BoundHandleOperationBilling(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self.receipt_upload = _BoundHandleOperationBillingReceiptUpload(bound)
        self.refund = _BoundHandleOperationBillingRefund(bound)


class _BoundHandleEventBilling(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def invoice_paid(
        self,
        handler: Callable[[models.BillingInvoicePaidEvent, DepsT], Awaitable[None]],
        *,
        customer_id: str | None = None,
        invoice_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.BillingInvoicePaidEvent, DepsT], Awaitable[None]]:
        filter: dict[str, str | None] = {
            "/customerId": customer_id,
            "/invoiceId": invoice_id,
        }
        self._bound.listen(
            descriptors.EVENT_BILLING_INVOICE_PAID,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _BoundHandleRpc(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.billing = _BoundHandleRpcBilling(bound)


class _BoundHandleOperation(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.billing = _BoundHandleOperationBilling(bound)


class _BoundHandleEvent(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.billing = _BoundHandleEventBilling(bound)


class _BoundHandleFeed(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundJobChargeRefund(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def handle(
        self,
        handler: Callable[
            [ActiveJob[models.ChargeRefundJob, models.ChargeRefundResult], DepsT],
            Awaitable[models.ChargeRefundResult | None],
        ],
    ) -> Callable[
        [ActiveJob[models.ChargeRefundJob, models.ChargeRefundResult], DepsT],
        Awaitable[models.ChargeRefundResult | None],
    ]:
        """Work the queue: `async def handler(job: ActiveJob[...], deps) -> Result`."""
        self._bound.handle_job(descriptors.JOB_CHARGE_REFUND, handler)
        return handler

    async def create(
        self, payload: models.ChargeRefundJob
    ) -> JobRef[models.ChargeRefundJob, models.ChargeRefundResult]:
        """Enqueue a job for a worker of this service."""
        return await self._bound.service.create_job(
            descriptors.JOB_CHARGE_REFUND, payload
        )


class _BoundJobs(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.charge_refund = _BoundJobChargeRefund(bound)


class _BoundHandle(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self.rpc = _BoundHandleRpc(bound)
        self.operation = _BoundHandleOperation(bound)
        self.event = _BoundHandleEvent(bound)
        self.feed = _BoundHandleFeed(bound)


class BoundService(Generic[DepsT]):
    """`service.with_deps(deps)`: register handlers that receive `deps` as their last argument.

    Trellis passes `deps` through untouched (never copies, opens or closes it); views made
    with different dependencies of one service keep their own.
    """

    def __init__(self, service: Service, deps: DepsT) -> None:
        self.service = service
        self.deps = deps
        bound = service.runtime.with_deps(deps)
        self.handle = _BoundHandle(bound)
        self.jobs = _BoundJobs(bound)
        self.health: BoundHealth[DepsT] = bound.health
        self.client = service.client

    def with_deps(self, deps: NextDepsT) -> BoundService[NextDepsT]:
        return BoundService(self.service, deps)
