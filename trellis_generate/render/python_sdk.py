"""The python target: one importable, typed SDK package per contract.

The view model (`views/api.py`) decides everything, datamodel-code-generator writes `models.py`,
Jinja templates print the other modules, and one ruff run fixes imports and formats all files.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import jinja2

import trellis_generate

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..views.api import SdkView, build_sdk_view
from .models import UnmodelableSchemaError, render_models

_MODULES = ("__init__.py", "client.py", "contract.py", "descriptors.py", "errors.py", "service.py")


def templates_dir() -> Path:
    """Bundled templates in a wheel (`_templates`), else the repository's `templates/`."""
    package = Path(trellis_generate.__file__).parent
    bundled = package / "_templates"
    return bundled if bundled.is_dir() else package.parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "python"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_sources(view: SdkView) -> dict[str, str]:
    """Unformatted module texts of one SDK package, keyed by file name."""
    env = _environment()
    files = {name: env.get_template(f"{name}.jinja").render(sdk=view) for name in _MODULES}
    files["models.py"] = render_models(view.models)
    files["py.typed"] = ""
    return files


class RuffError(RuntimeError):
    """ruff rejected generated code: a generator bug, never a user error."""


# The output must not depend on any project's ruff configuration or on where ruff runs, so every
# setting is explicit; the runtime is an installed dependency of a generated SDK, not its sibling.
RUFF_SETTINGS = (
    "--isolated",
    "--target-version=py311",
    "--line-length=100",
    "--config=lint.isort.known-third-party = ['trellis_generate']",
)


def ruff_command(*args: str) -> list[str]:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return [os.fsdecode(find_ruff_bin()), *args, *RUFF_SETTINGS]


def _ruff(cwd: Path, *args: str) -> None:
    done = subprocess.run(ruff_command(*args), cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuffError(f"{' '.join(args[:2])} failed:\n{done.stdout}{done.stderr}")


def format_python(files: Mapping[str, str]) -> dict[str, str]:
    """Sort imports, drop unused ones and format every `.py` file with one ruff run each."""
    with tempfile.TemporaryDirectory(prefix="trellis-sdk-") as tmp:
        root = Path(tmp)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        _ruff(root, "check", "--fix", "--select=I,F401", "--quiet", ".")
        _ruff(root, "format", "--quiet", ".")
        return {name: (root / name).read_text(encoding="utf-8") for name in files}


def render_python(contract: LoadedContract, deps: Mapping[str, LoadedContract]) -> dict[str, str]:
    """`python/<package>/<file>` -> text for the contract's SDK package."""
    view = build_sdk_view(contract, deps)
    try:
        sources = render_sources(view)
    except UnmodelableSchemaError as exc:
        raise ContractError(
            [
                Diagnostic(
                    "python-models",
                    f"the python target cannot model this contract's schemas: {exc}",
                    "/schemas",
                    contract.id,
                    contract.origin.path,
                )
            ]
        ) from exc
    files = format_python(sources)
    return {f"python/{view.package}/{name}": text for name, text in sorted(files.items())}
