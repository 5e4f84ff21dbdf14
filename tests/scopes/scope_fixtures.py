"""Small hand-written normalized manifests for the scope derivation tests."""

from __future__ import annotations

from typing import Any

from trellis_generate.core.subjects import template_pointers

SCHEMAS = {"Any": {"type": "object", "properties": {"id": {"type": "string"}}}}


def manifest(contract_id: str, kind: str = "service", **sections: Any) -> dict[str, Any]:
    """A minimal normalized manifest with the given sections."""
    return {
        "format": "trellis.contract.v1",
        "id": contract_id,
        "kind": kind,
        "displayName": contract_id,
        "description": f"The {contract_id} contract.",
        "schemas": SCHEMAS,
        **sections,
    }


def rpc(subject: str, call: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": "v1",
        "subject": subject,
        "input": {"schema": "Any"},
        "output": {"schema": "Any"},
        **extra,
    }
    if call is not None:
        out["capabilities"] = {"call": call}
    return out


def operation(
    subject: str, capabilities: dict[str, list[str]] | None = None, **extra: Any
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": "v1",
        "subject": subject,
        "input": {"schema": "Any"},
        "output": {"schema": "Any"},
        **extra,
    }
    if capabilities is not None:
        out["capabilities"] = capabilities
    return out


def event(subject: str, capabilities: dict[str, list[str]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"version": "v1", "subject": subject, "event": {"schema": "Any"}}
    if params := template_pointers(subject):
        out["params"] = params
    if capabilities is not None:
        out["capabilities"] = capabilities
    return out


def feed(subject: str, subscribe: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": "v1",
        "subject": subject,
        "input": {"schema": "Any"},
        "event": {"schema": "Any"},
    }
    if subscribe is not None:
        out["capabilities"] = {"subscribe": subscribe}
    return out


def capability(name: str, consequence: str | None = None) -> dict[str, str]:
    out = {"displayName": name, "description": f"Allows {name}."}
    if consequence:
        out["consequence"] = consequence
    return out
