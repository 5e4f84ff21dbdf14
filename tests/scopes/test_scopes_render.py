"""The scopes target: what the JSON and Markdown files contain, escaping, determinism."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import REAL_MANIFESTS, read_json, real_manifest_paths, requires_shared
from scope_fixtures import capability, event, manifest, operation, rpc

from trellis_generate.contract import LoadedContract, Origin
from trellis_generate.markdown import md_code, md_text
from trellis_generate.pipeline import contract_from_manifest, load_contract
from trellis_generate.render import render_targets
from trellis_generate.render.scopes import render_scopes


def loaded(raw: dict[str, Any]) -> LoadedContract:
    return contract_from_manifest(raw, Origin("<test>", "json"))


def real_contracts() -> dict[str, LoadedContract]:
    return {c.id: c for c in (load_contract(p) for p in real_manifest_paths())}


def capability_rows(markdown: str) -> list[str]:
    section = markdown.split("## Capabilities\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][
        1:
    ]


def cells(row: str) -> list[str]:
    """Split a GFM table row on unescaped pipes."""
    return re.split(r"(?<!\\)\|", row)[1:-1]


# --- escaping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text.", "plain text."),
        ("a | b", "a \\| b"),
        ("line1\nline2\r\nline3", "line1<br>line2<br>line3"),
        (
            "`code` *bold* _em_ [link](x) <b>",
            "\\`code\\` \\*bold\\* \\_em\\_ \\[link\\](x) \\<b\\>",
        ),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_md_text_escapes_table_breaking_and_markup_characters(text: str, expected: str) -> None:
    assert md_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rpc.v1.X", "`rpc.v1.X`"),
        ("a`b", "``a`b``"),
        ("`edge`", "`` `edge` ``"),
        ("a|b\nc", "`a\\|b c`"),
    ],
)
def test_md_code_survives_backticks_pipes_and_newlines(text: str, expected: str) -> None:
    assert md_code(text) == expected


def test_hostile_capability_metadata_stays_inside_its_table_cells() -> None:
    hostile = "Evil | name\n# heading `tick` {{ jinja }}"
    raw = manifest(
        "x@v1",
        rpc={"Do": rpc("rpc.v1.Do", ["x::do"])},
        capabilities={
            "x::do": {"displayName": hostile, "description": hostile, "consequence": hostile}
        },
    )
    md = render_scopes(loaded(raw), {})["scopes/x@v1.scopes.md"]
    (row,) = capability_rows(md)
    assert len(cells(row)) == 6
    assert "\n# heading" not in md
    assert "{{ jinja }}" in md  # manifest text is data, never template source


# --- content --------------------------------------------------------------------------------


def test_markdown_groups_actions_under_each_capability_of_an_all_of_list() -> None:
    raw = manifest(
        "x@v1",
        operations={"Run": operation("operations.v1.Run", {"call": ["x::a", "x::b"]})},
        events={"Ping": event("events.v1.Ping.{/id}")},
        capabilities={"x::a": capability("Alpha", "Can start runs."), "x::b": capability("Beta")},
    )
    md = render_scopes(loaded(raw), {})["scopes/x@v1.scopes.md"]
    alpha, beta = capability_rows(md)
    assert cells(alpha)[:5] == [
        " `x::a` ",
        " Alpha ",
        " Allows Alpha. ",
        " Can start runs. ",
        " `x@v1` ",
    ]
    assert "operation `Run` call (with `x::b`): pub `operations.v1.Run`" in cells(alpha)[5]
    assert "operation `Run` call (with `x::a`)" in cells(beta)[5]
    open_section = md.split("## Authentication only\n", 1)[1].split("\n## ", 1)[0]
    assert "- event `Ping` publish: pub `events.v1.Ping.*`" in open_section
    assert "- event `Ping` subscribe: sub `events.v1.Ping.*`" in open_section


def test_unresolved_required_uses_are_blockers_in_json_and_markdown() -> None:
    raw = manifest(
        "app@v1",
        "app",
        uses={
            "required": {"gone": {"contract": "gone@v1", "rpc": {"call": ["X"]}}},
            "optional": {"maybe": {"contract": "maybe@v1", "rpc": {"call": ["Y"]}}},
        },
    )
    files = render_scopes(loaded(raw), {})
    data = json.loads(files["scopes/app@v1.scopes.json"])
    assert data["blocked"] is True
    assert [(u["alias"], u["required"]) for u in data["unresolved"]] == [
        ("gone", True),
        ("maybe", False),
    ]
    md = files["scopes/app@v1.scopes.md"]
    assert "## Blockers" in md and "references unknown contract 'gone@v1'" in md
    optional = md.split("## Unresolved optional dependencies\n", 1)[1]
    assert "`maybe`" in optional


def test_render_targets_dispatches_the_scopes_target() -> None:
    contract = loaded(manifest("x@v1", rpc={"Do": rpc("rpc.v1.Do")}))
    assert sorted(render_targets(contract, {}, ["scopes"])) == [
        "scopes/x@v1.scopes.json",
        "scopes/x@v1.scopes.md",
    ]


def test_output_is_byte_identical_across_runs_and_input_key_order() -> None:
    raw = manifest(
        "x@v1",
        rpc={"B": rpc("rpc.v1.B", ["x::b"]), "A": rpc("rpc.v1.A", ["x::a"])},
        capabilities={"x::b": capability("B"), "x::a": capability("A")},
    )
    reordered = json.loads(json.dumps(raw), object_pairs_hook=lambda pairs: dict(reversed(pairs)))
    first = render_scopes(loaded(raw), {})
    assert render_scopes(loaded(raw), {}) == first
    assert render_scopes(loaded(reordered), {}) == first
    for text in first.values():
        assert text.endswith("\n") and not text.endswith("\n\n")


# --- the real manifests -----------------------------------------------------------------------


@requires_shared
def test_jobs_listing_names_the_subjects_and_capabilities_of_each_surface() -> None:
    contracts = real_contracts()
    jobs = contracts["trellis.jobs@v1"]
    files = render_scopes(jobs, contracts)
    data = json.loads(files["scopes/trellis.jobs@v1.scopes.json"])
    md = files["scopes/trellis.jobs@v1.scopes.md"]
    raw = read_json(REAL_MANIFESTS / "trellis.jobs@v1.json")
    owned = {(s["name"], s["action"]): s for s in data["surfaces"] if s["role"] == "owned"}
    assert set(owned) == {(name, "call") for name in raw["rpc"]}
    for name, method in raw["rpc"].items():
        surface = owned[(name, "call")]
        assert surface["publish"] == [method["subject"]]
        assert surface["capabilities"] == method["capabilities"]["call"]
        assert f"rpc {md_code(name)} call: pub {md_code(method['subject'])}" in md
    used = {
        (s["contractId"], s["name"], s["action"]) for s in data["surfaces"] if s["role"] == "used"
    }
    assert used == {
        ("trellis.auth@v1", "Auth.Requests.Validate", "call"),
        ("trellis.core@v1", "Trellis.Bindings.Get", "call"),
        ("trellis.core@v1", "Trellis.Catalog", "call"),
        ("trellis.health@v1", "Health.Heartbeat", "publish"),
    }
    for key, meta in raw["capabilities"].items():
        assert md_code(key) in md and meta["displayName"] in md and meta["description"] in md
    assert data["unresolved"] == [] and data["blocked"] is False
    assert data["contract"]["digest"] == jobs.digest


@requires_shared
def test_jobs_listing_without_its_dependencies_lists_them_as_blockers() -> None:
    jobs = load_contract(REAL_MANIFESTS / "trellis.jobs@v1.json")
    data = json.loads(render_scopes(jobs, {})["scopes/trellis.jobs@v1.scopes.json"])
    assert {u["contract"] for u in data["unresolved"]} == {
        "trellis.auth@v1",
        "trellis.core@v1",
        "trellis.health@v1",
    }
    assert data["blocked"] is True


@requires_shared
def test_every_real_manifest_renders_deterministically_with_all_uses_resolved() -> None:
    contracts = real_contracts()
    assert len(contracts) == 5
    for contract in contracts.values():
        first = render_scopes(contract, contracts)
        assert render_scopes(contract, contracts) == first
        data = json.loads(first[f"scopes/{contract.id}.scopes.json"])
        assert data["unresolved"] == []
        subjects = {r["subject"] for r in data["nats"]["publish"]}
        for section in ("rpc", "operations", "events"):
            for spec in (contract.manifest.get(section) or {}).values():
                assert spec["subject"] in subjects


def test_app_listing_renders_the_caller_approval_subjects() -> None:
    from test_scopes_derivation import APP, DEPS

    def unchecked(raw: dict[str, Any]) -> LoadedContract:
        return LoadedContract(raw, json.dumps(raw), "digest", Origin("<test>", "json"))

    files = render_scopes(unchecked(APP), {k: unchecked(v) for k, v in DEPS.items()})
    md = files["scopes/example.app@v1.scopes.md"]
    approval = md.split("## Caller approval\n", 1)[1].split("\n## ", 1)[0]
    assert "| publish | `feeds.v1.example.Audit.Feed`<br>" in approval
    assert "| subscribe | `events.v1.example.Auth.Connections.Opened` |" in approval
    data = json.loads(files["scopes/example.app@v1.scopes.json"])
    assert [c["key"] for c in data["approval"]["capabilities"]] == [
        "audit:read",
        "evidence:read",
        "evidence:write",
        "users:read",
    ]
    assert "service" not in data
