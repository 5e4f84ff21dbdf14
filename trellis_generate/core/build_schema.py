"""Source of our structural `trellis.contract.v1` meta-schema (Draft 2019-09).

Written from spec §2 and enforcing the union of the TS and Rust structural rules (spec §3
"Recommended generator validation"): non-empty map keys without line terminators, non-empty docs
strings, `eventConsumers.*.self` non-empty, no unknown keys under `resources`. Unknown fields
elsewhere are allowed (normalization drops them). `python -m trellis_generate.core.build_schema`
regenerates the shipped JSON file; a test keeps the two in sync.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("trellis.contract.v1.schema.json")

Schema = dict[str, Any]


def _str(min_length: int = 1) -> Schema:
    return {"type": "string", "minLength": min_length}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _map(values: Schema) -> Schema:
    return {"type": "object", "propertyNames": _ref("key"), "additionalProperties": values}


def _list(items: Schema, **extra: Any) -> Schema:
    return {"type": "array", "items": items, **extra}


def _obj(props: Schema, required: tuple[str, ...] = (), closed: bool = False) -> Schema:
    out: Schema = {"type": "object", "properties": props}
    if required:
        out["required"] = list(required)
    if closed:
        out["additionalProperties"] = False
    return out


def _names() -> Schema:
    return _list(_str())


def _int(minimum: int) -> Schema:
    return {"type": "integer", "minimum": minimum}


def build() -> Schema:
    docs = {"docs": _ref("docs")}
    defs: Schema = {
        "key": {"type": "string", "minLength": 1, "pattern": "^[^\\n\\r\\u2028\\u2029]*$"},
        "version": {"type": "string", "pattern": "^v[0-9]+$"},
        "pointer": {"type": "string", "pattern": "^/"},
        "schemaRef": _obj({"schema": _str()}, ("schema",)),
        "docs": _obj({"summary": _str(), "markdown": _str()}, ("markdown",)),
        "capability": _obj(
            {"displayName": _str(), "description": _str(), "consequence": _str()},
            ("displayName", "description"),
        ),
        "use": _obj(
            {
                "contract": _str(),
                "rpc": _obj({"call": _names()}),
                "operations": _obj({"call": _names()}),
                "events": _obj({"publish": _names(), "subscribe": _names()}),
                "feeds": _obj({"subscribe": _names()}),
            },
            ("contract",),
        ),
        "state": _obj(
            {
                "kind": {"enum": ["value", "map"]},
                "schema": _ref("schemaRef"),
                "stateVersion": _str(),
                "acceptedVersions": _map(_ref("schemaRef")),
                **docs,
            },
            ("kind", "schema"),
        ),
        "rpc": _obj(
            {
                "version": _ref("version"),
                "subject": _str(),
                "input": _ref("schemaRef"),
                "output": _ref("schemaRef"),
                "capabilities": _obj({"call": _names()}),
                "errors": _list(_obj({"type": _str()}, ("type",))),
                "transfer": _obj({"direction": {"const": "receive"}}, ("direction",)),
                "internal": {"type": "boolean"},
                **docs,
            },
            ("version", "subject", "input", "output"),
        ),
        "operation": _obj(
            {
                "version": _ref("version"),
                "subject": _str(),
                "input": _ref("schemaRef"),
                "progress": _ref("schemaRef"),
                "output": _ref("schemaRef"),
                "transfer": _obj(
                    {
                        "direction": {"const": "send"},
                        "store": _str(),
                        "key": _ref("pointer"),
                        "contentType": _ref("pointer"),
                        "metadata": _ref("pointer"),
                        "expiresInMs": _int(1),
                        "maxBytes": _int(1),
                    },
                    ("direction", "store", "key"),
                ),
                "capabilities": _obj(
                    {"call": _names(), "observe": _names(), "cancel": _names(), "control": _names()}
                ),
                "signals": _map(_obj({"input": _ref("schemaRef"), **docs}, ("input",))),
                "cancel": {"type": "boolean"},
                **docs,
            },
            ("version", "subject", "input", "output"),
        ),
        "event": _obj(
            {
                "version": _ref("version"),
                "subject": _str(),
                "params": _list(_ref("pointer")),
                "event": _ref("schemaRef"),
                "capabilities": _obj({"publish": _names(), "subscribe": _names()}),
                **docs,
            },
            ("version", "subject", "event"),
        ),
        "feed": _obj(
            {
                "version": _ref("version"),
                "subject": _str(),
                "input": _ref("schemaRef"),
                "event": _ref("schemaRef"),
                "capabilities": _obj({"subscribe": _names()}),
                **docs,
            },
            ("version", "subject", "input", "event"),
        ),
        "job": _obj(
            {
                "payload": _ref("schemaRef"),
                "result": _ref("schemaRef"),
                "maxDeliver": _int(1),
                "backoffMs": _list(_int(0)),
                "ackWaitMs": _int(1),
                "defaultDeadlineMs": _int(1),
                "progress": {"type": "boolean"},
                "logs": {"type": "boolean"},
                "dlq": {"type": "boolean"},
                "concurrency": _int(1),
                **docs,
            },
            ("payload",),
        ),
        "eventConsumer": _obj(
            {
                "uses": _map(_list(_str(), minItems=1)),
                "self": _list(_str(), minItems=1),
                "replay": {"enum": ["new", "all"]},
                "ordering": {"const": "strict"},
                "concurrency": _int(1),
                "ackWaitMs": _int(1),
                "maxDeliver": _int(1),
                "backoffMs": _list(_int(0)),
                **docs,
            }
        ),
        "kv": _obj(
            {
                "purpose": _str(),
                "schema": _ref("schemaRef"),
                "required": {"type": "boolean"},
                "history": _int(1),
                "ttlMs": _int(0),
                "maxValueBytes": _int(1),
                **docs,
            },
            ("purpose", "schema"),
        ),
        "store": _obj(
            {
                "purpose": _str(),
                "required": {"type": "boolean"},
                "ttlMs": _int(0),
                "maxObjectBytes": _int(1),
                "maxTotalBytes": _int(1),
                **docs,
            },
            ("purpose",),
        ),
        "error": _obj({"type": _str(), "schema": _ref("schemaRef")}, ("type",)),
    }
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": "https://trellis-generate.dev/schemas/trellis.contract.v1.schema.json",
        "title": "trellis.contract.v1 (structural rules, trellis-generate)",
        "type": "object",
        "required": ["format", "id", "displayName", "description", "kind"],
        "properties": {
            "format": {"const": "trellis.contract.v1"},
            "id": _str(),
            "displayName": _str(),
            "description": _str(),
            "docs": _ref("docs"),
            "kind": {"enum": ["service", "app", "device", "agent"]},
            "capabilities": _map(_ref("capability")),
            "schemas": _map({}),  # value rules (object or boolean, no $ref) are semantic
            "exports": _obj({"schemas": _list(_str(), uniqueItems=True)}),
            "uses": _obj({"required": _map(_ref("use")), "optional": _map(_ref("use"))}),
            "state": _map(_ref("state")),
            "rpc": _map(_ref("rpc")),
            "operations": _map(_ref("operation")),
            "events": _map(_ref("event")),
            "feeds": _map(_ref("feed")),
            "jobs": _map(_ref("job")),
            "eventConsumers": _map(_ref("eventConsumer")),
            "resources": _obj({"kv": _map(_ref("kv")), "store": _map(_ref("store"))}, closed=True),
            "errors": _map(_ref("error")),
        },
        "$defs": defs,
    }


def render() -> str:
    return json.dumps(build(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
