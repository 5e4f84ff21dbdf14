"""Benchmark workloads, made by bench/synth.py: N manifests plus the same API as OpenAPI.

synth.py gives every contract the same schemas (only ids and subjects differ), so rendered models
are shared between its contracts once the first one is rendered. `distinct` variants add one
property of the contract's own to every schema, so that no two contracts share a model: the
worst case for the model cache, measured beside the workload as synth.py makes it.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
PYPROJECT = '[tool.trellis-generate]\ncontracts = ["manifests/*.json"]\nout = "generated"\n'
# name -> (contracts, every contract's schemas made its own)
WORKLOADS = {"w10": (10, False), "w10-distinct": (10, True), "w50": (50, False)}


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _make_distinct(index: int, manifest: dict[str, Any]) -> None:
    for schema in manifest["schemas"].values():
        schema["properties"][f"only{index}"] = {"type": "string"}


def synthesize(name: str, into: Path) -> Path:
    """A fresh workload directory: manifests/, openapi.json and a pyproject.toml."""
    count, distinct = WORKLOADS[name]
    synth = _synth()
    ws = into / name
    shutil.rmtree(ws, ignore_errors=True)
    (ws / "manifests").mkdir(parents=True)
    # synth.py's defaults: 10 RPCs, 5 events, 3 operations per contract.
    made = [synth.contract(c, 10, 5, 3) for c in range(count)]
    for index, (svc, manifest) in enumerate(made):
        if distinct:
            _make_distinct(index, manifest)
        text = json.dumps(manifest, indent=2)
        (ws / "manifests" / f"{svc}.json").write_text(text, encoding="utf-8")
    openapi = json.dumps(synth.openapi(made), indent=2)
    (ws / "openapi.json").write_text(openapi, encoding="utf-8")
    (ws / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return ws
