"""Rendered models kept in the user's cache directory, shared by every run and repository.

datamodel-code-generator is most of a cold run, and the models of a set of schemas depend on
nothing else than those schemas and the generator itself, so one rendering serves every
repository, branch and checkout that declares the same schemas (a fresh clone in CI, a second
worktree, the versions of a contract that kept their payloads).

Entries are content-addressed: the directory is the generator fingerprint (our code, templates,
the output libraries' versions) plus the Python version (the classes it names around builtins),
the file name is `render.models.sources_key`. Writers never collide on a half-written file: each
writes a temporary file and renames it into place, and equal keys mean equal texts, so the last
rename wins harmlessly. A reader checks the text's own checksum, so a damaged entry is a miss,
never wrong output. Every failure to read or write is a miss too: the cache only ever saves time.
Entries not used for `MAX_AGE_DAYS` are removed, at most once a day.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

# Set to a directory to move the cache (CI caches, tests); set to an empty string to turn it off.
CACHE_ENV = "TRELLIS_GENERATE_CACHE_DIR"
MAX_AGE_DAYS = 30
_SWEEP_EVERY = 24 * 3600.0
_SWEPT = ".swept"


def default_cache_dir() -> Path | None:
    """`$TRELLIS_GENERATE_CACHE_DIR`, else the platform's user cache dir; None when turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_path

    return user_cache_path("trellis-generate", appauthor=False)


class ModelCache:
    """A `render.models.ModelStore` on disk (see the module docstring)."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root / "models"
        tag = sys.implementation.cache_tag or "py"
        self.dir = self.root / f"{fingerprint[:32]}-{tag}"

    def is_empty(self) -> bool:
        """No entry of this generator yet (its first run on this machine, or CI without a cache):
        the models of this run will probably all be rendered."""
        try:
            return not any(self.dir.iterdir())
        except OSError:
            return True

    def _path(self, key: str) -> Path:
        return self.dir / f"{key}.py"

    def get(self, key: str) -> str | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest, _, body = data.partition(b"\n")
        if digest.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
            return None
        try:
            os.utime(path)  # recently used: kept by the sweep
        except OSError:
            pass
        return body.decode("utf-8")

    def put(self, key: str, text: str) -> None:
        try:
            body = text.encode("utf-8")
        except UnicodeError:
            return
        data = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".py")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self._path(key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._sweep()

    def _sweep(self) -> None:
        """Remove entries (and generator dirs) unused for `MAX_AGE_DAYS`, at most once a day."""
        marker = self.root / _SWEPT
        now = time.time()
        try:
            if now - marker.stat().st_mtime < _SWEEP_EVERY:
                return
        except OSError:
            pass
        try:
            marker.touch()
            cutoff = now - MAX_AGE_DAYS * 24 * 3600
            for generator in self.root.iterdir():
                if not generator.is_dir():
                    continue
                for entry in generator.iterdir():
                    if entry.stat().st_mtime < cutoff:
                        entry.unlink(missing_ok=True)
                if generator != self.dir and not any(generator.iterdir()):
                    generator.rmdir()
        except OSError:
            return  # another process sweeping at the same time, or a read-only cache


def model_cache(fingerprint: str | None = None) -> ModelCache | None:
    """The shared cache of this generator (``fingerprint`` defaults to ours), None when off."""
    root = default_cache_dir()
    if root is None:
        return None
    if fingerprint is None:
        from .fingerprint import generator_fingerprint

        fingerprint = generator_fingerprint()
    return ModelCache(root, fingerprint)
