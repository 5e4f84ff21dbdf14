"""Static discovery: conventions and config, skipped dirs, libcst recognition, import closure."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from trellis_generate.commands import app
from trellis_generate.diagnostics import ContractError
from trellis_generate.discovery import discover, load_config
from trellis_generate.discovery.plan import dependents, order_by_uses
from trellis_generate.discovery.scan import scan_module

from .conftest import Repo, manifest, python_contract


def paths(repo: Repo) -> list[str]:
    return [s.key for s in discover(repo.root).sources]


def test_conventions_find_contract_modules_and_manifests(repo: Repo) -> None:
    repo.write("contracts/billing.py", python_contract("acme.billing@v1"))
    repo.write("services/shop/contract.py", python_contract("acme.shop@v1"))
    repo.write("contract.py", python_contract("acme.root@v1"))
    repo.write("specs/orders.contract.json", json.dumps(manifest("acme.orders@v1")))
    repo.write("contracts/nested/deep.py", python_contract("acme.deep@v1"))  # not contracts/*.py
    repo.write("specs/orders.json", json.dumps(manifest("acme.plain@v1")))  # not *.contract.json
    assert paths(repo) == [
        "contract.py:CONTRACT",
        "contracts/billing.py:CONTRACT",
        "services/shop/contract.py:CONTRACT",
        "specs/orders.contract.json",
    ]


def test_skipped_dirs_are_never_scanned(repo: Repo) -> None:
    for rel in (
        ".git/contract.py",
        ".venv/lib/contract.py",
        "venv/contract.py",
        "env3/lib/contract.py",  # a virtualenv by its pyvenv.cfg, whatever its name
        "node_modules/pkg/contract.py",
        "generated/x.contract.json",
        "build/contract.py",  # .gitignore'd
        "pkg/tmp/contract.py",  # ignored by a nested .gitignore
        "logs/a.contract.json",  # ignored by pattern
    ):
        repo.write(rel, python_contract("acme.hidden@v1"))
    repo.write("env3/pyvenv.cfg", "home = /usr\n")
    repo.write(".gitignore", "build/\nlogs/*.json\n!logs/keep.contract.json\n")
    repo.write("pkg/.gitignore", "tmp/\n")
    repo.write("logs/keep.contract.json", json.dumps(manifest("acme.kept@v1")))
    repo.write("pkg/contract.py", python_contract("acme.pkg@v1"))
    assert paths(repo) == ["logs/keep.contract.json", "pkg/contract.py:CONTRACT"]


def test_config_globs_replace_conventions_and_manifests_are_dependencies(repo: Repo) -> None:
    repo.write(
        "pyproject.toml",
        '[tool.trellis-generate]\ncontracts = ["defs/*.py"]\nmanifests = ["vendor/*.json"]\n'
        'out = "out"\ntargets = ["manifest"]\n',
    )
    repo.write("defs/one.py", python_contract("acme.one@v1"))
    repo.write("contracts/ignored.py", python_contract("acme.ignored@v1"))
    repo.write(
        "vendor/auth.json", json.dumps(manifest("trellis.auth@v1", uses=["trellis.health@v1"]))
    )
    found = discover(repo.root)
    assert [(s.key, s.role, s.id) for s in found.sources] == [
        ("defs/one.py:CONTRACT", "owned", "acme.one@v1"),
        ("vendor/auth.json", "dependency", "trellis.auth@v1"),
    ]
    assert found.sources[1].uses == ("trellis.health@v1",)
    assert (found.config.out, found.config.targets) == ("out", ("manifest",))


def test_unknown_config_key_is_a_located_error(repo: Repo) -> None:
    repo.write("pyproject.toml", "[tool.trellis-generate]\noutput = 'x'\n")
    with pytest.raises(ContractError) as err:
        load_config(repo.root)
    (diag,) = err.value.diagnostics
    assert (diag.rule, diag.file) == ("config-unknown-key", str(repo.root / "pyproject.toml"))


def test_helpers_are_recognised_however_imported_without_executing() -> None:
    source = (
        "raise SystemExit('never executed')\n"
        "import trellis_generate.authoring as ta\n"
        "from trellis_generate.authoring import define_app_contract as app\n"
        "from trellis_generate.authoring import *\n"
        "A = app(id='acme.app@v1')\n"
        "B: object = ta.define_agent_contract(id='acme.' 'agent@v1')\n"
        "C = define_device_contract(id=IDENT)\n"
        "D = something_else(id='x@v1')\n"
        "def later():\n    E = define_service_contract(id='not.module.level@v1')\n"
    )
    found = scan_module(source).contracts
    assert [(c.name, c.kind, c.id, c.line) for c in found] == [
        ("A", "app", "acme.app@v1", 5),
        ("B", "agent", "acme.agent@v1", 6),
        ("C", "device", None, 7),
    ]


def test_module_without_a_definition_is_a_candidate_not_a_contract(repo: Repo) -> None:
    repo.write("contracts/_common.py", "X = 1\n")
    repo.write("contracts/a.py", python_contract("acme.a@v1"))
    found = discover(repo.root)
    assert (paths(repo), found.candidates) == (
        ["contracts/a.py:CONTRACT"],
        ("contracts/_common.py",),
    )


def test_unparsable_module_stays_a_source_so_loading_reports_it(repo: Repo) -> None:
    repo.write("contracts/broken.py", "CONTRACT = (\n")
    assert [(s.key, s.id) for s in discover(repo.root).sources] == [("contracts/broken.py", None)]


def test_local_imports_are_followed_transitively(repo: Repo) -> None:
    repo.write(
        "contracts/a.py",
        python_contract(
            "acme.a@v1", extra="from . import sibling\nimport lib.models\nimport json\n"
        ),
    )
    repo.write("contracts/__init__.py", "")
    repo.write("contracts/sibling.py", "from lib.util import helper\n")
    repo.write("shared.py", "")
    repo.write("lib/__init__.py", "")
    repo.write("lib/models.py", "from .deep import thing\n")
    repo.write("lib/deep.py", "")
    repo.write("lib/util.py", "import os\n")
    repo.write("lib/unused.py", "")
    (source,) = discover(repo.root).sources
    assert source.imports == (
        "contracts/__init__.py",
        "contracts/sibling.py",
        "lib/__init__.py",
        "lib/deep.py",
        "lib/models.py",
        "lib/util.py",
        "shared.py",
    )


def test_generator_package_is_not_a_local_import(repo: Repo) -> None:
    # `trellis_generate` resolves under the project itself when it is the root.
    from tests.conftest import PROJECT_ROOT

    for source in discover(PROJECT_ROOT).sources:
        assert not any(p.startswith("trellis_generate/") for p in source.imports)


def test_plan_orders_used_before_user_and_reports_cycles() -> None:
    uses = {"c": ["b"], "b": ["a"], "a": [], "x": ["y"], "y": ["x"], "z": ["elsewhere"]}
    order, cycles = order_by_uses(uses)
    assert order.index("a") < order.index("b") < order.index("c")
    assert sorted(order) == sorted(uses)
    assert cycles == [["x", "y"]]
    assert dependents(uses)["a"] == {"b"}


def test_discover_json_lists_id_kind_uses_imports_and_order(repo: Repo) -> None:
    repo.write("contracts/a.py", python_contract("acme.a@v1"))
    repo.write("shared.py", "DESCRIPTION = 'x'\n")
    repo.write_manifest("acme.m@v1", uses=["acme.n@v1"])
    repo.write_manifest("acme.n@v1")
    result = CliRunner().invoke(app, ["discover", str(repo.root), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    rows = {r["path"]: r for r in doc["contracts"]}
    assert rows["contracts/a.py"] | {"imports": rows["contracts/a.py"]["imports"]} == {
        "path": "contracts/a.py",
        "name": "CONTRACT",
        "id": "acme.a@v1",
        "kind": "service",
        "role": "owned",
        "uses": None,
        "imports": ["shared.py"],
    }
    assert rows["contracts/m.contract.json"]["uses"] == ["acme.n@v1"]
    assert doc["order"].index("acme.n@v1") < doc["order"].index("acme.m@v1")


def test_discover_text_listing(repo: Repo) -> None:
    repo.write("contracts/a.py", python_contract("acme.a@v1"))
    repo.write("shared.py", "DESCRIPTION = 'x'\n")
    result = CliRunner().invoke(app, ["discover", str(repo.root)])
    assert result.output.splitlines() == [
        "contracts/a.py:CONTRACT  acme.a@v1  service",
        "    imports: shared.py",
    ]
