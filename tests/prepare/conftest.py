"""Temp repositories of manifest and tiny Python contracts, and a renderer that counts renders."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from trellis_generate.contract import LoadedContract
from trellis_generate.prepare.run import Options, Report, Session, prepare
from trellis_generate.prepare.toolchain import Toolchain
from trellis_generate.render import render_targets

MANIFEST_ONLY = Options(targets=("manifest",))


def manifest(ident: str, *, uses: Sequence[str] = (), description: str = "d") -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "trellis.contract.v1",
        "id": ident,
        "displayName": ident.split("@")[0],
        "description": description,
        "kind": "service",
    }
    if uses:
        doc["uses"] = {
            "required": {u.split("@")[0].replace(".", "-"): {"contract": u} for u in uses}
        }
    return doc


def python_contract(ident: str, *, description: str = "DESCRIPTION", extra: str = "") -> str:
    """A contract module importing a shared helper (`description` is a Python expression)."""
    return (
        "from trellis_generate.authoring import define_service_contract as define\n"
        "from shared import DESCRIPTION\n"
        f"{extra}"
        f'CONTRACT = define(id="{ident}", display_name="Py", description={description})\n'
    )


class CountingRenderer:
    """The real renderers, counting how often each contract is rendered (thread-safe)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()

    def __call__(
        self, contract: LoadedContract, deps: Mapping[str, LoadedContract], targets: Sequence[str]
    ) -> dict[str, str]:
        with self.lock:
            self.counts[contract.id] += 1
        return render_targets(contract, deps, targets)

    def take(self) -> Counter[str]:
        """The renders since the last take."""
        with self.lock:
            taken, self.counts = self.counts, Counter()
        return taken


@dataclass
class Repo:
    root: Path
    renderer: CountingRenderer = field(default_factory=CountingRenderer)

    @property
    def out(self) -> Path:
        return self.root / "generated"

    def write(self, rel: str, text: str) -> Path:
        """Write like an editor saves: a temp file renamed over the target, so a watcher can
        never see a half-written file however the test thread is scheduled."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.swp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return path

    def write_manifest(self, ident: str, **kwargs: Any) -> Path:
        name = ident.split("@")[0].split(".")[-1]
        return self.write(f"contracts/{name}.contract.json", json.dumps(manifest(ident, **kwargs)))

    def toolchain(self) -> Toolchain:
        return Toolchain(render=self.renderer)

    def prepare(self, options: Options = MANIFEST_ONLY, session: Session | None = None) -> Report:
        return prepare(self.root, options, self.toolchain(), session)

    def snapshot(self) -> dict[str, tuple[bytes, int]]:
        """Every file under the output dir with its bytes and mtime_ns."""
        return {
            p.relative_to(self.out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(self.out.rglob("*"))
            if p.is_file() and p.name != "prepare.lock"
        }


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repo]:
    """A repository root with a pyproject.toml (the import root of its Python contracts)."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    yield Repo(tmp_path)
    # Contract loading puts the repo on sys.path and its modules in sys.modules: undo that.
    sys.path[:] = [p for p in sys.path if not p.startswith(str(tmp_path))]
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", None) or "").startswith(str(tmp_path)):
            del sys.modules[name]


@pytest.fixture
def chain(repo: Repo) -> Repo:
    """a ← b ← c (c uses b, b uses a) plus an unrelated d."""
    repo.write_manifest("acme.a@v1")
    repo.write_manifest("acme.b@v1", uses=["acme.a@v1"])
    repo.write_manifest("acme.c@v1", uses=["acme.b@v1"])
    repo.write_manifest("acme.d@v1")
    return repo
