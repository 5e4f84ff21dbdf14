"""The watch decision: batch of changed paths + plan → ignored / affected / full / reload."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trellis_generate.discovery.config import CONVENTION_CONTRACTS
from trellis_generate.watch.decide import Change, Decision, WatchPlan, decide, is_contract_input

PLAN = WatchPlan(
    out="generated",
    contract_globs=CONVENTION_CONTRACTS,
    manifest_globs=("vendor/*.json",),
    sources={
        "contracts/a.contract.json": ("acme.a@v1",),
        "contracts/b.contract.json": ("acme.b@v1",),
        "contracts/c.contract.json": ("acme.c@v1",),
        "contracts/py.py": ("acme.py@v1",),
        "svc/contract.py": ("acme.svc@v1",),
        "vendor/x.json": ("ext.x@v1",),
    },
    imports={
        "acme.a@v1": (),
        "acme.b@v1": (),
        "acme.c@v1": (),
        "acme.py@v1": ("contracts/_common.py", "lib/util.py", "shared.py"),
        "acme.svc@v1": ("lib/util.py", "svc/__init__.py"),
        "ext.x@v1": (),
    },
    dependents={
        "acme.a@v1": frozenset({"acme.b@v1"}),
        "acme.b@v1": frozenset({"acme.c@v1"}),  # not transitive: c embeds b, not a
        "acme.py@v1": frozenset({"acme.c@v1"}),
        "ext.x@v1": frozenset({"acme.svc@v1"}),
    },
    candidates=frozenset({"contracts/_common.py", "contracts/unused.py"}),
    generator_roots=("/opt/gen/templates", "tools/gen"),
)

A, B, C, PY, SVC, X = "acme.a@v1", "acme.b@v1", "acme.c@v1", "acme.py@v1", "acme.svc@v1", "ext.x@v1"

CASES: list[tuple[str, list[Change], str, tuple[str, ...]]] = [
    ("empty batch", [], "ignored", ()),
    ("unrelated doc", [Change("README.md")], "ignored", ()),
    ("unrelated text file", [Change("docs/notes.txt")], "ignored", ()),
    ("generated output", [Change("generated/manifests/acme.a@v1.json")], "ignored", ()),
    ("git internals", [Change(".git/index")], "ignored", ()),
    ("virtualenv", [Change(".venv/lib/site.py")], "ignored", ()),
    ("bytecode", [Change("lib/__pycache__/util.cpython-311.pyc")], "ignored", ()),
    ("outside root", [Change("/elsewhere/x.py")], "ignored", ()),
    ("python file nobody imports", [Change("scripts/tool.py")], "ignored", ()),
    ("manifest contract + its user", [Change("contracts/a.contract.json")], "affected", (A, B)),
    ("user's user is not affected", [Change("contracts/b.contract.json")], "affected", (B, C)),
    ("leaf manifest", [Change("contracts/c.contract.json")], "affected", (C,)),
    ("python contract", [Change("contracts/py.py", defines_contract=True)], "affected", (PY, C)),
    (
        "broken python contract",
        [Change("contracts/py.py", defines_contract=None)],
        "affected",
        (PY, C),
    ),
    (
        "conventional contract.py",
        [Change("svc/contract.py", defines_contract=True)],
        "affected",
        (SVC,),
    ),
    ("shared helper at root", [Change("shared.py")], "affected", (PY, C)),
    ("helper imported by two", [Change("lib/util.py")], "affected", (C, PY, SVC)),
    ("package __init__", [Change("svc/__init__.py")], "affected", (SVC,)),
    ("deleted helper", [Change("shared.py", exists=False)], "affected", (PY, C)),
    (
        "helper in contracts/",
        [Change("contracts/_common.py", defines_contract=False)],
        "affected",
        (PY, C),
    ),
    (
        "unimported module in contracts/",
        [Change("contracts/unused.py", defines_contract=False)],
        "ignored",
        (),
    ),
    (
        "new plain module in contracts/",
        [Change("contracts/new.py", defines_contract=False)],
        "ignored",
        (),
    ),
    ("dependency manifest", [Change("vendor/x.json")], "affected", (X, SVC)),
    (
        "noise does not change it",
        [Change("contracts/a.contract.json"), Change("README.md")],
        "affected",
        (A, B),
    ),
    (
        "two contracts in one batch",
        [Change("contracts/c.contract.json"), Change("svc/contract.py")],
        "affected",
        (C, SVC),
    ),
    ("pyproject", [Change("pyproject.toml")], "full", ()),
    (
        "pyproject wins over edits",
        [Change("contracts/a.contract.json"), Change("pyproject.toml")],
        "full",
        (),
    ),
    (
        "order does not matter",
        [Change("pyproject.toml"), Change("contracts/a.contract.json")],
        "full",
        (),
    ),
    ("nested pyproject is not config", [Change("sub/pyproject.toml")], "ignored", ()),
    ("gitignore", [Change("sub/.gitignore")], "full", ()),
    ("new manifest", [Change("contracts/new.contract.json")], "full", ()),
    ("new nested manifest", [Change("deep/er/x.contract.json")], "full", ()),
    ("new dependency manifest", [Change("vendor/y.json")], "full", ()),
    ("removed manifest", [Change("contracts/a.contract.json", exists=False)], "full", ()),
    (
        "removed new-looking manifest (rename)",
        [
            Change("contracts/old.contract.json", exists=False),
            Change("contracts/new.contract.json"),
        ],
        "full",
        (),
    ),
    ("new python contract", [Change("contracts/new.py", defines_contract=True)], "full", ()),
    ("new contract.py anywhere", [Change("pkg/contract.py", defines_contract=True)], "full", ()),
    ("unscannable new module", [Change("contracts/new.py", defines_contract=None)], "full", ()),
    (
        "helper becomes a contract",
        [Change("contracts/_common.py", defines_contract=True)],
        "full",
        (),
    ),
    ("contract stops being one", [Change("contracts/py.py", defines_contract=False)], "full", ()),
    ("removed python contract", [Change("contracts/py.py", exists=False)], "full", ()),
    ("generator code in repo", [Change("tools/gen/render.py")], "reload", ()),
    ("templates outside repo", [Change("/opt/gen/templates/client.py.jinja")], "reload", ()),
    ("reload wins over full", [Change("pyproject.toml"), Change("tools/gen/x.py")], "reload", ()),
]


@pytest.mark.parametrize(
    ("batch", "action", "contracts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_decision_for_batch(batch: list[Change], action: str, contracts: tuple[str, ...]) -> None:
    decision = decide(PLAN, batch)
    assert (decision.action, decision.contracts) == (action, tuple(sorted(contracts)))


def test_failing_contract_is_retried_when_any_module_changes() -> None:
    plan = replace(PLAN, failing=frozenset({"contracts/broken.py"}))
    assert decide(plan, [Change("scripts/new_helper.py")]) == Decision(
        "affected", ("contracts/broken.py",), "imported module changed (scripts/new_helper.py)"
    )


def test_reason_names_the_path_and_dependents() -> None:
    decision = decide(PLAN, [Change("contracts/a.contract.json")])
    assert decision.reason == "contract source changed (contracts/a.contract.json) (+1 dependent)"
    assert "pyproject.toml" in decide(PLAN, [Change("pyproject.toml")]).reason


@pytest.mark.parametrize(
    ("path", "action"),
    [
        ("contracts/a.contract.json", "full"),
        ("x.py", "full"),
        ("README.md", "ignored"),
        ("pyproject.toml", "full"),
    ],
)
def test_without_a_plan_relevant_changes_ask_for_a_full_prepare(path: str, action: str) -> None:
    assert decide(None, [Change(path)]).action == action


@pytest.mark.parametrize(
    ("path", "is_dir", "expected"),
    [
        ("contracts/sedJZVnu2", False, False),  # sed -i's temp file
        ("contracts/4913", False, False),  # vim's write probe
        ("contracts/.py.py.swp", False, False),
        ("contracts/py.py~", False, False),
        ("contracts/.#py.py", False, False),  # emacs lock
        ("contracts/py.py", False, True),
        ("contracts/new.contract.json", False, True),
        ("pyproject.toml", False, True),
        ("lib/.gitignore", False, True),
        ("tools/gen/client.py.jinja", False, True),  # generator templates
        ("lib", False, True),  # a removed directory that held an imported module
        ("contracts/newdir", True, True),
    ],
)
def test_only_contract_inputs_enter_a_batch(path: str, is_dir: bool, expected: bool) -> None:
    assert is_contract_input(PLAN, path, is_dir=is_dir) is expected
