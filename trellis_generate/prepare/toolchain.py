"""The generator as seen by prepare: load, render and the fingerprint of both.

Bound late (imported when first used) so a no-op prepare never imports jinja2 or
datamodel-code-generator, and so `--watch` can swap in freshly imported generator modules after a
template or generator-code change without restarting.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..contract import LoadedContract
from .fingerprint import GENERATOR_PARTS, generator_fingerprint

Loader = Callable[[Path, str | None], LoadedContract]
Renderer = Callable[[LoadedContract, Mapping[str, LoadedContract], Sequence[str]], dict[str, str]]
Builtin = Callable[[str], LoadedContract | None]


def _load(path: Path, name: str | None) -> LoadedContract:
    pipeline = importlib.import_module("trellis_generate.pipeline")
    loaded: LoadedContract = pipeline.load_contract(path, name=name)
    return loaded


def _render(
    contract: LoadedContract, deps: Mapping[str, LoadedContract], targets: Sequence[str]
) -> dict[str, str]:
    render = importlib.import_module("trellis_generate.render")
    files: dict[str, str] = render.render_targets(contract, deps, targets)
    return files


def _builtin(contract_id: str) -> LoadedContract | None:
    platform = importlib.import_module("trellis_generate.platform")
    found: LoadedContract | None = platform.builtin_contract(contract_id)
    return found


@dataclass
class Toolchain:
    load: Loader = _load
    render: Renderer = _render
    builtin: Builtin = _builtin  # the platform contract of an id, when the repository lacks it
    fingerprint_of: Callable[[], str] = generator_fingerprint

    @cached_property
    def fingerprint(self) -> str:
        return self.fingerprint_of()


def purge_generator_modules() -> list[str]:
    """Drop the generator's modules from `sys.modules` so the next use imports the edited code.

    `contract` and `diagnostics` stay: their classes are shared with the running workflow.
    """
    prefixes = tuple(f"trellis_generate.{p.removesuffix('.py')}" for p in GENERATOR_PARTS)
    keep = {"trellis_generate.contract"}
    gone = [
        m
        for m in sys.modules
        if m not in keep and (m in prefixes or m.startswith(tuple(p + "." for p in prefixes)))
    ]
    for name in gone:
        del sys.modules[name]
    importlib.invalidate_caches()
    return gone
