"""What a contract needs from other contracts, checked against the ones that are available.

Two repository-level rules that no single manifest can check on its own:

- every surface a `uses` entry selects must exist on the used contract, when that contract is
  available: otherwise the SDK would silently lose the call and the deployment its permission;
- a qualified capability (`<namespace>::<name>`) must be declared by the contract owning that
  namespace, when that contract is available (the own namespace always is).

Pure: typed contracts in, diagnostics out. Used by prepare and verify (which find the used
contracts in the repository) and by `generate --dep-manifest`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..contract import LoadedContract
from ..diagnostics import Diagnostic, pointer
from ..model import SECTIONS, ContractModel


def capability_namespace(contract_id: str) -> str:
    """`acme.billing@v1` → `acme.billing` (the TS authoring rule `/@v\\d+$/`)."""
    head, sep, version = contract_id.rpartition("@v")
    return head if sep and version.isdigit() else contract_id


def capability_references(contract: ContractModel) -> Iterator[tuple[str, str, str]]:
    """(pointer, surface description, capability) for every capability a surface requires."""
    for kind, section in SECTIONS.items():
        for name, surface in contract.surfaces(kind).items():
            for action, caps in sorted(surface.capabilities.declared.items()):
                for i, cap in enumerate(caps):
                    at = pointer(section, name, "capabilities", action, i)
                    yield at, f"{kind} '{name}' {action}", cap


def referenced_namespaces(contract: ContractModel) -> frozenset[str]:
    """Namespaces of the qualified capabilities a contract requires."""
    return frozenset(cap.split("::", 1)[0] for _, _, cap in capability_references(contract))


def _where(contract: LoadedContract, at: str) -> dict[str, Any]:
    origin = contract.origin
    return {
        "pointer": at,
        "contract_id": contract.id,
        "file": origin.path,
        "line": origin.line_for(at),
    }


def missing_surfaces(
    contract: LoadedContract, available: Mapping[str, LoadedContract]
) -> list[Diagnostic]:
    """A `use-missing-surface` error per selected surface an available dependency lacks."""
    out: list[Diagnostic] = []
    for use, sel, i, name in contract.model.selections():
        dep = available.get(use.contract)
        if dep is None or use.contract == contract.id:
            continue
        if name in dep.model.surfaces(sel.kind):
            continue
        message = (
            f"uses '{use.alias}' ({use.group}) selects {sel.section}.{sel.action} '{name}', "
            f"but {use.contract} has no {sel.label} '{name}'"
        )
        at = pointer("uses", use.group, use.alias, sel.section, sel.action, i)
        out.append(Diagnostic("use-missing-surface", message, **_where(contract, at)))
    return out


def unknown_capabilities(
    contract: LoadedContract, available: Mapping[str, LoadedContract]
) -> list[Diagnostic]:
    """An `unknown-capability` error per qualified capability its owning contract (this one, or
    an available one with that namespace) does not declare."""
    own = capability_namespace(contract.id)
    owners: dict[str, set[str]] = {own: set(contract.model.capabilities)}
    for ident, dep in available.items():
        if ident != contract.id and capability_namespace(ident) != own:
            owners.setdefault(capability_namespace(ident), set()).update(dep.model.capabilities)
    ids = {own: contract.id}
    for ident in sorted(available):
        ids.setdefault(capability_namespace(ident), ident)
    out: list[Diagnostic] = []
    for at, surface, cap in capability_references(contract.model):
        namespace, sep, _ = cap.partition("::")
        if not sep or namespace not in owners or cap in owners[namespace]:
            continue
        message = f"{surface} requires capability '{cap}', which {ids[namespace]} does not declare"
        out.append(Diagnostic("unknown-capability", message, **_where(contract, at)))
    return out


def use_problems(
    contract: LoadedContract, available: Mapping[str, LoadedContract]
) -> list[Diagnostic]:
    """Every repository-level problem of `contract`, given the contracts that are available (the
    ones it uses and the owners of the capability namespaces it names)."""
    return [*missing_surfaces(contract, available), *unknown_capabilities(contract, available)]
