"""What a static scan of a Python module finds (kept free of libcst so reading it is cheap)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StaticContract:
    name: str  # the module attribute holding the contract
    kind: str
    id: str | None  # None when `id=` is not a string literal
    line: int


@dataclass(frozen=True)
class ImportRef:
    """`import a.b` → ("a.b", (), 0); `from ..x import y` → ("x", ("y",), 2)."""

    module: str
    names: tuple[str, ...]
    level: int


@dataclass(frozen=True)
class ModuleScan:
    contracts: tuple[StaticContract, ...]
    imports: tuple[ImportRef, ...]


class ScanError(ValueError):
    """A module that does not parse; `line` points at the problem."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)
