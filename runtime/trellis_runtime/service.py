"""The owning service's side: handler registration, authorization, serving and shutdown.

A request is handled in the reference runtime's order: its body is parsed and validated against
the surface's input schema, the caller is authorized (``auth.authorize``), then the handler runs
in a task of its own, so a slow handler never blocks its subscription. The reply is the bare
output, or an error object under the header ``status: error``; an exception that is not a
Trellis error reaches the caller as ``UnexpectedError`` without any Python detail (the
traceback goes to this service's log, under the error's id).

Handlers are registered first and subscribed by ``start()``; ``stop()`` drains the
subscriptions and then waits for running handlers. RPC, operation and feed subjects use the
service name as NATS queue group, so several instances share the load. Jobs are the platform's
(JetStream work queue, ``jobs.py``): ``job_queue(desc)`` is one queue, workers start with the
service and hand running jobs back when it stops.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .auth import Authorized, Authorizer, PlatformAuthorizer, authorize
from .bindings import Bindings, fetch_bindings
from .caller import Caller
from .codec import incoming, incoming_json, outgoing, outgoing_json
from .connection import FEED_STATUS, STATUS, Connection, Subscription
from .descriptors import (
    EventDescriptor,
    FeedDescriptor,
    JobDescriptor,
    OperationDescriptor,
    RpcDescriptor,
)
from .encoding import encode_json
from .errors import TrellisError, boundary_error
from .health import DEFAULT_PUBLISH_INTERVAL, HealthCheck, HeartbeatPublisher, ServiceHealth
from .jobs import JobQueue, JobsRuntime
from .jobs_handles import JobRef
from .jobs_worker import JobHandler
from .kv import KvStore
from .op_model import operations_bucket
from .op_server import ActiveOperation, Deferred, OperationRuntime, UploadOperation
from .resource_descriptors import KvDescriptor, StoreDescriptor
from .resources import kv_handle, store_handle
from .store import StoreHandle
from .timeouts import DEFAULT_STOP_TIMEOUT
from .transfer import TransferGrant
from .transfer_server import DEFAULT_EXPIRES_IN, ServiceTransfers
from .transfer_store import StoreLimits, TransferStore, open_transfer_store
from .transport import Message, TransportSubscription

if TYPE_CHECKING:
    from .deps import Bound

log = logging.getLogger(__name__)

I = TypeVar("I", bound=BaseModel)  # noqa: E741
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)
V = TypeVar("V", bound=BaseModel)
D = TypeVar("D")

_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")


@dataclass(frozen=True)
class RpcContext:
    """What RPC and feed handlers get besides their input: who asks, and how to call on."""

    subject: str
    request_id: str
    session_key: str
    caller: Caller
    service: Service

    @property
    def connection(self) -> Connection:
        """For calling other services from inside a handler (as this service)."""
        return self.service.connection


def trace_id(message: Message) -> str | None:
    """The W3C trace id of a request's ``traceparent`` header, when it has a valid one."""
    match = _TRACEPARENT.match(message.header("traceparent") or "")
    if match is None or match.group(1) == "0" * 32:
        return None
    return match.group(1)


# a deferred start-up step; most subscribe, and their subscription is drained by stop()
Subscriber = Callable[[], Awaitable[TransportSubscription | Subscription | None]]


class Service:
    def __init__(
        self,
        connection: Connection,
        *,
        name: str,
        contract_id: str,
        contract_digest: str,
        authorizer: Authorizer | None = None,
        bootstrap: bool | None = None,
    ) -> None:
        """``authorizer`` defaults to asking the deployment (``PlatformAuthorizer``).

        ``bootstrap``: ask the deployment for this contract's resource bindings
        (``Trellis.Bindings.Get``) before serving. ``None`` (default) does when the connection
        presented a contract digest to the deployment (``connect(contract_digest=...)``);
        ``False`` never does (local runs: resources get local names); ``True`` always does.
        """
        self.connection = connection
        self.name = name
        self.contract_id = contract_id
        self.contract_digest = contract_digest
        self.authorizer: Authorizer = authorizer or PlatformAuthorizer(connection)
        # what the deployment provisioned for this contract; None until bound (and locally)
        self.bindings: Bindings | None = None
        self._pending: list[Subscriber] = []
        self._subscriptions: list[TransportSubscription | Subscription] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._operations: OperationRuntime | None = None
        self._operations_lock = asyncio.Lock()
        self._started = False
        self._jobs: JobsRuntime | None = None
        # ----- health, transfers, bindings (issue 11: health/transfer/bindings/deps) -----
        self.bootstrap_mode = bootstrap
        self.health = ServiceHealth(
            service_name=name, contract_id=contract_id, contract_digest=contract_digest
        )
        self.health.add("nats", self._nats_check)
        self._heartbeats: HeartbeatPublisher | None = None
        self._publish_heartbeats = False
        self._handled_rpcs: set[str] = set()
        self.transfers = ServiceTransfers(self)
        # which store transfers use for an alias; replaceable (e.g. by the store handles)
        self.transfer_stores: Callable[[Service, str, StoreLimits], Awaitable[TransferStore]] = (
            open_transfer_store
        )
        self._transfer_store_cache: dict[str, TransferStore] = {}

    # ----- registration ----------------------------------------------------------------------

    def handle_rpc(
        self, desc: RpcDescriptor[I, O], handler: Callable[[I, RpcContext], Awaitable[O]]
    ) -> None:
        self._handled_rpcs.add(desc.key)
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

    # ----- jobs (jobs.py) ---------------------------------------------------------------------

    @property
    def jobs_runtime(self) -> JobsRuntime:
        """The jobs of this service (queues, workers; tuning knobs for local runs and tests)."""
        if self._jobs is None:
            self._jobs = JobsRuntime(self)
            self._jobs.started = self._started  # first used after start: no worker can join now
        return self._jobs

    def job_queue(self, desc: JobDescriptor[P, R]) -> JobQueue[P, R]:
        """One queue of the contract: ``create`` jobs, ``handle`` them (before ``start``)."""
        return self.jobs_runtime.queue(desc)

    def handle_job(self, desc: JobDescriptor[P, R], handler: JobHandler[P, R]) -> None:
        """Work ``desc``'s queue: ``async def handler(job: ActiveJob[P, R]) -> R | None``."""
        self.job_queue(desc).handle(handler)

    # ----- service-side actions --------------------------------------------------------------

    async def publish(self, desc: EventDescriptor[E], event: E) -> None:
        await self.connection.publish(desc, event)

    async def create_job(self, desc: JobDescriptor[P, R], payload: P) -> JobRef[P, R]:
        """Enqueue a job of ``desc``'s queue (stored in the ``JOBS`` stream); its reference."""
        return await self.job_queue(desc).create(payload)

    async def operation_control(
        self, desc: OperationDescriptor[Any, P, O], operation_id: str
    ) -> ActiveOperation[P, O]:
        """Drive an existing operation by id (e.g. from a job after ``defer()``).

        Raises ``OperationNotFoundError`` (or ``OperationMismatchError``) unless it is one of
        this service's ``desc`` operations; never re-runs the operation handler.
        """
        runtime = await self._ops()
        await runtime.load(desc, operation_id)
        return ActiveOperation(runtime, desc, operation_id)

    # ----- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        await self.bootstrap()
        self._started = True
        for subscribe in self._pending:
            subscription = await subscribe()
            if subscription is not None:
                self._subscriptions.append(subscription)
        self._pending.clear()
        if self._jobs is not None:
            await self._jobs.start()
        await self.connection.transport.flush()
        if self._publish_heartbeats:
            self._heartbeats = HeartbeatPublisher(self.health, self.connection)
            await self._heartbeats.start()

    async def stop(self, *, timeout: float = DEFAULT_STOP_TIMEOUT) -> None:
        """Stop taking requests, let in-flight ones finish (up to ``timeout``), cancel the rest."""
        if self._jobs is not None:
            await self._jobs.stop(timeout)
        if self._heartbeats is not None:
            await self._heartbeats.stop()
            self._heartbeats = None
        await self.transfers.stop()
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

    # ----- bindings, health, transfers, dependencies -----------------------------------------

    def _should_bootstrap(self) -> bool:
        if self.bootstrap_mode is not None:
            return self.bootstrap_mode
        return self.connection.contract_digest is not None

    async def bootstrap(self) -> Bindings | None:
        """Receive this contract's resource bindings from the deployment, once, before serving.

        Raises ``BootstrapError`` when the deployment has none for this contract and digest, or
        when the connection presented another digest than the one this service serves.
        """
        if self.bindings is None and self._should_bootstrap():
            presented = self.connection.contract_digest
            if presented is not None and presented != self.contract_digest:
                from .bindings import BootstrapError

                raise BootstrapError(
                    f"Service '{self.name}' connected with contract digest {presented} but "
                    f"serves '{self.contract_id}' ({self.contract_digest}). Connect with the "
                    "digest of the contract this service implements."
                )
            self.bindings = await fetch_bindings(
                self.connection, self.name, self.contract_id, self.contract_digest
            )
        return self.bindings

    def enable_heartbeats(self, *, interval: float = DEFAULT_PUBLISH_INTERVAL) -> None:
        """Publish ``Health.Heartbeat`` from ``start()`` on, every ``interval`` seconds.

        Generated services call this when their contract uses the heartbeat (every service
        contract does).
        """
        self._publish_heartbeats = True
        self.health.publish_interval = interval

    async def _nats_check(self) -> HealthCheck:
        from .health import transport_open

        if transport_open(self.connection):
            return HealthCheck("ok")
        return HealthCheck("failed", "NATS connection closed")

    def mount_standard_health(self, candidates: Mapping[str, RpcDescriptor[Any, Any]]) -> None:
        """Answer ``<PascalCase(name)>.Health`` with ``health.response()``, when the contract has
        that RPC (one of ``candidates``) and no handler was registered for it."""
        from .health import standard_health_rpc

        key = standard_health_rpc(self.name)
        desc = candidates.get(key)
        if desc is None or key in self._handled_rpcs:
            return

        async def answer(_input: BaseModel, _ctx: RpcContext) -> BaseModel:
            output: BaseModel = incoming(desc.output, await self.health.response(), f"{key} output")
            return output

        self.handle_rpc(desc, answer)

    async def transfer_store(self, alias: str, limits: StoreLimits) -> TransferStore:
        """The store transfers of ``alias`` write to and read from (opened once)."""
        if alias not in self._transfer_store_cache:
            self._transfer_store_cache[alias] = await self.transfer_stores(self, alias, limits)
        return self._transfer_store_cache[alias]

    def handle_upload(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, UploadOperation[P, O]], Awaitable[O | Deferred]],
    ) -> None:
        """A send-transfer operation: the handler's ``op.transfer`` is its upload."""
        if desc.transfer is None:
            raise ValueError(f"operation {desc.key} declares no send transfer")

        async def run(payload: I, op: ActiveOperation[P, O]) -> O | Deferred:
            assert isinstance(op, UploadOperation)
            return await handler(payload, op)

        self.handle_operation(desc, run)

    async def create_transfer(
        self,
        *,
        store: str,
        key: str,
        session_key: str,
        expires_in: float = DEFAULT_EXPIRES_IN,
    ) -> TransferGrant:
        """A receive grant: ``session_key`` may read ``key`` of store ``store`` once, for
        ``expires_in`` seconds (return ``grant.to_wire()`` in a receive-transfer RPC's output)."""
        return await self.transfers.create_download(
            store=store, key=key, session_key=session_key, expires_in=expires_in
        )

    def with_deps(self, deps: D) -> Bound[D]:
        """Handlers registered through the result also receive ``deps`` (the reference's
        ``service.with(deps)``); Trellis never copies, opens or closes them."""
        from .deps import Bound

        return Bound(self, deps)

    # ----- what the surfaces share -----------------------------------------------------------

    async def authorize(self, message: Message, capabilities: Sequence[str]) -> Authorized:
        return await authorize(self.authorizer, message, capabilities)

    def annotation(self, *, request_id: str | None = None, **where: str) -> dict[str, Any]:
        """Where a handler failed, for the error's context (the reference's annotation)."""
        return {
            **where,
            "requestId": request_id,
            "service": self.name,
            "contractId": self.contract_id,
            "contractDigest": self.contract_digest,
        }

    async def reply_error(
        self,
        message: Message,
        exc: BaseException,
        *,
        where: Mapping[str, str] | None = None,
        handler_failed: bool = False,
    ) -> None:
        """Answer ``message`` with the error object of ``exc`` under ``status: error``.

        Failures of the handler itself are annotated with where they happened; refusals before
        it ran (validation, authorization) go out as they are.
        """
        if handler_failed:
            if not isinstance(exc, TrellisError):
                log.error("%s: handler failed", self.name, exc_info=exc)
            request_id = message.header("request-id")
            error = boundary_error(exc, self.annotation(request_id=request_id, **(where or {})))
        elif isinstance(exc, TrellisError):
            error = exc
        else:
            log.error("%s: request handling failed", self.name, exc_info=exc)
            error = boundary_error(exc, {})
        if error.trace_id is None:
            error.trace_id = trace_id(message)
        if message.reply is not None:
            await self.connection.transport.publish(
                message.reply, encode_json(error.to_wire()), headers={STATUS: "error"}
            )

    def spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ----- internals -------------------------------------------------------------------------

    def _register(self, subscribe: Subscriber) -> None:
        if self._started:
            raise RuntimeError("register handlers before Service.start()")
        self._pending.append(subscribe)

    async def _open_operations(self) -> None:
        await self._ops()

    def _serve(self, subject: str, serve: Callable[[Message], Coroutine[Any, Any, None]]) -> None:
        async def on_message(message: Message) -> None:
            self.spawn(serve(message))

        self._register(
            lambda: self.connection.transport.subscribe(subject, on_message, queue=self.name)
        )

    async def _ops(self) -> OperationRuntime:
        """The one operation runtime of this service (its watchers and handlers are per process)."""
        async with self._operations_lock:
            if self._operations is None:
                bucket = operations_bucket(self.connection.session_key.public)
                kv = await self.connection.transport.key_value(bucket, history=5)
                self._operations = OperationRuntime(self, kv)
            return self._operations

    async def _accept(
        self, message: Message, model: type[I], what: str, capabilities: Sequence[str]
    ) -> tuple[I, RpcContext] | None:
        """Parse, validate and authorize a request; on refusal, answer it and return None."""
        try:
            payload = incoming_json(model, message.data, what)
            authorized = await self.authorize(message, capabilities)
        except Exception as exc:
            await self.reply_error(message, exc)
            return None
        proof = authorized.proof
        ctx = RpcContext(
            message.subject, proof.request_id, proof.session_key, authorized.caller, self
        )
        return payload, ctx

    async def _serve_rpc(
        self,
        desc: RpcDescriptor[I, O],
        handler: Callable[[I, RpcContext], Awaitable[O]],
        message: Message,
    ) -> None:
        if message.reply is None:
            return
        accepted = await self._accept(
            message, desc.input, f"{desc.key} input", desc.caller_capabilities
        )
        if accepted is None:
            return
        payload, ctx = accepted
        try:
            output = await handler(payload, ctx)
            data = outgoing_json(desc.output, output, f"{desc.key} output")
        except Exception as exc:
            await self.reply_error(message, exc, where={"method": desc.key}, handler_failed=True)
            return
        await self.connection.transport.publish(message.reply, data)

    async def _serve_feed(
        self,
        desc: FeedDescriptor[I, E],
        handler: Callable[[I, RpcContext], AsyncIterator[E]],
        message: Message,
    ) -> None:
        if message.reply is None:
            return
        accepted = await self._accept(
            message, desc.input, f"{desc.key} input", desc.subscribe_capabilities
        )
        if accepted is None:
            return
        payload, ctx = accepted
        transport = self.connection.transport
        await transport.publish(message.reply, b"", headers={FEED_STATUS: "ready"})
        try:
            async for event in handler(payload, ctx):
                body = outgoing(desc.event, event, f"{desc.key} event")
                await transport.publish(message.reply, encode_json(body))
        except Exception as exc:
            await self.reply_error(message, exc, where={"feed": desc.key}, handler_failed=True)

    # ----- resources: KV buckets and stores (resources.py) -----------------------------------

    def kv(self, desc: KvDescriptor[V]) -> KvStore[V]:
        """The KV resource ``desc.alias``: bound bucket, or provisioned locally without bindings.

        Raises ``KVError`` (reason ``"binding unavailable"``) when the deployment bound other
        resources but not this one.
        """
        handle = kv_handle(self, desc, required=True)
        assert handle is not None
        return handle

    def optional_kv(self, desc: KvDescriptor[V]) -> KvStore[V] | None:
        """An optional (``required: false``) KV resource; None when the deployment left it out."""
        return kv_handle(self, desc, required=False)

    def store(self, desc: StoreDescriptor) -> StoreHandle:
        """The store resource ``desc.alias`` (``StoreError`` when bindings lack it)."""
        handle = store_handle(self, desc, required=True)
        assert handle is not None
        return handle

    def optional_store(self, desc: StoreDescriptor) -> StoreHandle | None:
        """An optional store resource; None when the deployment left it out."""
        return store_handle(self, desc, required=False)
