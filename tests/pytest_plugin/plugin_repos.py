"""Temporary user repositories for the pytest plugin's tests, written through pytester."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

# Exactly what the README tells a user to add.
USER_TEST = '''\
def test_contract_snapshots(trellis_contracts, snapshot):
    """Every contract's manifest and scope listing, reviewed in pull requests."""
    trellis_contracts.assert_match(snapshot)
'''

PYPROJECT = """\
[project]
name = "demo"

[tool.trellis-generate]
contracts = ["services/*.py"]
"""

# Discovered by the conventions (contracts/*.py) but not by the repository's configuration:
# if the plugin ignored `[tool.trellis-generate]`, every run would fail on it.
DECOY = "this is not python (\n"

SNAPSHOTS = "tests/__snapshots__/test_contracts"


def contract_module(
    ident: str = "acme.api@v1",
    *,
    capabilities: Sequence[str] = ("ping",),
    rpcs: Sequence[tuple[str, Sequence[str]]] = (("Api.Ping", ("ping",)), ("Api.Echo", ("ping",))),
    description: str = "Answers pings.",
    extra: str = "",
    tail: str = "",
) -> str:
    """A service contract module; `extra` is more keyword arguments of the call, `tail` code
    after it."""
    caps = "".join(
        f'        "{c}": Capability(display_name="{c.title()}", description="May {c}."),\n'
        for c in capabilities
    )
    calls = "".join(
        f'        "{name}": Rpc(input=Ping, output=Ping, call={list(call)!r}),\n'
        for name, call in rpcs
    )
    return (
        "from pydantic import BaseModel\n"
        "from trellis_generate.authoring import Capability, Rpc, Use, define_service_contract\n\n\n"
        "class Ping(BaseModel):\n"
        "    text: str\n\n\n"
        "CONTRACT = define_service_contract(\n"
        f'    id="{ident}",\n'
        '    display_name="Api",\n'
        f"    description={description!r},\n"
        f"    capabilities={{\n{caps}    }},\n"
        f"    rpc={{\n{calls}    }},\n"
        f"{extra}"
        ")\n"
        f"{tail}"
    )


@dataclass
class UserRepo:
    pytester: pytest.Pytester

    @property
    def root(self) -> Path:
        return self.pytester.path

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str, in_child: bool = False) -> pytest.RunResult:
        """pytest in the repository; `in_child=True` for runs that render the SDK: pytester
        drops the modules an in-process run imported, and re-importing datamodel-code-generator
        (pydantic models) in one process breaks it, which a user's session never does."""
        # No .pytest_cache in the repository; pytest-asyncio is our test dependency, not theirs.
        options = ("-p", "no:cacheprovider", "-p", "no:asyncio", *args)
        if in_child:
            return self.pytester.runpytest_subprocess(*options)
        return self.pytester.runpytest_inprocess(*options)

    def snapshot_files(self) -> dict[str, str]:
        folder = self.root / SNAPSHOTS
        if not folder.is_dir():
            return {}
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}

    def cli(self, *args: str) -> str:
        """`trellis-generate ...` in the repository, in a child process (its own imports)."""
        done = subprocess.run(
            [sys.executable, "-m", "trellis_generate", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout


def user_repo(pytester: pytest.Pytester, contract: str | None = None) -> UserRepo:
    repo = UserRepo(pytester)
    repo.write("pyproject.toml", PYPROJECT)
    repo.write("contracts/decoy.py", DECOY)
    repo.write("services/api.py", contract if contract is not None else contract_module())
    repo.write("tests/test_contracts.py", USER_TEST)
    return repo


def in_order(result: pytest.RunResult, *texts: str) -> None:
    """Each text occurs in the run's output, after the previous one (plain substrings: the
    output is full of `[...]`, which fnmatch patterns would read as character classes)."""
    output = result.stdout.str()
    at = 0
    for text in texts:
        found = output.find(text, at)
        assert found >= 0, f"{text!r} not found after offset {at} in:\n{output}"
        at = found + len(text)
