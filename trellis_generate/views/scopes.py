"""Permission derivation (reference-generator.md §9, contract-spec.md §7) as pure functions.

A scope listing says, for one normalized manifest plus the manifests it `uses`, which NATS
subjects and which capabilities every surface needs. It mirrors the reference runtime:

- `nats_publish` / `nats_subscribe`: the owner-centric rule table of `analyzeContract` (§9.2),
  in the reference's order (rpc, then operations, then events, each sorted by subject);
- `approval`: the caller approval scopes of `planUserContractApproval` (§9.3), app/agent only;
- `service`: the service permission rules of `catalog/permissions.ts` (§9.4), service/device only;
- `surfaces`: per owned or used surface and action, its all-of capabilities and subjects.

Two deliberate departures from the runtime, because a listing is reviewed before deployment:
unresolvable `uses` are reported (`unresolved`, required ones are blockers) instead of throwing,
and subjects known only at connect time are shown with the `<session>` placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..core.subjects import control_subject, template_to_wildcard

Manifest = Mapping[str, Any]
SurfaceKind = Literal["rpc", "operation", "event", "feed"]
Direction = Literal["publish", "subscribe"]
Role = Literal["owned", "used"]

SERVICE_CAPABILITY = "service"
SESSION = "<session>"  # first 16 characters of the service's session key, known at connect time
TRANSFER_UPLOAD_ANY = "transfer.v1.upload.*.*"
TRANSFER_DOWNLOAD_ANY = "transfer.v1.download.*.*"
JOBS_CONTRACT_ID = "trellis.jobs@v1"
AUTH_VALIDATE_SUBJECT = "rpc.v1.Auth.Requests.Validate"

# Manifest section holding each surface kind, and the `uses` selector that picks it.
_SECTION: dict[SurfaceKind, str] = {
    "rpc": "rpc",
    "operation": "operations",
    "event": "events",
    "feed": "feeds",
}
_USE_SELECTORS: tuple[tuple[SurfaceKind, str], ...] = (
    ("rpc", "call"),
    ("operation", "call"),
    ("event", "publish"),
    ("event", "subscribe"),
    ("feed", "subscribe"),
)
_SURFACE_LABEL: dict[SurfaceKind, str] = {
    "rpc": "RPC",
    "operation": "operation",
    "event": "event",
    "feed": "feed",
}


# --- ordering -------------------------------------------------------------------------------

# The ASCII order of ICU's root collation (what `String.prototype.localeCompare` uses in the
# runtime): whitespace, punctuation and symbols in this order, digits, then letters.
_ICU_ASCII_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz"
_PRIMARY = {ch: i for i, ch in enumerate(_ICU_ASCII_ORDER)}


def locale_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key reproducing JS `a.localeCompare(b)` (ICU root collation) for ASCII text.

    Letters compare case-insensitively first (`a < A < b < B`); only when two strings are
    equal ignoring case does lowercase sort before uppercase, at the first differing letter.
    Punctuation sorts before digits and digits before letters. Non-ASCII characters sort after
    all ASCII by code point, an approximation (real subjects and capability keys are ASCII).
    """
    primary = tuple(_PRIMARY.get(ch.lower(), len(_PRIMARY) + ord(ch)) for ch in text)
    tertiary = tuple(1 if ch.isupper() else 0 for ch in text)
    return primary, tertiary


def sort_unique(values: Iterable[str]) -> tuple[str, ...]:
    """The runtime's `sortUniqueStrings`."""
    return tuple(sorted(set(values), key=locale_key))


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


# --- view objects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SurfaceRef:
    """One authority surface, as the runtime names it: `{contractId, kind, name, action}`."""

    contract_id: str
    kind: SurfaceKind
    name: str
    action: str


@dataclass(frozen=True)
class NatsRule:
    """A row of the owner-centric rule table (§9.2)."""

    kind: str
    subject: str
    wildcard_subject: str
    required_capabilities: tuple[str, ...]


@dataclass(frozen=True)
class Grant:
    direction: Direction
    subject: str


@dataclass(frozen=True)
class SurfaceAction:
    """What one action on one surface needs: all of `capabilities`, and the `grants` subjects.

    `grants` is empty for operation signals: `capabilities.control` yields no NATS grant of its
    own (signals travel on the control subject the observe rule already grants).
    """

    surface: SurfaceRef
    role: Role
    alias: str | None
    required: bool | None  # for used surfaces: declared under `uses.required`
    capabilities: tuple[str, ...]
    grants: tuple[Grant, ...]


@dataclass(frozen=True)
class CapabilityInfo:
    """A capability with the metadata of the contract that owns it (`source`; None = fallback)."""

    key: str
    display_name: str
    description: str
    consequence: str | None
    source: str | None


@dataclass(frozen=True)
class Unresolved:
    """A `uses` entry that cannot be resolved against the available manifests."""

    alias: str
    contract_id: str
    required: bool
    kind: SurfaceKind | None  # None when the whole dependency contract is missing
    name: str | None
    message: str


@dataclass(frozen=True)
class ApprovalScopes:
    """What a user approves for an app or agent contract (§9.3)."""

    publish_subjects: tuple[str, ...]
    subscribe_subjects: tuple[str, ...]
    capabilities: tuple[CapabilityInfo, ...]


@dataclass(frozen=True)
class PermissionRule:
    """A service permission rule (§9.4).

    The session is granted `subject` when it holds every `required_capabilities` entry, and the
    `service` capability too when `requires_service` is set. `condition` explains grants that
    depend on more than capabilities.
    """

    direction: Direction
    subject: str
    required_capabilities: tuple[str, ...]
    surface: SurfaceRef | None
    requires_service: bool = False
    condition: str | None = None


@dataclass(frozen=True)
class ServicePermissions:
    publish: tuple[PermissionRule, ...]
    subscribe: tuple[PermissionRule, ...]


@dataclass(frozen=True)
class ScopeListing:
    contract_id: str
    kind: str
    display_name: str
    description: str
    digest: str
    nats_publish: tuple[NatsRule, ...]
    nats_subscribe: tuple[NatsRule, ...]
    surfaces: tuple[SurfaceAction, ...]
    capabilities: tuple[CapabilityInfo, ...]
    approval: ApprovalScopes | None
    service: ServicePermissions | None
    unresolved: tuple[Unresolved, ...]

    @property
    def blockers(self) -> tuple[Unresolved, ...]:
        return tuple(u for u in self.unresolved if u.required)


# --- capability helpers (permissions.ts) ------------------------------------------------------


def _caps(spec: Mapping[str, Any], action: str) -> tuple[str, ...]:
    return tuple((spec.get("capabilities") or {}).get(action) or ())


def observe_capabilities(operation: Mapping[str, Any]) -> tuple[str, ...]:
    """`capabilities.observe ?? capabilities.call ?? []` (an explicit empty list is kept)."""
    caps = operation.get("capabilities") or {}
    if "observe" in caps:
        return tuple(caps["observe"])
    return tuple(caps.get("call") or ())


def cancel_capabilities(operation: Mapping[str, Any]) -> tuple[str, ...] | None:
    """Cancel caps exist only when `cancel` is true and `capabilities.cancel` is defined."""
    caps = operation.get("capabilities") or {}
    if not operation.get("cancel") or "cancel" not in caps:
        return None
    return tuple(caps["cancel"])


def _transfer(spec: Mapping[str, Any]) -> str | None:
    transfer = spec.get("transfer") or {}
    direction = transfer.get("direction")
    return str(direction) if direction is not None else None


def _items(manifest: Manifest, kind: SurfaceKind) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Surfaces of one kind in canonical key order (what a parsed canonical manifest yields)."""
    section = manifest.get(_SECTION[kind]) or {}
    for name in sorted(section):
        yield name, section[name]


# --- §9.2 owner-centric table -----------------------------------------------------------------


def _rule(kind: str, subject: str, caps: Iterable[str]) -> NatsRule:
    return NatsRule(kind, subject, template_to_wildcard(subject), tuple(caps))


def _by_subject(
    items: Iterator[tuple[str, Mapping[str, Any]]],
) -> list[tuple[str, Mapping[str, Any]]]:
    return sorted(items, key=lambda item: locale_key(str(item[1]["subject"])))


def analyze_nats(manifest: Manifest) -> tuple[tuple[NatsRule, ...], tuple[NatsRule, ...]]:
    """`analyzeContract(...).nats`: publish and subscribe rules in the reference's order."""
    publish: list[NatsRule] = []
    subscribe: list[NatsRule] = []
    service = (SERVICE_CAPABILITY,)
    for _, rpc in _by_subject(_items(manifest, "rpc")):
        publish.append(_rule("rpc:call", rpc["subject"], _caps(rpc, "call")))
    for _, rpc in _by_subject(_items(manifest, "rpc")):
        subscribe.append(_rule("rpc:handle", rpc["subject"], service))
    for _, op in _by_subject(_items(manifest, "operation")):
        control = control_subject(op["subject"])
        publish.append(_rule("operation:call", op["subject"], _caps(op, "call")))
        for _action in ("get", "wait", "watch"):
            publish.append(_rule("operation:control", control, observe_capabilities(op)))
        cancel = cancel_capabilities(op)
        if cancel is not None:
            publish.append(_rule("operation:control", control, cancel))
        subscribe.append(_rule("operation:handle", op["subject"], service))
        subscribe.append(_rule("operation:control", control, service))
    for _, event in _by_subject(_items(manifest, "event")):
        publish.append(_rule("event:publish", event["subject"], _caps(event, "publish")))
        subscribe.append(_rule("event:subscribe", event["subject"], _caps(event, "subscribe")))
    return tuple(publish), tuple(subscribe)


# --- per-surface actions ----------------------------------------------------------------------


def _actions(
    kind: SurfaceKind, spec: Mapping[str, Any]
) -> list[tuple[str, tuple[str, ...], tuple[Grant, ...]]]:
    """(action, all-of capabilities, subjects) for every caller action on one surface."""
    subject = template_to_wildcard(str(spec["subject"]))
    if kind == "rpc":
        grants = [Grant("publish", subject)]
        if _transfer(spec) == "receive":
            grants.append(Grant("publish", TRANSFER_DOWNLOAD_ANY))
        return [("call", _caps(spec, "call"), tuple(grants))]
    if kind == "operation":
        control = (Grant("publish", template_to_wildcard(control_subject(spec["subject"]))),)
        call = [Grant("publish", subject)]
        if _transfer(spec) == "send":
            call.append(Grant("publish", TRANSFER_UPLOAD_ANY))
        out = [
            ("call", _caps(spec, "call"), tuple(call)),
            ("observe", observe_capabilities(spec), control),
        ]
        cancel = cancel_capabilities(spec)
        if cancel is not None:
            out.append(("cancel", cancel, control))
        if spec.get("signals"):
            out.append(("signal", _caps(spec, "control"), ()))
        return out
    if kind == "event":
        return [
            ("publish", _caps(spec, "publish"), (Grant("publish", subject),)),
            ("subscribe", _caps(spec, "subscribe"), (Grant("subscribe", subject),)),
        ]
    return [("subscribe", _caps(spec, "subscribe"), (Grant("publish", subject),))]


@dataclass(frozen=True)
class ResolvedUse:
    """One surface selected through `uses`, found in the dependency's manifest."""

    alias: str
    required: bool
    contract_id: str
    kind: SurfaceKind
    selector: str  # call | publish | subscribe
    name: str
    spec: Mapping[str, Any]
    owner: Manifest


def _use_groups(manifest: Manifest) -> Iterator[tuple[str, bool, Mapping[str, Any]]]:
    """Required aliases first, then optional aliases not also required (`resolveContractUses`)."""
    uses = manifest.get("uses") or {}
    required = uses.get("required") or {}
    optional = uses.get("optional") or {}
    for alias in sorted(required):
        yield alias, True, required[alias]
    for alias in sorted(optional):
        if alias not in required:
            yield alias, False, optional[alias]


def resolve_uses(
    manifest: Manifest, deps: Mapping[str, Manifest]
) -> tuple[tuple[ResolvedUse, ...], tuple[Unresolved, ...]]:
    """Resolve `uses` against `deps` (contract id → manifest), collecting what cannot be found."""
    resolved: list[ResolvedUse] = []
    unresolved: list[Unresolved] = []
    for alias, required, use in _use_groups(manifest):
        contract_id = str(use["contract"])
        target = deps.get(contract_id)
        if target is None:
            unresolved.append(
                Unresolved(
                    alias,
                    contract_id,
                    required,
                    None,
                    None,
                    f"Dependency '{alias}' references unknown contract '{contract_id}'",
                )
            )
            continue
        for kind, selector in _USE_SELECTORS:
            names = ((use.get(_SECTION[kind]) or {}).get(selector)) or ()
            section = target.get(_SECTION[kind]) or {}
            for name in _dedupe(names):
                if name not in section:
                    unresolved.append(
                        Unresolved(
                            alias,
                            contract_id,
                            required,
                            kind,
                            name,
                            f"Dependency '{alias}' references missing {_SURFACE_LABEL[kind]} "
                            f"'{name}' on '{contract_id}'",
                        )
                    )
                    continue
                resolved.append(
                    ResolvedUse(
                        alias, required, contract_id, kind, selector, name, section[name], target
                    )
                )
    return tuple(resolved), tuple(unresolved)


def _use_actions(use: ResolvedUse) -> list[tuple[str, tuple[str, ...], tuple[Grant, ...]]]:
    """The actions a `uses` selector grants: events split into publish/subscribe."""
    actions = _actions(use.kind, use.spec)
    if use.kind == "event":
        return [a for a in actions if a[0] == use.selector]
    return actions


def surface_actions(manifest: Manifest, uses: Iterable[ResolvedUse]) -> tuple[SurfaceAction, ...]:
    """Every caller action on every owned surface, then on every used surface."""
    own_id = str(manifest["id"])
    out: list[SurfaceAction] = []
    for kind in _SECTION:
        for name, spec in _items(manifest, kind):
            for action, caps, grants in _actions(kind, spec):
                out.append(
                    SurfaceAction(
                        SurfaceRef(own_id, kind, name, action), "owned", None, None, caps, grants
                    )
                )
    for use in uses:
        for action, caps, grants in _use_actions(use):
            ref = SurfaceRef(use.contract_id, use.kind, use.name, action)
            out.append(SurfaceAction(ref, "used", use.alias, use.required, caps, grants))
    return tuple(out)


# --- capability metadata ----------------------------------------------------------------------


def capability_info(key: str, owner: Manifest | None) -> CapabilityInfo:
    """Metadata from the owning contract, or the runtime's fallback."""
    meta = ((owner or {}).get("capabilities") or {}).get(key)
    if meta is None or owner is None:
        return CapabilityInfo(key, key, f"Requires {key}.", None, None)
    consequence = meta.get("consequence")
    return CapabilityInfo(
        key,
        str(meta["displayName"]),
        str(meta["description"]),
        str(consequence) if consequence else None,
        str(owner["id"]),
    )


class _CapabilityCollector:
    """First owner wins, as in `planUserContractApproval`'s `addCapability`."""

    def __init__(self) -> None:
        self._seen: dict[str, CapabilityInfo] = {}

    def add(self, keys: Iterable[str], owner: Manifest) -> None:
        for key in keys:
            if key not in self._seen:
                self._seen[key] = capability_info(key, owner)

    def sorted(self) -> tuple[CapabilityInfo, ...]:
        return tuple(self._seen[k] for k in sort_unique(self._seen))


# --- §9.3 caller approval ---------------------------------------------------------------------


def approval_scopes(manifest: Manifest, uses: Iterable[ResolvedUse]) -> ApprovalScopes:
    """`planUserContractApproval` for an app or agent contract."""
    publish: set[str] = set()
    subscribe: set[str] = set()
    caps = _CapabilityCollector()
    for _, event in _items(manifest, "event"):
        publish.add(template_to_wildcard(event["subject"]))
        caps.add(_caps(event, "publish"), manifest)
    for _, rpc in _items(manifest, "rpc"):
        if _transfer(rpc) == "receive":
            publish.add(TRANSFER_DOWNLOAD_ANY)
    for _, op in _items(manifest, "operation"):
        if _transfer(op) == "send":
            publish.add(TRANSFER_UPLOAD_ANY)
    for use in uses:
        for action, needed, grants in _use_actions(use):
            for grant in grants:
                (publish if grant.direction == "publish" else subscribe).add(grant.subject)
            if action != "signal":  # control caps are not part of the approval (§9.3)
                caps.add(needed, use.owner)
    return ApprovalScopes(sort_unique(publish), sort_unique(subscribe), caps.sorted())


# --- §9.4 service permissions -----------------------------------------------------------------


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
    return tuple(_dedupe([*out, *_kv_publish_subjects("JOBS_WORKER_PRESENCE")]))


def _used_rules(uses: Iterable[ResolvedUse]) -> Iterator[PermissionRule]:
    for use in uses:
        for action, caps, grants in _use_actions(use):
            ref = SurfaceRef(use.contract_id, use.kind, use.name, action)
            for grant in grants:
                yield PermissionRule(grant.direction, grant.subject, caps, ref)


def service_permissions(manifest: Manifest, uses: Iterable[ResolvedUse]) -> ServicePermissions:
    """Rules of `getService{Publish,Subscribe}SubjectsForContracts` for the implementing service."""
    own_id = str(manifest["id"])
    uses = tuple(uses)
    used = list(_used_rules(uses))
    publish: list[PermissionRule] = []
    subscribe: list[PermissionRule] = []

    def owned(kind: SurfaceKind, name: str, action: str) -> SurfaceRef:
        return SurfaceRef(own_id, kind, name, action)

    for name, event in _items(manifest, "event"):
        subject = template_to_wildcard(event["subject"])
        publish.append(PermissionRule("publish", subject, (), owned("event", name, "publish")))
    publish += [r for r in used if r.direction == "publish"]
    operations_bucket = f"trellis_operations_{SESSION}"
    publish += [
        PermissionRule("publish", s, (), None, True, "the session's operation state store")
        for s in _kv_publish_subjects(operations_bucket)
    ]
    publish.append(
        PermissionRule(
            "publish", AUTH_VALIDATE_SUBJECT, (), None, True, "validating callers' requests"
        )
    )
    if own_id == JOBS_CONTRACT_ID:
        publish += [
            PermissionRule(
                "publish",
                s,
                (),
                None,
                True,
                "the Jobs admin runtime, when the digest is the runtime's built-in trellis.jobs@v1",
            )
            for s in _jobs_admin_subjects()
        ]

    for name, rpc in _items(manifest, "rpc"):
        subject = template_to_wildcard(rpc["subject"])
        subscribe.append(PermissionRule("subscribe", subject, (), owned("rpc", name, "call"), True))
    for name, op in _items(manifest, "operation"):
        subject = template_to_wildcard(op["subject"])
        control = template_to_wildcard(control_subject(op["subject"]))
        subscribe.append(
            PermissionRule("subscribe", subject, (), owned("operation", name, "call"), True)
        )
        subscribe.append(
            PermissionRule("subscribe", control, (), owned("operation", name, "observe"), True)
        )
        if op.get("cancel"):
            subscribe.append(
                PermissionRule("subscribe", control, (), owned("operation", name, "cancel"), True)
            )
    for name, feed in _items(manifest, "feed"):
        subject = template_to_wildcard(feed["subject"])
        subscribe.append(
            PermissionRule("subscribe", subject, (), owned("feed", name, "subscribe"), True)
        )
    for name, op in _items(manifest, "operation"):
        if _transfer(op) == "send":
            subject = f"transfer.v1.upload.{SESSION}.*"
            subscribe.append(
                PermissionRule("subscribe", subject, (), owned("operation", name, "call"), True)
            )
    for name, rpc in _items(manifest, "rpc"):
        if _transfer(rpc) == "receive":
            subject = f"transfer.v1.download.{SESSION}.*"
            subscribe.append(
                PermissionRule("subscribe", subject, (), owned("rpc", name, "call"), True)
            )
    for name, event in _items(manifest, "event"):
        subject = template_to_wildcard(event["subject"])
        ref = owned("event", name, "subscribe")
        subscribe.append(PermissionRule("subscribe", subject, _caps(event, "subscribe"), ref))
    subscribe += [r for r in used if r.direction == "subscribe"]
    return ServicePermissions(tuple(publish), tuple(subscribe))


# --- the listing ------------------------------------------------------------------------------


def derive_scopes(
    manifest: Manifest, deps: Mapping[str, Manifest], *, digest: str = ""
) -> ScopeListing:
    """The complete scope listing of one contract; `deps` maps contract id → manifest."""
    uses, unresolved = resolve_uses(manifest, deps)
    nats_publish, nats_subscribe = analyze_nats(manifest)
    surfaces = surface_actions(manifest, uses)
    caps = _CapabilityCollector()
    for surface in surfaces:
        owner = manifest if surface.role == "owned" else deps[surface.surface.contract_id]
        caps.add(surface.capabilities, owner)
    caps.add(sorted(manifest.get("capabilities") or {}), manifest)  # declared, maybe unused
    kind = str(manifest["kind"])
    return ScopeListing(
        contract_id=str(manifest["id"]),
        kind=kind,
        display_name=str(manifest.get("displayName", "")),
        description=str(manifest.get("description", "")),
        digest=digest,
        nats_publish=nats_publish,
        nats_subscribe=nats_subscribe,
        surfaces=surfaces,
        capabilities=caps.sorted(),
        approval=approval_scopes(manifest, uses) if kind in ("app", "agent") else None,
        service=service_permissions(manifest, uses) if kind in ("service", "device") else None,
        unresolved=unresolved,
    )
