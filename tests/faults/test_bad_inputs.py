"""Keeps docs/bad-inputs.md true: every row is built, run through the CLI, and its message checked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT
from tests.prepare.shop import lending as shop_lending
from tests.prepare.shop import library as shop_library

TABLE = PROJECT_ROOT / "docs" / "bad-inputs.md"
MAX_MANIFEST_BYTES = 50 * 1024 * 1024


def table_rows() -> dict[str, tuple[str, str, str]]:
    """case slug -> (command, message, rule), from the backticked text of each row."""
    rows = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 4 or cells[0] in ("case", "---"):
            continue
        slug = cells[0].split(":", 1)[0]
        command, message, rule = (re.findall(r"`([^`]+)`", c)[0] for c in cells[1:])
        rows[slug] = (command, message, rule)
    return rows


def manifest(**extra: Any) -> dict[str, Any]:
    m: dict[str, Any] = {
        "format": "trellis.contract.v1",
        "id": "acme.orders@v1",
        "displayName": "Orders",
        "description": "Orders.",
        "kind": "service",
        "schemas": {"Id": {"type": "string"}},
        "rpc": {
            "Order.Get": {
                "version": "v1",
                "subject": "rpc.v1.Order.Get",
                "input": {"schema": "Id"},
                "output": {"schema": "Id"},
            }
        },
    }
    for key, value in extra.items():
        m[key] = {**m[key], **value} if isinstance(value, dict) and key in m else value
    return m


def write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")


def syntax_error(d: Path) -> None:
    (d / "contract.py").write_text(
        "from trellis_generate.authoring import define_service_contract\n"
        'CONTRACT = define_service_contract(id="a@v1", display_name="A", description="A."\n',
        encoding="utf-8",
    )


def import_error(d: Path) -> None:
    (d / "contract.py").write_text(
        "from trellis_generate.authoring import define_service_contract\nimport billing_helpers\n",
        encoding="utf-8",
    )


def no_contract(d: Path) -> None:
    (d / "contract.py").write_text("ANSWER = 42\n", encoding="utf-8")


def duplicate_id(d: Path) -> None:
    write_json(d / "a.contract.json", manifest())
    write_json(d / "b.contract.json", manifest(description="Orders again."))


def wildcard_collision(d: Path) -> None:
    event = {"type": "object", "properties": {"id": {"type": "string"}, "to": {"type": "string"}}}
    events = {
        "Order.Changed": {
            "version": "v1",
            "subject": "events.v1.Order.{/id}",
            "params": ["/id"],
            "event": {"schema": "OrderEvent"},
        },
        "Order.Moved": {
            "version": "v1",
            "subject": "events.v1.Order.{/to}",
            "params": ["/to"],
            "event": {"schema": "OrderEvent"},
        },
    }
    write_json(d / "m.json", manifest(schemas={"OrderEvent": event}, events=events))


def dollar_ref(d: Path) -> None:
    order = {"type": "object", "properties": {"customer": {"$ref": "#/$defs/Customer"}}}
    write_json(d / "m.json", manifest(schemas={"Order": order}))


def recursive_model(d: Path) -> None:
    (d / "contract.py").write_text(
        "from __future__ import annotations\n\n"
        "from pydantic import BaseModel\n\n"
        "from trellis_generate.authoring import Rpc, define_service_contract\n\n\n"
        "class Node(BaseModel):\n"
        "    name: str\n"
        "    children: list[Node] = []\n\n\n"
        "CONTRACT = define_service_contract(\n"
        '    id="acme.tree@v1", display_name="Tree", description="Trees.",\n'
        '    rpc={"Tree.Get": Rpc(input=Node, output=Node)},\n'
        ")\n",
        encoding="utf-8",
    )


def invalid_json(d: Path) -> None:
    (d / "m.json").write_text(
        '{"format": "trellis.contract.v1",\n "id": "x@v1",\n}\n', encoding="utf-8"
    )


def too_big(d: Path) -> None:
    with open(d / "m.json", "wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(MAX_MANIFEST_BYTES + 1)


def unknown_use(d: Path) -> None:
    ghost = {"contract": "ghost.service@v1", "rpc": {"call": ["Ghost.Get"]}}
    write_json(d / "orders.contract.json", manifest(uses={"required": {"ghost": ghost}}))


def path_id(d: Path) -> None:
    (d / "cwd").mkdir()
    write_json(d / "cwd" / "m.json", manifest(id="../../escaped@v1"))


def shop(d: Path, *, library: str = shop_library(), lending: str = shop_lending()) -> None:
    """A repository of two Python contracts: `shop.lending@v1` uses `shop.library@v1`."""
    (d / "pyproject.toml").write_text(
        '[tool.trellis-generate]\ncontracts = ["*.py"]\n', encoding="utf-8"
    )
    (d / "library.py").write_text(library, encoding="utf-8")
    (d / "lending.py").write_text(lending, encoding="utf-8")


def missing_surface(d: Path) -> None:
    shop(d, library=shop_library(rpc="Library.Book.Fetch"))


def dependency_failed(d: Path) -> None:
    shop(d, library="import library_helpers\n" + shop_library())


def descriptor_type(d: Path) -> None:
    shop(d, library=shop_library(call='"books.read"'))


def foreign_capability(d: Path) -> None:
    shop(d, lending=shop_lending(call='["shop.library::books.nuke"]'))


def duplicate_key(d: Path) -> None:
    entry = '        "Library.Book.Get": Rpc(input=GetBook, output=Book),\n'
    text = shop_library()
    at = text.index("    },\n)")
    shop(d, library=text[:at] + entry + text[at:])


BUILDERS: dict[str, Callable[[Path], None]] = {
    "syntax-error": syntax_error,
    "import-error": import_error,
    "no-contract": no_contract,
    "duplicate-id": duplicate_id,
    "wildcard-collision": wildcard_collision,
    "dollar-ref": dollar_ref,
    "recursive-model": recursive_model,
    "invalid-json": invalid_json,
    "too-big": too_big,
    "unknown-use": unknown_use,
    "path-id": path_id,
    "missing-surface": missing_surface,
    "dependency-failed": dependency_failed,
    "descriptor-type": descriptor_type,
    "foreign-capability": foreign_capability,
    "duplicate-key": duplicate_key,
}
# Cases whose files live in a subdirectory, so escapes above the working dir stay in tmp_path.
WORKDIR = {"path-id": "cwd"}
# Cases that are warnings: reported, but the run succeeds.
WARNINGS = {"unknown-use"}


def test_every_documented_case_has_a_builder_and_back() -> None:
    assert set(table_rows()) == set(BUILDERS)


@pytest.mark.parametrize("case", sorted(BUILDERS))
def test_documented_message_exit_1_and_no_traceback(case: str, tmp_path: Path) -> None:
    command, message, rule = table_rows()[case]
    BUILDERS[case](tmp_path)
    cwd = tmp_path / WORKDIR.get(case, "")
    outputs = (cwd / "out", cwd / "generated")  # the --out of `generate`, the default of prepare

    def outside_outputs() -> list[Path]:
        return sorted(
            p for p in tmp_path.rglob("*") if not any(p.is_relative_to(o) for o in outputs)
        )

    before = outside_outputs()
    done = subprocess.run(
        [sys.executable, "-m", "trellis_generate", *command.split()],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert done.returncode == (0 if case in WARNINGS else 1), output
    assert message in output, output
    assert f"[{rule}]" in output, output
    assert outside_outputs() == before, "files appeared outside the output dir"
