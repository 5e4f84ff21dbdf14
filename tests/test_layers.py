"""The layers point one way: each rule here is an import the architecture forbids.

Imports are read with `ast` (lazy imports inside functions included), so a shortcut that would
make one stage depend on another's internals fails here, before it spreads.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "trellis_generate"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[str]:
    """Absolute names of every module `path` imports (relative imports resolved)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target
            yield from (f"{target}.{alias.name}" for alias in node.names)


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): set(_imports(p)) for p in sorted(PACKAGE.rglob("*.py"))}


GRAPH = _graph()


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _violations(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{mod} imports {imp}"
        for mod, imps in GRAPH.items()
        if _under(mod, importer)
        for imp in imps
        if any(_under(imp, f) for f in forbidden)
    )


RULES = [
    # renderers produce text; only the writer touches the disk (paths: trellis_generate.outputs)
    ("trellis_generate.render", ("trellis_generate.write", "trellis_generate.prepare")),
    ("trellis_generate.write", ("trellis_generate.render", "trellis_generate.views")),
    # prepare returns data; commands print it
    ("trellis_generate.prepare", ("typer", "click", "rich", "trellis_generate.commands")),
    # the diff reads the model and the permission rules, never a renderer's internals
    ("trellis_generate.diff", ("trellis_generate.render", "trellis_generate.views.scopes")),
    # permission rules are pure functions of the model
    (
        "trellis_generate.permissions",
        (
            "trellis_generate.views",
            "trellis_generate.render",
            "trellis_generate.diff",
            "trellis_generate.contract",
        ),
    ),
    # the model is built from the manifest alone; everything after loading may read it
    (
        "trellis_generate.model",
        (
            "trellis_generate.views",
            "trellis_generate.permissions",
            "trellis_generate.render",
            "trellis_generate.diff",
            "trellis_generate.contract",
        ),
    ),
    ("trellis_generate.views", ("trellis_generate.render", "trellis_generate.write")),
    ("trellis_generate.outputs", ("trellis_generate",)),
    ("trellis_generate.markdown", ("trellis_generate",)),
]


@pytest.mark.parametrize(("importer", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_layer_does_not_import(importer: str, forbidden: tuple[str, ...]) -> None:
    assert _violations(importer, forbidden) == []


def test_only_commands_use_typer() -> None:
    """Library packages return data; the CLI (commands/, cli.py) prints it."""
    allowed = ("trellis_generate.commands", "trellis_generate.cli")
    users = sorted(
        mod
        for mod, imps in GRAPH.items()
        if any(_under(i, "typer") for i in imps) and not any(_under(mod, a) for a in allowed)
    )
    assert users == []


def test_markdown_escaping_is_defined_once() -> None:
    defined = sorted(
        _module_name(p)
        for p in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name in ("md_text", "md_code")
    )
    assert defined == ["trellis_generate.markdown", "trellis_generate.markdown"]


def test_the_rule_scanner_sees_lazy_and_relative_imports() -> None:
    """The scanner itself: render/__init__ imports its targets lazily, relatively."""
    assert "trellis_generate.render.python_sdk" in GRAPH["trellis_generate.render"]
    assert "trellis_generate.outputs" in GRAPH["trellis_generate.render"]
