"""Acme Billing (acme.billing@v1).

Issues invoices, takes payments and processes refunds for the Acme shop."""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from . import descriptors, errors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID, CONTRACT_NAME, contract_manifest, use
from .errors import (
    InvoiceAlreadyPaid,
    InvoiceNotFound,
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
    "InvoiceAlreadyPaid",
    "InvoiceNotFound",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
