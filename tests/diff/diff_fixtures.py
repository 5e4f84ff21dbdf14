"""A small valid service manifest that the diff tests mutate one rule at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from trellis_generate.contract import LoadedContract, Origin
from trellis_generate.pipeline import contract_from_manifest

BASE: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "acme.users@v1",
    "kind": "service",
    "displayName": "Users",
    "description": "Manages users.",
    "capabilities": {
        "acme.users::read": {"displayName": "Read users", "description": "See user records."},
        "acme.users::admin": {
            "displayName": "Administer users",
            "description": "Change users.",
            "consequence": "Can lock people out.",
        },
    },
    "schemas": {
        "GetInput": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "verbose": {"type": "boolean"}},
            "required": ["id"],
        },
        "User": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "status": {"type": "string", "enum": ["active", "locked"]},
            },
            "required": ["id"],
            "additionalProperties": False,
        },
        "Changed": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "org": {"type": "string"}},
            "required": ["id", "org"],
        },
        "Progress": {"type": "object", "properties": {"done": {"type": "integer"}}},
    },
    "rpc": {
        "Users.Get": {
            "version": "v1",
            "subject": "rpc.v1.Users.Get",
            "input": {"schema": "GetInput"},
            "output": {"schema": "User"},
            "capabilities": {"call": ["acme.users::read"]},
            "errors": [{"type": "NotFound"}],
        },
        "Users.Ping": {
            "version": "v1",
            "subject": "rpc.v1.Users.Ping",
            "input": {"schema": "GetInput"},
            "output": {"schema": "GetInput"},
        },
    },
    "operations": {
        "Users.Import": {
            "version": "v1",
            "subject": "operations.v1.Users.Import",
            "input": {"schema": "GetInput"},
            "progress": {"schema": "Progress"},
            "output": {"schema": "User"},
            "capabilities": {"call": ["acme.users::admin"], "cancel": ["acme.users::admin"]},
            "cancel": True,
        }
    },
    "events": {
        "Users.Changed": {
            "version": "v1",
            "subject": "events.v1.Users.Changed.{/id}",
            "params": ["/id"],
            "event": {"schema": "Changed"},
            "capabilities": {"subscribe": ["acme.users::read"]},
        }
    },
    "resources": {"kv": {"cache": {"purpose": "User cache", "schema": {"schema": "User"}}}},
}


def changed(edit: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """A deep copy of BASE after `edit` mutated it."""
    raw = copy.deepcopy(BASE)
    edit(raw)
    return raw


def loaded(raw: dict[str, Any], path: str = "<test>") -> LoadedContract:
    return contract_from_manifest(raw, Origin(path, "json"))
