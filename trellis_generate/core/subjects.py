"""Subject templates (spec §2.9): pointer extraction, wildcard form, control subjects."""

from __future__ import annotations

import re

_TEMPLATE_TOKEN = re.compile(r"\{[^}]+\}")


class TemplateError(ValueError):
    """A malformed subject template; `token` is set when a token is not a JSON pointer."""

    def __init__(self, message: str, token: str | None = None) -> None:
        self.token = token
        super().__init__(message)


def is_json_pointer(text: str) -> bool:
    if not text.startswith("/"):
        return False
    return all(text[i + 1 : i + 2] in ("0", "1") for i, ch in enumerate(text) if ch == "~")


def template_pointers(subject: str) -> list[str]:
    """The `{<pointer>}` tokens of a subject in order (the runtime's extraction algorithm)."""
    out: list[str] = []
    i = 0
    while i < len(subject):
        open_ = subject.find("{", i)
        close = subject.find("}", i)
        if close != -1 and (open_ == -1 or close < open_):
            raise TemplateError("malformed")
        if open_ == -1:
            break
        end = subject.find("}", open_ + 1)
        if end == -1:
            raise TemplateError("malformed")
        token = subject[open_ + 1 : end]
        if "{" in token or "}" in token:
            raise TemplateError("malformed")
        if not is_json_pointer(token):
            raise TemplateError("not a pointer", token)
        out.append(token)
        i = end + 1
    return out


def template_to_wildcard(subject: str) -> str:
    """`events.v1.X.{/a}.{/b}` → `events.v1.X.*.*` (JS `/\\{[^}]+\\}/g`)."""
    return _TEMPLATE_TOKEN.sub("*", subject)


def control_subject(operation_subject: str) -> str:
    return f"{operation_subject}.control"


def pointer_segments(pointer: str) -> list[str]:
    """RFC 6901 tokens of a pointer (`~1` → `/`, then `~0` → `~`)."""
    return [s.replace("~1", "/").replace("~0", "~") for s in pointer[1:].split("/")]
