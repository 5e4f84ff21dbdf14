"""trellis-generate: Trellis contracts to canonical manifests, digests, typed SDKs and scopes."""

__version__ = "0.1.0"
