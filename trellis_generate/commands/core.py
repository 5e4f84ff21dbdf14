"""`digest` and `verify`: the contract core from the command line."""

from __future__ import annotations

from ._app import app
from ._inputs import ManifestOpt, SourceOpt, load_input

SURFACES = ("rpc", "operations", "events", "feeds", "jobs", "eventConsumers", "state", "schemas")


@app.command()
def digest(source: SourceOpt = None, manifest: ManifestOpt = None) -> None:
    """Print the contract's 43-character runtime digest."""
    print(load_input(source, manifest).digest)


@app.command()
def verify(source: SourceOpt = None, manifest: ManifestOpt = None) -> None:
    """Validate a contract and print its id, kind, digest and surface counts (exit 1 if invalid)."""
    contract = load_input(source, manifest)
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
