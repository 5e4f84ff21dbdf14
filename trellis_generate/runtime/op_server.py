"""The owning service's side of operations: durable records, handlers, and the control subject.

Each operation is one KV record ``{"snapshot", "sequence", "signals"}`` under its id, in a bucket
per contract, so any connection of the service (a restarted one included) answers get/wait.
Every mutation is a compare-and-set on that record, serialized per operation id in-process, and
then fanned out to the watchers registered in this process.

Limits: live watch/wait streams and signal delivery are per process (a watcher registered in one
instance does not see mutations made by another, and signals are accepted only while the
operation's handler runs in the process that receives them, so a deferred operation takes none);
no keepalive frames are sent (they are optional); reply inboxes are not checked against a caller
prefix because this runtime has no authenticated caller identity.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from .descriptors import OperationDescriptor
from .errors import (
    DeclaredError,
    OperationControlError,
    PayloadValidationError,
    RemoteError,
    unexpected_error_wire,
    validation_error_wire,
)
from .op_model import (
    OperationSnapshot,
    OperationState,
    initial_snapshot,
    is_terminal,
    now_iso,
    snapshot_from_wire,
    transition,
)
from .transport import KeyValue, KvConflict, Message, Transport
from .wire import decode, encode, incoming, outgoing

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

_CAS_ATTEMPTS = 5
_BUCKET_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")

Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Task[None]"]


def operations_bucket(contract_id: str) -> str:
    """The KV bucket holding one contract's operations (a JetStream-legal name)."""
    return "trellis_operations_" + _BUCKET_UNSAFE.sub("_", contract_id)


class Deferred:
    """Returned by a handler (via ``op.defer()``): another path will finish this operation."""

    def __repr__(self) -> str:
        return "Deferred()"


@dataclass
class _Watcher:
    reply: str
    mode: Literal["watch", "wait"]
    include_progress: bool = False


@dataclass
class _Record:
    snapshot: dict[str, Any]
    sequence: int
    signals: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> bytes:
        return encode(
            {"snapshot": self.snapshot, "sequence": self.sequence, "signals": self.signals}
        )

    @classmethod
    def from_json(cls, data: bytes) -> _Record:
        body = decode(data)
        return cls(body["snapshot"], int(body["sequence"]), list(body.get("signals", [])))


class OperationRuntime:
    """Per-service operation state: the KV store, in-process watchers, handlers and locks."""

    def __init__(self, transport: Transport, kv: KeyValue, service: str, spawn: Spawn) -> None:
        self._transport = transport
        self._kv = kv
        self._service = service
        self._spawn = spawn
        self._watchers: dict[str, list[_Watcher]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._active: dict[str, ActiveOperation[Any, Any]] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}

    # ----- durable records -------------------------------------------------------------------

    async def _read(
        self, desc: OperationDescriptor[Any, Any, Any], op_id: str
    ) -> tuple[_Record, int]:
        """The record and its KV revision; ids of other operations count as not found."""
        entry = await self._kv.get(op_id)
        record = _Record.from_json(entry.value) if entry is not None else None
        if entry is None or record is None or record.snapshot.get("operation") != desc.key:
            raise OperationControlError(
                "OperationNotFoundError", f"no {desc.key} operation {op_id!r}"
            )
        return record, entry.revision

    async def load(self, desc: OperationDescriptor[Any, Any, Any], op_id: str) -> _Record:
        record, _ = await self._read(desc, op_id)
        return record

    async def _update(
        self,
        desc: OperationDescriptor[Any, Any, Any],
        op_id: str,
        change: Callable[[_Record], dict[str, Any] | None],
    ) -> _Record:
        """Apply ``change`` with CAS retries; it edits the record and returns the event, if any.

        A change that alters nothing (no event, same signals) writes nothing.
        """
        for _ in range(_CAS_ATTEMPTS):
            record, revision = await self._read(desc, op_id)
            before = record.to_json()
            event = change(record)
            if event is None and record.to_json() == before:
                return record
            if event is not None:
                record.sequence += 1
            try:
                await self._kv.update(op_id, record.to_json(), revision)
            except KvConflict:
                continue
            if event is not None:
                await self._fan_out(op_id, record, event)
            return record
        raise OperationControlError(
            "OperationConflictError", f"operation {op_id!r} kept changing concurrently"
        )

    async def mutate(
        self,
        desc: OperationDescriptor[Any, Any, Any],
        op_id: str,
        *,
        state: OperationState | None = None,
        progress: dict[str, Any] | None = None,
        output: dict[str, Any] | None = None,
        error: dict[str, Any] | None = None,
        only_from: frozenset[str] | None = None,
    ) -> dict[str, Any]:
        """One lifecycle step; refuses terminal operations (and states outside ``only_from``)."""

        def change(record: _Record) -> dict[str, Any] | None:
            current = record.snapshot["state"]
            if is_terminal(record.snapshot):
                raise OperationControlError(
                    "OperationTerminalError", f"operation {op_id!r} is already {current}"
                )
            if only_from is not None and current not in only_from:
                return None
            record.snapshot, event = transition(
                record.snapshot, state=state, progress=progress, output=output, error=error
            )
            return event

        async with self._lock(op_id):
            record = await self._update(desc, op_id, change)
        if is_terminal(record.snapshot):
            self._forget(op_id)
        return record.snapshot

    # ----- starting and running ----------------------------------------------------------------

    async def on_start(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, ActiveOperation[P, O]], Awaitable[O | Deferred]],
        message: Message,
    ) -> None:
        if message.reply is None:
            return
        try:
            payload = incoming(desc.input, decode(message.data), f"{desc.key} input")
        except PayloadValidationError as exc:
            await self._reply(message.reply, {"kind": "error", "error": validation_error_wire(exc)})
            return
        op_id = uuid.uuid4().hex
        snapshot = initial_snapshot(op_id, self._service, desc.key)
        await self._kv.create(op_id, _Record(snapshot, sequence=1).to_json())
        ref = {"id": op_id, "service": self._service, "operation": desc.key}
        await self._reply(message.reply, {"kind": "accepted", "ref": ref, "snapshot": snapshot})
        active = ActiveOperation(self, desc, op_id)
        self._active[op_id] = active
        self._tasks[op_id] = self._spawn(self._run(desc, handler, payload, active))

    async def _run(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, ActiveOperation[P, O]], Awaitable[O | Deferred]],
        payload: I,
        op: ActiveOperation[P, O],
    ) -> None:
        try:
            await op.started()
            result = await handler(payload, op)
            if not isinstance(result, Deferred):
                await op.complete(result)
        except OperationControlError as exc:
            # the operation went terminal under the handler (cancelled, or finished explicitly)
            log.debug("operation %s: %s", op.id, exc)
        except (DeclaredError, RemoteError) as exc:
            await self._fail_quietly(op, exc.to_wire())
        except PayloadValidationError as exc:
            await self._fail_quietly(op, validation_error_wire(exc))
        except Exception:
            log.exception("operation %s handler for %s failed", op.id, desc.key)
            await self._fail_quietly(op, unexpected_error_wire())
        finally:
            self._active.pop(op.id, None)
            self._tasks.pop(op.id, None)

    async def _fail_quietly(self, op: ActiveOperation[Any, Any], error: dict[str, Any]) -> None:
        try:
            await self.mutate(op.desc, op.id, state="failed", error=error)
        except OperationControlError as exc:
            log.debug("operation %s: %s", op.id, exc)

    # ----- the control subject -----------------------------------------------------------------

    async def on_control(self, desc: OperationDescriptor[Any, Any, Any], message: Message) -> None:
        if message.reply is None:
            return
        reply = message.reply
        try:
            request = decode(message.data)
            action, op_id = request["action"], str(request["operationId"])
        except (PayloadValidationError, KeyError, TypeError) as exc:
            error = RemoteError("ValidationError", f"malformed control request: {exc}")
            await self._reply(reply, {"kind": "error", "error": error.to_wire()})
            return
        try:
            match action:
                case "get":
                    record = await self.load(desc, op_id)
                    await self._reply(reply, {"kind": "snapshot", "snapshot": record.snapshot})
                case "watch" | "wait":
                    include = bool(request.get("includeProgress", False))
                    await self._observe(desc, op_id, _Watcher(reply, action, include))
                case "cancel":
                    snapshot = await self._cancel(desc, op_id)
                    await self._reply(reply, {"kind": "snapshot", "snapshot": snapshot})
                case "signal":
                    await self._signal(desc, op_id, request, reply)
                case _:
                    raise OperationControlError(
                        "UnknownActionError", f"unknown control action {action!r}"
                    )
        except OperationControlError as exc:
            await self._reply(reply, {"kind": "error", "error": exc.to_wire()})

    async def _observe(
        self, desc: OperationDescriptor[Any, Any, Any], op_id: str, watcher: _Watcher
    ) -> None:
        # under the operation lock no mutation can slip between the snapshot and registration
        async with self._lock(op_id):
            record = await self.load(desc, op_id)
            terminal = is_terminal(record.snapshot)
            if watcher.mode == "watch" or terminal:
                await self._reply(watcher.reply, {"kind": "snapshot", "snapshot": record.snapshot})
            if not terminal:
                self._watchers.setdefault(op_id, []).append(watcher)

    async def _cancel(self, desc: OperationDescriptor[Any, Any, Any], op_id: str) -> dict[str, Any]:
        if not desc.cancel:
            await self.load(desc, op_id)  # unknown ids still answer "not found"
            raise OperationControlError(
                "OperationNotCancelableError", f"operation {desc.key} does not support cancel"
            )
        snapshot = await self.mutate(desc, op_id, state="cancelled")
        task = self._tasks.pop(op_id, None)
        if task is not None:
            task.cancel()
        return snapshot

    async def _signal(
        self,
        desc: OperationDescriptor[Any, Any, Any],
        op_id: str,
        request: dict[str, Any],
        reply: str,
    ) -> None:
        name = str(request.get("signal", ""))
        signal = desc.signals.get(name)
        if signal is None:
            raise OperationControlError(
                "UnknownSignalError", f"operation {desc.key} has no signal {name!r}"
            )
        try:
            value = incoming(signal.input, request.get("input"), f"signal {name!r} input")
        except PayloadValidationError as exc:
            wire = validation_error_wire(exc)
            raise OperationControlError.from_wire(wire) from None
        active = self._active.get(op_id)
        accepted_at = now_iso()

        def change(record: _Record) -> None:
            if is_terminal(record.snapshot):
                raise OperationControlError(
                    "OperationTerminalError", f"operation {op_id!r} is finished"
                )
            if active is None:
                raise OperationControlError(
                    "OperationNotActiveError",
                    f"operation {op_id!r} is not running in this service process",
                )
            record.signals.append(
                {
                    "sequence": len(record.signals) + 1,
                    "signal": name,
                    "input": request.get("input"),
                    "acceptedAt": accepted_at,
                }
            )

        async with self._lock(op_id):
            record = await self._update(desc, op_id, change)
        assert active is not None
        await active.deliver(name, value)
        await self._reply(
            reply,
            {
                "kind": "signal-accepted",
                "operationId": op_id,
                "signal": name,
                "signalSequence": len(record.signals),
                "acceptedAt": accepted_at,
                "snapshot": record.snapshot,
            },
        )

    # ----- fan-out -----------------------------------------------------------------------------

    async def _fan_out(self, op_id: str, record: _Record, event: dict[str, Any]) -> None:
        terminal = is_terminal(record.snapshot)
        frame = {"kind": "event", "sequence": record.sequence, "event": event}
        for watcher in self._watchers.get(op_id, []):
            if watcher.mode == "watch" or watcher.include_progress:
                await self._reply(watcher.reply, frame)
            if watcher.mode == "wait" and terminal:
                await self._reply(watcher.reply, {"kind": "snapshot", "snapshot": record.snapshot})

    def _forget(self, op_id: str) -> None:
        self._watchers.pop(op_id, None)
        self._locks.pop(op_id, None)

    def _lock(self, op_id: str) -> asyncio.Lock:
        return self._locks.setdefault(op_id, asyncio.Lock())

    async def _reply(self, subject: str, frame: dict[str, Any]) -> None:
        await self._transport.publish(subject, encode(frame))


class ActiveOperation(Generic[P, O]):
    """What a handler (or a job, via control by id) uses to drive one operation to its end."""

    def __init__(
        self, runtime: OperationRuntime, desc: OperationDescriptor[Any, P, O], op_id: str
    ) -> None:
        self._runtime = runtime
        self.desc = desc
        self.id = op_id
        self._signals: list[tuple[str, BaseModel]] = []
        self._arrived = asyncio.Condition()

    async def started(self) -> OperationSnapshot[P, O]:
        """Mark the operation running (a no-op if it already is)."""
        snapshot = await self._runtime.mutate(
            self.desc, self.id, state="running", only_from=frozenset({"pending"})
        )
        return snapshot_from_wire(self.desc, snapshot)

    async def progress(self, progress: P) -> OperationSnapshot[P, O]:
        if self.desc.progress is None:
            raise PayloadValidationError(f"operation {self.desc.key} declares no progress")
        body = outgoing(self.desc.progress, progress, f"{self.desc.key} progress")
        snapshot = await self._runtime.mutate(self.desc, self.id, progress=body)
        return snapshot_from_wire(self.desc, snapshot)

    async def complete(self, output: O) -> OperationSnapshot[P, O]:
        body = outgoing(self.desc.output, output, f"{self.desc.key} output")
        snapshot = await self._runtime.mutate(self.desc, self.id, state="completed", output=body)
        return snapshot_from_wire(self.desc, snapshot)

    async def fail(self, error: DeclaredError | RemoteError) -> OperationSnapshot[P, O]:
        snapshot = await self._runtime.mutate(
            self.desc, self.id, state="failed", error=error.to_wire()
        )
        return snapshot_from_wire(self.desc, snapshot)

    def defer(self) -> Deferred:
        """Hand terminal ownership to another path (typically a job using control by id)."""
        return Deferred()

    async def deliver(self, name: str, value: BaseModel) -> None:
        """Called by the runtime once a signal is persisted."""
        async with self._arrived:
            self._signals.append((name, value))
            self._arrived.notify_all()

    async def next_signal(self, name: str | None = None) -> tuple[str, BaseModel]:
        """The oldest unconsumed signal (named ``name`` if given), waiting for one if needed."""
        async with self._arrived:
            while True:
                for index, (signal, value) in enumerate(self._signals):
                    if name is None or signal == name:
                        del self._signals[index]
                        return signal, value
                await self._arrived.wait()

    async def signals(self) -> AsyncIterator[tuple[str, BaseModel]]:
        while True:
            yield await self.next_signal()
