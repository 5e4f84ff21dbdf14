"""prepare resolves `uses` of the platform contracts to the built-in ones."""

from __future__ import annotations

import json
from typing import Any

from tests.prepare.conftest import Repo, manifest
from trellis_generate.platform import builtin_contract
from trellis_generate.prepare.run import Options

SCOPES = Options(targets=("manifest", "scopes", "python"))


def _user(**uses: dict[str, Any]) -> dict[str, Any]:
    doc = manifest("acme.user@v1")
    doc["uses"] = {"required": uses}
    return doc


AUTH_USE = {"contract": "trellis.auth@v1", "rpc": {"call": ["Auth.Requests.Validate"]}}
HEALTH_USE = {"contract": "trellis.health@v1", "events": {"publish": ["Health.Heartbeat"]}}


def test_uses_of_platform_contracts_resolve_without_manifests(repo: Repo) -> None:
    repo.write("contracts/user.contract.json", json.dumps(_user(auth=AUTH_USE, health=HEALTH_USE)))
    report = repo.prepare(SCOPES)
    assert report.ok and report.problems == []
    listing = json.loads((repo.out / "scopes/acme.user@v1.scopes.json").read_text())
    assert "unknown contract" not in json.dumps(listing)
    md = (repo.out / "scopes/acme.user@v1.scopes.md").read_text()
    assert "## Blockers" not in md and "`rpc.v1.Auth.Requests.Validate`" in md
    client = (repo.out / "python/acme_user_v1/client.py").read_text()
    assert "manifest not available" not in client
    descriptors = (repo.out / "python/acme_user_v1/descriptors.py").read_text()
    assert 'subject="rpc.v1.Auth.Requests.Validate"' in descriptors
    assert 'subject="events.v1.Health.Heartbeat"' in descriptors


def test_noop_after_resolving_builtins_renders_nothing(repo: Repo) -> None:
    repo.write("contracts/user.contract.json", json.dumps(_user(auth=AUTH_USE)))
    assert repo.prepare(SCOPES).ok
    repo.renderer.take()
    before = repo.snapshot()
    report = repo.prepare(SCOPES)
    assert report.ok and repo.renderer.take() == {} and repo.snapshot() == before


def test_a_repository_manifest_of_a_builtin_id_wins_and_a_different_digest_warns(
    repo: Repo,
) -> None:
    repo.write("contracts/user.contract.json", json.dumps(_user(health=HEALTH_USE)))
    builtin = builtin_contract("trellis.health@v1")
    assert builtin is not None
    own = json.loads(json.dumps(builtin.manifest))
    own["events"]["Health.Heartbeat"]["subject"] = "events.v1.Health.Beat"
    repo.write("vendor/health.contract.json", json.dumps(own))
    report = repo.prepare(SCOPES)
    assert report.ok
    (warning,) = [d for d in report.problems if d.rule == "builtin-shadowed"]
    assert warning.severity == "warning" and warning.file == "vendor/health.contract.json"
    assert builtin.digest in warning.message
    descriptors = (repo.out / "python/acme_user_v1/descriptors.py").read_text()
    assert 'subject="events.v1.Health.Beat"' in descriptors


def test_a_repository_manifest_equal_to_the_builtin_does_not_warn(repo: Repo) -> None:
    repo.write("contracts/user.contract.json", json.dumps(_user(health=HEALTH_USE)))
    builtin = builtin_contract("trellis.health@v1")
    assert builtin is not None
    own = json.loads(json.dumps(builtin.manifest))
    own["description"] = "Our copy, described differently (docs are not in the digest)."
    repo.write("vendor/health.contract.json", json.dumps(own))
    report = repo.prepare(SCOPES)
    assert report.ok and report.problems == []


def test_unknown_non_platform_uses_still_warn(repo: Repo) -> None:
    repo.write(
        "contracts/user.contract.json",
        json.dumps(_user(health=HEALTH_USE, typo={"contract": "trellis.helth@v1"})),
    )
    report = repo.prepare(SCOPES)
    assert [d.rule for d in report.problems] == ["unknown-use"]
    assert "trellis.helth@v1" in report.problems[0].message
