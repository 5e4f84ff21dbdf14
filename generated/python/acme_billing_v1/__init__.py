"""Acme Billing (acme.billing@v1).

Issues invoices, takes payments and processes refunds for the Acme shop.

Invoices, refunds and receipts.

Billing owns every invoice. Refunds are operations: they wait for approval."""

from . import descriptors, errors, models
from .client import Client
from .contract import (
    CONTRACT_DIGEST,
    CONTRACT_ID,
    CONTRACT_NAME,
    contract_manifest,
    use,
)
from .errors import (
    InvoiceAlreadyPaid,
    InvoiceNotFound,
    RemoteError,
)
from .service import BoundService, Service

__all__ = [
    "CONTRACT_DIGEST",
    "CONTRACT_ID",
    "CONTRACT_NAME",
    "BoundService",
    "Client",
    "InvoiceAlreadyPaid",
    "InvoiceNotFound",
    "RemoteError",
    "Service",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
