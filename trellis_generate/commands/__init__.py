"""CLI command modules; importing this package registers every command on `app`."""

from . import core, diff, discover, generate, prepare, scaffold  # noqa: F401  (registration side effects)
from ._app import app, generate_app

__all__ = ["app", "generate_app"]
