"""Byte-level encodings the Trellis protocol fixes: base64url without padding, compact JSON,
SHA-256, ULID ids and JavaScript-style ISO timestamps.

These mirror what the reference runtime produces (``JSON.stringify``, ``toISOString``,
``ulid()``) so that bodies, ids and times look the same on the wire whichever runtime wrote
them.
"""

from __future__ import annotations

import binascii
import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from pydantic_core import from_json

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# every pair of Crockford digits, by the 10 bits they spell: a ULID is 13 lookups, not 26
_DIGIT_PAIRS = [a + b for a in _CROCKFORD for b in _CROCKFORD]
_TO_URLSAFE = bytes.maketrans(b"+/", b"-_")
_FROM_URLSAFE = bytes.maketrans(b"-_", b"+/")
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
        raw = text.encode("ascii").translate(_FROM_URLSAFE)
        return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4))  # as urlsafe_b64decode does
    except ValueError as exc:  # non-ASCII text, or bad padding
        raise ValueError(f"not base64url: {exc}") from None


def sha256(data: bytes) -> bytes:
    if len(data) <= _SMALL:
        return _small_sha256(data).digest()
    return hashlib.sha256(data).digest()


# Every request hashes its body and its proof input, a few dozen to a few hundred bytes, on both
# sides. Through OpenSSL each such hash cost about 4 µs in a busy process (setting up its digest
# context, more than hashing the bytes); CPython's own SHA-256 took half that. OpenSSL's
# (SHA-NI) wins from about a kilobyte on, so larger bodies still go there.
_SMALL = 512


class _Digest(Protocol):
    def digest(self) -> bytes: ...


def _builtin_sha256() -> Callable[[bytes], _Digest]:
    """CPython's own SHA-256 (module ``_sha2`` from 3.12 on, ``_sha256`` before), else OpenSSL's."""
    for module in ("_sha2", "_sha256"):
        try:
            constructor: Callable[[bytes], _Digest] = importlib.import_module(module).sha256
        except (ImportError, AttributeError):
            continue
        return constructor
    return hashlib.sha256


_small_sha256 = _builtin_sha256()


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
    global _time_part
    at, spelled = _time_part
    if ms != at:
        spelled = "".join([_DIGIT_PAIRS[(ms >> s) & 1023] for s in _TIME_SHIFTS])
        _time_part = (ms, spelled)
    random = _random_80()
    return spelled + "".join([_DIGIT_PAIRS[(random >> s) & 1023] for s in _RANDOM_SHIFTS])


# ids of the same millisecond share their first ten characters: spelled once
_time_part: tuple[int, str] = (-1, "")
_TIME_SHIFTS = range(40, -1, -10)
_RANDOM_SHIFTS = range(70, -1, -10)
# a ULID per request: one getrandom call per id cost more than the rest of the id
_RANDOM_POOL: list[int] = []
_POOL_DRAW = 256


def _random_80() -> int:
    """80 bits from the OS's generator, drawn a few kilobytes at a time.

    ``list.pop`` hands each value out once, threads included; a forked child starts with an
    empty pool, so parent and child never share ids.
    """
    try:
        return _RANDOM_POOL.pop()
    except IndexError:
        block = os.urandom(10 * _POOL_DRAW)
        _RANDOM_POOL.extend(
            [int.from_bytes(block[at : at + 10], "big") for at in range(0, len(block), 10)]
        )
        return _RANDOM_POOL.pop()


os.register_at_fork(after_in_child=_RANDOM_POOL.clear)


def iso_now() -> str:
    """The current UTC time as ``Date.prototype.toISOString`` formats it (milliseconds, ``Z``)."""
    return iso_format(datetime.now(UTC))


def iso_format(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
