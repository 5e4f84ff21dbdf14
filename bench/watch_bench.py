"""Edit-to-written latency under `prepare --watch`, as a user sees it.

The watcher is started on a prepared workload and left idle for a moment (the time a user takes
to switch to the editor), then contracts are edited one at a time, each edit saved like an editor
does (temp file renamed over the contract). An edit's latency is the time from the rename until
every output that must show it does. Two kinds of edit:
- `docs`: the service description (no schema changes: models come from the model cache);
- `schema`: a new property in one payload schema (datamodel-code-generator runs for it).
The first edit after start is reported on its own: it must not pay the toolchain's first use.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from measure import Unavailable, tree_rss_kb

IDLE_BEFORE_FIRST_EDIT = 1.0  # seconds between "Watching" and the first save
BETWEEN_EDITS = 0.15  # keeps edits in separate batches


@dataclass
class WatchResult:
    first: float = 0.0
    kind: str = ""
    latencies: dict[str, list[float]] = field(default_factory=dict)  # kind -> seconds
    peak_mb: float = 0.0


def _wait_for(predicate: Callable[[], bool], timeout: float, poll: float = 0.002) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return False


def _holds(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _save(path: Path, manifest: Mapping[str, object]) -> float:
    """Write like an editor; the time of the rename."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    start = time.perf_counter()
    os.replace(tmp, path)
    return start


def _edit(ws: Path, source: Path, kind: str, marker: str) -> float:
    manifest = json.loads(source.read_text(encoding="utf-8"))
    package = manifest["id"].replace("@", "_").replace(".", "_")
    out = ws / "generated"
    if kind == "docs":
        old, ident = manifest["description"], manifest["id"]
        own = [*(out / "python" / package).iterdir(), *out.glob(f"*/{ident}.*")]
        outputs = [p for p in own if p.is_file() and _holds(p, old)]
        manifest["description"] = f"Synthetic service. {marker}"
    else:
        manifest["schemas"]["Rpc0Input"]["properties"][marker] = {"type": "string"}
        outputs = [out / "manifests" / f"{manifest['id']}.json"]
        outputs += [out / "python" / package / name for name in ("contract.py", "models.py")]
    start = _save(source, manifest)
    if not _wait_for(lambda: all(_holds(p, marker) for p in outputs), 30):
        raise Unavailable(f"{kind} edit of {source.name} was not written within 30 s")
    return time.perf_counter() - start


def watch_latencies(
    tool: Sequence[str], ws: Path, edits: int, env: Mapping[str, str]
) -> WatchResult:
    """`edits` edits of each kind, alternating kinds and contracts; the first one is a schema
    edit (the slow kind). The workload must be prepared already."""
    manifests = sorted((ws / "manifests").glob("*.json"))
    proc = subprocess.Popen(
        [*tool, "prepare", "--watch", str(ws)],
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read, args=(proc.stdout, lines), daemon=True).start()
    result = WatchResult(latencies={"docs": [], "schema": []})
    peak = [0]
    sampling = threading.Event()
    threading.Thread(target=_sample, args=(proc.pid, peak, sampling), daemon=True).start()
    try:
        seen: list[str] = []
        if not _wait_for(lambda: _drain(lines, seen) or any("Watching" in s for s in seen), 60):
            raise Unavailable(f"watcher did not start: {' | '.join(seen[-3:])}")
        time.sleep(IDLE_BEFORE_FIRST_EDIT)
        for i in range(2 * edits + 1):
            kind = "schema" if i % 2 == 0 else "docs"
            marker = f"benchedit{i}n{time.time_ns()}"  # no Markdown escapes
            seconds = _edit(ws, manifests[i % len(manifests)], kind, marker)
            if i == 0:
                result.first, result.kind = seconds, kind
            else:
                result.latencies[kind].append(seconds)
            time.sleep(BETWEEN_EDITS)
    finally:
        sampling.set()
        _stop(proc)
    result.peak_mb = peak[0] / 1024
    return result


def _read(stream: object, lines: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)


def _drain(lines: queue.Queue[str], seen: list[str]) -> bool:
    while not lines.empty():
        seen.append(lines.get_nowait())
    return False


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], tree_rss_kb(pid))
        done.wait(0.02)


def _stop(proc: subprocess.Popen[str]) -> None:
    """Ctrl+C the watcher (SIGKILL after 10 s)."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
