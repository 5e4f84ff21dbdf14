"""Running without a Trellis deployment: a stand-in for the platform's request validation.

In a deployment every service asks the platform's auth service, on
``rpc.v1.Auth.Requests.Validate``, who sent a request and whether it may. Locally (tests, a
laptop, CI) nothing answers that subject, so every request would be refused. ``LocalAuth``
answers it instead, by a rule you choose::

    auth = await LocalAuth(allow_all).serve(connection)        # everyone may do everything
    auth = await LocalAuth(grants({key.public: ["billing.read"]})).serve(connection)
    service = Service(conn, name="billing", authorizer=LocalAuthorizer())  # no round trip

It checks what the platform checks (both proofs, the capabilities asked for, the caller's
inbox prefix) but knows nobody beyond its rule. It is never started implicitly: production code
paths only ever ask the real platform. ``ensure_event_stream`` creates the platform's
``trellis`` stream on ``events.>`` on a bare nats-server, so events can be published there.
``LocalBindings`` likewise stands in for ``Trellis.Bindings.Get`` (resource bindings).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from pydantic import ValidationError as PydanticValidationError

from .auth import Authorization, ValidateRequest
from .bindings import Bindings
from .caller import Caller, ServiceCaller
from .codec import parse_body
from .connection import STATUS, Connection
from .encoding import b64url_decode, encode_json, sha256
from .errors import AuthError, TrellisError, UnexpectedError, ValidationError
from .keys import SessionKey, verify_signature
from .proof import proof_input, read_proof
from .transport import Message, TransportSubscription

log = logging.getLogger(__name__)

VALIDATE_SUBJECT = "rpc.v1.Auth.Requests.Validate"
EVENT_STREAM = "trellis"
EVENT_SUBJECTS = ["events.>"]

# who a session key is, given the capabilities a request needs; None: an unknown session
Rule = Callable[[str, Sequence[str]], Caller | None]


def allow_all(session_key: str, capabilities: Sequence[str]) -> Caller:
    """Every key is a service holding whatever capabilities the request needs."""
    return _service_caller(session_key, tuple(capabilities))


@lru_cache(maxsize=1024)
def _service_caller(session_key: str, capabilities: tuple[str, ...]) -> Caller:
    """Built once per key and surface: callers are frozen, and every request asks again."""
    return ServiceCaller(
        type="service",
        id=f"local-{session_key[:8]}",
        name="local caller",
        active=True,
        capabilities=list(capabilities),
    )


def grants(table: Mapping[str, Iterable[str]]) -> Rule:
    """Known keys (public key -> capabilities) are services with exactly those capabilities."""
    known = {key: list(caps) for key, caps in table.items()}

    def rule(session_key: str, capabilities: Sequence[str]) -> Caller | None:
        if session_key not in known:
            return None
        return ServiceCaller(
            type="service",
            id=f"local-{session_key[:8]}",
            name="local caller",
            active=True,
            capabilities=known[session_key],
        )

    return rule


class LocalAuth:
    """Answers ``Auth.Requests.Validate`` by ``rule``; for tests and local runs only."""

    def __init__(self, rule: Rule = allow_all) -> None:
        self.rule = rule
        # the latest requests services asked about, for tests to inspect (bounded: local runs last)
        self.requests: deque[ValidateRequest] = deque(maxlen=1000)
        self._subscription: TransportSubscription | None = None
        self._connection: Connection | None = None

    async def serve(self, connection: Connection) -> LocalAuth:
        self._connection = connection
        self._subscription = await connection.transport.subscribe(
            VALIDATE_SUBJECT, self._on_request
        )
        await connection.transport.flush()
        return self

    async def stop(self) -> None:
        if self._subscription is not None:
            await self._subscription.unsubscribe()
            self._subscription = None

    async def _on_request(self, message: Message) -> None:
        if message.reply is None or self._connection is None:
            return
        transport = self._connection.transport
        try:
            body = self.answer(message)
        except TrellisError as exc:
            await transport.publish(
                message.reply, encode_json(exc.to_wire()), headers={STATUS: "error"}
            )
            return
        except Exception:
            log.exception("local Auth.Requests.Validate failed")
            await transport.publish(
                message.reply, encode_json(UnexpectedError().to_wire()), headers={STATUS: "error"}
            )
            return
        await transport.publish(message.reply, encode_json(body))

    def answer(self, message: Message) -> dict[str, object]:
        """The Validate reply for one request, or the ``AuthError`` refusing it."""
        from .platform.trellis_auth_v1 import models

        outer = read_proof(message.headers, message.subject, message.data)
        if isinstance(outer, str):
            raise AuthError(outer)
        raw = parse_body(message.data, "Auth.Requests.Validate input")
        try:
            fields = models.AuthRequestsValidateRequest.model_validate(raw).model_dump(
                by_alias=True
            )
        except PydanticValidationError as exc:
            raise ValidationError.from_pydantic(exc, what="Auth.Requests.Validate input") from None
        request = ValidateRequest(
            session_key=fields["sessionKey"],
            proof=fields["proof"],
            subject=fields["subject"],
            payload_hash=fields["payloadHash"],
            iat=fields["iat"],
            request_id=fields["requestId"],
            capabilities=tuple(fields.get("capabilities") or ()),
        )
        self.requests.append(request)
        if not _proof_holds(request):
            raise AuthError("invalid_signature", context={"sessionKey": request.session_key})
        judged = judge(self.rule, request)
        answer = {
            "allowed": judged.allowed,
            "inboxPrefix": judged.inbox_prefix,
            "caller": judged.caller.model_dump(mode="json", by_alias=True, exclude_none=True),
        }
        models.AuthRequestsValidateResponse.model_validate(answer)
        return answer


def judge(rule: Rule, request: ValidateRequest) -> Authorization:
    """What the platform would answer for a request whose proof holds, by ``rule``."""
    caller = rule(request.session_key, request.capabilities)
    if caller is None:
        raise AuthError("session_not_found", context={"sessionKey": request.session_key})
    return Authorization(
        allowed=set(request.capabilities) <= set(caller.capabilities),
        inbox_prefix=SessionKey.inbox_prefix_of(request.session_key),
        caller=caller,
    )


class LocalAuthorizer:
    """The same stand-in inside the service process: ``Service(..., authorizer=LocalAuthorizer())``.

    The service still verifies every proof and reply inbox (``auth.authorize`` does that before
    asking); only the platform round trip is replaced by ``rule``. For tests and local runs.
    """

    def __init__(self, rule: Rule = allow_all) -> None:
        self.rule = rule

    async def validate(self, request: ValidateRequest) -> Authorization:
        return judge(self.rule, request)


def _proof_holds(request: ValidateRequest) -> bool:
    try:
        payload_hash = b64url_decode(request.payload_hash)
        signature = b64url_decode(request.proof)
    except ValueError:
        return False
    digest = sha256(
        proof_input(
            request.session_key, request.subject, payload_hash, request.iat, request.request_id
        )
    )
    return verify_signature(request.session_key, signature, digest)


async def ensure_event_stream(connection: Connection) -> None:
    """Create the platform's ``trellis`` stream on ``events.>`` unless it exists."""
    await connection.transport.ensure_stream(EVENT_STREAM, EVENT_SUBJECTS)


# ----- the stand-in for Trellis.Bindings.Get ------------------------------------------------------

BINDINGS_GET_SUBJECT = "rpc.v1.Trellis.Bindings.Get"


class LocalBindings:
    """Answers ``Trellis.Bindings.Get`` from a table (digest -> ``Bindings``); for tests only.

    A deployment binds each contract's resources to what it provisioned; this stand-in binds
    what you give it, so a test can check that a service asks before serving and that its
    handles use the bound names::

        bound = Bindings(CONTRACT_ID, DIGEST, store={"uploads": StoreBinding("b1", 0)})
        await LocalBindings({DIGEST: bound}).serve(connection)

    It checks the request's proof like the platform does and answers ``{}`` (no binding) for a
    digest it does not know. Never started implicitly.
    """

    def __init__(self, table: Mapping[str, Bindings] | None = None) -> None:
        self.table: dict[str, Bindings] = dict(table or {})
        self.requests: list[dict[str, object]] = []  # the bodies services sent, for tests
        self._subscription: TransportSubscription | None = None
        self._connection: Connection | None = None

    def bind(self, bindings: Bindings) -> LocalBindings:
        self.table[bindings.digest] = bindings
        return self

    async def serve(self, connection: Connection) -> LocalBindings:
        self._connection = connection
        self._subscription = await connection.transport.subscribe(
            BINDINGS_GET_SUBJECT, self._on_request
        )
        await connection.transport.flush()
        return self

    async def stop(self) -> None:
        if self._subscription is not None:
            await self._subscription.unsubscribe()
            self._subscription = None

    async def _on_request(self, message: Message) -> None:
        if message.reply is None or self._connection is None:
            return
        transport = self._connection.transport
        proof = read_proof(message.headers, message.subject, message.data)
        if isinstance(proof, str):
            error: TrellisError = AuthError(proof)
            await transport.publish(
                message.reply, encode_json(error.to_wire()), headers={STATUS: "error"}
            )
            return
        try:
            body = parse_body(message.data, "Trellis.Bindings.Get input")
        except TrellisError as exc:
            await transport.publish(
                message.reply, encode_json(exc.to_wire()), headers={STATUS: "error"}
            )
            return
        self.requests.append(body if isinstance(body, dict) else {})
        digest = body.get("digest") if isinstance(body, dict) else None
        found = self.table.get(digest) if isinstance(digest, str) else None
        answer = {"binding": found.to_wire()} if found is not None else {}
        await transport.publish(message.reply, encode_json(answer))


# the stand-in for the platform's trellis.state@v1 service (opt-in, like LocalAuth)
from .local_state import LocalState as LocalState  # noqa: E402
