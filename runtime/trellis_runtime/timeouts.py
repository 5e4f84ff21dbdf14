"""Defaults that generated SDK code evaluates at import, in a module that imports nothing.

A default argument is evaluated when its ``def`` runs: the generated ``Service.stop`` reading
``DEFAULT_STOP_TIMEOUT`` from ``trellis_runtime.service`` would load the whole service machinery
(asyncio included) whenever the SDK is imported.
"""

DEFAULT_STOP_TIMEOUT = 10.0  # seconds ``Service.stop`` lets in-flight handlers finish
