"""`trellis.auth@v1`: identities, sessions and authorization of a Trellis deployment.

Besides the administration of users, devices, service instances, portals and deployments, this is
the contract every service calls for each request it receives (`Auth.Requests.Validate`). Interface
facts (subjects, the 165 schemas, capabilities with their metadata, event params) are the platform's
and give the reference runtime's digest; the wording is ours, and surfaces not described here are
left without docs. After an edit run `python -m trellis_generate.platform.build` to refresh the
shipped manifest.
"""

from typing import Any

from trellis_generate.authoring import (
    Capability,
    Docs,
    Event,
    Operation,
    Rpc,
    define_service_contract,
)

AUTH_CAPABILITIES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_CAPABILITIES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "consequence": {"minLength": 1, "type": "string"},
                    "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                    "contractDisplayName": {"minLength": 1, "type": "string"},
                    "contractId": {"minLength": 1, "type": "string"},
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "description": {"minLength": 1, "type": "string"},
                    "direction": {
                        "anyOf": [
                            {"const": "creates", "type": "string"},
                            {"const": "given", "type": "string"},
                        ],
                    },
                    "displayName": {"minLength": 1, "type": "string"},
                    "key": {"minLength": 1, "type": "string"},
                    "source": {
                        "anyOf": [
                            {"const": "contract", "type": "string"},
                            {"const": "platform", "type": "string"},
                        ],
                    },
                },
                "required": ["key", "displayName", "description", "source"],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_DELETE_REQUEST: dict[str, Any] = {
    "properties": {"groupKey": {"minLength": 1, "type": "string"}},
    "required": ["groupKey"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_DELETE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_GET_REQUEST: dict[str, Any] = {
    "properties": {"groupKey": {"minLength": 1, "type": "string"}},
    "required": ["groupKey"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "group": {
            "properties": {
                "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                "createdAt": {"format": "date-time", "type": "string"},
                "description": {"minLength": 1, "type": "string"},
                "displayName": {"minLength": 1, "type": "string"},
                "groupKey": {"minLength": 1, "type": "string"},
                "includedGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "groupKey",
                "displayName",
                "description",
                "capabilities",
                "includedGroups",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": ["group"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                    "createdAt": {"format": "date-time", "type": "string"},
                    "description": {"minLength": 1, "type": "string"},
                    "displayName": {"minLength": 1, "type": "string"},
                    "groupKey": {"minLength": 1, "type": "string"},
                    "includedGroups": {
                        "items": {"minLength": 1, "type": "string"},
                        "type": "array",
                    },
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "groupKey",
                    "displayName",
                    "description",
                    "capabilities",
                    "includedGroups",
                    "createdAt",
                    "updatedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_PUT_REQUEST: dict[str, Any] = {
    "properties": {
        "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "description": {"minLength": 1, "type": "string"},
        "displayName": {"minLength": 1, "type": "string"},
        "groupKey": {"minLength": 1, "type": "string"},
        "includedGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
    },
    "required": ["groupKey", "displayName", "description"],
    "type": "object",
}

AUTH_CAPABILITY_GROUPS_PUT_RESPONSE: dict[str, Any] = {
    "properties": {
        "group": {
            "properties": {
                "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                "createdAt": {"format": "date-time", "type": "string"},
                "description": {"minLength": 1, "type": "string"},
                "displayName": {"minLength": 1, "type": "string"},
                "groupKey": {"minLength": 1, "type": "string"},
                "includedGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "groupKey",
                "displayName",
                "description",
                "capabilities",
                "includedGroups",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": ["group"],
    "type": "object",
}

AUTH_CATALOG_ISSUES_RESOLVE_REQUEST: dict[str, Any] = {
    "properties": {
        "action": {
            "anyOf": [
                {"const": "keep-current", "type": "string"},
                {"const": "force-replace", "type": "string"},
            ],
        },
        "issueId": {"minLength": 1, "type": "string"},
    },
    "required": ["issueId", "action"],
    "type": "object",
}

AUTH_CATALOG_ISSUES_RESOLVE_RESPONSE: dict[str, Any] = {
    "properties": {
        "action": {
            "anyOf": [
                {"const": "keep-current", "type": "string"},
                {"const": "force-replace", "type": "string"},
            ],
        },
        "issueId": {"minLength": 1, "type": "string"},
        "success": {"const": True, "type": "boolean"},
    },
    "required": ["success", "issueId", "action"],
    "type": "object",
}

AUTH_CONNECTIONS_CLOSED_EVENT: dict[str, Any] = {
    "allOf": [
        {
            "properties": {
                "header": {
                    "properties": {
                        "id": {"type": "string"},
                        "time": {"format": "date-time", "type": "string"},
                    },
                    "required": ["id", "time"],
                    "type": "object",
                },
            },
            "required": ["header"],
            "type": "object",
        },
        {
            "properties": {
                "id": {"type": "string"},
                "origin": {"type": "string"},
                "sessionKey": {"type": "string"},
                "userNkey": {"type": "string"},
            },
            "required": ["origin", "id", "sessionKey", "userNkey"],
            "type": "object",
        },
    ],
}

AUTH_CONNECTIONS_KICK_REQUEST: dict[str, Any] = {
    "properties": {"userNkey": {"type": "string"}},
    "required": ["userNkey"],
    "type": "object",
}

AUTH_CONNECTIONS_KICK_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_CONNECTIONS_KICKED_EVENT: dict[str, Any] = {
    "allOf": [
        {
            "properties": {
                "header": {
                    "properties": {
                        "id": {"type": "string"},
                        "time": {"format": "date-time", "type": "string"},
                    },
                    "required": ["id", "time"],
                    "type": "object",
                },
            },
            "required": ["header"],
            "type": "object",
        },
        {
            "properties": {
                "id": {"type": "string"},
                "kickedBy": {"type": "string"},
                "origin": {"type": "string"},
                "userNkey": {"type": "string"},
            },
            "required": ["origin", "id", "userNkey", "kickedBy"],
            "type": "object",
        },
    ],
}

AUTH_CONNECTIONS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "sessionKey": {"type": "string"},
        "user": {"type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_CONNECTIONS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "clientId": {"type": "number"},
                            "connectedAt": {"type": "string"},
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "key": {"type": "string"},
                            "participantKind": {"const": "app", "type": "string"},
                            "principal": {
                                "properties": {
                                    "identity": {
                                        "properties": {
                                            "identityId": {"type": "string"},
                                            "provider": {"type": "string"},
                                            "subject": {"type": "string"},
                                        },
                                        "required": ["identityId", "provider", "subject"],
                                        "type": "object",
                                    },
                                    "name": {"type": "string"},
                                    "type": {"const": "user", "type": "string"},
                                    "userId": {"type": "string"},
                                },
                                "required": ["type", "userId", "identity", "name"],
                                "type": "object",
                            },
                            "serverId": {"type": "string"},
                            "sessionKey": {"type": "string"},
                            "userNkey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "userNkey",
                            "sessionKey",
                            "serverId",
                            "clientId",
                            "connectedAt",
                            "participantKind",
                            "principal",
                            "contractId",
                            "contractDisplayName",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "clientId": {"type": "number"},
                            "connectedAt": {"type": "string"},
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "key": {"type": "string"},
                            "participantKind": {"const": "agent", "type": "string"},
                            "principal": {
                                "properties": {
                                    "identity": {
                                        "properties": {
                                            "identityId": {"type": "string"},
                                            "provider": {"type": "string"},
                                            "subject": {"type": "string"},
                                        },
                                        "required": ["identityId", "provider", "subject"],
                                        "type": "object",
                                    },
                                    "name": {"type": "string"},
                                    "type": {"const": "user", "type": "string"},
                                    "userId": {"type": "string"},
                                },
                                "required": ["type", "userId", "identity", "name"],
                                "type": "object",
                            },
                            "serverId": {"type": "string"},
                            "sessionKey": {"type": "string"},
                            "userNkey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "userNkey",
                            "sessionKey",
                            "serverId",
                            "clientId",
                            "connectedAt",
                            "participantKind",
                            "principal",
                            "contractId",
                            "contractDisplayName",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "clientId": {"type": "number"},
                            "connectedAt": {"type": "string"},
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "key": {"type": "string"},
                            "participantKind": {"const": "device", "type": "string"},
                            "principal": {
                                "properties": {
                                    "deploymentId": {"type": "string"},
                                    "deviceId": {"type": "string"},
                                    "deviceType": {"type": "string"},
                                    "runtimePublicKey": {"type": "string"},
                                    "type": {"const": "device", "type": "string"},
                                },
                                "required": [
                                    "type",
                                    "deviceId",
                                    "deviceType",
                                    "runtimePublicKey",
                                    "deploymentId",
                                ],
                                "type": "object",
                            },
                            "serverId": {"type": "string"},
                            "sessionKey": {"type": "string"},
                            "userNkey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "userNkey",
                            "sessionKey",
                            "serverId",
                            "clientId",
                            "connectedAt",
                            "participantKind",
                            "principal",
                            "contractId",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "clientId": {"type": "number"},
                            "connectedAt": {"type": "string"},
                            "key": {"type": "string"},
                            "participantKind": {"const": "service", "type": "string"},
                            "principal": {
                                "properties": {
                                    "deploymentId": {"type": "string"},
                                    "id": {"type": "string"},
                                    "instanceId": {"type": "string"},
                                    "name": {"type": "string"},
                                    "type": {"const": "service", "type": "string"},
                                },
                                "required": ["type", "id", "name", "instanceId", "deploymentId"],
                                "type": "object",
                            },
                            "serverId": {"type": "string"},
                            "sessionKey": {"type": "string"},
                            "userNkey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "userNkey",
                            "sessionKey",
                            "serverId",
                            "clientId",
                            "connectedAt",
                            "participantKind",
                            "principal",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_CONNECTIONS_OPENED_EVENT: dict[str, Any] = {
    "allOf": [
        {
            "properties": {
                "header": {
                    "properties": {
                        "id": {"type": "string"},
                        "time": {"format": "date-time", "type": "string"},
                    },
                    "required": ["id", "time"],
                    "type": "object",
                },
            },
            "required": ["header"],
            "type": "object",
        },
        {
            "properties": {
                "id": {"type": "string"},
                "origin": {"type": "string"},
                "sessionKey": {"type": "string"},
                "userNkey": {"type": "string"},
            },
            "required": ["origin", "id", "sessionKey", "userNkey"],
            "type": "object",
        },
    ],
}

AUTH_DEPLOYMENT: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "contractCompatibilityMode": {
                    "anyOf": [
                        {"const": "strict", "type": "string"},
                        {"const": "mutable-dev", "type": "string"},
                    ],
                },
                "deploymentId": {"minLength": 1, "type": "string"},
                "disabled": {"type": "boolean"},
                "kind": {"const": "service", "type": "string"},
                "namespaces": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
            },
            "required": ["kind", "deploymentId", "namespaces", "disabled"],
            "type": "object",
        },
        {
            "properties": {
                "deploymentId": {"minLength": 1, "type": "string"},
                "disabled": {"type": "boolean"},
                "kind": {"const": "device", "type": "string"},
                "reviewMode": {
                    "anyOf": [
                        {"const": "none", "type": "string"},
                        {"const": "required", "type": "string"},
                    ],
                },
            },
            "required": ["kind", "deploymentId", "disabled"],
            "type": "object",
        },
    ],
}

AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION_REQUEST: dict[str, Any] = {
    "properties": {
        "acknowledgement": {"minLength": 1, "type": "string"},
        "expectedDesiredVersion": {"minLength": 1, "type": "string"},
        "planId": {"minLength": 1, "type": "string"},
    },
    "required": ["planId", "acknowledgement"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_RESPONSE: dict[str, Any] = {
    "properties": {
        "authority": {
            "properties": {
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "desiredState": {
                    "properties": {
                        "capabilities": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                        "needs": {
                            "properties": {
                                "capabilities": {
                                    "items": {
                                        "properties": {
                                            "capability": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["capability", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "contracts": {
                                    "items": {
                                        "properties": {
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "resources": {
                                    "items": {
                                        "properties": {
                                            "alias": {"minLength": 1, "type": "string"},
                                            "definition": {"type": "object"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "kv", "type": "string"},
                                                    {"const": "store", "type": "string"},
                                                    {"const": "jobs", "type": "string"},
                                                    {"const": "event-consumer", "type": "string"},
                                                    {"const": "transfer", "type": "string"},
                                                ],
                                            },
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["kind", "alias", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "surfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "kind", "name", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                            },
                            "required": ["contracts", "surfaces", "capabilities", "resources"],
                            "type": "object",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                },
                                "required": ["contractId", "kind", "name"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["needs", "capabilities", "resources", "surfaces"],
                    "type": "object",
                },
                "disabled": {"type": "boolean"},
                "kind": {
                    "anyOf": [
                        {"const": "service", "type": "string"},
                        {"const": "device", "type": "string"},
                        {"const": "app", "type": "string"},
                        {"const": "cli", "type": "string"},
                        {"const": "native", "type": "string"},
                        {"const": "device-user", "type": "string"},
                    ],
                },
                "updatedAt": {"format": "date-time", "type": "string"},
                "version": {"minLength": 1, "type": "string"},
            },
            "required": [
                "deploymentId",
                "kind",
                "disabled",
                "desiredState",
                "version",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": ["authority"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE_REQUEST: dict[str, Any] = {
    "properties": {
        "expectedDesiredVersion": {"minLength": 1, "type": "string"},
        "planId": {"minLength": 1, "type": "string"},
    },
    "required": ["planId"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GET_REQUEST: dict[str, Any] = {
    "properties": {"deploymentId": {"minLength": 1, "type": "string"}},
    "required": ["deploymentId"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "authority": {
            "properties": {
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "desiredState": {
                    "properties": {
                        "capabilities": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                        "needs": {
                            "properties": {
                                "capabilities": {
                                    "items": {
                                        "properties": {
                                            "capability": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["capability", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "contracts": {
                                    "items": {
                                        "properties": {
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "resources": {
                                    "items": {
                                        "properties": {
                                            "alias": {"minLength": 1, "type": "string"},
                                            "definition": {"type": "object"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "kv", "type": "string"},
                                                    {"const": "store", "type": "string"},
                                                    {"const": "jobs", "type": "string"},
                                                    {"const": "event-consumer", "type": "string"},
                                                    {"const": "transfer", "type": "string"},
                                                ],
                                            },
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["kind", "alias", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "surfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "kind", "name", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                            },
                            "required": ["contracts", "surfaces", "capabilities", "resources"],
                            "type": "object",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                },
                                "required": ["contractId", "kind", "name"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["needs", "capabilities", "resources", "surfaces"],
                    "type": "object",
                },
                "disabled": {"type": "boolean"},
                "kind": {
                    "anyOf": [
                        {"const": "service", "type": "string"},
                        {"const": "device", "type": "string"},
                        {"const": "app", "type": "string"},
                        {"const": "cli", "type": "string"},
                        {"const": "native", "type": "string"},
                        {"const": "device-user", "type": "string"},
                    ],
                },
                "updatedAt": {"format": "date-time", "type": "string"},
                "version": {"minLength": 1, "type": "string"},
            },
            "required": [
                "deploymentId",
                "kind",
                "disabled",
                "desiredState",
                "version",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
        "grantOverrides": {
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "materializedAuthority": {
            "anyOf": [
                {
                    "properties": {
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "desiredVersion": {"minLength": 1, "type": "string"},
                        "error": {"minLength": 1, "type": "string"},
                        "grants": {
                            "properties": {
                                "capabilities": {
                                    "items": {
                                        "properties": {
                                            "capability": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["capability"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "nats": {
                                    "items": {
                                        "properties": {
                                            "direction": {
                                                "anyOf": [
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                ],
                                            },
                                            "grantSource": {
                                                "anyOf": [
                                                    {"const": "owned-surface", "type": "string"},
                                                    {"const": "used-surface", "type": "string"},
                                                    {"const": "resource-binding", "type": "string"},
                                                    {"const": "platform-service", "type": "string"},
                                                    {"const": "transfer", "type": "string"},
                                                ],
                                            },
                                            "requiredCapabilities": {
                                                "items": {"minLength": 1, "type": "string"},
                                                "type": "array",
                                            },
                                            "subject": {"minLength": 1, "type": "string"},
                                            "surface": {
                                                "properties": {
                                                    "action": {
                                                        "anyOf": [
                                                            {"const": "call", "type": "string"},
                                                            {"const": "publish", "type": "string"},
                                                            {
                                                                "const": "subscribe",
                                                                "type": "string",
                                                            },
                                                            {"const": "observe", "type": "string"},
                                                            {"const": "cancel", "type": "string"},
                                                        ],
                                                    },
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "rpc", "type": "string"},
                                                            {
                                                                "const": "operation",
                                                                "type": "string",
                                                            },
                                                            {"const": "event", "type": "string"},
                                                            {"const": "feed", "type": "string"},
                                                        ],
                                                    },
                                                    "name": {"minLength": 1, "type": "string"},
                                                },
                                                "required": ["contractId", "kind", "name"],
                                                "type": "object",
                                            },
                                        },
                                        "required": [
                                            "direction",
                                            "subject",
                                            "requiredCapabilities",
                                            "grantSource",
                                        ],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "surfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "name": {"minLength": 1, "type": "string"},
                                            "surfaceKind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                        },
                                        "required": ["contractId", "surfaceKind", "name"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                            },
                            "required": ["capabilities", "surfaces", "nats"],
                            "type": "object",
                        },
                        "reconciledAt": {
                            "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                        },
                        "resourceBindings": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "binding": {
                                        "patternProperties": {"^.*$": {}},
                                        "type": "object",
                                    },
                                    "createdAt": {"format": "date-time", "type": "string"},
                                    "deploymentId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "limits": {
                                        "anyOf": [
                                            {"patternProperties": {"^.*$": {}}, "type": "object"},
                                            {"type": "null"},
                                        ],
                                    },
                                    "updatedAt": {"format": "date-time", "type": "string"},
                                },
                                "required": [
                                    "deploymentId",
                                    "kind",
                                    "alias",
                                    "binding",
                                    "limits",
                                    "createdAt",
                                    "updatedAt",
                                ],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "status": {
                            "anyOf": [
                                {"const": "current", "type": "string"},
                                {"const": "pending", "type": "string"},
                                {"const": "failed", "type": "string"},
                            ],
                        },
                    },
                    "required": [
                        "deploymentId",
                        "desiredVersion",
                        "status",
                        "resourceBindings",
                        "grants",
                        "reconciledAt",
                    ],
                    "type": "object",
                },
                {"type": "null"},
            ],
        },
        "portalRoute": {
            "anyOf": [
                {
                    "properties": {
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "entryUrl": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "portalId": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "updatedAt": {"format": "date-time", "type": "string"},
                    },
                    "required": ["deploymentId", "portalId", "entryUrl", "disabled", "updatedAt"],
                    "type": "object",
                },
                {"type": "null"},
            ],
        },
    },
    "required": ["authority", "materializedAuthority", "portalRoute", "grantOverrides"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "overrides": {
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
    },
    "required": ["deploymentId", "overrides"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "overrides": {
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
    },
    "required": ["deploymentId", "overrides"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_RESPONSE: dict[str, Any] = {
    "properties": {
        "grantOverrides": {
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "web", "type": "string"},
                            "origin": {"minLength": 1, "type": "string"},
                            "sessionPublicKey": {"type": "null"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "capabilityGroupKey": {"type": "null"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "capability": {"type": "null"},
                            "capabilityGroupKey": {"minLength": 1, "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "grantKind": {"const": "capability-group", "type": "string"},
                            "identityKind": {"const": "session", "type": "string"},
                            "origin": {"type": "null"},
                            "sessionPublicKey": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "identityKind",
                            "grantKind",
                            "contractId",
                            "origin",
                            "sessionPublicKey",
                            "capability",
                            "capabilityGroupKey",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
    },
    "required": ["grantOverrides"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "disabled": {"type": "boolean"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
                {"const": "app", "type": "string"},
                {"const": "cli", "type": "string"},
                {"const": "native", "type": "string"},
                {"const": "device-user", "type": "string"},
            ],
        },
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "desiredState": {
                        "properties": {
                            "capabilities": {
                                "items": {"minLength": 1, "type": "string"},
                                "type": "array",
                            },
                            "needs": {
                                "properties": {
                                    "capabilities": {
                                        "items": {
                                            "properties": {
                                                "capability": {"minLength": 1, "type": "string"},
                                                "required": {"type": "boolean"},
                                            },
                                            "required": ["capability", "required"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                    "contracts": {
                                        "items": {
                                            "properties": {
                                                "contractId": {"minLength": 1, "type": "string"},
                                                "required": {"type": "boolean"},
                                            },
                                            "required": ["contractId", "required"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                    "resources": {
                                        "items": {
                                            "properties": {
                                                "alias": {"minLength": 1, "type": "string"},
                                                "definition": {"type": "object"},
                                                "kind": {
                                                    "anyOf": [
                                                        {"const": "kv", "type": "string"},
                                                        {"const": "store", "type": "string"},
                                                        {"const": "jobs", "type": "string"},
                                                        {
                                                            "const": "event-consumer",
                                                            "type": "string",
                                                        },
                                                        {"const": "transfer", "type": "string"},
                                                    ],
                                                },
                                                "required": {"type": "boolean"},
                                            },
                                            "required": ["kind", "alias", "required"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                    "surfaces": {
                                        "items": {
                                            "properties": {
                                                "action": {
                                                    "anyOf": [
                                                        {"const": "call", "type": "string"},
                                                        {"const": "publish", "type": "string"},
                                                        {"const": "subscribe", "type": "string"},
                                                        {"const": "observe", "type": "string"},
                                                        {"const": "cancel", "type": "string"},
                                                    ],
                                                },
                                                "contractId": {"minLength": 1, "type": "string"},
                                                "kind": {
                                                    "anyOf": [
                                                        {"const": "rpc", "type": "string"},
                                                        {"const": "operation", "type": "string"},
                                                        {"const": "event", "type": "string"},
                                                        {"const": "feed", "type": "string"},
                                                    ],
                                                },
                                                "name": {"minLength": 1, "type": "string"},
                                                "required": {"type": "boolean"},
                                            },
                                            "required": ["contractId", "kind", "name", "required"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                },
                                "required": ["contracts", "surfaces", "capabilities", "resources"],
                                "type": "object",
                            },
                            "resources": {
                                "items": {
                                    "properties": {
                                        "alias": {"minLength": 1, "type": "string"},
                                        "definition": {"type": "object"},
                                        "kind": {
                                            "anyOf": [
                                                {"const": "kv", "type": "string"},
                                                {"const": "store", "type": "string"},
                                                {"const": "jobs", "type": "string"},
                                                {"const": "event-consumer", "type": "string"},
                                                {"const": "transfer", "type": "string"},
                                            ],
                                        },
                                        "required": {"type": "boolean"},
                                    },
                                    "required": ["kind", "alias", "required"],
                                    "type": "object",
                                },
                                "type": "array",
                            },
                            "surfaces": {
                                "items": {
                                    "properties": {
                                        "action": {
                                            "anyOf": [
                                                {"const": "call", "type": "string"},
                                                {"const": "publish", "type": "string"},
                                                {"const": "subscribe", "type": "string"},
                                                {"const": "observe", "type": "string"},
                                                {"const": "cancel", "type": "string"},
                                            ],
                                        },
                                        "contractId": {"minLength": 1, "type": "string"},
                                        "kind": {
                                            "anyOf": [
                                                {"const": "rpc", "type": "string"},
                                                {"const": "operation", "type": "string"},
                                                {"const": "event", "type": "string"},
                                                {"const": "feed", "type": "string"},
                                            ],
                                        },
                                        "name": {"minLength": 1, "type": "string"},
                                    },
                                    "required": ["contractId", "kind", "name"],
                                    "type": "object",
                                },
                                "type": "array",
                            },
                        },
                        "required": ["needs", "capabilities", "resources", "surfaces"],
                        "type": "object",
                    },
                    "disabled": {"type": "boolean"},
                    "kind": {
                        "anyOf": [
                            {"const": "service", "type": "string"},
                            {"const": "device", "type": "string"},
                            {"const": "app", "type": "string"},
                            {"const": "cli", "type": "string"},
                            {"const": "native", "type": "string"},
                            {"const": "device-user", "type": "string"},
                        ],
                    },
                    "updatedAt": {"format": "date-time", "type": "string"},
                    "version": {"minLength": 1, "type": "string"},
                },
                "required": [
                    "deploymentId",
                    "kind",
                    "disabled",
                    "desiredState",
                    "version",
                    "createdAt",
                    "updatedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLAN_REQUEST: dict[str, Any] = {
    "properties": {
        "contract": {"type": "object"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "expectedDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
    },
    "required": ["deploymentId", "contract", "expectedDigest"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLAN_RESPONSE: dict[str, Any] = {
    "properties": {
        "plan": {
            "anyOf": [
                {
                    "properties": {
                        "classification": {"const": "update", "type": "string"},
                        "createdAt": {"format": "date-time", "type": "string"},
                        "decisionAt": {
                            "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                        },
                        "decisionBy": {
                            "anyOf": [
                                {"patternProperties": {"^.*$": {}}, "type": "object"},
                                {"type": "null"},
                            ],
                        },
                        "decisionReason": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "desiredChange": {"type": "object"},
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "materializationPreview": {"type": "object"},
                        "planId": {"minLength": 1, "type": "string"},
                        "proposal": {
                            "properties": {
                                "contract": {"type": "object"},
                                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                                "contractId": {"minLength": 1, "type": "string"},
                                "deploymentId": {"minLength": 1, "type": "string"},
                                "proposalId": {"minLength": 1, "type": "string"},
                                "providedSurfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["contractId", "kind", "name"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "requestedNeeds": {
                                    "properties": {
                                        "capabilities": {
                                            "items": {
                                                "properties": {
                                                    "capability": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["capability", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "contracts": {
                                            "items": {
                                                "properties": {
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["contractId", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "resources": {
                                            "items": {
                                                "properties": {
                                                    "alias": {"minLength": 1, "type": "string"},
                                                    "definition": {"type": "object"},
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "kv", "type": "string"},
                                                            {"const": "store", "type": "string"},
                                                            {"const": "jobs", "type": "string"},
                                                            {
                                                                "const": "event-consumer",
                                                                "type": "string",
                                                            },
                                                            {"const": "transfer", "type": "string"},
                                                        ],
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["kind", "alias", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "surfaces": {
                                            "items": {
                                                "properties": {
                                                    "action": {
                                                        "anyOf": [
                                                            {"const": "call", "type": "string"},
                                                            {"const": "publish", "type": "string"},
                                                            {
                                                                "const": "subscribe",
                                                                "type": "string",
                                                            },
                                                            {"const": "observe", "type": "string"},
                                                            {"const": "cancel", "type": "string"},
                                                        ],
                                                    },
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "rpc", "type": "string"},
                                                            {
                                                                "const": "operation",
                                                                "type": "string",
                                                            },
                                                            {"const": "event", "type": "string"},
                                                            {"const": "feed", "type": "string"},
                                                        ],
                                                    },
                                                    "name": {"minLength": 1, "type": "string"},
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": [
                                                    "contractId",
                                                    "kind",
                                                    "name",
                                                    "required",
                                                ],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                    },
                                    "required": [
                                        "contracts",
                                        "surfaces",
                                        "capabilities",
                                        "resources",
                                    ],
                                    "type": "object",
                                },
                                "summary": {"type": "object"},
                            },
                            "required": [
                                "deploymentId",
                                "contractId",
                                "contractDigest",
                                "requestedNeeds",
                                "providedSurfaces",
                            ],
                            "type": "object",
                        },
                        "state": {
                            "anyOf": [
                                {"const": "pending", "type": "string"},
                                {"const": "accepted", "type": "string"},
                                {"const": "rejected", "type": "string"},
                                {"const": "expired", "type": "string"},
                            ],
                        },
                        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                    },
                    "required": [
                        "planId",
                        "deploymentId",
                        "proposal",
                        "desiredChange",
                        "materializationPreview",
                        "warnings",
                        "createdAt",
                        "classification",
                    ],
                    "type": "object",
                },
                {
                    "properties": {
                        "acknowledgementRequired": {"type": "boolean"},
                        "classification": {"const": "migration", "type": "string"},
                        "createdAt": {"format": "date-time", "type": "string"},
                        "decisionAt": {
                            "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                        },
                        "decisionBy": {
                            "anyOf": [
                                {"patternProperties": {"^.*$": {}}, "type": "object"},
                                {"type": "null"},
                            ],
                        },
                        "decisionReason": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "desiredChange": {"type": "object"},
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "materializationPreview": {"type": "object"},
                        "planId": {"minLength": 1, "type": "string"},
                        "proposal": {
                            "properties": {
                                "contract": {"type": "object"},
                                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                                "contractId": {"minLength": 1, "type": "string"},
                                "deploymentId": {"minLength": 1, "type": "string"},
                                "proposalId": {"minLength": 1, "type": "string"},
                                "providedSurfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["contractId", "kind", "name"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "requestedNeeds": {
                                    "properties": {
                                        "capabilities": {
                                            "items": {
                                                "properties": {
                                                    "capability": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["capability", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "contracts": {
                                            "items": {
                                                "properties": {
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["contractId", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "resources": {
                                            "items": {
                                                "properties": {
                                                    "alias": {"minLength": 1, "type": "string"},
                                                    "definition": {"type": "object"},
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "kv", "type": "string"},
                                                            {"const": "store", "type": "string"},
                                                            {"const": "jobs", "type": "string"},
                                                            {
                                                                "const": "event-consumer",
                                                                "type": "string",
                                                            },
                                                            {"const": "transfer", "type": "string"},
                                                        ],
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["kind", "alias", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "surfaces": {
                                            "items": {
                                                "properties": {
                                                    "action": {
                                                        "anyOf": [
                                                            {"const": "call", "type": "string"},
                                                            {"const": "publish", "type": "string"},
                                                            {
                                                                "const": "subscribe",
                                                                "type": "string",
                                                            },
                                                            {"const": "observe", "type": "string"},
                                                            {"const": "cancel", "type": "string"},
                                                        ],
                                                    },
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "rpc", "type": "string"},
                                                            {
                                                                "const": "operation",
                                                                "type": "string",
                                                            },
                                                            {"const": "event", "type": "string"},
                                                            {"const": "feed", "type": "string"},
                                                        ],
                                                    },
                                                    "name": {"minLength": 1, "type": "string"},
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": [
                                                    "contractId",
                                                    "kind",
                                                    "name",
                                                    "required",
                                                ],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                    },
                                    "required": [
                                        "contracts",
                                        "surfaces",
                                        "capabilities",
                                        "resources",
                                    ],
                                    "type": "object",
                                },
                                "summary": {"type": "object"},
                            },
                            "required": [
                                "deploymentId",
                                "contractId",
                                "contractDigest",
                                "requestedNeeds",
                                "providedSurfaces",
                            ],
                            "type": "object",
                        },
                        "state": {
                            "anyOf": [
                                {"const": "pending", "type": "string"},
                                {"const": "accepted", "type": "string"},
                                {"const": "rejected", "type": "string"},
                                {"const": "expired", "type": "string"},
                            ],
                        },
                        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                    },
                    "required": [
                        "planId",
                        "deploymentId",
                        "proposal",
                        "desiredChange",
                        "materializationPreview",
                        "warnings",
                        "createdAt",
                        "classification",
                        "acknowledgementRequired",
                    ],
                    "type": "object",
                },
            ],
        },
    },
    "required": ["plan"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_REQUEST: dict[str, Any] = {
    "properties": {"planId": {"minLength": 1, "type": "string"}},
    "required": ["planId"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "plan": {
            "anyOf": [
                {
                    "properties": {
                        "classification": {"const": "update", "type": "string"},
                        "createdAt": {"format": "date-time", "type": "string"},
                        "decisionAt": {
                            "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                        },
                        "decisionBy": {
                            "anyOf": [
                                {"patternProperties": {"^.*$": {}}, "type": "object"},
                                {"type": "null"},
                            ],
                        },
                        "decisionReason": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "desiredChange": {"type": "object"},
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "materializationPreview": {"type": "object"},
                        "planId": {"minLength": 1, "type": "string"},
                        "proposal": {
                            "properties": {
                                "contract": {"type": "object"},
                                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                                "contractId": {"minLength": 1, "type": "string"},
                                "deploymentId": {"minLength": 1, "type": "string"},
                                "proposalId": {"minLength": 1, "type": "string"},
                                "providedSurfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["contractId", "kind", "name"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "requestedNeeds": {
                                    "properties": {
                                        "capabilities": {
                                            "items": {
                                                "properties": {
                                                    "capability": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["capability", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "contracts": {
                                            "items": {
                                                "properties": {
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["contractId", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "resources": {
                                            "items": {
                                                "properties": {
                                                    "alias": {"minLength": 1, "type": "string"},
                                                    "definition": {"type": "object"},
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "kv", "type": "string"},
                                                            {"const": "store", "type": "string"},
                                                            {"const": "jobs", "type": "string"},
                                                            {
                                                                "const": "event-consumer",
                                                                "type": "string",
                                                            },
                                                            {"const": "transfer", "type": "string"},
                                                        ],
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["kind", "alias", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "surfaces": {
                                            "items": {
                                                "properties": {
                                                    "action": {
                                                        "anyOf": [
                                                            {"const": "call", "type": "string"},
                                                            {"const": "publish", "type": "string"},
                                                            {
                                                                "const": "subscribe",
                                                                "type": "string",
                                                            },
                                                            {"const": "observe", "type": "string"},
                                                            {"const": "cancel", "type": "string"},
                                                        ],
                                                    },
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "rpc", "type": "string"},
                                                            {
                                                                "const": "operation",
                                                                "type": "string",
                                                            },
                                                            {"const": "event", "type": "string"},
                                                            {"const": "feed", "type": "string"},
                                                        ],
                                                    },
                                                    "name": {"minLength": 1, "type": "string"},
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": [
                                                    "contractId",
                                                    "kind",
                                                    "name",
                                                    "required",
                                                ],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                    },
                                    "required": [
                                        "contracts",
                                        "surfaces",
                                        "capabilities",
                                        "resources",
                                    ],
                                    "type": "object",
                                },
                                "summary": {"type": "object"},
                            },
                            "required": [
                                "deploymentId",
                                "contractId",
                                "contractDigest",
                                "requestedNeeds",
                                "providedSurfaces",
                            ],
                            "type": "object",
                        },
                        "state": {
                            "anyOf": [
                                {"const": "pending", "type": "string"},
                                {"const": "accepted", "type": "string"},
                                {"const": "rejected", "type": "string"},
                                {"const": "expired", "type": "string"},
                            ],
                        },
                        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                    },
                    "required": [
                        "planId",
                        "deploymentId",
                        "proposal",
                        "desiredChange",
                        "materializationPreview",
                        "warnings",
                        "createdAt",
                        "classification",
                    ],
                    "type": "object",
                },
                {
                    "properties": {
                        "acknowledgementRequired": {"type": "boolean"},
                        "classification": {"const": "migration", "type": "string"},
                        "createdAt": {"format": "date-time", "type": "string"},
                        "decisionAt": {
                            "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                        },
                        "decisionBy": {
                            "anyOf": [
                                {"patternProperties": {"^.*$": {}}, "type": "object"},
                                {"type": "null"},
                            ],
                        },
                        "decisionReason": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "desiredChange": {"type": "object"},
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "materializationPreview": {"type": "object"},
                        "planId": {"minLength": 1, "type": "string"},
                        "proposal": {
                            "properties": {
                                "contract": {"type": "object"},
                                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                                "contractId": {"minLength": 1, "type": "string"},
                                "deploymentId": {"minLength": 1, "type": "string"},
                                "proposalId": {"minLength": 1, "type": "string"},
                                "providedSurfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["contractId", "kind", "name"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "requestedNeeds": {
                                    "properties": {
                                        "capabilities": {
                                            "items": {
                                                "properties": {
                                                    "capability": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["capability", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "contracts": {
                                            "items": {
                                                "properties": {
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["contractId", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "resources": {
                                            "items": {
                                                "properties": {
                                                    "alias": {"minLength": 1, "type": "string"},
                                                    "definition": {"type": "object"},
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "kv", "type": "string"},
                                                            {"const": "store", "type": "string"},
                                                            {"const": "jobs", "type": "string"},
                                                            {
                                                                "const": "event-consumer",
                                                                "type": "string",
                                                            },
                                                            {"const": "transfer", "type": "string"},
                                                        ],
                                                    },
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": ["kind", "alias", "required"],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                        "surfaces": {
                                            "items": {
                                                "properties": {
                                                    "action": {
                                                        "anyOf": [
                                                            {"const": "call", "type": "string"},
                                                            {"const": "publish", "type": "string"},
                                                            {
                                                                "const": "subscribe",
                                                                "type": "string",
                                                            },
                                                            {"const": "observe", "type": "string"},
                                                            {"const": "cancel", "type": "string"},
                                                        ],
                                                    },
                                                    "contractId": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "kind": {
                                                        "anyOf": [
                                                            {"const": "rpc", "type": "string"},
                                                            {
                                                                "const": "operation",
                                                                "type": "string",
                                                            },
                                                            {"const": "event", "type": "string"},
                                                            {"const": "feed", "type": "string"},
                                                        ],
                                                    },
                                                    "name": {"minLength": 1, "type": "string"},
                                                    "required": {"type": "boolean"},
                                                },
                                                "required": [
                                                    "contractId",
                                                    "kind",
                                                    "name",
                                                    "required",
                                                ],
                                                "type": "object",
                                            },
                                            "type": "array",
                                        },
                                    },
                                    "required": [
                                        "contracts",
                                        "surfaces",
                                        "capabilities",
                                        "resources",
                                    ],
                                    "type": "object",
                                },
                                "summary": {"type": "object"},
                            },
                            "required": [
                                "deploymentId",
                                "contractId",
                                "contractDigest",
                                "requestedNeeds",
                                "providedSurfaces",
                            ],
                            "type": "object",
                        },
                        "state": {
                            "anyOf": [
                                {"const": "pending", "type": "string"},
                                {"const": "accepted", "type": "string"},
                                {"const": "rejected", "type": "string"},
                                {"const": "expired", "type": "string"},
                            ],
                        },
                        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                    },
                    "required": [
                        "planId",
                        "deploymentId",
                        "proposal",
                        "desiredChange",
                        "materializationPreview",
                        "warnings",
                        "createdAt",
                        "classification",
                        "acknowledgementRequired",
                    ],
                    "type": "object",
                },
            ],
        },
    },
    "required": ["plan"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "classification": {
            "anyOf": [
                {"const": "update", "type": "string"},
                {"const": "migration", "type": "string"},
            ],
        },
        "deploymentId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
                {"const": "app", "type": "string"},
                {"const": "cli", "type": "string"},
                {"const": "native", "type": "string"},
                {"const": "device-user", "type": "string"},
            ],
        },
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "accepted", "type": "string"},
                {"const": "rejected", "type": "string"},
                {"const": "expired", "type": "string"},
            ],
        },
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "classification": {"const": "update", "type": "string"},
                            "createdAt": {"format": "date-time", "type": "string"},
                            "decisionAt": {
                                "anyOf": [
                                    {"format": "date-time", "type": "string"},
                                    {"type": "null"},
                                ],
                            },
                            "decisionBy": {
                                "anyOf": [
                                    {"patternProperties": {"^.*$": {}}, "type": "object"},
                                    {"type": "null"},
                                ],
                            },
                            "decisionReason": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "desiredChange": {"type": "object"},
                            "expiresAt": {"format": "date-time", "type": "string"},
                            "materializationPreview": {"type": "object"},
                            "planId": {"minLength": 1, "type": "string"},
                            "proposal": {
                                "properties": {
                                    "contract": {"type": "object"},
                                    "contractDigest": {
                                        "pattern": "^[A-Za-z0-9_-]+$",
                                        "type": "string",
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "deploymentId": {"minLength": 1, "type": "string"},
                                    "proposalId": {"minLength": 1, "type": "string"},
                                    "providedSurfaces": {
                                        "items": {
                                            "properties": {
                                                "action": {
                                                    "anyOf": [
                                                        {"const": "call", "type": "string"},
                                                        {"const": "publish", "type": "string"},
                                                        {"const": "subscribe", "type": "string"},
                                                        {"const": "observe", "type": "string"},
                                                        {"const": "cancel", "type": "string"},
                                                    ],
                                                },
                                                "contractId": {"minLength": 1, "type": "string"},
                                                "kind": {
                                                    "anyOf": [
                                                        {"const": "rpc", "type": "string"},
                                                        {"const": "operation", "type": "string"},
                                                        {"const": "event", "type": "string"},
                                                        {"const": "feed", "type": "string"},
                                                    ],
                                                },
                                                "name": {"minLength": 1, "type": "string"},
                                            },
                                            "required": ["contractId", "kind", "name"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                    "requestedNeeds": {
                                        "properties": {
                                            "capabilities": {
                                                "items": {
                                                    "properties": {
                                                        "capability": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["capability", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "contracts": {
                                                "items": {
                                                    "properties": {
                                                        "contractId": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["contractId", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "resources": {
                                                "items": {
                                                    "properties": {
                                                        "alias": {"minLength": 1, "type": "string"},
                                                        "definition": {"type": "object"},
                                                        "kind": {
                                                            "anyOf": [
                                                                {"const": "kv", "type": "string"},
                                                                {
                                                                    "const": "store",
                                                                    "type": "string",
                                                                },
                                                                {"const": "jobs", "type": "string"},
                                                                {
                                                                    "const": "event-consumer",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "transfer",
                                                                    "type": "string",
                                                                },
                                                            ],
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["kind", "alias", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "surfaces": {
                                                "items": {
                                                    "properties": {
                                                        "action": {
                                                            "anyOf": [
                                                                {"const": "call", "type": "string"},
                                                                {
                                                                    "const": "publish",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "subscribe",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "observe",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "cancel",
                                                                    "type": "string",
                                                                },
                                                            ],
                                                        },
                                                        "contractId": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "kind": {
                                                            "anyOf": [
                                                                {"const": "rpc", "type": "string"},
                                                                {
                                                                    "const": "operation",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "event",
                                                                    "type": "string",
                                                                },
                                                                {"const": "feed", "type": "string"},
                                                            ],
                                                        },
                                                        "name": {"minLength": 1, "type": "string"},
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": [
                                                        "contractId",
                                                        "kind",
                                                        "name",
                                                        "required",
                                                    ],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                        },
                                        "required": [
                                            "contracts",
                                            "surfaces",
                                            "capabilities",
                                            "resources",
                                        ],
                                        "type": "object",
                                    },
                                    "summary": {"type": "object"},
                                },
                                "required": [
                                    "deploymentId",
                                    "contractId",
                                    "contractDigest",
                                    "requestedNeeds",
                                    "providedSurfaces",
                                ],
                                "type": "object",
                            },
                            "state": {
                                "anyOf": [
                                    {"const": "pending", "type": "string"},
                                    {"const": "accepted", "type": "string"},
                                    {"const": "rejected", "type": "string"},
                                    {"const": "expired", "type": "string"},
                                ],
                            },
                            "warnings": {
                                "items": {"minLength": 1, "type": "string"},
                                "type": "array",
                            },
                        },
                        "required": [
                            "planId",
                            "deploymentId",
                            "proposal",
                            "desiredChange",
                            "materializationPreview",
                            "warnings",
                            "createdAt",
                            "classification",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "acknowledgementRequired": {"type": "boolean"},
                            "classification": {"const": "migration", "type": "string"},
                            "createdAt": {"format": "date-time", "type": "string"},
                            "decisionAt": {
                                "anyOf": [
                                    {"format": "date-time", "type": "string"},
                                    {"type": "null"},
                                ],
                            },
                            "decisionBy": {
                                "anyOf": [
                                    {"patternProperties": {"^.*$": {}}, "type": "object"},
                                    {"type": "null"},
                                ],
                            },
                            "decisionReason": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "desiredChange": {"type": "object"},
                            "expiresAt": {"format": "date-time", "type": "string"},
                            "materializationPreview": {"type": "object"},
                            "planId": {"minLength": 1, "type": "string"},
                            "proposal": {
                                "properties": {
                                    "contract": {"type": "object"},
                                    "contractDigest": {
                                        "pattern": "^[A-Za-z0-9_-]+$",
                                        "type": "string",
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "deploymentId": {"minLength": 1, "type": "string"},
                                    "proposalId": {"minLength": 1, "type": "string"},
                                    "providedSurfaces": {
                                        "items": {
                                            "properties": {
                                                "action": {
                                                    "anyOf": [
                                                        {"const": "call", "type": "string"},
                                                        {"const": "publish", "type": "string"},
                                                        {"const": "subscribe", "type": "string"},
                                                        {"const": "observe", "type": "string"},
                                                        {"const": "cancel", "type": "string"},
                                                    ],
                                                },
                                                "contractId": {"minLength": 1, "type": "string"},
                                                "kind": {
                                                    "anyOf": [
                                                        {"const": "rpc", "type": "string"},
                                                        {"const": "operation", "type": "string"},
                                                        {"const": "event", "type": "string"},
                                                        {"const": "feed", "type": "string"},
                                                    ],
                                                },
                                                "name": {"minLength": 1, "type": "string"},
                                            },
                                            "required": ["contractId", "kind", "name"],
                                            "type": "object",
                                        },
                                        "type": "array",
                                    },
                                    "requestedNeeds": {
                                        "properties": {
                                            "capabilities": {
                                                "items": {
                                                    "properties": {
                                                        "capability": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["capability", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "contracts": {
                                                "items": {
                                                    "properties": {
                                                        "contractId": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["contractId", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "resources": {
                                                "items": {
                                                    "properties": {
                                                        "alias": {"minLength": 1, "type": "string"},
                                                        "definition": {"type": "object"},
                                                        "kind": {
                                                            "anyOf": [
                                                                {"const": "kv", "type": "string"},
                                                                {
                                                                    "const": "store",
                                                                    "type": "string",
                                                                },
                                                                {"const": "jobs", "type": "string"},
                                                                {
                                                                    "const": "event-consumer",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "transfer",
                                                                    "type": "string",
                                                                },
                                                            ],
                                                        },
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": ["kind", "alias", "required"],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                            "surfaces": {
                                                "items": {
                                                    "properties": {
                                                        "action": {
                                                            "anyOf": [
                                                                {"const": "call", "type": "string"},
                                                                {
                                                                    "const": "publish",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "subscribe",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "observe",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "cancel",
                                                                    "type": "string",
                                                                },
                                                            ],
                                                        },
                                                        "contractId": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                        "kind": {
                                                            "anyOf": [
                                                                {"const": "rpc", "type": "string"},
                                                                {
                                                                    "const": "operation",
                                                                    "type": "string",
                                                                },
                                                                {
                                                                    "const": "event",
                                                                    "type": "string",
                                                                },
                                                                {"const": "feed", "type": "string"},
                                                            ],
                                                        },
                                                        "name": {"minLength": 1, "type": "string"},
                                                        "required": {"type": "boolean"},
                                                    },
                                                    "required": [
                                                        "contractId",
                                                        "kind",
                                                        "name",
                                                        "required",
                                                    ],
                                                    "type": "object",
                                                },
                                                "type": "array",
                                            },
                                        },
                                        "required": [
                                            "contracts",
                                            "surfaces",
                                            "capabilities",
                                            "resources",
                                        ],
                                        "type": "object",
                                    },
                                    "summary": {"type": "object"},
                                },
                                "required": [
                                    "deploymentId",
                                    "contractId",
                                    "contractDigest",
                                    "requestedNeeds",
                                    "providedSurfaces",
                                ],
                                "type": "object",
                            },
                            "state": {
                                "anyOf": [
                                    {"const": "pending", "type": "string"},
                                    {"const": "accepted", "type": "string"},
                                    {"const": "rejected", "type": "string"},
                                    {"const": "expired", "type": "string"},
                                ],
                            },
                            "warnings": {
                                "items": {"minLength": 1, "type": "string"},
                                "type": "array",
                            },
                        },
                        "required": [
                            "planId",
                            "deploymentId",
                            "proposal",
                            "desiredChange",
                            "materializationPreview",
                            "warnings",
                            "createdAt",
                            "classification",
                            "acknowledgementRequired",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredVersion": {"minLength": 1, "type": "string"},
    },
    "required": ["deploymentId"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_RESPONSE: dict[str, Any] = {
    "properties": {
        "authority": {
            "properties": {
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "desiredState": {
                    "properties": {
                        "capabilities": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                        "needs": {
                            "properties": {
                                "capabilities": {
                                    "items": {
                                        "properties": {
                                            "capability": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["capability", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "contracts": {
                                    "items": {
                                        "properties": {
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "resources": {
                                    "items": {
                                        "properties": {
                                            "alias": {"minLength": 1, "type": "string"},
                                            "definition": {"type": "object"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "kv", "type": "string"},
                                                    {"const": "store", "type": "string"},
                                                    {"const": "jobs", "type": "string"},
                                                    {"const": "event-consumer", "type": "string"},
                                                    {"const": "transfer", "type": "string"},
                                                ],
                                            },
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["kind", "alias", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                                "surfaces": {
                                    "items": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                            "required": {"type": "boolean"},
                                        },
                                        "required": ["contractId", "kind", "name", "required"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                            },
                            "required": ["contracts", "surfaces", "capabilities", "resources"],
                            "type": "object",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                },
                                "required": ["contractId", "kind", "name"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["needs", "capabilities", "resources", "surfaces"],
                    "type": "object",
                },
                "disabled": {"type": "boolean"},
                "kind": {
                    "anyOf": [
                        {"const": "service", "type": "string"},
                        {"const": "device", "type": "string"},
                        {"const": "app", "type": "string"},
                        {"const": "cli", "type": "string"},
                        {"const": "native", "type": "string"},
                        {"const": "device-user", "type": "string"},
                    ],
                },
                "updatedAt": {"format": "date-time", "type": "string"},
                "version": {"minLength": 1, "type": "string"},
            },
            "required": [
                "deploymentId",
                "kind",
                "disabled",
                "desiredState",
                "version",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
        "materializedAuthority": {
            "properties": {
                "deploymentId": {"minLength": 1, "type": "string"},
                "desiredVersion": {"minLength": 1, "type": "string"},
                "error": {"minLength": 1, "type": "string"},
                "grants": {
                    "properties": {
                        "capabilities": {
                            "items": {
                                "properties": {"capability": {"minLength": 1, "type": "string"}},
                                "required": ["capability"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "nats": {
                            "items": {
                                "properties": {
                                    "direction": {
                                        "anyOf": [
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                        ],
                                    },
                                    "grantSource": {
                                        "anyOf": [
                                            {"const": "owned-surface", "type": "string"},
                                            {"const": "used-surface", "type": "string"},
                                            {"const": "resource-binding", "type": "string"},
                                            {"const": "platform-service", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "requiredCapabilities": {
                                        "items": {"minLength": 1, "type": "string"},
                                        "type": "array",
                                    },
                                    "subject": {"minLength": 1, "type": "string"},
                                    "surface": {
                                        "properties": {
                                            "action": {
                                                "anyOf": [
                                                    {"const": "call", "type": "string"},
                                                    {"const": "publish", "type": "string"},
                                                    {"const": "subscribe", "type": "string"},
                                                    {"const": "observe", "type": "string"},
                                                    {"const": "cancel", "type": "string"},
                                                ],
                                            },
                                            "contractId": {"minLength": 1, "type": "string"},
                                            "kind": {
                                                "anyOf": [
                                                    {"const": "rpc", "type": "string"},
                                                    {"const": "operation", "type": "string"},
                                                    {"const": "event", "type": "string"},
                                                    {"const": "feed", "type": "string"},
                                                ],
                                            },
                                            "name": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["contractId", "kind", "name"],
                                        "type": "object",
                                    },
                                },
                                "required": [
                                    "direction",
                                    "subject",
                                    "requiredCapabilities",
                                    "grantSource",
                                ],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "name": {"minLength": 1, "type": "string"},
                                    "surfaceKind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                },
                                "required": ["contractId", "surfaceKind", "name"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["capabilities", "surfaces", "nats"],
                    "type": "object",
                },
                "reconciledAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "resourceBindings": {
                    "items": {
                        "properties": {
                            "alias": {"minLength": 1, "type": "string"},
                            "binding": {"patternProperties": {"^.*$": {}}, "type": "object"},
                            "createdAt": {"format": "date-time", "type": "string"},
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "kind": {
                                "anyOf": [
                                    {"const": "kv", "type": "string"},
                                    {"const": "store", "type": "string"},
                                    {"const": "jobs", "type": "string"},
                                    {"const": "event-consumer", "type": "string"},
                                    {"const": "transfer", "type": "string"},
                                ],
                            },
                            "limits": {
                                "anyOf": [
                                    {"patternProperties": {"^.*$": {}}, "type": "object"},
                                    {"type": "null"},
                                ],
                            },
                            "updatedAt": {"format": "date-time", "type": "string"},
                        },
                        "required": [
                            "deploymentId",
                            "kind",
                            "alias",
                            "binding",
                            "limits",
                            "createdAt",
                            "updatedAt",
                        ],
                        "type": "object",
                    },
                    "type": "array",
                },
                "status": {
                    "anyOf": [
                        {"const": "current", "type": "string"},
                        {"const": "pending", "type": "string"},
                        {"const": "failed", "type": "string"},
                    ],
                },
            },
            "required": [
                "deploymentId",
                "desiredVersion",
                "status",
                "resourceBindings",
                "grants",
                "reconciledAt",
            ],
            "type": "object",
        },
        "reconciliation": {
            "properties": {
                "deploymentId": {"minLength": 1, "type": "string"},
                "desiredVersion": {"minLength": 1, "type": "string"},
                "finishedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "message": {"minLength": 1, "type": "string"},
                "startedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "state": {
                    "anyOf": [
                        {"const": "idle", "type": "string"},
                        {"const": "running", "type": "string"},
                        {"const": "succeeded", "type": "string"},
                        {"const": "failed", "type": "string"},
                    ],
                },
            },
            "required": ["deploymentId", "desiredVersion", "state", "startedAt", "finishedAt"],
            "type": "object",
        },
    },
    "required": ["authority", "materializedAuthority"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_REJECT_REQUEST: dict[str, Any] = {
    "properties": {
        "planId": {"minLength": 1, "type": "string"},
        "reason": {"minLength": 1, "type": "string"},
    },
    "required": ["planId"],
    "type": "object",
}

AUTH_DEPLOYMENT_AUTHORITY_REJECT_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_DEPLOYMENTS_CREATE_REQUEST: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "contractCompatibilityMode": {
                    "anyOf": [
                        {"const": "strict", "type": "string"},
                        {"const": "mutable-dev", "type": "string"},
                    ],
                },
                "deploymentId": {"minLength": 1, "type": "string"},
                "kind": {"const": "service", "type": "string"},
                "namespaces": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
            },
            "required": ["kind", "deploymentId", "namespaces"],
            "type": "object",
        },
        {
            "properties": {
                "deploymentId": {"minLength": 1, "type": "string"},
                "kind": {"const": "device", "type": "string"},
                "reviewMode": {
                    "anyOf": [
                        {"const": "none", "type": "string"},
                        {"const": "required", "type": "string"},
                    ],
                },
            },
            "required": ["kind", "deploymentId"],
            "type": "object",
        },
    ],
}

AUTH_DEPLOYMENTS_CREATE_RESPONSE: dict[str, Any] = {
    "properties": {
        "deployment": {
            "anyOf": [
                {
                    "properties": {
                        "contractCompatibilityMode": {
                            "anyOf": [
                                {"const": "strict", "type": "string"},
                                {"const": "mutable-dev", "type": "string"},
                            ],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "service", "type": "string"},
                        "namespaces": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                    },
                    "required": ["kind", "deploymentId", "namespaces", "disabled"],
                    "type": "object",
                },
                {
                    "properties": {
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "device", "type": "string"},
                        "reviewMode": {
                            "anyOf": [
                                {"const": "none", "type": "string"},
                                {"const": "required", "type": "string"},
                            ],
                        },
                    },
                    "required": ["kind", "deploymentId", "disabled"],
                    "type": "object",
                },
            ],
        },
    },
    "required": ["deployment"],
    "type": "object",
}

AUTH_DEPLOYMENTS_DISABLE_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
            ],
        },
    },
    "required": ["kind", "deploymentId"],
    "type": "object",
}

AUTH_DEPLOYMENTS_DISABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "deployment": {
            "anyOf": [
                {
                    "properties": {
                        "contractCompatibilityMode": {
                            "anyOf": [
                                {"const": "strict", "type": "string"},
                                {"const": "mutable-dev", "type": "string"},
                            ],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "service", "type": "string"},
                        "namespaces": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                    },
                    "required": ["kind", "deploymentId", "namespaces", "disabled"],
                    "type": "object",
                },
                {
                    "properties": {
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "device", "type": "string"},
                        "reviewMode": {
                            "anyOf": [
                                {"const": "none", "type": "string"},
                                {"const": "required", "type": "string"},
                            ],
                        },
                    },
                    "required": ["kind", "deploymentId", "disabled"],
                    "type": "object",
                },
            ],
        },
    },
    "required": ["deployment"],
    "type": "object",
}

AUTH_DEPLOYMENTS_ENABLE_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
            ],
        },
    },
    "required": ["kind", "deploymentId"],
    "type": "object",
}

AUTH_DEPLOYMENTS_ENABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "deployment": {
            "anyOf": [
                {
                    "properties": {
                        "contractCompatibilityMode": {
                            "anyOf": [
                                {"const": "strict", "type": "string"},
                                {"const": "mutable-dev", "type": "string"},
                            ],
                        },
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "service", "type": "string"},
                        "namespaces": {
                            "items": {"minLength": 1, "type": "string"},
                            "type": "array",
                        },
                    },
                    "required": ["kind", "deploymentId", "namespaces", "disabled"],
                    "type": "object",
                },
                {
                    "properties": {
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "disabled": {"type": "boolean"},
                        "kind": {"const": "device", "type": "string"},
                        "reviewMode": {
                            "anyOf": [
                                {"const": "none", "type": "string"},
                                {"const": "required", "type": "string"},
                            ],
                        },
                    },
                    "required": ["kind", "deploymentId", "disabled"],
                    "type": "object",
                },
            ],
        },
    },
    "required": ["deployment"],
    "type": "object",
}

AUTH_DEPLOYMENTS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "disabled": {"type": "boolean"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
            ],
        },
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEPLOYMENTS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "contractCompatibilityMode": {
                                "anyOf": [
                                    {"const": "strict", "type": "string"},
                                    {"const": "mutable-dev", "type": "string"},
                                ],
                            },
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "disabled": {"type": "boolean"},
                            "kind": {"const": "service", "type": "string"},
                            "namespaces": {
                                "items": {"minLength": 1, "type": "string"},
                                "type": "array",
                            },
                        },
                        "required": ["kind", "deploymentId", "namespaces", "disabled"],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "deploymentId": {"minLength": 1, "type": "string"},
                            "disabled": {"type": "boolean"},
                            "kind": {"const": "device", "type": "string"},
                            "reviewMode": {
                                "anyOf": [
                                    {"const": "none", "type": "string"},
                                    {"const": "required", "type": "string"},
                                ],
                            },
                        },
                        "required": ["kind", "deploymentId", "disabled"],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEPLOYMENTS_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {
        "cascade": {"type": "boolean"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
            ],
        },
        "purgeUnusedContracts": {"type": "boolean"},
    },
    "required": ["kind", "deploymentId"],
    "type": "object",
}

AUTH_DEPLOYMENTS_REMOVE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_APPROVED_EVENT: dict[str, Any] = {
    "properties": {
        "approvedAt": {"format": "date-time", "type": "string"},
        "approvedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
        "deploymentId": {"minLength": 1, "type": "string"},
        "flowId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "requestedAt": {"format": "date-time", "type": "string"},
        "requestedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
        "reviewId": {"minLength": 1, "type": "string"},
    },
    "required": [
        "reviewId",
        "flowId",
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "requestedAt",
        "approvedAt",
        "requestedBy",
        "approvedBy",
    ],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "state": {
            "anyOf": [
                {"const": "activated", "type": "string"},
                {"const": "revoked", "type": "string"},
            ],
        },
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "activatedAt": {"format": "date-time", "type": "string"},
                    "activatedBy": {
                        "properties": {
                            "identity": {
                                "properties": {
                                    "identityId": {"minLength": 1, "type": "string"},
                                    "provider": {"minLength": 1, "type": "string"},
                                    "subject": {"minLength": 1, "type": "string"},
                                },
                                "required": ["identityId", "provider", "subject"],
                                "type": "object",
                            },
                            "participantKind": {
                                "anyOf": [
                                    {"const": "app", "type": "string"},
                                    {"const": "agent", "type": "string"},
                                ],
                            },
                            "userId": {"minLength": 1, "type": "string"},
                        },
                        "required": ["participantKind", "userId", "identity"],
                        "type": "object",
                    },
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "instanceId": {"minLength": 1, "type": "string"},
                    "publicIdentityKey": {"minLength": 1, "type": "string"},
                    "revokedAt": {
                        "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                    },
                    "state": {
                        "anyOf": [
                            {"const": "activated", "type": "string"},
                            {"const": "revoked", "type": "string"},
                        ],
                    },
                },
                "required": [
                    "instanceId",
                    "publicIdentityKey",
                    "deploymentId",
                    "state",
                    "activatedAt",
                    "revokedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REQUESTED_EVENT: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "flowId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "requestedAt": {"format": "date-time", "type": "string"},
        "requestedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
    },
    "required": [
        "flowId",
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "requestedAt",
        "requestedBy",
    ],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_RESOLVED_EVENT: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "flowId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "resolvedAt": {"format": "date-time", "type": "string"},
        "resolvedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
        "reviewId": {"minLength": 1, "type": "string"},
    },
    "required": ["instanceId", "publicIdentityKey", "deploymentId", "resolvedAt", "resolvedBy"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED_EVENT: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "flowId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "requestedAt": {"format": "date-time", "type": "string"},
        "requestedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
        "reviewId": {"minLength": 1, "type": "string"},
    },
    "required": [
        "reviewId",
        "flowId",
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "requestedAt",
        "requestedBy",
    ],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_REQUEST: dict[str, Any] = {
    "properties": {
        "decision": {
            "anyOf": [
                {"const": "approve", "type": "string"},
                {"const": "reject", "type": "string"},
            ],
        },
        "reason": {"minLength": 1, "type": "string"},
        "reviewId": {"minLength": 1, "type": "string"},
    },
    "required": ["reviewId", "decision"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_RESPONSE: dict[str, Any] = {
    "properties": {
        "activation": {
            "properties": {
                "activatedAt": {"format": "date-time", "type": "string"},
                "activatedBy": {
                    "properties": {
                        "identity": {
                            "properties": {
                                "identityId": {"minLength": 1, "type": "string"},
                                "provider": {"minLength": 1, "type": "string"},
                                "subject": {"minLength": 1, "type": "string"},
                            },
                            "required": ["identityId", "provider", "subject"],
                            "type": "object",
                        },
                        "participantKind": {
                            "anyOf": [
                                {"const": "app", "type": "string"},
                                {"const": "agent", "type": "string"},
                            ],
                        },
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": ["participantKind", "userId", "identity"],
                    "type": "object",
                },
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "publicIdentityKey": {"minLength": 1, "type": "string"},
                "revokedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "state": {
                    "anyOf": [
                        {"const": "activated", "type": "string"},
                        {"const": "revoked", "type": "string"},
                    ],
                },
            },
            "required": [
                "instanceId",
                "publicIdentityKey",
                "deploymentId",
                "state",
                "activatedAt",
                "revokedAt",
            ],
            "type": "object",
        },
        "confirmationCode": {"minLength": 1, "type": "string"},
        "review": {
            "properties": {
                "decidedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "publicIdentityKey": {"minLength": 1, "type": "string"},
                "reason": {"minLength": 1, "type": "string"},
                "requestedAt": {"format": "date-time", "type": "string"},
                "reviewId": {"minLength": 1, "type": "string"},
                "state": {
                    "anyOf": [
                        {"const": "pending", "type": "string"},
                        {"const": "approved", "type": "string"},
                        {"const": "rejected", "type": "string"},
                    ],
                },
            },
            "required": [
                "reviewId",
                "instanceId",
                "publicIdentityKey",
                "deploymentId",
                "state",
                "requestedAt",
                "decidedAt",
            ],
            "type": "object",
        },
    },
    "required": ["review"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "approved", "type": "string"},
                {"const": "rejected", "type": "string"},
            ],
        },
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "decidedAt": {
                        "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                    },
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "instanceId": {"minLength": 1, "type": "string"},
                    "publicIdentityKey": {"minLength": 1, "type": "string"},
                    "reason": {"minLength": 1, "type": "string"},
                    "requestedAt": {"format": "date-time", "type": "string"},
                    "reviewId": {"minLength": 1, "type": "string"},
                    "state": {
                        "anyOf": [
                            {"const": "pending", "type": "string"},
                            {"const": "approved", "type": "string"},
                            {"const": "rejected", "type": "string"},
                        ],
                    },
                },
                "required": [
                    "reviewId",
                    "instanceId",
                    "publicIdentityKey",
                    "deploymentId",
                    "state",
                    "requestedAt",
                    "decidedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVOKE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_DEVICE_USER_AUTHORITIES_REVOKE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_DEVICES_CONNECT_INFO_GET_REQUEST: dict[str, Any] = {
    "properties": {
        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
        "iat": {"type": "number"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "sig": {"minLength": 1, "type": "string"},
    },
    "required": ["publicIdentityKey", "contractDigest", "iat", "sig"],
    "type": "object",
}

AUTH_DEVICES_CONNECT_INFO_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "connectInfo": {
            "properties": {
                "auth": {
                    "properties": {
                        "authority": {
                            "anyOf": [
                                {"const": "admin_reviewed", "type": "string"},
                                {"const": "user_delegated", "type": "string"},
                            ],
                        },
                        "iatSkewSeconds": {"type": "number"},
                        "mode": {"const": "device_identity", "type": "string"},
                    },
                    "required": ["mode", "authority", "iatSkewSeconds"],
                    "type": "object",
                },
                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "transport": {
                    "properties": {
                        "sentinel": {
                            "properties": {"jwt": {"type": "string"}, "seed": {"type": "string"}},
                            "required": ["jwt", "seed"],
                            "type": "object",
                        },
                    },
                    "required": ["sentinel"],
                    "type": "object",
                },
                "transports": {
                    "properties": {
                        "native": {
                            "properties": {
                                "natsServers": {
                                    "items": {"minLength": 1, "type": "string"},
                                    "minItems": 1,
                                    "type": "array",
                                },
                            },
                            "required": ["natsServers"],
                            "type": "object",
                        },
                        "websocket": {
                            "properties": {
                                "natsServers": {
                                    "items": {"minLength": 1, "type": "string"},
                                    "minItems": 1,
                                    "type": "array",
                                },
                            },
                            "required": ["natsServers"],
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
            },
            "required": [
                "instanceId",
                "deploymentId",
                "contractId",
                "contractDigest",
                "transports",
                "transport",
                "auth",
            ],
            "type": "object",
        },
        "status": {"const": "ready", "type": "string"},
    },
    "required": ["status", "connectInfo"],
    "type": "object",
}

AUTH_DEVICES_DISABLE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_DEVICES_DISABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "activatedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "metadata": {
                    "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
                    "type": "object",
                },
                "publicIdentityKey": {"minLength": 1, "type": "string"},
                "revokedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "state": {
                    "anyOf": [
                        {"const": "registered", "type": "string"},
                        {"const": "activated", "type": "string"},
                        {"const": "revoked", "type": "string"},
                        {"const": "disabled", "type": "string"},
                    ],
                },
            },
            "required": [
                "instanceId",
                "publicIdentityKey",
                "deploymentId",
                "state",
                "createdAt",
                "activatedAt",
                "revokedAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_DEVICES_ENABLE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_DEVICES_ENABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "activatedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "metadata": {
                    "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
                    "type": "object",
                },
                "publicIdentityKey": {"minLength": 1, "type": "string"},
                "revokedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "state": {
                    "anyOf": [
                        {"const": "registered", "type": "string"},
                        {"const": "activated", "type": "string"},
                        {"const": "revoked", "type": "string"},
                        {"const": "disabled", "type": "string"},
                    ],
                },
            },
            "required": [
                "instanceId",
                "publicIdentityKey",
                "deploymentId",
                "state",
                "createdAt",
                "activatedAt",
                "revokedAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_DEVICES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "state": {
            "anyOf": [
                {"const": "registered", "type": "string"},
                {"const": "activated", "type": "string"},
                {"const": "revoked", "type": "string"},
                {"const": "disabled", "type": "string"},
            ],
        },
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_DEVICES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "activatedAt": {
                        "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                    },
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "instanceId": {"minLength": 1, "type": "string"},
                    "metadata": {
                        "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
                        "type": "object",
                    },
                    "publicIdentityKey": {"minLength": 1, "type": "string"},
                    "revokedAt": {
                        "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                    },
                    "state": {
                        "anyOf": [
                            {"const": "registered", "type": "string"},
                            {"const": "activated", "type": "string"},
                            {"const": "revoked", "type": "string"},
                            {"const": "disabled", "type": "string"},
                        ],
                    },
                },
                "required": [
                    "instanceId",
                    "publicIdentityKey",
                    "deploymentId",
                    "state",
                    "createdAt",
                    "activatedAt",
                    "revokedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_DEVICES_PROVISION_REQUEST: dict[str, Any] = {
    "properties": {
        "activationKey": {"minLength": 1, "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "metadata": {
            "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
            "type": "object",
        },
        "publicIdentityKey": {"minLength": 1, "type": "string"},
    },
    "required": ["deploymentId", "publicIdentityKey", "activationKey"],
    "type": "object",
}

AUTH_DEVICES_PROVISION_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "activatedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "metadata": {
                    "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
                    "type": "object",
                },
                "publicIdentityKey": {"minLength": 1, "type": "string"},
                "revokedAt": {
                    "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                },
                "state": {
                    "anyOf": [
                        {"const": "registered", "type": "string"},
                        {"const": "activated", "type": "string"},
                        {"const": "revoked", "type": "string"},
                        {"const": "disabled", "type": "string"},
                    ],
                },
            },
            "required": [
                "instanceId",
                "publicIdentityKey",
                "deploymentId",
                "state",
                "createdAt",
                "activatedAt",
                "revokedAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_DEVICES_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_DEVICES_REMOVE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_IDENTITIES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "user": {"minLength": 1, "type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_IDENTITIES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "answer": {
                        "anyOf": [
                            {"const": "approved", "type": "string"},
                            {"const": "denied", "type": "string"},
                        ],
                    },
                    "answeredAt": {"format": "date-time", "type": "string"},
                    "capabilities": {
                        "patternProperties": {
                            "^.*$": {
                                "properties": {
                                    "consequence": {"type": "string"},
                                    "description": {"type": "string"},
                                    "displayName": {"type": "string"},
                                },
                                "required": ["displayName", "description"],
                                "type": "object",
                            },
                        },
                        "type": "object",
                    },
                    "contractEvidence": {
                        "properties": {
                            "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                        },
                        "required": ["contractDigest", "contractId"],
                        "type": "object",
                    },
                    "description": {"minLength": 1, "type": "string"},
                    "displayName": {"minLength": 1, "type": "string"},
                    "identityAnchor": {
                        "anyOf": [
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "web", "type": "string"},
                                    "origin": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "origin"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "cli", "type": "string"},
                                    "sessionPublicKey": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "sessionPublicKey"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "native", "type": "string"},
                                    "sessionPublicKey": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "sessionPublicKey"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "devicePublicKey": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "device-user", "type": "string"},
                                },
                                "required": ["kind", "contractId", "devicePublicKey"],
                                "type": "object",
                            },
                        ],
                    },
                    "identityGrantId": {"minLength": 1, "type": "string"},
                    "participantKind": {
                        "anyOf": [
                            {"const": "app", "type": "string"},
                            {"const": "agent", "type": "string"},
                        ],
                    },
                    "updatedAt": {"format": "date-time", "type": "string"},
                    "user": {"minLength": 1, "type": "string"},
                },
                "required": [
                    "user",
                    "answer",
                    "answeredAt",
                    "updatedAt",
                    "identityGrantId",
                    "identityAnchor",
                    "contractEvidence",
                    "displayName",
                    "description",
                    "capabilities",
                    "participantKind",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_IDENTITY_GRANTS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "user": {"minLength": 1, "type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_IDENTITY_GRANTS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "capabilities": {"items": {"type": "string"}, "type": "array"},
                    "contractEvidence": {
                        "properties": {
                            "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                            "contractId": {"minLength": 1, "type": "string"},
                        },
                        "required": ["contractDigest", "contractId"],
                        "type": "object",
                    },
                    "description": {"minLength": 1, "type": "string"},
                    "displayName": {"minLength": 1, "type": "string"},
                    "grantedAt": {"format": "date-time", "type": "string"},
                    "identityAnchor": {
                        "anyOf": [
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "web", "type": "string"},
                                    "origin": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "origin"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "cli", "type": "string"},
                                    "sessionPublicKey": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "sessionPublicKey"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "native", "type": "string"},
                                    "sessionPublicKey": {"minLength": 1, "type": "string"},
                                },
                                "required": ["kind", "contractId", "sessionPublicKey"],
                                "type": "object",
                            },
                            {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "devicePublicKey": {"minLength": 1, "type": "string"},
                                    "kind": {"const": "device-user", "type": "string"},
                                },
                                "required": ["kind", "contractId", "devicePublicKey"],
                                "type": "object",
                            },
                        ],
                    },
                    "identityGrantId": {"minLength": 1, "type": "string"},
                    "participantKind": {
                        "anyOf": [
                            {"const": "app", "type": "string"},
                            {"const": "agent", "type": "string"},
                        ],
                    },
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "identityGrantId",
                    "identityAnchor",
                    "contractEvidence",
                    "displayName",
                    "description",
                    "participantKind",
                    "capabilities",
                    "grantedAt",
                    "updatedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_IDENTITY_GRANTS_REVOKE_REQUEST: dict[str, Any] = {
    "properties": {
        "identityGrantId": {"minLength": 1, "type": "string"},
        "user": {"minLength": 1, "type": "string"},
    },
    "required": ["identityGrantId"],
    "type": "object",
}

AUTH_IDENTITY_GRANTS_REVOKE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_PORTALS_GET_REQUEST: dict[str, Any] = {
    "properties": {"portalId": {"minLength": 1, "type": "string"}},
    "required": ["portalId"],
    "type": "object",
}

AUTH_PORTALS_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "defaultCapabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "defaultCapabilityGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "federatedProviders": {
            "items": {
                "properties": {
                    "displayName": {"minLength": 1, "type": "string"},
                    "id": {"minLength": 1, "type": "string"},
                    "type": {"minLength": 1, "type": "string"},
                },
                "required": ["id", "displayName", "type"],
                "type": "object",
            },
            "type": "array",
        },
        "portal": {
            "properties": {
                "builtIn": {"type": "boolean"},
                "createdAt": {"format": "date-time", "type": "string"},
                "disabled": {"type": "boolean"},
                "displayName": {"minLength": 1, "type": "string"},
                "entryUrl": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                "portalId": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "portalId",
                "displayName",
                "entryUrl",
                "builtIn",
                "disabled",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
        "routes": {
            "items": {
                "properties": {
                    "contractId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                    "disabled": {"type": "boolean"},
                    "origin": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                    "portalId": {"minLength": 1, "type": "string"},
                    "routeKey": {"minLength": 1, "type": "string"},
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "routeKey",
                    "portalId",
                    "contractId",
                    "origin",
                    "disabled",
                    "updatedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "settings": {
            "properties": {
                "allowedFederatedProviders": {
                    "anyOf": [
                        {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                        {"type": "null"},
                    ],
                },
                "federatedRegistrationEnabled": {"type": "boolean"},
                "localRegistrationEnabled": {"type": "boolean"},
                "portalId": {"minLength": 1, "type": "string"},
                "selfRegisteredAccountActive": {"type": "boolean"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "portalId",
                "localRegistrationEnabled",
                "federatedRegistrationEnabled",
                "allowedFederatedProviders",
                "selfRegisteredAccountActive",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": [
        "portal",
        "settings",
        "routes",
        "defaultCapabilities",
        "defaultCapabilityGroups",
        "federatedProviders",
    ],
    "type": "object",
}

AUTH_PORTALS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_PORTALS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "activeRouteCount": {"minimum": 0, "type": "integer"},
                    "builtIn": {"type": "boolean"},
                    "createdAt": {"format": "date-time", "type": "string"},
                    "disabled": {"type": "boolean"},
                    "displayName": {"minLength": 1, "type": "string"},
                    "entryUrl": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                    "portalId": {"minLength": 1, "type": "string"},
                    "routeCount": {"minimum": 0, "type": "integer"},
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "portalId",
                    "displayName",
                    "entryUrl",
                    "builtIn",
                    "disabled",
                    "createdAt",
                    "updatedAt",
                    "routeCount",
                    "activeRouteCount",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_PORTALS_LOGIN_SETTINGS_GET_REQUEST: dict[str, Any] = {
    "properties": {"portalId": {"minLength": 1, "type": "string"}},
    "required": ["portalId"],
    "type": "object",
}

AUTH_PORTALS_LOGIN_SETTINGS_RESPONSE: dict[str, Any] = {
    "properties": {
        "defaultCapabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "defaultCapabilityGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "federatedProviders": {
            "items": {
                "properties": {
                    "displayName": {"minLength": 1, "type": "string"},
                    "id": {"minLength": 1, "type": "string"},
                    "type": {"minLength": 1, "type": "string"},
                },
                "required": ["id", "displayName", "type"],
                "type": "object",
            },
            "type": "array",
        },
        "portal": {
            "properties": {
                "builtIn": {"type": "boolean"},
                "createdAt": {"format": "date-time", "type": "string"},
                "disabled": {"type": "boolean"},
                "displayName": {"minLength": 1, "type": "string"},
                "entryUrl": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                "portalId": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "portalId",
                "displayName",
                "entryUrl",
                "builtIn",
                "disabled",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
        "settings": {
            "properties": {
                "allowedFederatedProviders": {
                    "anyOf": [
                        {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                        {"type": "null"},
                    ],
                },
                "federatedRegistrationEnabled": {"type": "boolean"},
                "localRegistrationEnabled": {"type": "boolean"},
                "portalId": {"minLength": 1, "type": "string"},
                "selfRegisteredAccountActive": {"type": "boolean"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "portalId",
                "localRegistrationEnabled",
                "federatedRegistrationEnabled",
                "allowedFederatedProviders",
                "selfRegisteredAccountActive",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": [
        "portal",
        "settings",
        "defaultCapabilities",
        "defaultCapabilityGroups",
        "federatedProviders",
    ],
    "type": "object",
}

AUTH_PORTALS_LOGIN_SETTINGS_UPDATE_REQUEST: dict[str, Any] = {
    "properties": {
        "allowedFederatedProviders": {
            "anyOf": [
                {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                {"type": "null"},
            ],
        },
        "defaultCapabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "defaultCapabilityGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "federatedRegistrationEnabled": {"type": "boolean"},
        "localRegistrationEnabled": {"type": "boolean"},
        "portalId": {"minLength": 1, "type": "string"},
        "selfRegisteredAccountActive": {"type": "boolean"},
    },
    "required": [
        "portalId",
        "localRegistrationEnabled",
        "federatedRegistrationEnabled",
        "allowedFederatedProviders",
        "selfRegisteredAccountActive",
        "defaultCapabilities",
        "defaultCapabilityGroups",
    ],
    "type": "object",
}

AUTH_PORTALS_PUT_REQUEST: dict[str, Any] = {
    "properties": {
        "disabled": {"type": "boolean"},
        "displayName": {"minLength": 1, "type": "string"},
        "entryUrl": {"minLength": 1, "type": "string"},
        "portalId": {"minLength": 1, "type": "string"},
    },
    "required": ["portalId", "displayName", "entryUrl"],
    "type": "object",
}

AUTH_PORTALS_PUT_RESPONSE: dict[str, Any] = {
    "properties": {
        "portal": {
            "properties": {
                "builtIn": {"type": "boolean"},
                "createdAt": {"format": "date-time", "type": "string"},
                "disabled": {"type": "boolean"},
                "displayName": {"minLength": 1, "type": "string"},
                "entryUrl": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                "portalId": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": [
                "portalId",
                "displayName",
                "entryUrl",
                "builtIn",
                "disabled",
                "createdAt",
                "updatedAt",
            ],
            "type": "object",
        },
    },
    "required": ["portal"],
    "type": "object",
}

AUTH_PORTALS_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {"portalId": {"minLength": 1, "type": "string"}},
    "required": ["portalId"],
    "type": "object",
}

AUTH_PORTALS_REMOVE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_PORTALS_ROUTES_PUT_REQUEST: dict[str, Any] = {
    "properties": {
        "contractId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "disabled": {"type": "boolean"},
        "origin": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "portalId": {"minLength": 1, "type": "string"},
    },
    "required": ["portalId"],
    "type": "object",
}

AUTH_PORTALS_ROUTES_PUT_RESPONSE: dict[str, Any] = {
    "properties": {
        "route": {
            "properties": {
                "contractId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                "disabled": {"type": "boolean"},
                "origin": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                "portalId": {"minLength": 1, "type": "string"},
                "routeKey": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
            },
            "required": ["routeKey", "portalId", "contractId", "origin", "disabled", "updatedAt"],
            "type": "object",
        },
    },
    "required": ["route"],
    "type": "object",
}

AUTH_PORTALS_ROUTES_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {
        "contractId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "origin": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "portalId": {"minLength": 1, "type": "string"},
    },
    "required": ["portalId"],
    "type": "object",
}

AUTH_PORTALS_ROUTES_REMOVE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_REQUESTS_VALIDATE_REQUEST: dict[str, Any] = {
    "properties": {
        "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "iat": {"type": "integer"},
        "payloadHash": {"minLength": 1, "type": "string"},
        "proof": {"minLength": 1, "type": "string"},
        "requestId": {"minLength": 1, "type": "string"},
        "sessionKey": {"minLength": 1, "type": "string"},
        "subject": {"minLength": 1, "type": "string"},
    },
    "required": ["sessionKey", "proof", "subject", "payloadHash", "iat", "requestId"],
    "type": "object",
}

AUTH_REQUESTS_VALIDATE_RESPONSE: dict[str, Any] = {
    "properties": {
        "allowed": {"type": "boolean"},
        "caller": {
            "anyOf": [
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "email": {"type": "string"},
                        "identity": {
                            "properties": {
                                "identityId": {"minLength": 1, "type": "string"},
                                "provider": {"minLength": 1, "type": "string"},
                                "subject": {"minLength": 1, "type": "string"},
                            },
                            "required": ["identityId", "provider", "subject"],
                            "type": "object",
                        },
                        "image": {"type": "string"},
                        "lastAuth": {"format": "date-time", "type": "string"},
                        "name": {"type": "string"},
                        "participantKind": {
                            "anyOf": [
                                {"const": "app", "type": "string"},
                                {"const": "agent", "type": "string"},
                            ],
                        },
                        "type": {"const": "user", "type": "string"},
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": [
                        "type",
                        "participantKind",
                        "userId",
                        "identity",
                        "active",
                        "name",
                        "email",
                        "capabilities",
                        "lastAuth",
                    ],
                    "type": "object",
                },
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "type": {"const": "service", "type": "string"},
                    },
                    "required": ["type", "id", "name", "active", "capabilities"],
                    "type": "object",
                },
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "deviceId": {"minLength": 1, "type": "string"},
                        "deviceType": {"minLength": 1, "type": "string"},
                        "runtimePublicKey": {"minLength": 1, "type": "string"},
                        "type": {"const": "device", "type": "string"},
                    },
                    "required": [
                        "type",
                        "deviceId",
                        "deviceType",
                        "runtimePublicKey",
                        "deploymentId",
                        "active",
                        "capabilities",
                    ],
                    "type": "object",
                },
            ],
        },
        "inboxPrefix": {"type": "string"},
    },
    "required": ["allowed", "inboxPrefix", "caller"],
    "type": "object",
}

AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_PROGRESS: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "requestedAt": {"format": "date-time", "type": "string"},
        "reviewId": {"minLength": 1, "type": "string"},
        "status": {"const": "pending_review", "type": "string"},
    },
    "required": ["status", "reviewId", "instanceId", "deploymentId", "requestedAt"],
    "type": "object",
}

AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_REQUEST: dict[str, Any] = {
    "properties": {"flowId": {"minLength": 1, "type": "string"}},
    "required": ["flowId"],
    "type": "object",
}

AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_RESPONSE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "activatedAt": {"format": "date-time", "type": "string"},
                "confirmationCode": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "instanceId": {"minLength": 1, "type": "string"},
                "status": {"const": "activated", "type": "string"},
            },
            "required": ["status", "instanceId", "deploymentId", "activatedAt"],
            "type": "object",
        },
        {
            "properties": {
                "reason": {"minLength": 1, "type": "string"},
                "status": {"const": "rejected", "type": "string"},
            },
            "required": ["status"],
            "type": "object",
        },
    ],
}

AUTH_SERVICE_INSTANCES_DISABLE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_DISABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "capabilities": {"items": {"type": "string"}, "type": "array"},
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "disabled": {"type": "boolean"},
                "instanceId": {"minLength": 1, "type": "string"},
                "instanceKey": {"minLength": 1, "type": "string"},
                "resourceBindings": {
                    "properties": {
                        "eventConsumers": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "ackWaitMs": {"minimum": 1, "type": "integer"},
                                        "backoffMs": {
                                            "items": {"minimum": 0, "type": "integer"},
                                            "type": "array",
                                        },
                                        "concurrency": {"minimum": 1, "type": "integer"},
                                        "consumerName": {"minLength": 1, "type": "string"},
                                        "filterSubjects": {
                                            "items": {"minLength": 1, "type": "string"},
                                            "type": "array",
                                        },
                                        "maxDeliver": {"minimum": 1, "type": "integer"},
                                        "ordering": {"const": "strict", "type": "string"},
                                        "replay": {
                                            "anyOf": [
                                                {"const": "new", "type": "string"},
                                                {"const": "all", "type": "string"},
                                            ],
                                        },
                                        "stream": {"minLength": 1, "type": "string"},
                                    },
                                    "required": [
                                        "stream",
                                        "consumerName",
                                        "filterSubjects",
                                        "replay",
                                        "ordering",
                                        "concurrency",
                                        "ackWaitMs",
                                        "maxDeliver",
                                        "backoffMs",
                                    ],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "jobs": {
                            "properties": {
                                "namespace": {"minLength": 1, "type": "string"},
                                "queues": {
                                    "patternProperties": {
                                        "^.*$": {
                                            "properties": {
                                                "ackWaitMs": {"minimum": 1, "type": "integer"},
                                                "backoffMs": {
                                                    "items": {"minimum": 0, "type": "integer"},
                                                    "type": "array",
                                                },
                                                "concurrency": {"minimum": 1, "type": "integer"},
                                                "consumerName": {"minLength": 1, "type": "string"},
                                                "defaultDeadlineMs": {
                                                    "minimum": 1,
                                                    "type": "integer",
                                                },
                                                "dlq": {"type": "boolean"},
                                                "logs": {"type": "boolean"},
                                                "maxDeliver": {"minimum": 1, "type": "integer"},
                                                "payload": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "progress": {"type": "boolean"},
                                                "publishPrefix": {"minLength": 1, "type": "string"},
                                                "queueType": {"minLength": 1, "type": "string"},
                                                "result": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "workSubject": {"minLength": 1, "type": "string"},
                                            },
                                            "required": [
                                                "queueType",
                                                "publishPrefix",
                                                "workSubject",
                                                "consumerName",
                                                "payload",
                                                "maxDeliver",
                                                "backoffMs",
                                                "ackWaitMs",
                                                "progress",
                                                "logs",
                                                "dlq",
                                                "concurrency",
                                            ],
                                            "type": "object",
                                        },
                                    },
                                    "type": "object",
                                },
                                "workStream": {"minLength": 1, "type": "string"},
                            },
                            "required": ["namespace", "queues"],
                            "type": "object",
                        },
                        "kv": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "bucket": {"minLength": 1, "type": "string"},
                                        "history": {"minimum": 1, "type": "integer"},
                                        "maxValueBytes": {"minimum": 1, "type": "integer"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["bucket", "history", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "store": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "maxObjectBytes": {"minimum": 1, "type": "integer"},
                                        "maxTotalBytes": {"minimum": 1, "type": "integer"},
                                        "name": {"minLength": 1, "type": "string"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["name", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
            },
            "required": [
                "instanceId",
                "deploymentId",
                "instanceKey",
                "disabled",
                "capabilities",
                "createdAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_ENABLE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_ENABLE_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "capabilities": {"items": {"type": "string"}, "type": "array"},
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "disabled": {"type": "boolean"},
                "instanceId": {"minLength": 1, "type": "string"},
                "instanceKey": {"minLength": 1, "type": "string"},
                "resourceBindings": {
                    "properties": {
                        "eventConsumers": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "ackWaitMs": {"minimum": 1, "type": "integer"},
                                        "backoffMs": {
                                            "items": {"minimum": 0, "type": "integer"},
                                            "type": "array",
                                        },
                                        "concurrency": {"minimum": 1, "type": "integer"},
                                        "consumerName": {"minLength": 1, "type": "string"},
                                        "filterSubjects": {
                                            "items": {"minLength": 1, "type": "string"},
                                            "type": "array",
                                        },
                                        "maxDeliver": {"minimum": 1, "type": "integer"},
                                        "ordering": {"const": "strict", "type": "string"},
                                        "replay": {
                                            "anyOf": [
                                                {"const": "new", "type": "string"},
                                                {"const": "all", "type": "string"},
                                            ],
                                        },
                                        "stream": {"minLength": 1, "type": "string"},
                                    },
                                    "required": [
                                        "stream",
                                        "consumerName",
                                        "filterSubjects",
                                        "replay",
                                        "ordering",
                                        "concurrency",
                                        "ackWaitMs",
                                        "maxDeliver",
                                        "backoffMs",
                                    ],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "jobs": {
                            "properties": {
                                "namespace": {"minLength": 1, "type": "string"},
                                "queues": {
                                    "patternProperties": {
                                        "^.*$": {
                                            "properties": {
                                                "ackWaitMs": {"minimum": 1, "type": "integer"},
                                                "backoffMs": {
                                                    "items": {"minimum": 0, "type": "integer"},
                                                    "type": "array",
                                                },
                                                "concurrency": {"minimum": 1, "type": "integer"},
                                                "consumerName": {"minLength": 1, "type": "string"},
                                                "defaultDeadlineMs": {
                                                    "minimum": 1,
                                                    "type": "integer",
                                                },
                                                "dlq": {"type": "boolean"},
                                                "logs": {"type": "boolean"},
                                                "maxDeliver": {"minimum": 1, "type": "integer"},
                                                "payload": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "progress": {"type": "boolean"},
                                                "publishPrefix": {"minLength": 1, "type": "string"},
                                                "queueType": {"minLength": 1, "type": "string"},
                                                "result": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "workSubject": {"minLength": 1, "type": "string"},
                                            },
                                            "required": [
                                                "queueType",
                                                "publishPrefix",
                                                "workSubject",
                                                "consumerName",
                                                "payload",
                                                "maxDeliver",
                                                "backoffMs",
                                                "ackWaitMs",
                                                "progress",
                                                "logs",
                                                "dlq",
                                                "concurrency",
                                            ],
                                            "type": "object",
                                        },
                                    },
                                    "type": "object",
                                },
                                "workStream": {"minLength": 1, "type": "string"},
                            },
                            "required": ["namespace", "queues"],
                            "type": "object",
                        },
                        "kv": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "bucket": {"minLength": 1, "type": "string"},
                                        "history": {"minimum": 1, "type": "integer"},
                                        "maxValueBytes": {"minimum": 1, "type": "integer"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["bucket", "history", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "store": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "maxObjectBytes": {"minimum": 1, "type": "integer"},
                                        "maxTotalBytes": {"minimum": 1, "type": "integer"},
                                        "name": {"minLength": 1, "type": "string"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["name", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
            },
            "required": [
                "instanceId",
                "deploymentId",
                "instanceKey",
                "disabled",
                "capabilities",
                "createdAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "disabled": {"type": "boolean"},
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "capabilities": {"items": {"type": "string"}, "type": "array"},
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "disabled": {"type": "boolean"},
                    "instanceId": {"minLength": 1, "type": "string"},
                    "instanceKey": {"minLength": 1, "type": "string"},
                    "resourceBindings": {
                        "properties": {
                            "eventConsumers": {
                                "patternProperties": {
                                    "^.*$": {
                                        "properties": {
                                            "ackWaitMs": {"minimum": 1, "type": "integer"},
                                            "backoffMs": {
                                                "items": {"minimum": 0, "type": "integer"},
                                                "type": "array",
                                            },
                                            "concurrency": {"minimum": 1, "type": "integer"},
                                            "consumerName": {"minLength": 1, "type": "string"},
                                            "filterSubjects": {
                                                "items": {"minLength": 1, "type": "string"},
                                                "type": "array",
                                            },
                                            "maxDeliver": {"minimum": 1, "type": "integer"},
                                            "ordering": {"const": "strict", "type": "string"},
                                            "replay": {
                                                "anyOf": [
                                                    {"const": "new", "type": "string"},
                                                    {"const": "all", "type": "string"},
                                                ],
                                            },
                                            "stream": {"minLength": 1, "type": "string"},
                                        },
                                        "required": [
                                            "stream",
                                            "consumerName",
                                            "filterSubjects",
                                            "replay",
                                            "ordering",
                                            "concurrency",
                                            "ackWaitMs",
                                            "maxDeliver",
                                            "backoffMs",
                                        ],
                                        "type": "object",
                                    },
                                },
                                "type": "object",
                            },
                            "jobs": {
                                "properties": {
                                    "namespace": {"minLength": 1, "type": "string"},
                                    "queues": {
                                        "patternProperties": {
                                            "^.*$": {
                                                "properties": {
                                                    "ackWaitMs": {"minimum": 1, "type": "integer"},
                                                    "backoffMs": {
                                                        "items": {"minimum": 0, "type": "integer"},
                                                        "type": "array",
                                                    },
                                                    "concurrency": {
                                                        "minimum": 1,
                                                        "type": "integer",
                                                    },
                                                    "consumerName": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "defaultDeadlineMs": {
                                                        "minimum": 1,
                                                        "type": "integer",
                                                    },
                                                    "dlq": {"type": "boolean"},
                                                    "logs": {"type": "boolean"},
                                                    "maxDeliver": {"minimum": 1, "type": "integer"},
                                                    "payload": {
                                                        "properties": {
                                                            "schema": {
                                                                "minLength": 1,
                                                                "type": "string",
                                                            },
                                                        },
                                                        "required": ["schema"],
                                                        "type": "object",
                                                    },
                                                    "progress": {"type": "boolean"},
                                                    "publishPrefix": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                    "queueType": {"minLength": 1, "type": "string"},
                                                    "result": {
                                                        "properties": {
                                                            "schema": {
                                                                "minLength": 1,
                                                                "type": "string",
                                                            },
                                                        },
                                                        "required": ["schema"],
                                                        "type": "object",
                                                    },
                                                    "workSubject": {
                                                        "minLength": 1,
                                                        "type": "string",
                                                    },
                                                },
                                                "required": [
                                                    "queueType",
                                                    "publishPrefix",
                                                    "workSubject",
                                                    "consumerName",
                                                    "payload",
                                                    "maxDeliver",
                                                    "backoffMs",
                                                    "ackWaitMs",
                                                    "progress",
                                                    "logs",
                                                    "dlq",
                                                    "concurrency",
                                                ],
                                                "type": "object",
                                            },
                                        },
                                        "type": "object",
                                    },
                                    "workStream": {"minLength": 1, "type": "string"},
                                },
                                "required": ["namespace", "queues"],
                                "type": "object",
                            },
                            "kv": {
                                "patternProperties": {
                                    "^.*$": {
                                        "properties": {
                                            "bucket": {"minLength": 1, "type": "string"},
                                            "history": {"minimum": 1, "type": "integer"},
                                            "maxValueBytes": {"minimum": 1, "type": "integer"},
                                            "ttlMs": {"minimum": 0, "type": "integer"},
                                        },
                                        "required": ["bucket", "history", "ttlMs"],
                                        "type": "object",
                                    },
                                },
                                "type": "object",
                            },
                            "store": {
                                "patternProperties": {
                                    "^.*$": {
                                        "properties": {
                                            "maxObjectBytes": {"minimum": 1, "type": "integer"},
                                            "maxTotalBytes": {"minimum": 1, "type": "integer"},
                                            "name": {"minLength": 1, "type": "string"},
                                            "ttlMs": {"minimum": 0, "type": "integer"},
                                        },
                                        "required": ["name", "ttlMs"],
                                        "type": "object",
                                    },
                                },
                                "type": "object",
                            },
                        },
                        "type": "object",
                    },
                },
                "required": [
                    "instanceId",
                    "deploymentId",
                    "instanceKey",
                    "disabled",
                    "capabilities",
                    "createdAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_PROVISION_REQUEST: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceKey": {"minLength": 1, "type": "string"},
    },
    "required": ["deploymentId", "instanceKey"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_PROVISION_RESPONSE: dict[str, Any] = {
    "properties": {
        "instance": {
            "properties": {
                "capabilities": {"items": {"type": "string"}, "type": "array"},
                "createdAt": {"format": "date-time", "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "disabled": {"type": "boolean"},
                "instanceId": {"minLength": 1, "type": "string"},
                "instanceKey": {"minLength": 1, "type": "string"},
                "resourceBindings": {
                    "properties": {
                        "eventConsumers": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "ackWaitMs": {"minimum": 1, "type": "integer"},
                                        "backoffMs": {
                                            "items": {"minimum": 0, "type": "integer"},
                                            "type": "array",
                                        },
                                        "concurrency": {"minimum": 1, "type": "integer"},
                                        "consumerName": {"minLength": 1, "type": "string"},
                                        "filterSubjects": {
                                            "items": {"minLength": 1, "type": "string"},
                                            "type": "array",
                                        },
                                        "maxDeliver": {"minimum": 1, "type": "integer"},
                                        "ordering": {"const": "strict", "type": "string"},
                                        "replay": {
                                            "anyOf": [
                                                {"const": "new", "type": "string"},
                                                {"const": "all", "type": "string"},
                                            ],
                                        },
                                        "stream": {"minLength": 1, "type": "string"},
                                    },
                                    "required": [
                                        "stream",
                                        "consumerName",
                                        "filterSubjects",
                                        "replay",
                                        "ordering",
                                        "concurrency",
                                        "ackWaitMs",
                                        "maxDeliver",
                                        "backoffMs",
                                    ],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "jobs": {
                            "properties": {
                                "namespace": {"minLength": 1, "type": "string"},
                                "queues": {
                                    "patternProperties": {
                                        "^.*$": {
                                            "properties": {
                                                "ackWaitMs": {"minimum": 1, "type": "integer"},
                                                "backoffMs": {
                                                    "items": {"minimum": 0, "type": "integer"},
                                                    "type": "array",
                                                },
                                                "concurrency": {"minimum": 1, "type": "integer"},
                                                "consumerName": {"minLength": 1, "type": "string"},
                                                "defaultDeadlineMs": {
                                                    "minimum": 1,
                                                    "type": "integer",
                                                },
                                                "dlq": {"type": "boolean"},
                                                "logs": {"type": "boolean"},
                                                "maxDeliver": {"minimum": 1, "type": "integer"},
                                                "payload": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "progress": {"type": "boolean"},
                                                "publishPrefix": {"minLength": 1, "type": "string"},
                                                "queueType": {"minLength": 1, "type": "string"},
                                                "result": {
                                                    "properties": {
                                                        "schema": {
                                                            "minLength": 1,
                                                            "type": "string",
                                                        },
                                                    },
                                                    "required": ["schema"],
                                                    "type": "object",
                                                },
                                                "workSubject": {"minLength": 1, "type": "string"},
                                            },
                                            "required": [
                                                "queueType",
                                                "publishPrefix",
                                                "workSubject",
                                                "consumerName",
                                                "payload",
                                                "maxDeliver",
                                                "backoffMs",
                                                "ackWaitMs",
                                                "progress",
                                                "logs",
                                                "dlq",
                                                "concurrency",
                                            ],
                                            "type": "object",
                                        },
                                    },
                                    "type": "object",
                                },
                                "workStream": {"minLength": 1, "type": "string"},
                            },
                            "required": ["namespace", "queues"],
                            "type": "object",
                        },
                        "kv": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "bucket": {"minLength": 1, "type": "string"},
                                        "history": {"minimum": 1, "type": "integer"},
                                        "maxValueBytes": {"minimum": 1, "type": "integer"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["bucket", "history", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "store": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "maxObjectBytes": {"minimum": 1, "type": "integer"},
                                        "maxTotalBytes": {"minimum": 1, "type": "integer"},
                                        "name": {"minLength": 1, "type": "string"},
                                        "ttlMs": {"minimum": 0, "type": "integer"},
                                    },
                                    "required": ["name", "ttlMs"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
            },
            "required": [
                "instanceId",
                "deploymentId",
                "instanceKey",
                "disabled",
                "capabilities",
                "createdAt",
            ],
            "type": "object",
        },
    },
    "required": ["instance"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_REMOVE_REQUEST: dict[str, Any] = {
    "properties": {"instanceId": {"minLength": 1, "type": "string"}},
    "required": ["instanceId"],
    "type": "object",
}

AUTH_SERVICE_INSTANCES_REMOVE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_SESSIONS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "user": {"type": "string"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_SESSIONS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "createdAt": {"type": "string"},
                            "key": {"type": "string"},
                            "lastAuth": {"type": "string"},
                            "participantKind": {"const": "app", "type": "string"},
                            "principal": {
                                "properties": {
                                    "identity": {
                                        "properties": {
                                            "identityId": {"type": "string"},
                                            "provider": {"type": "string"},
                                            "subject": {"type": "string"},
                                        },
                                        "required": ["identityId", "provider", "subject"],
                                        "type": "object",
                                    },
                                    "name": {"type": "string"},
                                    "type": {"const": "user", "type": "string"},
                                    "userId": {"type": "string"},
                                },
                                "required": ["type", "userId", "identity", "name"],
                                "type": "object",
                            },
                            "sessionKey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "sessionKey",
                            "createdAt",
                            "lastAuth",
                            "participantKind",
                            "principal",
                            "contractId",
                            "contractDisplayName",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "createdAt": {"type": "string"},
                            "key": {"type": "string"},
                            "lastAuth": {"type": "string"},
                            "participantKind": {"const": "agent", "type": "string"},
                            "principal": {
                                "properties": {
                                    "identity": {
                                        "properties": {
                                            "identityId": {"type": "string"},
                                            "provider": {"type": "string"},
                                            "subject": {"type": "string"},
                                        },
                                        "required": ["identityId", "provider", "subject"],
                                        "type": "object",
                                    },
                                    "name": {"type": "string"},
                                    "type": {"const": "user", "type": "string"},
                                    "userId": {"type": "string"},
                                },
                                "required": ["type", "userId", "identity", "name"],
                                "type": "object",
                            },
                            "sessionKey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "sessionKey",
                            "createdAt",
                            "lastAuth",
                            "participantKind",
                            "principal",
                            "contractId",
                            "contractDisplayName",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "contractDisplayName": {"type": "string"},
                            "contractId": {"type": "string"},
                            "createdAt": {"type": "string"},
                            "key": {"type": "string"},
                            "lastAuth": {"type": "string"},
                            "participantKind": {"const": "device", "type": "string"},
                            "principal": {
                                "properties": {
                                    "deploymentId": {"type": "string"},
                                    "deviceId": {"type": "string"},
                                    "deviceType": {"type": "string"},
                                    "runtimePublicKey": {"type": "string"},
                                    "type": {"const": "device", "type": "string"},
                                },
                                "required": [
                                    "type",
                                    "deviceId",
                                    "deviceType",
                                    "runtimePublicKey",
                                    "deploymentId",
                                ],
                                "type": "object",
                            },
                            "sessionKey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "sessionKey",
                            "createdAt",
                            "lastAuth",
                            "participantKind",
                            "principal",
                            "contractId",
                        ],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "createdAt": {"type": "string"},
                            "key": {"type": "string"},
                            "lastAuth": {"type": "string"},
                            "participantKind": {"const": "service", "type": "string"},
                            "principal": {
                                "properties": {
                                    "deploymentId": {"type": "string"},
                                    "id": {"type": "string"},
                                    "instanceId": {"type": "string"},
                                    "name": {"type": "string"},
                                    "type": {"const": "service", "type": "string"},
                                },
                                "required": ["type", "id", "name", "instanceId", "deploymentId"],
                                "type": "object",
                            },
                            "sessionKey": {"type": "string"},
                        },
                        "required": [
                            "key",
                            "sessionKey",
                            "createdAt",
                            "lastAuth",
                            "participantKind",
                            "principal",
                        ],
                        "type": "object",
                    },
                ],
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_SESSIONS_LOGOUT_REQUEST: dict[str, Any] = {
    "additionalProperties": True,
    "properties": {},
    "type": "object",
}

AUTH_SESSIONS_LOGOUT_RESPONSE: dict[str, Any] = {
    "additionalProperties": False,
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_SESSIONS_ME_REQUEST: dict[str, Any] = {"properties": {}, "type": "object"}

AUTH_SESSIONS_ME_RESPONSE: dict[str, Any] = {
    "properties": {
        "device": {
            "anyOf": [
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "deploymentId": {"minLength": 1, "type": "string"},
                        "deviceId": {"minLength": 1, "type": "string"},
                        "deviceType": {"minLength": 1, "type": "string"},
                        "runtimePublicKey": {"minLength": 1, "type": "string"},
                        "type": {"const": "device", "type": "string"},
                    },
                    "required": [
                        "type",
                        "deviceId",
                        "deviceType",
                        "runtimePublicKey",
                        "deploymentId",
                        "active",
                        "capabilities",
                    ],
                    "type": "object",
                },
                {"type": "null"},
            ],
        },
        "participantKind": {
            "anyOf": [
                {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                {"const": "device", "type": "string"},
                {"const": "service", "type": "string"},
            ],
        },
        "service": {
            "anyOf": [
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "type": {"const": "service", "type": "string"},
                    },
                    "required": ["type", "id", "name", "active", "capabilities"],
                    "type": "object",
                },
                {"type": "null"},
            ],
        },
        "user": {
            "anyOf": [
                {
                    "properties": {
                        "active": {"type": "boolean"},
                        "capabilities": {"items": {"type": "string"}, "type": "array"},
                        "email": {"type": "string"},
                        "identity": {
                            "properties": {
                                "identityId": {"minLength": 1, "type": "string"},
                                "provider": {"minLength": 1, "type": "string"},
                                "subject": {"minLength": 1, "type": "string"},
                            },
                            "required": ["identityId", "provider", "subject"],
                            "type": "object",
                        },
                        "image": {"type": "string"},
                        "lastLogin": {"format": "date-time", "type": "string"},
                        "name": {"type": "string"},
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": ["userId", "active", "name", "email", "capabilities", "identity"],
                    "type": "object",
                },
                {"type": "null"},
            ],
        },
    },
    "required": ["participantKind", "user", "device", "service"],
    "type": "object",
}

AUTH_SESSIONS_REVOKE_REQUEST: dict[str, Any] = {
    "properties": {"sessionKey": {"type": "string"}},
    "required": ["sessionKey"],
    "type": "object",
}

AUTH_SESSIONS_REVOKE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_SESSIONS_REVOKED_EVENT: dict[str, Any] = {
    "allOf": [
        {
            "properties": {
                "header": {
                    "properties": {
                        "id": {"type": "string"},
                        "time": {"format": "date-time", "type": "string"},
                    },
                    "required": ["id", "time"],
                    "type": "object",
                },
            },
            "required": ["header"],
            "type": "object",
        },
        {
            "properties": {
                "id": {"type": "string"},
                "origin": {"type": "string"},
                "revokedBy": {"type": "string"},
                "sessionKey": {"type": "string"},
            },
            "required": ["origin", "id", "sessionKey", "revokedBy"],
            "type": "object",
        },
    ],
}

AUTH_USER_IDENTITIES_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "userId": {"minLength": 1, "type": "string"},
    },
    "required": ["userId", "limit"],
    "type": "object",
}

AUTH_USER_IDENTITIES_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "displayName": {
                        "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                    },
                    "email": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
                    "emailVerified": {"type": "boolean"},
                    "identityId": {"minLength": 1, "type": "string"},
                    "lastLoginAt": {
                        "anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}],
                    },
                    "linkedAt": {"format": "date-time", "type": "string"},
                    "provider": {"minLength": 1, "type": "string"},
                    "subject": {"minLength": 1, "type": "string"},
                },
                "required": [
                    "identityId",
                    "provider",
                    "subject",
                    "displayName",
                    "email",
                    "emailVerified",
                    "linkedAt",
                    "lastLoginAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_USER_IDENTITIES_UNLINK_REQUEST: dict[str, Any] = {
    "properties": {
        "identityId": {"minLength": 1, "type": "string"},
        "userId": {"minLength": 1, "type": "string"},
    },
    "required": ["userId", "identityId"],
    "type": "object",
}

AUTH_USER_IDENTITIES_UNLINK_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_USERS_ACCOUNT_FLOW_CREATE_RESPONSE: dict[str, Any] = {
    "properties": {
        "expiresAt": {"format": "date-time", "type": "string"},
        "flowId": {"minLength": 1, "type": "string"},
        "url": {"minLength": 1, "type": "string"},
    },
    "required": ["flowId", "url", "expiresAt"],
    "type": "object",
}

AUTH_USERS_CREATE_REQUEST: dict[str, Any] = {
    "properties": {
        "active": {"type": "boolean"},
        "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "capabilityGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "email": {"minLength": 1, "type": "string"},
        "name": {"minLength": 1, "type": "string"},
        "username": {"minLength": 1, "type": "string"},
    },
    "type": "object",
}

AUTH_USERS_CREATE_RESPONSE: dict[str, Any] = {
    "properties": {
        "user": {
            "properties": {
                "active": {"type": "boolean"},
                "capabilities": {"items": {"type": "string"}, "type": "array"},
                "capabilityGroups": {"items": {"type": "string"}, "type": "array"},
                "email": {"type": "string"},
                "identities": {
                    "items": {
                        "properties": {
                            "displayName": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "email": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "emailVerified": {"type": "boolean"},
                            "identityId": {"minLength": 1, "type": "string"},
                            "lastLoginAt": {
                                "anyOf": [
                                    {"format": "date-time", "type": "string"},
                                    {"type": "null"},
                                ],
                            },
                            "linkedAt": {"format": "date-time", "type": "string"},
                            "provider": {"minLength": 1, "type": "string"},
                            "subject": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "identityId",
                            "provider",
                            "subject",
                            "displayName",
                            "email",
                            "emailVerified",
                            "linkedAt",
                            "lastLoginAt",
                        ],
                        "type": "object",
                    },
                    "type": "array",
                },
                "name": {"type": "string"},
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["userId", "active", "capabilities", "capabilityGroups", "identities"],
            "type": "object",
        },
    },
    "required": ["user"],
    "type": "object",
}

AUTH_USERS_GET_REQUEST: dict[str, Any] = {
    "properties": {"userId": {"minLength": 1, "type": "string"}},
    "required": ["userId"],
    "type": "object",
}

AUTH_USERS_GET_RESPONSE: dict[str, Any] = {
    "properties": {
        "user": {
            "properties": {
                "active": {"type": "boolean"},
                "capabilities": {"items": {"type": "string"}, "type": "array"},
                "capabilityGroups": {"items": {"type": "string"}, "type": "array"},
                "email": {"type": "string"},
                "identities": {
                    "items": {
                        "properties": {
                            "displayName": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "email": {
                                "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                            },
                            "emailVerified": {"type": "boolean"},
                            "identityId": {"minLength": 1, "type": "string"},
                            "lastLoginAt": {
                                "anyOf": [
                                    {"format": "date-time", "type": "string"},
                                    {"type": "null"},
                                ],
                            },
                            "linkedAt": {"format": "date-time", "type": "string"},
                            "provider": {"minLength": 1, "type": "string"},
                            "subject": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "identityId",
                            "provider",
                            "subject",
                            "displayName",
                            "email",
                            "emailVerified",
                            "linkedAt",
                            "lastLoginAt",
                        ],
                        "type": "object",
                    },
                    "type": "array",
                },
                "name": {"type": "string"},
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["userId", "active", "capabilities", "capabilityGroups", "identities"],
            "type": "object",
        },
    },
    "required": ["user"],
    "type": "object",
}

AUTH_USERS_IDENTITY_LINK_CREATE_REQUEST: dict[str, Any] = {
    "properties": {"returnTo": {"minLength": 1, "type": "string"}},
    "type": "object",
}

AUTH_USERS_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"maximum": 500, "minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["limit"],
    "type": "object",
}

AUTH_USERS_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "properties": {
                    "active": {"type": "boolean"},
                    "capabilities": {"items": {"type": "string"}, "type": "array"},
                    "capabilityGroups": {"items": {"type": "string"}, "type": "array"},
                    "email": {"type": "string"},
                    "identities": {
                        "items": {
                            "properties": {
                                "displayName": {
                                    "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                                },
                                "email": {
                                    "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                                },
                                "emailVerified": {"type": "boolean"},
                                "identityId": {"minLength": 1, "type": "string"},
                                "lastLoginAt": {
                                    "anyOf": [
                                        {"format": "date-time", "type": "string"},
                                        {"type": "null"},
                                    ],
                                },
                                "linkedAt": {"format": "date-time", "type": "string"},
                                "provider": {"minLength": 1, "type": "string"},
                                "subject": {"minLength": 1, "type": "string"},
                            },
                            "required": [
                                "identityId",
                                "provider",
                                "subject",
                                "displayName",
                                "email",
                                "emailVerified",
                                "linkedAt",
                                "lastLoginAt",
                            ],
                            "type": "object",
                        },
                        "type": "array",
                    },
                    "name": {"type": "string"},
                    "userId": {"minLength": 1, "type": "string"},
                },
                "required": ["userId", "active", "capabilities", "capabilityGroups", "identities"],
                "type": "object",
            },
            "type": "array",
        },
        "limit": {"minimum": 0, "type": "integer"},
        "nextOffset": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
    },
    "required": ["entries", "count", "offset", "limit"],
    "type": "object",
}

AUTH_USERS_PASSWORD_CHANGE_REQUEST: dict[str, Any] = {
    "properties": {
        "currentPassword": {"minLength": 1, "type": "string"},
        "newPassword": {"minLength": 1, "type": "string"},
    },
    "required": ["currentPassword", "newPassword"],
    "type": "object",
}

AUTH_USERS_PASSWORD_CHANGE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

AUTH_USERS_PASSWORD_RESET_CREATE_REQUEST: dict[str, Any] = {
    "properties": {
        "expiresInSeconds": {"maximum": 2592000, "minimum": 60, "type": "integer"},
        "userId": {"minLength": 1, "type": "string"},
    },
    "required": ["userId"],
    "type": "object",
}

AUTH_USERS_UPDATE_REQUEST: dict[str, Any] = {
    "properties": {
        "active": {"type": "boolean"},
        "capabilities": {"items": {"type": "string"}, "type": "array"},
        "capabilityGroups": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
        "email": {"type": "string"},
        "name": {"type": "string"},
        "userId": {"minLength": 1, "type": "string"},
    },
    "required": ["userId"],
    "type": "object",
}

AUTH_USERS_UPDATE_RESPONSE: dict[str, Any] = {
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY: dict[str, Any] = {
    "properties": {
        "createdAt": {"format": "date-time", "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredState": {
            "properties": {
                "capabilities": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
                "needs": {
                    "properties": {
                        "capabilities": {
                            "items": {
                                "properties": {
                                    "capability": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["capability", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "contracts": {
                            "items": {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "kind", "name", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["contracts", "surfaces", "capabilities", "resources"],
                    "type": "object",
                },
                "resources": {
                    "items": {
                        "properties": {
                            "alias": {"minLength": 1, "type": "string"},
                            "definition": {"type": "object"},
                            "kind": {
                                "anyOf": [
                                    {"const": "kv", "type": "string"},
                                    {"const": "store", "type": "string"},
                                    {"const": "jobs", "type": "string"},
                                    {"const": "event-consumer", "type": "string"},
                                    {"const": "transfer", "type": "string"},
                                ],
                            },
                            "required": {"type": "boolean"},
                        },
                        "required": ["kind", "alias", "required"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "surfaces": {
                    "items": {
                        "properties": {
                            "action": {
                                "anyOf": [
                                    {"const": "call", "type": "string"},
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                    {"const": "observe", "type": "string"},
                                    {"const": "cancel", "type": "string"},
                                ],
                            },
                            "contractId": {"minLength": 1, "type": "string"},
                            "kind": {
                                "anyOf": [
                                    {"const": "rpc", "type": "string"},
                                    {"const": "operation", "type": "string"},
                                    {"const": "event", "type": "string"},
                                    {"const": "feed", "type": "string"},
                                ],
                            },
                            "name": {"minLength": 1, "type": "string"},
                        },
                        "required": ["contractId", "kind", "name"],
                        "type": "object",
                    },
                    "type": "array",
                },
            },
            "required": ["needs", "capabilities", "resources", "surfaces"],
            "type": "object",
        },
        "disabled": {"type": "boolean"},
        "kind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
                {"const": "app", "type": "string"},
                {"const": "cli", "type": "string"},
                {"const": "native", "type": "string"},
                {"const": "device-user", "type": "string"},
            ],
        },
        "updatedAt": {"format": "date-time", "type": "string"},
        "version": {"minLength": 1, "type": "string"},
    },
    "required": [
        "deploymentId",
        "kind",
        "disabled",
        "desiredState",
        "version",
        "createdAt",
        "updatedAt",
    ],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_CAPABILITY_NEED: dict[str, Any] = {
    "properties": {
        "capability": {"minLength": 1, "type": "string"},
        "required": {"type": "boolean"},
    },
    "required": ["capability", "required"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_CONTRACT_NEED: dict[str, Any] = {
    "properties": {
        "contractId": {"minLength": 1, "type": "string"},
        "required": {"type": "boolean"},
    },
    "required": ["contractId", "required"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_GRANT_OVERRIDE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "capability": {"minLength": 1, "type": "string"},
                "capabilityGroupKey": {"type": "null"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "grantKind": {"const": "capability", "type": "string"},
                "identityKind": {"const": "web", "type": "string"},
                "origin": {"minLength": 1, "type": "string"},
                "sessionPublicKey": {"type": "null"},
            },
            "required": [
                "deploymentId",
                "identityKind",
                "grantKind",
                "contractId",
                "origin",
                "sessionPublicKey",
                "capability",
                "capabilityGroupKey",
            ],
            "type": "object",
        },
        {
            "properties": {
                "capability": {"type": "null"},
                "capabilityGroupKey": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "grantKind": {"const": "capability-group", "type": "string"},
                "identityKind": {"const": "web", "type": "string"},
                "origin": {"minLength": 1, "type": "string"},
                "sessionPublicKey": {"type": "null"},
            },
            "required": [
                "deploymentId",
                "identityKind",
                "grantKind",
                "contractId",
                "origin",
                "sessionPublicKey",
                "capability",
                "capabilityGroupKey",
            ],
            "type": "object",
        },
        {
            "properties": {
                "capability": {"minLength": 1, "type": "string"},
                "capabilityGroupKey": {"type": "null"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "grantKind": {"const": "capability", "type": "string"},
                "identityKind": {"const": "session", "type": "string"},
                "origin": {"type": "null"},
                "sessionPublicKey": {"minLength": 1, "type": "string"},
            },
            "required": [
                "deploymentId",
                "identityKind",
                "grantKind",
                "contractId",
                "origin",
                "sessionPublicKey",
                "capability",
                "capabilityGroupKey",
            ],
            "type": "object",
        },
        {
            "properties": {
                "capability": {"type": "null"},
                "capabilityGroupKey": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "grantKind": {"const": "capability-group", "type": "string"},
                "identityKind": {"const": "session", "type": "string"},
                "origin": {"type": "null"},
                "sessionPublicKey": {"minLength": 1, "type": "string"},
            },
            "required": [
                "deploymentId",
                "identityKind",
                "grantKind",
                "contractId",
                "origin",
                "sessionPublicKey",
                "capability",
                "capabilityGroupKey",
            ],
            "type": "object",
        },
    ],
}

DEPLOYMENT_AUTHORITY_MATERIALIZATION: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredVersion": {"minLength": 1, "type": "string"},
        "error": {"minLength": 1, "type": "string"},
        "grants": {
            "properties": {
                "capabilities": {
                    "items": {
                        "properties": {"capability": {"minLength": 1, "type": "string"}},
                        "required": ["capability"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "nats": {
                    "items": {
                        "properties": {
                            "direction": {
                                "anyOf": [
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                ],
                            },
                            "grantSource": {
                                "anyOf": [
                                    {"const": "owned-surface", "type": "string"},
                                    {"const": "used-surface", "type": "string"},
                                    {"const": "resource-binding", "type": "string"},
                                    {"const": "platform-service", "type": "string"},
                                    {"const": "transfer", "type": "string"},
                                ],
                            },
                            "requiredCapabilities": {
                                "items": {"minLength": 1, "type": "string"},
                                "type": "array",
                            },
                            "subject": {"minLength": 1, "type": "string"},
                            "surface": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                },
                                "required": ["contractId", "kind", "name"],
                                "type": "object",
                            },
                        },
                        "required": ["direction", "subject", "requiredCapabilities", "grantSource"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "surfaces": {
                    "items": {
                        "properties": {
                            "action": {
                                "anyOf": [
                                    {"const": "call", "type": "string"},
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                    {"const": "observe", "type": "string"},
                                    {"const": "cancel", "type": "string"},
                                ],
                            },
                            "contractId": {"minLength": 1, "type": "string"},
                            "name": {"minLength": 1, "type": "string"},
                            "surfaceKind": {
                                "anyOf": [
                                    {"const": "rpc", "type": "string"},
                                    {"const": "operation", "type": "string"},
                                    {"const": "event", "type": "string"},
                                    {"const": "feed", "type": "string"},
                                ],
                            },
                        },
                        "required": ["contractId", "surfaceKind", "name"],
                        "type": "object",
                    },
                    "type": "array",
                },
            },
            "required": ["capabilities", "surfaces", "nats"],
            "type": "object",
        },
        "reconciledAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "resourceBindings": {
            "items": {
                "properties": {
                    "alias": {"minLength": 1, "type": "string"},
                    "binding": {"patternProperties": {"^.*$": {}}, "type": "object"},
                    "createdAt": {"format": "date-time", "type": "string"},
                    "deploymentId": {"minLength": 1, "type": "string"},
                    "kind": {
                        "anyOf": [
                            {"const": "kv", "type": "string"},
                            {"const": "store", "type": "string"},
                            {"const": "jobs", "type": "string"},
                            {"const": "event-consumer", "type": "string"},
                            {"const": "transfer", "type": "string"},
                        ],
                    },
                    "limits": {
                        "anyOf": [
                            {"patternProperties": {"^.*$": {}}, "type": "object"},
                            {"type": "null"},
                        ],
                    },
                    "updatedAt": {"format": "date-time", "type": "string"},
                },
                "required": [
                    "deploymentId",
                    "kind",
                    "alias",
                    "binding",
                    "limits",
                    "createdAt",
                    "updatedAt",
                ],
                "type": "object",
            },
            "type": "array",
        },
        "status": {
            "anyOf": [
                {"const": "current", "type": "string"},
                {"const": "pending", "type": "string"},
                {"const": "failed", "type": "string"},
            ],
        },
    },
    "required": [
        "deploymentId",
        "desiredVersion",
        "status",
        "resourceBindings",
        "grants",
        "reconciledAt",
    ],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_MIGRATION: dict[str, Any] = {
    "properties": {
        "acknowledgementRequired": {"type": "boolean"},
        "classification": {"const": "migration", "type": "string"},
        "createdAt": {"format": "date-time", "type": "string"},
        "decisionAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "decisionBy": {
            "anyOf": [{"patternProperties": {"^.*$": {}}, "type": "object"}, {"type": "null"}],
        },
        "decisionReason": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredChange": {"type": "object"},
        "expiresAt": {"format": "date-time", "type": "string"},
        "materializationPreview": {"type": "object"},
        "planId": {"minLength": 1, "type": "string"},
        "proposal": {
            "properties": {
                "contract": {"type": "object"},
                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "proposalId": {"minLength": 1, "type": "string"},
                "providedSurfaces": {
                    "items": {
                        "properties": {
                            "action": {
                                "anyOf": [
                                    {"const": "call", "type": "string"},
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                    {"const": "observe", "type": "string"},
                                    {"const": "cancel", "type": "string"},
                                ],
                            },
                            "contractId": {"minLength": 1, "type": "string"},
                            "kind": {
                                "anyOf": [
                                    {"const": "rpc", "type": "string"},
                                    {"const": "operation", "type": "string"},
                                    {"const": "event", "type": "string"},
                                    {"const": "feed", "type": "string"},
                                ],
                            },
                            "name": {"minLength": 1, "type": "string"},
                        },
                        "required": ["contractId", "kind", "name"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "requestedNeeds": {
                    "properties": {
                        "capabilities": {
                            "items": {
                                "properties": {
                                    "capability": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["capability", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "contracts": {
                            "items": {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "kind", "name", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["contracts", "surfaces", "capabilities", "resources"],
                    "type": "object",
                },
                "summary": {"type": "object"},
            },
            "required": [
                "deploymentId",
                "contractId",
                "contractDigest",
                "requestedNeeds",
                "providedSurfaces",
            ],
            "type": "object",
        },
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "accepted", "type": "string"},
                {"const": "rejected", "type": "string"},
                {"const": "expired", "type": "string"},
            ],
        },
        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
    },
    "required": [
        "planId",
        "deploymentId",
        "proposal",
        "desiredChange",
        "materializationPreview",
        "warnings",
        "createdAt",
        "classification",
        "acknowledgementRequired",
    ],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_NEEDS: dict[str, Any] = {
    "properties": {
        "capabilities": {
            "items": {
                "properties": {
                    "capability": {"minLength": 1, "type": "string"},
                    "required": {"type": "boolean"},
                },
                "required": ["capability", "required"],
                "type": "object",
            },
            "type": "array",
        },
        "contracts": {
            "items": {
                "properties": {
                    "contractId": {"minLength": 1, "type": "string"},
                    "required": {"type": "boolean"},
                },
                "required": ["contractId", "required"],
                "type": "object",
            },
            "type": "array",
        },
        "resources": {
            "items": {
                "properties": {
                    "alias": {"minLength": 1, "type": "string"},
                    "definition": {"type": "object"},
                    "kind": {
                        "anyOf": [
                            {"const": "kv", "type": "string"},
                            {"const": "store", "type": "string"},
                            {"const": "jobs", "type": "string"},
                            {"const": "event-consumer", "type": "string"},
                            {"const": "transfer", "type": "string"},
                        ],
                    },
                    "required": {"type": "boolean"},
                },
                "required": ["kind", "alias", "required"],
                "type": "object",
            },
            "type": "array",
        },
        "surfaces": {
            "items": {
                "properties": {
                    "action": {
                        "anyOf": [
                            {"const": "call", "type": "string"},
                            {"const": "publish", "type": "string"},
                            {"const": "subscribe", "type": "string"},
                            {"const": "observe", "type": "string"},
                            {"const": "cancel", "type": "string"},
                        ],
                    },
                    "contractId": {"minLength": 1, "type": "string"},
                    "kind": {
                        "anyOf": [
                            {"const": "rpc", "type": "string"},
                            {"const": "operation", "type": "string"},
                            {"const": "event", "type": "string"},
                            {"const": "feed", "type": "string"},
                        ],
                    },
                    "name": {"minLength": 1, "type": "string"},
                    "required": {"type": "boolean"},
                },
                "required": ["contractId", "kind", "name", "required"],
                "type": "object",
            },
            "type": "array",
        },
    },
    "required": ["contracts", "surfaces", "capabilities", "resources"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_PROPOSAL: dict[str, Any] = {
    "properties": {
        "contract": {"type": "object"},
        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
        "contractId": {"minLength": 1, "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "proposalId": {"minLength": 1, "type": "string"},
        "providedSurfaces": {
            "items": {
                "properties": {
                    "action": {
                        "anyOf": [
                            {"const": "call", "type": "string"},
                            {"const": "publish", "type": "string"},
                            {"const": "subscribe", "type": "string"},
                            {"const": "observe", "type": "string"},
                            {"const": "cancel", "type": "string"},
                        ],
                    },
                    "contractId": {"minLength": 1, "type": "string"},
                    "kind": {
                        "anyOf": [
                            {"const": "rpc", "type": "string"},
                            {"const": "operation", "type": "string"},
                            {"const": "event", "type": "string"},
                            {"const": "feed", "type": "string"},
                        ],
                    },
                    "name": {"minLength": 1, "type": "string"},
                },
                "required": ["contractId", "kind", "name"],
                "type": "object",
            },
            "type": "array",
        },
        "requestedNeeds": {
            "properties": {
                "capabilities": {
                    "items": {
                        "properties": {
                            "capability": {"minLength": 1, "type": "string"},
                            "required": {"type": "boolean"},
                        },
                        "required": ["capability", "required"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "contracts": {
                    "items": {
                        "properties": {
                            "contractId": {"minLength": 1, "type": "string"},
                            "required": {"type": "boolean"},
                        },
                        "required": ["contractId", "required"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "resources": {
                    "items": {
                        "properties": {
                            "alias": {"minLength": 1, "type": "string"},
                            "definition": {"type": "object"},
                            "kind": {
                                "anyOf": [
                                    {"const": "kv", "type": "string"},
                                    {"const": "store", "type": "string"},
                                    {"const": "jobs", "type": "string"},
                                    {"const": "event-consumer", "type": "string"},
                                    {"const": "transfer", "type": "string"},
                                ],
                            },
                            "required": {"type": "boolean"},
                        },
                        "required": ["kind", "alias", "required"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "surfaces": {
                    "items": {
                        "properties": {
                            "action": {
                                "anyOf": [
                                    {"const": "call", "type": "string"},
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                    {"const": "observe", "type": "string"},
                                    {"const": "cancel", "type": "string"},
                                ],
                            },
                            "contractId": {"minLength": 1, "type": "string"},
                            "kind": {
                                "anyOf": [
                                    {"const": "rpc", "type": "string"},
                                    {"const": "operation", "type": "string"},
                                    {"const": "event", "type": "string"},
                                    {"const": "feed", "type": "string"},
                                ],
                            },
                            "name": {"minLength": 1, "type": "string"},
                            "required": {"type": "boolean"},
                        },
                        "required": ["contractId", "kind", "name", "required"],
                        "type": "object",
                    },
                    "type": "array",
                },
            },
            "required": ["contracts", "surfaces", "capabilities", "resources"],
            "type": "object",
        },
        "summary": {"type": "object"},
    },
    "required": [
        "deploymentId",
        "contractId",
        "contractDigest",
        "requestedNeeds",
        "providedSurfaces",
    ],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_RECONCILIATION_STATUS: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredVersion": {"minLength": 1, "type": "string"},
        "finishedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "message": {"minLength": 1, "type": "string"},
        "startedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "state": {
            "anyOf": [
                {"const": "idle", "type": "string"},
                {"const": "running", "type": "string"},
                {"const": "succeeded", "type": "string"},
                {"const": "failed", "type": "string"},
            ],
        },
    },
    "required": ["deploymentId", "desiredVersion", "state", "startedAt", "finishedAt"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_RESOURCE: dict[str, Any] = {
    "properties": {
        "alias": {"minLength": 1, "type": "string"},
        "definition": {"type": "object"},
        "kind": {
            "anyOf": [
                {"const": "kv", "type": "string"},
                {"const": "store", "type": "string"},
                {"const": "jobs", "type": "string"},
                {"const": "event-consumer", "type": "string"},
                {"const": "transfer", "type": "string"},
            ],
        },
        "required": {"type": "boolean"},
    },
    "required": ["kind", "alias", "required"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_RESOURCE_NEED: dict[str, Any] = {
    "properties": {
        "alias": {"minLength": 1, "type": "string"},
        "definition": {"type": "object"},
        "kind": {
            "anyOf": [
                {"const": "kv", "type": "string"},
                {"const": "store", "type": "string"},
                {"const": "jobs", "type": "string"},
                {"const": "event-consumer", "type": "string"},
                {"const": "transfer", "type": "string"},
            ],
        },
        "required": {"type": "boolean"},
    },
    "required": ["kind", "alias", "required"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_SURFACE: dict[str, Any] = {
    "properties": {
        "action": {
            "anyOf": [
                {"const": "call", "type": "string"},
                {"const": "publish", "type": "string"},
                {"const": "subscribe", "type": "string"},
                {"const": "observe", "type": "string"},
                {"const": "cancel", "type": "string"},
            ],
        },
        "contractId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "rpc", "type": "string"},
                {"const": "operation", "type": "string"},
                {"const": "event", "type": "string"},
                {"const": "feed", "type": "string"},
            ],
        },
        "name": {"minLength": 1, "type": "string"},
    },
    "required": ["contractId", "kind", "name"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_SURFACE_NEED: dict[str, Any] = {
    "properties": {
        "action": {
            "anyOf": [
                {"const": "call", "type": "string"},
                {"const": "publish", "type": "string"},
                {"const": "subscribe", "type": "string"},
                {"const": "observe", "type": "string"},
                {"const": "cancel", "type": "string"},
            ],
        },
        "contractId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "rpc", "type": "string"},
                {"const": "operation", "type": "string"},
                {"const": "event", "type": "string"},
                {"const": "feed", "type": "string"},
            ],
        },
        "name": {"minLength": 1, "type": "string"},
        "required": {"type": "boolean"},
    },
    "required": ["contractId", "kind", "name", "required"],
    "type": "object",
}

DEPLOYMENT_AUTHORITY_UPDATE: dict[str, Any] = {
    "properties": {
        "classification": {"const": "update", "type": "string"},
        "createdAt": {"format": "date-time", "type": "string"},
        "decisionAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "decisionBy": {
            "anyOf": [{"patternProperties": {"^.*$": {}}, "type": "object"}, {"type": "null"}],
        },
        "decisionReason": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "deploymentId": {"minLength": 1, "type": "string"},
        "desiredChange": {"type": "object"},
        "expiresAt": {"format": "date-time", "type": "string"},
        "materializationPreview": {"type": "object"},
        "planId": {"minLength": 1, "type": "string"},
        "proposal": {
            "properties": {
                "contract": {"type": "object"},
                "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deploymentId": {"minLength": 1, "type": "string"},
                "proposalId": {"minLength": 1, "type": "string"},
                "providedSurfaces": {
                    "items": {
                        "properties": {
                            "action": {
                                "anyOf": [
                                    {"const": "call", "type": "string"},
                                    {"const": "publish", "type": "string"},
                                    {"const": "subscribe", "type": "string"},
                                    {"const": "observe", "type": "string"},
                                    {"const": "cancel", "type": "string"},
                                ],
                            },
                            "contractId": {"minLength": 1, "type": "string"},
                            "kind": {
                                "anyOf": [
                                    {"const": "rpc", "type": "string"},
                                    {"const": "operation", "type": "string"},
                                    {"const": "event", "type": "string"},
                                    {"const": "feed", "type": "string"},
                                ],
                            },
                            "name": {"minLength": 1, "type": "string"},
                        },
                        "required": ["contractId", "kind", "name"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "requestedNeeds": {
                    "properties": {
                        "capabilities": {
                            "items": {
                                "properties": {
                                    "capability": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["capability", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "contracts": {
                            "items": {
                                "properties": {
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "resources": {
                            "items": {
                                "properties": {
                                    "alias": {"minLength": 1, "type": "string"},
                                    "definition": {"type": "object"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "kv", "type": "string"},
                                            {"const": "store", "type": "string"},
                                            {"const": "jobs", "type": "string"},
                                            {"const": "event-consumer", "type": "string"},
                                            {"const": "transfer", "type": "string"},
                                        ],
                                    },
                                    "required": {"type": "boolean"},
                                },
                                "required": ["kind", "alias", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                        "surfaces": {
                            "items": {
                                "properties": {
                                    "action": {
                                        "anyOf": [
                                            {"const": "call", "type": "string"},
                                            {"const": "publish", "type": "string"},
                                            {"const": "subscribe", "type": "string"},
                                            {"const": "observe", "type": "string"},
                                            {"const": "cancel", "type": "string"},
                                        ],
                                    },
                                    "contractId": {"minLength": 1, "type": "string"},
                                    "kind": {
                                        "anyOf": [
                                            {"const": "rpc", "type": "string"},
                                            {"const": "operation", "type": "string"},
                                            {"const": "event", "type": "string"},
                                            {"const": "feed", "type": "string"},
                                        ],
                                    },
                                    "name": {"minLength": 1, "type": "string"},
                                    "required": {"type": "boolean"},
                                },
                                "required": ["contractId", "kind", "name", "required"],
                                "type": "object",
                            },
                            "type": "array",
                        },
                    },
                    "required": ["contracts", "surfaces", "capabilities", "resources"],
                    "type": "object",
                },
                "summary": {"type": "object"},
            },
            "required": [
                "deploymentId",
                "contractId",
                "contractDigest",
                "requestedNeeds",
                "providedSurfaces",
            ],
            "type": "object",
        },
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "accepted", "type": "string"},
                {"const": "rejected", "type": "string"},
                {"const": "expired", "type": "string"},
            ],
        },
        "warnings": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
    },
    "required": [
        "planId",
        "deploymentId",
        "proposal",
        "desiredChange",
        "materializationPreview",
        "warnings",
        "createdAt",
        "classification",
    ],
    "type": "object",
}

DEPLOYMENT_PORTAL_ROUTE: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "disabled": {"type": "boolean"},
        "entryUrl": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "portalId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "updatedAt": {"format": "date-time", "type": "string"},
    },
    "required": ["deploymentId", "portalId", "entryUrl", "disabled", "updatedAt"],
    "type": "object",
}

DEPLOYMENT_RESOURCE_BINDING: dict[str, Any] = {
    "properties": {
        "alias": {"minLength": 1, "type": "string"},
        "binding": {"patternProperties": {"^.*$": {}}, "type": "object"},
        "createdAt": {"format": "date-time", "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "kind": {
            "anyOf": [
                {"const": "kv", "type": "string"},
                {"const": "store", "type": "string"},
                {"const": "jobs", "type": "string"},
                {"const": "event-consumer", "type": "string"},
                {"const": "transfer", "type": "string"},
            ],
        },
        "limits": {
            "anyOf": [{"patternProperties": {"^.*$": {}}, "type": "object"}, {"type": "null"}],
        },
        "updatedAt": {"format": "date-time", "type": "string"},
    },
    "required": ["deploymentId", "kind", "alias", "binding", "limits", "createdAt", "updatedAt"],
    "type": "object",
}

DEVICE: dict[str, Any] = {
    "properties": {
        "activatedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "createdAt": {"format": "date-time", "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "metadata": {
            "patternProperties": {"^.*$": {"minLength": 1, "type": "string"}},
            "type": "object",
        },
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "revokedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "state": {
            "anyOf": [
                {"const": "registered", "type": "string"},
                {"const": "activated", "type": "string"},
                {"const": "revoked", "type": "string"},
                {"const": "disabled", "type": "string"},
            ],
        },
    },
    "required": [
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "state",
        "createdAt",
        "activatedAt",
        "revokedAt",
    ],
    "type": "object",
}

DEVICE_ACTIVATION_RECORD: dict[str, Any] = {
    "properties": {
        "activatedAt": {"format": "date-time", "type": "string"},
        "activatedBy": {
            "properties": {
                "identity": {
                    "properties": {
                        "identityId": {"minLength": 1, "type": "string"},
                        "provider": {"minLength": 1, "type": "string"},
                        "subject": {"minLength": 1, "type": "string"},
                    },
                    "required": ["identityId", "provider", "subject"],
                    "type": "object",
                },
                "participantKind": {
                    "anyOf": [
                        {"const": "app", "type": "string"},
                        {"const": "agent", "type": "string"},
                    ],
                },
                "userId": {"minLength": 1, "type": "string"},
            },
            "required": ["participantKind", "userId", "identity"],
            "type": "object",
        },
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "revokedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "state": {
            "anyOf": [
                {"const": "activated", "type": "string"},
                {"const": "revoked", "type": "string"},
            ],
        },
    },
    "required": [
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "state",
        "activatedAt",
        "revokedAt",
    ],
    "type": "object",
}

DEVICE_ACTIVATION_REVIEW: dict[str, Any] = {
    "properties": {
        "decidedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "publicIdentityKey": {"minLength": 1, "type": "string"},
        "reason": {"minLength": 1, "type": "string"},
        "requestedAt": {"format": "date-time", "type": "string"},
        "reviewId": {"minLength": 1, "type": "string"},
        "state": {
            "anyOf": [
                {"const": "pending", "type": "string"},
                {"const": "approved", "type": "string"},
                {"const": "rejected", "type": "string"},
            ],
        },
    },
    "required": [
        "reviewId",
        "instanceId",
        "publicIdentityKey",
        "deploymentId",
        "state",
        "requestedAt",
        "decidedAt",
    ],
    "type": "object",
}

DEVICE_CONNECT_INFO: dict[str, Any] = {
    "properties": {
        "auth": {
            "properties": {
                "authority": {
                    "anyOf": [
                        {"const": "admin_reviewed", "type": "string"},
                        {"const": "user_delegated", "type": "string"},
                    ],
                },
                "iatSkewSeconds": {"type": "number"},
                "mode": {"const": "device_identity", "type": "string"},
            },
            "required": ["mode", "authority", "iatSkewSeconds"],
            "type": "object",
        },
        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
        "contractId": {"minLength": 1, "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "instanceId": {"minLength": 1, "type": "string"},
        "transport": {
            "properties": {
                "sentinel": {
                    "properties": {"jwt": {"type": "string"}, "seed": {"type": "string"}},
                    "required": ["jwt", "seed"],
                    "type": "object",
                },
            },
            "required": ["sentinel"],
            "type": "object",
        },
        "transports": {
            "properties": {
                "native": {
                    "properties": {
                        "natsServers": {
                            "items": {"minLength": 1, "type": "string"},
                            "minItems": 1,
                            "type": "array",
                        },
                    },
                    "required": ["natsServers"],
                    "type": "object",
                },
                "websocket": {
                    "properties": {
                        "natsServers": {
                            "items": {"minLength": 1, "type": "string"},
                            "minItems": 1,
                            "type": "array",
                        },
                    },
                    "required": ["natsServers"],
                    "type": "object",
                },
            },
            "type": "object",
        },
    },
    "required": [
        "instanceId",
        "deploymentId",
        "contractId",
        "contractDigest",
        "transports",
        "transport",
        "auth",
    ],
    "type": "object",
}

DEVICE_DEPLOYMENT: dict[str, Any] = {
    "properties": {
        "deploymentId": {"minLength": 1, "type": "string"},
        "disabled": {"type": "boolean"},
        "reviewMode": {
            "anyOf": [{"const": "none", "type": "string"}, {"const": "required", "type": "string"}],
        },
    },
    "required": ["deploymentId", "disabled"],
    "type": "object",
}

HEALTH_REQUEST: dict[str, Any] = {"properties": {}, "type": "object"}

HEALTH_RESPONSE: dict[str, Any] = {
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
        "service": {"type": "string"},
        "status": {
            "anyOf": [
                {"const": "healthy", "type": "string"},
                {"const": "unhealthy", "type": "string"},
                {"const": "degraded", "type": "string"},
            ],
        },
        "timestamp": {"format": "date-time", "type": "string"},
    },
    "required": ["status", "service", "timestamp", "checks"],
    "type": "object",
}

IMPLEMENTATION_OFFER: dict[str, Any] = {
    "properties": {
        "acceptedAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
        "contractId": {"minLength": 1, "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "deploymentKind": {
            "anyOf": [
                {"const": "service", "type": "string"},
                {"const": "device", "type": "string"},
            ],
        },
        "expiresAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "firstOfferedAt": {"format": "date-time", "type": "string"},
        "instanceId": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "lastRefreshedAt": {"format": "date-time", "type": "string"},
        "lineageKey": {"minLength": 1, "type": "string"},
        "liveness": {
            "anyOf": [
                {"const": "unknown", "type": "string"},
                {"const": "healthy", "type": "string"},
                {"const": "unhealthy", "type": "string"},
                {"const": "disconnected", "type": "string"},
            ],
        },
        "offerId": {"minLength": 1, "type": "string"},
        "staleAt": {"anyOf": [{"format": "date-time", "type": "string"}, {"type": "null"}]},
        "status": {
            "anyOf": [
                {"const": "offered", "type": "string"},
                {"const": "accepted", "type": "string"},
                {"const": "stale", "type": "string"},
                {"const": "expired", "type": "string"},
                {"const": "withdrawn", "type": "string"},
            ],
        },
    },
    "required": [
        "offerId",
        "deploymentKind",
        "deploymentId",
        "instanceId",
        "contractId",
        "contractDigest",
        "lineageKey",
        "status",
        "liveness",
        "firstOfferedAt",
        "acceptedAt",
        "lastRefreshedAt",
        "staleAt",
        "expiresAt",
    ],
    "type": "object",
}

PORTAL_FLOW_STATE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "app": {
                    "properties": {
                        "context": {"type": "object"},
                        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                        "contractId": {"minLength": 1, "type": "string"},
                        "description": {"minLength": 1, "type": "string"},
                        "displayName": {"minLength": 1, "type": "string"},
                    },
                    "required": ["contractId", "contractDigest", "displayName", "description"],
                    "type": "object",
                },
                "flowId": {"minLength": 1, "type": "string"},
                "portal": {
                    "properties": {
                        "builtIn": {"type": "boolean"},
                        "createdAt": {"format": "date-time", "type": "string"},
                        "disabled": {"type": "boolean"},
                        "displayName": {"minLength": 1, "type": "string"},
                        "entryUrl": {
                            "anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}],
                        },
                        "portalId": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                    },
                    "required": [
                        "portalId",
                        "displayName",
                        "entryUrl",
                        "builtIn",
                        "disabled",
                        "createdAt",
                        "updatedAt",
                    ],
                    "type": "object",
                },
                "providers": {
                    "items": {
                        "properties": {
                            "displayName": {"minLength": 1, "type": "string"},
                            "id": {"minLength": 1, "type": "string"},
                        },
                        "required": ["id", "displayName"],
                        "type": "object",
                    },
                    "type": "array",
                },
                "registration": {
                    "properties": {
                        "federatedIdentity": {
                            "properties": {
                                "available": {"type": "boolean"},
                                "providers": {
                                    "items": {
                                        "properties": {
                                            "displayName": {"minLength": 1, "type": "string"},
                                            "id": {"minLength": 1, "type": "string"},
                                        },
                                        "required": ["id", "displayName"],
                                        "type": "object",
                                    },
                                    "type": "array",
                                },
                            },
                            "required": ["available", "providers"],
                            "type": "object",
                        },
                        "localIdentity": {
                            "properties": {"available": {"type": "boolean"}},
                            "required": ["available"],
                            "type": "object",
                        },
                    },
                    "required": ["localIdentity", "federatedIdentity"],
                    "type": "object",
                },
                "status": {"const": "choose_provider", "type": "string"},
            },
            "required": ["status", "flowId", "providers", "app"],
            "type": "object",
        },
        {
            "properties": {
                "approval": {
                    "properties": {
                        "capabilities": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "consequence": {"type": "string"},
                                        "description": {"type": "string"},
                                        "displayName": {"type": "string"},
                                    },
                                    "required": ["displayName", "description"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                        "contractId": {"minLength": 1, "type": "string"},
                        "description": {"minLength": 1, "type": "string"},
                        "displayName": {"minLength": 1, "type": "string"},
                    },
                    "required": [
                        "contractDigest",
                        "contractId",
                        "displayName",
                        "description",
                        "capabilities",
                    ],
                    "type": "object",
                },
                "flowId": {"minLength": 1, "type": "string"},
                "status": {"const": "approval_required", "type": "string"},
                "user": {
                    "properties": {
                        "email": {"minLength": 1, "type": "string"},
                        "id": {"minLength": 1, "type": "string"},
                        "image": {"minLength": 1, "type": "string"},
                        "name": {"minLength": 1, "type": "string"},
                        "origin": {"minLength": 1, "type": "string"},
                    },
                    "required": ["origin", "id"],
                    "type": "object",
                },
            },
            "required": ["status", "flowId", "user", "approval"],
            "type": "object",
        },
        {
            "properties": {
                "approval": {
                    "properties": {
                        "capabilities": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "consequence": {"type": "string"},
                                        "description": {"type": "string"},
                                        "displayName": {"type": "string"},
                                    },
                                    "required": ["displayName", "description"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                        "contractId": {"minLength": 1, "type": "string"},
                        "description": {"minLength": 1, "type": "string"},
                        "displayName": {"minLength": 1, "type": "string"},
                    },
                    "required": [
                        "contractDigest",
                        "contractId",
                        "displayName",
                        "description",
                        "capabilities",
                    ],
                    "type": "object",
                },
                "flowId": {"minLength": 1, "type": "string"},
                "returnLocation": {"minLength": 1, "type": "string"},
                "status": {"const": "approval_denied", "type": "string"},
            },
            "required": ["status", "flowId", "approval"],
            "type": "object",
        },
        {
            "properties": {
                "approval": {
                    "properties": {
                        "capabilities": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "consequence": {"type": "string"},
                                        "description": {"type": "string"},
                                        "displayName": {"type": "string"},
                                    },
                                    "required": ["displayName", "description"],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "contractDigest": {"pattern": "^[A-Za-z0-9_-]+$", "type": "string"},
                        "contractId": {"minLength": 1, "type": "string"},
                        "description": {"minLength": 1, "type": "string"},
                        "displayName": {"minLength": 1, "type": "string"},
                    },
                    "required": [
                        "contractDigest",
                        "contractId",
                        "displayName",
                        "description",
                        "capabilities",
                    ],
                    "type": "object",
                },
                "flowId": {"minLength": 1, "type": "string"},
                "missingCapabilities": {"items": {"type": "string"}, "type": "array"},
                "returnLocation": {"minLength": 1, "type": "string"},
                "status": {"const": "insufficient_capabilities", "type": "string"},
                "user": {
                    "properties": {
                        "id": {"minLength": 1, "type": "string"},
                        "name": {"minLength": 1, "type": "string"},
                        "origin": {"minLength": 1, "type": "string"},
                    },
                    "required": ["origin", "id"],
                    "type": "object",
                },
                "userCapabilities": {"items": {"type": "string"}, "type": "array"},
            },
            "required": ["status", "flowId", "approval", "missingCapabilities", "userCapabilities"],
            "type": "object",
        },
        {
            "properties": {
                "location": {"minLength": 1, "type": "string"},
                "status": {"const": "redirect", "type": "string"},
            },
            "required": ["status", "location"],
            "type": "object",
        },
        {
            "properties": {
                "returnLocation": {"minLength": 1, "type": "string"},
                "status": {"const": "expired", "type": "string"},
            },
            "required": ["status"],
            "type": "object",
        },
    ],
}

SERVICE_DEPLOYMENT: dict[str, Any] = {
    "properties": {
        "contractCompatibilityMode": {
            "anyOf": [
                {"const": "strict", "type": "string"},
                {"const": "mutable-dev", "type": "string"},
            ],
        },
        "deploymentId": {"minLength": 1, "type": "string"},
        "disabled": {"type": "boolean"},
        "namespaces": {"items": {"minLength": 1, "type": "string"}, "type": "array"},
    },
    "required": ["deploymentId", "namespaces", "disabled"],
    "type": "object",
}

SERVICE_INSTANCE: dict[str, Any] = {
    "properties": {
        "capabilities": {"items": {"type": "string"}, "type": "array"},
        "createdAt": {"format": "date-time", "type": "string"},
        "deploymentId": {"minLength": 1, "type": "string"},
        "disabled": {"type": "boolean"},
        "instanceId": {"minLength": 1, "type": "string"},
        "instanceKey": {"minLength": 1, "type": "string"},
        "resourceBindings": {
            "properties": {
                "eventConsumers": {
                    "patternProperties": {
                        "^.*$": {
                            "properties": {
                                "ackWaitMs": {"minimum": 1, "type": "integer"},
                                "backoffMs": {
                                    "items": {"minimum": 0, "type": "integer"},
                                    "type": "array",
                                },
                                "concurrency": {"minimum": 1, "type": "integer"},
                                "consumerName": {"minLength": 1, "type": "string"},
                                "filterSubjects": {
                                    "items": {"minLength": 1, "type": "string"},
                                    "type": "array",
                                },
                                "maxDeliver": {"minimum": 1, "type": "integer"},
                                "ordering": {"const": "strict", "type": "string"},
                                "replay": {
                                    "anyOf": [
                                        {"const": "new", "type": "string"},
                                        {"const": "all", "type": "string"},
                                    ],
                                },
                                "stream": {"minLength": 1, "type": "string"},
                            },
                            "required": [
                                "stream",
                                "consumerName",
                                "filterSubjects",
                                "replay",
                                "ordering",
                                "concurrency",
                                "ackWaitMs",
                                "maxDeliver",
                                "backoffMs",
                            ],
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
                "jobs": {
                    "properties": {
                        "namespace": {"minLength": 1, "type": "string"},
                        "queues": {
                            "patternProperties": {
                                "^.*$": {
                                    "properties": {
                                        "ackWaitMs": {"minimum": 1, "type": "integer"},
                                        "backoffMs": {
                                            "items": {"minimum": 0, "type": "integer"},
                                            "type": "array",
                                        },
                                        "concurrency": {"minimum": 1, "type": "integer"},
                                        "consumerName": {"minLength": 1, "type": "string"},
                                        "defaultDeadlineMs": {"minimum": 1, "type": "integer"},
                                        "dlq": {"type": "boolean"},
                                        "logs": {"type": "boolean"},
                                        "maxDeliver": {"minimum": 1, "type": "integer"},
                                        "payload": {
                                            "properties": {
                                                "schema": {"minLength": 1, "type": "string"},
                                            },
                                            "required": ["schema"],
                                            "type": "object",
                                        },
                                        "progress": {"type": "boolean"},
                                        "publishPrefix": {"minLength": 1, "type": "string"},
                                        "queueType": {"minLength": 1, "type": "string"},
                                        "result": {
                                            "properties": {
                                                "schema": {"minLength": 1, "type": "string"},
                                            },
                                            "required": ["schema"],
                                            "type": "object",
                                        },
                                        "workSubject": {"minLength": 1, "type": "string"},
                                    },
                                    "required": [
                                        "queueType",
                                        "publishPrefix",
                                        "workSubject",
                                        "consumerName",
                                        "payload",
                                        "maxDeliver",
                                        "backoffMs",
                                        "ackWaitMs",
                                        "progress",
                                        "logs",
                                        "dlq",
                                        "concurrency",
                                    ],
                                    "type": "object",
                                },
                            },
                            "type": "object",
                        },
                        "workStream": {"minLength": 1, "type": "string"},
                    },
                    "required": ["namespace", "queues"],
                    "type": "object",
                },
                "kv": {
                    "patternProperties": {
                        "^.*$": {
                            "properties": {
                                "bucket": {"minLength": 1, "type": "string"},
                                "history": {"minimum": 1, "type": "integer"},
                                "maxValueBytes": {"minimum": 1, "type": "integer"},
                                "ttlMs": {"minimum": 0, "type": "integer"},
                            },
                            "required": ["bucket", "history", "ttlMs"],
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
                "store": {
                    "patternProperties": {
                        "^.*$": {
                            "properties": {
                                "maxObjectBytes": {"minimum": 1, "type": "integer"},
                                "maxTotalBytes": {"minimum": 1, "type": "integer"},
                                "name": {"minLength": 1, "type": "string"},
                                "ttlMs": {"minimum": 0, "type": "integer"},
                            },
                            "required": ["name", "ttlMs"],
                            "type": "object",
                        },
                    },
                    "type": "object",
                },
            },
            "type": "object",
        },
    },
    "required": [
        "instanceId",
        "deploymentId",
        "instanceKey",
        "disabled",
        "capabilities",
        "createdAt",
    ],
    "type": "object",
}

CONTRACT = define_service_contract(
    id="trellis.auth@v1",
    display_name="Trellis platform: auth",
    description="Users, devices, sessions, deployments and request authorization of a deployment.",
    capabilities={
        "device.review": Capability(
            display_name="Review device activation",
            description="Review and decide pending device activation requests.",
        ),
        "events.auth": Capability(
            display_name="Observe auth events",
            description="Publish or subscribe to Trellis auth lifecycle events.",
        ),
    },
    schemas={
        "AuthCapabilitiesListRequest": AUTH_CAPABILITIES_LIST_REQUEST,
        "AuthCapabilitiesListResponse": AUTH_CAPABILITIES_LIST_RESPONSE,
        "AuthCapabilityGroupsDeleteRequest": AUTH_CAPABILITY_GROUPS_DELETE_REQUEST,
        "AuthCapabilityGroupsDeleteResponse": AUTH_CAPABILITY_GROUPS_DELETE_RESPONSE,
        "AuthCapabilityGroupsGetRequest": AUTH_CAPABILITY_GROUPS_GET_REQUEST,
        "AuthCapabilityGroupsGetResponse": AUTH_CAPABILITY_GROUPS_GET_RESPONSE,
        "AuthCapabilityGroupsListRequest": AUTH_CAPABILITY_GROUPS_LIST_REQUEST,
        "AuthCapabilityGroupsListResponse": AUTH_CAPABILITY_GROUPS_LIST_RESPONSE,
        "AuthCapabilityGroupsPutRequest": AUTH_CAPABILITY_GROUPS_PUT_REQUEST,
        "AuthCapabilityGroupsPutResponse": AUTH_CAPABILITY_GROUPS_PUT_RESPONSE,
        "AuthCatalogIssuesResolveRequest": AUTH_CATALOG_ISSUES_RESOLVE_REQUEST,
        "AuthCatalogIssuesResolveResponse": AUTH_CATALOG_ISSUES_RESOLVE_RESPONSE,
        "AuthConnectionsClosedEvent": AUTH_CONNECTIONS_CLOSED_EVENT,
        "AuthConnectionsKickRequest": AUTH_CONNECTIONS_KICK_REQUEST,
        "AuthConnectionsKickResponse": AUTH_CONNECTIONS_KICK_RESPONSE,
        "AuthConnectionsKickedEvent": AUTH_CONNECTIONS_KICKED_EVENT,
        "AuthConnectionsListRequest": AUTH_CONNECTIONS_LIST_REQUEST,
        "AuthConnectionsListResponse": AUTH_CONNECTIONS_LIST_RESPONSE,
        "AuthConnectionsOpenedEvent": AUTH_CONNECTIONS_OPENED_EVENT,
        "AuthDeployment": AUTH_DEPLOYMENT,
        "AuthDeploymentAuthorityAcceptMigrationRequest": (
            AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION_REQUEST
        ),
        "AuthDeploymentAuthorityAcceptResponse": AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_RESPONSE,
        "AuthDeploymentAuthorityAcceptUpdateRequest": (
            AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE_REQUEST
        ),
        "AuthDeploymentAuthorityGetRequest": AUTH_DEPLOYMENT_AUTHORITY_GET_REQUEST,
        "AuthDeploymentAuthorityGetResponse": AUTH_DEPLOYMENT_AUTHORITY_GET_RESPONSE,
        "AuthDeploymentAuthorityGrantOverridesListRequest": (
            AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_REQUEST
        ),
        "AuthDeploymentAuthorityGrantOverridesListResponse": (
            AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_RESPONSE
        ),
        "AuthDeploymentAuthorityGrantOverridesPutRequest": (
            AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT_REQUEST
        ),
        "AuthDeploymentAuthorityGrantOverridesRemoveRequest": (
            AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE_REQUEST
        ),
        "AuthDeploymentAuthorityGrantOverridesResponse": (
            AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_RESPONSE
        ),
        "AuthDeploymentAuthorityListRequest": AUTH_DEPLOYMENT_AUTHORITY_LIST_REQUEST,
        "AuthDeploymentAuthorityListResponse": AUTH_DEPLOYMENT_AUTHORITY_LIST_RESPONSE,
        "AuthDeploymentAuthorityPlanRequest": AUTH_DEPLOYMENT_AUTHORITY_PLAN_REQUEST,
        "AuthDeploymentAuthorityPlanResponse": AUTH_DEPLOYMENT_AUTHORITY_PLAN_RESPONSE,
        "AuthDeploymentAuthorityPlansGetRequest": AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_REQUEST,
        "AuthDeploymentAuthorityPlansGetResponse": AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_RESPONSE,
        "AuthDeploymentAuthorityPlansListRequest": AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_REQUEST,
        "AuthDeploymentAuthorityPlansListResponse": AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_RESPONSE,
        "AuthDeploymentAuthorityReconcileRequest": AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_REQUEST,
        "AuthDeploymentAuthorityReconcileResponse": AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_RESPONSE,
        "AuthDeploymentAuthorityRejectRequest": AUTH_DEPLOYMENT_AUTHORITY_REJECT_REQUEST,
        "AuthDeploymentAuthorityRejectResponse": AUTH_DEPLOYMENT_AUTHORITY_REJECT_RESPONSE,
        "AuthDeploymentsCreateRequest": AUTH_DEPLOYMENTS_CREATE_REQUEST,
        "AuthDeploymentsCreateResponse": AUTH_DEPLOYMENTS_CREATE_RESPONSE,
        "AuthDeploymentsDisableRequest": AUTH_DEPLOYMENTS_DISABLE_REQUEST,
        "AuthDeploymentsDisableResponse": AUTH_DEPLOYMENTS_DISABLE_RESPONSE,
        "AuthDeploymentsEnableRequest": AUTH_DEPLOYMENTS_ENABLE_REQUEST,
        "AuthDeploymentsEnableResponse": AUTH_DEPLOYMENTS_ENABLE_RESPONSE,
        "AuthDeploymentsListRequest": AUTH_DEPLOYMENTS_LIST_REQUEST,
        "AuthDeploymentsListResponse": AUTH_DEPLOYMENTS_LIST_RESPONSE,
        "AuthDeploymentsRemoveRequest": AUTH_DEPLOYMENTS_REMOVE_REQUEST,
        "AuthDeploymentsRemoveResponse": AUTH_DEPLOYMENTS_REMOVE_RESPONSE,
        "AuthDeviceUserAuthoritiesApprovedEvent": AUTH_DEVICE_USER_AUTHORITIES_APPROVED_EVENT,
        "AuthDeviceUserAuthoritiesListRequest": AUTH_DEVICE_USER_AUTHORITIES_LIST_REQUEST,
        "AuthDeviceUserAuthoritiesListResponse": AUTH_DEVICE_USER_AUTHORITIES_LIST_RESPONSE,
        "AuthDeviceUserAuthoritiesRequestedEvent": AUTH_DEVICE_USER_AUTHORITIES_REQUESTED_EVENT,
        "AuthDeviceUserAuthoritiesResolvedEvent": AUTH_DEVICE_USER_AUTHORITIES_RESOLVED_EVENT,
        "AuthDeviceUserAuthoritiesReviewRequestedEvent": (
            AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED_EVENT
        ),
        "AuthDeviceUserAuthoritiesReviewsDecideRequest": (
            AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_REQUEST
        ),
        "AuthDeviceUserAuthoritiesReviewsDecideResponse": (
            AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_RESPONSE
        ),
        "AuthDeviceUserAuthoritiesReviewsListRequest": (
            AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_REQUEST
        ),
        "AuthDeviceUserAuthoritiesReviewsListResponse": (
            AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_RESPONSE
        ),
        "AuthDeviceUserAuthoritiesRevokeRequest": AUTH_DEVICE_USER_AUTHORITIES_REVOKE_REQUEST,
        "AuthDeviceUserAuthoritiesRevokeResponse": AUTH_DEVICE_USER_AUTHORITIES_REVOKE_RESPONSE,
        "AuthDevicesConnectInfoGetRequest": AUTH_DEVICES_CONNECT_INFO_GET_REQUEST,
        "AuthDevicesConnectInfoGetResponse": AUTH_DEVICES_CONNECT_INFO_GET_RESPONSE,
        "AuthDevicesDisableRequest": AUTH_DEVICES_DISABLE_REQUEST,
        "AuthDevicesDisableResponse": AUTH_DEVICES_DISABLE_RESPONSE,
        "AuthDevicesEnableRequest": AUTH_DEVICES_ENABLE_REQUEST,
        "AuthDevicesEnableResponse": AUTH_DEVICES_ENABLE_RESPONSE,
        "AuthDevicesListRequest": AUTH_DEVICES_LIST_REQUEST,
        "AuthDevicesListResponse": AUTH_DEVICES_LIST_RESPONSE,
        "AuthDevicesProvisionRequest": AUTH_DEVICES_PROVISION_REQUEST,
        "AuthDevicesProvisionResponse": AUTH_DEVICES_PROVISION_RESPONSE,
        "AuthDevicesRemoveRequest": AUTH_DEVICES_REMOVE_REQUEST,
        "AuthDevicesRemoveResponse": AUTH_DEVICES_REMOVE_RESPONSE,
        "AuthIdentitiesListRequest": AUTH_IDENTITIES_LIST_REQUEST,
        "AuthIdentitiesListResponse": AUTH_IDENTITIES_LIST_RESPONSE,
        "AuthIdentityGrantsListRequest": AUTH_IDENTITY_GRANTS_LIST_REQUEST,
        "AuthIdentityGrantsListResponse": AUTH_IDENTITY_GRANTS_LIST_RESPONSE,
        "AuthIdentityGrantsRevokeRequest": AUTH_IDENTITY_GRANTS_REVOKE_REQUEST,
        "AuthIdentityGrantsRevokeResponse": AUTH_IDENTITY_GRANTS_REVOKE_RESPONSE,
        "AuthPortalsGetRequest": AUTH_PORTALS_GET_REQUEST,
        "AuthPortalsGetResponse": AUTH_PORTALS_GET_RESPONSE,
        "AuthPortalsListRequest": AUTH_PORTALS_LIST_REQUEST,
        "AuthPortalsListResponse": AUTH_PORTALS_LIST_RESPONSE,
        "AuthPortalsLoginSettingsGetRequest": AUTH_PORTALS_LOGIN_SETTINGS_GET_REQUEST,
        "AuthPortalsLoginSettingsResponse": AUTH_PORTALS_LOGIN_SETTINGS_RESPONSE,
        "AuthPortalsLoginSettingsUpdateRequest": AUTH_PORTALS_LOGIN_SETTINGS_UPDATE_REQUEST,
        "AuthPortalsPutRequest": AUTH_PORTALS_PUT_REQUEST,
        "AuthPortalsPutResponse": AUTH_PORTALS_PUT_RESPONSE,
        "AuthPortalsRemoveRequest": AUTH_PORTALS_REMOVE_REQUEST,
        "AuthPortalsRemoveResponse": AUTH_PORTALS_REMOVE_RESPONSE,
        "AuthPortalsRoutesPutRequest": AUTH_PORTALS_ROUTES_PUT_REQUEST,
        "AuthPortalsRoutesPutResponse": AUTH_PORTALS_ROUTES_PUT_RESPONSE,
        "AuthPortalsRoutesRemoveRequest": AUTH_PORTALS_ROUTES_REMOVE_REQUEST,
        "AuthPortalsRoutesRemoveResponse": AUTH_PORTALS_ROUTES_REMOVE_RESPONSE,
        "AuthRequestsValidateRequest": AUTH_REQUESTS_VALIDATE_REQUEST,
        "AuthRequestsValidateResponse": AUTH_REQUESTS_VALIDATE_RESPONSE,
        "AuthResolveDeviceUserAuthoritiesProgress": AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_PROGRESS,
        "AuthResolveDeviceUserAuthoritiesRequest": AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_REQUEST,
        "AuthResolveDeviceUserAuthoritiesResponse": AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_RESPONSE,
        "AuthServiceInstancesDisableRequest": AUTH_SERVICE_INSTANCES_DISABLE_REQUEST,
        "AuthServiceInstancesDisableResponse": AUTH_SERVICE_INSTANCES_DISABLE_RESPONSE,
        "AuthServiceInstancesEnableRequest": AUTH_SERVICE_INSTANCES_ENABLE_REQUEST,
        "AuthServiceInstancesEnableResponse": AUTH_SERVICE_INSTANCES_ENABLE_RESPONSE,
        "AuthServiceInstancesListRequest": AUTH_SERVICE_INSTANCES_LIST_REQUEST,
        "AuthServiceInstancesListResponse": AUTH_SERVICE_INSTANCES_LIST_RESPONSE,
        "AuthServiceInstancesProvisionRequest": AUTH_SERVICE_INSTANCES_PROVISION_REQUEST,
        "AuthServiceInstancesProvisionResponse": AUTH_SERVICE_INSTANCES_PROVISION_RESPONSE,
        "AuthServiceInstancesRemoveRequest": AUTH_SERVICE_INSTANCES_REMOVE_REQUEST,
        "AuthServiceInstancesRemoveResponse": AUTH_SERVICE_INSTANCES_REMOVE_RESPONSE,
        "AuthSessionsListRequest": AUTH_SESSIONS_LIST_REQUEST,
        "AuthSessionsListResponse": AUTH_SESSIONS_LIST_RESPONSE,
        "AuthSessionsLogoutRequest": AUTH_SESSIONS_LOGOUT_REQUEST,
        "AuthSessionsLogoutResponse": AUTH_SESSIONS_LOGOUT_RESPONSE,
        "AuthSessionsMeRequest": AUTH_SESSIONS_ME_REQUEST,
        "AuthSessionsMeResponse": AUTH_SESSIONS_ME_RESPONSE,
        "AuthSessionsRevokeRequest": AUTH_SESSIONS_REVOKE_REQUEST,
        "AuthSessionsRevokeResponse": AUTH_SESSIONS_REVOKE_RESPONSE,
        "AuthSessionsRevokedEvent": AUTH_SESSIONS_REVOKED_EVENT,
        "AuthUserIdentitiesListRequest": AUTH_USER_IDENTITIES_LIST_REQUEST,
        "AuthUserIdentitiesListResponse": AUTH_USER_IDENTITIES_LIST_RESPONSE,
        "AuthUserIdentitiesUnlinkRequest": AUTH_USER_IDENTITIES_UNLINK_REQUEST,
        "AuthUserIdentitiesUnlinkResponse": AUTH_USER_IDENTITIES_UNLINK_RESPONSE,
        "AuthUsersAccountFlowCreateResponse": AUTH_USERS_ACCOUNT_FLOW_CREATE_RESPONSE,
        "AuthUsersCreateRequest": AUTH_USERS_CREATE_REQUEST,
        "AuthUsersCreateResponse": AUTH_USERS_CREATE_RESPONSE,
        "AuthUsersGetRequest": AUTH_USERS_GET_REQUEST,
        "AuthUsersGetResponse": AUTH_USERS_GET_RESPONSE,
        "AuthUsersIdentityLinkCreateRequest": AUTH_USERS_IDENTITY_LINK_CREATE_REQUEST,
        "AuthUsersListRequest": AUTH_USERS_LIST_REQUEST,
        "AuthUsersListResponse": AUTH_USERS_LIST_RESPONSE,
        "AuthUsersPasswordChangeRequest": AUTH_USERS_PASSWORD_CHANGE_REQUEST,
        "AuthUsersPasswordChangeResponse": AUTH_USERS_PASSWORD_CHANGE_RESPONSE,
        "AuthUsersPasswordResetCreateRequest": AUTH_USERS_PASSWORD_RESET_CREATE_REQUEST,
        "AuthUsersUpdateRequest": AUTH_USERS_UPDATE_REQUEST,
        "AuthUsersUpdateResponse": AUTH_USERS_UPDATE_RESPONSE,
        "DeploymentAuthority": DEPLOYMENT_AUTHORITY,
        "DeploymentAuthorityCapabilityNeed": DEPLOYMENT_AUTHORITY_CAPABILITY_NEED,
        "DeploymentAuthorityContractNeed": DEPLOYMENT_AUTHORITY_CONTRACT_NEED,
        "DeploymentAuthorityGrantOverride": DEPLOYMENT_AUTHORITY_GRANT_OVERRIDE,
        "DeploymentAuthorityMaterialization": DEPLOYMENT_AUTHORITY_MATERIALIZATION,
        "DeploymentAuthorityMigration": DEPLOYMENT_AUTHORITY_MIGRATION,
        "DeploymentAuthorityNeeds": DEPLOYMENT_AUTHORITY_NEEDS,
        "DeploymentAuthorityProposal": DEPLOYMENT_AUTHORITY_PROPOSAL,
        "DeploymentAuthorityReconciliationStatus": DEPLOYMENT_AUTHORITY_RECONCILIATION_STATUS,
        "DeploymentAuthorityResource": DEPLOYMENT_AUTHORITY_RESOURCE,
        "DeploymentAuthorityResourceNeed": DEPLOYMENT_AUTHORITY_RESOURCE_NEED,
        "DeploymentAuthoritySurface": DEPLOYMENT_AUTHORITY_SURFACE,
        "DeploymentAuthoritySurfaceNeed": DEPLOYMENT_AUTHORITY_SURFACE_NEED,
        "DeploymentAuthorityUpdate": DEPLOYMENT_AUTHORITY_UPDATE,
        "DeploymentPortalRoute": DEPLOYMENT_PORTAL_ROUTE,
        "DeploymentResourceBinding": DEPLOYMENT_RESOURCE_BINDING,
        "Device": DEVICE,
        "DeviceActivationRecord": DEVICE_ACTIVATION_RECORD,
        "DeviceActivationReview": DEVICE_ACTIVATION_REVIEW,
        "DeviceConnectInfo": DEVICE_CONNECT_INFO,
        "DeviceDeployment": DEVICE_DEPLOYMENT,
        "HealthRequest": HEALTH_REQUEST,
        "HealthResponse": HEALTH_RESPONSE,
        "ImplementationOffer": IMPLEMENTATION_OFFER,
        "PortalFlowState": PORTAL_FLOW_STATE,
        "ServiceDeployment": SERVICE_DEPLOYMENT,
        "ServiceInstance": SERVICE_INSTANCE,
    },
    rpc={
        "Auth.Capabilities.List": Rpc(
            input=AUTH_CAPABILITIES_LIST_REQUEST,
            output=AUTH_CAPABILITIES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.CapabilityGroups.Delete": Rpc(
            input=AUTH_CAPABILITY_GROUPS_DELETE_REQUEST,
            output=AUTH_CAPABILITY_GROUPS_DELETE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.CapabilityGroups.Get": Rpc(
            input=AUTH_CAPABILITY_GROUPS_GET_REQUEST,
            output=AUTH_CAPABILITY_GROUPS_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.CapabilityGroups.List": Rpc(
            input=AUTH_CAPABILITY_GROUPS_LIST_REQUEST,
            output=AUTH_CAPABILITY_GROUPS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.CapabilityGroups.Put": Rpc(
            input=AUTH_CAPABILITY_GROUPS_PUT_REQUEST,
            output=AUTH_CAPABILITY_GROUPS_PUT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.CatalogIssues.Resolve": Rpc(
            input=AUTH_CATALOG_ISSUES_RESOLVE_REQUEST,
            output=AUTH_CATALOG_ISSUES_RESOLVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Connections.Kick": Rpc(
            input=AUTH_CONNECTIONS_KICK_REQUEST,
            output=AUTH_CONNECTIONS_KICK_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Connections.List": Rpc(
            input=AUTH_CONNECTIONS_LIST_REQUEST,
            output=AUTH_CONNECTIONS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.AcceptMigration": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.AcceptUpdate": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.Get": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_GET_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.GrantOverrides.List": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.GrantOverrides.Put": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.GrantOverrides.Remove": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.List": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_LIST_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.Plan": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_PLAN_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_PLAN_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.Plans.Get": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.Plans.List": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError"],
        ),
        "Auth.DeploymentAuthority.Reconcile": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_RECONCILE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeploymentAuthority.Reject": Rpc(
            input=AUTH_DEPLOYMENT_AUTHORITY_REJECT_REQUEST,
            output=AUTH_DEPLOYMENT_AUTHORITY_REJECT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Deployments.Create": Rpc(
            input=AUTH_DEPLOYMENTS_CREATE_REQUEST,
            output=AUTH_DEPLOYMENTS_CREATE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Deployments.Disable": Rpc(
            input=AUTH_DEPLOYMENTS_DISABLE_REQUEST,
            output=AUTH_DEPLOYMENTS_DISABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Deployments.Enable": Rpc(
            input=AUTH_DEPLOYMENTS_ENABLE_REQUEST,
            output=AUTH_DEPLOYMENTS_ENABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Deployments.List": Rpc(
            input=AUTH_DEPLOYMENTS_LIST_REQUEST,
            output=AUTH_DEPLOYMENTS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Deployments.Remove": Rpc(
            input=AUTH_DEPLOYMENTS_REMOVE_REQUEST,
            output=AUTH_DEPLOYMENTS_REMOVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeviceUserAuthorities.List": Rpc(
            input=AUTH_DEVICE_USER_AUTHORITIES_LIST_REQUEST,
            output=AUTH_DEVICE_USER_AUTHORITIES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeviceUserAuthorities.Reviews.Decide": Rpc(
            input=AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_REQUEST,
            output=AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE_RESPONSE,
            call=["device.review"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeviceUserAuthorities.Reviews.List": Rpc(
            input=AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_REQUEST,
            output=AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST_RESPONSE,
            call=["device.review"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.DeviceUserAuthorities.Revoke": Rpc(
            input=AUTH_DEVICE_USER_AUTHORITIES_REVOKE_REQUEST,
            output=AUTH_DEVICE_USER_AUTHORITIES_REVOKE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.ConnectInfo.Get": Rpc(
            input=AUTH_DEVICES_CONNECT_INFO_GET_REQUEST,
            output=AUTH_DEVICES_CONNECT_INFO_GET_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.Disable": Rpc(
            input=AUTH_DEVICES_DISABLE_REQUEST,
            output=AUTH_DEVICES_DISABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.Enable": Rpc(
            input=AUTH_DEVICES_ENABLE_REQUEST,
            output=AUTH_DEVICES_ENABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.List": Rpc(
            input=AUTH_DEVICES_LIST_REQUEST,
            output=AUTH_DEVICES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.Provision": Rpc(
            input=AUTH_DEVICES_PROVISION_REQUEST,
            output=AUTH_DEVICES_PROVISION_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Devices.Remove": Rpc(
            input=AUTH_DEVICES_REMOVE_REQUEST,
            output=AUTH_DEVICES_REMOVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Health": Rpc(
            input=HEALTH_REQUEST,
            output=HEALTH_RESPONSE,
            call=[],
            errors=["UnexpectedError"],
            docs=Docs(markdown="Health of the auth service."),
        ),
        "Auth.Identities.List": Rpc(
            input=AUTH_IDENTITIES_LIST_REQUEST,
            output=AUTH_IDENTITIES_LIST_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.IdentityGrants.List": Rpc(
            input=AUTH_IDENTITY_GRANTS_LIST_REQUEST,
            output=AUTH_IDENTITY_GRANTS_LIST_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError"],
        ),
        "Auth.IdentityGrants.Revoke": Rpc(
            input=AUTH_IDENTITY_GRANTS_REVOKE_REQUEST,
            output=AUTH_IDENTITY_GRANTS_REVOKE_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.Get": Rpc(
            input=AUTH_PORTALS_GET_REQUEST,
            output=AUTH_PORTALS_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.List": Rpc(
            input=AUTH_PORTALS_LIST_REQUEST,
            output=AUTH_PORTALS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError"],
        ),
        "Auth.Portals.LoginSettings.Get": Rpc(
            input=AUTH_PORTALS_LOGIN_SETTINGS_GET_REQUEST,
            output=AUTH_PORTALS_LOGIN_SETTINGS_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.LoginSettings.Update": Rpc(
            input=AUTH_PORTALS_LOGIN_SETTINGS_UPDATE_REQUEST,
            output=AUTH_PORTALS_LOGIN_SETTINGS_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.Put": Rpc(
            input=AUTH_PORTALS_PUT_REQUEST,
            output=AUTH_PORTALS_PUT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.Remove": Rpc(
            input=AUTH_PORTALS_REMOVE_REQUEST,
            output=AUTH_PORTALS_REMOVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.Routes.Put": Rpc(
            input=AUTH_PORTALS_ROUTES_PUT_REQUEST,
            output=AUTH_PORTALS_ROUTES_PUT_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Portals.Routes.Remove": Rpc(
            input=AUTH_PORTALS_ROUTES_REMOVE_REQUEST,
            output=AUTH_PORTALS_ROUTES_REMOVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Requests.Validate": Rpc(
            input=AUTH_REQUESTS_VALIDATE_REQUEST,
            output=AUTH_REQUESTS_VALIDATE_RESPONSE,
            call=["service"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(
                markdown=(
                    "Called by a service for a request it received: checks the caller's session "
                    "key and proof, and whether the caller holds the capabilities the service asks "
                    "for; answers whether to allow it, the reply inbox prefix the caller owns, and "
                    "who the caller is."
                ),
            ),
        ),
        "Auth.ServiceInstances.Disable": Rpc(
            input=AUTH_SERVICE_INSTANCES_DISABLE_REQUEST,
            output=AUTH_SERVICE_INSTANCES_DISABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.ServiceInstances.Enable": Rpc(
            input=AUTH_SERVICE_INSTANCES_ENABLE_REQUEST,
            output=AUTH_SERVICE_INSTANCES_ENABLE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.ServiceInstances.List": Rpc(
            input=AUTH_SERVICE_INSTANCES_LIST_REQUEST,
            output=AUTH_SERVICE_INSTANCES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.ServiceInstances.Provision": Rpc(
            input=AUTH_SERVICE_INSTANCES_PROVISION_REQUEST,
            output=AUTH_SERVICE_INSTANCES_PROVISION_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.ServiceInstances.Remove": Rpc(
            input=AUTH_SERVICE_INSTANCES_REMOVE_REQUEST,
            output=AUTH_SERVICE_INSTANCES_REMOVE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Sessions.List": Rpc(
            input=AUTH_SESSIONS_LIST_REQUEST,
            output=AUTH_SESSIONS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Sessions currently known to the deployment."),
        ),
        "Auth.Sessions.Logout": Rpc(
            input=AUTH_SESSIONS_LOGOUT_REQUEST,
            output=AUTH_SESSIONS_LOGOUT_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError"],
            docs=Docs(markdown="End the calling session."),
        ),
        "Auth.Sessions.Me": Rpc(
            input=AUTH_SESSIONS_ME_REQUEST,
            output=AUTH_SESSIONS_ME_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError"],
            docs=Docs(markdown="Who the calling session belongs to."),
        ),
        "Auth.Sessions.Revoke": Rpc(
            input=AUTH_SESSIONS_REVOKE_REQUEST,
            output=AUTH_SESSIONS_REVOKE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="End a session other than one's own."),
        ),
        "Auth.UserIdentities.List": Rpc(
            input=AUTH_USER_IDENTITIES_LIST_REQUEST,
            output=AUTH_USER_IDENTITIES_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.UserIdentities.Unlink": Rpc(
            input=AUTH_USER_IDENTITIES_UNLINK_REQUEST,
            output=AUTH_USER_IDENTITIES_UNLINK_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.Create": Rpc(
            input=AUTH_USERS_CREATE_REQUEST,
            output=AUTH_USERS_CREATE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.Get": Rpc(
            input=AUTH_USERS_GET_REQUEST,
            output=AUTH_USERS_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.IdentityLink.Create": Rpc(
            input=AUTH_USERS_IDENTITY_LINK_CREATE_REQUEST,
            output=AUTH_USERS_ACCOUNT_FLOW_CREATE_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.List": Rpc(
            input=AUTH_USERS_LIST_REQUEST,
            output=AUTH_USERS_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.Password.Change": Rpc(
            input=AUTH_USERS_PASSWORD_CHANGE_REQUEST,
            output=AUTH_USERS_PASSWORD_CHANGE_RESPONSE,
            call=[],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.PasswordReset.Create": Rpc(
            input=AUTH_USERS_PASSWORD_RESET_CREATE_REQUEST,
            output=AUTH_USERS_ACCOUNT_FLOW_CREATE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
        "Auth.Users.Update": Rpc(
            input=AUTH_USERS_UPDATE_REQUEST,
            output=AUTH_USERS_UPDATE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
        ),
    },
    operations={
        "Auth.DeviceUserAuthorities.Resolve": Operation(
            input=AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_REQUEST,
            output=AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_RESPONSE,
            progress=AUTH_RESOLVE_DEVICE_USER_AUTHORITIES_PROGRESS,
            call=[],
        ),
    },
    events={
        "Auth.Connections.Closed": Event(
            event=AUTH_CONNECTIONS_CLOSED_EVENT,
            publish=["events.auth"],
            subscribe=["events.auth"],
            docs=Docs(markdown="A participant's connection ended."),
        ),
        "Auth.Connections.Kicked": Event(
            event=AUTH_CONNECTIONS_KICKED_EVENT,
            publish=["events.auth"],
            subscribe=["events.auth"],
            docs=Docs(markdown="An administrator closed a connection."),
        ),
        "Auth.Connections.Opened": Event(
            event=AUTH_CONNECTIONS_OPENED_EVENT,
            publish=["events.auth"],
            subscribe=["events.auth"],
            docs=Docs(markdown="A participant connected."),
        ),
        "Auth.DeviceUserAuthorities.Approved": Event(
            event=AUTH_DEVICE_USER_AUTHORITIES_APPROVED_EVENT,
            params=["/deploymentId"],
            publish=["events.auth"],
            subscribe=["device.review"],
        ),
        "Auth.DeviceUserAuthorities.Requested": Event(
            event=AUTH_DEVICE_USER_AUTHORITIES_REQUESTED_EVENT,
            params=["/deploymentId"],
            publish=["events.auth"],
            subscribe=["device.review"],
        ),
        "Auth.DeviceUserAuthorities.Resolved": Event(
            event=AUTH_DEVICE_USER_AUTHORITIES_RESOLVED_EVENT,
            params=["/deploymentId"],
            publish=["events.auth"],
            subscribe=["device.review", "events.auth"],
        ),
        "Auth.DeviceUserAuthorities.ReviewRequested": Event(
            event=AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED_EVENT,
            params=["/deploymentId"],
            publish=["events.auth"],
            subscribe=["device.review"],
        ),
        "Auth.Sessions.Revoked": Event(
            event=AUTH_SESSIONS_REVOKED_EVENT,
            publish=["events.auth"],
            subscribe=["events.auth"],
            docs=Docs(markdown="A session was ended."),
        ),
    },
)
