"""Target registry: every renderer maps one contract (plus the contracts it uses) to file texts.

Paths are relative to the output root (prepare's layout): `manifests/<id>.json`,
`python/<package>/...`, `scopes/<id>.scopes.json`, `scopes/<id>.scopes.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic

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


def is_safe_relative_path(rel: str) -> bool:
    """A relative POSIX path that stays below the directory it is joined to."""
    parts = rel.split("/")
    return not rel.startswith("/") and all(
        p not in ("", ".", "..") and "\\" not in p and "\0" not in p for p in parts
    )


def render_targets(
    contract: LoadedContract, deps: Mapping[str, LoadedContract], targets: Iterable[str]
) -> dict[str, str]:
    """Render every requested target; output paths never collide across targets.

    File names come from contract ids, which the spec leaves free-form: an id such as
    `../../x@v1` must fail here rather than write outside the output directory.
    """
    files: dict[str, str] = {}
    for target in targets:
        files.update(_renderer(target)(contract, deps))
    unsafe = sorted(p for p in files if not is_safe_relative_path(p))
    if unsafe:
        raise ContractError(
            [
                Diagnostic(
                    "output-path",
                    f"output path escapes the output dir: '{p}' "
                    f"(contract id '{contract.id}' cannot name a file)",
                    "/id",
                    contract.id,
                    contract.origin.path,
                )
                for p in unsafe
            ]
        )
    return files
