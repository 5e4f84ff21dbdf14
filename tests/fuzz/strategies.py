"""Hypothesis strategies: trellis.contract.v1 manifests valid by construction, and their mutants.

Every name and description is drawn from hostile text (quotes, triple quotes, backslashes, newlines,
Jinja delimiters, non-ASCII, U+2028) because each one ends up in generated code or docs. Map keys
stay free of line terminators (spec §1 forbids them); everything else is fair game. Validity comes
from construction, not filtering: refs name schemas that exist, event params point at tokenable
properties, subjects are distinct under wildcarding, event consumers name declared events.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

MAX_SAFE_INTEGER = 2**53 - 1
LINE_TERMINATORS = "\n\r\u2028\u2029"

# Fragments that break naive emitters: string delimiters, escapes, template syntax, keywords.
HOSTILE_FRAGMENTS = [
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\t",
    "\u2028",
    "\u2029",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "${x}",
    "%s",
    "\x00",
    "\x7f",
    "é",
    "日本語",
    "🦀",
    "\u200b",
    "class",
    "None",
    "import os",
    "__init__",
    "-",
    ".",
    " ",
]


def hostile_text(*, min_size: int = 1, forbid: str = "") -> st.SearchStrategy[str]:
    """Text mixing hostile fragments with arbitrary characters (non-empty unless min_size=0)."""
    fragments = [f for f in HOSTILE_FRAGMENTS if not any(c in f for c in forbid)]
    piece = st.one_of(
        st.sampled_from(fragments),
        st.text(  # Cs = lone surrogates: not well-formed Unicode, rejected by the spec
            st.characters(exclude_categories=["Cs"], exclude_characters=forbid),
            min_size=1,
            max_size=4,
        ),
    )
    text = st.lists(piece, min_size=1, max_size=4).map("".join)
    return st.one_of(st.just(""), text) if min_size == 0 else text


def hostile_key() -> st.SearchStrategy[str]:
    """Map key: hostile but without line terminators."""
    return hostile_text(forbid=LINE_TERMINATORS)


KNOWN_FIELDS = frozenset(
    "format id displayName description docs kind capabilities schemas exports uses state rpc "
    "operations events feeds errors jobs eventConsumers resources subjects".split()
)


def _property_name(*, forbid: str = "") -> st.SearchStrategy[str]:
    """A property name: hostile, but never `$ref` (the runtime rejects that key anywhere)."""
    return hostile_text(forbid=LINE_TERMINATORS + forbid).filter(lambda k: k != "$ref")


def _keys(n_min: int, n_max: int) -> st.SearchStrategy[list[str]]:
    return st.lists(hostile_key(), min_size=n_min, max_size=n_max, unique=True)


def _pointer_token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# --- JSON Schema values (embedded schemas) -------------------------------------------------------

_safe_ints = st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
# Integral floats print as integers in canonical JSON, so they share the integers' safe range
# (see test_canonical_float_roundtrip_gap in test_fuzz_core.py for what happens beyond it).
_safe_floats = st.floats(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER).filter(
    lambda f: not (f == 0.0 and str(f).startswith("-"))
)


def _plain_json() -> st.SearchStrategy[Any]:
    """JSON for `default`/`examples`: object keys never `type` or `$ref` (spec §2.3 walks them)."""
    scalar = st.one_of(st.none(), st.booleans(), _safe_ints, _safe_floats, hostile_text(min_size=0))
    key = hostile_text(min_size=0).filter(lambda k: k not in ("type", "$ref"))
    return st.recursive(
        scalar,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(key, inner, max_size=3)
        ),
        max_leaves=6,
    )


def _scalar_schema() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.fixed_dictionaries(
            {"type": st.just("string")},
            optional={
                "minLength": st.integers(0, 10),
                "description": hostile_text(),
                "format": st.sampled_from(["date-time", "uuid", "email"]),
            },
        ),
        st.fixed_dictionaries(
            {"type": st.sampled_from(["integer", "number"])},
            optional={"minimum": _safe_ints, "maximum": _safe_ints, "title": hostile_text()},
        ),
        st.fixed_dictionaries({"type": st.just("boolean")}, optional={"default": st.booleans()}),
        st.fixed_dictionaries({"type": st.just("null")}),
        st.fixed_dictionaries(
            {
                "type": st.just("string"),
                "enum": st.lists(hostile_text(), min_size=1, max_size=4, unique=True),
            }
        ),
        st.fixed_dictionaries(
            {"type": st.just(["string", "null"])},
            optional={"examples": st.lists(_plain_json(), max_size=2)},
        ),
        st.fixed_dictionaries({"const": hostile_text()}),
    )


def _schema(depth: int = 2) -> st.SearchStrategy[Any]:
    if depth == 0:
        return _scalar_schema()
    inner = _schema(depth - 1)
    return st.one_of(
        _scalar_schema(),
        _object_schema(inner),
        st.fixed_dictionaries({"type": st.just("array"), "items": inner}),
        st.fixed_dictionaries({"anyOf": st.lists(inner, min_size=1, max_size=3)}),
        st.booleans(),
    )


def _object_schema(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        names = draw(st.lists(_property_name(), max_size=4, unique=True))
        props = {n: draw(inner) for n in names}
        out: dict[str, Any] = {"type": "object", "properties": props}
        if names:
            out["required"] = draw(st.lists(st.sampled_from(names), unique=True))
        if draw(st.booleans()):
            out["additionalProperties"] = draw(st.booleans())
        if draw(st.booleans()):
            out["description"] = draw(hostile_text())
        return out

    return build()


def _event_payload(params: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """An object schema whose `params` properties are tokenable (string/number/integer/enum)."""
    tokenable = st.one_of(
        st.just({"type": "string"}),
        st.just({"type": "integer"}),
        st.just({"type": "number"}),
        st.lists(hostile_text(), min_size=1, max_size=3, unique=True).map(lambda e: {"enum": e}),
    )

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        props: dict[str, Any] = {p: draw(tokenable) for p in params}
        extra = draw(_object_schema(_scalar_schema()))
        for k, v in extra["properties"].items():
            props.setdefault(k, v)
        return {"type": "object", "properties": props, "required": list(params)}

    return build()


# --- Manifests -----------------------------------------------------------------------------------


def _docs() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({"markdown": hostile_text()}, optional={"summary": hostile_text()})


def _caps_list(caps: list[str]) -> st.SearchStrategy[list[str]]:
    pool = st.sampled_from(caps) if caps else hostile_text()
    return st.lists(st.one_of(pool, hostile_text()), max_size=3)


def _version() -> st.SearchStrategy[str]:
    return st.integers(1, 12).map(lambda n: f"v{n}")


def _subject_tail() -> st.SearchStrategy[str]:
    return hostile_text(forbid="{}")


# noqa below: one draw per optional manifest section, each behind its own branch; the branches
# share the drawn names and schemas, so splitting them would only pass that state around.
@st.composite
def valid_manifests(draw: st.DrawFn, *, max_surfaces: int = 3) -> dict[str, Any]:  # noqa: C901
    """A raw manifest the validator must accept, with every descriptor kind reachable."""
    kind = draw(st.sampled_from(["service", "app", "agent", "device"]))
    cid = draw(hostile_text())
    m: dict[str, Any] = {
        "format": "trellis.contract.v1",
        "id": cid,
        "displayName": draw(hostile_text()),
        "description": draw(hostile_text()),
        "kind": kind,
    }
    if draw(st.booleans()):
        m["docs"] = draw(_docs())

    cap_keys = draw(_keys(0, 3))
    if bool(cap_keys) or draw(st.booleans()):
        m["capabilities"] = {
            k: draw(
                st.fixed_dictionaries(
                    {"displayName": hostile_text(), "description": hostile_text()},
                    optional={"consequence": hostile_text()},
                )
            )
            for k in cap_keys
        }

    schema_names = draw(_keys(1, 5))
    schemas: dict[str, Any] = {n: draw(_schema()) for n in schema_names}
    ref = st.sampled_from(schema_names).map(lambda n: {"schema": n})
    n_max = max_surfaces
    subject_no = iter(range(10_000))

    def subject(prefix: str) -> str:
        return f"{prefix}.s{next(subject_no)}.{draw(_subject_tail())}"

    error_names = draw(_keys(0, 3))
    error_types = draw(
        st.lists(hostile_text(), min_size=len(error_names), max_size=len(error_names), unique=True)
    )
    if bool(error_names) or draw(st.booleans()):
        m["errors"] = {}
        for name, etype in zip(error_names, error_types, strict=True):
            e: dict[str, Any] = {"type": etype}
            if draw(st.booleans()):
                e["schema"] = draw(ref)
            m["errors"][name] = e

    rpc_names = draw(_keys(0, n_max))
    if rpc_names:
        m["rpc"] = {}
        for n in rpc_names:
            r: dict[str, Any] = {
                "version": draw(_version()),
                "subject": subject("rpc.v1"),
                "input": draw(ref),
                "output": draw(ref),
            }
            if draw(st.booleans()):
                r["capabilities"] = {"call": draw(_caps_list(cap_keys))}
            if bool(error_types) and draw(st.booleans()):
                r["errors"] = [
                    {"type": t} for t in draw(st.lists(st.sampled_from(error_types), max_size=3))
                ]
            if draw(st.booleans()):
                r["internal"] = draw(st.booleans())
            if draw(st.booleans()):
                r["transfer"] = {"direction": "receive"}
            if draw(st.booleans()):
                r["docs"] = draw(_docs())
            m["rpc"][n] = r

    store_aliases = draw(_keys(0, 2))
    op_names = draw(_keys(0, n_max))
    if op_names:
        m["operations"] = {}
        for n in op_names:
            o: dict[str, Any] = {
                "version": draw(_version()),
                "subject": subject("operations.v1"),
                "input": draw(ref),
                "output": draw(ref),
            }
            if draw(st.booleans()):
                o["progress"] = draw(ref)
            if draw(st.booleans()):
                o["capabilities"] = draw(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            k: _caps_list(cap_keys)
                            for k in ("call", "observe", "cancel", "control")
                        },
                    )
                )
            sig_names = draw(_keys(0, 2))
            if sig_names:
                o["signals"] = {s: {"input": draw(ref)} for s in sig_names}
            if draw(st.booleans()):
                o["cancel"] = draw(st.booleans())
            if bool(store_aliases) and draw(st.booleans()):
                o["transfer"] = {
                    "direction": "send",
                    "store": draw(st.sampled_from(store_aliases)),
                    "key": "/" + draw(hostile_key()),
                }
            if draw(st.booleans()):
                o["docs"] = draw(_docs())
            m["operations"][n] = o

    event_names = draw(_keys(0, n_max))
    if event_names:
        m["events"] = {}
        for n in event_names:
            # Template tokens end at the first brace, so parameter names carry none.
            params_keys = draw(st.lists(_property_name(forbid="{}"), max_size=2, unique=True))
            params = ["/" + _pointer_token(k) for k in params_keys]
            payload_name = f"event payload {len(schemas)}"
            while payload_name in schemas:
                payload_name += "'"
            schemas[payload_name] = draw(_event_payload(params_keys))
            ev: dict[str, Any] = {
                "version": draw(_version()),
                "subject": subject("events.v1") + "".join(f".{{{p}}}" for p in params),
                "event": {"schema": payload_name},
            }
            if params:
                ev["params"] = params
            if draw(st.booleans()):
                ev["capabilities"] = draw(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "publish": _caps_list(cap_keys),
                            "subscribe": _caps_list(cap_keys),
                        },
                    )
                )
            if draw(st.booleans()):
                ev["docs"] = draw(_docs())
            m["events"][n] = ev

    feed_names = draw(_keys(0, 2))
    if feed_names:
        m["feeds"] = {
            n: {
                "version": draw(_version()),
                "subject": subject("feeds.v1"),
                "input": draw(ref),
                "event": draw(ref),
                **(
                    {"capabilities": {"subscribe": draw(_caps_list(cap_keys))}}
                    if draw(st.booleans())
                    else {}
                ),
            }
            for n in feed_names
        }

    job_names = draw(_keys(0, 2))
    if job_names:
        m["jobs"] = {}
        for n in job_names:
            j: dict[str, Any] = {"payload": draw(ref)}
            if draw(st.booleans()):
                j["result"] = draw(ref)
            j.update(
                draw(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "maxDeliver": st.integers(1, MAX_SAFE_INTEGER),
                            "backoffMs": st.lists(st.integers(0, MAX_SAFE_INTEGER), max_size=3),
                            "ackWaitMs": st.integers(1, 10**9),
                            "concurrency": st.integers(1, 64),
                            "progress": st.booleans(),
                            "logs": st.booleans(),
                            "dlq": st.booleans(),
                            "docs": _docs(),
                        },
                    )
                )
            )
            m["jobs"][n] = j

    state_names = draw(_keys(0, 2))
    if state_names:
        m["state"] = {}
        for n in state_names:
            s: dict[str, Any] = {
                "kind": draw(st.sampled_from(["value", "map"])),
                "schema": draw(ref),
            }
            versions = draw(_keys(0, 2))
            if versions:
                s["acceptedVersions"] = {v: draw(ref) for v in versions}
            if draw(st.booleans()):
                s["stateVersion"] = draw(hostile_text())
            m["state"][n] = s

    kv_aliases = draw(_keys(0, 2))
    if kv_aliases or store_aliases:
        res: dict[str, Any] = {}
        if kv_aliases:
            res["kv"] = {
                a: {
                    "purpose": draw(hostile_text()),
                    "schema": draw(ref),
                    "required": True,
                    "history": 1,
                    "ttlMs": 0,
                }
                for a in kv_aliases
            }
        if store_aliases:
            res["store"] = {
                a: {"purpose": draw(hostile_text()), "required": False, "ttlMs": 0}
                for a in store_aliases
            }
        m["resources"] = res

    use_aliases = draw(_keys(0, 2))
    subscribed: dict[str, list[str]] = {}
    if use_aliases:
        required: dict[str, Any] = {}
        for a in use_aliases:
            subs = draw(st.lists(hostile_text(), max_size=2, unique=True))
            subscribed[a] = subs
            u: dict[str, Any] = {"contract": draw(hostile_text())}
            if draw(st.booleans()):
                u["rpc"] = {"call": draw(st.lists(hostile_text(), max_size=2))}
            if bool(subs) or draw(st.booleans()):
                u["events"] = {"subscribe": subs}
            required[a] = u
        m["uses"] = {"required": required}

    consumer_aliases = {a: s for a, s in subscribed.items() if s}
    if event_names or consumer_aliases:
        groups = draw(_keys(0, 2))
        if groups:
            m["eventConsumers"] = {}
            for g in groups:
                c: dict[str, Any] = {}
                if bool(consumer_aliases) and draw(st.booleans()):
                    a = draw(st.sampled_from(sorted(consumer_aliases)))
                    c["uses"] = {
                        a: draw(
                            st.lists(st.sampled_from(consumer_aliases[a]), min_size=1, max_size=2)
                        )
                    }
                if event_names and ("uses" not in c or draw(st.booleans())):
                    c["self"] = draw(st.lists(st.sampled_from(event_names), min_size=1, max_size=2))
                if "uses" not in c and "self" not in c:
                    continue
                if draw(st.booleans()):
                    c["replay"] = draw(st.sampled_from(["new", "all"]))
                m["eventConsumers"][g] = c

    m["schemas"] = schemas
    if draw(st.booleans()):
        m["exports"] = {"schemas": draw(st.lists(st.sampled_from(sorted(schemas)), unique=True))}
    if draw(st.booleans()):
        m[draw(hostile_key().filter(lambda k: k not in KNOWN_FIELDS))] = draw(_plain_json())
    return m


# --- Mutations: each one makes the manifest invalid, and names the rule that must say so --------


def _refs(m: dict[str, Any]) -> list[tuple[list[str], dict[str, Any]]]:
    """Every schema-ref object in the manifest, with its path."""
    out: list[tuple[list[str], dict[str, Any]]] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, dict):
            if set(node) == {"schema"} and isinstance(node["schema"], str):
                out.append((path, node))
                return
            for k, v in node.items():
                walk(v, [*path, k])

    for field in KNOWN_FIELDS - {"schemas"}:
        if field in m:
            walk(m[field], [field])
    return out


@st.composite
def invalid_manifests(draw: st.DrawFn) -> tuple[str, dict[str, Any], str]:
    """(mutation name, mutant, expected rule) from a valid manifest."""
    m = copy.deepcopy(draw(valid_manifests(max_surfaces=2)))
    choices = [
        "drop-required",
        "wrong-type",
        "bad-kind",
        "dollar-ref",
        "big-int",
        "negative-zero",
        "forbidden-subjects",
        "bad-version",
    ]
    refs = _refs(m)
    if refs:
        choices.append("dangling-ref")
    if m.get("events"):
        choices.append("bad-template")
    if m.get("rpc"):
        choices.append("rpc-missing-input")
    mutation = draw(st.sampled_from(choices))
    schema_names = sorted(m["schemas"])
    target = draw(st.sampled_from(schema_names))
    if mutation == "drop-required":
        del m[draw(st.sampled_from(["format", "id", "displayName", "description", "kind"]))]
        rule = "structure"
    elif mutation == "wrong-type":
        key = draw(st.sampled_from(["id", "displayName", "description", "schemas"]))
        m[key] = draw(st.one_of(st.integers(-5, 5), st.lists(st.none(), max_size=1), st.booleans()))
        rule = "structure"
    elif mutation == "bad-kind":
        m["kind"] = draw(
            hostile_text().filter(lambda k: k not in ("service", "app", "agent", "device"))
        )
        rule = "structure"
    elif mutation == "dollar-ref":
        m["schemas"][target] = {
            "type": "object",
            "properties": {
                "x": {
                    "$ref": draw(st.sampled_from(["#/$defs/X", "https://example.com/x.json", "#"]))
                }
            },
        }
        rule = "embedded-schema"
    elif mutation == "big-int":
        big = draw(
            st.one_of(
                st.integers(min_value=MAX_SAFE_INTEGER + 1),
                st.integers(max_value=-MAX_SAFE_INTEGER - 1),
            )
        )
        m["schemas"][target] = {"type": "integer", "maximum": big}
        rule = "pure-json"
    elif mutation == "negative-zero":
        m["schemas"][target] = {"type": "number", "minimum": -0.0}
        rule = "pure-json"
    elif mutation == "forbidden-subjects":
        m["subjects"] = {}
        rule = "forbidden-field"
    elif mutation == "bad-version":
        m.setdefault("rpc", {})["bad version rpc"] = {
            "version": draw(st.sampled_from(["1", "V1", "v", "v1.0", ""])),
            "subject": "rpc.bad.version",
            "input": {"schema": target},
            "output": {"schema": target},
        }
        rule = "structure"
    elif mutation == "dangling-ref":
        path, node = draw(st.sampled_from(refs))
        node["schema"] = draw(hostile_text().filter(lambda n: n not in m["schemas"]))
        rule = "schema-ref"
    elif mutation == "bad-template":
        name = draw(st.sampled_from(sorted(m["events"])))
        ev = m["events"][name]
        bad = draw(st.sampled_from(["{", "}", "{x}", "{/a{b}", "{}", "{/~2}"]))
        ev["subject"] = ev["subject"] + "." + bad
        rule = "event-template"
    else:  # rpc-missing-input
        name = draw(st.sampled_from(sorted(m["rpc"])))
        del m["rpc"][name]["input"]
        rule = "structure"
    return mutation, m, rule


def to_json_text(m: Any) -> str:
    """Pretty JSON text as a user would write it (non-ASCII kept)."""
    return json.dumps(m, indent=2, ensure_ascii=False)
