"""The only stage that touches the output dir: compare, commit, lock file and output-dir lock."""

from .apply import Drift, commit, compare, stray_files
from .files import FileDigests, file_sha256, output_lock, sha256
from .lock import Lock, LockEntry, read_lock

__all__ = [
    "Drift",
    "FileDigests",
    "Lock",
    "LockEntry",
    "commit",
    "compare",
    "file_sha256",
    "output_lock",
    "read_lock",
    "sha256",
    "stray_files",
]
