"""Rules about the JSON Schemas embedded in a manifest (spec §2.3, §2.9).

Embedded schemas must be self-contained (no `$ref`; cross-schema links are Trellis schema refs) and
event subject parameters must resolve to values that can be a subject token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .subjects import pointer_segments

JSON_TYPES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})
_TOKEN_TYPES = frozenset({"string", "number", "integer"})


def embedded_schema_problems(name: str, value: Any) -> Iterator[tuple[str, str]]:
    """(pointer tail under /schemas/<name>, message) for each problem, with the runtime's texts."""
    base = f"schemas.{name}"
    if not isinstance(value, dict | bool):
        yield "", f"{base}: embedded schema must be a JSON object or boolean"
        return
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend((v, f"{path}/{i}") for i, v in reversed(list(enumerate(node))))
            continue
        if not isinstance(node, dict):
            continue
        ctx = base + path
        if "$ref" in node:
            ref = node["$ref"]
            if isinstance(ref, str) and not ref.startswith("#"):
                yield path + "/$ref", f"{ctx}: remote $ref is not supported"
            else:
                yield path + "/$ref", f"{ctx}: $ref is not supported in embedded schemas"
        t = node.get("type")
        if isinstance(t, str) and t not in JSON_TYPES:
            yield path + "/type", f"{ctx}/type: unknown JSON Schema type '{t}'"
        elif isinstance(t, list) and not all(isinstance(x, str) and x in JSON_TYPES for x in t):
            yield path + "/type", f"{ctx}/type: type array contains an unknown JSON Schema type"
        stack.extend((v, f"{path}/{k}") for k, v in reversed(list(node.items())))


def _collect(schema: Any, segs: list[str]) -> tuple[bool, list[Any]]:
    """Schemas a pointer can land on, following properties/allOf/anyOf/oneOf (runtime algorithm)."""
    if not segs:
        return True, [schema]
    if not isinstance(schema, dict):
        return False, []
    found = False
    res: list[Any] = []
    props = schema.get("properties")
    if isinstance(props, dict) and segs[0] in props:
        f, s = _collect(props[segs[0]], segs[1:])
        found |= f
        res += s
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        for branch in all_of:
            f, s = _collect(branch, segs)
            found |= f
            res += s
    for key in ("anyOf", "oneOf"):
        variants = schema.get(key)
        if isinstance(variants, list) and variants:
            part: list[Any] = []
            every = True
            for v in variants:
                f, s = _collect(v, segs)
                if not f:
                    every = False
                    break
                part += s
            if every:
                found = True
            res += part
    return found, res


def _is_scalar(x: Any) -> bool:
    return isinstance(x, str) or (isinstance(x, int | float) and not isinstance(x, bool))


def tokenable(schema: Any) -> bool:
    """Whether every value valid against `schema` is a string or number (allOf decides first)."""
    if not isinstance(schema, dict):
        return False
    for key in ("allOf", "anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and branches:
            return all(tokenable(b) for b in branches)
    if _is_scalar(schema.get("const")):
        return True
    enum = schema.get("enum")
    if isinstance(enum, list):
        return len(enum) > 0 and all(_is_scalar(e) for e in enum)
    t = schema.get("type")
    if isinstance(t, str):
        return t in _TOKEN_TYPES
    if isinstance(t, list):
        return all(x in _TOKEN_TYPES for x in t)
    return False


def pointer_resolves(schema: Any, pointer: str) -> bool:
    """Whether `pointer` can land on a subschema of `schema` (properties/allOf/anyOf/oneOf)."""
    return _collect(schema, pointer_segments(pointer))[0]


def event_param_problem(payload_schema: Any, param: str) -> str | None:
    found, schemas = _collect(payload_schema, pointer_segments(param))
    if not found:
        return "path not found in schema"
    if not all(tokenable(s) for s in schemas):
        return "must resolve to string/number schema"
    return None
