"""§9.4: the service permission rules (`getService{Publish,Subscribe}SubjectsForContracts` of
the runtime's `catalog/permissions.ts`) for the service implementing a contract.

Subjects known only at connect time carry the `<session>` placeholder: the first 16 characters
of the service's session key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..core.subjects import control_subject, template_to_wildcard
from ..model import ContractModel, SurfaceKind
from .actions import is_download, is_upload, use_actions
from .listing import PermissionRule, ServicePermissions, SurfaceRef
from .order import dedupe
from .resolve import ResolvedUse

SESSION = "<session>"
JOBS_CONTRACT_ID = "trellis.jobs@v1"
AUTH_VALIDATE_SUBJECT = "rpc.v1.Auth.Requests.Validate"


def _kv_publish_subjects(bucket: str) -> tuple[str, ...]:
    """`getKvPermissionGrants(bucket, {allowCreate: true}).publish`."""
    stream = f"KV_{bucket}"
    return (
        "$JS.API.INFO",
        f"$KV.{bucket}.>",
        f"$JS.API.STREAM.INFO.{stream}",
        f"$JS.API.STREAM.CREATE.{stream}",
        f"$JS.API.STREAM.MSG.GET.{stream}",
        f"$JS.API.DIRECT.GET.{stream}",
        f"$JS.API.DIRECT.GET.{stream}.>",
        f"$JS.API.CONSUMER.CREATE.{stream}",
        f"$JS.API.CONSUMER.CREATE.{stream}.>",
        f"$JS.API.CONSUMER.INFO.{stream}.>",
        f"$JS.API.CONSUMER.DELETE.{stream}.>",
        f"$JS.API.CONSUMER.MSG.NEXT.{stream}.>",
        f"$JS.API.$KV.{bucket}.>",
        f"$JS.ACK.{stream}.>",
    )


def _jobs_admin_subjects() -> tuple[str, ...]:
    """`jobsAdminRuntimePublishSubjects()`."""
    streams = ("JOBS", "JOBS_ADVISORIES")
    out = ["trellis.jobs.>", "$JS.API.INFO"]
    for stream in streams:
        out += [
            f"$JS.API.STREAM.INFO.{stream}",
            f"$JS.API.CONSUMER.CREATE.{stream}.>",
            f"$JS.API.CONSUMER.DURABLE.CREATE.{stream}.>",
            f"$JS.API.CONSUMER.INFO.{stream}.>",
            f"$JS.API.CONSUMER.MSG.NEXT.{stream}.>",
            f"$JS.ACK.{stream}.>",
        ]
    out += ["$JS.API.STREAM.INFO.JOBS_WORK", "$JS.API.STREAM.MSG.GET.JOBS_WORK"]
    return tuple(dedupe([*out, *_kv_publish_subjects("JOBS_WORKER_PRESENCE")]))


def _used_rules(uses: Iterable[ResolvedUse]) -> Iterator[PermissionRule]:
    for use in uses:
        for action, caps, grants in use_actions(use):
            ref = SurfaceRef(use.contract_id, use.kind, use.name, action)
            for grant in grants:
                yield PermissionRule(grant.direction, grant.subject, caps, ref)


def _runtime_publish(contract: ContractModel) -> list[PermissionRule]:
    """What the service runtime itself publishes to, whatever the contract declares."""
    operations_bucket = f"trellis_operations_{SESSION}"
    out = [
        PermissionRule("publish", s, (), None, True, "the session's operation state store")
        for s in _kv_publish_subjects(operations_bucket)
    ]
    out.append(
        PermissionRule(
            "publish", AUTH_VALIDATE_SUBJECT, (), None, True, "validating callers' requests"
        )
    )
    if contract.id == JOBS_CONTRACT_ID:
        why = "the Jobs admin runtime, when the digest is the runtime's built-in trellis.jobs@v1"
        out += [PermissionRule("publish", s, (), None, True, why) for s in _jobs_admin_subjects()]
    return out


def _owned_subscribe(contract: ContractModel) -> list[PermissionRule]:
    """What the service subscribes to in order to answer its own surfaces."""

    def rule(subject: str, kind: SurfaceKind, name: str, action: str) -> PermissionRule:
        ref = SurfaceRef(contract.id, kind, name, action)
        return PermissionRule("subscribe", subject, (), ref, True)

    out: list[PermissionRule] = []
    for name, rpc in contract.rpcs.items():
        out.append(rule(template_to_wildcard(rpc.subject), "rpc", name, "call"))
    for name, op in contract.operations.items():
        control = template_to_wildcard(control_subject(op.subject))
        out.append(rule(template_to_wildcard(op.subject), "operation", name, "call"))
        out.append(rule(control, "operation", name, "observe"))
        if op.cancel:
            out.append(rule(control, "operation", name, "cancel"))
    for name, feed in contract.feeds.items():
        out.append(rule(template_to_wildcard(feed.subject), "feed", name, "subscribe"))
    for name, op in contract.operations.items():
        if is_upload(op):
            out.append(rule(f"transfer.v1.upload.{SESSION}.*", "operation", name, "call"))
    for name, rpc in contract.rpcs.items():
        if is_download(rpc):
            out.append(rule(f"transfer.v1.download.{SESSION}.*", "rpc", name, "call"))
    return out


def service_permissions(contract: ContractModel, uses: Iterable[ResolvedUse]) -> ServicePermissions:
    """Rules of `getService{Publish,Subscribe}SubjectsForContracts` for the implementing service."""
    used = list(_used_rules(uses))
    publish = [
        PermissionRule(
            "publish",
            template_to_wildcard(event.subject),
            (),
            SurfaceRef(contract.id, "event", name, "publish"),
        )
        for name, event in contract.events.items()
    ]
    publish += [r for r in used if r.direction == "publish"]
    publish += _runtime_publish(contract)

    subscribe = _owned_subscribe(contract)
    for name, event in contract.events.items():
        ref = SurfaceRef(contract.id, "event", name, "subscribe")
        subject = template_to_wildcard(event.subject)
        subscribe.append(
            PermissionRule("subscribe", subject, event.capabilities.of("subscribe"), ref)
        )
    subscribe += [r for r in used if r.direction == "subscribe"]
    return ServicePermissions(tuple(publish), tuple(subscribe))
