"""A caller of Acme Billing, built on the generated ``acme_billing_v1`` SDK.

Reads an invoice, shows a declared error arriving as its class, then starts a refund, watches
its progress, approves it with a signal and waits for the outcome.

    python examples/billing/billing_client.py --url nats://127.0.0.1:4222
"""

from __future__ import annotations

import argparse
import asyncio

from acme_billing_v1 import Client, InvoiceNotFound, models

from trellis_runtime import Connection, connect


async def run_client(conn: Connection) -> models.RefundResult:
    client = Client(conn)

    invoice = await client.rpc.billing.invoice_get(
        models.GetInvoiceInput(invoiceId="inv_000000000001")
    )
    print(f"invoice {invoice.invoiceId}: {invoice.status}, total {invoice.total.amountMinor}")

    try:
        await client.rpc.billing.invoice_get(models.GetInvoiceInput(invoiceId="inv_999999999999"))
    except InvoiceNotFound as err:
        assert err.data is not None
        print(f"declared error {err.type}: {err.message} ({err.data.invoiceId})")

    refund = await client.operation.billing.refund.start(
        models.RefundInput(
            invoiceId=invoice.invoiceId,
            amount=invoice.lines[0].unitPrice,  # every Money field shares the `Money` class
            reason="one tea arrived cold",
        )
    )
    print(f"refund {refund.id} accepted")

    approved = False
    async for event in refund.watch(timeout=30):
        progress = event.snapshot.progress  # the watch may begin after some progress was made
        step = f" [{progress.step}] {progress.message}" if progress else ""
        print(f"  {event.type} (revision {event.snapshot.revision}){step}")
        if progress and progress.step == "awaiting-approval" and not approved:
            await refund.signal("approveRefund", models.ApproveRefund(approver="lead"))
            approved = True

    done = await refund.wait(timeout=30)
    assert done.state == "completed" and done.output is not None, done
    print(f"refund {done.output.refundId} completed: {done.output.refunded.amountMinor} refunded")
    return done.output


async def main(url: str) -> None:
    conn = await connect(url=url)
    try:
        await run_client(conn)
    finally:
        await conn.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="nats://127.0.0.1:4222")
    asyncio.run(main(parser.parse_args().url))
