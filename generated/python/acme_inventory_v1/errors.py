"""Declared error types of the contract and of the surfaces it uses.

Replies with any other error `type` surface as `RemoteError`.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel
from trellis_runtime import DeclaredError, RemoteError

from . import models

__all__ = [
    "BillingInvoiceNotFound",
    "OutOfStock",
    "RemoteError",
]


class BillingInvoiceNotFound(DeclaredError):
    error_type: ClassVar[str] = "InvoiceNotFound"
    data_model: ClassVar[type[BaseModel] | None] = models.InvoiceNotFoundData
    data: models.InvoiceNotFoundData | None


class OutOfStock(DeclaredError):
    error_type: ClassVar[str] = "Inventory.OutOfStock"
    data_model: ClassVar[type[BaseModel] | None] = models.OutOfStockData
    data: models.OutOfStockData | None
