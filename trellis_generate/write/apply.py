"""Compare rendered output with the disk (`--check`) and commit it (prepare).

A commit stages every changed file as a temp file first and renames them only once all are staged;
the lock is replaced after the files, and owned files no longer produced are deleted last. Files
whose bytes are unchanged are never touched, so a no-op run changes no mtime.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .files import check_output_path, file_sha256, remove_empty_parents, stage
from .lock import LOCK_FILE, Lock


@dataclass(frozen=True)
class Drift:
    """How the disk differs from what would be generated (paths relative to the output dir)."""

    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)


def compare(out: Path, expected: Mapping[str, str], owned: Iterable[str]) -> Drift:
    """`expected` maps path → sha256 of the bytes we would write; `owned` are the paths the previous
    lock says we wrote (those not expected any more and still present are extra)."""
    stale: list[str] = []
    missing: list[str] = []
    for rel, digest in sorted(expected.items()):
        actual = file_sha256(out / rel)
        if actual is None:
            missing.append(rel)
        elif actual != digest:
            stale.append(rel)
    extra = sorted(p for p in set(owned) - set(expected) if (out / p).is_file())
    return Drift(tuple(stale), tuple(missing), tuple(extra))


def commit(out: Path, files: Mapping[str, bytes], lock: Lock, prune: Iterable[str]) -> list[str]:
    """Write changed `files`, then the lock, then delete `prune`; returns the paths written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, data in sorted(files.items()):
            check_output_path(rel)
            target = out / rel
            with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
                if target.read_bytes() == data:
                    continue
            staged.append((stage(target, data), target))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    lock_path = out / LOCK_FILE
    lock_bytes = lock.to_bytes()
    if file_sha256(lock_path) is None or lock_path.read_bytes() != lock_bytes:
        os.replace(stage(lock_path, lock_bytes), lock_path)
    for rel in sorted(set(prune) - set(files)):
        check_output_path(rel)
        (out / rel).unlink(missing_ok=True)
        remove_empty_parents(out / rel, out)
    return [str(target.relative_to(out).as_posix()) for _, target in staged]
