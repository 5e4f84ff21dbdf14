"""Identifiers and literals derived from manifest text."""

from __future__ import annotations

import ast
import keyword

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.sdk.fixtures import NASTY
from trellis_generate.views.naming import (
    allocate,
    constant,
    package_name,
    pascal,
    py_doc,
    py_str,
    snake,
    split_key,
)


@pytest.mark.parametrize(
    ("contract_id", "package"),
    [("trellis.auth@v1", "trellis_auth_v1"), ("demo.billing@v12", "demo_billing_v12")],
)
def test_package_name_follows_the_contract_id(contract_id: str, package: str) -> None:
    assert package_name(contract_id) == package


@pytest.mark.parametrize(
    ("key", "group_leaf"),
    [
        ("User.Find", ("user", "find")),
        ("Trellis.Contract.Get", ("trellis", "contract_get")),
        ("Jobs.ListDLQ", ("jobs", "list_dlq")),
        ("Health", ("health", "health")),
        ("class.def", ("class_", "def_")),
        ("Ünï.Cödé", ("uni", "code")),
    ],
)
def test_keys_split_into_group_and_leaf(key: str, group_leaf: tuple[str, str]) -> None:
    assert split_key(key) == group_leaf


def test_pascal_keeps_inner_case_like_the_reference() -> None:
    assert pascal("Trellis.Contract.Get") == "TrellisContractGet"
    assert pascal("JobsListDLQRequest") == "JobsListDLQRequest"
    assert pascal("9lives") == "N9lives"
    assert constant("User.Find") == "USER_FIND"


@given(st.text())
def test_every_name_becomes_an_ascii_non_keyword_identifier(name: str) -> None:
    for ident in (snake(name), pascal(name), constant(name), package_name(name)):
        assert ident.isidentifier() and ident.isascii(), ident
        assert not keyword.iskeyword(ident) and not keyword.issoftkeyword(ident)


def test_allocate_numbers_collisions_in_order_and_skips_reserved() -> None:
    names = allocate([("a", "find"), ("b", "find"), ("c", "self"), ("d", "find")], {"self"})
    assert names == {"a": "find", "b": "find2", "c": "self2", "d": "find3"}


@given(st.text())
def test_string_literals_evaluate_to_the_text(text: str) -> None:
    assert ast.literal_eval(py_str(text)) == text


@given(st.text())
def test_docstring_literals_evaluate_to_the_text(text: str) -> None:
    literal = py_doc(text)
    assert ast.literal_eval(literal) == text
    assert not any(line.endswith((" ", "\t")) for line in literal.splitlines())


def test_hostile_text_stays_inside_one_literal() -> None:
    for literal in (py_str(NASTY), py_doc(NASTY)):
        tree = ast.parse(f"x = {literal}\n")
        assert len(tree.body) == 1
        assert ast.literal_eval(literal) == NASTY
    assert "\u2028" not in py_doc(NASTY) and "\u202e" not in py_doc(NASTY)


def test_ambiguous_single_letters_never_become_names() -> None:
    from trellis_generate.views.naming import pascal, snake

    assert snake("L") == "l_" and snake("l") == "l_"
    assert pascal("I") == "IValue" and pascal("o") == "OValue"
    assert pascal("None") == "NoneValue" and pascal('""') == "U00220022"


def test_docstrings_keep_the_summary_and_the_markdown_of_docs() -> None:
    from tests.core.manifests import full_manifest
    from trellis_generate.contract import Origin
    from trellis_generate.pipeline import contract_from_manifest
    from trellis_generate.views.api import build_sdk_view

    m = full_manifest()
    m["rpc"]["Order.Get"]["docs"] = {"summary": "One order.", "markdown": "By id; *never* cached."}
    view = build_sdk_view(contract_from_manifest(m, Origin("<t>", "json")), {})
    (rpc,) = [r for r in view.rpcs if "One order." in (r.doc_lit or "")]
    assert "By id; *never* cached." in (rpc.doc_lit or "")
    assert "Orders" in view.doc_lit and "# Orders" in view.doc_lit  # the contract's own docs
