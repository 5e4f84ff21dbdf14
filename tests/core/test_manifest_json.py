"""Manifest files are read strictly, and problems point at lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from trellis_generate.diagnostics import ContractError
from trellis_generate.load.manifest_json import (
    parse_manifest_text,
    pointer_lines,
    read_manifest_file,
)
from trellis_generate.pipeline import load_contract


def test_negative_zero_and_duplicate_keys_are_detected() -> None:
    _, problems = parse_manifest_text('{"a": -0, "b": -0.0, "c": 1, "c": 2, "d": NaN}')
    assert problems == [
        "negative zero (-0) is not allowed",
        "negative zero (-0.0) is not allowed",
        "NaN is not JSON",
        "duplicate object key 'c'",
    ]


def test_pointer_lines_follow_objects_and_arrays() -> None:
    text = '{\n "a": {\n  "b/c": [\n   1,\n   {"d": 2}\n  ]\n },\n "e": "x{[,"\n}'
    lines = pointer_lines(text)
    assert lines["/a"] == 2
    assert lines["/a/b~1c"] == 3
    assert lines["/a/b~1c/1"] == 5
    assert lines["/a/b~1c/1/d"] == 5
    assert lines["/e"] == 8


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(ContractError) as info:
        read_manifest_file(path)
    (d,) = info.value.diagnostics
    assert d.file == str(path) and d.line == 3 and d.rule == "json"


def test_validation_errors_carry_file_line_and_contract_id(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        '{"format": "trellis.contract.v1", "id": "x@v1", "displayName": "X",\n'
        ' "description": "d", "kind": "service",\n'
        ' "schemas": {"A": {"type": "object"}},\n'
        ' "rpc": {"R": {"version": "v1", "subject": "rpc.v1.R",\n'
        '   "input": {"schema": "A"}, "output": {"schema": "B"}}}}',
        encoding="utf-8",
    )
    with pytest.raises(ContractError) as info:
        load_contract(path)
    (d,) = info.value.diagnostics
    assert (d.file, d.line, d.contract_id, d.pointer) == (str(path), 5, "x@v1", "/rpc/R/output")
    assert (
        d.format()
        == f"{path}:5: x@v1: /rpc/R/output: error: rpc 'R' output: unknown schema 'B' [schema-ref]"
    )


def test_a_diagnostic_is_one_line_whatever_the_manifest_contains() -> None:
    from trellis_generate.diagnostics import Diagnostic

    d = Diagnostic("r", "event 'a\nb' is odd", "/events/a\nb", "x\u2028y@v1", "f.json", 3)
    assert d.format() == "f.json:3: x\\u2028y@v1: /events/a\\nb: error: event 'a\\nb' is odd [r]"
