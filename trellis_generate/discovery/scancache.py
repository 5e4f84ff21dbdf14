"""Static scans keyed by the sha256 of the module text, persisted between runs.

libcst costs ~0.3 s to import and a few ms per module; an unchanged repository should pay neither,
so libcst is imported only on a cache miss.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .records import ImportRef, ModuleScan, StaticContract


def _encode(scan: ModuleScan) -> dict[str, Any]:
    return {
        "contracts": [[c.name, c.kind, c.id, c.line] for c in scan.contracts],
        "imports": [[i.module, list(i.names), i.level] for i in scan.imports],
    }


def _decode(data: dict[str, Any]) -> ModuleScan:
    return ModuleScan(
        tuple(StaticContract(n, k, i, ln) for n, k, i, ln in data["contracts"]),
        tuple(ImportRef(m, tuple(ns), lv) for m, ns, lv in data["imports"]),
    )


class ScanCache:
    """`scan(text)` memoised by content; `save()` writes it back only if something was added."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, dict[str, Any]] = {}
        self._used: set[str] = set()
        self._dirty = False
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                self._entries = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._entries = {}

    def scan(self, text: str) -> ModuleScan:
        """Raises `records.ScanError` for a module that does not parse (never cached)."""
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._used.add(key)
        if key in self._entries:
            return _decode(self._entries[key])
        from .scan import scan_module  # libcst: only on a miss

        result = scan_module(text)
        self._entries[key] = _encode(result)
        self._dirty = True
        return result

    def save(self) -> None:
        """Persist the entries used since loading (so the file never outgrows the repository)."""
        if self.path is None or not (self._dirty or set(self._entries) - self._used):
            return
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._entries, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
        self._dirty = False
