"""A normalized manifest → the source of a Python contract module written with
`trellis_generate.authoring`.

Pure: it maps every manifest field to the descriptor argument the authoring emitter turns back
into that field (spec §6 in reverse), leaving out arguments equal to the emitter's defaults
(subjects, `v1`, implicit `uses`) so the module reads like one written by hand. Schemas become
module-level constants named after their manifest names; errors become `define_error` constants.
Whether the result really reproduces the manifest is checked separately (`verify.py`).
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..authoring.emit import Kind, baseline_uses, capability_namespace
from ..views.naming import allocate, constant
from .layout import WIDTH, Call, DictItems, Node, Ref, render

Json = Mapping[str, Any]

DEFINE = {
    "service": "define_service_contract",
    "app": "define_app_contract",
    "agent": "define_agent_contract",
    "device": "define_device_contract",
}
_HEADER = '''"""A Trellis contract written with `trellis_generate.authoring`.

Scaffolded from a `trellis.contract.v1` manifest by `trellis-generate scaffold`:
loading this module yields that manifest again (same normalized manifest, same
digest). From here on it is ordinary source to read, edit and review.
"""'''


# Longer names are cut (collisions get a number), so `NAME: dict[str, Any] = {` always fits a line.
_MAX_NAME = 60


def _constant(name: str) -> str:
    return constant(name)[:_MAX_NAME].rstrip("_")


class ScaffoldNameError(ValueError):
    """The requested export name cannot be used as a module-level name."""


@dataclass
class _Names:
    """Module-level names: schema constants, error constants, the contract export."""

    schemas: dict[str, str]
    errors: dict[str, str]
    export: str


def _names(manifest: Json, export: str, imported: set[str]) -> _Names:
    if not export.isidentifier() or keyword.iskeyword(export) or export in imported:
        raise ScaffoldNameError(
            f"'{export}' cannot name the contract: it must be an identifier that is neither a "
            "keyword nor one of the names the module imports"
        )
    reserved = {export, *imported}
    schemas = {
        name: schema
        for name, schema in (manifest.get("schemas") or {}).items()
        if isinstance(schema, dict)
    }
    schema_names = allocate(((n, _constant(n)) for n in schemas), reserved)
    reserved |= set(schema_names.values())
    error_names = allocate(((n, _constant(n)) for n in manifest.get("errors") or {}), reserved)
    return _Names(schema_names, error_names, export)


class _Module:
    """Builds the nodes of one module; records which authoring names it uses."""

    def __init__(self, manifest: Json, names: _Names) -> None:
        self.m = manifest
        self.names = names
        self.namespace = capability_namespace(str(manifest["id"]))
        self.local_caps = {
            key.split("::", 1)[1]
            for key in manifest.get("capabilities") or {}
            if key.startswith(f"{self.namespace}::")
        }
        self.used: set[str] = set()

    def call(self, func: str, *args: Node, **kwargs: Node | None) -> Call:
        self.used.add(func)
        return Call(func, args, [(k, v) for k, v in kwargs.items() if v is not None])

    # -- references --------------------------------------------------------------------------

    def schema(self, ref: Json) -> Node:
        """A schema reference: its constant, or its name when it is a boolean schema."""
        name = str(ref["schema"])
        return Ref(self.names.schemas[name]) if name in self.names.schemas else name

    def cap(self, global_name: str) -> str:
        """`<own namespace>::x` → `x` when declared here; anything else as written."""
        head, sep, local = global_name.partition("::")
        if sep and head == self.namespace and local in self.local_caps:
            return local
        return global_name

    def caps(self, names: Sequence[str] | None) -> list[Node] | None:
        return None if names is None else [self.cap(n) for n in names]

    def error(self, wire_type: str) -> Node:
        """The constant of the first declared error with this wire type, else the type itself."""
        for name, decl in (self.m.get("errors") or {}).items():
            if decl["type"] == wire_type:
                return Ref(self.names.errors[name])
        return wire_type

    def docs(self, owner: Json) -> Node | None:
        docs = owner.get("docs")
        if docs is None:
            return None
        return self.call("Docs", summary=docs.get("summary"), markdown=docs["markdown"])

    @staticmethod
    def version(owner: Json) -> str | None:
        return None if owner["version"] == "v1" else str(owner["version"])

    @staticmethod
    def subject(owner: Json, default: str) -> str | None:
        return None if owner["subject"] == default else str(owner["subject"])

    # -- descriptors -------------------------------------------------------------------------

    def capability(self, meta: Json) -> Node:
        return self.call(
            "Capability",
            display_name=meta["displayName"],
            description=meta["description"],
            consequence=meta.get("consequence"),
        )

    def use(self, ref: Json) -> Node:
        def names(section: str, action: str) -> list[Node] | None:
            listed = (ref.get(section) or {}).get(action)
            return list(listed) if listed else None

        return self.call(
            "Use",
            contract=ref["contract"],
            rpc_call=names("rpc", "call"),
            operations_call=names("operations", "call"),
            events_publish=names("events", "publish"),
            events_subscribe=names("events", "subscribe"),
            feeds_subscribe=names("feeds", "subscribe"),
        )

    def rpc(self, name: str, r: Json) -> Node:
        errors = r.get("errors")
        return self.call(
            "Rpc",
            input=self.schema(r["input"]),
            output=self.schema(r["output"]),
            version=self.version(r),
            subject=self.subject(r, f"rpc.{r['version']}.{name}"),
            call=self.caps((r.get("capabilities") or {}).get("call")),
            errors=[self.error(e["type"]) for e in errors] if errors else None,
            transfer=(r.get("transfer") or {}).get("direction"),
            internal=True if r.get("internal") else None,
            docs=self.docs(r),
        )

    def operation(self, name: str, o: Json) -> Node:
        caps = o.get("capabilities") or {}
        cancel: Node | None = o.get("cancel")
        if "cancel" in caps:
            cancel = self.caps(caps["cancel"])
        signals = o.get("signals")
        transfer = o.get("transfer")
        return self.call(
            "Operation",
            input=self.schema(o["input"]),
            output=self.schema(o["output"]),
            progress=self.schema(o["progress"]) if "progress" in o else None,
            version=self.version(o),
            subject=self.subject(o, f"operations.{o['version']}.{name}"),
            call=self.caps(caps.get("call")),
            observe=self.caps(caps.get("observe")),
            control=self.caps(caps.get("control")),
            cancel=cancel,
            signals=None
            if signals is None
            else {
                s: self.call("Signal", input=self.schema(sig["input"]), docs=self.docs(sig))
                for s, sig in signals.items()
            },
            transfer=None
            if transfer is None
            else self.call(
                "Transfer",
                store=transfer["store"],
                key=transfer["key"],
                content_type=transfer.get("contentType"),
                metadata=transfer.get("metadata"),
                expires_in_ms=transfer.get("expiresInMs"),
                max_bytes=transfer.get("maxBytes"),
            ),
            docs=self.docs(o),
        )

    def event(self, name: str, e: Json) -> Node:
        params = list(e.get("params") or [])
        default = ".".join([f"events.{e['version']}.{name}", *(f"{{{p}}}" for p in params)])
        caps = e.get("capabilities") or {}
        return self.call(
            "Event",
            event=self.schema(e["event"]),
            params=list(params) or None,
            version=self.version(e),
            subject=self.subject(e, default),
            publish=self.caps(caps.get("publish")),
            subscribe=self.caps(caps.get("subscribe")),
            docs=self.docs(e),
        )

    def feed(self, name: str, f: Json) -> Node:
        return self.call(
            "Feed",
            input=self.schema(f["input"]),
            event=self.schema(f["event"]),
            version=self.version(f),
            subject=self.subject(f, f"feeds.{f['version']}.{name}"),
            subscribe=self.caps((f.get("capabilities") or {}).get("subscribe")),
            docs=self.docs(f),
        )

    def job(self, j: Json) -> Node:
        return self.call(
            "Job",
            payload=self.schema(j["payload"]),
            result=self.schema(j["result"]) if "result" in j else None,
            max_deliver=j.get("maxDeliver"),
            backoff_ms=list(j["backoffMs"]) if "backoffMs" in j else None,
            ack_wait_ms=j.get("ackWaitMs"),
            default_deadline_ms=j.get("defaultDeadlineMs"),
            progress=j.get("progress"),
            logs=j.get("logs"),
            dlq=j.get("dlq"),
            concurrency=j.get("concurrency"),
            docs=self.docs(j),
        )

    def event_consumer(self, g: Json) -> Node:
        uses = g.get("uses")
        return self.call(
            "EventConsumer",
            uses=None if not uses else {a: list(events) for a, events in uses.items()},
            self_events=list(g["self"]) if g.get("self") else None,
            replay=None if g["replay"] == "new" else g["replay"],
            ordering=None if g["ordering"] == "strict" else g["ordering"],
            concurrency=None if g["concurrency"] == 1 else g["concurrency"],
            ack_wait_ms=g.get("ackWaitMs"),
            max_deliver=g.get("maxDeliver"),
            backoff_ms=list(g["backoffMs"]) if "backoffMs" in g else None,
            docs=self.docs(g),
        )

    def state(self, s: Json) -> Node:
        accepted = s.get("acceptedVersions")
        return self.call(
            "StateStore",
            kind=s["kind"],
            schema=self.schema(s["schema"]),
            state_version=s.get("stateVersion"),
            accepted_versions=None
            if not accepted
            else {v: self.schema(r) for v, r in accepted.items()},
            docs=self.docs(s),
        )

    def kv(self, r: Json) -> Node:
        return self.call(
            "Kv",
            purpose=r["purpose"],
            schema=self.schema(r["schema"]),
            required=None if r.get("required", True) else False,
            history=None if r.get("history", 1) == 1 else r["history"],
            ttl_ms=None if r.get("ttlMs", 0) == 0 else r["ttlMs"],
            max_value_bytes=r.get("maxValueBytes"),
            docs=self.docs(r),
        )

    def store(self, r: Json) -> Node:
        return self.call(
            "Store",
            purpose=r["purpose"],
            required=None if r.get("required", True) else False,
            ttl_ms=None if r.get("ttlMs", 0) == 0 else r["ttlMs"],
            max_object_bytes=r.get("maxObjectBytes"),
            max_total_bytes=r.get("maxTotalBytes"),
            docs=self.docs(r),
        )

    # -- the module --------------------------------------------------------------------------

    def section(
        self, key: str, build: Callable[[str, Json], Node], source: Json | None = None
    ) -> Node | None:
        entries = (source if source is not None else self.m).get(key)
        if not entries:
            return None
        return {name: build(name, value) for name, value in entries.items()}

    def explicit_uses(self, group: str) -> Node | None:
        """Declared uses, minus those the define helper adds by itself exactly as declared."""
        declared = (self.m.get("uses") or {}).get(group) or {}
        implicit: dict[str, Any] = {}
        if group == "required":
            kind = cast(Kind, self.m["kind"])
            implicit = baseline_uses(kind, str(self.m["id"]), bool(self.m.get("state")))
        kept = {
            alias: self.use(ref)
            for alias, ref in declared.items()
            if not (alias in implicit and _same_use(ref, implicit[alias]))
        }
        return kept or None

    def contract(self) -> Call:
        m = self.m
        resources = m.get("resources") or {}
        schemas = m.get("schemas") or {}
        exports = m.get("exports")
        return self.call(
            DEFINE[str(m["kind"])],
            id=m["id"],
            display_name=m["displayName"],
            description=m["description"],
            docs=self.docs(m),
            capabilities={
                key.split("::", 1)[1] if "::" in key else key: self.capability(meta)
                for key, meta in (m.get("capabilities") or {}).items()
            }
            or None,
            schemas=DictItems(
                [
                    (name, Ref(self.names.schemas[name]) if name in self.names.schemas else value)
                    for name, value in schemas.items()
                ]
            )
            if schemas
            else None,
            errors=[Ref(c) for c in self.names.errors.values()] or None,
            exports=None
            if exports is None
            else [self.schema({"schema": n}) for n in exports.get("schemas", [])],
            uses=self.explicit_uses("required"),
            optional_uses=self.explicit_uses("optional"),
            state=self.section("state", lambda _, s: self.state(s)),
            rpc=self.section("rpc", self.rpc),
            operations=self.section("operations", self.operation),
            events=self.section("events", self.event),
            feeds=self.section("feeds", self.feed),
            jobs=self.section("jobs", lambda _, j: self.job(j)),
            event_consumers=self.section("eventConsumers", lambda _, g: self.event_consumer(g)),
            kv=self.section("kv", lambda _, r: self.kv(r), resources),
            store=self.section("store", lambda _, r: self.store(r), resources),
        )

    def error_constant(self, name: str, decl: Json) -> Call:
        schema = decl.get("schema")
        return self.call(
            "define_error",
            name,
            type=None if decl["type"] == name else decl["type"],
            schema=None if schema is None else self.schema(schema),
        )


def _same_use(ref: Json, implicit: Any) -> bool:
    """Whether `ref` is exactly what the helper adds for this alias (lists compared as sets)."""
    wanted = {
        ("rpc", "call"): implicit.rpc_call,
        ("operations", "call"): implicit.operations_call,
        ("events", "publish"): implicit.events_publish,
        ("events", "subscribe"): implicit.events_subscribe,
        ("feeds", "subscribe"): implicit.feeds_subscribe,
    }
    if ref.get("contract") != implicit.contract:
        return False
    for section in ("rpc", "operations", "events", "feeds"):
        present = ref.get(section)
        if present is not None and not present:
            return False  # an empty selector object is not what the helper emits
    return all(
        set((ref.get(section) or {}).get(action) or ()) == set(names)
        and ((ref.get(section) or {}).get(action) is not None) == bool(names)
        for (section, action), names in wanted.items()
    )


# Every authoring name a module may import, so the export name can be checked against them.
AUTHORING_NAMES = frozenset(
    {
        *DEFINE.values(),
        "Capability",
        "Docs",
        "Event",
        "EventConsumer",
        "Feed",
        "Job",
        "Kv",
        "Operation",
        "Rpc",
        "Signal",
        "StateStore",
        "Store",
        "Transfer",
        "Use",
        "define_error",
    }
)


def module_source(manifest: Json, export: str = "CONTRACT") -> str:
    """The unformatted source of a contract module reproducing `manifest` (normalized)."""
    names = _names(manifest, export, set(AUTHORING_NAMES) | {"Any"})
    module = _Module(manifest, names)
    schemas = manifest.get("schemas") or {}
    blocks: list[str] = []
    for name, const in names.schemas.items():
        prefix = f"{const}: dict[str, Any] = "
        blocks.append(prefix + render(schemas[name], 0, len(prefix)))
    errors = []
    for name, const in names.errors.items():
        declared = module.error_constant(name, manifest["errors"][name])
        errors.append(f"{const} = {render(declared, 0, len(const) + 3)}")
    contract = module.contract()
    body = f"{export} = {render(contract, 0, len(export) + 3)}"
    imports = ["from typing import Any", ""] if names.schemas else []
    listed = ", ".join(sorted(module.used, key=_import_order))
    line = f"from trellis_generate.authoring import {listed}"
    if len(line) > WIDTH:
        line = line.replace("import ", "import (\n    ", 1).replace(", ", ",\n    ") + ",\n)"
    imports.append(line)
    parts = [_HEADER, "\n".join(imports)]
    if blocks:
        parts.append("\n\n".join(blocks))
    if errors:
        parts.append("\n".join(errors))
    parts.append(body)
    return "\n\n".join(parts) + "\n"


def _import_order(name: str) -> tuple[bool, str]:
    return (not name[0].isupper(), name)
