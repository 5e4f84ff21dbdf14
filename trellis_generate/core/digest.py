"""Digest projection (spec §5): identity, not display.

The digest covers what changes behaviour or permissions (subjects, schemas that are reachable,
capabilities with their metadata) and ignores display text, docs, exports and unused schemas, so a
docs-only edit keeps the contract's identity.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .canonical import digest_json
from .normalize import JsonObject, normalize_consumer_group, sorted_unique


def _omit_docs(x: Mapping[str, Any]) -> JsonObject:
    return {k: v for k, v in x.items() if k != "docs"}


def _sorted_lists(caps: Mapping[str, Any], keys: tuple[str, ...]) -> JsonObject:
    return {k: sorted_unique(caps[k]) for k in keys if k in caps}


def _is_array_index(key: str) -> bool:
    return key.isascii() and key.isdigit() and str(int(key)) == key and int(key) < 2**32 - 1


def js_property_order(keys: list[str]) -> list[str]:
    """JavaScript's own-property order: array-index keys ascending first, then insertion order."""
    indices = sorted((k for k in keys if _is_array_index(k)), key=int)
    return indices + [k for k in keys if not _is_array_index(k)]


def rpc_error_types(n: Mapping[str, Any]) -> set[str]:
    return {e["type"] for m in n.get("rpc", {}).values() for e in m.get("errors", [])}


def first_error_declaration(errors: Mapping[str, Any], wire_type: str) -> Mapping[str, Any] | None:
    for key in js_property_order(list(errors)):
        if errors[key]["type"] == wire_type:
            return errors[key]  # type: ignore[no-any-return]
    return None


def _reachable_refs(n: Mapping[str, Any]) -> Iterator[str]:
    for store in n.get("state", {}).values():
        yield store["schema"]["schema"]
        yield from (r["schema"] for r in store.get("acceptedVersions", {}).values())
    errors = n.get("errors", {})
    for m in n.get("rpc", {}).values():
        yield m["input"]["schema"]
        yield m["output"]["schema"]
        for e in m.get("errors", []):
            decl = first_error_declaration(errors, e["type"])
            if decl is not None and "schema" in decl:
                yield decl["schema"]["schema"]
    for o in n.get("operations", {}).values():
        yield from (o[k]["schema"] for k in ("input", "progress", "output") if k in o)
        yield from (s["input"]["schema"] for s in o.get("signals", {}).values())
    yield from (e["event"]["schema"] for e in n.get("events", {}).values())
    for f in n.get("feeds", {}).values():
        yield f["input"]["schema"]
        yield f["event"]["schema"]
    for j in n.get("jobs", {}).values():
        yield from (j[k]["schema"] for k in ("payload", "result") if k in j)
    yield from (kv["schema"]["schema"] for kv in n.get("resources", {}).get("kv", {}).values())


def reachable_schemas(n: Mapping[str, Any]) -> set[str]:
    return set(_reachable_refs(n))


def _project_use(ref: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"contract": ref["contract"]}
    for section, keys in (
        ("rpc", ("call",)),
        ("operations", ("call",)),
        ("events", ("publish", "subscribe")),
        ("feeds", ("subscribe",)),
    ):
        lists = _sorted_lists(ref.get(section, {}), keys)
        if lists:
            out[section] = lists
    return out


def _project_uses(uses: Mapping[str, Any] | None) -> JsonObject | None:
    if uses is None:
        return None
    groups: dict[str, JsonObject | None] = {
        g: ({a: _project_use(r) for a, r in uses[g].items()} if g in uses else None)
        for g in ("required", "optional")
    }
    required, optional = groups["required"], groups["optional"]
    if optional is not None and required is not None:
        optional = {a: v for a, v in optional.items() if a not in required} or None
    if required is None and optional is None:
        return None
    out: JsonObject = {}
    if required is not None:
        out["required"] = required
    if optional is not None:
        out["optional"] = optional
    return out


def _project_rpc(m: Mapping[str, Any], keep_internal: bool) -> JsonObject:
    out = _omit_docs(m)
    if not keep_internal:
        out.pop("internal", None)
    if "call" in m.get("capabilities", {}):
        out["capabilities"] = {"call": sorted_unique(m["capabilities"]["call"])}
    if "errors" in m:
        out["errors"] = [{"type": t} for t in sorted_unique(e["type"] for e in m["errors"])]
    return out


def _project_operation(o: Mapping[str, Any]) -> JsonObject:
    out = _omit_docs(o)
    if "signals" in o:
        out["signals"] = {s: _omit_docs(sig) for s, sig in o["signals"].items()}
    caps = _sorted_lists(o.get("capabilities", {}), ("call", "observe", "cancel", "control"))
    if caps:
        out["capabilities"] = caps
    return out


def _project_capable(x: Mapping[str, Any], keys: tuple[str, ...]) -> JsonObject:
    out = _omit_docs(x)
    caps = _sorted_lists(x.get("capabilities", {}), keys)
    if caps:
        out["capabilities"] = caps
    return out


def project_digest_manifest(n: Mapping[str, Any], *, keep_internal: bool = False) -> JsonObject:
    """The digest projection of a normalized manifest (spec §5.1).

    `keep_internal=True` reproduces the reference Rust codegen, which digests `rpc.*.internal`.
    """
    p: JsonObject = {"format": n["format"], "id": n["id"], "kind": n["kind"]}
    if "capabilities" in n:
        p["capabilities"] = n["capabilities"]
    reachable = reachable_schemas(n)
    if "schemas" in n and reachable:
        sub = {k: v for k, v in n["schemas"].items() if k in reachable}
        if sub:
            p["schemas"] = sub
    if "state" in n:
        p["state"] = {k: _omit_docs(v) for k, v in n["state"].items()}
    uses = _project_uses(n.get("uses"))
    if uses is not None:
        p["uses"] = uses
    if "rpc" in n:
        p["rpc"] = {k: _project_rpc(m, keep_internal) for k, m in n["rpc"].items()}
    if "operations" in n:
        p["operations"] = {k: _project_operation(o) for k, o in n["operations"].items()}
    if "events" in n:
        p["events"] = {
            k: _project_capable(e, ("publish", "subscribe")) for k, e in n["events"].items()
        }
    if "feeds" in n:
        p["feeds"] = {k: _project_capable(f, ("subscribe",)) for k, f in n["feeds"].items()}
    if "errors" in n:
        used = rpc_error_types(n)
        sub = {k: v for k, v in n["errors"].items() if v["type"] in used}
        if sub:
            p["errors"] = sub
    if "jobs" in n:
        p["jobs"] = {k: _omit_docs(v) for k, v in n["jobs"].items()}
    if "eventConsumers" in n:
        p["eventConsumers"] = {
            k: _omit_docs(normalize_consumer_group(g)) for k, g in n["eventConsumers"].items()
        }
    resources = n.get("resources", {})
    if "kv" in resources or "store" in resources:
        p["resources"] = {
            kind: {a: _omit_docs(r) for a, r in resources[kind].items()}
            for kind in ("kv", "store")
            if kind in resources
        }
    return p


def contract_digest(
    normalized: Mapping[str, Any], *, keep_internal: bool = False, checked: bool = False
) -> str:
    """The runtime digest (TS semantics) of a normalized manifest; `checked`: see canonical_json."""
    projection = project_digest_manifest(normalized, keep_internal=keep_internal)
    return digest_json(projection, checked=checked)
