"""Uses the generated billing SDK's dependency, transfer and health facades as documented;
``mypy --strict`` must accept every line (``test_facade_typing``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_type

from acme_billing_v1 import BoundService, Client, Service, models
from pydantic import BaseModel

from trellis_runtime import (
    ActiveJob,
    CompletedTransfer,
    FileInfo,
    HealthCheck,
    InMemoryTransport,
    RpcContext,
    StartedTransfer,
    TransferGrant,
    UploadOperation,
    connect,
)


@dataclass(frozen=True)
class Deps:
    dsn: str


async def serve() -> None:
    service = Service(await connect(transport=InMemoryTransport()), name="billing")
    app = service.with_deps(Deps("postgres://"))
    assert_type(app, BoundService[Deps])
    assert_type(app.with_deps(3), BoundService[int])

    @app.handle.rpc.billing.invoice_list
    async def invoice_list(
        payload: models.ListInvoicesInput, ctx: RpcContext, deps: Deps
    ) -> models.InvoicePage:
        return models.InvoicePage(invoices=[])

    @app.handle.operation.billing.receipt_upload
    async def upload(
        payload: models.ReceiptUploadInput,
        op: UploadOperation[BaseModel, models.ReceiptUploaded],
        deps: Deps,
    ) -> models.ReceiptUploaded:
        info = await op.transfer.completed()
        assert_type(info, FileInfo)
        return models.ReceiptUploaded(key=info.key, sizeBytes=info.size)

    @app.jobs.charge_refund.handle
    async def charge(
        job: ActiveJob[models.ChargeRefundJob, models.ChargeRefundResult], deps: Deps
    ) -> models.ChargeRefundResult | None:
        assert_type(job.payload, models.ChargeRefundJob)
        return None

    @app.handle.event.billing.invoice_paid
    async def paid(event: models.BillingInvoicePaidEvent, deps: Deps) -> None:
        return None

    app.health.add("db", lambda deps: HealthCheck.ok(deps.dsn))

    @service.handle.rpc.billing.invoice_download
    async def download(payload: models.GetInvoiceInput, ctx: RpcContext) -> models.DownloadGrant:
        grant = await service.create_transfer(
            store="receipts", key="k", session_key=ctx.session_key
        )
        assert_type(grant, TransferGrant)
        return models.DownloadGrant.model_validate(grant.to_wire())


async def call(client: Client) -> None:
    started = (
        await client.operation.billing.receipt_upload.input(
            models.ReceiptUploadInput(
                invoiceId="inv_000000000001", key="k", contentType="application/pdf"
            )
        )
        .transfer(b"%PDF")
        .start()
    )
    assert_type(started, StartedTransfer[BaseModel, models.ReceiptUploaded])
    done = await started.wait()
    assert_type(done, CompletedTransfer[BaseModel, models.ReceiptUploaded])
    assert_type(done.terminal.output, models.ReceiptUploaded | None)
    grant = await client.rpc.billing.invoice_download(
        models.GetInvoiceInput(invoiceId="inv_000000000001")
    )
    assert_type(await client.transfer(grant).bytes(), bytes)
