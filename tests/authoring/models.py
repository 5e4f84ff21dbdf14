"""Small models and helpers shared by the authoring tests."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field


def next_line() -> int:
    """The line after the caller's: where the declaration under test starts."""
    return sys._getframe(1).f_lineno + 1


class Empty(BaseModel):
    pass


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


class Item(BaseModel):
    id: str
    color: Color = Color.RED
    size: Annotated[int, Field(ge=1, le=10)]
    note: str | None = None


class Upload(BaseModel):
    key: str
    content_type: str
    tags: list[str] = []


class Partner(BaseModel):
    region: Literal["eu", "us"]
    id: Annotated[str, Field(min_length=1)]
    meta: dict[str, str] = {}
