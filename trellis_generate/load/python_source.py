"""Loading a contract from a Python module.

The module is executed (contracts are trusted local code, as in the reference) under a fresh module
object each time, so `prepare --watch` always sees the current file. Failures become diagnostics
that point at the line that failed, never a traceback.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from ..diagnostics import ContractError, Diagnostic
from .duplicate_keys import duplicate_keys

DEFAULT_EXPORT = "CONTRACT"


def project_root(path: Path) -> Path:
    """Nearest ancestor with a pyproject.toml (else the file's directory): the import root."""
    for parent in path.parents:
        if (parent / "pyproject.toml").is_file():
            return parent
    return path.parent


def module_name_for(path: Path, root: Path) -> str:
    """Dotted name when the file sits in packages under `root`, so relative imports work."""
    try:
        rel = path.with_suffix("").relative_to(root)
    except ValueError:
        rel = None
    if rel is not None and all(
        (root / Path(*rel.parts[:i]) / "__init__.py").is_file() for i in range(1, len(rel.parts))
    ):
        return ".".join(rel.parts)
    if rel is not None and len(rel.parts) >= 1 and all(p.isidentifier() for p in rel.parts):
        return ".".join(rel.parts)
    return f"_trellis_contract_{abs(hash(str(path))):x}"


def _failure_line(exc: BaseException, path: Path) -> int | None:
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == path:
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path:
            line = frame.lineno
    return line


def import_module_from(path: Path) -> ModuleType:
    root = project_root(path)
    for entry in (str(path.parent), str(root)):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    name = module_name_for(path, root)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(name)
    sys.modules[name] = module
    try:
        # Compile from the source text rather than exec_module: the bytecode cache keys on
        # mtime (whole seconds) and size, so a quick same-size edit in watch mode could load
        # stale bytecode.
        code = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except BaseException:
        if previous is not None:
            sys.modules[name] = previous
        else:
            sys.modules.pop(name, None)
        raise
    return module


def _is_definition(value: Any) -> bool:
    return all(hasattr(value, a) for a in ("manifest", "lines", "diagnostics")) and not isinstance(
        value, type
    )


def _is_raw_manifest(value: Any) -> bool:
    return isinstance(value, dict) and value.get("format") == "trellis.contract.v1"


def find_contract(module: ModuleType, path: Path, name: str | None) -> tuple[str, Any]:
    file = str(path)
    if name is not None:
        if not hasattr(module, name):
            raise ContractError(
                [Diagnostic("source", f"module has no attribute '{name}'", file=file)]
            )
        value = getattr(module, name)
        if not (_is_definition(value) or _is_raw_manifest(value)):
            raise ContractError(
                [
                    Diagnostic(
                        "source",
                        f"'{name}' is not a Trellis contract "
                        "(define_*_contract result or manifest dict)",
                        file=file,
                    )
                ]
            )
        return name, value
    if hasattr(module, DEFAULT_EXPORT):
        return find_contract(module, path, DEFAULT_EXPORT)
    found = [(k, v) for k, v in vars(module).items() if not k.startswith("_") and _is_definition(v)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ContractError(
            [
                Diagnostic(
                    "source",
                    "module defines no contract "
                    "(assign a define_*_contract(...) result to CONTRACT)",
                    file=file,
                )
            ]
        )
    names = ", ".join(k for k, _ in found)
    raise ContractError(
        [
            Diagnostic(
                "source",
                f"module defines several contracts ({names}); pass FILE:NAME to choose one",
                file=file,
            )
        ]
    )


def load_python_source(
    path: Path, name: str | None = None
) -> tuple[Any, str, dict[str, int], list[Diagnostic]]:
    """Import `path`; return (raw manifest, export name, pointer→line map, authoring errors)."""
    path = path.resolve()
    file = str(path)
    if not path.is_file():
        raise ContractError([Diagnostic("io", "contract source not found", file=file)])
    try:
        module = import_module_from(path)
    except SyntaxError as exc:
        line = _failure_line(exc, path)
        column = exc.offset if line is not None and line == exc.lineno else None
        raise ContractError(
            [Diagnostic("import", f"syntax error: {exc.msg}", file=file, line=line, column=column)]
        ) from exc
    except Exception as exc:  # any failure of user code is a user error, reported with its line
        raise ContractError([_descriptor_error(exc, path) or _import_failure(exc, path)]) from exc
    export, value = find_contract(module, path, name)
    found = duplicate_keys(path.read_text(encoding="utf-8"), file)
    if _is_raw_manifest(value):
        return value, export, {}, found
    return value.manifest, export, dict(value.lines), [*value.diagnostics, *found]


def _import_failure(exc: Exception, path: Path) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic(
        "import",
        f"importing the contract module failed: {detail}",
        file=str(path),
        line=_failure_line(exc, path),
    )


def _descriptor_error(exc: Exception, path: Path) -> Diagnostic | None:
    """A wrongly typed value in a declaration, at the line of that declaration (`Rpc(`) when it
    was written in this module, else at the line of this module that led there."""
    from ..authoring.descriptors import DescriptorError

    if not isinstance(exc, DescriptorError):
        return None
    here = Path(exc.site.file).resolve() == path
    return Diagnostic(
        "authoring-type",
        f"{exc.context}: {exc.problem}",
        exc.pointer,
        exc.contract_id,
        str(path),
        exc.site.line if here else _failure_line(exc, path),
    )
