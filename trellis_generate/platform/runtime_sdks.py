"""Regenerate the SDKs of platform contracts that the runtime itself ships and uses.

    python -m trellis_generate.platform.runtime_sdks          # rewrite the committed SDKs
    python -m trellis_generate.platform.runtime_sdks --check  # exit 1 if any file is stale

The runtime calls the platform through generated clients of the built-in contracts (a service's
``Auth.Requests.Validate`` goes through ``trellis_runtime.platform.trellis_auth_v1``). They are
generated here, from the same built-ins ``prepare`` uses, and committed; a test fails while a
committed file differs from what this renders.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..write.atomic import write_text_if_changed
from . import builtin_contract, with_builtins

# The built-in contracts whose generated SDK the runtime imports.
RUNTIME_SDKS = ("trellis.auth@v1", "trellis.core@v1", "trellis.health@v1", "trellis.state@v1")
ROOT = Path(__file__).resolve().parents[2] / "runtime" / "trellis_runtime" / "platform"


def render() -> dict[str, str]:
    """``<package>/<file>`` -> text, for every SDK in ``RUNTIME_SDKS``."""
    from ..render.python_sdk import render_python

    files: dict[str, str] = {}
    for contract_id in RUNTIME_SDKS:
        contract = builtin_contract(contract_id)
        assert contract is not None, contract_id
        rendered = render_python(contract, with_builtins({}, [contract]))
        files.update({rel.removeprefix("python/"): text for rel, text in rendered.items()})
    return files


def stale(root: Path = ROOT) -> list[str]:
    """Files under ``root`` that differ from (or are missing in) what ``render`` produces."""
    return [rel for rel, text in render().items() if _read(root / rel) != text]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--check"]):
        print("usage: python -m trellis_generate.platform.runtime_sdks [--check]", file=sys.stderr)
        return 2
    files = render()
    changed = [rel for rel, text in files.items() if _read(ROOT / rel) != text]
    if args == ["--check"]:
        if changed:
            print("stale runtime platform SDK files: " + ", ".join(changed), file=sys.stderr)
            return 1
        return 0
    for rel in changed:
        write_text_if_changed(ROOT / rel, files[rel])
        print(f"wrote {ROOT / rel}")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


if __name__ == "__main__":
    raise SystemExit(main())
