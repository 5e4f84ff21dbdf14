"""Trellis platform: auth (trellis.auth@v1).

Users, devices, sessions, deployments and request authorization of a deployment."""

from . import descriptors, errors, models
from .client import Client
from .contract import (
    CONTRACT_DIGEST,
    CONTRACT_ID,
    CONTRACT_NAME,
    contract_manifest,
    use,
)
from .errors import (
    RemoteError,
)
from .service import BoundService, Service

__all__ = [
    "CONTRACT_DIGEST",
    "CONTRACT_ID",
    "CONTRACT_NAME",
    "BoundService",
    "Client",
    "RemoteError",
    "Service",
    "contract_manifest",
    "descriptors",
    "errors",
    "models",
    "use",
]
