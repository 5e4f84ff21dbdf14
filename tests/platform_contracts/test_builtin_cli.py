"""The built-in contracts from the command line: `generate --contract ID`, and `uses` of them
resolving in `generate` and `diff` without any `--dep-manifest`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from trellis_generate.platform import manifest_path

HEALTH_USE = {"contract": "trellis.health@v1", "events": {"publish": ["Health.Heartbeat"]}}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trellis_generate", *args], capture_output=True, text=True
    )


def user(tmp_path: Path, name: str = "user.json", **uses: dict[str, Any]) -> Path:
    doc = {
        "format": "trellis.contract.v1",
        "id": "acme.user@v1",
        "displayName": "User",
        "description": "Uses platform contracts.",
        "kind": "service",
        "uses": {"required": {"health": HEALTH_USE, **uses}},
    }
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_generate_python_of_a_builtin_contract(tmp_path: Path) -> None:
    done = run("generate", "python", "--contract", "trellis.health@v1", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    package = tmp_path / "trellis_health_v1"
    assert sorted(p.name for p in package.iterdir()) == [
        "__init__.py", "client.py", "contract.py", "descriptors.py", "errors.py", "models.py",
        "py.typed", "service.py",
    ]  # fmt: skip
    assert "class HealthHeartbeat(" in (package / "models.py").read_text(encoding="utf-8")


def test_generate_manifest_of_a_builtin_is_the_shipped_manifest(tmp_path: Path) -> None:
    out = tmp_path / "core.json"
    done = run("generate", "manifest", "--contract", "trellis.core@v1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == manifest_path("trellis.core@v1").read_bytes()


def test_generate_resolves_uses_of_builtins_without_dep_manifests(tmp_path: Path) -> None:
    auth = {"contract": "trellis.auth@v1", "rpc": {"call": ["Auth.Sessions.Me"]}}
    source = user(tmp_path, auth=auth)
    done = run("generate", "scopes", "--manifest", str(source), "--out", str(tmp_path / "s"))
    assert done.returncode == 0, done.stderr
    md = (tmp_path / "s" / "acme.user@v1.scopes.md").read_text(encoding="utf-8")
    assert "unknown contract" not in md and "`rpc.v1.Auth.Sessions.Me`" in md
    assert "`events.v1.Health.Heartbeat`" in md


def test_an_unknown_builtin_id_or_two_inputs_are_usage_errors(tmp_path: Path) -> None:
    bad = run("generate", "python", "--contract", "acme.nope@v1", "--out", str(tmp_path))
    assert bad.returncode == 2 and "trellis.auth@v1" in bad.stderr
    both = run(
        "generate", "python", "--contract", "trellis.health@v1",
        "--manifest", str(user(tmp_path)), "--out", str(tmp_path),
    )  # fmt: skip
    assert both.returncode == 2 and "--contract ID" in both.stderr


def test_diff_permission_impact_resolves_builtin_uses(tmp_path: Path) -> None:
    old = user(tmp_path, "old.json")
    new = user(
        tmp_path,
        "new.json",
        auth={"contract": "trellis.auth@v1", "rpc": {"call": ["Auth.Sessions.Me"]}},
    )
    done = run("diff", str(old), str(new), "--format", "json")
    assert done.returncode == 0, done.stderr
    (contract,) = json.loads(done.stdout)["contracts"]
    gained = contract["permissions"]["service"]["gainedSubjects"]
    assert gained == [{"direction": "publish", "subject": "rpc.v1.Auth.Sessions.Me"}]
