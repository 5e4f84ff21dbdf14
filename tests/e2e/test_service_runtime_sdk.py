"""Health, transfers, bindings and handler dependencies through the generated billing SDK only,
over the in-memory transport and a real nats-server with JetStream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.runtime.network import Network
from trellis_runtime import (
    Bindings,
    HealthCheck,
    HealthInfo,
    RpcContext,
    StoreBinding,
    TransferError,
    UploadOperation,
)
from trellis_runtime.encoding import decode_json
from trellis_runtime.jobs_queues import WORK_STREAM, local_binding
from trellis_runtime.local import LocalBindings
from trellis_runtime.transfer_store import NatsTransferStore, StoreLimits
from trellis_runtime.transport import Message

from .conftest import GeneratedSdks

STEP = 5.0
INVOICE_ID = "inv_000000000001"
PDF = b"%PDF-1.4\n" + b"receipt line\n" * 50


@dataclass
class Running:
    net: Network
    sdk: GeneratedSdks
    services: list[Any] = field(default_factory=list)

    @property
    def billing(self) -> Any:
        return self.sdk.billing

    async def start(self, service: Any) -> Any:
        await service.start()
        self.services.append(service)
        return service


@pytest.fixture
async def running(network: Network, generated: GeneratedSdks) -> AsyncIterator[Running]:
    run = Running(network, generated)
    try:
        yield run
    finally:
        for service in run.services:
            await service.stop()


def register_receipts(service: Any, models: Any, stored: list[Any]) -> None:
    @service.handle.operation.billing.receipt_upload
    async def upload(payload: Any, op: UploadOperation[Any, Any]) -> Any:
        info = await op.transfer.completed()
        stored.append(info)
        return models.ReceiptUploaded(key=info.key, sizeBytes=info.size)

    @service.handle.rpc.billing.invoice_download
    async def download(payload: Any, ctx: RpcContext) -> Any:
        grant = await service.create_transfer(
            store="receipts", key=f"receipts/{payload.invoiceId}.pdf", session_key=ctx.session_key
        )
        return models.DownloadGrant.model_validate(grant.to_wire())


async def test_a_receipt_uploads_through_the_builder_and_downloads_through_a_grant(
    running: Running,
) -> None:
    models = running.billing.models
    stored: list[Any] = []
    service = running.billing.Service(await running.net.connect(), name="billing")
    register_receipts(service, models, stored)
    await running.start(service)

    client = running.billing.Client(await running.net.connect())
    started = (
        await client.operation.billing.receipt_upload.input(
            models.ReceiptUploadInput(
                invoiceId=INVOICE_ID,
                key=f"receipts/{INVOICE_ID}.pdf",
                contentType="application/pdf",
            )
        )
        .transfer(PDF)
        .start(timeout=STEP)
    )
    done = await started.wait(timeout=STEP)
    assert done.terminal.state == "completed"
    assert done.terminal.output == models.ReceiptUploaded(
        key=f"receipts/{INVOICE_ID}.pdf", sizeBytes=len(PDF)
    )
    assert done.transferred.content_type == "application/pdf"
    assert stored == [done.transferred]
    # the manifest's limit (10 MB, and the receipts store's 10 MB) is in the grant
    assert started.grant.max_bytes == 10_000_000

    grant = await client.rpc.billing.invoice_download(models.GetInvoiceInput(invoiceId=INVOICE_ID))
    assert isinstance(grant, models.DownloadGrant)
    assert grant.info.size == len(PDF)
    assert await client.transfer(grant).bytes() == PDF


async def test_a_receipt_over_the_manifest_limit_never_leaves_the_caller(
    running: Running,
) -> None:
    models = running.billing.models
    service = running.billing.Service(await running.net.connect(), name="billing")
    register_receipts(service, models, [])
    await running.start(service)
    client = running.billing.Client(await running.net.connect())

    sent: list[Any] = []

    def too_big() -> Any:
        for _ in range(41):  # 41 * 256 KiB > 10 MB
            sent.append(1)
            yield b"\0" * (256 * 1024)

    started = (
        await client.operation.billing.receipt_upload.input(
            models.ReceiptUploadInput(
                invoiceId=INVOICE_ID, key="receipts/huge.pdf", contentType="application/pdf"
            )
        )
        .transfer(too_big())
        .start(timeout=STEP)
    )
    with pytest.raises(TransferError) as refused:
        await started.transferred()
    assert refused.value.context["reason"] == "max_bytes_exceeded"
    assert len(sent) == 39  # the 39th chunk would pass 10 MB: refused before it is sent


async def test_the_generated_service_publishes_heartbeats_with_author_checks(
    running: Running,
) -> None:
    beats: list[Message] = []

    async def on_beat(message: Message) -> None:
        beats.append(message)

    spy = await running.net.connect()
    await spy.transport.subscribe("events.v1.Health.Heartbeat", on_beat)
    await spy.transport.flush()
    service = running.billing.Service(
        await running.net.connect(), name="billing", heartbeat_interval=0.1
    )
    service.health.set_info(HealthInfo(version="9.9.9"))
    service.health.add("ledger", lambda: HealthCheck.failed("ledger lagging"))
    await running.start(service)
    async with asyncio.timeout(STEP):
        while len(beats) < 2:
            await asyncio.sleep(0.01)
    body = decode_json(beats[-1].data)
    assert body["service"]["contractId"] == running.billing.CONTRACT_ID
    assert body["service"]["contractDigest"] == running.billing.CONTRACT_DIGEST
    assert body["service"]["version"] == "9.9.9"
    assert body["status"] == "degraded"
    assert {c["name"]: c["status"] for c in body["checks"]} == {"nats": "ok", "ledger": "failed"}


@dataclass(frozen=True)
class AppDeps:
    """What a real service would hand its handlers: a pool, settings, ..."""

    greeting: str
    calls: list[str]

    async def ping(self) -> bool:
        self.calls.append("ping")
        return True


async def test_handlers_registered_with_deps_receive_them(running: Running) -> None:
    billing = running.billing
    models = billing.models
    deps = AppDeps(greeting="hi", calls=[])
    other = AppDeps(greeting="other", calls=[])
    service = billing.Service(await running.net.connect(), name="billing", heartbeat_interval=0.1)
    app = service.with_deps(deps)
    assert app.deps is deps and app.with_deps(other).deps is other

    @app.handle.rpc.billing.invoice_get
    async def get(payload: Any, ctx: RpcContext, deps: AppDeps) -> Any:
        deps.calls.append(f"get {payload.invoiceId} by {ctx.caller.type}")
        raise billing.InvoiceNotFound(
            deps.greeting, data=models.InvoiceNotFoundData(invoiceId=payload.invoiceId)
        )

    @app.with_deps(other).handle.rpc.billing.invoice_list
    async def list_(payload: Any, ctx: RpcContext, deps: AppDeps) -> Any:
        deps.calls.append("list")
        return models.InvoicePage(invoices=[])

    app.health.add("db", lambda d: d.ping())
    await running.start(service)

    client = billing.Client(await running.net.connect())
    with pytest.raises(billing.InvoiceNotFound) as missing:
        await client.rpc.billing.invoice_get(models.GetInvoiceInput(invoiceId=INVOICE_ID))
    await client.rpc.billing.invoice_list(models.ListInvoicesInput(page={"limit": 5}))
    response = await service.health.response()
    assert missing.value.message == "hi"
    assert f"get {INVOICE_ID} by service" in deps.calls
    assert "ping" in deps.calls and "list" not in deps.calls
    assert other.calls == ["list"]
    assert {c["name"] for c in response["checks"]} == {"nats", "db"}


async def test_a_bound_store_receives_the_uploads(running: Running) -> None:
    billing = running.billing
    models = billing.models
    bucket = "acme_billing_bound_receipts"
    charge = billing.descriptors.JOB_CHARGE_REFUND
    bound = Bindings(
        billing.CONTRACT_ID,
        billing.CONTRACT_DIGEST,
        store={"receipts": StoreBinding(bucket, ttl_ms=0, max_object_bytes=4096)},
        # a deployment binds every declared queue too (here: the local names)
        jobs_namespace="billing",
        jobs_work_stream=WORK_STREAM,
        jobs={charge.queue: local_binding(charge, "billing")},
    )
    table = await LocalBindings({billing.CONTRACT_DIGEST: bound}).serve(await running.net.connect())
    conn = await running.net.connect()
    if running.net.url is not None:  # what the deployment provisioned
        js = conn.transport.client.jetstream()  # type: ignore[attr-defined]
        await NatsTransferStore.open(js, bucket, StoreLimits(), create=True)
    stored: list[Any] = []
    service = billing.Service(conn, name="billing", bootstrap=True)
    register_receipts(service, models, stored)
    try:
        await running.start(service)
        assert service.bindings == bound
        client = billing.Client(await running.net.connect())
        started = (
            await client.operation.billing.receipt_upload.input(
                models.ReceiptUploadInput(
                    invoiceId=INVOICE_ID, key="receipts/bound.pdf", contentType="image/png"
                )
            )
            .transfer(b"png bytes")
            .start(timeout=STEP)
        )
        await started.wait(timeout=STEP)
        store = await service.runtime.transfer_store("receipts", StoreLimits())
    finally:
        await table.stop()
    assert started.grant.max_bytes == 4096  # the bound store's limit wins over the manifest's
    assert store.name == bucket
    assert b"".join([c async for c in store.read("receipts/bound.pdf")]) == b"png bytes"
