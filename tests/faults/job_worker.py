"""A worker process of one job queue, for the SIGKILL fault test.

    python -m tests.faults.job_worker NATS_URL SERVICE_NAME LOG_FILE [hang]

Prints ``READY`` once it works the queue. Every delivery it takes is appended to ``LOG_FILE``
(``start <pid> <job id> <redelivery count>``); with ``hang`` it then never returns (a worker that
is killed mid-job), else it completes the job with its pid as the result.
"""

from __future__ import annotations

import asyncio
import os
import sys

from pydantic import BaseModel

from trellis_runtime import ActiveJob, JobDescriptor, Service, connect


class Work(BaseModel):
    item: str


class Done(BaseModel):
    item: str
    pid: int


WORK: JobDescriptor[Work, Done] = JobDescriptor(
    queue="crunch", payload=Work, result=Done, service="faults.jobs@v1", ack_wait_ms=1_000
)


async def main(url: str, name: str, log_file: str, hang: bool) -> None:
    conn = await connect(url=url)
    service = Service(conn, name=name, contract_id="faults.jobs@v1", contract_digest="faults")

    async def crunch(job: ActiveJob[Work, Done]) -> Done:
        with open(log_file, "a", encoding="utf-8") as log:
            log.write(f"start {os.getpid()} {job.id} {job.redelivery_count}\n")
        if hang:
            await asyncio.Event().wait()
        return Done(item=job.payload.item, pid=os.getpid())

    service.handle_job(WORK, crunch)
    await service.start()
    print("READY", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:] == ["hang"]))
