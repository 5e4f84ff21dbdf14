"""`trellis-generate diff`: path sides, formats, exit codes, and git mode on a temp repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from diff_fixtures import BASE, changed
from typer.testing import CliRunner

from trellis_generate.commands import app

runner = CliRunner()

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["diff", *args])
    return result.exit_code, result.output


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _breaking_edit(m: dict) -> None:  # type: ignore[type-arg]
    del m["rpc"]["Users.Ping"]


# --- path sides -----------------------------------------------------------------------------


def test_manifest_files_breaking_change_fails_only_when_asked(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", BASE)
    new = write(tmp_path / "new.json", changed(_breaking_edit))
    code, out = run(str(old), str(new))
    assert code == 0 and "breaking: /rpc/Users.Ping: RPC 'Users.Ping' removed" in out
    assert "acme.users@v1: changed (breaking: needs acme.users@v2)" in out
    assert run(str(old), str(new), "--fail-on", "breaking")[0] == 1


def test_fail_on_any_counts_docs_only_edits(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", BASE)
    new = write(tmp_path / "new.json", changed(lambda m: m.update(docs={"markdown": "Hi."})))
    assert run(str(old), str(new), "--fail-on", "breaking")[0] == 0
    assert run(str(old), str(new), "--fail-on", "any")[0] == 1
    assert run(str(old), str(old), "--fail-on", "any")[0] == 0


def test_directories_pair_contracts_by_id(tmp_path: Path) -> None:
    other = {**BASE, "id": "acme.other@v1"}
    write(tmp_path / "a" / "manifests" / "acme.users@v1.json", BASE)
    write(tmp_path / "a" / "manifests" / "acme.other@v1.json", other)
    write(tmp_path / "b" / "acme.users@v1.json", BASE)
    write(tmp_path / "b" / "acme.new@v1.json", {**BASE, "id": "acme.new@v1"})
    code, out = run(str(tmp_path / "a"), str(tmp_path / "b"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(c["id"], c["status"]) for c in data["contracts"]] == [
        ("acme.new@v1", "added"),
        ("acme.other@v1", "removed"),
        ("acme.users@v1", "unchanged"),
    ]
    assert data["summary"]["breaking"] == 1


def test_json_output_carries_pointers_and_permission_impact(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", BASE)
    new = write(tmp_path / "new.json", changed(_breaking_edit))
    data = json.loads(run(str(old), str(new), "--format", "json")[1])
    (contract,) = data["contracts"]
    assert contract["consequence"] == "breaking: needs acme.users@v2"
    assert {"severity": "breaking", "rule": "surface-removed", "pointer": "/rpc/Users.Ping",
            "message": "RPC 'Users.Ping' removed", "surfaces": []} in contract["findings"]  # fmt: skip
    lost = contract["permissions"]["callers"]["lostSubjects"]
    assert lost == [{"direction": "publish", "subject": "rpc.v1.Users.Ping"}]


def test_invalid_contract_exits_1_with_diagnostics(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", BASE)
    bad = write(tmp_path / "bad.json", {**BASE, "kind": "gadget"})
    result = runner.invoke(app, ["diff", str(old), str(bad)])
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "args",
    [["only-one.json"], ["a.json", "b.json", "c.json"], ["missing.json", "missing2.json"],
     ["--against", "HEAD", "a", "b"]],
)  # fmt: skip
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args)[0] == 2


# --- git mode -------------------------------------------------------------------------------

SHARED_V1 = """\
from pydantic import BaseModel


class UserRef(BaseModel):
    id: str
    verbose: bool | None = None
"""

USERS = """\
from pydantic import BaseModel

from contracts._shared import UserRef
from trellis_generate.authoring import Capability, Docs, Rpc, define_service_contract


class User(BaseModel):
    id: str


CONTRACT = define_service_contract(
    id="acme.users@v1",
    display_name="Users",
    description="Users.",
    docs={docs},
    capabilities={{
        "read": Capability(display_name="Read users", description="See users."),
        {extra_capability}
    }},
    rpc={{
        "Users.Get": Rpc(input=UserRef, output=User, call=["acme.users::read"]),
        {rpcs}
    }},
)
"""
PING = '"Users.Ping": Rpc(input=UserRef, output=UserRef),'
AUDIT_CAP = (
    '"audit": Capability(display_name="Audit users", description="See the audit trail.", '
    'consequence="Sees every change."),'
)
AUDIT_RPC = '"Users.Audit": Rpc(input=UserRef, output=User, call=["acme.users::audit"]),'


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def users(*, docs: str = "None", extra_capability: str = "", rpcs: str = PING) -> str:
    return USERS.format(docs=docs, extra_capability=extra_capability, rpcs=rpcs)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds one Python contract and a helper module."""
    root = tmp_path / "repo"
    (root / "contracts").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0"\n')
    (root / "contracts" / "_shared.py").write_text(SHARED_V1)
    (root / "contracts" / "users.py").write_text(users())
    git(root, "init", "-q")
    git(root, "-c", "user.email=t@t", "-c", "user.name=t", "add", "-A")
    git(root, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "v1")
    return root


def commit(repo: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (repo / rel).write_text(text)
    git(repo, "add", "-A")
    git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "next")


@needs_git
def test_git_mode_names_each_breaking_finding_with_its_pointer(repo: Path) -> None:
    commit(repo, {
        "contracts/users.py": users(rpcs=""),
        "contracts/_shared.py": SHARED_V1.replace("bool | None = None", "bool"),
    })  # fmt: skip
    code, out = run("--against", "HEAD~1", str(repo), "--fail-on", "breaking")
    assert code == 1, out
    assert "breaking: /rpc/Users.Ping: RPC 'Users.Ping' removed [surface-removed]" in out
    assert "breaking: /schemas/UserRef/properties/verbose:" in out
    assert "optional property 'verbose' is now required" in out


@needs_git
def test_git_mode_docs_only_change_passes(repo: Path) -> None:
    commit(repo, {"contracts/users.py": users(docs='Docs(markdown="Now documented.")')})
    code, out = run("--against", "HEAD~1", str(repo), "--fail-on", "breaking")
    assert code == 0, out
    assert "acme.users@v1: unchanged" in out and "metadata-only: /docs" in out


@needs_git
def test_git_mode_additive_change_passes_and_lists_new_caller_capabilities(repo: Path) -> None:
    commit(repo, {"contracts/users.py": users(extra_capability=AUDIT_CAP, rpcs=PING + AUDIT_RPC)})
    code, out = run(
        "--against", "HEAD~1", str(repo), "--fail-on", "breaking", "--format", "markdown"
    )
    assert code == 0, out
    granted = out.split("**New capabilities callers must be granted**", 1)[1]
    assert (
        "| `acme.users::audit` | Audit users | See the audit trail. | Sees every change. |"
        in granted
    )
    assert "compatible: same id" in out


@needs_git
def test_git_mode_compares_uncommitted_working_tree(repo: Path) -> None:
    (repo / "contracts" / "users.py").write_text(users(rpcs=""))
    code, out = run("--against", "HEAD", str(repo), "--fail-on", "breaking")
    assert code == 1 and "/rpc/Users.Ping" in out


@needs_git
def test_git_mode_unknown_revision_is_a_usage_error(repo: Path) -> None:
    code, out = run("--against", "no-such-rev", str(repo))
    assert code == 2 and "unknown revision 'no-such-rev'" in out


def test_loading_a_side_neither_sees_nor_leaks_same_named_modules(tmp_path: Path) -> None:
    import sys
    import types

    from trellis_generate.diff.sides import load_path_side

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "0"\n')
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "_shared.py").write_text(SHARED_V1)
    (tmp_path / "contracts" / "users.py").write_text(users())
    foreign = types.ModuleType("contracts")
    foreign.__path__ = [str(tmp_path.parent / "elsewhere")]
    sys.modules["contracts"] = foreign
    try:
        side = load_path_side(str(tmp_path / "contracts" / "users.py"))
        assert sys.modules["contracts"] is foreign
        assert "contracts._shared" not in sys.modules
    finally:
        del sys.modules["contracts"]
    assert side.diagnostics == [] and list(side.contracts) == ["acme.users@v1"]
