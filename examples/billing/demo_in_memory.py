"""Service and client in one process over the in-memory transport: no server needed.

python examples/billing/demo_in_memory.py
"""

from __future__ import annotations

import asyncio

from billing_client import run_client
from billing_service import build_service

from trellis_generate.runtime import InMemoryTransport, connect


async def main() -> None:
    network = InMemoryTransport()
    service = build_service(await connect(transport=network))
    await service.start()
    try:
        await run_client(await connect(transport=network.peer()))
    finally:
        await service.stop()


if __name__ == "__main__":
    asyncio.run(main())
