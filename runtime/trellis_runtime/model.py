"""Base classes of the pydantic models a generated SDK declares in its ``models.py``.

An SDK declares one class per schema, a few hundred for a platform contract, and pydantic builds
a class's validator and serializer when the class is created, unless its config defers that to
the class's first use (``model_validate``, ``model_dump``, ``model_json_schema``, a
``TypeAdapter`` over it, ...). A program uses few of the classes it imports, so generated models
defer: what they validate and how they serialize is unchanged, and only the classes a program
uses pay for their schema, on first use instead of at import. A subclass inherits the setting.
"""

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, RootModel

RootT = TypeVar("RootT")


class TrellisModel(BaseModel):
    """A generated object model: a pydantic ``BaseModel`` whose schema is built on first use."""

    model_config = ConfigDict(defer_build=True)


class TrellisRootModel(RootModel[RootT], Generic[RootT]):
    """A generated root model (a string, a union, ...): a pydantic ``RootModel`` whose schema is
    built on first use, its parametrizations (``TrellisRootModel[str]``) included."""

    model_config = ConfigDict(defer_build=True)
