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

from ..outputs import check_output_path
from .files import file_sha256, remove_empty_parents, stage
from .lock import CACHE_FILE, LOCK_FILE, Lock


@dataclass(frozen=True)
class Drift:
    """How the disk differs from what would be generated (paths relative to the output dir)."""

    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)


# What Python itself leaves in a package it imported: never a stray file.
_RUNTIME_LITTER = ("__pycache__",)


def package_roots(expected: Iterable[str]) -> list[str]:
    """Top-level generated packages: dirs of a generated `__init__.py` whose parent is not one."""
    dirs = {rel.rsplit("/", 1)[0] for rel in expected if rel.endswith("/__init__.py")}
    return sorted(d for d in dirs if not any(d.startswith(o + "/") for o in dirs))


def stray_files(out: Path, expected: Iterable[str]) -> list[str]:
    """Files inside a generated package that we do not generate (a package is ours as a whole:
    a stray module there would be imported as part of the SDK)."""
    wanted = set(expected)
    found: list[str] = []
    for package in package_roots(wanted):
        for path in sorted((out / package).rglob("*")):
            rel = path.relative_to(out).as_posix()
            if rel in wanted or not path.is_file() or path.suffix == ".pyc":
                continue
            if any(part in _RUNTIME_LITTER for part in path.relative_to(out).parts):
                continue
            found.append(rel)
    return found


def compare(out: Path, expected: Mapping[str, str], owned: Iterable[str]) -> Drift:
    """`expected` maps path → sha256 of the bytes we would write; `owned` are the paths the previous
    lock says we wrote. Extra are owned paths not expected any more and files inside a generated
    package that we do not generate."""
    stale: list[str] = []
    missing: list[str] = []
    for rel, digest in sorted(expected.items()):
        actual = file_sha256(out / rel)
        if actual is None:
            missing.append(rel)
        elif actual != digest:
            stale.append(rel)
    extra = {p for p in set(owned) - set(expected) if (out / p).is_file()}
    extra.update(stray_files(out, expected))
    return Drift(tuple(stale), tuple(missing), tuple(sorted(extra)))


def commit(out: Path, files: Mapping[str, bytes], lock: Lock, prune: Iterable[str]) -> list[str]:
    """Write changed `files`, then the lock and the cache, then delete `prune`; returns the paths
    written."""
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
    for path, data in ((out / LOCK_FILE, lock.to_bytes()), (out / CACHE_FILE, lock.cache_bytes())):
        if file_sha256(path) is None or path.read_bytes() != data:
            os.replace(stage(path, data), path)
    for rel in sorted(set(prune) - set(files)):
        check_output_path(rel)
        (out / rel).unlink(missing_ok=True)
        remove_empty_parents(out / rel, out)
    return [str(target.relative_to(out).as_posix()) for _, target in staged]
