"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from trellis_runtime import (
    EventDescriptor,
    FeedDescriptor,
    KvDescriptor,
    RpcDescriptor,
    StateContract,
    StateStoreDescriptor,
)

from . import errors, models
from .contract import CONTRACT_DIGEST, CONTRACT_ID

__all__ = [
    "BILLING_EVENT_BILLING_INVOICE_PAID",
    "BILLING_RPC_BILLING_INVOICE_GET",
    "CONTRACT_ID",
    "EVENT_INVENTORY_STOCK_LOW",
    "FEED_INVENTORY_STOCK_CHANGES",
    "HEALTH_EVENT_HEALTH_HEARTBEAT",
    "KV_LEVELS",
    "RPC_INVENTORY_STOCK_GET",
    "RPC_INVENTORY_STOCK_RESERVE",
    "STATE",
    "STATE_RESERVATIONS",
    "STATE_RPC_STATE_DELETE",
    "STATE_RPC_STATE_GET",
    "STATE_RPC_STATE_LIST",
    "STATE_RPC_STATE_PUT",
]

RPC_INVENTORY_STOCK_GET: RpcDescriptor[models.GetStockInput, models.StockLevel] = (
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

RPC_INVENTORY_STOCK_RESERVE: RpcDescriptor[
    models.ReserveStockInput, models.Reservation
] = RpcDescriptor(
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

BILLING_RPC_BILLING_INVOICE_GET: RpcDescriptor[
    models.GetInvoiceInput, models.Invoice
] = RpcDescriptor(
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

STATE_RPC_STATE_DELETE: RpcDescriptor[
    models.StateDeleteRequest, models.StateDeleteResponse
] = RpcDescriptor(
    key="State.Delete",
    subject="rpc.v1.State.Delete",
    input=models.StateDeleteRequest,
    output=models.StateDeleteResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

STATE_RPC_STATE_GET: RpcDescriptor[models.StateGetRequest, models.StateGetResponse] = (
    RpcDescriptor(
        key="State.Get",
        subject="rpc.v1.State.Get",
        input=models.StateGetRequest,
        output=models.StateGetResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
)

STATE_RPC_STATE_LIST: RpcDescriptor[
    models.StateListRequest, models.StateListResponse
] = RpcDescriptor(
    key="State.List",
    subject="rpc.v1.State.List",
    input=models.StateListRequest,
    output=models.StateListResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

STATE_RPC_STATE_PUT: RpcDescriptor[models.StatePutRequest, models.StatePutResponse] = (
    RpcDescriptor(
        key="State.Put",
        subject="rpc.v1.State.Put",
        input=models.StatePutRequest,
        output=models.StatePutResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
)

EVENT_INVENTORY_STOCK_LOW: EventDescriptor[models.InventoryStockLowEvent] = (
    EventDescriptor(
        key="Inventory.Stock.Low",
        subject="events.v1.Inventory.Stock.Low.{/warehouse}.{/sku}",
        params=(
            "/warehouse",
            "/sku",
        ),
        event=models.InventoryStockLowEvent,
        publish_capabilities=(),
        subscribe_capabilities=("acme.inventory::stock.read",),
    )
)

BILLING_EVENT_BILLING_INVOICE_PAID: EventDescriptor[models.BillingInvoicePaidEvent] = (
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

FEED_INVENTORY_STOCK_CHANGES: FeedDescriptor[
    models.WatchStockInput, models.StockChanged
] = FeedDescriptor(
    key="Inventory.Stock.Changes",
    subject="feeds.v1.Inventory.Stock.Changes",
    input=models.WatchStockInput,
    event=models.StockChanged,
    subscribe_capabilities=("acme.inventory::stock.read",),
)

KV_LEVELS: KvDescriptor[models.StockLevel] = KvDescriptor(
    alias="levels",
    value=models.StockLevel,
    required=True,
    history=1,
    ttl_ms=0,
    max_value_bytes=4096,
)

STATE_RESERVATIONS: StateStoreDescriptor[models.Reservation] = StateStoreDescriptor(
    name="reservations",
    kind="map",
    value=models.Reservation,
    state_version="v2",
    accepted_versions={
        "v1": models.ReservationV1,
    },
)

# the contract's state stores with its identity (e.g. for trellis_runtime.local.LocalState)
STATE: StateContract = StateContract(
    id=CONTRACT_ID,
    digest=CONTRACT_DIGEST,
    stores={
        "reservations": STATE_RESERVATIONS,
    },
)
