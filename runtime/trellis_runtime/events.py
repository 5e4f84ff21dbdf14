"""The header every Trellis event carries: its id (also its ``Nats-Msg-Id``) and time.

Generated event models type their ``header`` field with ``EventHeader`` and default it to a
fresh one, so an event built for publishing has its identity from the start and subscribers
read the publisher's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from .encoding import iso_format, ulid


def _now_ms() -> datetime:
    """Now, at the millisecond precision the wire carries (so a header survives a round trip)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class EventHeader(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, defer_build=True)

    id: str = Field(default_factory=ulid)
    time: datetime = Field(default_factory=lambda: _now_ms())

    @classmethod
    def new(cls) -> EventHeader:
        return cls()

    @field_serializer("time")
    def _js_time(self, value: datetime) -> str:
        return iso_format(value)
