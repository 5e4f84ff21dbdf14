"""Event subject templates: rendering from payloads, the reference's token escaping, wildcards."""

from __future__ import annotations

import pytest

from trellis_runtime.subjects import (
    EventSubjectError,
    escape_token,
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


@pytest.mark.parametrize(
    ("value", "token"),
    [
        ("a.b", "a~2E~b"),
        ("a*", "a~2A~"),
        (">", "~3E~"),
        ("has space", "has~20~space"),
        ("tab\t", "tab~9~"),
        ("nul\x00", "nul~0~"),
        ("tilde~", "tilde~7E~"),
        ("nbsp\u00a0", "nbsp~A0~"),
        ("bom\ufeff", "bom~FEFF~"),
        ("", "_"),
        ("$sys", "_$sys"),
        ("émoji🙂", "émoji🙂"),
        ("\x1c", "\x1c"),  # Python counts it as whitespace, JavaScript's \s does not
    ],
)
def test_values_are_escaped_into_one_token_as_the_reference_escapes_them(
    value: str, token: str
) -> None:
    assert escape_token(value) == token
    assert render_subject("ev.{/id}", {"id": value}) == f"ev.{token}"


@pytest.mark.parametrize(
    ("value", "token"), [(True, "true"), (False, "false"), (7, "7"), (2.0, "2"), (2.5, "2~2E~5")]
)
def test_numbers_and_booleans_print_as_javascript_prints_them(value: object, token: str) -> None:
    assert render_subject("ev.{/id}", {"id": value}) == f"ev.{token}"


@pytest.mark.parametrize("value", [{"x": 1}, [1]])
def test_objects_and_arrays_are_refused(value: object) -> None:
    with pytest.raises(EventSubjectError, match="must be a string, number or boolean"):
        render_subject("ev.{/id}", {"id": value})


@pytest.mark.parametrize(
    "payload", [{"partner": {"id": {"id": "1"}}}, {"partner": {"id": {"origin": None, "id": 1}}}]
)
def test_a_missing_or_null_parameter_is_a_validation_error_naming_it(payload: object) -> None:
    with pytest.raises(EventSubjectError) as caught:
        render_subject(TEMPLATE, payload)
    assert caught.value.issues[0].path == "/partner/id/origin"
    assert caught.value.issues[0].message == "Missing required data for subject template"


def test_wildcard_keeps_filtered_tokens_escaped_and_stars_the_rest() -> None:
    assert filtered_wildcard(TEMPLATE) == "events.v1.Partner.Changed.*.*"
    assert filtered_wildcard(TEMPLATE, {"/partner/id/id": 7}) == "events.v1.Partner.Changed.*.7"
    assert filtered_wildcard(TEMPLATE, {"/partner/id/origin": "s.a"}) == (
        "events.v1.Partner.Changed.s~2E~a.*"
    )
    assert filtered_wildcard(TEMPLATE, {"/partner/id/origin": "*"}) == (
        "events.v1.Partner.Changed.*.*"
    )


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
