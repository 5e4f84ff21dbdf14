"""The caller's side: a connection that speaks RPC, events, operations and feeds by descriptor."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import aclosing
from typing import Any, TypeVar

from pydantic import BaseModel

from .descriptors import EventDescriptor, FeedDescriptor, OperationDescriptor, RpcDescriptor
from .errors import OperationControlError, PayloadValidationError, RemoteError, error_from_wire
from .op_client import OperationRef
from .streams import stream_frames
from .subjects import filtered_wildcard, render_subject
from .transport import Message, Transport, TransportSubscription
from .wire import decode, encode, incoming, outgoing

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)

DEFAULT_TIMEOUT = 5.0


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
    """Typed calls over one transport connection."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def request(
        self, desc: RpcDescriptor[I, O], input: I, *, timeout: float = DEFAULT_TIMEOUT
    ) -> O:
        """Call an RPC; raises declared errors, RemoteError, RpcTimeout or NoResponders."""
        body = outgoing(desc.input, input, f"{desc.key} input")
        reply = await self.transport.request(desc.subject, encode(body), timeout=timeout)
        envelope = decode(reply.data)
        if isinstance(envelope, dict) and "error" in envelope:
            raise error_from_wire(envelope["error"] or {}, desc.errors)
        if not isinstance(envelope, dict) or "ok" not in envelope:
            raise PayloadValidationError(f"{desc.key} reply is neither ok nor error")
        return incoming(desc.output, envelope["ok"], f"{desc.key} output")

    async def publish(self, desc: EventDescriptor[E], event: E) -> None:
        body = outgoing(desc.event, event, f"{desc.key} event")
        await self.transport.publish(render_subject(desc.subject, body), encode(body))

    async def subscribe(
        self,
        desc: EventDescriptor[E],
        handler: Callable[[E], Awaitable[None]],
        *,
        filter: Mapping[str, Any] | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Typed events on the wildcard subject, tokens fixed by ``filter`` ({pointer: value}).

        Events that fail validation are logged and dropped: a subscriber cannot answer them.
        """
        subject = filtered_wildcard(desc.subject, filter)

        async def on_message(message: Message) -> None:
            try:
                event = incoming(desc.event, decode(message.data), f"{desc.key} event")
            except PayloadValidationError as exc:
                log.warning("dropping invalid %s event on %s: %s", desc.key, message.subject, exc)
                return
            await handler(event)

        inner = await self.transport.subscribe(subject, on_message, queue=queue)
        return Subscription(subject, inner)

    async def start_operation(
        self, desc: OperationDescriptor[I, P, O], input: I, *, timeout: float = DEFAULT_TIMEOUT
    ) -> OperationRef[P, O]:
        """Start; returns once the service accepted (persisted) the operation."""
        body = outgoing(desc.input, input, f"{desc.key} input")
        reply = await self.transport.request(desc.subject, encode(body), timeout=timeout)
        envelope = decode(reply.data)
        if isinstance(envelope, dict) and envelope.get("kind") == "error":
            raise error_from_wire(envelope.get("error") or {}, {})
        if not isinstance(envelope, dict) or envelope.get("kind") != "accepted":
            raise OperationControlError("ProtocolError", f"{desc.key} start reply is not accepted")
        ref = envelope["ref"]
        return OperationRef(self.transport, desc, str(ref["id"]), str(ref.get("service", "")))

    def operation(
        self, desc: OperationDescriptor[Any, P, O], operation_id: str
    ) -> OperationRef[P, O]:
        """Resume observing an operation by id (e.g. after reconnecting)."""
        return OperationRef(self.transport, desc, operation_id)

    async def feed(
        self, desc: FeedDescriptor[I, E], input: I, *, timeout: float | None = None
    ) -> AsyncIterator[E]:
        """Events the service streams for ``input`` until it ends the feed."""
        body = outgoing(desc.input, input, f"{desc.key} input")
        frames = stream_frames(self.transport, desc.subject, encode(body), timeout=timeout)
        async with aclosing(frames) as stream:
            async for frame in stream:
                match frame.get("kind"):
                    case "event":
                        yield incoming(desc.event, frame.get("event"), f"{desc.key} event")
                    case "end":
                        return
                    case "error":
                        raise RemoteError.from_wire(frame.get("error") or {})

    async def close(self) -> None:
        await self.transport.close()


async def connect(*, url: str | None = None, transport: Transport | None = None) -> Connection:
    """Connect to a NATS server at ``url``, or wrap a ready ``transport`` (e.g. in-memory)."""
    if (url is None) == (transport is None):
        raise ValueError("connect() needs exactly one of url= or transport=")
    if transport is None:
        from .nats_transport import NatsTransport

        assert url is not None
        transport = await NatsTransport.connect(url)
    return Connection(transport)
