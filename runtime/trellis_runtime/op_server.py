"""The owning service's side of operations: durable records, handlers and the control subject.

Each operation is one KV record (``op_model.OperationRecord``) under its id, in the bucket named
for the service's session key, so any connection of the service (a restarted one included)
answers get/wait/watch for it. Every change is a compare-and-set on that record, serialized per
operation in-process, then fanned out to the watchers registered in this process.

Who may control an operation is the reference's rule: the request must pass authorization with
the surface's capabilities (get/wait/watch: ``call``; cancel: ``cancel``; signal: ``control``),
and its session key must be the one that started the operation.

Limits: live watch/wait streams are per process (a watcher registered with one instance does not
hear changes made by another; a later ``get`` does); signals are durable, and a handler in
another process sees them by re-reading the record (at most a second late); no keepalive frames
are sent (they are optional).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel

from .auth import Authorized
from .caller import Caller
from .codec import incoming, outgoing, parse_body
from .descriptors import OperationDescriptor
from .encoding import encode_json, iso_now, ulid
from .errors import (
    AuthError,
    OperationAlreadyTerminalError,
    OperationMismatchError,
    OperationNotFoundError,
    TrellisError,
    UnexpectedError,
    ValidationError,
    boundary_error,
)
from .op_model import (
    OperationRecord,
    OperationSnapshot,
    OperationState,
    TransferProgress,
    event_of,
    initial_snapshot,
    next_snapshot,
    snapshot_from_wire,
)
from .transfer import TransferGrant
from .transfer_server import UploadTransfer, upload_target
from .transport import KeyValue, KvConflict, Message

if TYPE_CHECKING:
    from .service import Service

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

_CAS_ATTEMPTS = 8
_SIGNAL_POLL = 1.0

Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Task[None]"]


class _Waitable(Protocol):
    """What ``ActiveOperation.attach`` waits on: a job reference."""

    async def wait(self, *, timeout: float | None = None) -> Any: ...


class Deferred:
    """Returned by a handler (via ``op.defer()``): another path will finish this operation."""

    def __repr__(self) -> str:
        return "Deferred()"


@dataclass
class _Watcher:
    reply: str
    mode: Literal["watch", "wait"]


class OperationRuntime:
    """Per-service operation state: the KV bucket, in-process watchers, handlers and locks."""

    def __init__(self, service: Service, kv: KeyValue) -> None:
        self._service = service
        self._kv = kv
        self._watchers: dict[str, list[_Watcher]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._signal_arrived: dict[str, asyncio.Event] = {}

    # ----- durable records -------------------------------------------------------------------

    async def read(self, op_id: str) -> tuple[OperationRecord, int] | None:
        entry = await self._kv.get(op_id)
        if entry is None:
            return None
        record = OperationRecord.from_json(entry.value)
        return None if record is None else (record, entry.revision)

    async def read_checked(
        self, desc: OperationDescriptor[Any, Any, Any], op_id: str
    ) -> tuple[OperationRecord, int]:
        """The record (and KV revision) of one of this service's ``desc`` operations.

        Raises the lifecycle error the reference answers with: not found, or an operation of
        another service or surface.
        """
        found = await self.read(op_id)
        if found is None:
            raise OperationNotFoundError(op_id)
        snapshot = found[0].snapshot
        service, operation = snapshot.get("service"), snapshot.get("operation")
        if service != self._service.name or operation != desc.key:
            raise OperationMismatchError(
                op_id,
                expected_service=self._service.name,
                expected_operation=desc.key,
                actual_service=str(service),
                actual_operation=str(operation),
            )
        return found

    async def load(self, desc: OperationDescriptor[Any, Any, Any], op_id: str) -> OperationRecord:
        return (await self.read_checked(desc, op_id))[0]

    async def _update(
        self,
        desc: OperationDescriptor[Any, Any, Any],
        op_id: str,
        change: Callable[[OperationRecord], dict[str, Any] | None],
    ) -> OperationRecord:
        """Apply ``change`` with CAS retries; it edits the record and returns the event, if any."""
        for _ in range(_CAS_ATTEMPTS):
            record, revision = await self.read_checked(desc, op_id)
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
        raise UnexpectedError(context={"operationId": op_id, "reason": "concurrent_updates"})

    async def transition(
        self,
        desc: OperationDescriptor[Any, Any, Any],
        op_id: str,
        state: OperationState,
        *,
        progress: Any = None,
        output: Any = None,
        error: dict[str, Any] | None = None,
        only_from: frozenset[str] | None = None,
        transfer: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One lifecycle step; refuses terminal operations (no-op outside ``only_from``)."""

        def change(record: OperationRecord) -> dict[str, Any] | None:
            if record.terminal:
                raise _already_terminal(record)
            if only_from is not None and record.snapshot["state"] not in only_from:
                return None
            before = record.snapshot
            record.snapshot = next_snapshot(
                before, state, progress=progress, output=output, error=error, transfer=transfer
            )
            return event_of(
                before,
                record.snapshot,
                progressed=progress is not None,
                transferred=transfer is not None,
            )

        async with self._lock(op_id):
            record = await self._update(desc, op_id, change)
        if record.terminal:
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
            payload = incoming(desc.input, parse_body(message.data, desc.key), f"{desc.key} input")
            authorized = await self._service.authorize(message, desc.call_capabilities)
        except Exception as exc:
            await self._service.reply_error(message, exc, where={"operation": desc.key})
            return
        op_id = ulid()
        upload: tuple[TransferGrant, UploadTransfer] | None = None
        if desc.transfer is not None:
            try:
                upload = await self._open_upload(desc, op_id, payload, authorized)
            except Exception as exc:
                await self._service.reply_error(message, exc, where={"operation": desc.key})
                return
        snapshot = initial_snapshot(op_id, self._service.name, desc.key)
        record = OperationRecord(authorized.proof.session_key, snapshot)
        await self._kv.create(op_id, record.to_json())
        ref = {"id": op_id, "service": self._service.name, "operation": desc.key}
        accepted: dict[str, Any] = {"kind": "accepted", "ref": ref, "snapshot": snapshot}
        op: ActiveOperation[P, O]
        if upload is not None:
            accepted["transfer"] = upload[0].to_wire()
            op = UploadOperation(self, desc, op_id, upload[1], authorized)
        else:
            op = ActiveOperation(self, desc, op_id, authorized)
        await self._send(message.reply, accepted)
        self._tasks[op_id] = self._service.spawn(self._run(desc, handler, payload, op))

    async def _open_upload(
        self,
        desc: OperationDescriptor[I, P, O],
        op_id: str,
        payload: I,
        authorized: Authorized,
    ) -> tuple[TransferGrant, UploadTransfer]:
        """The upload session of a send-transfer operation, its progress recorded on ``op_id``."""
        spec = desc.transfer
        assert spec is not None
        body = outgoing(desc.input, payload, f"{desc.key} input")
        key, content_type, metadata = upload_target(desc.key, spec, body)

        # each acknowledged chunk becomes a `transfer` event, recorded in order by a task of its
        # own so acknowledgements do not wait for the record; `completed()` waits for it
        updates: asyncio.Queue[TransferProgress | None] = asyncio.Queue()

        async def record() -> None:
            while (progress := await updates.get()) is not None:
                try:
                    await self.transition(desc, op_id, "running", transfer=progress.to_wire())
                except OperationAlreadyTerminalError:
                    pass
                finally:
                    updates.task_done()
            updates.task_done()

        async def on_progress(progress: TransferProgress) -> None:
            updates.put_nowait(progress)

        grant, upload = await self._service.transfers.open_upload(
            spec,
            session_key=authorized.proof.session_key,
            key=key,
            content_type=content_type,
            metadata=metadata,
            on_progress=on_progress,
        )
        self._service.spawn(record())
        upload.flush = updates.join
        upload.on_settled.append(lambda: updates.put_nowait(None))
        return grant, upload

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
            if not isinstance(result, Deferred) and not await op.finished():
                await op.complete(result)
        except OperationAlreadyTerminalError as exc:
            log.debug("operation %s went terminal under its handler: %s", op.id, exc)
        except asyncio.CancelledError:
            log.debug("operation %s handler cancelled", op.id)
        except Exception as exc:
            if not isinstance(exc, TrellisError):
                log.exception("operation %s handler for %s failed", op.id, desc.key)
            error = boundary_error(
                exc, self._service.annotation(operation=desc.key, request_id=op.request_id)
            )
            try:
                await self.transition(desc, op.id, "failed", error=error.to_wire())
            except OperationAlreadyTerminalError:
                pass
        finally:
            self._tasks.pop(op.id, None)

    # ----- the control subject -----------------------------------------------------------------

    async def on_control(self, desc: OperationDescriptor[Any, Any, Any], message: Message) -> None:
        if message.reply is None:
            return
        try:
            await self._control(desc, message, message.reply)
        except Exception as exc:
            error = exc if isinstance(exc, TrellisError) else UnexpectedError()
            if not isinstance(exc, TrellisError):
                log.exception("operation control of %s failed", desc.key)
            await self._send(message.reply, {"kind": "error", "error": error.to_wire()})

    async def _control(
        self, desc: OperationDescriptor[Any, Any, Any], message: Message, reply: str
    ) -> None:
        request = parse_body(message.data, "operation control request")
        if not (
            isinstance(request, dict)
            and isinstance(request.get("action"), str)
            and isinstance(request.get("operationId"), str)
        ):
            raise UnexpectedError(context={"reason": "invalid_control_request"})
        action, op_id = request["action"], request["operationId"]
        capabilities = {
            "signal": desc.control_capabilities,
            "cancel": desc.cancel_capabilities,
        }.get(action, desc.call_capabilities)
        authorized = await self._service.authorize(message, capabilities)
        record = await self.load(desc, op_id)
        if record.owner_session_key != authorized.proof.session_key:
            raise AuthError("forbidden", context={"ownerSessionKey": record.owner_session_key})
        match action:
            case "get":
                await self._send(reply, {"kind": "snapshot", "snapshot": record.snapshot})
            case "watch" | "wait":
                await self._observe(desc, op_id, _Watcher(reply, action))
            case "cancel":
                snapshot = await self._cancel(desc, op_id)
                await self._send(reply, {"kind": "snapshot", "snapshot": snapshot})
            case "signal":
                await self._signal(desc, op_id, request, reply)
            case _:
                raise UnexpectedError(
                    context={"reason": "unknown_control_action", "action": action}
                )

    async def _observe(
        self, desc: OperationDescriptor[Any, Any, Any], op_id: str, watcher: _Watcher
    ) -> None:
        # under the operation lock no change can slip between the snapshot and registration
        async with self._lock(op_id):
            record = await self.load(desc, op_id)
            if watcher.mode == "watch" or record.terminal:
                await self._send(watcher.reply, {"kind": "snapshot", "snapshot": record.snapshot})
            if not record.terminal:
                self._watchers.setdefault(op_id, []).append(watcher)

    async def _cancel(self, desc: OperationDescriptor[Any, Any, Any], op_id: str) -> dict[str, Any]:
        if not desc.cancel:
            raise ValidationError.of(
                "/action",
                f"Operation '{desc.key}' does not support cancel",
                operation=desc.key,
                action="cancel",
            )
        snapshot = await self.transition(desc, op_id, "cancelled")
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
        name = request.get("signal")
        signal = desc.signals.get(name) if isinstance(name, str) else None
        if signal is None:
            raise ValidationError.of(
                "/signal",
                f"Unknown operation signal '{name}'",
                operation=desc.key,
                signal=name,
            )
        incoming(signal.input, request.get("input"), f"signal {name!r} input")
        accepted_at = iso_now()

        def change(record: OperationRecord) -> None:
            if record.terminal:
                raise _already_terminal(record)
            record.signal_sequence += 1
            entry: dict[str, Any] = {
                "operationId": op_id,
                "sequence": record.signal_sequence,
                "signal": name,
            }
            if "input" in request:
                entry["input"] = request["input"]
            entry["acceptedAt"] = accepted_at
            record.signals.append(entry)

        async with self._lock(op_id):
            record = await self._update(desc, op_id, change)
        self._signal_event(op_id).set()
        await self._send(
            reply,
            {
                "kind": "signal-accepted",
                "operationId": op_id,
                "signal": name,
                "signalSequence": record.signal_sequence,
                "acceptedAt": accepted_at,
                "snapshot": record.snapshot,
            },
        )

    # ----- signals, as handlers consume them ---------------------------------------------------

    def _signal_event(self, op_id: str) -> asyncio.Event:
        return self._signal_arrived.setdefault(op_id, asyncio.Event())

    async def wait_for_signal(self, op_id: str) -> None:
        event = self._signal_event(op_id)
        try:
            await asyncio.wait_for(event.wait(), _SIGNAL_POLL)
        except TimeoutError:
            pass
        event.clear()

    # ----- fan-out -----------------------------------------------------------------------------

    async def _fan_out(self, op_id: str, record: OperationRecord, event: dict[str, Any]) -> None:
        frame = {"kind": "event", "sequence": record.sequence, "event": event}
        for watcher in self._watchers.get(op_id, []):
            if watcher.mode == "watch":
                await self._send(watcher.reply, frame)
            elif record.terminal:
                await self._send(watcher.reply, {"kind": "snapshot", "snapshot": record.snapshot})
        if record.terminal:
            self._signal_event(op_id).set()

    def _forget(self, op_id: str) -> None:
        self._watchers.pop(op_id, None)
        self._locks.pop(op_id, None)

    def _lock(self, op_id: str) -> asyncio.Lock:
        return self._locks.setdefault(op_id, asyncio.Lock())

    async def _send(self, subject: str, frame: Mapping[str, Any]) -> None:
        await self._service.connection.transport.publish(subject, encode_json(frame))


def _already_terminal(record: OperationRecord) -> OperationAlreadyTerminalError:
    snapshot = record.snapshot
    return OperationAlreadyTerminalError(
        str(snapshot["id"]),
        state=str(snapshot["state"]),
        operation=str(snapshot["operation"]),
        service=str(snapshot["service"]),
    )


class ActiveOperation(Generic[P, O]):
    """What a handler (or a job, through control by id) uses to drive one operation to its end.

    ``caller`` is who started it (None when controlled by id), ``request_id`` the start
    request's id.
    """

    def __init__(
        self,
        runtime: OperationRuntime,
        desc: OperationDescriptor[Any, P, O],
        op_id: str,
        authorized: Authorized | None = None,
    ) -> None:
        self._runtime = runtime
        self.desc = desc
        self.id = op_id
        self.caller: Caller | None = authorized.caller if authorized else None
        self.request_id: str | None = authorized.proof.request_id if authorized else None
        self._consumed: set[int] = set()

    async def get(self) -> OperationSnapshot[P, O]:
        record = await self._runtime.load(self.desc, self.id)
        return snapshot_from_wire(self.desc, record.snapshot)

    async def finished(self) -> bool:
        return (await self._runtime.load(self.desc, self.id)).terminal

    async def started(self) -> OperationSnapshot[P, O]:
        """Mark the operation running (a no-op unless it is pending)."""
        snapshot = await self._runtime.transition(
            self.desc, self.id, "running", only_from=frozenset({"pending"})
        )
        return snapshot_from_wire(self.desc, snapshot)

    async def progress(self, progress: P) -> OperationSnapshot[P, O]:
        if self.desc.progress is None:
            raise ValidationError.of("#", f"operation {self.desc.key} declares no progress")
        body = outgoing(self.desc.progress, progress, f"{self.desc.key} progress")
        snapshot = await self._runtime.transition(self.desc, self.id, "running", progress=body)
        return snapshot_from_wire(self.desc, snapshot)

    async def complete(self, output: O) -> OperationSnapshot[P, O]:
        body = outgoing(self.desc.output, output, f"{self.desc.key} output")
        snapshot = await self._runtime.transition(self.desc, self.id, "completed", output=body)
        return snapshot_from_wire(self.desc, snapshot)

    async def fail(self, error: TrellisError) -> OperationSnapshot[P, O]:
        snapshot = await self._runtime.transition(
            self.desc, self.id, "failed", error=error.to_wire()
        )
        return snapshot_from_wire(self.desc, snapshot)

    async def cancel(self) -> OperationSnapshot[P, O]:
        snapshot = await self._runtime.transition(self.desc, self.id, "cancelled")
        return snapshot_from_wire(self.desc, snapshot)

    def defer(self) -> Deferred:
        """Hand terminal ownership to another path (typically a job using control by id)."""
        return Deferred()

    async def attach(
        self, job: _Waitable, *, timeout: float | None = None
    ) -> OperationSnapshot[P, O]:
        """Wait for ``job`` (a ``JobRef``) to end; the operation's terminal snapshot.

        The job is expected to finish the operation (through control by id) before it ends, as
        in the reference; an operation still open when the job ended is an ``UnexpectedError``.
        """
        await job.wait(timeout=timeout)
        record = await self._runtime.load(self.desc, self.id)
        if not record.terminal:
            raise UnexpectedError(
                context={
                    "operationId": self.id,
                    "reason": "attached job completed without terminal operation state",
                }
            )
        return snapshot_from_wire(self.desc, record.snapshot)

    async def next_signal(self, name: str | None = None) -> tuple[str, BaseModel]:
        """The oldest signal not yet taken (named ``name`` if given), waiting for one.

        Signals are durable: one accepted while no handler ran (a deferred operation) is still
        here. Raises ``OperationAlreadyTerminalError`` once the operation is over.
        """
        while True:
            record = await self._runtime.load(self.desc, self.id)
            for entry in record.signals:
                sequence = int(entry.get("sequence", 0))
                signal = str(entry.get("signal"))
                if sequence in self._consumed or (name is not None and signal != name):
                    continue
                descriptor = self.desc.signals.get(signal)
                if descriptor is None:
                    self._consumed.add(sequence)
                    continue
                value = incoming(descriptor.input, entry.get("input"), f"signal {signal!r}")
                self._consumed.add(sequence)
                return signal, value
            if record.terminal:
                raise _already_terminal(record)
            await self._runtime.wait_for_signal(self.id)

    async def signals(self) -> AsyncIterator[tuple[str, BaseModel]]:
        while True:
            yield await self.next_signal()


class UploadOperation(ActiveOperation[P, O]):
    """The active operation of a send-transfer operation: ``transfer`` is its upload.

    ``await op.transfer.completed()`` returns the stored object's ``FileInfo`` once the bytes
    are durably in the store (or raises the ``TransferError`` that ended the upload);
    ``op.transfer.updates()`` yields each acknowledged chunk.
    """

    def __init__(
        self,
        runtime: OperationRuntime,
        desc: OperationDescriptor[Any, P, O],
        op_id: str,
        transfer: UploadTransfer,
        authorized: Authorized | None = None,
    ) -> None:
        super().__init__(runtime, desc, op_id, authorized)
        self.transfer = transfer
