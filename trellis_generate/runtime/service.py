"""The owning service's side: handler registration, serving, and graceful shutdown.

Handlers are registered first and subscribed by ``start()``; every request runs in its own task
so a slow handler never blocks its subscription, and ``stop()`` drains the subscriptions and
then waits for those tasks. RPC, operation, feed and job subjects use the service name as NATS
queue group, so several instances share the load.

Jobs are the simplest honest version of service-private work: ``create_job`` hands the payload
to a worker of this service over core NATS and returns once a worker has taken it (or raises
``NoResponders`` if none listens); there is no retry or persistence of queued jobs.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from .connection import Connection, Subscription
from .descriptors import (
    EventDescriptor,
    FeedDescriptor,
    JobDescriptor,
    OperationDescriptor,
    RpcDescriptor,
)
from .errors import (
    DeclaredError,
    PayloadValidationError,
    RemoteError,
    error_from_wire,
    unexpected_error_wire,
    validation_error_wire,
)
from .op_server import ActiveOperation, Deferred, OperationRuntime, operations_bucket
from .transport import Message, TransportSubscription
from .wire import decode, encode, incoming, outgoing

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)

_SUBJECT_UNSAFE = re.compile(r"[.*>\s]")
DEFAULT_STOP_TIMEOUT = 10.0


@dataclass(frozen=True)
class RpcContext:
    """What RPC and feed handlers get besides their input."""

    subject: str
    service: Service

    @property
    def connection(self) -> Connection:
        """For calling other services from inside a handler."""
        return self.service.connection


@dataclass(frozen=True)
class JobContext:
    job_id: str
    queue: str
    service: Service


@dataclass(frozen=True)
class JobRef:
    id: str
    queue: str


def job_subject(desc: JobDescriptor[Any, Any]) -> str:
    return f"trellis.jobs.{_SUBJECT_UNSAFE.sub('_', desc.service)}.{desc.queue}"


# a deferred start-up step; most subscribe, and their subscription is drained by stop()
Subscriber = Callable[[], Awaitable[TransportSubscription | Subscription | None]]


class Service:
    def __init__(
        self, connection: Connection, *, name: str, contract_id: str, contract_digest: str
    ) -> None:
        self.connection = connection
        self.name = name
        self.contract_id = contract_id
        self.contract_digest = contract_digest
        self._pending: list[Subscriber] = []
        self._subscriptions: list[TransportSubscription | Subscription] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._operations: OperationRuntime | None = None
        self._operations_lock = asyncio.Lock()
        self._started = False

    # ----- registration ----------------------------------------------------------------------

    def handle_rpc(
        self, desc: RpcDescriptor[I, O], handler: Callable[[I, RpcContext], Awaitable[O]]
    ) -> None:
        self._serve(desc.subject, lambda m: self._serve_rpc(desc, handler, m))

    def handle_operation(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, ActiveOperation[P, O]], Awaitable[O | Deferred]],
    ) -> None:
        async def on_start(message: Message) -> None:
            await (await self._ops()).on_start(desc, handler, message)

        async def on_control(message: Message) -> None:
            await (await self._ops()).on_control(desc, message)

        self._register(self._open_operations)  # the KV bucket is ready before the first start
        self._serve(desc.subject, on_start)
        self._serve(desc.control_subject, on_control)

    def listen(
        self,
        desc: EventDescriptor[E],
        handler: Callable[[E], Awaitable[None]],
        *,
        filter: Mapping[str, Any] | None = None,
        queue: str | None = None,
    ) -> None:
        self._register(lambda: self.connection.subscribe(desc, handler, filter=filter, queue=queue))

    def handle_feed(
        self, desc: FeedDescriptor[I, E], handler: Callable[[I, RpcContext], AsyncIterator[E]]
    ) -> None:
        self._serve(desc.subject, lambda m: self._serve_feed(desc, handler, m))

    def handle_job(
        self,
        desc: JobDescriptor[P, R],
        handler: Callable[[P, JobContext], Awaitable[R | None]],
    ) -> None:
        self._serve(job_subject(desc), lambda m: self._take_job(desc, handler, m))

    # ----- service-side actions --------------------------------------------------------------

    async def create_job(
        self, desc: JobDescriptor[P, Any], payload: P, *, timeout: float = 5.0
    ) -> JobRef:
        """Hand a job to a worker of this service; returns once one has taken it."""
        body = outgoing(desc.payload, payload, f"job {desc.queue} payload")
        job_id = uuid.uuid4().hex
        request = encode({"id": job_id, "payload": body})
        reply = await self.connection.transport.request(job_subject(desc), request, timeout=timeout)
        envelope = decode(reply.data)
        if isinstance(envelope, dict) and "error" in envelope:
            raise error_from_wire(envelope["error"] or {}, {})
        return JobRef(job_id, desc.queue)

    async def operation_control(
        self, desc: OperationDescriptor[Any, P, O], operation_id: str
    ) -> ActiveOperation[P, O]:
        """Drive an existing operation by id (e.g. from a job after ``defer()``).

        Raises ``OperationControlError`` if no such operation of ``desc`` exists; never re-runs
        the operation handler.
        """
        runtime = await self._ops()
        await runtime.load(desc, operation_id)
        return ActiveOperation(runtime, desc, operation_id)

    # ----- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        self._started = True
        for subscribe in self._pending:
            subscription = await subscribe()
            if subscription is not None:
                self._subscriptions.append(subscription)
        self._pending.clear()
        await self.connection.transport.flush()

    async def stop(self, *, timeout: float = DEFAULT_STOP_TIMEOUT) -> None:
        """Stop taking requests, let in-flight ones finish (up to ``timeout``), cancel the rest."""
        for sub in self._subscriptions:
            await sub.drain()
        self._subscriptions.clear()
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
                log.warning(
                    "%s: cancelled %d handler(s) still running at stop", self.name, len(late)
                )
        await self.connection.transport.flush()

    # ----- internals -------------------------------------------------------------------------

    def _register(self, subscribe: Subscriber) -> None:
        if self._started:
            raise RuntimeError("register handlers before Service.start()")
        self._pending.append(subscribe)

    async def _open_operations(self) -> None:
        await self._ops()

    def _serve(self, subject: str, serve: Callable[[Message], Coroutine[Any, Any, None]]) -> None:
        async def on_message(message: Message) -> None:
            self._spawn(serve(message))

        self._register(
            lambda: self.connection.transport.subscribe(subject, on_message, queue=self.name)
        )

    def _spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _ops(self) -> OperationRuntime:
        """The one operation runtime of this service (its watchers and handlers are per process)."""
        async with self._operations_lock:
            if self._operations is None:
                transport = self.connection.transport
                kv = await transport.key_value(operations_bucket(self.contract_id))
                self._operations = OperationRuntime(transport, kv, self.name, self._spawn)
            return self._operations

    async def _reply(self, message: Message, body: dict[str, Any]) -> None:
        if message.reply is not None:
            await self.connection.transport.publish(message.reply, encode(body))

    async def _serve_rpc(
        self,
        desc: RpcDescriptor[I, O],
        handler: Callable[[I, RpcContext], Awaitable[O]],
        message: Message,
    ) -> None:
        try:
            payload = incoming(desc.input, decode(message.data), f"{desc.key} input")
            output = await handler(payload, RpcContext(message.subject, self))
            body: dict[str, Any] = {"ok": outgoing(desc.output, output, f"{desc.key} output")}
        except (DeclaredError, RemoteError) as exc:
            body = {"error": exc.to_wire()}
        except PayloadValidationError as exc:
            body = {"error": validation_error_wire(exc)}
        except Exception:
            log.exception("%s: RPC handler for %s failed", self.name, desc.key)
            body = {"error": unexpected_error_wire()}
        await self._reply(message, body)

    async def _serve_feed(
        self,
        desc: FeedDescriptor[I, E],
        handler: Callable[[I, RpcContext], AsyncIterator[E]],
        message: Message,
    ) -> None:
        try:
            payload = incoming(desc.input, decode(message.data), f"{desc.key} input")
            async for event in handler(payload, RpcContext(message.subject, self)):
                body = outgoing(desc.event, event, f"{desc.key} event")
                await self._reply(message, {"kind": "event", "event": body})
            end: dict[str, Any] = {"kind": "end"}
        except (DeclaredError, RemoteError) as exc:
            end = {"kind": "error", "error": exc.to_wire()}
        except PayloadValidationError as exc:
            end = {"kind": "error", "error": validation_error_wire(exc)}
        except Exception:
            log.exception("%s: feed handler for %s failed", self.name, desc.key)
            end = {"kind": "error", "error": unexpected_error_wire()}
        await self._reply(message, end)

    async def _take_job(
        self,
        desc: JobDescriptor[P, R],
        handler: Callable[[P, JobContext], Awaitable[R | None]],
        message: Message,
    ) -> None:
        try:
            envelope = decode(message.data)
            job_id = str(envelope["id"])
            payload = incoming(desc.payload, envelope.get("payload"), f"job {desc.queue} payload")
        except (PayloadValidationError, KeyError, TypeError) as exc:
            error = (
                exc if isinstance(exc, PayloadValidationError) else PayloadValidationError(str(exc))
            )
            await self._reply(message, {"error": validation_error_wire(error)})
            return
        await self._reply(message, {"ok": {"id": job_id}})
        try:
            result = await handler(payload, JobContext(job_id, desc.queue, self))
            if result is not None and desc.result is not None:
                outgoing(desc.result, result, f"job {desc.queue} result")
        except Exception:
            log.exception("%s: job %s on %s failed", self.name, job_id, desc.queue)
