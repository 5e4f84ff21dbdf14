"""Target registry: every renderer maps one contract (plus the contracts it uses) to file texts.

Paths are relative to the output root (prepare's layout): `manifests/<id>.json`,
`python/<package>/...`, `scopes/<id>.scopes.json`, `scopes/<id>.scopes.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..outputs import check_output_path
from ..timings import stage

if TYPE_CHECKING:
    from .models import ModelStore

Renderer = Callable[[LoadedContract, Mapping[str, LoadedContract]], dict[str, str]]

ALL_TARGETS = ("manifest", "python", "scopes")


def _renderer(target: str, *, formatted: bool, models: ModelStore | None) -> Renderer:
    # Imported lazily: the python target pulls in jinja2 and datamodel-code-generator.
    if target == "manifest":
        from .manifest import render_manifest

        return render_manifest
    if target == "python":
        from .python_sdk import render_python

        return partial(render_python, formatted=formatted, models=models)
    if target == "scopes":
        from .scopes import render_scopes

        return render_scopes
    raise ValueError(f"unknown target '{target}' (known: {', '.join(ALL_TARGETS)})")


def _unsafe_paths(files: Iterable[str]) -> list[tuple[str, str]]:
    problems = []
    for rel in sorted(files):
        try:
            check_output_path(rel)
        except ValueError as exc:
            problems.append((rel, str(exc)))
    return problems


def render_targets(
    contract: LoadedContract,
    deps: Mapping[str, LoadedContract],
    targets: Iterable[str],
    *,
    formatted: bool = True,
    models: ModelStore | None = None,
) -> dict[str, str]:
    """Render every requested target; output paths never collide across targets.

    `formatted=False` leaves the python files for the caller to format, with other contracts'
    (`formatting.format_rendered`): prepare formats a whole run in one ruff pass. `models` keeps
    rendered models between runs (`render_models`).

    File names come from contract ids, which the spec leaves free-form: an id such as
    `../../x@v1` must fail here rather than write outside the output directory.
    """
    files: dict[str, str] = {}
    for target in targets:
        render = _renderer(target, formatted=formatted, models=models)
        with stage("render SDK" if target == "python" else "render other"):
            files.update(render(contract, deps))
    unsafe = _unsafe_paths(files)
    if unsafe:
        raise ContractError(
            [
                Diagnostic(
                    "output-path",
                    f"{reason} (contract id '{contract.id}' cannot name a file)",
                    "/id",
                    contract.id,
                    contract.origin.path,
                )
                for _, reason in unsafe
            ]
        )
    return files
