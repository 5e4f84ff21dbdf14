"""The permission derivation rules of reference-generator.md §9, one table row at a time."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections.abc import Iterable
from typing import Any

import pytest
from scope_fixtures import capability, event, feed, manifest, operation, rpc

from trellis_generate import permissions
from trellis_generate.model import ContractModel, build_model
from trellis_generate.permissions import Grant, ResolvedUse, locale_key, sort_unique

# The rules read the typed model; these tables are written as manifests, built on the way in.
Manifest = dict[str, Any]


def _deps(deps: dict[str, Manifest]) -> dict[str, ContractModel]:
    return {k: build_model(v) for k, v in deps.items()}


def analyze_nats(m: Manifest) -> Any:
    return permissions.analyze_nats(build_model(m))


def derive_scopes(m: Manifest, deps: dict[str, Manifest]) -> permissions.ScopeListing:
    return permissions.derive_scopes(build_model(m), _deps(deps))


def resolve_uses(m: Manifest, deps: dict[str, Manifest]) -> Any:
    return permissions.resolve_uses(build_model(m), _deps(deps))


def approval_scopes(m: Manifest, uses: Iterable[ResolvedUse]) -> permissions.ApprovalScopes:
    return permissions.approval_scopes(build_model(m), uses)


def service_permissions(m: Manifest, uses: Iterable[ResolvedUse]) -> permissions.ServicePermissions:
    return permissions.service_permissions(build_model(m), uses)


def rows(rules):  # type: ignore[no-untyped-def]
    return [(r.kind, r.subject, r.wildcard_subject, list(r.required_capabilities)) for r in rules]


# --- ordering -------------------------------------------------------------------------------


def test_locale_order_is_case_insensitive_first_with_punctuation_before_letters() -> None:
    values = ["a.B", "A.a", "a.b", "A.b", "ab", "a", "a-b", "a_b", "a.*", "a.>"]
    # What node's `localeCompare` (ICU root collation) produces for this list.
    expected = ["a", "a_b", "a-b", "a.*", "a.>", "A.a", "a.b", "a.B", "A.b", "ab"]
    assert sorted(values, key=locale_key) == expected


def test_sort_unique_removes_duplicates() -> None:
    assert sort_unique(["b", "B", "a", "b"]) == ("a", "b", "B")


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed (cross-check only)")
def test_locale_key_agrees_with_node_locale_compare() -> None:
    rng = random.Random(7)
    alphabet = "aAbBzZ09._-$*>{}/~"
    values = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(400)})
    script = (
        "const v=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "console.log(JSON.stringify(v.sort((a,b)=>a.localeCompare(b))))"
    )
    node = subprocess.run(
        ["node", "-e", script], input=json.dumps(values), capture_output=True, text=True, check=True
    )
    assert sorted(values, key=locale_key) == json.loads(node.stdout)


# --- §9.2 owner-centric table ---------------------------------------------------------------


def test_rpc_call_needs_call_caps_and_handle_needs_service() -> None:
    m = manifest("a@v1", rpc={"X": rpc("rpc.v1.X", ["a::x"]), "Open": rpc("rpc.v1.Open")})
    publish, subscribe = analyze_nats(m)
    assert rows(publish) == [
        ("rpc:call", "rpc.v1.Open", "rpc.v1.Open", []),
        ("rpc:call", "rpc.v1.X", "rpc.v1.X", ["a::x"]),
    ]
    assert rows(subscribe) == [
        ("rpc:handle", "rpc.v1.Open", "rpc.v1.Open", ["service"]),
        ("rpc:handle", "rpc.v1.X", "rpc.v1.X", ["service"]),
    ]


def test_rules_are_grouped_rpc_operations_events_and_sorted_by_locale_within() -> None:
    m = manifest(
        "a@v1",
        rpc={"Z": rpc("rpc.v1.a"), "Y": rpc("rpc.v1.B")},
        events={"E": event("events.v1.E")},
        operations={"O": operation("operations.v1.O")},
    )
    publish, _ = analyze_nats(m)
    # Code-point order would put `rpc.v1.B` first; localeCompare puts `a` before `B`.
    assert [r.subject for r in publish][:2] == ["rpc.v1.a", "rpc.v1.B"]
    assert [r.kind for r in publish] == [
        "rpc:call",
        "rpc:call",
        "operation:call",
        "operation:control",
        "operation:control",
        "operation:control",
        "event:publish",
    ]


@pytest.mark.parametrize(
    ("capabilities", "observe"),
    [
        (None, []),
        ({"call": ["a::start"]}, ["a::start"]),
        ({"call": ["a::start"], "observe": ["a::read"]}, ["a::read"]),
        ({"call": ["a::start"], "observe": []}, []),  # explicit empty observe is kept
    ],
)
def test_operation_observe_defaults_to_call(capabilities, observe) -> None:  # type: ignore[no-untyped-def]
    m = manifest("a@v1", operations={"Run": operation("operations.v1.Run", capabilities)})
    publish, subscribe = analyze_nats(m)
    controls = [r for r in publish if r.kind == "operation:control"]
    assert [list(r.required_capabilities) for r in controls] == [observe] * 3
    assert {r.subject for r in controls} == {"operations.v1.Run.control"}
    assert rows(subscribe) == [
        ("operation:handle", "operations.v1.Run", "operations.v1.Run", ["service"]),
        (
            "operation:control",
            "operations.v1.Run.control",
            "operations.v1.Run.control",
            ["service"],
        ),
    ]


@pytest.mark.parametrize(
    ("cancel", "capabilities", "has_cancel_rule"),
    [
        (True, {"call": ["c"], "cancel": ["a::cancel"]}, True),
        (True, {"call": ["c"], "cancel": []}, True),  # defined-but-empty still counts
        (True, {"call": ["c"]}, False),  # cancel without capabilities.cancel
        (False, {"call": ["c"], "cancel": ["a::cancel"]}, False),  # caps without `cancel: true`
        (None, {"call": ["c"], "cancel": ["a::cancel"]}, False),
    ],
)
def test_cancel_rule_only_when_cancel_and_cancel_capabilities(  # type: ignore[no-untyped-def]
    cancel, capabilities, has_cancel_rule
) -> None:
    extra = {} if cancel is None else {"cancel": cancel}
    m = manifest("a@v1", operations={"Run": operation("operations.v1.Run", capabilities, **extra)})
    publish, _ = analyze_nats(m)
    controls = [r for r in publish if r.kind == "operation:control"]
    assert len(controls) == (4 if has_cancel_rule else 3)
    if has_cancel_rule:
        assert list(controls[3].required_capabilities) == capabilities["cancel"]


def test_templated_event_keeps_subject_and_wildcards_tokens() -> None:
    subject = "events.v1.Partner.Changed.{/partner/id/origin}.{/partner/id/id}"
    caps = {"publish": ["p::pub"], "subscribe": ["p::sub"]}
    m = manifest("p@v1", events={"Partner.Changed": event(subject, caps)})
    publish, subscribe = analyze_nats(m)
    wildcard = "events.v1.Partner.Changed.*.*"
    assert rows(publish) == [("event:publish", subject, wildcard, ["p::pub"])]
    assert rows(subscribe) == [("event:subscribe", subject, wildcard, ["p::sub"])]


def test_feeds_and_jobs_are_not_in_the_owner_table() -> None:
    m = manifest("a@v1", feeds={"F": feed("feeds.v1.F", ["a::f"])})
    assert analyze_nats(m) == ((), ())


# --- uses resolution ------------------------------------------------------------------------

DEP = manifest(
    "dep@v1",
    rpc={"Get": rpc("rpc.v1.Dep.Get", ["dep::read"])},
    events={"Changed": event("events.v1.Dep.Changed.{/id}", {"subscribe": ["dep::watch"]})},
    capabilities={"dep::read": capability("Read dep")},
)


def uses(required=None, optional=None):  # type: ignore[no-untyped-def]
    out = {}
    if required is not None:
        out["required"] = required
    if optional is not None:
        out["optional"] = optional
    return out


def test_missing_required_contract_is_a_blocker_and_optional_one_is_not() -> None:
    m = manifest(
        "app@v1",
        "app",
        uses=uses(
            required={"gone": {"contract": "gone@v1", "rpc": {"call": ["X"]}}},
            optional={"maybe": {"contract": "maybe@v1", "rpc": {"call": ["Y"]}}},
        ),
    )
    listing = derive_scopes(m, {})
    assert [(u.alias, u.required, u.kind) for u in listing.unresolved] == [
        ("gone", True, None),
        ("maybe", False, None),
    ]
    assert [u.alias for u in listing.blockers] == ["gone"]
    assert (
        listing.unresolved[0].message == "Dependency 'gone' references unknown contract 'gone@v1'"
    )


def test_missing_surface_on_a_known_dependency_is_listed_with_the_runtime_message() -> None:
    m = manifest(
        "app@v1",
        "app",
        uses=uses(
            required={"dep": {"contract": "dep@v1", "rpc": {"call": ["Get", "Nope"]}}},
            optional={"dep2": {"contract": "dep@v1", "events": {"subscribe": ["Missing"]}}},
        ),
    )
    resolved, unresolved = resolve_uses(m, {"dep@v1": DEP})
    assert [(r.alias, r.kind, r.name) for r in resolved] == [("dep", "rpc", "Get")]
    assert [(u.required, u.kind, u.name, u.message) for u in unresolved] == [
        (True, "rpc", "Nope", "Dependency 'dep' references missing RPC 'Nope' on 'dep@v1'"),
        (
            False,
            "event",
            "Missing",
            "Dependency 'dep2' references missing event 'Missing' on 'dep@v1'",
        ),
    ]


def test_optional_alias_also_required_is_resolved_once_as_required() -> None:
    use = {"contract": "dep@v1", "rpc": {"call": ["Get"]}}
    m = manifest("app@v1", "app", uses=uses(required={"dep": use}, optional={"dep": use}))
    resolved, _ = resolve_uses(m, {"dep@v1": DEP})
    assert [(r.alias, r.required) for r in resolved] == [("dep", True)]


# --- per-surface actions --------------------------------------------------------------------


def test_used_surfaces_carry_their_owners_capabilities_and_subjects() -> None:
    m = manifest(
        "app@v1",
        "app",
        uses=uses(
            required={
                "dep": {
                    "contract": "dep@v1",
                    "rpc": {"call": ["Get"]},
                    "events": {"subscribe": ["Changed"]},
                }
            }
        ),
    )
    listing = derive_scopes(m, {"dep@v1": DEP})
    used = [
        (s.surface.kind, s.surface.name, s.surface.action, s.capabilities, s.grants)
        for s in listing.surfaces
        if s.role == "used"
    ]
    assert used == [
        ("rpc", "Get", "call", ("dep::read",), (Grant("publish", "rpc.v1.Dep.Get"),)),
        (
            "event",
            "Changed",
            "subscribe",
            ("dep::watch",),
            (Grant("subscribe", "events.v1.Dep.Changed.*"),),
        ),
    ]
    read = next(c for c in listing.capabilities if c.key == "dep::read")
    assert (read.display_name, read.source) == ("Read dep", "dep@v1")
    watch = next(c for c in listing.capabilities if c.key == "dep::watch")
    assert (watch.display_name, watch.description, watch.source) == (
        "dep::watch",
        "Requires dep::watch.",
        None,
    )


def test_owned_surfaces_list_every_caller_action() -> None:
    m = manifest(
        "a@v1",
        operations={
            "Run": operation(
                "operations.v1.Run",
                {"call": ["a::run"], "cancel": ["a::stop"], "control": ["a::steer"]},
                cancel=True,
                signals={"Approve": {"input": {"schema": "Any"}}},
            )
        },
        feeds={"Tail": feed("feeds.v1.Tail", ["a::tail"])},
    )
    actions = {
        (s.surface.name, s.surface.action): (s.capabilities, s.grants)
        for s in derive_scopes(m, {}).surfaces
    }
    control = (Grant("publish", "operations.v1.Run.control"),)
    assert actions == {
        ("Run", "call"): (("a::run",), (Grant("publish", "operations.v1.Run"),)),
        ("Run", "observe"): (("a::run",), control),
        ("Run", "cancel"): (("a::stop",), control),
        ("Run", "signal"): (("a::steer",), ()),
        ("Tail", "subscribe"): (("a::tail",), (Grant("publish", "feeds.v1.Tail"),)),
    }


# --- §9.3 caller approval -------------------------------------------------------------------

AUTH = manifest(
    "example.auth@v1",
    rpc={"Auth.Sessions.Me": rpc("rpc.v1.example.Auth.Sessions.Me", ["users:read"])},
    events={
        "Auth.Connections.Opened": event(
            "events.v1.example.Auth.Connections.Opened", {"subscribe": ["users:read"]}
        )
    },
    capabilities={"users:read": capability("Read users", "Sees every user.")},
)
EVIDENCE = manifest(
    "example.evidence@v1",
    rpc={
        "Evidence.Download": rpc(
            "rpc.v1.example.Evidence.Download", ["evidence:read"], transfer={"direction": "receive"}
        )
    },
    operations={
        "Evidence.Upload": operation(
            "operations.v1.example.Evidence.Upload",
            {"call": ["evidence:write"]},
            transfer={"direction": "send", "store": "uploads", "key": "/key"},
        )
    },
    feeds={"Audit.Feed": feed("feeds.v1.example.Audit.Feed", ["audit:read"])},
    capabilities={"evidence:read": capability("Read evidence")},
)
APP = manifest(
    "example.app@v1",
    "app",
    uses=uses(
        required={
            "auth": {
                "contract": "example.auth@v1",
                "rpc": {"call": ["Auth.Sessions.Me"]},
                "events": {"subscribe": ["Auth.Connections.Opened"]},
            },
            "evidence": {
                "contract": "example.evidence@v1",
                "rpc": {"call": ["Evidence.Download"]},
                "operations": {"call": ["Evidence.Upload"]},
                "feeds": {"subscribe": ["Audit.Feed"]},
            },
        }
    ),
)
DEPS = {"example.auth@v1": AUTH, "example.evidence@v1": EVIDENCE}


def test_caller_approval_matches_the_reference_plan_fixture() -> None:
    resolved, unresolved = resolve_uses(APP, DEPS)
    assert unresolved == ()
    plan = approval_scopes(APP, resolved)
    assert plan.publish_subjects == (
        "feeds.v1.example.Audit.Feed",
        "operations.v1.example.Evidence.Upload",
        "operations.v1.example.Evidence.Upload.control",
        "rpc.v1.example.Auth.Sessions.Me",
        "rpc.v1.example.Evidence.Download",
        "transfer.v1.download.*.*",
        "transfer.v1.upload.*.*",
    )
    assert plan.subscribe_subjects == ("events.v1.example.Auth.Connections.Opened",)
    assert [(c.key, c.display_name, c.source) for c in plan.capabilities] == [
        ("audit:read", "audit:read", None),
        ("evidence:read", "Read evidence", "example.evidence@v1"),
        ("evidence:write", "evidence:write", None),
        ("users:read", "Read users", "example.auth@v1"),
    ]
    assert plan.capabilities[3].consequence == "Sees every user."


def test_app_publishes_its_own_events_and_own_transfer_subjects() -> None:
    app = manifest(
        "a@v1",
        "app",
        events={"Ping": event("events.v1.Ping.{/id}", {"publish": ["a::ping"]})},
        rpc={"Get": rpc("rpc.v1.Get", transfer={"direction": "receive"})},
    )
    plan = approval_scopes(app, ())
    assert plan.publish_subjects == ("events.v1.Ping.*", "transfer.v1.download.*.*")
    assert [c.key for c in plan.capabilities] == ["a::ping"]


def test_approval_is_for_apps_and_agents_and_service_rules_for_services_and_devices() -> None:
    kinds = {
        k: derive_scopes(manifest("x@v1", k), {}) for k in ("app", "agent", "service", "device")
    }
    assert [k for k, v in kinds.items() if v.approval is not None] == ["app", "agent"]
    assert [k for k, v in kinds.items() if v.service is not None] == ["service", "device"]


# --- §9.4 service permissions ---------------------------------------------------------------


def test_service_publishes_own_events_freely_and_handles_its_surfaces_with_service() -> None:
    m = manifest(
        "svc@v1",
        rpc={"Get": rpc("rpc.v1.Get", ["svc::read"], transfer={"direction": "receive"})},
        operations={
            "Run": operation(
                "operations.v1.Run",
                {"call": ["svc::run"]},
                cancel=True,
                transfer={"direction": "send", "store": "s", "key": "/k"},
            )
        },
        events={
            "Done": event(
                "events.v1.Done.{/id}", {"publish": ["svc::pub"], "subscribe": ["svc::sub"]}
            )
        },
        feeds={"Tail": feed("feeds.v1.Tail")},
    )
    perms = service_permissions(m, ())
    owned_publish = [(r.subject, r.required_capabilities) for r in perms.publish if r.surface]
    assert owned_publish == [("events.v1.Done.*", ())]
    assert [
        (
            r.subject,
            r.surface.action if r.surface else None,
            r.requires_service,
            r.required_capabilities,
        )
        for r in perms.subscribe
    ] == [
        ("rpc.v1.Get", "call", True, ()),
        ("operations.v1.Run", "call", True, ()),
        ("operations.v1.Run.control", "observe", True, ()),
        ("operations.v1.Run.control", "cancel", True, ()),  # `cancel: true` alone suffices here
        ("feeds.v1.Tail", "subscribe", True, ()),
        ("transfer.v1.upload.<session>.*", "call", True, ()),
        ("transfer.v1.download.<session>.*", "call", True, ()),
        ("events.v1.Done.*", "subscribe", False, ("svc::sub",)),
    ]
    runtime = {r.subject for r in perms.publish if r.surface is None}
    assert "rpc.v1.Auth.Requests.Validate" in runtime
    assert "$KV.trellis_operations_<session>.>" in runtime
    assert "trellis.jobs.>" not in runtime


def test_service_used_rules_carry_the_dependencys_capabilities() -> None:
    m = manifest(
        "svc@v1",
        uses=uses(
            required={
                "dep": {
                    "contract": "dep@v1",
                    "rpc": {"call": ["Get"]},
                    "events": {"subscribe": ["Changed"]},
                }
            }
        ),
    )
    resolved, _ = resolve_uses(m, {"dep@v1": DEP})
    perms = service_permissions(m, resolved)
    assert [(r.subject, r.required_capabilities) for r in perms.publish if r.surface] == [
        ("rpc.v1.Dep.Get", ("dep::read",)),
    ]
    assert [(r.subject, r.required_capabilities) for r in perms.subscribe] == [
        ("events.v1.Dep.Changed.*", ("dep::watch",)),
    ]


def test_only_the_jobs_contract_gets_the_jobs_admin_runtime_subjects() -> None:
    perms = service_permissions(manifest("trellis.jobs@v1"), ())
    jobs = [r for r in perms.publish if r.subject == "trellis.jobs.>"]
    assert len(jobs) == 1 and jobs[0].requires_service and jobs[0].condition
