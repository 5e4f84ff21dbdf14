"""Identity and canonical manifest of the contract, and its typed `use(...)` helper."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final, Literal, Never, TypeAlias

from trellis_runtime import Use

CONTRACT_ID: Final = "trellis.health@v1"
CONTRACT_DIGEST: Final = "RHDzeH2V6Nltzk6WklCLbTIK48hF0hNuO9Qk6-BosT4"
CONTRACT_NAME: Final = "Trellis platform: health"
CONTRACT_JSON: Final = '{"description":"Heartbeats that running services and devices publish about themselves.","displayName":"Trellis platform: health","events":{"Health.Heartbeat":{"docs":{"markdown":"Periodic report of a running instance: which contract and instance it is, its runtime, since when it runs, and the result of each health check."},"event":{"schema":"HealthHeartbeat"},"subject":"events.v1.Health.Heartbeat","version":"v1"}},"format":"trellis.contract.v1","id":"trellis.health@v1","kind":"service","schemas":{"HealthHeartbeat":{"properties":{"checks":{"items":{"properties":{"error":{"type":"string"},"info":{"patternProperties":{"^.*$":{}},"type":"object"},"latencyMs":{"type":"number"},"name":{"type":"string"},"status":{"anyOf":[{"const":"ok","type":"string"},{"const":"failed","type":"string"}]},"summary":{"type":"string"}},"required":["name","status","latencyMs"],"type":"object"},"type":"array"},"header":{"properties":{"id":{"type":"string"},"time":{"format":"date-time","type":"string"}},"required":["id","time"],"type":"object"},"service":{"properties":{"contractDigest":{"type":"string"},"contractId":{"type":"string"},"info":{"patternProperties":{"^.*$":{}},"type":"object"},"instanceId":{"type":"string"},"kind":{"anyOf":[{"const":"service","type":"string"},{"const":"device","type":"string"}]},"name":{"type":"string"},"publishIntervalMs":{"minimum":1,"type":"integer"},"runtime":{"anyOf":[{"const":"deno","type":"string"},{"const":"node","type":"string"},{"const":"rust","type":"string"},{"const":"unknown","type":"string"}]},"runtimeVersion":{"type":"string"},"startedAt":{"format":"date-time","type":"string"},"version":{"type":"string"}},"required":["name","kind","instanceId","contractId","contractDigest","startedAt","publishIntervalMs","runtime"],"type":"object"},"status":{"anyOf":[{"const":"healthy","type":"string"},{"const":"unhealthy","type":"string"},{"const":"degraded","type":"string"}]},"summary":{"type":"string"}},"required":["header","service","status","checks"],"type":"object"}}}'

RpcName: TypeAlias = Never
OperationName: TypeAlias = Never
EventName: TypeAlias = Literal["Health.Heartbeat"]
FeedName: TypeAlias = Never


def contract_manifest() -> dict[str, Any]:
    """The canonical manifest as a fresh dict (parsed on each call, so callers may mutate it)."""
    manifest: dict[str, Any] = json.loads(CONTRACT_JSON)
    return manifest


def use(
    *,
    rpc_call: Sequence[RpcName] = (),
    operations_call: Sequence[OperationName] = (),
    events_publish: Sequence[EventName] = (),
    events_subscribe: Sequence[EventName] = (),
    feeds_subscribe: Sequence[FeedName] = (),
) -> Use:
    """Declare a dependency on this contract; a misspelt surface name is a type error."""
    return Use(
        contract=CONTRACT_ID,
        rpc_call=tuple(rpc_call),
        operations_call=tuple(operations_call),
        events_publish=tuple(events_publish),
        events_subscribe=tuple(events_subscribe),
        feeds_subscribe=tuple(feeds_subscribe),
    )
