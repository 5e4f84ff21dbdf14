"""Streamed replies: one request, many frames back on a private inbox (watch, wait, feeds)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any

from .errors import NoResponders, RpcTimeout
from .transport import Message, Transport
from .wire import decode


async def stream_frames(
    transport: Transport, subject: str, body: bytes, *, timeout: float | None
) -> AsyncGenerator[dict[str, Any], None]:
    """Yield decoded frames until the consumer stops; ``timeout`` bounds the whole stream.

    The inbox subscription exists before the request is published, so no frame can be missed;
    it is removed when the consumer closes the generator.
    """
    frames: asyncio.Queue[Message] = asyncio.Queue()

    async def on_frame(message: Message) -> None:
        frames.put_nowait(message)

    inbox = transport.new_inbox()
    sub = await transport.subscribe(inbox, on_frame)
    try:
        await transport.publish(subject, body, reply=inbox)
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            remaining = None if deadline is None else max(0.0, deadline - loop.time())
            try:
                message = await asyncio.wait_for(frames.get(), remaining)
            except TimeoutError:
                raise RpcTimeout(f"stream from {subject} did not finish in {timeout}s") from None
            if message.no_responders:
                raise NoResponders(f"no responders on {subject}")
            frame = decode(message.data)
            if isinstance(frame, dict) and frame.get("kind") != "keepalive":
                yield frame
    finally:
        await sub.unsubscribe()
