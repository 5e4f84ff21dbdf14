"""Jobs across runtimes: a job created by one side is worked by the other, over one nats-server.

The reference side is its real ``TrellisService`` (``service.jobs.<queue>.create/handle``,
``JobRef.wait/get/cancel``), bootstrapped by a stub that answers its HTTP bootstrap with the same
queue bindings our service derives locally (drivers/jobs.ts); our side is the SDK generated from
``jobs_contract.py``. Python creates the streams and consumers (a local run), as a deployment
would before either service starts.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trellis_runtime import ActiveJob, RetryJob
from trellis_runtime.jobs_queues import WORK_STREAM, binding_to_wire, local_binding, token

from .conftest import Deployment, Echo, generated_sdk
from .peer import Peer, RunningPeer

CONTRACT = Path(__file__).with_name("jobs_contract.py")
STEP = 30.0


@pytest.fixture(scope="module")
def jobs_sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Echo]:
    with generated_sdk(CONTRACT, tmp_path_factory.mktemp("interop-jobs-sdk")) as sdk:
        yield sdk


def bindings_of(sdk: Any, name: str) -> dict[str, Any]:
    """What the bootstrap stub gives the reference service: our local names for every queue."""
    namespace = token(name)
    queues = {
        desc.queue: binding_to_wire(local_binding(desc, namespace))
        for desc in (
            sdk.descriptors.JOB_PY_PROCESS,
            sdk.descriptors.JOB_PY_FLAKY,
            sdk.descriptors.JOB_TS_PROCESS,
        )
    }
    jobs = {"namespace": namespace, "workStream": WORK_STREAM, "queues": queues}
    return {"kv": {}, "store": {}, "jobs": jobs}


async def read_until(peer: RunningPeer, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """JSON lines of the reference peer, by their ``step`` (or ``handler``), until all came."""
    seen: dict[str, dict[str, Any]] = {}
    while not wanted <= seen.keys():
        (line,) = await peer.lines(1)
        seen[str(line.get("step") or line.get("handler") or line.get("steps"))] = line
    return seen


async def test_jobs_created_by_one_runtime_are_worked_by_the_other(
    deployment: Deployment, jobs_sdk: Echo, peer_build: Path, nats_server: str, tmp_path: Path
) -> None:
    sdk, models = jobs_sdk.sdk, jobs_sdk.sdk.models
    name = f"interop-jobs-{time.monotonic_ns() % 10**8}"
    service = sdk.Service(await deployment.connect(), name=name)
    service.runtime.jobs_runtime.poll = 0.5
    py_cancelled: list[bool] = []

    @service.jobs.py_process.handle
    async def py_process(job: ActiveJob[Any, Any]) -> Any:
        if job.payload.documentId == "py-active-cancel":
            await asyncio.wait_for(job.until_cancelled(), STEP)
            py_cancelled.append(job.cancelled)
        await job.progress(step="process", current=1, total=1)
        return models.JobResult(
            documentId=job.payload.documentId,
            processedBy="py",
            requestId=job.context.request_id,
            traceId=job.context.trace_id,
            traceparent=job.context.traceparent,
        )

    @service.jobs.py_flaky.handle
    async def py_flaky(job: ActiveJob[Any, Any]) -> Any:
        raise RetryJob(f"flaky on try {job.tries}")

    await service.start()
    bindings = tmp_path / "bindings.json"
    bindings.write_text(json.dumps(bindings_of(sdk, name)), encoding="utf-8")
    peer = Peer(peer_build, jobs_sdk.manifest, nats_server, entry="jobs")
    steps = (
        "create:pyProcess:from-ts",
        "cancel:pyProcess:py-active-cancel",
        "create:pyFlaky:doomed",
    )
    try:
        async with peer.running("serve", str(bindings), name, *steps, ready="READY") as ts:
            # ours -> theirs: created here, worked by the reference worker
            ref = await service.jobs.ts_process.create(models.JobPayload(documentId="from-py"))
            done = await ref.wait(timeout=STEP)
            # ours cancels a job the reference is running
            running = await service.jobs.ts_process.create(
                models.JobPayload(documentId="ts-active-cancel")
            )
            async with asyncio.timeout(STEP):
                while (await running.get()).state != "active":
                    await asyncio.sleep(0.02)
            cancelled = await running.cancel()
            lines = await read_until(ts, {*steps, "cancelled", "done"})
    finally:
        await service.stop(timeout=2)

    assert done.state == "completed" and done.tries == 1
    assert done.result == models.JobResult(
        documentId="from-py",
        processedBy="ts",
        requestId=done.context.request_id,
        traceId=done.context.trace_id,
        traceparent=done.context.traceparent,
    )
    assert done.progress is not None and done.progress.message == "ts processing"
    assert [(log.level, log.message) for log in done.logs] == [("info", "ts processed")]
    assert cancelled.state == "cancelled"
    assert lines["cancelled"]["id"] == running.id  # the reference handler saw our cancel
    assert (await running.get()).state == "cancelled"

    # theirs -> ours: created by the reference service, worked here, awaited there
    created = lines["create:pyProcess:from-ts"]["terminal"]
    assert created["state"] == "completed" and created["service"] == token(name)
    assert created["result"]["processedBy"] == "py"
    assert created["result"]["requestId"] == created["context"]["requestId"]
    assert created["result"]["traceparent"] == created["context"]["traceparent"]
    assert created["progress"] == {"step": "process", "current": 1, "total": 1}
    # the reference cancels a job we are running; our handler sees it cooperatively
    their_cancel = lines["cancel:pyProcess:py-active-cancel"]
    assert their_cancel["active"]["state"] == "active"
    assert their_cancel["cancelled"]["state"] == "cancelled"
    assert py_cancelled == [True]
    # a job the reference created ends in our dead letters; its JobRef.wait sees it there
    dead = lines["create:pyFlaky:doomed"]["terminal"]
    assert (dead["state"], dead["tries"]) == ("dead", 2)
    assert dead["lastError"] == "max deliveries exceeded (2): flaky on try 2"
