"""Author Trellis contracts in Python: `define_*_contract` with typed descriptors (spec §6).

Import-light on purpose (pydantic and the standard library only): contract modules import this
package, and the watch mode re-imports them often.
"""

from .define import (
    ContractDefinition,
    ContractFields,
    define_agent_contract,
    define_app_contract,
    define_device_contract,
    define_service_contract,
)
from .descriptors import (
    Capability,
    Docs,
    ErrorType,
    Event,
    EventConsumer,
    Feed,
    Job,
    Kv,
    Operation,
    Rpc,
    SchemaLike,
    SchemaSource,
    Signal,
    StateStore,
    Store,
    Transfer,
    Use,
    define_error,
)
from .schemas import SchemaInlineError, model_schema
from .transfer_models import ReceiveTransferGrant, TransferFileInfo

__all__ = [
    "Capability",
    "ContractDefinition",
    "ContractFields",
    "Docs",
    "ErrorType",
    "Event",
    "EventConsumer",
    "Feed",
    "Job",
    "Kv",
    "Operation",
    "ReceiveTransferGrant",
    "Rpc",
    "SchemaInlineError",
    "SchemaLike",
    "SchemaSource",
    "Signal",
    "StateStore",
    "Store",
    "Transfer",
    "TransferFileInfo",
    "Use",
    "define_agent_contract",
    "define_app_contract",
    "define_device_contract",
    "define_error",
    "define_service_contract",
    "model_schema",
]
