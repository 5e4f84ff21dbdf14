"""Every Python block of README.md, docs/ and examples/ type-checks (`mypy --strict`) against the
SDK generated from the contract it names; see tests/docs/snippets.py for how a block says what it
is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

from .snippets import check_blocks, python_blocks

DOCS = sorted(
    [
        PROJECT_ROOT / "README.md",
        *(PROJECT_ROOT / "docs").rglob("*.md"),
        *(PROJECT_ROOT / "examples").rglob("*.md"),
    ]
)


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix())
def test_every_python_block_type_checks(doc: Path, tmp_path: Path, mypy_cache: Path) -> None:
    problems = check_blocks(python_blocks(doc), tmp_path, PROJECT_ROOT, mypy_cache)
    assert problems == [], "\n".join(problems)


def test_readmes_usage_uses_the_sdk_of_readmes_authoring_example() -> None:
    blocks = [b for b in python_blocks(PROJECT_ROOT / "README.md") if b.checked]
    contracts = {b.options["contract"] for b in blocks if "contract" in b.options}
    users = [b for b in blocks if set(b.sdk) & contracts]
    assert contracts and users, "README's SDK snippet must use the contract README defines"


SAMPLE = """\
# Sample

```python contract=tiny
from pydantic import BaseModel

from trellis_generate.authoring import Rpc, define_service_contract


class Ping(BaseModel):
    text: str


CONTRACT = define_service_contract(
    id="demo.tiny@v1",
    display_name="Tiny",
    description="Pings.",
    rpc={"Tiny.Ping": Rpc(input=Ping, output=Ping)},
)
```

```python sdk=tiny
from demo_tiny_v1 import Client, models
from trellis_runtime import Connection


async def ping(conn: Connection) -> str:
    reply = await Client(conn).rpc.tiny.ping(models.Ping(text="hi"))
    return reply.text
```

```python sdk=tiny
from demo_tiny_v1 import models

WRONG: int = models.Ping(text="hi")
```

```python excerpt
conn.request(DESC, payload)  # not a module: never checked
```

```python exerpt
x = 1
```
"""


def test_the_checker_reports_type_errors_and_bad_attributes_at_their_markdown_line(
    tmp_path: Path, mypy_cache: Path
) -> None:
    doc = tmp_path / "sample.md"
    doc.write_text(SAMPLE, encoding="utf-8")
    blocks = python_blocks(doc)
    assert [b.checked for b in blocks] == [True, True, True, False, True]
    problems = check_blocks(blocks, tmp_path / "work", PROJECT_ROOT, mypy_cache)
    wrong = SAMPLE.splitlines().index('WRONG: int = models.Ping(text="hi")') + 1
    attribute, typing = sorted(problems, key=lambda p: "error:" in p)
    assert typing.startswith(f"sample.md:{wrong}: error: Incompatible types"), problems
    bad = SAMPLE.splitlines().index("x = 1") + 1  # problems of a block name its first line
    assert attribute.startswith(f"sample.md:{bad}: unknown block attribute 'exerpt'"), problems
