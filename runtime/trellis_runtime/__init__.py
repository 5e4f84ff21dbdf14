"""The Trellis runtime of generated Python SDKs: the platform's wire protocol over NATS (or in
memory), session keys and signed requests, service-side authorization, typed errors, events,
feeds, operations and jobs. Depends on pydantic, nats-py and cryptography only."""

from typing import TYPE_CHECKING, Any

# The connect token builder shares its name with its module: importing the module (as connection
# does) binds that name on this package, so the function is bound here first, once and for all.
from .connect_token import connect_token

if TYPE_CHECKING:
    from .auth import Authorization, Authorizer, PlatformAuthorizer, ValidateRequest
    from .bindings import Bindings, BootstrapError, KvBinding, StoreBinding
    from .caller import Caller, CallerIdentity, DeviceCaller, ServiceCaller, UserCaller
    from .connection import DEFAULT_TIMEOUT, Connection, Subscription, connect
    from .deps import Bound
    from .descriptors import (
        EventDescriptor,
        FeedDescriptor,
        JobDescriptor,
        OperationDescriptor,
        OperationTransfer,
        RpcDescriptor,
        SignalDescriptor,
    )
    from .errors import (
        AuthError,
        DeclaredError,
        KVError,
        NoResponders,
        OperationAlreadyTerminalError,
        OperationError,
        OperationMismatchError,
        OperationNotFoundError,
        RemoteError,
        RpcTimeout,
        StoreError,
        TransferError,
        TransportError,
        TrellisError,
        UnexpectedError,
        ValidationError,
        ValidationIssue,
    )
    from .events import EventHeader
    from .health import HealthCheck, HealthInfo, ServiceHealth
    from .jobs import JobQueue, JobsRuntime
    from .jobs_handles import ActiveJob, JobRef, RetryJob
    from .jobs_model import (
        JobContext,
        JobLogEntry,
        JobProgress,
        JobSnapshot,
        JobState,
        new_job_context,
    )
    from .keys import SessionKey
    from .kv import KvChange, KvEntry, KvStore, KvWatch
    from .memory import InMemoryBroker, InMemoryTransport
    from .nats_transport import NatsTransport
    from .op_client import OperationRef, SignalReceipt
    from .op_model import OperationEvent, OperationSnapshot, TransferProgress
    from .op_server import ActiveOperation, Deferred, UploadOperation
    from .resource_descriptors import (
        KvDescriptor,
        StateContract,
        StateStoreDescriptor,
        StoreDescriptor,
    )
    from .service import RpcContext, Service
    from .state import (
        ANY_REVISION,
        MapStateStore,
        StateEntry,
        StateMigration,
        StatePage,
        StatePut,
        ValueStateStore,
    )
    from .store import StoreEntry, StoreHandle, StoreInfo, StorePage, StoreStatus
    from .subjects import EventSubjectError
    from .timeouts import DEFAULT_STOP_TIMEOUT
    from .transfer import (
        CompletedTransfer,
        FileInfo,
        ReceiveTransfer,
        StartedTransfer,
        TransferBody,
        TransferGrant,
        TransferInput,
        TransferStart,
    )
    from .transfer_server import UploadTransfer
    from .transport import Transport
    from .uses import Use

# Where each other public name lives. ``import trellis_runtime`` loads none of these submodules:
# a generated SDK imports the few it needs, and asyncio, nats-py, cryptography and the service
# machinery load when first used (PEP 562 ``__getattr__`` below). The ``TYPE_CHECKING`` imports
# above give type checkers and IDEs the same names; a test keeps them, this table and ``__all__``
# in step.
_SUBMODULE_EXPORTS: dict[str, tuple[str, ...]] = {
    "auth": ("Authorization", "Authorizer", "PlatformAuthorizer", "ValidateRequest"),
    "bindings": ("Bindings", "BootstrapError", "KvBinding", "StoreBinding"),
    "caller": ("Caller", "CallerIdentity", "DeviceCaller", "ServiceCaller", "UserCaller"),
    "connection": ("DEFAULT_TIMEOUT", "Connection", "Subscription", "connect"),
    "deps": ("Bound",),
    "descriptors": (
        "EventDescriptor",
        "FeedDescriptor",
        "JobDescriptor",
        "OperationDescriptor",
        "OperationTransfer",
        "RpcDescriptor",
        "SignalDescriptor",
    ),
    "errors": (
        "AuthError",
        "DeclaredError",
        "KVError",
        "NoResponders",
        "OperationAlreadyTerminalError",
        "OperationError",
        "OperationMismatchError",
        "OperationNotFoundError",
        "RemoteError",
        "RpcTimeout",
        "StoreError",
        "TransferError",
        "TransportError",
        "TrellisError",
        "UnexpectedError",
        "ValidationError",
        "ValidationIssue",
    ),
    "events": ("EventHeader",),
    "health": ("HealthCheck", "HealthInfo", "ServiceHealth"),
    "jobs": ("JobQueue", "JobsRuntime"),
    "jobs_handles": ("ActiveJob", "JobRef", "RetryJob"),
    "jobs_model": (
        "JobContext",
        "JobLogEntry",
        "JobProgress",
        "JobSnapshot",
        "JobState",
        "new_job_context",
    ),
    "keys": ("SessionKey",),
    "kv": ("KvChange", "KvEntry", "KvStore", "KvWatch"),
    "memory": ("InMemoryBroker", "InMemoryTransport"),
    "nats_transport": ("NatsTransport",),
    "op_client": ("OperationRef", "SignalReceipt"),
    "op_model": ("OperationEvent", "OperationSnapshot", "TransferProgress"),
    "op_server": ("ActiveOperation", "Deferred", "UploadOperation"),
    "resource_descriptors": (
        "KvDescriptor",
        "StateContract",
        "StateStoreDescriptor",
        "StoreDescriptor",
    ),
    "service": ("RpcContext", "Service"),
    "state": (
        "ANY_REVISION",
        "MapStateStore",
        "StateEntry",
        "StateMigration",
        "StatePage",
        "StatePut",
        "ValueStateStore",
    ),
    "store": ("StoreEntry", "StoreHandle", "StoreInfo", "StorePage", "StoreStatus"),
    "subjects": ("EventSubjectError",),
    "timeouts": ("DEFAULT_STOP_TIMEOUT",),
    "transfer": (
        "CompletedTransfer",
        "FileInfo",
        "ReceiveTransfer",
        "StartedTransfer",
        "TransferBody",
        "TransferGrant",
        "TransferInput",
        "TransferStart",
    ),
    "transfer_server": ("UploadTransfer",),
    "transport": ("Transport",),
    "uses": ("Use",),
}
_SUBMODULE_OF = {name: module for module, names in _SUBMODULE_EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import the submodule defining ``name`` on first use, and keep the value as an attribute.

    The builtin ``__import__``, unlike ``importlib.import_module``, lists the submodule under
    ``python -X importtime``, where import time is looked into.
    """
    module = _SUBMODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Every public name, loaded yet or not, as before names loaded on first use."""
    return sorted({*globals(), *__all__})


__all__ = [
    # health, transfers, bindings and handler dependencies
    "Bindings",
    "BootstrapError",
    "Bound",
    "CompletedTransfer",
    "FileInfo",
    "HealthCheck",
    "HealthInfo",
    "KvBinding",
    "OperationTransfer",
    "ReceiveTransfer",
    "ServiceHealth",
    "StartedTransfer",
    "StoreBinding",
    "TransferBody",
    "TransferGrant",
    "TransferInput",
    "TransferProgress",
    "TransferStart",
    "UploadOperation",
    "UploadTransfer",
    # the rest
    "DEFAULT_STOP_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "ActiveJob",
    "ActiveOperation",
    "AuthError",
    "Authorization",
    "Authorizer",
    "Caller",
    "CallerIdentity",
    "Connection",
    "DeclaredError",
    "Deferred",
    "DeviceCaller",
    "EventDescriptor",
    "EventHeader",
    "EventSubjectError",
    "FeedDescriptor",
    "InMemoryBroker",
    "InMemoryTransport",
    "JobContext",
    "JobDescriptor",
    "JobLogEntry",
    "JobProgress",
    "JobQueue",
    "JobRef",
    "JobSnapshot",
    "JobState",
    "JobsRuntime",
    "KVError",
    "NatsTransport",
    "NoResponders",
    "OperationAlreadyTerminalError",
    "OperationDescriptor",
    "OperationError",
    "OperationEvent",
    "OperationMismatchError",
    "OperationNotFoundError",
    "OperationRef",
    "OperationSnapshot",
    "PlatformAuthorizer",
    "RemoteError",
    "RetryJob",
    "RpcContext",
    "RpcDescriptor",
    "RpcTimeout",
    "ServiceCaller",
    "Service",
    "SessionKey",
    "SignalDescriptor",
    "SignalReceipt",
    "StoreError",
    "Subscription",
    "TransferError",
    "Transport",
    "TransportError",
    "TrellisError",
    "UnexpectedError",
    "Use",
    "UserCaller",
    "ValidateRequest",
    "ValidationError",
    "ValidationIssue",
    "connect",
    "connect_token",
    "new_job_context",
    # resources and state
    "ANY_REVISION",
    "KvChange",
    "KvDescriptor",
    "KvEntry",
    "KvStore",
    "KvWatch",
    "MapStateStore",
    "StateContract",
    "StateEntry",
    "StateMigration",
    "StatePage",
    "StatePut",
    "StateStoreDescriptor",
    "StoreDescriptor",
    "StoreEntry",
    "StoreHandle",
    "StoreInfo",
    "StorePage",
    "StoreStatus",
    "ValueStateStore",
]
