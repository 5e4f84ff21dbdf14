"""Connections over the transport under test, all able to reach each other."""

from __future__ import annotations

from trellis_generate.runtime import Connection, InMemoryTransport, connect


class Network:
    """Opens connections that can all reach each other, over the transport under test."""

    def __init__(self, url: str | None) -> None:
        self._url = url
        self._memory = InMemoryTransport() if url is None else None
        self.opened: list[Connection] = []

    async def connect(self) -> Connection:
        if self._memory is not None:
            conn = await connect(transport=self._memory.peer())
        else:
            conn = await connect(url=self._url)
        self.opened.append(conn)
        return conn

    async def close_all(self) -> None:
        for conn in self.opened:
            await conn.close()
