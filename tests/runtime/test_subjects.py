"""Event subject templates: rendering from payloads, filtered wildcards, NATS matching."""

from __future__ import annotations

import pytest

from trellis_generate.runtime.errors import EventSubjectError
from trellis_generate.runtime.subjects import (
    filtered_wildcard,
    render_subject,
    resolve_pointer,
    subject_matches,
)

TEMPLATE = "events.v1.Partner.Changed.{/partner/id/origin}.{/partner/id/id}"


def test_render_fills_every_token_from_the_payload() -> None:
    payload = {"partner": {"id": {"origin": "sap", "id": 42}}}
    assert render_subject(TEMPLATE, payload) == "events.v1.Partner.Changed.sap.42"


def test_pointer_segments_are_rfc6901_unescaped() -> None:
    payload = {"a/b": {"m~n": "x"}}
    assert resolve_pointer(payload, "/a~1b/m~0n") == "x"
    assert render_subject("ev.{/a~1b/m~0n}", payload) == "ev.x"


@pytest.mark.parametrize("value", ["a.b", "a*", ">", "has space", "tab\t", ""])
def test_values_that_would_break_the_subject_are_refused(value: str) -> None:
    with pytest.raises(EventSubjectError, match="not a valid subject token"):
        render_subject("ev.{/id}", {"id": value})


@pytest.mark.parametrize("value", [True, None, {"x": 1}, [1]])
def test_non_scalar_values_are_refused(value: object) -> None:
    with pytest.raises(EventSubjectError, match="must be a string or number"):
        render_subject("ev.{/id}", {"id": value})


def test_missing_parameter_is_named() -> None:
    with pytest.raises(EventSubjectError, match="/partner/id/origin is missing"):
        render_subject(TEMPLATE, {"partner": {"id": {"id": "1"}}})


def test_wildcard_keeps_filtered_tokens_and_stars_the_rest() -> None:
    assert filtered_wildcard(TEMPLATE) == "events.v1.Partner.Changed.*.*"
    assert filtered_wildcard(TEMPLATE, {"/partner/id/id": 7}) == "events.v1.Partner.Changed.*.7"


def test_filter_on_a_pointer_not_in_the_template_is_an_error() -> None:
    with pytest.raises(EventSubjectError, match="/nope"):
        filtered_wildcard(TEMPLATE, {"/nope": "x"})


@pytest.mark.parametrize(
    ("pattern", "subject", "expected"),
    [
        ("a.*.c", "a.b.c", True),
        ("a.*.c", "a.b.d", False),
        ("a.*", "a.b.c", False),
        ("a.>", "a.b.c", True),
        ("a.>", "a", False),
        ("a.b", "a.b", True),
        ("a.b", "a.b.c", False),
    ],
)
def test_nats_subject_matching(pattern: str, subject: str, expected: bool) -> None:
    assert subject_matches(pattern, subject) is expected
