"""Result types of a contract diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..permissions import CapabilityInfo

Severity = Literal["breaking", "compatible", "metadata-only"]
Status = Literal["added", "removed", "unchanged", "changed"]
SEVERITY_ORDER: dict[str, int] = {"breaking": 0, "compatible": 1, "metadata-only": 2}


@dataclass(frozen=True)
class Finding:
    """One classified change; `pointer` locates it in the new manifest (the old one if removed)."""

    severity: Severity
    rule: str
    pointer: str
    message: str
    # Where a shared schema change is felt, e.g. ("RPC 'Users.Get' input", ...).
    surfaces: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.message} ({', '.join(self.surfaces)})" if self.surfaces else self.message


@dataclass(frozen=True)
class SubjectChange:
    direction: str  # publish | subscribe
    subject: str


@dataclass(frozen=True)
class PermissionDelta:
    """What one party gains or loses between the two versions."""

    gained_capabilities: tuple[CapabilityInfo, ...] = ()
    lost_capabilities: tuple[CapabilityInfo, ...] = ()
    gained_subjects: tuple[SubjectChange, ...] = ()
    lost_subjects: tuple[SubjectChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.gained_capabilities
            or self.lost_capabilities
            or self.gained_subjects
            or self.lost_subjects
        )


@dataclass(frozen=True)
class ContractDiff:
    contract_id: str
    status: Status
    old_digest: str | None
    new_digest: str | None
    findings: tuple[Finding, ...]
    callers: PermissionDelta
    service: PermissionDelta

    @property
    def breaking(self) -> bool:
        return any(f.severity == "breaking" for f in self.findings)

    @property
    def consequence(self) -> str:
        """The suggested version consequence of the change."""
        if self.status == "added":
            return "new contract"
        if self.status == "removed":
            return "breaking: contract removed"
        if not self.breaking:
            return "compatible: same id"
        if self.status == "unchanged":
            return "breaking: a contract it uses no longer has what it uses"
        return f"breaking: needs {next_major(self.contract_id)}"


def next_major(contract_id: str) -> str:
    """`billing@v3` → `billing@v4`; an id without `@vN` gets `@v2`."""
    base, sep, version = contract_id.rpartition("@v")
    if sep and version.isdigit():
        return f"{base}@v{int(version) + 1}"
    return f"{contract_id}@v2"
