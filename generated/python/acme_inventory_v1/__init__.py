"""Acme Inventory (acme.inventory@v1).

Tracks stock per warehouse and reserves it for paid invoices.

Inventory reserves stock when Billing reports an invoice as paid."""

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
    BillingInvoiceNotFound,
    OutOfStock,
    RemoteError,
)
from .service import BoundService, Service

__all__ = [
    "CONTRACT_DIGEST",
    "CONTRACT_ID",
    "CONTRACT_NAME",
    "BillingInvoiceNotFound",
    "BoundService",
    "Client",
    "OutOfStock",
    "RemoteError",
    "Service",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
