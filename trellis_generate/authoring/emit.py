"""Descriptors → raw manifest, following the TS authoring emitter (spec §6) rule by rule.

Rule violations become `Diagnostic`s carrying the file and line of the offending declaration; the
manifest is still emitted in full so the validator can report its own findings alongside. Only
programming errors (a value of the wrong type) raise, as `TypeError` naming contract and field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from typing import Any, Literal, TypeVar

from trellis_runtime.uses import Use as RuntimeUse

from ..core.event_header import event_schema_name, needs_header, with_header
from ..core.normalize import sorted_unique
from ..core.schema_rules import event_param_problem, pointer_resolves
from ..core.subjects import is_json_pointer
from ..diagnostics import Diagnostic, pointer
from .descriptors import (
    Capability,
    DescriptorError,
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
    Signal,
    Site,
    StateStore,
    Store,
    Transfer,
    Use,
)
from .schemas import SchemaTable

Kind = Literal["service", "app", "agent", "device"]
Json = dict[str, Any]
T = TypeVar("T")

HEALTH_USE = Use("trellis.health@v1", events_publish=("Health.Heartbeat",))
AUTH_USE = Use("trellis.auth@v1", rpc_call=("Auth.Sessions.Me", "Auth.Sessions.Logout"))
STATE_USE = Use(
    "trellis.state@v1", rpc_call=("State.Get", "State.Put", "State.Delete", "State.List")
)


def capability_namespace(contract_id: str) -> str:
    """`acme.billing@v1` → `acme.billing` (TS `/@v\\d+$/`)."""
    head, sep, version = contract_id.rpartition("@v")
    return head if sep and version.isdigit() else contract_id


def namespace_prefixes(contract_id: str) -> list[str]:
    """Prefixes a local capability name must not start with: `<ns>.` and `<last segment>.`."""
    namespace = capability_namespace(contract_id)
    prefixes = [f"{namespace}."]
    leaf = namespace.rsplit(".", 1)[-1]
    if leaf and leaf != namespace:
        prefixes.append(f"{leaf}.")
    return prefixes


def baseline_uses(kind: Kind, contract_id: str, has_state: bool) -> dict[str, Use]:
    """The dependencies every contract of `kind` has implicitly (spec §6)."""
    out: dict[str, Use] = {}
    if kind in ("service", "device") and contract_id != HEALTH_USE.contract:
        out["health"] = HEALTH_USE
    if kind in ("app", "agent", "device"):
        out["auth"] = AUTH_USE
    if has_state:
        out["state"] = STATE_USE
    return out


def docs_json(docs: Docs) -> Json:
    out: Json = {} if docs.summary is None else {"summary": docs.summary}
    out["markdown"] = docs.markdown
    return out


def _use(use: Use) -> Json:
    out: Json = {"contract": use.contract}
    if use.rpc_call:
        out["rpc"] = {"call": sorted_unique(use.rpc_call)}
    if use.operations_call:
        out["operations"] = {"call": sorted_unique(use.operations_call)}
    events: Json = {}
    if use.events_publish:
        events["publish"] = sorted_unique(use.events_publish)
    if use.events_subscribe:
        events["subscribe"] = sorted_unique(use.events_subscribe)
    if events:
        out["events"] = events
    if use.feeds_subscribe:
        out["feeds"] = {"subscribe": sorted_unique(use.feeds_subscribe)}
    return out


# The selector fields of `Use` (everything but the contract id and where it was written).
USE_SELECTOR_FIELDS = tuple(f.name for f in fields(Use) if f.name not in ("contract", "site"))


def _union(a: Use, b: Use) -> Use:
    merged = {
        name: tuple(dict.fromkeys([*getattr(a, name), *getattr(b, name)]))
        for name in USE_SELECTOR_FIELDS
    }
    return Use(a.contract, **merged, site=a.site)


def _set(out: Json, key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


class Emitter:
    """Emits one contract; collects diagnostics and the pointer → line map on the way."""

    def __init__(self, kind: Kind, contract_id: str, site: Site) -> None:
        self.kind = kind
        self.contract_id = contract_id
        self.site = site
        self.table = SchemaTable()
        self.diagnostics: list[Diagnostic] = []
        self.lines: dict[str, int] = {"": site.line}
        self.declared_capabilities: set[str] = set()
        self.errors: dict[str, ErrorType] = {}
        self.store_aliases: set[str] = set()

    # -- bookkeeping -------------------------------------------------------------------------

    def fail(
        self, context: str, problem: str, site: Site | None = None, at: str = ""
    ) -> DescriptorError:
        """The error for a wrong value, located at the declaration it belongs to (the define
        call when the value is not inside a descriptor)."""
        return DescriptorError(self.contract_id, context, problem, site or self.site, at)

    def expect(self, value: object, cls: type[T], context: str, site: Site | None = None) -> T:
        if not isinstance(value, cls):
            got = type(value).__name__
            raise self.fail(context, f"expected {cls.__name__}, got {got}", site)
        return value

    def entries(
        self, value: Mapping[str, T] | None, cls: type[T], section: str
    ) -> list[tuple[str, T]]:
        if value is None:
            return []
        if not isinstance(value, Mapping):
            raise self.fail(section, f"expected a mapping of name to {cls.__name__}")
        return [(name, self.expect(v, cls, f"{section} '{name}'")) for name, v in value.items()]

    def names(
        self, value: Sequence[str] | None, context: str, site: Site | None = None, at: str = ""
    ) -> list[str] | None:
        if value is None:
            return None
        if isinstance(value, str):
            raise self.fail(
                context, f"expected a list of strings, got the string {value!r}", site, at
            )
        if not all(isinstance(v, str) for v in value):
            raise self.fail(context, "expected a list of strings", site, at)
        return list(value)

    def mark(self, at: str, site: Site) -> None:
        """Remember where `at` was declared, when it was declared in the contract's own module."""
        if site.file == self.site.file:
            self.lines[at] = site.line

    def report(self, rule: str, message: str, at: str, site: Site) -> None:
        self.diagnostics.append(
            Diagnostic(rule, message, at, self.contract_id, site.file, site.line)
        )

    def _drain_schema_problems(self, site: Site) -> None:
        for name, message in self.table.problems:
            self.report("schema-model", message, pointer("schemas", name), site)
        self.table.problems.clear()

    def schema(self, value: SchemaLike, context: str, at: str, site: Site) -> Json:
        try:
            name = self.table.ref(value)
        except TypeError as exc:
            raise self.fail(context, str(exc), site, at) from None
        self._drain_schema_problems(site)
        self.mark(at, site)
        self.lines.setdefault(pointer("schemas", name), self.lines.get(at, self.site.line))
        return {"schema": name}

    def capabilities(
        self, names: Sequence[str] | None, context: str, at: str, site: Site
    ) -> list[str] | None:
        """Local names → `<namespace>::<local>`; `admin`, `service`, `a::b` pass through."""
        listed = self.names(names, context, site, at)
        if listed is None:
            return None
        namespace = capability_namespace(self.contract_id)
        out: list[str] = []
        for cap in listed:
            if cap in self.declared_capabilities:
                out.append(f"{namespace}::{cap}")
            elif cap in ("admin", "service") or "::" in cap:
                out.append(cap)
            else:
                self.report(
                    "undeclared-capability",
                    f"{context} references undeclared local capability '{cap}'",
                    at,
                    site,
                )
        return sorted_unique(out)

    # -- sections ----------------------------------------------------------------------------

    def declare_capabilities(self, declared: Mapping[str, Capability] | None) -> Json | None:
        items = self.entries(declared, Capability, "capabilities")
        if not items:
            return None
        namespace = capability_namespace(self.contract_id)
        prefixes = namespace_prefixes(self.contract_id)
        out: Json = {}
        for local, cap in sorted(items):
            key = f"{namespace}::{local}"
            at = pointer("capabilities", key)
            self.mark(at, cap.site)
            self.declared_capabilities.add(local)
            for prefix in prefixes:
                if local.startswith(prefix):
                    self.report(
                        "capability-namespace",
                        f"local capability '{local}' must not start with contract namespace "
                        f"prefix '{prefix}'",
                        at,
                        cap.site,
                    )
            meta: Json = {"displayName": cap.display_name, "description": cap.description}
            _set(meta, "consequence", cap.consequence)
            out[key] = meta
        return out

    def register_schemas(self, schemas: Mapping[str, SchemaSource] | None) -> None:
        if schemas is None:
            return
        if not isinstance(schemas, Mapping):
            raise self.fail("schemas", "expected a mapping of name to model or JSON Schema")
        for name, source in schemas.items():
            try:
                self.table.register(name, source)
            except TypeError as exc:
                raise self.fail("schemas", str(exc)) from None
            self.mark(pointer("schemas", name), self.site)
            self._drain_schema_problems(self.site)

    def declare_stores(self, declared: Mapping[str, Store] | None) -> list[tuple[str, Store]]:
        """Store resources, known before operations so transfers can be checked against them."""
        items = self.entries(declared, Store, "store")
        self.store_aliases = {alias for alias, _ in items}
        return items

    def declare_errors(
        self, declared: Sequence[ErrorType] | None, rpcs: list[tuple[str, Rpc]]
    ) -> None:
        """Errors of `errors=` plus every ErrorType an RPC references, each name declared once."""
        listed = [self.expect(e, ErrorType, "errors") for e in declared or ()]
        referenced = [e for _, rpc in rpcs for e in rpc.errors if isinstance(e, ErrorType)]
        for error in (*listed, *referenced):
            known = self.errors.setdefault(error.name, error)
            if known != error:
                self.report(
                    "error-conflict",
                    f"error '{error.name}' is declared twice with different definitions",
                    pointer("errors", error.name),
                    error.site,
                )

    def emit_errors(self) -> Json | None:
        out: Json = {}
        for name, error in self.errors.items():
            at = pointer("errors", name)
            self.mark(at, error.site)
            decl: Json = {"type": error.type}
            if error.schema is not None:
                decl["schema"] = self.schema(
                    error.schema, f"error '{name}' schema", at + "/schema", error.site
                )
            out[name] = decl
        return out or None

    def wire_error_type(self, ref: ErrorType | str, context: str, site: Site) -> str:
        if isinstance(ref, ErrorType):
            return ref.type
        if isinstance(ref, str):
            declared = self.errors.get(ref)
            return declared.type if declared is not None else ref
        raise self.fail(
            context,
            f"expected an ErrorType or a built-in error name, got {type(ref).__name__}",
            site,
        )

    def rpc(self, name: str, d: Rpc) -> Json:
        at = pointer("rpc", name)
        self.mark(at, d.site)
        out: Json = {
            "version": d.version,
            "subject": d.subject or f"rpc.{d.version}.{name}",
            "input": self.schema(d.input, f"rpc '{name}' input", at + "/input", d.site),
            "output": self.schema(d.output, f"rpc '{name}' output", at + "/output", d.site),
        }
        call = self.capabilities(
            d.call, f"rpc '{name}' call capabilities", at + "/capabilities/call", d.site
        )
        if call is not None:
            out["capabilities"] = {"call": call}
        if d.transfer is not None:
            out["transfer"] = {"direction": d.transfer}
        if d.errors:
            types = [self.wire_error_type(e, f"rpc '{name}' errors", d.site) for e in d.errors]
            out["errors"] = [{"type": t} for t in sorted_unique(types)]
        if d.internal:
            out["internal"] = True
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def operation(self, name: str, d: Operation) -> Json:
        at = pointer("operations", name)
        self.mark(at, d.site)
        out: Json = {
            "version": d.version,
            "subject": d.subject or f"operations.{d.version}.{name}",
            "input": self.schema(d.input, f"operation '{name}' input", at + "/input", d.site),
            "output": self.schema(d.output, f"operation '{name}' output", at + "/output", d.site),
        }
        if d.progress is not None:
            out["progress"] = self.schema(
                d.progress, f"operation '{name}' progress", at + "/progress", d.site
            )
        if d.transfer is not None:
            transfer = self.expect(d.transfer, Transfer, f"operation '{name}' transfer", d.site)
            out["transfer"] = self.transfer(name, transfer, out["input"]["schema"], at, d.site)
        cancel_caps = None if isinstance(d.cancel, bool) else d.cancel
        caps: Json = {}
        for key, names in (
            ("call", d.call),
            ("observe", d.observe),
            ("cancel", cancel_caps),
            ("control", d.control),
        ):
            context = f"operation '{name}' {key} capabilities"
            _set(caps, key, self.capabilities(names, context, f"{at}/capabilities/{key}", d.site))
        if caps:
            out["capabilities"] = caps
        signals: Json = {}
        for sig_name, sig in self.entries(d.signals, Signal, f"operation '{name}' signals"):
            sig_at = pointer("operations", name, "signals", sig_name)
            self.mark(sig_at, sig.site)
            signal: Json = {
                "input": self.schema(
                    sig.input,
                    f"operation '{name}' signal '{sig_name}' input",
                    sig_at + "/input",
                    sig.site,
                )
            }
            if sig.docs is not None:
                signal["docs"] = docs_json(sig.docs)
            signals[sig_name] = signal
        if signals:
            out["signals"] = signals
        if d.cancel is not None:
            out["cancel"] = True if cancel_caps is not None else d.cancel
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def transfer(self, name: str, t: Transfer, input_schema: str, at: str, site: Site) -> Json:
        self.mark(at + "/transfer", site)
        if t.store not in self.store_aliases:
            self.report(
                "transfer-store",
                f"Operation '{name}' references unknown store resource '{t.store}'",
                at + "/transfer/store",
                site,
            )
        schema = self.table.lookup(input_schema)
        for ptr in (t.key, t.content_type, t.metadata):
            if ptr is None or schema is None:
                continue
            if not is_json_pointer(ptr) or not pointer_resolves(schema, ptr):
                self.report(
                    "transfer-pointer",
                    f"Invalid transfer pointer '{ptr}' for operation '{name}' "
                    "(path not found in input schema)",
                    at + "/transfer",
                    site,
                )
        out: Json = {"direction": "send", "store": t.store, "key": t.key}
        _set(out, "contentType", t.content_type)
        _set(out, "metadata", t.metadata)
        _set(out, "expiresInMs", t.expires_in_ms)
        _set(out, "maxBytes", t.max_bytes)
        return out

    def event(self, name: str, d: Event) -> Json:
        at = pointer("events", name)
        self.mark(at, d.site)
        params = self.names(d.params, f"event '{name}' params", d.site, at + "/params") or []
        ref = self.event_schema(name, d, at)
        default_subject = ".".join([f"events.{d.version}.{name}", *(f"{{{p}}}" for p in params)])
        out: Json = {"version": d.version, "subject": d.subject or default_subject}
        if params:
            self.mark(at + "/params", d.site)
            out["params"] = params
            self.check_params(name, params, self.table.lookup(ref["schema"]), at, d.site)
        out["event"] = ref
        caps: Json = {}
        for key, names in (("publish", d.publish), ("subscribe", d.subscribe)):
            context = f"event '{name}' {key} capabilities"
            _set(caps, key, self.capabilities(names, context, f"{at}/capabilities/{key}", d.site))
        if caps:
            out["capabilities"] = caps
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def event_schema(self, name: str, d: Event, at: str) -> Json:
        """The event's schema reference; a closed payload lacking the header gets it added."""
        ref = self.schema(d.event, f"event '{name}'", at + "/event", d.site)
        payload = self.table.lookup(ref["schema"])
        if not needs_header(payload):
            return ref
        derived = event_schema_name(name)
        try:
            self.table.register(derived, with_header(payload))
        except TypeError as exc:
            raise self.fail(f"event '{name}'", str(exc)) from None
        self._drain_schema_problems(d.site)
        self.lines.setdefault(pointer("schemas", derived), self.lines.get(at, self.site.line))
        return {"schema": derived}

    def check_params(self, name: str, params: list[str], schema: Any, at: str, site: Site) -> None:
        for p in params:
            if not is_json_pointer(p):
                message = f"event '{name}' param '{p}' must be a JSON Pointer"
            elif schema is not None and (problem := event_param_problem(schema, p)) is not None:
                message = (
                    f"Invalid event subject param pointer '{p}' for event '{name}' ({problem})"
                )
            else:
                continue
            self.report("event-template", message, at + "/params", site)

    def feed(self, name: str, d: Feed) -> Json:
        at = pointer("feeds", name)
        self.mark(at, d.site)
        out: Json = {
            "version": d.version,
            "subject": d.subject or f"feeds.{d.version}.{name}",
            "input": self.schema(d.input, f"feed '{name}' input", at + "/input", d.site),
            "event": self.schema(d.event, f"feed '{name}' event", at + "/event", d.site),
        }
        subscribe = self.capabilities(
            d.subscribe,
            f"feed '{name}' subscribe capabilities",
            at + "/capabilities/subscribe",
            d.site,
        )
        if subscribe is not None:
            out["capabilities"] = {"subscribe": subscribe}
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def job(self, name: str, d: Job) -> Json:
        at = pointer("jobs", name)
        self.mark(at, d.site)
        out: Json = {
            "payload": self.schema(
                d.payload, f"jobs queue '{name}' payload", at + "/payload", d.site
            )
        }
        if d.result is not None:
            out["result"] = self.schema(
                d.result, f"jobs queue '{name}' result", at + "/result", d.site
            )
        _set(out, "maxDeliver", d.max_deliver)
        _set(out, "backoffMs", None if d.backoff_ms is None else list(d.backoff_ms))
        _set(out, "ackWaitMs", d.ack_wait_ms)
        _set(out, "defaultDeadlineMs", d.default_deadline_ms)
        _set(out, "progress", d.progress)
        _set(out, "logs", d.logs)
        _set(out, "dlq", d.dlq)
        _set(out, "concurrency", d.concurrency)
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def event_consumer(self, name: str, d: EventConsumer) -> Json:
        at = pointer("eventConsumers", name)
        self.mark(at, d.site)
        out: Json = {}
        uses = {
            alias: sorted_unique(
                self.names(events, f"event consumer group '{name}' use '{alias}'", d.site, at) or []
            )
            for alias, events in sorted((d.uses or {}).items())
        }
        if uses:
            out["uses"] = uses
        own = self.names(d.self_events, f"event consumer group '{name}' self_events", d.site, at)
        if own:
            out["self"] = sorted_unique(own)
        out["replay"] = d.replay
        out["ordering"] = d.ordering
        out["concurrency"] = d.concurrency
        _set(out, "ackWaitMs", d.ack_wait_ms)
        _set(out, "maxDeliver", d.max_deliver)
        _set(out, "backoffMs", None if d.backoff_ms is None else list(d.backoff_ms))
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def state(self, name: str, d: StateStore) -> Json:
        at = pointer("state", name)
        self.mark(at, d.site)
        out: Json = {
            "kind": d.kind,
            "schema": self.schema(d.schema, f"state '{name}'", at + "/schema", d.site),
        }
        _set(out, "stateVersion", d.state_version)
        accepted = {
            version: self.schema(
                ref,
                f"state '{name}' acceptedVersions '{version}'",
                pointer("state", name, "acceptedVersions", version),
                d.site,
            )
            for version, ref in (d.accepted_versions or {}).items()
        }
        if accepted:
            out["acceptedVersions"] = accepted
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def kv(self, alias: str, d: Kv) -> Json:
        at = pointer("resources", "kv", alias)
        self.mark(at, d.site)
        out: Json = {
            "purpose": d.purpose,
            "schema": self.schema(d.schema, f"resources.kv '{alias}'", at + "/schema", d.site),
            "required": d.required,
            "history": d.history,
            "ttlMs": d.ttl_ms,
        }
        if d.max_value_bytes:
            out["maxValueBytes"] = d.max_value_bytes
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def located_use(self, use: RuntimeUse) -> Use:
        selectors = {name: getattr(use, name) for name in USE_SELECTOR_FIELDS}
        return Use(use.contract, **selectors, site=self.site)

    def store(self, alias: str, d: Store) -> Json:
        self.mark(pointer("resources", "store", alias), d.site)
        out: Json = {"purpose": d.purpose, "required": d.required, "ttlMs": d.ttl_ms}
        _set(out, "maxObjectBytes", d.max_object_bytes)
        _set(out, "maxTotalBytes", d.max_total_bytes)
        if d.docs is not None:
            out["docs"] = docs_json(d.docs)
        return out

    def checked_uses(
        self, declared: Mapping[str, RuntimeUse] | None, section: str
    ) -> dict[str, Use]:
        """The declared uses; one from a generated SDK's ``use()`` is placed at the contract."""
        items = [
            (alias, use if isinstance(use, Use) else self.located_use(use))
            for alias, use in self.entries(declared, RuntimeUse, section)
        ]
        group = "required" if section == "uses" else "optional"
        for alias, use in items:
            self.mark(pointer("uses", group, alias), use.site)
            for name in USE_SELECTOR_FIELDS:
                self.names(
                    getattr(use, name),
                    f"{section} '{alias}' {name}",
                    use.site,
                    pointer("uses", group, alias),
                )
        return dict(items)

    def uses(
        self,
        required: Mapping[str, RuntimeUse] | None,
        optional: Mapping[str, RuntimeUse] | None,
        has_state: bool,
    ) -> Json | None:
        """Explicit uses plus the implicit baseline (§6); optional aliases lose to required ones."""
        merged = self.checked_uses(required, "uses")
        for alias, base in baseline_uses(self.kind, self.contract_id, has_state).items():
            existing = merged.get(alias)
            if existing is None:
                merged[alias] = base
            elif existing.contract != base.contract:
                self.report(
                    "use-conflict",
                    f"Contract use '{alias}' references both '{existing.contract}' "
                    f"and '{base.contract}'",
                    pointer("uses", "required", alias),
                    self.site,
                )
            else:
                merged[alias] = _union(existing, base)
        out: Json = {}
        if merged:
            out["required"] = {alias: _use(use) for alias, use in merged.items()}
        extra = self.checked_uses(optional, "optional_uses")
        kept = {alias: _use(use) for alias, use in extra.items() if alias not in merged}
        if kept:
            out["optional"] = kept
        return out or None


def section(items: Iterable[tuple[str, Json]]) -> Json | None:
    """A name → descriptor map, omitted when empty (spec §9 row 2: never emit empty maps)."""
    out = dict(items)
    return out or None
