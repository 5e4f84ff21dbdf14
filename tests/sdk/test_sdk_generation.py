"""Generated SDK packages: lint- and type-clean, importable, complete facades, deterministic."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import requires_shared
from tests.sdk.conftest import GeneratedSdks, render_all
from tests.sdk.fixtures import NASTY
from trellis_generate.contract import LoadedContract
from trellis_generate.render.python_sdk import render_python, ruff_command
from trellis_generate.runtime import InMemoryTransport, connect
from trellis_generate.views.naming import package_name

GOOD_USAGE = """
from demo_billing_v1 import Client, Service, models, use
from trellis_generate.authoring import Use
from trellis_generate.runtime import ActiveOperation, Deferred, JobContext, RpcContext


async def charge(input: models.ChargeRequest, ctx: RpcContext) -> models.ChargeResponse:
    return models.ChargeResponse(chargeId=str(input.amount))


async def export(payload: models.ExportPayload, ctx: JobContext) -> models.ExportResult:
    return models.ExportResult(url=payload.month)


def register(service: Service) -> None:
    service.handle.rpc.billing.charge(charge)
    service.jobs.export_month.handle(export)

    @service.handle.operation.billing.refund
    async def refund(
        input: models.RefundRequest, op: ActiveOperation[models.RefundProgress, models.RefundResult]
    ) -> models.RefundResult | Deferred:
        return op.defer()


async def call(client: Client) -> models.ChargeResponse:
    return await client.rpc.billing.charge(models.ChargeRequest(amount=1))


USES: dict[str, Use] = {
    "billing": use(rpc_call=["Billing.Charge"], events_subscribe=["Billing.Invoiced"]),
}
"""

# Every line ending in `# error` must fail type checking, and nothing else may.
BAD_USAGE = """
from demo_billing_v1 import Client, Service, models, use
from trellis_generate.runtime import RpcContext


async def wrong(input: models.RefundRequest, ctx: RpcContext) -> models.ChargeResponse:
    return models.ChargeResponse()


def register(service: Service) -> None:
    service.handle.rpc.billing.charge(wrong)  # error
    service.handle.rpc.billing.internal_sync  # error


async def call(client: Client) -> None:
    await client.rpc.billing.charge(models.RefundRequest(chargeId="x"))  # error


USES = use(rpc_call=["Billing.Chrage"])  # error
"""


def _mypy(*targets: Path, mypy_path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(mypy_path)}
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", f"--cache-dir={cache}"]
    return subprocess.run(
        [*cmd, *map(str, targets)], capture_output=True, text=True, env=env, check=False
    )


def _package_dirs(sdks: GeneratedSdks) -> list[Path]:
    return sorted(p for p in sdks.root.iterdir() if p.is_dir())


def _all_sdks(fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest) -> list[GeneratedSdks]:
    sdks = [fixture_sdks, request.getfixturevalue("example_sdks")]
    if (Path(__file__).resolve().parents[3] / "shared" / "conformance").is_dir():
        sdks.append(request.getfixturevalue("real_sdks"))
    return sdks


def test_generated_packages_have_every_module(fixture_sdks: GeneratedSdks) -> None:
    for cid, files in fixture_sdks.files.items():
        names = sorted(path.rsplit("/", 1)[1] for path in files)
        assert names == sorted(
            ["__init__.py", "client.py", "contract.py", "descriptors.py", "errors.py",
             "models.py", "py.typed", "service.py"]
        ), cid  # fmt: skip
        assert all(path.startswith(f"python/{package_name(cid)}/") for path in files)


def test_generated_code_passes_ruff(
    fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest
) -> None:
    roots = [str(s.root) for s in _all_sdks(fixture_sdks, request)]
    done = subprocess.run(
        ruff_command("check", "--select=E,F,W,I,B,UP", "--output-format=concise", *roots),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_generated_code_passes_mypy_strict_and_misuse_fails(
    fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    (tmp_path / "good_usage.py").write_text(GOOD_USAGE, encoding="utf-8")
    (tmp_path / "bad_usage.py").write_text(BAD_USAGE, encoding="utf-8")
    packages = [p for s in _all_sdks(fixture_sdks, request) for p in _package_dirs(s)]
    done = _mypy(
        *packages, tmp_path / "good_usage.py", tmp_path / "bad_usage.py",
        mypy_path=fixture_sdks.root, cache=tmp_path / "mypy-cache",
    )  # fmt: skip
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    elsewhere = [line for line in errors if not line.startswith(str(tmp_path / "bad_usage.py"))]
    assert elsewhere == [], done.stdout
    failed = {int(m.group(1)) for line in errors if (m := re.search(r"\.py:(\d+): error", line))}
    expected = {i for i, line in enumerate(BAD_USAGE.splitlines(), 1) if line.endswith("# error")}
    assert failed == expected, done.stdout


@pytest.fixture
def import_sdks() -> Iterator[Any]:
    """Import generated packages from a root; forget them (and the root) afterwards."""
    roots: list[str] = []
    packages: set[str] = set()

    def load(sdks: GeneratedSdks, contract_id: str) -> ModuleType:
        if str(sdks.root) not in sys.path:
            sys.path.insert(0, str(sdks.root))
            roots.append(str(sdks.root))
        packages.add(package_name(contract_id))
        return importlib.import_module(package_name(contract_id))

    yield load
    for root in roots:
        sys.path.remove(root)
    for name in [m for m in sys.modules if m.split(".")[0] in packages]:
        del sys.modules[name]


class _Recorder:
    """Stands in for a Connection / runtime Service and records which descriptor each call used."""

    def __init__(self) -> None:
        self.calls: set[tuple[str, str]] = set()

    def __getattr__(self, method: str) -> Any:
        def record(desc: Any, *args: Any, **kwargs: Any) -> Any:
            self.calls.add((method, getattr(desc, "key", getattr(desc, "queue", None))))
            return _Awaitable()

        return record


class _Awaitable:
    def __await__(self) -> Any:
        return iter(())


def _public(obj: Any) -> list[Any]:
    return [v for n, v in sorted(vars(obj).items()) if not n.startswith("_")]


def _methods(obj: Any) -> list[Any]:
    found = [m for n, m in inspect.getmembers(obj, inspect.ismethod) if not n.startswith("_")]
    return found + ([obj] if "__call__" in type(obj).__dict__ else [])


async def _call_every_leaf(section: Any) -> None:
    """Call every facade entry below a section with placeholder arguments."""
    for group in _public(section):
        leaves = _public(group)  # operation/event leaves are objects, rpc/feed leaves methods
        for call in [m for leaf in leaves for m in _methods(leaf)] if leaves else _methods(group):
            required = [
                p for p in inspect.signature(call).parameters.values()
                if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
            ]  # fmt: skip
            result = call(*[None] * len(required))
            if inspect.isawaitable(result):
                await result


def _keys(manifest: Any, section: str, *, public: bool = False) -> set[str]:
    entries = manifest.get(section) or {}
    return {k for k, v in entries.items() if not (public and v.get("internal"))}


def _used(contract: LoadedContract, deps: dict[str, LoadedContract]) -> dict[str, set[str]]:
    """Selected keys of available dependencies, by `<section>.<action>`."""
    uses = contract.manifest.get("uses") or {}
    used: dict[str, set[str]] = {}
    for ref in [*(uses.get("required") or {}).values(), *(uses.get("optional") or {}).values()]:
        if (dep := deps.get(ref["contract"])) is None:
            continue
        for section, action in (("rpc", "call"), ("operations", "call"), ("events", "publish"),
                                ("events", "subscribe"), ("feeds", "subscribe")):  # fmt: skip
            selected = set((ref.get(section) or {}).get(action) or [])
            present = _keys(dep.manifest, section, public=section == "rpc")
            used.setdefault(f"{section}.{action}", set()).update(selected & present)
    return used


def _expected_client_calls(
    contract: LoadedContract, deps: dict[str, LoadedContract]
) -> set[tuple[str, str]]:
    m, used = contract.manifest, _used(contract, deps)
    rpcs = _keys(m, "rpc", public=True) | used.get("rpc.call", set())
    ops = _keys(m, "operations") | used.get("operations.call", set())
    publish = _keys(m, "events") | used.get("events.publish", set())
    subscribe = _keys(m, "events") | used.get("events.subscribe", set())
    feeds = _keys(m, "feeds") | used.get("feeds.subscribe", set())
    return (
        {("request", k) for k in rpcs}
        | {(a, k) for k in ops for a in ("start_operation", "operation")}
        | {("publish", k) for k in publish}
        | {("subscribe", k) for k in subscribe}
        | {("feed", k) for k in feeds}
    )


def _expected_service_calls(
    contract: LoadedContract, deps: dict[str, LoadedContract]
) -> set[tuple[str, str]]:
    m = contract.manifest
    listen = _keys(m, "events") | _used(contract, deps).get("events.subscribe", set())
    return (
        {("handle_rpc", k) for k in _keys(m, "rpc", public=True)}
        | {
            (a, k)
            for k in _keys(m, "operations")
            for a in ("handle_operation", "operation_control")
        }
        | {("listen", k) for k in listen}
        | {("handle_feed", k) for k in _keys(m, "feeds")}
        | {(a, q) for q in _keys(m, "jobs") for a in ("handle_job", "create_job")}
    )


async def _surfaces(module: ModuleType) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(connection calls of every client entry, runtime calls of every service entry)."""
    conn, runtime = _Recorder(), _Recorder()
    client = module.Client(conn)
    handle = module.service._Handle(runtime)
    for section in ("rpc", "operation", "event", "feed"):
        await _call_every_leaf(getattr(client, section))
        await _call_every_leaf(getattr(handle, section))
    for job in _public(module.service._Jobs(runtime)):
        job.handle(None)
        await job.create(None)
    return conn.calls, runtime.calls


async def test_facades_offer_every_non_internal_surface(
    fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest, import_sdks: Any
) -> None:
    for sdks in _all_sdks(fixture_sdks, request):
        deps = dict(sdks.contracts)
        for cid, contract in sdks.contracts.items():
            module = import_sdks(sdks, cid)
            client_calls, service_calls = await _surfaces(module)
            assert client_calls == _expected_client_calls(contract, deps), cid
            assert service_calls == _expected_service_calls(contract, deps), cid


def test_internal_rpcs_stay_in_descriptors(fixture_sdks: GeneratedSdks, import_sdks: Any) -> None:
    billing = import_sdks(fixture_sdks, "demo.billing@v1")
    assert billing.descriptors.RPC_BILLING_INTERNAL_SYNC.internal is True
    assert billing.descriptors.LEDGER_RPC_LEDGER_SECRET.internal is True
    assert not hasattr(billing.Client(None).rpc.billing, "internal_sync")
    assert not hasattr(billing.Client(None).rpc.ledger, "secret")


def test_unresolved_uses_are_listed_not_dropped(fixture_sdks: GeneratedSdks) -> None:
    client = fixture_sdks.files["demo.billing@v1"]["python/demo_billing_v1/client.py"]
    assert "- audit (demo.audit@v1): manifest not available" in client
    assert "- ledger (demo.ledger@v1): does not expose rpc.call Ledger.Gone" in client


def test_hostile_text_survives_as_data(fixture_sdks: GeneratedSdks, import_sdks: Any) -> None:
    contract = fixture_sdks.contracts["we!rd.names@v2"]
    sdk = import_sdks(fixture_sdks, contract.id)
    assert sdk.CONTRACT_ID == contract.id and sdk.CONTRACT_DIGEST == contract.digest
    assert sdk.CONTRACT_NAME == NASTY
    assert sdk.contract_manifest() == contract.manifest
    assert inspect.getdoc(sdk.Client(None).rpc.user.find) == NASTY
    assert {e.error_type for e in vars(sdk.errors).values() if isinstance(e, type)
            and issubclass(e, sdk.errors.DeclaredError) and e is not sdk.errors.DeclaredError
            } == {NASTY, "Service", "ClientError"}  # fmt: skip
    assert sdk.use(rpc_call=["User.Find"]).contract == contract.id


async def test_generated_client_and_service_talk_in_memory(
    fixture_sdks: GeneratedSdks, import_sdks: Any
) -> None:
    billing = import_sdks(fixture_sdks, "demo.billing@v1")
    models, errors = billing.models, billing.errors
    transport = InMemoryTransport()
    conn = await connect(transport=transport)
    service = billing.Service(conn, name="billing")

    @service.handle.rpc.billing.charge
    async def charge(input: Any, ctx: Any) -> Any:
        if input.amount > 100:
            raise errors.Declined("too much", data=models.DeclinedData(code=7))
        return models.ChargeResponse(chargeId=f"c{input.amount}", extra="kept")

    await service.start()
    try:
        client = billing.Client(conn)
        out = await client.rpc.billing.charge(models.ChargeRequest(amount=5))
        assert out.chargeId == "c5" and out.model_extra == {"extra": "kept"}
        with pytest.raises(errors.Declined) as declined:
            await client.rpc.billing.charge(models.ChargeRequest(amount=500))
        assert declined.value.data == models.DeclinedData(code=7)
    finally:
        await service.stop()
        await conn.close()


def test_output_is_byte_identical_across_runs(fixture_sdks: GeneratedSdks) -> None:
    assert render_all(fixture_sdks.contracts) == fixture_sdks.files


@requires_shared
def test_real_manifest_output_is_byte_identical_across_runs(real_sdks: GeneratedSdks) -> None:
    jobs = real_sdks.contracts["trellis.jobs@v1"]
    assert render_python(jobs, real_sdks.contracts) == real_sdks.files["trellis.jobs@v1"]
