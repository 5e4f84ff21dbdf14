"""The typed contract: its surfaces, resources, state stores, errors, capabilities and the
contracts it uses.

`uses` is where the two declaration groups merge (required aliases first, then optional aliases
not also required, as the runtime's `resolveContractUses` does) and `USE_SELECTORS` is the one
table of what a `uses` entry may select.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .surfaces import Docs, Event, Feed, Job, Operation, Rpc, Surface, SurfaceKind

UseGroup = Literal["required", "optional"]


@dataclass(frozen=True)
class Selector:
    """One list a `uses` entry may declare: `<section>.<action>`, picking surfaces of `kind`."""

    kind: SurfaceKind
    section: str  # manifest section: rpc | operations | events | feeds
    action: str  # call | publish | subscribe
    label: str  # how a person names one surface of that kind


RPC_CALL = Selector("rpc", "rpc", "call", "RPC")
OPERATION_CALL = Selector("operation", "operations", "call", "operation")
EVENT_PUBLISH = Selector("event", "events", "publish", "event")
EVENT_SUBSCRIBE = Selector("event", "events", "subscribe", "event")
FEED_SUBSCRIBE = Selector("feed", "feeds", "subscribe", "feed")
USE_SELECTORS: tuple[Selector, ...] = (
    RPC_CALL,
    OPERATION_CALL,
    EVENT_PUBLISH,
    EVENT_SUBSCRIBE,
    FEED_SUBSCRIBE,
)
SECTIONS: Mapping[SurfaceKind, str] = {
    "rpc": "rpc",
    "operation": "operations",
    "event": "events",
    "feed": "feeds",
}


@dataclass(frozen=True)
class Use:
    """One declared dependency: the surfaces it selects, per selector, as listed."""

    alias: str
    contract: str
    required: bool
    selections: tuple[tuple[Selector, tuple[str, ...]], ...]  # in USE_SELECTORS order

    @property
    def group(self) -> UseGroup:
        return "required" if self.required else "optional"

    def selected(self, selector: Selector) -> tuple[str, ...]:
        return next((names for s, names in self.selections if s == selector), ())


@dataclass(frozen=True)
class Kv:
    """`resources.kv.<alias>`: a typed key-value bucket the service owns."""

    alias: str
    purpose: str | None
    schema: str
    required: bool
    history: int
    ttl_ms: int
    max_value_bytes: int | None
    docs: Docs


@dataclass(frozen=True)
class Store:
    """`resources.store.<alias>`: an object store the service owns."""

    alias: str
    purpose: str | None
    required: bool
    ttl_ms: int
    max_object_bytes: int | None
    max_total_bytes: int | None
    docs: Docs


@dataclass(frozen=True)
class State:
    """`state.<name>`: a store kept by `trellis.state@v1` for the caller."""

    name: str
    kind: Literal["value", "map"]
    schema: str
    state_version: str
    accepted_versions: tuple[tuple[str, str], ...]  # (version, schema key), sorted
    docs: Docs


@dataclass(frozen=True)
class Error:
    """`errors.<key>`: a declared error type and its payload schema."""

    key: str
    type: str
    schema: str | None


@dataclass(frozen=True)
class Capability:
    """`capabilities.<key>`: what a user sees when approving it."""

    key: str
    display_name: str
    description: str
    consequence: str | None


@dataclass(frozen=True)
class ContractModel:
    """A normalized manifest as typed values; every mapping is in canonical (sorted) key order.

    `schemas` stay JSON Schema documents: they are handed on, not interpreted, by later stages.
    """

    id: str
    kind: str
    display_name: str | None
    description: str | None
    docs: Docs
    schemas: Mapping[str, Any]
    event_only_schemas: frozenset[str]  # referenced as event payloads and nowhere else
    rpcs: Mapping[str, Rpc]
    operations: Mapping[str, Operation]
    events: Mapping[str, Event]
    feeds: Mapping[str, Feed]
    jobs: Mapping[str, Job]
    kv: Mapping[str, Kv]
    stores: Mapping[str, Store]
    state: Mapping[str, State]
    errors: Mapping[str, Error]
    capabilities: Mapping[str, Capability]
    uses: tuple[Use, ...]  # required aliases (sorted), then optional ones not also required
    used_ids: tuple[str, ...]  # every contract id either group names, sorted, unique

    def surfaces(self, kind: SurfaceKind) -> Mapping[str, Surface]:
        """The surfaces of one kind, by name."""
        by_kind: Mapping[SurfaceKind, Mapping[str, Surface]] = {
            "rpc": self.rpcs,
            "operation": self.operations,
            "event": self.events,
            "feed": self.feeds,
        }
        return by_kind[kind]

    def selections(self) -> Iterator[tuple[Use, Selector, int, str]]:
        """(use, selector, index, name) for every name every `uses` entry lists."""
        for use in self.uses:
            for selector, names in use.selections:
                for i, name in enumerate(names):
                    yield use, selector, i, name
