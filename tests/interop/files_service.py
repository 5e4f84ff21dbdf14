"""The files contract served in Python, through its generated SDK, for the reference to call."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from trellis_runtime import Connection, FileInfo, RpcContext, UploadOperation


def build(
    sdk: ModuleType,
    conn: Connection,
    *,
    stored: list[FileInfo],
    chunk_bytes: int | None = None,
    heartbeat_interval: float = 30.0,
) -> Any:
    """A generated ``Service`` named ``files``: uploads complete with the stored object's info,
    downloads answer a receive grant, ``Files.Health`` is the runtime's standard answer."""
    models = sdk.models
    service = sdk.Service(conn, name="files", heartbeat_interval=heartbeat_interval)
    if chunk_bytes is not None:
        service.runtime.transfers.chunk_bytes = chunk_bytes

    @service.handle.operation.files.upload
    async def upload(payload: Any, op: UploadOperation[Any, Any]) -> Any:
        info = await op.transfer.completed()
        stored.append(info)
        return models.UploadOutput(
            key=info.key, size=info.size, contentType=info.content_type, digest=info.digest
        )

    @service.handle.rpc.files.download
    async def download(payload: Any, ctx: RpcContext) -> Any:
        grant = await service.create_transfer(
            store="uploads", key=payload.key, session_key=ctx.session_key
        )
        return models.DownloadGrant.model_validate(grant.to_wire())

    return service
