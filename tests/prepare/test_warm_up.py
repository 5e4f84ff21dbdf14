"""The `--watch` warm-up renders a real contract (so a broken one would silently stop warming)
and never fails the watcher."""

from __future__ import annotations

import sys

import pytest

from trellis_generate import render, timings
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.prepare import warm_up


def test_the_warm_up_contract_is_valid_and_renders_every_target() -> None:
    contract = contract_from_manifest(warm_up._WARM_UP_MANIFEST, Origin("<warm-up>", "json"))
    files = render.render_targets(contract, {}, render.ALL_TARGETS)
    assert {rel.split("/")[0] for rel in files} == {"manifests", "python", "scopes"}
    assert "class Item(" in files["python/trellis_generate_warm_up_v1/models.py"]


def test_warm_up_loads_the_toolchain_and_leaves_no_timings() -> None:
    warm_up.warm_up()
    assert "datamodel_code_generator.parser.jsonschema" in sys.modules
    assert timings.take() == {}


def test_a_failing_warm_up_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> dict[str, str]:
        raise RuntimeError("generator bug")

    monkeypatch.setattr(render, "render_targets", broken)
    warm_up.warm_up()  # a real render reports the problem, not the warm-up
