"""Subject templates: render them from payloads, escape values into tokens, build wildcards.

A template token ``{/a/b}`` is an RFC 6901 pointer into the payload. Any string, number or
boolean value becomes one NATS token, escaped the way the reference runtime escapes it: NUL,
whitespace (JavaScript's ``\\s``), ``.``, ``*``, ``>`` and ``~`` become ``~HEX~`` (the code point
in upper-case hex), and an empty token or one starting with ``$`` gets a ``_`` prefix. So every
runtime of a deployment puts the same value on the same subject.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .errors import ValidationError

_TOKEN = re.compile(r"\{([^}]+)\}")
# JavaScript's \s (with the u flag), plus NUL, '.', '*', '>' and '~'
_FORBIDDEN = re.compile(
    "[\x00\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff.*>~]"
)
_MISSING = object()


class EventSubjectError(ValidationError):
    """A payload (or a filter) cannot be rendered into its subject template."""


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at an RFC 6901 pointer, or ``_MISSING``."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        return _MISSING
    current = document
    for raw in pointer[1:].split("/"):
        segment = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, Mapping) and segment in current:
            current = current[segment]
        elif isinstance(current, list) and segment.isdigit() and int(segment) < len(current):
            current = current[int(segment)]
        else:
            return _MISSING
    return current


def escape_token(text: str) -> str:
    out = _FORBIDDEN.sub(lambda m: f"~{ord(m.group(0)):X}~", text)
    return f"_{out}" if not out or out.startswith("$") else out


def token_text(value: Any, pointer: str) -> str:
    """A payload value as JavaScript's template literal would print it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
    raise EventSubjectError.of(
        pointer,
        f"subject parameter must be a string, number or boolean, not {type(value).__name__}",
    )


def render_subject(template: str, payload: Any) -> str:
    """The concrete subject: every ``{pointer}`` replaced by the escaped payload value."""

    def replace(match: re.Match[str]) -> str:
        pointer = match.group(1)
        value = resolve_pointer(payload, pointer)
        if value is _MISSING or value is None:
            raise EventSubjectError.of(pointer, "Missing required data for subject template")
        return escape_token(token_text(value, pointer))

    return _TOKEN.sub(replace, template)


def template_pointers(template: str) -> list[str]:
    return _TOKEN.findall(template)


def filtered_wildcard(template: str, filter: Mapping[str, Any] | None = None) -> str:
    """The subscription subject: tokens ``*`` unless ``filter`` ({pointer: value}) fixes them."""
    fixed = {k: v for k, v in (filter or {}).items() if v is not None}
    unknown = set(fixed) - set(template_pointers(template))
    if unknown:
        raise EventSubjectError.of(
            "#", f"filter names pointers not in subject {template!r}: {', '.join(sorted(unknown))}"
        )

    def replace(match: re.Match[str]) -> str:
        pointer = match.group(1)
        if pointer not in fixed or fixed[pointer] == "*":
            return "*"
        return escape_token(token_text(fixed[pointer], pointer))

    return _TOKEN.sub(replace, template)


def subject_matches(pattern: str, subject: str) -> bool:
    """NATS subject matching: ``*`` matches one token, a trailing ``>`` one or more."""
    want = pattern.split(".")
    have = subject.split(".")
    for i, token in enumerate(want):
        if token == ">":
            return i == len(want) - 1 and len(have) > i
        if i >= len(have) or (token != "*" and token != have[i]):
            return False
    return len(want) == len(have)
