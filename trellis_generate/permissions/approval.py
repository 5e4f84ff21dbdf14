"""§9.3: what a user approves for an app or agent contract (`planUserContractApproval`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.subjects import template_to_wildcard
from ..model import ContractModel
from .actions import TRANSFER_DOWNLOAD_ANY, TRANSFER_UPLOAD_ANY, is_download, is_upload, use_actions
from .capabilities import CapabilityCollector
from .listing import ApprovalScopes
from .order import sort_unique
from .resolve import ResolvedUse


def approval_scopes(contract: ContractModel, uses: Iterable[ResolvedUse]) -> ApprovalScopes:
    """`planUserContractApproval` for an app or agent contract."""
    publish: set[str] = set()
    subscribe: set[str] = set()
    caps = CapabilityCollector()
    for event in contract.events.values():
        publish.add(template_to_wildcard(event.subject))
        caps.add(event.capabilities.of("publish"), contract)
    if any(is_download(rpc) for rpc in contract.rpcs.values()):
        publish.add(TRANSFER_DOWNLOAD_ANY)
    if any(is_upload(op) for op in contract.operations.values()):
        publish.add(TRANSFER_UPLOAD_ANY)
    for use in uses:
        for action, needed, grants in use_actions(use):
            for grant in grants:
                (publish if grant.direction == "publish" else subscribe).add(grant.subject)
            if action != "signal":  # control caps are not part of the approval (§9.3)
                caps.add(needed, use.owner)
    return ApprovalScopes(sort_unique(publish), sort_unique(subscribe), caps.sorted())
