"""The JetStream features jobs need, behind one protocol: NATS (the ``$JS.API`` wire) or memory.

Jobs need more of JetStream than events do: stream provisioning with sources (local runs),
durable pull consumers with explicit acks, negative acks with a delay, "work in progress" to
extend the ack deadline, the latest message of a subject filter (direct get), a message by
sequence, and deleting one. ``jobstream_for(transport)`` picks the implementation:
``NatsJobStream`` speaks the JetStream API subjects over any core-NATS ``Transport`` (so the
subjects and bodies are exactly the ones a deployment grants and the reference sends);
``MemoryJobStream`` (``jobstream_memory``) plays the server for the in-memory transport.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .encoding import encode_json
from .errors import NoResponders, RpcTimeout, TransportError
from .transport import Message, Transport

API = "$JS.API"
_API_TIMEOUT = 5.0


@dataclass(frozen=True)
class ConsumerSpec:
    """A durable, explicitly acked pull consumer on one filter subject."""

    stream: str
    name: str
    filter_subject: str
    ack_wait_ms: int
    max_deliver: int
    backoff_ms: Sequence[int] = ()  # server-side redelivery timeline (empty: ack wait applies)


class WorkMessage(Protocol):
    data: bytes
    subject: str
    deliveries: int  # 1 on the first delivery
    stream_seq: int

    async def ack(self) -> None: ...

    async def nak(self, delay: float | None = None) -> None:
        """Hand it back: redelivered after ``delay`` seconds (at once when None)."""
        ...

    async def in_progress(self) -> None:
        """Still working on it: restart the ack-wait clock."""
        ...


class Puller(Protocol):
    async def next(self, wait: float) -> WorkMessage | None:
        """The next message, or None when none came within ``wait`` seconds."""
        ...

    async def close(self) -> None: ...


class JobStream(Protocol):
    async def publish(
        self, subject: str, data: bytes, headers: Mapping[str, str] | None = None
    ) -> None:
        """Store in the stream capturing ``subject``; raises ``TransportError`` if none does."""
        ...

    async def ensure_stream(self, config: Mapping[str, Any]) -> None:
        """Create the stream unless one of that name exists."""
        ...

    async def ensure_consumer(self, spec: ConsumerSpec, *, update: bool) -> None:
        """Create (``update``: or reconfigure) the consumer; else attach to the existing one.

        Raises ``TransportError`` (``trellis.jobs.infrastructure_missing``) when neither works.
        """
        ...

    async def puller(self, stream: str, consumer: str) -> Puller: ...

    async def last(self, stream: str, subject_filter: str) -> bytes | None:
        """The body of the newest message matching ``subject_filter``, or None."""
        ...

    async def get(self, stream: str, seq: int) -> bytes | None: ...

    async def delete(self, stream: str, seq: int) -> None: ...


def jobstream_for(transport: Transport) -> JobStream:
    """The JetStream of ``transport``'s server: the memory broker's or a real one."""
    from .memory import InMemoryTransport

    if isinstance(transport, InMemoryTransport):
        from .jobstream_memory import memory_jobstream

        return memory_jobstream(transport)
    return NatsJobStream(transport)


def infrastructure_missing(stream: str, consumer: str, detail: str) -> TransportError:
    return TransportError(
        "trellis.jobs.infrastructure_missing",
        f"Jobs consumer '{consumer}' on stream '{stream}' could not be created or found: {detail}",
        "A deployment provisions the jobs streams; locally the service creates them at start.",
        context={"stream": stream, "consumer": consumer},
    )


# ----- NATS ------------------------------------------------------------------------------------


class _ApiError(TransportError):
    """JetStream refused an API request (its ``error`` object: code, err_code, description)."""

    def __init__(self, subject: str, code: int, err_code: int, description: str) -> None:
        super().__init__(
            "trellis.jobs.jetstream_error",
            f"{subject}: {description} ({code}/{err_code})",
            context={"subject": subject, "errCode": err_code},
        )
        self.status = code
        self.err_code = err_code


_STREAM_NOT_FOUND = 10059
_NO_MESSAGE = 10037


def _parse_ack_subject(reply: str) -> tuple[int, int]:
    """(deliveries, stream sequence) from ``$JS.ACK.<stream>.<consumer>.<n>.<sseq>.<cseq>...``."""
    tokens = reply.split(".")
    base = 2 if len(tokens) == 9 else 4  # v2 subjects add domain and account hash
    return int(tokens[base + 2]), int(tokens[base + 3])


class _NatsWorkMessage:
    def __init__(self, transport: Transport, message: Message) -> None:
        assert message.reply is not None
        self._transport = transport
        self._reply = message.reply
        self.data = message.data
        self.subject = message.subject
        self.deliveries, self.stream_seq = _parse_ack_subject(message.reply)

    async def ack(self) -> None:
        await self._transport.publish(self._reply, b"+ACK")

    async def nak(self, delay: float | None = None) -> None:
        body = b"-NAK"
        if delay:
            body += b" " + encode_json({"delay": int(delay * 1_000_000_000)})
        await self._transport.publish(self._reply, body)

    async def in_progress(self) -> None:
        await self._transport.publish(self._reply, b"+WPI")


class _NatsPuller:
    """Pull requests of batch 1 on a private inbox; one outstanding request at a time."""

    def __init__(self, transport: Transport, stream: str, consumer: str) -> None:
        self._transport = transport
        self._next = f"{API}.CONSUMER.MSG.NEXT.{stream}.{consumer}"
        self._inbox = transport.new_inbox()
        self._arrived: asyncio.Queue[Message] = asyncio.Queue()
        self._outstanding = False
        self._subscription: Any = None

    async def open(self) -> _NatsPuller:
        async def on_message(message: Message) -> None:
            self._arrived.put_nowait(message)

        self._subscription = await self._transport.subscribe(self._inbox, on_message)
        return self

    async def next(self, wait: float) -> _NatsWorkMessage | None:
        if not self._outstanding:
            request = {"batch": 1, "expires": int(wait * 1_000_000_000)}
            await self._transport.publish(self._next, encode_json(request), reply=self._inbox)
            self._outstanding = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait + 1.0
        while True:
            try:
                message = await asyncio.wait_for(
                    self._arrived.get(), max(0.0, deadline - loop.time())
                )
            except TimeoutError:
                self._outstanding = False  # the request was lost (a reconnect): ask again
                return None
            status = message.header("Status")
            if status is None and message.reply and message.reply.startswith("$JS.ACK."):
                self._outstanding = False
                return _NatsWorkMessage(self._transport, message)
            if status == "100":  # idle heartbeat: the request is still open
                continue
            self._outstanding = False  # 404 no messages, 408 expired, 409 ...: request over
            return None

    async def close(self) -> None:
        """Unsubscribe (nats-server then drops the open pull request: it sees no interest) and
        hand back at once whatever was delivered but not yet taken, rather than leave it to the
        ack wait."""
        if self._subscription is not None:
            await self._subscription.unsubscribe()
            self._subscription = None
        while not self._arrived.empty():
            message = self._arrived.get_nowait()
            if message.header("Status") is None and (message.reply or "").startswith("$JS.ACK."):
                await _NatsWorkMessage(self._transport, message).nak()


class NatsJobStream:
    """JetStream over a core-NATS transport, through the ``$JS.API`` request subjects."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    async def _api(self, subject: str, body: Any = None) -> dict[str, Any]:
        data = b"" if body is None else encode_json(body)
        try:
            reply = await self._transport.request(f"{API}.{subject}", data, timeout=_API_TIMEOUT)
        except (NoResponders, RpcTimeout) as exc:
            raise TransportError(
                "trellis.jobs.jetstream_unavailable",
                f"JetStream did not answer {API}.{subject}.",
                "Run nats-server with JetStream (-js); check the service's permissions.",
                context={"subject": f"{API}.{subject}"},
            ) from exc
        answer: dict[str, Any] = json.loads(reply.data or b"{}")
        error = answer.get("error")
        if isinstance(error, dict):
            raise _ApiError(
                f"{API}.{subject}",
                int(error.get("code", 0)),
                int(error.get("err_code", 0)),
                str(error.get("description", "")),
            )
        return answer

    async def publish(
        self, subject: str, data: bytes, headers: Mapping[str, str] | None = None
    ) -> None:
        await self._transport.stream_publish(subject, data, headers=headers)

    async def ensure_stream(self, config: Mapping[str, Any]) -> None:
        name = str(config["name"])
        try:
            await self._api(f"STREAM.INFO.{name}")
            return
        except _ApiError as exc:
            if exc.err_code != _STREAM_NOT_FOUND:
                raise
        with contextlib.suppress(_ApiError):  # a concurrent starter may have won the race
            await self._api(f"STREAM.CREATE.{name}", dict(config))
        await self._api(f"STREAM.INFO.{name}")

    async def ensure_consumer(self, spec: ConsumerSpec, *, update: bool) -> None:
        config: dict[str, Any] = {
            "durable_name": spec.name,
            "name": spec.name,
            "filter_subject": spec.filter_subject,
            "ack_policy": "explicit",
            "deliver_policy": "all",
            "ack_wait": spec.ack_wait_ms * 1_000_000,
            "max_deliver": spec.max_deliver,
            "max_ack_pending": -1,
        }
        if spec.backoff_ms:
            config["backoff"] = [ms * 1_000_000 for ms in spec.backoff_ms]
        request: dict[str, Any] = {"stream_name": spec.stream, "config": config}
        if not update:
            request["action"] = "create"
        try:  # the NATS 2.10 filtered consumer-create subject
            await self._api(
                f"CONSUMER.CREATE.{spec.stream}.{spec.name}.{spec.filter_subject}", request
            )
            return
        except TransportError as created:
            reason = str(created)
        try:  # an existing, compatible consumer (a deployment's)
            await self._api(f"CONSUMER.INFO.{spec.stream}.{spec.name}")
        except TransportError as exc:
            raise infrastructure_missing(spec.stream, spec.name, f"{reason}; {exc}") from None

    async def puller(self, stream: str, consumer: str) -> _NatsPuller:
        return await _NatsPuller(self._transport, stream, consumer).open()

    async def last(self, stream: str, subject_filter: str) -> bytes | None:
        try:  # direct get, the way the reference asks: the filter is the subject's tail
            reply = await self._transport.request(
                f"{API}.DIRECT.GET.{stream}.{subject_filter}", b"", timeout=_API_TIMEOUT
            )
        except NoResponders:  # the stream does not allow direct gets: ask the leader
            return await self._message({"last_by_subj": subject_filter}, stream)
        status = reply.header("Status")
        if status == "404":
            return None
        if status is not None:
            raise TransportError(
                "trellis.jobs.direct_get_failed",
                f"Direct get on {stream} answered {status}.",
                context={"stream": stream, "filter": subject_filter},
            )
        return reply.data

    async def get(self, stream: str, seq: int) -> bytes | None:
        return await self._message({"seq": seq}, stream)

    async def _message(self, query: dict[str, Any], stream: str) -> bytes | None:
        try:
            answer = await self._api(f"STREAM.MSG.GET.{stream}", query)
        except _ApiError as exc:
            if exc.err_code == _NO_MESSAGE:
                return None
            raise
        return base64.b64decode(answer["message"].get("data") or "")

    async def delete(self, stream: str, seq: int) -> None:
        with contextlib.suppress(_ApiError):  # already gone
            await self._api(f"STREAM.MSG.DELETE.{stream}", {"seq": seq})
