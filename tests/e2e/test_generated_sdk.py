"""The example contracts end to end, through their freshly generated SDKs only.

A billing (or inventory) service built on the generated ``Service`` facade, callers built on the
generated ``Client`` facade, over the in-memory transport and a real nats-server with JetStream.
Payloads are the generated pydantic models; errors are the generated error classes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest

from tests.runtime.network import Network
from trellis_runtime import (
    ActiveJob,
    ActiveOperation,
    Deferred,
    RpcContext,
    SessionKey,
    ValidationError,
)
from trellis_runtime.encoding import decode_json, encode_json
from trellis_runtime.transport import Message

from .conftest import GeneratedSdks

STEP = 5.0  # upper bound for any single awaited step; real runs take milliseconds

INVOICE_ID = "inv_000000000001"
MISSING_ID = "inv_999999999999"
EUR_450 = {"amountMinor": 450, "currency": "EUR"}
INVOICE = {
    "invoiceId": INVOICE_ID,
    "customerId": "cust-7",
    "status": "paid",
    "lines": [{"sku": "TEA-0001", "quantity": 2, "unitPrice": EUR_450}],
    "total": {"amountMinor": 900, "currency": "EUR"},
    "issuedAt": "2026-01-05T00:00:00Z",
}

Register = Callable[[Any], None]  # receives the generated Service before it starts


@dataclass
class Shop:
    """Generated services and clients on connections of the network under test."""

    net: Network
    sdk: GeneratedSdks
    services: list[Any] = field(default_factory=list)

    @property
    def billing(self) -> ModuleType:
        return self.sdk.billing

    @property
    def inventory(self) -> ModuleType:
        return self.sdk.inventory

    async def serve(self, package: ModuleType, name: str, register: Register) -> Any:
        service = package.Service(await self.net.connect(), name=name)
        register(service)
        await service.start()
        self.services.append(service)
        return service

    async def billing_service(self, register: Register) -> Any:
        return await self.serve(self.billing, "billing", register)

    async def inventory_service(self, register: Register) -> Any:
        return await self.serve(self.inventory, "inventory", register)

    async def billing_client(self, key: SessionKey | None = None) -> Any:
        return self.billing.Client(await self.net.connect(key))

    async def inventory_client(self) -> Any:
        return self.inventory.Client(await self.net.connect())


@pytest.fixture
async def shop(network: Network, generated: GeneratedSdks) -> AsyncIterator[Shop]:
    shop = Shop(network, generated)
    try:
        yield shop
    finally:  # before `network` closes the connections
        for service in shop.services:
            await service.stop()


async def eventually(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(STEP):
        while not condition():
            await asyncio.sleep(0.01)


async def until_running(ref: Any) -> None:
    async with asyncio.timeout(STEP):
        while (await ref.get(timeout=STEP)).state != "running":
            await asyncio.sleep(0.01)


def recorder(into: list[Any]) -> Callable[[Any], Awaitable[None]]:
    async def record(event: Any) -> None:
        into.append(event)

    return record


# ----- billing handlers --------------------------------------------------------------------------


def invoice_table(billing: ModuleType, calls: list[Any] | None = None) -> Register:
    """``Billing.Invoice.Get`` answering from a one-invoice table; records the inputs it got."""

    async def invoice_get(payload: Any, ctx: RpcContext) -> Any:
        if calls is not None:
            calls.append(payload)
        if payload.invoiceId != INVOICE_ID:
            data = billing.models.InvoiceNotFoundData(invoiceId=payload.invoiceId)
            raise billing.InvoiceNotFound("no such invoice", data=data)
        return billing.models.Invoice.model_validate(INVOICE)

    return lambda service: service.handle.rpc.billing.invoice_get(invoice_get)


def refund_request(billing: ModuleType, reason: str = "one tea arrived cold") -> Any:
    return billing.models.RefundInput(invoiceId=INVOICE_ID, amount=EUR_450, reason=reason)


def refund_result(billing: ModuleType, refund_id: str) -> Any:
    return billing.models.RefundResult(refundId=refund_id, refunded=EUR_450)


def refund_handler(
    handler: Callable[[Any, ActiveOperation[Any, Any]], Awaitable[Any]],
) -> Register:
    return lambda service: service.handle.operation.billing.refund(handler)


def gated_refund(billing: ModuleType, gate: asyncio.Event) -> Register:
    """A refund that reports two progress steps once ``gate`` opens, then completes."""
    progress = billing.models.RefundProgress

    async def refund(payload: Any, op: ActiveOperation[Any, Any]) -> Any:
        await gate.wait()
        await op.progress(progress(step="capturing", message="capturing the amount"))
        await op.progress(progress(step="notifying", message="telling the customer"))
        return refund_result(billing, "rf_gated")

    return refund_handler(refund)


# ----- RPC ---------------------------------------------------------------------------------------


async def test_rpc_round_trip_returns_the_generated_output_model(shop: Shop) -> None:
    billing = shop.billing
    await shop.billing_service(invoice_table(billing))
    client = await shop.billing_client()

    invoice = await client.rpc.billing.invoice_get(
        billing.models.GetInvoiceInput(invoiceId=INVOICE_ID), timeout=STEP
    )

    assert isinstance(invoice, billing.models.Invoice)
    assert invoice == billing.models.Invoice.model_validate(INVOICE)
    assert invoice.issuedAt == datetime(2026, 1, 5, tzinfo=UTC)


async def test_declared_error_arrives_as_its_generated_class_with_typed_data(shop: Shop) -> None:
    billing = shop.billing
    await shop.billing_service(invoice_table(billing))
    client = await shop.billing_client()

    with pytest.raises(billing.InvoiceNotFound) as caught:
        await client.rpc.billing.invoice_get(
            billing.models.GetInvoiceInput(invoiceId=MISSING_ID), timeout=STEP
        )

    assert caught.value.message == "no such invoice"
    assert caught.value.data == billing.models.InvoiceNotFoundData(invoiceId=MISSING_ID)
    assert caught.value.id


async def test_a_using_contracts_sdk_raises_its_own_class_for_the_used_error(shop: Shop) -> None:
    """Inventory's SDK calls billing's RPC and gets the error as *its* generated class."""
    inventory = shop.inventory
    await shop.billing_service(invoice_table(shop.billing))
    client = await shop.inventory_client()

    with pytest.raises(inventory.BillingInvoiceNotFound) as caught:
        await client.rpc.billing.invoice_get(
            inventory.models.GetInvoiceInput(invoiceId=MISSING_ID), timeout=STEP
        )

    assert isinstance(caught.value.data, inventory.models.InvoiceNotFoundData)
    assert caught.value.data.invoiceId == MISSING_ID


# ----- invalid payloads --------------------------------------------------------------------------


async def test_caller_rejects_invalid_input_before_sending(shop: Shop) -> None:
    billing = shop.billing
    calls: list[Any] = []
    await shop.billing_service(invoice_table(billing, calls))
    client = await shop.billing_client()

    bad_id = billing.models.GetInvoiceInput.model_construct(invoiceId="INV-1")
    with pytest.raises(ValidationError) as caught:
        await client.rpc.billing.invoice_get(bad_id, timeout=STEP)
    assert caught.value.issues[0].path == "/invoiceId" and not caught.value.remote

    too_long = refund_request(billing).model_copy(update={"reason": "x" * 501})
    with pytest.raises(ValidationError) as local:
        await client.operation.billing.refund.start(too_long, timeout=STEP)
    assert not local.value.remote

    assert calls == []


async def test_service_answers_an_invalid_payload_with_a_validation_error(shop: Shop) -> None:
    billing = shop.billing
    calls: list[Any] = []
    await shop.billing_service(invoice_table(billing, calls))
    client = await shop.billing_client()

    subject = billing.descriptors.RPC_BILLING_INVOICE_GET.subject
    reply = await client.connection.request_raw(
        subject, encode_json({"invoiceId": "INV-1"}), timeout=STEP
    )

    error = decode_json(reply.data)
    assert (reply.header("status"), error["type"]) == ("error", "ValidationError")
    assert [i["path"] for i in error["issues"]] == ["/invoiceId"]
    assert calls == []


async def test_service_refuses_to_send_an_invalid_output(shop: Shop) -> None:
    billing = shop.billing

    async def broken_get(payload: Any, ctx: RpcContext) -> Any:
        invoice = billing.models.Invoice.model_validate(INVOICE)
        return invoice.model_copy(update={"invoiceId": "not-an-invoice-id"})

    await shop.billing_service(lambda s: s.handle.rpc.billing.invoice_get(broken_get))
    client = await shop.billing_client()

    with pytest.raises(ValidationError) as caught:
        await client.rpc.billing.invoice_get(
            billing.models.GetInvoiceInput(invoiceId=INVOICE_ID), timeout=STEP
        )
    assert caught.value.remote  # the service refused its own output


async def test_caller_rejects_an_invalid_reply_from_a_foreign_responder(shop: Shop) -> None:
    billing = shop.billing
    impostor = (await shop.net.connect()).transport

    async def answer(message: Message) -> None:
        assert message.reply is not None
        await impostor.publish(message.reply, encode_json({**INVOICE, "status": "lost"}))

    subject = billing.descriptors.RPC_BILLING_INVOICE_GET.subject
    await impostor.subscribe(subject, answer)
    await impostor.flush()
    client = await shop.billing_client()

    with pytest.raises(ValidationError) as caught:
        await client.rpc.billing.invoice_get(
            billing.models.GetInvoiceInput(invoiceId=INVOICE_ID), timeout=STEP
        )
    assert caught.value.issues[0].path == "/status" and not caught.value.remote


# ----- events ------------------------------------------------------------------------------------


def invoice_paid(package: ModuleType, customer_id: str, invoice_number: int) -> Any:
    return package.models.BillingInvoicePaidEvent(
        invoiceId=f"inv_{invoice_number:012d}",
        customerId=customer_id,
        amount=EUR_450,
        paidAt=datetime(2026, 1, 6, tzinfo=UTC),
    )


async def test_templated_event_reaches_only_the_subscriber_whose_parameter_matches(
    shop: Shop,
) -> None:
    """Billing publishes; inventory's service listens for one customer only."""
    billing, inventory = shop.billing, shop.inventory
    for_cust_7: list[Any] = []
    everything: list[Any] = []
    await shop.inventory_service(
        lambda s: s.handle.event.billing.invoice_paid(recorder(for_cust_7), customer_id="cust-7")
    )
    watcher = await shop.billing_client()
    await watcher.event.billing.invoice_paid.subscribe(recorder(everything))
    await watcher.connection.transport.flush()

    publisher = await shop.billing_client()
    for customer, number in [("cust-8", 1), ("cust-7", 2), ("cust-8", 3), ("cust-7", 4)]:
        await publisher.event.billing.invoice_paid.publish(invoice_paid(billing, customer, number))

    # one publisher, so delivery is in order: once #4 is in, #1 and #3 would have been too
    await eventually(lambda: len(everything) == 4 and len(for_cust_7) == 2)
    assert [e.invoiceId for e in for_cust_7] == [f"inv_{n:012d}" for n in (2, 4)]
    assert all(isinstance(e, inventory.models.BillingInvoicePaidEvent) for e in for_cust_7)
    assert len({e.header.id for e in everything}) == 4  # every event has its own header
    assert [e.invoiceId for e in everything] == [f"inv_{n:012d}" for n in (1, 2, 3, 4)]


async def test_event_subscription_narrows_the_subject_by_its_keyword(shop: Shop) -> None:
    client = await shop.billing_client()
    sub = await client.event.billing.invoice_paid.subscribe(
        recorder([]), invoice_id="inv_000000000002"
    )
    assert sub.subject == "events.v1.Billing.Invoice.Paid.*.inv_000000000002"


# ----- operations --------------------------------------------------------------------------------


async def test_refund_is_watched_through_its_progress_to_completion(shop: Shop) -> None:
    billing = shop.billing
    gate = asyncio.Event()
    await shop.billing_service(gated_refund(billing, gate))
    client = await shop.billing_client()

    ref = await client.operation.billing.refund.start(refund_request(billing), timeout=STEP)
    events = aiter(ref.watch(timeout=STEP))
    first = await anext(events)
    gate.set()
    rest = [event async for event in events]

    assert first.type in ("accepted", "started")
    before = ["started"] if first.type == "accepted" else []
    assert [e.type for e in rest] == [*before, "progress", "progress", "completed"]
    steps = [e.progress for e in rest if e.type == "progress"]
    assert all(isinstance(p, billing.models.RefundProgress) for p in steps)
    assert [p.step for p in steps] == ["capturing", "notifying"]
    revisions = [first.snapshot.revision] + [e.snapshot.revision for e in rest]
    assert revisions == sorted(set(revisions))
    assert rest[-1].snapshot.output == refund_result(billing, "rf_gated")


async def test_refund_is_waited_for_after_the_client_reconnects(shop: Shop) -> None:
    billing = shop.billing
    gate = asyncio.Event()
    await shop.billing_service(gated_refund(billing, gate))

    key = SessionKey.generate()  # the same session after reconnecting: operations are its own
    first = await shop.billing_client(key)
    started = await first.operation.billing.refund.start(refund_request(billing), timeout=STEP)
    await first.connection.close()

    second = await shop.billing_client(key)
    ref = second.operation.billing.refund.resume(started.id)
    assert (await ref.get(timeout=STEP)).state in ("pending", "running")
    waiting = asyncio.create_task(ref.wait(timeout=STEP))
    gate.set()
    done = await waiting

    assert (done.state, done.output) == ("completed", refund_result(billing, "rf_gated"))
    assert done.progress == billing.models.RefundProgress(
        step="notifying", message="telling the customer"
    )
    assert (await ref.get(timeout=STEP)).revision == done.revision


async def test_cancel_ends_the_refund_and_its_handler(shop: Shop) -> None:
    billing = shop.billing
    handler_cancelled = asyncio.Event()

    async def waits_forever(payload: Any, op: ActiveOperation[Any, Any]) -> Any:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            handler_cancelled.set()
            raise
        raise AssertionError("unreachable")

    await shop.billing_service(refund_handler(waits_forever))
    client = await shop.billing_client()
    ref = await client.operation.billing.refund.start(refund_request(billing), timeout=STEP)

    assert (await ref.cancel(timeout=STEP)).state == "cancelled"
    await asyncio.wait_for(handler_cancelled.wait(), STEP)
    assert (await ref.wait(timeout=STEP)).state == "cancelled"


async def test_cancel_is_refused_for_the_non_cancelable_receipt_upload(shop: Shop) -> None:
    billing = shop.billing
    gate = asyncio.Event()

    async def upload(payload: Any, op: ActiveOperation[Any, Any]) -> Any:
        await gate.wait()
        return billing.models.ReceiptUploaded(key=payload.key, sizeBytes=1234)

    await shop.billing_service(lambda s: s.handle.operation.billing.receipt_upload(upload))
    client = await shop.billing_client()
    started = (
        await client.operation.billing.receipt_upload.input(
            billing.models.ReceiptUploadInput(
                invoiceId=INVOICE_ID, key="receipts/r-1.pdf", contentType="application/pdf"
            )
        )
        .transfer(b"%PDF-1.4 receipt")
        .start(timeout=STEP)
    )
    ref = started.operation
    await until_running(ref)
    before = await ref.get(timeout=STEP)

    with pytest.raises(ValidationError) as refused:
        await ref.cancel(timeout=STEP)

    assert refused.value.issues[0].path == "/action"
    after = await ref.get(timeout=STEP)
    assert (after.state, after.revision) == (before.state, before.revision)
    gate.set()
    done = await ref.wait(timeout=STEP)
    assert (done.state, done.output.sizeBytes) == ("completed", 1234)


async def test_approve_refund_signal_reaches_the_handler_typed(shop: Shop) -> None:
    billing = shop.billing
    received: list[Any] = []

    async def refund(payload: Any, op: ActiveOperation[Any, Any]) -> Any:
        await op.progress(
            billing.models.RefundProgress(step="awaiting-approval", message="waiting")
        )
        signal: tuple[str, Any] = await op.next_signal("approveRefund")
        approval = signal[1]
        received.append(approval)
        return refund_result(billing, f"rf_by_{approval.approver}")

    await shop.billing_service(refund_handler(refund))
    client = await shop.billing_client()
    ref = await client.operation.billing.refund.start(refund_request(billing), timeout=STEP)

    approval = billing.models.ApproveRefund(approver="lead", note="goodwill")
    receipts: list[Any] = []
    async for event in ref.watch(timeout=STEP):  # approve once the handler asks for it
        progress = event.snapshot.progress  # the watch may begin after the progress was made
        if progress is not None and progress.step == "awaiting-approval" and not receipts:
            receipts.append(await ref.signal("approveRefund", approval, timeout=STEP))

    assert [r.sequence for r in receipts] == [1]

    assert received == [billing.models.ApproveRefund(approver="lead", note="goodwill")]
    assert isinstance(received[0], billing.models.ApproveRefund)
    assert (await ref.wait(timeout=STEP)).output == refund_result(billing, "rf_by_lead")


async def test_signal_with_an_undeclared_name_or_wrong_model_is_refused_by_the_caller(
    shop: Shop,
) -> None:
    billing = shop.billing
    gate = asyncio.Event()
    await shop.billing_service(gated_refund(billing, gate))
    client = await shop.billing_client()
    ref = await client.operation.billing.refund.start(refund_request(billing), timeout=STEP)

    with pytest.raises(ValidationError):
        await ref.signal("rejectRefund", billing.models.ApproveRefund(approver="x"))
    with pytest.raises(ValidationError):
        await ref.signal("approveRefund", refund_request(billing))
    gate.set()
    assert (await ref.wait(timeout=STEP)).state == "completed"


async def test_deferred_refund_is_completed_by_the_charge_refund_job(shop: Shop) -> None:
    """The handler defers; the private ``chargeRefund`` job finishes it through control by id."""
    billing = shop.billing
    jobs: list[str] = []

    def register(service: Any) -> None:
        async def refund(payload: Any, op: ActiveOperation[Any, Any]) -> Any | Deferred:
            job = billing.models.ChargeRefundJob(
                operationId=op.id, invoiceId=payload.invoiceId, amount=payload.amount
            )
            await service.jobs.charge_refund.create(job)
            return op.defer()

        async def charge_refund(job: ActiveJob[Any, Any]) -> Any:
            jobs.append(job.id)
            op = await service.handle.operation.billing.refund.control(job.payload.operationId)
            await op.progress(billing.models.RefundProgress(step="notifying", message="captured"))
            await op.complete(refund_result(billing, f"rf_{job.id[:8]}"))
            return billing.models.ChargeRefundResult(providerReference="psp-1")

        service.handle.operation.billing.refund(refund)
        service.jobs.charge_refund.handle(charge_refund)

    await shop.billing_service(register)
    client = await shop.billing_client()
    ref = await client.operation.billing.refund.start(refund_request(billing), timeout=STEP)
    done = await ref.wait(timeout=STEP)

    assert len(jobs) == 1
    assert (done.state, done.output) == ("completed", refund_result(billing, f"rf_{jobs[0][:8]}"))
    assert done.progress.step == "notifying"


# ----- feeds -------------------------------------------------------------------------------------


async def test_stock_changes_feed_streams_typed_events_in_order(shop: Shop) -> None:
    inventory = shop.inventory
    at = datetime(2026, 2, 1, tzinfo=UTC)

    async def stock_changes(payload: Any, ctx: RpcContext) -> AsyncIterator[Any]:
        for on_hand, sku in enumerate(payload.skus):
            yield inventory.models.StockChanged(
                sku=sku.root, warehouse="ams", onHand=on_hand, changedAt=at
            )

    await shop.inventory_service(lambda s: s.handle.feed.inventory.stock_changes(stock_changes))
    client = await shop.inventory_client()

    request = inventory.models.WatchStockInput(skus=["TEA-0001", "CUP-0002", "POT-0003"])
    got: list[Any] = []
    async with asyncio.timeout(STEP):
        async for event in client.feed.inventory.stock_changes(request):
            got.append(event)
            if len(got) == 3:  # a feed has no end: the caller stops reading
                break

    assert all(isinstance(e, inventory.models.StockChanged) for e in got)
    assert [(e.sku, e.onHand) for e in got] == [
        ("TEA-0001", 0),
        ("CUP-0002", 1),
        ("POT-0003", 2),
    ]


async def test_generated_service_stop_cancels_handlers_that_outlive_its_timeout(
    shop: Shop,
) -> None:
    billing = shop.billing
    started = asyncio.Event()

    def register(service: Any) -> None:
        @service.handle.rpc.billing.invoice_get
        async def hang(payload: Any, ctx: Any) -> Any:
            started.set()
            await asyncio.Event().wait()

    service = await shop.billing_service(register)
    client = await shop.billing_client()
    call = asyncio.create_task(
        client.rpc.billing.invoice_get(
            billing.models.GetInvoiceInput(invoiceId=INVOICE_ID), timeout=STEP
        )
    )
    await asyncio.wait_for(started.wait(), STEP)
    async with asyncio.timeout(1.0):  # far below the 10 s default drain
        await service.stop(timeout=0.05)
    shop.services.remove(service)
    call.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await call
