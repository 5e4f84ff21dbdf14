"""The SDK view model: one contract (plus the used contracts that are available) -> ready-to-print
values for the Python SDK templates.

All decisions live here (which surfaces a facade shows, identifiers, escaping), so templates only
loop and print. Fields ending in `_lit` hold Python source literals built by `naming.py`; every
other string field is an identifier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..contract import LoadedContract
from .naming import allocate, constant, package_name, pascal, py_doc, py_str, snake, split_key

T = TypeVar("T")

# Names the generated models module imports (pydantic, typing, enum); a schema spelt like one of
# them gets a numbered class name instead of shadowing the import.
MODEL_RESERVED = frozenset(
    {
        "Annotated", "Any", "AnyUrl", "AwareDatetime", "BaseModel", "ConfigDict", "Decimal",
        "Dict", "EmailStr", "Enum", "Field", "List", "Literal", "Optional", "RootModel",
        "StrEnum", "StringConstraints", "UUID", "Union",
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
    progress_type: str  # `models.X`, or `BaseModel` for an operation without progress
    progress_lit: str  # `models.X` or `None`
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
    result_type: str  # `models.X`, or `BaseModel` for a job without a result
    result_lit: str  # `models.X` or `None`


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
class Section:
    """`client.rpc`, `service.handle.event`, ...: one attribute holding the groups."""

    attr: str
    cls: str
    groups: tuple[Group[Any], ...]


@dataclass(frozen=True)
class NameAlias:
    """`RpcName = Literal[...]` for the typed `use(...)` helper (`Never` when `lits` is empty)."""

    name: str
    lits: tuple[str, ...]


@dataclass(frozen=True)
class UnresolvedUse:
    """A declared dependency (or some of its selected surfaces) this SDK cannot offer."""

    alias: str
    contract: str
    reason: str


@dataclass(frozen=True)
class SdkView:
    package: str
    contract_id_lit: str
    digest_lit: str
    canonical_lit: str
    display_name_lit: str
    doc_lit: str
    client_doc_lit: str
    models: tuple[ModelSource, ...]
    errors: tuple[ErrorView, ...]
    rpcs: tuple[RpcView, ...]
    operations: tuple[OperationView, ...]
    events: tuple[EventView, ...]
    feeds: tuple[FeedView, ...]
    jobs: tuple[JobView, ...]
    client_sections: tuple[Section, ...]
    service_sections: tuple[Section, ...]
    use_names: tuple[NameAlias, ...]
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
    manifest: Mapping[str, Any],
    models: Mapping[str, str],
    prefix: str,
    taken: set[str],
    only: set[str] | None = None,
) -> dict[str, ErrorView]:
    """Error classes by wire type (first declaration wins), limited to the `only` types if given."""
    entries = [
        (k, e)
        for k, e in sorted((manifest.get("errors") or {}).items())
        if only is None or str(e["type"]) in only
    ]
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
    errors = tuple(scope.errors[str(e["type"])] for e in _declared_errors(scope.manifest, entry))
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
        progress_type=f"models.{scope.model(progress)}" if progress else "BaseModel",
        progress_lit=f"models.{scope.model(progress)}" if progress else "None",
        output=scope.model(entry["output"]["schema"]),
        signals=tuple(
            SignalView(py_str(name), scope.model(sig["input"]["schema"])) for name, sig in signals
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
    args = allocate(((p, _pointer_arg(p)) for p in params), {"handler", "queue", "filter", "event"})
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


def _jobs(owned: _Scope, const_name: Callable[[str], str]) -> list[JobView]:
    jobs_map = owned.manifest.get("jobs") or {}
    queues = sorted(jobs_map)
    attrs = allocate((q, snake(q)) for q in queues)
    classes = allocate(((q, f"_Job{pascal(attrs[q])}") for q in queues), {"_Jobs"})
    views: list[JobView] = []
    for q in queues:
        result = _ref(jobs_map[q], "result")
        result_cls = f"models.{owned.model(result)}" if result else None
        views.append(
            JobView(
                queue_lit=py_str(q),
                const=const_name(q),
                attr=attrs[q],
                cls=classes[q],
                payload=owned.model(jobs_map[q]["payload"]["schema"]),
                result_type=result_cls or "BaseModel",
                result_lit=result_cls or "None",
            )
        )
    return views


@dataclass(frozen=True)
class _UsedScope:
    """An available dependency: its scope, the selected keys that exist, the ones that don't."""

    scope: _Scope
    selected: Mapping[tuple[str, str], Sequence[str]]
    sources: Sequence[ModelSource]
    missing: Sequence[str]


def _used_scope(
    alias: str,
    ref: Mapping[str, Any],
    dep: Mapping[str, Any],
    taken_models: set[str],
    taken_errors: set[str],
) -> _UsedScope:
    """Models and error classes for the selected surfaces of a dependency, named so they don't
    collide with anything taken so far (the sets are updated)."""
    selected: dict[tuple[str, str], list[str]] = {}
    missing: list[str] = []
    for section, action in _USE_SECTIONS:
        names = sorted(set((ref.get(section) or {}).get(action) or []))
        present = dep.get(section) or {}
        selected[(section, action)] = [n for n in names if n in present]
        missing += [f"{section}.{action} {n}" for n in names if n not in present]
    by_section: dict[str, list[str]] = {}
    for (section, _action), names in selected.items():
        by_section.setdefault(section, []).extend(names)
    keys = _schema_keys(dep, by_section)
    prefix = pascal(alias)
    # A used schema keeps its name unless the SDK already has it; then the alias prefixes it.
    models = allocate(
        ((k, pascal(k) if pascal(k) not in taken_models else prefix + pascal(k)) for k in keys),
        taken_models,
    )
    taken_models.update(models.values())
    error_types = {
        str(e["type"])
        for name in selected[("rpc", "call")]
        for e in dep["rpc"][name].get("errors") or []
    }
    errors = _error_views(dep, models, prefix, taken_errors, only=error_types)
    schemas = dep.get("schemas") or {}
    return _UsedScope(
        _Scope(dep, prefix, models, errors),
        selected,
        [ModelSource(models[k], schemas[k]) for k in keys],
        missing,
    )


def _client_doc(contract_id: str, unresolved: Sequence[UnresolvedUse]) -> str:
    lines = [f"Typed caller facade of {contract_id} and the surfaces it uses."]
    if unresolved:
        lines += ["", "Declared uses left out of this SDK:"]
        lines += [f"- {u.alias} ({u.contract}): {u.reason}" for u in unresolved]
    return "\n".join(lines) + "\n"


def build_sdk_view(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> SdkView:
    """Derive everything the templates print for one contract."""
    manifest = contract.manifest
    owned_schemas = sorted((manifest.get("schemas") or {}).items())
    model_names = allocate(((k, pascal(k)) for k, _ in owned_schemas), MODEL_RESERVED)
    sources = [ModelSource(model_names[k], v) for k, v in owned_schemas]
    taken_models = set(MODEL_RESERVED) | set(model_names.values())
    taken_errors = set(ERROR_RESERVED)
    owned = _Scope(manifest, "", model_names, _error_views(manifest, model_names, "", taken_errors))

    used: list[_UsedScope] = []
    unresolved: list[UnresolvedUse] = []
    for alias, ref in _uses(manifest):
        dep_id = str(ref["contract"])
        dep = deps.get(dep_id)
        if dep is None:
            unresolved.append(UnresolvedUse(alias, dep_id, "manifest not available"))
            continue
        resolved = _used_scope(alias, ref, dep.manifest, taken_models, taken_errors)
        sources += resolved.sources
        used.append(resolved)
        if resolved.missing:
            unresolved.append(
                UnresolvedUse(alias, dep_id, "does not expose " + ", ".join(resolved.missing))
            )

    consts_taken: set[str] = set()

    def const_name(prefix: str, kind: str, key: str) -> str:
        base = f"{constant(prefix) + '_' if prefix else ''}{kind}_{constant(key)}"
        name = allocate([("", base)], consts_taken)[""]
        consts_taken.add(name)
        return name

    def owned_keys(name: str) -> list[str]:
        return sorted(manifest.get(name) or {})

    rpcs = [_rpc(owned, k, const_name("", "RPC", k)) for k in owned_keys("rpc")]
    operations = [
        _operation(owned, k, const_name("", "OPERATION", k)) for k in owned_keys("operations")
    ]
    events = [_event(owned, k, const_name("", "EVENT", k)) for k in owned_keys("events")]
    feeds = [_feed(owned, k, const_name("", "FEED", k)) for k in owned_keys("feeds")]

    client_rpc = [
        _Entry(k, v) for k, v in zip(owned_keys("rpc"), rpcs, strict=True) if not v.internal
    ]
    client_op = [_Entry(k, v) for k, v in zip(owned_keys("operations"), operations, strict=True)]
    client_event = [_Entry(k, v) for k, v in zip(owned_keys("events"), events, strict=True)]
    client_feed = [_Entry(k, v) for k, v in zip(owned_keys("feeds"), feeds, strict=True)]
    service_rpc, service_op = list(client_rpc), list(client_op)
    service_event, service_feed = list(client_event), list(client_feed)

    for used_scope in used:
        scope, selected = used_scope.scope, used_scope.selected
        for key in selected[("rpc", "call")]:
            view = _rpc(scope, key, const_name(scope.prefix, "RPC", key))
            rpcs.append(view)
            if not view.internal:
                client_rpc.append(_Entry(key, view))
        for key in selected[("operations", "call")]:
            op = _operation(scope, key, const_name(scope.prefix, "OPERATION", key))
            operations.append(op)
            client_op.append(_Entry(key, op))
        publish = set(selected[("events", "publish")])
        subscribe = set(selected[("events", "subscribe")])
        for key in sorted(publish | subscribe):
            ev = _event(scope, key, const_name(scope.prefix, "EVENT", key))
            events.append(ev)
            client_event.append(_Entry(key, ev, key in publish, key in subscribe))
            if key in subscribe:
                service_event.append(_Entry(key, ev, False, True))
        for key in selected[("feeds", "subscribe")]:
            feed = _feed(scope, key, const_name(scope.prefix, "FEED", key))
            feeds.append(feed)
            client_feed.append(_Entry(key, feed))

    jobs = _jobs(owned, lambda q: const_name("", "JOB", q))

    # Fixed class names of the templates; generated group/leaf classes never take them.
    client_cls = {"Client", "_Rpc", "_Operation", "_Event", "_Feed"}
    service_cls = {"Service", "_Handle", "_HandleRpc", "_HandleOperation", "_HandleEvent",
                   "_HandleFeed", "_Jobs"} | {j.cls for j in jobs}  # fmt: skip
    all_errors = [*owned.errors.values(), *(e for u in used for e in u.scope.errors.values())]
    return SdkView(
        package=package_name(contract.id),
        contract_id_lit=py_str(contract.id),
        digest_lit=py_str(contract.digest),
        canonical_lit=py_str(contract.canonical),
        display_name_lit=py_str(str(manifest.get("displayName", contract.id))),
        doc_lit=py_doc(
            f"{manifest.get('displayName', contract.id)} ({contract.id}).\n\n"
            f"{manifest.get('description', '')}"
        ),
        client_doc_lit=py_doc(_client_doc(contract.id, unresolved)),
        models=tuple(sources),
        errors=tuple(sorted(all_errors, key=lambda e: e.cls)),
        rpcs=tuple(rpcs),
        operations=tuple(operations),
        events=tuple(events),
        feeds=tuple(feeds),
        jobs=tuple(jobs),
        client_sections=(
            Section("rpc", "_Rpc", _groups("rpc", client_rpc, client_cls)),
            Section("operation", "_Operation", _groups("operation", client_op, client_cls)),
            Section("event", "_Event", _groups("event", client_event, client_cls)),
            Section("feed", "_Feed", _groups("feed", client_feed, client_cls)),
        ),
        service_sections=(
            Section("rpc", "_HandleRpc", _groups("handle_rpc", service_rpc, service_cls)),
            Section(
                "operation",
                "_HandleOperation",
                _groups("handle_operation", service_op, service_cls),
            ),
            Section("event", "_HandleEvent", _groups("handle_event", service_event, service_cls)),
            Section("feed", "_HandleFeed", _groups("handle_feed", service_feed, service_cls)),
        ),
        use_names=(
            NameAlias("RpcName", tuple(py_str(k) for k in owned_keys("rpc"))),
            NameAlias("OperationName", tuple(py_str(k) for k in owned_keys("operations"))),
            NameAlias("EventName", tuple(py_str(k) for k in owned_keys("events"))),
            NameAlias("FeedName", tuple(py_str(k) for k in owned_keys("feeds"))),
        ),
        unresolved=tuple(unresolved),
    )
