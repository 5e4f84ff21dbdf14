"""Typed handler registration for the surfaces the contract owns.

`service.handle.rpc.<group>.<leaf>(handler)` (also usable as a decorator) registers a handler
whose signature mypy checks against the contract; internal RPCs are not offered here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import trellis_runtime as runtime

from . import descriptors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID

if TYPE_CHECKING:
    from trellis_runtime import (
        Bindings,
        Connection,
        RpcContext,
    )
    from trellis_runtime.deps import Bound, BoundHealth

__all__ = ["BoundService", "Service"]

DepsT = TypeVar("DepsT")
NextDepsT = TypeVar("NextDepsT")


class _HandleRpcState:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def admin_delete(
        self,
        handler: Callable[
            [models.StateAdminDeleteRequest, RpcContext],
            Awaitable[models.StateAdminDeleteResponse],
        ],
    ) -> Callable[
        [models.StateAdminDeleteRequest, RpcContext],
        Awaitable[models.StateAdminDeleteResponse],
    ]:
        """Remove one entry of any participant's state (administrators)."""
        self._svc.handle_rpc(descriptors.RPC_STATE_ADMIN_DELETE, handler)
        return handler

    def admin_get(
        self,
        handler: Callable[
            [models.StateAdminGetRequest, RpcContext],
            Awaitable[models.StateAdminGetResponse],
        ],
    ) -> Callable[
        [models.StateAdminGetRequest, RpcContext],
        Awaitable[models.StateAdminGetResponse],
    ]:
        """Read one entry of any participant's state (administrators)."""
        self._svc.handle_rpc(descriptors.RPC_STATE_ADMIN_GET, handler)
        return handler

    def admin_list(
        self,
        handler: Callable[
            [models.StateAdminListRequest, RpcContext],
            Awaitable[models.StateAdminListResponse],
        ],
    ) -> Callable[
        [models.StateAdminListRequest, RpcContext],
        Awaitable[models.StateAdminListResponse],
    ]:
        """Entries of any participant's state, by page (administrators)."""
        self._svc.handle_rpc(descriptors.RPC_STATE_ADMIN_LIST, handler)
        return handler

    def delete(
        self,
        handler: Callable[
            [models.StateDeleteRequest, RpcContext],
            Awaitable[models.StateDeleteResponse],
        ],
    ) -> Callable[
        [models.StateDeleteRequest, RpcContext], Awaitable[models.StateDeleteResponse]
    ]:
        """Remove one entry of the caller's state."""
        self._svc.handle_rpc(descriptors.RPC_STATE_DELETE, handler)
        return handler

    def get(
        self,
        handler: Callable[
            [models.StateGetRequest, RpcContext], Awaitable[models.StateGetResponse]
        ],
    ) -> Callable[
        [models.StateGetRequest, RpcContext], Awaitable[models.StateGetResponse]
    ]:
        """Read one entry of the caller's state."""
        self._svc.handle_rpc(descriptors.RPC_STATE_GET, handler)
        return handler

    def list(
        self,
        handler: Callable[
            [models.StateListRequest, RpcContext], Awaitable[models.StateListResponse]
        ],
    ) -> Callable[
        [models.StateListRequest, RpcContext], Awaitable[models.StateListResponse]
    ]:
        """Entries of the caller's state, by page, optionally under a key prefix."""
        self._svc.handle_rpc(descriptors.RPC_STATE_LIST, handler)
        return handler

    def put(
        self,
        handler: Callable[
            [models.StatePutRequest, RpcContext], Awaitable[models.StatePutResponse]
        ],
    ) -> Callable[
        [models.StatePutRequest, RpcContext], Awaitable[models.StatePutResponse]
    ]:
        """Write one entry; with an expected revision, only if nobody changed it in between."""
        self._svc.handle_rpc(descriptors.RPC_STATE_PUT, handler)
        return handler


class _HandleRpc:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.state = _HandleRpcState(svc)


class _HandleOperation:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _HandleEvent:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _HandleFeed:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _Jobs:
    """`service.jobs.<queue>`: `await create(payload)` -> `JobRef`; `handle(handler)` to work it.

    A handler is `async def handler(job: ActiveJob[Payload, Result]) -> Result`.
    """

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _Handle:
    def __init__(self, svc: runtime.Service) -> None:
        self.rpc = _HandleRpc(svc)
        self.operation = _HandleOperation(svc)
        self.event = _HandleEvent(svc)
        self.feed = _HandleFeed(svc)


class Service:
    """The owning service: `service.handle.<section>...(handler)`, `service.jobs.<queue>`, and
    `service.client` for outbound calls on the same connection.
    """

    def __init__(
        self,
        conn: Connection,
        *,
        name: str,
        authorizer: runtime.Authorizer | None = None,
        bootstrap: bool | None = None,
        heartbeat_interval: float = 30.0,
    ) -> None:
        """`authorizer` defaults to asking the deployment's auth service about each request.

        `bootstrap`: receive the resource bindings from the deployment before serving (default:
        when `conn` presented this contract's digest to a deployment). `heartbeat_interval`:
        seconds between `Health.Heartbeat` events.
        """
        self.runtime = runtime.Service(
            conn,
            name=name,
            contract_id=CONTRACT_ID,
            contract_digest=CONTRACT_DIGEST,
            authorizer=authorizer,
            bootstrap=bootstrap,
        )
        self.client = Client(conn)
        self.handle = _Handle(self.runtime)
        self.jobs = _Jobs(self.runtime)
        self.health = self.runtime.health
        self.runtime.enable_heartbeats(
            interval=heartbeat_interval
        )  # uses trellis.health@v1

    @property
    def bindings(self) -> Bindings | None:
        """What the deployment bound this contract's resources to (None before start, locally)."""
        return self.runtime.bindings

    def with_deps(self, deps: DepsT) -> BoundService[DepsT]:
        """Register handlers that also receive `deps` (a pool, settings, ...) as last argument."""
        return BoundService(self, deps)

    async def start(self) -> None:
        await self.runtime.start()

    async def stop(self, *, timeout: float = runtime.DEFAULT_STOP_TIMEOUT) -> None:
        """Drain subscriptions; let in-flight handlers finish (up to `timeout`), cancel the rest."""
        await self.runtime.stop(timeout=timeout)


# ----- `service.with_deps(deps)`: the same registrations, handlers also get `deps` -------------


class _BoundHandleRpcState(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def admin_delete(
        self,
        handler: Callable[
            [models.StateAdminDeleteRequest, RpcContext, DepsT],
            Awaitable[models.StateAdminDeleteResponse],
        ],
    ) -> Callable[
        [models.StateAdminDeleteRequest, RpcContext, DepsT],
        Awaitable[models.StateAdminDeleteResponse],
    ]:
        """Remove one entry of any participant's state (administrators)."""
        self._bound.handle_rpc(descriptors.RPC_STATE_ADMIN_DELETE, handler)
        return handler

    def admin_get(
        self,
        handler: Callable[
            [models.StateAdminGetRequest, RpcContext, DepsT],
            Awaitable[models.StateAdminGetResponse],
        ],
    ) -> Callable[
        [models.StateAdminGetRequest, RpcContext, DepsT],
        Awaitable[models.StateAdminGetResponse],
    ]:
        """Read one entry of any participant's state (administrators)."""
        self._bound.handle_rpc(descriptors.RPC_STATE_ADMIN_GET, handler)
        return handler

    def admin_list(
        self,
        handler: Callable[
            [models.StateAdminListRequest, RpcContext, DepsT],
            Awaitable[models.StateAdminListResponse],
        ],
    ) -> Callable[
        [models.StateAdminListRequest, RpcContext, DepsT],
        Awaitable[models.StateAdminListResponse],
    ]:
        """Entries of any participant's state, by page (administrators)."""
        self._bound.handle_rpc(descriptors.RPC_STATE_ADMIN_LIST, handler)
        return handler

    def delete(
        self,
        handler: Callable[
            [models.StateDeleteRequest, RpcContext, DepsT],
            Awaitable[models.StateDeleteResponse],
        ],
    ) -> Callable[
        [models.StateDeleteRequest, RpcContext, DepsT],
        Awaitable[models.StateDeleteResponse],
    ]:
        """Remove one entry of the caller's state."""
        self._bound.handle_rpc(descriptors.RPC_STATE_DELETE, handler)
        return handler

    def get(
        self,
        handler: Callable[
            [models.StateGetRequest, RpcContext, DepsT],
            Awaitable[models.StateGetResponse],
        ],
    ) -> Callable[
        [models.StateGetRequest, RpcContext, DepsT], Awaitable[models.StateGetResponse]
    ]:
        """Read one entry of the caller's state."""
        self._bound.handle_rpc(descriptors.RPC_STATE_GET, handler)
        return handler

    def list(
        self,
        handler: Callable[
            [models.StateListRequest, RpcContext, DepsT],
            Awaitable[models.StateListResponse],
        ],
    ) -> Callable[
        [models.StateListRequest, RpcContext, DepsT],
        Awaitable[models.StateListResponse],
    ]:
        """Entries of the caller's state, by page, optionally under a key prefix."""
        self._bound.handle_rpc(descriptors.RPC_STATE_LIST, handler)
        return handler

    def put(
        self,
        handler: Callable[
            [models.StatePutRequest, RpcContext, DepsT],
            Awaitable[models.StatePutResponse],
        ],
    ) -> Callable[
        [models.StatePutRequest, RpcContext, DepsT], Awaitable[models.StatePutResponse]
    ]:
        """Write one entry; with an expected revision, only if nobody changed it in between."""
        self._bound.handle_rpc(descriptors.RPC_STATE_PUT, handler)
        return handler


class _BoundHandleRpc(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.state = _BoundHandleRpcState(bound)


class _BoundHandleOperation(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundHandleEvent(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundHandleFeed(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundJobs(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundHandle(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self.rpc = _BoundHandleRpc(bound)
        self.operation = _BoundHandleOperation(bound)
        self.event = _BoundHandleEvent(bound)
        self.feed = _BoundHandleFeed(bound)


class BoundService(Generic[DepsT]):
    """`service.with_deps(deps)`: register handlers that receive `deps` as their last argument.

    Trellis passes `deps` through untouched (never copies, opens or closes it); views made
    with different dependencies of one service keep their own.
    """

    def __init__(self, service: Service, deps: DepsT) -> None:
        self.service = service
        self.deps = deps
        bound = service.runtime.with_deps(deps)
        self.handle = _BoundHandle(bound)
        self.jobs = _BoundJobs(bound)
        self.health: BoundHealth[DepsT] = bound.health
        self.client = service.client

    def with_deps(self, deps: NextDepsT) -> BoundService[NextDepsT]:
        return BoundService(self.service, deps)
