"""Manifest normalization (spec §4, TS runtime semantics).

Rebuilds the document from known fields only, so unknown fields never reach the digest. One
deliberate deviation: `rpc.*.internal` is kept (Rust keeps it too); the runtime digest projection
drops it (see digest.py), and SDK renderers need it to hide internal RPCs from facades.
Input must have passed structural validation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

JsonObject = dict[str, Any]


def utf16_key(text: str) -> bytes:
    """Sort key equal to JavaScript's default string order (UTF-16 code units)."""
    return text.encode("utf-16-be", "surrogatepass")


def sorted_unique(items: Iterable[str]) -> list[str]:
    return sorted(set(items), key=utf16_key)


def _pick(src: Mapping[str, Any], keys: Iterable[str]) -> JsonObject:
    return {k: src[k] for k in keys if k in src}


def _ref(ref: Mapping[str, Any]) -> JsonObject:
    return {"schema": ref["schema"]}


def _docs(docs: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {}
    if "summary" in docs:
        out["summary"] = docs["summary"]
    out["markdown"] = docs["markdown"]
    return out


def _with_docs(out: JsonObject, src: Mapping[str, Any]) -> JsonObject:
    if "docs" in src:
        out["docs"] = _docs(src["docs"])
    return out


def _capability(meta: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"displayName": meta["displayName"], "description": meta["description"]}
    if meta.get("consequence"):
        out["consequence"] = meta["consequence"]
    return out


def _use(ref: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"contract": ref["contract"]}
    for section, lists in (
        ("rpc", ("call",)),
        ("operations", ("call",)),
        ("events", ("publish", "subscribe")),
        ("feeds", ("subscribe",)),
    ):
        if section in ref:
            out[section] = {k: list(ref[section][k]) for k in lists if k in ref[section]}
    return out


def _uses(uses: Mapping[str, Any]) -> JsonObject:
    return {
        group: {alias: _use(ref) for alias, ref in uses[group].items()}
        for group in ("required", "optional")
        if group in uses
    }


def _state(store: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"kind": store["kind"], "schema": _ref(store["schema"])}
    if store.get("stateVersion"):
        out["stateVersion"] = store["stateVersion"]
    if "acceptedVersions" in store:
        out["acceptedVersions"] = {v: _ref(r) for v, r in store["acceptedVersions"].items()}
    return _with_docs(out, store)


def _rpc(m: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {
        "version": m["version"],
        "subject": m["subject"],
        "input": _ref(m["input"]),
        "output": _ref(m["output"]),
    }
    if "transfer" in m:
        out["transfer"] = {"direction": m["transfer"]["direction"]}
    if "call" in m.get("capabilities", {}):
        out["capabilities"] = {"call": list(m["capabilities"]["call"])}
    if "errors" in m:
        out["errors"] = [{"type": e["type"]} for e in m["errors"]]
    if "internal" in m:
        out["internal"] = m["internal"]
    return _with_docs(out, m)


def _operation(o: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"version": o["version"], "subject": o["subject"], "input": _ref(o["input"])}
    if "progress" in o:
        out["progress"] = _ref(o["progress"])
    out["output"] = _ref(o["output"])
    if "transfer" in o:
        t = o["transfer"]
        transfer: JsonObject = {"direction": t["direction"], "store": t["store"], "key": t["key"]}
        transfer.update({k: t[k] for k in ("contentType", "metadata") if t.get(k)})
        transfer.update(_pick(t, ("expiresInMs", "maxBytes")))
        out["transfer"] = transfer
    if "capabilities" in o:
        caps = o["capabilities"]
        out["capabilities"] = {
            k: list(caps[k]) for k in ("call", "observe", "cancel", "control") if k in caps
        }
    if "signals" in o:
        out["signals"] = {
            name: _with_docs({"input": _ref(sig["input"])}, sig)
            for name, sig in o["signals"].items()
        }
    if "cancel" in o:
        out["cancel"] = o["cancel"]
    return _with_docs(out, o)


def _event(e: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"version": e["version"], "subject": e["subject"]}
    if "params" in e:
        out["params"] = list(e["params"])
    out["event"] = _ref(e["event"])
    if "capabilities" in e:
        caps = e["capabilities"]
        out["capabilities"] = {k: list(caps[k]) for k in ("publish", "subscribe") if k in caps}
    return _with_docs(out, e)


def _feed(f: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {
        "version": f["version"],
        "subject": f["subject"],
        "input": _ref(f["input"]),
        "event": _ref(f["event"]),
    }
    if "subscribe" in f.get("capabilities", {}):
        out["capabilities"] = {"subscribe": list(f["capabilities"]["subscribe"])}
    return _with_docs(out, f)


JOB_FIELDS = (
    "maxDeliver",
    "backoffMs",
    "ackWaitMs",
    "defaultDeadlineMs",
    "progress",
    "logs",
    "dlq",
    "concurrency",
)


def _job(j: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"payload": _ref(j["payload"])}
    if "result" in j:
        out["result"] = _ref(j["result"])
    out.update(_pick(j, JOB_FIELDS))
    return _with_docs(out, j)


def normalize_consumer_group(g: Mapping[str, Any]) -> JsonObject:
    """Event consumer groups get their defaults and sorted-unique lists (idempotent)."""
    out: JsonObject = {}
    if "uses" in g:
        out["uses"] = {alias: sorted_unique(events) for alias, events in g["uses"].items()}
    if "self" in g:
        out["self"] = sorted_unique(g["self"])
    out["replay"] = g.get("replay") if g.get("replay") is not None else "new"
    out["ordering"] = g.get("ordering") if g.get("ordering") is not None else "strict"
    out["concurrency"] = g.get("concurrency") if g.get("concurrency") is not None else 1
    out.update(_pick(g, ("ackWaitMs", "maxDeliver", "backoffMs")))
    return _with_docs(out, g)


def _resources(r: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {}
    if "kv" in r:
        out["kv"] = {
            alias: _with_docs(
                {
                    "purpose": kv["purpose"],
                    "schema": _ref(kv["schema"]),
                    **_pick(kv, ("required", "history", "ttlMs", "maxValueBytes")),
                },
                kv,
            )
            for alias, kv in r["kv"].items()
        }
    if "store" in r:
        out["store"] = {
            alias: _with_docs(
                {
                    "purpose": s["purpose"],
                    **_pick(s, ("required", "ttlMs", "maxObjectBytes", "maxTotalBytes")),
                },
                s,
            )
            for alias, s in r["store"].items()
        }
    return out


def _error(e: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {"type": e["type"]}
    if "schema" in e:
        out["schema"] = _ref(e["schema"])
    return out


def normalize_manifest(c: Mapping[str, Any]) -> JsonObject:
    out: JsonObject = {
        "format": c["format"],
        "id": c["id"],
        "displayName": c["displayName"],
        "description": c["description"],
    }
    if "docs" in c:
        out["docs"] = _docs(c["docs"])
    out["kind"] = c["kind"]
    if "capabilities" in c:
        out["capabilities"] = {k: _capability(v) for k, v in c["capabilities"].items()}
    if "schemas" in c:
        out["schemas"] = dict(c["schemas"])
    if "exports" in c:
        out["exports"] = (
            {"schemas": list(c["exports"]["schemas"])} if "schemas" in c["exports"] else {}
        )
    if "uses" in c:
        out["uses"] = _uses(c["uses"])
    sections = (
        ("state", _state),
        ("rpc", _rpc),
        ("operations", _operation),
        ("events", _event),
        ("feeds", _feed),
        ("jobs", _job),
        ("eventConsumers", normalize_consumer_group),
        ("errors", _error),
    )
    for key, fn in sections:
        if key in c:
            out[key] = {name: fn(value) for name, value in c[key].items()}
    if "resources" in c:
        out["resources"] = _resources(c["resources"])
    return out
