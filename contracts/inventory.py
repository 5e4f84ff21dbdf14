"""acme.inventory@v1: stock levels and reservations; reacts to billing's paid invoices."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from contracts._common import PageRequest, Sku, WireModel
from trellis_generate.authoring import (
    Capability,
    Docs,
    Event,
    EventConsumer,
    Feed,
    Kv,
    Rpc,
    StateStore,
    Use,
    define_error,
    define_service_contract,
)


class StockLevel(WireModel):
    sku: Sku
    warehouse: Literal["ams", "ber", "lis"]
    on_hand: Annotated[int, Field(ge=0)]
    reserved: Annotated[int, Field(ge=0)]


class GetStockInput(WireModel):
    sku: Sku


class ReserveStockInput(WireModel):
    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=1000)]
    invoice_id: str


class Reservation(WireModel):
    reservation_id: str
    sku: Sku
    quantity: int
    expires_at: datetime


class ReservationV1(WireModel):
    """The reservation record before warehouses existed (still readable)."""

    reservation_id: str
    sku: Sku
    quantity: int


class OutOfStockData(WireModel):
    sku: Sku
    available: int


class WatchStockInput(WireModel):
    skus: Annotated[list[Sku], Field(min_length=1, max_length=100)]
    page: PageRequest = PageRequest()


class StockChanged(WireModel):
    sku: Sku
    warehouse: str
    on_hand: int
    changed_at: datetime


class StockLow(WireModel):
    sku: Sku
    warehouse: Literal["ams", "ber", "lis"]
    on_hand: int


OutOfStock = define_error("OutOfStock", type="Inventory.OutOfStock", schema=OutOfStockData)

CONTRACT = define_service_contract(
    id="acme.inventory@v1",
    display_name="Acme Inventory",
    description="Tracks stock per warehouse and reserves it for paid invoices.",
    docs=Docs(markdown="Inventory reserves stock when Billing reports an invoice as paid."),
    capabilities={
        "stock.read": Capability(
            display_name="Read stock",
            description="See stock levels and watch them change.",
        ),
        "stock.reserve": Capability(
            display_name="Reserve stock",
            description="Hold stock for an order.",
            consequence="Reserved items cannot be sold to anyone else until released.",
        ),
    },
    uses={
        "billing": Use(
            contract="acme.billing@v1",
            rpc_call=["Billing.Invoice.Get"],
            events_subscribe=["Billing.Invoice.Paid"],
        ),
    },
    state={
        "reservations": StateStore(
            kind="map",
            schema=Reservation,
            state_version="v2",
            accepted_versions={"v1": ReservationV1},
            docs=Docs(markdown="Open reservations by id."),
        ),
    },
    rpc={
        "Inventory.Stock.Get": Rpc(input=GetStockInput, output=StockLevel, call=["stock.read"]),
        "Inventory.Stock.Reserve": Rpc(
            input=ReserveStockInput,
            output=Reservation,
            call=["stock.reserve"],
            errors=[OutOfStock, "ValidationError"],
        ),
    },
    events={
        "Inventory.Stock.Low": Event(
            event=StockLow,
            params=["/warehouse", "/sku"],
            subscribe=["stock.read"],
        ),
    },
    feeds={
        "Inventory.Stock.Changes": Feed(
            input=WatchStockInput,
            event=StockChanged,
            subscribe=["stock.read"],
            docs=Docs(markdown="Every change of the watched SKUs, as it happens."),
        ),
    },
    event_consumers={
        "fulfilment": EventConsumer(
            uses={"billing": ["Billing.Invoice.Paid"]},
            replay="all",
            max_deliver=10,
            backoff_ms=[1_000, 10_000, 60_000],
            docs=Docs(markdown="Reserve stock for every paid invoice, in payment order."),
        ),
        "restock": EventConsumer(self_events=["Inventory.Stock.Low"], ack_wait_ms=30_000),
    },
    kv={
        "levels": Kv(
            purpose="Current stock level per SKU and warehouse.",
            schema=StockLevel,
            max_value_bytes=4096,
        ),
    },
)
