"""The pytest plugin end to end, on temporary user repositories run with pytester: the user's
three-line test file, their `[tool.trellis-generate]`, syrupy's `--snapshot-update`."""

from __future__ import annotations

import json

import pytest

# Imported here, not first inside a run: pytester forgets the modules an in-process run
# imported, so each run would otherwise import discovery, prepare and diff again.
import trellis_generate.pytest_plugin.snapshots  # noqa: F401
from tests.pytest_plugin.plugin_repos import (
    SNAPSHOTS,
    UserRepo,
    contract_module,
    in_order,
    user_repo,
)

pytest_plugins = ["pytester"]

MANIFEST = "test_contract_snapshots[acme.api@v1].manifest.jsonc"
SCOPES = "test_contract_snapshots[acme.api@v1].scopes.md"


@pytest.fixture
def repo(pytester: pytest.Pytester) -> UserRepo:
    return user_repo(pytester)


@pytest.fixture
def recorded(repo: UserRepo) -> UserRepo:
    """A repository whose snapshots were just recorded."""
    repo.run("--snapshot-update").assert_outcomes(passed=1)
    return repo


def _summary_before_diff(output: str) -> None:
    """The semantic summary comes first, the textual diff of the files after it."""
    summary = output.index("Semantic summary (trellis-generate diff):")
    assert output.index("Trellis contract snapshots differ:") < summary
    assert summary < output.index(f"--- {SNAPSHOTS}/")


def test_first_run_fails_until_snapshot_update_records_one_file_per_artifact(
    repo: UserRepo,
) -> None:
    first = repo.run()
    first.assert_outcomes(failed=1)
    in_order(
        first,
        "Trellis contract snapshots differ: compatible",
        "acme.api@v1: added (new contract)",
        f"new snapshot: {SNAPSHOTS}/{MANIFEST}",
        f"new snapshot: {SNAPSHOTS}/{SCOPES}",
    )
    assert repo.snapshot_files() == {}

    repo.run("--snapshot-update").assert_outcomes(passed=1)
    files = repo.snapshot_files()
    assert sorted(files) == [MANIFEST, SCOPES]
    assert not (repo.root / "generated").exists()  # rendered in memory only

    # The manifest snapshot is the canonical manifest with the digest the CLI computes.
    header, digest_line, *body = files[MANIFEST].splitlines(keepends=True)
    assert header.startswith("//")
    digest = repo.cli("digest", "--source", "services/api.py").strip()
    assert digest_line == f"// digest: {digest}\n"
    manifest = json.loads("".join(body))
    assert manifest["id"] == "acme.api@v1"
    assert sorted(manifest["rpc"]) == ["Api.Echo", "Api.Ping"]
    # The scope listing is byte for byte the review table prepare writes.
    repo.cli("prepare", "--targets", "scopes")
    written = repo.root / "generated/scopes/acme.api@v1.scopes.md"
    assert files[SCOPES] == written.read_text(encoding="utf-8")


def test_unchanged_contracts_pass(recorded: UserRepo) -> None:
    before = recorded.snapshot_files()
    result = recorded.run()
    result.assert_outcomes(passed=1)
    in_order(result, "2 snapshots passed")
    assert recorded.snapshot_files() == before
    assert not (recorded.root / "generated").exists()


def test_added_capability_fails_compatible_with_permission_impact(recorded: UserRepo) -> None:
    before = recorded.snapshot_files()
    recorded.write(
        "services/api.py",
        contract_module(
            capabilities=("ping", "admin"),
            rpcs=(("Api.Ping", ("ping",)), ("Api.Echo", ("ping",)), ("Api.Reset", ("admin",))),
        ),
    )
    result = recorded.run()
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    _summary_before_diff(output)
    in_order(
        result,
        "Trellis contract snapshots differ: compatible; run `pytest --snapshot-update`",
        "Permission impact: callers must be granted 1 capability, gain 1 subject; "
        "the service gains 1 subject.",
        "acme.api@v1: changed (compatible: same id)",
        "compatible: /capabilities/acme.api::admin: capability 'acme.api::admin' added",
        "compatible: /rpc/Api.Reset: RPC 'Api.Reset' added",
        "callers: must be granted acme.api::admin (Admin: May admin.)",
        "1 changed, 0 added, 0 removed, 0 unchanged; 0 breaking",
        f"--- {SNAPSHOTS}/{MANIFEST} (snapshot)",
        f"+++ {SNAPSHOTS}/{MANIFEST} (rendered)",
        '+    "acme.api::admin": {',
    )
    assert recorded.snapshot_files() == before  # nothing rewritten without --snapshot-update


def test_removed_rpc_fails_as_breaking(recorded: UserRepo) -> None:
    recorded.write("services/api.py", contract_module(rpcs=(("Api.Ping", ("ping",)),)))
    result = recorded.run()
    result.assert_outcomes(failed=1)
    _summary_before_diff(result.stdout.str())
    in_order(
        result,
        "Trellis contract snapshots differ: breaking; ",
        "Permission impact: callers lose 1 subject; the service loses 1 subject.",
        "acme.api@v1: changed (breaking: needs acme.api@v2)",
        "breaking: /rpc/Api.Echo: RPC 'Api.Echo' removed [surface-removed]",
        "callers: loses publish rpc.v1.Api.Echo",
        "1 changed, 0 added, 0 removed, 0 unchanged; 1 breaking",
        '-    "Api.Echo": {',
    )


def test_changed_description_fails_as_metadata_only(recorded: UserRepo) -> None:
    recorded.write("services/api.py", contract_module(description="Answers pings quickly."))
    result = recorded.run()
    result.assert_outcomes(failed=1)
    in_order(
        result,
        "Trellis contract snapshots differ: metadata-only; ",
        "Permission impact: none.",
        "metadata-only: /description: description changed",
    )


def test_snapshot_update_writes_the_changed_files_then_the_test_passes(
    recorded: UserRepo,
) -> None:
    before = recorded.snapshot_files()
    recorded.write("services/api.py", contract_module(capabilities=("ping", "admin")))
    updated = recorded.run("--snapshot-update")
    updated.assert_outcomes(passed=1)
    in_order(updated, "2 snapshots updated")
    after = recorded.snapshot_files()
    assert after != before
    assert "acme.api::admin" in json.loads(after[MANIFEST].split("\n", 2)[2])["capabilities"]
    assert "`acme.api::admin`" in after[SCOPES]
    recorded.run().assert_outcomes(passed=1)


def test_unreadable_manifest_snapshot_is_noted_not_taken_for_a_new_contract(
    recorded: UserRepo,
) -> None:
    recorded.write(f"{SNAPSHOTS}/{MANIFEST}", "// digest: x\n{ not json\n")
    result = recorded.run()
    result.assert_outcomes(failed=1)
    in_order(
        result,
        "Trellis contract snapshots differ: no manifest change; ",
        f"{SNAPSHOTS}/{MANIFEST}: not a manifest snapshot (",
        f"--- {SNAPSHOTS}/{MANIFEST} (snapshot)",
    )
    assert "added (new contract)" not in result.stdout.str()
    recorded.run("--snapshot-update").assert_outcomes(passed=1)
    recorded.run().assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("contract", "expected"),
    [
        pytest.param(
            contract_module(tail="broken = (\n"),
            "services/api.py:2*: error: *never closed*",
            id="syntax-error",
        ),
        pytest.param(
            contract_module(rpcs=(("Api.Ping", ("nope",)),)),
            "services/api.py:*: acme.api@v1: /rpc/Api.Ping/capabilities/call: error: *undeclared local capability *nope*",
            id="invalid-contract",
        ),
    ],
)
def test_contract_that_fails_to_load_fails_with_its_diagnostic_not_a_traceback(
    recorded: UserRepo, contract: str, expected: str
) -> None:
    before = recorded.snapshot_files()
    recorded.write("services/api.py", contract)
    result = recorded.run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [f"trellis-generate cannot render the contracts of {recorded.root}:", expected]
    )
    output = result.stdout.str()
    assert "Traceback" not in output
    assert "trellis_generate/" not in output  # no frame of ours either
    # --snapshot-update on a broken contract keeps the recorded baseline (syrupy would
    # otherwise delete every file the test did not assert as unused).
    recorded.run("--snapshot-update").assert_outcomes(failed=1)
    assert recorded.snapshot_files() == before


def test_github_format_annotates_the_changed_contract_file_in_the_pull_request(
    recorded: UserRepo,
) -> None:
    recorded.write("services/api.py", contract_module(rpcs=(("Api.Ping", ("ping",)),)))
    result = recorded.run("--trellis-error-format=github")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "::error file=services/api.py,title=trellis-generate ?contract-snapshot?::"
            "acme.api@v1: contract snapshot differs (breaking; breaking: needs acme.api@v2)*",
            "Trellis contract snapshots differ: breaking; *",
        ]
    )
    assert "::error" not in recorded.run().stdout.str()  # text (the default) has none


def test_github_format_annotates_the_line_of_a_contract_that_does_not_load(
    recorded: UserRepo,
) -> None:
    recorded.write("services/api.py", contract_module(rpcs=(("Api.Ping", ("nope",)),)))
    result = recorded.run("--trellis-error-format=github")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["::error file=services/api.py,line=*,title=trellis-generate ?*?::acme.api@v1: *nope*"]
    )


def test_removed_contract_is_reported_stale_and_snapshot_update_deletes_its_files(
    recorded: UserRepo,
) -> None:
    recorded.write("services/extra.py", contract_module("acme.extra@v1"))
    recorded.run("--snapshot-update").assert_outcomes(passed=1)
    assert len(recorded.snapshot_files()) == 4
    (recorded.root / "services/extra.py").unlink()

    result = recorded.run()
    result.assert_outcomes(failed=1)
    in_order(
        result,
        "Trellis contract snapshots differ: breaking; ",
        "acme.api@v1: unchanged",
        "acme.extra@v1: removed (breaking: contract removed)",
        "breaking: /: contract removed [contract-removed]",
        f"stale snapshot: {SNAPSHOTS}/test_contract_snapshots[acme.extra@v1].manifest.jsonc (its contract is no longer",
        f"stale snapshot: {SNAPSHOTS}/test_contract_snapshots[acme.extra@v1].scopes.md (its contract is no longer",
        "2 snapshots unused",  # syrupy's own report
    )
    cleaned = recorded.run("--snapshot-update")
    cleaned.assert_outcomes(passed=1)
    in_order(cleaned, "2 unused snapshots deleted")
    assert sorted(recorded.snapshot_files()) == [MANIFEST, SCOPES]
    recorded.run().assert_outcomes(passed=1)


def test_sdk_snapshots_are_opt_in_and_stale_once_dropped(repo: UserRepo) -> None:
    repo.write("tests/test_contracts.py", USER_TEST_WITH_SDK)
    repo.run("--snapshot-update", in_child=True).assert_outcomes(passed=1)
    files = repo.snapshot_files()
    sdk = {n: t for n, t in files.items() if n.endswith(".py.txt")}
    assert "test_contract_snapshots[acme_api_v1.client.py].py.txt" in sdk
    # Each SDK snapshot is exactly the file prepare generates.
    repo.cli("prepare", "--targets", "python")
    for name, text in sdk.items():
        rel = name.removeprefix("test_contract_snapshots[").removesuffix("].py.txt")
        package, _, file = rel.partition(".")
        assert (repo.root / "generated/python" / package / file).read_text("utf-8") == text
    repo.run(in_child=True).assert_outcomes(passed=1)

    repo.write("tests/test_contracts.py", USER_TEST_WITH_SDK.replace(", sdk=True", ""))
    dropped = repo.run(in_child=True)
    dropped.assert_outcomes(failed=1)
    in_order(
        dropped,
        "Trellis contract snapshots differ: no manifest change; ",
        "acme.api@v1: unchanged",
        f"stale snapshot: {SNAPSHOTS}/test_contract_snapshots[acme_api_v1.client.py].py.txt (its contract is no longer",
        f"{len(sdk)} snapshots unused",
    )
    repo.run("--snapshot-update", in_child=True).assert_outcomes(passed=1)
    assert sorted(repo.snapshot_files()) == [MANIFEST, SCOPES]


USER_TEST_WITH_SDK = """\
def test_contract_snapshots(trellis_contracts, snapshot):
    trellis_contracts.assert_match(snapshot, sdk=True)
"""


PLAIN_TEST = """\
import sys


def test_plain():
    loaded = sorted(m for m in sys.modules if m.split(".")[0] == "trellis_generate")
    print("TRELLIS-MODULES", loaded)
"""


def test_a_run_that_does_not_use_the_fixture_is_unaffected(pytester: pytest.Pytester) -> None:
    repo = user_repo(pytester, contract="this contract does not even parse (\n")
    (repo.root / "tests/test_contracts.py").unlink()
    repo.write("tests/test_plain.py", PLAIN_TEST)

    with_plugin = repo.run("-s", in_child=True)
    without = repo.run("-s", "-p", "no:trellis_generate", in_child=True)
    with_plugin.assert_outcomes(passed=1)
    without.assert_outcomes(passed=1)
    # Loaded (so this test can fail), yet nothing beyond the plugin module was imported: no
    # discovery, no rendering, no syrupy extension, so the broken contract went unnoticed.
    in_order(
        with_plugin,
        "trellis-generate-0.1.0",
        "TRELLIS-MODULES ['trellis_generate', 'trellis_generate.pytest_plugin']",
    )
    in_order(without, "TRELLIS-MODULES []")
    assert not (repo.root / "generated").exists()
    assert not (repo.root / "tests/__snapshots__").exists()
