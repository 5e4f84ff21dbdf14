"""`prepare` under faults: SIGKILL mid-run, two runs at once, an output dir it cannot write.

Each run is a real subprocess on a small synthetic repository (3 contracts, all targets), so what
is pinned is what a user sees: the files on disk and the exit code.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .workspace import (
    edit_descriptions,
    make_workspace,
    output_tree,
    prepare_cmd,
    run_prepare,
    unparseable,
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A repository with generated output, and the output a clean run gives after an edit."""
    ws = make_workspace(tmp_path_factory.mktemp("repo"))
    assert run_prepare(ws).returncode == 0
    reference = tmp_path_factory.mktemp("reference") / "repo"
    shutil.copytree(ws, reference)
    shutil.rmtree(reference / "generated")
    edit_descriptions(reference, "edited")
    done = run_prepare(reference)
    assert done.returncode == 0, done.stderr
    return ws, output_tree(reference)


def fresh_copy(prepared: tuple[Path, dict[str, bytes]], dest: Path) -> Path:
    ws = dest / "repo"
    shutil.copytree(prepared[0], ws)
    return ws


def stray_temp_files(ws: Path) -> list[str]:
    return [p.name for p in (ws / "generated").rglob("*.tmp")]


def live_members(group: int) -> list[int]:
    """Processes of a process group that are still running (not zombies)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        state, _ppid, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            found.append(int(entry.name))
    return found


def ended_within(group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while live_members(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_sigkill_at_random_points_keeps_files_whole_and_the_next_run_converges(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    before, after = output_tree(ws), prepared[1]
    edit_descriptions(ws, "edited")
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    start = time.perf_counter()
    assert run_prepare(ws, "--check").returncode == 1  # the edit makes the output stale
    span = max(time.perf_counter() - start, 0.3) * 1.5  # a run's length, roughly
    for attempt in range(5):
        proc = subprocess.Popen(
            prepare_cmd(ws, "--force"), stdout=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(rng.uniform(0, span))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Render workers it forked notice and exit: none is left waiting forever.
        assert ended_within(proc.pid, 5), f"seed {seed}: {live_members(proc.pid)} outlived it"
        tree = output_tree(ws)
        torn = [p for p in before if tree.get(p) not in (before[p], after.get(p))]
        assert not torn, f"seed {seed}, kill {attempt}: files neither old nor new: {torn}"
        assert not unparseable({p: tree[p] for p in before}), f"seed {seed}, kill {attempt}"
    done = run_prepare(ws)
    assert done.returncode == 0, done.stderr
    assert stray_temp_files(ws) == [], f"seed {seed}: staging files of killed runs remain"
    assert output_tree(ws) == after
    assert run_prepare(ws, "--check").returncode == 0


def test_two_concurrent_prepares_serialise_and_leave_no_torn_or_mixed_files(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    before, after = output_tree(ws), prepared[1]
    edit_descriptions(ws, "edited")
    broken: list[str] = []
    stop = threading.Event()

    def watch_readers() -> None:  # what an editor or test runner reading the output would see
        while not stop.is_set():
            tree = output_tree(ws)
            broken.extend(p for p in before if tree.get(p) not in (before[p], after.get(p)))

    reader = threading.Thread(target=watch_readers)
    reader.start()
    try:
        procs = [
            subprocess.Popen(
                prepare_cmd(ws, "--force"), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for _ in range(2)
        ]
        results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    finally:
        stop.set()
        reader.join()
    assert [r[2] for r in results] == [0, 0], [r[1] for r in results]
    assert not broken, f"a reader saw files neither old nor new: {sorted(set(broken))}"
    assert output_tree(ws) == after
    assert stray_temp_files(ws) == []


def test_output_dir_that_is_a_file_is_a_clear_error(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the output dir should be\n", encoding="utf-8")
    done = run_prepare(ws, "--out", str(blocker))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "not-a-dir" in done.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the output dir should be\n"


def test_output_subdir_blocked_by_a_file_is_a_clear_error_and_keeps_the_rest(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    edit_descriptions(ws, "edited")
    shutil.rmtree(ws / "generated" / "scopes")
    (ws / "generated" / "scopes").write_text("in the way\n", encoding="utf-8")
    before = output_tree(ws)
    done = run_prepare(ws)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "scopes" in done.stderr
    assert not unparseable(output_tree(ws))
    assert set(before) <= set(output_tree(ws))


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i`: the one read-only mark root cannot write through (file modes do not stop it)."""
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr not found: cannot make a directory read-only for root")
    made = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"file system refuses chattr +i: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_read_only_output_dir_is_a_clear_error_and_keeps_previous_files(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    before = output_tree(ws)
    edit_descriptions(ws, "edited")
    with immutable(ws / "generated" / "manifests"):
        done = run_prepare(ws)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "manifests" in done.stderr and "not permitted" in done.stderr, done.stderr
    tree = output_tree(ws)
    assert all(p in tree for p in before)
    assert not unparseable(tree)


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG like a full disk would.
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_a_full_disk_while_writing_is_a_clear_error_and_keeps_previous_files(
    prepared: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    ws = fresh_copy(prepared, tmp_path)
    before = output_tree(ws)
    edit_descriptions(ws, "edited")
    done = subprocess.run(
        prepare_cmd(ws),
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "File too large" in done.stderr or "No space" in done.stderr, done.stderr
    tree = output_tree(ws)
    assert all(tree.get(p) is not None for p in before)
    assert not unparseable({p: tree[p] for p in before})


def test_generated_files_get_the_umask_default_mode(
    prepared: tuple[Path, dict[str, bytes]],
) -> None:
    umask = os.umask(0)
    os.umask(umask)
    out = prepared[0] / "generated"
    modes = {
        p.relative_to(out).as_posix(): p.stat().st_mode & 0o777
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".py", ".json", ".md")
    }
    assert modes and set(modes.values()) == {0o666 & ~umask}, modes
