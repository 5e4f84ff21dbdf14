"""Which paths discovery and the watcher never look at.

Always skipped: `.git/`, virtualenvs (a `pyvenv.cfg`, or a dir named `.venv`/`venv`),
`__pycache__`, `node_modules` and the output dir. Everything `.gitignore`d is skipped too, reading
every `.gitignore` from the root down plus `.git/info/exclude` (the reference reads only the root
file). Matching is pathspec's git wildmatch, with git's rule that a deeper file wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pathspec

ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules"})


@cache
def _spec_for(path: Path, mtime_ns: int) -> pathspec.GitIgnoreSpec | None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def _load_spec(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        return _spec_for(path, path.stat().st_mtime_ns)
    except OSError:
        return None


@dataclass
class IgnoreRules:
    """Decides `ignored(rel_path, is_dir)` for paths relative to `root` (posix separators)."""

    root: Path
    out: str  # the output dir, relative to root
    _specs: dict[str, pathspec.GitIgnoreSpec | None] = field(default_factory=dict)

    def _spec(self, rel_dir: str) -> pathspec.GitIgnoreSpec | None:
        if rel_dir not in self._specs:
            self._specs[rel_dir] = _load_spec(self.root / rel_dir / ".gitignore")
        return self._specs[rel_dir]

    def is_venv(self, rel_dir: str) -> bool:
        return (self.root / rel_dir / "pyvenv.cfg").is_file()

    def ignored(self, rel: str, *, is_dir: bool) -> bool:
        """Whether `rel` or any of its ancestor dirs is skipped (for paths from the watcher)."""
        parts = rel.split("/")
        ancestors = ("/".join(parts[:i]) for i in range(1, len(parts)))
        return any(self.leaf_ignored(a, is_dir=True) for a in ancestors) or self.leaf_ignored(
            rel, is_dir=is_dir
        )

    def leaf_ignored(self, rel: str, *, is_dir: bool) -> bool:
        """Whether `rel` itself is skipped, its ancestors being known not to be (for walks)."""
        name = rel.rsplit("/", 1)[-1]
        if name in ALWAYS_SKIPPED:
            return True
        out = self.out.strip("/")
        if out and rel == out:
            return True
        if is_dir and self.is_venv(rel):
            return True
        return self._gitignored(rel, is_dir=is_dir)

    def _gitignored(self, rel: str, *, is_dir: bool) -> bool:
        parts = rel.split("/")
        candidates: list[tuple[str, pathspec.GitIgnoreSpec | None]] = [
            ("", _load_spec(self.root / ".git" / "info" / "exclude"))
        ]
        candidates += [
            ("/".join(parts[:i]), self._spec("/".join(parts[:i]))) for i in range(len(parts))
        ]
        verdict = False
        for base, spec in candidates:  # shallow to deep: the deepest definite match wins
            if spec is None:
                continue
            sub = rel[len(base) + 1 :] if base else rel
            result = spec.check_file(sub + "/" if is_dir else sub)
            if result.include is not None:
                verdict = result.include
        return verdict
