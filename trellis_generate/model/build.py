"""Build the typed model from a normalized manifest, once, when a contract is loaded.

The manifest has passed the meta-schema and the semantic rules, so shapes are known; this is the
one module that reads the manifest's JSON by key. Defaults that the spec leaves implicit (a KV
bucket is required and keeps one revision, a state store is at `v1`) are filled in here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..core.event_header import event_only_schemas
from .contract import (
    USE_SELECTORS,
    Capability,
    ContractModel,
    Error,
    Kv,
    State,
    Store,
    Use,
)
from .surfaces import Capabilities, Docs, Event, Feed, Job, Operation, Rpc, Signal, Transfer

Json = Mapping[str, Any]
T = TypeVar("T")


def _section(parent: Json, key: str) -> Json:
    value = parent.get(key)
    return value if isinstance(value, Mapping) else {}


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _ref(entry: Json, key: str) -> str | None:
    ref = entry.get(key)
    return str(ref["schema"]) if isinstance(ref, Mapping) else None


def _schema(entry: Json, key: str) -> str:
    return str(entry[key]["schema"])


def _docs(entry: Json) -> Docs:
    docs = _section(entry, "docs")
    return Docs(_opt_str(docs.get("summary") or None), _opt_str(docs.get("markdown") or None))


def _capabilities(entry: Json) -> Capabilities:
    declared = _section(entry, "capabilities")
    return Capabilities({a: tuple(str(c) for c in caps or ()) for a, caps in declared.items()})


def _transfer(entry: Json) -> Transfer | None:
    t = entry.get("transfer")
    if not isinstance(t, Mapping) or t.get("direction") is None:
        return None
    return Transfer(
        str(t["direction"]),
        _opt_str(t.get("store")),
        _opt_str(t.get("key")),
        _opt_str(t.get("contentType")),
        _opt_str(t.get("metadata")),
        _opt_int(t.get("expiresInMs")),
        _opt_int(t.get("maxBytes")),
    )


def _rpc(name: str, e: Json) -> Rpc:
    return Rpc(
        name,
        str(e["subject"]),
        str(e.get("version", "")),
        _schema(e, "input"),
        _schema(e, "output"),
        tuple(str(err["type"]) for err in e.get("errors") or ()),
        _capabilities(e),
        e.get("internal") is True,
        _transfer(e),
        _docs(e),
    )


def _operation(name: str, e: Json) -> Operation:
    signals = _section(e, "signals")
    return Operation(
        name,
        str(e["subject"]),
        str(e.get("version", "")),
        _schema(e, "input"),
        _ref(e, "progress"),
        _schema(e, "output"),
        tuple(Signal(s, _schema(signals[s], "input"), _docs(signals[s])) for s in sorted(signals)),
        e.get("cancel") is True,
        _capabilities(e),
        _transfer(e),
        _docs(e),
    )


def _event(name: str, e: Json) -> Event:
    return Event(
        name,
        str(e["subject"]),
        str(e.get("version", "")),
        tuple(str(p) for p in e.get("params") or ()),
        _schema(e, "event"),
        _capabilities(e),
        _docs(e),
    )


def _feed(name: str, e: Json) -> Feed:
    return Feed(
        name,
        str(e["subject"]),
        str(e.get("version", "")),
        _schema(e, "input"),
        _schema(e, "event"),
        _capabilities(e),
        _docs(e),
    )


def _job(queue: str, e: Json) -> Job:
    backoff = e.get("backoffMs")
    return Job(
        queue,
        _schema(e, "payload"),
        _ref(e, "result"),
        _opt_int(e.get("maxDeliver")),
        None if backoff is None else tuple(int(v) for v in backoff),
        _opt_int(e.get("ackWaitMs")),
        _opt_int(e.get("defaultDeadlineMs")),
        _opt_bool(e.get("progress")),
        _opt_bool(e.get("logs")),
        _opt_bool(e.get("dlq")),
        _opt_int(e.get("concurrency")),
        _docs(e),
    )


def _kv(alias: str, e: Json) -> Kv:
    return Kv(
        alias,
        _opt_str(e.get("purpose")),
        _schema(e, "schema"),
        e.get("required", True) is not False,
        int(e.get("history", 1)),
        int(e.get("ttlMs", 0)),
        _opt_int(e.get("maxValueBytes")),
        _docs(e),
    )


def _store(alias: str, e: Json) -> Store:
    return Store(
        alias,
        _opt_str(e.get("purpose")),
        e.get("required", True) is not False,
        int(e.get("ttlMs", 0)),
        _opt_int(e.get("maxObjectBytes")),
        _opt_int(e.get("maxTotalBytes")),
        _docs(e),
    )


def _state(name: str, e: Json) -> State:
    accepted = _section(e, "acceptedVersions")
    return State(
        name,
        "map" if e.get("kind") == "map" else "value",
        _schema(e, "schema"),
        str(e.get("stateVersion", "v1")),
        tuple((str(v), str(accepted[v]["schema"])) for v in sorted(accepted)),
        _docs(e),
    )


def _use(alias: str, required: bool, e: Json) -> Use:
    selections = tuple(
        (s, tuple(str(n) for n in _section(e, s.section).get(s.action) or ()))
        for s in USE_SELECTORS
    )
    return Use(alias, str(e["contract"]), required, selections)


def _uses(manifest: Json) -> tuple[tuple[Use, ...], tuple[str, ...]]:
    """The merged declarations (required wins an alias declared in both groups), and every id."""
    uses = _section(manifest, "uses")
    required, optional = _section(uses, "required"), _section(uses, "optional")
    merged = [_use(a, True, required[a]) for a in sorted(required)]
    merged += [_use(a, False, optional[a]) for a in sorted(optional) if a not in required]
    ids = {str(e["contract"]) for group in (required, optional) for e in group.values()}
    return tuple(merged), tuple(sorted(ids))


def _capability(key: str, e: Json) -> Capability:
    consequence = e.get("consequence")
    return Capability(
        key,
        str(e["displayName"]),
        str(e["description"]),
        str(consequence) if consequence else None,
    )


def _error(key: str, e: Json) -> Error:
    return Error(key, str(e["type"]), _ref(e, "schema"))


def _by_key(section: Json, build: Callable[[str, Json], T]) -> dict[str, T]:
    return {key: build(key, section[key]) for key in sorted(section)}


def build_model(manifest: Json) -> ContractModel:
    """The typed view of a normalized manifest (`manifest` itself is left untouched)."""
    resources = _section(manifest, "resources")
    uses, used_ids = _uses(manifest)
    return ContractModel(
        id=str(manifest["id"]),
        kind=str(manifest["kind"]),
        display_name=_opt_str(manifest.get("displayName")),
        description=_opt_str(manifest.get("description")),
        docs=_docs(manifest),
        schemas=_section(manifest, "schemas"),
        event_only_schemas=frozenset(event_only_schemas(manifest)),
        rpcs=_by_key(_section(manifest, "rpc"), _rpc),
        operations=_by_key(_section(manifest, "operations"), _operation),
        events=_by_key(_section(manifest, "events"), _event),
        feeds=_by_key(_section(manifest, "feeds"), _feed),
        jobs=_by_key(_section(manifest, "jobs"), _job),
        kv=_by_key(_section(resources, "kv"), _kv),
        stores=_by_key(_section(resources, "store"), _store),
        state=_by_key(_section(manifest, "state"), _state),
        errors=_by_key(_section(manifest, "errors"), _error),
        capabilities=_by_key(_section(manifest, "capabilities"), _capability),
        uses=uses,
        used_ids=used_ids,
    )
