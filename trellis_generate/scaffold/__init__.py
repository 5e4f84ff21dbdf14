"""Manifest → Python contract module written with `trellis_generate.authoring`.

For teams moving a contract from a manifest to Python source, and for the built-in platform
contracts (`trellis_generate/platform/`), which started as scaffolds of the platform's manifests.
"""

from .module import ScaffoldNameError, module_source
from .verify import Scaffold, authoring_order, load_source, scaffold, without_docs

__all__ = [
    "Scaffold",
    "ScaffoldNameError",
    "authoring_order",
    "load_source",
    "module_source",
    "scaffold",
    "without_docs",
]
