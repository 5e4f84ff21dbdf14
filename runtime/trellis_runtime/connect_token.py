"""The NATS connect token a participant presents to join a Trellis deployment.

NATS hands the ``auth_token`` of the CONNECT message to the platform's auth callout, which
checks that the session key signed ``"nats-connect:<iat>:<contractDigest>"`` within the last
30 seconds, finds the service (or user, or device) bound to the key, and derives the
connection's permissions from the contract whose digest is presented. A fresh token is built
for every (re)connect, because ``iat`` must be current.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from .encoding import b64url_encode, sha256

if TYPE_CHECKING:  # the package binds ``connect_token`` eagerly, so this module stays light
    from .keys import SessionKey

TOKEN_VERSION = 1


def connect_signature(key: SessionKey, iat: int, contract_digest: str) -> str:
    message = f"nats-connect:{iat}:{contract_digest}".encode()
    return b64url_encode(key.sign(sha256(message)))


def connect_token(key: SessionKey, contract_digest: str, *, iat: int | None = None) -> str:
    """The ``auth_token`` JSON: ``{"v","sessionKey","iat","contractDigest","sig"}``, compact.

    The key order is the reference runtime's, so the same seed, digest and ``iat`` give the same
    bytes.
    """
    at = int(time.time()) if iat is None else iat
    token = {
        "v": TOKEN_VERSION,
        "sessionKey": key.public,
        "iat": at,
        "contractDigest": contract_digest,
        "sig": connect_signature(key, at, contract_digest),
    }
    return json.dumps(token, separators=(",", ":"))
