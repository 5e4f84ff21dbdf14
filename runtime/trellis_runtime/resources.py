"""Which bucket backs a service's resource alias, and the handles service code uses.

In a deployment the platform provisions every resource and tells the service its physical name
(``Service.bindings``, from ``Trellis.Bindings.Get``); the service then only binds to it, as the
reference runtime does. Without bindings (tests, a laptop, CI) the service provisions its
resources itself under ``svc_<service>_<alias>``, the naming the reference's design gives for
service-owned buckets (lowercase, underscores), with the limits the manifest requests.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .buckets import KvBucketConfig, ObjectBucketConfig
from .kv import KvStore, kv_error
from .resource_descriptors import KvDescriptor, StoreDescriptor
from .store import StoreHandle, store_error

if TYPE_CHECKING:
    from .service import Service

V = TypeVar("V", bound=BaseModel)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UNSAFE = re.compile(r"[^a-z0-9]+")


def _segment(name: str) -> str:
    return _UNSAFE.sub("_", _CAMEL.sub("_", name).lower()).strip("_")


def local_resource_name(service: str, alias: str) -> str:
    """``svc_<service>_<alias>`` in lowercase with underscores (``svc_billing_job_cache``)."""
    return f"svc_{_segment(service)}_{_segment(alias)}"


# per service: its handles by (kind, alias, physical name), so state (open buckets) is shared
_HANDLES: weakref.WeakKeyDictionary[Service, dict[tuple[str, str, str], Any]] = (
    weakref.WeakKeyDictionary()
)


def _cache(service: Service) -> dict[tuple[str, str, str], Any]:
    cache = _HANDLES.get(service)
    if cache is None:
        cache = _HANDLES[service] = {}
    return cache


def kv_handle(service: Service, desc: KvDescriptor[V], *, required: bool) -> KvStore[V] | None:
    """The alias's store; None for an optional alias the deployment did not bind."""
    transport = service.connection.transport
    bindings = service.bindings
    if bindings is None:
        name = local_resource_name(service.name, desc.alias)
        config: KvBucketConfig | None = KvBucketConfig(
            desc.history, desc.ttl_ms, desc.max_value_bytes
        )
        limit = desc.max_value_bytes
    elif desc.alias in bindings.kv:
        bound = bindings.kv[desc.alias]
        name, config, limit = bound.bucket, None, bound.max_value_bytes
    elif required:
        raise kv_error("open", None, alias=desc.alias, reason="binding unavailable")
    else:
        return None
    cache = _cache(service)
    key = ("kv", desc.alias, name)
    if key not in cache:

        async def open_bucket() -> Any:
            return await transport.kv_bucket(name, config)

        cache[key] = KvStore(desc, name, open_bucket, max_value_bytes=limit)
    handle: KvStore[V] = cache[key]
    return handle


def store_handle(service: Service, desc: StoreDescriptor, *, required: bool) -> StoreHandle | None:
    """The alias's store handle; None for an optional alias the deployment did not bind."""
    transport = service.connection.transport
    bindings = service.bindings
    if bindings is None:
        name = local_resource_name(service.name, desc.alias)
        config: ObjectBucketConfig | None = ObjectBucketConfig(desc.ttl_ms, desc.max_total_bytes)
        ttl, max_object, max_total = desc.ttl_ms, desc.max_object_bytes, desc.max_total_bytes
    elif desc.alias in bindings.store:
        bound = bindings.store[desc.alias]
        name, config = bound.name, None
        ttl, max_object, max_total = bound.ttl_ms, bound.max_object_bytes, bound.max_total_bytes
    elif required:
        raise store_error("open", None, alias=desc.alias, reason="binding unavailable")
    else:
        return None
    cache = _cache(service)
    key = ("store", desc.alias, name)
    if key not in cache:

        async def open_bucket() -> Any:
            return await transport.object_bucket(name, config)

        cache[key] = StoreHandle(
            desc,
            name,
            open_bucket,
            ttl_ms=ttl,
            max_object_bytes=max_object,
            max_total_bytes=max_total,
        )
    handle: StoreHandle = cache[key]
    return handle
