"""The Acme Billing service, built on the generated ``acme_billing_v1`` SDK.

It answers ``Billing.Invoice.Get`` from a small in-memory table and runs ``Billing.Refund`` the
way design-operations.txt describes: the handler reports progress, waits for the
``approveRefund`` signal, hands the charge to the private ``chargeRefund`` job and defers; the
job finishes the operation through control by id.

    python examples/billing/billing_service.py --url nats://127.0.0.1:4222 --local-auth

On a bare nats-server (no Trellis deployment) ``--local-auth`` also serves the stand-in for the
platform's request validation and creates the ``trellis`` event stream. ``TRELLIS_SESSION_SEED``
(base64url) keeps the service's session key, and so its operations, across restarts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
from datetime import UTC, datetime

from acme_billing_v1 import InvoiceNotFound, Service, models
from acme_billing_v1.models import ChargeRefundJob, RefundInput, RefundProgress, RefundResult

from trellis_runtime import (
    ActiveJob,
    ActiveOperation,
    Connection,
    Deferred,
    RpcContext,
    SessionKey,
    connect,
)
from trellis_runtime.local import LocalAuth, ensure_event_stream

INVOICES = {
    "inv_000000000001": models.Invoice.model_validate(
        {
            "invoiceId": "inv_000000000001",
            "customerId": "cust-7",
            "status": "paid",
            "lines": [
                {
                    "sku": "TEA-0001",
                    "quantity": 2,
                    "unitPrice": {"amountMinor": 450, "currency": "EUR"},
                }
            ],
            "total": {"amountMinor": 900, "currency": "EUR"},
            "issuedAt": datetime(2026, 1, 5, tzinfo=UTC),
        }
    )
}


def build_service(conn: Connection) -> Service:
    """Register every handler; the caller starts and stops the service."""
    service = Service(conn, name="billing")

    @service.handle.rpc.billing.invoice_get
    async def invoice_get(payload: models.GetInvoiceInput, ctx: RpcContext) -> models.Invoice:
        invoice = INVOICES.get(payload.invoiceId)
        if invoice is None:
            raise InvoiceNotFound(
                "no such invoice",
                data=models.InvoiceNotFoundData(invoiceId=payload.invoiceId),
            )
        return invoice

    @service.handle.operation.billing.refund
    async def refund(
        payload: RefundInput, op: ActiveOperation[RefundProgress, RefundResult]
    ) -> RefundResult | Deferred:
        await op.progress(RefundProgress(step="awaiting-approval", message="waiting for approval"))
        _, approval = await op.next_signal("approveRefund")
        assert isinstance(approval, models.ApproveRefund)
        message = f"approved by {approval.approver}"
        await op.progress(RefundProgress(step="capturing", message=message))
        job = ChargeRefundJob(operationId=op.id, invoiceId=payload.invoiceId, amount=payload.amount)
        await service.jobs.charge_refund.create(job)
        return op.defer()

    @service.jobs.charge_refund.handle
    async def charge_refund(
        job: ActiveJob[ChargeRefundJob, models.ChargeRefundResult],
    ) -> models.ChargeRefundResult:
        charge = job.payload
        op = await service.handle.operation.billing.refund.control(charge.operationId)
        await op.progress(RefundProgress(step="notifying", message="refund captured"))
        await op.complete(RefundResult(refundId=f"rf_{job.id[:8]}", refunded=charge.amount))
        return models.ChargeRefundResult(providerReference=f"psp-{job.id[:8]}")

    return service


async def main(url: str, local_auth: bool) -> None:
    seed = os.environ.get("TRELLIS_SESSION_SEED")
    key = SessionKey.from_seed(seed) if seed else SessionKey.generate()
    conn = await connect(url=url, session_key=key)
    if local_auth:
        await ensure_event_stream(conn)
        await LocalAuth().serve(await connect(url=url))
    service = build_service(conn)
    await service.start()
    print(f"billing service listening on {url}; Ctrl-C to stop", flush=True)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    await stopping.wait()
    await service.stop()
    await conn.close()
    print("billing service stopped", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="nats://127.0.0.1:4222")
    parser.add_argument(
        "--local-auth",
        action="store_true",
        help="answer Auth.Requests.Validate locally (allow all): only without a deployment",
    )
    options = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main(options.url, options.local_auth))
