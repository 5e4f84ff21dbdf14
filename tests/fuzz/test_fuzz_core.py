"""Fuzzing the contract core: valid manifests load with a stable digest, broken ones say why.

The property of issue 6: the tool either reports a clear error (ContractError whose diagnostics
name a rule; exit 1 without a traceback on the command line) or produces output whose digest is
stable across runs, key orders and a trip through a file.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trellis_generate.cli import main
from trellis_generate.contract import Origin
from trellis_generate.diagnostics import ContractError
from trellis_generate.pipeline import contract_from_manifest, load_contract
from trellis_generate.render import render_targets

from .profiles import ci_profile, long_profile
from .strategies import invalid_manifests, to_json_text, valid_manifests

ORIGIN = Origin("<fuzz>", "json")
DIAGNOSTIC_END = re.compile(r": error: .*? \[[a-z][a-z0-9-]*\]$", re.MULTILINE | re.DOTALL)


def reversed_keys(value: Any) -> Any:
    """The same JSON value with every object's keys in reverse insertion order."""
    if isinstance(value, dict):
        return {k: reversed_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [reversed_keys(v) for v in value]
    return value


def check_valid_manifest(m: dict[str, Any]) -> None:
    pristine = copy.deepcopy(m)
    first = contract_from_manifest(m, ORIGIN)
    assert m == pristine, "loading must not mutate its input"
    assert len(first.digest) == 43
    again = contract_from_manifest(copy.deepcopy(m), ORIGIN)
    shuffled = contract_from_manifest(reversed_keys(m), ORIGIN)
    renormalized = contract_from_manifest(json.loads(first.canonical), ORIGIN)
    assert again.digest == shuffled.digest == renormalized.digest == first.digest
    assert renormalized.canonical == first.canonical
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "fuzz.contract.json")
        path.write_text(to_json_text(m), encoding="utf-8")
        assert load_contract(path).digest == first.digest
    targets = ("manifest", "scopes")
    try:
        rendered = render_targets(first, {}, targets)
    except ContractError as exc:  # ids are free-form; one that cannot name a file is refused
        assert {d.rule for d in exc.diagnostics} == {"output-path"}, exc
        return
    assert rendered == render_targets(again, {}, targets)


def check_mutant(case: tuple[str, dict[str, Any], str]) -> None:
    mutation, m, rule = case
    with pytest.raises(ContractError) as caught:
        contract_from_manifest(m, ORIGIN)
    diags = caught.value.diagnostics
    assert diags, f"{mutation}: ContractError without diagnostics"
    assert all(d.rule and d.message for d in diags)
    assert rule in {d.rule for d in diags}, f"{mutation}: expected rule {rule}, got {diags}"
    for d in diags:
        assert d.format().endswith(f"[{d.rule}]")


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the console entry point in-process; any exception other than an exit is a traceback."""
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code
    return (code if isinstance(code, int) else 1 if code else 0), out.getvalue(), err.getvalue()


def check_cli_verdict(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "fuzz.contract.json")
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        code, out, err = run_cli("verify", "--manifest", str(path))
        if code == 0:
            digest = load_contract(path).digest
            assert f"digest: {digest}" in out
            assert run_cli("digest", "--manifest", str(path))[1] == digest + "\n"
            return
    assert code == 1, (code, err)
    assert "Traceback" not in err
    # Manifest text (ids, names) may hold line breaks, so count rule tags, not lines.
    summary = re.search(r"(\d+) errors?, \d+ warnings?\n\Z", err)
    assert summary, err
    assert len(DIAGNOSTIC_END.findall(err)) >= int(summary.group(1)) >= 1, err


def _break_text(text: str, how: str, at: int) -> str | bytes:
    """Textual damage a JSON object cannot express."""
    cut = at % max(len(text), 1)
    match how:
        case "truncate":
            return text[:cut]
        case "negative-zero":
            return text.replace('"format"', '"x": -0, "format"', 1)
        case "negative-zero-float":
            return text.replace('"format"', '"x": [-0.0e5], "format"', 1)
        case "duplicate-key":
            return text.replace('"format"', '"kind": "service", "format"', 1)
        case "nan":
            return text.replace('"format"', '"x": NaN, "format"', 1)
        case "bad-utf8":
            return text.encode("utf-8")[:cut] + b"\xff\xfe" + text.encode("utf-8")[cut:]
        case "deep":
            return text.replace(
                '"format"', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "format"', 1
            )
        case "not-an-object":
            return json.dumps([json.loads(text)])
        case _:
            return text


_texts = st.one_of(
    valid_manifests(max_surfaces=2).map(to_json_text),
    invalid_manifests().map(lambda case: to_json_text(case[1])),
    st.builds(
        _break_text,
        valid_manifests(max_surfaces=1).map(to_json_text),
        st.sampled_from(
            [
                "truncate",
                "negative-zero",
                "negative-zero-float",
                "duplicate-key",
                "nan",
                "bad-utf8",
                "deep",
                "not-an-object",
            ]
        ),
        st.integers(min_value=0),
    ),
)


def test_an_integral_float_beyond_2_53_is_rejected_since_it_would_not_reload() -> None:
    """Found by fuzzing: 1e16 prints as integer digits, which read back out of the safe range."""
    m = {
        "format": "trellis.contract.v1",
        "id": "big.float@v1",
        "displayName": "Big float",
        "description": "A schema bound written as a float.",
        "kind": "service",
        "schemas": {"N": {"type": "number", "maximum": 1e16}},
    }
    with pytest.raises(ContractError) as info:
        contract_from_manifest(m, ORIGIN)
    (d,) = info.value.diagnostics
    assert (d.rule, d.pointer) == ("pure-json", "/schemas/N/maximum")
    assert "outside ±(2^53-1)" in d.message


def test_an_error_named_with_a_unicode_digit_loads() -> None:
    """Found by the long fuzz run: `str.isdigit` accepts '²', which `int` then refuses."""
    m = {
        "format": "trellis.contract.v1",
        "id": "digits@v1",
        "displayName": "Digits",
        "description": "An error declaration keyed by a superscript digit.",
        "kind": "service",
        "schemas": {"S": {"type": "string"}},
        "errors": {"²": {"type": "Squared"}},
        "rpc": {
            "Square": {
                "version": "v1",
                "subject": "rpc.v1.Square",
                "input": {"schema": "S"},
                "output": {"schema": "S"},
                "errors": [{"type": "Squared"}],
            }
        },
    }
    assert len(contract_from_manifest(m, ORIGIN).digest) == 43


test_valid_manifests_load_with_a_stable_digest = ci_profile(150)(
    given(valid_manifests())(check_valid_manifest)
)
test_mutated_manifests_are_rejected_by_the_named_rule = ci_profile(150)(
    given(invalid_manifests())(check_mutant)
)
test_cli_exits_0_with_the_digest_or_1_with_diagnostics = ci_profile(60)(
    given(_texts)(check_cli_verdict)
)

test_long_valid_manifests = pytest.mark.fuzz(
    long_profile()(given(valid_manifests())(check_valid_manifest))
)
test_long_mutated_manifests = pytest.mark.fuzz(
    long_profile()(given(invalid_manifests())(check_mutant))
)
test_long_cli_verdicts = pytest.mark.fuzz(long_profile()(given(_texts)(check_cli_verdict)))
