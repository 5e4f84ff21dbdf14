"""The plugin's pure parts and its in-memory renderer, without a pytest run inside a pytest run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.pytest_plugin.plugin_repos import PYPROJECT, USER_TEST, contract_module
from tests.sdk.conftest import example_contracts
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.pytest_plugin.artifacts import manifest_review_text, parse_manifest_review
from trellis_generate.pytest_plugin.repository import find_repository_root, render_repository
from trellis_generate.pytest_plugin.snapshots import ContractSnapshots, TrellisContractWarning

CONTRACTS = example_contracts()


@pytest.mark.parametrize("contract_id", sorted(CONTRACTS))
def test_manifest_snapshot_reads_back_to_the_same_contract(contract_id: str) -> None:
    contract = CONTRACTS[contract_id]
    raw, digest = parse_manifest_review(manifest_review_text(contract))
    assert digest == contract.digest
    again = contract_from_manifest(raw, Origin("snapshot", "json"))
    assert (again.canonical, again.digest) == (contract.canonical, contract.digest)


def test_manifest_snapshot_with_duplicate_keys_is_refused() -> None:
    with pytest.raises(ValueError, match="duplicate object key 'id'"):
        parse_manifest_review('// digest: x\n{"id": "a@v1", "id": "b@v1"}\n')


def test_repository_root_is_the_nearest_pyproject_at_or_above_rootdir(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_repository_root(nested) == tmp_path
    assert find_repository_root(tmp_path) == tmp_path
    (nested / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_repository_root(nested) == nested


def _repo(root: Path, **modules: str) -> Path:
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "services").mkdir()
    for name, text in modules.items():
        (root / "services" / f"{name}.py").write_text(text, encoding="utf-8")
    return root


def test_render_repository_writes_nothing_and_leaves_imports_as_they_were(tmp_path: Path) -> None:
    root = _repo(tmp_path, api=contract_module())
    path_before = list(sys.path)
    rendered = render_repository(root, ("manifest", "scopes"))
    assert sys.path == path_before
    assert not [
        name
        for name, module in sys.modules.items()
        if str(getattr(module, "__file__", "") or "").startswith(str(tmp_path))
    ]
    assert list(rendered.contracts) == ["acme.api@v1"]
    assert sorted(rendered.contracts["acme.api@v1"].files) == [
        "manifests/acme.api@v1.json",
        "scopes/acme.api@v1.scopes.json",
        "scopes/acme.api@v1.scopes.md",
    ]
    assert rendered.errors == ()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml", "services"]


def test_render_repository_reports_what_prepare_reports(tmp_path: Path) -> None:
    root = _repo(tmp_path, api=contract_module(), copy=contract_module())
    rendered = render_repository(root, ("manifest", "scopes"))
    assert [d.rule for d in rendered.errors] == ["duplicate-contract-id"]
    assert rendered.errors[0].file == "services/copy.py"


def test_readme_shows_the_test_file_these_tests_run() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```python excerpt\n{USER_TEST}```" in readme


def test_prepare_warnings_surface_as_pytest_warnings(tmp_path: Path) -> None:
    uses = '    uses={"ghost": Use(contract="acme.ghost@v1", rpc_call=["Ghost.Boo"])},\n'
    root = _repo(tmp_path, api=contract_module(extra=uses))
    with pytest.warns(TrellisContractWarning, match="uses unknown contract 'acme.ghost@v1'"):
        rendered = ContractSnapshots(root).rendered()
    assert list(rendered.contracts) == ["acme.api@v1"]


def test_the_python_target_reuses_models_from_the_shared_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trellis_generate.prepare.model_cache import CACHE_ENV
    from trellis_generate.render import models

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "user-cache"))
    real, calls = models._generate, []

    def counting(document: dict[str, object]) -> object:
        calls.append(document)
        return real(document)

    monkeypatch.setattr(models, "_generate", counting)
    (tmp_path / "repo").mkdir()
    root = _repo(tmp_path / "repo", api=contract_module())
    first = render_repository(root, ("python",)).contracts["acme.api@v1"].files
    generated = len(calls)
    second = render_repository(root, ("python",)).contracts["acme.api@v1"].files
    assert generated and len(calls) == generated  # the second render read every model back
    assert second == first
