"""Every validation rule has a failing case that pins its message (spec §2, §3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.core.manifests import full_manifest
from trellis_generate.core.validate import validate_and_normalize, validate_manifest

Edit = Callable[[dict[str, Any]], None]


def messages(m: Any) -> list[str]:
    return [d.message for d in validate_manifest(m)]


def edited(edit: Edit) -> dict[str, Any]:
    m = full_manifest()
    edit(m)
    return m


CASES: list[tuple[str, Edit, str, str]] = [
    # (case id, edit, expected message, expected pointer)
    (
        "subjects forbidden",
        lambda m: m.update(subjects={}),
        "Contract subjects are not supported in v1",
        "/subjects",
    ),
    (
        "resources.jobs forbidden",
        lambda m: m["resources"].update(jobs={}),
        "/resources/jobs is not supported in v1",
        "/resources/jobs",
    ),
    (
        "resources.stream forbidden",
        lambda m: m["resources"].update(stream={}),
        "/resources/stream is not supported in v1",
        "/resources/stream",
    ),
    (
        "resources.streams forbidden",
        lambda m: m["resources"].update(streams={}),
        "/resources/streams is not supported in v1",
        "/resources/streams",
    ),
    (
        "uses subjects forbidden",
        lambda m: m["uses"]["required"]["billing"].update(subjects=["x"]),
        "Contract uses 'billing' declares unsupported subjects",
        "/uses/required/billing/subjects",
    ),
    (
        "format const",
        lambda m: m.update(format="trellis.contract.v2"),
        "/format: 'trellis.contract.v1' was expected",
        "/format",
    ),
    ("id required", lambda m: m.pop("id"), "#: 'id' is a required property", ""),
    (
        "kind enum",
        lambda m: m.update(kind="robot"),
        "/kind: 'robot' is not one of ['service', 'app', 'device', 'agent']",
        "/kind",
    ),
    (
        "version pattern",
        lambda m: m["rpc"]["Order.Get"].update(version="1"),
        "/rpc/Order.Get/version: '1' does not match '^v[0-9]+$'",
        "/rpc/Order.Get/version",
    ),
    (
        "empty map key",
        lambda m: m["rpc"].update({"": m["rpc"]["Order.Get"]}),
        "/rpc: '' should be non-empty",
        "/rpc",
    ),
    (
        "empty docs markdown",
        lambda m: m.update(docs={"markdown": ""}),
        "/docs/markdown: '' should be non-empty",
        "/docs/markdown",
    ),
    (
        "empty self list",
        lambda m: m["eventConsumers"]["billing-sync"].update(self=[]),
        "/eventConsumers/billing-sync/self: [] should be non-empty",
        "/eventConsumers/billing-sync/self",
    ),
    (
        "unknown key under resources",
        lambda m: m["resources"].update(queues={}),
        "/resources: Additional properties are not allowed ('queues' was unexpected)",
        "/resources",
    ),
    (
        "operation output required",
        lambda m: m["operations"]["Order.Ship"].pop("output"),
        "/operations/Order.Ship: 'output' is a required property",
        "/operations/Order.Ship",
    ),
    (
        "consumer needs a dependency or self event",
        lambda m: m["eventConsumers"].update(empty={}),
        "event consumer group 'empty' must declare at least one dependency or self event",
        "/eventConsumers/empty",
    ),
    (
        "strict ordering needs concurrency 1",
        lambda m: m["eventConsumers"]["billing-sync"].update(concurrency=2),
        "event consumer group 'billing-sync' with strict ordering requires concurrency 1",
        "/eventConsumers/billing-sync/concurrency",
    ),
    (
        "consumer unknown use",
        lambda m: m["eventConsumers"]["billing-sync"].update(uses={"nobody": ["X"]}),
        "event consumer group 'billing-sync' references unknown use 'nobody'",
        "/eventConsumers/billing-sync/uses/nobody",
    ),
    (
        "consumer event not subscribed",
        lambda m: m["eventConsumers"]["billing-sync"].update(
            uses={"billing": ["Billing.Refunded"]}
        ),
        "event consumer group 'billing-sync' references event 'Billing.Refunded' that use 'billing' does not subscribe to",
        "/eventConsumers/billing-sync/uses/billing",
    ),
    (
        "consumer unknown owned event",
        lambda m: m["eventConsumers"]["billing-sync"].update(self=["Nope"]),
        "event consumer group 'billing-sync' references unknown owned event 'Nope'",
        "/eventConsumers/billing-sync/self",
    ),
    (
        "exports unknown schema",
        lambda m: m["exports"].update(schemas=["Ghost"]),
        "exports.schemas: unknown schema 'Ghost'",
        "/exports/schemas/0",
    ),
    (
        "state unknown schema",
        lambda m: m["state"]["prefs"].update(schema={"schema": "Ghost"}),
        "state 'prefs': unknown schema 'Ghost'",
        "/state/prefs/schema",
    ),
    (
        "state accepted version unknown schema",
        lambda m: m["state"]["prefs"].update(acceptedVersions={"v0": {"schema": "Ghost"}}),
        "state 'prefs' acceptedVersions 'v0': unknown schema 'Ghost'",
        "/state/prefs/acceptedVersions/v0",
    ),
    (
        "kv unknown schema",
        lambda m: m["resources"]["kv"]["cache"].update(schema={"schema": "Ghost"}),
        "resources.kv 'cache': unknown schema 'Ghost'",
        "/resources/kv/cache/schema",
    ),
    (
        "rpc input unknown schema",
        lambda m: m["rpc"]["Order.Get"].update(input={"schema": "Ghost"}),
        "rpc 'Order.Get' input: unknown schema 'Ghost'",
        "/rpc/Order.Get/input",
    ),
    (
        "rpc output unknown schema",
        lambda m: m["rpc"]["Order.Get"].update(output={"schema": "Ghost"}),
        "rpc 'Order.Get' output: unknown schema 'Ghost'",
        "/rpc/Order.Get/output",
    ),
    (
        "operation progress unknown schema",
        lambda m: m["operations"]["Order.Ship"].update(progress={"schema": "Ghost"}),
        "operation 'Order.Ship' progress: unknown schema 'Ghost'",
        "/operations/Order.Ship/progress",
    ),
    (
        "signal input unknown schema",
        lambda m: m["operations"]["Order.Ship"]["signals"]["approve"].update(
            input={"schema": "Ghost"}
        ),
        "operation 'Order.Ship' signal 'approve' input: unknown schema 'Ghost'",
        "/operations/Order.Ship/signals/approve/input",
    ),
    (
        "event unknown schema",
        lambda m: m["events"]["Order.Changed"].update(event={"schema": "Ghost"}),
        "event 'Order.Changed': unknown schema 'Ghost'",
        "/events/Order.Changed/event",
    ),
    (
        "feed input unknown schema",
        lambda m: m["feeds"]["Order.Feed"].update(input={"schema": "Ghost"}),
        "feed 'Order.Feed' input: unknown schema 'Ghost'",
        "/feeds/Order.Feed/input",
    ),
    (
        "feed event unknown schema",
        lambda m: m["feeds"]["Order.Feed"].update(event={"schema": "Ghost"}),
        "feed 'Order.Feed' event: unknown schema 'Ghost'",
        "/feeds/Order.Feed/event",
    ),
    (
        "error unknown schema",
        lambda m: m["errors"]["NotFoundError"].update(schema={"schema": "Ghost"}),
        "error 'NotFoundError': unknown schema 'Ghost'",
        "/errors/NotFoundError/schema",
    ),
    (
        "job payload unknown schema",
        lambda m: m["jobs"]["reindex"].update(payload={"schema": "Ghost"}),
        "jobs queue 'reindex' payload: unknown schema 'Ghost'",
        "/jobs/reindex/payload",
    ),
    (
        "job result unknown schema",
        lambda m: m["jobs"]["reindex"].update(result={"schema": "Ghost"}),
        "jobs queue 'reindex' result: unknown schema 'Ghost'",
        "/jobs/reindex/result",
    ),
    (
        "embedded schema not an object",
        lambda m: m["schemas"].update(Bad=3),
        "schemas.Bad: embedded schema must be a JSON object or boolean",
        "/schemas/Bad",
    ),
    (
        "local $ref",
        lambda m: m["schemas"].update(Bad={"items": {"$ref": "#/$defs/x"}}),
        "schemas.Bad/items: $ref is not supported in embedded schemas",
        "/schemas/Bad/items/$ref",
    ),
    (
        "remote $ref",
        lambda m: m["schemas"].update(Bad={"$ref": "https://x/y.json"}),
        "schemas.Bad: remote $ref is not supported",
        "/schemas/Bad/$ref",
    ),
    (
        "unknown type",
        lambda m: m["schemas"].update(Bad={"type": "float"}),
        "schemas.Bad/type: unknown JSON Schema type 'float'",
        "/schemas/Bad/type",
    ),
    (
        "unknown type in array",
        lambda m: m["schemas"].update(Bad={"type": ["string", "date"]}),
        "schemas.Bad/type: type array contains an unknown JSON Schema type",
        "/schemas/Bad/type",
    ),
    (
        "malformed template",
        lambda m: m["events"]["Order.Changed"].update(subject="events.v1.X.{/a"),
        "event 'Order.Changed' subject has malformed template token",
        "/events/Order.Changed/subject",
    ),
    (
        "template token not a pointer",
        lambda m: m["events"]["Order.Changed"].update(subject="events.v1.X.{id}", params=["/id"]),
        "event 'Order.Changed' subject template token 'id' must be a JSON Pointer",
        "/events/Order.Changed/subject",
    ),
    (
        "param not a pointer",
        lambda m: m["events"]["Order.Changed"].update(params=["/order/region", "/order/~2"]),
        "event 'Order.Changed' param '/order/~2' must be a JSON Pointer",
        "/events/Order.Changed/params",
    ),
    (
        "params out of order",
        lambda m: m["events"]["Order.Changed"].update(params=["/order/id", "/order/region"]),
        "event 'Order.Changed' params must list subject template pointers in order",
        "/events/Order.Changed/params",
    ),
    (
        "param path not found",
        lambda m: m["events"]["Order.Changed"].update(
            subject="events.v1.X.{/order/nope}", params=["/order/nope"]
        ),
        "Invalid event subject param pointer '/order/nope' for event 'Order.Changed' (path not found in schema)",
        "/events/Order.Changed/params",
    ),
    (
        "param not tokenable",
        lambda m: m["events"]["Order.Changed"].update(
            subject="events.v1.X.{/order}", params=["/order"]
        ),
        "Invalid event subject param pointer '/order' for event 'Order.Changed' (must resolve to string/number schema)",
        "/events/Order.Changed/params",
    ),
    (
        "subject collision",
        lambda m: m["events"].update(
            Dup={
                "version": "v1",
                "subject": "events.v1.Order.Changed.{/order/region}.{/order/id}",
                "params": ["/order/region", "/order/id"],
                "event": {"schema": "Order"},
            }
        ),
        "Subject 'events.v1.Order.Changed.*.*' already registered by 'Orders' (acme.orders@v1): event 'Dup' collides with event 'Order.Changed'",
        "/events/Dup/subject",
    ),
    (
        "duplicate error type",
        lambda m: m["errors"].update(Again={"type": "NotFoundError"}),
        "error 'Again' repeats type 'NotFoundError' of error 'NotFoundError' (error types must be unique)",
        "/errors/Again/type",
    ),
]


@pytest.mark.parametrize(
    ("edit", "message", "ptr"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rule_reports_its_message(edit: Edit, message: str, ptr: str) -> None:
    diags = validate_manifest(edited(edit))
    assert [(d.message, d.pointer) for d in diags] == [(message, ptr)]


def test_all_problems_are_reported_together() -> None:
    def many(m: dict[str, Any]) -> None:
        m["rpc"]["Order.Get"]["input"] = {"schema": "Ghost"}
        m["exports"]["schemas"] = ["Ghost"]
        m["schemas"]["Bad"] = {"$ref": "#/x"}

    assert len(validate_manifest(edited(many))) == 3


def test_not_an_object() -> None:
    assert messages([1, 2]) == ["Expected object JSON value"]


def test_negative_zero_is_not_pure_json() -> None:
    m = full_manifest()
    m["schemas"]["Unused"]["minimum"] = -0.0
    assert messages(m) == [
        "Contract must be a pure JSON value: negative zero is not allowed (Contract must be a pure JSON value)"
    ]


def test_tokenable_allof_decides_even_with_a_string_type() -> None:
    def edit(m: dict[str, Any]) -> None:
        m["schemas"]["Order"]["properties"]["order"]["properties"]["id"] = {
            "type": "string",
            "allOf": [{"minLength": 1}],
        }

    assert messages(edited(edit)) == [
        "Invalid event subject param pointer '/order/id' for event 'Order.Changed' (must resolve to string/number schema)"
    ]


def test_params_resolve_through_anyof_when_every_branch_has_them() -> None:
    def edit(m: dict[str, Any]) -> None:
        m["schemas"]["Order"] = {
            "anyOf": [
                {
                    "properties": {
                        "order": {
                            "properties": {"id": {"type": "string"}, "region": {"const": "eu"}}
                        }
                    }
                },
                {
                    "properties": {
                        "order": {
                            "properties": {"id": {"type": "integer"}, "region": {"enum": ["us", 1]}}
                        }
                    }
                },
            ]
        }

    assert messages(edited(edit)) == []


def test_unknown_fields_are_dropped_and_internal_is_kept() -> None:
    m = full_manifest()
    m["x-extra"] = 1
    m["rpc"]["Order.Get"]["internal"] = True
    m["rpc"]["Order.Get"]["x-note"] = "n"
    normalized, diags = validate_and_normalize(m)
    assert diags == [] and normalized is not None
    assert "x-extra" not in normalized
    assert normalized["rpc"]["Order.Get"]["internal"] is True
    assert "x-note" not in normalized["rpc"]["Order.Get"]


def test_normalization_is_idempotent_and_fills_consumer_defaults() -> None:
    normalized, _ = validate_and_normalize(full_manifest())
    assert normalized is not None
    assert normalized["eventConsumers"]["billing-sync"] == {
        "uses": {"billing": ["Billing.Paid"]},
        "replay": "new",
        "ordering": "strict",
        "concurrency": 1,
    }
    again, _ = validate_and_normalize(normalized)
    assert again == normalized


def test_flat_uses_aliases_are_dropped() -> None:
    m = full_manifest()
    m["uses"]["flat"] = {"contract": "acme.flat@v1"}
    normalized, diags = validate_and_normalize(m)
    assert diags == [] and normalized is not None
    assert set(normalized["uses"]) == {"required", "optional"}
