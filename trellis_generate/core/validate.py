"""Validation (spec §3): forbidden fields, structure, then the semantic rules, all errors at once.

Enforces the union of the TS runtime and Rust codegen rules ("Recommended generator validation"),
with the reference's message texts where the spec gives them. Pure: raw manifest in, normalized
manifest and diagnostics out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from ..diagnostics import Diagnostic, pointer
from .canonical import CanonicalError, check_pure_json
from .normalize import JsonObject, normalize_manifest
from .schema_rules import embedded_schema_problems, event_param_problem
from .subjects import TemplateError, is_json_pointer, template_pointers, template_to_wildcard

SCHEMA_FILE = "trellis.contract.v1.schema.json"


@lru_cache(maxsize=1)
def _validator() -> Any:
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    return jsonschema.Draft201909Validator(schema)


def _forbidden(raw: Mapping[str, Any]) -> tuple[list[Diagnostic], JsonObject]:
    """Reject fields v1 forbids; return the manifest without them so they are reported once."""
    diags: list[Diagnostic] = []
    cleaned = dict(raw)
    if "subjects" in cleaned:
        del cleaned["subjects"]
        diags.append(
            Diagnostic("forbidden-field", "Contract subjects are not supported in v1", "/subjects")
        )
    resources = cleaned.get("resources")
    if isinstance(resources, dict):
        resources = dict(resources)
        for key in ("jobs", "stream", "streams"):
            if key in resources:
                del resources[key]
                diags.append(
                    Diagnostic(
                        "forbidden-field",
                        f"/resources/{key} is not supported in v1",
                        f"/resources/{key}",
                    )
                )
        cleaned["resources"] = resources
    uses = cleaned.get("uses")
    if isinstance(uses, dict):
        uses = dict(uses)
        for group in ("required", "optional"):
            refs = uses.get(group)
            if not isinstance(refs, dict):
                continue
            refs = dict(refs)
            for alias, ref in refs.items():
                if isinstance(ref, dict) and "subjects" in ref:
                    refs[alias] = {k: v for k, v in ref.items() if k != "subjects"}
                    diags.append(
                        Diagnostic(
                            "forbidden-field",
                            f"Contract uses '{alias}' declares unsupported subjects",
                            pointer("uses", group, alias, "subjects"),
                        )
                    )
            uses[group] = refs
        cleaned["uses"] = uses
    return diags, cleaned


def _structure(raw: Mapping[str, Any]) -> list[Diagnostic]:
    out = []
    for err in _validator().iter_errors(raw):
        ptr = pointer(*err.absolute_path)
        out.append(Diagnostic("structure", f"{ptr or '#'}: {err.message}", ptr))
    return sorted(out, key=lambda d: (d.pointer, d.message))


def _event_consumers(n: Mapping[str, Any]) -> Iterator[Diagnostic]:
    uses = n.get("uses", {})
    required, optional = uses.get("required", {}), uses.get("optional", {})
    owned_events = n.get("events", {})
    for g, group in n.get("eventConsumers", {}).items():
        at = pointer("eventConsumers", g)
        deps = group.get("uses", {})
        own = group.get("self", [])
        if not any(deps.values()) and not own:
            yield Diagnostic(
                "event-consumer",
                f"event consumer group '{g}' must declare at least one dependency or self event",
                at,
            )
        if group["ordering"] == "strict" and group["concurrency"] != 1:
            yield Diagnostic(
                "event-consumer",
                f"event consumer group '{g}' with strict ordering requires concurrency 1",
                at + "/concurrency",
            )
        for alias, events in deps.items():
            alias_at = pointer("eventConsumers", g, "uses", alias)
            if not events:
                yield Diagnostic(
                    "event-consumer",
                    f"event consumer group '{g}' use '{alias}' must declare events",
                    alias_at,
                )
            ref = required.get(alias) or optional.get(alias)
            if ref is None:
                yield Diagnostic(
                    "event-consumer",
                    f"event consumer group '{g}' references unknown use '{alias}'",
                    alias_at,
                )
                continue
            subscribed = set(ref.get("events", {}).get("subscribe", []))
            for e in events:
                if e not in subscribed:
                    yield Diagnostic(
                        "event-consumer",
                        f"event consumer group '{g}' references event '{e}' that use '{alias}' "
                        "does not subscribe to",
                        alias_at,
                    )
        for e in own:
            if e not in owned_events:
                yield Diagnostic(
                    "event-consumer",
                    f"event consumer group '{g}' references unknown owned event '{e}'",
                    pointer("eventConsumers", g, "self"),
                )


def _schema_refs(n: Mapping[str, Any]) -> Iterator[Diagnostic]:
    """Every schema ref must name a `schemas` entry (TS order, plus Rust's feed/signal checks)."""
    schemas = n.get("schemas", {})
    for i, name in enumerate(n.get("exports", {}).get("schemas", [])):
        if name not in schemas:
            yield Diagnostic(
                "schema-ref",
                f"exports.schemas: unknown schema '{name}'",
                pointer("exports", "schemas", i),
            )
    for ref, context, at in _schema_uses(n):
        if ref["schema"] not in schemas:
            yield Diagnostic("schema-ref", f"{context}: unknown schema '{ref['schema']}'", at)


# A schema reference (`{"schema": name}`), how a diagnostic names its place, and its pointer.
_SchemaUse = tuple[Mapping[str, Any], str, str]


def _schema_uses(n: Mapping[str, Any]) -> Iterator[_SchemaUse]:
    """Every schema reference of the manifest, in the order the TS validator reports them."""
    yield from _state_uses(n)
    for a, kv in n.get("resources", {}).get("kv", {}).items():
        yield kv["schema"], f"resources.kv '{a}'", pointer("resources", "kv", a, "schema")
    yield from _part_uses(n, "rpc", "rpc", ("input", "output"))
    yield from _operation_uses(n)
    for k, e in n.get("events", {}).items():
        yield e["event"], f"event '{k}'", pointer("events", k, "event")
    yield from _part_uses(n, "feeds", "feed", ("input", "event"))
    for k, err in n.get("errors", {}).items():
        if "schema" in err:
            yield err["schema"], f"error '{k}'", pointer("errors", k, "schema")
    yield from _part_uses(n, "jobs", "jobs queue", ("payload", "result"), optional=True)


def _part_uses(
    n: Mapping[str, Any], section: str, label: str, parts: tuple[str, ...], optional: bool = False
) -> Iterator[_SchemaUse]:
    """`section.<name>.<part>` for each entry and part (an `optional` part only where present)."""
    for k, spec in n.get(section, {}).items():
        for part in parts:
            if not optional or part in spec:
                yield spec[part], f"{label} '{k}' {part}", pointer(section, k, part)


def _state_uses(n: Mapping[str, Any]) -> Iterator[_SchemaUse]:
    for k, s in n.get("state", {}).items():
        yield s["schema"], f"state '{k}'", pointer("state", k, "schema")
        for v, ref in s.get("acceptedVersions", {}).items():
            at = pointer("state", k, "acceptedVersions", v)
            yield ref, f"state '{k}' acceptedVersions '{v}'", at


def _operation_uses(n: Mapping[str, Any]) -> Iterator[_SchemaUse]:
    """Per operation: its input, progress and output, then each signal's input."""
    for k, o in n.get("operations", {}).items():
        for part in ("input", "progress", "output"):
            if part in o:
                yield o[part], f"operation '{k}' {part}", pointer("operations", k, part)
        for sig, s in o.get("signals", {}).items():
            at = pointer("operations", k, "signals", sig, "input")
            yield s["input"], f"operation '{k}' signal '{sig}' input", at


def _event_templates(n: Mapping[str, Any]) -> Iterator[Diagnostic]:
    schemas = n.get("schemas", {})
    for name, e in n.get("events", {}).items():
        at = pointer("events", name)
        try:
            pointers = template_pointers(e["subject"])
        except TemplateError as exc:
            msg = (
                f"event '{name}' subject template token '{exc.token}' must be a JSON Pointer"
                if exc.token is not None
                else f"event '{name}' subject has malformed template token"
            )
            yield Diagnostic("event-template", msg, at + "/subject")
            continue
        params = e.get("params", [])
        bad = [p for p in params if not is_json_pointer(p)]
        for p in bad:
            yield Diagnostic(
                "event-template",
                f"event '{name}' param '{p}' must be a JSON Pointer",
                at + "/params",
            )
        if bad:
            continue
        if params != pointers:
            yield Diagnostic(
                "event-template",
                f"event '{name}' params must list subject template pointers in order",
                at + "/params",
            )
            continue
        payload = schemas.get(e["event"]["schema"])
        if payload is None:
            continue  # reported as a schema-ref error
        for p in pointers:
            problem = event_param_problem(payload, p)
            if problem is not None:
                yield Diagnostic(
                    "event-template",
                    f"Invalid event subject param pointer '{p}' for event '{name}' ({problem})",
                    at + "/params",
                )


def _subject_collisions(n: Mapping[str, Any]) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for section, label in (("rpc", "rpc"), ("operations", "operation"), ("events", "event")):
        for name, d in n.get(section, {}).items():
            wildcard = template_to_wildcard(d["subject"])
            here = f"{label} '{name}'"
            if wildcard in seen:
                yield Diagnostic(
                    "subject-collision",
                    f"Subject '{wildcard}' already registered by '{n['displayName']}' ({n['id']}): "
                    f"{here} collides with {seen[wildcard]}",
                    pointer(section, name, "subject"),
                )
            else:
                seen[wildcard] = here


def _unique_error_types(n: Mapping[str, Any]) -> Iterator[Diagnostic]:
    first: dict[str, str] = {}
    for name, err in n.get("errors", {}).items():
        t = err["type"]
        if t in first:
            yield Diagnostic(
                "error-type-unique",
                f"error '{name}' repeats type '{t}' of error '{first[t]}' "
                "(error types must be unique)",
                pointer("errors", name, "type"),
            )
        else:
            first[t] = name


def _embedded_schemas(raw_schemas: Mapping[str, Any]) -> Iterator[Diagnostic]:
    for name, value in raw_schemas.items():
        for ptr_tail, message in embedded_schema_problems(name, value):
            yield Diagnostic("embedded-schema", message, pointer("schemas", name) + ptr_tail)


def validate_and_normalize(raw: Any) -> tuple[JsonObject | None, list[Diagnostic]]:
    """Return the normalized manifest (None when structurally invalid) and every problem found."""
    if not isinstance(raw, dict):
        return None, [Diagnostic("structure", "Expected object JSON value")]
    diags: list[Diagnostic] = []
    try:
        check_pure_json(raw)
    except CanonicalError as exc:
        diags.append(
            Diagnostic(
                "pure-json", f"Contract must be a pure JSON value: {exc.reason}", exc.pointer
            )
        )
    forbidden, cleaned = _forbidden(raw)
    diags += forbidden
    structural = _structure(cleaned)
    if structural:
        return None, diags + structural
    normalized = normalize_manifest(cleaned)
    for rule in (
        _event_consumers,
        _schema_refs,
        _event_templates,
        _subject_collisions,
        _unique_error_types,
    ):
        diags.extend(rule(normalized))
    diags.extend(_embedded_schemas(normalized.get("schemas", {})))
    return (None if diags else normalized), diags


def validate_manifest(raw: Any) -> list[Diagnostic]:
    return validate_and_normalize(raw)[1]
