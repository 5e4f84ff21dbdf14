"""Event subjects: render templates from payloads, build filtered wildcards, match NATS subjects.

A template token ``{/a/b}`` is an RFC 6901 pointer into the event payload. Rendered values become
single NATS tokens, so they must be strings or numbers free of ``.``, ``*``, ``>`` and whitespace.
The runtime keeps its own copy of these few lines so generated SDKs never import generator code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .errors import EventSubjectError

_TOKEN = re.compile(r"\{([^{}]+)\}")
_FORBIDDEN = re.compile(r"[.*>\s]")


def resolve_pointer(document: Any, pointer: str) -> Any:
    """Resolve an RFC 6901 JSON pointer; raises ``KeyError`` when it does not resolve."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    current = document
    for raw in pointer[1:].split("/"):
        segment = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, Mapping) and segment in current:
            current = current[segment]
        elif isinstance(current, list) and segment.isdigit() and int(segment) < len(current):
            current = current[int(segment)]
        else:
            raise KeyError(pointer)
    return current


def subject_token(value: Any, pointer: str) -> str:
    """One subject token from a payload value, or a clear error saying why it can't be one."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise EventSubjectError(
            f"subject parameter {pointer} must be a string or number, got {type(value).__name__}"
        )
    token = value if isinstance(value, str) else json.dumps(value)
    if not token or _FORBIDDEN.search(token):
        raise EventSubjectError(
            f"subject parameter {pointer} = {token!r} is not a valid subject token "
            "(empty, or contains '.', '*', '>' or whitespace)"
        )
    return token


def render_subject(template: str, payload: Mapping[str, Any]) -> str:
    """The concrete subject of one event: every ``{pointer}`` replaced by the payload's value."""

    def replace(match: re.Match[str]) -> str:
        pointer = match.group(1)
        try:
            value = resolve_pointer(payload, pointer)
        except KeyError:
            raise EventSubjectError(
                f"subject parameter {pointer} is missing from the event"
            ) from None
        return subject_token(value, pointer)

    return _TOKEN.sub(replace, template)


def filtered_wildcard(template: str, filter: Mapping[str, Any] | None = None) -> str:
    """The subscription subject: tokens become ``*`` unless ``filter`` fixes their pointer."""
    fixed = dict(filter or {})
    unknown = set(fixed) - set(_TOKEN.findall(template))
    if unknown:
        raise EventSubjectError(
            f"filter names pointers not in subject {template!r}: {', '.join(sorted(unknown))}"
        )

    def replace(match: re.Match[str]) -> str:
        pointer = match.group(1)
        return subject_token(fixed[pointer], pointer) if pointer in fixed else "*"

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
