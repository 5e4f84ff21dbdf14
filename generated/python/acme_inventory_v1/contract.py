"""Identity and canonical manifest of the contract, and its typed `use(...)` helper."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final, Literal, Never, TypeAlias

from trellis_runtime import Use

CONTRACT_ID: Final = "acme.inventory@v1"
CONTRACT_DIGEST: Final = "l2xewhxEIi4USg6qEP18Bk0VIXT9ILFQ0ex9x-pboXI"
CONTRACT_NAME: Final = "Acme Inventory"
CONTRACT_JSON: Final = '{"capabilities":{"acme.inventory::stock.read":{"description":"See stock levels and watch them change.","displayName":"Read stock"},"acme.inventory::stock.reserve":{"consequence":"Reserved items cannot be sold to anyone else until released.","description":"Hold stock for an order.","displayName":"Reserve stock"}},"description":"Tracks stock per warehouse and reserves it for paid invoices.","displayName":"Acme Inventory","docs":{"markdown":"Inventory reserves stock when Billing reports an invoice as paid."},"errors":{"OutOfStock":{"schema":{"schema":"OutOfStockData"},"type":"Inventory.OutOfStock"}},"eventConsumers":{"fulfilment":{"backoffMs":[1000,10000,60000],"concurrency":1,"docs":{"markdown":"Reserve stock for every paid invoice, in payment order."},"maxDeliver":10,"ordering":"strict","replay":"all","uses":{"billing":["Billing.Invoice.Paid"]}},"restock":{"ackWaitMs":30000,"concurrency":1,"ordering":"strict","replay":"new","self":["Inventory.Stock.Low"]}},"events":{"Inventory.Stock.Low":{"capabilities":{"subscribe":["acme.inventory::stock.read"]},"event":{"schema":"InventoryStockLowEvent"},"params":["/warehouse","/sku"],"subject":"events.v1.Inventory.Stock.Low.{/warehouse}.{/sku}","version":"v1"}},"feeds":{"Inventory.Stock.Changes":{"capabilities":{"subscribe":["acme.inventory::stock.read"]},"docs":{"markdown":"Every change of the watched SKUs, as it happens."},"event":{"schema":"StockChanged"},"input":{"schema":"WatchStockInput"},"subject":"feeds.v1.Inventory.Stock.Changes","version":"v1"}},"format":"trellis.contract.v1","id":"acme.inventory@v1","kind":"service","resources":{"kv":{"levels":{"history":1,"maxValueBytes":4096,"purpose":"Current stock level per SKU and warehouse.","required":true,"schema":{"schema":"StockLevel"},"ttlMs":0}}},"rpc":{"Inventory.Stock.Get":{"capabilities":{"call":["acme.inventory::stock.read"]},"input":{"schema":"GetStockInput"},"output":{"schema":"StockLevel"},"subject":"rpc.v1.Inventory.Stock.Get","version":"v1"},"Inventory.Stock.Reserve":{"capabilities":{"call":["acme.inventory::stock.reserve"]},"errors":[{"type":"Inventory.OutOfStock"},{"type":"ValidationError"}],"input":{"schema":"ReserveStockInput"},"output":{"schema":"Reservation"},"subject":"rpc.v1.Inventory.Stock.Reserve","version":"v1"}},"schemas":{"GetStockInput":{"additionalProperties":false,"properties":{"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["sku"],"title":"GetStockInput","type":"object"},"InventoryStockLowEvent":{"additionalProperties":false,"properties":{"header":{"properties":{"id":{"type":"string"},"time":{"format":"date-time","type":"string"}},"required":["id","time"],"type":"object"},"onHand":{"title":"Onhand","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"},"warehouse":{"enum":["ams","ber","lis"],"title":"Warehouse","type":"string"}},"required":["header","sku","warehouse","onHand"],"title":"StockLow","type":"object"},"OutOfStockData":{"additionalProperties":false,"properties":{"available":{"title":"Available","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["sku","available"],"title":"OutOfStockData","type":"object"},"Reservation":{"additionalProperties":false,"properties":{"expiresAt":{"format":"date-time","title":"Expiresat","type":"string"},"quantity":{"title":"Quantity","type":"integer"},"reservationId":{"title":"Reservationid","type":"string"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["reservationId","sku","quantity","expiresAt"],"title":"Reservation","type":"object"},"ReservationV1":{"additionalProperties":false,"description":"The reservation record before warehouses existed (still readable).","properties":{"quantity":{"title":"Quantity","type":"integer"},"reservationId":{"title":"Reservationid","type":"string"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["reservationId","sku","quantity"],"title":"ReservationV1","type":"object"},"ReserveStockInput":{"additionalProperties":false,"properties":{"invoiceId":{"title":"Invoiceid","type":"string"},"quantity":{"maximum":1000,"minimum":1,"title":"Quantity","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["sku","quantity","invoiceId"],"title":"ReserveStockInput","type":"object"},"StockChanged":{"additionalProperties":false,"properties":{"changedAt":{"format":"date-time","title":"Changedat","type":"string"},"onHand":{"title":"Onhand","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"},"warehouse":{"title":"Warehouse","type":"string"}},"required":["sku","warehouse","onHand","changedAt"],"title":"StockChanged","type":"object"},"StockLevel":{"additionalProperties":false,"properties":{"onHand":{"minimum":0,"title":"Onhand","type":"integer"},"reserved":{"minimum":0,"title":"Reserved","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"},"warehouse":{"enum":["ams","ber","lis"],"title":"Warehouse","type":"string"}},"required":["sku","warehouse","onHand","reserved"],"title":"StockLevel","type":"object"},"StockLow":{"additionalProperties":false,"properties":{"onHand":{"title":"Onhand","type":"integer"},"sku":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"},"warehouse":{"enum":["ams","ber","lis"],"title":"Warehouse","type":"string"}},"required":["sku","warehouse","onHand"],"title":"StockLow","type":"object"},"WatchStockInput":{"additionalProperties":false,"properties":{"page":{"additionalProperties":false,"default":{"cursor":null,"limit":50},"properties":{"cursor":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Cursor"},"limit":{"default":50,"maximum":200,"minimum":1,"title":"Limit","type":"integer"}},"title":"PageRequest","type":"object"},"skus":{"items":{"description":"Stock keeping unit","pattern":"^[A-Z]{3}-[0-9]{4}$","type":"string"},"maxItems":100,"minItems":1,"title":"Skus","type":"array"}},"required":["skus"],"title":"WatchStockInput","type":"object"}},"state":{"reservations":{"acceptedVersions":{"v1":{"schema":"ReservationV1"}},"docs":{"markdown":"Open reservations by id."},"kind":"map","schema":{"schema":"Reservation"},"stateVersion":"v2"}},"uses":{"required":{"billing":{"contract":"acme.billing@v1","events":{"subscribe":["Billing.Invoice.Paid"]},"rpc":{"call":["Billing.Invoice.Get"]}},"health":{"contract":"trellis.health@v1","events":{"publish":["Health.Heartbeat"]}},"state":{"contract":"trellis.state@v1","rpc":{"call":["State.Delete","State.Get","State.List","State.Put"]}}}}}'

RpcName: TypeAlias = Literal["Inventory.Stock.Get", "Inventory.Stock.Reserve"]
OperationName: TypeAlias = Never
EventName: TypeAlias = Literal["Inventory.Stock.Low"]
FeedName: TypeAlias = Literal["Inventory.Stock.Changes"]


def contract_manifest() -> dict[str, Any]:
    """The canonical manifest as a fresh dict (parsed on each call, so callers may mutate it)."""
    manifest: dict[str, Any] = json.loads(CONTRACT_JSON)
    return manifest


def use(
    *,
    rpc_call: Sequence[RpcName] = (),
    operations_call: Sequence[OperationName] = (),
    events_publish: Sequence[EventName] = (),
    events_subscribe: Sequence[EventName] = (),
    feeds_subscribe: Sequence[FeedName] = (),
) -> Use:
    """Declare a dependency on this contract; a misspelt surface name is a type error."""
    return Use(
        contract=CONTRACT_ID,
        rpc_call=tuple(rpc_call),
        operations_call=tuple(operations_call),
        events_publish=tuple(events_publish),
        events_subscribe=tuple(events_subscribe),
        feeds_subscribe=tuple(feeds_subscribe),
    )
