"""Diagnostics as data: every problem carries where it is (file, line, column, JSON pointer) and
which rule.

Errors are collected, never raised one at a time, so a user sees every problem of a contract in one
run. The printers live here too (one per `--error-format`), and `print_diagnostics` is the one
place commands print problems, so every command reports them the same way.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TextIO

Severity = Literal["error", "warning"]
ErrorFormat = Literal["text", "json", "github"]
ERROR_FORMATS: tuple[ErrorFormat, ...] = ("text", "json", "github")

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
    column: int | None = None  # 1-based, where the source reports one (syntax errors)

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
            if self.column is not None:
                where = f"{where}:{self.column}"
        parts = [where]
        if self.contract_id:
            parts.append(self.contract_id)
        if self.pointer:
            parts.append(self.pointer)
        text = f"{': '.join(parts)}: {self.severity}: {self.message} [{self.rule}]"
        return text.translate(_LINE_BREAKS)

    def to_json(self) -> dict[str, object]:
        """The record every machine-readable output uses; unknown locations are null."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "contract": self.contract_id,
            "pointer": self.pointer,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


class ContractError(Exception):
    """Raised when a contract cannot be loaded or is invalid; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """`N errors, M warnings`: the footer of text output."""
    errors = sum(d.severity == "error" for d in diagnostics)
    return f"{_count(errors, 'error')}, {_count(len(diagnostics) - errors, 'warning')}"


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    """One line per diagnostic, then the `N errors, M warnings` footer (nothing when empty)."""
    diags = list(diagnostics)
    return "\n".join([*(d.format() for d in diags), summary(diags)]) if diags else ""


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    """One JSON object on one line (`--watch` prints one per run: JSON Lines)."""
    diags = list(diagnostics)
    errors = sum(d.severity == "error" for d in diags)
    doc: dict[str, Any] = {
        "diagnostics": [d.to_json() for d in diags],
        "errors": errors,
        "warnings": len(diags) - errors,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _workflow_escape(text: str, *, prop: bool) -> str:
    """GitHub workflow command escaping (data: `%`, CR, LF; properties also `:` and `,`)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _repo_relative(file: str, cwd: Path) -> str:
    """GitHub resolves annotation paths against the checkout: absolute paths under it are made
    relative (the workflow runs from the checkout root)."""
    path = Path(file)
    if path.is_absolute():
        try:
            return path.relative_to(cwd).as_posix()
        except ValueError:
            return file
    return path.as_posix()


def format_github(diagnostics: Iterable[Diagnostic], cwd: Path | None = None) -> str:
    """GitHub Actions workflow commands (`::error file=…,line=…::…`): each problem annotates its
    file and line in the pull request. Accepted on stderr as well as stdout."""
    base = cwd if cwd is not None else Path(os.getcwd())
    lines = []
    for d in diagnostics:
        props: list[tuple[str, str]] = []
        if d.file:
            props.append(("file", _repo_relative(d.file, base)))
        if d.line is not None:
            props.append(("line", str(d.line)))
        if d.column is not None:
            props.append(("col", str(d.column)))
        props.append(("title", f"trellis-generate [{d.rule}]"))
        where = ": ".join(p for p in (d.contract_id or "", d.pointer) if p)
        message = f"{where}: {d.message}" if where else d.message
        head = ",".join(f"{k}={_workflow_escape(v, prop=True)}" for k, v in props)
        lines.append(f"::{d.severity} {head}::{_workflow_escape(message, prop=False)}")
    return "\n".join(lines)


PRINTERS: dict[ErrorFormat, Callable[[Sequence[Diagnostic]], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def render_diagnostics(diagnostics: Iterable[Diagnostic], fmt: ErrorFormat = "text") -> str:
    """The text `print_diagnostics` writes ("" when there is nothing to say in text mode)."""
    return PRINTERS[fmt](list(diagnostics))


def print_diagnostics(
    diagnostics: Iterable[Diagnostic], fmt: ErrorFormat = "text", stream: TextIO | None = None
) -> None:
    """Write diagnostics to stderr in `fmt`: the only way commands report problems. JSON output
    is written even when empty, so a tool always has a document to read."""
    text = render_diagnostics(diagnostics, fmt)
    if text:
        print(text, file=stream if stream is not None else sys.stderr, flush=True)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from raw tokens."""
    return "".join("/" + escape_pointer_token(str(t)) for t in tokens)
