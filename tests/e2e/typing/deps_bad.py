"""Misuses ``mypy --strict`` must refuse: every line marked ``# refused`` has an error, and no
other line does (``test_facade_typing``)."""

from __future__ import annotations

from dataclasses import dataclass

from acme_billing_v1 import Client, Service, models

from trellis_runtime import RpcContext


@dataclass(frozen=True)
class Deps:
    dsn: str


async def wrong_deps(
    payload: models.ListInvoicesInput, ctx: RpcContext, deps: int
) -> models.InvoicePage:
    return models.InvoicePage(invoices=[])


async def no_deps(payload: models.ListInvoicesInput, ctx: RpcContext) -> models.InvoicePage:
    return models.InvoicePage(invoices=[])


async def misuse(service: Service, client: Client) -> None:
    app = service.with_deps(Deps("x"))
    app.handle.rpc.billing.invoice_list(wrong_deps)  # refused
    app.handle.rpc.billing.invoice_list(no_deps)  # refused
    service.handle.rpc.billing.invoice_list(wrong_deps)  # refused
    app.health.add("db", lambda deps: deps.missing)  # refused
    await service.create_transfer(store="nope", key="k", session_key="s")  # refused
    upload = client.operation.billing.receipt_upload
    await upload.start(  # refused
        models.ReceiptUploadInput(invoiceId="inv_000000000001", key="k", contentType="image/png")
    )
    upload.input(models.GetInvoiceInput(invoiceId="inv_000000000001"))  # refused
