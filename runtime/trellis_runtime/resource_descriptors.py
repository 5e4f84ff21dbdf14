"""Typed descriptors of a contract's resources and state stores, as generated code declares them.

``KvDescriptor`` and ``StoreDescriptor`` carry what ``resources.kv.<alias>`` and
``resources.store.<alias>`` of the manifest say (the value model, and the limits a local run
provisions with); ``StateStoreDescriptor`` carries one ``state.<name>`` declaration and
``StateContract`` the contract's state declarations with its identity, for the local
``trellis.state@v1`` stand-in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

V = TypeVar("V", bound=BaseModel)


@dataclass(frozen=True)
class KvDescriptor(Generic[V]):
    alias: str
    value: type[V]
    required: bool = True
    history: int = 1
    ttl_ms: int = 0
    max_value_bytes: int | None = None


@dataclass(frozen=True)
class StoreDescriptor:
    alias: str
    required: bool = True
    ttl_ms: int = 0
    max_object_bytes: int | None = None
    max_total_bytes: int | None = None


@dataclass(frozen=True)
class StateStoreDescriptor(Generic[V]):
    name: str
    kind: Literal["value", "map"]
    value: type[V]
    state_version: str = "v1"
    # older author-known state versions the runtime can still read, for migration
    accepted_versions: Mapping[str, type[BaseModel]] = field(default_factory=dict)


@dataclass(frozen=True)
class StateContract:
    """A contract's identity and its declared state stores."""

    id: str
    digest: str
    stores: Mapping[str, StateStoreDescriptor[Any]] = field(default_factory=dict)
