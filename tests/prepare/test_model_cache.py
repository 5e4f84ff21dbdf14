"""The shared cache of rendered models: exact hits only, damage is a miss, `--force` bypasses it,
and prepare output is the same bytes whether models come from it or from
datamodel-code-generator."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from trellis_generate.prepare import model_cache
from trellis_generate.prepare.model_cache import CACHE_ENV, ModelCache
from trellis_generate.prepare.run import Options, prepare
from trellis_generate.render import models
from trellis_generate.views.api import ModelSource

from .conftest import Repo, manifest

PYTHON = Options(targets=("python",))
SCHEMA = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "count": {"type": "integer"}},
    "required": ["id"],
}


def schema_manifest(ident: str, schema: dict[str, Any]) -> dict[str, Any]:
    doc = manifest(ident)
    doc["schemas"] = {"Item": schema}
    doc["rpc"] = {
        "Items.Get": {
            "version": "v1",
            "subject": "rpc.v1.Items.Get",
            "input": {"schema": "Item"},
            "output": {"schema": "Item"},
        }
    }
    return doc


class CountingGenerate:
    """Stands in for the datamodel-code-generator call, counting calls (same process only)."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = models._generate

    def __call__(self, document: dict[str, Any]) -> Any:
        self.calls += 1
        return self.real(document)


@pytest.fixture
def generate(monkeypatch: pytest.MonkeyPatch) -> CountingGenerate:
    counting = CountingGenerate()
    monkeypatch.setattr(models, "_generate", counting)
    monkeypatch.setenv("TRELLIS_GENERATE_JOBS", "1")  # render here, where the count is kept
    return counting


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-cache"
    monkeypatch.setenv(CACHE_ENV, str(path))
    return path


def test_second_render_of_the_same_schemas_is_a_hit_with_the_same_text(
    tmp_path: Path, generate: CountingGenerate
) -> None:
    store = ModelCache(tmp_path, "fingerprint")
    sources = [ModelSource("Item", SCHEMA)]
    first = models.render_models(sources, store)
    assert models.render_models(sources, store) == first == models.render_models(sources)
    assert generate.calls == 2  # the first render and the uncached one, not the hit


def test_property_order_and_class_names_key_separate_entries(tmp_path: Path) -> None:
    reordered = {**SCHEMA, "properties": dict(reversed(list(SCHEMA["properties"].items())))}
    keys = {
        models.sources_key([ModelSource("Item", SCHEMA)]),
        models.sources_key([ModelSource("Item", reordered)]),
        models.sources_key([ModelSource("Thing", SCHEMA)]),
    }
    assert len(keys) == 3
    store = ModelCache(tmp_path, "fingerprint")
    plain = models.render_models([ModelSource("Item", SCHEMA)], store)
    swapped = models.render_models([ModelSource("Item", reordered)], store)
    assert plain.index("id:") < plain.index("count:")
    assert swapped.index("count:") < swapped.index("id:")


def test_a_damaged_entry_is_a_miss_and_is_rendered_again(
    tmp_path: Path, generate: CountingGenerate
) -> None:
    store = ModelCache(tmp_path, "fingerprint")
    sources = [ModelSource("Item", SCHEMA)]
    good = models.render_models(sources, store)
    (entry,) = store.dir.glob("*.py")
    entry.write_bytes(entry.read_bytes().replace(b"class Item", b"class Evil"))
    assert models.render_models(sources, store) == good
    assert generate.calls == 2
    assert models.render_models(sources, store) == good  # repaired by the re-render
    assert generate.calls == 2


def test_entries_of_another_generator_or_python_are_never_read(tmp_path: Path) -> None:
    ours, theirs = ModelCache(tmp_path, "a" * 64), ModelCache(tmp_path, "b" * 64)
    ours.put("k", "text")
    assert ours.get("k") == "text" and theirs.get("k") is None


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, generate: CountingGenerate) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    store = ModelCache(blocked, "fingerprint")
    sources = [ModelSource("Item", SCHEMA)]
    assert models.render_models(sources, store) == models.render_models(sources)
    assert generate.calls == 2


def _put_many(root: str, text: str) -> None:
    store = ModelCache(Path(root), "fingerprint")
    for _ in range(200):
        store.put("same-key", text)


def test_concurrent_writers_of_one_key_leave_a_whole_entry(tmp_path: Path) -> None:
    text = "x = 1\n" * 20_000
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_put_many, args=(str(tmp_path), text)) for _ in range(3)]
    for writer in writers:
        writer.start()
    store = ModelCache(tmp_path, "fingerprint")
    while any(w.is_alive() for w in writers):
        assert store.get("same-key") in (None, text)  # never a partial file
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert store.get("same-key") == text
    assert [p.name for p in store.dir.iterdir()] == ["same-key.py"]  # no temp file left


def test_old_entries_are_swept(tmp_path: Path) -> None:
    stale_store = ModelCache(tmp_path, "old-generator")
    stale_store.put("k", "old")
    long_ago = time.time() - (model_cache.MAX_AGE_DAYS + 1) * 24 * 3600
    os.utime(stale_store.dir / "k.py", (long_ago, long_ago))
    (tmp_path / "models" / ".swept").unlink()  # the last sweep was long ago
    fresh = ModelCache(tmp_path, "new-generator")
    fresh.put("k", "new")
    assert not stale_store.dir.exists()
    assert fresh.get("k") == "new"


def test_prepare_reuses_models_across_fresh_outputs_byte_for_byte(
    repo: Repo, cache_dir: Path, generate: CountingGenerate
) -> None:
    repo.write(
        "contracts/items.contract.json", json.dumps(schema_manifest("acme.items@v1", SCHEMA))
    )
    assert prepare(repo.root, PYTHON).ok
    first = repo.snapshot()
    assert generate.calls == 1 and any(cache_dir.rglob("*.py"))

    # A fresh checkout (no output, no lock) of the same contract: served from the user cache.
    shutil.rmtree(repo.out)
    assert prepare(repo.root, PYTHON).ok
    assert generate.calls == 1
    assert {k: v[0] for k, v in repo.snapshot().items()} == {k: v[0] for k, v in first.items()}

    # --force renders the models again.
    assert prepare(repo.root, Options(targets=("python",), force=True)).ok
    assert generate.calls == 2


def test_cache_can_be_turned_off(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, generate: CountingGenerate
) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    assert model_cache.default_cache_dir() is None
    repo.write(
        "contracts/items.contract.json", json.dumps(schema_manifest("acme.items@v1", SCHEMA))
    )
    assert prepare(repo.root, PYTHON).ok
    assert prepare(repo.root, Options(targets=("python",), force=True)).ok
    assert generate.calls == 2


def test_a_cache_without_entries_of_this_generator_is_empty(tmp_path: Path) -> None:
    store = ModelCache(tmp_path, "fingerprint")
    assert store.is_empty()  # not even created yet
    ModelCache(tmp_path, "another generator").put("k", "text")
    assert store.is_empty()
    store.put("k", "text")
    assert not store.is_empty()


def test_generate_python_shares_the_cache_prepare_uses(
    tmp_path: Path, cache_dir: Path, generate: CountingGenerate
) -> None:
    from typer.testing import CliRunner

    from trellis_generate.commands import app

    source = tmp_path / "items.json"
    source.write_text(json.dumps(schema_manifest("acme.items@v1", SCHEMA)), encoding="utf-8")
    trees = []
    for out in (tmp_path / "first", tmp_path / "second"):
        args = ["generate", "python", "--manifest", str(source), "--out", str(out)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert generate.calls == 1  # the second run read the models the first one cached
    assert trees[0] == trees[1] and trees[0]
    assert list(cache_dir.rglob("*.py"))
