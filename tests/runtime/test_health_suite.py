"""Health over the in-memory transport and a real nats-server: heartbeats, checks, the health RPC.

Heartbeat bodies are checked against the ``HealthHeartbeat`` schema of the real
``trellis.health@v1`` manifest (from ../shared), not against our own models.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, Literal

import jsonschema
import pytest
from pydantic import BaseModel

from tests.conftest import REAL_MANIFESTS, read_json
from trellis_runtime import (
    HealthCheck,
    HealthInfo,
    InMemoryTransport,
    RpcContext,
    RpcDescriptor,
    Service,
    ServiceHealth,
    UnexpectedError,
    connect,
)
from trellis_runtime.encoding import decode_json
from trellis_runtime.health import HeartbeatPublisher
from trellis_runtime.transport import Message

from .demo_contract import CONTRACT_DIGEST, CONTRACT_ID
from .network import Network

STEP = 5.0
HEARTBEAT_SUBJECT = "events.v1.Health.Heartbeat"
HEALTH_MANIFEST = REAL_MANIFESTS / "trellis.health@v1.json"


def heartbeat_schema() -> dict[str, Any]:
    if not HEALTH_MANIFEST.is_file():
        pytest.skip(f"the trellis.health@v1 manifest is not at {HEALTH_MANIFEST}")
    schema: dict[str, Any] = read_json(HEALTH_MANIFEST)["schemas"]["HealthHeartbeat"]
    return schema


class Heartbeats:
    """Every heartbeat on the subject, as raw messages."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def on_message(self, message: Message) -> None:
        self.messages.append(message)

    @property
    def bodies(self) -> list[dict[str, Any]]:
        return [decode_json(m.data) for m in self.messages]

    async def wait_for(self, count: int) -> list[dict[str, Any]]:
        async with asyncio.timeout(STEP):
            while len(self.messages) < count:
                await asyncio.sleep(0.01)
        return self.bodies


async def listen(net: Network) -> Heartbeats:
    beats = Heartbeats()
    conn = await net.connect()
    await conn.transport.subscribe(HEARTBEAT_SUBJECT, beats.on_message)
    await conn.transport.flush()
    return beats


async def service(
    net: Network, *, interval: float = 30.0, register: Callable[[Service], None] | None = None
) -> Service:
    svc = Service(
        await net.connect(), name="shop", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST
    )
    svc.enable_heartbeats(interval=interval)
    if register is not None:
        register(svc)
    await svc.start()
    return svc


async def test_a_heartbeat_goes_out_at_start_in_the_reference_shape(network: Network) -> None:
    beats = await listen(network)
    svc = await service(network)
    try:
        (body,) = await beats.wait_for(1)
    finally:
        await svc.stop()
    jsonschema.validate(body, heartbeat_schema())
    message = beats.messages[0]
    assert body["header"]["id"] == message.header("Nats-Msg-Id")
    assert set(body) == {"header", "service", "status", "checks"}
    service_block = body["service"]
    assert service_block["name"] == "shop"
    assert (service_block["contractId"], service_block["contractDigest"]) == (
        CONTRACT_ID,
        CONTRACT_DIGEST,
    )
    assert service_block["instanceId"] == svc.health.instance_id
    assert service_block["startedAt"] == svc.health.started_at
    assert service_block["publishIntervalMs"] == 30_000
    assert body["status"] == "healthy" and "summary" not in body
    assert body["checks"][0]["name"] == "nats" and body["checks"][0]["status"] == "ok"


async def test_heartbeats_repeat_at_the_interval_until_stop(network: Network) -> None:
    beats = await listen(network)
    svc = await service(network, interval=0.15)
    bodies = await beats.wait_for(3)
    await svc.stop()
    assert {b["service"]["instanceId"] for b in bodies} == {svc.health.instance_id}
    assert len({b["header"]["id"] for b in bodies}) == len(bodies)
    assert bodies[0]["service"]["publishIntervalMs"] == 150
    after_stop = len(beats.messages)
    await asyncio.sleep(0.5)
    assert len(beats.messages) == after_stop


async def test_author_checks_and_info_shape_the_heartbeat(network: Network) -> None:
    beats = await listen(network)

    def register(svc: Service) -> None:
        svc.health.set_info(HealthInfo(version="2.1.0", info={"region": "eu-1"}))
        svc.health.add("db", lambda: HealthCheck.ok("pool ready", engine="pg"))

        async def queue() -> bool:
            return False

        svc.health.add("queue", queue)

    svc = await service(network, register=register)
    try:
        (body,) = await beats.wait_for(1)
    finally:
        await svc.stop()
    jsonschema.validate(body, heartbeat_schema())
    assert body["service"]["version"] == "2.1.0"
    assert body["service"]["info"] == {"region": "eu-1"}
    assert body["status"] == "degraded"
    assert body["summary"] == "1 check failing"
    checks = {c["name"]: c for c in body["checks"]}
    assert checks["db"]["summary"] == "pool ready" and checks["db"]["info"] == {"engine": "pg"}
    # a failed check says which service, contract and digest failed
    assert checks["queue"]["status"] == "failed"
    assert checks["queue"]["info"] == {
        "service": "shop",
        "contractId": CONTRACT_ID,
        "contractDigest": CONTRACT_DIGEST,
    }


async def test_a_raising_check_fails_without_stopping_the_heartbeat(network: Network) -> None:
    beats = await listen(network)

    def register(svc: Service) -> None:
        def broken() -> HealthCheck:
            raise ConnectionError("db refused the connection")

        svc.health.add("db", broken)

        def typed() -> bool:
            raise UnexpectedError()

        svc.health.add("typed", typed)

    svc = await service(network, interval=0.1, register=register)
    try:
        bodies = await beats.wait_for(2)
    finally:
        await svc.stop()
    checks = {c["name"]: c for c in bodies[-1]["checks"]}
    assert checks["db"]["status"] == "failed"
    assert checks["db"]["error"] == checks["db"]["summary"] == "db refused the connection"
    assert checks["db"]["info"]["errorType"] == "ConnectionError"
    assert checks["typed"]["info"]["errorType"] == "UnexpectedError"
    assert isinstance(checks["typed"]["info"]["errorId"], str)
    assert bodies[-1]["status"] == "degraded"  # nats still passes


async def test_a_removed_check_is_no_longer_run(network: Network) -> None:
    beats = await listen(network)
    calls: list[str] = []

    def register(svc: Service) -> None:
        def db() -> bool:
            calls.append("db")
            return False

        remove = svc.health.add("db", db)
        remove()

    svc = await service(network, register=register)
    try:
        (body,) = await beats.wait_for(1)
    finally:
        await svc.stop()
    assert [c["name"] for c in body["checks"]] == ["nats"] and calls == []


async def test_every_check_failing_is_unhealthy_and_a_closed_connection_fails_nats() -> None:
    memory = InMemoryTransport()
    conn = await connect(transport=memory.peer())
    svc = Service(conn, name="shop", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST)
    assert (await svc.health.response())["status"] == "healthy"
    await conn.close()
    response = await svc.health.response()
    assert response["status"] == "unhealthy"
    (nats,) = response["checks"]
    assert (nats["status"], nats["summary"]) == ("failed", "NATS connection closed")


async def test_a_heartbeat_that_cannot_be_published_does_not_stop_the_service() -> None:
    memory = InMemoryTransport()
    memory.broker.streams.clear()  # no `trellis` stream: every event publish is refused
    conn = await connect(transport=memory.peer())
    svc = Service(conn, name="shop", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST)
    svc.enable_heartbeats(interval=0.05)
    await svc.start()
    await asyncio.sleep(0.2)
    assert svc._heartbeats is not None and svc._heartbeats.published == 0
    await svc.stop()


async def test_stop_ends_heartbeats_even_when_a_publish_swallows_the_cancellation() -> None:
    """Python 3.11's wait_for returns a reply that lands together with the cancellation."""
    conn = await connect(transport=InMemoryTransport().peer())
    health = ServiceHealth(service_name="shop", contract_id=CONTRACT_ID, contract_digest="d")
    health.publish_interval = 0.01
    publishing = asyncio.Event()

    class Swallowing(HeartbeatPublisher):
        async def publish_once(self) -> None:
            self.published += 1
            if self.published > 1:  # the loop's publishes, not start()'s
                publishing.set()
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.sleep(STEP)

    heartbeats = Swallowing(health, conn)
    await heartbeats.start()
    await asyncio.wait_for(publishing.wait(), STEP)
    await asyncio.wait_for(heartbeats.stop(), STEP)


class HealthRequest(BaseModel):
    pass


class CheckResult(BaseModel):
    name: str
    status: Literal["ok", "failed"]
    summary: str | None = None
    error: str | None = None
    info: dict[str, Any] | None = None
    latencyMs: float


class HealthResponse(BaseModel):
    status: Literal["healthy", "unhealthy", "degraded"]
    service: str
    timestamp: str
    checks: list[CheckResult]


SHOP_HEALTH = RpcDescriptor(
    key="Shop.Health",
    subject="rpc.v1.Shop.Health",
    input=HealthRequest,
    output=HealthResponse,
)


async def test_the_standard_health_rpc_answers_for_the_service_name(network: Network) -> None:
    def register(svc: Service) -> None:
        svc.health.add("db", lambda: HealthCheck.failed("db down"))
        svc.mount_standard_health({"Shop.Health": SHOP_HEALTH, "Other.Health": SHOP_HEALTH})

    svc = await service(network, register=register)
    try:
        client = await network.connect()
        answer = await client.request(SHOP_HEALTH, HealthRequest())
    finally:
        await svc.stop()
    assert (answer.service, answer.status) == ("shop", "degraded")
    assert [c.name for c in answer.checks] == ["nats", "db"]
    assert answer.checks[1].summary == "db down"


async def test_an_author_health_handler_wins_over_the_standard_one(network: Network) -> None:
    async def mine(_: HealthRequest, ctx: RpcContext) -> HealthResponse:
        return HealthResponse(status="healthy", service="mine", timestamp="t", checks=[])

    def register(svc: Service) -> None:
        svc.handle_rpc(SHOP_HEALTH, mine)
        svc.mount_standard_health({"Shop.Health": SHOP_HEALTH})

    svc = await service(network, register=register)
    try:
        answer = await (await network.connect()).request(SHOP_HEALTH, HealthRequest())
    finally:
        await svc.stop()
    assert answer.service == "mine"


def test_the_standard_health_rpc_is_named_like_the_reference_names_it() -> None:
    from trellis_runtime.health import standard_health_rpc

    assert standard_health_rpc("billing") == "Billing.Health"
    assert standard_health_rpc("jobs-admin") == "JobsAdmin.Health"
    assert standard_health_rpc("refpeer_echo svc") == "RefpeerEchoSvc.Health"


async def test_health_summary_counts_failing_checks() -> None:
    health = ServiceHealth(service_name="s", contract_id="c@v1", contract_digest="d")
    health.add("a", lambda: False)
    health.add("b", lambda: False)
    health.add("c", lambda: True)
    body = await health.heartbeat()
    assert (body["status"], body["summary"]) == ("degraded", "2 checks failing")
