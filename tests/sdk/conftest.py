"""Generated SDKs shared by the sdk tests: rendered once per session into a temp dir."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.sdk.fixtures import fixture_contracts
from trellis_generate.contract import LoadedContract
from trellis_generate.pipeline import load_contract
from trellis_generate.platform import builtin_contracts, with_builtins
from trellis_generate.render.python_sdk import render_python


@dataclass(frozen=True)
class GeneratedSdks:
    root: Path  # the `python/` directory holding one package per contract
    contracts: Mapping[str, LoadedContract]
    files: Mapping[str, Mapping[str, str]]  # contract id -> output path -> text
    deps: Mapping[str, LoadedContract] | None = None  # rendered against (None: `contracts`)

    @property
    def against(self) -> Mapping[str, LoadedContract]:
        return self.contracts if self.deps is None else self.deps

    def package_dir(self, contract_id: str) -> Path:
        return self.root.parent / next(iter(self.files[contract_id])).rsplit("/", 1)[0]


def render_all(
    contracts: Mapping[str, LoadedContract], deps: Mapping[str, LoadedContract] | None = None
) -> dict[str, dict[str, str]]:
    """Each contract's SDK, rendered against `deps` (default: the contracts themselves)."""
    against = contracts if deps is None else deps
    return {cid: render_python(c, against) for cid, c in contracts.items()}


def write_all(out: Path, files: Mapping[str, Mapping[str, str]]) -> None:
    for per_contract in files.values():
        for rel, text in per_contract.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_sdks(tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdks:
    contracts = fixture_contracts()
    out = tmp_path_factory.mktemp("fixture-sdks")
    files = render_all(contracts)
    write_all(out, files)
    return GeneratedSdks(out / "python", contracts, files)


def example_contracts() -> dict[str, LoadedContract]:
    """The repository's example contracts (contracts/*.py)."""
    paths = sorted((PROJECT_ROOT / "contracts").glob("[!_]*.py"))
    return {c.id: c for c in map(load_contract, paths)}


@pytest.fixture(scope="session")
def example_sdks(tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdks:
    contracts = example_contracts()
    deps = with_builtins(contracts, contracts.values())
    out = tmp_path_factory.mktemp("example-sdks")
    files = render_all(contracts, deps)
    write_all(out, files)
    return GeneratedSdks(out / "python", contracts, files, deps)


@pytest.fixture(scope="session")
def builtin_sdks(tmp_path_factory: pytest.TempPathFactory) -> GeneratedSdks:
    """The SDKs of the five built-in platform contracts (trellis.auth@v1 alone has 165 schemas:
    rendered once per session)."""
    contracts = dict(builtin_contracts())
    out = tmp_path_factory.mktemp("builtin-sdks")
    files = render_all(contracts)
    write_all(out, files)
    return GeneratedSdks(out / "python", contracts, files)


@pytest.fixture
def sdk_path(fixture_sdks: GeneratedSdks) -> Iterator[Path]:
    """Make the fixture SDK packages importable for one test."""
    sys.path.insert(0, str(fixture_sdks.root))
    try:
        yield fixture_sdks.root
    finally:
        sys.path.remove(str(fixture_sdks.root))
