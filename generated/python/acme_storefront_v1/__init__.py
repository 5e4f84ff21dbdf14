"""Acme Storefront (acme.storefront@v1).

The web shop: browse stock, keep a cart, pay and follow refunds."""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from . import descriptors, errors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID, CONTRACT_NAME, contract_manifest, use
from .errors import (
    BillingInvoiceNotFound,
    RemoteError,
)
from .service import Service

__all__ = [
    "CONTRACT_DIGEST",
    "CONTRACT_ID",
    "CONTRACT_NAME",
    "Client",
    "RemoteError",
    "Service",
    "BillingInvoiceNotFound",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
