"""The byte-level work every request does, pinned to the plain definitions it replaced.

Bodies, ids, proofs and keys take faster routes than the standard library's obvious calls (one
JSON encoder, pydantic-core's parser, a table-driven ULID, remembered public keys); each must
give exactly what the obvious call gives, on the wire and in what it refuses.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trellis_runtime import SessionKey, encoding
from trellis_runtime.encoding import (
    b64url_decode,
    b64url_encode,
    decode_json,
    encode_json,
    sha256,
    ulid,
)
from trellis_runtime.keys import verify_signature
from trellis_runtime.proof import create_proof, read_proof

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(codec=None, exclude_categories=())),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1, 1.0 and True differ; NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


def plain_ulid(ms: int, randomness: bytes) -> str:
    value = (ms << 80) | int.from_bytes(randomness, "big")
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


@pytest.mark.parametrize(
    ("ms", "randomness"),
    [(0, bytes(10)), (2**48 - 1, b"\xff" * 10), (1_700_000_000_123, bytes(range(1, 11)))],
)
def test_a_ulid_spells_its_millisecond_then_its_randomness_in_crockford_base32(
    ms: int, randomness: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoding, "_random_80", lambda: int.from_bytes(randomness, "big"))
    assert ulid(ms) == plain_ulid(ms, randomness)


@given(st.integers(0, 2**48 - 1), st.binary(min_size=10, max_size=10))
def test_every_ulid_is_the_bit_by_bit_spelling(ms: int, randomness: bytes) -> None:
    original = encoding._random_80
    encoding._random_80 = lambda: int.from_bytes(randomness, "big")
    try:
        assert ulid(ms) == plain_ulid(ms, randomness)
    finally:
        encoding._random_80 = original


def test_ulid_randomness_comes_from_the_os_a_block_at_a_time_each_value_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real, draws = os.urandom, []

    def urandom(n: int) -> bytes:
        draws.append(n)
        return real(n)

    monkeypatch.setattr(encoding, "_RANDOM_POOL", [])
    monkeypatch.setattr(os, "urandom", urandom)
    randomness = [ulid(0)[10:] for _ in range(2 * encoding._POOL_DRAW + 1)]
    assert len(draws) == 3
    assert len(set(randomness)) == len(randomness)


def test_a_forked_child_never_repeats_the_parents_next_ulid() -> None:
    """The pool is per process: without the at-fork reset, a child would pop what its parent
    pops next."""
    ulid()  # the parent's pool holds the rest of a draw now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next id, to the parent, then out
        os.write(write, ulid(0).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = os.read(read, 26).decode()
    os.close(read)
    assert child != ulid(0)


@given(st.binary(max_size=100))
def test_base64url_is_the_standard_urlsafe_text_without_padding(data: bytes) -> None:
    assert b64url_encode(data) == base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@given(st.text(max_size=60) | st.binary(max_size=40).map(b64url_encode))
def test_base64url_text_is_read_as_urlsafe_b64decode_reads_it_padded(text: str) -> None:
    try:
        if "+" in text or "/" in text:
            raise ValueError("not base64url")
        expected = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        with pytest.raises(ValueError, match="^not base64url"):
            b64url_decode(text)
        return
    assert b64url_decode(text) == expected


@given(st.binary(max_size=1500))
def test_sha256_is_hashlibs_below_and_above_the_small_input_cutoff(data: bytes) -> None:
    assert sha256(data) == hashlib.sha256(data).digest()


@given(json_values)
def test_a_body_is_the_compact_text_json_dumps_writes(value: Any) -> None:
    try:
        expected = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 body either way
        with pytest.raises(UnicodeEncodeError):
            encode_json(value)
        return
    assert encode_json(value) == expected


@given(json_values, st.booleans())
def test_every_json_document_decodes_as_json_loads_reads_it(value: Any, ascii_only: bool) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert same(decode_json(data), json.loads(data))


@given(st.binary(max_size=40))
def test_any_bytes_are_accepted_or_refused_as_json_loads_decides(data: bytes) -> None:
    try:
        expected = json.loads(data)
    except ValueError:
        with pytest.raises(ValueError, match="^body is not JSON: "):
            decode_json(data)
        return
    assert same(decode_json(data), expected)


@pytest.mark.parametrize(
    "data",
    [
        b'"\\ud800 lone surrogate"',
        b'{"\\udc00": 1}',
        b"\xef\xbb\xbf{}",  # a UTF-8 byte order mark
        '{"a": 1}'.encode("utf-16"),
        b"[" * 300 + b"]" * 300,  # deeper than pydantic-core nests
        b'{"a": NaN, "b": -Infinity, "c": 1e400}',
        b'{"a": 1, "a": 2}',
    ],
)
def test_documents_only_json_loads_reads_are_still_read(data: bytes) -> None:
    assert same(decode_json(data), json.loads(data))


def test_a_remembered_key_still_refuses_wrong_signatures_and_bad_keys() -> None:
    key, other = SessionKey.generate(), SessionKey.generate()
    digest = sha256(b"a request")
    signature = key.sign(digest)
    for _ in range(2):  # the second round checks against the remembered key objects
        assert verify_signature(key.public, signature, digest)
        assert not verify_signature(key.public, signature, sha256(b"another request"))
        assert not verify_signature(key.public, other.sign(digest), digest)
        assert not verify_signature(other.public, signature, digest)
        assert not verify_signature("short", signature, digest)
        assert not verify_signature("+" * 43, signature, digest)


def proof_headers(key: SessionKey, iat_header: str, iat_signed: int) -> dict[str, str]:
    request_id = ulid()
    return {
        "session-key": key.public,
        "proof": create_proof(key, "rpc.v1.A.B", sha256(b"{}"), iat_signed, request_id),
        "iat": iat_header,
        "request-id": request_id,
    }


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("1700000000", 1_700_000_000),
        ("0012", 12),
        (" 12 ", 12),
        ("12.0", 12),
        ("1.2e1", 12),
        ("-5", -5),
        ("999999999999999", 999_999_999_999_999),
        ("9007199254740991", 2**53 - 1),
    ],
)
def test_iat_is_read_as_the_number_it_spells(header: str, value: int) -> None:
    key = SessionKey.generate()
    checked = read_proof(proof_headers(key, header, value), "rpc.v1.A.B", b"{}")
    assert not isinstance(checked, str) and checked.iat == value


@pytest.mark.parametrize("header", ["1.5", "twelve", "\u00b2", "9007199254740993", "1e400"])
def test_iat_that_is_no_safe_integer_is_an_invalid_signature(header: str) -> None:
    key = SessionKey.generate()
    assert read_proof(proof_headers(key, header, 12), "rpc.v1.A.B", b"{}") == "invalid_signature"
