"""Application dependencies for handlers: the reference's ``service.with(deps)``, typed.

``service.with_deps(deps)`` returns a ``Bound[D]`` view of the same service; handlers registered
through it receive ``deps`` as their last argument, after what the surface gives them::

    app = service.with_deps(AppDeps(db=pool, settings=settings))
    app.handle_rpc(DESC, get_invoice)  # async def get_invoice(input, ctx, deps: AppDeps) -> Output

The dependency object is passed through as it is: Trellis never copies, opens, or closes it,
and keeps it apart from the Trellis context (``ctx``). Several views of one service keep their
own dependencies. Generated SDKs build their typed ``service.with_deps(...)`` facade on this.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .health import CheckResult, HealthInfo

if TYPE_CHECKING:
    from .descriptors import (
        EventDescriptor,
        FeedDescriptor,
        JobDescriptor,
        OperationDescriptor,
        RpcDescriptor,
    )
    from .jobs_handles import ActiveJob
    from .op_server import ActiveOperation, Deferred, UploadOperation
    from .service import RpcContext, Service

D = TypeVar("D")
I = TypeVar("I", bound=BaseModel)  # noqa: E741
O = TypeVar("O", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


class Bound(Generic[D]):
    """One service seen with one dependency object ``deps``."""

    def __init__(self, service: Service, deps: D) -> None:
        self.service = service
        self.deps = deps

    def with_deps(self, deps: Any) -> Bound[Any]:
        return Bound(self.service, deps)

    def handle_rpc(
        self,
        desc: RpcDescriptor[I, O],
        handler: Callable[[I, RpcContext, D], Awaitable[O]],
    ) -> None:
        deps = self.deps
        self.service.handle_rpc(desc, lambda payload, ctx: handler(payload, ctx, deps))

    def handle_operation(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, ActiveOperation[P, O], D], Awaitable[O | Deferred]],
    ) -> None:
        deps = self.deps
        self.service.handle_operation(desc, lambda payload, op: handler(payload, op, deps))

    def handle_upload(
        self,
        desc: OperationDescriptor[I, P, O],
        handler: Callable[[I, UploadOperation[P, O], D], Awaitable[O | Deferred]],
    ) -> None:
        deps = self.deps
        self.service.handle_upload(desc, lambda payload, op: handler(payload, op, deps))

    def listen(
        self,
        desc: EventDescriptor[E],
        handler: Callable[[E, D], Awaitable[None]],
        *,
        filter: Mapping[str, Any] | None = None,
        queue: str | None = None,
    ) -> None:
        deps = self.deps
        self.service.listen(desc, lambda event: handler(event, deps), filter=filter, queue=queue)

    def handle_feed(
        self,
        desc: FeedDescriptor[I, E],
        handler: Callable[[I, RpcContext, D], AsyncIterator[E]],
    ) -> None:
        deps = self.deps
        self.service.handle_feed(desc, lambda payload, ctx: handler(payload, ctx, deps))

    def handle_job(
        self,
        desc: JobDescriptor[P, R],
        handler: Callable[[ActiveJob[P, R], D], Awaitable[R | None]],
    ) -> None:
        deps = self.deps
        self.service.handle_job(desc, lambda job: handler(job, deps))

    @property
    def health(self) -> BoundHealth[D]:
        """``service.health`` with checks and info functions that get ``deps``."""
        return BoundHealth(self)


class BoundHealth(Generic[D]):
    def __init__(self, bound: Bound[D]) -> None:
        self._bound = bound

    def add(
        self, name: str, check: Callable[[D], CheckResult | Awaitable[CheckResult]]
    ) -> Callable[[], None]:
        """A heartbeat check that gets ``deps`` (e.g. to ping the database pool)."""
        deps = self._bound.deps
        return self._bound.service.health.add(name, lambda: check(deps))

    def set_info(
        self, info: HealthInfo | Callable[[D], HealthInfo | None | Awaitable[HealthInfo | None]]
    ) -> None:
        deps = self._bound.deps
        if isinstance(info, HealthInfo):
            self._bound.service.health.set_info(info)
        else:
            self._bound.service.health.set_info(lambda: info(deps))


__all__ = ["Bound", "BoundHealth"]
