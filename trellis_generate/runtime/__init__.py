"""What generated SDKs import at run time: descriptors, transports, RPC, events, operations,
feeds and jobs. Depends on pydantic, nats-py and the standard library only."""

from .connection import Connection, Subscription, connect
from .descriptors import (
    EventDescriptor,
    FeedDescriptor,
    JobDescriptor,
    OperationDescriptor,
    RpcDescriptor,
    SignalDescriptor,
)
from .errors import (
    DeclaredError,
    EventSubjectError,
    NoResponders,
    OperationControlError,
    PayloadValidationError,
    RemoteError,
    RpcTimeout,
    TrellisError,
)
from .memory import InMemoryBroker, InMemoryTransport
from .nats_transport import NatsTransport
from .op_client import OperationRef, SignalReceipt
from .op_model import OperationEvent, OperationSnapshot
from .op_server import ActiveOperation, Deferred
from .service import DEFAULT_STOP_TIMEOUT, JobContext, JobRef, RpcContext, Service
from .transport import Transport

__all__ = [
    "DEFAULT_STOP_TIMEOUT",
    "ActiveOperation",
    "Connection",
    "DeclaredError",
    "Deferred",
    "EventDescriptor",
    "EventSubjectError",
    "FeedDescriptor",
    "InMemoryBroker",
    "InMemoryTransport",
    "JobContext",
    "JobDescriptor",
    "JobRef",
    "NatsTransport",
    "NoResponders",
    "OperationControlError",
    "OperationDescriptor",
    "OperationEvent",
    "OperationRef",
    "OperationSnapshot",
    "PayloadValidationError",
    "RemoteError",
    "RpcContext",
    "RpcDescriptor",
    "RpcTimeout",
    "Service",
    "SignalDescriptor",
    "SignalReceipt",
    "Subscription",
    "Transport",
    "TrellisError",
    "connect",
]
