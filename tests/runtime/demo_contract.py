"""Hand-written models and descriptors standing in for a generated SDK in the runtime tests."""

from __future__ import annotations

from pydantic import BaseModel, Field

from trellis_runtime import (
    DeclaredError,
    EventDescriptor,
    EventHeader,
    FeedDescriptor,
    JobDescriptor,
    OperationDescriptor,
    RpcDescriptor,
    SignalDescriptor,
)

CONTRACT_ID = "demo.shop@v1"
CONTRACT_DIGEST = "test-digest-not-computed"


class HelloInput(BaseModel):
    name: str = Field(min_length=1)


class HelloOutput(BaseModel):
    greeting: str
    caller: str


class NameRejectedData(BaseModel):
    reason: str


class NameRejectedError(DeclaredError):
    error_type = "NameRejectedError"
    data_model = NameRejectedData


HELLO = RpcDescriptor(
    key="Greeter.Hello",
    subject="rpc.v1.Greeter.Hello",
    input=HelloInput,
    output=HelloOutput,
    errors={"NameRejectedError": NameRejectedError},
    caller_capabilities=("demo.shop::greet",),
)


class OrderRef(BaseModel):
    id: str


class OrderChanged(BaseModel):
    order: OrderRef
    region: str
    status: str


ORDER_CHANGED = EventDescriptor(
    key="Order.Changed",
    subject="events.v1.Order.Changed.{/order/id}.{/region}",
    params=("/order/id", "/region"),
    event=OrderChanged,
)


class Shipped(BaseModel):
    """An event model with the typed header every Trellis event carries."""

    header: EventHeader = Field(default_factory=EventHeader.new)
    id: str
    carrier: str


SHIPPED = EventDescriptor(
    key="Order.Shipped",
    subject="events.v1.Order.Shipped.{/id}",
    params=("/id",),
    event=Shipped,
)


class RefundInput(BaseModel):
    amount: int = Field(gt=0)


class RefundProgress(BaseModel):
    step: str


class RefundResult(BaseModel):
    refund_id: str
    approved_by: str | None = None


class Approval(BaseModel):
    by: str


REFUND = OperationDescriptor(
    key="Billing.Refund",
    subject="operations.v1.Billing.Refund",
    input=RefundInput,
    progress=RefundProgress,
    output=RefundResult,
    signals={"approve": SignalDescriptor(name="approve", input=Approval)},
    cancel=True,
)

AUDIT = OperationDescriptor(
    key="Billing.Audit",
    subject="operations.v1.Billing.Audit",
    input=RefundInput,
    progress=None,
    output=RefundResult,
    cancel=False,
)


class TickerInput(BaseModel):
    count: int = Field(ge=0)


class Tick(BaseModel):
    n: int


TICKER = FeedDescriptor(
    key="Ticker.Watch", subject="feeds.v1.Ticker.Watch", input=TickerInput, event=Tick
)


class ChargeJob(BaseModel):
    operation_id: str
    amount: int


class ChargeResult(BaseModel):
    charged: bool


CHARGE = JobDescriptor(
    queue="refund-charge", payload=ChargeJob, result=ChargeResult, service=CONTRACT_ID
)
