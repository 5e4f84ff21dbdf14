"""Shared test helpers: where the reference's conformance data lives (never copied here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["tests.nats_fixtures"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CONFORMANCE = SHARED / "conformance"
REAL_MANIFESTS = CONFORMANCE / "manifests"

requires_shared = pytest.mark.skipif(
    not CONFORMANCE.is_dir(),
    reason=f"reference conformance data not found at {CONFORMANCE} (CI checks it out beside the project)",
)


def real_manifest_paths() -> list[Path]:
    """The five real Trellis manifests, or [] when ../shared is absent."""
    if not REAL_MANIFESTS.is_dir():
        return []
    return sorted(p for p in REAL_MANIFESTS.glob("*.json") if p.name != "digests.json")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


_MODEL_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Rendered models are cached in a directory of this test session, never the user's cache:
    a test run must neither read what another generator build left nor leave anything behind.
    Within the session the cache is shared, as it is between a user's runs. Set before any test
    (and any subprocess it starts) reads it."""
    import os
    import tempfile

    from trellis_generate.prepare.model_cache import CACHE_ENV

    _MODEL_CACHE.append(tempfile.mkdtemp(prefix="trellis-test-model-cache-"))
    os.environ[CACHE_ENV] = _MODEL_CACHE[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    for path in _MODEL_CACHE:
        shutil.rmtree(path, ignore_errors=True)
