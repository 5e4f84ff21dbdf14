"""Typed descriptors a contract module is written with (spec §2, in Python idiom).

Each descriptor remembers the file and line where it was created, so a problem found later (by
the emitter or by the validator, through `ContractDefinition.lines`) points at the declaration
the author wrote, not at the define call.

A schema is referenced by a Pydantic model class, by the name of an entry of `schemas=`, or by the
very dict object registered there. Capabilities are referenced by their local name (declared in
`capabilities=`), by a global `namespace::name`, or as `admin` / `service`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from pydantic import BaseModel

from trellis_runtime.uses import Use as RuntimeUse

SchemaLike: TypeAlias = type[BaseModel] | str | Mapping[str, Any]
"""A model class, the name of a `schemas=` entry, or a dict registered in `schemas=`."""

SchemaSource: TypeAlias = type[BaseModel] | Mapping[str, Any] | bool
"""What `schemas=` maps names to: a model class or a JSON Schema (object or boolean)."""


@dataclass(frozen=True)
class Site:
    """Where a declaration was written."""

    file: str
    line: int


class DescriptorError(TypeError):
    """A value of the wrong type in a contract declaration: a programming error of the module,
    raised (not collected) but carrying the declaration's site and pointer, so the loader reports
    the line of the descriptor that is wrong rather than the line of the `define_*` call."""

    def __init__(
        self, contract_id: str, context: str, problem: str, site: Site, at: str = ""
    ) -> None:
        self.contract_id, self.context, self.problem = contract_id, context, problem
        self.site, self.pointer = site, at
        super().__init__(f"{contract_id}: {context}: {problem}")


def caller_site(depth: int = 1) -> Site:
    """The site `depth` frames above the function calling this one."""
    frame = sys._getframe(depth + 1)
    return Site(frame.f_code.co_filename, frame.f_lineno)


def _declared_at() -> Site:
    # default_factory runs inside the dataclass __init__: skip it and this function.
    return caller_site(2)


def _site() -> Any:
    return field(default_factory=_declared_at, repr=False, compare=False, kw_only=True)


@dataclass(frozen=True, kw_only=True)
class Docs:
    """Human documentation; never part of the digest."""

    markdown: str
    summary: str | None = None


@dataclass(frozen=True, kw_only=True)
class Capability:
    """Metadata of a capability declared by this contract under a local name."""

    display_name: str
    description: str
    consequence: str | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class ErrorType:
    """A transportable error this contract declares (manifest key `name`, wire `type`)."""

    name: str
    type: str
    schema: SchemaLike | None = None
    site: Site = _site()


def define_error(
    name: str, *, type: str | None = None, schema: SchemaLike | None = None
) -> ErrorType:
    """Declare an error once; RPCs then reference the returned object. `type` defaults to `name`."""
    return ErrorType(name=name, type=type or name, schema=schema, site=caller_site())


@dataclass(frozen=True)
class Use(RuntimeUse):
    """A dependency on another contract and the surfaces of it this contract needs.

    The runtime's ``Use`` (what a generated SDK's typed ``use(...)`` returns) plus where it was
    written, so errors about it point at its line.
    """

    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Rpc:
    """A request/reply method. `subject` defaults to `rpc.<version>.<Name>`.

    `call` lists the capabilities a caller needs (all of them); `errors` the declared errors
    (objects from `define_error`, or built-in wire types such as "UnexpectedError").
    """

    input: SchemaLike
    output: SchemaLike
    version: str = "v1"
    subject: str | None = None
    call: Sequence[str] | None = None
    errors: Sequence[ErrorType | str] = ()
    transfer: Literal["receive"] | None = None
    internal: bool = False
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Signal:
    """A named input an operation accepts after it started."""

    input: SchemaLike
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Transfer:
    """An upload into a store resource; the pointers point into the operation's input."""

    store: str
    key: str
    content_type: str | None = None
    metadata: str | None = None
    expires_in_ms: int | None = None
    max_bytes: int | None = None


@dataclass(frozen=True, kw_only=True)
class Operation:
    """A caller-visible asynchronous workflow. `subject` defaults to `operations.<version>.<Name>`.

    `cancel=True` declares cancellation support; a capability list declares it and names the
    capabilities a canceller needs. `control` lists the capabilities needed to send signals.
    """

    input: SchemaLike
    output: SchemaLike
    progress: SchemaLike | None = None
    version: str = "v1"
    subject: str | None = None
    call: Sequence[str] | None = None
    observe: Sequence[str] | None = None
    control: Sequence[str] | None = None
    cancel: bool | Sequence[str] | None = None
    signals: Mapping[str, Signal] | None = None
    transfer: Transfer | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Event:
    """A published event. `params` are pointers into the payload that become subject tokens;
    `subject` defaults to `events.<version>.<Name>` followed by `.{<param>}` per param."""

    event: SchemaLike
    params: Sequence[str] = ()
    version: str = "v1"
    subject: str | None = None
    publish: Sequence[str] | None = None
    subscribe: Sequence[str] | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Feed:
    """A server-streamed sequence of events. `subject` defaults to `feeds.<version>.<Name>`."""

    input: SchemaLike
    event: SchemaLike
    version: str = "v1"
    subject: str | None = None
    subscribe: Sequence[str] | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Job:
    """A service-private job queue. Unset options take their runtime defaults (never emitted)."""

    payload: SchemaLike
    result: SchemaLike | None = None
    max_deliver: int | None = None
    backoff_ms: Sequence[int] | None = None
    ack_wait_ms: int | None = None
    default_deadline_ms: int | None = None
    progress: bool | None = None
    logs: bool | None = None
    dlq: bool | None = None
    concurrency: int | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class EventConsumer:
    """A durable event-consumer group.

    `uses` maps a dependency alias (from `uses=`/`optional_uses=`) to the events consumed through
    it; `self_events` names events this contract owns.
    """

    uses: Mapping[str, Sequence[str]] | None = None
    self_events: Sequence[str] | None = None
    replay: Literal["new", "all"] = "new"
    ordering: Literal["strict"] = "strict"
    concurrency: int = 1
    ack_wait_ms: int | None = None
    max_deliver: int | None = None
    backoff_ms: Sequence[int] | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class StateStore:
    """A Trellis-managed state store (`value` or `map`)."""

    kind: Literal["value", "map"]
    schema: SchemaLike
    state_version: str | None = None
    accepted_versions: Mapping[str, SchemaLike] | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Kv:
    """A key-value resource. The defaults are the runtime's and are emitted explicitly."""

    purpose: str
    schema: SchemaLike
    required: bool = True
    history: int = 1
    ttl_ms: int = 0
    max_value_bytes: int | None = None
    docs: Docs | None = None
    site: Site = _site()


@dataclass(frozen=True, kw_only=True)
class Store:
    """An object-store resource. The defaults are the runtime's and are emitted explicitly."""

    purpose: str
    required: bool = True
    ttl_ms: int = 0
    max_object_bytes: int | None = None
    max_total_bytes: int | None = None
    docs: Docs | None = None
    site: Site = _site()
