"""Classify the change between two normalized manifests of one contract id.

Owned surfaces (rpc, operations, events, feeds, jobs) follow the strict rules of
spec/compatibility.md; `uses`, resources, state, errors and display text are reported but never
breaking; anything this module does not recognise is breaking, with the reason (fail closed).
Pointers locate a finding in the new manifest, or in the old one for what was removed.

The comparison is structural, over the manifest dicts (a key nobody knows must still be seen);
what callers must hold per action is read from the typed model, whose rules (observe falls back
to call, cancel needs the flag) are the ones the scope listings use.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..contract import LoadedContract
from ..core.normalize import JOB_FIELDS
from ..core.subjects import template_to_wildcard
from ..diagnostics import pointer
from ..model import ContractModel, Operation, Rpc, Surface, SurfaceKind
from .model import Finding, Severity
from .schema import MISSING, compare_schemas, same

Manifest = Mapping[str, Any]

SCHEMA_FIELDS: dict[str, tuple[str, ...]] = {
    "rpc": ("input", "output"),
    "operations": ("input", "progress", "output"),
    "events": ("event",),
    "feeds": ("input", "event"),
    "jobs": ("payload", "result"),
}
OPTIONAL_FIELDS = frozenset({"progress", "result"})
JOB_SETTINGS = frozenset(JOB_FIELDS)
DISPLAY = ("displayName", "description", "docs")
FREE_SECTIONS = ("uses", "state", "eventConsumers", "exports", "errors")  # may change freely
KINDS: dict[str, SurfaceKind] = {
    "rpc": "rpc",
    "operations": "operation",
    "events": "event",
    "feeds": "feed",
}
LABEL = {
    "rpc": "RPC",
    "operations": "operation",
    "events": "event",
    "feeds": "feed",
    "jobs": "job queue",
}


def classify(old_contract: LoadedContract, new_contract: LoadedContract) -> list[Finding]:
    """Every finding between two versions of one contract, in manifest order."""
    old, new = old_contract.manifest, new_contract.manifest
    out: list[Finding] = []
    for key in ("format", "kind"):
        if old.get(key) != new.get(key):
            out.append(
                Finding(
                    "breaking",
                    f"{key}-changed",
                    pointer(key),
                    f"{key} changed from {old.get(key)!r} to {new.get(key)!r}",
                )
            )
    for key in DISPLAY:
        if not same(old.get(key, MISSING), new.get(key, MISSING)):
            out.append(Finding("metadata-only", "display", pointer(key), f"{key} changed"))
    out += _capability_metadata(old, new)
    for section in SCHEMA_FIELDS:
        out += _surfaces(section, old, new, old_contract.model, new_contract.model)
    for section in FREE_SECTIONS:
        out += _free_section(section, old, new)
    out += _resources(old, new)
    known = {
        "format",
        "kind",
        "id",
        "schemas",
        "capabilities",
        "resources",
        *DISPLAY,
        *SCHEMA_FIELDS,
        *FREE_SECTIONS,
    }
    for key in sorted((old.keys() | new.keys()) - known):
        if not same(old.get(key, MISSING), new.get(key, MISSING)):
            out.append(
                Finding(
                    "breaking",
                    "unknown-section",
                    pointer(key),
                    f"cannot prove the change of '{key}' compatible",
                )
            )
    return merge_shared(out)


def merge_shared(findings: list[Finding]) -> list[Finding]:
    """One finding per schema change, naming every surface that uses the schema."""
    merged: dict[tuple[str, str, str, str], Finding] = {}
    for f in findings:
        key = (f.severity, f.rule, f.pointer, f.message)
        seen = merged.get(key)
        surfaces = (*seen.surfaces, *f.surfaces) if seen else f.surfaces
        merged[key] = Finding(f.severity, f.rule, f.pointer, f.message, surfaces)
    return list(merged.values())


# --- owned surfaces ---------------------------------------------------------------------------


def _model_of(contract: ContractModel, section: str, name: str) -> Surface | None:
    """The typed surface (None for job queues, which callers do not reach)."""
    kind = KINDS.get(section)
    return contract.surfaces(kind)[name] if kind else None


def _surfaces(
    section: str, old: Manifest, new: Manifest, old_model: ContractModel, new_model: ContractModel
) -> Iterator[Finding]:
    before: Mapping[str, Any] = old.get(section) or {}
    after: Mapping[str, Any] = new.get(section) or {}
    removed = [k for k in sorted(before) if k not in after]
    added = [k for k in sorted(after) if k not in before]
    label = LABEL[section]
    for name in removed:
        match = next((a for a in added if _same_identity(section, before[name], after[a])), None)
        if match is not None:
            added.remove(match)
            yield Finding(
                "breaking",
                "surface-renamed",
                pointer(section, match),
                f"{label} '{name}' renamed to '{match}'",
            )
        else:
            yield Finding(
                "breaking", "surface-removed", pointer(section, name), f"{label} '{name}' removed"
            )
    for name in added:
        yield Finding(
            "compatible", "surface-added", pointer(section, name), f"{label} '{name}' added"
        )
    for name in sorted(before.keys() & after.keys()):
        typed = (_model_of(old_model, section, name), _model_of(new_model, section, name))
        yield from _surface(section, name, before[name], after[name], old, new, typed)


def _same_identity(section: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """A removed and an added surface are one renamed surface when they share a subject."""
    if "subject" in a and "subject" in b:
        return template_to_wildcard(a["subject"]) == template_to_wildcard(b["subject"])
    return same(_without_docs(a), _without_docs(b))


def _without_docs(spec: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in spec.items() if k != "docs"}


def _surface(
    section: str,
    name: str,
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    old: Manifest,
    new: Manifest,
    typed: tuple[Surface | None, Surface | None],
) -> Iterator[Finding]:
    at = pointer(section, name)
    what = f"{LABEL[section]} '{name}'"
    handled = {
        "subject",
        "params",
        "version",
        "docs",
        "internal",
        "capabilities",
        "cancel",
        "errors",
        "transfer",
        "signals",
        *SCHEMA_FIELDS[section],
    }
    if "subject" in a and a["subject"] != b["subject"]:
        moved = template_to_wildcard(a["subject"]) != template_to_wildcard(b["subject"])
        yield Finding(
            "breaking",
            "subject-moved" if moved else "subject-template-changed",
            at + "/subject",
            f"{what} subject changed from '{a['subject']}' to '{b['subject']}'"
            + ("" if moved else " (same wildcard, but a payload now renders another subject)"),
        )
    if a.get("version") != b.get("version"):
        yield Finding(
            "breaking",
            "version-changed",
            at + "/version",
            f"{what} version changed from {a.get('version')} to {b.get('version')}",
        )
    for key, rule in (("docs", "docs"), ("internal", "internal")):
        if not same(a.get(key, MISSING), b.get(key, MISSING)):
            yield Finding("metadata-only", rule, f"{at}/{key}", f"{what} {key} changed")
    for field in SCHEMA_FIELDS[section]:
        yield from _schema_field(what, f"{at}/{field}", field, a.get(field), b.get(field), old, new)
    before, after = typed
    if before is not None and after is not None:
        flag_changed = a.get("cancel") != b.get("cancel")  # as written: absent is not false
        yield from _capabilities(what, at, before, after, flag_changed)
    if not same(a.get("transfer", MISSING), b.get("transfer", MISSING)):
        yield Finding("breaking", "transfer-changed", at + "/transfer", f"{what} transfer changed")
    if section == "rpc":
        yield from _errors(what, at, a, b)
    if section == "operations":
        yield from _signals(what, at, a, b, old, new)
    if section == "jobs":
        handled |= JOB_SETTINGS
        for key in sorted(JOB_SETTINGS):
            if not same(a.get(key, MISSING), b.get(key, MISSING)):
                yield Finding("compatible", "job-setting", f"{at}/{key}", f"{what} {key} changed")
    for key in sorted((a.keys() | b.keys()) - handled):
        if not same(a.get(key, MISSING), b.get(key, MISSING)):
            yield Finding(
                "breaking",
                "surface-unprovable",
                f"{at}/{key}",
                f"cannot prove the change of {what} '{key}' compatible",
            )


def _resolve(ref: Any, manifest: Manifest) -> tuple[str | None, Any]:
    name = ref.get("schema") if isinstance(ref, Mapping) else None
    schemas = manifest.get("schemas") or {}
    return name, schemas.get(name, MISSING) if name is not None else MISSING


def _schema_field(
    what: str, at: str, field: str, a: Any, b: Any, old: Manifest, new: Manifest
) -> Iterator[Finding]:
    if a is None and b is None:
        return
    if a is None:
        severity: Severity = "compatible" if field in OPTIONAL_FIELDS else "breaking"
        yield Finding(severity, "schema-field-added", at, f"{what} now declares {field}")
        return
    if b is None:
        yield Finding("breaking", "schema-field-removed", at, f"{what} no longer declares {field}")
        return
    old_name, old_schema = _resolve(a, old)
    new_name, new_schema = _resolve(b, new)
    if old_schema is MISSING or new_schema is MISSING:
        yield Finding(
            "breaking",
            "schema-unresolved",
            at,
            f"{what} {field}: cannot resolve schema ref on the "
            f"{'old' if old_schema is MISSING else 'new'} side",
        )
        return
    if old_name != new_name and same(old_schema, new_schema):
        yield Finding(
            "compatible",
            "schema-renamed",
            at,
            f"{what} {field} schema renamed '{old_name}' → '{new_name}' (same resolved shape)",
        )
    for f in compare_schemas(old_schema, new_schema, pointer("schemas", str(new_name))):
        yield Finding(f.severity, f.rule, f.pointer, f.message, (f"{what} {field}",))


def _required(surface: Surface) -> dict[str, tuple[str, ...] | None]:
    """Per caller action, the all-of capabilities (None: the action is not offered)."""
    if isinstance(surface, Operation):
        return {
            "call": surface.call_capabilities,
            "observe": surface.observe_capabilities,
            "cancel": surface.cancel_capabilities,
            "control": surface.control_capabilities,
        }
    if isinstance(surface, Rpc):
        return {"call": surface.call_capabilities}
    actions = ("subscribe",) if surface.kind == "feed" else ("publish", "subscribe")
    return {action: surface.capabilities.of(action) for action in actions}


def _capabilities(
    what: str, at: str, a: Surface, b: Surface, cancel_flag_changed: bool
) -> Iterator[Finding]:
    """All-of lists: a new entry locks existing callers out, a dropped one lets more in."""
    required_after = _required(b)
    for action, before in _required(a).items():
        after = required_after[action]
        where = f"{at}/capabilities/{action}"
        if before is None and after is not None:
            yield Finding("compatible", "cancel-enabled", where, f"{what} callers can now cancel")
        elif before is not None and after is None:
            yield Finding(
                "breaking", "cancel-disabled", where, f"{what} callers can no longer cancel"
            )
        elif before is not None and after is not None:
            for cap in sorted(set(after) - set(before)):
                yield Finding(
                    "breaking",
                    "capability-added",
                    where,
                    f"{what} {action} now also requires '{cap}'",
                )
            for cap in sorted(set(before) - set(after)):
                yield Finding(
                    "compatible",
                    "capability-removed",
                    where,
                    f"{what} {action} no longer requires '{cap}'",
                )
    if (
        cancel_flag_changed
        and isinstance(a, Operation)
        and isinstance(b, Operation)
        and a.cancel_capabilities == b.cancel_capabilities
    ):
        yield Finding(
            "compatible",
            "cancel-flag",
            f"{at}/cancel",
            f"{what} cancel flag changed without changing what callers may do",
        )


def _errors(what: str, at: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> Iterator[Finding]:
    before = {e["type"] for e in a.get("errors") or ()}
    after = {e["type"] for e in b.get("errors") or ()}
    for t in sorted(after - before):
        yield Finding("compatible", "error-added", at + "/errors", f"{what} declares error '{t}'")
    for t in sorted(before - after):
        yield Finding(
            "compatible", "error-removed", at + "/errors", f"{what} no longer declares error '{t}'"
        )


def _signals(
    what: str, at: str, a: Mapping[str, Any], b: Mapping[str, Any], old: Manifest, new: Manifest
) -> Iterator[Finding]:
    before, after = a.get("signals") or {}, b.get("signals") or {}
    for name in sorted(before.keys() - after.keys()):
        yield Finding(
            "breaking",
            "signal-removed",
            f"{at}{pointer('signals', name)}",
            f"{what} signal '{name}' removed",
        )
    for name in sorted(after.keys() - before.keys()):
        yield Finding(
            "compatible",
            "signal-added",
            f"{at}{pointer('signals', name)}",
            f"{what} signal '{name}' added",
        )
    for name in sorted(before.keys() & after.keys()):
        sig_at = f"{at}{pointer('signals', name)}"
        yield from _schema_field(
            f"{what} signal '{name}'",
            sig_at + "/input",
            "input",
            before[name].get("input"),
            after[name].get("input"),
            old,
            new,
        )
        if not same(before[name].get("docs", MISSING), after[name].get("docs", MISSING)):
            yield Finding(
                "metadata-only", "docs", sig_at + "/docs", f"{what} signal '{name}' docs changed"
            )


# --- everything else --------------------------------------------------------------------------


def _keyed_changes(
    section_ptr: str, label: str, before: Mapping[str, Any], after: Mapping[str, Any], rule: str
) -> Iterator[Finding]:
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            verb = "removed"
        elif key not in before:
            verb = "added"
        elif not same(before[key], after[key]):
            verb = "changed"
        else:
            continue
        yield Finding(
            "compatible", f"{rule}-{verb}", section_ptr + pointer(key), f"{label} '{key}' {verb}"
        )


def _capability_metadata(old: Manifest, new: Manifest) -> Iterator[Finding]:
    """Capability metadata changes the digest and what users approve, not the wire."""
    yield from _keyed_changes(
        "/capabilities",
        "capability",
        old.get("capabilities") or {},
        new.get("capabilities") or {},
        "capability-metadata",
    )


def _free_section(section: str, old: Manifest, new: Manifest) -> Iterator[Finding]:
    before, after = old.get(section) or {}, new.get(section) or {}
    if section == "uses":
        for group in ("required", "optional"):
            yield from _keyed_changes(
                f"/uses/{group}",
                f"{group} dependency",
                before.get(group) or {},
                after.get(group) or {},
                "uses",
            )
        return
    if section == "exports":
        if not same(before, after):
            yield Finding("metadata-only", "exports", "/exports", "exports changed")
        return
    yield from _keyed_changes(f"/{section}", section, before, after, section)


def _resources(old: Manifest, new: Manifest) -> Iterator[Finding]:
    """Added or removed resources change what an operator must provision."""
    before, after = old.get("resources") or {}, new.get("resources") or {}
    for kind in sorted(before.keys() | after.keys()):
        for f in _keyed_changes(
            f"/resources/{kind}",
            f"{kind} resource",
            before.get(kind) or {},
            after.get(kind) or {},
            "resource",
        ):
            note = {
                "resource-added": " (must be provisioned)",
                "resource-removed": " (no longer needed)",
            }
            yield Finding(f.severity, f.rule, f.pointer, f.message + note.get(f.rule, ""))
