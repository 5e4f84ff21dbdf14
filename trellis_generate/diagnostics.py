"""Diagnostics as data: every problem carries where it is (file, line, JSON pointer) and which rule.

Errors are collected, never raised one at a time, so a user sees every problem of a contract in one
run. Printers live here too so every command reports problems the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Literal

Severity = Literal["error", "warning"]

_LINE_BREAKS = str.maketrans(
    {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029", "\x00": "\\x00"}
)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem. `pointer` is a JSON pointer into the manifest ("" for the document)."""

    rule: str
    message: str
    pointer: str = ""
    contract_id: str | None = None
    file: str | None = None
    line: int | None = None
    severity: Severity = "error"

    def located(
        self, *, file: str | None = None, line: int | None = None, contract_id: str | None = None
    ) -> Diagnostic:
        """Fill in location fields that are still unknown."""
        return replace(
            self,
            file=self.file if self.file is not None else file,
            line=self.line if self.line is not None else line,
            contract_id=self.contract_id if self.contract_id is not None else contract_id,
        )

    def format(self) -> str:
        """One line per diagnostic, whatever names and ids the manifest contains."""
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        parts = [where]
        if self.contract_id:
            parts.append(self.contract_id)
        if self.pointer:
            parts.append(self.pointer)
        text = f"{': '.join(parts)}: {self.severity}: {self.message} [{self.rule}]"
        return text.translate(_LINE_BREAKS)

    def to_json(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}


class ContractError(Exception):
    """Raised when a contract cannot be loaded or is invalid; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.format() for d in diagnostics)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from raw tokens."""
    return "".join("/" + escape_pointer_token(str(t)) for t in tokens)
