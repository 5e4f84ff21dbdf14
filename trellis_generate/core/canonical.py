"""RFC 8785 canonical JSON and the digest encoding.

`rfc8785` does the canonicalization. The checks here exist because the reference runtime (TS) and
`rfc8785` disagree at the edges (spec §8): TS rejects -0, rfc8785 prints it as 0; both must never
see integers outside ±(2^53-1). We reject those cases with a pointer instead of digesting something
the runtime would compute differently.
"""

from __future__ import annotations

import base64
import hashlib
import math
from typing import Any

import rfc8785

MAX_SAFE_INTEGER = 2**53 - 1


class CanonicalError(ValueError):
    """A value that has no single canonical form across the Trellis runtimes."""

    def __init__(self, pointer: str, message: str) -> None:
        self.pointer = pointer
        self.reason = message
        super().__init__(f"{pointer or '/'}: {message}")


def _token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")  # strict UTF-8 refuses surrogates, at C speed
    except UnicodeEncodeError:
        return True
    return False


def check_pure_json(value: Any, pointer: str = "") -> None:
    """Raise CanonicalError at the first value the runtimes would not agree on."""
    stack: list[tuple[Any, str]] = [(value, pointer)]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, bool) or node is None:
            continue
        if isinstance(node, str):
            if _has_lone_surrogate(node):
                raise CanonicalError(
                    ptr, "string contains a lone surrogate (not well-formed Unicode)"
                )
        elif isinstance(node, int):
            if abs(node) > MAX_SAFE_INTEGER:
                raise CanonicalError(ptr, f"integer {node} is outside ±(2^53-1)")
        elif isinstance(node, float):
            if not math.isfinite(node):
                raise CanonicalError(ptr, "non-finite number is not JSON")
            if node.is_integer() and MAX_SAFE_INTEGER < abs(node) < 1e21:
                # ECMAScript prints these as integer digits, which then read back as an
                # integer outside the safe range: the manifest would not survive a round trip.
                raise CanonicalError(ptr, f"number {node!r} is outside ±(2^53-1)")
            if node == 0.0 and math.copysign(1.0, node) < 0:
                raise CanonicalError(
                    ptr, "negative zero is not allowed (Contract must be a pure JSON value)"
                )
        elif isinstance(node, dict):
            for k, v in node.items():
                if not isinstance(k, str):
                    raise CanonicalError(ptr, f"object key {k!r} is not a string")
                if _has_lone_surrogate(k):
                    raise CanonicalError(ptr, "object key contains a lone surrogate")
                stack.append((v, f"{ptr}/{_token(k)}"))
        elif isinstance(node, list | tuple):
            stack.extend((v, f"{ptr}/{i}") for i, v in enumerate(node))
        else:
            raise CanonicalError(ptr, f"{type(node).__name__} is not a JSON value")


def canonical_json(value: Any, *, checked: bool = False) -> str:
    """RFC 8785 text of `value`; raises CanonicalError for values without a safe canonical form.

    `checked=True` skips the walk for values derived from an already checked manifest.
    """
    if not checked:
        check_pure_json(value)
    return rfc8785.dumps(value).decode("utf-8")


def sha256_b64url(data: bytes) -> str:
    """SHA-256, base64url without padding: always 43 characters."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def digest_json(value: Any, *, checked: bool = False) -> str:
    return sha256_b64url(canonical_json(value, checked=checked).encode("utf-8"))
