"""Loading contracts from Python modules: failures point at the file and line, never a traceback."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.core.manifests import full_manifest
from trellis_generate.diagnostics import ContractError
from trellis_generate.pipeline import load_contract, parse_source_arg


def module(tmp_path: Path, body: str, name: str = "contract_mod.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def only_diagnostic(path: Path, name: str | None = None):
    with pytest.raises(ContractError) as info:
        load_contract(path, name=name)
    (d,) = info.value.diagnostics
    return d


def test_a_raw_manifest_dict_is_accepted(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        f"CONTRACT = {json.dumps(full_manifest())!r}\nimport json\nCONTRACT = json.loads(CONTRACT)\n",
    )
    contract = load_contract(path)
    assert contract.id == "acme.orders@v1"
    assert contract.origin.kind == "python" and contract.origin.name == "CONTRACT"


def test_named_export_is_used(tmp_path: Path) -> None:
    path = module(tmp_path, f"import json\nOTHER = json.loads({json.dumps(full_manifest())!r})\n")
    assert load_contract(path, name="OTHER").id == "acme.orders@v1"
    assert parse_source_arg(f"{path}:OTHER") == (path, "OTHER")
    assert parse_source_arg("C:/dir/contract.py") == (Path("C:/dir/contract.py"), None)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = module(tmp_path, "x = 1\ndef broken(:\n    pass\n")
    d = only_diagnostic(path)
    assert (d.rule, d.line, d.file) == ("import", 2, str(path.resolve()))
    assert d.message.startswith("syntax error")


def test_exception_at_import_names_the_line(tmp_path: Path) -> None:
    path = module(tmp_path, "import os\n\nvalue = {}['missing']\n")
    d = only_diagnostic(path)
    assert (d.rule, d.line) == ("import", 3)
    assert "KeyError" in d.message


def test_missing_import_is_reported(tmp_path: Path) -> None:
    d = only_diagnostic(module(tmp_path, "import does_not_exist_anywhere\n"))
    assert d.rule == "import" and "ModuleNotFoundError" in d.message and d.line == 1


def test_module_without_contract(tmp_path: Path) -> None:
    d = only_diagnostic(module(tmp_path, "x = 1\n"))
    assert d.rule == "source" and "module defines no contract" in d.message


def test_unknown_export_name(tmp_path: Path) -> None:
    d = only_diagnostic(module(tmp_path, "x = 1\n"), name="NOPE")
    assert d.message == "module has no attribute 'NOPE'"


def test_module_is_reloaded_fresh_each_time(tmp_path: Path) -> None:
    m = full_manifest()
    path = module(tmp_path, f"import json\nCONTRACT = json.loads({json.dumps(m)!r})\n")
    first = load_contract(path)
    m["rpc"]["Order.Get"]["subject"] = "rpc.v1.Order.Fetch"
    path.write_text(f"import json\nCONTRACT = json.loads({json.dumps(m)!r})\n", encoding="utf-8")
    assert load_contract(path).digest != first.digest


DESCRIPTOR_TYPE = """\
from pydantic import BaseModel
from trellis_generate.authoring import Capability, Rpc, define_service_contract
class S(BaseModel): x: str  # noqa: E701
CONTRACT = define_service_contract(
    id="shop.library@v1",
    display_name="Library",
    description="Books.",
    capabilities={"books.read": Capability(display_name="Read", description="Read.")},
    rpc={
        "Library.Book.Get": Rpc(
            input=S,
            output=S,
            call="books.read",
        ),
    },
)
"""


def test_a_wrongly_typed_descriptor_field_is_reported_at_the_descriptor(tmp_path: Path) -> None:
    d = only_diagnostic(module(tmp_path, DESCRIPTOR_TYPE))
    assert d.line == 10  # `Rpc(`, not the `define_service_contract(` line
    assert (d.rule, d.contract_id) == ("authoring-type", "shop.library@v1")
    assert d.pointer == "/rpc/Library.Book.Get/capabilities/call"
    assert "expected a list of strings, got the string 'books.read'" in d.message


def test_a_wrongly_typed_use_is_reported_at_the_use(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        """\
        from trellis_generate.authoring import Use, define_service_contract

        CONTRACT = define_service_contract(
            id="shop.lending@v1",
            display_name="Lending",
            description="Loans.",
            uses={
                "library": Use("shop.library@v1", rpc_call="Library.Book.Get"),
            },
        )
        """,
    )
    d = only_diagnostic(path)
    assert (d.line, d.pointer) == (8, "/uses/required/library")


def test_a_duplicate_key_in_a_descriptor_dict_is_an_error_at_the_repeat(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        """\
        from pydantic import BaseModel
        from trellis_generate.authoring import Rpc, define_service_contract
        class S(BaseModel): x: str  # noqa: E701
        CONTRACT = define_service_contract(
            id="shop.library@v1",
            display_name="Library",
            description="Books.",
            rpc={
                "Library.Book.Get": Rpc(input=S, output=S),
                "Library.Book.List": Rpc(input=S, output=S),
                "Library.Book.Get": Rpc(input=S, output=S),
            },
        )
        """,
    )
    d = only_diagnostic(path)
    assert (d.rule, d.line, d.column) == ("duplicate-key", 11, 9)
    assert (d.contract_id, d.file) == ("shop.library@v1", str(path.resolve()))
    assert "'Library.Book.Get'" in d.message and "first at line 9" in d.message


def test_keys_equal_in_python_count_as_duplicates_and_computed_keys_do_not(
    tmp_path: Path,
) -> None:
    from trellis_generate.load.duplicate_keys import duplicate_keys

    found = duplicate_keys("A = {1: 'a', True: 'b', 'x': 1, f'{A}': 2, f'{A}': 3}\n", "m.py")
    assert [(d.line, d.message.split(" in ")[0]) for d in found] == [(1, "duplicate key True")]
