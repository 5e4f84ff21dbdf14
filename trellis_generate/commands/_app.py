"""The typer applications every command module registers on.

Command modules import heavy dependencies inside their functions so that `--help` and the no-op
`prepare` path stay fast. Help is click's plain layout (`rich_markup_mode=None`): rich's panels
print a `<bool>` type column for every flag.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="trellis-generate",
    help="Generate and verify Trellis contract artifacts: canonical manifests, digests, typed "
    "Python SDKs and scope listings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
generate_app = typer.Typer(
    help="Generate one target for one contract.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(generate_app, name="generate")
