"""Declared error types of the contract and of the surfaces it uses.

Replies with any other error `type` surface as `RemoteError`.
"""

from __future__ import annotations

from trellis_runtime import RemoteError

__all__ = [
    "RemoteError",
]
