"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from trellis_runtime import (
    EventDescriptor,
)

from . import models
from .contract import CONTRACT_ID

__all__ = ["CONTRACT_ID", "EVENT_HEALTH_HEARTBEAT"]

EVENT_HEALTH_HEARTBEAT: EventDescriptor[models.HealthHeartbeat] = EventDescriptor(
    key="Health.Heartbeat",
    subject="events.v1.Health.Heartbeat",
    params=(),
    event=models.HealthHeartbeat,
    publish_capabilities=(),
    subscribe_capabilities=(),
)
