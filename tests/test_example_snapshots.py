"""Every generated file of the example contracts, all targets, pinned by syrupy.

A change to generated output is a reviewed snapshot update:
`.venv/bin/pytest tests/test_example_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.sdk.conftest import example_contracts
from trellis_generate.render import ALL_TARGETS, render_targets

CONTRACTS = example_contracts()


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, str]]:
    return {cid: render_targets(c, CONTRACTS, ALL_TARGETS) for cid, c in CONTRACTS.items()}


def test_there_are_at_least_three_examples() -> None:
    assert len(CONTRACTS) >= 3


@pytest.mark.parametrize("contract_id", sorted(CONTRACTS))
def test_generated_files_match_snapshot(
    rendered: dict[str, dict[str, str]], contract_id: str, snapshot: SnapshotAssertion
) -> None:
    files = rendered[contract_id]
    assert sorted(files) == snapshot(name="paths")
    for path in sorted(files):
        assert files[path] == snapshot(name=path)


def test_rendering_twice_is_byte_identical(rendered: dict[str, dict[str, str]]) -> None:
    again = {cid: render_targets(c, CONTRACTS, ALL_TARGETS) for cid, c in CONTRACTS.items()}
    assert again == rendered
