"""Declared error types of the contract and of the surfaces it uses.

Replies with any other error `type` surface as `RemoteError`.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel
from trellis_generate.runtime import DeclaredError, RemoteError

from . import models

__all__ = [
    "RemoteError",
    "BillingInvoiceNotFound",
]


class BillingInvoiceNotFound(DeclaredError):
    error_type: ClassVar[str] = "InvoiceNotFound"
    data_model: ClassVar[type[BaseModel] | None] = models.InvoiceNotFoundData
    data: models.InvoiceNotFoundData | None
