"""Every classification rule of spec/compatibility.md, as (old, new) change pairs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from diff_fixtures import BASE, changed, loaded

from trellis_generate.diff.compare import diff_contract
from trellis_generate.diff.model import next_major
from trellis_generate.diff.schema import compare_schemas

Edit = Callable[[dict[str, Any]], object]


def _set(path: list[str], value: Any) -> Edit:
    def edit(m: dict[str, Any]) -> None:
        node = m
        for p in path[:-1]:
            node = node[p]
        node[path[-1]] = value

    return edit


def _drop(path: list[str]) -> Edit:
    def edit(m: dict[str, Any]) -> None:
        node = m
        for p in path[:-1]:
            node = node[p]
        del node[path[-1]]

    return edit


def _both(*edits: Edit) -> Edit:
    def edit(m: dict[str, Any]) -> None:
        for e in edits:
            e(m)

    return edit


def _rename_rpc(m: dict[str, Any]) -> None:
    m["rpc"]["Users.Fetch"] = m["rpc"].pop("Users.Get")


def _rename_schema(m: dict[str, Any]) -> None:
    m["schemas"]["Member"] = m["schemas"].pop("User")
    for ref in (m["rpc"]["Users.Get"]["output"], m["operations"]["Users.Import"]["output"],
                m["resources"]["kv"]["cache"]["schema"]):  # fmt: skip
        ref["schema"] = "Member"


GET_IN = ["schemas", "GetInput"]
USER = ["schemas", "User"]
GET = ["rpc", "Users.Get"]
IMPORT = ["operations", "Users.Import"]
CHANGED = ["events", "Users.Changed"]

# (name, edit, severity, rule, pointer)
CASES: list[tuple[str, Edit, str, str, str]] = [
    ("rpc removed", _drop(["rpc", "Users.Ping"]), "breaking", "surface-removed", "/rpc/Users.Ping"),
    ("rpc added", _set(["rpc", "Users.New"], {**BASE["rpc"]["Users.Ping"], "subject": "rpc.v1.New"}),
     "compatible", "surface-added", "/rpc/Users.New"),
    ("rpc renamed", _rename_rpc, "breaking", "surface-renamed", "/rpc/Users.Fetch"),
    ("operation removed", _drop(IMPORT), "breaking", "surface-removed", "/operations/Users.Import"),
    ("event removed", _drop(CHANGED), "breaking", "surface-removed", "/events/Users.Changed"),
    ("rpc subject moved", _set([*GET, "subject"], "rpc.v2.Users.Get"),
     "breaking", "subject-moved", "/rpc/Users.Get/subject"),
    ("event gains a subject token",
     _both(_set([*CHANGED, "subject"], "events.v1.Users.Changed.{/org}.{/id}"),
           _set([*CHANGED, "params"], ["/org", "/id"])),
     "breaking", "subject-moved", "/events/Users.Changed/subject"),
    ("event token renamed, same wildcard",
     _both(_set([*CHANGED, "subject"], "events.v1.Users.Changed.{/org}"),
           _set([*CHANGED, "params"], ["/org"])),
     "breaking", "subject-template-changed", "/events/Users.Changed/subject"),
    ("required field added", _set([*GET_IN, "required"], ["id", "verbose"]),
     "breaking", "property-required", "/schemas/GetInput/properties/verbose"),
    ("new required property",
     _both(_set([*GET_IN, "properties", "org"], {"type": "string"}),
           _set([*GET_IN, "required"], ["id", "org"])),
     "breaking", "property-added", "/schemas/GetInput/properties/org"),
    ("optional property added to open object", _set([*GET_IN, "properties", "page"], {"type": "integer"}),
     "compatible", "property-added", "/schemas/GetInput/properties/page"),
    ("optional property added to closed object", _set([*USER, "properties", "email"], {"type": "string"}),
     "breaking", "property-added", "/schemas/User/properties/email"),
    ("optional property removed", _drop([*GET_IN, "properties", "verbose"]),
     "compatible", "property-removed", "/schemas/GetInput/properties/verbose"),
    ("optional property removed from closed object", _drop([*USER, "properties", "status"]),
     "compatible", "property-removed", "/schemas/User/properties/status"),
    ("required property removed",
     _both(_drop([*USER, "properties", "id"]), _set([*USER, "required"], [])),
     "breaking", "property-removed", "/schemas/User/properties/id"),
    ("required made optional", _set([*GET_IN, "required"], []),
     "compatible", "property-optional", "/schemas/GetInput/properties/id"),
    ("type changed", _set([*GET_IN, "properties", "id"], {"type": "object"}),
     "breaking", "type-changed", "/schemas/GetInput/properties/id/type"),
    ("type widened", _set([*GET_IN, "properties", "id"], {"type": ["string", "number"]}),
     "compatible", "type-widened", "/schemas/GetInput/properties/id/type"),
    ("enum narrowed", _set([*USER, "properties", "status", "enum"], ["active"]),
     "breaking", "enum-narrowed", "/schemas/User/properties/status/enum"),
    ("enum widened", _set([*USER, "properties", "status", "enum"], ["active", "locked", "gone"]),
     "compatible", "enum-widened", "/schemas/User/properties/status/enum"),
    ("format added", _set([*GET_IN, "properties", "id", "format"], "uuid"),
     "breaking", "format-narrowed", "/schemas/GetInput/properties/id/format"),
    ("maxLength tightened", _set([*GET_IN, "properties", "id", "maxLength"], 10),
     "breaking", "bound-narrowed", "/schemas/GetInput/properties/id/maxLength"),
    ("object closed", _set([*GET_IN, "additionalProperties"], False),
     "breaking", "object-closed", "/schemas/GetInput/additionalProperties"),
    ("unknown keyword changed", _set([*GET_IN, "properties", "id", "allOf"], [{"minLength": 1}]),
     "breaking", "schema-unprovable", "/schemas/GetInput/properties/id/allOf"),
    ("schema renamed, same shape", _rename_schema,
     "compatible", "schema-renamed", "/rpc/Users.Get/output"),
    ("schema description edited", _set([*USER, "description"], "A user."),
     "metadata-only", "schema-annotation", "/schemas/User/description"),
    ("progress removed", _drop([*IMPORT, "progress"]),
     "breaking", "schema-field-removed", "/operations/Users.Import/progress"),
    ("capability added to existing rpc", _set([*GET, "capabilities", "call"],
                                              ["acme.users::read", "acme.users::admin"]),
     "breaking", "capability-added", "/rpc/Users.Get/capabilities/call"),
    ("capability removed from rpc", _drop([*GET, "capabilities"]),
     "compatible", "capability-removed", "/rpc/Users.Get/capabilities/call"),
    ("observe restricted", _set([*IMPORT, "capabilities", "observe"], ["acme.users::read"]),
     "breaking", "capability-added", "/operations/Users.Import/capabilities/observe"),
    ("cancel disabled", _set([*IMPORT, "cancel"], False),
     "breaking", "cancel-disabled", "/operations/Users.Import/capabilities/cancel"),
    ("error added", _set([*GET, "errors"], [{"type": "NotFound"}, {"type": "Locked"}]),
     "compatible", "error-added", "/rpc/Users.Get/errors"),
    ("error removed", _drop([*GET, "errors"]), "compatible", "error-removed", "/rpc/Users.Get/errors"),
    ("capability metadata edited", _set(["capabilities", "acme.users::read", "description"], "More."),
     "compatible", "capability-metadata-changed", "/capabilities/acme.users::read"),
    ("capability declared", _set(["capabilities", "acme.users::audit"],
                                 {"displayName": "Audit", "description": "Audit users."}),
     "compatible", "capability-metadata-added", "/capabilities/acme.users::audit"),
    ("kv resource added", _set(["resources", "kv", "extra"], {"purpose": "More", "schema": {"schema": "User"}}),
     "compatible", "resource-added", "/resources/kv/extra"),
    ("kv resource removed", _drop(["resources"]), "compatible", "resource-removed", "/resources/kv/cache"),
    ("uses added", _set(["uses"], {"required": {"auth": {"contract": "acme.auth@v1"}}}),
     "compatible", "uses-added", "/uses/required/auth"),
    ("docs edited", _set(["docs"], {"markdown": "New docs."}), "metadata-only", "display", "/docs"),
    ("rpc docs edited", _set([*GET, "docs"], {"markdown": "Fetch."}),
     "metadata-only", "docs", "/rpc/Users.Get/docs"),
    ("display name edited", _set(["displayName"], "People"), "metadata-only", "display", "/displayName"),
    ("kind changed", _set(["kind"], "device"), "breaking", "kind-changed", "/kind"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "edit", "severity", "rule", "at"), CASES, ids=[c[0] for c in CASES]
)
def test_change_pair_is_classified(
    name: str, edit: Edit, severity: str, rule: str, at: str
) -> None:
    old, new = loaded(BASE), loaded(changed(edit))
    result = diff_contract(old.id, old, new, {}, {})
    found = {(f.severity, f.rule, f.pointer) for f in result.findings}
    assert (severity, rule, at) in found, result.findings
    assert result.breaking == (
        severity == "breaking" or any(f.severity == "breaking" for f in result.findings)
    )
    if severity != "breaking":
        assert not result.breaking, result.findings


def test_a_shared_schema_change_is_one_finding_naming_every_surface() -> None:
    old, new = loaded(BASE), loaded(changed(_set([*GET_IN, "required"], ["id", "verbose"])))
    (finding,) = diff_contract(old.id, old, new, {}, {}).findings
    assert finding.pointer == "/schemas/GetInput/properties/verbose"
    assert finding.surfaces == (
        "RPC 'Users.Get' input",
        "RPC 'Users.Ping' input",
        "RPC 'Users.Ping' output",
        "operation 'Users.Import' input",
    )


def test_identical_manifests_have_no_findings() -> None:
    result = diff_contract("acme.users@v1", loaded(BASE), loaded(BASE), {}, {})
    assert (result.status, result.findings) == ("unchanged", ())


def test_docs_only_change_keeps_the_digest_and_status_unchanged() -> None:
    old, new = loaded(BASE), loaded(changed(_set(["docs"], {"markdown": "New."})))
    result = diff_contract(old.id, old, new, {}, {})
    assert result.status == "unchanged"
    assert {f.severity for f in result.findings} == {"metadata-only"}


def test_added_and_removed_contracts() -> None:
    c = loaded(BASE)
    added = diff_contract(c.id, None, c, {}, {c.id: c})
    removed = diff_contract(c.id, c, None, {c.id: c}, {})
    assert (added.status, added.breaking, added.consequence) == ("added", False, "new contract")
    assert (removed.status, removed.breaking, removed.consequence) == (
        "removed",
        True,
        "breaking: contract removed",
    )


@pytest.mark.parametrize(
    ("contract_id", "expected"),
    [("acme.users@v1", "acme.users@v2"), ("a@v19", "a@v20"), ("plain", "plain@v2")],
)
def test_next_major(contract_id: str, expected: str) -> None:
    assert next_major(contract_id) == expected


def test_version_consequence() -> None:
    old = loaded(BASE)
    compatible = diff_contract(old.id, old, loaded(changed(_set(["displayName"], "X"))), {}, {})
    breaking = diff_contract(old.id, old, loaded(changed(_drop(GET))), {}, {})
    assert compatible.consequence == "compatible: same id"
    assert breaking.consequence == "breaking: needs acme.users@v2"


@pytest.mark.parametrize(
    ("old", "new", "severity"),
    [
        ({"type": "integer"}, {"type": "number"}, "compatible"),
        ({"type": "number"}, {"type": "integer"}, "breaking"),
        ({"minimum": 1}, {"minimum": 0}, "compatible"),
        ({"minimum": 0}, {"minimum": 1}, "breaking"),
        ({}, {"minimum": 1}, "breaking"),
        ({"maxItems": 3}, {}, "compatible"),
        ({"type": "string"}, True, "compatible"),
        (True, {"type": "string"}, "breaking"),
        ({"const": "a"}, {"enum": ["a", "b"]}, "compatible"),
        ({"enum": ["a", "b"]}, {"const": "a"}, "breaking"),
        ({"items": {"type": "string"}}, {"items": {"type": "integer"}}, "breaking"),
        ({"additionalProperties": False}, {}, "compatible"),
        ({"uniqueItems": True}, {}, "compatible"),
        ({}, {"uniqueItems": True}, "breaking"),
    ],
)
def test_schema_rules(old: Any, new: Any, severity: str) -> None:
    findings = compare_schemas(old, new, "/schemas/X")
    assert findings and {f.severity for f in findings} == {severity}


def test_canonically_equal_schemas_have_no_findings() -> None:
    a = {"type": "object", "properties": {"a": {"type": "number", "minimum": 1.0}}}
    b = {"properties": {"a": {"minimum": 1, "type": "number"}}, "type": "object"}
    assert compare_schemas(a, b, "") == []
