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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .. import timings
from ..contract import LoadedContract
from ..diagnostics import ContractError, Diagnostic, pointer
from ..discovery import Discovery, Source, discover, load_config
from ..discovery.plan import order_by_uses
from ..discovery.scancache import ScanCache
from ..outputs import LOCK_DIR, check_output_path
from ..platform import BUILTIN_IDS
from ..views.uses import capability_namespace, referenced_namespaces, use_problems
from ..write import (
    Drift,
    FileDigests,
    Lock,
    LockEntry,
    commit,
    compare,
    output_lock,
    read_lock,
    sha256,
    stray_files,
)
from .fingerprint import input_key, render_key
from .freshness import purge_modules
from .toolchain import Toolchain
from .workers import RenderCrash, Rendered

Status = Literal["written", "unchanged", "failed", "checked"]


@dataclass(frozen=True)
class Options:
    """What to run; `None` fields come from `[tool.trellis-generate]`."""

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
    uses: tuple[str, ...] = ()
    status: Status = "unchanged"
    rendered: bool = False
    files: dict[str, str] = field(default_factory=dict)  # expected path -> sha256
    written: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    blocked_by: tuple[str, ...] = ()  # used ids reported as dependency-failed


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
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds (`--timings`)
    workers: int = 1  # processes that rendered

    @property
    def problems(self) -> list[Diagnostic]:
        """Errors and warnings, run-level first."""
        return [*self.diagnostics, *(d for o in self.outcomes for d in o.diagnostics)]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.problems if d.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and (self.drift is None or self.drift.clean)


@dataclass
class Resolution:
    """What one contract is rendered and checked against: `deps` are the used contracts that
    loaded (the SDK embeds them), `available` adds the owners of capability namespaces it names;
    `blocked` are used ids whose source failed to load."""

    deps: dict[str, LoadedContract] = field(default_factory=dict)
    available: dict[str, LoadedContract] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)


@dataclass
class Session:
    """State kept between runs by `--watch`: loaded contracts by source key and input key, the
    digests of generated files by their stat."""

    loaded: dict[str, tuple[str, LoadedContract]] = field(default_factory=dict)
    scans: ScanCache | None = None
    digests: FileDigests = field(default_factory=FileDigests)


@dataclass
class _Job:
    """A contract whose files must be (re)rendered, with what its lock entry is made of."""

    source: Source
    contract: LoadedContract
    deps: dict[str, LoadedContract]
    outcome: Outcome
    key: str
    found: Resolution


def _disk_matches(out: Path, files: dict[str, str], digests: FileDigests) -> bool:
    return all(digests.sha256(out / rel) == digest for rel, digest in files.items())


def _relative(diag: Diagnostic, root: Path, default: str) -> Diagnostic:
    """Diagnostics name files relative to the repository root, like the rest of the output."""
    if diag.file is None:
        return diag.located(file=default)
    try:
        return replace(diag, file=Path(diag.file).resolve().relative_to(root).as_posix())
    except ValueError:
        return diag


def _path_of(source_key: str) -> str:
    return source_key.split(":")[0]


class _Run:
    """One prepare over one discovery: loads lazily, renders what changed, then commits."""

    def __init__(
        self,
        found: Discovery,
        out: Path,
        targets: tuple[str, ...],
        options: Options,
        tools: Toolchain,
        session: Session,
    ) -> None:
        self.root, self.found, self.out, self.targets = found.root, found, out, targets
        self.options, self.tools, self.session = options, tools, session
        self.lock = read_lock(out)
        self.fingerprint = tools.fingerprint
        self.contracts: dict[str, LoadedContract] = {}  # source key -> loaded
        self.failures: dict[str, list[Diagnostic]] = {}  # source key -> diagnostics
        self.inputs = {s.key: input_key(self.root, (s.path, *s.imports)) for s in found.sources}
        self.by_id: dict[str, Source] = {}
        self.entries: dict[str, LockEntry] = {}  # the new lock's contracts
        self.rendered: dict[str, str] = {}  # path -> text of everything rendered this run
        self.collisions: list[Diagnostic] = []
        self.shadowed: dict[str, Diagnostic] = {}  # source key -> built-in digest mismatch
        self.unnamed_failures: list[Source] = []  # failed before their id was known
        self.jobs: list[_Job] = []  # contracts queued for rendering

    def load(self, source: Source) -> LoadedContract | None:
        """The loaded contract (reused from the watch session while its inputs are unchanged)."""
        key = source.key
        if key in self.contracts or key in self.failures:
            return self.contracts.get(key)
        cached = self.session.loaded.get(key)
        if cached is not None and cached[0] == self.inputs[key]:
            self.contracts[key] = cached[1]
            return cached[1]
        if source.format == "python":
            here = (self.root / source.path).parent
            files = [self.root / p for p in (source.path, *source.imports)]
            purge_modules(files, (here, self.root, self.root / "src"))
        try:
            contract = self.tools.load(self.root / source.path, source.name)
        except ContractError as exc:
            self.failures[key] = [_relative(d, self.root, source.path) for d in exc.diagnostics]
            return None
        self.contracts[key] = contract
        self.session.loaded[key] = (self.inputs[key], contract)
        self.check_shadowing(source, contract)
        return contract

    def check_shadowing(self, source: Source, contract: LoadedContract) -> None:
        """The repository's definition of a built-in id wins; warn when it is not the same."""
        if contract.id not in PLATFORM_CONTRACTS:
            return
        builtin = self.tools.builtin(contract.id)
        if builtin is None or builtin.digest == contract.digest:
            return
        self.shadowed[source.key] = Diagnostic(
            "builtin-shadowed",
            f"defines platform contract {contract.id} with digest {contract.digest}, which differs "
            f"from the built-in {builtin.digest}; this repository's definition is used",
            contract_id=contract.id,
            file=source.path,
            severity="warning",
        )

    def unchanged_inputs(self, source: Source) -> LockEntry | None:
        """Level 1: the lock entry, when nothing this contract is rendered from has changed."""
        lock, options = self.lock, self.options
        if options.force or lock.fingerprint != self.fingerprint or lock.targets != self.targets:
            return None
        static = {s.id: s for s in self.found.sources}
        entry = lock.contracts.get(source.id or "")
        if None in static or entry is None or entry.source != source.key:
            return None  # ids not all literal: which source provides a used id is unknown
        if entry.input != self.inputs[source.key]:
            return None
        for used, recorded in entry.uses.items():
            provider = static.get(used)
            if (self.inputs[provider.key] if provider else None) != recorded:
                return None
        return entry if _disk_matches(self.out, dict(entry.files), self.session.digests) else None

    def _last_known_ids(self, source: Source) -> list[str]:
        """Ids the previous lock recorded for a source that now fails before naming its id (a
        syntax error, a computed id), so its dependents are blocked rather than told it is
        unknown."""
        return sorted(
            ident
            for ident, entry in self.lock.contracts.items()
            if _path_of(entry.source) == source.path
            and (source.name is None or entry.source == source.key)
        )

    def index_ids(self) -> None:
        """Map ids to sources; a second owned definition of an id fails that source."""
        for source in self.found.sources:
            loaded = self.contracts.get(source.key)
            ident = loaded.id if loaded else source.id
            if ident is None and source.key in self.failures:
                known = [i for i in self._last_known_ids(source) if i not in self.by_id]
                for previous in known:
                    self.by_id[previous] = source
                if not known:
                    self.unnamed_failures.append(source)
                continue
            if ident is None or (source.role == "dependency" and ident in self.by_id):
                continue
            first = self.by_id.get(ident)
            if first is not None and first.role == "owned" and source.role == "owned":
                message = f"contract id {ident} is also defined in {first.key}"
                self.contracts.pop(source.key, None)
                self.failures[source.key] = [
                    Diagnostic(
                        "duplicate-contract-id", message, "/id", ident, source.path, source.line
                    )
                ]
                continue
            self.by_id[ident] = source  # an owned definition shadows a dependency manifest

    def generate(self, source: Source) -> Outcome:
        """Level 2 and rendering for one loaded (or failed) owned contract."""
        contract = self.contracts.get(source.key)
        if contract is None:
            ident = source.id or source.key
            return Outcome(
                ident, source.key, status="failed", diagnostics=self.failures[source.key]
            )
        used = contract.model.used_ids
        outcome = Outcome(contract.id, source.key, contract.digest, used)
        found = self.resolve(contract, source.path)
        deps = found.deps
        outcome.diagnostics = [_relative(d, self.root, source.path) for d in found.problems]
        outcome.blocked_by = tuple(sorted(found.blocked))
        if outcome.diagnostics:
            outcome.status = "failed"
            return outcome
        canonical_deps = {u: c.canonical for u, c in deps.items()}
        key = render_key(self.fingerprint, self.targets, contract.canonical, canonical_deps)
        previous = self.lock.contracts.get(contract.id)
        job = _Job(source, contract, deps, outcome, key, found)
        if (
            not self.options.force
            and previous is not None
            and previous.key == key
            and _disk_matches(self.out, dict(previous.files), self.session.digests)
        ):
            outcome.files = dict(previous.files)
            self._record(job)
        else:
            self.jobs.append(job)  # rendered with the others by `render_pending`
        return outcome

    def render_pending(self) -> None:
        """Render every contract `generate` queued, in parallel where it can, then record them
        in queue order (so collisions and the lock read the same as in a serial run)."""
        jobs, self.jobs = self.jobs, []
        results = self.tools.render_all(
            [(j.contract, j.deps) for j in jobs], self.targets, reuse_models=not self.options.force
        )
        for job, got in zip(jobs, results, strict=True):
            texts = self._checked(job.contract, job.outcome, got)
            if texts is None:
                continue
            job.outcome.rendered = True
            for rel, text in texts.items():
                if rel in self.rendered:
                    message = f"{rel} is produced by two contracts"
                    self.collisions.append(
                        Diagnostic("output-collision", message, contract_id=job.contract.id)
                    )
                self.rendered[rel] = text
                job.outcome.files[rel] = sha256(text.encode("utf-8"))
            self._record(job)

    def _record(self, job: _Job) -> None:
        """The new lock entry of a contract rendered (or found current) this run."""
        contract, found, source = job.contract, job.found, job.source
        used = job.outcome.uses
        # Everything checked against (used contracts, owners of named capabilities) keys the
        # level-1 cache: a change there must re-check this contract.
        watched = sorted({*used, *(i for i in found.available if i != contract.id)})
        uses_inputs = {
            u: self.inputs[self.by_id[u].key] if u in self.by_id else None for u in watched
        }
        self.entries[contract.id] = LockEntry(
            source.key,
            contract.digest,
            self.inputs[source.key],
            job.key,
            uses_inputs,
            job.outcome.files,
        )

    def resolve(self, contract: LoadedContract, file: str) -> Resolution:
        """What `contract` is rendered and checked against, and what is wrong with it."""
        found = Resolution()
        for use in contract.model.uses:
            ident, group, alias = use.contract, use.group, use.alias
            if ident == contract.id or ident in found.deps:
                continue
            provider = self.by_id.get(ident)
            dep = self.load(provider) if provider is not None else None
            if provider is None:
                dep = self.tools.builtin(ident)  # a platform contract: built in
            if dep is not None:
                found.deps[ident] = dep
                continue
            if provider is not None and provider.key in self.failures:
                why = f"failed to load ({provider.path})"
            elif provider is None and self.unnamed_failures and ident not in PLATFORM_CONTRACTS:
                paths = ", ".join(sorted({s.path for s in self.unnamed_failures}))
                why = f"is not known; {paths} failed to load and may define it"
            else:
                continue  # not in the repository: an unknown-use warning, not an error
            at = pointer("uses", group, alias)
            message = f"uses '{alias}' ({group}): used contract {ident} {why}"
            found.blocked.add(ident)
            found.problems.append(
                Diagnostic(
                    "dependency-failed",
                    f"{message}; the previous output is kept",
                    at,
                    contract.id,
                    file,
                    contract.origin.line_for(at),
                )
            )
        found.available.update(found.deps)
        namespaces = referenced_namespaces(contract.model)
        for ident, provider in sorted(self.by_id.items()):
            if ident in found.available or ident == contract.id:
                continue
            if capability_namespace(ident) in namespaces:
                owner = self.load(provider)
                if owner is not None:
                    found.available[ident] = owner
        found.problems += use_problems(contract, found.available)
        return found

    def _checked(
        self, contract: LoadedContract, outcome: Outcome, got: Rendered
    ) -> dict[str, str] | None:
        """The rendered files, or None with the outcome failed by what the renderer raised."""
        try:
            if isinstance(got, Exception):
                raise got
            for rel in got:
                check_output_path(rel)
            return got
        except ContractError as exc:
            errors = [
                d.located(file=outcome.source, contract_id=contract.id) for d in exc.diagnostics
            ]
        except RenderCrash as exc:
            message = f"renderer crashed: {exc}"  # names the worker's original exception
            errors = [Diagnostic("render-crash", message, contract_id=contract.id)]
        except Exception as exc:  # a generator bug must not hide the other contracts' errors
            message = f"renderer crashed: {type(exc).__name__}: {exc}"
            errors = [Diagnostic("render-crash", message, contract_id=contract.id)]
        outcome.status = "failed"
        outcome.diagnostics = [_relative(d, self.root, _path_of(outcome.source)) for d in errors]
        return None

    def commit(self, report: Report) -> None:
        """Write what changed; prune only after a run without any error."""
        failed = bool(report.errors)
        failed_paths = {_path_of(o.source) for o in report.outcomes if o.status == "failed"}
        kept = {i: e for i, e in self.lock.contracts.items() if _path_of(e.source) in failed_paths}
        new_lock = Lock(
            self.fingerprint, self.targets, dict(sorted({**kept, **self.entries}.items()))
        )
        prune = [] if failed else sorted(set(self.lock.owned_files()) - set(new_lock.owned_files()))
        files = {p: t.encode("utf-8") for p, t in self.rendered.items()}
        with output_lock(self.out), timings.stage("write"):
            written = commit(self.out, files, new_lock, prune)
            if self.session.scans is not None:
                self.session.scans.save()
        report.removed = prune
        for o in report.outcomes:
            o.written = sorted(p for p in written if p in o.files)
            if o.status != "failed" and o.written:
                o.status = "written"


# Contracts the Trellis runtime itself provides: using them needs no manifest in the repository.
PLATFORM_CONTRACTS = BUILTIN_IDS


def unknown_uses(
    outcomes: list[Outcome], known: Mapping[str, object], paths: Mapping[str, str]
) -> list[Diagnostic]:
    """A warning per used contract that is neither in the repository nor a platform contract.

    Not an error: optional dependencies may legitimately be absent, and the SDK and scope listing
    name what they leave out. But a typo in a contract id must not pass silently.
    """
    return [
        Diagnostic(
            "unknown-use",
            f"uses unknown contract '{ident}' (not in this repository or its manifests; "
            "its surfaces are left out of the SDK)",
            contract_id=o.id,
            file=paths.get(o.source, o.source),
            severity="warning",
        )
        for o in outcomes
        for ident in o.uses
        if ident not in known
        and ident not in PLATFORM_CONTRACTS
        and ident != o.id
        and ident not in o.blocked_by
    ]


def prepare(
    root: Path,
    options: Options = Options(),
    toolchain: Toolchain | None = None,
    session: Session | None = None,
) -> Report:
    """Run prepare (or `--check`) over the repository at `root`."""
    started = time.perf_counter()
    timings.take()  # figures of this run only
    root = root.resolve()
    session = session or Session()
    try:
        config = load_config(root)
    except ContractError as exc:
        return Report(root, root, diagnostics=list(exc.diagnostics))
    out = (options.out if options.out is not None else root / config.out).resolve()
    targets = tuple(options.targets if options.targets is not None else config.targets)
    out_rel = out.relative_to(root).as_posix() if out.is_relative_to(root) else ""
    if session.scans is None:
        session.scans = ScanCache(out / LOCK_DIR / "scan-cache.json")  # saved on commit only
    found = discover(root, replace(config, out=out_rel, targets=targets), session.scans)
    run = _Run(found, out, targets, options, toolchain or Toolchain(), session)
    report = Report(root, out, diagnostics=list(found.diagnostics), discovery=found)

    owned = [s for s in found.sources if s.role == "owned"]
    outcomes: dict[str, Outcome] = {}
    pending: list[Source] = []
    for source in owned:
        entry = run.unchanged_inputs(source)
        if entry is not None and source.id is not None:
            run.entries[source.id] = entry
            uses = tuple(entry.uses)
            outcomes[source.key] = Outcome(
                source.id, source.key, entry.digest, uses, files=dict(entry.files)
            )
        else:
            pending.append(source)
    try:
        # Changed inputs are rendered unless their manifest turns out unchanged: workers warm up
        # while the contracts load.
        run.tools.start_workers(len(pending), targets)
        for source in pending:
            run.load(source)
        run.index_ids()
        uses_of = {c.id: c.model.used_ids for s in pending if (c := run.contracts.get(s.key))}
        order = {ident: i for i, ident in enumerate(order_by_uses(uses_of)[0])}
        for source in sorted(
            pending, key=lambda s: order.get(getattr(run.contracts.get(s.key), "id", ""), -1)
        ):
            outcomes[source.key] = run.generate(source)
        run.render_pending()
    finally:
        run.tools.close()

    report.outcomes = [outcomes[s.key] for s in owned]
    report.diagnostics += unknown_uses(report.outcomes, run.by_id, {s.key: s.path for s in owned})
    report.diagnostics += run.collisions
    report.diagnostics += run.shadowed.values()
    report.diagnostics += [
        d for s in found.sources if s.role == "dependency" for d in run.failures.get(s.key, [])
    ]
    if options.check:
        expected = {p: h for o in report.outcomes for p, h in o.files.items()}
        report.drift = compare(out, expected, run.lock.owned_files())
        for o in report.outcomes:
            o.status = "checked" if o.status != "failed" else "failed"
    else:
        if not report.errors or options.keep_going:
            run.commit(report)
        produced = [p for o in report.outcomes for p in o.files]
        report.diagnostics += [
            Diagnostic(
                "stray-file",
                "not generated, inside a generated package (it would ship as part of the SDK); "
                "`prepare --check` lists it as extra: delete it or move it out",
                file=(out / rel).relative_to(root).as_posix() if out.is_relative_to(root) else rel,
                severity="warning",
            )
            for rel in stray_files(out, produced)
        ]
    report.elapsed = time.perf_counter() - started
    report.timings, report.workers = timings.take(), run.tools.workers_used
    return report
