"""The caller's side: typed, signed calls over one transport connection.

Every request (RPC, operation start and control, feed) carries the ``session-key``, ``proof``,
``iat`` and ``request-id`` headers and is sent from the key's inbox prefix, so a service of any
Trellis runtime can verify it and reply. Bodies are the bare payloads; an error reply has the
header ``status: error`` and an error object as body.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping
from contextlib import aclosing
from typing import Any, TypeVar

from pydantic import BaseModel

from .codec import incoming, incoming_json, outgoing, outgoing_json, parse_body
from .connect_token import connect_token
from .descriptors import EventDescriptor, FeedDescriptor, OperationDescriptor, RpcDescriptor
from .encoding import encode_json, iso_now, ulid
from .errors import (
    DeclaredError,
    NoResponders,
    TransportError,
    TrellisError,
    ValidationError,
    error_from_wire,
)
from .keys import SessionKey
from .op_client import OperationRef
from .proof import signed_headers
from .streams import stream_replies
from .subjects import filtered_wildcard, render_subject
from .transport import Message, StreamAck, Transport, TransportSubscription

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)

DEFAULT_TIMEOUT = 3.0  # the reference runtime's default request timeout
NO_RESPONDER_RETRIES = 2
NO_RESPONDER_DELAY = 0.2
STATUS = "status"
MSG_ID = "Nats-Msg-Id"
FEED_STATUS = "feed-status"


def is_error_reply(message: Message) -> bool:
    return message.header(STATUS) == "error"


def reply_error(
    message: Message, declared: Mapping[str, type[DeclaredError]] | None = None
) -> TrellisError:
    try:
        body = parse_body(message.data, "error reply")
    except ValidationError:
        body = None
    return error_from_wire(body, declared)


class Subscription:
    """A live event subscription; ``drain()`` lets already received events finish."""

    def __init__(self, subject: str, inner: TransportSubscription) -> None:
        self.subject = subject
        self._inner = inner

    async def unsubscribe(self) -> None:
        await self._inner.unsubscribe()

    async def drain(self) -> None:
        await self._inner.drain()


class Connection:
    """Typed, signed calls over one transport connection, as one session key."""

    def __init__(
        self,
        transport: Transport,
        session_key: SessionKey,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        no_responder_retries: int = NO_RESPONDER_RETRIES,
        contract_digest: str | None = None,
    ) -> None:
        self.transport = transport
        self.session_key = session_key
        self.timeout = timeout
        self.no_responder_retries = no_responder_retries
        # the digest presented to the deployment in the connect token (None: not a deployment)
        self.contract_digest = contract_digest

    # ----- RPC ----------------------------------------------------------------------------

    async def request(
        self, desc: RpcDescriptor[I, O], input: I, *, timeout: float | None = None
    ) -> O:
        """Call an RPC; raises its declared errors, built-in errors or ``RemoteError``."""
        if "{" in desc.subject:  # the subject's tokens come from the body
            body = outgoing(desc.input, input, f"{desc.key} input")
            subject, data = render_subject(desc.subject, body), encode_json(body)
        else:
            subject, data = desc.subject, outgoing_json(desc.input, input, f"{desc.key} input")
        reply = await self.request_raw(subject, data, timeout=timeout)
        if is_error_reply(reply):
            raise reply_error(reply, desc.errors)
        return incoming_json(desc.output, reply.data, f"{desc.key} output")

    async def request_raw(
        self, subject: str, data: bytes, *, timeout: float | None = None
    ) -> Message:
        """One signed request, retried while nobody listens (as the reference does)."""
        headers = signed_headers(self.session_key, subject, data, iat=int(time.time()))
        wait = self.timeout if timeout is None else timeout
        for attempt in range(self.no_responder_retries + 1):
            try:
                return await self.transport.request(subject, data, timeout=wait, headers=headers)
            except NoResponders:
                if attempt == self.no_responder_retries:
                    raise NoResponders(subject, retries=attempt) from None
                await asyncio.sleep(NO_RESPONDER_DELAY * (attempt + 1))
        raise AssertionError("unreachable")

    def stream_raw(
        self,
        subject: str,
        data: bytes,
        *,
        first_timeout: float | None,
        timeout: float | None = None,
    ) -> AsyncGenerator[Message, None]:
        headers = signed_headers(self.session_key, subject, data, iat=int(time.time()))
        return stream_replies(
            self.transport, subject, data, headers, first_timeout=first_timeout, timeout=timeout
        )

    # ----- events -------------------------------------------------------------------------

    async def publish(self, desc: EventDescriptor[E], event: E) -> StreamAck:
        """Publish through JetStream to the subject rendered from the event.

        The body is the event with its ``header`` (``{"id", "time"}``, added when the model has
        none); the header id is also the ``Nats-Msg-Id``, so a re-published event is
        de-duplicated by the stream.
        """
        body = outgoing(desc.event, event, f"{desc.key} event")
        header = body.get("header")
        if not (isinstance(header, dict) and isinstance(header.get("id"), str)):
            header = {"id": ulid(), "time": iso_now()}
            body["header"] = header
        subject = render_subject(desc.subject, body)
        return await self.transport.stream_publish(
            subject, encode_json(body), headers={MSG_ID: header["id"]}
        )

    async def subscribe(
        self,
        desc: EventDescriptor[E],
        handler: Callable[[E], Awaitable[None]],
        *,
        filter: Mapping[str, Any] | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Events live on the subject, tokens fixed by ``filter`` ({pointer: value}).

        Events that fail validation are logged and dropped: a subscriber cannot answer them.
        """
        subject = filtered_wildcard(desc.subject, filter)

        async def on_message(message: Message) -> None:
            try:
                event = incoming(
                    desc.event, parse_body(message.data, desc.key), f"{desc.key} event"
                )
            except ValidationError as exc:
                log.warning("dropping invalid %s event on %s: %s", desc.key, message.subject, exc)
                return
            await handler(event)

        inner = await self.transport.subscribe(subject, on_message, queue=queue)
        return Subscription(subject, inner)

    # ----- operations ---------------------------------------------------------------------

    async def start_operation(
        self, desc: OperationDescriptor[I, P, O], input: I, *, timeout: float | None = None
    ) -> OperationRef[P, O]:
        """Start; returns once the service accepted (persisted) the operation."""
        body = outgoing(desc.input, input, f"{desc.key} input")
        reply = await self.request_raw(desc.subject, encode_json(body), timeout=timeout)
        if is_error_reply(reply):
            raise reply_error(reply)
        accepted = parse_body(reply.data, f"{desc.key} start reply")
        if not (
            isinstance(accepted, dict)
            and accepted.get("kind") == "accepted"
            and isinstance(accepted.get("ref"), dict)
            and isinstance(accepted.get("snapshot"), dict)
        ):
            raise TransportError(
                "trellis.operation.invalid_accept",
                "Trellis returned an invalid operation start response.",
                "Retry starting the operation. If it keeps failing, reconnect and try again.",
                context={"operation": desc.key},
            )
        ref = accepted["ref"]
        return OperationRef(self, desc, str(ref["id"]), str(ref.get("service", "")))

    def operation(
        self, desc: OperationDescriptor[Any, P, O], operation_id: str, *, service: str = ""
    ) -> OperationRef[P, O]:
        """Observe an operation started earlier, by id (after a reconnect, say)."""
        return OperationRef(self, desc, operation_id, service)

    # ----- feeds --------------------------------------------------------------------------

    async def feed(
        self, desc: FeedDescriptor[I, E], input: I, *, ready_timeout: float | None = None
    ) -> AsyncIterator[E]:
        """Events the service streams for ``input``, for as long as the caller keeps reading.

        The service first acknowledges (``feed-status: ready``) within ``ready_timeout``
        (default: the connection's timeout); an error frame raises the service's error. A feed
        has no end frame: stop iterating to stop it.
        """
        body = outgoing(desc.input, input, f"{desc.key} input")
        subject = render_subject(desc.subject, body) if "{" in desc.subject else desc.subject
        first = self.timeout if ready_timeout is None else ready_timeout
        frames = self.stream_raw(subject, encode_json(body), first_timeout=first)
        async with aclosing(frames) as stream:
            async for frame in stream:
                if is_error_reply(frame):
                    raise reply_error(frame)
                if frame.header(FEED_STATUS) == "ready":
                    continue
                yield incoming(desc.event, parse_body(frame.data, desc.key), f"{desc.key} event")

    async def close(self) -> None:
        await self.transport.close()


async def connect(
    *,
    url: str | None = None,
    transport: Transport | None = None,
    session_key: SessionKey | None = None,
    contract_digest: str | None = None,
    credentials: str | None = None,
    name: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    **nats_options: Any,
) -> Connection:
    """Connect as ``session_key`` to a NATS server at ``url``, or over a ready ``transport``.

    Without ``session_key`` a fresh one is generated (fine for a short-lived client; a service
    keeps its key). With ``contract_digest`` the connection presents the Trellis connect token
    (``auth_token``, rebuilt with a fresh ``iat`` on every reconnect) for the deployment's auth
    callout; ``credentials`` is the deployment's sentinel credentials file. Reply inboxes are
    ``_INBOX.<public key[:16]>``, the prefix the platform authorizes for the key.
    """
    if (url is None) == (transport is None):
        raise ValueError("connect() needs exactly one of url= or transport=")
    key = session_key or SessionKey.generate()
    if transport is None:
        from .nats_transport import NatsTransport

        assert url is not None
        options = dict(nats_options)
        if credentials is not None:
            options["user_credentials"] = credentials
        if name is not None:
            options["name"] = name
        digest = contract_digest
        token = (lambda: connect_token(key, digest)) if digest is not None else None
        transport = await NatsTransport.connect(
            url, inbox_prefix=key.inbox_prefix, token=token, **options
        )
    else:
        _adopt_inbox_prefix(transport, key)
    return Connection(transport, key, timeout=timeout, contract_digest=contract_digest)


def _adopt_inbox_prefix(transport: Transport, key: SessionKey) -> None:
    """Reply subjects must start with the key's prefix, or services refuse the requests."""
    from .memory import InMemoryTransport

    if isinstance(transport, InMemoryTransport):
        transport.inbox_prefix = key.inbox_prefix
    elif transport.inbox_prefix != key.inbox_prefix:
        raise ValueError(
            f"the transport's inbox prefix {transport.inbox_prefix!r} is not the session key's "
            f"{key.inbox_prefix!r}: create it with inbox_prefix=key.inbox_prefix"
        )
