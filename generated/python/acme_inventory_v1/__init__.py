"""Acme Inventory (acme.inventory@v1).

Tracks stock per warehouse and reserves it for paid invoices."""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from . import descriptors, errors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID, CONTRACT_NAME, contract_manifest, use
from .errors import (
    BillingInvoiceNotFound,
    OutOfStock,
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
    "OutOfStock",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
