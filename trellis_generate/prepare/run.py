"""prepare: discover → load → render (cached by content) → compare or commit.

Two cache levels, both checked against the bytes on disk so hand edits are repaired:
1. the raw inputs (source module + its local imports, or the manifest file; and the raw inputs of
   the contracts it uses) are unchanged since the lock was written → nothing is loaded at all;
2. the canonical manifest texts (own + used) are unchanged → loaded, but not rendered.
Everything is rendered in memory before anything is written; one failing contract fails the run
and nothing is written (in `keep_going` mode, used by `--watch`, the good contracts are written and
the failing ones keep their previous output). Owned files no longer produced are pruned only after
a fully successful run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic
from ..discovery import Discovery, Source, discover, load_config, used_ids
from ..discovery.plan import order_by_uses
from ..discovery.scancache import ScanCache
from ..write import (
    Drift,
    Lock,
    LockEntry,
    commit,
    compare,
    file_sha256,
    output_lock,
    read_lock,
    sha256,
)
from ..write.lock import LOCK_DIR
from .fingerprint import input_key, render_key
from .freshness import purge_modules
from .toolchain import Toolchain

Status = Literal["written", "unchanged", "failed", "checked"]


@dataclass(frozen=True)
class Options:
    targets: tuple[str, ...] | None = None  # None: from config
    out: Path | None = None  # None: from config, relative to root
    force: bool = False
    check: bool = False
    keep_going: bool = False


@dataclass
class Outcome:
    """What happened to one contract (`id` is the source key when the contract never loaded)."""

    id: str
    source: str
    digest: str | None = None
    status: Status = "unchanged"
    rendered: bool = False
    files: dict[str, str] = field(default_factory=dict)  # expected path -> sha256
    written: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class Report:
    root: Path
    out: Path
    outcomes: list[Outcome] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # run-level (config, discovery)
    removed: list[str] = field(default_factory=list)
    drift: Drift | None = None
    elapsed: float = 0.0
    discovery: Discovery | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [*self.diagnostics, *(d for o in self.outcomes for d in o.diagnostics)]

    @property
    def ok(self) -> bool:
        return not self.errors and (self.drift is None or self.drift.clean)


@dataclass
class Session:
    """State kept between runs by `--watch`: loaded contracts by source key and input key."""

    loaded: dict[str, tuple[str, LoadedContract]] = field(default_factory=dict)
    scans: ScanCache | None = None


def _disk_matches(out: Path, files: dict[str, str]) -> bool:
    return all(file_sha256(out / rel) == digest for rel, digest in files.items())


class _Run:
    def __init__(
        self, root: Path, options: Options, toolchain: Toolchain, session: Session
    ) -> None:
        self.root = root
        self.options = options
        self.tools = toolchain
        self.session = session
        self.contracts: dict[str, LoadedContract] = {}  # source key -> loaded
        self.failures: dict[str, list[Diagnostic]] = {}  # source key -> diagnostics
        self.inputs: dict[str, str] = {}  # source key -> input key

    def load(self, source: Source) -> LoadedContract | None:
        key = source.key
        if key in self.contracts or key in self.failures:
            return self.contracts.get(key)
        cached = self.session.loaded.get(key)
        if cached is not None and cached[0] == self.inputs[key]:
            self.contracts[key] = cached[1]
            return cached[1]
        if source.format == "python":
            purge_modules(self.root / p for p in (source.path, *source.imports))
        try:
            contract = self.tools.load(self.root / source.path, source.name)
        except ContractError as exc:
            self.failures[key] = [d.located(file=source.path) for d in exc.diagnostics]
            return None
        self.contracts[key] = contract
        self.session.loaded[key] = (self.inputs[key], contract)
        return contract


def prepare(
    root: Path,
    options: Options = Options(),
    toolchain: Toolchain | None = None,
    session: Session | None = None,
    on_phase: Callable[[str], None] | None = None,
) -> Report:
    """Run prepare (or `--check`) over the repository at `root`."""
    started = time.perf_counter()
    root = root.resolve()
    tools = toolchain or Toolchain()
    session = session or Session()
    try:
        config = load_config(root)
    except ContractError as exc:
        return Report(
            root, root, diagnostics=list(exc.diagnostics), elapsed=time.perf_counter() - started
        )
    out = (options.out if options.out is not None else root / config.out).resolve()
    targets = tuple(options.targets if options.targets is not None else config.targets)
    try:
        out_rel = out.relative_to(root).as_posix()
    except ValueError:
        out_rel = ""
    if session.scans is None:
        session.scans = ScanCache(None if options.check else out / LOCK_DIR / "scan-cache.json")
    found = discover(root, replace(config, out=out_rel, targets=targets), session.scans)
    report = Report(root, out, diagnostics=list(found.diagnostics), discovery=found)
    run = _Run(root, options, tools, session)
    lock = read_lock(out)
    for source in found.sources:
        run.inputs[source.key] = input_key(root, (source.path, *source.imports))
    by_static_id = {s.id: s for s in found.sources if s.id is not None}
    static_ids_complete = all(s.id is not None for s in found.sources)
    fingerprint = tools.fingerprint
    settings_match = (
        lock.fingerprint == fingerprint and lock.targets == targets and not options.force
    )

    def input_unchanged(source: Source) -> LockEntry | None:
        """Level 1: the lock entry, when nothing this contract is rendered from has changed."""
        entry = lock.contracts.get(source.id or "")
        if not (settings_match and static_ids_complete and entry and entry.source == source.key):
            return None
        if entry.input != run.inputs[source.key]:
            return None
        for used, recorded in entry.uses.items():
            provider = by_static_id.get(used)
            if (run.inputs[provider.key] if provider else None) != recorded:
                return None
        return entry if _disk_matches(out, dict(entry.files)) else None

    owned = [s for s in found.sources if s.role == "owned"]
    entries: dict[str, LockEntry] = {}
    outcomes: dict[str, Outcome] = {}
    pending: list[Source] = []
    for source in owned:
        entry = input_unchanged(source)
        if entry is not None and source.id is not None:
            entries[source.id] = entry
            outcomes[source.key] = Outcome(
                source.id, source.key, entry.digest, files=dict(entry.files)
            )
        else:
            pending.append(source)
    for source in pending:
        run.load(source)

    by_id: dict[str, Source] = {}
    for source in found.sources:
        ident = run.contracts[source.key].id if source.key in run.contracts else source.id
        if ident is None or (source.role == "dependency" and ident in by_id):
            continue
        if ident in by_id and by_id[ident].role == "owned" and source.role == "owned":
            report.diagnostics.append(
                Diagnostic(
                    "duplicate-contract-id",
                    f"contract id also defined in {by_id[ident].key}",
                    contract_id=ident,
                    file=source.path,
                    line=source.line,
                )
            )
            continue
        by_id[ident] = source  # an owned definition shadows a dependency manifest of the same id

    def contract_for(ident: str) -> LoadedContract | None:
        source = by_id.get(ident)
        return run.load(source) if source is not None else None

    uses = {
        run.contracts[s.key].id: used_ids(run.contracts[s.key].manifest)
        for s in pending
        if s.key in run.contracts
    }
    order, _cycles = order_by_uses(uses)
    position = {ident: i for i, ident in enumerate(order)}
    rendered: dict[str, str] = {}  # path -> text of everything rendered this run
    for source in sorted(
        pending,
        key=lambda s: position.get(run.contracts[s.key].id, -1) if s.key in run.contracts else -1,
    ):
        contract = run.contracts.get(source.key)
        if contract is None:
            outcomes[source.key] = Outcome(
                source.id or source.key,
                source.key,
                status="failed",
                diagnostics=run.failures[source.key],
            )
            continue
        used = used_ids(contract.manifest)
        deps = {u: c for u in used if u != contract.id and (c := contract_for(u)) is not None}
        dep_failures = [
            d for u in used if (s := by_id.get(u)) is not None for d in run.failures.get(s.key, [])
        ]
        outcome = Outcome(contract.id, source.key, contract.digest)
        outcomes[source.key] = outcome
        if dep_failures:
            outcome.status = "failed"
            outcome.diagnostics = [
                Diagnostic(
                    "dependency-failed",
                    f"a used contract failed to load: {d.format()}",
                    contract_id=contract.id,
                    file=source.path,
                )
                for d in dep_failures
            ]
            continue
        key = render_key(
            fingerprint, targets, contract.canonical, {u: c.canonical for u, c in deps.items()}
        )
        previous = lock.contracts.get(contract.id)
        uses_inputs = {u: (run.inputs[by_id[u].key] if u in by_id else None) for u in used}
        if (
            not options.force
            and previous
            and previous.key == key
            and _disk_matches(out, dict(previous.files))
        ):
            files = dict(previous.files)
        else:
            try:
                texts = tools.render(contract, deps, targets)
            except ContractError as exc:
                outcome.status = "failed"
                outcome.diagnostics = [
                    d.located(file=source.path, contract_id=contract.id) for d in exc.diagnostics
                ]
                continue
            outcome.rendered = True
            files = {}
            for rel, text in texts.items():
                if rel in rendered:
                    report.diagnostics.append(
                        Diagnostic(
                            "output-collision",
                            f"{rel} is produced by two contracts",
                            contract_id=contract.id,
                        )
                    )
                rendered[rel] = text
                files[rel] = sha256(text.encode("utf-8"))
        outcome.files = files
        entries[contract.id] = LockEntry(
            source.key, contract.digest, run.inputs[source.key], key, uses_inputs, files
        )

    report.outcomes = [outcomes[s.key] for s in owned if s.key in outcomes]
    report.diagnostics += [
        d for s in found.sources if s.role == "dependency" for d in run.failures.get(s.key, [])
    ]
    failed = bool(report.errors)
    expected = {p: h for o in report.outcomes for p, h in o.files.items()}
    if options.check:
        report.drift = compare(out, expected, lock.owned_files())
        for o in report.outcomes:
            if o.status != "failed":
                o.status = "checked"
    elif not failed or options.keep_going:
        keep = {
            i: e
            for i, e in lock.contracts.items()
            if failed and any(e.source == o.source for o in report.outcomes if o.status == "failed")
        }
        new_lock = Lock(fingerprint, targets, dict(sorted({**keep, **entries}.items())))
        prune = [] if failed else sorted(set(lock.owned_files()) - set(new_lock.owned_files()))
        with output_lock(out):
            written = commit(
                out, {p: t.encode("utf-8") for p, t in rendered.items()}, new_lock, prune
            )
            session.scans.save()
        report.removed = prune
        for o in report.outcomes:
            o.written = sorted(p for p in written if p in o.files)
            if o.status != "failed" and o.written:
                o.status = "written"
    report.elapsed = time.perf_counter() - started
    return report
