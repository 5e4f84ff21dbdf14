"""`trellis.jobs@v1`: operating the platform's background job queues.

Listing, inspecting, cancelling and retrying jobs and handling the dead-letter queue. Interface
facts (subjects, schemas, capabilities with their metadata, the `NotFoundError` declaration) are the
platform's and give the reference runtime's digest; the wording is ours. After an edit run `python
-m trellis_generate.platform.build` to refresh the shipped manifest.
"""

from typing import Any

from trellis_generate.authoring import (
    Capability,
    Docs,
    Rpc,
    Use,
    define_error,
    define_service_contract,
)

EMPTY: dict[str, Any] = {"properties": {}, "type": "object"}

JOB: dict[str, Any] = {
    "properties": {
        "completedAt": {"format": "date-time", "type": "string"},
        "context": {
            "properties": {
                "requestId": {"minLength": 1, "type": "string"},
                "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                "traceparent": {
                    "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                    "type": "string",
                },
                "tracestate": {"minLength": 1, "type": "string"},
            },
            "required": ["requestId", "traceId", "traceparent"],
            "type": "object",
        },
        "createdAt": {"format": "date-time", "type": "string"},
        "deadline": {"format": "date-time", "type": "string"},
        "id": {"minLength": 1, "type": "string"},
        "lastError": {"type": "string"},
        "logs": {
            "items": {
                "properties": {
                    "level": {
                        "anyOf": [
                            {"const": "info", "type": "string"},
                            {"const": "warn", "type": "string"},
                            {"const": "error", "type": "string"},
                        ],
                    },
                    "message": {"type": "string"},
                    "timestamp": {"format": "date-time", "type": "string"},
                },
                "required": ["timestamp", "level", "message"],
                "type": "object",
            },
            "type": "array",
        },
        "maxTries": {"minimum": 1, "type": "integer"},
        "payload": {},
        "progress": {
            "properties": {
                "current": {"minimum": 0, "type": "integer"},
                "message": {"type": "string"},
                "step": {"type": "string"},
                "total": {"minimum": 0, "type": "integer"},
            },
            "type": "object",
        },
        "result": {},
        "service": {"minLength": 1, "type": "string"},
        "startedAt": {"format": "date-time", "type": "string"},
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "active", "type": "string"},
                {"const": "retry", "type": "string"},
                {"const": "completed", "type": "string"},
                {"const": "failed", "type": "string"},
                {"const": "cancelled", "type": "string"},
                {"const": "expired", "type": "string"},
                {"const": "dead", "type": "string"},
                {"const": "dismissed", "type": "string"},
            ],
        },
        "tries": {"minimum": 0, "type": "integer"},
        "type": {"minLength": 1, "type": "string"},
        "updatedAt": {"format": "date-time", "type": "string"},
    },
    "required": [
        "id",
        "context",
        "service",
        "type",
        "state",
        "payload",
        "createdAt",
        "updatedAt",
        "tries",
        "maxTries",
    ],
    "type": "object",
}

JOB_CONTEXT: dict[str, Any] = {
    "properties": {
        "requestId": {"minLength": 1, "type": "string"},
        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
        "traceparent": {
            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
            "type": "string",
        },
        "tracestate": {"minLength": 1, "type": "string"},
    },
    "required": ["requestId", "traceId", "traceparent"],
    "type": "object",
}

JOB_LOG_ENTRY: dict[str, Any] = {
    "properties": {
        "level": {
            "anyOf": [
                {"const": "info", "type": "string"},
                {"const": "warn", "type": "string"},
                {"const": "error", "type": "string"},
            ],
        },
        "message": {"type": "string"},
        "timestamp": {"format": "date-time", "type": "string"},
    },
    "required": ["timestamp", "level", "message"],
    "type": "object",
}

JOB_PROGRESS: dict[str, Any] = {
    "properties": {
        "current": {"minimum": 0, "type": "integer"},
        "message": {"type": "string"},
        "step": {"type": "string"},
        "total": {"minimum": 0, "type": "integer"},
    },
    "type": "object",
}

JOB_STATE: dict[str, Any] = {
    "anyOf": [
        {"const": "pending", "type": "string"},
        {"const": "active", "type": "string"},
        {"const": "retry", "type": "string"},
        {"const": "completed", "type": "string"},
        {"const": "failed", "type": "string"},
        {"const": "cancelled", "type": "string"},
        {"const": "expired", "type": "string"},
        {"const": "dead", "type": "string"},
        {"const": "dismissed", "type": "string"},
    ],
}

JOBS_CANCEL_REQUEST: dict[str, Any] = {
    "description": "Jobs admin ids are globally addressable; callers identify jobs by id only.",
    "properties": {"id": {"minLength": 1, "type": "string"}},
    "required": ["id"],
    "type": "object",
}

JOBS_CANCEL_RESPONSE: dict[str, Any] = {
    "properties": {
        "job": {
            "properties": {
                "completedAt": {"format": "date-time", "type": "string"},
                "context": {
                    "properties": {
                        "requestId": {"minLength": 1, "type": "string"},
                        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                        "traceparent": {
                            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "type": "string",
                        },
                        "tracestate": {"minLength": 1, "type": "string"},
                    },
                    "required": ["requestId", "traceId", "traceparent"],
                    "type": "object",
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deadline": {"format": "date-time", "type": "string"},
                "id": {"minLength": 1, "type": "string"},
                "lastError": {"type": "string"},
                "logs": {
                    "items": {
                        "properties": {
                            "level": {
                                "anyOf": [
                                    {"const": "info", "type": "string"},
                                    {"const": "warn", "type": "string"},
                                    {"const": "error", "type": "string"},
                                ],
                            },
                            "message": {"type": "string"},
                            "timestamp": {"format": "date-time", "type": "string"},
                        },
                        "required": ["timestamp", "level", "message"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "maxTries": {"minimum": 1, "type": "integer"},
                "payload": {},
                "progress": {
                    "properties": {
                        "current": {"minimum": 0, "type": "integer"},
                        "message": {"type": "string"},
                        "step": {"type": "string"},
                        "total": {"minimum": 0, "type": "integer"},
                    },
                    "type": "object",
                },
                "result": {},
                "service": {"minLength": 1, "type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "active", "type": "string"},
                        {"const": "retry", "type": "string"},
                        {"const": "completed", "type": "string"},
                        {"const": "failed", "type": "string"},
                        {"const": "cancelled", "type": "string"},
                        {"const": "expired", "type": "string"},
                        {"const": "dead", "type": "string"},
                        {"const": "dismissed", "type": "string"},
                    ],
                },
                "tries": {"minimum": 0, "type": "integer"},
                "type": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "id",
                "context",
                "service",
                "type",
                "state",
                "payload",
                "createdAt",
                "updatedAt",
                "tries",
                "maxTries",
            ],
            "type": "object",
        },
    },
    "required": ["job"],
    "type": "object",
}

JOBS_DISMISS_DLQ_REQUEST: dict[str, Any] = {
    "description": "Jobs admin ids are globally addressable; callers identify jobs by id only.",
    "properties": {"id": {"minLength": 1, "type": "string"}},
    "required": ["id"],
    "type": "object",
}

JOBS_DISMISS_DLQ_RESPONSE: dict[str, Any] = {
    "properties": {
        "job": {
            "properties": {
                "completedAt": {"format": "date-time", "type": "string"},
                "context": {
                    "properties": {
                        "requestId": {"minLength": 1, "type": "string"},
                        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                        "traceparent": {
                            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "type": "string",
                        },
                        "tracestate": {"minLength": 1, "type": "string"},
                    },
                    "required": ["requestId", "traceId", "traceparent"],
                    "type": "object",
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deadline": {"format": "date-time", "type": "string"},
                "id": {"minLength": 1, "type": "string"},
                "lastError": {"type": "string"},
                "logs": {
                    "items": {
                        "properties": {
                            "level": {
                                "anyOf": [
                                    {"const": "info", "type": "string"},
                                    {"const": "warn", "type": "string"},
                                    {"const": "error", "type": "string"},
                                ],
                            },
                            "message": {"type": "string"},
                            "timestamp": {"format": "date-time", "type": "string"},
                        },
                        "required": ["timestamp", "level", "message"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "maxTries": {"minimum": 1, "type": "integer"},
                "payload": {},
                "progress": {
                    "properties": {
                        "current": {"minimum": 0, "type": "integer"},
                        "message": {"type": "string"},
                        "step": {"type": "string"},
                        "total": {"minimum": 0, "type": "integer"},
                    },
                    "type": "object",
                },
                "result": {},
                "service": {"minLength": 1, "type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "active", "type": "string"},
                        {"const": "retry", "type": "string"},
                        {"const": "completed", "type": "string"},
                        {"const": "failed", "type": "string"},
                        {"const": "cancelled", "type": "string"},
                        {"const": "expired", "type": "string"},
                        {"const": "dead", "type": "string"},
                        {"const": "dismissed", "type": "string"},
                    ],
                },
                "tries": {"minimum": 0, "type": "integer"},
                "type": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "id",
                "context",
                "service",
                "type",
                "state",
                "payload",
                "createdAt",
                "updatedAt",
                "tries",
                "maxTries",
            ],
            "type": "object",
        },
    },
    "required": ["job"],
    "type": "object",
}

JOBS_GET_REQUEST: dict[str, Any] = {
    "description": "Jobs admin ids are globally addressable; callers identify jobs by id only.",
    "properties": {"id": {"minLength": 1, "type": "string"}},
    "required": ["id"],
    "type": "object",
}

JOBS_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "job": {
            "properties": {
                "completedAt": {"format": "date-time", "type": "string"},
                "context": {
                    "properties": {
                        "requestId": {"minLength": 1, "type": "string"},
                        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                        "traceparent": {
                            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "type": "string",
                        },
                        "tracestate": {"minLength": 1, "type": "string"},
                    },
                    "required": ["requestId", "traceId", "traceparent"],
                    "type": "object",
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deadline": {"format": "date-time", "type": "string"},
                "id": {"minLength": 1, "type": "string"},
                "lastError": {"type": "string"},
                "logs": {
                    "items": {
                        "properties": {
                            "level": {
                                "anyOf": [
                                    {"const": "info", "type": "string"},
                                    {"const": "warn", "type": "string"},
                                    {"const": "error", "type": "string"},
                                ],
                            },
                            "message": {"type": "string"},
                            "timestamp": {"format": "date-time", "type": "string"},
                        },
                        "required": ["timestamp", "level", "message"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "maxTries": {"minimum": 1, "type": "integer"},
                "payload": {},
                "progress": {
                    "properties": {
                        "current": {"minimum": 0, "type": "integer"},
                        "message": {"type": "string"},
                        "step": {"type": "string"},
                        "total": {"minimum": 0, "type": "integer"},
                    },
                    "type": "object",
                },
                "result": {},
                "service": {"minLength": 1, "type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "active", "type": "string"},
                        {"const": "retry", "type": "string"},
                        {"const": "completed", "type": "string"},
                        {"const": "failed", "type": "string"},
                        {"const": "cancelled", "type": "string"},
                        {"const": "expired", "type": "string"},
                        {"const": "dead", "type": "string"},
                        {"const": "dismissed", "type": "string"},
                    ],
                },
                "tries": {"minimum": 0, "type": "integer"},
                "type": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "id",
                "context",
                "service",
                "type",
                "state",
                "payload",
                "createdAt",
                "updatedAt",
                "tries",
                "maxTries",
            ],
            "type": "object",
        },
    },
    "required": ["job"],
    "type": "object",
}

JOBS_HEALTH_RESPONSE: dict[str, Any] = {
    "properties": {
        "checks": {"items": {"patternProperties": {"^.*$": {}}, "type": "object"}, "type": "array"},
        "service": {"minLength": 1, "type": "string"},
        "status": {},
        "timestamp": {"format": "date-time", "type": "string"},
    },
    "required": ["service", "status", "timestamp", "checks"],
    "type": "object",
}

JOBS_LIST_DLQ_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"minimum": 1, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "service": {"minLength": 1, "type": "string"},
        "since": {"format": "date-time", "type": "string"},
        "type": {"minLength": 1, "type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

JOBS_LIST_DLQ_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "items": {
                "properties": {
                    "completedAt": {"format": "date-time", "type": "string"},
                    "context": {
                        "properties": {
                            "requestId": {"minLength": 1, "type": "string"},
                            "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                            "traceparent": {
                                "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                                "type": "string",
                            },
                            "tracestate": {"minLength": 1, "type": "string"},
                        },
                        "required": ["requestId", "traceId", "traceparent"],
                        "type": "object",
                    },
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deadline": {"format": "date-time", "type": "string"},
                    "id": {"minLength": 1, "type": "string"},
                    "lastError": {"type": "string"},
                    "logs": {
                        "items": {
                            "properties": {
                                "level": {
                                    "anyOf": [
                                        {"const": "info", "type": "string"},
                                        {"const": "warn", "type": "string"},
                                        {"const": "error", "type": "string"},
                                    ],
                                },
                                "message": {"type": "string"},
                                "timestamp": {"format": "date-time", "type": "string"},
                            },
                            "required": ["timestamp", "level", "message"],
                            "type": "object",
                        },
                        "type": "array",
                    },
                    "maxTries": {"minimum": 1, "type": "integer"},
                    "payload": {},
                    "progress": {
                        "properties": {
                            "current": {"minimum": 0, "type": "integer"},
                            "message": {"type": "string"},
                            "step": {"type": "string"},
                            "total": {"minimum": 0, "type": "integer"},
                        },
                        "type": "object",
                    },
                    "result": {},
                    "service": {"minLength": 1, "type": "string"},
                    "startedAt": {"format": "date-time", "type": "string"},
                    "state": {
                        "anyOf": [
                            {"const": "pending", "type": "string"},
                            {"const": "active", "type": "string"},
                            {"const": "retry", "type": "string"},
                            {"const": "completed", "type": "string"},
                            {"const": "failed", "type": "string"},
                            {"const": "cancelled", "type": "string"},
                            {"const": "expired", "type": "string"},
                            {"const": "dead", "type": "string"},
                            {"const": "dismissed", "type": "string"},
                        ],
                    },
                    "tries": {"minimum": 0, "type": "integer"},
                    "type": {"minLength": 1, "type": "string"},
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "id",
                    "context",
                    "service",
                    "type",
                    "state",
                    "payload",
                    "createdAt",
                    "updatedAt",
                    "tries",
                    "maxTries",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 1, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

JOBS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"minimum": 1, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "service": {"minLength": 1, "type": "string"},
        "since": {"format": "date-time", "type": "string"},
        "state": {
            "items": {
                "anyOf": [
                    {"const": "pending", "type": "string"},
                    {"const": "active", "type": "string"},
                    {"const": "retry", "type": "string"},
                    {"const": "completed", "type": "string"},
                    {"const": "failed", "type": "string"},
                    {"const": "cancelled", "type": "string"},
                    {"const": "expired", "type": "string"},
                    {"const": "dead", "type": "string"},
                    {"const": "dismissed", "type": "string"},
                ],
            },
            "type": "array",
        },
        "type": {"minLength": 1, "type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

JOBS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "items": {
                "properties": {
                    "completedAt": {"format": "date-time", "type": "string"},
                    "context": {
                        "properties": {
                            "requestId": {"minLength": 1, "type": "string"},
                            "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                            "traceparent": {
                                "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                                "type": "string",
                            },
                            "tracestate": {"minLength": 1, "type": "string"},
                        },
                        "required": ["requestId", "traceId", "traceparent"],
                        "type": "object",
                    },
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deadline": {"format": "date-time", "type": "string"},
                    "id": {"minLength": 1, "type": "string"},
                    "lastError": {"type": "string"},
                    "logs": {
                        "items": {
                            "properties": {
                                "level": {
                                    "anyOf": [
                                        {"const": "info", "type": "string"},
                                        {"const": "warn", "type": "string"},
                                        {"const": "error", "type": "string"},
                                    ],
                                },
                                "message": {"type": "string"},
                                "timestamp": {"format": "date-time", "type": "string"},
                            },
                            "required": ["timestamp", "level", "message"],
                            "type": "object",
                        },
                        "type": "array",
                    },
                    "maxTries": {"minimum": 1, "type": "integer"},
                    "payload": {},
                    "progress": {
                        "properties": {
                            "current": {"minimum": 0, "type": "integer"},
                            "message": {"type": "string"},
                            "step": {"type": "string"},
                            "total": {"minimum": 0, "type": "integer"},
                        },
                        "type": "object",
                    },
                    "result": {},
                    "service": {"minLength": 1, "type": "string"},
                    "startedAt": {"format": "date-time", "type": "string"},
                    "state": {
                        "anyOf": [
                            {"const": "pending", "type": "string"},
                            {"const": "active", "type": "string"},
                            {"const": "retry", "type": "string"},
                            {"const": "completed", "type": "string"},
                            {"const": "failed", "type": "string"},
                            {"const": "cancelled", "type": "string"},
                            {"const": "expired", "type": "string"},
                            {"const": "dead", "type": "string"},
                            {"const": "dismissed", "type": "string"},
                        ],
                    },
                    "tries": {"minimum": 0, "type": "integer"},
                    "type": {"minLength": 1, "type": "string"},
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "id",
                    "context",
                    "service",
                    "type",
                    "state",
                    "payload",
                    "createdAt",
                    "updatedAt",
                    "tries",
                    "maxTries",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 1, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

JOBS_LIST_SERVICES_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"minimum": 1, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

JOBS_LIST_SERVICES_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "items": {
                "properties": {
                    "healthy": {"type": "boolean"},
                    "name": {"minLength": 1, "type": "string"},
                    "workers": {
                        "items": {
                            "properties": {
                                "concurrency": {"minimum": 1, "type": "integer"},
                                "instanceId": {"minLength": 1, "type": "string"},
                                "jobType": {"minLength": 1, "type": "string"},
                                "service": {"minLength": 1, "type": "string"},
                                "timestamp": {"format": "date-time", "type": "string"},
                                "version": {"minLength": 1, "type": "string"},
                            },
                            "required": ["service", "jobType", "instanceId", "timestamp"],
                            "type": "object",
                        },
                        "type": "array",
                    },
                },
                "required": ["name", "healthy", "workers"],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 1, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

JOBS_REPLAY_DLQ_REQUEST: dict[str, Any] = {
    "description": "Jobs admin ids are globally addressable; callers identify jobs by id only.",
    "properties": {"id": {"minLength": 1, "type": "string"}},
    "required": ["id"],
    "type": "object",
}

JOBS_REPLAY_DLQ_RESPONSE: dict[str, Any] = {
    "properties": {
        "job": {
            "properties": {
                "completedAt": {"format": "date-time", "type": "string"},
                "context": {
                    "properties": {
                        "requestId": {"minLength": 1, "type": "string"},
                        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                        "traceparent": {
                            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "type": "string",
                        },
                        "tracestate": {"minLength": 1, "type": "string"},
                    },
                    "required": ["requestId", "traceId", "traceparent"],
                    "type": "object",
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deadline": {"format": "date-time", "type": "string"},
                "id": {"minLength": 1, "type": "string"},
                "lastError": {"type": "string"},
                "logs": {
                    "items": {
                        "properties": {
                            "level": {
                                "anyOf": [
                                    {"const": "info", "type": "string"},
                                    {"const": "warn", "type": "string"},
                                    {"const": "error", "type": "string"},
                                ],
                            },
                            "message": {"type": "string"},
                            "timestamp": {"format": "date-time", "type": "string"},
                        },
                        "required": ["timestamp", "level", "message"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "maxTries": {"minimum": 1, "type": "integer"},
                "payload": {},
                "progress": {
                    "properties": {
                        "current": {"minimum": 0, "type": "integer"},
                        "message": {"type": "string"},
                        "step": {"type": "string"},
                        "total": {"minimum": 0, "type": "integer"},
                    },
                    "type": "object",
                },
                "result": {},
                "service": {"minLength": 1, "type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "active", "type": "string"},
                        {"const": "retry", "type": "string"},
                        {"const": "completed", "type": "string"},
                        {"const": "failed", "type": "string"},
                        {"const": "cancelled", "type": "string"},
                        {"const": "expired", "type": "string"},
                        {"const": "dead", "type": "string"},
                        {"const": "dismissed", "type": "string"},
                    ],
                },
                "tries": {"minimum": 0, "type": "integer"},
                "type": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "id",
                "context",
                "service",
                "type",
                "state",
                "payload",
                "createdAt",
                "updatedAt",
                "tries",
                "maxTries",
            ],
            "type": "object",
        },
    },
    "required": ["job"],
    "type": "object",
}

JOBS_RETRY_REQUEST: dict[str, Any] = {
    "description": "Jobs admin ids are globally addressable; callers identify jobs by id only.",
    "properties": {"id": {"minLength": 1, "type": "string"}},
    "required": ["id"],
    "type": "object",
}

JOBS_RETRY_RESPONSE: dict[str, Any] = {
    "properties": {
        "job": {
            "properties": {
                "completedAt": {"format": "date-time", "type": "string"},
                "context": {
                    "properties": {
                        "requestId": {"minLength": 1, "type": "string"},
                        "traceId": {"pattern": "^[0-9a-f]{32}$", "type": "string"},
                        "traceparent": {
                            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "type": "string",
                        },
                        "tracestate": {"minLength": 1, "type": "string"},
                    },
                    "required": ["requestId", "traceId", "traceparent"],
                    "type": "object",
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deadline": {"format": "date-time", "type": "string"},
                "id": {"minLength": 1, "type": "string"},
                "lastError": {"type": "string"},
                "logs": {
                    "items": {
                        "properties": {
                            "level": {
                                "anyOf": [
                                    {"const": "info", "type": "string"},
                                    {"const": "warn", "type": "string"},
                                    {"const": "error", "type": "string"},
                                ],
                            },
                            "message": {"type": "string"},
                            "timestamp": {"format": "date-time", "type": "string"},
                        },
                        "required": ["timestamp", "level", "message"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "maxTries": {"minimum": 1, "type": "integer"},
                "payload": {},
                "progress": {
                    "properties": {
                        "current": {"minimum": 0, "type": "integer"},
                        "message": {"type": "string"},
                        "step": {"type": "string"},
                        "total": {"minimum": 0, "type": "integer"},
                    },
                    "type": "object",
                },
                "result": {},
                "service": {"minLength": 1, "type": "string"},
                "startedAt": {"format": "date-time", "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "active", "type": "string"},
                        {"const": "retry", "type": "string"},
                        {"const": "completed", "type": "string"},
                        {"const": "failed", "type": "string"},
                        {"const": "cancelled", "type": "string"},
                        {"const": "expired", "type": "string"},
                        {"const": "dead", "type": "string"},
                        {"const": "dismissed", "type": "string"},
                    ],
                },
                "tries": {"minimum": 0, "type": "integer"},
                "type": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "id",
                "context",
                "service",
                "type",
                "state",
                "payload",
                "createdAt",
                "updatedAt",
                "tries",
                "maxTries",
            ],
            "type": "object",
        },
    },
    "required": ["job"],
    "type": "object",
}

NOT_FOUND_ERROR_DATA: dict[str, Any] = {
    "properties": {
        "context": {"patternProperties": {"^.*$": {}}, "type": "object"},
        "id": {"minLength": 1, "type": "string"},
        "jobId": {"minLength": 1, "type": "string"},
        "message": {"type": "string"},
        "resource": {"minLength": 1, "type": "string"},
        "traceId": {"type": "string"},
        "type": {"const": "NotFoundError", "type": "string"},
    },
    "required": ["id", "type", "message", "resource"],
    "type": "object",
}

NOT_FOUND_ERROR = define_error("NotFoundError", schema=NOT_FOUND_ERROR_DATA)

CONTRACT = define_service_contract(
    id="trellis.jobs@v1",
    display_name="Trellis platform: jobs",
    description="Administration of the background jobs run by Trellis services.",
    capabilities={
        "admin.mutate": Capability(
            display_name="Mutate jobs admin data",
            description="Cancel, retry, replay, or dismiss Jobs service work items.",
            consequence="Can change background job execution state.",
        ),
        "admin.read": Capability(
            display_name="Read jobs admin data",
            description="View Jobs service health, services, jobs, and dead-letter queues.",
        ),
    },
    schemas={
        "Empty": EMPTY,
        "Job": JOB,
        "JobContext": JOB_CONTEXT,
        "JobLogEntry": JOB_LOG_ENTRY,
        "JobProgress": JOB_PROGRESS,
        "JobState": JOB_STATE,
        "JobsCancelRequest": JOBS_CANCEL_REQUEST,
        "JobsCancelResponse": JOBS_CANCEL_RESPONSE,
        "JobsDismissDLQRequest": JOBS_DISMISS_DLQ_REQUEST,
        "JobsDismissDLQResponse": JOBS_DISMISS_DLQ_RESPONSE,
        "JobsGetRequest": JOBS_GET_REQUEST,
        "JobsGetResponse": JOBS_GET_RESPONSE,
        "JobsHealthResponse": JOBS_HEALTH_RESPONSE,
        "JobsListDLQRequest": JOBS_LIST_DLQ_REQUEST,
        "JobsListDLQResponse": JOBS_LIST_DLQ_RESPONSE,
        "JobsListRequest": JOBS_LIST_REQUEST,
        "JobsListResponse": JOBS_LIST_RESPONSE,
        "JobsListServicesRequest": JOBS_LIST_SERVICES_REQUEST,
        "JobsListServicesResponse": JOBS_LIST_SERVICES_RESPONSE,
        "JobsReplayDLQRequest": JOBS_REPLAY_DLQ_REQUEST,
        "JobsReplayDLQResponse": JOBS_REPLAY_DLQ_RESPONSE,
        "JobsRetryRequest": JOBS_RETRY_REQUEST,
        "JobsRetryResponse": JOBS_RETRY_RESPONSE,
        "NotFoundErrorData": NOT_FOUND_ERROR_DATA,
    },
    errors=[NOT_FOUND_ERROR],
    uses={
        "auth": Use(contract="trellis.auth@v1", rpc_call=["Auth.Requests.Validate"]),
        "core": Use(
            contract="trellis.core@v1",
            rpc_call=["Trellis.Bindings.Get", "Trellis.Catalog"],
        ),
    },
    rpc={
        "Jobs.Cancel": Rpc(
            input=JOBS_CANCEL_REQUEST,
            output=JOBS_CANCEL_RESPONSE,
            call=["admin.mutate"],
            errors=["UnexpectedError", "ValidationError", NOT_FOUND_ERROR],
            docs=Docs(markdown="Stop a job that has not finished yet."),
        ),
        "Jobs.DismissDLQ": Rpc(
            input=JOBS_DISMISS_DLQ_REQUEST,
            output=JOBS_DISMISS_DLQ_RESPONSE,
            call=["admin.mutate"],
            errors=["UnexpectedError", "ValidationError", NOT_FOUND_ERROR],
            docs=Docs(markdown="Drop a dead-lettered job without running it again."),
        ),
        "Jobs.Get": Rpc(
            input=JOBS_GET_REQUEST,
            output=JOBS_GET_RESPONSE,
            call=["admin.read"],
            errors=["UnexpectedError", "ValidationError", NOT_FOUND_ERROR],
            docs=Docs(markdown="One job, by id."),
        ),
        "Jobs.Health": Rpc(
            input=EMPTY,
            output=JOBS_HEALTH_RESPONSE,
            call=["admin.read"],
            errors=["UnexpectedError"],
            docs=Docs(markdown="Health of the jobs service and of its workers."),
        ),
        "Jobs.List": Rpc(
            input=JOBS_LIST_REQUEST,
            output=JOBS_LIST_RESPONSE,
            call=["admin.read"],
            errors=["UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Jobs matching a filter, by page."),
        ),
        "Jobs.ListDLQ": Rpc(
            input=JOBS_LIST_DLQ_REQUEST,
            output=JOBS_LIST_DLQ_RESPONSE,
            call=["admin.read"],
            errors=["UnexpectedError", "ValidationError"],
            docs=Docs(
                markdown="Jobs that used up their deliveries (the dead-letter queue), by page.",
            ),
        ),
        "Jobs.ListServices": Rpc(
            input=JOBS_LIST_SERVICES_REQUEST,
            output=JOBS_LIST_SERVICES_RESPONSE,
            call=["admin.read"],
            errors=["UnexpectedError", "ValidationError"],
            docs=Docs(markdown="The services that own job queues, with their workers."),
        ),
        "Jobs.ReplayDLQ": Rpc(
            input=JOBS_REPLAY_DLQ_REQUEST,
            output=JOBS_REPLAY_DLQ_RESPONSE,
            call=["admin.mutate"],
            errors=["UnexpectedError", "ValidationError", NOT_FOUND_ERROR],
            docs=Docs(markdown="Put a dead-lettered job back on its queue."),
        ),
        "Jobs.Retry": Rpc(
            input=JOBS_RETRY_REQUEST,
            output=JOBS_RETRY_RESPONSE,
            call=["admin.mutate"],
            errors=["UnexpectedError", "ValidationError", NOT_FOUND_ERROR],
            docs=Docs(markdown="Run a failed job once more."),
        ),
    },
)
