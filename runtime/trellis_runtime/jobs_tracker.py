"""Following jobs this process knows: their snapshots, folded from lifecycle events as they pass.

Per queue one core subscription on ``<publishPrefix>.*.*`` sees every lifecycle event (they are
plain subjects of the ``JOBS`` stream, so live subscribers get them whoever published them, a
reference runtime included). Only jobs this process created, or holds a reference to, are
followed: a tracked job lives as long as a ``JobRef`` (or the worker) holds it. ``refresh`` reads
a job's latest event from ``JOBS`` (direct get), for jobs whose events passed before the
subscription existed.
"""

from __future__ import annotations

import asyncio
import hashlib
import weakref
from collections import deque
from collections.abc import Mapping
from typing import Any

from .encoding import encode_json
from .errors import UnexpectedError
from .jobs_model import apply_event, is_terminal, parse_event
from .jobs_queues import JOBS_STREAM, ResolvedQueue
from .jobstream import JobStream
from .transport import Message, Transport, TransportSubscription

_SEEN = 64  # events remembered per job, so one applied locally and heard back counts once


class Tracked:
    """One followed job: its latest snapshot (wire shape) and a signal for every change."""

    def __init__(self, snapshot: Mapping[str, Any]) -> None:
        self.snapshot: dict[str, Any] = dict(snapshot)
        self.changed = asyncio.Event()
        self._seen: deque[bytes] = deque(maxlen=_SEEN)

    @property
    def terminal(self) -> bool:
        return is_terminal(str(self.snapshot["state"]))

    def apply(self, event: Mapping[str, Any]) -> None:
        """Fold ``event`` in, once: the same event (published here, heard back) is skipped."""
        fingerprint = hashlib.sha256(encode_json(event)).digest()
        if fingerprint in self._seen:
            return
        self._seen.append(fingerprint)
        self.snapshot = apply_event(self.snapshot, event)
        self.changed.set()


class Tracker:
    def __init__(self, transport: Transport, js: JobStream) -> None:
        self._transport = transport
        self._js = js
        self._jobs: weakref.WeakValueDictionary[str, Tracked] = weakref.WeakValueDictionary()
        self._subscriptions: dict[str, TransportSubscription] = {}
        self._lock = asyncio.Lock()
        self.closed = False

    async def watch(self, queue: ResolvedQueue) -> None:
        """Follow the queue's lifecycle subjects (once; returns when the server has the SUB)."""
        prefix = queue.binding.publish_prefix
        if prefix in self._subscriptions:
            return
        async with self._lock:
            if prefix in self._subscriptions or self.closed:
                return

            async def on_event(message: Message) -> None:
                self._on_event(prefix, message)

            self._subscriptions[prefix] = await self._transport.subscribe(
                queue.lifecycle_filter, on_event
            )
            await self._transport.flush()

    def _on_event(self, prefix: str, message: Message) -> None:
        event = parse_event(message.data)
        if event is None:
            return
        # the subject must name the same job and event as the body (the reference's check)
        if message.subject != f"{prefix}.{event['jobId']}.{event['eventType']}":
            return
        self.apply(event)

    def follow(self, snapshot: Mapping[str, Any]) -> Tracked:
        """Follow a job from ``snapshot``, unless it is followed already (that state wins)."""
        job_id = str(snapshot["id"])
        tracked = self._jobs.get(job_id)
        if tracked is None:
            tracked = Tracked(snapshot)
            self._jobs[job_id] = tracked
        return tracked

    def apply(self, event: Mapping[str, Any]) -> None:
        tracked = self._jobs.get(str(event["jobId"]))
        if tracked is not None:
            tracked.apply(event)

    async def refresh(self, queue: ResolvedQueue, tracked: Tracked) -> None:
        """Apply the job's latest stored event (a ``logged`` one is not re-applied: it appends)."""
        if tracked.terminal:
            return
        data = await self._js.last(JOBS_STREAM, queue.job_filter(str(tracked.snapshot["id"])))
        event = parse_event(data) if data is not None else None
        if event is None or event["eventType"] == "logged":
            return
        tracked.apply(event)

    async def until_terminal(self, tracked: Tracked, timeout: float | None) -> None:
        async with asyncio.timeout(timeout):
            while not tracked.terminal:
                if self.closed:
                    raise UnexpectedError(context={"reason": "job lifecycle tracker stopped"})
                tracked.changed.clear()
                await tracked.changed.wait()

    async def close(self) -> None:
        self.closed = True
        for sub in self._subscriptions.values():
            await sub.unsubscribe()
        self._subscriptions.clear()
        for tracked in list(self._jobs.values()):
            tracked.changed.set()
