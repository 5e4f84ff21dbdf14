"""Pair the contracts of two sides by id and classify each pair."""

from __future__ import annotations

from collections.abc import Mapping

from ..contract import LoadedContract
from ..diagnostics import pointer
from .classify import classify
from .impact import permission_impact
from .model import ContractDiff, Finding, Status


def diff_contract(
    contract_id: str,
    old: LoadedContract | None,
    new: LoadedContract | None,
    old_side: Mapping[str, LoadedContract],
    new_side: Mapping[str, LoadedContract],
) -> ContractDiff:
    """One contract id; `*_side` are every contract of that side, to resolve `uses`."""
    status: Status
    if old is None:
        status, findings = "added", [Finding("compatible", "contract-added", "", "contract added")]
    elif new is None:
        status = "removed"
        findings = [Finding("breaking", "contract-removed", "", "contract removed")]
    else:
        findings = classify(old.manifest, new.manifest)
        status = "unchanged" if old.digest == new.digest else "changed"
        if status == "changed" and not findings:  # fail closed: no rule explains the change
            findings = [
                Finding(
                    "breaking", "digest-unexplained", pointer(), "digest changed, no rule says why"
                )
            ]
    callers, service = permission_impact(
        old.manifest if old else None,
        new.manifest if new else None,
        {k: c.manifest for k, c in old_side.items()},
        {k: c.manifest for k, c in new_side.items()},
    )
    return ContractDiff(
        contract_id,
        status,
        old.digest if old else None,
        new.digest if new else None,
        tuple(findings),
        callers,
        service,
    )


def diff_sides(
    old: Mapping[str, LoadedContract],
    new: Mapping[str, LoadedContract],
    *,
    old_deps: Mapping[str, LoadedContract] | None = None,
    new_deps: Mapping[str, LoadedContract] | None = None,
) -> list[ContractDiff]:
    """Every contract id present on either side, sorted by id.

    `*_deps` are extra contracts (dependencies owned elsewhere) that only resolve `uses`.
    """
    old_all = {**(old_deps or {}), **old}
    new_all = {**(new_deps or {}), **new}
    return [
        diff_contract(cid, old.get(cid), new.get(cid), old_all, new_all)
        for cid in sorted(old.keys() | new.keys())
    ]
