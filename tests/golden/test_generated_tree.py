"""The committed `generated/` tree is the one golden copy of the examples' generated output.

The examples (`contracts/*.py`, with the vendor manifests and platform contracts they use) are
rendered in memory, every target, and compared byte for byte with every file under `generated/`
(prepare's lock directory aside): a change to a template or view that changes output fails here
until `trellis-generate prepare` regenerates the tree and the diff is reviewed in the commit.
The committed SDKs must also type-check under `mypy --strict`, as a user's project checks them.

A second renderer is not being tested here: prepare writes what `render_targets` returns, and
`prepare --check` (CI) proves the tree is what prepare would write; this test proves it without
prepare's caches, fingerprints or lock.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_generate.contract import LoadedContract
from trellis_generate.discovery.config import load_config
from trellis_generate.pipeline import load_contract
from trellis_generate.platform import with_builtins
from trellis_generate.render import render_targets
from trellis_generate.write.lock import LOCK_DIR

CONFIG = load_config(PROJECT_ROOT)
OUT = PROJECT_ROOT / CONFIG.out
DIFF_LINES = 30  # of each differing file, in the failure message
REGENERATE = "regenerate with `.venv/bin/trellis-generate prepare` and review the diff"


def _load(patterns: tuple[str, ...]) -> dict[str, LoadedContract]:
    paths = sorted({p for pattern in patterns for p in PROJECT_ROOT.glob(pattern)})
    loaded = (load_contract(p) for p in paths if not p.name.startswith("_"))
    return {c.id: c for c in loaded}


def render_examples() -> dict[str, bytes]:
    """Output-relative path -> bytes of everything prepare generates for this repository."""
    owned = _load(CONFIG.contracts)
    deps = with_builtins({**_load(CONFIG.manifests), **owned}, owned.values())
    files: dict[str, bytes] = {}
    for contract in owned.values():
        for rel, text in render_targets(contract, deps, CONFIG.targets).items():
            files[rel] = text.encode("utf-8")
    return files


def committed() -> dict[str, bytes]:
    """Every file under the output directory except prepare's lock and Python's caches."""
    return {
        path.relative_to(OUT).as_posix(): path.read_bytes()
        for path in sorted(OUT.rglob("*"))
        if path.is_file()
        and path.relative_to(OUT).parts[0] != LOCK_DIR
        and "__pycache__" not in path.parts
        and not path.name.endswith(".pyc")
        and ".mypy_cache" not in path.parts
    }


def tree_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """Missing, extra and differing files, each differing one with the head of its diff."""
    lines = [f"missing: {p}" for p in sorted(expected.keys() - actual.keys())]
    lines += [f"extra: {p}" for p in sorted(actual.keys() - expected.keys())]
    for path in sorted(expected.keys() & actual.keys()):
        if expected[path] == actual[path]:
            continue
        diff = list(
            difflib.unified_diff(
                actual[path].decode("utf-8", "replace").splitlines(),
                expected[path].decode("utf-8", "replace").splitlines(),
                f"committed/{path}",
                f"rendered/{path}",
                lineterm="",
                n=1,
            )
        )
        more = [f"... {len(diff) - DIFF_LINES} more diff lines"] if len(diff) > DIFF_LINES else []
        lines += [f"different: {path}", *diff[:DIFF_LINES], *more]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return render_examples()


def test_there_are_at_least_three_examples() -> None:
    assert len(_load(CONFIG.contracts)) >= 3


def test_committed_generated_tree_is_what_the_examples_render(rendered: dict[str, bytes]) -> None:
    difference = tree_difference(rendered, committed())
    if difference:
        pytest.fail(f"{CONFIG.out}/ is not what the examples render ({REGENERATE}):\n{difference}")


def test_rendering_twice_is_byte_identical(rendered: dict[str, bytes]) -> None:
    assert render_examples() == rendered


def test_the_difference_names_missing_extra_and_differing_files() -> None:
    expected = {"a.py": b"x = 1\n", "b.py": b"same\n", "c.py": b"new\n"}
    actual = {"a.py": b"x = 2\n", "b.py": b"same\n", "d.py": b"old\n"}
    assert tree_difference(expected, actual).splitlines() == [
        "missing: c.py",
        "extra: d.py",
        "different: a.py",
        "--- committed/a.py",
        "+++ rendered/a.py",
        "@@ -1 +1 @@",
        "-x = 2",
        "+x = 1",
    ]


def test_committed_sdks_type_check_strictly(tmp_path: Path) -> None:
    packages = sorted(p for p in (OUT / "python").iterdir() if (p / "__init__.py").is_file())
    assert packages
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path),
            *map(str, packages),
        ],
        cwd=OUT / "python",
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
