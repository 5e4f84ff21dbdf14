"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from pydantic import BaseModel
from trellis_runtime import (
    EventDescriptor,
    JobDescriptor,
    KvDescriptor,
    OperationDescriptor,
    OperationTransfer,
    RpcDescriptor,
    SignalDescriptor,
    StoreDescriptor,
)

from . import errors, models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "EVENT_BILLING_INVOICE_PAID",
    "HEALTH_EVENT_HEALTH_HEARTBEAT",
    "JOB_CHARGE_REFUND",
    "KV_INVOICES",
    "OPERATION_BILLING_RECEIPT_UPLOAD",
    "OPERATION_BILLING_REFUND",
    "RPC_BILLING_INVOICE_CREATE",
    "RPC_BILLING_INVOICE_DOWNLOAD",
    "RPC_BILLING_INVOICE_GET",
    "RPC_BILLING_INVOICE_LIST",
    "RPC_BILLING_INVOICE_VOID",
    "STORE_RECEIPTS",
]

RPC_BILLING_INVOICE_CREATE: RpcDescriptor[models.CreateInvoiceInput, models.Invoice] = (
    RpcDescriptor(
        key="Billing.Invoice.Create",
        subject="rpc.v1.Billing.Invoice.Create",
        input=models.CreateInvoiceInput,
        output=models.Invoice,
        errors={},
        caller_capabilities=("acme.billing::invoices.write",),
        internal=False,
        transfer_direction=None,
    )
)

RPC_BILLING_INVOICE_DOWNLOAD: RpcDescriptor[
    models.GetInvoiceInput, models.DownloadGrant
] = RpcDescriptor(
    key="Billing.Invoice.Download",
    subject="rpc.v1.Billing.Invoice.Download",
    input=models.GetInvoiceInput,
    output=models.DownloadGrant,
    errors={
        "InvoiceNotFound": errors.InvoiceNotFound,
    },
    caller_capabilities=("acme.billing::invoices.read",),
    internal=False,
    transfer_direction="receive",
)

RPC_BILLING_INVOICE_GET: RpcDescriptor[models.GetInvoiceInput, models.Invoice] = (
    RpcDescriptor(
        key="Billing.Invoice.Get",
        subject="rpc.v1.Billing.Invoice.Get",
        input=models.GetInvoiceInput,
        output=models.Invoice,
        errors={
            "InvoiceNotFound": errors.InvoiceNotFound,
        },
        caller_capabilities=("acme.billing::invoices.read",),
        internal=False,
        transfer_direction=None,
    )
)

RPC_BILLING_INVOICE_LIST: RpcDescriptor[
    models.ListInvoicesInput, models.InvoicePage
] = RpcDescriptor(
    key="Billing.Invoice.List",
    subject="rpc.v1.Billing.Invoice.List",
    input=models.ListInvoicesInput,
    output=models.InvoicePage,
    errors={},
    caller_capabilities=("acme.billing::invoices.read",),
    internal=False,
    transfer_direction=None,
)

RPC_BILLING_INVOICE_VOID: RpcDescriptor[models.GetInvoiceInput, models.Invoice] = (
    RpcDescriptor(
        key="Billing.Invoice.Void",
        subject="rpc.v1.Billing.Invoice.Void",
        input=models.GetInvoiceInput,
        output=models.Invoice,
        errors={
            "Billing.InvoiceAlreadyPaid": errors.InvoiceAlreadyPaid,
            "InvoiceNotFound": errors.InvoiceNotFound,
        },
        caller_capabilities=("acme.billing::invoices.write", "admin"),
        internal=True,
        transfer_direction=None,
    )
)

OPERATION_BILLING_RECEIPT_UPLOAD: OperationDescriptor[
    models.ReceiptUploadInput, BaseModel, models.ReceiptUploaded
] = OperationDescriptor(
    key="Billing.Receipt.Upload",
    subject="operations.v1.Billing.Receipt.Upload",
    input=models.ReceiptUploadInput,
    progress=None,
    output=models.ReceiptUploaded,
    signals={},
    cancel=False,
    call_capabilities=("acme.billing::invoices.write",),
    observe_capabilities=("acme.billing::invoices.write",),
    cancel_capabilities=(),
    control_capabilities=(),
    transfer=OperationTransfer(
        store="receipts",
        key="/key",
        content_type="/contentType",
        metadata=None,
        expires_in_ms=None,
        max_bytes=10000000,
        store_max_object_bytes=10000000,
    ),
)

OPERATION_BILLING_REFUND: OperationDescriptor[
    models.RefundInput, models.RefundProgress, models.RefundResult
] = OperationDescriptor(
    key="Billing.Refund",
    subject="operations.v1.Billing.Refund",
    input=models.RefundInput,
    progress=models.RefundProgress,
    output=models.RefundResult,
    signals={
        "approveRefund": SignalDescriptor(
            name="approveRefund", input=models.ApproveRefund
        ),
    },
    cancel=True,
    call_capabilities=("acme.billing::refunds.request",),
    observe_capabilities=("acme.billing::refunds.request",),
    cancel_capabilities=("acme.billing::refunds.approve",),
    control_capabilities=("acme.billing::refunds.approve",),
)

EVENT_BILLING_INVOICE_PAID: EventDescriptor[models.BillingInvoicePaidEvent] = (
    EventDescriptor(
        key="Billing.Invoice.Paid",
        subject="events.v1.Billing.Invoice.Paid.{/customerId}.{/invoiceId}",
        params=(
            "/customerId",
            "/invoiceId",
        ),
        event=models.BillingInvoicePaidEvent,
        publish_capabilities=(),
        subscribe_capabilities=("acme.billing::invoices.read",),
    )
)

HEALTH_EVENT_HEALTH_HEARTBEAT: EventDescriptor[models.HealthHeartbeat] = (
    EventDescriptor(
        key="Health.Heartbeat",
        subject="events.v1.Health.Heartbeat",
        params=(),
        event=models.HealthHeartbeat,
        publish_capabilities=(),
        subscribe_capabilities=(),
    )
)

JOB_CHARGE_REFUND: JobDescriptor[models.ChargeRefundJob, models.ChargeRefundResult] = (
    JobDescriptor(
        queue="chargeRefund",
        payload=models.ChargeRefundJob,
        result=models.ChargeRefundResult,
        service=CONTRACT_ID,
        max_deliver=3,
        backoff_ms=(5000, 60000),
        ack_wait_ms=300000,
        default_deadline_ms=None,
        progress=True,
        logs=True,
        dlq=True,
        concurrency=1,
        payload_schema="ChargeRefundJob",
        result_schema="ChargeRefundResult",
    )
)

KV_INVOICES: KvDescriptor[models.Invoice] = KvDescriptor(
    alias="invoices",
    value=models.Invoice,
    required=True,
    history=5,
    ttl_ms=0,
    max_value_bytes=None,
)

STORE_RECEIPTS: StoreDescriptor = StoreDescriptor(
    alias="receipts",
    required=True,
    ttl_ms=0,
    max_object_bytes=10000000,
    max_total_bytes=None,
)
