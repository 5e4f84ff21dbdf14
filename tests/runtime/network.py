"""Connections over the transport under test, all able to reach each other.

Every network starts with what a deployment would provide: the ``trellis`` event stream and an
answer to ``Auth.Requests.Validate`` (the local stand-in, allowing everyone unless a test gives
it another rule).
"""

from __future__ import annotations

from trellis_runtime import Connection, InMemoryTransport, SessionKey, connect
from trellis_runtime.local import LocalAuth, Rule, allow_all, ensure_event_stream


class Network:
    """Opens connections that can all reach each other, over the transport under test."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._memory = InMemoryTransport() if url is None else None
        self.opened: list[Connection] = []
        self.auth = LocalAuth(allow_all)

    async def start(self) -> Network:
        platform = await self.connect()
        await ensure_event_stream(platform)
        await self.auth.serve(platform)
        return self

    def rule(self, rule: Rule) -> None:
        """Change who the stand-in says callers are (and what they may do)."""
        self.auth.rule = rule

    async def connect(self, key: SessionKey | None = None) -> Connection:
        if self._memory is not None:
            conn = await connect(transport=self._memory.peer(), session_key=key)
        else:
            conn = await connect(url=self.url, session_key=key)
        self.opened.append(conn)
        return conn

    async def close_all(self) -> None:
        await self.auth.stop()
        for conn in self.opened:
            await conn.close()
