"""KV and store resources and client state, end to end through the generated example SDKs.

Billing declares ``resources.kv.invoices`` (history 5) and ``resources.store.receipts``
(``maxObjectBytes`` 10 MB); inventory declares the map state store ``reservations``
(``stateVersion`` v2, accepting v1). Over the in-memory transport and a real nats-server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.runtime.network import Network
from trellis_runtime import (
    KVError,
    MapStateStore,
    RpcContext,
    SessionKey,
    StateEntry,
    StateMigration,
    StoreError,
    ValidationError,
)
from trellis_runtime.encoding import ulid
from trellis_runtime.local import LocalState
from trellis_runtime.resource_descriptors import StateContract, StateStoreDescriptor

from .conftest import GeneratedSdks
from .test_generated_sdk import INVOICE, INVOICE_ID, MISSING_ID, STEP

RESERVATION = {
    "reservationId": "res-1",
    "sku": "TEA-0001",
    "quantity": 2,
    "expiresAt": "2026-01-05T00:00:00Z",
}


@pytest.fixture
async def billing_service(network: Network, generated: GeneratedSdks) -> AsyncIterator[Any]:
    billing = generated.billing
    service = billing.Service(await network.connect(), name=f"billing-{ulid()[-8:].lower()}")

    @service.handle.rpc.billing.invoice_get
    async def invoice_get(payload: Any, ctx: RpcContext) -> Any:
        try:
            return (await service.kv.invoices.get(payload.invoiceId)).value
        except KVError as missing:
            if missing.context.get("reason") != "not found":
                raise
            data = billing.models.InvoiceNotFoundData(invoiceId=payload.invoiceId)
            raise billing.InvoiceNotFound("no such invoice", data=data) from None

    await service.start()
    try:
        yield service
    finally:
        await service.stop()


async def test_a_handler_answers_from_the_typed_kv_resource(
    network: Network, generated: GeneratedSdks, billing_service: Any
) -> None:
    billing = generated.billing
    invoices = billing_service.kv.invoices
    assert invoices.desc.history == 5
    assert invoices.bucket == f"svc_{billing_service.runtime.name.replace('-', '_')}_invoices"
    revision = await invoices.create(INVOICE_ID, billing.models.Invoice.model_validate(INVOICE))
    client = billing.Client(await network.connect())
    got = await client.rpc.billing.invoice_get(billing.models.GetInvoiceInput(invoiceId=INVOICE_ID))
    assert got.model_dump(mode="json", exclude_none=True) == INVOICE
    with pytest.raises(billing.InvoiceNotFound):
        await client.rpc.billing.invoice_get(billing.models.GetInvoiceInput(invoiceId=MISSING_ID))
    paid = got.model_copy(update={"status": "void"})
    await invoices.put(INVOICE_ID, paid, expected_revision=revision)
    with pytest.raises(KVError):
        await invoices.put(INVOICE_ID, paid, expected_revision=revision)
    entry = await invoices.get(INVOICE_ID)
    assert entry.value.status == "void"
    with pytest.raises(ValidationError):  # the schema forbids what the model refuses
        await invoices.put("inv_x", billing.models.Invoice.model_construct(invoiceId="bad"))


async def test_the_typed_store_resource_keeps_bytes_and_metadata(
    generated: GeneratedSdks, billing_service: Any
) -> None:
    receipts = billing_service.store.receipts
    assert receipts.max_object_bytes == 10_000_000
    pdf = b"%PDF-1.7 " + bytes(range(256)) * 1000
    await receipts.create(f"{INVOICE_ID}/receipt.pdf", pdf, content_type="application/pdf")
    with pytest.raises(StoreError):
        await receipts.create(f"{INVOICE_ID}/receipt.pdf", b"again")
    entry = await receipts.wait_for(f"{INVOICE_ID}/receipt.pdf", timeout=STEP)
    assert entry.info.content_type == "application/pdf" and entry.info.size == len(pdf)
    assert b"".join([chunk async for chunk in entry.stream()]) == pdf
    page = await receipts.list(prefix=f"{INVOICE_ID}/", limit=10)
    assert [i.key for i in page.entries] == [f"{INVOICE_ID}/receipt.pdf"]
    await receipts.delete(f"{INVOICE_ID}/receipt.pdf")
    assert (await receipts.list(limit=10)).count == 0


@pytest.fixture
async def local_state(network: Network, generated: GeneratedSdks) -> AsyncIterator[LocalState]:
    state = LocalState(generated.inventory.descriptors.STATE, bucket=f"state_{ulid().lower()}")
    await state.serve(await network.connect())
    try:
        yield state
    finally:
        await state.stop()


async def test_client_state_map_store_through_the_generated_facade(
    network: Network, generated: GeneratedSdks, local_state: LocalState
) -> None:
    inventory = generated.inventory
    client = inventory.Client(await network.connect())
    reservations = client.state.reservations.prefix("warehouse/ams")
    value = inventory.models.Reservation.model_validate(RESERVATION)
    put = await reservations.put("res-1", value, expected_revision=None)
    assert put.applied and put.entry.key == "warehouse/ams/res-1"
    again = await reservations.put("res-1", value, expected_revision=None)
    assert (again.applied, again.found) == (False, True)
    got = await client.state.reservations.get("warehouse/ams/res-1")
    assert isinstance(got, StateEntry) and got.value == value
    page = await reservations.list(limit=10)
    assert [e.key for e in page.entries] == ["warehouse/ams/res-1"]
    assert await reservations.delete("res-1", expected_revision=put.entry.revision)
    assert await reservations.get("res-1") is None


async def test_client_state_migrates_an_entry_of_the_accepted_older_version(
    network: Network, generated: GeneratedSdks, local_state: LocalState
) -> None:
    inventory = generated.inventory
    current = inventory.descriptors.STATE
    old_store = StateStoreDescriptor(
        name="reservations", kind="map", value=inventory.models.ReservationV1, state_version="v1"
    )
    key = SessionKey.generate()
    local_state.sessions[key.public] = StateContract(current.id, "old", {"reservations": old_store})
    old = {k: v for k, v in RESERVATION.items() if k != "expiresAt"}
    await MapStateStore(await network.connect(key), old_store).put(
        "res-9", inventory.models.ReservationV1.model_validate(old)
    )
    local_state.sessions.pop(key.public)  # upgraded to the current contract
    client = inventory.Client(await network.connect(key))
    read = await client.state.reservations.get("res-9")
    assert isinstance(read, StateMigration)
    assert (read.state_version, read.current_state_version) == ("v1", "v2")
    assert isinstance(read.entry.value, inventory.models.ReservationV1)
    migrated = inventory.models.Reservation.model_validate(
        {**read.entry.value.model_dump(mode="json"), "expiresAt": "2026-02-01T00:00:00Z"}
    )
    written = await client.state.reservations.put(
        "res-9", migrated, expected_revision=read.entry.revision
    )
    assert written.applied
    assert isinstance(await client.state.reservations.get("res-9"), StateEntry)
