"""Digest invariance (display, docs, exports, unused schemas, order) and sensitivity (identity)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.core.manifests import full_manifest
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest

Edit = Callable[[dict[str, Any]], None]


def digest_of(manifest: dict[str, Any]) -> str:
    return contract_from_manifest(manifest, Origin("<test>", "json")).digest


def _set(path: str, value: Any) -> Edit:
    def edit(m: dict[str, Any]) -> None:
        *parents, leaf = path.split("/")
        node = m
        for p in parents:
            node = node[p]
        node[leaf] = value

    return edit


def _delete(path: str) -> Edit:
    def edit(m: dict[str, Any]) -> None:
        *parents, leaf = path.split("/")
        node = m
        for p in parents:
            node = node[p]
        del node[leaf]

    return edit


INVARIANT: dict[str, Edit] = {
    "displayName": _set("displayName", "Renamed"),
    "description": _set("description", "Something else."),
    "contract docs": _set("docs", {"markdown": "Other docs"}),
    "rpc docs": _set("rpc/Order.Get/docs", {"markdown": "changed", "summary": "s"}),
    "signal docs": _delete("operations/Order.Ship/signals/approve/docs"),
    "state docs": _delete("state/prefs/docs"),
    "exports": _delete("exports"),
    "unused schema changed": _set("schemas/Unused", {"type": "string"}),
    "unused schema added": _set("schemas/Extra", {"type": "number"}),
    "unknown top-level field": _set("x-future", {"anything": [1, 2]}),
    "unknown nested field": _set("rpc/Order.Get/x-note", "hi"),
    "capability list order and duplicates": _set(
        "rpc/Order.Get/capabilities/call",
        ["acme.orders::read", "acme.orders::write", "acme.orders::read"],
    ),
    "rpc error order and duplicates": _set(
        "rpc/Order.Get/errors",
        [{"type": "ValidationError"}, {"type": "NotFoundError"}, {"type": "NotFoundError"}],
    ),
    "uses list order": _set(
        "uses/required/billing/rpc/call", ["Billing.Authorize", "Billing.Charge", "Billing.Charge"]
    ),
    "optional alias shadowed by required": _set(
        "uses/optional/billing", {"contract": "acme.other@v1", "rpc": {"call": ["X"]}}
    ),
    "event consumer list order": _set(
        "eventConsumers/billing-sync/uses/billing", ["Billing.Paid", "Billing.Paid"]
    ),
    "event consumer defaults spelled out": _set(
        "eventConsumers/billing-sync",
        {
            "uses": {"billing": ["Billing.Paid"]},
            "replay": "new",
            "ordering": "strict",
            "concurrency": 1,
        },
    ),
    "unreferenced error changed": _set("errors/Unreferenced", {"type": "YetAnother"}),
    "internal flag": _set("rpc/Order.Get/internal", True),
}

SENSITIVE: dict[str, Edit] = {
    "capability metadata": _set("capabilities/acme.orders::read/description", "Read all orders."),
    "capability consequence": _set(
        "capabilities/acme.orders::read/consequence", "Sees everything."
    ),
    "reachable schema (rpc input)": _set("schemas/OrderInput/required", []),
    "reachable schema (error schema)": _set("schemas/NotFound", {"type": "object"}),
    "reachable schema (signal)": _set("schemas/Approval", {"type": "object", "required": ["by"]}),
    "reachable schema (state accepted version)": _set("schemas/StateV0", {"type": "string"}),
    "reachable schema (kv)": _set("schemas/Cache", {"type": "string"}),
    "rpc subject": _set("rpc/Order.Get/subject", "rpc.v1.Order.Fetch"),
    "rpc capabilities": _set("rpc/Order.Get/capabilities/call", ["acme.orders::read"]),
    "rpc errors": _set("rpc/Order.Get/errors", [{"type": "NotFoundError"}]),
    "operation subject": _set("operations/Order.Ship/subject", "operations.v1.Order.Send"),
    "operation cancel": _set("operations/Order.Ship/cancel", False),
    "operation observe capabilities": _set(
        "operations/Order.Ship/capabilities/observe", ["acme.orders::read"]
    ),
    "event subject": _set(
        "events/Order.Changed/subject", "events.v1.Order.Moved.{/order/region}.{/order/id}"
    ),
    "event capabilities": _set("events/Order.Changed/capabilities/subscribe", []),
    "feed subject": _set("feeds/Order.Feed/subject", "feeds.v1.Order.Stream"),
    "job settings": _set("jobs/reindex/maxDeliver", 4),
    "job backoff order": _set("jobs/reindex/backoffMs", [50, 100]),
    "event consumer replay": _set("eventConsumers/billing-sync/replay", "all"),
    "state kind": _set("state/prefs/kind", "value"),
    "kv history": _set("resources/kv/cache/history", 5),
    "store added": _set("resources/store/more", {"purpose": "More."}),
    "uses contract": _set("uses/required/billing/contract", "acme.billing@v2"),
    "uses selection": _set("uses/optional/audit/feeds/subscribe", ["Audit.Log", "Audit.Other"]),
    "referenced error declaration": _set("errors/NotFoundError/schema", {"schema": "Approval"}),
    "kind": _set("kind", "device"),
    "id": _set("id", "acme.orders@v2"),
}


def test_the_fixture_is_valid() -> None:
    assert len(digest_of(full_manifest())) == 43


@pytest.mark.parametrize("name", sorted(INVARIANT))
def test_digest_ignores(name: str) -> None:
    m = full_manifest()
    INVARIANT[name](m)
    assert digest_of(m) == digest_of(full_manifest())


@pytest.mark.parametrize("name", sorted(SENSITIVE))
def test_digest_changes_with(name: str) -> None:
    m = full_manifest()
    SENSITIVE[name](m)
    assert digest_of(m) != digest_of(full_manifest())


def test_canonical_text_changes_with_docs_even_when_digest_does_not() -> None:
    base = contract_from_manifest(full_manifest(), Origin("<t>", "json"))
    m = full_manifest()
    m["docs"] = {"markdown": "new"}
    edited = contract_from_manifest(m, Origin("<t>", "json"))
    assert edited.digest == base.digest
    assert edited.canonical != base.canonical
