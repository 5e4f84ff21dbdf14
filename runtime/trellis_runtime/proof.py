"""Request proofs: how a caller proves, per request, that it holds its session key.

The signed bytes are SHA-256 of the length-prefixed concatenation (each part as a big-endian
u32 length, then its bytes) of the session key, the subject, SHA-256 of the raw body, the
decimal ``iat`` and the request id. Services verify the proof themselves before asking the
platform who the caller is, and the platform verifies it again.
"""

from __future__ import annotations

import math
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass

from .encoding import b64url_decode, b64url_encode, sha256, ulid
from .keys import SessionKey, verify_signature

SESSION_KEY = "session-key"
PROOF = "proof"
IAT = "iat"
REQUEST_ID = "request-id"


_U32 = struct.Struct(">I").pack


def proof_input(
    session_key: str, subject: str, payload_hash: bytes, iat: int, request_id: str
) -> bytes:
    key, subj, at, rid = (
        session_key.encode(),
        subject.encode(),
        str(iat).encode(),
        request_id.encode(),
    )
    # one join of a flat tuple: a request makes this twice, and a list of concatenations cost more
    return b"".join(
        (
            _U32(len(key)), key,
            _U32(len(subj)), subj,
            _U32(len(payload_hash)), payload_hash,
            _U32(len(at)), at,
            _U32(len(rid)), rid,
        )
    )  # fmt: skip


def create_proof(
    key: SessionKey, subject: str, payload_hash: bytes, iat: int, request_id: str
) -> str:
    digest = sha256(proof_input(key.public, subject, payload_hash, iat, request_id))
    return b64url_encode(key.sign(digest))


def signed_headers(
    key: SessionKey, subject: str, body: bytes, *, iat: int | None = None
) -> dict[str, str]:
    """The four auth headers of one request to ``subject`` carrying ``body``."""
    at = int(time.time()) if iat is None else iat
    request_id = ulid()
    return {
        SESSION_KEY: key.public,
        PROOF: create_proof(key, subject, sha256(body), at, request_id),
        IAT: str(at),
        REQUEST_ID: request_id,
    }


@dataclass(frozen=True)
class RequestProof:
    """The auth headers of a received request, checked against its subject and body."""

    session_key: str
    proof: str
    iat: int
    request_id: str
    payload_hash: bytes


def read_proof(headers: Mapping[str, str], subject: str, body: bytes) -> RequestProof | str:
    """The verified proof, or the ``AuthError`` reason why the request is refused.

    The order of the checks, and the reasons, are the reference runtime's: a missing key, a
    missing proof, then any malformed ``iat``/request id or bad signature as
    ``invalid_signature``.
    """
    session_key = headers.get(SESSION_KEY)
    proof = headers.get(PROOF)
    if not session_key:
        return "missing_session_key"
    if not proof:
        return "missing_proof"
    request_id = headers.get(REQUEST_ID)
    iat = _safe_integer(headers.get(IAT))
    if iat is None or not request_id:
        return "invalid_signature"
    payload_hash = sha256(body)
    try:
        signature = b64url_decode(proof)
    except ValueError:
        return "invalid_signature"
    digest = sha256(proof_input(session_key, subject, payload_hash, iat, request_id))
    if not verify_signature(session_key, signature, digest):
        return "invalid_signature"
    return RequestProof(session_key, proof, iat, request_id, payload_hash)


def _safe_integer(text: str | None) -> int | None:
    """``Number(text)`` when it is a safe integer, as the reference accepts ``iat``."""
    if text is None:
        return None
    if text.isascii() and text.isdigit() and len(text) < 16:
        return int(text)  # what every runtime sends: plain digits, below 2**53
    stripped = text.strip()
    try:
        value = float(stripped) if stripped else 0.0
    except ValueError:
        return None
    if not math.isfinite(value) or value != int(value) or abs(value) > 2**53 - 1:
        return None
    return int(value)
