"""Schema evolution rules (spec/compatibility.md, "Payload schemas"), keyword by keyword.

`compare_schemas(old, new, pointer)` lists every difference between two resolved Draft 2019-09
schemas with its class. A change is compatible only when a rule proves that every value the old
schema accepted is still accepted (or the spec says so: optional properties on open objects);
any keyword this module does not understand, when it changed, is breaking with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.canonical import canonical_json
from ..diagnostics import pointer as join_pointer
from .model import Finding, Severity

ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "examples",
        "default",
        "$comment",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$schema",
    }
)
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
NARROW_WHEN_ADDED = ("format", "pattern", "multipleOf")
OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties"})
MISSING = object()


def same(a: Any, b: Any) -> bool:
    """Equal after canonicalization (key order and number spelling do not matter)."""
    if a is MISSING or b is MISSING:
        return a is b
    return canonical_json(a) == canonical_json(b)


def _json(value: Any) -> str:
    return "absent" if value is MISSING else canonical_json(value)


class _Findings(list[Finding]):
    def add(self, severity: Severity, rule: str, pointer: str, message: str) -> None:
        self.append(Finding(severity, rule, pointer, message))


def compare_schemas(old: Any, new: Any, pointer: str) -> list[Finding]:
    """Every classified difference between `old` and `new` (schemas located at `pointer`)."""
    out = _Findings()
    _compare(old, new, pointer, out)
    return out


def _as_schema(value: Any) -> Any:
    return True if value == {} else value


def _compare(old: Any, new: Any, ptr: str, out: _Findings) -> None:
    old, new = _as_schema(old), _as_schema(new)
    if same(old, new):
        return
    if isinstance(old, bool) or isinstance(new, bool):
        if new is True or old is False:
            out.add("compatible", "schema-widened", ptr, f"schema widened to accept {_json(new)}")
        else:
            out.add("breaking", "schema-narrowed", ptr, f"schema {_json(old)} became {_json(new)}")
        return
    if not isinstance(old, dict) or not isinstance(new, dict):
        out.add("breaking", "schema-unprovable", ptr, "not a JSON Schema object or boolean")
        return
    for key in sorted(ANNOTATIONS & (old.keys() | new.keys())):
        if not same(old.get(key, MISSING), new.get(key, MISSING)):
            out.add(
                "metadata-only",
                "schema-annotation",
                join_pointer_at(ptr, key),
                f"annotation '{key}' changed",
            )
    _compare_type(old, new, ptr, out)
    _compare_values(old, new, ptr, out)
    for key in NARROW_WHEN_ADDED:
        _compare_narrow_when_added(key, old, new, ptr, out)
    for key in LOWER_BOUNDS:
        _compare_bound(key, old, new, ptr, out, lambda o, n: n <= o)
    for key in UPPER_BOUNDS:
        _compare_bound(key, old, new, ptr, out, lambda o, n: n >= o)
    if old.get("uniqueItems") is not True and new.get("uniqueItems") is True:
        out.add(
            "breaking",
            "schema-narrowed",
            join_pointer_at(ptr, "uniqueItems"),
            "items must now be unique",
        )
    if "items" in old or "items" in new:
        _compare(old.get("items", True), new.get("items", True), join_pointer_at(ptr, "items"), out)
    if OBJECT_KEYWORDS & (old.keys() | new.keys()):
        _compare_object(old, new, ptr, out)
    handled = (
        ANNOTATIONS
        | OBJECT_KEYWORDS
        | {"type", "enum", "const", "uniqueItems", "items"}
        | set(NARROW_WHEN_ADDED)
        | set(LOWER_BOUNDS)
        | set(UPPER_BOUNDS)
    )
    for key in sorted((old.keys() | new.keys()) - handled):
        if not same(old.get(key, MISSING), new.get(key, MISSING)):
            out.add(
                "breaking",
                "schema-unprovable",
                join_pointer_at(ptr, key),
                f"cannot prove the change of '{key}' compatible",
            )


def join_pointer_at(ptr: str, *tokens: str) -> str:
    return ptr + join_pointer(*tokens)


def _types(schema: dict[str, Any]) -> set[str] | None:
    t = schema.get("type", MISSING)
    if t is MISSING:
        return None
    return {t} if isinstance(t, str) else set(t)


def _compare_type(old: dict[str, Any], new: dict[str, Any], ptr: str, out: _Findings) -> None:
    before, after = _types(old), _types(new)
    if before == after:
        return
    at = join_pointer_at(ptr, "type")
    if after is None:
        out.add("compatible", "type-widened", at, "type constraint removed")
        return
    widened = after | ({"integer"} if "number" in after else set())
    if before is not None and before <= widened:
        out.add(
            "compatible",
            "type-widened",
            at,
            f"type widened from {sorted(before)} to {sorted(after)}",
        )
    else:
        was = "any" if before is None else str(sorted(before))
        out.add("breaking", "type-changed", at, f"type changed from {was} to {sorted(after)}")


def _allowed(schema: dict[str, Any]) -> list[Any] | None:
    """The closed value set of `enum`/`const`, None when unconstrained."""
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _compare_values(old: dict[str, Any], new: dict[str, Any], ptr: str, out: _Findings) -> None:
    if same(old.get("enum", MISSING), new.get("enum", MISSING)) and same(
        old.get("const", MISSING), new.get("const", MISSING)
    ):
        return
    at = join_pointer_at(ptr, "enum" if "enum" in new or "enum" in old else "const")
    before, after = _allowed(old), _allowed(new)
    if after is None:
        out.add("compatible", "enum-widened", at, "value restriction removed")
        return
    if before is None:
        out.add("breaking", "enum-narrowed", at, f"values restricted to {_json(after)}")
        return
    after_keys = {canonical_json(v) for v in after}
    before_keys = {canonical_json(v) for v in before}
    dropped = [canonical_json(v) for v in before if canonical_json(v) not in after_keys]
    added = [canonical_json(v) for v in after if canonical_json(v) not in before_keys]
    if dropped:
        out.add("breaking", "enum-narrowed", at, f"values no longer accepted: {', '.join(dropped)}")
    if added:
        out.add("compatible", "enum-widened", at, f"values added: {', '.join(added)}")


def _compare_narrow_when_added(
    key: str, old: dict[str, Any], new: dict[str, Any], ptr: str, out: _Findings
) -> None:
    before, after = old.get(key, MISSING), new.get(key, MISSING)
    if same(before, after):
        return
    at = join_pointer_at(ptr, key)
    if after is MISSING:
        out.add("compatible", f"{key}-removed", at, f"'{key}' {_json(before)} removed")
    else:
        out.add(
            "breaking",
            f"{key}-narrowed",
            at,
            f"'{key}' changed from {_json(before)} to {_json(after)}",
        )


def _compare_bound(
    key: str,
    old: dict[str, Any],
    new: dict[str, Any],
    ptr: str,
    out: _Findings,
    widens: Callable[[float, float], bool],
) -> None:
    before, after = old.get(key, MISSING), new.get(key, MISSING)
    if same(before, after):
        return
    at = join_pointer_at(ptr, key)
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after))
    if after is MISSING or (numbers and widens(before, after)):
        out.add(
            "compatible",
            "bound-widened",
            at,
            f"'{key}' relaxed from {_json(before)} to {_json(after)}",
        )
    else:
        out.add(
            "breaking",
            "bound-narrowed",
            at,
            f"'{key}' tightened from {_json(before)} to {_json(after)}",
        )


def _compare_object(old: dict[str, Any], new: dict[str, Any], ptr: str, out: _Findings) -> None:
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_req, new_req = old.get("required", []), new.get("required", [])
    if not all(isinstance(x, dict) for x in (old_props, new_props)) or not all(
        isinstance(x, list) for x in (old_req, new_req)
    ):
        out.add("breaking", "schema-unprovable", ptr, "malformed properties/required")
        return
    old_open = old.get("additionalProperties", True)
    new_open = new.get("additionalProperties", True)
    closed = old_open is False or new_open is False
    if not same(old_open, new_open):
        at = join_pointer_at(ptr, "additionalProperties")
        if new_open is False:
            out.add("breaking", "object-closed", at, "object no longer accepts unknown properties")
        elif old_open is False and new_open is True:
            out.add("compatible", "object-opened", at, "object now accepts unknown properties")
        else:
            _compare(old_open, new_open, at, out)
    for name in sorted(old_props.keys() | new_props.keys() | set(old_req) | set(new_req)):
        at = join_pointer_at(ptr, "properties", name)
        was_req, is_req = name in old_req, name in new_req
        had, has = name in old_props or was_req, name in new_props or is_req
        if had and has:
            _compare(old_props.get(name, True), new_props.get(name, True), at, out)
            if is_req and not was_req:
                out.add(
                    "breaking",
                    "property-required",
                    at,
                    f"optional property '{name}' is now required",
                )
            elif was_req and not is_req:
                out.add(
                    "compatible",
                    "property-optional",
                    at,
                    f"property '{name}' is no longer required",
                )
        elif had:
            if was_req:
                out.add("breaking", "property-removed", at, f"required property '{name}' removed")
            else:
                out.add("compatible", "property-removed", at, f"optional property '{name}' removed")
        elif is_req:
            out.add("breaking", "property-added", at, f"required property '{name}' added")
        elif closed:
            out.add(
                "breaking",
                "property-added",
                at,
                f"optional property '{name}' added to a closed object",
            )
        else:
            out.add("compatible", "property-added", at, f"optional property '{name}' added")
