"""Paying the toolchain's first use before the user waits for it.

The first render of a process imports datamodel-code-generator, compiles the templates and the
meta-schema validator and starts ruff: about half a second, which a `--watch` session's first
edit and every render worker would otherwise pay on the clock.
"""

from __future__ import annotations

import importlib

from .. import timings

# A contract touching most of what rendering uses: validation, the model, every target, events
# with a template, an operation, and a payload datamodel-code-generator turns into classes.
_WARM_UP_MANIFEST = {
    "format": "trellis.contract.v1",
    "id": "trellis-generate.warm-up@v1",
    "displayName": "Warm-up",
    "description": "Rendered once by --watch while idle.",
    "kind": "service",
    "schemas": {
        "Item": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "tags": {"type": "array"}},
            "required": ["id"],
        }
    },
    "rpc": {
        "Items.Get": {
            "version": "v1",
            "subject": "rpc.v1.Items.Get",
            "input": {"schema": "Item"},
            "output": {"schema": "Item"},
        }
    },
    "events": {
        "Items.Changed": {
            "version": "v1",
            "subject": "events.v1.Items.Changed.{/id}",
            "params": ["/id"],
            "event": {"schema": "Item"},
        }
    },
    "operations": {
        "Items.Rebuild": {
            "version": "v1",
            "subject": "operations.v1.Items.Rebuild",
            "input": {"schema": "Item"},
            "output": {"schema": "Item"},
        }
    },
}


def warm_up() -> None:
    """Load and render a small contract once, every target formatted, so the first edit under
    `--watch` is as fast as the later ones: the first use of the toolchain imports
    datamodel-code-generator, compiles the templates and the meta-schema validator, and starts
    ruff, which cost the first edit about a second. `--watch` runs this in a background thread
    while it waits for the first edit, and waits for it to end before rendering anything (the
    toolchain is not meant to run in two threads at once). Any failure is left for a real render
    to report."""
    try:
        pipeline = importlib.import_module("trellis_generate.pipeline")
        render = importlib.import_module("trellis_generate.render")
        origin = importlib.import_module("trellis_generate.contract").Origin("<warm-up>", "json")
        contract = pipeline.contract_from_manifest(_WARM_UP_MANIFEST, origin)
        render.render_targets(contract, {}, render.ALL_TARGETS)
    except Exception:  # best effort
        pass
    finally:
        timings.take()  # not a prepare's figures


def warm_render(models: bool = True) -> None:
    """What a render worker needs warm: the SDK templates and, with `models`,
    datamodel-code-generator (through a tiny model). Validation and formatting stay in the parent.
    Records no timings: it runs beside the worker's jobs."""
    try:
        sdk = importlib.import_module("trellis_generate.render.python_sdk")
        env = importlib.import_module("trellis_generate.render.templates").environment()
        for name in sdk._MODULES:
            env.get_template(f"python/{name}.jinja")
        if models:
            api = importlib.import_module("trellis_generate.views.api")
            item = _WARM_UP_MANIFEST["schemas"]["Item"]  # type: ignore[index]
            sdk.render_models([api.ModelSource("Item", item)])
    except Exception:  # best effort: a real render reports the problem
        pass
