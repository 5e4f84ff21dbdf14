"""A small synthetic repository (bench/synth.py) and helpers to run `prepare` on it as a user would."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

SYNTH = PROJECT_ROOT / "bench" / "synth.py"
PYPROJECT = '[tool.trellis-generate]\ncontracts = ["manifests/*.json"]\nout = "generated"\n'
BOOKKEEPING = ".trellis"


def make_workspace(root: Path, contracts: int = 3) -> Path:
    """A repository with `contracts` manifest contracts owned by it."""
    subprocess.run(
        [sys.executable, str(SYNTH), str(root), "--contracts", str(contracts), "--rpcs", "2"]
        + ["--events", "1", "--ops", "1"],
        check=True,
        capture_output=True,
    )
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return root


def prepare_cmd(ws: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "trellis_generate", "prepare", str(ws), *args]


def run_prepare(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(prepare_cmd(ws, *args), capture_output=True, text=True, check=False)


def edit_descriptions(ws: Path, tag: str) -> None:
    """Change every contract's description: every generated manifest changes."""
    for path in sorted((ws / "manifests").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["description"] = f"{doc['description'].split(' [')[0]} [{tag}]"
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


def output_tree(ws: Path) -> dict[str, bytes]:
    """Generated files (without our bookkeeping dir) by path relative to the output dir."""
    out = ws / "generated"
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] != BOOKKEEPING
    }


def unparseable(tree: dict[str, bytes]) -> list[str]:
    """Paths whose Python or JSON does not parse (a torn or mixed write would show up here)."""
    bad = []
    for rel, data in tree.items():
        try:
            if rel.endswith(".py"):
                ast.parse(data.decode("utf-8"), filename=rel)
            elif rel.endswith(".json"):
                json.loads(data)
        except (SyntaxError, ValueError):
            bad.append(rel)
    return bad
