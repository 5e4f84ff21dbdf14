"""`fresh_sources`: watched directories import their current text, libraries keep their bytecode."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import py_compile
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from trellis_generate.prepare.freshness import fresh_sources, installed_dirs, purge_modules


@pytest.fixture
def on_path(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """Two import roots: `watched/` (a repository) and `library/` (site-packages stand-in)."""
    watched, library = tmp_path / "watched", tmp_path / "library"
    watched.mkdir()
    library.mkdir()
    sys.path[:0] = [str(watched), str(library)]
    yield watched, library
    sys.path[:] = [p for p in sys.path if p not in (str(watched), str(library))]
    for name in ("helper", "libmod"):
        sys.modules.pop(name, None)
    importlib.invalidate_caches()


def stale_bytecode(path: Path, compiled: str, current: str) -> None:
    """`path` holds `current`, its `.pyc` was compiled from `compiled`, and a `.pyc` check (mtime
    in whole seconds, size) cannot tell: an edit within the same second, of the same length."""
    assert len(compiled.encode()) == len(current.encode())
    path.write_text(compiled, encoding="utf-8")
    py_compile.compile(str(path), doraise=True)
    stat = path.stat()
    path.write_text(current, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_watched_module_imports_its_current_text_even_when_its_pyc_looks_fresh(
    on_path: tuple[Path, Path],
) -> None:
    watched, _ = on_path
    helper = watched / "helper.py"
    stale_bytecode(helper, "VALUE = 'aaaa'\n", "VALUE = 'bbbb'\n")
    assert importlib.import_module("helper").VALUE == "aaaa"  # what a plain import gets
    purge_modules([helper], [watched])
    with fresh_sources([watched]):
        assert importlib.import_module("helper").VALUE == "bbbb"


def test_libraries_outside_the_watched_roots_keep_their_bytecode_cache(
    on_path: tuple[Path, Path],
) -> None:
    watched, library = on_path
    stale_bytecode(library / "libmod.py", "X = 1\n", "X = 2\n")
    with fresh_sources([watched]):
        module = importlib.import_module("libmod")
    assert module.X == 1  # read from the .pyc: not compiled again
    assert type(module.__spec__.loader) is importlib.machinery.SourceFileLoader


def test_leaving_restores_the_import_system(on_path: tuple[Path, Path]) -> None:
    watched, _ = on_path
    hooks = list(sys.path_hooks)
    (watched / "helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    with fresh_sources([watched]):
        assert len(sys.path_hooks) == len(hooks) + 1
        importlib.import_module("helper")
    assert sys.path_hooks == hooks
    assert str(watched) not in sys.path_importer_cache
    sys.modules.pop("helper")
    loader = importlib.import_module("helper").__spec__.loader
    assert type(loader) is importlib.machinery.SourceFileLoader


def test_a_virtual_environment_inside_the_repository_keeps_its_bytecode(
    on_path: tuple[Path, Path],
) -> None:
    """`.venv/` inside the watched repository holds libraries, not sources being edited."""
    watched, library = on_path
    stale_bytecode(library / "libmod.py", "X = 1\n", "X = 2\n")
    with fresh_sources([watched.parent], libraries=[library]):  # library/ is inside the root
        assert importlib.import_module("libmod").X == 1


def test_the_interpreters_own_libraries_are_never_watched() -> None:
    import sysconfig

    purelib = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert any(purelib.is_relative_to(lib) for lib in installed_dirs())
