"""A worker killed with SIGKILL in the middle of a job: JetStream redelivers it once its ack wait
runs out, another worker process completes it, and it completes exactly once.

Real processes on the session's nats-server; the queue's ack wait is one second.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_runtime import Service, connect
from trellis_runtime.encoding import decode_json
from trellis_runtime.transport import Message

from .job_worker import WORK, Done, Work

pytestmark = pytest.mark.e2e
STEP = 20.0


async def spawn_worker(url: str, name: str, log: Path, *extra: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.faults.job_worker", url, name, str(log), *extra,
        cwd=PROJECT_ROOT, env=env, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), STEP)
    assert line.strip() == b"READY", line
    return proc


@pytest.fixture
async def workers() -> AsyncIterator[list[asyncio.subprocess.Process]]:
    procs: list[asyncio.subprocess.Process] = []
    yield procs
    for proc in procs:
        if proc.returncode is None:
            proc.kill()
        await proc.wait()


async def until(check: object, what: str) -> None:
    assert callable(check)
    deadline = time.monotonic() + STEP
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


async def test_a_job_of_a_killed_worker_is_redelivered_and_completed_once(
    nats_server: str, tmp_path: Path, workers: list[asyncio.subprocess.Process]
) -> None:
    name = f"faults{os.getpid()}{time.monotonic_ns() % 10**6}"
    log = tmp_path / "deliveries.log"
    log.touch()
    events: list[dict[str, object]] = []
    watcher = await connect(url=nats_server)

    async def on_event(message: Message) -> None:
        events.append(decode_json(message.data))

    await watcher.transport.subscribe(f"trellis.jobs.{name}.crunch.*.*", on_event)
    creator = Service(await connect(url=nats_server), name=name, contract_id="faults.jobs@v1",
                      contract_digest="faults")  # fmt: skip
    await creator.start()
    try:
        doomed = await spawn_worker(nats_server, name, log, "hang")
        workers.append(doomed)
        ref = await creator.job_queue(WORK).create(Work(item="precious"))
        await until(lambda: ref.id in log.read_text(), "the first worker to take the job")
        doomed.send_signal(signal.SIGKILL)  # mid-job: no ack, no nak, no lifecycle event
        await doomed.wait()
        killed_at = time.monotonic()

        rescuer = await spawn_worker(nats_server, name, log)
        workers.append(rescuer)
        done = await ref.wait(timeout=STEP)
        assert time.monotonic() - killed_at < STEP

        assert done.state == "completed"
        assert done.result == Done(item="precious", pid=rescuer.pid)
        assert done.tries == 2
        deliveries = [line.split() for line in log.read_text().splitlines()]
        assert deliveries == [
            ["start", str(doomed.pid), ref.id, "0"],
            ["start", str(rescuer.pid), ref.id, "1"],
        ]
        await asyncio.sleep(WORK.ack_wait_ms / 1000 * 1.5)  # no further delivery after the ack
        kinds = [e["eventType"] for e in events if e["jobId"] == ref.id]
        assert kinds == ["created", "started", "started", "completed"]
        assert len(log.read_text().splitlines()) == 2
    finally:
        await creator.stop(timeout=2)
        await creator.connection.close()
        await watcher.close()
