"""acme.storefront@v1: the web shop customers use; calls billing and inventory."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from trellis_generate.authoring import Docs, StateStore, Use, define_app_contract

# A plain JSON Schema for a small state value, registered by name in `schemas=` below.
PREFERENCES = {
    "type": "object",
    "properties": {
        "currency": {"enum": ["EUR", "USD", "GBP"]},
        "newsletter": {"type": "boolean"},
    },
    "required": ["currency"],
    "additionalProperties": False,
}


class CartLine(BaseModel):
    sku: Annotated[str, Field(pattern=r"^[A-Z]{3}-[0-9]{4}$")]
    quantity: Annotated[int, Field(ge=1, le=99)]


class Cart(BaseModel):
    lines: list[CartLine] = []
    updated_at: datetime | None = None


CONTRACT = define_app_contract(
    id="acme.storefront@v1",
    display_name="Acme Storefront",
    description="The web shop: browse stock, keep a cart, pay and follow refunds.",
    docs=Docs(markdown="A browser app. It owns no API; it calls Billing and Inventory."),
    schemas={"Preferences": PREFERENCES},
    uses={
        "billing": Use(
            contract="acme.billing@v1",
            rpc_call=["Billing.Invoice.Get", "Billing.Invoice.List", "Billing.Invoice.Download"],
            operations_call=["Billing.Refund"],
            events_subscribe=["Billing.Invoice.Paid"],
        ),
        "inventory": Use(
            contract="acme.inventory@v1",
            rpc_call=["Inventory.Stock.Get"],
            feeds_subscribe=["Inventory.Stock.Changes"],
        ),
    },
    optional_uses={
        "recommendations": Use(
            contract="acme.recommendations@v1",
            rpc_call=["Recommendations.ForCustomer"],
        ),
    },
    state={
        "cart": StateStore(kind="value", schema=Cart, docs=Docs(markdown="The customer's cart.")),
        "preferences": StateStore(kind="value", schema="Preferences"),
    },
)
