"""Python expressions as a small tree, printed in the layout `ruff format` settles on.

The scaffold builds its module from these nodes instead of pasting text, so every piece of
manifest text reaches the source through `string_literal` (never interpolated), and the printer
knows how long each line is: a collection that does not fit is exploded one item per line with a
trailing comma, a string that does not fit is split into implicitly concatenated chunks, so no
line exceeds the width even for long descriptions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

INDENT = "    "
WIDTH = 88
# Chunks of a split string are never narrower than this, however deep the nesting.
_MIN_CHUNK = 24


@dataclass(frozen=True)
class Ref:
    """A name or other fixed code (never manifest text) printed as is."""

    code: str


@dataclass(frozen=True)
class Call:
    """`func(arg, ..., key=value, ...)`."""

    func: str
    args: Sequence[Node] = ()
    kwargs: Sequence[tuple[str, Node]] = ()


Node: TypeAlias = (
    "str | int | float | bool | None | Ref | Call | list[Node] | dict[str, Node] | DictItems"
)


@dataclass(frozen=True)
class DictItems:
    """A dict literal whose keys are nodes (strings) and whose order is the given one."""

    items: Sequence[tuple[Node, Node]]


def string_literal(text: str) -> str:
    """A quoted literal whose value is exactly `text`, whatever it contains.

    Quotes and backslashes are escaped; characters that are not printable (controls, line and
    paragraph separators, bidi overrides) become escape sequences, so a literal always stays on
    one line and shows what it holds. Double quotes unless the text holds more of them than
    single quotes: the choice `ruff format` makes, so formatting never changes a line's length.
    """
    quote = "'" if text.count('"') > text.count("'") else '"'
    out = [quote]
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    out.append(quote)
    return "".join(out)


def width(text: str) -> int:
    """Columns `text` takes in an editor (and for ruff's line-length check)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _chunks(text: str, room: int) -> list[str]:
    """Split `text` so each chunk's literal fits in `room` columns, preferring line ends, then
    spaces, as break points (a break point stays at the end of its chunk)."""
    room = max(room, _MIN_CHUNK)
    chunks: list[str] = []
    rest = text
    while rest:
        cut = _fitting_prefix(rest, room)
        if cut < len(rest):
            head = rest[:cut]
            newline = head.rfind("\n")
            space = head.rfind(" ")
            if newline > 0:
                cut = newline + 1
            elif space > 0:
                cut = space + 1
        chunks.append(rest[:cut])
        rest = rest[cut:]
    return chunks


def _fitting_prefix(text: str, room: int) -> int:
    """Length of the longest prefix of `text` whose literal fits in `room` columns (at least 1)."""
    low, high = 1, len(text)
    while low < high:  # widths grow with the prefix (up to the quote choice): bisect, then settle
        mid = (low + high + 1) // 2
        if width(string_literal(text[:mid])) <= room:
            low = mid
        else:
            high = mid - 1
    while low > 1 and width(string_literal(text[:low])) > room:
        low -= 1
    return low


def _flat(node: Node) -> str:
    if isinstance(node, str):
        return string_literal(node)
    if isinstance(node, bool) or node is None:
        return repr(node)
    if isinstance(node, int | float):
        return repr(node)
    if isinstance(node, Ref):
        return node.code
    if isinstance(node, Call):
        parts = [*map(_flat, node.args), *(f"{k}={_flat(v)}" for k, v in node.kwargs)]
        return f"{node.func}({', '.join(parts)})"
    if isinstance(node, list):
        return "[" + ", ".join(map(_flat, node)) + "]"
    return "{" + ", ".join(f"{_flat(k)}: {_flat(v)}" for k, v in _items(node)) + "}"


def _items(node: dict[str, Node] | DictItems) -> Sequence[tuple[Node, Node]]:
    return node.items if isinstance(node, DictItems) else list(node.items())


def _last_width(text: str) -> int:
    """Columns of the last line of `text`, without its indentation."""
    return width(text.rsplit("\n", 1)[-1].lstrip())


def _split_string(text: str, level: int) -> str:
    """`text` as parenthesized implicitly concatenated chunks, one per line."""
    inner = INDENT * (level + 1)
    chunks = _chunks(text, WIDTH - len(inner))
    return "(\n" + "".join(f"{inner}{string_literal(c)}\n" for c in chunks) + INDENT * level + ")"


def render(node: Node, level: int = 0, prefix: int = 0, suffix: int = 0) -> str:
    """`node` as source placed after `prefix` columns on a line indented `level` times and
    followed by `suffix` columns (a comma, a closing bracket); continuation lines are indented."""
    flat = _flat(node)
    if len(INDENT) * level + prefix + width(flat) + suffix <= WIDTH:
        return flat
    inner = INDENT * (level + 1)
    if isinstance(node, str):
        return _split_string(node, level)
    if isinstance(node, Call):
        lines = [f"{inner}{render(a, level + 1, 0, 1)}," for a in node.args]
        lines += [f"{inner}{k}={render(v, level + 1, len(k) + 1, 1)}," for k, v in node.kwargs]
        return f"{node.func}(\n" + "\n".join(lines) + "\n" + INDENT * level + ")"
    if isinstance(node, list):
        if not node:
            return "[]"
        lines = [f"{inner}{render(v, level + 1, 0, 1)}," for v in node]
        return "[\n" + "\n".join(lines) + "\n" + INDENT * level + "]"
    if isinstance(node, dict | DictItems):
        items = _items(node)
        if not items:
            return "{}"
        lines = []
        for k, v in items:
            key = render(k, level + 1, 0, 2)
            value = render(v, level + 1, _last_width(key) + 2, 1)
            opener = value.split("\n", 1)[0]
            if isinstance(k, str) and len(inner) + _last_width(key) + 2 + width(opener) > WIDTH:
                # `key: Call(` does not fit even though the key alone does: split the key.
                key = _split_string(k, level + 1)
                value = render(v, level + 1, _last_width(key) + 2, 1)
            lines.append(f"{inner}{key}: {value},")
        return "{\n" + "\n".join(lines) + "\n" + INDENT * level + "}"
    # Names and numbers cannot be broken: parentheses move them to a line of their own.
    return f"(\n{inner}{flat}\n{INDENT * level})"
