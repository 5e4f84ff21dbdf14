"""`<out>/.trellis/lock.json`: what we generated, from which inputs, and the files we own.

Canonical JSON (RFC 8785) so it is byte-stable and diff-friendly. Only files listed here are ever
removed by a prune, so hand-written files in the output dir are safe.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rfc8785

LOCK_DIR = ".trellis"
LOCK_FILE = f"{LOCK_DIR}/lock.json"
LOCK_FORMAT = 1


@dataclass(frozen=True)
class LockEntry:
    """One generated contract. `input` keys the raw source bytes (module + local imports, or the
    manifest file); `key` keys the canonical manifest texts the output was rendered from."""

    source: str
    digest: str
    input: str
    key: str
    uses: Mapping[str, str | None]  # used id -> input key of its source at render time
    files: Mapping[str, str]  # output path -> sha256 hex


@dataclass(frozen=True)
class Lock:
    fingerprint: str = ""
    targets: tuple[str, ...] = ()
    contracts: Mapping[str, LockEntry] = field(default_factory=dict)

    def owned_files(self) -> dict[str, str]:
        return {p: h for e in self.contracts.values() for p, h in e.files.items()}

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": LOCK_FORMAT,
            "fingerprint": self.fingerprint,
            "targets": list(self.targets),
            "contracts": {
                ident: {
                    "source": e.source,
                    "digest": e.digest,
                    "input": e.input,
                    "key": e.key,
                    "uses": dict(e.uses),
                    "files": dict(e.files),
                }
                for ident, e in self.contracts.items()
            },
        }
        return rfc8785.dumps(doc) + b"\n"


def read_lock(out: Path) -> Lock:
    """The lock of a previous run; an absent, unreadable or foreign-format lock is an empty one."""
    try:
        doc = json.loads((out / LOCK_FILE).read_bytes())
        if doc.get("format") != LOCK_FORMAT:
            return Lock()
        return Lock(
            fingerprint=str(doc["fingerprint"]),
            targets=tuple(doc["targets"]),
            contracts={
                ident: LockEntry(
                    e["source"],
                    e["digest"],
                    e["input"],
                    e["key"],
                    dict(e["uses"]),
                    dict(e["files"]),
                )
                for ident, e in doc["contracts"].items()
            },
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Lock()
