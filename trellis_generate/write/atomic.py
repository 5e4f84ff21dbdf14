"""Atomic writes for single-file commands: readers see the old bytes or the new, never a mix."""

from __future__ import annotations

import os
from pathlib import Path

from .files import stage


def write_text_if_changed(path: Path, text: str) -> bool:
    """Write `text` (UTF-8) unless the file already holds exactly these bytes; True if written."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True
