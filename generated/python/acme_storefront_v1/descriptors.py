"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from trellis_runtime import (
    EventDescriptor,
    FeedDescriptor,
    OperationDescriptor,
    RpcDescriptor,
    SignalDescriptor,
    StateContract,
    StateStoreDescriptor,
)

from . import errors, models
from .contract import CONTRACT_DIGEST, CONTRACT_ID

__all__ = [
    "AUTH_RPC_AUTH_SESSIONS_LOGOUT",
    "AUTH_RPC_AUTH_SESSIONS_ME",
    "BILLING_EVENT_BILLING_INVOICE_PAID",
    "BILLING_OPERATION_BILLING_REFUND",
    "BILLING_RPC_BILLING_INVOICE_DOWNLOAD",
    "BILLING_RPC_BILLING_INVOICE_GET",
    "BILLING_RPC_BILLING_INVOICE_LIST",
    "CONTRACT_ID",
    "INVENTORY_FEED_INVENTORY_STOCK_CHANGES",
    "INVENTORY_RPC_INVENTORY_STOCK_GET",
    "RECOMMENDATIONS_RPC_RECOMMENDATIONS_FOR_CUSTOMER",
    "STATE",
    "STATE_CART",
    "STATE_PREFERENCES",
    "STATE_RPC_STATE_DELETE",
    "STATE_RPC_STATE_GET",
    "STATE_RPC_STATE_LIST",
    "STATE_RPC_STATE_PUT",
]

AUTH_RPC_AUTH_SESSIONS_LOGOUT: RpcDescriptor[
    models.AuthSessionsLogoutRequest, models.AuthSessionsLogoutResponse
] = RpcDescriptor(
    key="Auth.Sessions.Logout",
    subject="rpc.v1.Auth.Sessions.Logout",
    input=models.AuthSessionsLogoutRequest,
    output=models.AuthSessionsLogoutResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

AUTH_RPC_AUTH_SESSIONS_ME: RpcDescriptor[
    models.AuthSessionsMeRequest, models.AuthSessionsMeResponse
] = RpcDescriptor(
    key="Auth.Sessions.Me",
    subject="rpc.v1.Auth.Sessions.Me",
    input=models.AuthSessionsMeRequest,
    output=models.AuthSessionsMeResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

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

BILLING_RPC_BILLING_INVOICE_LIST: RpcDescriptor[
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

INVENTORY_RPC_INVENTORY_STOCK_GET: RpcDescriptor[
    models.GetStockInput, models.StockLevel
] = RpcDescriptor(
    key="Inventory.Stock.Get",
    subject="rpc.v1.Inventory.Stock.Get",
    input=models.GetStockInput,
    output=models.StockLevel,
    errors={},
    caller_capabilities=("acme.inventory::stock.read",),
    internal=False,
    transfer_direction=None,
)

RECOMMENDATIONS_RPC_RECOMMENDATIONS_FOR_CUSTOMER: RpcDescriptor[
    models.ForCustomerInput, models.ForCustomerOutput
] = RpcDescriptor(
    key="Recommendations.ForCustomer",
    subject="rpc.v1.Recommendations.ForCustomer",
    input=models.ForCustomerInput,
    output=models.ForCustomerOutput,
    errors={},
    caller_capabilities=("acme.recommendations::suggestions.read",),
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

BILLING_OPERATION_BILLING_REFUND: OperationDescriptor[
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

INVENTORY_FEED_INVENTORY_STOCK_CHANGES: FeedDescriptor[
    models.WatchStockInput, models.StockChanged
] = FeedDescriptor(
    key="Inventory.Stock.Changes",
    subject="feeds.v1.Inventory.Stock.Changes",
    input=models.WatchStockInput,
    event=models.StockChanged,
    subscribe_capabilities=("acme.inventory::stock.read",),
)

STATE_CART: StateStoreDescriptor[models.Cart] = StateStoreDescriptor(
    name="cart",
    kind="value",
    value=models.Cart,
    state_version="v1",
    accepted_versions={},
)

STATE_PREFERENCES: StateStoreDescriptor[models.Preferences] = StateStoreDescriptor(
    name="preferences",
    kind="value",
    value=models.Preferences,
    state_version="v1",
    accepted_versions={},
)

# the contract's state stores with its identity (e.g. for trellis_runtime.local.LocalState)
STATE: StateContract = StateContract(
    id=CONTRACT_ID,
    digest=CONTRACT_DIGEST,
    stores={
        "cart": STATE_CART,
        "preferences": STATE_PREFERENCES,
    },
)
