"""Pair the contracts of two sides by id and classify each pair."""

from __future__ import annotations

from collections.abc import Mapping

from ..contract import LoadedContract
from ..diagnostics import pointer
from ..platform import with_builtins
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
        findings = classify(old, new)
        status = "unchanged" if old.digest == new.digest else "changed"
        if status == "changed" and not findings:  # fail closed: no rule explains the change
            findings = [
                Finding(
                    "breaking", "digest-unexplained", pointer(), "digest changed, no rule says why"
                )
            ]
    if old is not None and new is not None:
        findings += lost_uses(new, old_side, new_side)
    callers, service = permission_impact(
        old.model if old else None,
        new.model if new else None,
        {k: c.model for k, c in old_side.items()},
        {k: c.model for k, c in new_side.items()},
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


def lost_uses(
    contract: LoadedContract,
    old_side: Mapping[str, LoadedContract],
    new_side: Mapping[str, LoadedContract],
) -> list[Finding]:
    """A breaking finding per surface this contract uses that its dependency had on the old side
    and no longer has (or the dependency is gone): the dependent breaks even though its own
    manifest is unchanged."""
    out: list[Finding] = []
    for use, selector, i, name in contract.model.selections():
        before = old_side.get(use.contract)
        if before is None or name not in before.model.surfaces(selector.kind):
            continue
        after = new_side.get(use.contract)
        if after is not None and name in after.model.surfaces(selector.kind):
            continue
        what = f"{selector.label} '{name}'"
        message = (
            f"uses '{use.alias}': {use.contract}, which had {what}, was removed"
            if after is None
            else f"uses '{use.alias}': {use.contract} no longer has {what}"
        )
        at = pointer("uses", use.group, use.alias, selector.section, selector.action, i)
        out.append(Finding("breaking", "used-surface-removed", at, message))
    return out


def diff_sides(
    old: Mapping[str, LoadedContract],
    new: Mapping[str, LoadedContract],
    *,
    old_deps: Mapping[str, LoadedContract] | None = None,
    new_deps: Mapping[str, LoadedContract] | None = None,
) -> list[ContractDiff]:
    """Every contract id present on either side, sorted by id.

    `*_deps` are extra contracts (dependencies owned elsewhere) that only resolve `uses`; the
    built-in platform contracts resolve the `uses` neither a side nor its deps provide.
    """
    old_all = {**with_builtins(old_deps or {}, old.values()), **old}
    new_all = {**with_builtins(new_deps or {}, new.values()), **new}
    return [
        diff_contract(cid, old.get(cid), new.get(cid), old_all, new_all)
        for cid in sorted(old.keys() | new.keys())
    ]
