"""`digest` and `verify`: the contract core from the command line."""

from __future__ import annotations

from ._app import app
from ._inputs import (
    ErrorFormat,
    ErrorFormatOpt,
    ManifestOpt,
    SourceOpt,
    fail,
    load_input,
    report,
)

SURFACES = ("rpc", "operations", "events", "feeds", "jobs", "eventConsumers", "state", "schemas")


@app.command()
def digest(
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Print the contract's 43-character runtime digest."""
    print(load_input(source, manifest, fmt=error_format).digest)


@app.command()
def verify(
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    error_format: ErrorFormatOpt = ErrorFormat.text,
) -> None:
    """Validate a contract and print its id, kind, digest and surface counts (exit 1 if invalid).

    Inside a repository, the contracts it uses are found and loaded too: a used contract that
    fails to load or no longer has a selected surface makes it invalid, as in prepare.
    """
    from ..pipeline import parse_source_arg
    from ..prepare.neighbours import repository_problems

    contract = load_input(source, manifest, fmt=error_format)
    path = parse_source_arg(source)[0] if source is not None else manifest
    assert path is not None  # load_input accepted exactly one
    problems = repository_problems(contract, path)
    if any(d.severity == "error" for d in problems):
        fail(problems, error_format)
    report(problems, error_format)
    m = contract.manifest
    print(f"OK {contract.id}")
    print(f"  kind: {contract.kind}")
    print(f"  digest: {contract.digest}")
    for key in SURFACES:
        print(f"  {key}: {len(m.get(key, {}))}")
    resources = m.get("resources", {})
    print(
        f"  resources: kv {len(resources.get('kv', {}))}, store {len(resources.get('store', {}))}"
    )
