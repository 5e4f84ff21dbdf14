"""Fixture contracts for the SDK renderer: every descriptor kind, and names that fight back."""

from __future__ import annotations

from typing import Any

from trellis_generate.contract import LoadedContract, Origin
from trellis_generate.pipeline import contract_from_manifest

OBJ: dict[str, Any] = {"type": "object"}


def _obj(props: dict[str, Any], *required: str, closed: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": props, "required": list(required)}
    if closed:
        schema["additionalProperties"] = False
    return schema


STR = {"type": "string"}

LEDGER: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "demo.ledger@v1",
    "kind": "service",
    "displayName": "Ledger",
    "description": "Books entries.",
    "schemas": {
        "Entry": _obj({"id": STR, "amount": {"type": "integer"}}, "id", "amount"),
        "EntryId": _obj({"id": STR}, "id"),
        "Posted": _obj({"entry": _obj({"id": STR}, "id")}, "entry"),
        "Balance": _obj({"cents": {"type": "integer"}}, "cents"),
        "NotFoundData": _obj({"entryId": STR}, "entryId"),
        "Hidden": OBJ,
    },
    "errors": {"NotFound": {"type": "LedgerNotFound", "schema": {"schema": "NotFoundData"}}},
    "rpc": {
        "Ledger.Get": {
            "version": "v1",
            "subject": "rpc.v1.Ledger.Get",
            "input": {"schema": "EntryId"},
            "output": {"schema": "Entry"},
            "errors": [{"type": "LedgerNotFound"}, {"type": "UnexpectedError"}],
        },
        "Ledger.Secret": {
            "version": "v1",
            "subject": "rpc.v1.Ledger.Secret",
            "input": {"schema": "Hidden"},
            "output": {"schema": "Hidden"},
            "internal": True,
        },
    },
    "operations": {
        "Ledger.Rebuild": {
            "version": "v1",
            "subject": "operations.v1.Ledger.Rebuild",
            "input": {"schema": "EntryId"},
            "output": {"schema": "Balance"},
        }
    },
    "events": {
        "Ledger.Posted": {
            "version": "v1",
            "subject": "events.v1.Ledger.Posted.{/entry/id}",
            "params": ["/entry/id"],
            "event": {"schema": "Posted"},
        }
    },
    "feeds": {
        "Ledger.Tail": {
            "version": "v1",
            "subject": "feeds.v1.Ledger.Tail",
            "input": {"schema": "EntryId"},
            "event": {"schema": "Entry"},
        }
    },
}

BILLING: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "demo.billing@v1",
    "kind": "service",
    "displayName": "Billing",
    "description": "Charges and refunds.",
    "docs": {"summary": "Billing service.", "markdown": "Charges, refunds and invoices."},
    "capabilities": {
        "demo.billing::refund": {"displayName": "Refund", "description": "Issue refunds."},
    },
    "schemas": {
        "Empty": OBJ,
        "ChargeRequest": _obj({"amount": {"type": "integer", "minimum": 1}}, "amount", closed=True),
        "ChargeResponse": _obj({"chargeId": STR, "at": {"type": "string", "format": "date-time"}}),
        "RefundRequest": _obj({"chargeId": STR, "reason": {"enum": ["dup", "fraud"]}}, "chargeId"),
        "RefundProgress": _obj({"step": STR}, "step"),
        "RefundResult": _obj({"refundId": STR}, "refundId"),
        "Approval": _obj({"by": STR}, "by"),
        "Invoice": _obj({"invoice": _obj({"id": STR, "region": STR}, "id", "region")}, "invoice"),
        "InvoiceFilter": _obj({"region": STR}),
        "Receipt": {"type": "string"},
        "ExportPayload": _obj({"month": STR}, "month"),
        "ExportResult": _obj({"url": STR}, "url"),
        "DeclinedData": _obj({"code": {"type": "integer"}}, "code"),
    },
    "errors": {
        "Declined": {"type": "ChargeDeclined", "schema": {"schema": "DeclinedData"}},
        "Frozen": {"type": "AccountFrozen"},
    },
    "rpc": {
        "Billing.Charge": {
            "version": "v1",
            "subject": "rpc.v1.Billing.Charge",
            "input": {"schema": "ChargeRequest"},
            "output": {"schema": "ChargeResponse"},
            "capabilities": {"call": ["demo.billing::refund"]},
            "errors": [{"type": "ChargeDeclined"}, {"type": "AccountFrozen"}],
            "docs": {"summary": "Charge a card.", "markdown": "Charges a card once."},
        },
        "Billing.Download": {
            "version": "v1",
            "subject": "rpc.v1.Billing.Download",
            "input": {"schema": "Empty"},
            "output": {"schema": "Receipt"},
            "transfer": {"direction": "receive"},
        },
        "Billing.Internal.Sync": {
            "version": "v1",
            "subject": "rpc.v1.Billing.Internal.Sync",
            "input": {"schema": "Empty"},
            "output": {"schema": "Empty"},
            "internal": True,
        },
        "Health": {
            "version": "v1",
            "subject": "rpc.v1.Health",
            "input": {"schema": "Empty"},
            "output": {"schema": "Empty"},
        },
    },
    "operations": {
        "Billing.Refund": {
            "version": "v1",
            "subject": "operations.v1.Billing.Refund",
            "input": {"schema": "RefundRequest"},
            "progress": {"schema": "RefundProgress"},
            "output": {"schema": "RefundResult"},
            "capabilities": {"call": ["demo.billing::refund"], "cancel": ["demo.billing::refund"]},
            "signals": {"approve": {"input": {"schema": "Approval"}}},
            "cancel": True,
        },
        "Billing.Recount": {
            "version": "v1",
            "subject": "operations.v1.Billing.Recount",
            "input": {"schema": "Empty"},
            "output": {"schema": "Empty"},
        },
    },
    "events": {
        "Billing.Invoiced": {
            "version": "v1",
            "subject": "events.v1.Billing.Invoiced.{/invoice/region}.{/invoice/id}",
            "params": ["/invoice/region", "/invoice/id"],
            "event": {"schema": "Invoice"},
        },
        "Billing.Closed": {
            "version": "v1",
            "subject": "events.v1.Billing.Closed",
            "event": {"schema": "Empty"},
        },
    },
    "feeds": {
        "Billing.Invoices": {
            "version": "v1",
            "subject": "feeds.v1.Billing.Invoices",
            "input": {"schema": "InvoiceFilter"},
            "event": {"schema": "Invoice"},
        }
    },
    "jobs": {
        "export-month": {
            "payload": {"schema": "ExportPayload"},
            "result": {"schema": "ExportResult"},
            "maxDeliver": 2,
            "backoffMs": [100],
            "ackWaitMs": 1500,
            "defaultDeadlineMs": 60000,
            "progress": False,
            "logs": False,
            "dlq": False,
            "concurrency": 3,
        },
        "cleanup": {"payload": {"schema": "Empty"}},
    },
    "uses": {
        "required": {
            "ledger": {
                "contract": "demo.ledger@v1",
                "rpc": {"call": ["Ledger.Get", "Ledger.Secret", "Ledger.Gone"]},
                "operations": {"call": ["Ledger.Rebuild"]},
                "events": {"subscribe": ["Ledger.Posted"]},
                "feeds": {"subscribe": ["Ledger.Tail"]},
            }
        },
        "optional": {"audit": {"contract": "demo.audit@v1", "rpc": {"call": ["Audit.Log"]}}},
    },
}

# Text that must stay inside string literals and docstrings.
NASTY = 'q"uote \'single\' """triple""" \\back\\ \n{{ x }} {% if %} }} \u2028 é 中 \u202e end\\'
# Manifest keys may not contain line terminators; everything else still applies.
NASTY_KEY = NASTY.replace("\n", " ").replace("\u2028", " ")

HOSTILE: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "we!rd.names@v2",
    "kind": "service",
    "displayName": NASTY,
    "description": NASTY,
    "docs": {"summary": NASTY, "markdown": NASTY},
    "schemas": {
        "BaseModel": OBJ,
        "Field": _obj({"class": STR, "self": STR, "model_config": STR}),
        "class": OBJ,
        "a b": OBJ,
        'Quote"Name': _obj({NASTY: STR}),
        "9lives": OBJ,
        "Ünïcode": OBJ,
        "Ev": _obj({"a/b": _obj({"self": STR}, "self"), "x": STR}, "a/b", "x"),
    },
    "errors": {
        NASTY_KEY: {"type": NASTY, "schema": {"schema": "class"}},
        "Service": {"type": "Service"},
        "Client": {"type": "ClientError"},
    },
    "rpc": {
        "User.Find": {
            "version": "v1",
            "subject": "rpc.v1.User.Find",
            "input": {"schema": "BaseModel"},
            "output": {"schema": "Field"},
            "errors": [{"type": NASTY}, {"type": "Service"}],
            "docs": {"summary": NASTY, "markdown": NASTY},
        },
        "user.find": {
            "version": "v1",
            "subject": "rpc.v1.user.find",
            "input": {"schema": "class"},
            "output": {"schema": "a b"},
            "capabilities": {"call": [NASTY]},
        },
        "class.def": {
            "version": "v1",
            "subject": "rpc.v1.class.def",
            "input": {"schema": "9lives"},
            "output": {"schema": "Ünïcode"},
        },
        'x"""y.self': {
            "version": "v1",
            "subject": 'rpc.v1.x"y',
            "input": {"schema": 'Quote"Name'},
            "output": {"schema": 'Quote"Name'},
        },
        "Ünï.Cödé": {
            "version": "v1",
            "subject": "rpc.v1.unicode",
            "input": {"schema": "BaseModel"},
            "output": {"schema": "BaseModel"},
        },
        "__init__": {
            "version": "v1",
            "subject": "rpc.v1.init",
            "input": {"schema": "BaseModel"},
            "output": {"schema": "BaseModel"},
        },
    },
    "operations": {
        "import.from": {
            "version": "v1",
            "subject": "operations.v1.import",
            "input": {"schema": "class"},
            "output": {"schema": "class"},
            "signals": {NASTY_KEY: {"input": {"schema": "class"}}},
            "docs": {"summary": NASTY, "markdown": NASTY},
        }
    },
    "events": {
        "Self.Evt": {
            "version": "v1",
            "subject": "events.v1.Self.{/a~1b/self}.{/x}",
            "params": ["/a~1b/self", "/x"],
            "event": {"schema": "Ev"},
            "docs": {"summary": NASTY, "markdown": NASTY},
        }
    },
    "feeds": {
        "lambda": {
            "version": "v1",
            "subject": "feeds.v1.lambda",
            "input": {"schema": "class"},
            "event": {"schema": "class"},
        }
    },
    "jobs": {"for": {"payload": {"schema": "class"}}, "For": {"payload": {"schema": "class"}}},
}

FIXTURES: dict[str, dict[str, Any]] = {
    "demo.ledger@v1": LEDGER,
    "demo.billing@v1": BILLING,
    "we!rd.names@v2": HOSTILE,
}


def load_fixture(contract_id: str) -> LoadedContract:
    return contract_from_manifest(FIXTURES[contract_id], Origin(f"<fixture {contract_id}>", "json"))


def fixture_contracts() -> dict[str, LoadedContract]:
    return {cid: load_fixture(cid) for cid in FIXTURES}
