"""The one value every later stage consumes: a validated, normalized contract with its digest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .model import ContractModel, build_model

SourceKind = Literal["python", "json"]


@dataclass(frozen=True)
class Origin:
    """Where a contract came from, so diagnostics and watch decisions can point at it."""

    path: str
    kind: SourceKind
    name: str | None = None  # attribute name inside a Python module
    # JSON pointer -> line of the declaration that produced it (Python sources, JSON files).
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_for(self, pointer: str) -> int | None:
        """Line of the closest declared ancestor of `pointer`."""
        p = pointer
        while True:
            if p in self.lines:
                return self.lines[p]
            if not p:
                return None
            p = p.rsplit("/", 1)[0]


@dataclass(frozen=True)
class LoadedContract:
    """A valid contract.

    `manifest` is the normalized manifest (spec §4, TS semantics) except that `rpc.*.internal` is
    kept: the runtime digest ignores it (spec §9 row 1) but SDK renderers need it.
    `canonical` is the RFC 8785 text of `manifest`; `digest` is the runtime (TS) digest.
    `model` is the same manifest as typed values, built here once: what views, permissions, diff
    and the `uses` checks read. The dict stays the source of the canonical text and the digest.
    """

    manifest: Mapping[str, Any]
    canonical: str
    digest: str
    origin: Origin
    model: ContractModel = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "model", build_model(self.manifest))

    @property
    def id(self) -> str:
        return str(self.manifest["id"])

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])
