"""The example contracts under contracts/: valid, realistic, and together they use every kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_generate.contract import LoadedContract
from trellis_generate.pipeline import load_contract

EXAMPLES = ("billing", "inventory", "storefront")


@pytest.fixture(scope="module")
def loaded() -> dict[str, LoadedContract]:
    contracts = [load_contract(PROJECT_ROOT / "contracts" / f"{name}.py") for name in EXAMPLES]
    return {c.id: c for c in contracts}


def _all(loaded: dict[str, LoadedContract], section: str) -> Iterator[Any]:
    for contract in loaded.values():
        yield from (contract.manifest.get(section) or {}).values()


def test_examples_load_valid_with_digests(loaded: dict[str, LoadedContract]) -> None:
    assert set(loaded) == {"acme.billing@v1", "acme.inventory@v1", "acme.storefront@v1"}
    assert {c.kind for c in loaded.values()} == {"service", "app"}
    assert all(len(c.digest) == 43 for c in loaded.values())


def test_examples_together_use_every_descriptor_kind(loaded: dict[str, LoadedContract]) -> None:
    assert any(r.get("errors") for r in _all(loaded, "rpc"))
    assert any(r.get("transfer") for r in _all(loaded, "rpc"))
    ops = list(_all(loaded, "operations"))
    assert any(o.get("progress") and o.get("signals") and o.get("cancel") for o in ops)
    assert any(o.get("transfer") for o in ops)
    assert any(e.get("params") for e in _all(loaded, "events"))
    for section in ("feeds", "jobs", "eventConsumers", "state", "errors"):
        assert list(_all(loaded, section)), section
    resources = [c.manifest.get("resources", {}) for c in loaded.values()]
    assert any(r.get("kv") for r in resources) and any(r.get("store") for r in resources)
    assert any("exports" in c.manifest for c in loaded.values())
    assert any("optional" in c.manifest.get("uses", {}) for c in loaded.values())


def test_uses_between_examples_name_surfaces_the_used_contract_declares(
    loaded: dict[str, LoadedContract],
) -> None:
    checked = 0
    for contract in loaded.values():
        uses = contract.manifest.get("uses", {})
        for use in [*uses.get("required", {}).values(), *uses.get("optional", {}).values()]:
            target = loaded.get(use["contract"])
            if target is None:
                continue
            m = target.manifest
            for section, names in (
                ("rpc", use.get("rpc", {}).get("call", [])),
                ("operations", use.get("operations", {}).get("call", [])),
                ("events", use.get("events", {}).get("subscribe", [])),
                ("feeds", use.get("feeds", {}).get("subscribe", [])),
            ):
                assert set(names) <= set(m.get(section, {})), (contract.id, section, names)
                checked += len(names)
    assert checked >= 8


def test_example_declarations_point_at_their_lines(loaded: dict[str, LoadedContract]) -> None:
    billing = loaded["acme.billing@v1"]
    path = PROJECT_ROOT / "contracts" / "billing.py"
    source = path.read_text(encoding="utf-8").splitlines()
    line = billing.origin.lines["/operations/Billing.Refund"]
    assert source[line - 1].strip() == '"Billing.Refund": Operation('
    assert source[billing.origin.lines[""] - 1].startswith("CONTRACT = define_service_contract(")


def test_authoring_package_imports_no_heavy_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys, trellis_generate.authoring; "
        "print(sorted(m for m in ('jinja2', 'jsonschema', 'libcst', 'typer', 'rfc8785') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
