"""File primitives of the writer: hashing, safe output paths, atomic replace, output-dir lock."""

from __future__ import annotations

import fcntl
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..outputs import LOCK_DIR


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


class FileDigests:
    """`file_sha256` remembered by the file's identity and stat (inode, size, mtime in ns).

    `--watch` checks every generated file against the lock on every edit; hashing the output of
    fifty contracts again each time is most of an edit's bookkeeping. A file whose stat did not
    change keeps its digest: our writes replace the file (a new inode), and a hand edit changes
    the mtime (on a file system with coarse timestamps, an edit of the same size within one tick
    is seen at the next change of the file).
    """

    def __init__(self) -> None:
        self._known: dict[Path, tuple[tuple[int, int, int], str | None]] = {}

    def sha256(self, path: Path) -> str | None:
        try:
            st = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            self._known.pop(path, None)
            return None
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        known = self._known.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        digest = file_sha256(path)
        self._known[path] = (stamp, digest)
        return digest


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files 0600; generated files get the mode any other new file would get.
FILE_MODE = 0o666 & ~_umask()


def stage(target: Path, data: bytes) -> Path:
    """Write `data` to a temp file beside `target` (same file system, so the rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def remove_empty_parents(path: Path, stop: Path) -> None:
    parent = path.parent
    while parent != stop and stop in parent.parents:
        try:
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Exclusive lock on the output dir: concurrent prepares serialise instead of interleaving."""
    (out / LOCK_DIR).mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_DIR / "prepare.lock", "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another prepare to release {out}", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
