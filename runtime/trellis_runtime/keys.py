"""Session keys: the Ed25519 identity a Trellis participant signs its requests with.

The public key travels as 43 characters of base64url (the raw 32 bytes), in the ``session-key``
header of every request and in the connect token; the private key never leaves the process.
A key is usually created once and kept (``seed`` / ``from_seed``), because the platform binds
a service's session key to its deployment and the key names the service's operation bucket.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from .encoding import b64url_decode, b64url_encode


class SessionKey:
    """An Ed25519 key pair; ``public`` is the base64url public key other participants see."""

    __slots__ = ("_private", "public")

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public = b64url_encode(raw)

    @classmethod
    def generate(cls) -> SessionKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: str | bytes) -> SessionKey:
        """The key of a 32-byte seed, given raw or as base64url (what ``seed`` returns)."""
        raw = b64url_decode(seed) if isinstance(seed, str) else bytes(seed)
        if len(raw) != 32:
            raise ValueError(f"an Ed25519 seed is 32 bytes, got {len(raw)}")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    @property
    def seed(self) -> str:
        """The private seed as base64url: store it like a password to keep this identity."""
        raw = self._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return b64url_encode(raw)

    @property
    def inbox_prefix(self) -> str:
        """The reply-subject prefix the platform grants this key: ``_INBOX.<public[:16]>``."""
        return self.inbox_prefix_of(self.public)

    @staticmethod
    def inbox_prefix_of(public: str) -> str:
        return f"_INBOX.{public[:16]}"

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    def __repr__(self) -> str:
        return f"SessionKey(public={self.public!r})"


def verify_signature(public: str, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is ``public``'s Ed25519 signature of ``data`` (False on bad keys)."""
    try:
        _public_key(public).verify(signature, data)
    except (ValueError, InvalidSignature):
        return False
    return True


@lru_cache(maxsize=1024)
def _public_key(public: str) -> Ed25519PublicKey:
    """The key object of a base64url public key, kept for the next request of that session.

    A service hears the same few sessions again and again; decoding and loading the point costs
    a tenth of a verification. Bad keys raise ``ValueError`` and are not kept.
    """
    return Ed25519PublicKey.from_public_bytes(b64url_decode(public))
