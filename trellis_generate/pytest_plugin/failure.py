"""The message of a failed contract snapshot test (pure): the semantic summary of `diff` first
(breaking / compatible / metadata-only, version consequence, permission impact), then the
textual diff of every snapshot file that differs."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..contract import LoadedContract, Origin
from ..diagnostics import ContractError, Diagnostic, format_github
from ..diff.compare import diff_sides
from ..diff.model import ContractDiff, PermissionDelta
from ..diff.report import to_text
from ..pipeline import contract_from_manifest
from .artifacts import parse_manifest_review

UPDATE_HINT = "run `pytest --snapshot-update` to accept the change"


@dataclass(frozen=True)
class Mismatch:
    """One snapshot file that does not match what was rendered.

    `old` is None for a snapshot that does not exist yet, `new` None for a stale one (its
    contract is gone); `error` is set when syrupy could not compare at all.
    """

    path: str  # for display, relative to the repository root when inside it
    old: str | None
    new: str | None
    error: str | None = None


def old_contract(text: str, path: str) -> LoadedContract | str:
    """The contract a manifest snapshot recorded, or why it cannot be read back."""
    try:
        raw, _ = parse_manifest_review(text)
        return contract_from_manifest(raw, Origin(path, "json"))
    except ValueError as exc:
        return f"{path}: not a manifest snapshot ({exc}); the semantic summary leaves it out"
    except ContractError as exc:
        first = exc.diagnostics[0].format() if exc.diagnostics else "invalid"
        return f"{path}: recorded manifest no longer validates ({first})"


def overall(diffs: Sequence[ContractDiff]) -> str:
    """The most severe class of change across the repository."""
    severities = {f.severity for d in diffs for f in d.findings}
    for severity in ("breaking", "compatible", "metadata-only"):
        if severity in severities:
            return severity
    return "no manifest change"


_PLURAL = {"capability": "capabilities", "subject": "subjects"}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else _PLURAL[noun]}"


def _impact(deltas: Sequence[PermissionDelta], verbs: tuple[str, str, str, str]) -> str:
    counts = (
        (sum(len(d.gained_capabilities) for d in deltas), "capability"),
        (sum(len(d.lost_capabilities) for d in deltas), "capability"),
        (sum(len(d.gained_subjects) for d in deltas), "subject"),
        (sum(len(d.lost_subjects) for d in deltas), "subject"),
    )
    return ", ".join(
        f"{verb} {_count(n, noun)}" for verb, (n, noun) in zip(verbs, counts, strict=True) if n
    )


def permission_headline(diffs: Sequence[ContractDiff]) -> str:
    """E.g. `callers must be granted 1 capability; the service gains 2 subjects`."""
    callers = _impact(
        [d.callers for d in diffs], ("must be granted", "no longer need", "gain", "lose")
    )
    service = _impact(
        [d.service for d in diffs], ("must be granted", "no longer needs", "gains", "loses")
    )
    parts = [f"callers {callers}"] if callers else []
    parts += [f"the service {service}"] if service else []
    return "; ".join(parts) if parts else "none"


def _text_diff(m: Mismatch) -> list[str]:
    if m.error is not None:
        return [f"{m.path}: cannot compare: {m.error}"]
    if m.old is None:
        return [f"new snapshot: {m.path}"]
    if m.new is None:
        return [f"stale snapshot: {m.path} (its contract is no longer in the repository)"]
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            m.old.splitlines(keepends=True),
            m.new.splitlines(keepends=True),
            fromfile=f"{m.path} (snapshot)",
            tofile=f"{m.path} (rendered)",
        )
    ]


def github_annotations(
    diffs: Sequence[ContractDiff],
    new: Mapping[str, LoadedContract],
    old: Mapping[str, LoadedContract],
) -> str:
    """One GitHub Actions annotation per changed contract, on its source file, so the pull
    request shows where the reviewed surface changed (`--trellis-error-format github`)."""
    problems = []
    for d in diffs:
        if d.status == "unchanged" and not d.findings:
            continue
        source = new.get(d.contract_id) or old.get(d.contract_id)
        severity = overall([d]) if d.findings else d.status
        problems.append(
            Diagnostic(
                "contract-snapshot",
                f"contract snapshot differs ({severity}; {d.consequence}); "
                f"permission impact: {permission_headline([d])}; {UPDATE_HINT}",
                contract_id=d.contract_id,
                file=source.origin.path if source is not None else None,
            )
        )
    return format_github(problems)


def failure_message(
    old: Mapping[str, LoadedContract],
    new: Mapping[str, LoadedContract],
    deps: Mapping[str, LoadedContract],
    mismatches: Sequence[Mismatch],
    notes: Sequence[str] = (),
    *,
    github: bool = False,
) -> str:
    """`old`/`new`: the owned contracts as the snapshots record them and as rendered now;
    `deps`: manifests owned elsewhere (used on both sides to resolve `uses`). `github`: lead
    with GitHub Actions annotations of the changed contracts."""
    diffs = diff_sides(old, new, old_deps=deps, new_deps=deps)
    lines = [github_annotations(diffs, new, old)] if github else []
    lines += [
        f"Trellis contract snapshots differ: {overall(diffs)}; {UPDATE_HINT}.",
        f"Permission impact: {permission_headline(diffs)}.",
        "",
        "Semantic summary (trellis-generate diff):",
        *to_text(diffs).splitlines(),
    ]
    if notes:
        lines += ["", *notes]
    lines += ["", f"Snapshot files ({len(mismatches)} differ):"]
    for m in mismatches:
        lines += _text_diff(m)
    return "\n".join(lines)
