"""Heartbeats and the standard health RPC between our generated SDK and the reference runtime.

A reference subscriber of ``Health.Heartbeat`` (the reference's client, listening with the
``trellis.health@v1`` manifest) receives the heartbeats our service publishes and checks each
against the reference's own ``HealthHeartbeatSchema``; the reference's ``ServiceHealth`` builds
a heartbeat for the same checks as ours, and both must agree on every field but the runtime's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest

from tests.conftest import REAL_MANIFESTS
from trellis_runtime import HealthCheck, HealthInfo, ServiceHealth

from .conftest import PROJECT_ROOT, Deployment, Echo, generated_sdk
from .files_service import build
from .peer import Peer

HEALTH_MANIFEST = REAL_MANIFESTS / "trellis.health@v1.json"
FILES_CONTRACT = PROJECT_ROOT / "tests" / "interop" / "files_contract.py"


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Echo]:
    with generated_sdk(FILES_CONTRACT, tmp_path_factory.mktemp("interop-files")) as sdk:
        yield sdk


@pytest.fixture
def health_peer(peer_build: Path, nats_server: str) -> Peer:
    if not HEALTH_MANIFEST.is_file():
        pytest.skip(f"the trellis.health@v1 manifest is not at {HEALTH_MANIFEST}")
    return Peer(peer_build, HEALTH_MANIFEST, nats_server, entry="health")


def _at(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


async def test_a_reference_subscriber_receives_python_heartbeats_at_their_interval(
    deployment: Deployment, files: Echo, health_peer: Peer
) -> None:
    async with health_peer.running("listen", "3", ready="LISTENING") as listener:
        service = build(files.sdk, await deployment.connect(), stored=[], heartbeat_interval=0.4)
        await service.start()
        try:
            lines = await listener.lines(3)
        finally:
            await service.stop()
    for line in lines:
        assert line["valid"], line["errors"]
        assert line["subject"] == "events.v1.Health.Heartbeat"
    events = [line["event"] for line in lines]
    first = events[0]["service"]
    assert (first["name"], first["kind"]) == ("files", "service")
    assert (first["contractId"], first["contractDigest"]) == (
        files.sdk.CONTRACT_ID,
        files.sdk.CONTRACT_DIGEST,
    )
    assert first["publishIntervalMs"] == 400
    assert first["runtime"] == "unknown" and first["runtimeVersion"].startswith("python ")
    assert {e["service"]["instanceId"] for e in events} == {first["instanceId"]}
    assert len({e["header"]["id"] for e in events}) == 3
    assert [c["name"] for c in events[0]["checks"]] == ["nats"]
    assert events[0]["status"] == "healthy"
    # one right away at start, then one per interval
    gaps = [_at(b["header"]["time"]) - _at(a["header"]["time"]) for a, b in pairwise(events)]
    assert all(0.3 <= gap <= 1.5 for gap in gaps), gaps


async def test_python_heartbeats_agree_with_the_reference_heartbeat_for_the_same_checks(
    health_peer: Peer,
) -> None:
    (reference,) = await health_peer.run("reference")
    health = ServiceHealth(
        service_name="ref-files",
        contract_id="interop.files@v1",
        contract_digest="digest",
        publish_interval=1.5,
    )
    health.set_info(HealthInfo(version="1.2.3", info={"region": "eu"}))
    health.add("db", lambda: HealthCheck.ok("pool ready", engine="pg"))

    def cache() -> bool:
        raise RuntimeError("cache down")

    health.add("cache", cache)
    ours = await health.heartbeat()
    theirs = reference["heartbeat"]
    for block in (ours["service"], theirs["service"]):
        for varying in ("instanceId", "startedAt", "runtime", "runtimeVersion"):
            block.pop(varying)
    for checks in (ours["checks"], theirs["checks"]):
        for check in checks:
            check.pop("latencyMs")
    ours["checks"][1]["info"]["errorType"] = "Error"  # Python's RuntimeError is JS's Error
    assert ours == theirs
    assert list(ours) == list(theirs)  # same keys, in the same order
    response = await health.response()
    assert response["status"] == reference["response"]["status"] == "degraded"


async def test_the_reference_client_gets_the_standard_health_rpc_answer(
    deployment: Deployment, files: Echo, peer_build: Path, nats_server: str
) -> None:
    service = build(files.sdk, await deployment.connect(), stored=[])
    failing = service.health.add("db", lambda: HealthCheck.failed("db unreachable"))
    await service.start()
    try:
        transfer = Peer(peer_build, files.manifest, nats_server, entry="transfer")
        (degraded,) = await transfer.run("client", "health")
        failing()
        (healthy,) = await transfer.run("client", "health")
    finally:
        await service.stop()
    assert degraded["ok"] and degraded["valid"], degraded
    assert degraded["response"]["service"] == "files"
    assert degraded["response"]["status"] == "degraded"
    by_name = {c["name"]: c for c in degraded["response"]["checks"]}
    assert by_name["nats"]["status"] == "ok"
    assert by_name["db"]["status"] == "failed" and by_name["db"]["summary"] == "db unreachable"
    assert by_name["db"]["info"]["contractId"] == files.sdk.CONTRACT_ID
    assert healthy["valid"] and healthy["response"]["status"] == "healthy"
