"""Stopping ends a background loop even when the await it was cancelled in swallowed the cancel.

On Python 3.11 ``asyncio.wait_for`` returns the result that lands in the same turn as a
cancellation and drops the cancellation; nats-py's requests and our JetStream pulls wait that
way. A loop that only ends by being cancelled then runs on, and the ``stop()`` awaiting it hangs.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from trellis_runtime.jobs_dead import DeadLetters
from trellis_runtime.jobstream import WorkMessage


class SwallowingPuller:
    """A pull that once, like ``wait_for`` meeting a message and a cancel at once, returns
    instead of raising; later cancellations go through (so a failing test still ends)."""

    def __init__(self) -> None:
        self.swallowed = False
        self.closed = False

    async def next(self, wait: float) -> WorkMessage | None:
        try:
            await asyncio.sleep(wait)
        except asyncio.CancelledError:
            if self.swallowed:
                raise
            self.swallowed = True  # the caller sees an ordinary empty pull
        return None

    async def close(self) -> None:
        self.closed = True


async def test_dead_letters_stop_even_when_the_pull_swallows_the_cancellation() -> None:
    dead = DeadLetters(cast(Any, None), poll=0.05)
    puller = SwallowingPuller()
    loop_task = asyncio.get_running_loop().create_task(dead._run(puller))
    dead._task = loop_task
    await asyncio.sleep(0.01)  # the loop is inside its first pull
    stopping = asyncio.get_running_loop().create_task(dead.stop())
    done, _ = await asyncio.wait({stopping}, timeout=1.0)
    loop_task.cancel()  # a loop that survived stop() ends here, failing the test below
    await asyncio.wait({stopping, loop_task})
    assert puller.swallowed
    assert done == {stopping}, "stop() still waited for the loop after its cancel was lost"
    assert puller.closed
