"""Typed handler registration for the surfaces the contract owns.

`service.handle.rpc.<group>.<leaf>(handler)` (also usable as a decorator) registers a handler
whose signature mypy checks against the contract; internal RPCs are not offered here.
"""

# ruff: noqa: E501 - manifest strings (subjects, docs, names) can be any length

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from trellis_generate import runtime
from trellis_generate.runtime import (
    Connection,
    RpcContext,
)

from . import descriptors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID

__all__ = ["Service"]


class _HandleRpcInventory:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def stock_get(
        self,
        handler: Callable[[models.GetStockInput, RpcContext], Awaitable[models.StockLevel]],
    ) -> Callable[[models.GetStockInput, RpcContext], Awaitable[models.StockLevel]]:
        self._svc.handle_rpc(descriptors.RPC_INVENTORY_STOCK_GET, handler)
        return handler

    def stock_reserve(
        self,
        handler: Callable[[models.ReserveStockInput, RpcContext], Awaitable[models.Reservation]],
    ) -> Callable[[models.ReserveStockInput, RpcContext], Awaitable[models.Reservation]]:
        self._svc.handle_rpc(descriptors.RPC_INVENTORY_STOCK_RESERVE, handler)
        return handler


class _HandleEventBilling:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def invoice_paid(
        self,
        handler: Callable[[models.InvoicePaid], Awaitable[None]],
        *,
        customer_id: str | None = None,
        invoice_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.InvoicePaid], Awaitable[None]]:
        """Published once per invoice, when its payment settles."""
        filter: dict[str, str | None] = {
            "/customerId": customer_id,
            "/invoiceId": invoice_id,
        }
        self._svc.listen(
            descriptors.BILLING_EVENT_BILLING_INVOICE_PAID,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _HandleEventInventory:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def stock_low(
        self,
        handler: Callable[[models.StockLow], Awaitable[None]],
        *,
        warehouse: str | None = None,
        sku: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.StockLow], Awaitable[None]]:
        filter: dict[str, str | None] = {
            "/warehouse": warehouse,
            "/sku": sku,
        }
        self._svc.listen(
            descriptors.EVENT_INVENTORY_STOCK_LOW,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _HandleFeedInventory:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def stock_changes(
        self,
        handler: Callable[[models.WatchStockInput, RpcContext], AsyncIterator[models.StockChanged]],
    ) -> Callable[[models.WatchStockInput, RpcContext], AsyncIterator[models.StockChanged]]:
        """Every change of the watched SKUs, as it happens."""
        self._svc.handle_feed(descriptors.FEED_INVENTORY_STOCK_CHANGES, handler)
        return handler


class _HandleRpc:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.inventory = _HandleRpcInventory(svc)


class _HandleOperation:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _HandleEvent:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.billing = _HandleEventBilling(svc)
        self.inventory = _HandleEventInventory(svc)


class _HandleFeed:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.inventory = _HandleFeedInventory(svc)


class _Jobs:
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

    def __init__(self, conn: Connection, *, name: str) -> None:
        self.runtime = runtime.Service(
            conn, name=name, contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST
        )
        self.client = Client(conn)
        self.handle = _Handle(self.runtime)
        self.jobs = _Jobs(self.runtime)

    async def start(self) -> None:
        await self.runtime.start()

    async def stop(self, *, timeout: float = runtime.DEFAULT_STOP_TIMEOUT) -> None:
        """Drain subscriptions; let in-flight handlers finish (up to `timeout`), cancel the rest."""
        await self.runtime.stop(timeout=timeout)
