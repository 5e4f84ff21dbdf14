"""trellis-generate: Trellis contracts to canonical manifests, digests, typed Python SDKs and scopes."""

__version__ = "0.1.0"
