"""Markdown escaping for manifest text: the one place that makes a description, a subject or a
capability key inert inside a table cell, for the scope review and the diff comment alike."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def md_text(value: object) -> str:
    """Manifest text as inert Markdown inside a table cell (newlines become `<br>`)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _NEWLINES.sub("<br>", escaped)


def md_code(value: object) -> str:
    """A code span that survives any backticks, pipes and newlines in `value`."""
    text = _NEWLINES.sub(" ", str(value)).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"
