"""The ``header`` of Trellis events (``{id, time}``), which every runtime adds when publishing.

Receivers validate an event against its schema, so the schema must admit the header: an open
object does, a closed one (``additionalProperties: false``) only if it declares it. The reference
authors write it into event schemas by hand (and the platform's own contracts have open event
schemas without it). Our ``Event(...)`` adds it to a closed payload that lacks it
(``needs_header``), and generated event models always expose it typed (``views.api``).
"""

from __future__ import annotations

from typing import Any

HEADER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "time": {"type": "string", "format": "date-time"}},
    "required": ["id", "time"],
}


def declares_header(schema: Any) -> bool:
    """Whether an event schema already has a ``header`` property (directly or in an allOf)."""
    if not isinstance(schema, dict):
        return False
    props = schema.get("properties")
    if isinstance(props, dict) and "header" in props:
        return True
    return any(declares_header(branch) for branch in schema.get("allOf") or [])


def needs_header(schema: Any) -> bool:
    """Whether an event schema would refuse the header the runtime adds."""
    if not isinstance(schema, dict) or declares_header(schema):
        return False
    return (
        schema.get("additionalProperties") is False or schema.get("unevaluatedProperties") is False
    )


def schema_refs(manifest: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Every ``{"schema": name}`` reference outside ``schemas``, with the path that holds it."""
    found: list[tuple[tuple[str, ...], str]] = []
    if isinstance(manifest, dict):
        if isinstance(manifest.get("schema"), str) and path:
            found.append((path, manifest["schema"]))
        for key, value in manifest.items():
            if not (path == () and key == "schemas"):
                found += schema_refs(value, (*path, str(key)))
    elif isinstance(manifest, list):
        for index, value in enumerate(manifest):
            found += schema_refs(value, (*path, str(index)))
    return found


def event_only_schemas(manifest: Any) -> set[str]:
    """Schemas referenced as event payloads and nowhere else (exports excluded)."""
    as_event: set[str] = set()
    elsewhere: set[str] = set()
    for path, name in schema_refs(manifest):
        is_event = len(path) == 3 and path[0] == "events" and path[2] == "event"
        (as_event if is_event else elsewhere).add(name)
    return as_event - elsewhere


def with_header(schema: Any) -> dict[str, Any]:
    """The event schema: ``schema`` plus a required ``header`` property.

    An object schema gets the property merged in, which keeps it valid under
    ``additionalProperties: false``; any other schema is combined with ``allOf``.
    """
    if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
        required = [r for r in schema.get("required") or [] if r != "header"]
        return {
            **schema,
            "properties": {"header": HEADER_SCHEMA, **schema["properties"]},
            "required": ["header", *required],
        }
    fragment = {"type": "object", "properties": {"header": HEADER_SCHEMA}, "required": ["header"]}
    return {"allOf": [fragment, schema]}


def event_schema_name(event: str) -> str:
    """``Billing.Invoice.Paid`` -> ``BillingInvoicePaidEvent`` (the reference's naming)."""
    return "".join(part[:1].upper() + part[1:] for part in event.split(".")) + "Event"
