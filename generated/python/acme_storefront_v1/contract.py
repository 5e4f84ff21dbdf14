"""Identity and canonical manifest of the contract, and its typed `use(...)` helper."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final, Never, TypeAlias

from trellis_runtime import Use

CONTRACT_ID: Final = "acme.storefront@v1"
CONTRACT_DIGEST: Final = "pholjUC2jOpCGNA0w5CkSx7uDROxEgTpBSyUH1NBddo"
CONTRACT_NAME: Final = "Acme Storefront"
CONTRACT_JSON: Final = '{"description":"The web shop: browse stock, keep a cart, pay and follow refunds.","displayName":"Acme Storefront","docs":{"markdown":"A browser app. It owns no API; it calls Billing and Inventory."},"format":"trellis.contract.v1","id":"acme.storefront@v1","kind":"app","schemas":{"Cart":{"properties":{"lines":{"default":[],"items":{"properties":{"quantity":{"maximum":99,"minimum":1,"title":"Quantity","type":"integer"},"sku":{"pattern":"^[A-Z]{3}-[0-9]{4}$","title":"Sku","type":"string"}},"required":["sku","quantity"],"title":"CartLine","type":"object"},"title":"Lines","type":"array"},"updated_at":{"anyOf":[{"format":"date-time","type":"string"},{"type":"null"}],"default":null,"title":"Updated At"}},"title":"Cart","type":"object"},"Preferences":{"additionalProperties":false,"properties":{"currency":{"enum":["EUR","USD","GBP"]},"newsletter":{"type":"boolean"}},"required":["currency"],"type":"object"}},"state":{"cart":{"docs":{"markdown":"The customer\'s cart."},"kind":"value","schema":{"schema":"Cart"}},"preferences":{"kind":"value","schema":{"schema":"Preferences"}}},"uses":{"optional":{"recommendations":{"contract":"acme.recommendations@v1","rpc":{"call":["Recommendations.ForCustomer"]}}},"required":{"auth":{"contract":"trellis.auth@v1","rpc":{"call":["Auth.Sessions.Logout","Auth.Sessions.Me"]}},"billing":{"contract":"acme.billing@v1","events":{"subscribe":["Billing.Invoice.Paid"]},"operations":{"call":["Billing.Refund"]},"rpc":{"call":["Billing.Invoice.Download","Billing.Invoice.Get","Billing.Invoice.List"]}},"inventory":{"contract":"acme.inventory@v1","feeds":{"subscribe":["Inventory.Stock.Changes"]},"rpc":{"call":["Inventory.Stock.Get"]}},"state":{"contract":"trellis.state@v1","rpc":{"call":["State.Delete","State.Get","State.List","State.Put"]}}}}}'

RpcName: TypeAlias = Never
OperationName: TypeAlias = Never
EventName: TypeAlias = Never
FeedName: TypeAlias = Never


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
