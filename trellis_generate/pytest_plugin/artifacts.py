"""The review-friendly files a repository's contracts are snapshotted as (pure).

One file per artifact so a pull request diff shows exactly what changed:
- the canonical manifest, pretty-printed in its canonical (RFC 8785) key order, headed by a
  comment line carrying its digest; it is read back for the semantic diff of a change;
- the scope listing as Markdown (the review table `prepare` writes);
- optionally every file of the generated Python SDK.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ..contract import LoadedContract
from ..load.manifest_json import parse_manifest_text
from ..outputs import scopes_paths
from .repository import RenderedRepository

ArtifactKind = Literal["manifest", "scopes", "sdk"]
KINDS: tuple[ArtifactKind, ...] = ("manifest", "scopes", "sdk")

MANIFEST_HEADER = "// Canonical trellis.contract.v1 manifest (RFC 8785 key order), pretty-printed."
DIGEST_PREFIX = "// digest: "
PYTHON_DIR = "python/"


@dataclass(frozen=True)
class Artifact:
    """`name` is the snapshot's name: the contract id, or for an SDK file its path under
    `python/` with `/` spelled `.` (a snapshot file name cannot hold `/`)."""

    kind: ArtifactKind
    contract_id: str
    name: str
    text: str


def manifest_review_text(contract: LoadedContract) -> str:
    body = json.dumps(json.loads(contract.canonical), indent=2, ensure_ascii=False)
    return f"{MANIFEST_HEADER}\n{DIGEST_PREFIX}{contract.digest}\n{body}\n"


def parse_manifest_review(text: str) -> tuple[Any, str | None]:
    """The raw manifest and the recorded digest of a manifest snapshot.

    Raises ValueError when the text is not one (a hand-edited or foreign file).
    """
    lines = text.splitlines(keepends=True)
    digest = None
    start = 0
    while start < len(lines) and lines[start].startswith("//"):
        if lines[start].startswith(DIGEST_PREFIX):
            digest = lines[start][len(DIGEST_PREFIX) :].strip()
        start += 1
    raw, problems = parse_manifest_text("".join(lines[start:]))
    if problems:
        raise ValueError("; ".join(problems))
    return raw, digest


def sdk_name(path: str) -> str:
    return path.removeprefix(PYTHON_DIR).replace("/", ".")


def artifacts_of(repo: RenderedRepository, *, sdk: bool) -> list[Artifact]:
    """Every artifact of every owned contract, by contract id, then kind, then file."""
    out: list[Artifact] = []
    for cid, rendered in repo.contracts.items():
        out.append(Artifact("manifest", cid, cid, manifest_review_text(rendered.contract)))
        md_path = scopes_paths(cid)[1]
        out.append(Artifact("scopes", cid, cid, rendered.files[md_path]))
        if sdk:
            out += [
                Artifact("sdk", cid, sdk_name(path), text)
                for path, text in sorted(rendered.files.items())
                if path.startswith(PYTHON_DIR)
            ]
    return out


def targets_for(sdk: bool) -> tuple[str, ...]:
    """What to render: the manifest target (so its output-path rules apply as in prepare), the
    scope listing, and the SDK only when it is snapshotted (it is the slow target)."""
    return ("manifest", "scopes", "python") if sdk else ("manifest", "scopes")


def kinds_of(artifacts: Iterable[Artifact]) -> list[ArtifactKind]:
    present = {a.kind for a in artifacts}
    return [k for k in KINDS if k in present]
