"""Static reading of a Python module with libcst: contract definitions and imports, no execution.

A contract is a module-level assignment whose value calls a `define_<kind>_contract` helper,
however it was imported (`from ... import define_service_contract as d`, `authoring.define_...`,
a star import). The `id` keyword is read when it is a string literal.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import MetadataWrapper, PositionProvider

from .records import ImportRef, ModuleScan, ScanError, StaticContract

HELPERS = {
    "define_service_contract": "service",
    "define_app_contract": "app",
    "define_agent_contract": "agent",
    "define_device_contract": "device",
}


class _Scanner(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}  # local name -> helper name
        self.imports: list[ImportRef] = []
        self.contracts: list[StaticContract] = []

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = get_full_name_for_node(alias.name)
            if name:
                self.imports.append(ImportRef(name, (), 0))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = get_full_name_for_node(node.module) if node.module else ""
        names: tuple[str, ...] = ("*",)
        if not isinstance(node.names, cst.ImportStar):
            names = tuple(get_full_name_for_node(a.name) or "" for a in node.names)
            for alias in node.names:
                imported = get_full_name_for_node(alias.name) or ""
                if imported in HELPERS:
                    local = alias.asname.name if alias.asname else alias.name
                    if isinstance(local, cst.Name):
                        self.aliases[local.value] = imported
        self.imports.append(ImportRef(module or "", names, len(node.relative)))

    def _helper(self, func: cst.BaseExpression) -> str | None:
        if isinstance(func, cst.Name):
            return self.aliases.get(func.value, func.value if func.value in HELPERS else None)
        if isinstance(func, cst.Attribute) and func.attr.value in HELPERS:
            return func.attr.value
        return None

    def visit_Module(self, node: cst.Module) -> bool:
        # One pass over every import (nested ones included) first, so aliases are known.
        for stmt in node.body:
            stmt.visit(_AliasOnly(self))
        for stmt in node.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                self._record(small)
        return False  # imports were collected above; nothing else to visit

    def _record(self, small: cst.BaseSmallStatement) -> None:
        target: cst.BaseExpression | None = None
        value: cst.BaseExpression | None = None
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target, value = small.targets[0].target, small.value
        elif isinstance(small, cst.AnnAssign) and small.value is not None:
            target, value = small.target, small.value
        if not (isinstance(target, cst.Name) and isinstance(value, cst.Call)):
            return
        helper = self._helper(value.func)
        if helper is None:
            return
        contract_id: str | None = None
        for arg in value.args:
            if arg.keyword is not None and arg.keyword.value == "id":
                if isinstance(arg.value, cst.SimpleString | cst.ConcatenatedString):
                    evaluated = arg.value.evaluated_value
                    contract_id = evaluated if isinstance(evaluated, str) else None
        line = self.get_metadata(PositionProvider, value).start.line
        self.contracts.append(StaticContract(target.value, HELPERS[helper], contract_id, line))


class _AliasOnly(cst.CSTVisitor):
    def __init__(self, scanner: _Scanner) -> None:
        self.scanner = scanner

    def visit_Import(self, node: cst.Import) -> None:
        self.scanner.visit_Import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.scanner.visit_ImportFrom(node)


def scan_module(source: str) -> ModuleScan:
    """Contracts and imports of one module; raises ScanError on a syntax error."""
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        raise ScanError(exc.raw_line, exc.message) from exc
    scanner = _Scanner()
    MetadataWrapper(module, unsafe_skip_copy=True).visit(scanner)
    return ModuleScan(tuple(scanner.contracts), tuple(scanner.imports))
