"""syrupy extensions: one text file per artifact under the test's `__snapshots__/<test file>/`.

File suffixes are distinct from syrupy's built-in extensions (`.json`, `.raw`, `.ambr`, ...), so
none of them claims our files during unused-snapshot discovery, and never `.py`: a file named
`test_x[...].py` under the tests directory would be collected by pytest and linted as code.
"""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from .artifacts import ArtifactKind


class ManifestSnapshotExtension(SingleFileSnapshotExtension):
    """`test_name[<contract id>].manifest.jsonc`: the manifest with a `// digest:` header."""

    _write_mode = WriteMode.TEXT
    file_extension = "manifest.jsonc"


class ScopesSnapshotExtension(SingleFileSnapshotExtension):
    """`test_name[<contract id>].scopes.md`: the scope listing's review table."""

    _write_mode = WriteMode.TEXT
    file_extension = "scopes.md"


class SdkFileSnapshotExtension(SingleFileSnapshotExtension):
    """`test_name[<package>.<file>].py.txt`: one generated SDK file."""

    _write_mode = WriteMode.TEXT
    file_extension = "py.txt"


EXTENSIONS: dict[ArtifactKind, type[SingleFileSnapshotExtension]] = {
    "manifest": ManifestSnapshotExtension,
    "scopes": ScopesSnapshotExtension,
    "sdk": SdkFileSnapshotExtension,
}
