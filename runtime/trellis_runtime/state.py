"""Trellis-managed state: ``client.state.<store>``, typed value and map stores of a contract.

A contract that declares ``state`` gets one store per declaration, kept by the platform (the
``trellis.state@v1`` RPCs ``State.Get``/``Put``/``Delete``/``List``) under a namespace the
platform derives from the caller's session and contract, so callers never name scopes, users or
buckets. As the reference client does, values are validated against the store's model before a
request is sent and after a reply arrives; an entry written under an older ``stateVersion``
comes back as ``StateMigration`` (its value validated against the matching accepted version),
for the caller to migrate and write back with a revision check.

Conditional writes: ``put(..., expected_revision=...)`` with the default ``ANY_REVISION`` writes
unconditionally, ``None`` only creates (if absent), a revision string only updates that revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeAlias, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .codec import incoming, outgoing, parse_body
from .connection import Connection, is_error_reply, reply_error
from .encoding import encode_json
from .errors import ValidationError, ValidationIssue
from .resource_descriptors import StateStoreDescriptor

V = TypeVar("V", bound=BaseModel)
M = TypeVar("M", bound=BaseModel)

DEFAULT_LIST_LIMIT = 100
GET_SUBJECT = "rpc.v1.State.Get"
PUT_SUBJECT = "rpc.v1.State.Put"
DELETE_SUBJECT = "rpc.v1.State.Delete"
LIST_SUBJECT = "rpc.v1.State.List"


class AnyRevision(Enum):
    """The type of ``ANY_REVISION``: write whatever revision the entry is at."""

    ANY = "any"


ANY_REVISION = AnyRevision.ANY


@dataclass(frozen=True)
class StateEntry(Generic[V]):
    """A stored value with the platform's revision metadata (``key`` for map stores)."""

    value: V
    revision: str
    updated_at: datetime
    expires_at: datetime | None = None
    key: str | None = None


@dataclass(frozen=True)
class StateMigration:
    """An entry written under an older ``state_version``: migrate ``entry.value`` (validated
    against that version's accepted model) and write the current value back with
    ``expected_revision=entry.revision``."""

    entry: StateEntry[BaseModel]
    state_version: str
    current_state_version: str
    writer_contract_digest: str


StateRead: TypeAlias = StateEntry[V] | StateMigration


@dataclass(frozen=True)
class StatePut(Generic[V]):
    """What a put did: ``applied`` (``entry`` is the new entry); if not, whether an entry was
    ``found`` and which (``found`` is None for an applied put, as on the wire)."""

    applied: bool
    found: bool | None = None
    entry: StateEntry[V] | StateMigration | None = None


@dataclass(frozen=True)
class StatePage(Generic[V]):
    entries: list[StateEntry[V] | StateMigration]
    count: int
    offset: int
    limit: int
    next_offset: int | None = None


def join_state_path(prefix: str | None, key: str) -> str:
    """The reference's path join: ``/``-separated segments, empty ones dropped."""
    segments = [s for part in (prefix, key) if part for s in part.split("/") if s]
    return "/".join(segments)


def _platform() -> Any:
    from .platform.trellis_state_v1 import models

    return models


class _StateClient(Generic[V]):
    def __init__(self, conn: Connection, desc: StateStoreDescriptor[V]) -> None:
        self._conn = conn
        self.desc = desc

    async def _call(
        self, subject: str, body: dict[str, Any], request: type[BaseModel], response: type[M]
    ) -> M:
        what = subject.removeprefix("rpc.v1.")
        try:
            request.model_validate(body)
        except PydanticValidationError as exc:
            raise ValidationError.from_pydantic(exc, what=f"{what} input") from None
        reply = await self._conn.request_raw(subject, encode_json(body))
        if is_error_reply(reply):
            raise reply_error(reply)
        return incoming(response, parse_body(reply.data, f"{what} output"), f"{what} output")

    def _value(self, model: type[BaseModel], raw: Any, where: str) -> BaseModel:
        try:
            return model.model_validate(raw)
        except PydanticValidationError as exc:
            refused = ValidationError.from_pydantic(exc)
            issues = [
                ValidationIssue(where + i.path.lstrip("#"), i.message) for i in refused.issues
            ]
            raise ValidationError(issues, context={"store": self.desc.name}) from None

    def _entry(self, raw: Any, model: type[BaseModel], where: str) -> StateEntry[Any]:
        return StateEntry(
            value=self._value(model, raw.value, f"{where}/value"),
            revision=raw.revision,
            updated_at=raw.updatedAt,
            expires_at=raw.expiresAt,
            key=raw.key,
        )

    def _read(self, raw: Any, where: str) -> StateEntry[V] | StateMigration:
        models = _platform()
        if isinstance(raw, models.StateMigrationRequired):
            accepted = self.desc.accepted_versions.get(raw.stateVersion)
            if accepted is None:
                raise ValidationError.of(
                    "/stateVersion",
                    f"state version '{raw.stateVersion}' is not accepted by the runtime store",
                    store=self.desc.name,
                )
            return StateMigration(
                entry=self._entry(raw.entry, accepted, f"{where}/entry"),
                state_version=raw.stateVersion,
                current_state_version=raw.currentStateVersion,
                writer_contract_digest=raw.writerContractDigest,
            )
        entry: StateEntry[V] = self._entry(raw, self.desc.value, where)
        return entry

    async def _get(self, key: str | None) -> StateEntry[V] | StateMigration | None:
        models = _platform()
        body: dict[str, Any] = {"store": self.desc.name}
        if key is not None:
            body["key"] = key
        reply = await self._call(GET_SUBJECT, body, models.StateGetRequest, models.StateGetResponse)
        answer = reply.root
        if isinstance(answer, models.StateMigrationRequired):
            return self._read(answer, "")
        if not answer.found:
            return None
        return self._read(answer.entry, "/entry")

    async def _put(
        self,
        key: str | None,
        value: V,
        expected_revision: str | None | AnyRevision,
        ttl_ms: int | None,
    ) -> StatePut[V]:
        models = _platform()
        encoded = outgoing(self.desc.value, value, f"state {self.desc.name} value")
        body: dict[str, Any] = {"store": self.desc.name}
        if key is not None:
            body["key"] = key
        body["value"] = encoded
        if expected_revision is not ANY_REVISION:
            body["expectedRevision"] = expected_revision
        if ttl_ms is not None:
            body["ttlMs"] = ttl_ms
        reply = await self._call(PUT_SUBJECT, body, models.StatePutRequest, models.StatePutResponse)
        answer = reply.root
        if answer.applied:
            return StatePut(True, None, self._read(answer.entry, "/entry"))
        entry = None if answer.entry is None else self._read(answer.entry, "/entry")
        return StatePut(False, answer.found, entry)

    async def _delete(self, key: str | None, expected_revision: str | None) -> bool:
        models = _platform()
        body: dict[str, Any] = {"store": self.desc.name}
        if key is not None:
            body["key"] = key
        if expected_revision is not None:
            body["expectedRevision"] = expected_revision
        answer = await self._call(
            DELETE_SUBJECT, body, models.StateDeleteRequest, models.StateDeleteResponse
        )
        return bool(answer.deleted)


class ValueStateStore(_StateClient[V]):
    """A ``kind: "value"`` store: one value per caller and contract."""

    async def get(self) -> StateEntry[V] | StateMigration | None:
        """The value, a ``StateMigration`` for an older state version, or None."""
        return await self._get(None)

    async def put(
        self,
        value: V,
        *,
        expected_revision: str | None | AnyRevision = ANY_REVISION,
        ttl_ms: int | None = None,
    ) -> StatePut[V]:
        """Write the value (conditionally, see the module doc); ``ttl_ms`` makes it expire."""
        return await self._put(None, value, expected_revision, ttl_ms)

    async def delete(self, *, expected_revision: str | None = None) -> bool:
        """Delete the value (only at ``expected_revision`` if given); whether it was deleted."""
        return await self._delete(None, expected_revision)


class MapStateStore(_StateClient[V]):
    """A ``kind: "map"`` store: values under caller-chosen ``/``-separated keys."""

    def __init__(
        self, conn: Connection, desc: StateStoreDescriptor[V], *, root: str | None = None
    ) -> None:
        super().__init__(conn, desc)
        self.root = root

    def prefix(self, path: str) -> MapStateStore[V]:
        """The store narrowed to keys under ``path`` (composes: ``prefix("a").prefix("b")``)."""
        return MapStateStore(self._conn, self.desc, root=join_state_path(self.root, path))

    async def get(self, key: str) -> StateEntry[V] | StateMigration | None:
        return await self._get(join_state_path(self.root, key))

    async def put(
        self,
        key: str,
        value: V,
        *,
        expected_revision: str | None | AnyRevision = ANY_REVISION,
        ttl_ms: int | None = None,
    ) -> StatePut[V]:
        return await self._put(join_state_path(self.root, key), value, expected_revision, ttl_ms)

    async def delete(self, key: str, *, expected_revision: str | None = None) -> bool:
        return await self._delete(join_state_path(self.root, key), expected_revision)

    async def list(self, *, offset: int = 0, limit: int = DEFAULT_LIST_LIMIT) -> StatePage[V]:
        """One bounded page of the entries under this view's prefix, by key."""
        models = _platform()
        body: dict[str, Any] = {"store": self.desc.name}
        if self.root:
            body["prefix"] = self.root
        body["offset"] = offset
        body["limit"] = limit
        answer = await self._call(
            LIST_SUBJECT, body, models.StateListRequest, models.StateListResponse
        )
        entries = [self._read(raw, f"/entries/{i}") for i, raw in enumerate(answer.entries)]
        return StatePage(entries, answer.count, answer.offset, answer.limit, answer.nextOffset)


def state_stores(
    conn: Connection, stores: Mapping[str, StateStoreDescriptor[Any]]
) -> dict[str, ValueStateStore[Any] | MapStateStore[Any]]:
    """One client per declared store (for callers without a generated facade)."""
    return {
        name: MapStateStore(conn, desc) if desc.kind == "map" else ValueStateStore(conn, desc)
        for name, desc in stores.items()
    }
