"""interop.files@v1: uploads, downloads and the standard health RPC, for the interop tests.

An upload operation into the ``uploads`` store (at most 2 KiB per upload, the store holds
objects of up to 4 KiB), a download RPC answering a receive grant, and ``Files.Health``, the
standard health RPC of a service named ``files``. Like every service contract it uses
``trellis.health@v1``'s heartbeat.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from trellis_generate.authoring import (
    Operation,
    Rpc,
    Store,
    Transfer,
    define_service_contract,
)

UPLOAD_MAX_BYTES = 2048
STORE_MAX_OBJECT_BYTES = 4096


class UploadInput(BaseModel):
    key: str
    contentType: str | None = None


class UploadOutput(BaseModel):
    key: str
    size: int
    contentType: str | None = None
    digest: str | None = None


class DownloadInput(BaseModel):
    key: str


class FileInfo(BaseModel):
    key: str
    size: int
    updatedAt: str
    digest: str | None = None
    contentType: str | None = None
    metadata: dict[str, str] = {}


class DownloadGrant(BaseModel):
    type: Literal["TransferGrant"]
    direction: Literal["receive"]
    service: str
    sessionKey: str
    transferId: str
    subject: str
    expiresAt: str
    chunkBytes: int
    info: FileInfo


class HealthRequest(BaseModel):
    pass


class HealthCheckResult(BaseModel):
    name: str
    status: Literal["ok", "failed"]
    error: str | None = None
    summary: str | None = None
    info: dict[str, Any] | None = None
    latencyMs: float


class HealthResponse(BaseModel):
    status: Literal["healthy", "unhealthy", "degraded"]
    service: str
    timestamp: str
    checks: list[HealthCheckResult]


CONTRACT = define_service_contract(
    id="interop.files@v1",
    display_name="Interop Files",
    description="Uploads and downloads files, for the interoperability tests.",
    store={
        "uploads": Store(
            purpose="Files uploaded by the interop tests.", max_object_bytes=STORE_MAX_OBJECT_BYTES
        )
    },
    operations={
        "Files.Upload": Operation(
            input=UploadInput,
            output=UploadOutput,
            call=[],
            transfer=Transfer(
                store="uploads",
                key="/key",
                content_type="/contentType",
                expires_in_ms=60_000,
                max_bytes=UPLOAD_MAX_BYTES,
            ),
        )
    },
    rpc={
        "Files.Download": Rpc(
            input=DownloadInput, output=DownloadGrant, call=[], transfer="receive"
        ),
        "Files.Health": Rpc(input=HealthRequest, output=HealthResponse, call=[]),
    },
)
