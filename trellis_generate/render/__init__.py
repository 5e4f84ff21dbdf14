"""Target registry: every renderer maps one contract (plus the contracts it uses) to file texts.

Paths are relative to the output root (prepare's layout): `manifests/<id>.json`,
`python/<package>/...`, `scopes/<id>.scopes.json`, `scopes/<id>.scopes.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..contract import LoadedContract

Renderer = Callable[[LoadedContract, Mapping[str, LoadedContract]], dict[str, str]]

ALL_TARGETS = ("manifest", "python", "scopes")


def _renderer(target: str) -> Renderer:
    # Imported lazily: the python target pulls in jinja2 and datamodel-code-generator.
    if target == "manifest":
        from .manifest import render_manifest

        return render_manifest
    if target == "python":
        from .python_sdk import render_python

        return render_python
    if target == "scopes":
        from .scopes import render_scopes

        return render_scopes
    raise ValueError(f"unknown target '{target}' (known: {', '.join(ALL_TARGETS)})")


def render_targets(
    contract: LoadedContract, deps: Mapping[str, LoadedContract], targets: Iterable[str]
) -> dict[str, str]:
    """Render every requested target; output paths never collide across targets."""
    files: dict[str, str] = {}
    for target in targets:
        files.update(_renderer(target)(contract, deps))
    return files
