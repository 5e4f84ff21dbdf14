"""A local stand-in for the platform's ``trellis.state@v1`` service, for tests and local runs.

In a deployment the platform's own ``trellis`` service answers ``State.Get``/``Put``/``Delete``/
``List``. Locally nothing does, so ``client.state.<store>`` would fail with no responders.
``LocalState`` answers them instead, never started implicitly::

    state = await LocalState(acme_notes_v1.descriptors.STATE).serve(connection)

It does what the design of Trellis state asks of the platform, as far as one process can know
it: it verifies each request's proof and keeps one namespace per contract id (the lineage) and
caller session key (the principal; a deployment uses the user or device), so state follows
contract upgrades; it refuses stores the caller's contract does not declare and values that do
not fit the store's model; it stamps every entry with the writer's ``stateVersion`` and contract
digest and answers ``migrationRequired`` for entries of another version; revisions are the
backing KV bucket's; ``ttlMs`` is per-entry expiry metadata; map listing is by key, a prefix
selects the keys under that path, pages are bounded. Entries live in the KV bucket
``trellis_state`` of the transport, so they survive the stand-in itself.

Which contract a session uses: ``contract`` for everyone, unless ``sessions`` maps its public
key to another (``local_state.sessions[key] = NEW_STATE`` models a re-login after an upgrade).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .buckets import KvBucket, KvBucketConfig, KvConflict, KvRecord
from .codec import parse_body
from .connection import STATUS, Connection
from .encoding import b64url_encode, decode_json, encode_json, iso_format
from .errors import AuthError, TrellisError, UnexpectedError, ValidationError, ValidationIssue
from .proof import read_proof
from .resource_descriptors import StateContract, StateStoreDescriptor
from .state import DELETE_SUBJECT, GET_SUBJECT, LIST_SUBJECT, PUT_SUBJECT
from .transport import Message, TransportSubscription

log = logging.getLogger(__name__)

STATE_BUCKET = "trellis_state"
_VALUE_TOKEN = "_"  # the one entry of a value store


def _token(text: str) -> str:
    return b64url_encode(text.encode()) or _VALUE_TOKEN


def _now() -> datetime:
    return datetime.now(UTC)


class LocalState:
    """Answers the ``trellis.state@v1`` caller RPCs; for tests and local runs only."""

    def __init__(
        self,
        contract: StateContract,
        *,
        sessions: Mapping[str, StateContract] | None = None,
        bucket: str = STATE_BUCKET,
    ) -> None:
        self.contract = contract
        self.sessions: dict[str, StateContract] = dict(sessions or {})
        self.bucket = bucket
        self.requests: list[tuple[str, Any]] = []  # (subject, body) received, for tests
        self.raw_requests: list[tuple[str, bytes]] = []  # the same, as the bytes received
        self._kv: KvBucket | None = None
        self._connection: Connection | None = None
        self._subscriptions: list[TransportSubscription] = []

    async def serve(self, connection: Connection) -> LocalState:
        self._connection = connection
        transport = connection.transport
        self._kv = await transport.kv_bucket(self.bucket, KvBucketConfig(history=1))
        for subject in (GET_SUBJECT, PUT_SUBJECT, DELETE_SUBJECT, LIST_SUBJECT):
            self._subscriptions.append(await transport.subscribe(subject, self._on_request))
        await transport.flush()
        return self

    async def stop(self) -> None:
        for sub in self._subscriptions:
            await sub.unsubscribe()
        self._subscriptions.clear()

    async def _on_request(self, message: Message) -> None:
        if message.reply is None or self._connection is None:
            return
        transport = self._connection.transport
        try:
            body = await self.answer(message)
        except TrellisError as exc:
            await transport.publish(
                message.reply, encode_json(exc.to_wire()), headers={STATUS: "error"}
            )
            return
        except Exception:
            log.exception("local %s failed", message.subject)
            await transport.publish(
                message.reply, encode_json(UnexpectedError().to_wire()), headers={STATUS: "error"}
            )
            return
        await transport.publish(message.reply, encode_json(body))

    # ----- one request -------------------------------------------------------------------------

    async def answer(self, message: Message) -> dict[str, Any]:
        """The reply body for one request, or the error refusing it."""
        from .platform.trellis_state_v1 import models

        proof = read_proof(message.headers, message.subject, message.data)
        if isinstance(proof, str):
            raise AuthError(proof)
        raw = parse_body(message.data, f"{message.subject} input")
        self.requests.append((message.subject, raw))
        self.raw_requests.append((message.subject, message.data))
        requests: dict[str, type[BaseModel]] = {
            GET_SUBJECT: models.StateGetRequest,
            PUT_SUBJECT: models.StatePutRequest,
            DELETE_SUBJECT: models.StateDeleteRequest,
            LIST_SUBJECT: models.StateListRequest,
        }
        request_model = requests[message.subject]
        try:
            request_model.model_validate(raw)
        except PydanticValidationError as exc:
            raise ValidationError.from_pydantic(exc, what=f"{message.subject} input") from None
        contract = self.sessions.get(proof.session_key, self.contract)
        store = contract.stores.get(raw["store"])
        if store is None:
            raise AuthError(
                "forbidden",
                f"The contract {contract.id} declares no state store {raw['store']!r}.",
                context={"store": raw["store"], "contractId": contract.id},
            )
        key = raw.get("key")
        if store.kind == "map" and message.subject != LIST_SUBJECT and key is None:
            raise ValidationError.of("/key", "a map store needs a key", store=store.name)
        if store.kind == "value" and (key is not None or message.subject == LIST_SUBJECT):
            raise ValidationError.of("/key", "a value store has no keys", store=store.name)
        namespace = f"{_token(contract.id)}.{_token(proof.session_key)}.{_token(store.name)}"
        kv = self._kv
        assert kv is not None
        call = _Call(kv, contract, store, namespace)
        if message.subject == GET_SUBJECT:
            return await call.get(key)
        if message.subject == PUT_SUBJECT:
            return await call.put(key, raw)
        if message.subject == DELETE_SUBJECT:
            return await call.delete(key, raw.get("expectedRevision"))
        return await call.list(raw.get("prefix"), raw.get("offset") or 0, raw["limit"])


class _Call:
    """One request against one namespace of one store."""

    def __init__(
        self,
        kv: KvBucket,
        contract: StateContract,
        store: StateStoreDescriptor[Any],
        namespace: str,
    ) -> None:
        self.kv = kv
        self.contract = contract
        self.store = store
        self.namespace = namespace

    def _stored_key(self, key: str | None) -> str:
        return f"{self.namespace}.{_token(key) if key is not None else _VALUE_TOKEN}"

    async def _current(self, key: str | None) -> tuple[KvRecord, dict[str, Any]] | None:
        """The live entry (expired ones are deleted on the way, as the design allows)."""
        record = await self.kv.get(self._stored_key(key))
        if record is None:
            return None
        stored: dict[str, Any] = decode_json(record.value)
        if _expired(stored):
            try:
                await self.kv.delete(record.key, expected_revision=record.revision)
            except KvConflict:
                pass
            return None
        return record, stored

    def _public(self, record: KvRecord, stored: Mapping[str, Any]) -> dict[str, Any]:
        """The public entry, or the migration-required answer for another state version."""
        entry: dict[str, Any] = {
            "value": stored["value"],
            "revision": str(record.revision),
            "updatedAt": stored["updatedAt"],
        }
        if "expiresAt" in stored:
            entry["expiresAt"] = stored["expiresAt"]
        if "key" in stored:
            entry["key"] = stored["key"]
        if stored["stateVersion"] == self.store.state_version:
            return entry
        return {
            "migrationRequired": True,
            "entry": entry,
            "stateVersion": stored["stateVersion"],
            "currentStateVersion": self.store.state_version,
            "writerContractDigest": stored["writerContractDigest"],
        }

    async def get(self, key: str | None) -> dict[str, Any]:
        current = await self._current(key)
        if current is None:
            return {"found": False}
        public = self._public(*current)
        return public if "migrationRequired" in public else {"found": True, "entry": public}

    async def put(self, key: str | None, raw: Mapping[str, Any]) -> dict[str, Any]:
        try:
            self.store.value.model_validate(raw["value"])
        except PydanticValidationError as exc:
            refused = ValidationError.from_pydantic(exc, what=f"state {self.store.name} value")
            raise ValidationError(
                [ValidationIssue("/value" + i.path.lstrip("#"), i.message) for i in refused.issues],
                context={"store": self.store.name},
            ) from None
        now = _now()
        stored: dict[str, Any] = {"value": raw["value"], "updatedAt": iso_format(now)}
        if raw.get("ttlMs") is not None:
            stored["expiresAt"] = iso_format(now + timedelta(milliseconds=int(raw["ttlMs"])))
        if key is not None:
            stored["key"] = key
        stored["stateVersion"] = self.store.state_version
        stored["writerContractDigest"] = self.contract.digest
        current = await self._current(key)
        conditional = "expectedRevision" in raw
        expected = raw.get("expectedRevision")
        if conditional and current is not None:
            if expected is None or expected != str(current[0].revision):
                return {"applied": False, "found": True, "entry": self._public(*current)}
        if conditional and expected is not None and current is None:
            return {"applied": False, "found": False}
        stored_key = self._stored_key(key)
        data = encode_json(stored)
        try:
            if not conditional:
                revision = await self.kv.put(stored_key, data)
            elif current is None:
                revision = await self.kv.create(stored_key, data)  # also over a deleted entry
            else:
                revision = await self.kv.put(
                    stored_key, data, expected_revision=current[0].revision
                )
        except KvConflict:
            now_current = await self._current(key)
            if now_current is None:
                return {"applied": False, "found": False}
            return {"applied": False, "found": True, "entry": self._public(*now_current)}
        record = KvRecord(stored_key, data, revision, now)
        return {"applied": True, "entry": self._public(record, stored)}

    async def delete(self, key: str | None, expected: str | None) -> dict[str, Any]:
        current = await self._current(key)
        if current is None or (expected is not None and expected != str(current[0].revision)):
            return {"deleted": False}
        try:
            await self.kv.delete(current[0].key, expected_revision=current[0].revision)
        except KvConflict:
            return {"deleted": False}
        return {"deleted": True}

    async def list(self, prefix: str | None, offset: int, limit: int) -> dict[str, Any]:
        found: list[dict[str, Any]] = []
        for stored_key in await self.kv.keys(f"{self.namespace}.*"):
            record = await self.kv.get(stored_key)
            if record is None:
                continue
            stored = decode_json(record.value)
            key = str(stored.get("key", ""))
            if _expired(stored) or not _under(key, prefix):
                continue
            found.append({"sort": key, "entry": self._public(record, stored)})
        found.sort(key=lambda item: str(item["sort"]))
        page = [item["entry"] for item in found[offset : offset + limit]]
        answer: dict[str, Any] = {
            "entries": page,
            "count": len(found),
            "offset": offset,
            "limit": limit,
        }
        if limit > 0 and offset + limit < len(found):
            answer["nextOffset"] = offset + limit
        return answer


def _expired(stored: Mapping[str, Any]) -> bool:
    expires = stored.get("expiresAt")
    if not isinstance(expires, str):
        return False
    return datetime.fromisoformat(expires.replace("Z", "+00:00")) <= _now()


def _under(key: str, prefix: str | None) -> bool:
    if not prefix:
        return True
    return key == prefix or key.startswith(prefix.rstrip("/") + "/")
