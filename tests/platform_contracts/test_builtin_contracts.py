"""The five built-in platform contracts: authored here, shipped built, the platform's digests."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import REAL_MANIFESTS, read_json, requires_shared
from trellis_generate.contract import LoadedContract, Origin
from trellis_generate.core.digest import contract_digest
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.platform import (
    BUILTIN_IDS,
    builtin_contract,
    builtin_contracts,
    manifest_path,
    with_builtins,
)
from trellis_generate.platform.build import build, main, manifest_text

IDS = sorted(BUILTIN_IDS)


def test_the_five_platform_contracts_are_built_in() -> None:
    assert IDS == [
        "trellis.auth@v1",
        "trellis.core@v1",
        "trellis.health@v1",
        "trellis.jobs@v1",
        "trellis.state@v1",
    ]


@pytest.mark.parametrize("contract_id", IDS)
def test_authoring_module_validates_and_loads(contract_id: str) -> None:
    contract = build(contract_id)  # raises ContractError listing every problem
    assert contract.id == contract_id and contract.kind == "service"
    assert len(contract.digest) == 43


@pytest.mark.parametrize("contract_id", IDS)
def test_shipped_manifest_is_what_the_authoring_module_builds(contract_id: str) -> None:
    """Fails after an edit of the module until `python -m trellis_generate.platform.build`."""
    built = build(contract_id)
    assert manifest_path(contract_id).read_text(encoding="utf-8") == manifest_text(built)
    shipped = builtin_contract(contract_id)
    assert shipped is not None
    assert (shipped.manifest, shipped.canonical, shipped.digest) == (
        built.manifest,
        built.canonical,
        built.digest,
    )


def test_build_check_passes_when_in_sync(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert main(["--bogus"]) == 2


@pytest.mark.parametrize("contract_id", IDS)
def test_shipped_manifest_is_valid_as_plain_json(contract_id: str) -> None:
    """The loader skips validation of shipped files; validating them independently must agree."""
    raw = json.loads(manifest_path(contract_id).read_text(encoding="utf-8"))
    again = contract_from_manifest(raw, Origin("<shipped>", "json"))
    shipped = builtin_contract(contract_id)
    assert shipped is not None and again.digest == shipped.digest
    assert again.manifest == shipped.manifest


def _runtime_digests() -> dict[str, dict[str, str]]:
    return {e["id"]: e for e in read_json(REAL_MANIFESTS / "digests.json")}


@requires_shared
@pytest.mark.parametrize("contract_id", IDS)
def test_digest_is_the_reference_runtime_digest(contract_id: str) -> None:
    shipped = builtin_contract(contract_id)
    assert shipped is not None
    assert shipped.digest == _runtime_digests()[contract_id]["runtimeDigest"]


@requires_shared
def test_core_keeps_internal_and_matches_the_rust_sdk_digest_with_it() -> None:
    core = builtin_contract("trellis.core@v1")
    assert core is not None
    assert core.manifest["rpc"]["Trellis.Bindings.Get"]["internal"] is True
    rust = _runtime_digests()["trellis.core@v1"]["rustSdkDigest"]
    assert contract_digest(core.manifest, keep_internal=True) == rust


def _prose(manifest: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(pointer, text) of every string the digest does not cover: display name, description,
    docs of the contract and of every surface."""
    yield "/displayName", manifest["displayName"]
    yield "/description", manifest["description"]
    owners: list[tuple[str, dict[str, Any]]] = [("", manifest)]
    for section in ("rpc", "operations", "events", "feeds", "jobs", "state"):
        owners += [(f"/{section}/{k}", v) for k, v in (manifest.get(section) or {}).items()]
    for at, owner in owners:
        for key, text in (owner.get("docs") or {}).items():
            yield f"{at}/docs/{key}", text


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


@requires_shared
@pytest.mark.parametrize("contract_id", IDS)
def test_prose_outside_the_digest_is_our_own(contract_id: str) -> None:
    shipped = builtin_contract(contract_id)
    assert shipped is not None
    reference = read_json(REAL_MANIFESTS / f"{contract_id}.json")
    theirs = {_plain(text) for _, text in _prose(reference)}
    copied = [at for at, text in _prose(dict(shipped.manifest)) if _plain(text) in theirs]
    assert copied == []


def test_lookups_load_only_the_contract_looked_up() -> None:
    builtin_contract.cache_clear()
    mapping = builtin_contracts()
    assert sorted(mapping) == IDS and len(mapping) == 5 and "trellis.state@v1" in mapping
    assert builtin_contract.cache_info().currsize == 0  # listing ids loads nothing
    assert mapping["trellis.health@v1"].id == "trellis.health@v1"
    assert builtin_contract.cache_info().currsize == 1
    assert builtin_contract("acme.billing@v1") is None
    with pytest.raises(KeyError):
        mapping["acme.billing@v1"]


def test_loading_a_builtin_does_not_import_the_authoring_api() -> None:
    code = (
        "import sys\n"
        "from trellis_generate.platform import builtin_contract\n"
        "assert builtin_contract('trellis.auth@v1') is not None\n"
        "print(sorted(m for m in sys.modules if m.startswith('trellis_generate.authoring')\n"
        "             or m.startswith('trellis_generate.platform.') or m == 'pydantic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def _service(uses: dict[str, Any]) -> LoadedContract:
    raw = {
        "format": "trellis.contract.v1",
        "id": "acme.user@v1",
        "displayName": "User",
        "description": "Uses the platform.",
        "kind": "service",
        "uses": {"required": uses},
    }
    return contract_from_manifest(raw, Origin("<test>", "json"))


def test_with_builtins_adds_only_used_builtins_and_the_given_deps_win() -> None:
    user = _service(
        {
            "auth": {"contract": "trellis.auth@v1", "rpc": {"call": ["Auth.Requests.Validate"]}},
            "state": {"contract": "trellis.state@v1"},
            "other": {"contract": "acme.other@v1"},
        }
    )
    own_state = contract_from_manifest(
        {
            "format": "trellis.contract.v1",
            "id": "trellis.state@v1",
            "displayName": "Our state",
            "description": "A repository's own manifest of the id.",
            "kind": "service",
        },
        Origin("<repo>", "json"),
    )
    deps = with_builtins({"trellis.state@v1": own_state}, [user])
    assert sorted(deps) == ["trellis.auth@v1", "trellis.state@v1"]
    assert deps["trellis.state@v1"] is own_state
    assert deps["trellis.auth@v1"] is builtin_contract("trellis.auth@v1")
