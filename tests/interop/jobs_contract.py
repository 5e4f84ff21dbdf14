"""interop.jobs@v1: job queues worked by the reference runtime (tsProcess) or our SDK (py*).

The payload and result are the reference harness's (``documentId`` in; who processed it and the
job's request and trace ids echoed out), so a worker proves it saw the creator's context.
"""

from __future__ import annotations

from pydantic import BaseModel

from trellis_generate.authoring import Job, define_service_contract


class JobPayload(BaseModel):
    documentId: str


class JobResult(BaseModel):
    documentId: str
    processedBy: str
    requestId: str | None = None
    traceId: str | None = None
    traceparent: str | None = None


CONTRACT = define_service_contract(
    id="interop.jobs@v1",
    display_name="Interop Jobs",
    description="Jobs created by one runtime and worked by the other.",
    jobs={
        "tsProcess": Job(payload=JobPayload, result=JobResult, ack_wait_ms=5_000),
        "pyProcess": Job(payload=JobPayload, result=JobResult, ack_wait_ms=5_000),
        "pyFlaky": Job(
            payload=JobPayload, result=JobResult, max_deliver=2, backoff_ms=[50], ack_wait_ms=5_000
        ),
    },
)
