"""Fixed vectors: the reference's recorded proof, and the connect token its code builds."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import SHARED
from trellis_runtime import SessionKey, connect_token
from trellis_runtime.connect_token import connect_signature
from trellis_runtime.encoding import b64url_encode, sha256
from trellis_runtime.proof import create_proof, proof_input, read_proof

from .peer import Peer

FRAMES = SHARED / "reference" / "frames.txt"


def proof_vector() -> dict[str, object]:
    if not FRAMES.is_file():
        pytest.skip(f"the reference wire capture is not at {FRAMES}")
    text = FRAMES.read_text(encoding="utf-8")
    found = re.search(r"\n(\{\n.*?\n\})", text[text.index("Deterministic proof vector") :], re.S)
    assert found, "no proof vector in frames.txt"
    vector: dict[str, object] = json.loads(found.group(1))
    return vector


def test_the_recorded_proof_vector_is_reproduced_byte_for_byte() -> None:
    v = proof_vector()
    key = SessionKey.from_seed(str(v["seed"]))
    assert key.public == v["sessionKey"]
    payload_hash = sha256(str(v["payload"]).encode())
    assert b64url_encode(payload_hash) == v["payloadHash"]
    data = proof_input(
        key.public, str(v["subject"]), payload_hash, int(str(v["iat"])), str(v["requestId"])
    )
    assert data.hex() == v["proofInputHex"]
    assert b64url_encode(sha256(data)) == v["digest"]
    proof = create_proof(
        key, str(v["subject"]), payload_hash, int(str(v["iat"])), str(v["requestId"])
    )
    assert proof == v["proof"]
    headers = {
        "session-key": key.public,
        "proof": proof,
        "iat": str(v["iat"]),
        "request-id": str(v["requestId"]),
    }
    checked = read_proof(headers, str(v["subject"]), str(v["payload"]).encode())
    assert not isinstance(checked, str)


async def test_the_connect_token_is_the_one_the_reference_builds(peer: Peer) -> None:
    key = SessionKey.generate()
    iat, digest = 1_800_000_000, "fsA2VF6ucEtkVu8mP0hZjR-Hiq7iykmVX1EXA8GklKk"
    (reference,) = await peer.run("token", str(iat), digest, seed=key.seed)
    assert reference["sessionKey"] == key.public
    assert reference["inboxPrefix"] == key.inbox_prefix
    assert connect_signature(key, iat, digest) == reference["sig"]
    assert connect_token(key, digest, iat=iat) == reference["authToken"]
