"""Reading manifest JSON files strictly.

`json.loads` silently turns `-0` into `0` and keeps the last of duplicate keys; both would make us
digest something other than what the author wrote, so hooks detect them. Line numbers for
diagnostics come from a light token scan that only runs when there is an error to place.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..diagnostics import ContractError, Diagnostic

MAX_MANIFEST_BYTES = 50 * 1024 * 1024


class _Strictness:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def parse_int(self, text: str) -> int:
        if text == "-0":
            self.problems.append("negative zero (-0) is not allowed")
        return int(text)

    def parse_float(self, text: str) -> float:
        value = float(text)
        if value == 0.0 and text.lstrip().startswith("-"):
            self.problems.append(f"negative zero ({text}) is not allowed")
        return value

    def parse_constant(self, text: str) -> float:
        self.problems.append(f"{text} is not JSON")
        return float("nan")

    def pairs(self, items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                self.problems.append(f"duplicate object key '{key}'")
            out[key] = value
        return out


def parse_manifest_text(text: str) -> tuple[Any, list[str]]:
    """Parse JSON text; returns the value and strictness problems (raises json.JSONDecodeError)."""
    strict = _Strictness()
    value = json.loads(
        text,
        parse_int=strict.parse_int,
        parse_float=strict.parse_float,
        parse_constant=strict.parse_constant,
        object_pairs_hook=strict.pairs,
    )
    return value, strict.problems


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|\n')


def pointer_lines(text: str) -> dict[str, int]:
    """JSON pointer → line (1-based) where each object member's key or array item starts."""
    lines: dict[str, int] = {"": 1}
    line = 1
    stack: list[tuple[str, bool]] = []  # (container pointer, is_object)
    indices: list[int] = []
    pending: str | None = ""  # pointer of the value expected next
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            line += 1
            continue
        if tok in ":":
            continue
        if tok in "}]":
            stack.pop()
            indices.pop()
            pending = None
            continue
        if tok == ",":
            if stack and not stack[-1][1]:
                indices[-1] += 1
                pending = f"{stack[-1][0]}/{indices[-1]}"
            else:
                pending = None
            continue
        if stack and stack[-1][1] and pending is None:  # an object key
            key = json.loads(tok)
            pending = f"{stack[-1][0]}/{key.replace('~', '~0').replace('/', '~1')}"
            lines.setdefault(pending, line)
            continue
        here = pending if pending is not None else ""
        lines.setdefault(here, line)
        pending = None
        if tok in "{[":
            stack.append((here, tok == "{"))
            indices.append(0)
            if tok == "[":
                pending = f"{here}/0"
    return lines


def read_manifest_file(path: Path) -> tuple[Any, str]:
    """Read and parse a manifest file; every failure is a ContractError naming the file."""
    file = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ContractError(
            [Diagnostic("io", f"cannot read manifest: {exc.strerror}", file=file)]
        ) from exc
    if size > MAX_MANIFEST_BYTES:
        raise ContractError(
            [
                Diagnostic(
                    "size",
                    f"manifest is {size} bytes; the limit is {MAX_MANIFEST_BYTES} bytes",
                    file=file,
                )
            ]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContractError(
            [Diagnostic("json", f"manifest is not UTF-8: {exc.reason}", file=file)]
        ) from exc
    except OSError as exc:
        raise ContractError(
            [Diagnostic("io", f"cannot read manifest: {exc.strerror}", file=file)]
        ) from exc
    try:
        value, problems = parse_manifest_text(text)
    except json.JSONDecodeError as exc:
        raise ContractError(
            [
                Diagnostic(
                    "json",
                    f"invalid JSON: {exc.msg} (column {exc.colno})",
                    file=file,
                    line=exc.lineno,
                    column=exc.colno,
                )
            ]
        ) from exc
    except RecursionError as exc:
        raise ContractError(
            [Diagnostic("json", "invalid JSON: nested too deeply", file=file)]
        ) from exc
    if problems:
        raise ContractError(
            [
                Diagnostic("pure-json", f"Contract must be a pure JSON value: {p}", file=file)
                for p in problems
            ]
        )
    return value, text
