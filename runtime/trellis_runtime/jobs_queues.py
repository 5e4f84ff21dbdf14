"""Where a job queue lives: the deployment's binding, or the reference's local naming.

A deployment answers ``Trellis.Bindings.Get`` with a jobs section (namespace, work stream, and per
queue ``publishPrefix``, ``workSubject``, ``consumerName`` and the effective settings); the
service uses it as given. Without a deployment (``Service.bindings is None``: tests, a laptop)
the names are derived the way the reference's bindings spell them, from the service name::

    namespace     <service>                       (subject-unsafe characters become "_")
    publishPrefix trellis.jobs.<service>.<queue>
    workSubject   trellis.work.<service>.<queue>
    consumerName  <service>-<queue>
    workStream    JOBS_WORK

and the settings are the contract's (``JobDescriptor``), runtime defaults applied.

The shared streams are the reference's (``design/jobs/trellis-jobs.md``): ``JOBS`` holds every
lifecycle event, ``JOBS_WORK`` (work queue) sources the ``created`` and ``retried`` events of
``JOBS`` with the subject transform to ``trellis.work.<service>.<type>``, ``JOBS_ADVISORIES``
captures JetStream's max-deliveries advisories of ``JOBS_WORK``. A deployment provisions them;
``local_stream_configs`` is what a local run creates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .bindings import Bindings, JobQueueBinding
from .descriptors import JobDescriptor
from .errors import TransportError

JOBS_STREAM = "JOBS"
WORK_STREAM = "JOBS_WORK"
ADVISORY_STREAM = "JOBS_ADVISORIES"
ADVISORY_PREFIX = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES"

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def token(name: str) -> str:
    """``name`` as one subject token and consumer-name part (``.``, ``*``, ``>``... become _)."""
    return _UNSAFE.sub("_", name) or "_"


@dataclass(frozen=True)
class ResolvedQueue:
    """One queue, with the names and settings the runtime uses for it."""

    namespace: str
    work_stream: str
    binding: JobQueueBinding
    bound: bool  # from a deployment's bindings (else derived locally)

    @property
    def queue(self) -> str:
        return self.binding.queue_type

    def lifecycle_subject(self, job_id: str, event_type: str) -> str:
        return f"{self.binding.publish_prefix}.{job_id}.{event_type}"

    @property
    def lifecycle_filter(self) -> str:
        """Every lifecycle event of every job of the queue."""
        return f"{self.binding.publish_prefix}.*.*"

    @property
    def cancel_filter(self) -> str:
        return f"{self.binding.publish_prefix}.*.cancelled"

    def job_filter(self, job_id: str) -> str:
        """Every lifecycle event of one job (for "the latest event" reads)."""
        return f"{self.binding.publish_prefix}.{job_id}.*"

    def worker_heartbeat_subject(self, instance_id: str) -> str:
        queue, instance = token(self.queue), token(instance_id)
        return f"trellis.jobs.workers.{self.namespace}.{queue}.{instance}.heartbeat"

    @property
    def advisory_subject(self) -> str:
        return f"{ADVISORY_PREFIX}.{self.work_stream}.{self.binding.consumer_name}"


def local_binding(desc: JobDescriptor[Any, Any], namespace: str) -> JobQueueBinding:
    queue = token(desc.queue)
    return JobQueueBinding(
        queue_type=desc.queue,
        publish_prefix=f"trellis.jobs.{namespace}.{queue}",
        work_subject=f"trellis.work.{namespace}.{queue}",
        consumer_name=f"{namespace}-{queue}",
        payload_schema=desc.payload_schema or desc.payload.__name__,
        result_schema=desc.result_schema
        or (desc.result.__name__ if desc.result is not None else None),
        max_deliver=desc.max_deliver,
        backoff_ms=tuple(desc.backoff_ms),
        ack_wait_ms=desc.ack_wait_ms,
        default_deadline_ms=desc.default_deadline_ms,
        progress=desc.progress,
        logs=desc.logs,
        dlq=desc.dlq,
        concurrency=desc.concurrency,
    )


def resolve_queue(
    desc: JobDescriptor[Any, Any], service_name: str, bindings: Bindings | None
) -> ResolvedQueue:
    """The queue as bound by the deployment, or named locally when there is no deployment.

    A deployment that bound this service but not this queue is an error (the reference refuses
    to create or work such a job): its contract and the deployment disagree.
    """
    if bindings is None:
        namespace = token(service_name)
        return ResolvedQueue(namespace, WORK_STREAM, local_binding(desc, namespace), bound=False)
    queue = bindings.jobs.get(desc.queue)
    if queue is None or bindings.jobs_namespace is None:
        raise TransportError(
            "trellis.jobs.unbound",
            f"The deployment bound no jobs queue '{desc.queue}' for this service.",
            "Deploy the contract version that declares this queue, or remove the queue.",
            context={"queue": desc.queue, "contractId": bindings.contract_id},
        )
    return ResolvedQueue(
        bindings.jobs_namespace, bindings.jobs_work_stream or WORK_STREAM, queue, bound=True
    )


def binding_to_wire(queue: JobQueueBinding) -> dict[str, Any]:
    """A queue binding in the ``Trellis.Bindings.Get`` shape (for local bootstrap stand-ins)."""
    wire: dict[str, Any] = {
        "queueType": queue.queue_type,
        "publishPrefix": queue.publish_prefix,
        "workSubject": queue.work_subject,
        "consumerName": queue.consumer_name,
        "payload": {"schema": queue.payload_schema},
        "maxDeliver": queue.max_deliver,
        "backoffMs": list(queue.backoff_ms),
        "ackWaitMs": queue.ack_wait_ms,
        "progress": queue.progress,
        "logs": queue.logs,
        "dlq": queue.dlq,
        "concurrency": queue.concurrency,
    }
    if queue.result_schema is not None:
        wire["result"] = {"schema": queue.result_schema}
    if queue.default_deadline_ms is not None:
        wire["defaultDeadlineMs"] = queue.default_deadline_ms
    return wire


def local_stream_configs(work_stream: str = WORK_STREAM) -> list[dict[str, Any]]:
    """The three shared streams as JetStream stream configurations (local runs create them).

    ``JOBS`` allows direct gets: workers read a job's latest lifecycle event before working it.
    The sources use ``subject_transforms`` (nats-server rejects the design document's
    ``subject_transform_dest`` key as unknown).
    """
    transform = [
        {
            "name": JOBS_STREAM,
            "subject_transforms": [
                {"src": f"trellis.jobs.*.*.*.{kind}", "dest": "trellis.work.$1.$2"}
            ],
        }
        for kind in ("created", "retried")
    ]
    return [
        {
            "name": JOBS_STREAM,
            "subjects": ["trellis.jobs.>"],
            "retention": "limits",
            "storage": "file",
            "discard": "old",
            "allow_direct": True,
        },
        {
            "name": work_stream,
            "subjects": ["trellis.work.>"],
            "retention": "workqueue",
            "storage": "file",
            "sources": transform,
        },
        {
            "name": ADVISORY_STREAM,
            "subjects": [f"{ADVISORY_PREFIX}.{work_stream}.>"],
            "retention": "limits",
            "storage": "file",
            "max_age": 7 * 24 * 3600 * 1_000_000_000,
        },
    ]
