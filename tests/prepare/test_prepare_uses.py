"""What breaks across `uses` is an error everywhere: prepare, verify, diff and the watch mode agree.

Two Python contracts of one repository (tests/prepare/shop.py): `shop.lending@v1` uses
`Library.Book.Get` of `shop.library@v1`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trellis_generate.prepare.run import Options

from .conftest import Repo
from .shop import LENDING, lending, library, line_of

PYTHON = Options(targets=("manifest", "python"))
LENDING_CLIENT = "python/shop_lending_v1/client.py"


@pytest.fixture
def shop(repo: Repo) -> Repo:
    repo.write("contracts/library.py", library())
    repo.write("contracts/lending.py", lending())
    return repo


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trellis_generate", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def outcome(report: object, ident: str) -> object:
    return next(o for o in report.outcomes if o.id == ident)  # type: ignore[attr-defined]


# --- 1. a dependency that no longer has what is used ---------------------------------------------


def test_prepare_fails_naming_the_use_the_surface_and_the_dependency(shop: Repo) -> None:
    assert shop.prepare(PYTHON).ok
    before = (shop.out / LENDING_CLIENT).read_bytes()
    assert b"book_get" in before
    shop.write("contracts/library.py", library(rpc="Library.Book.Fetch"))
    report = shop.prepare(PYTHON)
    assert not report.ok
    lend = outcome(report, "shop.lending@v1")
    assert lend.status == "failed"  # type: ignore[attr-defined]
    (error,) = lend.diagnostics  # type: ignore[attr-defined]
    assert error.rule == "use-missing-surface"
    assert (error.contract_id, error.file) == ("shop.lending@v1", "contracts/lending.py")
    assert error.pointer == "/uses/required/library/rpc/call/0"
    assert error.line == line_of(LENDING, "uses={")
    assert "'library'" in error.message and "'Library.Book.Get'" in error.message
    assert "shop.library@v1" in error.message
    assert (shop.out / LENDING_CLIENT).read_bytes() == before


def test_watch_mode_keeps_the_dependents_output_when_a_used_surface_is_gone(shop: Repo) -> None:
    assert shop.prepare(PYTHON).ok
    before = (shop.out / LENDING_CLIENT).read_bytes()
    shop.write("contracts/library.py", library(rpc="Library.Book.Fetch"))
    report = shop.prepare(Options(targets=("manifest", "python"), keep_going=True))
    assert [d.rule for d in report.errors] == ["use-missing-surface"]
    assert (shop.out / LENDING_CLIENT).read_bytes() == before
    assert "Library.Book.Fetch" in (shop.out / "manifests/shop.library@v1.json").read_text()


def test_verify_fails_when_a_used_contract_of_its_repository_lacks_the_surface(
    shop: Repo,
) -> None:
    assert cli(shop.root, "verify", "--source", "contracts/lending.py").returncode == 0
    shop.write("contracts/library.py", library(rpc="Library.Book.Fetch"))
    done = cli(shop.root, "verify", "--source", "contracts/lending.py")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "shop.lending@v1: /uses/required/library/rpc/call/0: error:" in done.stderr
    assert "[use-missing-surface]" in done.stderr and "OK" not in done.stdout


def test_generate_with_a_dependency_manifest_lacking_the_surface_fails(shop: Repo) -> None:
    shop.write("contracts/library.py", library(rpc="Library.Book.Fetch"))
    dep = cli(shop.root, "generate", "manifest", "-s", "contracts/library.py", "-o", "lib.json")
    assert dep.returncode == 0, dep.stderr
    done = cli(
        shop.root,
        *("generate", "python", "-s", "contracts/lending.py", "-o", "out", "-d", "lib.json"),
    )
    assert done.returncode == 1 and "[use-missing-surface]" in done.stderr, done.stderr
    assert not (shop.root / "out").exists()


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@needs_git
def test_diff_classifies_the_dependent_as_broken(shop: Repo) -> None:
    git(shop.root, "init", "-q")
    git(shop.root, "add", "-A")
    git(shop.root, "commit", "-qm", "v1")
    shop.write("contracts/library.py", library(rpc="Library.Book.Fetch"))
    done = cli(shop.root, "diff", "--against", "HEAD", "--format", "json", "--fail-on", "breaking")
    assert done.returncode == 1, done.stderr
    doc = {c["id"]: c for c in json.loads(done.stdout)["contracts"]}
    lend = doc["shop.lending@v1"]
    assert lend["status"] == "unchanged" and lend["breaking"]
    (finding,) = lend["findings"]
    assert (finding["rule"], finding["pointer"]) == (
        "used-surface-removed",
        "/uses/required/library/rpc/call/0",
    )
    assert "Library.Book.Get" in finding["message"]


# --- 2. a dependency that fails to load ---------------------------------------------------------


def test_dependents_of_a_broken_module_are_dependency_failed_and_keep_their_output(
    shop: Repo,
) -> None:
    assert shop.prepare(PYTHON).ok
    before = shop.snapshot()
    shop.write("contracts/library.py", library() + "\nBROKEN = (\n")
    for options in (PYTHON, Options(targets=("manifest", "python"), keep_going=True)):
        report = shop.prepare(options)  # plain prepare, then watch's keep-going mode
        lend = outcome(report, "shop.lending@v1")
        assert lend.status == "failed"  # type: ignore[attr-defined]
        (error,) = lend.diagnostics  # type: ignore[attr-defined]
        assert (error.rule, error.pointer) == ("dependency-failed", "/uses/required/library")
        assert "shop.library@v1" in error.message and "contracts/library.py" in error.message
        assert not [d for d in report.problems if d.rule == "unknown-use"]
        after = shop.snapshot()
        assert {k: v for k, v in after.items() if k.startswith("python/shop_lending")} == {
            k: v for k, v in before.items() if k.startswith("python/shop_lending")
        }


def test_without_a_previous_run_a_broken_module_still_blocks_its_dependents(shop: Repo) -> None:
    shop.write("contracts/library.py", library() + "\nBROKEN = (\n")
    report = shop.prepare(PYTHON)
    (error,) = outcome(report, "shop.lending@v1").diagnostics  # type: ignore[attr-defined]
    assert error.rule == "dependency-failed" and "may define it" in error.message
    assert not (shop.out / LENDING_CLIENT).exists()


# --- 4. capabilities of another contract of the repository ----------------------------------------


def test_qualified_capability_the_owning_contract_does_not_declare_fails(shop: Repo) -> None:
    shop.write("contracts/lending.py", lending(call='["shop.library::books.nuke"]'))
    report = shop.prepare()
    (error,) = report.errors
    assert (error.rule, error.contract_id) == ("unknown-capability", "shop.lending@v1")
    assert error.pointer == "/rpc/Lending.Loan.Create/capabilities/call/0"
    assert "'shop.library::books.nuke'" in error.message and "shop.library@v1" in error.message
    shop.write("contracts/lending.py", lending(call='["shop.library::books.read"]'))
    assert shop.prepare().ok


def test_an_undeclared_capability_of_the_own_namespace_fails_verify(shop: Repo) -> None:
    shop.write("contracts/lending.py", lending(call='["shop.lending::loans.write"]'))
    done = cli(shop.root, "verify", "--source", "contracts/lending.py")
    assert done.returncode == 1
    assert "'shop.lending::loans.write', which shop.lending@v1 does not declare" in done.stderr


def test_a_change_of_the_capability_owner_rechecks_the_contract_naming_it(shop: Repo) -> None:
    shop.write("contracts/lending.py", lending(call='["shop.library::books.read"]'))
    assert shop.prepare().ok
    shop.write(
        "contracts/library.py",
        library()
        .replace('"books.read": Capability', '"books.see": Capability')
        .replace('call=["books.read"]', 'call=["books.see"]'),
    )
    report = shop.prepare()
    assert [d.rule for d in report.errors] == ["unknown-capability"]
