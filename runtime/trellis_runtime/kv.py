"""Typed KV resources: ``service.kv.<alias>``, a bucket whose values are one schema's model.

This is the reference runtime's ``TypedKV`` (``kv.ts``) in Python idiom: values are validated
against the resource's model on the way in (before anything is written) and on the way out (a
stored value that no longer fits raises ``ValidationError`` naming its key and revision, and is
left untouched); failures are ``KVError`` objects with the reference's ``operation`` and context
(``reason`` ``"not found"``, ``"exists"``, ``"revision mismatch"``).

Keys are escaped as the reference escapes them (``escapeKvKey``: NUL, whitespace, ``*``, ``>``
and ``~`` become ``~HEX~``, an empty key or one starting with ``$`` gets a ``_`` prefix) and the
escaped key must then pass the key check of the reference's NATS client (``[-/=.\\w]+``, no
leading or trailing ``.``), so this runtime refuses exactly the keys the reference refuses and
stores every other key under the same bytes. Keys read back (``keys()``, entries, watch events)
are decoded as the reference decodes them.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .buckets import KvBucket, KvConflict, KvRecord, KvWatcher, ValueTooLarge
from .codec import outgoing
from .encoding import decode_json, encode_json
from .errors import KVError, ValidationError, ValidationIssue
from .resource_descriptors import KvDescriptor

V = TypeVar("V", bound=BaseModel)

# JavaScript's \s (u flag) plus NUL, '*', '>' and '~': what escapeKvKey rewrites
_KV_FORBIDDEN = re.compile(
    "[\x00\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff*>~]"
)
_ESCAPED = re.compile(r"~([0-9A-F]{1,6})~")
# the key checks of @nats-io/kv (JavaScript's \w without the u flag is ASCII)
_VALID_KEY = re.compile(r"[-/=.A-Za-z0-9_]+")
_VALID_FILTER = re.compile(r"[-/=.>*A-Za-z0-9_]+")


def escape_kv_key(key: str) -> str:
    """The stored form of a logical key (the reference's ``escapeKvKey``)."""
    out = _KV_FORBIDDEN.sub(lambda m: f"~{ord(m.group(0)):X}~", key)
    return f"_{out}" if not out or out.startswith("$") else out


def decode_kv_key(stored: str) -> str:
    """The logical key of a stored one (the reference's ``decodeSubject``)."""

    def decode(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    out = _ESCAPED.sub(decode, stored)
    return out[1:] if out.startswith("_$") else out


def kv_error(operation: str, key: str | None = None, **context: Any) -> KVError:
    """The reference's ``KVError``: message ``KV <operation> failed``, context ``{key, ...}``."""
    where: dict[str, Any] = {} if key is None else {"key": key}
    where.update(context)
    return KVError(f"KV {operation} failed", operation=operation, context=where)


def _stored_key(operation: str, key: str) -> str:
    stored = escape_kv_key(key)
    if not _VALID_KEY.fullmatch(stored) or stored.startswith(".") or stored.endswith("."):
        raise kv_error(operation, key, reason="invalid key")
    return stored


def _check_filter(operation: str, filter: str) -> str:
    if (
        not _VALID_FILTER.fullmatch(filter)
        or filter.startswith(".")
        or filter.endswith(".")
        or ".." in filter
    ):
        raise kv_error(operation, None, filter=filter, reason="invalid filter")
    return filter


@dataclass(frozen=True)
class KvEntry(Generic[V]):
    """A key's current value and its revision (for ``expected_revision`` of put/delete)."""

    key: str
    value: V
    revision: int
    created: datetime


@dataclass(frozen=True)
class KvChange(Generic[V]):
    """One change seen by a watch.

    ``type`` is ``"update"`` (``value`` set), ``"delete"`` (only with ``include_deletes``) or
    ``"error"``: a value was written that does not fit the model (``error`` says why).
    """

    type: Literal["update", "delete", "error"]
    key: str
    revision: int
    timestamp: datetime
    value: V | None = None
    error: ValidationError | None = None


def _decode_value(model: type[V], record: KvRecord) -> V:
    key = decode_kv_key(record.key)
    where = {"key": key, "revision": record.revision}
    try:
        raw = decode_json(record.value)
    except ValueError as exc:
        issue = ValidationIssue("", f"Failed to decode KV value: {exc}")
        raise ValidationError([issue], context=where) from None
    try:
        return model.model_validate(raw)
    except PydanticValidationError as exc:
        refused = ValidationError.from_pydantic(exc)
        raise ValidationError(refused.issues, context=where) from None


class KvWatch(Generic[V]):
    """The changes of a watch, as an async iterator; stop it with ``stop()`` or ``async with``.

    ``async with kv.watch(key) as changes: async for change in changes: ...`` — the watch is
    live once the ``async with`` body runs, so changes made from then on are all seen.
    """

    def __init__(
        self, start: Callable[[], Awaitable[KvWatcher]], model: type[V], include_deletes: bool
    ) -> None:
        self._start = start
        self._model = model
        self._include_deletes = include_deletes
        self._watcher: KvWatcher | None = None

    async def begin(self) -> KvWatch[V]:
        if self._watcher is None:
            self._watcher = await self._start()
        return self

    def __await__(self) -> Generator[Any, None, KvWatch[V]]:
        return self.begin().__await__()

    async def __aenter__(self) -> KvWatch[V]:
        return await self.begin()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def stop(self) -> None:
        if self._watcher is not None:
            await self._watcher.stop()

    async def __aiter__(self) -> AsyncIterator[KvChange[V]]:
        watcher = (await self.begin())._watcher
        assert watcher is not None
        async for record in watcher:
            key = decode_kv_key(record.key)
            if record.operation != "PUT":
                if self._include_deletes:
                    yield KvChange("delete", key, record.revision, record.created)
                continue
            try:
                value = _decode_value(self._model, record)
            except ValidationError as exc:
                yield KvChange("error", key, record.revision, record.created, error=exc)
                continue
            yield KvChange("update", key, record.revision, record.created, value=value)


class KvStore(Generic[V]):
    """One KV resource: a bucket of ``V`` values under string keys.

    The bucket is opened on first use: the bound bucket as the deployment named it, or locally
    (no deployment) ``svc_<service>_<alias>``, provisioned with the manifest's ``history``,
    ``ttlMs`` and ``maxValueBytes``.
    """

    def __init__(
        self,
        desc: KvDescriptor[V],
        bucket: str,
        open: Callable[[], Awaitable[KvBucket]],
        *,
        max_value_bytes: int | None = None,
    ) -> None:
        self.desc = desc
        self.bucket = bucket
        self.max_value_bytes = max_value_bytes
        self._open = open
        self._kv: KvBucket | None = None
        self._lock = asyncio.Lock()

    async def open(self) -> KvBucket:
        """The underlying bucket (opened, or provisioned locally, on first call)."""
        async with self._lock:
            if self._kv is None:
                try:
                    self._kv = await self._open()
                except Exception as exc:
                    raise kv_error("open", None, bucket=self.bucket) from exc
            return self._kv

    def _encode(self, operation: str, key: str, value: V) -> bytes:
        body = outgoing(self.desc.value, value, f"KV {self.desc.alias} value")
        data = encode_json(body)
        limit = self.max_value_bytes
        if limit is not None and limit >= 0 and len(data) > limit:
            raise kv_error(
                operation,
                key,
                reason="max_value_bytes_exceeded",
                maxValueBytes=limit,
                attemptedBytes=len(data),
            )
        return data

    async def get(self, key: str) -> KvEntry[V]:
        """The current value; ``KVError`` (reason ``"not found"``) when the key has none."""
        stored = _stored_key("get", key)
        kv = await self.open()
        try:
            record = await kv.get(stored)
        except Exception as exc:
            raise kv_error("get", key) from exc
        if record is None:
            raise kv_error("get", key, reason="not found")
        value = _decode_value(self.desc.value, record)
        return KvEntry(decode_kv_key(record.key), value, record.revision, record.created)

    async def create(self, key: str, value: V) -> int:
        """Write ``value`` unless ``key`` holds one (``KVError`` reason ``"exists"``)."""
        stored = _stored_key("create", key)
        data = self._encode("create", key, value)
        kv = await self.open()
        try:
            return await kv.create(stored, data)
        except KvConflict as exc:
            raise kv_error("create", key, reason="exists") from exc
        except ValueTooLarge as exc:
            raise kv_error("create", key, reason="max_value_bytes_exceeded") from exc
        except Exception as exc:
            raise kv_error("create", key) from exc

    async def put(self, key: str, value: V, *, expected_revision: int | None = None) -> int:
        """Write ``value``; returns its revision.

        With ``expected_revision`` (the ``revision`` of an entry read earlier) the write only
        happens if the key is still at that revision, else ``KVError`` reason
        ``"revision mismatch"``.
        """
        stored = _stored_key("put", key)
        data = self._encode("put", key, value)
        kv = await self.open()
        try:
            return await kv.put(stored, data, expected_revision=expected_revision)
        except KvConflict as exc:
            raise kv_error("put", key, reason="revision mismatch") from exc
        except ValueTooLarge as exc:
            raise kv_error("put", key, reason="max_value_bytes_exceeded") from exc
        except Exception as exc:
            raise kv_error("put", key) from exc

    async def delete(self, key: str, *, expected_revision: int | None = None) -> None:
        """Delete ``key``; with ``expected_revision`` only if it is still at that revision."""
        stored = _stored_key("delete", key)
        kv = await self.open()
        try:
            await kv.delete(stored, expected_revision=expected_revision)
        except KvConflict as exc:
            raise kv_error("delete", key, reason="revision mismatch") from exc
        except Exception as exc:
            raise kv_error("delete", key) from exc

    async def keys(self, filter: str = ">") -> list[str]:
        """The keys holding a value, matching a NATS wildcard over stored keys (``orders.*``)."""
        pattern = _check_filter("keys", filter)
        kv = await self.open()
        try:
            stored = await kv.keys(pattern)
        except Exception as exc:
            raise kv_error("keys", None, filter=filter) from exc
        return [decode_kv_key(k) for k in stored]

    def watch(self, key: str, *, include_deletes: bool = False) -> KvWatch[V]:
        """Changes of one key from now on (``async with kv.watch(key) as changes: ...``)."""
        stored = _stored_key("watch", key)
        return self._watch(stored, include_deletes)

    def watch_all(self, filter: str = ">", *, include_deletes: bool = False) -> KvWatch[V]:
        """Changes of every key matching ``filter`` from now on."""
        return self._watch(_check_filter("watch", filter), include_deletes)

    def _watch(self, pattern: str, include_deletes: bool) -> KvWatch[V]:
        async def start() -> KvWatcher:
            kv = await self.open()
            try:
                return await kv.watch(pattern)
            except Exception as exc:
                raise kv_error("watch", None, filter=pattern) from exc

        return KvWatch(start, self.desc.value, include_deletes)
