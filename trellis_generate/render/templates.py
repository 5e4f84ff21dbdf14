"""The one Jinja environment every template renders in.

One rule finds the templates (a wheel's bundled `_templates`, else the repository's `templates/`),
so a template name such as `python/client.py.jinja` or `scopes.md.jinja` means the same file for
every target, and templates can import shared macros (`python/_macros.jinja`). Undefined names
are errors (`StrictUndefined`): a misspelt view attribute must fail the render, never print an
empty string. Nothing is autoescaped: the targets are Python and Markdown, and Markdown escaping
is explicit through the `md` and `code` filters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

import trellis_generate

from ..markdown import md_code, md_text


def templates_dir() -> Path:
    """Bundled templates in a wheel (`_templates`), else the repository's `templates/`."""
    package = Path(trellis_generate.__file__).parent
    bundled = package / "_templates"
    return bundled if bundled.is_dir() else package.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_text
    env.filters["code"] = md_code
    return env
