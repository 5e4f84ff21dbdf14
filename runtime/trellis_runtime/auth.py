"""Service-side authorization, as the reference runtime does it.

Every request a service receives is checked in this order: the proof headers are verified
locally (no platform round trip for a forged request), then the platform's
``Auth.Requests.Validate`` is asked, with the capabilities the surface requires, whether the
session may make this request and who it belongs to; its answer decides (``allowed``), names
the caller, and gives the inbox prefix the reply subject must start with. Nothing reaches a
handler unless all of it passed.

``Authorizer`` is the seam: ``PlatformAuthorizer`` asks the deployment (through the generated
``trellis.auth@v1`` client, signed with the service's own session key); tests and local runs
serve the stand-in of ``trellis_runtime.local`` on the same subject instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pydantic import TypeAdapter

from .caller import Caller
from .encoding import b64url_encode
from .errors import AuthError
from .proof import RequestProof, read_proof
from .transport import Message

if TYPE_CHECKING:
    from .connection import Connection
    from .platform.trellis_auth_v1 import Client as AuthClient

_CALLER: TypeAdapter[Caller] = TypeAdapter(Caller)
_TRANSIENT_ATTEMPTS = 3
_TRANSIENT_DELAY = 0.025


@dataclass(frozen=True)
class ValidateRequest:
    """What the platform needs to judge one request."""

    session_key: str
    proof: str
    subject: str
    payload_hash: str  # base64url SHA-256 of the raw body, computed by the receiving service
    iat: int
    request_id: str
    capabilities: tuple[str, ...]


@dataclass(frozen=True)
class Authorization:
    allowed: bool
    inbox_prefix: str
    caller: Caller


class Authorizer(Protocol):
    async def validate(self, request: ValidateRequest) -> Authorization: ...


def caller_from_wire(value: object) -> Caller:
    return _CALLER.validate_python(value)


class PlatformAuthorizer:
    """Asks the deployment's auth service, retrying briefly while a new session propagates."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._client: AuthClient | None = None

    def _auth(self) -> AuthClient:
        """The generated ``trellis.auth@v1`` client, built once (imported late: it imports us)."""
        if self._client is None:
            from .platform.trellis_auth_v1 import Client

            self._client = Client(self._connection)
        return self._client

    async def validate(self, request: ValidateRequest) -> Authorization:
        from .platform.trellis_auth_v1 import models

        client = self._auth()
        payload = models.AuthRequestsValidateRequest.model_validate(
            {
                "sessionKey": request.session_key,
                "proof": request.proof,
                "subject": request.subject,
                "payloadHash": request.payload_hash,
                "iat": request.iat,
                "requestId": request.request_id,
                "capabilities": list(request.capabilities),
            }
        )
        for attempt in range(_TRANSIENT_ATTEMPTS):
            try:
                answer = await client.rpc.auth.requests_validate(payload)
                break
            except AuthError as exc:
                if exc.reason != "session_not_found" or attempt == _TRANSIENT_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(_TRANSIENT_DELAY * (attempt + 1))
        # the answer is validated already: only its caller changes model, through its JSON form
        caller = answer.caller.model_dump(mode="json", by_alias=True, exclude_none=True)
        return Authorization(
            allowed=answer.allowed, inbox_prefix=answer.inboxPrefix, caller=caller_from_wire(caller)
        )


@dataclass(frozen=True)
class Authorized:
    """A request that passed every check: its proof and the caller behind it."""

    proof: RequestProof
    caller: Caller


async def authorize(
    authorizer: Authorizer, message: Message, capabilities: Sequence[str]
) -> Authorized:
    """Check one request; raises ``AuthError`` (or the Validate call's error) when refused."""
    checked = read_proof(message.headers, message.subject, message.data)
    if isinstance(checked, str):
        key = message.header("session-key")
        context = {"sessionKey": key} if checked == "invalid_signature" and key else None
        raise AuthError(checked, context=context)
    answer = await authorizer.validate(
        ValidateRequest(
            session_key=checked.session_key,
            proof=checked.proof,
            subject=message.subject,
            payload_hash=b64url_encode(checked.payload_hash),
            iat=checked.iat,
            request_id=checked.request_id,
            capabilities=tuple(capabilities),
        )
    )
    if not answer.allowed:
        raise AuthError(
            "insufficient_permissions",
            context={
                "requiredCapabilities": list(capabilities),
                "userCapabilities": list(answer.caller.capabilities),
            },
        )
    if message.reply is None or not message.reply.startswith(answer.inbox_prefix + "."):
        raise AuthError(
            "reply_subject_mismatch",
            context={"expected": answer.inbox_prefix, "actual": message.reply},
        )
    return Authorized(checked, answer.caller)


__all__ = [
    "Authorization",
    "Authorized",
    "Authorizer",
    "PlatformAuthorizer",
    "ValidateRequest",
    "authorize",
    "caller_from_wire",
]
