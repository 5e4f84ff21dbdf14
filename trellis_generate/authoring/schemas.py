"""Schemas of a contract: Pydantic models become self-contained JSON Schemas, and every schema
gets one manifest name.

The spec forbids `$ref` in embedded schemas (§2.3), so a model's `$defs` are inlined where they
are referenced; a recursive model cannot be inlined and is rejected, naming the model.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .descriptors import SchemaLike, SchemaSource

_DEFS_PREFIX = "#/$defs/"


class SchemaInlineError(ValueError):
    """A model whose JSON Schema cannot be made self-contained."""


def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Draft 2019-09 schema of `model` with every `$ref` inlined and `$defs`/`$schema` dropped."""
    raw = model.model_json_schema()
    defs = raw.pop("$defs", {})
    raw.pop("$schema", None)
    inlined: dict[str, Any] = _inline(raw, defs, model.__name__, ())
    return inlined


def _inline(node: Any, defs: Mapping[str, Any], model: str, stack: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs, model, stack) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {k: _inline(v, defs, model, stack) for k, v in node.items()}
    ref = node["$ref"]
    name = (
        ref[len(_DEFS_PREFIX) :] if isinstance(ref, str) and ref.startswith(_DEFS_PREFIX) else None
    )
    if name is None or name not in defs:
        raise SchemaInlineError(f"model '{model}' has a $ref that cannot be inlined: {ref!r}")
    if name in stack:
        cycle = " -> ".join((*stack[stack.index(name) :], name))
        raise SchemaInlineError(
            f"model '{model}' is recursive ({cycle}): Trellis schemas must be self-contained "
            "without $ref, so recursive models are not supported"
        )
    target = _inline(defs[name], defs, model, (*stack, name))
    # Keywords written next to the $ref (default, description, ...) refine the inlined schema.
    siblings = {k: _inline(v, defs, model, stack) for k, v in node.items() if k != "$ref"}
    return {**target, **siblings} if isinstance(target, dict) else target


def _describe(source: object) -> str:
    if isinstance(source, type):
        return f"model {source.__module__}.{source.__qualname__}"
    return "a JSON Schema"


@dataclass
class SchemaTable:
    """Names every schema of one contract; the manifest's `schemas` map is `self.schemas`.

    Explicit `schemas=` entries are named by their key; a model referenced directly is named by
    its class name. Two different schemas under one name is a conflict; the same schema reached
    twice (equal JSON) is not.
    """

    schemas: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (schema name, message)
    _sources: dict[str, object] = field(default_factory=dict)
    _by_identity: dict[int, str] = field(default_factory=dict)

    def register(self, name: str, source: SchemaSource) -> None:
        """Add an explicit `schemas=` entry."""
        self._by_identity[id(source)] = name
        self._add(name, source)

    def ref(self, value: SchemaLike) -> str:
        """The manifest name for a schema reference; raises TypeError for non-schema values."""
        if isinstance(value, str):
            return value
        named = self._by_identity.get(id(value))
        if named is not None:
            return named
        if isinstance(value, type) and issubclass(value, BaseModel):
            self._by_identity[id(value)] = value.__name__
            self._add(value.__name__, value)
            return value.__name__
        if isinstance(value, Mapping):
            raise TypeError(
                "a JSON Schema dict must be registered in schemas= and referenced by name"
            )
        raise TypeError(
            f"expected a Pydantic model class or a schema name, got {type(value).__name__}"
        )

    def lookup(self, name: str) -> Any:
        """The JSON Schema registered under `name`, or None."""
        return self.schemas.get(name)

    def _add(self, name: str, source: object) -> None:
        value = self._to_json(name, source)
        if value is None:
            return
        if name in self.schemas:
            if self.schemas[name] != value:
                self.problems.append(
                    (
                        name,
                        f"schema name '{name}' is used for two different schemas "
                        f"({_describe(self._sources[name])} and {_describe(source)})",
                    )
                )
            return
        self.schemas[name] = value
        self._sources[name] = source

    def _to_json(self, name: str, source: object) -> Any:
        if isinstance(source, type) and issubclass(source, BaseModel):
            try:
                return model_schema(source)
            except SchemaInlineError as exc:
                self.problems.append((name, str(exc)))
                return None
        if isinstance(source, bool):
            return source
        if isinstance(source, Mapping):
            return copy.deepcopy(dict(source))
        raise TypeError(
            f"schemas['{name}'] must be a Pydantic model class or a JSON Schema, "
            f"got {type(source).__name__}"
        )
