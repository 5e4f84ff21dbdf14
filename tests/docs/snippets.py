"""Python blocks of the project's Markdown, type-checked against the SDKs generated for them.

A fenced block's info string says what it is (the first word is the language, as GitHub reads it):

    ```python                    a complete module: type-checked with `mypy --strict`
    ```python contract=NAME      a contract module, file NAME.py: type-checked, loaded as a
                                 contract, and its SDK generated for the blocks that name it
    ```python sdk=A,B            a module using generated SDKs: A and B are contract blocks of
                                 the same file (NAME) or contract files of the repository
                                 (contracts/billing.py); their SDKs are generated together
    ```python excerpt            a fragment (an API summary, part of a module): shown, not checked
    ```text / ```sh / ...        not Python: not checked

Blocks of one file needing the same SDKs are checked in one mypy run, each block a module of its
own, so a problem is reported at its line in the Markdown file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from trellis_generate.contract import LoadedContract
from trellis_generate.diagnostics import ContractError
from trellis_generate.pipeline import load_contract
from trellis_generate.render.python_sdk import render_python

PYTHON = ("python", "py")
FLAGS = frozenset({"excerpt"})
KEYS = frozenset({"contract", "sdk"})
_MYPY_LINE = re.compile(r"^(?P<file>[^:]+\.py):(?P<line>\d+):(?:\d+:)? (?P<rest>.*)$")


@dataclass(frozen=True)
class Block:
    """One fenced Python block: `line` is the 1-based line of its first line of code."""

    doc: Path
    line: int
    text: str
    flags: frozenset[str] = frozenset()
    options: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()  # a malformed info string

    @property
    def where(self) -> str:
        return f"{self.doc.name}:{self.line}"

    @property
    def checked(self) -> bool:
        return "excerpt" not in self.flags

    @property
    def sdk(self) -> tuple[str, ...]:
        raw = self.options.get("sdk", "")
        return tuple(sorted({s.strip() for s in raw.split(",") if s.strip()}))


def python_blocks(doc: Path, text: str | None = None) -> list[Block]:
    """Every fenced block of `doc` whose language is Python."""
    source = doc.read_text(encoding="utf-8") if text is None else text
    blocks: list[Block] = []
    for token in MarkdownIt().parse(source):
        if token.type != "fence" or token.map is None:
            continue
        words = token.info.split()
        if not words or words[0].lower() not in PYTHON:
            continue
        flags: set[str] = set()
        options: dict[str, str] = {}
        problems: list[str] = []
        for word in words[1:]:
            key, sep, value = word.partition("=")
            if sep and key in KEYS and value:
                options[key] = value
            elif not sep and word in FLAGS:
                flags.add(word)
            else:
                problems.append(
                    f"unknown block attribute {word!r} (known: excerpt, contract=, sdk=)"
                )
        line = token.map[0] + 2  # the fence line is map[0] (0-based); code starts below it
        blocks.append(Block(doc, line, token.content, frozenset(flags), options, tuple(problems)))
    return blocks


def _mypy(files: Sequence[Path], mypy_path: Path | None, cache: Path) -> str:
    env = dict(os.environ)
    env.pop("MYPYPATH", None)
    if mypy_path is not None:
        env["MYPYPATH"] = str(mypy_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            "--no-color-output",
            f"--cache-dir={cache}",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return done.stdout + done.stderr


def _located(output: str, by_file: Mapping[str, Block]) -> list[str]:
    """mypy lines, moved from the snippet files to the Markdown lines they came from."""
    out: list[str] = []
    for line in output.splitlines():
        m = _MYPY_LINE.match(line)
        block = by_file.get(Path(m["file"]).name) if m else None
        if m is None or block is None:
            if line.strip():
                out.append(line)  # a problem outside the snippets (the generated SDK itself)
            continue
        out.append(f"{block.doc.name}:{block.line + int(m['line']) - 1}: {m['rest']}")
    return out


def _load(reference: str, contracts: Mapping[str, LoadedContract], root: Path) -> LoadedContract:
    if reference in contracts:
        return contracts[reference]
    return load_contract(root / reference)


def check_blocks(blocks: Iterable[Block], work: Path, root: Path, cache: Path) -> list[str]:
    """Problems of the blocks of one Markdown file ([] when every checked block type-checks)."""
    blocks = list(blocks)
    problems = [f"{b.where}: {p}" for b in blocks for p in b.problems]
    contracts: dict[str, LoadedContract] = {}
    groups: dict[tuple[str, ...], list[Block]] = {}
    for block in blocks:
        if not block.checked:
            continue
        name = block.options.get("contract")
        if name is not None:
            path = work / "contracts" / f"{name}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.text, encoding="utf-8")
            try:
                contracts[name] = load_contract(path)
            except ContractError as exc:
                problems += [f"{block.where}: contract: {d.format()}" for d in exc.diagnostics]
        groups.setdefault(block.sdk, []).append(block)
    for index, (sdk, members) in enumerate(sorted(groups.items())):
        group = work / f"group{index}"
        mypy_path: Path | None = None
        if sdk:
            try:
                used = {ref: _load(ref, contracts, root) for ref in sdk}
            except (ContractError, OSError, KeyError) as exc:
                problems.append(f"{members[0].where}: sdk={','.join(sdk)}: {exc}")
                continue
            deps = {c.id: c for c in used.values()}
            mypy_path = group / "generated"
            for contract in used.values():
                for rel, text in render_python(contract, deps).items():
                    target = mypy_path / rel.removeprefix("python/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
        by_file: dict[str, Block] = {}
        for block in members:
            name = f"snippet_{block.doc.stem.replace('-', '_').lower()}_{block.line}.py"
            (group / name).parent.mkdir(parents=True, exist_ok=True)
            (group / name).write_text(block.text, encoding="utf-8")
            by_file[name] = block
        problems += _located(_mypy([group / n for n in by_file], mypy_path, cache), by_file)
    return problems
