"""Bootstrap over the in-memory transport and a real nats-server: a service connected to a
deployment asks ``Trellis.Bindings.Get`` for its contract's bindings before it serves.

``LocalBindings`` (trellis_runtime.local) stands in for the deployment's answer.
"""

from __future__ import annotations

import pytest

from trellis_runtime import (
    Bindings,
    BootstrapError,
    InMemoryTransport,
    KvBinding,
    NoResponders,
    Service,
    StoreBinding,
    connect,
)
from trellis_runtime.bindings import BINDINGS_GET_SUBJECT, JobQueueBinding
from trellis_runtime.local import LocalBindings

from .demo_contract import CONTRACT_DIGEST, CONTRACT_ID, HELLO, HelloInput
from .network import Network
from .test_runtime_suite import hello

BOUND = Bindings(
    CONTRACT_ID,
    CONTRACT_DIGEST,
    kv={"orders": KvBinding("svc_abc_orders", history=5, ttl_ms=0, max_value_bytes=4096)},
    store={"uploads": StoreBinding("svc_abc_uploads", ttl_ms=0, max_object_bytes=1024)},
    jobs_namespace="demo",
    jobs_work_stream="JOBS_WORK",
    jobs={
        "charge": JobQueueBinding(
            queue_type="charge",
            publish_prefix="trellis.jobs.demo.charge",
            work_subject="trellis.work.demo.charge",
            consumer_name="demo-charge",
            payload_schema="ChargeJob",
            result_schema=None,
            max_deliver=3,
            backoff_ms=(100, 200),
            ack_wait_ms=1000,
            default_deadline_ms=None,
            progress=True,
            logs=False,
            dlq=True,
            concurrency=2,
        )
    },
)


async def bootstrapping(net: Network, table: LocalBindings | None) -> Service:
    if table is not None:
        await table.serve(await net.connect())
    return Service(
        await net.connect(),
        name="shop",
        contract_id=CONTRACT_ID,
        contract_digest=CONTRACT_DIGEST,
        bootstrap=True,
    )


async def test_the_service_receives_its_bindings_before_it_serves(network: Network) -> None:
    table = LocalBindings({CONTRACT_DIGEST: BOUND})
    svc = await bootstrapping(network, table)
    svc.handle_rpc(HELLO, hello)
    assert svc.bindings is None
    await svc.start()
    try:
        out = await (await network.connect()).request(HELLO, HelloInput(name="ann"))
    finally:
        await svc.stop()
        await table.stop()
    assert svc.bindings == BOUND
    assert svc.bindings.store["uploads"].name == "svc_abc_uploads"
    assert svc.bindings.jobs["charge"].backoff_ms == (100, 200)
    # it presented the contract and digest it serves, signed as any request
    assert table.requests == [{"contractId": CONTRACT_ID, "digest": CONTRACT_DIGEST}]
    assert out.greeting.startswith("hello")


async def test_bindings_round_trip_through_the_wire_shape() -> None:
    assert Bindings.from_wire(BOUND.to_wire()) == BOUND


async def test_no_binding_for_the_digest_refuses_to_serve(network: Network) -> None:
    table = LocalBindings({"another-digest": BOUND})
    svc = await bootstrapping(network, table)
    svc.handle_rpc(HELLO, hello)
    with pytest.raises(BootstrapError) as refused:
        await svc.start()
    await table.stop()
    assert f"could not bootstrap contract '{CONTRACT_ID}' ({CONTRACT_DIGEST})" in str(refused.value)
    # nothing was subscribed
    client = await network.connect()
    client.no_responder_retries = 0
    with pytest.raises(NoResponders):
        await client.request(HELLO, HelloInput(name="ann"))


async def test_a_binding_for_another_contract_refuses_to_serve(network: Network) -> None:
    wrong = Bindings("demo.other@v1", CONTRACT_DIGEST)
    table = LocalBindings({CONTRACT_DIGEST: wrong})
    svc = await bootstrapping(network, table)
    with pytest.raises(BootstrapError) as refused:
        await svc.start()
    await table.stop()
    assert "received bindings for 'demo.other@v1'" in str(refused.value)


async def test_without_a_deployment_bootstrap_fails_loudly(network: Network) -> None:
    svc = await bootstrapping(network, None)
    svc.connection.no_responder_retries = 0
    with pytest.raises(BootstrapError) as refused:
        await svc.start()
    assert "Underlying error" in str(refused.value)


async def test_a_local_service_is_not_bound_and_asks_nobody(network: Network) -> None:
    seen: list[str] = []
    spy = await network.connect()

    async def on_request(message: object) -> None:
        seen.append("asked")

    await spy.transport.subscribe(BINDINGS_GET_SUBJECT, on_request)  # type: ignore[arg-type]
    svc = Service(
        await network.connect(),
        name="shop",
        contract_id=CONTRACT_ID,
        contract_digest=CONTRACT_DIGEST,
    )
    await svc.start()
    await svc.stop()
    assert svc.bindings is None and seen == []


async def test_a_connection_that_presented_the_digest_bootstraps_by_default() -> None:
    memory = InMemoryTransport()
    table = await LocalBindings({CONTRACT_DIGEST: BOUND}).serve(
        await connect(transport=memory.peer())
    )
    conn = await connect(transport=memory.peer(), contract_digest=CONTRACT_DIGEST)
    svc = Service(conn, name="shop", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST)
    await svc.start()
    await svc.stop()
    await table.stop()
    assert svc.bindings == BOUND


async def test_a_connection_presenting_another_digest_refuses_to_serve() -> None:
    memory = InMemoryTransport()
    conn = await connect(transport=memory.peer(), contract_digest="some-other-digest")
    svc = Service(conn, name="shop", contract_id=CONTRACT_ID, contract_digest=CONTRACT_DIGEST)
    with pytest.raises(BootstrapError) as refused:
        await svc.start()
    assert "connected with contract digest some-other-digest" in str(refused.value)


async def test_an_unsigned_bindings_request_is_refused_by_the_stand_in(network: Network) -> None:
    from trellis_runtime.encoding import decode_json, encode_json

    table = await LocalBindings({CONTRACT_DIGEST: BOUND}).serve(await network.connect())
    conn = await network.connect()
    reply = await conn.transport.request(
        BINDINGS_GET_SUBJECT, encode_json({"digest": CONTRACT_DIGEST}), timeout=5
    )
    await table.stop()
    assert reply.header("status") == "error"
    assert decode_json(reply.data)["reason"] == "missing_session_key"
