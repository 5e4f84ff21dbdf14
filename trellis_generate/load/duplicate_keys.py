"""Duplicate keys in the dict literals of a contract module.

`{"Library.Book.Get": a, "Library.Book.Get": b}` is valid Python that silently keeps `b`; in a
contract module that is always a mistake (two descriptors under one name), and after execution it
can no longer be seen. The parsed source still shows it. `ast` (not libcst) because it is in the
standard library, already imported, and ~20x faster: this runs on every load of a contract.
"""

from __future__ import annotations

import ast

from ..diagnostics import Diagnostic


def _literal(key: ast.expr | None) -> str | int | float | bool | None:
    if isinstance(key, ast.Constant) and isinstance(key.value, str | int | float | bool):
        return key.value
    return None


def duplicate_keys(source: str, file: str) -> list[Diagnostic]:
    """A `duplicate-key` error per repeated literal key of a dict display, at the repeat's line."""
    try:
        tree = ast.parse(source, filename=file)
    except SyntaxError:
        return []  # the import reports it
    out: list[Diagnostic] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        first: dict[object, int] = {}  # keyed as Python keys them: 1, 1.0 and True are one key
        for key in node.keys:
            value = _literal(key)
            if value is None or key is None:
                continue
            slot = value
            if slot in first:
                message = (
                    f"duplicate key {value!r} in a dict literal (first at line {first[slot]}); "
                    "Python keeps only the last one"
                )
                out.append(
                    Diagnostic(
                        "duplicate-key",
                        message,
                        file=file,
                        line=key.lineno,
                        column=key.col_offset + 1,
                    )
                )
            else:
                first[slot] = key.lineno
    return sorted(out, key=lambda d: (d.line or 0, d.column or 0))
