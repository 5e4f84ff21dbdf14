"""The example contracts' SDKs, freshly generated and imported, plus the runtime's transports.

``nats_server`` and ``network`` come from tests/nats_fixtures.py (one server per session), so
each test runs over the in-memory transport and a real server.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_generate.pipeline import load_contract
from trellis_generate.render.python_sdk import render_python

__all__ = ["GeneratedSdks", "generated"]

EXAMPLES = {"billing": "acme.billing@v1", "inventory": "acme.inventory@v1"}


@dataclass(frozen=True)
class GeneratedSdks:
    billing: ModuleType  # acme_billing_v1
    inventory: ModuleType  # acme_inventory_v1


def write_sdks(out: Path) -> dict[str, str]:
    """Render every example SDK into ``out``; returns contract id -> package name."""
    contracts = {
        c.id: c for c in (load_contract(PROJECT_ROOT / "contracts" / f"{n}.py") for n in EXAMPLES)
    }
    packages: dict[str, str] = {}
    for contract_id, contract in contracts.items():
        for rel, text in render_python(contract, contracts).items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            packages[contract_id] = Path(rel).parts[1]
    return packages


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedSdks]:
    """Import the freshly rendered packages; forget them afterwards so no other test sees them."""
    out = tmp_path_factory.mktemp("e2e-sdks")
    packages = write_sdks(out)
    root = str(out / "python")
    sys.path.insert(0, root)
    try:
        importlib.invalidate_caches()
        modules = {n: importlib.import_module(packages[cid]) for n, cid in EXAMPLES.items()}
        stale = [m.__name__ for m in modules.values() if not str(m.__file__).startswith(root)]
        assert not stale, f"imported a package generated elsewhere: {stale}"
        yield GeneratedSdks(**modules)
    finally:
        sys.path.remove(root)
        for name in [m for m in sys.modules if m.split(".")[0] in packages.values()]:
            del sys.modules[name]
