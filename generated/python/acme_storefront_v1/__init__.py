"""Acme Storefront (acme.storefront@v1).

The web shop: browse stock, keep a cart, pay and follow refunds.

A browser app. It owns no API; it calls Billing and Inventory."""

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
    "RemoteError",
    "Service",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
