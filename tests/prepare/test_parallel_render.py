"""Rendering in forked worker processes: the same bytes as one process, each contract's failure
reported as its own, one ruff pass for the run with a per-contract fallback, and `--timings`."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from trellis_generate import timings
from trellis_generate.commands import app
from trellis_generate.contract import Origin
from trellis_generate.pipeline import contract_from_manifest
from trellis_generate.prepare import toolchain, workers
from trellis_generate.prepare.model_cache import CACHE_ENV
from trellis_generate.prepare.run import Options, Report, prepare
from trellis_generate.render import formatting, python_sdk
from trellis_generate.views.api import ModelSource

from .conftest import Repo
from .test_model_cache import SCHEMA, schema_manifest

ALL = Options(targets=("manifest", "python", "scopes"))


def write_contracts(repo: Repo, count: int) -> None:
    for i in range(count):
        schema = {**SCHEMA, "properties": {**SCHEMA["properties"], f"only{i}": {"type": "string"}}}
        doc = schema_manifest(f"acme.s{i}@v1", schema)
        repo.write(f"contracts/s{i}.contract.json", json.dumps(doc))


def run(repo: Repo, monkeypatch: pytest.MonkeyPatch, jobs: int, options: Options = ALL) -> Report:
    monkeypatch.setenv("TRELLIS_GENERATE_JOBS", str(jobs))
    monkeypatch.setenv(CACHE_ENV, "")  # every model rendered here, in the processes under test
    return prepare(repo.root, options)


def files(repo: Repo) -> dict[str, bytes]:
    return {k: v[0] for k, v in repo.snapshot().items()}


def test_forked_workers_write_the_same_bytes_as_one_process(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_contracts(repo, 5)
    serial = run(repo, monkeypatch, 1)
    assert serial.ok and serial.workers == 1
    one_process = files(repo)
    parallel = run(repo, monkeypatch, 2, Options(targets=ALL.targets, force=True))
    assert parallel.ok and parallel.workers == 2
    assert files(repo) == one_process
    assert [o.id for o in parallel.outcomes] == [o.id for o in serial.outcomes]


def _failing_models(marker: str, error: type[Exception]) -> Any:
    real = python_sdk.render_models

    def render_models(sources: Sequence[ModelSource], store: Any = None) -> str:
        if any(marker in json.dumps(s.schema) for s in sources):
            raise error("cannot model this on purpose")
        return real(sources, store)

    return render_models


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_contract_that_cannot_be_modelled_fails_alone_with_its_diagnostic(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    write_contracts(repo, 3)
    failing = _failing_models("only1", python_sdk.UnmodelableSchemaError)
    monkeypatch.setattr(python_sdk, "render_models", failing)  # inherited by forked workers
    report = run(repo, monkeypatch, jobs)
    failed = {o.id: o for o in report.outcomes if o.status == "failed"}
    assert list(failed) == ["acme.s1@v1"]
    (diag,) = failed["acme.s1@v1"].diagnostics
    assert diag.rule == "python-models" and "cannot model this on purpose" in diag.message
    assert diag.file == "contracts/s1.contract.json"
    assert not repo.out.exists()  # one failure: nothing written


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_renderer_crash_in_a_worker_names_the_contract_and_the_exception(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    write_contracts(repo, 3)
    monkeypatch.setattr(python_sdk, "render_models", _failing_models("only2", KeyError))
    report = run(repo, monkeypatch, jobs)
    (failed,) = [o for o in report.outcomes if o.status == "failed"]
    (diag,) = failed.diagnostics
    assert failed.id == "acme.s2@v1" and diag.rule == "render-crash"
    assert diag.message.startswith("renderer crashed: KeyError:")
    assert "cannot model this on purpose" in diag.message


def test_when_ruff_rejects_the_batch_each_contract_is_formatted_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = formatting.format_rendered

    def format_rendered(texts: dict[str, str]) -> dict[str, str]:
        if any("broken" in rel for rel in texts):
            raise formatting.RuffError("ruff says no")
        return real(texts)

    monkeypatch.setattr(formatting, "format_rendered", format_rendered)
    good = {"python/good/m.py": "import os\nx=1\n", "scopes/good.md": "kept as is"}
    bad = {"python/broken/m.py": "x=1\n"}
    earlier = ValueError("failed before formatting")
    results = toolchain._format([good, bad, earlier])
    assert results[0] == {"python/good/m.py": "x = 1\n", "scopes/good.md": "kept as is"}
    assert isinstance(results[1], formatting.RuffError)
    assert results[2] is earlier


def test_stages_count_their_own_time_only() -> None:
    timings.take()
    with timings.stage("load"):
        with timings.stage("validate"):
            pass
    figures = timings.take()
    assert set(figures) == {"load", "validate"}
    assert all(seconds >= 0 for seconds in figures.values())
    assert timings.take() == {}


def test_prepare_timings_prints_every_stage_and_the_wall_time(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_contracts(repo, 2)
    monkeypatch.setenv("TRELLIS_GENERATE_JOBS", "2")
    result = CliRunner().invoke(app, ["prepare", str(repo.root), "--timings"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("timings (summed over worker processes):")
    table = lines[start + 1 :]
    assert [line.split()[0] for line in table[:-1]] == [
        "load", "validate", "render", "render", "render", "format", "write"
    ]  # fmt: skip
    assert table[-1].startswith("  total (wall)") and table[-1].endswith("2 render process(es)")
    rendered = {line[:17].strip(): float(line.split()[-2]) for line in table[:-1]}
    assert rendered["render models"] > 0 and rendered["format"] > 0


def test_workers_forked_for_contracts_that_turn_out_current_are_stopped_unused(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_contracts(repo, 3)
    assert run(repo, monkeypatch, 2).ok
    for i in range(3):  # new bytes, same manifest: inputs changed, nothing to render
        path = repo.root / f"contracts/s{i}.contract.json"
        path.write_text(json.dumps(json.loads(path.read_text()), indent=4))
    report = run(repo, monkeypatch, 2)
    assert report.ok and {o.status for o in report.outcomes} == {"unchanged"}
    assert multiprocessing.active_children() == []


def test_a_job_the_pool_cannot_pickle_is_rendered_in_this_process() -> None:
    pool = workers.RenderPool(2)
    marker = object()  # a closure over it does not pickle

    def render(contract: Any, deps: Any, targets: Any) -> dict[str, str]:
        return {"seen": str(marker is not None)}

    contract = contract_from_manifest(schema_manifest("acme.x@v1", SCHEMA), Origin("x", "json"))
    try:
        assert pool.render(render, [(contract, {}), (contract, {})], ["python"]) == [
            {"seen": "True"},
            {"seen": "True"},
        ]
    finally:
        pool.close()
    assert multiprocessing.active_children() == []
