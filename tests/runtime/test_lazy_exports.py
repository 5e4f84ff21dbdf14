"""``import trellis_runtime`` is cheap: each public name loads its submodule on first use.

The package's ``__init__`` maps every other name of ``__all__`` to the submodule defining it
(PEP 562 ``__getattr__``) and repeats the same imports under ``TYPE_CHECKING`` for type checkers.
These tests keep the three lists in step and pin that every name still resolves to what its
submodule defines, in a fresh interpreter where it matters which modules are loaded.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import trellis_runtime

INIT = Path(trellis_runtime.__file__)
EAGER = {"connect_token": "connect_token"}  # bound by ``__init__`` itself (see the comment there)


def _type_checking_imports() -> dict[str, str]:
    """Name -> submodule of each ``from .x import name`` under the ``if TYPE_CHECKING:``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
        if node.test.id == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module or ""
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names
    }


def _fresh(code: str) -> object:
    """What ``code`` (run in a new interpreter) prints as JSON."""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_type_checking_imports_lazy_table_and_all_name_the_same_names() -> None:
    declared = _type_checking_imports()
    assert trellis_runtime._SUBMODULE_OF == declared
    assert sorted(trellis_runtime.__all__) == sorted(declared | EAGER)
    assert len(trellis_runtime.__all__) == len(set(trellis_runtime.__all__))


def test_every_public_name_is_what_its_submodule_defines() -> None:
    for name, module in (_type_checking_imports() | EAGER).items():
        defining = importlib.import_module(f"trellis_runtime.{module}")
        assert getattr(trellis_runtime, name) is getattr(defining, name), name
    assert set(trellis_runtime.__all__) <= set(dir(trellis_runtime))


def test_an_unknown_name_is_an_attribute_error() -> None:
    assert not hasattr(trellis_runtime, "NoSuchName")
    with pytest.raises(ImportError, match="NoSuchName"):
        from trellis_runtime import NoSuchName  # type: ignore[attr-defined]  # noqa: F401


def test_importing_the_package_loads_no_dependency() -> None:
    loaded = _fresh("import json, sys, trellis_runtime; print(json.dumps(sorted(sys.modules)))")
    assert isinstance(loaded, list)
    heavy = ("asyncio", "cryptography", "nats", "pydantic", "trellis_generate")
    assert [m for m in loaded if m.split(".")[0] in heavy] == []


def test_connect_token_stays_the_function_once_its_module_is_loaded() -> None:
    """Loading a submodule binds its name on the package, and one submodule shares its name
    with the function it defines."""
    kind = _fresh(
        "import json, trellis_runtime.connection, trellis_runtime as r;"
        "from trellis_runtime import connect_token;"
        "print(json.dumps([type(r.connect_token).__name__, type(connect_token).__name__]))"
    )
    assert kind == ["function", "function"]
