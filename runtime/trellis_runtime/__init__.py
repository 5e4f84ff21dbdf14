"""The Trellis runtime of generated Python SDKs: the platform's wire protocol over NATS (or in
memory), session keys and signed requests, service-side authorization, typed errors, events,
feeds, operations and jobs. Depends on pydantic, nats-py and cryptography only."""

from typing import TYPE_CHECKING, Any

from .auth import Authorization, Authorizer, PlatformAuthorizer, ValidateRequest
from .bindings import Bindings, BootstrapError, KvBinding, StoreBinding
from .caller import Caller, CallerIdentity, DeviceCaller, ServiceCaller, UserCaller
from .connect_token import connect_token
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
from .jobs_model import JobContext, JobLogEntry, JobProgress, JobSnapshot, JobState, new_job_context
from .keys import SessionKey
from .kv import KvChange, KvEntry, KvStore, KvWatch
from .memory import InMemoryBroker, InMemoryTransport
from .op_client import OperationRef, SignalReceipt
from .op_model import OperationEvent, OperationSnapshot, TransferProgress
from .op_server import ActiveOperation, Deferred, UploadOperation
from .resource_descriptors import KvDescriptor, StateContract, StateStoreDescriptor, StoreDescriptor
from .service import DEFAULT_STOP_TIMEOUT, RpcContext, Service
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

if TYPE_CHECKING:
    from .nats_transport import NatsTransport


def __getattr__(name: str) -> Any:
    """``NatsTransport`` on first use: importing nats-py costs time a test or tool may not need."""
    if name == "NatsTransport":
        from .nats_transport import NatsTransport

        return NatsTransport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
