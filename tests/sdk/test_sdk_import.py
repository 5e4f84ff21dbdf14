"""Importing a generated SDK loads what its declarations need, not what connecting needs.

nats-py, cryptography and asyncio (and the runtime's connection, service and transfer modules
with them) load when a program connects or builds a service; the generator never loads. Each SDK
is imported in a fresh interpreter, the way a program starts, and its `sys.modules` inspected.
The models build their pydantic schemas on first use, so none is built by the import either.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from tests.sdk.conftest import GeneratedSdks

NOT_LOADED = ("asyncio", "cryptography", "nats", "trellis_generate")

SCRIPT = """
import json, sys
from pydantic import BaseModel
import {package} as sdk
built = sorted(
    name
    for name, cls in vars(sdk.models).items()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == sdk.models.__name__
    if cls.__pydantic_complete__
)
print(json.dumps({{"modules": sorted(sys.modules), "built": built}}))
"""


def _import_fresh(package: str, root: Path) -> dict[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(package=package)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    loaded: dict[str, list[str]] = json.loads(run.stdout)
    return loaded


def _assert_lean(package: str, root: Path) -> None:
    loaded = _import_fresh(package, root)
    assert [m for m in loaded["modules"] if m.split(".")[0] in NOT_LOADED] == []
    assert loaded["built"] == []


def test_the_auth_sdk_imports_without_connection_machinery(builtin_sdks: GeneratedSdks) -> None:
    """The SDK of the issue's measurement: trellis.auth@v1, 265 model classes."""
    _assert_lean("trellis_auth_v1", builtin_sdks.root)


@pytest.mark.parametrize("package", ["acme_billing_v1", "acme_inventory_v1", "acme_storefront_v1"])
def test_the_example_sdks_import_without_connection_machinery(package: str) -> None:
    """Between them: jobs, KV and stores, state stores, uploads, declared errors and events."""
    _assert_lean(package, PROJECT_ROOT / "generated" / "python")
