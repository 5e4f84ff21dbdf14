"""NATS transport (nats-py): core NATS for requests and replies, JetStream for events and KV."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import math
from collections.abc import Callable, Mapping
from typing import Any

import nats
import nats.errors
import nats.js.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription as NatsSubscription
from nats.js.api import StreamConfig
from nats.js.kv import KeyValue as NatsKeyValue

from .buckets import KvBucketConfig, ObjectBucketConfig
from .encoding import ulid
from .errors import NoResponders, RpcTimeout, TransportError
from .nats_buckets import NatsKvBucket, NatsObjectBucket, open_kv_bucket, open_object_bucket
from .transport import KvConflict, KvEntry, Message, MessageHandler, StreamAck, plain_headers

_NO_RESPONDERS = "503"
_STATUS = "Status"


class _NatsBucket:
    def __init__(self, kv: NatsKeyValue) -> None:
        self._kv = kv

    async def get(self, key: str) -> KvEntry | None:
        try:
            entry = await self._kv.get(key)
        except (nats.js.errors.KeyNotFoundError, nats.js.errors.KeyDeletedError):
            return None
        assert entry.revision is not None
        return KvEntry(entry.value or b"", entry.revision)

    async def put(self, key: str, value: bytes) -> int:
        return await self._kv.put(key, value)

    async def create(self, key: str, value: bytes) -> int:
        try:
            return await self._kv.create(key, value)
        except nats.js.errors.KeyWrongLastSequenceError as exc:
            raise KvConflict(str(exc)) from exc

    async def update(self, key: str, value: bytes, revision: int) -> int:
        try:
            return await self._kv.update(key, value, last=revision)
        except nats.js.errors.KeyWrongLastSequenceError as exc:
            raise KvConflict(str(exc)) from exc


class _NatsSubscriptionHandle:
    def __init__(self, sub: NatsSubscription) -> None:
        self._sub = sub

    async def unsubscribe(self) -> None:
        with contextlib.suppress(
            nats.errors.ConnectionClosedError, nats.errors.BadSubscriptionError
        ):
            await self._sub.unsubscribe()

    async def drain(self) -> None:
        with contextlib.suppress(
            nats.errors.ConnectionClosedError, nats.errors.BadSubscriptionError
        ):
            await self._sub.drain()  # type: ignore[no-untyped-call]


def _message(msg: Msg) -> Message:
    headers = msg.headers or {}  # nats-py builds a fresh dict per message: ours to keep
    bounced = headers.get(_STATUS) == _NO_RESPONDERS and not msg.data
    return Message(msg.subject, msg.data, msg.reply or None, headers, no_responders=bounced)


# a deadline this close counts as passed when the timer runs (it may run a hair before it)
_TIMER_SLACK = 0.001


class _ReplyInbox:
    """One wildcard subscription receiving the replies to every request of a connection.

    It is nats-py's own request scheme (``<inbox prefix>.<nuid>.*``, one token per request),
    minus its ``asyncio.wait_for``: that costs an extra turn of the event loop per request on
    Python 3.11, where the reply here resolves the caller's future directly. Tokens only have to
    differ within this inbox, so they are a counter (nats-py draws a NUID and random hex per
    request). Guessing one gains nothing: a deployment lets a participant publish to a reply
    subject only in answer to a request it received (NATS response permissions), and only this
    connection's key may subscribe to its inbox.

    Timeouts share one timer, set for the earliest deadline of the requests in flight. A timer
    per request cost about 7 µs in a busy process (creating it, then cancelling it once the
    reply came), more than any other step of a request here; the shared one moves only when a
    request with an earlier deadline starts, and fires about once per timeout period.
    """

    def __init__(self, client: Client, inbox_prefix: str) -> None:
        from nats.nuid import NUID

        self._client = client
        self._prefix = f"{inbox_prefix}.{NUID().next().decode()}."
        self._tokens = itertools.count()
        self._waiting: dict[str, tuple[asyncio.Future[Msg], float]] = {}  # token: waiter, deadline
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = math.inf

    async def open(self) -> None:
        await self._client.subscribe(self._prefix + "*", cb=self._on_reply)

    async def _on_reply(self, msg: Msg) -> None:
        entry = self._waiting.pop(msg.subject[len(self._prefix) :], None)
        if entry is not None and not entry[0].done():
            entry[0].set_result(msg)

    async def request(
        self, subject: str, data: bytes, timeout: float, headers: dict[str, str] | None
    ) -> Msg:
        """The reply; raises ``NoResponders`` or ``RpcTimeout``."""
        token = str(next(self._tokens))
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[Msg] = loop.create_future()
        deadline = loop.time() + timeout
        self._waiting[token] = (waiter, deadline)
        if deadline < self._timer_at:
            self._set_timer(loop, deadline)
        try:
            await self._client.publish(subject, data, reply=self._prefix + token, headers=headers)
            msg = await waiter
        except TimeoutError:
            raise RpcTimeout(subject, timeout) from None
        finally:
            self._waiting.pop(token, None)
        if msg.headers and msg.headers.get(_STATUS) == _NO_RESPONDERS:
            raise NoResponders(subject)
        return msg

    def _set_timer(self, loop: asyncio.AbstractEventLoop, at: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_at = loop.call_at(at, self._expire, loop), at

    def _expire(self, loop: asyncio.AbstractEventLoop) -> None:
        """Time out every request whose deadline passed; set the timer for the next one."""
        self._timer, self._timer_at = None, math.inf
        now, earliest = loop.time() + _TIMER_SLACK, math.inf
        for waiter, deadline in self._waiting.values():
            if waiter.done():
                continue
            if deadline <= now:
                waiter.set_exception(TimeoutError())
            elif deadline < earliest:
                earliest = deadline
        if earliest < math.inf:
            self._set_timer(loop, earliest)


class NatsTransport:
    """A transport over one nats-py client connection."""

    def __init__(self, client: Client, *, inbox_prefix: str = "_INBOX") -> None:
        self.client = client
        self.inbox_prefix = inbox_prefix
        self._replies: _ReplyInbox | None = None
        self._replies_opening = asyncio.Lock()

    @classmethod
    async def connect(
        cls,
        url: str = "nats://127.0.0.1:4222",
        *,
        inbox_prefix: str = "_INBOX",
        token: Callable[[], str] | None = None,
        **options: Any,
    ) -> NatsTransport:
        """Connect to ``url``; ``token`` is asked for a fresh auth token on every (re)connect.

        Further ``options`` go to ``nats.connect`` (``user_credentials``, ``name``, ...).
        """
        if token is not None:
            options["token"] = token
        client = await nats.connect(servers=[url], inbox_prefix=inbox_prefix, **options)
        return cls(client, inbox_prefix=inbox_prefix)

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
        await self.client.publish(
            subject, data, reply=reply or "", headers=plain_headers(headers) or None
        )

    async def request(
        self,
        subject: str,
        data: bytes,
        *,
        timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> Message:
        replies = self._replies or await self._open_replies()
        msg = await replies.request(subject, data, timeout, plain_headers(headers) or None)
        return _message(msg)

    async def _open_replies(self) -> _ReplyInbox:
        """The reply inbox, subscribed by the first request (concurrent ones wait for it)."""
        async with self._replies_opening:
            if self._replies is None:
                replies = _ReplyInbox(self.client, self.inbox_prefix)
                await replies.open()
                self._replies = replies
            return self._replies

    async def subscribe(
        self, subject: str, handler: MessageHandler, *, queue: str | None = None
    ) -> _NatsSubscriptionHandle:
        async def on_message(msg: Msg) -> None:
            await handler(_message(msg))

        sub = await self.client.subscribe(subject, queue=queue or "", cb=on_message)
        return _NatsSubscriptionHandle(sub)

    async def stream_publish(
        self, subject: str, data: bytes, *, headers: Mapping[str, str] | None = None
    ) -> StreamAck:
        try:
            ack = await self.client.jetstream().publish(
                subject, data, headers=plain_headers(headers) or None
            )
        except nats.js.errors.NoStreamResponseError:
            raise TransportError(
                "trellis.stream.missing",
                f"No stream captures {subject}.",
                "Create the stream (a Trellis deployment has one on events.>).",
                context={"subject": subject},
            ) from None
        except nats.errors.TimeoutError:
            raise RpcTimeout(subject, 5.0) from None
        return StreamAck(ack.stream, ack.seq, bool(ack.duplicate))

    async def ensure_stream(self, name: str, subjects: list[str]) -> None:
        js = self.client.jetstream()
        try:
            await js.stream_info(name)
        except nats.js.errors.NotFoundError:
            await js.add_stream(StreamConfig(name=name, subjects=list(subjects)))

    async def key_value(self, bucket: str, *, history: int = 1, ttl: float = 0) -> _NatsBucket:
        js = self.client.jetstream()
        try:
            kv = await js.key_value(bucket)
        except nats.js.errors.BucketNotFoundError:
            kv = await js.create_key_value(bucket=bucket, history=history, ttl=ttl or None)
        return _NatsBucket(kv)

    async def flush(self) -> None:
        """Return once the server has processed everything sent so far.

        nats-py writes its PING straight to the socket while earlier commands (a fresh SUB) may
        still wait in its pending buffer, so one PING/PONG can overtake them. The first round
        trip lets its flusher write that buffer; the second PING then queues behind it.
        """
        await self.client.flush()
        await self.client.flush()

    async def close(self) -> None:
        """Drain (finish in-flight deliveries and publishes), then close."""
        if self.client.is_closed:
            return
        try:
            await self.client.drain()
        except nats.errors.ConnectionClosedError:
            pass
        finally:
            if not self.client.is_closed:
                await self.client.close()

    # ----- resource buckets (nats_buckets.py) ----------------------------------------------

    async def kv_bucket(self, name: str, config: KvBucketConfig | None) -> NatsKvBucket:
        return await open_kv_bucket(self.client, name, config)

    async def object_bucket(self, name: str, config: ObjectBucketConfig | None) -> NatsObjectBucket:
        return await open_object_bucket(self.client, name, config)
