"""Canonical JSON edges where the runtimes would disagree: reject rather than guess."""

from __future__ import annotations

import pytest

from trellis_generate.core.canonical import (
    CanonicalError,
    canonical_json,
    digest_json,
    sha256_b64url,
)


@pytest.mark.parametrize(
    ("value", "pointer", "fragment"),
    [
        ({"a": 2**53}, "/a", "outside ±(2^53-1)"),
        ({"a": [-(2**53)]}, "/a/0", "outside ±(2^53-1)"),
        ({"a": float("inf")}, "/a", "non-finite"),
        ({"a": float("nan")}, "/a", "non-finite"),
        ({"a": {"b": -0.0}}, "/a/b", "negative zero"),
        ({"a": "\ud800"}, "/a", "lone surrogate"),
        ({"x/y~": {1: 2}}, "/x~1y~0", "not a string"),
    ],
)
def test_values_without_a_safe_canonical_form_are_rejected(
    value: object, pointer: str, fragment: str
) -> None:
    with pytest.raises(CanonicalError) as info:
        canonical_json(value)
    assert info.value.pointer == pointer
    assert fragment in str(info.value)


def test_largest_safe_integers_are_accepted() -> None:
    assert canonical_json([2**53 - 1, -(2**53 - 1)]) == "[9007199254740991,-9007199254740991]"


def test_numbers_use_ecmascript_formatting() -> None:
    assert canonical_json([1.0, 1e21, 1e-7, 0.1]) == "[1,1e+21,1e-7,0.1]"


def test_keys_sort_by_utf16_code_units() -> None:
    # U+1F600 is D83D DE00 in UTF-16, which sorts before U+E000; code-point order says the opposite.
    assert canonical_json({"\ue000": 1, "\U0001f600": 2}) == '{"\U0001f600":2,"\ue000":1}'


def test_strings_escape_like_json_stringify() -> None:
    assert canonical_json('\u2028\x7f\x1f"\\') == '"\u2028\x7f\\u001f\\"\\\\"'


def test_digest_is_43_char_base64url() -> None:
    d = digest_json({"a": 1})
    assert len(d) == 43 and "=" not in d
    assert sha256_b64url(b"") == "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
