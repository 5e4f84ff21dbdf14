"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from trellis_runtime import (
    EventDescriptor,
    RpcDescriptor,
)

from . import models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "HEALTH_EVENT_HEALTH_HEARTBEAT",
    "RPC_TRELLIS_BINDINGS_GET",
    "RPC_TRELLIS_CATALOG",
    "RPC_TRELLIS_CONTRACT_GET",
    "RPC_TRELLIS_SURFACE_STATUS",
]

RPC_TRELLIS_BINDINGS_GET: RpcDescriptor[
    models.TrellisBindingsGetRequest, models.TrellisBindingsGetResponse
] = RpcDescriptor(
    key="Trellis.Bindings.Get",
    subject="rpc.v1.Trellis.Bindings.Get",
    input=models.TrellisBindingsGetRequest,
    output=models.TrellisBindingsGetResponse,
    errors={},
    caller_capabilities=("service",),
    internal=True,
    transfer_direction=None,
)

RPC_TRELLIS_CATALOG: RpcDescriptor[
    models.TrellisCatalogRequest, models.TrellisCatalogResponse
] = RpcDescriptor(
    key="Trellis.Catalog",
    subject="rpc.v1.Trellis.Catalog",
    input=models.TrellisCatalogRequest,
    output=models.TrellisCatalogResponse,
    errors={},
    caller_capabilities=("trellis.core::catalog.read",),
    internal=False,
    transfer_direction=None,
)

RPC_TRELLIS_CONTRACT_GET: RpcDescriptor[
    models.TrellisContractGetRequest, models.TrellisContractGetResponse
] = RpcDescriptor(
    key="Trellis.Contract.Get",
    subject="rpc.v1.Trellis.Contract.Get",
    input=models.TrellisContractGetRequest,
    output=models.TrellisContractGetResponse,
    errors={},
    caller_capabilities=("trellis.core::contract.read",),
    internal=False,
    transfer_direction=None,
)

RPC_TRELLIS_SURFACE_STATUS: RpcDescriptor[
    models.TrellisSurfaceStatusRequest, models.TrellisSurfaceStatusResponse
] = RpcDescriptor(
    key="Trellis.Surface.Status",
    subject="rpc.v1.Trellis.Surface.Status",
    input=models.TrellisSurfaceStatusRequest,
    output=models.TrellisSurfaceStatusResponse,
    errors={},
    caller_capabilities=("trellis.core::catalog.read",),
    internal=False,
    transfer_direction=None,
)

HEALTH_EVENT_HEALTH_HEARTBEAT: EventDescriptor[models.HealthHeartbeat] = (
    EventDescriptor(
        key="Health.Heartbeat",
        subject="events.v1.Health.Heartbeat",
        params=(),
        event=models.HealthHeartbeat,
        publish_capabilities=(),
        subscribe_capabilities=(),
    )
)
