"""The manifest target: canonical normalized manifest text plus a trailing newline."""

from __future__ import annotations

from collections.abc import Mapping

from ..contract import LoadedContract


def manifest_path(contract_id: str) -> str:
    return f"manifests/{contract_id}.json"


def render_manifest(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> dict[str, str]:
    return {manifest_path(contract.id): contract.canonical + "\n"}
