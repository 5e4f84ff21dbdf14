#!/usr/bin/env python3
"""Runtime benchmarks of issue 12: RPC round trips of a generated SDK over a real nats-server.

    python bench/runtime_bench.py [--calls 2000]

Rows (medians of sequential calls after a warm-up, one process per side where it matters):
raw nats-py request/reply of the same bodies; the generated SDK with the in-process stand-in
authorizer (signed requests, proof verified, no Validate round trip); the generated SDK with
Validate answered over NATS by ``LocalAuth`` (what a deployment does); the reference TypeScript
runtime doing the same call against its own service with the same Validate (when
../shared/reference, node and npm are there); throughput of one service process under 64
concurrent callers.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

CONTRACT = PROJECT / "tests" / "interop" / "echo_contract.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_nats(store: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = Path(sysconfig.get_path("scripts")) / "nats-server"
    port = free_port()
    proc = subprocess.Popen(
        [str(binary), "-a", "127.0.0.1", "-p", str(port), "-js", "-sd", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"nats://127.0.0.1:{port}"
        time.sleep(0.05)
    raise RuntimeError("nats-server did not start")


def generate(out: Path) -> tuple[Any, Path]:
    from trellis_generate.pipeline import load_contract
    from trellis_generate.render.manifest import render_manifest
    from trellis_generate.render.python_sdk import render_python

    contract = load_contract(CONTRACT)
    files = {**render_python(contract, {}), **render_manifest(contract, {})}
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out / "python"))
    manifest = next(out / rel for rel in files if rel.startswith("manifests/"))
    return importlib.import_module("interop_echo_v1"), manifest


async def median_us(call: Callable[[], Awaitable[Any]], count: int) -> float:
    for _ in range(min(200, count)):
        await call()
    samples = []
    for _ in range(count):
        began = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1e6


async def throughput(call: Callable[[], Awaitable[Any]], callers: int, seconds: float) -> float:
    done = 0
    stop = time.perf_counter() + seconds

    async def caller() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await call()
            done += 1

    await asyncio.gather(*(caller() for _ in range(callers)))
    return done / seconds


async def measure(url: str, sdk: Any, calls: int) -> dict[str, float]:
    import nats

    from trellis_runtime import connect
    from trellis_runtime.local import LocalAuth, LocalAuthorizer

    results: dict[str, float] = {}
    server, client = await nats.connect(url), await nats.connect(url)

    async def echo(msg: Any) -> None:
        await msg.respond(msg.data)

    await server.subscribe("bench.raw", cb=echo)
    await server.flush()
    body = b'{"text":"hello"}'
    results["raw"] = await median_us(lambda: client.request("bench.raw", body, timeout=5), calls)

    models = sdk.models
    await LocalAuth().serve(await connect(url=url))

    async def say(payload: Any, ctx: Any) -> Any:
        return models.SayOutput(text=payload.text, callerType=ctx.caller.type, callerId="bench")

    caller = sdk.Client(await connect(url=url))
    request = models.SayInput(text="hello")
    for mode, authorizer in (("in-process", LocalAuthorizer()), ("validate", None)):
        service = sdk.Service(await connect(url=url), name=f"bench-{mode}", authorizer=authorizer)
        service.handle.rpc.echo.say(say)
        await service.start()
        results[mode] = await median_us(lambda: caller.rpc.echo.say(request), calls)
        results[f"{mode} rps"] = await throughput(lambda: caller.rpc.echo.say(request), 64, 3.0)
        await service.stop()
    return results


async def reference(url: str, manifest: Path, calls: int) -> float | None:
    from tests.interop.peer import Peer, build_peer, missing_prerequisite
    from trellis_runtime import connect
    from trellis_runtime.local import LocalAuth

    if missing_prerequisite() is not None:
        return None
    await LocalAuth().serve(await connect(url=url))
    peer = Peer(build_peer(), manifest, url)
    async with peer.running("service", ready="READY"):
        (line,) = await peer.run("client", f"bench:{calls}")
    return float(line["p50us"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    calls = parser.parse_args().calls
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_nats(Path(tmp) / "js")
        try:
            sdk, manifest = generate(Path(tmp) / "sdk")
            got = asyncio.run(measure(url, sdk, calls))
            ref = asyncio.run(reference(url, manifest, calls))
        finally:
            proc.terminate()
            proc.wait()
    raw = got["raw"]
    rows = [
        ("raw nats-py request/reply p50", f"{raw:.0f} µs", ""),
        (
            "SDK RPC, in-process stand-in, p50",
            f"{got['in-process']:.0f} µs ({got['in-process'] / raw:.2f}× raw)",
            "≤ 1.3× raw",
        ),
        (
            "SDK RPC, signed + Validate over NATS, p50",
            f"{got['validate']:.0f} µs",
            "≤ the reference's",
        ),
        (
            "reference TS runtime, same call and Validate, p50",
            f"{ref:.0f} µs" if ref is not None else "n/a (reference runtime not available)",
            "",
        ),
        ("throughput, 64 callers, in-process stand-in", f"{got['in-process rps']:.0f} req/s", ""),
        ("throughput, 64 callers, Validate over NATS", f"{got['validate rps']:.0f} req/s", ""),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<32} {target}")
    if ref is not None:
        verdict = "met" if got["validate"] <= ref else "MISSED"
        print(f"signed + Validate vs reference: {got['validate'] / ref:.2f}× ({verdict})")


if __name__ == "__main__":
    os.environ.setdefault("PINO_LEVEL", "warn")
    main()
