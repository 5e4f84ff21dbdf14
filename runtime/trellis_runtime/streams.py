"""Replies that come as a stream: one signed request, many frames back on a private inbox.

Operation watch/wait and feeds use it. The inbox subscription exists before the request is
published, so no frame can be missed, and it is removed when the consumer stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Mapping

from .errors import NoResponders, RpcTimeout
from .transport import Message, Transport


async def stream_replies(
    transport: Transport,
    subject: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    first_timeout: float | None,
    timeout: float | None = None,
) -> AsyncGenerator[Message, None]:
    """Yield reply messages until the consumer stops.

    ``first_timeout`` bounds the wait for the first frame (the service's acknowledgement),
    ``timeout`` the whole stream; either raises ``RpcTimeout``.
    """
    frames: asyncio.Queue[Message] = asyncio.Queue()

    async def on_frame(message: Message) -> None:
        frames.put_nowait(message)

    inbox = transport.new_inbox()
    sub = await transport.subscribe(inbox, on_frame)
    try:
        await transport.publish(subject, body, reply=inbox, headers=headers)
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        first = True
        while True:
            remaining = None if deadline is None else max(0.0, deadline - loop.time())
            if first and first_timeout is not None:
                remaining = first_timeout if remaining is None else min(remaining, first_timeout)
            try:
                message = await asyncio.wait_for(frames.get(), remaining)
            except TimeoutError:
                raise RpcTimeout(subject, remaining or 0.0) from None
            if message.no_responders:
                raise NoResponders(subject)
            first = False
            yield message
    finally:
        await sub.unsubscribe()
