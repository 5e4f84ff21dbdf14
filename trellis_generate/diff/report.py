"""The three renderings of a diff: text for people at a terminal, JSON for tools, Markdown for a
pull-request comment. Findings are listed breaking first, then by pointer."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..markdown import md_code, md_text
from ..permissions import CapabilityInfo, capability_json
from .model import SEVERITY_ORDER, ContractDiff, Finding, PermissionDelta

FORMATS = ("text", "json", "markdown")


def _ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.pointer, f.message))


def summary(diffs: Sequence[ContractDiff]) -> dict[str, int]:
    out = {"added": 0, "removed": 0, "changed": 0, "unchanged": 0, "breaking": 0}
    for d in diffs:
        out[d.status] += 1
        out["breaking"] += d.breaking
    return out


# --- JSON -------------------------------------------------------------------------------------


def _delta_json(delta: PermissionDelta) -> dict[str, Any]:
    return {
        "gainedCapabilities": [capability_json(c) for c in delta.gained_capabilities],
        "lostCapabilities": [capability_json(c) for c in delta.lost_capabilities],
        "gainedSubjects": [vars(s) for s in delta.gained_subjects],
        "lostSubjects": [vars(s) for s in delta.lost_subjects],
    }


def _finding_json(f: Finding) -> dict[str, Any]:
    return {**vars(f), "surfaces": list(f.surfaces)}


def to_json(diffs: Sequence[ContractDiff]) -> str:
    doc = {
        "contracts": [
            {
                "id": d.contract_id,
                "status": d.status,
                "oldDigest": d.old_digest,
                "newDigest": d.new_digest,
                "breaking": d.breaking,
                "consequence": d.consequence,
                "findings": [_finding_json(f) for f in _ordered(d.findings)],
                "permissions": {
                    "callers": _delta_json(d.callers),
                    "service": _delta_json(d.service),
                },
            }
            for d in diffs
        ],
        "summary": summary(diffs),
    }
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- text -------------------------------------------------------------------------------------


def _line(text: str) -> str:
    """Manifest text on one terminal line."""
    return " ".join(text.split())


def _cap_text(c: CapabilityInfo) -> str:
    extra = f"; {c.consequence}" if c.consequence else ""
    return _line(f"{c.key} ({c.display_name}: {c.description}{extra})")


def _delta_text(who: str, delta: PermissionDelta) -> list[str]:
    lines = [f"  {who}: must be granted {_cap_text(c)}" for c in delta.gained_capabilities]
    lines += [f"  {who}: no longer needs {_cap_text(c)}" for c in delta.lost_capabilities]
    lines += [f"  {who}: gains {s.direction} {s.subject}" for s in delta.gained_subjects]
    lines += [f"  {who}: loses {s.direction} {s.subject}" for s in delta.lost_subjects]
    return lines


def to_text(diffs: Sequence[ContractDiff]) -> str:
    lines: list[str] = []
    for d in diffs:
        head = f"{d.contract_id}: {d.status}"
        if d.status != "unchanged" or d.findings:
            head += f" ({d.consequence})"
        lines.append(head)
        if d.old_digest != d.new_digest and d.old_digest and d.new_digest:
            lines.append(f"  digest {d.old_digest} -> {d.new_digest}")
        for f in _ordered(d.findings):
            lines.append(f"  {f.severity}: {f.pointer or '/'}: {_line(f.describe())} [{f.rule}]")
        lines += _delta_text("callers", d.callers) + _delta_text("service", d.service)
    s = summary(diffs)
    lines.append(
        f"{s['changed']} changed, {s['added']} added, {s['removed']} removed, "
        f"{s['unchanged']} unchanged; {s['breaking']} breaking"
    )
    return "\n".join(lines) + "\n"


# --- Markdown ---------------------------------------------------------------------------------


def _cap_rows(title: str, caps: Sequence[CapabilityInfo]) -> list[str]:
    if not caps:
        return []
    rows = [
        f"**{title}**",
        "",
        "| Capability | Name | Description | Consequence |",
        "| --- | --- | --- | --- |",
    ]
    rows += [
        f"| {md_code(c.key)} | {md_text(c.display_name)} | {md_text(c.description)} | "
        f"{md_text(c.consequence) if c.consequence else ''} |"
        for c in caps
    ]
    return [*rows, ""]


def _delta_md(who: str, delta: PermissionDelta) -> list[str]:
    if delta.empty:
        return []
    lines = [f"#### Permission impact: {who}", ""]
    lines += _cap_rows(f"New capabilities {who} must be granted", delta.gained_capabilities)
    lines += _cap_rows(f"Capabilities {who} no longer need", delta.lost_capabilities)
    for verb, subjects in (("gained", delta.gained_subjects), ("lost", delta.lost_subjects)):
        if subjects:
            lines.append(
                f"Subjects {verb}: "
                + ", ".join(f"{s.direction} {md_code(s.subject)}" for s in subjects)
            )
            lines.append("")
    return lines


def to_markdown(diffs: Sequence[ContractDiff]) -> str:
    s = summary(diffs)
    lines = [
        "## Trellis contract changes",
        "",
        f"{s['changed']} changed, {s['added']} added, {s['removed']} removed, "
        f"{s['unchanged']} unchanged; **{s['breaking']} breaking**.",
        "",
        "| Contract | Status | Consequence |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {md_code(d.contract_id)} | {d.status} | {md_text(d.consequence)} |" for d in diffs
    ]
    for d in diffs:
        if not d.findings and d.callers.empty and d.service.empty:
            continue
        lines += ["", f"### {md_code(d.contract_id)}: {d.status}", ""]
        if d.findings:
            lines += ["| Class | Pointer | Change | Rule |", "| --- | --- | --- | --- |"]
            lines += [
                f"| {f.severity} | {md_code(f.pointer or '/')} | {md_text(f.describe())} "
                f"| {f.rule} |"
                for f in _ordered(d.findings)
            ]
            lines.append("")
        lines += _delta_md("callers", d.callers) + _delta_md("the service", d.service)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(diffs: Sequence[ContractDiff], fmt: str) -> str:
    return {"text": to_text, "json": to_json, "markdown": to_markdown}[fmt](diffs)
