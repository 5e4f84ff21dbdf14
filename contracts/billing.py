"""acme.billing@v1: invoices, refunds and receipts of the Acme shop."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from contracts._common import CustomerId, Money, PageRequest, Sku, WireModel
from trellis_generate.authoring import (
    Capability,
    Docs,
    Event,
    Job,
    Kv,
    Operation,
    ReceiveTransferGrant,
    Rpc,
    Signal,
    Store,
    Transfer,
    define_error,
    define_service_contract,
)

# Plain JSON Schemas, registered by name in `schemas=` below.
INVOICE_ID = {"type": "string", "pattern": "^inv_[a-z0-9]{12}$", "description": "Invoice id"}
RECEIPT_UPLOADED = {
    "type": "object",
    "properties": {
        "key": {"type": "string", "minLength": 1},
        "sizeBytes": {"type": "integer", "minimum": 0},
    },
    "required": ["key", "sizeBytes"],
    "additionalProperties": False,
}
InvoiceIdStr = Annotated[str, Field(pattern="^inv_[a-z0-9]{12}$")]


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    PAID = "paid"
    VOID = "void"


class InvoiceLine(WireModel):
    sku: Sku
    quantity: Annotated[int, Field(ge=1)]
    unit_price: Money


class Invoice(WireModel):
    invoice_id: InvoiceIdStr
    customer_id: CustomerId
    status: InvoiceStatus
    lines: list[InvoiceLine]
    total: Money
    issued_at: datetime
    paid_at: datetime | None = None


class CreateInvoiceInput(WireModel):
    customer_id: CustomerId
    lines: Annotated[list[InvoiceLine], Field(min_length=1)]


class GetInvoiceInput(WireModel):
    invoice_id: InvoiceIdStr


class ListInvoicesInput(WireModel):
    customer_id: CustomerId | None = None
    status: InvoiceStatus | None = None
    page: PageRequest = PageRequest()


class InvoicePage(WireModel):
    invoices: list[Invoice]
    next_cursor: str | None = None


class DownloadGrant(ReceiveTransferGrant):
    """A receive grant for the invoice's receipt: read it with ``client.transfer(grant)``."""


class InvoiceNotFoundData(WireModel):
    invoice_id: InvoiceIdStr


class RefundInput(WireModel):
    invoice_id: InvoiceIdStr
    amount: Money
    reason: Annotated[str, Field(max_length=500)]


class RefundProgress(WireModel):
    step: Literal["awaiting-approval", "capturing", "notifying"]
    message: str


class RefundResult(WireModel):
    refund_id: str
    refunded: Money


class ApproveRefund(WireModel):
    approver: str
    note: str | None = None


class ReceiptUploadInput(WireModel):
    invoice_id: InvoiceIdStr
    key: str
    content_type: Literal["application/pdf", "image/png", "image/jpeg"]


class InvoicePaid(WireModel):
    invoice_id: InvoiceIdStr
    customer_id: CustomerId
    amount: Money
    paid_at: datetime


class ChargeRefundJob(WireModel):
    operation_id: str
    invoice_id: InvoiceIdStr
    amount: Money


class ChargeRefundResult(WireModel):
    provider_reference: str


InvoiceNotFound = define_error("InvoiceNotFound", schema=InvoiceNotFoundData)
InvoiceAlreadyPaid = define_error("InvoiceAlreadyPaid", type="Billing.InvoiceAlreadyPaid")

CONTRACT = define_service_contract(
    id="acme.billing@v1",
    display_name="Acme Billing",
    description="Issues invoices, takes payments and processes refunds for the Acme shop.",
    docs=Docs(
        summary="Invoices, refunds and receipts.",
        markdown="Billing owns every invoice. Refunds are operations: they wait for approval.",
    ),
    capabilities={
        "invoices.read": Capability(
            display_name="Read invoices",
            description="See invoices and their payment status.",
        ),
        "invoices.write": Capability(
            display_name="Issue invoices",
            description="Create invoices for customers.",
            consequence="Customers are charged the invoiced amounts.",
        ),
        "refunds.request": Capability(
            display_name="Request refunds",
            description="Start a refund of a paid invoice.",
        ),
        "refunds.approve": Capability(
            display_name="Approve refunds",
            description="Approve or cancel pending refunds.",
            consequence="Money is returned to the customer.",
        ),
    },
    schemas={"InvoiceId": INVOICE_ID, "ReceiptUploaded": RECEIPT_UPLOADED},
    errors=[InvoiceNotFound, InvoiceAlreadyPaid],
    exports=[Invoice, Money, "InvoiceId"],
    rpc={
        "Billing.Invoice.Create": Rpc(
            input=CreateInvoiceInput,
            output=Invoice,
            call=["invoices.write"],
            errors=["ValidationError"],
            docs=Docs(markdown="Create an open invoice; totals are computed by Billing."),
        ),
        "Billing.Invoice.Get": Rpc(
            input=GetInvoiceInput,
            output=Invoice,
            call=["invoices.read"],
            errors=[InvoiceNotFound],
        ),
        "Billing.Invoice.List": Rpc(
            input=ListInvoicesInput,
            output=InvoicePage,
            call=["invoices.read"],
        ),
        "Billing.Invoice.Download": Rpc(
            input=GetInvoiceInput,
            output=DownloadGrant,
            call=["invoices.read"],
            errors=[InvoiceNotFound],
            transfer="receive",
        ),
        "Billing.Invoice.Void": Rpc(
            input=GetInvoiceInput,
            output=Invoice,
            call=["invoices.write", "admin"],
            errors=[InvoiceNotFound, InvoiceAlreadyPaid],
            internal=True,
        ),
    },
    operations={
        "Billing.Refund": Operation(
            input=RefundInput,
            progress=RefundProgress,
            output=RefundResult,
            call=["refunds.request"],
            observe=["refunds.request"],
            control=["refunds.approve"],
            cancel=["refunds.approve"],
            signals={
                "approveRefund": Signal(
                    input=ApproveRefund,
                    docs=Docs(markdown="Approve the pending refund; capturing starts at once."),
                )
            },
            docs=Docs(markdown="Refund (part of) a paid invoice once an approver agrees."),
        ),
        "Billing.Receipt.Upload": Operation(
            input=ReceiptUploadInput,
            output=RECEIPT_UPLOADED,
            call=["invoices.write"],
            transfer=Transfer(
                store="receipts", key="/key", content_type="/contentType", max_bytes=10_000_000
            ),
        ),
    },
    events={
        "Billing.Invoice.Paid": Event(
            event=InvoicePaid,
            params=["/customerId", "/invoiceId"],
            subscribe=["invoices.read"],
            docs=Docs(markdown="Published once per invoice, when its payment settles."),
        ),
    },
    jobs={
        "chargeRefund": Job(
            payload=ChargeRefundJob,
            result=ChargeRefundResult,
            max_deliver=3,
            backoff_ms=[5_000, 60_000],
            dlq=True,
        ),
    },
    kv={
        "invoices": Kv(
            purpose="Invoice documents by id, for fast reads.",
            schema=Invoice,
            history=5,
        ),
    },
    store={
        "receipts": Store(
            purpose="Uploaded payment receipts (PDF and images).",
            max_object_bytes=10_000_000,
        ),
    },
)
