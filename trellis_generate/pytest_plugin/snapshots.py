"""`trellis_contracts`, the fixture value: render once, assert every artifact with syrupy, and on
a difference fail with the semantic summary before the textual diff.

Each kind of artifact gets its own `SnapshotAssertion` (`snapshot.use_extension(...)`), so
syrupy discovers our files with the right extension and reports the stale ones (a removed
contract, SDK snapshots no longer asked for) as unused, and `--snapshot-update` deletes them.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import NoReturn

import pytest
from syrupy.assertion import AssertionResult, SnapshotAssertion

from ..contract import LoadedContract
from ..diagnostics import ErrorFormat, format_github
from .artifacts import KINDS, Artifact, ArtifactKind, artifacts_of, targets_for
from .extensions import EXTENSIONS
from .failure import Mismatch, failure_message, old_contract
from .repository import RenderedRepository, render_repository

Assertions = dict[ArtifactKind, SnapshotAssertion]


class TrellisContractWarning(UserWarning):
    """A warning prepare reports for the repository's contracts (e.g. an unknown `uses`)."""


class ContractSnapshots:
    """The repository's contracts, rendered in memory on first use.

    `assert_match(snapshot)` is the whole test; `rendered()` and `artifacts()` are there for
    tests that want to look at the contracts themselves.
    """

    def __init__(self, root: Path, *, error_format: ErrorFormat = "text") -> None:
        self.root = root
        # "github": failures also carry GitHub Actions annotations (file and line in the PR)
        self.github = error_format == "github"
        self._renders: dict[tuple[str, ...], RenderedRepository] = {}

    def _render(self, sdk: bool) -> RenderedRepository:
        targets = targets_for(sdk)
        repo = self._renders.get(targets)
        if repo is None:
            repo = self._renders[targets] = render_repository(self.root, targets)
            for warning in repo.warnings:
                warnings.warn(warning.format(), TrellisContractWarning, stacklevel=4)
        return repo

    def rendered(self, *, sdk: bool = False) -> RenderedRepository:
        """Render (once per target set); fails the calling test with prepare's diagnostics."""
        repo = self._render(sdk)
        if repo.errors:
            _fail_unrenderable(repo, github=self.github)
        return repo

    def artifacts(self, *, sdk: bool = False) -> list[Artifact]:
        return artifacts_of(self.rendered(sdk=sdk), sdk=sdk)

    def assert_match(self, snapshot: SnapshotAssertion, *, sdk: bool = False) -> None:
        """Compare every artifact with its snapshot file (`sdk=True`: the Python SDK files too).

        Under `--snapshot-update` the files are (re)written and the test passes.
        """
        # Every kind is registered, even one not asserted this time, so that syrupy discovers
        # (and reports as unused) e.g. SDK snapshots of a test that no longer passes `sdk=True`.
        by_kind: Assertions = {k: snapshot.use_extension(EXTENSIONS[k]) for k in KINDS}
        repo = self._render(sdk)
        artifacts = artifacts_of(repo, sdk=sdk)
        if repo.errors or not artifacts:
            # Nothing to compare is not "every snapshot is stale": keep the recorded files, or
            # `--snapshot-update` on a broken contract would delete the whole review baseline.
            _keep_recorded(by_kind)
            if repo.errors:
                _fail_unrenderable(repo, github=self.github)
            pytest.fail(
                f"no contracts found under {repo.root} (see `contracts` in [tool.trellis-generate] "
                "of its pyproject.toml, or run `trellis-generate discover`)",
                pytrace=False,
            )
        owners = _owners(by_kind, artifacts)
        # Compare all before failing once; the details are read back from `executions`.
        matched = [by_kind[a.kind](name=a.name) == a.text for a in artifacts]
        stale = (
            [] if snapshot.update_snapshots else [p for a in by_kind.values() for p in _stale(a)]
        )
        if not all(matched) or stale:
            failed = [r for a in by_kind.values() for r in a.executions.values() if not r.success]
            self._fail(repo, by_kind["manifest"], failed, stale, owners)

    def _display(self, location: str) -> str:
        path = Path(location)
        return (
            path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else location
        )

    def _fail(
        self,
        repo: RenderedRepository,
        manifests: SnapshotAssertion,
        failed: list[AssertionResult],
        stale: list[Path],
        owners: dict[str, str],
    ) -> NoReturn:
        """Read the recorded manifests back as the old side of a diff, and fail with it.

        A contract whose recorded manifest cannot be read back is left out of both sides (it
        is neither added nor removed); a note says so, and its textual diff is still shown.
        """
        manifest_suffix = "." + EXTENSIONS["manifest"].file_extension
        recorded = [(r.snapshot_location, r.recalled_data) for r in manifests.executions.values()]
        recorded += [
            (str(p), p.read_text(encoding="utf-8"))
            for p in stale
            if p.name.endswith(manifest_suffix)
        ]
        old: dict[str, LoadedContract] = {}
        notes: list[str] = []
        unreadable: set[str] = set()
        for location, text in recorded:
            if not isinstance(text, str):
                continue  # no snapshot yet: the contract is new
            found = old_contract(text, self._display(location))
            if isinstance(found, str):
                notes.append(found)
                unreadable.add(owners.get(location, ""))
            else:
                old[found.id] = found
        mismatches = [
            Mismatch(
                self._display(r.snapshot_location),
                r.recalled_data if isinstance(r.recalled_data, str) else None,
                r.asserted_data if isinstance(r.asserted_data, str) else None,
                f"{type(r.exception).__name__}: {r.exception}" if r.exception else None,
            )
            for r in failed
        ]
        mismatches += [Mismatch(self._display(str(p)), p.read_text("utf-8"), None) for p in stale]
        new = {cid: r.contract for cid, r in repo.contracts.items() if cid not in unreadable}
        old = {cid: c for cid, c in old.items() if cid not in unreadable}
        message = failure_message(
            old, new, repo.dependencies, mismatches, notes, github=self.github
        )
        pytest.fail(message, pytrace=False)


def _fail_unrenderable(repo: RenderedRepository, *, github: bool = False) -> NoReturn:
    lines = [d.format() for d in repo.errors]
    if github:
        lines.append(format_github(repo.errors, cwd=repo.root))
    pytest.fail(
        f"trellis-generate cannot render the contracts of {repo.root}:\n" + "\n".join(lines),
        pytrace=False,
    )


def _recorded(assertion: SnapshotAssertion) -> dict[str, Path]:
    """Snapshot name (the part in brackets) → file, of this test and extension."""
    ext = assertion.extension
    where = assertion.test_location
    folder = Path(ext.dirname(test_location=where))
    if not folder.is_dir():
        return {}
    prefix = ext.get_snapshot_name(test_location=where) + "["
    suffix = "]." + ext.file_extension
    return {
        p.name[len(prefix) : -len(suffix)]: p
        for p in sorted(folder.iterdir())
        if p.name.startswith(prefix) and p.name.endswith(suffix)
    }


def _stale(assertion: SnapshotAssertion) -> list[Path]:
    """Files no artifact asserted (a removed contract, SDK files no longer asked for): syrupy
    reports them as unused at the end of the session; the test fails on them too, so the
    message can say what they mean."""
    used = {r.snapshot_location for r in assertion.executions.values()}
    return [p for p in _recorded(assertion).values() if str(p) not in used]


def _keep_recorded(by_kind: Assertions) -> None:
    """Assert every recorded file against its own text: syrupy then counts it as used (the
    results do not matter: the test fails for its own reason right after)."""
    for assertion in by_kind.values():
        for name, path in _recorded(assertion).items():
            _ = assertion(name=name) == path.read_text(encoding="utf-8")


def _owners(by_kind: Assertions, artifacts: list[Artifact]) -> dict[str, str]:
    """Snapshot file → contract id. File names drop characters a file name cannot hold (`:`,
    `*`, ...), so two contract ids could share a file: say so rather than compare one against
    the other."""
    seen: dict[str, str] = {}
    for a in artifacts:
        assertion = by_kind[a.kind]
        where = assertion.extension.get_location(
            test_location=assertion.test_location, index=a.name
        )
        if where in seen and seen[where] != a.contract_id:
            pytest.fail(
                f"contracts {seen[where]} and {a.contract_id} would share the snapshot file "
                f"{where}; rename one of their ids",
                pytrace=False,
            )
        seen[where] = a.contract_id
    return seen
