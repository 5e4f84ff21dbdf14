"""Fuzzing the Python SDK renderer with hostile manifests.

Every valid manifest must give a package whose modules parse, pass ruff, import, and carry the
contract's digest; rendering twice gives the same bytes. Fewer examples than the core properties:
each one runs datamodel-code-generator and ruff.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from trellis_generate.contract import Origin
from trellis_generate.diagnostics import ContractError
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.render import formatting, render_targets

from .profiles import ci_profile, long_profile
from .strategies import valid_manifests

ORIGIN = Origin("<fuzz>", "json")
# The rule set of [tool.ruff.lint] in pyproject.toml, without the line length: manifest strings
# (subjects, docs, names) can be any length, and ruff's defaults do not check it either.
PROJECT_RULES = ("--select=E,F,W,I,B,UP", "--ignore=E501")


def is_safe_relative(path: str) -> bool:
    """A POSIX path that stays inside the output root and every file system can hold."""
    parts = path.split("/")
    return (
        bool(path)
        and not path.startswith("/")
        and all(p not in ("", ".", "..") for p in parts)
        and not any(c in path for c in "\0\\")
    )


def _import_package(root: Path, package: str) -> Any:
    """Import a generated package from `root`, then forget it so the next example starts clean."""
    sys.path.insert(0, str(root))
    try:
        importlib.invalidate_caches()
        return (
            importlib.import_module(f"{package}.contract"),
            importlib.import_module(f"{package}.client"),
            importlib.import_module(f"{package}.service"),
        )
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def check_sdk(m: dict[str, Any]) -> None:
    try:
        contract = contract_from_manifest(m, ORIGIN)
    except ContractError as exc:  # the strategy promises validity: this is a strategy bug
        pytest.fail(f"strategy produced an invalid manifest: {exc}")
    targets: tuple[str, ...] = ("python",)  # the package name comes from a sanitised id
    try:
        files = render_targets(contract, {}, targets)
    except ContractError as exc:
        # A clear refusal is a valid outcome: schemas datamodel-code-generator cannot model
        # (an unsatisfiable `anyOf: [false]`), named with the rule and contract.
        assert {d.rule for d in exc.diagnostics} == {"python-models"}, exc
        assert all(d.contract_id == contract.id for d in exc.diagnostics)
        return
    assert render_targets(contract, {}, targets) == files, "rendering is not deterministic"
    unsafe = [p for p in files if not is_safe_relative(p)]
    assert not unsafe, f"output paths escape or break the output root: {unsafe}"
    packages = {p.split("/")[1] for p in files if p.startswith("python/")}
    assert len(packages) == 1
    (package,) = packages
    assert package.isidentifier()
    for path, text in files.items():
        if path.endswith(".py"):
            ast.parse(text, filename=path)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path, text in files.items():
            if path.startswith("python/"):
                (root / path).parent.mkdir(parents=True, exist_ok=True)
                (root / path).write_text(text, encoding="utf-8")
        for rules in (PROJECT_RULES, ()):  # ours, then ruff's defaults
            lint = subprocess.run(
                formatting.ruff_command("check", "--no-cache", "--quiet", *rules, "python"),
                cwd=root,
                capture_output=True,
                text=True,
                check=False,
            )
            assert lint.returncode == 0, lint.stdout + lint.stderr
        module, _client, _service = _import_package(root / "python", package)
    assert module.CONTRACT_DIGEST == contract.digest
    assert module.CONTRACT_ID == contract.id


test_generated_sdk_parses_lints_and_imports = ci_profile(12)(
    given(valid_manifests(max_surfaces=2))(check_sdk)
)
test_long_generated_sdk = pytest.mark.fuzz(
    long_profile()(given(valid_manifests(max_surfaces=2))(check_sdk))
)
