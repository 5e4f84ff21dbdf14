"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from pydantic import BaseModel
from trellis_generate.runtime import (
    EventDescriptor,
    JobDescriptor,
    OperationDescriptor,
    RpcDescriptor,
    SignalDescriptor,
)

from . import errors, models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "RPC_BILLING_INVOICE_CREATE",
    "RPC_BILLING_INVOICE_DOWNLOAD",
    "RPC_BILLING_INVOICE_GET",
    "RPC_BILLING_INVOICE_LIST",
    "RPC_BILLING_INVOICE_VOID",
    "OPERATION_BILLING_RECEIPT_UPLOAD",
    "OPERATION_BILLING_REFUND",
    "EVENT_BILLING_INVOICE_PAID",
    "JOB_CHARGE_REFUND",
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

RPC_BILLING_INVOICE_DOWNLOAD: RpcDescriptor[models.GetInvoiceInput, models.DownloadGrant] = (
    RpcDescriptor(
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
)

RPC_BILLING_INVOICE_GET: RpcDescriptor[models.GetInvoiceInput, models.Invoice] = RpcDescriptor(
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

RPC_BILLING_INVOICE_LIST: RpcDescriptor[models.ListInvoicesInput, models.InvoicePage] = (
    RpcDescriptor(
        key="Billing.Invoice.List",
        subject="rpc.v1.Billing.Invoice.List",
        input=models.ListInvoicesInput,
        output=models.InvoicePage,
        errors={},
        caller_capabilities=("acme.billing::invoices.read",),
        internal=False,
        transfer_direction=None,
    )
)

RPC_BILLING_INVOICE_VOID: RpcDescriptor[models.GetInvoiceInput, models.Invoice] = RpcDescriptor(
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
        "approveRefund": SignalDescriptor(name="approveRefund", input=models.ApproveRefund),
    },
    cancel=True,
    call_capabilities=("acme.billing::refunds.request",),
    observe_capabilities=("acme.billing::refunds.request",),
    cancel_capabilities=("acme.billing::refunds.approve",),
    control_capabilities=("acme.billing::refunds.approve",),
)

EVENT_BILLING_INVOICE_PAID: EventDescriptor[models.InvoicePaid] = EventDescriptor(
    key="Billing.Invoice.Paid",
    subject="events.v1.Billing.Invoice.Paid.{/customerId}.{/invoiceId}",
    params=(
        "/customerId",
        "/invoiceId",
    ),
    event=models.InvoicePaid,
    publish_capabilities=(),
    subscribe_capabilities=("acme.billing::invoices.read",),
)

JOB_CHARGE_REFUND: JobDescriptor[models.ChargeRefundJob, models.ChargeRefundResult] = JobDescriptor(
    queue="chargeRefund",
    payload=models.ChargeRefundJob,
    result=models.ChargeRefundResult,
    service=CONTRACT_ID,
)
