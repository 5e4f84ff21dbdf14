"""Byte-level encodings the Trellis protocol fixes: base64url without padding, compact JSON,
SHA-256, ULID ids and JavaScript-style ISO timestamps.

These mirror what the reference runtime produces (``JSON.stringify``, ``toISOString``,
``ulid()``) so that bodies, ids and times look the same on the wire whichever runtime wrote
them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import time
from datetime import UTC, datetime
from typing import Any

from pydantic_core import from_json

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# every pair of Crockford digits, by the 10 bits they spell: a ULID is 13 lookups, not 26
_DIGIT_PAIRS = [a + b for a in _CROCKFORD for b in _CROCKFORD]
_PAIR_SHIFTS = range(120, -1, -10)
_TO_URLSAFE = bytes.maketrans(b"+/", b"-_")
# one encoder for every body: json.dumps with options builds a new one per call
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def b64url_encode(data: bytes) -> str:
    """Unpadded base64url (what ``base64.urlsafe_b64encode`` gives, minus the ``=``)."""
    return binascii.b2a_base64(data, newline=False).translate(_TO_URLSAFE).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding; raises ``ValueError`` on bad input."""
    if not isinstance(text, str) or "+" in text or "/" in text:
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not base64url: {exc}") from None


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON, as ``JSON.stringify`` writes it."""
    return _JSON.encode(value).encode()


def decode_json(data: bytes) -> Any:
    """Parse a body; raises ``ValueError`` for anything that is not UTF-8 JSON.

    pydantic-core's parser reads a body in a sixth of ``json.loads``'s time and agrees with it
    on every document it accepts; what it refuses (lone surrogates, a byte order mark, deep
    nesting, and everything malformed) goes to ``json.loads``, which decides as it always did.
    """
    try:
        return from_json(data)
    except ValueError:
        pass
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"body is not JSON: {exc}") from None


def ulid(now_ms: int | None = None) -> str:
    """A 26-character ULID: 48 bits of milliseconds, then 80 random bits, Crockford base32."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    value = (ms << 80) | int.from_bytes(os.urandom(10), "big")
    return "".join([_DIGIT_PAIRS[(value >> shift) & 1023] for shift in _PAIR_SHIFTS])


def iso_now() -> str:
    """The current UTC time as ``Date.prototype.toISOString`` formats it (milliseconds, ``Z``)."""
    return iso_format(datetime.now(UTC))


def iso_format(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
