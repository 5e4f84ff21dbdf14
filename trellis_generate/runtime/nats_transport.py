"""NATS transport (nats-py): core NATS for messaging, JetStream KV for durable state."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

import nats
import nats.errors
import nats.js.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription as NatsSubscription
from nats.js.kv import KeyValue as NatsKeyValue

from .errors import NoResponders, RpcTimeout
from .transport import KvConflict, KvEntry, Message, MessageHandler

_NO_RESPONDERS = "503"


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
    headers = dict(msg.headers or {})
    bounced = headers.get("Status") == _NO_RESPONDERS and not msg.data
    return Message(msg.subject, msg.data, msg.reply or None, headers, no_responders=bounced)


class NatsTransport:
    """A transport over one nats-py client connection."""

    def __init__(self, client: Client) -> None:
        self.client = client

    @classmethod
    async def connect(cls, url: str = "nats://127.0.0.1:4222", **options: Any) -> NatsTransport:
        """Connect to ``url``; ``options`` go to ``nats.connect`` (credentials, name, ...)."""
        return cls(await nats.connect(servers=[url], **options))

    def new_inbox(self) -> str:
        return self.client.new_inbox()

    async def publish(
        self,
        subject: str,
        data: bytes,
        *,
        reply: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        await self.client.publish(
            subject, data, reply=reply or "", headers=dict(headers) if headers else None
        )

    async def request(
        self,
        subject: str,
        data: bytes,
        *,
        timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> Message:
        try:
            msg = await self.client.request(
                subject, data, timeout=timeout, headers=dict(headers) if headers else None
            )
        except nats.errors.NoRespondersError:
            raise NoResponders(f"no responders on {subject}") from None
        except nats.errors.TimeoutError:
            raise RpcTimeout(f"no reply on {subject} within {timeout}s") from None
        return _message(msg)

    async def subscribe(
        self, subject: str, handler: MessageHandler, *, queue: str | None = None
    ) -> _NatsSubscriptionHandle:
        async def on_message(msg: Msg) -> None:
            await handler(_message(msg))

        sub = await self.client.subscribe(subject, queue=queue or "", cb=on_message)
        return _NatsSubscriptionHandle(sub)

    async def key_value(self, bucket: str) -> _NatsBucket:
        js = self.client.jetstream()
        try:
            kv = await js.key_value(bucket)
        except nats.js.errors.BucketNotFoundError:
            kv = await js.create_key_value(bucket=bucket, history=1)
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
