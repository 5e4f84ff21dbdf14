"""Load one side of a diff: a manifest file, a Python contract source, a directory of generated
manifests, the working tree (what `prepare` discovers) or a git revision of it.

A revision is read with `git ls-tree` / `git cat-file`, never checked out: the files discovery
needs (config, ignore files, contract sources and every Python module they may import) are
materialized into a temporary directory, discovered and loaded there, and their locations
reported as `REV:path`. Python modules imported while loading a side are dropped afterwards, so
the two sides never share a cached module of the same name.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import pathspec

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..discovery.config import PYPROJECT, load_config
from ..discovery.discover import discover
from ..load.python_source import project_root
from ..pipeline import load_contract, parse_source_arg


@dataclass
class Side:
    """`contracts` are compared; `deps` (owned elsewhere) only resolve `uses`."""

    label: str
    contracts: dict[str, LoadedContract] = field(default_factory=dict)
    deps: dict[str, LoadedContract] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, contract: LoadedContract, *, owned: bool = True) -> None:
        target = self.contracts if owned else self.deps
        if contract.id in target:
            self.diagnostics.append(
                Diagnostic(
                    "diff-duplicate-id",
                    f"contract id defined twice (also in {target[contract.id].origin.path})",
                    contract_id=contract.id,
                    file=contract.origin.path,
                )
            )
        target[contract.id] = contract


_GENERATOR = __name__.split(".")[0]


class GitError(Exception):
    """git refused: not a repository, unknown revision, ..."""


def _under(module: object, base: Path) -> bool:
    places = [getattr(module, "__file__", None), *getattr(module, "__path__", [])]
    return any(p and Path(p).resolve().is_relative_to(base) for p in places)


@contextmanager
def isolated_imports(root: Path) -> Iterator[None]:
    """Import a side's modules afresh and forget them afterwards.

    Modules already imported from elsewhere under a name the side also defines at top level
    (say both have a `contracts` package) are set aside while the side loads, then restored.
    The generator's own package is never swapped: contracts at any revision are loaded with the
    running generator, as `prepare` would load them.
    """
    base = root.resolve()
    tops = {p.stem for p in base.iterdir() if p.is_dir() or p.suffix == ".py"} - {_GENERATOR}
    shadowed = {
        name: module
        for name, module in sys.modules.items()
        if name.split(".")[0] in tops and not _under(module, base)
    }
    path_before = list(sys.path)
    modules_before = set(sys.modules) - set(shadowed)
    for name in shadowed:
        del sys.modules[name]
    try:
        yield
    finally:
        sys.path[:] = path_before
        for name in set(sys.modules) - modules_before:
            if _under(sys.modules[name], base) or name.split(".")[0] in tops:
                del sys.modules[name]
        sys.modules.update(shadowed)


def _load(side: Side, path: Path, name: str | None, *, owned: bool = True) -> None:
    try:
        side.add(load_contract(path, name=name), owned=owned)
    except ContractError as exc:
        side.diagnostics.extend(exc.diagnostics)


def load_path_side(arg: str) -> Side:
    """A manifest file, `FILE.py[:NAME]`, or a directory of manifests (`DIR/manifests` if any)."""
    side = Side(arg)
    path, name = parse_source_arg(arg)
    if path.is_dir():
        folder = path / "manifests" if (path / "manifests").is_dir() else path
        for file in sorted(folder.glob("*.json")):
            if not file.name.endswith(".scopes.json"):
                _load(side, file, None)
    elif path.suffix == ".py":
        with isolated_imports(project_root(path.resolve())):
            _load(side, path, name)
    else:
        _load(side, path, None)
    return side


def load_tree_side(root: Path, label: str) -> Side:
    """Every contract `prepare` would discover under `root`, plus the manifests it depends on."""
    side = Side(label)
    try:
        found = discover(root)
    except ContractError as exc:
        side.diagnostics.extend(exc.diagnostics)
        return side
    side.diagnostics.extend(found.diagnostics)
    with isolated_imports(root):
        for source in found.sources:
            _load(side, root / source.path, source.name, owned=source.role == "owned")
    return side


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=repo, input=stdin, capture_output=True, check=True
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise GitError(exc.stderr.decode(errors="replace").strip() or str(exc)) from exc
    return done.stdout


def _tree(repo: Path, commit: str) -> dict[str, str]:
    """Path → blob id of every file at `commit` (submodules and symlinks left out)."""
    out: dict[str, str] = {}
    for entry in _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit).decode().split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[0] != "120000":
            out[path] = parts[2]
    return out


def _blobs(repo: Path, ids: list[str]) -> list[bytes]:
    """The contents of blobs `ids`, read in one `git cat-file --batch` process."""
    if not ids:
        return []
    data = _git(repo, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode())
    out: list[bytes] = []
    pos = 0
    for _ in ids:
        header_end = data.index(b"\n", pos)
        size = int(data[pos:header_end].split()[2])
        out.append(data[header_end + 1 : header_end + 1 + size])
        pos = header_end + 1 + size + 1
    return out


def _wanted(rel: str, is_contract: Callable[[str], bool]) -> bool:
    """Config, ignore files, manifests discovery picks, and every module a source may import."""
    name = PurePosixPath(rel).name
    return (
        rel.endswith(".py")
        or name in (PYPROJECT, ".gitignore")
        or (rel.endswith(".json") and is_contract(rel))
    )


def _materialize(
    repo: Path, tree: dict[str, str], paths: list[str], base: Path, prefix: str
) -> None:
    for rel, blob in zip(paths, _blobs(repo, [tree[p] for p in paths]), strict=True):
        target = base / rel[len(prefix) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)


def load_git_side(rev: str, root: Path) -> Side:
    """What `prepare` would discover under `root` at revision `rev` of its repository."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    try:
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError as exc:
        raise GitError(f"unknown revision '{rev}'") from exc
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    tree = {p: b for p, b in _tree(top, commit).items() if p.startswith(prefix)}
    with tempfile.TemporaryDirectory(prefix="trellis-diff-") as tmp:
        base = Path(tmp)
        config_files = [p for p in tree if p == prefix + PYPROJECT]
        _materialize(top, tree, config_files, base, prefix)
        config = load_config(base)
        spec = pathspec.PathSpec.from_lines("gitignore", [*config.contracts, *config.manifests])
        wanted = sorted(
            p for p in tree if p not in config_files and _wanted(p[len(prefix) :], spec.match_file)
        )
        _materialize(top, tree, wanted, base, prefix)
        side = load_tree_side(base, rev)
        return _relabel(side, base, f"{rev}:{prefix}")


def _relabel(side: Side, base: Path, label: str) -> Side:
    """Report temp-dir paths as `REV:path`."""

    def where(path: str | None) -> str | None:
        if path is None:
            return None
        p = Path(path)
        if not p.is_absolute():
            return f"{label}{p.as_posix()}"
        resolved = p.resolve()
        if resolved.is_relative_to(base.resolve()):
            return f"{label}{resolved.relative_to(base.resolve()).as_posix()}"
        return path

    def move(c: LoadedContract) -> LoadedContract:
        return replace(c, origin=replace(c.origin, path=where(c.origin.path) or c.origin.path))

    return Side(
        side.label,
        {k: move(c) for k, c in side.contracts.items()},
        {k: move(c) for k, c in side.deps.items()},
        [replace(d, file=where(d.file)) for d in side.diagnostics],
    )
