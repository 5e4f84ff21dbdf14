"""Models shared by the example contracts (imported by billing and inventory).

Wire payloads use camelCase keys, as Trellis services written in TypeScript do; Python code uses
snake_case attribute names.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class WireModel(BaseModel):
    """Base of every payload model: camelCase on the wire, strict about unknown keys."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Currency(StrEnum):
    EUR = "EUR"
    USD = "USD"
    GBP = "GBP"


Sku = Annotated[str, Field(pattern=r"^[A-Z]{3}-[0-9]{4}$", description="Stock keeping unit")]
CustomerId = Annotated[str, Field(min_length=1, max_length=64)]


class Money(WireModel):
    """An amount in the currency's minor unit (cents), never a float."""

    amount_minor: Annotated[int, Field(ge=0, le=10_000_000_00)]
    currency: Currency


class PageRequest(WireModel):
    limit: Annotated[int, Field(ge=1, le=200)] = 50
    cursor: str | None = None
