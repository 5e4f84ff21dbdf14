"""The billing example, run through an SDK freshly generated from contracts/billing.py.

This is the end-to-end proof of issue 5: a generated service and a generated client talking over
the in-memory transport and over a real nats-server, and both type-checking under mypy --strict.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT_ROOT / "examples" / "billing"
RUN_TIMEOUT = 60


@pytest.fixture(scope="module")
def sdk_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the generated ``acme_billing_v1`` package."""
    out = tmp_path_factory.mktemp("sdk")
    done = subprocess.run(
        [sys.executable, "-m", "trellis_generate", "generate", "python"]
        + ["--source", str(PROJECT_ROOT / "contracts" / "billing.py"), "--out", str(out)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "acme_billing_v1" / "service.py").is_file()
    return out


def example_env(sdk: Path) -> dict[str, str]:
    paths = [str(sdk), str(EXAMPLE), str(PROJECT_ROOT)]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def run_example(script: str, sdk: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE / script), *args],
        env=example_env(sdk),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )


def assert_refund_story(output: str) -> None:
    assert "declared error InvoiceNotFound" in output
    assert "[awaiting-approval]" in output
    assert "progress" in output and "[notifying]" in output
    assert "completed: 450 refunded" in output


def test_example_runs_in_memory_through_the_generated_sdk(sdk_path: Path) -> None:
    done = run_example("demo_in_memory.py", sdk_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_refund_story(done.stdout)


@pytest.mark.e2e
def test_example_service_and_client_talk_over_nats(sdk_path: Path, nats_server: str) -> None:
    with running_service(sdk_path, nats_server) as service:
        client = run_example("billing_client.py", sdk_path, "--url", nats_server)
        assert client.returncode == 0, client.stdout + client.stderr
        assert_refund_story(client.stdout)
        service.terminate()
        out, err = service.communicate(timeout=RUN_TIMEOUT)
    assert service.returncode == 0, err
    assert "billing service stopped" in out


def test_example_type_checks_strictly_against_the_generated_sdk(
    sdk_path: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(sdk_path), str(EXAMPLE)])}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict"]
        + ["--cache-dir", str(tmp_path), *map(str, sorted(EXAMPLE.glob("*.py")))],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@contextmanager
def running_service(sdk: Path, url: str) -> Iterator[subprocess.Popen[str]]:
    """The example service as a subprocess, ready once it says it listens; SIGTERM after."""
    proc = subprocess.Popen(
        [sys.executable, str(EXAMPLE / "billing_service.py"), "--url", url, "--local-auth"],
        env=example_env(sdk),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], RUN_TIMEOUT)
        first = proc.stdout.readline() if ready else ""
        assert "listening" in first, f"service did not start: {first!r}"
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
