"""prepare: content-addressed cache, transactional writes, safe pruning, --check, the lock."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from trellis_generate.prepare.run import Options, prepare
from trellis_generate.prepare.toolchain import Toolchain
from trellis_generate.write import output_lock, read_lock, sha256

from .conftest import MANIFEST_ONLY, Repo, python_contract

CHECK = Options(targets=("manifest",), check=True)


def test_cold_run_renders_and_writes_every_contract(chain: Repo) -> None:
    report = chain.prepare()
    assert report.ok
    assert chain.renderer.take() == {"acme.a@v1": 1, "acme.b@v1": 1, "acme.c@v1": 1, "acme.d@v1": 1}
    assert [(o.id, o.status, o.written) for o in report.outcomes][0] == (
        "acme.a@v1",
        "written",
        ["manifests/acme.a@v1.json"],
    )
    assert json.loads((chain.out / "manifests/acme.b@v1.json").read_text())["id"] == "acme.b@v1"


def test_noop_prepare_renders_nothing_and_touches_no_file(chain: Repo) -> None:
    chain.prepare()
    chain.renderer.take()
    before = chain.snapshot()
    time.sleep(0.01)
    report = chain.prepare()
    assert report.ok and {o.status for o in report.outcomes} == {"unchanged"}
    assert chain.renderer.take() == {}
    assert chain.snapshot() == before  # bytes and mtimes, the lock included


def test_docs_only_edit_regenerates_without_force(chain: Repo) -> None:
    chain.prepare()
    chain.renderer.take()
    chain.write_manifest("acme.d@v1", description="clarified docs")
    report = chain.prepare()
    assert chain.renderer.take() == {"acme.d@v1": 1}
    assert "clarified docs" in (chain.out / "manifests/acme.d@v1.json").read_text()
    assert [o.id for o in report.outcomes if o.status == "written"] == ["acme.d@v1"]


def test_edit_rerenders_the_contract_and_its_direct_users_only(chain: Repo) -> None:
    chain.prepare()
    chain.renderer.take()
    chain.write_manifest("acme.a@v1", description="changed")
    chain.prepare()
    # b embeds a's surface; c uses b (unchanged), d is unrelated.
    assert chain.renderer.take() == {"acme.a@v1": 1, "acme.b@v1": 1}


def test_force_renders_everything(chain: Repo) -> None:
    chain.prepare()
    chain.renderer.take()
    chain.prepare(Options(targets=("manifest",), force=True))
    assert sum(chain.renderer.take().values()) == 4


def test_hand_edited_output_is_repaired(chain: Repo) -> None:
    chain.prepare()
    target = chain.out / "manifests/acme.c@v1.json"
    good = target.read_bytes()
    target.write_text("hand edit")
    report = chain.prepare()
    assert target.read_bytes() == good
    assert [o.written for o in report.outcomes if o.id == "acme.c@v1"] == [
        ["manifests/acme.c@v1.json"]
    ]


def test_check_lists_stale_missing_and_extra_files_and_writes_nothing(chain: Repo) -> None:
    chain.prepare()
    (chain.out / "manifests/acme.a@v1.json").write_text("hand edit")
    (chain.out / "manifests/acme.b@v1.json").unlink()
    (chain.root / "contracts/d.contract.json").unlink()
    before = chain.snapshot()
    report = chain.prepare(CHECK)
    assert not report.ok
    assert report.drift is not None
    assert (report.drift.stale, report.drift.missing, report.drift.extra) == (
        ("manifests/acme.a@v1.json",),
        ("manifests/acme.b@v1.json",),
        ("manifests/acme.d@v1.json",),
    )
    assert chain.snapshot() == before


def test_check_passes_after_prepare(chain: Repo) -> None:
    chain.prepare()
    (chain.out / "manifests/acme.a@v1.json").write_text("hand edit")
    chain.write_manifest("acme.d@v1", description="new")
    assert not chain.prepare(CHECK).ok
    assert chain.prepare().ok
    report = chain.prepare(CHECK)
    assert report.ok and report.drift is not None and report.drift.clean


def test_check_on_a_fresh_checkout_without_output(chain: Repo) -> None:
    report = chain.prepare(CHECK)
    assert report.drift is not None and len(report.drift.missing) == 4
    assert not chain.out.exists()


def test_failing_contract_fails_the_run_and_keeps_all_previous_output(chain: Repo) -> None:
    chain.prepare()
    before = chain.snapshot()
    chain.write_manifest("acme.a@v1", description="a change that must not be written")
    chain.write("contracts/c.contract.json", '{"format": "trellis.contract.v1", "id": "acme.c@v1"}')
    chain.write("contracts/e.contract.json", "{not json")
    report = chain.prepare()
    assert not report.ok
    failed = {o.source for o in report.outcomes if o.status == "failed"}
    assert failed == {"contracts/c.contract.json", "contracts/e.contract.json"}
    assert {d.file for d in report.errors} >= {
        "contracts/c.contract.json",
        "contracts/e.contract.json",
    }
    assert chain.snapshot() == before


def test_removed_contract_is_pruned_after_success_only(chain: Repo) -> None:
    chain.prepare()
    (chain.root / "contracts/d.contract.json").unlink()
    chain.write("contracts/e.contract.json", "{not json")
    assert not chain.prepare().ok
    assert (chain.out / "manifests/acme.d@v1.json").exists()
    (chain.root / "contracts/e.contract.json").unlink()
    report = chain.prepare()
    assert report.ok and report.removed == ["manifests/acme.d@v1.json"]
    assert not (chain.out / "manifests/acme.d@v1.json").exists()
    assert "acme.d@v1" not in read_lock(chain.out).contracts


def test_files_we_do_not_own_are_never_pruned(chain: Repo) -> None:
    chain.prepare()
    chain.write("generated/README.md", "mine")
    (chain.root / "contracts/d.contract.json").unlink()
    chain.prepare()
    assert (chain.out / "README.md").read_text() == "mine"


def test_lock_is_canonical_and_hashes_what_was_written(chain: Repo) -> None:
    chain.prepare()
    raw = (chain.out / ".trellis/lock.json").read_bytes()
    doc = json.loads(raw)
    assert raw == json.dumps(doc, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    entry = read_lock(chain.out).contracts["acme.b@v1"]
    assert entry.uses.keys() == {"acme.a@v1"}
    for rel, digest in entry.files.items():
        assert sha256((chain.out / rel).read_bytes()) == digest


def test_changed_targets_prune_outputs_of_dropped_targets(chain: Repo) -> None:
    chain.prepare(Options(targets=("manifest", "scopes")))
    scopes = [p for p in read_lock(chain.out).owned_files() if p.startswith("scopes/")]
    assert scopes and all((chain.out / p).exists() for p in scopes)
    chain.prepare(MANIFEST_ONLY)
    assert not any((chain.out / p).exists() for p in scopes)


def test_python_contract_reloads_when_its_helper_changes(repo: Repo) -> None:
    repo.write("shared.py", "DESCRIPTION = 'first'\n")
    repo.write("contracts/py.py", python_contract("acme.py@v1"))
    repo.prepare()
    repo.write("shared.py", "DESCRIPTION = 'second, longer'\n")
    report = repo.prepare()
    assert report.ok, report.errors
    assert repo.renderer.take() == {"acme.py@v1": 2}
    assert "second, longer" in (repo.out / "manifests/acme.py@v1.json").read_text()


def test_python_contract_import_error_is_located(repo: Repo) -> None:
    repo.write("shared.py", "DESCRIPTION = 'x'\n")
    repo.write("contracts/py.py", python_contract("acme.py@v1", extra="1 / 0\n"))
    report = repo.prepare()
    (diag,) = report.errors
    assert (diag.file, diag.line, diag.rule) == ("contracts/py.py", 3, "import")


def test_duplicate_ids_are_an_error(repo: Repo) -> None:
    repo.write_manifest("acme.a@v1")
    repo.write("other/a.contract.json", (repo.root / "contracts/a.contract.json").read_text())
    report = repo.prepare()
    assert [d.rule for d in report.errors] == ["duplicate-contract-id"]


def test_concurrent_prepare_waits_for_the_output_lock(chain: Repo) -> None:
    chain.prepare()
    chain.write_manifest("acme.d@v1", description="while locked")
    done = threading.Event()
    with output_lock(chain.out):
        worker = threading.Thread(target=lambda: (chain.prepare(), done.set()))
        worker.start()
        assert not done.wait(0.3)
    worker.join(5)
    assert done.is_set()
    assert "while locked" in (chain.out / "manifests/acme.d@v1.json").read_text()


def test_uses_cycle_does_not_block_generation(repo: Repo) -> None:
    repo.write_manifest("acme.x@v1", uses=["acme.y@v1"])
    repo.write_manifest("acme.y@v1", uses=["acme.x@v1"])
    assert repo.prepare().ok
    assert repo.renderer.take() == {"acme.x@v1": 1, "acme.y@v1": 1}


def test_renderer_path_outside_the_output_dir_fails_the_contract(chain: Repo) -> None:
    def escaping(contract: object, deps: object, targets: object) -> dict[str, str]:
        return {"../outside.txt": "x"}

    report = prepare(chain.root, MANIFEST_ONLY, Toolchain(render=escaping))
    assert not report.ok and {d.rule for d in report.errors} == {"render-crash"}
    assert not (chain.root / "outside.txt").exists() and not chain.out.exists()


def test_generator_fingerprint_covers_templates_and_library_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trellis_generate.prepare import fingerprint

    (tmp_path / "client.py.jinja").write_text("v1")
    monkeypatch.setattr(fingerprint, "generator_paths", lambda: [tmp_path])
    first = fingerprint.generator_fingerprint()
    (tmp_path / "client.py.jinja").write_text("v2")
    assert fingerprint.generator_fingerprint() != first
    assert any(v.startswith("pydantic-2.") for v in fingerprint.library_versions())


def test_new_generator_rerenders_everything_without_force(chain: Repo) -> None:
    chain.prepare()
    chain.renderer.take()
    prepare(
        chain.root, MANIFEST_ONLY, Toolchain(render=chain.renderer, fingerprint_of=lambda: "new")
    )
    assert sum(chain.renderer.take().values()) == 4


def test_committed_lock_depends_only_on_generated_bytes(chain: Repo) -> None:
    """Another machine (other library versions: another generator fingerprint) that generates the
    same bytes leaves the committed lock byte-identical; only the ignored cache differs."""
    prepare(chain.root, MANIFEST_ONLY, Toolchain(fingerprint_of=lambda: "machine-a"))
    lock = (chain.out / ".trellis/lock.json").read_bytes()
    cache = (chain.out / ".trellis/cache.json").read_bytes()
    assert b"machine-a" not in lock and b"machine-a" in cache
    report = prepare(chain.root, MANIFEST_ONLY, Toolchain(fingerprint_of=lambda: "machine-b"))
    assert report.ok and not any(o.written for o in report.outcomes)
    assert (chain.out / ".trellis/lock.json").read_bytes() == lock
    assert (chain.out / ".trellis/cache.json").read_bytes() != cache


def test_fresh_clone_without_the_cache_rewrites_nothing(chain: Repo) -> None:
    chain.prepare()
    before = chain.snapshot()
    (chain.out / ".trellis/cache.json").unlink()  # ignored by git: absent after a clone
    report = chain.prepare()
    assert report.ok and not any(o.written for o in report.outcomes)
    after = chain.snapshot()
    assert {k: v for k, v in after.items() if k != ".trellis/cache.json"} == {
        k: v for k, v in before.items() if k != ".trellis/cache.json"
    }


def test_a_lock_of_the_previous_format_still_names_the_files_to_prune(chain: Repo) -> None:
    chain.prepare()
    lock = json.loads((chain.out / ".trellis/lock.json").read_text())
    cache = json.loads((chain.out / ".trellis/cache.json").read_text())
    merged = {
        "format": 1,
        "fingerprint": cache["fingerprint"],
        "targets": cache["targets"],
        "contracts": {i: {**e, **cache["contracts"][i]} for i, e in lock["contracts"].items()},
    }
    (chain.out / ".trellis/lock.json").write_text(json.dumps(merged))
    (chain.out / ".trellis/cache.json").unlink()
    (chain.root / "contracts/d.contract.json").unlink()
    report = chain.prepare()
    assert report.removed == ["manifests/acme.d@v1.json"]
    assert json.loads((chain.out / ".trellis/lock.json").read_text())["format"] == 2


def test_check_lists_a_stray_file_inside_a_generated_package_as_extra(chain: Repo) -> None:
    options = Options(targets=("python",))
    assert chain.prepare(options).ok
    package = chain.out / "python/acme_a_v1"
    (package / "stray.py").write_text("x = 1\n")
    (package / "__pycache__").mkdir()
    (package / "__pycache__/client.cpython-311.pyc").write_bytes(b"")  # Python's, not stray
    (chain.out / "python/notes.txt").write_text("mine")  # outside any package: not ours
    report = chain.prepare(Options(targets=("python",), check=True))
    assert report.drift is not None and report.drift.extra == ("python/acme_a_v1/stray.py",)
    assert not report.ok
    warned = chain.prepare(options)
    assert [(d.rule, d.file) for d in warned.problems] == [
        ("stray-file", "generated/python/acme_a_v1/stray.py")
    ]
    assert (package / "stray.py").exists()  # reported, never deleted
