"""Hand-written manifests of the project's own, covering every descriptor kind."""

from __future__ import annotations

import copy
from typing import Any

OBJ: dict[str, Any] = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}


def full_manifest() -> dict[str, Any]:
    """A service contract that uses every section of trellis.contract.v1."""
    return copy.deepcopy(
        {
            "format": "trellis.contract.v1",
            "id": "acme.orders@v1",
            "displayName": "Orders",
            "description": "Order management.",
            "docs": {"summary": "Orders", "markdown": "# Orders"},
            "kind": "service",
            "capabilities": {
                "acme.orders::read": {"displayName": "Read orders", "description": "Read orders."},
                "acme.orders::write": {
                    "displayName": "Write orders",
                    "description": "Change orders.",
                    "consequence": "Can change orders.",
                },
            },
            "schemas": {
                "OrderInput": OBJ,
                "Order": {
                    "type": "object",
                    "properties": {
                        "order": {
                            "type": "object",
                            "properties": {
                                "id": {"type": "string"},
                                "region": {"enum": ["eu", "us"]},
                            },
                        }
                    },
                },
                "Progress": {"type": "object", "properties": {"pct": {"type": "integer"}}},
                "Approval": {"type": "object"},
                "NotFound": {"type": "object", "properties": {"orderId": {"type": "string"}}},
                "StateValue": {"type": "object"},
                "StateV0": {"type": "object"},
                "Cache": {"type": "object"},
                "Unused": {"type": "object", "properties": {"x": {"type": "number"}}},
            },
            "exports": {"schemas": ["Unused"]},
            "uses": {
                "required": {
                    "billing": {
                        "contract": "acme.billing@v1",
                        "rpc": {"call": ["Billing.Charge", "Billing.Authorize"]},
                        "events": {"subscribe": ["Billing.Paid"]},
                    }
                },
                "optional": {
                    "audit": {"contract": "acme.audit@v1", "feeds": {"subscribe": ["Audit.Log"]}}
                },
            },
            "state": {
                "prefs": {
                    "kind": "map",
                    "schema": {"schema": "StateValue"},
                    "acceptedVersions": {"v0": {"schema": "StateV0"}},
                    "docs": {"markdown": "Preferences."},
                }
            },
            "rpc": {
                "Order.Get": {
                    "version": "v1",
                    "subject": "rpc.v1.Order.Get",
                    "input": {"schema": "OrderInput"},
                    "output": {"schema": "Order"},
                    "capabilities": {"call": ["acme.orders::write", "acme.orders::read"]},
                    "errors": [{"type": "NotFoundError"}, {"type": "ValidationError"}],
                    "docs": {"markdown": "Get one order."},
                }
            },
            "operations": {
                "Order.Ship": {
                    "version": "v1",
                    "subject": "operations.v1.Order.Ship",
                    "input": {"schema": "OrderInput"},
                    "progress": {"schema": "Progress"},
                    "output": {"schema": "Order"},
                    "capabilities": {
                        "call": ["acme.orders::write"],
                        "cancel": ["acme.orders::write"],
                    },
                    "signals": {
                        "approve": {
                            "input": {"schema": "Approval"},
                            "docs": {"markdown": "Approve."},
                        }
                    },
                    "cancel": True,
                }
            },
            "events": {
                "Order.Changed": {
                    "version": "v1",
                    "subject": "events.v1.Order.Changed.{/order/region}.{/order/id}",
                    "params": ["/order/region", "/order/id"],
                    "event": {"schema": "Order"},
                    "capabilities": {
                        "publish": ["acme.orders::write"],
                        "subscribe": ["acme.orders::read"],
                    },
                }
            },
            "feeds": {
                "Order.Feed": {
                    "version": "v1",
                    "subject": "feeds.v1.Order.Feed",
                    "input": {"schema": "OrderInput"},
                    "event": {"schema": "Order"},
                    "capabilities": {"subscribe": ["acme.orders::read"]},
                }
            },
            "jobs": {
                "reindex": {
                    "payload": {"schema": "OrderInput"},
                    "maxDeliver": 3,
                    "backoffMs": [100, 50],
                }
            },
            "eventConsumers": {"billing-sync": {"uses": {"billing": ["Billing.Paid"]}}},
            "resources": {
                "kv": {
                    "cache": {
                        "purpose": "Cache orders.",
                        "schema": {"schema": "Cache"},
                        "required": True,
                        "history": 1,
                        "ttlMs": 0,
                    }
                },
                "store": {"files": {"purpose": "Order documents.", "required": True, "ttlMs": 0}},
            },
            "errors": {
                "NotFoundError": {"type": "NotFoundError", "schema": {"schema": "NotFound"}},
                "Unreferenced": {"type": "OtherError"},
            },
        }
    )
