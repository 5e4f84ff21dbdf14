"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from trellis_generate.runtime import (
    EventDescriptor,
    FeedDescriptor,
    OperationDescriptor,
    RpcDescriptor,
    SignalDescriptor,
)

from . import errors, models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "BILLING_RPC_BILLING_INVOICE_DOWNLOAD",
    "BILLING_RPC_BILLING_INVOICE_GET",
    "BILLING_RPC_BILLING_INVOICE_LIST",
    "INVENTORY_RPC_INVENTORY_STOCK_GET",
    "BILLING_OPERATION_BILLING_REFUND",
    "BILLING_EVENT_BILLING_INVOICE_PAID",
    "INVENTORY_FEED_INVENTORY_STOCK_CHANGES",
]

BILLING_RPC_BILLING_INVOICE_DOWNLOAD: RpcDescriptor[
    models.GetInvoiceInput, models.DownloadGrant
] = RpcDescriptor(
    key="Billing.Invoice.Download",
    subject="rpc.v1.Billing.Invoice.Download",
    input=models.GetInvoiceInput,
    output=models.DownloadGrant,
    errors={
        "InvoiceNotFound": errors.BillingInvoiceNotFound,
    },
    caller_capabilities=("acme.billing::invoices.read",),
    internal=False,
    transfer_direction="receive",
)

BILLING_RPC_BILLING_INVOICE_GET: RpcDescriptor[models.GetInvoiceInput, models.Invoice] = (
    RpcDescriptor(
        key="Billing.Invoice.Get",
        subject="rpc.v1.Billing.Invoice.Get",
        input=models.GetInvoiceInput,
        output=models.Invoice,
        errors={
            "InvoiceNotFound": errors.BillingInvoiceNotFound,
        },
        caller_capabilities=("acme.billing::invoices.read",),
        internal=False,
        transfer_direction=None,
    )
)

BILLING_RPC_BILLING_INVOICE_LIST: RpcDescriptor[models.ListInvoicesInput, models.InvoicePage] = (
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

INVENTORY_RPC_INVENTORY_STOCK_GET: RpcDescriptor[models.GetStockInput, models.StockLevel] = (
    RpcDescriptor(
        key="Inventory.Stock.Get",
        subject="rpc.v1.Inventory.Stock.Get",
        input=models.GetStockInput,
        output=models.StockLevel,
        errors={},
        caller_capabilities=("acme.inventory::stock.read",),
        internal=False,
        transfer_direction=None,
    )
)

BILLING_OPERATION_BILLING_REFUND: OperationDescriptor[
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

BILLING_EVENT_BILLING_INVOICE_PAID: EventDescriptor[models.InvoicePaid] = EventDescriptor(
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

INVENTORY_FEED_INVENTORY_STOCK_CHANGES: FeedDescriptor[
    models.WatchStockInput, models.StockChanged
] = FeedDescriptor(
    key="Inventory.Stock.Changes",
    subject="feeds.v1.Inventory.Stock.Changes",
    input=models.WatchStockInput,
    event=models.StockChanged,
    subscribe_capabilities=("acme.inventory::stock.read",),
)
