"""The pure parts of jobs: events, the snapshot reducer, naming, delays; and the wire shapes
checked against the platform's own schemas (trellis.jobs@v1 ``Job``, trellis.core@v1 bindings)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from tests.conftest import REAL_MANIFESTS, read_json, requires_shared
from trellis_runtime import JobDescriptor, ValidationError, new_job_context
from trellis_runtime.bindings import Bindings
from trellis_runtime.jobs_model import (
    apply_event,
    created,
    deadline_after,
    event,
    job_from_work_event,
    parse_event,
    typed_snapshot,
)
from trellis_runtime.jobs_queues import binding_to_wire, local_binding, resolve_queue, token
from trellis_runtime.jobs_worker import retry_delay
from trellis_runtime.jobstream import _parse_ack_subject
from trellis_runtime.jobstream_memory import _transform

NOW = "2026-03-28T13:00:00.000Z"


class Doc(BaseModel):
    documentId: str


class Out(BaseModel):
    ok: bool


DESC: JobDescriptor[Doc, Out] = JobDescriptor(
    queue="refresh.Summaries", payload=Doc, result=Out, service="t@v1", default_deadline_ms=1500
)


def new_job() -> tuple[dict[str, Any], dict[str, Any]]:
    return created(
        job_id="job-1",
        service="svc",
        job_type="refresh",
        context=new_job_context(),
        payload={"documentId": "d"},
        max_tries=5,
        now=NOW,
        deadline=deadline_after(NOW, 1500),
    )


def test_a_new_job_context_is_a_valid_fresh_trace_unless_one_is_given() -> None:
    fresh = new_job_context()
    assert fresh.traceparent.startswith("00-") and fresh.traceparent.endswith("-01")
    assert fresh.trace_id == fresh.traceparent[3:35] and len(fresh.request_id) == 26
    given = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    assert new_job_context(given, "a=b").traceparent == given
    zero = "00-00000000000000000000000000000000-b7ad6b7169203331-01"
    assert new_job_context(zero).traceparent != zero  # an all-zero trace is invalid
    assert new_job_context("garbage", "a=b").tracestate is None


def test_the_created_event_carries_payload_tries_and_deadline() -> None:
    job, ev = new_job()
    assert ev["eventType"] == "created" and ev["state"] == "pending" and "previousState" not in ev
    assert (ev["payload"], ev["tries"], ev["maxTries"]) == ({"documentId": "d"}, 0, 5)
    assert ev["deadline"] == "2026-03-28T13:00:01.500Z" == job["deadline"]
    assert job_from_work_event(ev) == job
    assert job_from_work_event({**ev, "eventType": "started"}) is None


def test_the_reducer_follows_the_lifecycle_and_a_terminal_state_wins() -> None:
    job, _ = new_job()
    started = event(job, "started", "active", now=NOW, tries=1, previous="pending")
    job = apply_event(job, started)
    job = apply_event(job, event(job, "progress", "active", now=NOW, progress={"current": 1}))
    log = {"timestamp": NOW, "level": "info", "message": "m"}
    job = apply_event(job, event(job, "logged", "active", now=NOW, logs=[log]))
    job = apply_event(job, event(job, "logged", "active", now=NOW, logs=[log]))
    assert (job["state"], job["startedAt"], job["progress"], len(job["logs"])) == (
        "active",
        NOW,
        {"current": 1},
        2,
    )
    done = apply_event(job, event(job, "completed", "completed", now=NOW, result={"ok": True}))
    assert (done["state"], done["result"], done["completedAt"]) == ("completed", {"ok": True}, NOW)
    late = apply_event(done, event(done, "expired", "expired", now=NOW, error="late"))
    assert late == done  # execution-terminal states take precedence
    other = apply_event(job, {**event(job, "failed", "failed", now=NOW), "jobId": "job-2"})
    assert other == job  # another job's event changes nothing


def test_typed_snapshots_validate_the_payload_and_result() -> None:
    job, _ = new_job()
    snap = typed_snapshot({**job, "state": "completed", "result": {"ok": True}}, Doc, Out)
    assert (snap.payload, snap.result, snap.terminal) == (Doc(documentId="d"), Out(ok=True), True)
    with pytest.raises(ValidationError) as raised:
        typed_snapshot({**job, "result": {"ok": "not a bool"}}, Doc, Out)
    assert raised.value.context["what"] == "job refresh result"


def test_only_well_formed_lifecycle_events_are_parsed() -> None:
    _, ev = new_job()
    assert parse_event(b'{"not":"an event"}') is None and parse_event(b"\xff") is None
    assert parse_event(b'{"jobId":"x"}') is None
    from trellis_runtime.encoding import encode_json

    assert parse_event(encode_json(ev)) == ev
    assert parse_event(encode_json({**ev, "eventType": "exploded"})) is None


def test_retry_delays_follow_the_backoff_and_repeat_its_last_entry() -> None:
    assert [retry_delay((100, 250), n) for n in (1, 2, 3, 9)] == [0.1, 0.25, 0.25, 0.25]
    assert retry_delay((), 1) is None


def test_local_names_are_the_references_with_unsafe_characters_replaced() -> None:
    queue = resolve_queue(DESC, "my billing.svc", None)
    assert (queue.namespace, queue.work_stream, queue.bound) == (
        "my_billing_svc",
        "JOBS_WORK",
        False,
    )
    b = queue.binding
    assert b.publish_prefix == "trellis.jobs.my_billing_svc.refresh_Summaries"
    assert b.work_subject == "trellis.work.my_billing_svc.refresh_Summaries"
    assert b.consumer_name == "my_billing_svc-refresh_Summaries"
    assert (b.queue_type, b.max_deliver, b.ack_wait_ms, b.default_deadline_ms) == (
        "refresh.Summaries",
        5,
        300_000,
        1500,
    )
    assert queue.lifecycle_subject("J", "created") == f"{b.publish_prefix}.J.created"
    assert queue.advisory_subject == (
        "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.JOBS_WORK.my_billing_svc-refresh_Summaries"
    )
    assert token("") == "_" and token("a*b>c d") == "a_b_c_d"


def test_jetstream_ack_subjects_and_subject_transforms_are_read_like_the_server() -> None:
    assert _parse_ack_subject("$JS.ACK.JOBS_WORK.svc-q.3.17.40.1700000000000000000.0") == (3, 17)
    v2 = "$JS.ACK.hub.ACCHASH.JOBS_WORK.svc-q.2.9.11.1700000000000000000.0.r4nd0m"
    assert _parse_ack_subject(v2) == (2, 9)
    transform = ("trellis.jobs.*.*.*.created", "trellis.work.$1.$2")
    assert _transform(*transform, "trellis.jobs.svc.q.J1.created") == "trellis.work.svc.q"
    assert _transform(*transform, "trellis.jobs.svc.q.J1.started") is None


@requires_shared
def test_job_snapshots_are_the_jobs_contracts_job_shape() -> None:
    schema = read_json(REAL_MANIFESTS / "trellis.jobs@v1.json")["schemas"]["Job"]
    job, _ = new_job()
    job = apply_event(job, event(job, "started", "active", now=NOW, tries=1))
    job = apply_event(job, event(job, "progress", "active", now=NOW, progress={"current": 0}))
    job = apply_event(job, event(job, "failed", "failed", now=NOW, error="boom"))
    jsonschema.validate(job, schema, format_checker=jsonschema.FormatChecker())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**job, "state": "exploded"}, schema)


@requires_shared
def test_queue_bindings_are_the_core_contracts_bindings_shape() -> None:
    response = read_json(REAL_MANIFESTS / "trellis.core@v1.json")["schemas"]
    binding_schema = response["TrellisBindingsGetResponse"]["properties"]["binding"]
    wire = binding_to_wire(local_binding(DESC, "svc"))
    binding = {
        "contractId": "t@v1",
        "digest": "abc",
        "resources": {"jobs": {"namespace": "svc", "workStream": "JOBS_WORK",
                               "queues": {DESC.queue: wire}}},
    }  # fmt: skip
    jsonschema.validate(binding, binding_schema)
    # and it reads back as the same binding
    assert Bindings.from_wire(binding).jobs[DESC.queue] == local_binding(DESC, "svc")
