"""File transfers, the caller's side: sending bytes into an operation, reading a receive grant.

The wire protocol is the reference runtime's. A transfer-capable operation answers its start
with a *send grant* (``{"type": "TransferGrant", "direction": "send", "service",
"sessionKey", "transferId", "subject", "expiresAt", "chunkBytes", "maxBytes"?,
"contentType"?, "metadata"?}``); the caller then sends the body in order, as raw NATS requests
of at most ``chunkBytes`` each on the grant's subject, numbered by the ``trellis-transfer-seq``
header and signed like any request (``session-key``, ``proof``, ``iat``, ``request-id``). Each
chunk is acknowledged (``{"status": "continue"}``); a last, empty request with
``trellis-transfer-eof: true`` is acknowledged once the object is stored
(``{"status": "complete", "info": FileInfo}``). Errors come back under ``status: error`` as a
``TransferError``.

A *receive grant* (``direction: "receive"``, with the file's ``info``), returned by an RPC,
is read by one signed empty request on its subject with a reply inbox of the caller's: the
service streams the chunks there, numbered, the last one empty with the EOF header.

Only the session the grant names may use it, and only until ``expiresAt``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from .codec import outgoing, parse_body
from .descriptors import OperationDescriptor
from .encoding import encode_json
from .errors import TransferError, TransportError, TrellisError, ValidationError, error_from_wire
from .op_client import OperationRef
from .op_model import OperationSnapshot, TransferProgress
from .proof import signed_headers
from .transport import Message

if TYPE_CHECKING:
    from .connection import Connection

I = TypeVar("I", bound=BaseModel)  # noqa: E741
P = TypeVar("P", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

SEQ_HEADER = "trellis-transfer-seq"
EOF_HEADER = "trellis-transfer-eof"
DEFAULT_CHUNK_BYTES = 256 * 1024
DEFAULT_TIMEOUT = 3.0  # per chunk acknowledgement, the reference's request timeout

# What a caller may send: bytes, or chunks from a (sync or async) iterable of bytes.
TransferBody = bytes | bytearray | memoryview | AsyncIterable[bytes] | Iterable[bytes]


def transfer_error(operation: str, reason: str | None = None, /, **context: Any) -> TransferError:
    """The reference's ``TransferError``: ``Transfer <operation> failed`` with a reason."""
    ctx = {"reason": reason, **context} if reason is not None else dict(context)
    return TransferError(f"Transfer {operation} failed", operation=operation, context=ctx)


@dataclass(frozen=True)
class FileInfo:
    """A stored object as transfers describe it."""

    key: str
    size: int
    updated_at: str
    digest: str | None = None
    content_type: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {"key": self.key, "size": self.size, "updatedAt": self.updated_at}
        if self.digest:
            body["digest"] = self.digest
        if self.content_type:
            body["contentType"] = self.content_type
        body["metadata"] = dict(self.metadata)
        return body

    @classmethod
    def from_wire(cls, body: Any) -> FileInfo:
        if not isinstance(body, Mapping):
            raise transfer_error("transfer", "invalid_file_info")
        try:
            return cls(
                key=str(body["key"]),
                size=int(body["size"]),
                updated_at=str(body["updatedAt"]),
                digest=body.get("digest"),
                content_type=body.get("contentType"),
                metadata={str(k): str(v) for k, v in (body.get("metadata") or {}).items()},
            )
        except (KeyError, TypeError, ValueError):
            raise transfer_error("transfer", "invalid_file_info") from None


@dataclass(frozen=True)
class TransferGrant:
    """What entitles one session to one transfer: subject, expiry and chunk size."""

    direction: Literal["send", "receive"]
    service: str
    session_key: str
    transfer_id: str
    subject: str
    expires_at: str
    chunk_bytes: int
    max_bytes: int | None = None
    content_type: str | None = None
    metadata: Mapping[str, str] | None = None
    info: FileInfo | None = None  # receive grants: the object to be read

    def to_wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": "TransferGrant",
            "direction": self.direction,
            "service": self.service,
            "sessionKey": self.session_key,
            "transferId": self.transfer_id,
            "subject": self.subject,
            "expiresAt": self.expires_at,
            "chunkBytes": self.chunk_bytes,
        }
        if self.direction == "send":
            if self.max_bytes is not None:
                body["maxBytes"] = self.max_bytes
            if self.content_type:
                body["contentType"] = self.content_type
            if self.metadata:
                body["metadata"] = dict(self.metadata)
        elif self.info is not None:
            body["info"] = self.info.to_wire()
        return body

    @classmethod
    def from_wire(cls, body: Any) -> TransferGrant:
        """A grant from its wire form, or from a payload model carrying it (an RPC's output)."""
        if isinstance(body, BaseModel):
            body = body.model_dump(mode="json", by_alias=True, exclude_none=True)
        if not isinstance(body, Mapping) or body.get("type") != "TransferGrant":
            raise transfer_error("transfer", "invalid_grant")
        direction = body.get("direction")
        if direction not in ("send", "receive"):
            raise transfer_error("transfer", "invalid_grant")
        try:
            return cls(
                direction=direction,
                service=str(body["service"]),
                session_key=str(body["sessionKey"]),
                transfer_id=str(body["transferId"]),
                subject=str(body["subject"]),
                expires_at=str(body["expiresAt"]),
                chunk_bytes=int(body["chunkBytes"]),
                max_bytes=int(body["maxBytes"]) if body.get("maxBytes") is not None else None,
                content_type=body.get("contentType"),
                metadata=body.get("metadata"),
                info=FileInfo.from_wire(body["info"]) if direction == "receive" else None,
            )
        except (KeyError, TypeError, ValueError):
            raise transfer_error("transfer", "invalid_grant") from None

    def expired(self) -> bool:
        try:
            at = datetime.fromisoformat(self.expires_at.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return True
        return time.time() >= at


def _check_grant(grant: TransferGrant, session_key: str, operation: str) -> None:
    if grant.expired():
        raise transfer_error(operation, "expired", transferId=grant.transfer_id)
    if grant.session_key != session_key:
        raise transfer_error(
            operation,
            "session_mismatch",
            expectedSessionKey=grant.session_key,
            actualSessionKey=session_key,
        )


async def _chunks(body: TransferBody, size: int) -> AsyncIterator[bytes]:
    """The body cut into pieces of at most ``size`` bytes (empty pieces dropped)."""

    def cut(piece: bytes | bytearray | memoryview) -> Iterable[bytes]:
        data = bytes(piece)
        for at in range(0, len(data), size):
            yield data[at : at + size]

    if isinstance(body, bytes | bytearray | memoryview):
        for chunk in cut(body):
            yield chunk
    elif isinstance(body, AsyncIterable):
        async for piece in body:
            for chunk in cut(piece):
                yield chunk
    else:
        for piece in body:
            for chunk in cut(piece):
                yield chunk


def _error_frame(message: Message, operation: str) -> TrellisError:
    """The error a ``status: error`` frame carries (a ``TransferError`` if it is unreadable)."""
    try:
        body = parse_body(message.data, "transfer error")
    except ValidationError:
        return transfer_error(operation, "invalid_error_frame")
    return error_from_wire(body)


def _ack(message: Message) -> dict[str, Any]:
    from .connection import is_error_reply

    if is_error_reply(message):
        raise _error_frame(message, "send")
    try:
        body = parse_body(message.data, "transfer acknowledgement")
    except ValidationError:
        raise transfer_error("send", "invalid_ack") from None
    if not isinstance(body, dict) or body.get("status") not in ("continue", "complete"):
        raise transfer_error("send", "invalid_ack")
    return body


async def send(
    connection: Connection,
    grant: TransferGrant,
    body: TransferBody,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    on_progress: Callable[[TransferProgress], Awaitable[None] | None] | None = None,
) -> FileInfo:
    """Send ``body`` on a send grant; returns the stored object once the service stored it.

    Refuses to send past the grant's ``maxBytes`` (``TransferError`` with reason
    ``max_bytes_exceeded``), as the service would refuse it.
    """
    if grant.direction != "send":
        raise transfer_error("send", "invalid_grant")
    _check_grant(grant, connection.session_key.public, "send")
    sent = 0
    seq = 0
    async for chunk in _chunks(body, grant.chunk_bytes):
        sent += len(chunk)
        if grant.max_bytes is not None and sent > grant.max_bytes:
            raise transfer_error(
                "send", "max_bytes_exceeded", maxBytes=grant.max_bytes, attemptedBytes=sent
            )
        await _send_chunk(connection, grant, chunk, seq, eof=False, timeout=timeout)
        if on_progress is not None:
            result = on_progress(TransferProgress(seq, len(chunk), sent))
            if result is not None:
                await result
        seq += 1
    final = await _send_chunk(connection, grant, b"", seq, eof=True, timeout=timeout)
    if final.get("status") != "complete":
        raise transfer_error("send", "missing_completion")
    return FileInfo.from_wire(final.get("info"))


async def _send_chunk(
    connection: Connection,
    grant: TransferGrant,
    chunk: bytes,
    seq: int,
    *,
    eof: bool,
    timeout: float,
) -> dict[str, Any]:
    headers = signed_headers(connection.session_key, grant.subject, chunk)
    headers[SEQ_HEADER] = str(seq)
    if eof:
        headers[EOF_HEADER] = "true"
    try:
        reply = await connection.transport.request(
            grant.subject, chunk, timeout=timeout, headers=headers
        )
    except TransportError as exc:
        raise TransferError(
            "Transfer send failed",
            operation="send",
            context={"reason": "transport", "cause": exc.to_wire()},
        ) from exc
    return _ack(reply)


class ReceiveTransfer:
    """A receive grant in the hands of its session: read it as a stream or all at once."""

    def __init__(
        self, connection: Connection, grant: TransferGrant, *, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        if grant.direction != "receive":
            raise transfer_error("stream", "invalid_grant")
        self._connection = connection
        self.grant = grant
        self.timeout = timeout

    @property
    def info(self) -> FileInfo | None:
        return self.grant.info

    async def stream(self) -> AsyncIterator[bytes]:
        """The object's bytes in the service's chunks; raises ``TransferError`` on failure."""
        from .connection import is_error_reply

        _check_grant(self.grant, self._connection.session_key.public, "stream")
        transport = self._connection.transport
        frames: asyncio.Queue[Message] = asyncio.Queue()

        async def on_frame(message: Message) -> None:
            frames.put_nowait(message)

        inbox = transport.new_inbox()
        sub = await transport.subscribe(inbox, on_frame)
        try:
            await transport.flush()
            headers = signed_headers(self._connection.session_key, self.grant.subject, b"")
            await transport.publish(self.grant.subject, b"", reply=inbox, headers=headers)
            expected = 0
            while True:
                try:
                    frame = await asyncio.wait_for(frames.get(), self.timeout)
                except TimeoutError:
                    raise transfer_error("stream", "timeout") from None
                if frame.no_responders:
                    raise transfer_error("stream", "no_responders", subject=self.grant.subject)
                if is_error_reply(frame):
                    raise _error_frame(frame, "stream")
                seq = frame.header(SEQ_HEADER)
                if seq is not None and seq != str(expected):
                    raise transfer_error("stream", "out_of_order", expected=expected, actual=seq)
                expected += 1
                if frame.data:
                    yield frame.data
                if frame.header(EOF_HEADER) == "true":
                    return
        finally:
            await sub.unsubscribe()

    async def bytes(self) -> bytes:
        """The whole object."""
        return b"".join([chunk async for chunk in self.stream()])


def receive(
    connection: Connection, grant: TransferGrant | BaseModel | Mapping[str, Any]
) -> ReceiveTransfer:
    """The root receive helper, for a grant an RPC returned (its model, a dict or a grant)."""
    parsed = grant if isinstance(grant, TransferGrant) else TransferGrant.from_wire(grant)
    return ReceiveTransfer(connection, parsed, timeout=connection.timeout)


# ----- the caller's transfer-capable operation builder -------------------------------------------


@dataclass(frozen=True)
class CompletedTransfer(Generic[P, O]):
    """A transfer operation at its end: the object stored, and the operation's terminal snapshot."""

    transferred: FileInfo
    terminal: OperationSnapshot[P, O]


class StartedTransfer(Generic[P, O]):
    """An accepted transfer operation whose bytes are on their way.

    ``operation`` observes it like any operation; ``transferred()`` waits for the bytes to be
    stored (raising the ``TransferError`` if they were not), ``wait()`` for both the bytes and
    the operation's terminal snapshot.
    """

    def __init__(
        self, operation: OperationRef[P, O], grant: TransferGrant, task: asyncio.Task[FileInfo]
    ) -> None:
        self.operation = operation
        self.grant = grant
        self._task = task

    @property
    def id(self) -> str:
        return self.operation.id

    async def transferred(self) -> FileInfo:
        return await asyncio.shield(self._task)

    async def wait(self, *, timeout: float | None = None) -> CompletedTransfer[P, O]:
        info = await self.transferred()
        terminal = await self.operation.wait(timeout=timeout)
        return CompletedTransfer(info, terminal)


class TransferStart(Generic[I, P, O]):
    """``input(...).transfer(body)``: ready to ``start()``; optionally observe each chunk."""

    def __init__(
        self,
        connection: Connection,
        desc: OperationDescriptor[I, P, O],
        input: I,
        body: TransferBody,
        on_transfer: Callable[[TransferProgress], Awaitable[None] | None] | None = None,
    ) -> None:
        self._connection = connection
        self._desc = desc
        self._input = input
        self._body = body
        self._on_transfer = on_transfer

    def on_transfer(
        self, callback: Callable[[TransferProgress], Awaitable[None] | None]
    ) -> TransferStart[I, P, O]:
        """Call ``callback`` after each acknowledged chunk (the caller's progress bar)."""
        return TransferStart(self._connection, self._desc, self._input, self._body, callback)

    async def start(self, *, timeout: float | None = None) -> StartedTransfer[P, O]:
        """Start the operation, then send the bytes on the grant it answered with."""
        conn = self._connection
        body = outgoing(self._desc.input, self._input, f"{self._desc.key} input")
        reply = await conn.request_raw(self._desc.subject, encode_json(body), timeout=timeout)
        accepted = _accepted(reply, self._desc.key)
        ref: OperationRef[P, O] = OperationRef(
            conn, self._desc, str(accepted["ref"]["id"]), str(accepted["ref"].get("service", ""))
        )
        raw_grant = accepted.get("transfer")
        if raw_grant is None:
            raise transfer_error("transfer", "missing_transfer", operation=self._desc.key)
        grant = TransferGrant.from_wire(raw_grant)
        if grant.direction != "send":
            raise transfer_error("transfer", "invalid_operation_transfer_grant")
        task = asyncio.get_running_loop().create_task(
            send(conn, grant, self._body, timeout=conn.timeout, on_progress=self._on_transfer)
        )
        # a failure is the caller's to see through transferred()/wait(); never "unretrieved"
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        return StartedTransfer(ref, grant, task)


class TransferInput(Generic[I, P, O]):
    """``client.operation.<group>.<leaf>.input(input)`` of a transfer-capable operation."""

    def __init__(
        self, connection: Connection, desc: OperationDescriptor[I, P, O], input: I
    ) -> None:
        self._connection = connection
        self._desc = desc
        self._input = input

    def transfer(self, body: TransferBody) -> TransferStart[I, P, O]:
        """The bytes to send once the operation is accepted (bytes or an iterable of chunks)."""
        return TransferStart(self._connection, self._desc, self._input, body)


def _accepted(reply: Message, key: str) -> dict[str, Any]:
    from .connection import is_error_reply, reply_error

    if is_error_reply(reply):
        raise reply_error(reply)
    accepted = parse_body(reply.data, f"{key} start reply")
    if not (
        isinstance(accepted, dict)
        and accepted.get("kind") == "accepted"
        and isinstance(accepted.get("ref"), dict)
        and isinstance(accepted.get("snapshot"), dict)
    ):
        raise TransportError(
            "trellis.operation.invalid_accept",
            "Trellis returned an invalid operation start response.",
            "Retry starting the operation. If it keeps failing, reconnect and try again.",
            context={"operation": key},
        )
    return accepted


__all__ = [
    "CompletedTransfer",
    "FileInfo",
    "ReceiveTransfer",
    "StartedTransfer",
    "TransferBody",
    "TransferGrant",
    "TransferInput",
    "TransferProgress",
    "TransferStart",
    "receive",
    "send",
    "transfer_error",
]
