"""Manifest names -> Python identifiers and manifest text -> safe Python literals.

Every name in a manifest is free text; everything here is deterministic so two runs over the same
manifest print the same identifiers, and every identifier is ASCII, non-keyword and unique in
its namespace. Manifest text only ever reaches generated code through `py_str` / `py_doc`.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterable

# Words of a piece: acronyms, capitalised words, digits stay with the word they follow (`v1`).
_WORD = re.compile(r"[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+")
_SPLIT = re.compile(r"[^0-9A-Za-z]+")
# Builtins the templates use inside class bodies, plus method-parameter names: a manifest name
# spelt like one of these would shadow it, so it gets a trailing underscore.
_SHADOWED = frozenset(
    {"bool", "bytes", "cls", "float", "int", "object", "self", "str", "super", "type"}
)


def _ascii(name: str) -> str:
    """Drop accents (`Ünï` -> `Uni`); other non-ASCII characters become separators."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pieces(name: str) -> list[str]:
    return [p for p in _SPLIT.split(_ascii(name)) if p]


def _words(name: str) -> list[str]:
    return [w for piece in _pieces(name) for w in _WORD.findall(piece)]


def _fallback(name: str) -> str:
    """A stable spelling for names with no ASCII letters or digits at all."""
    return "u" + "_".join(f"{ord(c):x}" for c in name) if name else "empty"


def snake(name: str) -> str:
    """`Contract.Get` -> `contract_get`, `listDLQ` -> `list_dlq`; never a keyword."""
    words = _words(name) or [_fallback(name)]
    ident = "_".join(w.lower() for w in words)
    if ident[0].isdigit():
        ident = "n" + ident
    if keyword.iskeyword(ident) or keyword.issoftkeyword(ident) or ident in _SHADOWED:
        ident += "_"
    elif ident == "l":  # ruff E741/E743: easily mistaken for 1
        ident = "l_"
    return ident


def pascal(name: str) -> str:
    """`Trellis.Contract.Get` -> `TrellisContractGet` (reference `key_to_pascal`, ASCII only).

    Pieces keep their inner case (`JobsListDLQRequest` stays as is), as the reference does.
    """
    # The fallback has no separators: datamodel-code-generator rewrites class names with `_`.
    pieces = _pieces(name) or ["U" + "".join(f"{ord(c):04X}" for c in name)]
    ident = "".join(p[0].upper() + p[1:] for p in pieces)
    if ident[0].isdigit():
        ident = "N" + ident
    # `True`, `None`, `False`: no `_` suffix, which datamodel-code-generator would rewrite.
    ambiguous = ident in ("I", "O", "l")  # ruff E742: easily mistaken for 1 and 0
    return ident + "Value" if keyword.iskeyword(ident) or ambiguous else ident


def constant(name: str) -> str:
    """`User.Find` -> `USER_FIND`."""
    return snake(name).rstrip("_").upper() or "EMPTY"


def package_name(contract_id: str) -> str:
    """`trellis.auth@v1` -> `trellis_auth_v1`."""
    return snake(contract_id)


def allocate(wanted: Iterable[tuple[str, str]], reserved: Iterable[str] = ()) -> dict[str, str]:
    """Give every key its wanted identifier, suffixing `2`, `3`, ... on collisions.

    Keys are processed in the given order, so callers pass them sorted to stay deterministic;
    `reserved` names (imports, fixed attributes) are never handed out.
    """
    taken = set(reserved)
    out: dict[str, str] = {}
    for key, base in wanted:
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}{n}"
        taken.add(name)
        out[key] = name
    return out


def split_key(key: str) -> tuple[str, str]:
    """Facade grouping: first dotted segment is the group, the rest the leaf (snake case).

    `User.Find` -> (`user`, `find`), `Trellis.Contract.Get` -> (`trellis`, `contract_get`),
    a single-segment key is both group and leaf, as in the reference.
    """
    head, _, rest = key.partition(".")
    return snake(head), snake(rest or head)


def py_str(text: str) -> str:
    """A Python string literal for arbitrary text (repr escapes quotes, controls, U+2028 etc.)."""
    return repr(text)


def py_doc(text: str) -> str:
    """A triple-quoted docstring literal whose value is exactly `text`.

    Backslashes and quotes are escaped, non-printable characters (line/paragraph separators,
    bidi controls) become `\\uXXXX`; newlines stay readable, whitespace before them is escaped
    so no line ends in blanks.
    """
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n" or ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    body = re.sub(r" +(?=\n)", lambda m: "\\x20" * len(m.group()), "".join(out))
    return '"""' + body + '"""'
