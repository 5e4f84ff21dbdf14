"""The python target: one importable, typed SDK package per contract.

The view model (`views/api.py`) decides everything, datamodel-code-generator writes `models.py`,
Jinja templates print the other modules, and one ruff run fixes imports and formats all files.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..outputs import python_path
from ..timings import stage
from ..views.api import SdkView, build_sdk_view
from .formatting import format_rendered
from .models import ModelStore, UnmodelableSchemaError, render_models
from .templates import environment

_MODULES = ("__init__.py", "client.py", "contract.py", "descriptors.py", "errors.py", "service.py")


def render_sources(view: SdkView, models: ModelStore | None = None) -> dict[str, str]:
    """Unformatted module texts of one SDK package, keyed by file name (`models`: see
    `render_models`)."""
    env = environment()
    files = {name: env.get_template(f"python/{name}.jinja").render(sdk=view) for name in _MODULES}
    with stage("render models"):
        files["models.py"] = render_models(view.models, models)
    files["py.typed"] = ""
    return files


def render_python(
    contract: LoadedContract,
    deps: Mapping[str, LoadedContract],
    *,
    formatted: bool = True,
    models: ModelStore | None = None,
) -> dict[str, str]:
    """`python/<package>/<file>` -> text for the contract's SDK package; `formatted=False` leaves
    formatting to the caller (`format_rendered`, once for many contracts); `models` reuses models
    rendered before for the same schemas."""
    view = build_sdk_view(contract, deps)
    try:
        sources = render_sources(view, models)
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
    files = {python_path(view.package, name): text for name, text in sorted(sources.items())}
    return format_rendered(files) if formatted else files
