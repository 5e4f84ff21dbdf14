#!/usr/bin/env python3
"""Runtime benchmarks of issue 12: RPC round trips of a generated SDK over a real nats-server.

    python bench/runtime_bench.py [--calls 2000] [--rounds 10] [--processes 3] [--seconds 2]

``measure_runtime(calls)`` returns the figures (bench/run.py calls it); ``main()`` prints them.

Latency (p50 of sequential calls; caller and service share one process and one event loop,
raw nats-py included, so both sides of every configuration pay the same way). The
configurations run in alternating blocks (``rounds`` of them, each after a short warm-up), so
machine noise falls on all of them alike, in ``processes`` fresh processes one after another
(as pyperf does: a process's memory layout moved the SDK/raw ratio by several hundredths from
one process to the next on the 2-core machine). A figure is the median over the processes, and
a ratio the median of each process's own ratio, shown with its range:

- ``raw``: nats-py request/reply of the same request body, no headers, answered by a nats-py
  echo in the same process.
- ``raw_headers``: the same, carrying the four auth headers of one signed request: what the
  protocol adds on the wire before any SDK code runs (context for the SDK rows).
- ``local``: generated SDK client -> generated SDK service with the in-process stand-in
  authorizer (``LocalAuthorizer``): requests signed, proofs verified, no Validate round trip.
- ``local_unsigned``: ``local`` with Ed25519 signing and verification stubbed out in this
  benchmark only (signatures of the right length, never checked). Trellis has no unsigned
  mode; this row is the SDK's own overhead, the issue's "unsigned" target.
- ``validate``: signed, and the service asks ``Auth.Requests.Validate`` over NATS, answered by
  ``LocalAuth`` in the same process (what a deployment does, with a stand-in platform).
- ``reference``: the reference TypeScript runtime, client -> service, same call and the same
  Validate stand-in, on a nats-server of its own; None when it cannot run here
  (``reference_missing()`` says why). It is compared with ``validate`` in a second phase of
  its own (``paired_validate``: the two alternate, one reference client process per block).
  Its processes are not alive during the first phase: on a small machine they take CPU from
  whichever configuration happens to run, and the SDK rows, with more CPU per call than raw
  nats-py, lose more to that (on the 2-core machine the SDK/raw ratio rose by about 0.05 with
  them idle, and by about 0.15 with their clients starting between blocks).

Throughput (``*_rps``): requests/s completed by 64 concurrent callers in this process against
one service process of that configuration (``raw``: a nats-py echo process); for ``validate``
the Validate stand-in is a third process, as the platform's auth service would be.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

CONTRACT = PROJECT / "tests" / "interop" / "echo_contract.py"
RAW_SUBJECT = "bench.raw"
BODY = b'{"text":"hello"}'
CALLERS = 64
LATENCY = ("raw", "raw_headers", "local", "local_unsigned", "validate")
THROUGHPUT = ("raw", "local", "local_unsigned", "validate")

Call = Callable[[], Awaitable[Any]]


# ----- processes and the generated SDK ------------------------------------------------------------


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


def generate(out: Path) -> Path:
    """Write the echo contract's Python SDK and manifest under ``out``; the manifest's path."""
    from trellis_generate.pipeline import load_contract
    from trellis_generate.render.manifest import render_manifest
    from trellis_generate.render.python_sdk import render_python

    contract = load_contract(CONTRACT)
    files = {**render_python(contract, {}), **render_manifest(contract, {})}
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return next(out / rel for rel in files if rel.startswith("manifests/"))


def import_sdk(out: Path) -> Any:
    sys.path.insert(0, str(out / "python"))
    return importlib.import_module("interop_echo_v1")


@contextlib.contextmanager
def ed25519_stubbed() -> Iterator[None]:
    """Signing returns 64 zero bytes and every proof verifies: the ``*_unsigned`` rows only.

    Headers keep their names and lengths (the wire bytes weigh the same); everything else of
    the request path, SHA-256 of the body and proof input included, still runs.
    """
    from trellis_runtime.keys import SessionKey

    with (
        mock.patch.object(SessionKey, "sign", lambda self, data: bytes(64)),
        mock.patch("trellis_runtime.proof.verify_signature", lambda *args: True),
    ):
        yield


# ----- service processes (throughput) -------------------------------------------------------------


async def serve(mode: str, url: str, sdk_dir: Path) -> None:
    """Run one service process of ``mode`` until SIGTERM; prints READY once it listens."""
    import nats

    from trellis_runtime import connect
    from trellis_runtime.local import LocalAuth, LocalAuthorizer

    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    if mode == "raw":
        nc = await nats.connect(url)
        await nc.subscribe(RAW_SUBJECT, cb=raw_echo(nc))
        await nc.flush()
    elif mode == "auth":
        await LocalAuth().serve(await connect(url=url))
    else:
        sdk = import_sdk(sdk_dir)
        authorizer = None if mode == "validate" else LocalAuthorizer()
        service = sdk.Service(await connect(url=url), name=f"bench-{mode}", authorizer=authorizer)
        service.handle.rpc.echo.say(echo_handler(sdk))
        await service.start()
    print("READY", flush=True)
    with ed25519_stubbed() if mode == "local_unsigned" else contextlib.nullcontext():
        await stop.wait()


@contextlib.asynccontextmanager
async def service_process(mode: str, url: str, sdk_dir: Path) -> AsyncIterator[None]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        mode,
        "--url",
        url,
        "--sdk",
        str(sdk_dir),
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), 60)
        if not line.startswith(b"READY"):
            raise RuntimeError(f"bench service {mode} did not start")
        yield
    finally:
        proc.terminate()
        await proc.wait()


def raw_echo(nc: Any) -> Callable[[Any], Awaitable[None]]:
    """The raw service: the body back, without headers (as an SDK service replies).

    Not ``msg.respond``: nats-py sends the request's headers back with it.
    """

    async def echo(msg: Any) -> None:
        await nc.publish(msg.reply, msg.data)

    return echo


def echo_handler(sdk: Any) -> Callable[[Any, Any], Awaitable[Any]]:
    models = sdk.models

    async def say(payload: Any, ctx: Any) -> Any:
        return models.SayOutput(text=payload.text, callerType=ctx.caller.type, callerId="bench")

    return say


# ----- measuring ----------------------------------------------------------------------------------


async def timed(call: Call, count: int) -> list[float]:
    """Microseconds of ``count`` sequential calls."""
    samples = []
    for _ in range(count):
        began = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - began) * 1e6)
    return samples


async def throughput(call: Call, seconds: float) -> float:
    """Calls per second completed by ``CALLERS`` concurrent callers (after a short warm-up)."""

    async def caller(until: float) -> int:
        done = 0
        while time.perf_counter() < until:
            await call()
            done += 1
        return done

    await asyncio.gather(*(caller(time.perf_counter() + 0.3) for _ in range(CALLERS)))
    began = time.perf_counter()
    done = await asyncio.gather(*(caller(began + seconds) for _ in range(CALLERS)))
    return sum(done) / (time.perf_counter() - began)


@dataclass
class Bench:
    """The connections and the generated SDK every latency configuration shares."""

    sdk: Any
    raw_server: Any
    raw_client: Any
    client: Any  # the generated SDK's Client
    service_conn: Any
    headers: dict[str, str]

    @contextlib.asynccontextmanager
    async def configuration(self, mode: str) -> AsyncIterator[Call]:
        """The call of one latency configuration, its service running meanwhile."""
        if mode == "raw":
            yield lambda: self.raw_client.request(RAW_SUBJECT, BODY, timeout=5)
        elif mode == "raw_headers":
            yield lambda: self.raw_client.request(
                RAW_SUBJECT, BODY, timeout=5, headers=self.headers
            )
        else:
            with ed25519_stubbed() if mode == "local_unsigned" else contextlib.nullcontext():
                async with self.sdk_service(mode):
                    request = self.sdk.models.SayInput(text="hello")
                    yield lambda: self.client.rpc.echo.say(request)

    @contextlib.asynccontextmanager
    async def sdk_service(self, mode: str) -> AsyncIterator[None]:
        from trellis_runtime.local import LocalAuthorizer

        authorizer = None if mode == "validate" else LocalAuthorizer()
        name = f"bench-{mode.replace('_', '-')}"
        service = self.sdk.Service(self.service_conn, name=name, authorizer=authorizer)
        service.handle.rpc.echo.say(echo_handler(self.sdk))
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    async def close(self) -> None:
        for nc in (self.raw_server, self.raw_client):
            await nc.close()
        await self.client.connection.close()
        await self.service_conn.close()


async def open_bench(url: str, sdk: Any) -> Bench:
    import nats

    from trellis_runtime import connect
    from trellis_runtime.local import ensure_event_stream
    from trellis_runtime.proof import signed_headers

    raw_server, raw_client = await nats.connect(url), await nats.connect(url)
    await raw_server.subscribe(RAW_SUBJECT, cb=raw_echo(raw_server))
    await raw_server.flush()
    caller = await connect(url=url)
    service_conn = await connect(url=url)
    await ensure_event_stream(service_conn)  # the generated service publishes heartbeats
    headers = signed_headers(caller.session_key, "rpc.v1.Echo.Say", BODY)
    return Bench(sdk, raw_server, raw_client, sdk.Client(caller), service_conn, headers)


class Reference:
    """The reference TS runtime's service on a nats-server of its own, and its client chunks."""

    def __init__(self, manifest: Path, store: Path) -> None:
        from tests.interop.peer import Peer, build_peer

        build = build_peer()
        self.proc, url = start_nats(store)
        self.peer = Peer(build, manifest, url)
        self.samples: list[float] = []
        self._stack = contextlib.AsyncExitStack()

    async def __aenter__(self) -> Reference:
        from trellis_runtime import connect
        from trellis_runtime.local import LocalAuth

        try:
            auth_conn = await connect(url=self.peer.nats_url)
            self._stack.push_async_callback(auth_conn.close)
            await LocalAuth().serve(auth_conn)
            await self._stack.enter_async_context(self.peer.running("service", ready="READY"))
        except BaseException:
            await self.__aexit__()  # no nats-server left behind
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self._stack.aclose()
        finally:
            self.proc.terminate()
            self.proc.wait()

    async def chunk(self, calls: int) -> None:
        """``calls`` sequential calls by a fresh reference client (after its own warm-up)."""
        (line,) = await self.peer.run("client", f"bench:{calls}")
        if not line.get("ok"):
            raise RuntimeError(f"reference bench failed: {line}")
        self.samples.extend(float(s) for s in line["samples"])


def reference_missing() -> str | None:
    """Why the reference runtime cannot run here (no ../shared/reference, node or npm), or None."""
    from tests.interop.peer import missing_prerequisite

    return missing_prerequisite()


async def latencies(bench: Bench, calls: int, rounds: int) -> dict[str, float | None]:
    """p50 µs of every latency configuration, over ``rounds`` alternating blocks."""
    per_block = max(1, calls // rounds)
    samples: dict[str, list[float]] = {mode: [] for mode in LATENCY}
    for _ in range(rounds):
        for mode in LATENCY:
            samples[mode] += await block(bench, mode, per_block)
    return {f"{mode}_p50_us": statistics.median(values) for mode, values in samples.items()}


def latency_processes(
    url: str, sdk_dir: Path, calls: int, rounds: int, processes: int
) -> dict[str, float | None]:
    """``latencies`` in ``processes`` fresh processes, one after another; medians, and each
    configuration's ratio to raw (``<mode>_ratio``, with ``_ratio_min`` / ``_ratio_max``)."""
    runs = []
    for _ in range(processes):
        done = subprocess.run(
            [sys.executable, __file__, "--latencies", "--url", url, "--sdk", str(sdk_dir)]
            + ["--calls", str(calls), "--rounds", str(rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    got: dict[str, float | None] = {}
    for mode in LATENCY:
        key = f"{mode}_p50_us"
        got[key] = statistics.median(run[key] for run in runs)
        ratios = [run[key] / run["raw_p50_us"] for run in runs]
        got[f"{mode}_ratio"] = statistics.median(ratios)
        got[f"{mode}_ratio_min"], got[f"{mode}_ratio_max"] = min(ratios), max(ratios)
    return got


async def latency_child(url: str, sdk_dir: Path, calls: int, rounds: int) -> None:
    """One process of ``latency_processes``: prints its p50s as one JSON line."""
    from trellis_runtime import connect
    from trellis_runtime.local import LocalAuth

    bench = await open_bench(url, import_sdk(sdk_dir))
    auth_conn = await connect(url=url)
    await LocalAuth().serve(auth_conn)
    got = await latencies(bench, calls, rounds)
    await auth_conn.close()
    await bench.close()
    print(json.dumps(got))


async def against_reference(
    bench: Bench, reference: Reference, calls: int, rounds: int
) -> dict[str, float | None]:
    """p50 µs of ``validate`` and of the reference's same call, in alternating blocks."""
    per_block = max(1, calls // rounds)
    ours: list[float] = []
    for _ in range(rounds):
        ours += await block(bench, "validate", per_block)
        await reference.chunk(per_block)
    return {
        "paired_validate_p50_us": statistics.median(ours),
        "reference_p50_us": statistics.median(reference.samples),
    }


async def block(bench: Bench, mode: str, calls: int) -> list[float]:
    """``calls`` timed calls of one configuration, after a short warm-up."""
    async with bench.configuration(mode) as call:
        await timed(call, min(50, calls))
        return await timed(call, calls)


async def throughputs(url: str, sdk_dir: Path, sdk: Any, seconds: float) -> dict[str, float]:
    """Requests/s of one service process per configuration under ``CALLERS`` callers."""
    import nats

    from trellis_runtime import connect

    raw = await nats.connect(url)
    client = sdk.Client(await connect(url=url))
    request = sdk.models.SayInput(text="hello")
    got: dict[str, float] = {}
    async with service_process("auth", url, sdk_dir):
        for mode in THROUGHPUT:
            async with service_process(mode, url, sdk_dir):
                if mode == "raw":
                    got["raw_rps"] = await throughput(
                        lambda: raw.request(RAW_SUBJECT, BODY, timeout=10), seconds
                    )
                    continue
                with ed25519_stubbed() if mode == "local_unsigned" else contextlib.nullcontext():
                    got[f"{mode}_rps"] = await throughput(
                        lambda: client.rpc.echo.say(request, timeout=10), seconds
                    )
    await raw.close()
    await client.connection.close()
    return got


async def _measure(
    url: str, tmp: Path, calls: int, rounds: int, seconds: float, processes: int
) -> dict[str, float | None]:
    from trellis_runtime import connect
    from trellis_runtime.local import LocalAuth

    sdk_dir = tmp / "sdk"
    manifest = generate(sdk_dir)
    got = await asyncio.to_thread(latency_processes, url, sdk_dir, calls, rounds, processes)
    sdk = import_sdk(sdk_dir)
    bench = await open_bench(url, sdk)
    auth_conn = await connect(url=url)
    await LocalAuth().serve(auth_conn)
    got.update(paired_validate_p50_us=None, reference_p50_us=None)
    if reference_missing() is None:
        async with Reference(manifest, tmp / "ref-js") as reference:
            got.update(await against_reference(bench, reference, calls, rounds))
    # the throughput runs answer Validate from a process of their own
    await auth_conn.close()
    await bench.close()
    got.update(await throughputs(url, sdk_dir, sdk, seconds))
    return got


def measure_runtime(
    calls: int = 2000, *, rounds: int = 10, seconds: float = 2.0, processes: int = 3
) -> dict[str, float | None]:
    """Every figure of the module docstring: ``<configuration>_p50_us`` and ``_ratio`` (to raw,
    with ``_ratio_min`` / ``_ratio_max`` over the processes), and ``<configuration>_rps``.

    ``reference_p50_us`` is None when the reference runtime cannot run here
    (``reference_missing()`` says why).
    """
    os.environ.setdefault("PINO_LEVEL", "warn")
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_nats(Path(tmp) / "js")
        try:
            return asyncio.run(_measure(url, Path(tmp), calls, rounds, seconds, processes))
        finally:
            proc.terminate()
            proc.wait()


# ----- the table ----------------------------------------------------------------------------------


TableRow = tuple[str, str, str, str, str]  # (measure, value, detail, target, verdict)


def _at_most(limit: float, unit: str, ratio: float) -> tuple[str, str]:
    return f"≤ {limit:g}{unit}", "met" if ratio <= limit else "MISSED"


def table(got: dict[str, float | None]) -> list[TableRow]:
    """The figures as rows; targets are issue 12's, with their verdicts (bench/run.py prints
    these rows in its own table)."""

    def p50(name: str, mode: str, limit: float | None = None) -> TableRow:
        value, ratio = got[f"{mode}_p50_us"], got[f"{mode}_ratio"]
        if value is None or ratio is None:
            return (name, "n/a", "", "", "")
        low, high = got[f"{mode}_ratio_min"], got[f"{mode}_ratio_max"]
        detail = f"{ratio:.2f}× raw" + (f" ({low:.2f}–{high:.2f})" if low != high else "")
        target, verdict = _at_most(limit, "× raw", ratio) if limit is not None else ("", "")
        return (name, f"{value:.0f} µs", detail, target, verdict)

    rows = [
        p50("RPC p50, raw nats-py request/reply", "raw"),
        p50("RPC p50, raw nats-py with a signed request's headers", "raw_headers"),
        p50("RPC p50, SDK, in-process stand-in auth, signed", "local"),
        p50("RPC p50, SDK, in-process stand-in auth, Ed25519 stubbed", "local_unsigned", 1.3),
        p50("RPC p50, SDK, signed + Validate over NATS", "validate"),
    ]
    ref, ours = got["reference_p50_us"], got["paired_validate_p50_us"]
    if ref and ours:
        name = "RPC p50, reference TS runtime, same call and Validate"
        ratio = ours / ref
        target = _at_most(1.0, "× the reference", ratio)
        rows.append((name, f"{ref:.0f} µs", f"SDK: {ours:.0f} µs, {ratio:.2f}×", *target))
    else:
        rows.append(("RPC p50, reference TS runtime", "n/a", str(reference_missing()), "", ""))
    for mode, label in (
        ("raw", "raw nats-py echo process"),
        ("local", "SDK service, in-process stand-in"),
        ("local_unsigned", "SDK service, Ed25519 stubbed"),
        ("validate", "SDK service, Validate over NATS"),
    ):
        rps = got[f"{mode}_rps"]
        rows.append(
            (f"throughput, {CALLERS} callers, {label}", f"{rps or 0:.0f} req/s", "", "", "")
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="timed calls per configuration")
    parser.add_argument("--rounds", type=int, default=10, help="alternating blocks")
    parser.add_argument("--seconds", type=float, default=2.0, help="per throughput run")
    parser.add_argument("--processes", type=int, default=3, help="latency processes")
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # a service process of the bench
    parser.add_argument("--latencies", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--sdk", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.url, args.sdk))
        return
    if args.latencies:
        asyncio.run(latency_child(args.url, args.sdk, args.calls, args.rounds))
        return
    got = measure_runtime(
        args.calls, rounds=args.rounds, seconds=args.seconds, processes=args.processes
    )
    rows = table(got)
    width = max(len(r[0]) for r in rows)
    for name, value, detail, target, verdict in rows:
        print(f"{name:<{width}}  {value:<10} {detail:<20} {target} {verdict}".rstrip())


if __name__ == "__main__":
    main()
