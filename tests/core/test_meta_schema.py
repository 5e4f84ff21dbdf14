"""The shipped meta-schema file is exactly what its builder produces."""

from trellis_generate.core.build_schema import SCHEMA_PATH, render


def test_shipped_schema_matches_builder() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render()
