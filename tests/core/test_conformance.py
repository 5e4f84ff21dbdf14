"""The reference's conformance data, read from ../shared (never copied into the project)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CONFORMANCE, read_json, real_manifest_paths, requires_shared
from trellis_generate.core.canonical import canonical_json, digest_json
from trellis_generate.core.digest import contract_digest
from trellis_generate.pipeline import load_contract

pytestmark = requires_shared


def _digests() -> dict[str, dict[str, str]]:
    if not CONFORMANCE.is_dir():
        return {}
    return {e["id"]: e for e in read_json(CONFORMANCE / "manifests" / "digests.json")}


@pytest.mark.parametrize(
    "vector",
    read_json(CONFORMANCE / "canonical-json.vectors.json") if CONFORMANCE.is_dir() else [],
    ids=lambda v: v["name"],
)
def test_canonical_json_vector(vector: dict) -> None:
    assert canonical_json(vector["input"]) == vector["canonical"]
    assert digest_json(vector["input"]) == vector["digest"]


@pytest.mark.parametrize(
    "vector",
    read_json(CONFORMANCE / "contract-digest.vectors.json") if CONFORMANCE.is_dir() else [],
    ids=lambda v: v["name"],
)
def test_contract_digest_vector(vector: dict, tmp_path) -> None:
    path = tmp_path / "vector.json"
    path.write_text(json.dumps(vector["input"]), encoding="utf-8")
    assert load_contract(path).digest == vector["digest"]


@pytest.mark.parametrize("path", real_manifest_paths(), ids=lambda p: p.stem)
def test_real_manifest_runtime_digest(path) -> None:
    expected = _digests()[path.stem]
    contract = load_contract(path)
    assert contract.id == expected["id"]
    assert contract.digest == expected["runtimeDigest"]


@pytest.mark.parametrize("path", real_manifest_paths(), ids=lambda p: p.stem)
def test_real_manifest_rust_digest_when_internal_is_kept(path) -> None:
    contract = load_contract(path)
    assert (
        contract_digest(contract.manifest, keep_internal=True)
        == _digests()[path.stem]["rustSdkDigest"]
    )


def test_cli_digest_prints_each_runtime_digest() -> None:
    for path in real_manifest_paths():
        out = subprocess.run(
            [sys.executable, "-m", "trellis_generate", "digest", "--manifest", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out == _digests()[path.stem]["runtimeDigest"] + "\n"
