"""Service and client in one process over the in-memory transport: no server needed.

python examples/billing/demo_in_memory.py
"""

from __future__ import annotations

import asyncio

from billing_client import run_client
from billing_service import build_service

from trellis_runtime import InMemoryTransport, connect
from trellis_runtime.local import LocalAuth


async def main() -> None:
    network = InMemoryTransport()
    # no deployment here: the stand-in answers the services' Auth.Requests.Validate, allowing all
    await LocalAuth().serve(await connect(transport=network.peer()))
    service = build_service(await connect(transport=network))
    await service.start()
    try:
        await run_client(await connect(transport=network.peer()))
    finally:
        await service.stop()


if __name__ == "__main__":
    asyncio.run(main())
