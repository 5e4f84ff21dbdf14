"""A dependency declaration: which surfaces of another contract a contract uses.

Generated SDKs build these with their typed ``use(...)``; contract modules hand them to
``define_service_contract(uses=...)``. It lives in the runtime so that generated code never
imports the generator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Use:
    """A dependency on another contract and the surfaces of it this contract needs."""

    contract: str
    rpc_call: Sequence[str] = ()
    operations_call: Sequence[str] = ()
    events_publish: Sequence[str] = ()
    events_subscribe: Sequence[str] = ()
    feeds_subscribe: Sequence[str] = ()
