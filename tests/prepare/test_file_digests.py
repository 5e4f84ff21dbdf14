"""`FileDigests`: a generated file is hashed again only when its stat changed, so `--watch` does
not re-read every output on every edit, yet still sees a hand edit or a deletion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from trellis_generate.write import FileDigests, files, sha256


def test_an_unchanged_file_is_not_read_again_and_an_edit_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "models.py"
    path.write_text("x = 1\n")
    reads: list[Path] = []
    real = files.file_sha256
    monkeypatch.setattr(files, "file_sha256", lambda p: reads.append(p) or real(p))
    digests = FileDigests()
    assert digests.sha256(path) == digests.sha256(path) == sha256(b"x = 1\n")
    assert reads == [path]

    stat = path.stat()
    path.write_text("x = 2\n")  # a hand edit of the same size, a later mtime
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert digests.sha256(path) == sha256(b"x = 2\n")
    path.unlink()
    assert digests.sha256(path) is None
