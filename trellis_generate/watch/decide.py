"""What a batch of file changes means for the plan: a pure function, no file system access.

Every change in the batch is classified and the strongest action wins
(reload > full > affected > ignored), so unlike the reference the batch order never matters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

import pathspec

Action = Literal["ignored", "affected", "full", "reload"]
_RANK: dict[Action, int] = {"ignored": 0, "affected": 1, "full": 2, "reload": 3}
NEVER_RELEVANT = frozenset({".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules"})
CONFIG_FILES = frozenset({"pyproject.toml"})


@dataclass(frozen=True)
class Change:
    """One changed path, root-relative posix (absolute when outside the root).

    `exists` is the state after the batch (editors save by delete + rename, so event kinds lie).
    `defines_contract` is the loop's static rescan of a changed discovery-shaped `.py` file
    (None when not scanned or unparsable).
    """

    path: str
    exists: bool = True
    defines_contract: bool | None = None


@dataclass(frozen=True)
class WatchPlan:
    """What the last prepare knew. Contracts are named by id (or source key if never loaded)."""

    out: str  # output dir, root-relative ("" when outside the root)
    contract_globs: tuple[str, ...]
    manifest_globs: tuple[str, ...]
    sources: Mapping[str, tuple[str, ...]]  # source file -> contracts it defines
    imports: Mapping[str, tuple[str, ...]]  # contract -> local module files it imports
    dependents: Mapping[str, frozenset[str]]  # contract -> contracts whose SDK embeds it
    candidates: frozenset[str] = frozenset()  # discovery-shaped modules defining no contract
    failing: frozenset[str] = frozenset()  # contracts whose last load failed
    generator_roots: tuple[str, ...] = ()  # template dirs and generator code (paths as reported)

    @cached_property
    def _shape(self) -> pathspec.PathSpec[Any]:
        return pathspec.PathSpec.from_lines(
            "gitignore", (*self.contract_globs, *self.manifest_globs)
        )

    def discovery_shaped(self, path: str) -> bool:
        return self._shape.match_file(path)


@dataclass(frozen=True)
class Decision:
    action: Action
    contracts: tuple[str, ...] = ()  # for "affected": the contracts to regenerate, sorted
    reason: str = "no affected contracts"


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


CONTRACT_INPUT_SUFFIXES = (".py", ".json")
# Editors' lock files that still end in `.py`/`.json` (emacs `.#a.py`); `a.py~` and `#a.py#` do not.
EDITOR_LITTER = (".#",)


def is_contract_input(plan: WatchPlan | None, path: str, *, is_dir: bool) -> bool:
    """Whether a changed path can change what prepare generates: a module or manifest, the
    configuration, ignore rules, generator code, or a directory that holds any of them (a moved
    directory arrives as one event). Editors' temporary files (`sedJZVnu2`, `4913`, `.a.py.swp`)
    are none of these, so they never make a batch or a `--changes` line."""
    if plan is not None and any(_under(path, g) for g in plan.generator_roots):
        return True
    name = path.rsplit("/", 1)[-1]
    if name in CONFIG_FILES or name == ".gitignore":
        return True
    if is_dir:
        return True
    if name.endswith(CONTRACT_INPUT_SUFFIXES):
        return not name.startswith(EDITOR_LITTER)
    if plan is None:
        return False
    known = (*plan.sources, *(f for files in plan.imports.values() for f in files))
    return any(f.startswith(path.rstrip("/") + "/") for f in known)  # a removed directory


def _classify(plan: WatchPlan | None, change: Change) -> tuple[Action, frozenset[str], str]:
    path = change.path
    if plan is not None and any(_under(path, g) for g in plan.generator_roots):
        return "reload", frozenset(), f"generator code or templates changed ({path})"
    parts = path.split("/")
    if path.startswith("/") or any(p in NEVER_RELEVANT for p in parts):
        return "ignored", frozenset(), ""
    if plan is not None and plan.out and _under(path, plan.out):
        return "ignored", frozenset(), ""
    if path in CONFIG_FILES:
        return "full", frozenset(), f"configuration changed ({path})"
    if parts[-1] == ".gitignore":
        return "full", frozenset(), f"ignore rules changed ({path})"
    if plan is None:
        relevant = path.endswith((".py", ".json"))
        return (
            ("full", frozenset(), f"no plan yet; {path} changed")
            if relevant
            else ("ignored", frozenset(), "")
        )
    if path in plan.sources:
        if not change.exists:
            return "full", frozenset(), f"contract source removed ({path})"
        if change.defines_contract is False:
            return "full", frozenset(), f"{path} no longer defines a contract"
        return "affected", frozenset(plan.sources[path]), f"contract source changed ({path})"
    if path in plan.candidates:
        shape_changed = change.defines_contract is True
    elif path.endswith(".json"):
        shape_changed = plan.discovery_shaped(path)
    else:  # a new module where contracts live, unless it is known not to define one
        shape_changed = (
            plan.discovery_shaped(path) and change.exists and change.defines_contract is not False
        )
    if shape_changed:
        return "full", frozenset(), f"contract source added or renamed ({path})"
    importers = frozenset(c for c, files in plan.imports.items() if path in files)
    if path.endswith(".py"):
        # A new or changed module may be the fix a failing contract is waiting for.
        importers |= plan.failing
    if importers:
        return "affected", importers, f"imported module changed ({path})"
    return "ignored", frozenset(), ""


def decide(plan: WatchPlan | None, batch: Sequence[Change]) -> Decision:
    """Map one debounced batch of changes to the action prepare must take."""
    action: Action = "ignored"
    reason = "no affected contracts"
    contracts: set[str] = set()
    for change in batch:
        kind, touched, why = _classify(plan, change)
        contracts |= touched
        if _RANK[kind] > _RANK[action]:
            action, reason = kind, why
    if action != "affected":
        return Decision(action, (), reason)
    assert plan is not None  # "affected" needs a plan
    with_users = set(contracts)
    for ident in contracts:
        with_users |= plan.dependents.get(ident, frozenset())
    users = len(with_users) - len(contracts)
    suffix = f" (+{users} dependent{'s' if users != 1 else ''})" if users else ""
    return Decision("affected", tuple(sorted(with_users)), f"{reason}{suffix}")
