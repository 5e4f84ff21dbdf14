"""pytest plugin (entry point `pytest11: trellis_generate`): snapshot tests of a repository's
contracts, for users' CI.

A user's test (README, "Snapshot tests in CI")::

    def test_contract_snapshots(trellis_contracts, snapshot):
        trellis_contracts.assert_match(snapshot)

Off unless used: this module imports only pytest and defines one fixture. Discovery, loading,
rendering and syrupy's extensions are imported when a test first requests `trellis_contracts`,
so a pytest run that never does is not slowed down or changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .snapshots import ContractSnapshots


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("trellis-generate").addoption(
        "--trellis-error-format",
        choices=("text", "github"),
        default="text",
        help="github: failing contract snapshot tests also print GitHub Actions annotations "
        "(on the contract's file, or the line of a contract that does not load).",
    )


@pytest.fixture(scope="session")
def trellis_contracts(pytestconfig: pytest.Config) -> ContractSnapshots:
    """The contracts of the repository whose pyproject.toml is found from pytest's rootdir,
    rendered in memory with its `[tool.trellis-generate]` configuration (lazily, once per
    session and set of targets); nothing is written to its output directory."""
    from .repository import find_repository_root
    from .snapshots import ContractSnapshots

    return ContractSnapshots(
        find_repository_root(pytestconfig.rootpath),
        error_format=pytestconfig.getoption("trellis_error_format"),
    )
