"""In-memory transport: NATS semantics inside one process, for users' unit tests.

An ``InMemoryBroker`` plays the server (subject matching with ``*``/``>``, queue groups,
no-responder bounces, KV buckets); each ``InMemoryTransport`` is one client connection to it.
Use ``transport.peer()`` for another connection to the same broker, e.g. a client beside a
service, or a "reconnected" client after the first one closed.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from collections.abc import Mapping

from .errors import NoResponders, RpcTimeout
from .subjects import subject_matches
from .transport import KvConflict, KvEntry, Message, MessageHandler

log = logging.getLogger(__name__)

_STOP = object()


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
    def __init__(self) -> None:
        self._entries: dict[str, KvEntry] = {}
        self._revisions = itertools.count(1)

    async def get(self, key: str) -> KvEntry | None:
        return self._entries.get(key)

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


class InMemoryBroker:
    """The shared "server": subscriptions of every connection and the KV buckets."""

    def __init__(self) -> None:
        self._subscriptions: list[_MemorySubscription] = []
        self._buckets: dict[str, _MemoryBucket] = {}
        self._inboxes = itertools.count(1)

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

    def bucket(self, name: str) -> _MemoryBucket:
        return self._buckets.setdefault(name, _MemoryBucket())

    def new_inbox(self) -> str:
        return f"_INBOX.mem.{next(self._inboxes)}"


class InMemoryTransport:
    """One connection to an in-memory broker (a fresh broker unless one is given)."""

    def __init__(self, broker: InMemoryBroker | None = None) -> None:
        self.broker = broker or InMemoryBroker()
        self._subscriptions: list[_MemorySubscription] = []
        self._closed = False

    def peer(self) -> InMemoryTransport:
        """Another connection to the same broker."""
        return InMemoryTransport(self.broker)

    def new_inbox(self) -> str:
        return self.broker.new_inbox()

    async def publish(
        self,
        subject: str,
        data: bytes,
        *,
        reply: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self._check_open()
        self.broker.route(Message(subject, data, reply, dict(headers or {})))

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
                raise RpcTimeout(f"no reply on {subject} within {timeout}s") from None
        finally:
            await sub.unsubscribe()
        if message.no_responders:
            raise NoResponders(f"no responders on {subject}")
        return message

    async def subscribe(
        self, subject: str, handler: MessageHandler, *, queue: str | None = None
    ) -> _MemorySubscription:
        self._check_open()
        sub = _MemorySubscription(self.broker, subject, handler, queue)
        self.broker.add(sub)
        self._subscriptions.append(sub)
        return sub

    async def key_value(self, bucket: str) -> _MemoryBucket:
        return self.broker.bucket(bucket)

    async def flush(self) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        """Drop this connection's subscriptions; the broker (and its KV) lives on."""
        self._closed = True
        for sub in self._subscriptions:
            await sub.unsubscribe()
        self._subscriptions.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise ConnectionError("the in-memory connection is closed")
