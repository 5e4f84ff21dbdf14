"""Issue 4's bar: in a repository of 50 contracts, one edit under --watch re-renders that contract
and the contracts whose SDK embeds it, nothing else (all targets, counted renders)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import Repo
from .test_prepare_watch import Watcher

COUNT = 50


def ident(i: int) -> str:
    return f"acme.svc{i:02d}@v1"


@pytest.fixture
def fifty(repo: Repo) -> Iterator[Watcher]:
    for i in range(COUNT):
        # Every tenth contract uses the one before it, so edits have dependents to find.
        uses = [ident(i - 1)] if i % 10 == 1 else []
        repo.write_manifest(ident(i), uses=uses)
    w = Watcher(repo)
    w.thread.start()
    yield w
    w.stop.set()
    w.thread.join(10)


def test_one_edit_in_fifty_contracts_renders_it_and_its_users_only(
    repo: Repo, fifty: Watcher
) -> None:
    report, renders = fifty.next_report()
    assert report.ok and sum(renders.values()) == COUNT
    fifty.settle()

    repo.write_manifest(ident(20), description="edited")  # acme.svc21 uses it
    report, renders = fifty.next_report()
    assert report.ok and renders == {ident(20): 1, ident(21): 1}
    assert "edited" in (repo.out / f"manifests/{ident(20)}.json").read_text()
    fifty.settle()

    repo.write_manifest(ident(33), description="edited too")  # nobody uses it
    report, renders = fifty.next_report()
    assert report.ok and renders == {ident(33): 1}
