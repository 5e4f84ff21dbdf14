"""The SDK view model: one contract (plus the used contracts that are available) -> ready-to-print
values for the Python SDK templates.

All decisions live here (which surfaces a facade shows, identifiers, escaping), so templates only
loop and print. Fields ending in `_lit` hold Python source literals built by `naming.py`; every
other string field is an identifier.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..contract import LoadedContract
from .naming import allocate, constant, package_name, pascal, py_doc, py_str, snake, split_key

T = TypeVar("T")

# Names the generated models module imports (pydantic, typing, enum); a schema spelt like one of
# them gets a numbered class name instead of shadowing the import.
MODEL_RESERVED = frozenset(
    {
        "Annotated", "Any", "AwareDatetime", "BaseModel", "ConfigDict", "Enum", "Field",
        "Literal", "RootModel", "StrEnum", "StringConstraints", "annotations", "date",
        "datetime", "Dict", "List", "Optional", "Union", "UUID", "AnyUrl", "EmailStr",
    }
)  # fmt: skip
# Error classes are re-exported from the package root next to these names.
ERROR_RESERVED = frozenset(
    {"BaseModel", "ClassVar", "Client", "DeclaredError", "RemoteError", "Service", "models"}
)


@dataclass(frozen=True)
class ModelSource:
    """One schema to hand to datamodel-code-generator under the class name `name`."""

    name: str
    schema: Any


@dataclass(frozen=True)
class ErrorView:
    cls: str
    type_lit: str
    data: str | None  # model class of the error payload


@dataclass(frozen=True)
class RpcView:
    key_lit: str
    const: str
    subject_lit: str
    input: str
    output: str
    errors: tuple[ErrorView, ...]
    capabilities_lit: str
    internal: bool
    transfer_lit: str
    doc_lit: str | None


@dataclass(frozen=True)
class SignalView:
    name_lit: str
    input: str


@dataclass(frozen=True)
class OperationView:
    key_lit: str
    const: str
    subject_lit: str
    input: str
    progress: str | None
    output: str
    signals: tuple[SignalView, ...]
    cancel: bool
    call_lit: str
    observe_lit: str
    cancel_caps_lit: str
    control_lit: str
    doc_lit: str | None


@dataclass(frozen=True)
class ParamView:
    pointer_lit: str
    arg: str


@dataclass(frozen=True)
class EventView:
    key_lit: str
    const: str
    subject_lit: str
    params: tuple[ParamView, ...]
    event: str
    publish_lit: str
    subscribe_lit: str
    doc_lit: str | None


@dataclass(frozen=True)
class FeedView:
    key_lit: str
    const: str
    subject_lit: str
    input: str
    event: str
    subscribe_lit: str
    doc_lit: str | None


@dataclass(frozen=True)
class JobView:
    queue_lit: str
    const: str
    attr: str
    cls: str
    payload: str
    result: str | None


@dataclass(frozen=True)
class Leaf(Generic[T]):
    """One facade entry: `client.<section>.<group>.<attr>` backed by `surface`."""

    attr: str
    cls: str  # helper class for entries that are objects (operations, events, feeds)
    surface: T
    publish: bool = True
    subscribe: bool = True


@dataclass(frozen=True)
class Group(Generic[T]):
    attr: str
    cls: str
    leaves: tuple[Leaf[T], ...]


@dataclass(frozen=True)
class UnresolvedUse:
    alias_lit: str
    contract_lit: str
    reason_lit: str


@dataclass(frozen=True)
class SdkView:
    package: str
    contract_id_lit: str
    digest_lit: str
    canonical_lit: str
    display_name_lit: str
    doc_lit: str
    models: tuple[ModelSource, ...]
    errors: tuple[ErrorView, ...]
    rpcs: tuple[RpcView, ...]
    operations: tuple[OperationView, ...]
    events: tuple[EventView, ...]
    feeds: tuple[FeedView, ...]
    jobs: tuple[JobView, ...]
    client_rpc: tuple[Group[RpcView], ...]
    client_operation: tuple[Group[OperationView], ...]
    client_event: tuple[Group[EventView], ...]
    client_feed: tuple[Group[FeedView], ...]
    service_rpc: tuple[Group[RpcView], ...]
    service_operation: tuple[Group[OperationView], ...]
    service_event: tuple[Group[EventView], ...]
    service_feed: tuple[Group[FeedView], ...]
    use_rpc_lits: tuple[str, ...]
    use_operation_lits: tuple[str, ...]
    use_event_lits: tuple[str, ...]
    use_feed_lits: tuple[str, ...]
    unresolved: tuple[UnresolvedUse, ...]


def _tuple_lit(values: Iterable[str]) -> str:
    items = [py_str(v) for v in values]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _doc(entry: Mapping[str, Any]) -> str | None:
    docs = entry.get("docs") or {}
    text = docs.get("summary") or docs.get("markdown")
    return py_doc(text) if text else None


def _caps(entry: Mapping[str, Any], name: str) -> list[str]:
    return list((entry.get("capabilities") or {}).get(name) or [])


def _ref(entry: Mapping[str, Any], field: str) -> str | None:
    ref = entry.get(field)
    return str(ref["schema"]) if isinstance(ref, Mapping) else None


def _pointer_arg(pointer: str) -> str:
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    return snake("_".join(tokens))


@dataclass(frozen=True)
class _Scope:
    """One manifest (owned or a used dependency) with the names its surfaces resolve to."""

    manifest: Mapping[str, Any]
    prefix: str  # "" for the owned contract, Pascal(alias) for a dependency
    models: Mapping[str, str]  # schema key -> model class
    errors: Mapping[str, ErrorView]  # wire type -> error class

    def model(self, key: str) -> str:
        return self.models[key]


def _schema_keys(manifest: Mapping[str, Any], sections: Mapping[str, Sequence[str]]) -> list[str]:
    """Schema keys reachable from the selected surfaces of a used contract."""
    keys: list[str] = []
    for section, fields in (
        ("rpc", ("input", "output")),
        ("operations", ("input", "progress", "output")),
        ("events", ("event",)),
        ("feeds", ("input", "event")),
    ):
        for name in sections.get(section, ()):
            entry = manifest[section][name]
            keys += [k for f in fields if (k := _ref(entry, f))]
            if section == "operations":
                keys += [s["input"]["schema"] for s in (entry.get("signals") or {}).values()]
    for name in sections.get("rpc", ()):
        for err in _declared_errors(manifest, manifest["rpc"][name]):
            if err_schema := _ref(err, "schema"):
                keys.append(err_schema)
    return sorted(set(keys))


def _declared_errors(
    manifest: Mapping[str, Any], rpc: Mapping[str, Any]
) -> list[Mapping[str, Any]]:
    """The manifest `errors` entries an RPC's error list points at (first match by `type`)."""
    by_type: dict[str, Mapping[str, Any]] = {}
    for _key, err in sorted((manifest.get("errors") or {}).items()):
        by_type.setdefault(str(err["type"]), err)
    wanted = sorted({str(e["type"]) for e in rpc.get("errors") or []})
    return [by_type[t] for t in wanted if t in by_type]


def _error_views(
    manifest: Mapping[str, Any], models: Mapping[str, str], prefix: str, taken: set[str]
) -> dict[str, ErrorView]:
    entries = sorted((manifest.get("errors") or {}).items())
    names = allocate(((k, prefix + pascal(k)) for k, _ in entries), taken)
    taken.update(names.values())
    views: dict[str, ErrorView] = {}
    for key, err in entries:
        schema = _ref(err, "schema")
        views.setdefault(
            str(err["type"]),
            ErrorView(names[key], py_str(str(err["type"])), models.get(schema) if schema else None),
        )
    return views


def _rpc(scope: _Scope, key: str, const: str) -> RpcView:
    entry = scope.manifest["rpc"][key]
    errors = tuple(
        scope.errors[str(e["type"])] for e in _declared_errors(scope.manifest, entry)
    )
    transfer = (entry.get("transfer") or {}).get("direction")
    return RpcView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(entry["subject"]),
        input=scope.model(entry["input"]["schema"]),
        output=scope.model(entry["output"]["schema"]),
        errors=errors,
        capabilities_lit=_tuple_lit(_caps(entry, "call")),
        internal=entry.get("internal") is True,
        transfer_lit=py_str(transfer) if transfer else "None",
        doc_lit=_doc(entry),
    )


def _operation(scope: _Scope, key: str, const: str) -> OperationView:
    entry = scope.manifest["operations"][key]
    signals = sorted((entry.get("signals") or {}).items())
    progress = _ref(entry, "progress")
    call = _caps(entry, "call")
    observe = _caps(entry, "observe") if "observe" in (entry.get("capabilities") or {}) else call
    return OperationView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(entry["subject"]),
        input=scope.model(entry["input"]["schema"]),
        progress=scope.model(progress) if progress else None,
        output=scope.model(entry["output"]["schema"]),
        signals=tuple(
            SignalView(py_str(name), scope.model(sig["input"]["schema"]))
            for name, sig in signals
        ),
        cancel=entry.get("cancel") is True,
        call_lit=_tuple_lit(call),
        observe_lit=_tuple_lit(observe),
        cancel_caps_lit=_tuple_lit(_caps(entry, "cancel")),
        control_lit=_tuple_lit(_caps(entry, "control")),
        doc_lit=_doc(entry),
    )


def _event(scope: _Scope, key: str, const: str) -> EventView:
    entry = scope.manifest["events"][key]
    params = list(entry.get("params") or [])
    args = allocate(
        ((p, _pointer_arg(p)) for p in params), {"handler", "queue", "filter", "event"}
    )
    return EventView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(entry["subject"]),
        params=tuple(ParamView(py_str(p), args[p]) for p in params),
        event=scope.model(entry["event"]["schema"]),
        publish_lit=_tuple_lit(_caps(entry, "publish")),
        subscribe_lit=_tuple_lit(_caps(entry, "subscribe")),
        doc_lit=_doc(entry),
    )


def _feed(scope: _Scope, key: str, const: str) -> FeedView:
    entry = scope.manifest["feeds"][key]
    return FeedView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(entry["subject"]),
        input=scope.model(entry["input"]["schema"]),
        event=scope.model(entry["event"]["schema"]),
        subscribe_lit=_tuple_lit(_caps(entry, "subscribe")),
        doc_lit=_doc(entry),
    )


@dataclass(frozen=True)
class _Entry(Generic[T]):
    key: str
    surface: T
    publish: bool = True
    subscribe: bool = True


def _groups(section: str, entries: Sequence[_Entry[T]], taken: set[str]) -> tuple[Group[T], ...]:
    """Facade groups: first key segment -> group, rest -> leaf; collisions numbered in order."""
    by_group: dict[str, list[tuple[str, _Entry[T]]]] = {}
    for entry in entries:
        group, leaf = split_key(entry.key)
        by_group.setdefault(group, []).append((leaf, entry))
    groups: list[Group[T]] = []
    for group in sorted(by_group):
        members = by_group[group]
        leaves = allocate((str(i), leaf) for i, (leaf, _) in enumerate(members))
        group_cls = allocate([("", f"_{pascal(section)}{pascal(group)}")], taken)[""]
        taken.add(group_cls)
        built: list[Leaf[T]] = []
        for i, (_, entry) in enumerate(members):
            attr = leaves[str(i)]
            cls = allocate([("", f"{group_cls}{pascal(attr)}")], taken)[""]
            taken.add(cls)
            built.append(Leaf(attr, cls, entry.surface, entry.publish, entry.subscribe))
        groups.append(Group(group, group_cls, tuple(built)))
    return tuple(groups)


def _uses(manifest: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """Declared dependencies by alias; an alias in both groups counts once (required wins)."""
    uses = manifest.get("uses") or {}
    merged: dict[str, Mapping[str, Any]] = dict((uses.get("optional") or {}).items())
    merged.update((uses.get("required") or {}).items())
    return sorted(merged.items())


_USE_SECTIONS = (
    ("rpc", "call"),
    ("operations", "call"),
    ("events", "publish"),
    ("events", "subscribe"),
    ("feeds", "subscribe"),
)


def build_sdk_view(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> SdkView:
    """Derive everything the templates print for one contract."""
    manifest = contract.manifest
    owned_schemas = sorted((manifest.get("schemas") or {}).items())
    model_names = allocate(((k, pascal(k)) for k, _ in owned_schemas), MODEL_RESERVED)
    sources = [ModelSource(model_names[k], v) for k, v in owned_schemas]
    taken_models = set(MODEL_RESERVED) | set(model_names.values())
    taken_errors = set(ERROR_RESERVED)
    owned = _Scope(
        manifest, "", model_names, _error_views(manifest, model_names, "", taken_errors)
    )

    # Used dependencies: selected keys that exist in the available manifest.
    used: list[tuple[_Scope, dict[tuple[str, str], list[str]]]] = []
    unresolved: list[UnresolvedUse] = []
    for alias, ref in _uses(manifest):
        dep_id = str(ref["contract"])
        dep = deps.get(dep_id)
        if dep is None:
            unresolved.append(UnresolvedUse(py_str(alias), py_str(dep_id), py_str("not available")))
            continue
        selected: dict[tuple[str, str], list[str]] = {}
        missing: list[str] = []
        for section, action in _USE_SECTIONS:
            names = sorted(set((ref.get(section) or {}).get(action) or []))
            present = dep.manifest.get(section) or {}
            selected[(section, action)] = [n for n in names if n in present]
            missing += [f"{section}.{action} {n}" for n in names if n not in present]
        if missing:
            unresolved.append(
                UnresolvedUse(py_str(alias), py_str(dep_id), py_str("missing " + ", ".join(missing)))
            )
        sections: dict[str, list[str]] = {}
        for (section, _action), names in selected.items():
            sections.setdefault(section, []).extend(names)
        keys = _schema_keys(dep.manifest, sections)
        prefix = pascal(alias)
        dep_models = allocate(((k, prefix + pascal(k)) for k in keys), taken_models)
        taken_models.update(dep_models.values())
        dep_schemas = dep.manifest.get("schemas") or {}
        sources += [ModelSource(dep_models[k], dep_schemas[k]) for k in keys]
        dep_errors = _error_views(dep.manifest, dep_models, prefix, taken_errors)
        used.append((_Scope(dep.manifest, prefix, dep_models, dep_errors), selected))

    consts_taken: set[str] = set()

    def const(prefix: str, kind: str, key: str) -> str:
        base = f"{constant(prefix) + '_' if prefix else ''}{kind}_{constant(key)}"
        name = allocate([("", base)], consts_taken)[""]
        consts_taken.add(name)
        return name

    def section(name: str) -> list[str]:
        return sorted(manifest.get(name) or {})

    rpcs = [_rpc(owned, k, const("", "RPC", k)) for k in section("rpc")]
    operations = [_operation(owned, k, const("", "OPERATION", k)) for k in section("operations")]
    events = [_event(owned, k, const("", "EVENT", k)) for k in section("events")]
    feeds = [_feed(owned, k, const("", "FEED", k)) for k in section("feeds")]

    client_rpc = [_Entry(k, v) for k, v in zip(section("rpc"), rpcs, strict=True) if not v.internal]
    client_op = [_Entry(k, v) for k, v in zip(section("operations"), operations, strict=True)]
    client_event = [_Entry(k, v) for k, v in zip(section("events"), events, strict=True)]
    client_feed = [_Entry(k, v) for k, v in zip(section("feeds"), feeds, strict=True)]
    service_rpc, service_op = list(client_rpc), list(client_op)
    service_event, service_feed = list(client_event), list(client_feed)

    for scope, selected in used:
        for key in selected[("rpc", "call")]:
            view = _rpc(scope, key, const(scope.prefix, "RPC", key))
            rpcs.append(view)
            if not view.internal:
                client_rpc.append(_Entry(key, view))
        for key in selected[("operations", "call")]:
            op = _operation(scope, key, const(scope.prefix, "OPERATION", key))
            operations.append(op)
            client_op.append(_Entry(key, op))
        publish = set(selected[("events", "publish")])
        subscribe = set(selected[("events", "subscribe")])
        for key in sorted(publish | subscribe):
            ev = _event(scope, key, const(scope.prefix, "EVENT", key))
            events.append(ev)
            client_event.append(_Entry(key, ev, key in publish, key in subscribe))
            if key in subscribe:
                service_event.append(_Entry(key, ev, False, True))
        for key in selected[("feeds", "subscribe")]:
            feed = _feed(scope, key, const(scope.prefix, "FEED", key))
            feeds.append(feed)
            client_feed.append(_Entry(key, feed))

    jobs_map = manifest.get("jobs") or {}
    job_attrs = allocate((q, snake(q)) for q in sorted(jobs_map))
    jobs = [
        JobView(
            queue_lit=py_str(q),
            const=const("", "JOB", q),
            attr=job_attrs[q],
            cls=f"_Job{pascal(job_attrs[q])}",
            payload=owned.model(jobs_map[q]["payload"]["schema"]),
            result=owned.model(r) if (r := _ref(jobs_map[q], "result")) else None,
        )
        for q in sorted(jobs_map)
    ]

    client_cls: set[str] = set()
    service_cls: set[str] = set()
    all_errors = list(owned.errors.values()) + [e for s, _ in used for e in s.errors.values()]
    return SdkView(
        package=package_name(contract.id),
        contract_id_lit=py_str(contract.id),
        digest_lit=py_str(contract.digest),
        canonical_lit=py_str(contract.canonical),
        display_name_lit=py_str(str(manifest.get("displayName", contract.id))),
        doc_lit=py_doc(f"{manifest.get('displayName', contract.id)} ({contract.id}).\n\n"
                       f"{manifest.get('description', '')}"),
        models=tuple(sources),
        errors=tuple(sorted(all_errors, key=lambda e: e.cls)),
        rpcs=tuple(rpcs),
        operations=tuple(operations),
        events=tuple(events),
        feeds=tuple(feeds),
        jobs=tuple(jobs),
        client_rpc=_groups("rpc", client_rpc, client_cls),
        client_operation=_groups("operation", client_op, client_cls),
        client_event=_groups("event", client_event, client_cls),
        client_feed=_groups("feed", client_feed, client_cls),
        service_rpc=_groups("rpc", service_rpc, service_cls),
        service_operation=_groups("operation", service_op, service_cls),
        service_event=_groups("event", service_event, service_cls),
        service_feed=_groups("feed", service_feed, service_cls),
        use_rpc_lits=tuple(py_str(k) for k in section("rpc")),
        use_operation_lits=tuple(py_str(k) for k in section("operations")),
        use_event_lits=tuple(py_str(k) for k in section("events")),
        use_feed_lits=tuple(py_str(k) for k in section("feeds")),
        unresolved=tuple(unresolved),
    )
