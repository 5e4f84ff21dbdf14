"""Generated SDK packages: lint- and type-clean, importable, complete facades, deterministic."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.sdk.conftest import GeneratedSdks, render_all
from tests.sdk.fixtures import NASTY
from trellis_generate.contract import LoadedContract
from trellis_generate.render.formatting import ruff_command
from trellis_generate.render.python_sdk import render_python
from trellis_generate.views.naming import package_name
from trellis_runtime import InMemoryTransport, JobDescriptor, connect
from trellis_runtime.local import LocalAuth
from trellis_runtime.transfer import TransferInput

GOOD_USAGE = """
from demo_billing_v1 import Client, Service, models, use
from trellis_runtime import ActiveJob, ActiveOperation, Deferred, RpcContext, Use


async def charge(input: models.ChargeRequest, ctx: RpcContext) -> models.ChargeResponse:
    return models.ChargeResponse(chargeId=str(input.amount))


async def export(
    job: ActiveJob[models.ExportPayload, models.ExportResult],
) -> models.ExportResult:
    return models.ExportResult(url=job.payload.month)


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


async def enqueue(service: Service) -> models.ExportResult | None:
    ref = await service.jobs.export_month.create(models.ExportPayload(month="2026-01"))
    return (await ref.wait(timeout=5)).result


USES: dict[str, Use] = {
    "billing": use(rpc_call=["Billing.Charge"], events_subscribe=["Billing.Invoiced"]),
}
"""

# Every line ending in `# error` must fail type checking, and nothing else may.
BAD_USAGE = """
from demo_billing_v1 import Client, Service, models, use
from trellis_runtime import ActiveJob, RpcContext


async def wrong(input: models.RefundRequest, ctx: RpcContext) -> models.ChargeResponse:
    return models.ChargeResponse()


async def wrong_job(job: ActiveJob[models.ExportPayload, models.ExportResult]) -> models.Empty:
    return models.Empty()


def register(service: Service) -> None:
    service.handle.rpc.billing.charge(wrong)  # error
    service.handle.rpc.billing.internal_sync  # error
    service.jobs.export_month.handle(wrong_job)  # error


async def call(client: Client, service: Service) -> None:
    await client.rpc.billing.charge(models.RefundRequest(chargeId="x"))  # error
    await service.jobs.cleanup.create(models.ExportPayload(month="x"))  # error


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
    """Fixtures, examples and the built-in platform contracts (same digests, hence the same
    surfaces and schemas, as the reference's five real manifests)."""
    return [fixture_sdks, *map(request.getfixturevalue, ("example_sdks", "builtin_sdks"))]


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
        ruff_command(
            "check", "--select=E,F,W,I,B,UP", "--ignore=E501", "--output-format=concise", *roots
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def ruff_defaults(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed ruff with its default settings, run where a user keeps the SDK packages
    (the runtime is an installed package there, as in any project using the SDK)."""
    ruff = str(Path(sys.executable).with_name("ruff"))
    return subprocess.run(
        [ruff, *args, "--isolated", "--no-cache", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_generated_code_is_clean_under_ruff_defaults(
    fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest
) -> None:
    """No unused `noqa` (RUF100), sorted imports at ruff's default line length (I001), formatted."""
    for sdks in _all_sdks(fixture_sdks, request):
        lint = ruff_defaults(sdks.root, "check", "--output-format=concise")
        assert lint.returncode == 0, lint.stdout + lint.stderr
        fmt = ruff_defaults(sdks.root, "format", "--check")
        assert fmt.returncode == 0, fmt.stdout + fmt.stderr


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


async def _call_every_leaf(section: Any, calls: set[tuple[str, str]] | None = None) -> None:
    """Call every facade entry below a section with placeholder arguments.

    A transfer operation's `input(...)` builds its builder without a call yet; it is recorded in
    ``calls`` as ``("transfer_input", key)``.
    """
    for group in _public(section):
        leaves = _public(group)  # operation/event leaves are objects, rpc/feed leaves methods
        for call in [m for leaf in leaves for m in _methods(leaf)] if leaves else _methods(group):
            required = [
                p for p in inspect.signature(call).parameters.values()
                if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
            ]  # fmt: skip
            result = call(*[None] * len(required))
            if isinstance(result, TransferInput) and calls is not None:
                calls.add(("transfer_input", result._desc.key))
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
    uploads = _uploads(m) | {k for k in ops - _keys(m, "operations") if _is_upload(deps, k)}
    return (
        {("request", k) for k in rpcs}
        | {("start_operation", k) for k in ops - uploads}
        | {("transfer_input", k) for k in ops & uploads}
        | {("operation", k) for k in ops}
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
        | {("handle_operation", k) for k in _keys(m, "operations") - _uploads(m)}
        | {("handle_upload", k) for k in _uploads(m)}
        | {("operation_control", k) for k in _keys(m, "operations")}
        | {("listen", k) for k in listen}
        | {("handle_feed", k) for k in _keys(m, "feeds")}
        | {("job_queue", q) for q in _keys(m, "jobs")}
    )


def _uploads(manifest: Any) -> set[str]:
    """Send-transfer operations: their facades offer `input(...).transfer(body).start()`."""
    return {
        k
        for k, v in (manifest.get("operations") or {}).items()
        if (v.get("transfer") or {}).get("direction", "send") == "send" and v.get("transfer")
    }


def _is_upload(deps: dict[str, LoadedContract], key: str) -> bool:
    return any(key in _uploads(dep.manifest) for dep in deps.values())


class _BoundRecorder(_Recorder):
    """Stands in for `runtime.Bound`: registrations recorded as `bound_<method>`."""

    def __init__(self, service: _Recorder) -> None:
        super().__init__()
        self.service = service


async def _surfaces(module: ModuleType) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(connection calls of every client entry, runtime calls of every service entry).

    The `with_deps` facade must register exactly what the plain one does.
    """
    conn, runtime = _Recorder(), _Recorder()
    bound = _BoundRecorder(_Recorder())
    client = module.Client(conn)
    handle = module.service._Handle(runtime)
    bound_handle = module.service._BoundHandle(bound)
    for section in ("rpc", "operation", "event", "feed"):
        await _call_every_leaf(getattr(client, section), conn.calls)
        await _call_every_leaf(getattr(handle, section))
        await _call_every_leaf(getattr(bound_handle, section))
    assert bound.calls | bound.service.calls == runtime.calls
    module.service._Jobs(runtime)
    return conn.calls, runtime.calls


async def test_facades_offer_every_non_internal_surface(
    fixture_sdks: GeneratedSdks, request: pytest.FixtureRequest, import_sdks: Any
) -> None:
    for sdks in _all_sdks(fixture_sdks, request):
        deps = dict(sdks.against)
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
    await LocalAuth().serve(await connect(transport=transport.peer()))
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


def test_platform_sdk_output_is_byte_identical_across_runs(builtin_sdks: GeneratedSdks) -> None:
    jobs = builtin_sdks.contracts["trellis.jobs@v1"]
    assert render_python(jobs, builtin_sdks.contracts) == builtin_sdks.files["trellis.jobs@v1"]


def test_job_descriptors_carry_the_manifest_settings_and_the_runtime_defaults(
    fixture_sdks: GeneratedSdks, import_sdks: Any
) -> None:
    billing = import_sdks(fixture_sdks, "demo.billing@v1")
    export, cleanup = billing.descriptors.JOB_EXPORT_MONTH, billing.descriptors.JOB_CLEANUP
    assert (export.queue, export.payload, export.result) == (
        "export-month",
        billing.models.ExportPayload,
        billing.models.ExportResult,
    )
    settings = ("max_deliver", "backoff_ms", "ack_wait_ms", "default_deadline_ms", "progress")
    assert [getattr(export, s) for s in settings] == [2, (100,), 1500, 60000, False]
    assert (export.logs, export.dlq, export.concurrency) == (False, False, 3)
    assert (export.payload_schema, export.result_schema) == ("ExportPayload", "ExportResult")
    # a queue that declares nothing gets exactly the runtime's defaults
    bare = JobDescriptor(
        queue="cleanup", payload=cleanup.payload, result=None, service=cleanup.service
    )
    assert replace(cleanup, payload_schema=None) == bare


def test_what_no_fix_removes_gets_its_own_noqa_and_the_file_stays_clean(tmp_path: Path) -> None:
    from trellis_generate.render.formatting import format_python

    source = (
        "import os\nimport sys\n\n\nclass A:\n    l: int = 1\n\n\ndef f(x=[]):\n    return x, sys\n"
    )
    (text,) = format_python({"m.py": source}, "pkg").values()
    assert "import os" not in text  # fixed, not silenced
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(text)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    assert ruff_defaults(tmp_path, "check").returncode == 0, text
    assert ruff_defaults(tmp_path, "format", "--check").returncode == 0, text
