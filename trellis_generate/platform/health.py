"""`trellis.health@v1`: the liveness heartbeat of Trellis services and devices.

The platform's interface, written with our authoring API: the subject, the schema and the (absent)
capabilities are the platform's and give the reference runtime's digest; names and descriptions are
ours. After an edit run `python -m trellis_generate.platform.build` to refresh the shipped manifest.
"""

from typing import Any

from trellis_generate.authoring import Docs, Event, define_service_contract

HEALTH_HEARTBEAT: dict[str, Any] = {
    "properties": {
        "checks": {
            "items": {
                "properties": {
                    "error": {"type": "string"},
                    "info": {"patternProperties": {"^.*$": {}}, "type": "object"},
                    "latencyMs": {"type": "number"},
                    "name": {"type": "string"},
                    "status": {
                        "anyOf": [
                            {"const": "ok", "type": "string"},
                            {"const": "failed", "type": "string"},
                        ],
                    },
                    "summary": {"type": "string"},
                },
                "required": ["name", "status", "latencyMs"],
                "type": "object",
            },
            "type": "array",
        },
        "header": {
            "properties": {
                "id": {"type": "string"},
                "time": {"format": "date-time", "type": "string"},
            },
            "required": ["id", "time"],
            "type": "object",
        },
        "service": {
            "properties": {
                "contractDigest": {"type": "string"},
                "contractId": {"type": "string"},
                "info": {"patternProperties": {"^.*$": {}}, "type": "object"},
                "instanceId": {"type": "string"},
                "kind": {
                    "anyOf": [
                        {"const": "service", "type": "string"},
                        {"const": "device", "type": "string"},
                    ],
                },
                "name": {"type": "string"},
                "publishIntervalMs": {"minimum": 1, "type": "integer"},
                "runtime": {
                    "anyOf": [
                        {"const": "deno", "type": "string"},
                        {"const": "node", "type": "string"},
                        {"const": "rust", "type": "string"},
                        {"const": "unknown", "type": "string"},
                    ],
                },
                "runtimeVersion": {"type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "version": {"type": "string"},
            },
            "required": [
                "name",
                "kind",
                "instanceId",
                "contractId",
                "contractDigest",
                "startedAt",
                "publishIntervalMs",
                "runtime",
            ],
            "type": "object",
        },
        "status": {
            "anyOf": [
                {"const": "healthy", "type": "string"},
                {"const": "unhealthy", "type": "string"},
                {"const": "degraded", "type": "string"},
            ],
        },
        "summary": {"type": "string"},
    },
    "required": ["header", "service", "status", "checks"],
    "type": "object",
}

CONTRACT = define_service_contract(
    id="trellis.health@v1",
    display_name="Trellis platform: health",
    description="Heartbeats that running services and devices publish about themselves.",
    schemas={"HealthHeartbeat": HEALTH_HEARTBEAT},
    events={
        "Health.Heartbeat": Event(
            event=HEALTH_HEARTBEAT,
            docs=Docs(
                markdown=(
                    "Periodic report of a running instance: which contract and instance it is, its "
                    "runtime, since when it runs, and the result of each health check."
                ),
            ),
        )
    },
)
