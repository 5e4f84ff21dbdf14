#!/usr/bin/env python3
"""Import time of a generated SDK (issue 12): `import trellis_auth_v1` in a fresh interpreter.

    python bench/import_bench.py [--runs 9]

The trellis.auth@v1 SDK (265 model classes) is generated once into a temporary directory, then
each run times a new `python -c "import trellis_auth_v1"` from spawn to exit, interpreter start
included: what a program importing the SDK waits for. By default an untimed first run writes the
SDK's bytecode caches, so the runs measure every start after the first one, as a user sees it;
`cached=False` keeps the SDK uncached (PYTHONDONTWRITEBYTECODE), compiling it on every run, as
the very first import does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
AUTH = PROJECT.parent / "shared" / "conformance" / "manifests" / "trellis.auth@v1.json"
IMPORT = [sys.executable, "-c", "import trellis_auth_v1"]
TARGET = 0.25  # seconds, issue 12


def import_time(runs: int, *, cached: bool = True) -> list[float]:
    """Seconds of each of `runs` fresh-interpreter imports of the trellis.auth@v1 SDK."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not cached:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory(prefix="trellis-import-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "trellis_generate", "generate", "all"]
            + ["--manifest", str(AUTH), "--out", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        sdk_root = Path(tmp) / "python"
        if cached:
            subprocess.run(IMPORT, cwd=sdk_root, env=env, check=True)  # writes the caches
        seconds: list[float] = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(IMPORT, cwd=sdk_root, env=env, check=True)
            seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    for cached, label in ((True, "bytecode cached"), (False, "first import, compiled")):
        seconds = import_time(runs, cached=cached)
        median = statistics.median(seconds)
        print(
            f"import trellis_auth_v1 ({label}): median {median:.3f} s over {runs} runs "
            f"(min {min(seconds):.3f}, max {max(seconds):.3f}); target <= {TARGET} s: "
            + ("met" if median <= TARGET else "missed")
        )


if __name__ == "__main__":
    main()
