"""The JetStream of the in-memory broker, as far as jobs use it.

Streams (limits or work-queue retention, sources with subject transforms), durable pull
consumers with explicit acks, ack-wait expiry and redelivery, negative acks with a delay, work
in progress, max-deliveries advisories (published like nats-server's and stored by a stream
capturing them), latest-by-subject reads, reads and deletes by sequence. One instance per
broker, shared by all its connections; timers run on the event loop that created it.

Like nats-server, a publish into a stream is also seen by core subscribers of its subject. The
JetStream of the memory broker is separate from its ``trellis`` event stream: jobs publish
through ``MemoryJobStream.publish``.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .encoding import encode_json, iso_now, ulid
from .errors import TransportError
from .jobstream import ConsumerSpec, infrastructure_missing
from .memory import InMemoryBroker, InMemoryTransport
from .subjects import subject_matches
from .transport import Message, plain_headers

_ADVISORY = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES"


@dataclass
class _Stored:
    seq: int
    subject: str
    data: bytes
    headers: dict[str, str]


@dataclass
class _Source:
    stream: str
    src: str
    dest: str


@dataclass
class _Stream:
    name: str
    subjects: list[str]
    work_queue: bool
    sources: list[_Source]
    messages: dict[int, _Stored] = field(default_factory=dict)
    last_seq: int = 0

    def captures(self, subject: str) -> bool:
        return any(subject_matches(pattern, subject) for pattern in self.subjects)


def _transform(src: str, dest: str, subject: str) -> str | None:
    """``subject`` mapped by a NATS subject transform (``$n`` = the n-th ``*`` token)."""
    if not subject_matches(src, subject):
        return None
    pattern, tokens = src.split("."), subject.split(".")
    wild = [tok for pat, tok in zip(pattern, tokens, strict=False) if pat == "*"]
    out = []
    for part in dest.split("."):
        if part.startswith("$") and part[1:].isdigit():
            out.append(wild[int(part[1:]) - 1])
        else:
            out.append(part)
    return ".".join(out)


class _Work:
    """A delivered message: ack, nak or extend it through its consumer."""

    def __init__(self, consumer: _Consumer, stored: _Stored, deliveries: int) -> None:
        self._consumer = consumer
        self.data = stored.data
        self.subject = stored.subject
        self.stream_seq = stored.seq
        self.deliveries = deliveries

    async def ack(self) -> None:
        self._consumer.ack(self.stream_seq, self.deliveries)

    async def nak(self, delay: float | None = None) -> None:
        self._consumer.nak(self.stream_seq, self.deliveries, delay)

    async def in_progress(self) -> None:
        self._consumer.extend(self.stream_seq, self.deliveries)


class _Consumer:
    def __init__(self, js: MemoryJobStream, stream: _Stream, spec: ConsumerSpec) -> None:
        self.js = js
        self.stream = stream
        self.spec = spec
        self.cursor = 0  # the highest stream sequence considered for a first delivery
        self.deliveries: dict[int, int] = {}
        self.in_flight: dict[int, asyncio.TimerHandle] = {}
        self.delayed: dict[int, asyncio.TimerHandle] = {}
        self.ready: list[int] = []  # due for redelivery, oldest first
        self.done: set[int] = set()  # acked or exhausted (limits streams keep the message)
        self.waiters: list[asyncio.Future[_Work]] = []

    # the timeline of one message --------------------------------------------------------------

    def _timeout(self, deliveries: int) -> float:
        backoff = self.spec.backoff_ms
        if backoff:  # as nats-server: the backoff list replaces the ack wait
            return backoff[min(deliveries, len(backoff)) - 1] / 1000
        return self.spec.ack_wait_ms / 1000

    def _arm(self, seq: int, deliveries: int) -> None:
        loop = asyncio.get_running_loop()
        self._disarm(seq)
        self.in_flight[seq] = loop.call_later(self._timeout(deliveries), self._expired, seq)

    def _disarm(self, seq: int) -> None:
        for timers in (self.in_flight, self.delayed):
            handle = timers.pop(seq, None)
            if handle is not None:
                handle.cancel()

    def _expired(self, seq: int) -> None:
        self.in_flight.pop(seq, None)
        self._due(seq)

    def _due(self, seq: int) -> None:
        self.delayed.pop(seq, None)
        if seq in self.done or seq not in self.stream.messages:
            return
        if self.deliveries.get(seq, 0) >= self.spec.max_deliver:
            self.done.add(seq)
            self.js.advise(self, seq, self.deliveries[seq])
            return
        self.ready.append(seq)
        self.pump()

    def _current(self, seq: int, deliveries: int) -> bool:
        """Whether an ack of delivery ``deliveries`` still counts (no newer delivery since)."""
        return self.deliveries.get(seq) == deliveries and seq not in self.done

    def ack(self, seq: int, deliveries: int) -> None:
        if not self._current(seq, deliveries):
            return
        self._disarm(seq)
        if self.stream.work_queue:  # the message is gone: forget it (later acks find nothing)
            self.stream.messages.pop(seq, None)
            self.deliveries.pop(seq, None)
        else:
            self.done.add(seq)

    def nak(self, seq: int, deliveries: int, delay: float | None) -> None:
        if not self._current(seq, deliveries) or seq not in self.in_flight:
            return
        self._disarm(seq)
        if delay:
            loop = asyncio.get_running_loop()
            self.delayed[seq] = loop.call_later(delay, self._due, seq)
        else:
            self._due(seq)

    def extend(self, seq: int, deliveries: int) -> None:
        if self._current(seq, deliveries) and seq in self.in_flight:
            self._arm(seq, deliveries)

    # delivery ---------------------------------------------------------------------------------

    def _next_seq(self) -> int | None:
        while self.ready:
            seq = self.ready.pop(0)
            if seq in self.stream.messages and seq not in self.done:
                return seq
        for seq in sorted(s for s in self.stream.messages if s > self.cursor):
            self.cursor = seq
            if subject_matches(self.spec.filter_subject, self.stream.messages[seq].subject):
                return seq
        return None

    def pump(self) -> None:
        self.waiters = [w for w in self.waiters if not w.done()]
        while self.waiters:
            seq = self._next_seq()
            if seq is None:
                return
            deliveries = self.deliveries.get(seq, 0) + 1
            self.deliveries[seq] = deliveries
            self._arm(seq, deliveries)
            self.waiters.pop(0).set_result(_Work(self, self.stream.messages[seq], deliveries))


class _Puller:
    def __init__(self, consumer: _Consumer) -> None:
        self._consumer = consumer

    async def next(self, wait: float) -> _Work | None:
        waiter: asyncio.Future[_Work] = asyncio.get_running_loop().create_future()
        self._consumer.waiters.append(waiter)
        self._consumer.pump()
        try:
            await asyncio.wait({waiter}, timeout=wait)
        except asyncio.CancelledError:  # the worker stops: hand back what just arrived
            if waiter.done() and not waiter.cancelled():
                work = waiter.result()
                self._consumer.nak(work.stream_seq, work.deliveries, None)
            waiter.cancel()
            raise
        if waiter.done() and not waiter.cancelled():
            return waiter.result()
        waiter.cancel()
        return None

    async def close(self) -> None:
        return None


class MemoryJobStream:
    def __init__(self, broker: InMemoryBroker) -> None:
        self.broker = broker
        self.streams: dict[str, _Stream] = {}
        self.consumers: dict[tuple[str, str], _Consumer] = {}

    # publishing and streams -------------------------------------------------------------------

    async def publish(
        self, subject: str, data: bytes, headers: Mapping[str, str] | None = None
    ) -> None:
        self.broker.route(Message(subject, data, None, plain_headers(headers)))
        stream = next((s for s in self.streams.values() if s.captures(subject)), None)
        if stream is None:
            raise TransportError(
                "trellis.stream.missing",
                f"No stream captures {subject}.",
                "Create the jobs streams (a deployment provisions them).",
                context={"subject": subject},
            )
        self._store(stream, subject, data, plain_headers(headers))

    def _store(self, stream: _Stream, subject: str, data: bytes, headers: dict[str, str]) -> None:
        stream.last_seq += 1
        stream.messages[stream.last_seq] = _Stored(stream.last_seq, subject, data, headers)
        for target in self.streams.values():
            for source in target.sources:
                if source.stream != stream.name:
                    continue
                mapped = _transform(source.src, source.dest, subject)
                if mapped is not None:
                    self._store(target, mapped, data, headers)
        for consumer in self.consumers.values():
            if consumer.stream is stream:
                consumer.pump()

    def advise(self, consumer: _Consumer, seq: int, deliveries: int) -> None:
        """The max-deliveries advisory of ``seq``: to core listeners and capturing streams."""
        subject = f"{_ADVISORY}.{consumer.stream.name}.{consumer.spec.name}"
        body = encode_json(
            {
                "type": "io.nats.jetstream.advisory.v1.max_deliver",
                "id": ulid(),
                "timestamp": iso_now(),
                "stream": consumer.stream.name,
                "consumer": consumer.spec.name,
                "stream_seq": seq,
                "deliveries": deliveries,
            }
        )
        self.broker.route(Message(subject, body))
        for stream in self.streams.values():
            if stream.captures(subject):
                self._store(stream, subject, body, {})

    async def ensure_stream(self, config: Mapping[str, Any]) -> None:
        name = str(config["name"])
        if name in self.streams:
            return
        sources = [
            _Source(str(source["name"]), str(t["src"]), str(t["dest"]))
            for source in config.get("sources") or ()
            for t in source.get("subject_transforms") or ()
        ]
        self.streams[name] = _Stream(
            name,
            list(config.get("subjects") or ()),
            config.get("retention") == "workqueue",
            sources,
        )

    async def ensure_consumer(self, spec: ConsumerSpec, *, update: bool) -> None:
        stream = self.streams.get(spec.stream)
        if stream is None:
            raise infrastructure_missing(spec.stream, spec.name, "stream not found")
        existing = self.consumers.get((spec.stream, spec.name))
        if existing is None:
            self.consumers[(spec.stream, spec.name)] = _Consumer(self, stream, spec)
        elif update:
            existing.spec = spec

    async def puller(self, stream: str, consumer: str) -> _Puller:
        found = self.consumers.get((stream, consumer))
        if found is None:
            raise infrastructure_missing(stream, consumer, "consumer not found")
        return _Puller(found)

    async def last(self, stream: str, subject_filter: str) -> bytes | None:
        found = self._stream(stream)
        for seq in sorted(found.messages, reverse=True):
            if subject_matches(subject_filter, found.messages[seq].subject):
                return found.messages[seq].data
        return None

    async def get(self, stream: str, seq: int) -> bytes | None:
        stored = self._stream(stream).messages.get(seq)
        return None if stored is None else stored.data

    async def delete(self, stream: str, seq: int) -> None:
        self._stream(stream).messages.pop(seq, None)

    def _stream(self, name: str) -> _Stream:
        found = self.streams.get(name)
        if found is None:
            raise TransportError(
                "trellis.jobs.jetstream_error", f"stream {name} not found", context={"stream": name}
            )
        return found

    def close(self) -> None:
        """Cancel every timer (ack waits, delayed redeliveries)."""
        for consumer in self.consumers.values():
            for seq in list(consumer.in_flight) + list(consumer.delayed):
                with contextlib.suppress(Exception):
                    consumer._disarm(seq)


_BY_BROKER: weakref.WeakKeyDictionary[InMemoryBroker, MemoryJobStream] = weakref.WeakKeyDictionary()


def memory_jobstream(transport: InMemoryTransport) -> MemoryJobStream:
    """The JetStream of ``transport``'s broker (one per broker)."""
    js = _BY_BROKER.get(transport.broker)
    if js is None:
        js = _BY_BROKER[transport.broker] = MemoryJobStream(transport.broker)
    return js
