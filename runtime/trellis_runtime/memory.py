"""In-memory transport: NATS and JetStream semantics inside one process, for tests.

An ``InMemoryBroker`` plays the server: subject matching with ``*``/``>``, queue groups,
no-responder bounces, streams (the platform's ``trellis`` stream on ``events.>`` exists from the
start, storing a ``Nats-Msg-Id`` once while live subscribers see every publish, as
nats-server does) and KV buckets. Each ``InMemoryTransport`` is one
client connection to it; ``transport.peer()`` opens another connection to the same broker (a
client beside a service, or a "reconnected" client after the first one closed).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from .buckets import KvBucketConfig, ObjectBucketConfig
from .encoding import ulid
from .errors import NoResponders, RpcTimeout, TransportError
from .memory_buckets import MemoryKvBucket, MemoryObjectBucket, kv_bucket, object_bucket
from .subjects import subject_matches
from .transport import KvConflict, KvEntry, Message, MessageHandler, StreamAck, plain_headers

log = logging.getLogger(__name__)

_STOP = object()
EVENT_STREAM = "trellis"


class _MemorySubscription:
    def __init__(
        self, broker: InMemoryBroker, subject: str, handler: MessageHandler, queue: str | None
    ) -> None:
        self.broker = broker
        self.subject = subject
        self.queue = queue
        self._handler = handler
        self._inbox: asyncio.Queue[object] = asyncio.Queue()
        self._worker = asyncio.get_running_loop().create_task(self._run())

    def deliver(self, message: Message) -> None:
        self._inbox.put_nowait(message)

    async def _run(self) -> None:
        while (item := await self._inbox.get()) is not _STOP:
            assert isinstance(item, Message)
            try:
                await self._handler(item)
            except Exception:
                log.exception("subscription handler for %s failed", self.subject)

    async def unsubscribe(self) -> None:
        self.broker.remove(self)
        self._worker.cancel()

    async def drain(self) -> None:
        self.broker.remove(self)
        self._inbox.put_nowait(_STOP)
        await self._worker


class _MemoryBucket:
    def __init__(self, history: int) -> None:
        self.history = history
        self._entries: dict[str, KvEntry] = {}
        self._revisions = itertools.count(1)

    async def get(self, key: str) -> KvEntry | None:
        return self._entries.get(key)

    async def put(self, key: str, value: bytes) -> int:
        return self._store(key, value)

    async def create(self, key: str, value: bytes) -> int:
        if key in self._entries:
            raise KvConflict(f"key {key!r} already exists")
        return self._store(key, value)

    async def update(self, key: str, value: bytes, revision: int) -> int:
        current = self._entries.get(key)
        if current is None or current.revision != revision:
            raise KvConflict(f"key {key!r} is not at revision {revision}")
        return self._store(key, value)

    def _store(self, key: str, value: bytes) -> int:
        revision = next(self._revisions)
        self._entries[key] = KvEntry(value, revision)
        return revision


@dataclass
class _Stream:
    name: str
    subjects: list[str]
    messages: list[Message] = field(default_factory=list)
    seen_ids: set[str] = field(default_factory=set)

    def captures(self, subject: str) -> bool:
        return any(subject_matches(pattern, subject) for pattern in self.subjects)


class InMemoryBroker:
    """The shared "server": subscriptions of every connection, streams and KV buckets."""

    def __init__(self) -> None:
        self._subscriptions: list[_MemorySubscription] = []
        self._buckets: dict[str, _MemoryBucket] = {}
        self.streams: dict[str, _Stream] = {EVENT_STREAM: _Stream(EVENT_STREAM, ["events.>"])}

    def add(self, subscription: _MemorySubscription) -> None:
        self._subscriptions.append(subscription)

    def remove(self, subscription: _MemorySubscription) -> None:
        if subscription in self._subscriptions:
            self._subscriptions.remove(subscription)

    def route(self, message: Message) -> int:
        """Deliver to every plain subscriber and one member per queue group; returns the count."""
        matching = [s for s in self._subscriptions if subject_matches(s.subject, message.subject)]
        groups: dict[str, list[_MemorySubscription]] = {}
        targets = []
        for sub in matching:
            if sub.queue is None:
                targets.append(sub)
            else:
                groups.setdefault(sub.queue, []).append(sub)
        targets.extend(random.choice(members) for members in groups.values())
        for sub in targets:
            sub.deliver(message)
        if not targets and message.reply is not None:
            # like nats-server: tell the requester that nobody is listening
            self.route(Message(message.reply, b"", no_responders=True))
        return len(targets)

    def store(self, message: Message) -> StreamAck:
        for stream in self.streams.values():
            if stream.captures(message.subject):
                # like nats-server: live subscribers get every publish, the stream stores it once
                self.route(Message(message.subject, message.data, None, message.headers))
                msg_id = message.header("Nats-Msg-Id")
                if msg_id is not None and msg_id in stream.seen_ids:
                    return StreamAck(stream.name, len(stream.messages), duplicate=True)
                if msg_id is not None:
                    stream.seen_ids.add(msg_id)
                stream.messages.append(message)
                return StreamAck(stream.name, len(stream.messages))
        raise TransportError(
            "trellis.stream.missing",
            f"No stream captures {message.subject}.",
            "Create the stream (a Trellis deployment has one on events.>).",
            context={"subject": message.subject},
        )

    def bucket(self, name: str, history: int) -> _MemoryBucket:
        return self._buckets.setdefault(name, _MemoryBucket(history))


class InMemoryTransport:
    """One connection to an in-memory broker (a fresh broker unless one is given)."""

    def __init__(
        self, broker: InMemoryBroker | None = None, *, inbox_prefix: str = "_INBOX"
    ) -> None:
        self.broker = broker or InMemoryBroker()
        self.inbox_prefix = inbox_prefix
        self._subscriptions: list[_MemorySubscription] = []
        self._closed = False

    def peer(self) -> InMemoryTransport:
        """Another connection to the same broker."""
        return InMemoryTransport(self.broker)

    def new_inbox(self) -> str:
        return f"{self.inbox_prefix}.{ulid()}"

    async def publish(
        self,
        subject: str,
        data: bytes,
        *,
        reply: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self._check_open()
        self.broker.route(Message(subject, data, reply, plain_headers(headers)))

    async def request(
        self,
        subject: str,
        data: bytes,
        *,
        timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> Message:
        self._check_open()
        reply: asyncio.Future[Message] = asyncio.get_running_loop().create_future()

        async def on_reply(message: Message) -> None:
            if not reply.done():
                reply.set_result(message)

        inbox = self.new_inbox()
        sub = await self.subscribe(inbox, on_reply)
        try:
            await self.publish(subject, data, reply=inbox, headers=headers)
            try:
                message = await asyncio.wait_for(reply, timeout)
            except TimeoutError:
                raise RpcTimeout(subject, timeout) from None
        finally:
            await sub.unsubscribe()
        if message.no_responders:
            raise NoResponders(subject)
        return message

    async def subscribe(
        self, subject: str, handler: MessageHandler, *, queue: str | None = None
    ) -> _MemorySubscription:
        self._check_open()
        sub = _MemorySubscription(self.broker, subject, handler, queue)
        self.broker.add(sub)
        self._subscriptions.append(sub)
        return sub

    async def stream_publish(
        self, subject: str, data: bytes, *, headers: Mapping[str, str] | None = None
    ) -> StreamAck:
        self._check_open()
        return self.broker.store(Message(subject, data, None, plain_headers(headers)))

    async def ensure_stream(self, name: str, subjects: list[str]) -> None:
        self.broker.streams.setdefault(name, _Stream(name, list(subjects)))

    async def key_value(self, bucket: str, *, history: int = 1, ttl: float = 0) -> _MemoryBucket:
        return self.broker.bucket(bucket, history)

    async def flush(self) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        """Drop this connection's subscriptions; the broker (streams, KV) lives on."""
        self._closed = True
        for sub in self._subscriptions:
            await sub.unsubscribe()
        self._subscriptions.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise ConnectionError("the in-memory connection is closed")

    # ----- resource buckets (memory_buckets.py) --------------------------------------------

    async def kv_bucket(self, name: str, config: KvBucketConfig | None) -> MemoryKvBucket:
        self._check_open()
        return kv_bucket(self.broker, name, config)

    async def object_bucket(
        self, name: str, config: ObjectBucketConfig | None
    ) -> MemoryObjectBucket:
        self._check_open()
        return object_bucket(self.broker, name, config)
