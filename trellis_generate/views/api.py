"""The SDK view model: one contract (plus the used contracts that are available) -> ready-to-print
values for the Python SDK templates.

All decisions live here (which surfaces a facade shows, identifiers, escaping), so templates only
loop and print. Fields ending in `_lit` hold Python source literals built by `naming.py`; every
other string field is an identifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..contract import LoadedContract
from ..core.event_header import declares_header, with_header
from ..model import (
    EVENT_PUBLISH,
    EVENT_SUBSCRIBE,
    FEED_SUBSCRIBE,
    OPERATION_CALL,
    RPC_CALL,
    USE_SELECTORS,
    ContractModel,
    Docs,
    Error,
    Event,
    Feed,
    Job,
    Operation,
    Rpc,
    Selector,
    Use,
)
from .naming import allocate, constant, package_name, pascal, py_doc, py_str, snake, split_key

T = TypeVar("T")

# Names the generated models module imports (pydantic, typing, enum, the runtime); a schema spelt
# like one of them gets a numbered class name instead of shadowing the import.
MODEL_RESERVED = frozenset(
    {
        "Annotated", "Any", "AnyUrl", "AwareDatetime", "BaseModel", "ConfigDict", "Decimal",
        "Dict", "EmailStr", "Enum", "Field", "List", "Literal", "Optional", "RootModel",
        "StrEnum", "StringConstraints", "UUID", "Union", "TrellisEventHeader", "TrellisModel",
        "TrellisRootModel",
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
    # send-transfer operations: `OperationTransfer(...)` source, else "None"
    transfer_lit: str = "None"

    @property
    def upload(self) -> bool:
        """A send-transfer operation: callers use `input(...).transfer(body).start()`."""
        return self.transfer_lit != "None"


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
    payload: str
    result_type: str  # `models.X`, or `BaseModel` for a job without a result
    result_lit: str  # `models.X` or `None`
    settings: tuple[tuple[str, str], ...]  # (JobDescriptor field, Python literal), defaults filled

    @property
    def bound_cls(self) -> str:
        """The `with_deps` facade class of this queue (attrs are unique identifiers)."""
        return "_BoundJob" + "".join(part.capitalize() for part in self.attr.split("_"))


# The runtime defaults of a job queue (contract-spec 2.11), by `JobDescriptor` field: the
# manifest never carries them, the generated descriptor always does, so a worker's settings are
# visible in the SDK.
JobSetting = int | bool | tuple[int, ...] | None
JOB_DEFAULTS: Mapping[str, JobSetting] = {
    "max_deliver": 5,
    "backoff_ms": (5_000, 30_000, 120_000, 600_000, 1_800_000),
    "ack_wait_ms": 300_000,
    "default_deadline_ms": None,
    "progress": True,
    "logs": True,
    "dlq": True,
    "concurrency": 1,
}


def _setting_lit(value: JobSetting) -> str:
    """A job setting as a literal: bools, ints (never strings: nothing from the manifest leaks)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, tuple):
        items = [str(int(v)) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    return str(int(value))


def _job_settings(job: Job) -> tuple[tuple[str, str], ...]:
    declared: tuple[tuple[str, JobSetting], ...] = (
        ("max_deliver", job.max_deliver),
        ("backoff_ms", job.backoff_ms),
        ("ack_wait_ms", job.ack_wait_ms),
        ("default_deadline_ms", job.default_deadline_ms),
        ("progress", job.progress),
        ("logs", job.logs),
        ("dlq", job.dlq),
        ("concurrency", job.concurrency),
    )
    settings = [
        (field, _setting_lit(JOB_DEFAULTS[field] if value is None else value))
        for field, value in declared
    ]
    settings.append(("payload_schema", py_str(job.payload)))
    settings.append(("result_schema", py_str(job.result) if job.result else "None"))
    return tuple(settings)


@dataclass(frozen=True)
class KvView:
    """`service.kv.<attr>`: one `resources.kv` alias, typed by its schema's model."""

    alias_lit: str
    attr: str
    const: str
    model: str
    required: bool
    history: int
    ttl_ms: int
    max_value_bytes_lit: str  # an int literal or `None`
    doc_lit: str | None


@dataclass(frozen=True)
class StoreView:
    """`service.store.<attr>`: one `resources.store` alias."""

    alias_lit: str
    attr: str
    const: str
    required: bool
    ttl_ms: int
    max_object_bytes_lit: str
    max_total_bytes_lit: str
    doc_lit: str | None


@dataclass(frozen=True)
class AcceptedVersionView:
    version_lit: str
    model: str


@dataclass(frozen=True)
class StateView:
    """`client.state.<attr>`: one `state` store (`ValueStateStore` or `MapStateStore`)."""

    name_lit: str
    attr: str
    const: str
    kind_lit: str
    cls: str
    model: str
    state_version_lit: str
    accepted: tuple[AcceptedVersionView, ...]
    doc_lit: str | None

    @property
    def bound_cls(self) -> str:
        return "_Bound" + self.cls.lstrip("_")


@dataclass(frozen=True)
class Leaf(Generic[T]):
    """One facade entry: `client.<section>.<group>.<attr>` backed by `surface`."""

    attr: str
    cls: str  # helper class for entries that are objects (operations, events, feeds)
    surface: T
    publish: bool = True
    subscribe: bool = True

    @property
    def bound_cls(self) -> str:
        """Its counterpart in `service.with_deps(...)` (no generated class starts `_Bound`)."""
        return "_Bound" + self.cls.lstrip("_")


@dataclass(frozen=True)
class Group(Generic[T]):
    attr: str
    cls: str
    leaves: tuple[Leaf[T], ...]

    @property
    def bound_cls(self) -> str:
        return "_Bound" + self.cls.lstrip("_")


@dataclass(frozen=True)
class Section:
    """`client.rpc`, `service.handle.event`, ...: one attribute holding the groups."""

    attr: str
    cls: str
    groups: tuple[Group[Any], ...]

    @property
    def bound_cls(self) -> str:
        return "_Bound" + self.cls.lstrip("_")


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
class HealthRpcView:
    key_lit: str
    const: str


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
    # resources and state (issue 11)
    kv: tuple[KvView, ...] = ()
    stores: tuple[StoreView, ...] = ()
    states: tuple[StateView, ...] = ()
    # health, transfers: whether the contract publishes trellis.health@v1's heartbeat, the owned
    # RPCs that may be the standard `<Service>.Health` one, and the store aliases (literals)
    heartbeat: bool = False
    health_rpcs: tuple[HealthRpcView, ...] = ()
    store_lits: tuple[str, ...] = ()


def _tuple_lit(values: Iterable[str]) -> str:
    items = [py_str(v) for v in values]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _doc(docs: Docs) -> str | None:
    """Summary and body: a docstring is read in an editor, where both help."""
    return py_doc(docs.text) if docs.text else None


def _pointer_arg(pointer: str) -> str:
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    return snake("_".join(tokens))


@dataclass(frozen=True)
class _Scope:
    """One contract (owned or a used dependency) with the names its surfaces resolve to."""

    contract: ContractModel
    prefix: str  # "" for the owned contract, Pascal(alias) for a dependency
    models: Mapping[str, str]  # schema key -> model class
    errors: Mapping[str, ErrorView]  # wire type -> error class

    def model(self, key: str) -> str:
        return self.models[key]


def _schema_keys(dep: ContractModel, selected: Mapping[Selector, Sequence[str]]) -> list[str]:
    """Schema keys reachable from the selected surfaces of a used contract."""
    keys: list[str] = []
    for selector, names in selected.items():
        for name in names:
            if selector.kind == "rpc":
                rpc = dep.rpcs[name]
                keys += [rpc.input, rpc.output]
                keys += [e.schema for e in _declared_errors(dep, rpc) if e.schema]
            elif selector.kind == "operation":
                op = dep.operations[name]
                keys += [op.input, *([op.progress] if op.progress else []), op.output]
                keys += [s.input for s in op.signals]
            elif selector.kind == "event":
                keys.append(dep.events[name].event)
            else:
                keys += [dep.feeds[name].input, dep.feeds[name].event]
    return sorted(set(keys))


def _declared_errors(contract: ContractModel, rpc: Rpc) -> list[Error]:
    """The `errors` entries an RPC's error list points at (first match by `type`)."""
    by_type: dict[str, Error] = {}
    for err in contract.errors.values():
        by_type.setdefault(err.type, err)
    return [by_type[t] for t in sorted(set(rpc.errors)) if t in by_type]


def _error_views(
    contract: ContractModel,
    models: Mapping[str, str],
    prefix: str,
    taken: set[str],
    only: set[str] | None = None,
) -> dict[str, ErrorView]:
    """Error classes by wire type (first declaration wins), limited to the `only` types if given."""
    entries = [e for e in contract.errors.values() if only is None or e.type in only]
    names = allocate(((e.key, prefix + pascal(e.key)) for e in entries), taken)
    taken.update(names.values())
    views: dict[str, ErrorView] = {}
    for err in entries:
        model = models.get(err.schema) if err.schema else None
        views.setdefault(err.type, ErrorView(names[err.key], py_str(err.type), model))
    return views


def _rpc(scope: _Scope, key: str, const: str) -> RpcView:
    rpc = scope.contract.rpcs[key]
    errors = tuple(scope.errors[e.type] for e in _declared_errors(scope.contract, rpc))
    return RpcView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(rpc.subject),
        input=scope.model(rpc.input),
        output=scope.model(rpc.output),
        errors=errors,
        capabilities_lit=_tuple_lit(rpc.call_capabilities),
        internal=rpc.internal,
        transfer_lit=py_str(rpc.transfer.direction) if rpc.transfer else "None",
        doc_lit=_doc(rpc.docs),
    )


def _operation(scope: _Scope, key: str, const: str) -> OperationView:
    op = scope.contract.operations[key]
    progress = f"models.{scope.model(op.progress)}" if op.progress else None
    return OperationView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(op.subject),
        input=scope.model(op.input),
        progress_type=progress or "BaseModel",
        progress_lit=progress or "None",
        output=scope.model(op.output),
        signals=tuple(SignalView(py_str(s.name), scope.model(s.input)) for s in op.signals),
        cancel=op.cancel,
        call_lit=_tuple_lit(op.call_capabilities),
        observe_lit=_tuple_lit(op.observe_capabilities),
        cancel_caps_lit=_tuple_lit(op.capabilities.of("cancel")),
        control_lit=_tuple_lit(op.control_capabilities),
        doc_lit=_doc(op.docs),
        transfer_lit=_transfer_lit(scope.contract, op),
    )


def _opt_lit(value: str | int | None) -> str:
    if value is None:
        return "None"
    return py_str(value) if isinstance(value, str) else str(int(value))


def _transfer_lit(contract: ContractModel, op: Operation) -> str:
    """`OperationTransfer(...)` for a send-transfer operation, with its store's object limit."""
    transfer = op.upload
    if transfer is None:
        return "None"
    store = str(transfer.store)
    declared = contract.stores.get(store)
    fields = [
        f"store={py_str(store)}",
        f"key={py_str(str(transfer.key))}",
        f"content_type={_opt_lit(transfer.content_type)}",
        f"metadata={_opt_lit(transfer.metadata)}",
        f"expires_in_ms={_opt_lit(transfer.expires_in_ms)}",
        f"max_bytes={_opt_lit(transfer.max_bytes)}",
        f"store_max_object_bytes={_opt_lit(declared.max_object_bytes if declared else None)}",
    ]
    return "OperationTransfer(" + ", ".join(fields) + ")"


_HEALTH_RPC = re.compile(r"^[A-Za-z0-9]+\.Health$")


def _publishes_heartbeat(contract: ContractModel) -> bool:
    """Whether the contract uses trellis.health@v1 to publish `Health.Heartbeat`."""
    return any(
        use.contract == "trellis.health@v1" and "Health.Heartbeat" in use.selected(EVENT_PUBLISH)
        for use in contract.uses
    )


def _event(scope: _Scope, key: str, const: str) -> EventView:
    event: Event = scope.contract.events[key]
    params = event.params
    args = allocate(((p, _pointer_arg(p)) for p in params), {"handler", "queue", "filter", "event"})
    return EventView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(event.subject),
        params=tuple(ParamView(py_str(p), args[p]) for p in params),
        event=scope.model(event.event),
        publish_lit=_tuple_lit(event.capabilities.of("publish")),
        subscribe_lit=_tuple_lit(event.capabilities.of("subscribe")),
        doc_lit=_doc(event.docs),
    )


def _feed(scope: _Scope, key: str, const: str) -> FeedView:
    feed: Feed = scope.contract.feeds[key]
    return FeedView(
        key_lit=py_str(key),
        const=const,
        subject_lit=py_str(feed.subject),
        input=scope.model(feed.input),
        event=scope.model(feed.event),
        subscribe_lit=_tuple_lit(feed.capabilities.of("subscribe")),
        doc_lit=_doc(feed.docs),
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


def _jobs(owned: _Scope, const_name: Callable[[str], str]) -> list[JobView]:
    jobs = owned.contract.jobs
    attrs = allocate((q, snake(q)) for q in jobs)
    views: list[JobView] = []
    for q, job in jobs.items():
        result_cls = f"models.{owned.model(job.result)}" if job.result else None
        views.append(
            JobView(
                queue_lit=py_str(q),
                const=const_name(q),
                attr=attrs[q],
                payload=owned.model(job.payload),
                result_type=result_cls or "BaseModel",
                result_lit=result_cls or "None",
                settings=_job_settings(job),
            )
        )
    return views


def _int_lit(value: int | None) -> str:
    return "None" if value is None else str(int(value))


def _purpose_doc(purpose: str | None, docs: Docs) -> str | None:
    text = purpose or docs.summary or docs.markdown
    return py_doc(text) if text else None


def _kv_views(owned: _Scope, const_name: Callable[[str], str]) -> list[KvView]:
    kv = owned.contract.kv
    attrs = allocate((a, snake(a)) for a in kv)
    return [
        KvView(
            alias_lit=py_str(a),
            attr=attrs[a],
            const=const_name(a),
            model=owned.model(k.schema),
            required=k.required,
            history=k.history,
            ttl_ms=k.ttl_ms,
            max_value_bytes_lit=_int_lit(k.max_value_bytes),
            doc_lit=_purpose_doc(k.purpose, k.docs),
        )
        for a, k in kv.items()
    ]


def _store_views(owned: _Scope, const_name: Callable[[str], str]) -> list[StoreView]:
    stores = owned.contract.stores
    attrs = allocate((a, snake(a)) for a in stores)
    return [
        StoreView(
            alias_lit=py_str(a),
            attr=attrs[a],
            const=const_name(a),
            required=s.required,
            ttl_ms=s.ttl_ms,
            max_object_bytes_lit=_int_lit(s.max_object_bytes),
            max_total_bytes_lit=_int_lit(s.max_total_bytes),
            doc_lit=_purpose_doc(s.purpose, s.docs),
        )
        for a, s in stores.items()
    ]


def _state_views(owned: _Scope, const_name: Callable[[str], str]) -> list[StateView]:
    states = owned.contract.state
    attrs = allocate((n, snake(n)) for n in states)
    return [
        StateView(
            name_lit=py_str(n),
            attr=attrs[n],
            const=const_name(n),
            kind_lit=py_str(st.kind),
            cls="MapStateStore" if st.kind == "map" else "ValueStateStore",
            model=owned.model(st.schema),
            state_version_lit=py_str(st.state_version),
            accepted=tuple(
                AcceptedVersionView(py_str(v), owned.model(schema))
                for v, schema in st.accepted_versions
            ),
            doc_lit=_purpose_doc(None, st.docs),
        )
        for n, st in states.items()
    ]


@dataclass(frozen=True)
class _UsedScope:
    """An available dependency: its scope, the selected keys that exist, the ones that don't."""

    scope: _Scope
    selected: Mapping[Selector, Sequence[str]]
    sources: Sequence[ModelSource]
    missing: Sequence[str]


def _used_scope(
    use: Use, dep: ContractModel, taken_models: set[str], taken_errors: set[str]
) -> _UsedScope:
    """Models and error classes for the selected surfaces of a dependency, named so they don't
    collide with anything taken so far (the sets are updated)."""
    selected: dict[Selector, list[str]] = {}
    missing: list[str] = []
    for selector in USE_SELECTORS:
        names = sorted(set(use.selected(selector)))
        present = dep.surfaces(selector.kind)
        selected[selector] = [n for n in names if n in present]
        missing += [f"{selector.section}.{selector.action} {n}" for n in names if n not in present]
    keys = _schema_keys(dep, selected)
    prefix = pascal(use.alias)
    # A used schema keeps its name unless the SDK already has it; then the alias prefixes it.
    models = allocate(
        ((k, pascal(k) if pascal(k) not in taken_models else prefix + pascal(k)) for k in keys),
        taken_models,
    )
    taken_models.update(models.values())
    error_types = {t for name in selected[RPC_CALL] for t in dep.rpcs[name].errors}
    errors = _error_views(dep, models, prefix, taken_errors, only=error_types)
    schemas = dict(event_models(dep))
    return _UsedScope(
        _Scope(dep, prefix, models, errors),
        selected,
        [ModelSource(models[k], schemas[k]) for k in keys],
        missing,
    )


def event_models(contract: ContractModel) -> list[tuple[str, Any]]:
    """The schemas to model, by name; event-only payloads lacking it get the event header.

    Every runtime adds the header when publishing, so the model of an event exposes it typed
    (``event.header.id``) whatever its schema says; a schema that other surfaces use too is
    modelled as it is (its header, if any, stays in ``model_extra``). Only the models change:
    the manifest, and so the digest, never does.
    """
    events_only = contract.event_only_schemas
    return sorted(
        (
            name,
            with_header(schema) if name in events_only and not declares_header(schema) else schema,
        )
        for name, schema in contract.schemas.items()
    )


def _client_doc(contract_id: str, unresolved: Sequence[UnresolvedUse]) -> str:
    lines = [f"Typed caller facade of {contract_id} and the surfaces it uses."]
    if unresolved:
        lines += ["", "Declared uses left out of this SDK:"]
        lines += [f"- {u.alias} ({u.contract}): {u.reason}" for u in unresolved]
    return "\n".join(lines) + "\n"


def build_sdk_view(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> SdkView:
    """Derive everything the templates print for one contract."""
    model = contract.model
    owned_schemas = event_models(model)
    model_names = allocate(((k, pascal(k)) for k, _ in owned_schemas), MODEL_RESERVED)
    sources = [ModelSource(model_names[k], v) for k, v in owned_schemas]
    taken_models = set(MODEL_RESERVED) | set(model_names.values())
    taken_errors = set(ERROR_RESERVED)
    owned = _Scope(model, "", model_names, _error_views(model, model_names, "", taken_errors))

    used: list[_UsedScope] = []
    unresolved: list[UnresolvedUse] = []
    for use in sorted(model.uses, key=lambda u: u.alias):
        dep = deps.get(use.contract)
        if dep is None:
            unresolved.append(UnresolvedUse(use.alias, use.contract, "manifest not available"))
            continue
        resolved = _used_scope(use, dep.model, taken_models, taken_errors)
        sources += resolved.sources
        used.append(resolved)
        if resolved.missing:
            why = "does not expose " + ", ".join(resolved.missing)
            unresolved.append(UnresolvedUse(use.alias, use.contract, why))

    consts_taken: set[str] = set()

    def const_name(prefix: str, kind: str, key: str) -> str:
        base = f"{constant(prefix) + '_' if prefix else ''}{kind}_{constant(key)}"
        name = allocate([("", base)], consts_taken)[""]
        consts_taken.add(name)
        return name

    rpc_keys, op_keys = list(model.rpcs), list(model.operations)
    event_keys, feed_keys = list(model.events), list(model.feeds)
    rpcs = [_rpc(owned, k, const_name("", "RPC", k)) for k in rpc_keys]
    operations = [_operation(owned, k, const_name("", "OPERATION", k)) for k in op_keys]
    events = [_event(owned, k, const_name("", "EVENT", k)) for k in event_keys]
    feeds = [_feed(owned, k, const_name("", "FEED", k)) for k in feed_keys]

    client_rpc = [_Entry(k, v) for k, v in zip(rpc_keys, rpcs, strict=True) if not v.internal]
    client_op = [_Entry(k, v) for k, v in zip(op_keys, operations, strict=True)]
    client_event = [_Entry(k, v) for k, v in zip(event_keys, events, strict=True)]
    client_feed = [_Entry(k, v) for k, v in zip(feed_keys, feeds, strict=True)]
    service_rpc, service_op = list(client_rpc), list(client_op)
    service_event, service_feed = list(client_event), list(client_feed)

    for used_scope in used:
        scope, selected = used_scope.scope, used_scope.selected
        for key in selected[RPC_CALL]:
            view = _rpc(scope, key, const_name(scope.prefix, "RPC", key))
            rpcs.append(view)
            if not view.internal:
                client_rpc.append(_Entry(key, view))
        for key in selected[OPERATION_CALL]:
            op = _operation(scope, key, const_name(scope.prefix, "OPERATION", key))
            operations.append(op)
            client_op.append(_Entry(key, op))
        publish = set(selected[EVENT_PUBLISH])
        subscribe = set(selected[EVENT_SUBSCRIBE])
        for key in sorted(publish | subscribe):
            ev = _event(scope, key, const_name(scope.prefix, "EVENT", key))
            events.append(ev)
            client_event.append(_Entry(key, ev, key in publish, key in subscribe))
            if key in subscribe:
                service_event.append(_Entry(key, ev, False, True))
        for key in selected[FEED_SUBSCRIBE]:
            feed = _feed(scope, key, const_name(scope.prefix, "FEED", key))
            feeds.append(feed)
            client_feed.append(_Entry(key, feed))

    jobs = _jobs(owned, lambda q: const_name("", "JOB", q))
    consts_taken.add("STATE")  # the StateContract of the SDK's state stores
    kv_views = _kv_views(owned, lambda a: const_name("", "KV", a))
    store_views = _store_views(owned, lambda a: const_name("", "STORE", a))
    state_views = _state_views(owned, lambda n: const_name("", "STATE", n))

    # Fixed class names of the templates; generated group/leaf classes never take them.
    client_cls = {"Client", "_Rpc", "_Operation", "_Event", "_Feed"}
    service_cls = {"Service", "_Handle", "_HandleRpc", "_HandleOperation", "_HandleEvent",
                   "_HandleFeed", "_Jobs", "_Kv", "_Store", "BoundService"}  # fmt: skip
    client_cls.add("_State")
    all_errors = [*owned.errors.values(), *(e for u in used for e in u.scope.errors.values())]
    display_name = model.display_name if model.display_name is not None else contract.id
    return SdkView(
        package=package_name(contract.id),
        contract_id_lit=py_str(contract.id),
        digest_lit=py_str(contract.digest),
        canonical_lit=py_str(contract.canonical),
        display_name_lit=py_str(display_name),
        doc_lit=py_doc(
            "\n\n".join(
                t
                for t in (
                    f"{display_name} ({contract.id}).",
                    model.description or "",
                    model.docs.text,
                )
                if t
            )
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
            NameAlias("RpcName", tuple(py_str(k) for k in rpc_keys)),
            NameAlias("OperationName", tuple(py_str(k) for k in op_keys)),
            NameAlias("EventName", tuple(py_str(k) for k in event_keys)),
            NameAlias("FeedName", tuple(py_str(k) for k in feed_keys)),
        ),
        unresolved=tuple(unresolved),
        kv=tuple(kv_views),
        stores=tuple(store_views),
        states=tuple(state_views),
        heartbeat=_publishes_heartbeat(model),
        health_rpcs=tuple(
            HealthRpcView(py_str(k), v.const)
            for k, v in zip(rpc_keys, rpcs[: len(rpc_keys)], strict=True)
            if _HEALTH_RPC.match(k)
        ),
        store_lits=tuple(py_str(a) for a in model.stores),
    )
