"""The runtime's string order, so listings sort exactly like the reference's."""

from __future__ import annotations

from collections.abc import Iterable

# The ASCII order of ICU's root collation (what `String.prototype.localeCompare` uses in the
# runtime): whitespace, punctuation and symbols in this order, digits, then letters.
_ICU_ASCII_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz"
_PRIMARY = {ch: i for i, ch in enumerate(_ICU_ASCII_ORDER)}


def locale_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key reproducing JS `a.localeCompare(b)` (ICU root collation) for ASCII text.

    Letters compare case-insensitively first (`a < A < b < B`); only when two strings are
    equal ignoring case does lowercase sort before uppercase, at the first differing letter.
    Punctuation sorts before digits and digits before letters. Non-ASCII characters sort after
    all ASCII by code point, an approximation (real subjects and capability keys are ASCII).
    """
    primary = tuple(_PRIMARY.get(ch.lower(), len(_PRIMARY) + ord(ch)) for ch in text)
    tertiary = tuple(1 if ch.isupper() else 0 for ch in text)
    return primary, tertiary


def sort_unique(values: Iterable[str]) -> tuple[str, ...]:
    """The runtime's `sortUniqueStrings`."""
    return tuple(sorted(set(values), key=locale_key))


def dedupe(values: Iterable[str]) -> tuple[str, ...]:
    """First occurrences, in order."""
    return tuple(dict.fromkeys(values))
