"""The runtime is a distribution of its own: installed alone, it runs a generated SDK.

A deployed service needs ``trellis-runtime`` and pydantic, not the generator's toolchain
(datamodel-code-generator, libcst, typer, jinja2, ruff). This builds a fresh virtual
environment, installs ``runtime/`` into it and nothing else, and runs the committed billing SDK's
client and service in memory there.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

SCRIPT = """
import asyncio, importlib.util, sys
assert importlib.util.find_spec("trellis_generate") is None, "the generator leaked in"
for tool in ("datamodel_code_generator", "libcst", "typer", "jinja2"):
    assert importlib.util.find_spec(tool) is None, tool
from acme_billing_v1 import Client, InvoiceNotFound, Service, models
from trellis_runtime import InMemoryTransport, connect
from trellis_runtime.local import LocalAuth


async def main() -> None:
    memory = InMemoryTransport()
    await LocalAuth().serve(await connect(transport=memory.peer()))
    service = Service(await connect(transport=memory.peer()), name="billing")

    @service.handle.rpc.billing.invoice_get
    async def get(payload, ctx):
        raise InvoiceNotFound("none", data=models.InvoiceNotFoundData(invoiceId=payload.invoiceId))

    await service.start()
    client = Client(await connect(transport=memory.peer()))
    try:
        await client.rpc.billing.invoice_get(models.GetInvoiceInput(invoiceId="inv_000000000001"))
    except InvoiceNotFound as err:
        print("declared", err.type, err.data.invoiceId)
    await service.stop()


asyncio.run(main())
"""


@pytest.mark.e2e
def test_a_generated_sdk_runs_with_only_the_runtime_installed(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(PROJECT_ROOT / "runtime")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    run = subprocess.run(
        [str(python), "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(PROJECT_ROOT / "generated" / "python"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == "declared InvoiceNotFound inv_000000000001"
    assert sys.prefix != str(env_dir)
