"""Session keys, request proofs and the connect token, without any server."""

from __future__ import annotations

import asyncio
import json

import pytest

from trellis_runtime import SessionKey, connect, connect_token
from trellis_runtime.connect_token import connect_signature
from trellis_runtime.encoding import b64url_decode, sha256
from trellis_runtime.keys import verify_signature
from trellis_runtime.proof import read_proof, signed_headers


def test_a_key_is_43_base64url_characters_and_survives_its_seed() -> None:
    key = SessionKey.generate()
    assert len(key.public) == 43 and len(b64url_decode(key.public)) == 32
    again = SessionKey.from_seed(key.seed)
    assert again.public == key.public
    assert SessionKey.from_seed(b64url_decode(key.seed)).public == key.public
    assert key.inbox_prefix == f"_INBOX.{key.public[:16]}"


@pytest.mark.parametrize("seed", ["short", "AAAA", b"x" * 31])
def test_a_seed_that_is_not_32_bytes_is_refused(seed: str | bytes) -> None:
    with pytest.raises(ValueError):
        SessionKey.from_seed(seed)


def test_signed_headers_verify_and_any_change_breaks_them() -> None:
    key = SessionKey.generate()
    headers = signed_headers(key, "rpc.v1.A.B", b'{"x":1}')
    assert set(headers) == {"session-key", "proof", "iat", "request-id"}
    assert not isinstance(read_proof(headers, "rpc.v1.A.B", b'{"x":1}'), str)
    assert read_proof(headers, "rpc.v1.A.C", b'{"x":1}') == "invalid_signature"
    assert read_proof(headers, "rpc.v1.A.B", b'{"x":2}') == "invalid_signature"
    assert read_proof({**headers, "iat": "1.5"}, "rpc.v1.A.B", b'{"x":1}') == "invalid_signature"
    assert read_proof({**headers, "proof": "!!"}, "rpc.v1.A.B", b'{"x":1}') == "invalid_signature"
    assert read_proof({**headers, "session-key": "short"}, "rpc.v1.A.B", b"") == "invalid_signature"
    assert read_proof({}, "s", b"") == "missing_session_key"
    assert read_proof({"session-key": key.public}, "s", b"") == "missing_proof"


def test_the_connect_token_is_signed_over_its_iat_and_digest() -> None:
    key = SessionKey.generate()
    token = json.loads(connect_token(key, "DIGEST", iat=1_700_000_000))
    assert list(token) == ["v", "sessionKey", "iat", "contractDigest", "sig"]
    assert (token["v"], token["sessionKey"], token["iat"]) == (1, key.public, 1_700_000_000)
    message = sha256(b"nats-connect:1700000000:DIGEST")
    assert verify_signature(key.public, b64url_decode(token["sig"]), message)
    assert token["sig"] == connect_signature(key, 1_700_000_000, "DIGEST")
    assert not verify_signature(key.public, b64url_decode(token["sig"]), sha256(b"other"))


async def test_connect_presents_a_fresh_token_in_the_nats_connect_message() -> None:
    """A stand-in server captures the CONNECT line nats-py sends for the auth callout."""
    connects: list[dict[str, object]] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(
            b'INFO {"server_id":"x","version":"2.10.0","headers":true,"max_payload":1048576,"auth_required":true}\r\n'
        )
        await writer.drain()
        while line := await reader.readline():
            if line.startswith(b"CONNECT "):
                connects.append(json.loads(line[8:]))
            elif line.startswith(b"PING"):
                writer.write(b"PONG\r\n")
                await writer.drain()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    key = SessionKey.generate()
    conn = await connect(
        url=f"nats://127.0.0.1:{port}", session_key=key, contract_digest="DIGEST", name="svc"
    )
    try:
        (sent,) = connects
        token = json.loads(str(sent["auth_token"]))
        assert (token["sessionKey"], token["contractDigest"]) == (key.public, "DIGEST")
        assert verify_signature(
            key.public,
            b64url_decode(token["sig"]),
            sha256(f"nats-connect:{token['iat']}:DIGEST".encode()),
        )
        assert conn.transport.inbox_prefix == key.inbox_prefix
    finally:
        await conn.close()
        server.close()
