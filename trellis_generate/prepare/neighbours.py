"""The repository around one contract, for commands that check a single file (`verify`).

A contract that `uses` another contract of its repository is only valid together with it: the used
contract must still have every selected surface, and must load at all. `verify --source` finds the
repository (the nearest `pyproject.toml` above the file), discovers its contracts like prepare and
checks the contract against the ones it uses, with prepare's own resolution, so the two commands
cannot disagree.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..discovery import discover, load_config
from ..discovery.scancache import ScanCache
from ..load.python_source import project_root
from ..outputs import LOCK_DIR
from .run import Options, Session, _Run
from .toolchain import Toolchain


def repository_root(path: Path) -> Path | None:
    """The repository a contract file belongs to, or None outside any project."""
    root = project_root(path.resolve())
    return root if (root / "pyproject.toml").is_file() else None


def repository_problems(contract: LoadedContract, path: Path) -> list[Diagnostic]:
    """Problems of `contract` (loaded from `path`) that only its repository shows: used contracts
    that fail to load or lack a selected surface, capabilities their owner does not declare."""
    root = repository_root(path)
    if root is None:
        return []
    try:
        config = load_config(root)
    except ContractError as exc:
        return list(exc.diagnostics)
    out = root / config.out
    found = discover(root, config, ScanCache(out / LOCK_DIR / "scan-cache.json"))  # read only
    own = path.resolve()
    others = tuple(s for s in found.sources if (root / s.path).resolve() != own)
    run = _Run(
        replace(found, sources=others),
        out,
        tuple(config.targets),
        Options(),
        Toolchain(),
        Session(),
    )
    for source in others:
        if source.id is None:
            run.load(source)  # the id is only known once loaded
    run.index_ids()
    return run.resolve(contract, contract.origin.path).problems
