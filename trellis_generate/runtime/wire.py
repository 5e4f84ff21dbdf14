"""JSON bodies and payload validation shared by every surface.

Wire envelopes (all bodies are UTF-8 JSON):

* RPC reply: ``{"ok": <output>}`` or ``{"error": <serializable error>}``.
* Operation start reply: the accepted envelope ``{"kind": "accepted", "ref", "snapshot"}`` of
  design-operations §7a, or ``{"kind": "error", "error"}`` when the input is refused.
* Operation control replies: the frames of §7c (``snapshot``, ``event``, ``signal-accepted``,
  ``keepalive``, ``error``), one or a stream to the caller's inbox.
* Feed stream: ``{"kind": "event", "event"}`` frames, then ``{"kind": "end"}`` or
  ``{"kind": "error", "error"}``.
* Job hand-off reply: ``{"ok": {"id": <job id>}}`` once a worker has taken the job.

Payloads are serialized with ``exclude_none`` so unset optional fields are omitted rather than
sent as ``null`` (which a JSON Schema without ``null`` in its type would reject).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import PayloadValidationError

M = TypeVar("M", bound=BaseModel)


def encode(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def decode(data: bytes) -> Any:
    """Parse a body; a non-JSON body is a protocol violation reported as a validation error."""
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PayloadValidationError(f"body is not JSON: {exc}") from None


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def outgoing(model_cls: type[M], value: BaseModel, what: str) -> dict[str, Any]:
    """Check ``value`` is a valid ``model_cls`` before it leaves, and return its JSON form.

    Re-validating the dump catches instances built with ``model_construct`` or mutated after
    construction, which pydantic would otherwise send unchecked.
    """
    if not isinstance(value, model_cls):
        raise PayloadValidationError(
            f"invalid {what}: expected {model_cls.__name__}, got {type(value).__name__}"
        )
    body = dump(value)
    try:
        model_cls.model_validate(body)
    except ValidationError as exc:
        raise PayloadValidationError.from_pydantic(what, exc) from None
    return body


def incoming(model_cls: type[M], body: Any, what: str) -> M:
    """Validate a received JSON value into ``model_cls``."""
    try:
        return model_cls.model_validate(body)
    except ValidationError as exc:
        raise PayloadValidationError.from_pydantic(what, exc) from None
