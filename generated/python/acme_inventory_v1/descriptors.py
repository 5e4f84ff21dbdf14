"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from trellis_generate.runtime import (
    EventDescriptor,
    FeedDescriptor,
    RpcDescriptor,
)

from . import errors, models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "RPC_INVENTORY_STOCK_GET",
    "RPC_INVENTORY_STOCK_RESERVE",
    "BILLING_RPC_BILLING_INVOICE_GET",
    "EVENT_INVENTORY_STOCK_LOW",
    "BILLING_EVENT_BILLING_INVOICE_PAID",
    "FEED_INVENTORY_STOCK_CHANGES",
]

RPC_INVENTORY_STOCK_GET: RpcDescriptor[models.GetStockInput, models.StockLevel] = RpcDescriptor(
    key="Inventory.Stock.Get",
    subject="rpc.v1.Inventory.Stock.Get",
    input=models.GetStockInput,
    output=models.StockLevel,
    errors={},
    caller_capabilities=("acme.inventory::stock.read",),
    internal=False,
    transfer_direction=None,
)

RPC_INVENTORY_STOCK_RESERVE: RpcDescriptor[models.ReserveStockInput, models.Reservation] = (
    RpcDescriptor(
        key="Inventory.Stock.Reserve",
        subject="rpc.v1.Inventory.Stock.Reserve",
        input=models.ReserveStockInput,
        output=models.Reservation,
        errors={
            "Inventory.OutOfStock": errors.OutOfStock,
        },
        caller_capabilities=("acme.inventory::stock.reserve",),
        internal=False,
        transfer_direction=None,
    )
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

EVENT_INVENTORY_STOCK_LOW: EventDescriptor[models.StockLow] = EventDescriptor(
    key="Inventory.Stock.Low",
    subject="events.v1.Inventory.Stock.Low.{/warehouse}.{/sku}",
    params=(
        "/warehouse",
        "/sku",
    ),
    event=models.StockLow,
    publish_capabilities=(),
    subscribe_capabilities=("acme.inventory::stock.read",),
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

FEED_INVENTORY_STOCK_CHANGES: FeedDescriptor[models.WatchStockInput, models.StockChanged] = (
    FeedDescriptor(
        key="Inventory.Stock.Changes",
        subject="feeds.v1.Inventory.Stock.Changes",
        input=models.WatchStockInput,
        event=models.StockChanged,
        subscribe_capabilities=("acme.inventory::stock.read",),
    )
)
