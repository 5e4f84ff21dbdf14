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
    "RPC_STATE_ADMIN_DELETE",
    "RPC_STATE_ADMIN_GET",
    "RPC_STATE_ADMIN_LIST",
    "RPC_STATE_DELETE",
    "RPC_STATE_GET",
    "RPC_STATE_LIST",
    "RPC_STATE_PUT",
]

RPC_STATE_ADMIN_DELETE: RpcDescriptor[
    models.StateAdminDeleteRequest, models.StateAdminDeleteResponse
] = RpcDescriptor(
    key="State.Admin.Delete",
    subject="rpc.v1.State.Admin.Delete",
    input=models.StateAdminDeleteRequest,
    output=models.StateAdminDeleteResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_STATE_ADMIN_GET: RpcDescriptor[
    models.StateAdminGetRequest, models.StateAdminGetResponse
] = RpcDescriptor(
    key="State.Admin.Get",
    subject="rpc.v1.State.Admin.Get",
    input=models.StateAdminGetRequest,
    output=models.StateAdminGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_STATE_ADMIN_LIST: RpcDescriptor[
    models.StateAdminListRequest, models.StateAdminListResponse
] = RpcDescriptor(
    key="State.Admin.List",
    subject="rpc.v1.State.Admin.List",
    input=models.StateAdminListRequest,
    output=models.StateAdminListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_STATE_DELETE: RpcDescriptor[
    models.StateDeleteRequest, models.StateDeleteResponse
] = RpcDescriptor(
    key="State.Delete",
    subject="rpc.v1.State.Delete",
    input=models.StateDeleteRequest,
    output=models.StateDeleteResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_STATE_GET: RpcDescriptor[models.StateGetRequest, models.StateGetResponse] = (
    RpcDescriptor(
        key="State.Get",
        subject="rpc.v1.State.Get",
        input=models.StateGetRequest,
        output=models.StateGetResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
)

RPC_STATE_LIST: RpcDescriptor[models.StateListRequest, models.StateListResponse] = (
    RpcDescriptor(
        key="State.List",
        subject="rpc.v1.State.List",
        input=models.StateListRequest,
        output=models.StateListResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
)

RPC_STATE_PUT: RpcDescriptor[models.StatePutRequest, models.StatePutResponse] = (
    RpcDescriptor(
        key="State.Put",
        subject="rpc.v1.State.Put",
        input=models.StatePutRequest,
        output=models.StatePutResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
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
