"""The manifest target: canonical normalized manifest text plus a trailing newline."""

from __future__ import annotations

from collections.abc import Mapping

from ..contract import LoadedContract
from ..outputs import manifest_path


def render_manifest(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> dict[str, str]:
    return {manifest_path(contract.id): contract.canonical + "\n"}
