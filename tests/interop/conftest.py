"""Fixtures of the interop tests: the reference runtime, the echo contract's SDK, a deployment.

``deployment`` is what a Trellis deployment gives a participant, on the session's nats-server:
the ``trellis`` stream on ``events.>`` and an answer to ``Auth.Requests.Validate`` (our local
stand-in, which the reference service asks too).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PROJECT_ROOT
from trellis_generate.pipeline import load_contract
from trellis_generate.render.manifest import render_manifest
from trellis_generate.render.python_sdk import render_python
from trellis_runtime import Connection, SessionKey, connect
from trellis_runtime.local import LocalAuth, ensure_event_stream

from .peer import Peer, build_peer, missing_prerequisite

CONTRACT = PROJECT_ROOT / "tests" / "interop" / "echo_contract.py"

_why_not = missing_prerequisite()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if _why_not is not None:
        for item in items:
            if "tests/interop" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=_why_not))


@dataclass(frozen=True)
class Echo:
    sdk: ModuleType  # the generated package (interop_echo_v1 for echo_contract.py)
    manifest: Path  # its canonical manifest, which the reference participants load


@contextlib.contextmanager
def generated_sdk(contract: Path, out: Path) -> Iterator[Echo]:
    """Generate a contract module's SDK and manifest into ``out`` and import the SDK.

    Other interop suites (jobs, resources, ...) use this for contracts of their own.
    """
    loaded = load_contract(contract)
    files = {**render_python(loaded, {}), **render_manifest(loaded, {})}
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    manifest = next(out / rel for rel in files if rel.startswith("manifests/"))
    package = next(Path(rel).parts[1] for rel in files if rel.startswith("python/"))
    sys.path.insert(0, str(out / "python"))
    try:
        importlib.invalidate_caches()
        yield Echo(importlib.import_module(package), manifest)
    finally:
        sys.path.remove(str(out / "python"))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]


@pytest.fixture(scope="session")
def echo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Echo]:
    with generated_sdk(CONTRACT, tmp_path_factory.mktemp("interop-sdk")) as sdk:
        yield sdk


@pytest.fixture(scope="session")
def peer_build() -> Path:
    return build_peer()


@dataclass
class Deployment:
    url: str
    auth: LocalAuth
    opened: list[Connection]

    async def connect(self, key: SessionKey | None = None) -> Connection:
        conn = await connect(url=self.url, session_key=key)
        self.opened.append(conn)
        return conn


@pytest.fixture
async def deployment(nats_server: str) -> AsyncIterator[Deployment]:
    platform = await connect(url=nats_server)
    await ensure_event_stream(platform)
    auth = await LocalAuth().serve(platform)
    deployment = Deployment(nats_server, auth, [platform])
    try:
        yield deployment
    finally:
        await auth.stop()
        for conn in deployment.opened:
            await conn.close()


@pytest.fixture
def peer(peer_build: Path, echo: Echo, nats_server: str) -> Peer:
    return Peer(peer_build, echo.manifest, nats_server)
