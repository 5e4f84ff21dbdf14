"""Resource bindings: which bucket, store and job queue a deployment gave each alias.

A contract names its resources by alias (``resources.kv.orders``); the deployment provisions
them and tells the service the real names through ``Trellis.Bindings.Get`` (trellis.core@v1)
before it serves. Locally (no deployment) a service derives names itself, as the reference
runtime does for local runs. The shapes here are the Bindings.Get response's.

``Service.start()`` bootstraps first (``fetch_bindings``) when the service is connected to a
deployment, so every handle sees its bindings before the first request is served.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .connection import Connection


@dataclass(frozen=True)
class KvBinding:
    bucket: str
    history: int
    ttl_ms: int
    max_value_bytes: int | None = None


@dataclass(frozen=True)
class StoreBinding:
    name: str
    ttl_ms: int
    max_object_bytes: int | None = None
    max_total_bytes: int | None = None


@dataclass(frozen=True)
class JobQueueBinding:
    queue_type: str
    publish_prefix: str
    work_subject: str
    consumer_name: str
    payload_schema: str
    result_schema: str | None
    max_deliver: int
    backoff_ms: tuple[int, ...]
    ack_wait_ms: int
    default_deadline_ms: int | None
    progress: bool
    logs: bool
    dlq: bool
    concurrency: int


@dataclass(frozen=True)
class Bindings:
    """What ``Trellis.Bindings.Get`` answered for one contract digest."""

    contract_id: str
    digest: str
    kv: Mapping[str, KvBinding] = field(default_factory=dict)
    store: Mapping[str, StoreBinding] = field(default_factory=dict)
    jobs_namespace: str | None = None
    jobs_work_stream: str | None = None
    jobs: Mapping[str, JobQueueBinding] = field(default_factory=dict)
    event_consumers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_wire(cls, binding: Mapping[str, Any]) -> Bindings:
        resources: Mapping[str, Any] = binding.get("resources") or {}
        kv = {
            alias: KvBinding(
                b["bucket"], int(b["history"]), int(b["ttlMs"]), b.get("maxValueBytes")
            )
            for alias, b in (resources.get("kv") or {}).items()
        }
        store = {
            alias: StoreBinding(
                b["name"], int(b["ttlMs"]), b.get("maxObjectBytes"), b.get("maxTotalBytes")
            )
            for alias, b in (resources.get("store") or {}).items()
        }
        jobs_section: Mapping[str, Any] = resources.get("jobs") or {}
        jobs = {
            queue: JobQueueBinding(
                queue_type=q["queueType"],
                publish_prefix=q["publishPrefix"],
                work_subject=q["workSubject"],
                consumer_name=q["consumerName"],
                payload_schema=q["payload"]["schema"],
                result_schema=(q.get("result") or {}).get("schema"),
                max_deliver=int(q["maxDeliver"]),
                backoff_ms=tuple(int(ms) for ms in q["backoffMs"]),
                ack_wait_ms=int(q["ackWaitMs"]),
                default_deadline_ms=q.get("defaultDeadlineMs"),
                progress=bool(q["progress"]),
                logs=bool(q["logs"]),
                dlq=bool(q["dlq"]),
                concurrency=int(q["concurrency"]),
            )
            for queue, q in (jobs_section.get("queues") or {}).items()
        }
        return cls(
            contract_id=str(binding["contractId"]),
            digest=str(binding["digest"]),
            kv=kv,
            store=store,
            jobs_namespace=jobs_section.get("namespace"),
            jobs_work_stream=jobs_section.get("workStream"),
            jobs=jobs,
            event_consumers=dict(resources.get("eventConsumers") or {}),
        )

    def to_wire(self) -> dict[str, Any]:
        """The ``binding`` object of a Bindings.Get answer (what ``from_wire`` reads)."""
        kv: dict[str, Any] = {}
        for alias, k in self.kv.items():
            kv[alias] = {"bucket": k.bucket, "history": k.history, "ttlMs": k.ttl_ms}
            if k.max_value_bytes is not None:
                kv[alias]["maxValueBytes"] = k.max_value_bytes
        store: dict[str, Any] = {}
        for alias, st in self.store.items():
            store[alias] = {"name": st.name, "ttlMs": st.ttl_ms}
            if st.max_object_bytes is not None:
                store[alias]["maxObjectBytes"] = st.max_object_bytes
            if st.max_total_bytes is not None:
                store[alias]["maxTotalBytes"] = st.max_total_bytes
        resources: dict[str, Any] = {"kv": kv, "store": store}
        if self.jobs_namespace is not None:
            queues: dict[str, Any] = {}
            for name, q in self.jobs.items():
                queue: dict[str, Any] = {
                    "queueType": q.queue_type,
                    "publishPrefix": q.publish_prefix,
                    "workSubject": q.work_subject,
                    "consumerName": q.consumer_name,
                    "payload": {"schema": q.payload_schema},
                    "maxDeliver": q.max_deliver,
                    "backoffMs": list(q.backoff_ms),
                    "ackWaitMs": q.ack_wait_ms,
                    "progress": q.progress,
                    "logs": q.logs,
                    "dlq": q.dlq,
                    "concurrency": q.concurrency,
                }
                if q.result_schema is not None:
                    queue["result"] = {"schema": q.result_schema}
                if q.default_deadline_ms is not None:
                    queue["defaultDeadlineMs"] = q.default_deadline_ms
                queues[name] = queue
            jobs: dict[str, Any] = {"namespace": self.jobs_namespace, "queues": queues}
            if self.jobs_work_stream is not None:
                jobs["workStream"] = self.jobs_work_stream
            resources["jobs"] = jobs
        if self.event_consumers:
            resources["eventConsumers"] = {k: dict(v) for k, v in self.event_consumers.items()}
        return {"contractId": self.contract_id, "digest": self.digest, "resources": resources}


# ----- bootstrap: asking the deployment ---------------------------------------------------------

BINDINGS_GET_SUBJECT = "rpc.v1.Trellis.Bindings.Get"


class BootstrapError(Exception):
    """The deployment did not give this service the bindings of the contract it serves."""


def _state_error(name: str, contract_id: str, digest: str, cause: str | None = None) -> str:
    # the reference runtime's wording, so operators see the same advice from either runtime
    text = (
        f"Service '{name}' could not bootstrap contract '{contract_id}' ({digest}) during "
        "bindings lookup. This usually means Trellis has stale or incomplete state for this "
        "service session. Accept the pending deployment authority plan or re-run authority "
        "reconciliation so Trellis records current permissions and resource bindings for this "
        "instance key."
    )
    return text + (f" Underlying error: {cause}" if cause else "")


async def fetch_bindings(
    connection: Connection, name: str, contract_id: str, digest: str
) -> Bindings:
    """Ask ``Trellis.Bindings.Get`` (trellis.core@v1) for this contract's bindings.

    The request names the contract and the digest the service serves; the answer must be the
    binding of exactly that contract and digest.
    """
    from .errors import TrellisError
    from .platform.trellis_core_v1 import descriptors, models

    request = models.TrellisBindingsGetRequest.model_validate(
        {"contractId": contract_id, "digest": digest}
    )
    try:
        answer = await connection.request(descriptors.RPC_TRELLIS_BINDINGS_GET, request)
    except TrellisError as exc:
        raise BootstrapError(_state_error(name, contract_id, digest, exc.message)) from exc
    body = answer.model_dump(mode="json", by_alias=True, exclude_none=True)
    binding = body.get("binding")
    if not binding:
        raise BootstrapError(_state_error(name, contract_id, digest))
    if binding.get("contractId") != contract_id or binding.get("digest") != digest:
        raise BootstrapError(
            f"Service '{name}' received bindings for '{binding.get('contractId', 'unknown')}' "
            f"({binding.get('digest', 'unknown')}) while bootstrapping '{contract_id}' "
            f"({digest}). Re-run the service deployment apply or instance provisioning flow so "
            "Trellis records the correct active contract for this instance key."
        )
    return Bindings.from_wire(binding)
