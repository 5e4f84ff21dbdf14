"""`[tool.trellis-generate]` in pyproject.toml, or the conventions that need no configuration."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import ContractError, Diagnostic

CONVENTION_CONTRACTS = ("contracts/*.py", "**/contract.py", "**/*.contract.json")
DEFAULT_OUT = "generated"
DEFAULT_TARGETS = ("manifest", "python", "scopes")
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Config:
    """Where contracts live and what to generate, relative to the repository root.

    `contracts` are sources we own and generate for (`.py` modules or manifest `.json` files);
    `manifests` are contracts owned elsewhere: loaded so the SDKs that `use` them can embed their
    surface, never generated themselves.
    """

    contracts: tuple[str, ...] = CONVENTION_CONTRACTS
    manifests: tuple[str, ...] = ()
    out: str = DEFAULT_OUT
    targets: tuple[str, ...] = DEFAULT_TARGETS


def _strings(value: object, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ContractError(
        [
            Diagnostic(
                "config-type",
                f"[tool.trellis-generate] {key} must be a string or a list of strings",
                file=str(path),
            )
        ]
    )


def load_config(root: Path) -> Config:
    """Read the config of the repository at `root`; conventions fill whatever is not set."""
    path = root / PYPROJECT
    if not path.is_file():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContractError(
            [Diagnostic("config-syntax", f"cannot parse: {exc}", file=str(path))]
        ) from exc
    table = data.get("tool", {}).get("trellis-generate", {})
    if not isinstance(table, dict):
        raise ContractError(
            [Diagnostic("config-type", "[tool.trellis-generate] must be a table", file=str(path))]
        )
    unknown = sorted(set(table) - {"contracts", "manifests", "out", "targets"})
    if unknown:
        raise ContractError(
            [
                Diagnostic(
                    "config-unknown-key", f"unknown key(s): {', '.join(unknown)}", file=str(path)
                )
            ]
        )
    out = table.get("out", DEFAULT_OUT)
    if not isinstance(out, str) or not out:
        raise ContractError(
            [
                Diagnostic(
                    "config-type", "[tool.trellis-generate] out must be a path", file=str(path)
                )
            ]
        )
    return Config(
        contracts=_strings(table["contracts"], "contracts", path)
        if "contracts" in table
        else CONVENTION_CONTRACTS,
        manifests=_strings(table.get("manifests", []), "manifests", path),
        out=out,
        targets=_strings(table["targets"], "targets", path)
        if "targets" in table
        else DEFAULT_TARGETS,
    )
