"""Scaffold and prove it: render the module, format it, load it back and compare.

A module is only handed out when loading it yields the input's normalized manifest, modulo what
the authoring API always does (it sorts and deduplicates capability, `uses` and RPC error lists
like the reference emitters; the digest projection sorts them too, so the digest is unchanged).
Anything else the authoring API cannot express (a service without the implicit `health` use,
an empty selector, a capability of another namespace, ...) is reported per JSON pointer.
"""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..contract import LoadedContract, Origin
from ..core.normalize import sorted_unique
from ..diagnostics import ContractError, Diagnostic, pointer
from ..render.formatting import RuffError, format_python, ruff_command
from .module import DEFINE, module_source

# Lists the authoring emitter sorts and deduplicates: (section, field path inside a descriptor).
_SORTED_CAPABILITIES = {
    "rpc": ("call",),
    "operations": ("call", "observe", "cancel", "control"),
    "events": ("publish", "subscribe"),
    "feeds": ("subscribe",),
}
_USE_LISTS = (
    ("rpc", "call"),
    ("operations", "call"),
    ("events", "publish"),
    ("events", "subscribe"),
    ("feeds", "subscribe"),
)
_DOCS_SECTIONS = ("state", "rpc", "operations", "events", "feeds", "jobs", "eventConsumers")
LINT_RULES = "--select=E,F,W,I,B,UP"


@dataclass(frozen=True)
class Scaffold:
    """A scaffolded module and what loading it gives back.

    `loaded`: the contract the module defines (None when loading it failed, see `changes`).
    `reordered`: pointers of lists the authoring API sorts that the input had in another order.
    `changes`: what the module cannot reproduce (empty when the round trip is exact).
    """

    source: str
    loaded: LoadedContract | None
    reordered: tuple[str, ...] = ()
    changes: tuple[Diagnostic, ...] = field(default=())


def authoring_order(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """`manifest` with every list the authoring emitter sorts, sorted and deduplicated."""
    out = copy.deepcopy(dict(manifest))
    for section, keys in _SORTED_CAPABILITIES.items():
        for entry in (out.get(section) or {}).values():
            caps = entry.get("capabilities") or {}
            for key in keys:
                if key in caps:
                    caps[key] = sorted_unique(caps[key])
            if section == "rpc" and "errors" in entry:
                entry["errors"] = [
                    {"type": t} for t in sorted_unique(e["type"] for e in entry["errors"])
                ]
    for group in (out.get("uses") or {}).values():
        for ref in group.values():
            for section, action in _USE_LISTS:
                selector = ref.get(section) or {}
                if action in selector:
                    selector[action] = sorted_unique(selector[action])
    exports = out.get("exports")
    if exports and "schemas" in exports:
        exports["schemas"] = list(dict.fromkeys(exports["schemas"]))
    return out


def without_docs(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """`manifest` without any `docs` (contract, surfaces, signals, resources)."""
    out = copy.deepcopy(dict(manifest))
    out.pop("docs", None)
    entries = [e for s in _DOCS_SECTIONS for e in (out.get(s) or {}).values()]
    entries += [
        e for kind in ("kv", "store") for e in (out.get("resources") or {}).get(kind, {}).values()
    ]
    entries += [
        sig
        for op in (out.get("operations") or {}).values()
        for sig in (op.get("signals") or {}).values()
    ]
    for entry in entries:
        entry.pop("docs", None)
    return out


def differences(a: Any, b: Any, at: str = "") -> Iterator[str]:
    """JSON pointers where `a` and `b` differ (a whole list when any element differs)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                yield pointer(*_tokens(at), key)
            else:
                yield from differences(a[key], b[key], pointer(*_tokens(at), key))
    elif a != b or type(a) is not type(b) and not (_number(a) and _number(b)):
        yield at


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _tokens(at: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in at.split("/")[1:]] if at else []


def _reason(p: str, manifest: Mapping[str, Any], got: Mapping[str, Any]) -> str:
    parts = _tokens(p)
    if parts[:2] == ["uses", "required"] and len(parts) >= 3 and not _has(manifest, parts[:3]):
        return (
            f"{DEFINE[str(manifest['kind'])]} adds this use implicitly; the manifest does not "
            "declare it"
        )
    if not _has(got, parts):
        return "the manifest has this; the authoring API cannot emit it"
    if not _has(manifest, parts):
        return "the authoring API emits this; the manifest does not have it"
    return "the authoring API emits a different value here"


def _has(doc: Any, parts: list[str]) -> bool:
    for part in parts:
        if not isinstance(doc, dict) or part not in doc:
            return False
        doc = doc[part]
    return True


def load_source(source: str, export: str, label: str) -> LoadedContract:
    """Execute a module's source (not from a file) and load its contract like `prepare` does."""
    from ..pipeline import contract_from_manifest

    namespace: dict[str, Any] = {"__name__": "_trellis_scaffold"}
    exec(compile(source, label, "exec", dont_inherit=True), namespace)
    definition = namespace[export]
    origin = Origin(label, "python", export, dict(definition.lines))
    return contract_from_manifest(definition.manifest, origin, extra=definition.diagnostics)


def _lint(source: str) -> None:
    """The module must pass the lint rules this project holds its own code to."""
    done = subprocess.run(
        ruff_command(
            "check", LINT_RULES, "--output-format=concise", "--stdin-filename=contract.py", "-"
        ),
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuffError(f"scaffolded module is not ruff-clean:\n{done.stdout}{done.stderr}")


def scaffold(contract: LoadedContract, *, export: str = "CONTRACT", docs: bool = True) -> Scaffold:
    """The authoring module of `contract`, formatted, linted and loaded back.

    With `docs=False` every `docs` is left out, and the round trip is checked against the
    manifest without them (the digest never covers docs).
    """
    manifest = dict(contract.manifest) if docs else without_docs(contract.manifest)
    source = format_python({"contract.py": module_source(manifest, export)})["contract.py"]
    _lint(source)
    expected = authoring_order(manifest)
    reordered = tuple(differences(manifest, expected))
    label = f"<scaffold of {contract.id}>"
    try:
        loaded = load_source(source, export, label)
    except ContractError as exc:
        changes = tuple(d.located(contract_id=contract.id) for d in exc.diagnostics)
        return Scaffold(source, None, reordered, changes)
    changes = tuple(
        Diagnostic(
            "scaffold-roundtrip",
            _reason(p, expected, loaded.manifest),
            p,
            contract.id,
            contract.origin.path,
        )
        for p in differences(expected, dict(loaded.manifest))
    )
    if (
        not changes and loaded.digest != contract.digest
    ):  # cannot happen: same manifest modulo order
        changes = (
            Diagnostic(
                "scaffold-roundtrip",
                f"digest {loaded.digest} differs from {contract.digest}",
                "",
                contract.id,
                contract.origin.path,
            ),
        )
    return Scaffold(source, loaded, reordered, changes)
