"""Every generated file of the fixture contracts, pinned: a change to generated code is a
reviewed snapshot update (`pytest tests/sdk --snapshot-update`)."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.sdk.conftest import GeneratedSdks
from tests.sdk.fixtures import FIXTURES
from trellis_generate.views.naming import package_name

FILES = (
    "__init__.py", "client.py", "contract.py", "descriptors.py", "errors.py", "models.py",
    "py.typed", "service.py",
)  # fmt: skip


@pytest.mark.parametrize("file", FILES)
@pytest.mark.parametrize("contract_id", sorted(FIXTURES))
def test_generated_file_matches_snapshot(
    fixture_sdks: GeneratedSdks, contract_id: str, file: str, snapshot: SnapshotAssertion
) -> None:
    path = f"python/{package_name(contract_id)}/{file}"
    assert fixture_sdks.files[contract_id][path] == snapshot
