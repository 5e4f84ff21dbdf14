"""File transfers, the owning service's side: upload sessions behind operations, download grants.

An upload session is opened when a transfer-capable operation starts: the service subscribes
to a fresh subject ``transfer.v1.upload.<service key[:16]>.<transfer id>`` (on this instance,
not a queue group: the chunks must reach the process holding the session) and answers the
start with the send grant. Each chunk is checked, in the reference's order: not expired, the
proof valid for the session that started the operation, the sequence the next one, the chunk
no larger than ``chunkBytes``, the running total within ``maxBytes`` (the smaller of the
operation's ``transfer.maxBytes`` and the store's ``maxObjectBytes``). Any failure answers a
``TransferError`` and ends the session, storing nothing. The chunks stream into the store as
they come; the EOF request is acknowledged, and the handler's ``transfer.completed()``
resolves, only after the store holds the object.

A download grant (``Service.create_transfer``) subscribes to
``transfer.v1.download.<service key[:16]>.<transfer id>`` for one request, from the session it
names, replying into that session's inbox; it streams the object there in order and ends with
an empty EOF chunk.

Sessions expire after ``expiresInMs`` (60 s unless the operation declares otherwise).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .connection import STATUS
from .descriptors import OperationTransfer
from .encoding import encode_json, iso_format, ulid
from .errors import TransferError, TrellisError
from .proof import read_proof
from .transfer import (
    DEFAULT_CHUNK_BYTES,
    EOF_HEADER,
    SEQ_HEADER,
    FileInfo,
    TransferGrant,
    TransferProgress,
    transfer_error,
)
from .transfer_store import StoreLimits, TransferStore
from .transport import Message, TransportSubscription

if TYPE_CHECKING:
    from .service import Service

log = logging.getLogger(__name__)

UPLOAD_PREFIX = "transfer.v1.upload"
DOWNLOAD_PREFIX = "transfer.v1.download"
DEFAULT_EXPIRES_IN = 60.0

_END = object()


class UploadTransfer:
    """The handler's view of its upload: progress as chunks arrive, and durable completion."""

    def __init__(self) -> None:
        self._done: asyncio.Future[FileInfo] = asyncio.get_running_loop().create_future()
        self._subscribers: list[asyncio.Queue[object]] = []
        self._history: list[TransferProgress] = []
        # set by whoever records progress elsewhere (the operation): completed() waits for it
        self.flush: Callable[[], Awaitable[None]] | None = None
        self.on_settled: list[Callable[[], None]] = []

    async def completed(self) -> FileInfo:
        """The stored object, once every chunk and the EOF were accepted and it is in the store.

        Raises the ``TransferError`` that ended the upload (expired, refused chunk, store failure).
        """
        info = await asyncio.shield(self._done)
        if self.flush is not None:
            await self.flush()
        return info

    async def updates(self) -> AsyncIterator[TransferProgress]:
        """Every acknowledged chunk (from the first), until the upload ends."""
        queue: asyncio.Queue[object] = asyncio.Queue()
        for past in self._history:
            queue.put_nowait(past)
        if self._done.done():
            queue.put_nowait(_END)
        else:
            self._subscribers.append(queue)
        try:
            while isinstance(update := await queue.get(), TransferProgress):
                yield update
        finally:
            if queue in self._subscribers:
                self._subscribers.remove(queue)

    @property
    def done(self) -> bool:
        return self._done.done()

    def _progress(self, progress: TransferProgress) -> None:
        self._history.append(progress)
        for queue in self._subscribers:
            queue.put_nowait(progress)

    def _settle(self, info: FileInfo | None, error: BaseException | None) -> None:
        if self._done.done():
            return
        if error is not None:
            self._done.set_exception(error)
            self._done.exception()  # retrieved: a handler that never awaits it is not an error
        else:
            assert info is not None
            self._done.set_result(info)
        for queue in self._subscribers:
            queue.put_nowait(_END)
        self._subscribers.clear()
        for settled in self.on_settled:
            settled()


@dataclass
class _Upload:
    subject: str
    transfer_id: str
    session_key: str
    expires_at: float
    key: str
    store: TransferStore
    max_bytes: int | None
    content_type: str | None
    metadata: Mapping[str, str] | None
    handle: UploadTransfer
    on_progress: Callable[[TransferProgress], Awaitable[None]] | None
    chunks: asyncio.Queue[bytes | BaseException | None] = field(default_factory=asyncio.Queue)
    next_seq: int = 0
    received: int = 0
    put_task: asyncio.Task[FileInfo] | None = None
    subscription: TransportSubscription | None = None
    timer: asyncio.TimerHandle | None = None
    inbox: asyncio.Queue[Message] = field(default_factory=asyncio.Queue)
    worker: asyncio.Task[None] | None = None


@dataclass
class _Download:
    subject: str
    session_key: str
    expires_at: float
    key: str
    store: TransferStore
    subscription: TransportSubscription | None = None
    timer: asyncio.TimerHandle | None = None


def pointer_value(body: Any, pointer: str) -> Any:
    """RFC 6901: the value at ``pointer`` in ``body``, or None when it is absent."""
    if pointer in ("", "/"):
        return body
    current = body
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(current, Mapping) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            return None
    return current


def upload_target(
    operation: str, spec: OperationTransfer, body: Mapping[str, Any]
) -> tuple[str, str | None, dict[str, str] | None]:
    """Key, content type and metadata of an upload, read from the validated input at the
    operation's pointers; a missing key or a value of the wrong type is the reference's
    ``TransferError`` (reason ``invalid_input``)."""

    def invalid(field_name: str, pointer: str) -> TransferError:
        return transfer_error(
            "transfer", "invalid_input", operation=operation, field=field_name, pointer=pointer
        )

    key = pointer_value(body, spec.key)
    if not isinstance(key, str) or not key:
        raise invalid("key", spec.key)
    content_type = None
    if spec.content_type:
        value = pointer_value(body, spec.content_type)
        if value is not None and (not isinstance(value, str) or not value):
            raise invalid("contentType", spec.content_type)
        content_type = value
    metadata = None
    if spec.metadata:
        value = pointer_value(body, spec.metadata)
        if value is not None:
            if not isinstance(value, Mapping) or any(
                not k or not isinstance(v, str) for k, v in value.items()
            ):
                raise invalid(spec.metadata, spec.metadata)
            metadata = dict(value)
    return key, content_type, metadata


def _min_limit(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


class ServiceTransfers:
    """The transfer sessions of one service instance."""

    def __init__(self, service: Service, *, chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> None:
        self._service = service
        self.chunk_bytes = chunk_bytes
        self._uploads: dict[str, _Upload] = {}
        self._downloads: dict[str, _Download] = {}

    @property
    def _prefix(self) -> str:
        return self._service.connection.session_key.public[:16]

    # ----- uploads ---------------------------------------------------------------------------

    async def open_upload(
        self,
        spec: OperationTransfer,
        *,
        session_key: str,
        key: str,
        content_type: str | None,
        metadata: Mapping[str, str] | None,
        on_progress: Callable[[TransferProgress], Awaitable[None]] | None = None,
    ) -> tuple[TransferGrant, UploadTransfer]:
        """A fresh upload subject for ``session_key``: the send grant, and the handler's view."""
        limits = StoreLimits(spec.store_max_object_bytes)
        try:
            store = await self._service.transfer_store(spec.store, limits)
        except TrellisError as exc:
            raise TransferError(
                "Transfer initiateUpload failed",
                operation="initiateUpload",
                context={"store": spec.store, "cause": exc.to_wire()},
            ) from exc
        max_bytes = _min_limit(spec.max_bytes, store.max_object_bytes)
        transfer_id = ulid()
        subject = f"{UPLOAD_PREFIX}.{self._prefix}.{transfer_id}"
        expires_in = (spec.expires_in_ms or DEFAULT_EXPIRES_IN * 1000) / 1000
        upload = _Upload(
            subject=subject,
            transfer_id=transfer_id,
            session_key=session_key,
            expires_at=time.time() + expires_in,
            key=key,
            store=store,
            max_bytes=max_bytes,
            content_type=content_type,
            metadata=metadata,
            handle=UploadTransfer(),
            on_progress=on_progress,
        )
        upload.put_task = asyncio.get_running_loop().create_task(
            store.put(key, self._drain(upload), content_type=content_type, metadata=metadata)
        )
        self._uploads[subject] = upload
        transport = self._service.connection.transport

        # chunks are handled in a task of the session's own, in order: a subscription callback
        # must not end its own subscription (nats-py cancels the callback doing so)
        async def on_chunk(message: Message) -> None:
            upload.inbox.put_nowait(message)

        upload.worker = asyncio.get_running_loop().create_task(self._run_upload(upload))
        upload.subscription = await transport.subscribe(subject, on_chunk)
        await transport.flush()
        upload.timer = asyncio.get_running_loop().call_later(
            expires_in, lambda: self._service.spawn(self._fail_upload(upload, _expired("put")))
        )
        grant = TransferGrant(
            direction="send",
            service=self._service.name,
            session_key=session_key,
            transfer_id=transfer_id,
            subject=subject,
            expires_at=iso_format_epoch(upload.expires_at),
            chunk_bytes=self.chunk_bytes,
            max_bytes=max_bytes,
            content_type=content_type,
            metadata=metadata,
        )
        return grant, upload.handle

    async def _drain(self, upload: _Upload) -> AsyncIterator[bytes]:
        """The accepted chunks, for the store; raises the error that ended the upload."""
        while True:
            item = await upload.chunks.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    async def _run_upload(self, upload: _Upload) -> None:
        while self._uploads.get(upload.subject) is upload:
            await self._on_chunk(upload, await upload.inbox.get())

    async def _on_chunk(self, upload: _Upload, message: Message) -> None:
        if self._uploads.get(upload.subject) is not upload:
            return
        try:
            await self._accept_chunk(upload, message)
        except TransferError as exc:
            await self._reply_error(message.reply, exc)
            await self._fail_upload(upload, exc)

    async def _accept_chunk(self, upload: _Upload, message: Message) -> None:
        if time.time() >= upload.expires_at:
            raise _expired("put")
        proof = read_proof(message.headers, message.subject, message.data)
        if isinstance(proof, str) or proof.session_key != upload.session_key:
            raise transfer_error("put", "invalid_proof")
        raw_seq = message.header(SEQ_HEADER)
        if not raw_seq:
            raise transfer_error("transfer", "missing_sequence")
        if not raw_seq.isdigit():
            raise transfer_error("transfer", "invalid_sequence", raw=raw_seq)
        if int(raw_seq) != upload.next_seq:
            raise transfer_error(
                "put", "out_of_order", expected=upload.next_seq, actual=int(raw_seq)
            )
        if message.data:
            if len(message.data) > self.chunk_bytes:
                raise transfer_error("put", "chunk_too_large", maxChunkBytes=self.chunk_bytes)
            upload.received += len(message.data)
            if upload.max_bytes is not None and upload.received > upload.max_bytes:
                raise transfer_error(
                    "put",
                    "max_bytes_exceeded",
                    maxBytes=upload.max_bytes,
                    attemptedBytes=upload.received,
                )
            upload.chunks.put_nowait(message.data)
            progress = TransferProgress(upload.next_seq, len(message.data), upload.received)
            upload.handle._progress(progress)
            if upload.on_progress is not None:
                try:
                    await upload.on_progress(progress)
                except Exception:
                    log.exception("transfer progress of %s failed", upload.transfer_id)
        upload.next_seq += 1
        if message.header(EOF_HEADER) != "true":
            await self._reply(message.reply, {"status": "continue"})
            return
        upload.chunks.put_nowait(None)
        assert upload.put_task is not None
        try:
            info = await upload.put_task
        except TransferError:
            raise
        except Exception as exc:
            cause = exc.to_wire() if isinstance(exc, TrellisError) else {"message": str(exc)}
            raise TransferError(
                "Transfer put failed", operation="put", context={"cause": cause}
            ) from exc
        await self._reply(message.reply, {"status": "complete", "info": info.to_wire()})
        await self._close_upload(upload)
        upload.handle._settle(info, None)

    async def _fail_upload(self, upload: _Upload, error: TransferError) -> None:
        if self._uploads.get(upload.subject) is not upload:
            return
        upload.chunks.put_nowait(error)
        await self._close_upload(upload)
        if upload.put_task is not None:
            await asyncio.gather(upload.put_task, return_exceptions=True)
        upload.handle._settle(None, error)

    async def _close_upload(self, upload: _Upload) -> None:
        self._uploads.pop(upload.subject, None)
        if upload.timer is not None:
            upload.timer.cancel()
        if upload.subscription is not None:
            await upload.subscription.unsubscribe()
        if upload.worker is not None and upload.worker is not asyncio.current_task():
            upload.worker.cancel()

    # ----- downloads -------------------------------------------------------------------------

    async def create_download(
        self, *, store: str, key: str, session_key: str, expires_in: float = DEFAULT_EXPIRES_IN
    ) -> TransferGrant:
        """A receive grant for ``key`` of store ``store``, usable once by ``session_key``."""
        try:
            opened = await self._service.transfer_store(store, StoreLimits())
            info = await opened.info(key)
        except TrellisError as exc:
            raise TransferError(
                "Transfer initiateDownload failed",
                operation="initiateDownload",
                context={"store": store, "cause": exc.to_wire()},
            ) from exc
        if info is None:
            raise TransferError(
                "Transfer initiateDownload failed",
                operation="initiateDownload",
                context={"store": store, "key": key, "reason": "not_found"},
            )
        transfer_id = ulid()
        subject = f"{DOWNLOAD_PREFIX}.{self._prefix}.{transfer_id}"
        download = _Download(subject, session_key, time.time() + expires_in, key, opened)
        self._downloads[subject] = download
        transport = self._service.connection.transport

        async def on_request(message: Message) -> None:
            self._service.spawn(self._serve_download(download, message))

        download.subscription = await transport.subscribe(subject, on_request)
        await transport.flush()
        download.timer = asyncio.get_running_loop().call_later(
            expires_in, lambda: self._service.spawn(self._close_download(download))
        )
        return TransferGrant(
            direction="receive",
            service=self._service.name,
            session_key=session_key,
            transfer_id=transfer_id,
            subject=subject,
            expires_at=iso_format_epoch(download.expires_at),
            chunk_bytes=self.chunk_bytes,
            info=info,
        )

    async def _serve_download(self, download: _Download, message: Message) -> None:
        reply = message.reply
        if not reply or not reply.startswith(f"_INBOX.{download.session_key[:16]}."):
            await self._reply_error(reply, transfer_error("get", "reply_subject_mismatch"))
            return
        if self._downloads.get(download.subject) is not download:
            return
        await self._close_download(download)  # one request per grant
        if time.time() >= download.expires_at:
            await self._reply_error(reply, _expired("get"))
            return
        proof = read_proof(message.headers, message.subject, message.data)
        if isinstance(proof, str) or proof.session_key != download.session_key:
            await self._reply_error(reply, transfer_error("get", "invalid_proof"))
            return
        transport = self._service.connection.transport
        seq = 0
        try:
            async for chunk in download.store.read(download.key):
                for at in range(0, len(chunk), self.chunk_bytes):
                    piece = chunk[at : at + self.chunk_bytes]
                    await transport.publish(reply, piece, headers={SEQ_HEADER: str(seq)})
                    seq += 1
            await transport.publish(reply, b"", headers={SEQ_HEADER: str(seq), EOF_HEADER: "true"})
            await transport.flush()
        except Exception as exc:
            cause = exc.to_wire() if isinstance(exc, TrellisError) else {"message": str(exc)}
            log.warning("download %s of %s failed: %s", download.subject, download.key, exc)
            await self._reply_error(
                reply,
                TransferError("Transfer get failed", operation="get", context={"cause": cause}),
            )

    async def _close_download(self, download: _Download) -> None:
        self._downloads.pop(download.subject, None)
        if download.timer is not None:
            download.timer.cancel()
        if download.subscription is not None:
            await download.subscription.unsubscribe()

    # ----- shared ----------------------------------------------------------------------------

    async def stop(self) -> None:
        """End every open session (uploads fail as expired)."""
        for upload in list(self._uploads.values()):
            await self._fail_upload(upload, _expired("put"))
        for download in list(self._downloads.values()):
            await self._close_download(download)

    async def _reply(self, reply: str | None, body: Mapping[str, Any]) -> None:
        if reply is not None:
            await self._service.connection.transport.publish(reply, encode_json(body))

    async def _reply_error(self, reply: str | None, error: TrellisError) -> None:
        if reply is not None:
            await self._service.connection.transport.publish(
                reply, encode_json(error.to_wire()), headers={STATUS: "error"}
            )


def _expired(operation: str) -> TransferError:
    return transfer_error(operation, "expired")


def iso_format_epoch(seconds: float) -> str:
    from datetime import UTC, datetime

    return iso_format(datetime.fromtimestamp(seconds, UTC))


__all__ = ["ServiceTransfers", "UploadTransfer", "pointer_value", "upload_target"]
