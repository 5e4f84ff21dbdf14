"""`define_*_contract`: the entry points of a Python contract module.

Each returns a `ContractDefinition`: the raw manifest (spec §6 emission, not yet normalized), the
authoring diagnostics, and where each declaration was written. The loader validates, normalizes
and digests `manifest`, and reports the authoring diagnostics together with its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Required, TypedDict, Unpack

from trellis_runtime.uses import Use as RuntimeUse

from ..diagnostics import Diagnostic
from .descriptors import (
    Capability,
    Docs,
    ErrorType,
    Event,
    EventConsumer,
    Feed,
    Job,
    Kv,
    Operation,
    Rpc,
    SchemaLike,
    SchemaSource,
    Site,
    StateStore,
    Store,
    caller_site,
)
from .emit import Emitter, Json, Kind, docs_json, section

FORMAT = "trellis.contract.v1"


@dataclass(frozen=True)
class ContractDefinition:
    """A contract as written in a Python module.

    `lines` maps JSON pointers of declarations ("" for the define call, `/rpc/<name>`,
    `/rpc/<name>/input`, `/capabilities/<key>`, ...) to their line in `source_file`.
    """

    manifest: dict[str, Any]
    lines: dict[str, int]
    diagnostics: tuple[Diagnostic, ...]
    source_file: str
    line: int

    @property
    def id(self) -> str:
        return str(self.manifest["id"])


class ContractFields(TypedDict, total=False):
    """Keyword arguments of every `define_*_contract` helper (None means "not given")."""

    id: Required[str]
    display_name: Required[str]
    description: Required[str]
    docs: Docs | None
    capabilities: Mapping[str, Capability] | None
    schemas: Mapping[str, SchemaSource] | None
    errors: Sequence[ErrorType] | None
    exports: Sequence[SchemaLike] | None
    uses: Mapping[str, RuntimeUse] | None
    optional_uses: Mapping[str, RuntimeUse] | None
    state: Mapping[str, StateStore] | None
    rpc: Mapping[str, Rpc] | None
    operations: Mapping[str, Operation] | None
    events: Mapping[str, Event] | None
    feeds: Mapping[str, Feed] | None
    jobs: Mapping[str, Job] | None
    event_consumers: Mapping[str, EventConsumer] | None
    kv: Mapping[str, Kv] | None
    store: Mapping[str, Store] | None


def define_service_contract(**fields: Unpack[ContractFields]) -> ContractDefinition:
    """A contract for an installable service (implicitly uses `trellis.health@v1`)."""
    return _define("service", caller_site(), **fields)


def define_app_contract(**fields: Unpack[ContractFields]) -> ContractDefinition:
    """A contract for a user-facing app (implicitly uses `trellis.auth@v1`)."""
    return _define("app", caller_site(), **fields)


def define_agent_contract(**fields: Unpack[ContractFields]) -> ContractDefinition:
    """A contract for an agent or delegated tool (implicitly uses `trellis.auth@v1`)."""
    return _define("agent", caller_site(), **fields)


def define_device_contract(**fields: Unpack[ContractFields]) -> ContractDefinition:
    """A contract for a device principal (implicitly uses trellis.health@v1 and trellis.auth@v1)."""
    return _define("device", caller_site(), **fields)


def _define(
    kind: Kind,
    site: Site,
    *,
    id: str,
    display_name: str,
    description: str,
    docs: Docs | None = None,
    capabilities: Mapping[str, Capability] | None = None,
    schemas: Mapping[str, SchemaSource] | None = None,
    errors: Sequence[ErrorType] | None = None,
    exports: Sequence[SchemaLike] | None = None,
    uses: Mapping[str, RuntimeUse] | None = None,
    optional_uses: Mapping[str, RuntimeUse] | None = None,
    state: Mapping[str, StateStore] | None = None,
    rpc: Mapping[str, Rpc] | None = None,
    operations: Mapping[str, Operation] | None = None,
    events: Mapping[str, Event] | None = None,
    feeds: Mapping[str, Feed] | None = None,
    jobs: Mapping[str, Job] | None = None,
    event_consumers: Mapping[str, EventConsumer] | None = None,
    kv: Mapping[str, Kv] | None = None,
    store: Mapping[str, Store] | None = None,
) -> ContractDefinition:
    if not isinstance(id, str) or not id:
        raise TypeError(f"define_{kind}_contract: id must be a non-empty string, got {id!r}")
    e = Emitter(kind, id, site)
    e.register_schemas(schemas)
    declared_capabilities = e.declare_capabilities(capabilities)
    stores = e.declare_stores(store)
    rpcs = e.entries(rpc, Rpc, "rpc")
    e.declare_errors(errors, rpcs)
    states = e.entries(state, StateStore, "state")

    emitted_state = section((n, e.state(n, d)) for n, d in states)
    emitted_rpc = section((n, e.rpc(n, d)) for n, d in rpcs)
    emitted_operations = section(
        (n, e.operation(n, d)) for n, d in e.entries(operations, Operation, "operations")
    )
    emitted_events = section((n, e.event(n, d)) for n, d in e.entries(events, Event, "events"))
    emitted_feeds = section((n, e.feed(n, d)) for n, d in e.entries(feeds, Feed, "feeds"))
    emitted_errors = e.emit_errors()
    emitted_jobs = section((n, e.job(n, d)) for n, d in e.entries(jobs, Job, "jobs"))
    emitted_consumers = section(
        (n, e.event_consumer(n, d))
        for n, d in e.entries(event_consumers, EventConsumer, "event_consumers")
    )
    resources: Json = {}
    if kv_items := e.entries(kv, Kv, "kv"):
        resources["kv"] = {alias: e.kv(alias, d) for alias, d in kv_items}
    if stores:
        resources["store"] = {alias: e.store(alias, d) for alias, d in stores}
    emitted_exports = None
    if exports is not None:
        names = [e.schema(x, "exports", "/exports", site)["schema"] for x in exports]
        emitted_exports = {"schemas": list(dict.fromkeys(names))}
    emitted_uses = e.uses(uses, optional_uses, has_state=bool(states))

    manifest: Json = {
        "format": FORMAT,
        "id": id,
        "displayName": display_name,
        "description": description,
    }
    if docs is not None:
        manifest["docs"] = docs_json(docs)
    manifest["kind"] = kind
    optional_sections: tuple[tuple[str, Any], ...] = (
        ("capabilities", declared_capabilities),
        ("schemas", e.table.schemas or None),
        ("exports", emitted_exports),
        ("state", emitted_state),
        ("uses", emitted_uses),
        ("rpc", emitted_rpc),
        ("operations", emitted_operations),
        ("events", emitted_events),
        ("feeds", emitted_feeds),
        ("errors", emitted_errors),
        ("jobs", emitted_jobs),
        ("eventConsumers", emitted_consumers),
        ("resources", resources or None),
    )
    manifest.update((key, value) for key, value in optional_sections if value is not None)
    return ContractDefinition(
        manifest=manifest,
        lines=e.lines,
        diagnostics=tuple(e.diagnostics),
        source_file=site.file,
        line=site.line,
    )
