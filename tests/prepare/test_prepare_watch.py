"""`prepare --watch` end to end: the real watcher on a temp repository, counting renders."""

from __future__ import annotations

import queue
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from trellis_generate.prepare.run import Options, Report
from trellis_generate.prepare.toolchain import Toolchain, purge_generator_modules
from trellis_generate.watch.loop import run_watch

from .conftest import Repo, python_contract

TIMEOUT = 10.0


class Watcher:
    def __init__(self, repo: Repo, toolchain: Callable[[], Toolchain] | None = None) -> None:
        self.repo = repo
        self.toolchain = toolchain or repo.toolchain
        self.reports: queue.Queue[Report] = queue.Queue()
        self.lines: list[str] = []
        self.idle = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            run_watch(
                self.repo.root,
                Options(),
                emit=self.reports.put,
                say=self.lines.append,
                show_changes=True,
                toolchain=self.toolchain,
                stop_event=self.stop,
                on_idle=self.idle.set,
            )
        except BaseException as exc:  # surfaced by the test
            self.error = exc

    def next_report(self) -> tuple[Report, Counter[str]]:
        """The next prepare the watcher ran, and what it rendered."""
        report = self.reports.get(timeout=TIMEOUT)
        return report, self.repo.renderer.take()

    def settle(self) -> None:
        """Wait until the watcher is idle again (so the next edit starts a new batch).

        An edit split across two batches by an unlucky poll yields a second, empty prepare:
        drop such reports, but never one that rendered something.
        """
        self.idle.clear()
        assert self.idle.wait(TIMEOUT)
        while not self.reports.empty():
            self.reports.get()
            assert self.repo.renderer.take() == {}


@pytest.fixture
def watcher(repo: Repo) -> Iterator[Watcher]:
    repo.write("pyproject.toml", '[tool.trellis-generate]\ntargets = ["manifest"]\n')
    repo.write_manifest("acme.a@v1")
    repo.write_manifest("acme.b@v1", uses=["acme.a@v1"])
    repo.write_manifest("acme.c@v1")
    repo.write("shared.py", "DESCRIPTION = 'first'\n")
    repo.write("contracts/py.py", python_contract("acme.py@v1"))
    w = Watcher(repo)
    w.thread.start()
    yield w
    w.stop.set()
    w.thread.join(TIMEOUT)


def test_watch_regenerates_exactly_the_affected_contracts_and_survives_a_broken_edit(
    repo: Repo, watcher: Watcher
) -> None:
    report, renders = watcher.next_report()
    assert report.ok and renders == {
        "acme.a@v1": 1,
        "acme.b@v1": 1,
        "acme.c@v1": 1,
        "acme.py@v1": 1,
    }
    watcher.settle()

    # A contract: itself and the contract whose SDK embeds it.
    repo.write_manifest("acme.a@v1", description="edited")
    report, renders = watcher.next_report()
    assert report.ok and renders == {"acme.a@v1": 1, "acme.b@v1": 1}
    watcher.settle()

    # A shared helper module: the Python contract importing it, nothing else.
    repo.write("shared.py", "DESCRIPTION = 'second'\n")
    report, renders = watcher.next_report()
    assert report.ok and renders == {"acme.py@v1": 1}
    assert "second" in (repo.out / "manifests/acme.py@v1.json").read_text()
    watcher.settle()

    # A pyproject setting: a full prepare with the new targets.
    repo.write("pyproject.toml", '[tool.trellis-generate]\ntargets = ["manifest", "scopes"]\n')
    report, renders = watcher.next_report()
    assert report.ok and renders == {
        "acme.a@v1": 1,
        "acme.b@v1": 1,
        "acme.c@v1": 1,
        "acme.py@v1": 1,
    }
    assert any("configuration changed (pyproject.toml)" in line for line in watcher.lines)
    watcher.settle()

    # A broken edit: reported with file and line, last good output kept, watcher still running.
    good = (repo.out / "manifests/acme.py@v1.json").read_bytes()
    repo.write("contracts/py.py", python_contract("acme.py@v1", description="DESCRIPTION +"))
    report, renders = watcher.next_report()
    assert not report.ok and renders == {}
    (error,) = report.errors
    assert (error.file, error.line, error.rule) == ("contracts/py.py", 3, "import")
    assert (repo.out / "manifests/acme.py@v1.json").read_bytes() == good
    watcher.settle()

    # The fix regenerates it.
    repo.write("contracts/py.py", python_contract("acme.py@v1", description="'fixed'"))
    report, renders = watcher.next_report()
    assert report.ok and renders == {"acme.py@v1": 1}
    assert "fixed" in (repo.out / "manifests/acme.py@v1.json").read_text()
    watcher.settle()

    # Unrelated files and our own output trigger nothing.
    repo.write("README.md", "notes")
    repo.write("generated/manifests/acme.c@v1.json", "hand edit in output")
    watcher.idle.clear()
    assert watcher.idle.wait(TIMEOUT)
    watcher.idle.clear()
    assert watcher.idle.wait(TIMEOUT)
    assert watcher.reports.empty() and repo.renderer.take() == {}
    assert watcher.thread.is_alive() and watcher.error is None


def test_generator_change_reloads_in_process_and_reprepares(
    repo: Repo, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path_factory.mktemp("templates")
    (templates / "client.py.jinja").write_text("v1")
    monkeypatch.setattr("trellis_generate.watch.plan.generator_paths", lambda: [templates])
    purges: list[int] = []
    monkeypatch.setattr(
        "trellis_generate.watch.loop.purge_generator_modules", lambda: purges.append(1) or []
    )
    built: list[int] = []

    def toolchain() -> Toolchain:
        built.append(1)
        return repo.toolchain()

    repo.write_manifest("acme.a@v1")
    w = Watcher(repo, toolchain)
    w.thread.start()
    try:
        w.next_report()
        w.settle()
        (templates / "client.py.jinja").write_text("v2")
        report, _ = w.next_report()
        assert report.ok and purges == [1] and built == [1, 1]
        assert any(
            line.startswith("change batch: reload: generator code or templates") for line in w.lines
        )
    finally:
        w.stop.set()
        w.thread.join(TIMEOUT)


def test_purge_generator_modules_makes_the_next_import_fresh() -> None:
    import importlib

    import trellis_generate

    saved = {k: v for k, v in sys.modules.items() if k.startswith("trellis_generate.")}
    old_render = importlib.import_module("trellis_generate.render")
    try:
        gone = purge_generator_modules()
        assert "trellis_generate.render" in gone and "trellis_generate.contract" not in gone
        assert "trellis_generate.prepare.run" not in gone  # the workflow itself keeps running
        assert importlib.import_module("trellis_generate.render") is not old_render
    finally:
        sys.modules.update(saved)
        for name, module in saved.items():
            parent, _, child = name.rpartition(".")
            setattr(sys.modules.get(parent, trellis_generate), child, module)


def test_watch_keeps_a_dependents_sdk_while_its_dependency_does_not_load(repo: Repo) -> None:
    """A syntax error in a used module: the user's SDK stays as it was (not rewritten without the
    dependency's surfaces), reported as dependency-failed, and is right again after the fix."""
    from .shop import lending, library

    repo.write("pyproject.toml", '[tool.trellis-generate]\ntargets = ["python"]\n')
    repo.write("contracts/library.py", library())
    repo.write("contracts/lending.py", lending())
    w = Watcher(repo)
    w.thread.start()
    try:
        report, _ = w.next_report()
        assert report.ok, report.problems
        client = repo.out / "python/shop_lending_v1/client.py"
        good = client.read_bytes()
        w.settle()
        repo.write("contracts/library.py", library() + "\nBROKEN = (\n")
        report, renders = w.next_report()
        assert sorted(d.rule for d in report.errors) == ["dependency-failed", "import"]
        assert renders == {} and client.read_bytes() == good
        w.settle()
        repo.write("contracts/library.py", library(extra="\nEXTRA = 1\n"))
        report, _ = w.next_report()
        assert report.ok and client.read_bytes() == good
    finally:
        w.stop.set()
        w.thread.join(TIMEOUT)


def test_editor_temp_files_never_reach_a_batch_or_the_changes_listing(
    repo: Repo, watcher: Watcher
) -> None:
    watcher.next_report()
    watcher.settle()
    temp = repo.write("contracts/sedJZVnu2", "scratch")  # how `sed -i` edits in place
    temp.unlink()
    repo.write("contracts/.py.py.swp", "swap")
    watcher.idle.clear()
    assert watcher.idle.wait(TIMEOUT)
    watcher.idle.clear()
    assert watcher.idle.wait(TIMEOUT)
    assert watcher.reports.empty() and repo.renderer.take() == {}
    assert not [line for line in watcher.lines if "sedJZVnu2" in line or ".swp" in line]
    # A real edit right after still goes through.
    repo.write("shared.py", "DESCRIPTION = 'after'\n")
    report, renders = watcher.next_report()
    assert report.ok and renders == {"acme.py@v1": 1}
