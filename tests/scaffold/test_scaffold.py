"""`scaffold`: manifest → authoring module that loads back to the same manifest and digest."""

from __future__ import annotations

import ast
import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT, real_manifest_paths, requires_shared
from tests.core.manifests import full_manifest
from tests.sdk.fixtures import BILLING, HOSTILE, LEDGER, NASTY, NASTY_KEY
from trellis_generate.authoring.emit import capability_namespace
from trellis_generate.contract import LoadedContract, Origin
from trellis_generate.pipeline import contract_from_manifest, load_contract
from trellis_generate.platform import builtin_contracts
from trellis_generate.render.formatting import ruff_command
from trellis_generate.scaffold import ScaffoldNameError, authoring_order, scaffold
from trellis_generate.scaffold.module import AUTHORING_NAMES

HEALTH = {"contract": "trellis.health@v1", "events": {"publish": ["Health.Heartbeat"]}}
STATE = {
    "contract": "trellis.state@v1",
    "rpc": {"call": ["State.Delete", "State.Get", "State.List", "State.Put"]},
}


def with_implicit_uses(raw: dict[str, Any]) -> dict[str, Any]:
    """A hand-written service manifest plus the uses `define_service_contract` always adds."""
    out = copy.deepcopy(raw)
    required = out.setdefault("uses", {}).setdefault("required", {})
    required.setdefault("health", HEALTH)
    if out.get("state"):
        required.setdefault("state", STATE)
    return out


def loaded(raw: dict[str, Any]) -> LoadedContract:
    return contract_from_manifest(raw, Origin("<test>", "json"))


LONG = "a sentence that goes on " * 12 + "x" * 230 + "\\" * 3 + "中" * 70
HOSTILE_AUTHORED: dict[str, Any] = {
    "format": "trellis.contract.v1",
    "id": "we!rd.names@v2",
    "kind": "service",
    "displayName": NASTY,
    "description": LONG,
    "docs": {"summary": NASTY, "markdown": NASTY + LONG},
    "capabilities": {
        f"we!rd.names::{NASTY_KEY}": {
            "displayName": NASTY,
            "description": LONG,
            "consequence": NASTY,
        }
    },
    "schemas": {
        NASTY_KEY: {
            "type": "object",
            "description": NASTY,
            "title": LONG,
            "properties": {
                NASTY_KEY: {"const": NASTY},
                "p": {"type": "string", "pattern": NASTY},
                "e": {"enum": [NASTY, 1.5, -3, True, None, 10**15]},
                "\x00\x1f\x7f\x85\u2028\u2029\u202e\ufeff": {"type": "string"},
            },
            "required": [NASTY_KEY, "p"],
        },
        "Anything": True,
        'Quote"Name': {"type": "object"},
        "__import__('os').system('x')": {"type": "object"},
        "z" * 150: {"type": "object"},
    },
    "errors": {NASTY_KEY: {"type": NASTY, "schema": {"schema": NASTY_KEY}}},
    "uses": {
        "required": {
            "health": HEALTH,
            NASTY_KEY: {"contract": "x.y@v1", "rpc": {"call": [NASTY]}},
        }
    },
    "rpc": {
        'x"""y.self': {
            "version": "v1",
            "subject": 'rpc.v1.x"y',
            "input": {"schema": NASTY_KEY},
            "output": {"schema": "Anything"},
            "capabilities": {"call": [f"we!rd.names::{NASTY_KEY}", "other::x"]},
            "errors": [{"type": NASTY}, {"type": "UnexpectedError"}],
            "docs": {"summary": NASTY, "markdown": LONG},
        },
        "Long": {
            "version": "v1",
            "subject": "rpc.v1.Long",
            "input": {"schema": "z" * 150},
            "output": {"schema": "__import__('os').system('x')"},
        },
    },
    "events": {
        "Self.Evt": {
            "version": "v2",
            "subject": "events.v2.Self.{/p}",
            "params": ["/p"],
            "event": {"schema": NASTY_KEY},
            "docs": {"markdown": NASTY},
        }
    },
}


def _own_manifests() -> Iterator[tuple[str, dict[str, Any]]]:
    """Manifests of the project's own writing, each as the authoring API would emit it."""
    for path in sorted((PROJECT_ROOT / "generated" / "manifests").glob("*.json")):
        yield f"example {path.stem}", json.loads(path.read_text(encoding="utf-8"))
    yield "tests/core full_manifest", with_implicit_uses(full_manifest())
    yield "tests/sdk LEDGER", with_implicit_uses(LEDGER)
    yield "tests/sdk BILLING", with_implicit_uses(BILLING)
    yield "hostile text", HOSTILE_AUTHORED


OWN = dict(_own_manifests())


@pytest.fixture
def clean_imports() -> Iterator[None]:
    """Loading a module file puts its directory on sys.path and the module in sys.modules."""
    path, modules = list(sys.path), set(sys.modules)
    yield
    sys.path[:] = path
    for name in set(sys.modules) - modules:
        if name.startswith("_trellis_contract_") or name.endswith("_contract"):
            del sys.modules[name]


def assert_round_trip(contract: LoadedContract, tmp_path: Path) -> str:
    """Scaffold, write, load the file with the ordinary loader, compare; return the source."""
    result = scaffold(contract)
    assert result.changes == (), [d.format() for d in result.changes]
    module = tmp_path / "scaffolded_contract.py"
    module.write_text(result.source, encoding="utf-8")
    again = load_contract(module)
    assert dict(again.manifest) == authoring_order(contract.manifest)
    assert again.digest == contract.digest
    return result.source


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_manifests_round_trip(name: str, tmp_path: Path, clean_imports: None) -> None:
    assert_round_trip(loaded(OWN[name]), tmp_path)


@pytest.mark.parametrize("contract_id", sorted(builtin_contracts()))
def test_builtin_contracts_round_trip(
    contract_id: str, tmp_path: Path, clean_imports: None
) -> None:
    assert_round_trip(builtin_contracts()[contract_id], tmp_path)


@requires_shared
@pytest.mark.parametrize("path", real_manifest_paths(), ids=lambda p: p.stem)
def test_platform_manifests_round_trip(path: Path, tmp_path: Path, clean_imports: None) -> None:
    assert_round_trip(load_contract(path), tmp_path)


@requires_shared
def test_only_list_order_differs_for_the_jobs_manifest() -> None:
    """Its RPC error lists are not sorted; the authoring API sorts them (digest unchanged)."""
    jobs = load_contract(next(p for p in real_manifest_paths() if p.stem == "trellis.jobs@v1"))
    result = scaffold(jobs)
    assert result.changes == ()
    assert result.reordered and all(p.endswith("/errors") for p in result.reordered)
    assert result.loaded is not None and result.loaded.digest == jobs.digest


def _ruff(*args: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ruff_command(*args, str(path)), capture_output=True, text=True)


@pytest.mark.parametrize("name", ["hostile text", "tests/core full_manifest"])
def test_output_is_ruff_clean_and_formatted(name: str, tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(scaffold(loaded(OWN[name])).source, encoding="utf-8")
    lint = _ruff("check", "--select=E,F,W,I,B,UP,N", "--output-format=concise", path=module)
    assert lint.returncode == 0, lint.stdout
    fmt = _ruff("format", "--check", path=module)
    assert fmt.returncode == 0, fmt.stdout


def test_output_is_deterministic() -> None:
    contract = loaded(OWN["tests/core full_manifest"])
    assert scaffold(contract).source == scaffold(loaded(OWN["tests/core full_manifest"])).source


def _names_and_calls(source: str) -> tuple[set[str], set[str], list[ast.stmt]]:
    tree = ast.parse(source)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    return names, calls, tree.body


def test_hostile_text_stays_inside_string_literals(tmp_path: Path, clean_imports: None) -> None:
    source = assert_round_trip(loaded(HOSTILE_AUTHORED), tmp_path)
    names, calls, body = _names_and_calls(source)
    # Only the module's own statements: docstring, imports, constants, the contract.
    assert isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
    assert all(isinstance(s, ast.ImportFrom | ast.AnnAssign | ast.Assign) for s in body[1:]), [
        ast.dump(s)[:80] for s in body
    ]
    assert calls <= set(AUTHORING_NAMES)
    constants = {
        t.id
        for s in body
        if isinstance(s, ast.Assign)
        for t in s.targets
        if isinstance(t, ast.Name)
    }
    constants |= {
        s.target.id for s in body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }
    assert names <= constants | set(AUTHORING_NAMES) | {"Any", "dict", "str"}
    assert "__import__" not in names and "os" not in names
    strings = {n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)}
    assert NASTY in strings or any(NASTY in s for s in strings if isinstance(s, str))
    assert max(len(line) for line in source.splitlines()) <= 100


def test_one_descriptor_per_surface_and_schemas_as_named_constants() -> None:
    contract = loaded(OWN["tests/core full_manifest"])
    source = scaffold(contract).source
    m = contract.manifest
    for call, section in (("Rpc(", "rpc"), ("Operation(", "operations"), ("Event(", "events"),
                          ("Feed(", "feeds"), ("Job(", "jobs"), ("Kv(", "resources")):  # fmt: skip
        expected = len(m["resources"]["kv"]) if section == "resources" else len(m[section])
        assert source.count(call) == expected, call
    assert "ORDER_INPUT: dict[str, Any] = {" in source
    assert "input=ORDER_INPUT," in source
    assert 'NOT_FOUND_ERROR = define_error("NotFoundError", schema=NOT_FOUND)' in source
    assert 'call=["read", "write"]' in source or 'call=["write", "read"]' in source
    assert "subject=" not in source  # every subject is the default one
    assert 'contract="acme.billing@v1",' in source
    assert "trellis.health@v1" not in source  # implicit: define_service_contract adds it


def test_capabilities_of_the_own_namespace_are_written_by_local_name() -> None:
    contract = loaded(OWN["hostile text"])
    source = scaffold(contract).source
    assert capability_namespace(contract.id) == "we!rd.names"
    assert '"other::x"' in source and "we!rd.names::" not in source


def test_what_the_authoring_api_cannot_express_is_reported_per_pointer() -> None:
    raw = copy.deepcopy(full_manifest())  # a service and state, without the implicit uses
    raw["rpc"]["Order.Get"]["errors"] = []
    result = scaffold(loaded(raw))
    pointers = {d.pointer: d.message for d in result.changes}
    assert set(pointers) == {
        "/uses/required/health",
        "/uses/required/state",
        "/rpc/Order.Get/errors",
    }
    assert "adds this use implicitly" in pointers["/uses/required/health"]
    assert all(
        d.rule == "scaffold-roundtrip" and d.contract_id == "acme.orders@v1" for d in result.changes
    )


def test_undeclared_capabilities_are_reported_not_crashing() -> None:
    result = scaffold(loaded(with_implicit_uses(HOSTILE)))
    assert result.loaded is None
    assert any(d.rule == "undeclared-capability" for d in result.changes)


def test_export_name_must_be_a_free_identifier() -> None:
    contract = loaded(OWN["tests/core full_manifest"])
    for bad in ("class", "1x", "Rpc", "ORDER_INPUT x"):
        with pytest.raises(ScaffoldNameError):
            scaffold(contract, export=bad)
    assert "\nORDERS = define_service_contract(" in scaffold(contract, export="ORDERS").source


def test_without_docs_drops_every_docs_and_keeps_the_digest() -> None:
    contract = loaded(OWN["tests/core full_manifest"])
    result = scaffold(contract, docs=False)
    assert result.changes == () and result.loaded is not None
    assert "Docs(" not in result.source and result.loaded.digest == contract.digest
    assert "docs" not in result.loaded.manifest


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trellis_generate", "scaffold", *args],
        capture_output=True,
        text=True,
    )


def test_cli_writes_the_module_and_prints_the_digest(tmp_path: Path) -> None:
    manifest = tmp_path / "orders.json"
    manifest.write_text(json.dumps(OWN["tests/core full_manifest"]), encoding="utf-8")
    out = tmp_path / "orders.py"
    done = run_cli("--manifest", str(manifest), "--out", str(out), "--name", "ORDERS")
    assert done.returncode == 0, done.stderr
    assert f"digest: {loaded(OWN['tests/core full_manifest']).digest}" in done.stdout
    assert load_contract(out, name="ORDERS").id == "acme.orders@v1"


def test_cli_scaffolds_a_builtin_contract(tmp_path: Path) -> None:
    out = tmp_path / "health.py"
    done = run_cli("--contract", "trellis.health@v1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "HEALTH_HEARTBEAT: dict[str, Any] = {" in out.read_text(encoding="utf-8")


def test_cli_refuses_what_it_cannot_reproduce_and_writes_nothing(tmp_path: Path) -> None:
    manifest = tmp_path / "orders.json"
    manifest.write_text(json.dumps(full_manifest()), encoding="utf-8")
    out = tmp_path / "orders.py"
    done = run_cli("--manifest", str(manifest), "--out", str(out))
    assert done.returncode == 1 and not out.exists()
    assert "/uses/required/health: error:" in done.stderr and "Traceback" not in done.stderr
    forced = run_cli("--manifest", str(manifest), "--out", str(out), "--allow-changes")
    assert forced.returncode == 0 and out.exists()
    assert "/uses/required/health: warning:" in forced.stderr


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    manifest = tmp_path / "orders.json"
    manifest.write_text(json.dumps(OWN["tests/core full_manifest"]), encoding="utf-8")
    assert run_cli("--manifest", str(manifest), "--out", str(tmp_path / "x.txt")).returncode == 2
    assert (
        run_cli(
            "--manifest", str(manifest), "--out", str(tmp_path / "x.py"), "--name", "def"
        ).returncode
        == 2
    )
    assert run_cli("--contract", "acme.nope@v1", "--out", str(tmp_path / "x.py")).returncode == 2
    assert run_cli("--out", str(tmp_path / "x.py")).returncode == 2
