"""Build and drive the reference Trellis runtime (TypeScript, under Node 20) for interop tests.

The reference runtime is bundled with the recipe in ``../shared/reference/peer`` (npm + esbuild)
into a cache directory keyed by the content of the recipe, the reference sources and our
drivers (``tests/interop/drivers``), so a machine builds it once. Nothing from
``../shared/reference`` enters the repository.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import SHARED

REFERENCE = SHARED / "reference"
RECIPE = REFERENCE / "peer"
DRIVERS = Path(__file__).resolve().parent / "drivers"
STEP_TIMEOUT = 60.0


def missing_prerequisite() -> str | None:
    """Why the interop tests cannot run here, or None."""
    if not (RECIPE / "build.sh").is_file() or not (REFERENCE / "trellis-js").is_dir():
        return f"the reference runtime is not at {REFERENCE} (CI has ../shared beside the checkout)"
    for tool in ("node", "npm", "bash"):
        if shutil.which(tool) is None:
            return f"{tool} is not on PATH (the interop tests run the reference under Node 20)"
    return None


def _tree_digest(roots: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_root() -> Path:
    base = os.environ.get("TRELLIS_INTEROP_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "trellis-generate" / "interop"


# drivers/<name>.ts bundled to dist/<name>.mjs; the rest are modules
ENTRY_POINTS = ("peer", "jobs", "resources", "health", "transfer")


def build_peer() -> Path:
    """The directory holding ``dist/<entry>.mjs``, built now unless an identical build exists."""
    key = _tree_digest([RECIPE, REFERENCE / "trellis-js", DRIVERS])
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    out = root / f"refpeer-{key}"
    bundles = [out / "dist" / f"{entry}.mjs" for entry in ENTRY_POINTS]
    with open(root / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test sessions never build into one directory
        if all(bundle.is_file() for bundle in bundles):
            return out
        _run(["bash", str(RECIPE / "build.sh"), str(out)], cwd=root)
        drivers = out / "ourdrivers"
        shutil.rmtree(drivers, ignore_errors=True)
        shutil.copytree(DRIVERS, drivers)
        for entry, bundle in zip(ENTRY_POINTS, bundles, strict=True):
            _bundle(out, f"ourdrivers/{entry}.ts", bundle)
    return out


def _bundle(out: Path, entry: str, bundle: Path) -> None:
    _run(
        [
            "npx",
            "esbuild",
            entry,
            "--bundle",
            "--platform=node",
            "--format=esm",
            "--target=node20",
            "--alias:@qlever-llc/result=./trellis-js/packages/result/mod.ts",
            "--banner:js=import { createRequire as __cr } from 'node:module'; "
            "const require = __cr(import.meta.url);",
            f"--outfile={bundle}",
            "--log-level=warning",
        ],
        cwd=out,
    )


def _run(cmd: list[str], *, cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed:\n{done.stdout}\n{done.stderr}")


@dataclass
class Peer:
    """The reference runtime, as a service, a client or a listener of one contract."""

    build: Path
    manifest: Path
    nats_url: str
    entry: str = "peer"

    def _command(self, mode: str, *args: str) -> list[str]:
        script = self.build / "dist" / f"{self.entry}.mjs"
        return ["node", str(script), mode, str(self.manifest), *args]

    def _env(self, seed: str | None) -> dict[str, str]:
        env = {**os.environ, "NATS_URL": self.nats_url, "PINO_LEVEL": "warn"}
        if seed is not None:
            env["SESSION_SEED"] = seed
        return env

    async def run(self, mode: str, *args: str, seed: str | None = None) -> list[dict[str, Any]]:
        """Run a client-side mode to its end; its JSON lines."""
        proc = await asyncio.create_subprocess_exec(
            *self._command(mode, *args),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._env(seed),
        )
        out, err = await asyncio.wait_for(proc.communicate(), STEP_TIMEOUT)
        if proc.returncode != 0:
            raise AssertionError(
                f"peer {mode} exited {proc.returncode}:\n{out.decode()}\n{err.decode()}"
            )
        return [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]

    @contextlib.asynccontextmanager
    async def running(
        self, mode: str, *args: str, ready: str, seed: str | None = None
    ) -> AsyncIterator[RunningPeer]:
        """A long-running mode, yielded once it printed ``ready``; stopped on exit."""
        proc = await asyncio.create_subprocess_exec(
            *self._command(mode, *args),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._env(seed),
        )
        assert proc.stdout is not None
        running = RunningPeer(proc)
        try:
            async with asyncio.timeout(STEP_TIMEOUT):
                while True:
                    line = (await proc.stdout.readline()).decode()
                    if not line:
                        err = await proc.stderr.read() if proc.stderr else b""
                        raise AssertionError(f"peer {mode} ended before {ready!r}: {err.decode()}")
                    if line.startswith(ready):
                        running.ready_line = line.strip()
                        break
            yield running
        finally:
            if proc.returncode is None:
                proc.terminate()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), 10)
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


@dataclass
class RunningPeer:
    proc: asyncio.subprocess.Process
    ready_line: str = ""

    async def lines(self, count: int) -> list[dict[str, Any]]:
        """The next ``count`` JSON lines it prints."""
        assert self.proc.stdout is not None
        got: list[dict[str, Any]] = []
        async with asyncio.timeout(STEP_TIMEOUT):
            while len(got) < count:
                line = (await self.proc.stdout.readline()).decode()
                if not line:
                    raise AssertionError(f"peer ended after {len(got)} of {count} lines")
                if line.startswith("{"):
                    got.append(json.loads(line))
        return got
