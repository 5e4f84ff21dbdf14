"""Example budgets for the fuzz properties.

CI runs each property with a small, derandomized budget; `pytest -m fuzz` runs the long, random
profile (10,000 examples by default). `TRELLIS_FUZZ_EXAMPLES=N` sets both budgets to N.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_EXAMPLES = 10_000


def _override() -> int | None:
    value = os.environ.get("TRELLIS_FUZZ_EXAMPLES", "").strip()
    return int(value) if value else None


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def ci_profile(examples: int) -> settings:
    """Settings for a CI-sized run of a property: derandomized, so the suite that gates a landing
    is reproducible; new territory is explored by the long profile."""
    return settings(_settings(_override() or examples), derandomize=True)


def long_profile() -> settings:
    """Settings for the on-demand long run (`pytest -m fuzz`)."""
    return _settings(_override() or LONG_EXAMPLES)
