"""`trellis.state@v1`: state the platform keeps on behalf of apps and devices.

Entries are addressed by store and key, carry a revision, and may expire. Interface facts (subjects,
schemas, the `admin` capability of the admin RPCs) are the platform's and give the reference
runtime's digest; the wording is ours. After an edit run `python -m trellis_generate.platform.build`
to refresh the shipped manifest.
"""

from typing import Any

from trellis_generate.authoring import Docs, Rpc, define_service_contract

JSON_VALUE: dict[str, Any] = {}

STATE_ADMIN_DELETE_REQUEST: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "expectedRevision": {"minLength": 1, "type": "string"},
                "key": {"minLength": 1, "type": "string"},
                "scope": {"const": "userApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
                "user": {
                    "properties": {
                        "id": {"minLength": 1, "type": "string"},
                        "origin": {"minLength": 1, "type": "string"},
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": ["origin", "id"],
                    "type": "object",
                },
            },
            "required": ["scope", "contractId", "contractDigest", "store", "user"],
            "type": "object",
        },
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deviceId": {"minLength": 1, "type": "string"},
                "expectedRevision": {"minLength": 1, "type": "string"},
                "key": {"minLength": 1, "type": "string"},
                "scope": {"const": "deviceApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
            },
            "required": ["scope", "contractId", "contractDigest", "store", "deviceId"],
            "type": "object",
        },
    ],
}

STATE_ADMIN_DELETE_RESPONSE: dict[str, Any] = {
    "properties": {"deleted": {"type": "boolean"}},
    "required": ["deleted"],
    "type": "object",
}

STATE_ADMIN_GET_REQUEST: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "key": {"minLength": 1, "type": "string"},
                "scope": {"const": "userApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
                "user": {
                    "properties": {
                        "id": {"minLength": 1, "type": "string"},
                        "origin": {"minLength": 1, "type": "string"},
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": ["origin", "id"],
                    "type": "object",
                },
            },
            "required": ["scope", "contractId", "contractDigest", "store", "user"],
            "type": "object",
        },
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deviceId": {"minLength": 1, "type": "string"},
                "key": {"minLength": 1, "type": "string"},
                "scope": {"const": "deviceApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
            },
            "required": ["scope", "contractId", "contractDigest", "store", "deviceId"],
            "type": "object",
        },
    ],
}

STATE_ADMIN_GET_RESPONSE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {"found": {"const": False, "type": "boolean"}},
            "required": ["found"],
            "type": "object",
        },
        {
            "properties": {
                "entry": {
                    "properties": {
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "key": {"minLength": 1, "type": "string"},
                        "revision": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                        "value": {},
                    },
                    "required": ["value", "revision", "updatedAt"],
                    "type": "object",
                },
                "found": {"const": True, "type": "boolean"},
            },
            "required": ["found", "entry"],
            "type": "object",
        },
        {
            "properties": {
                "currentStateVersion": {"minLength": 1, "type": "string"},
                "entry": {
                    "properties": {
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "key": {"minLength": 1, "type": "string"},
                        "revision": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                        "value": {},
                    },
                    "required": ["value", "revision", "updatedAt"],
                    "type": "object",
                },
                "migrationRequired": {"const": True, "type": "boolean"},
                "stateVersion": {"minLength": 1, "type": "string"},
                "writerContractDigest": {"minLength": 1, "type": "string"},
            },
            "required": [
                "migrationRequired",
                "entry",
                "stateVersion",
                "currentStateVersion",
                "writerContractDigest",
            ],
            "type": "object",
        },
    ],
}

STATE_ADMIN_LIST_REQUEST: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "limit": {"minimum": 0, "type": "integer"},
                "offset": {"minimum": 0, "type": "integer"},
                "prefix": {"minLength": 1, "type": "string"},
                "scope": {"const": "userApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
                "user": {
                    "properties": {
                        "id": {"minLength": 1, "type": "string"},
                        "origin": {"minLength": 1, "type": "string"},
                        "userId": {"minLength": 1, "type": "string"},
                    },
                    "required": ["origin", "id"],
                    "type": "object",
                },
            },
            "required": ["limit", "scope", "contractId", "contractDigest", "store", "user"],
            "type": "object",
        },
        {
            "properties": {
                "contractDigest": {"minLength": 1, "type": "string"},
                "contractId": {"minLength": 1, "type": "string"},
                "deviceId": {"minLength": 1, "type": "string"},
                "limit": {"minimum": 0, "type": "integer"},
                "offset": {"minimum": 0, "type": "integer"},
                "prefix": {"minLength": 1, "type": "string"},
                "scope": {"const": "deviceApp", "type": "string"},
                "store": {"minLength": 1, "type": "string"},
            },
            "required": ["limit", "scope", "contractId", "contractDigest", "store", "deviceId"],
            "type": "object",
        },
    ],
}

STATE_ADMIN_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "expiresAt": {"format": "date-time", "type": "string"},
                            "key": {"minLength": 1, "type": "string"},
                            "revision": {"minLength": 1, "type": "string"},
                            "updatedAt": {"format": "date-time", "type": "string"},
                            "value": {},
                        },
                        "required": ["value", "revision", "updatedAt"],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "currentStateVersion": {"minLength": 1, "type": "string"},
                            "entry": {
                                "properties": {
                                    "expiresAt": {"format": "date-time", "type": "string"},
                                    "key": {"minLength": 1, "type": "string"},
                                    "revision": {"minLength": 1, "type": "string"},
                                    "updatedAt": {"format": "date-time", "type": "string"},
                                    "value": {},
                                },
                                "required": ["value", "revision", "updatedAt"],
                                "type": "object",
                            },
                            "migrationRequired": {"const": True, "type": "boolean"},
                            "stateVersion": {"minLength": 1, "type": "string"},
                            "writerContractDigest": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "migrationRequired",
                            "entry",
                            "stateVersion",
                            "currentStateVersion",
                            "writerContractDigest",
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

STATE_DELETE_REQUEST: dict[str, Any] = {
    "properties": {
        "expectedRevision": {"minLength": 1, "type": "string"},
        "key": {"minLength": 1, "type": "string"},
        "store": {"minLength": 1, "type": "string"},
    },
    "required": ["store"],
    "type": "object",
}

STATE_DELETE_RESPONSE: dict[str, Any] = {
    "properties": {"deleted": {"type": "boolean"}},
    "required": ["deleted"],
    "type": "object",
}

STATE_ENTRY: dict[str, Any] = {
    "properties": {
        "expiresAt": {"format": "date-time", "type": "string"},
        "key": {"minLength": 1, "type": "string"},
        "revision": {"minLength": 1, "type": "string"},
        "updatedAt": {"format": "date-time", "type": "string"},
        "value": {},
    },
    "required": ["value", "revision", "updatedAt"],
    "type": "object",
}

STATE_GET_REQUEST: dict[str, Any] = {
    "properties": {
        "key": {"minLength": 1, "type": "string"},
        "store": {"minLength": 1, "type": "string"},
    },
    "required": ["store"],
    "type": "object",
}

STATE_GET_RESPONSE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {"found": {"const": False, "type": "boolean"}},
            "required": ["found"],
            "type": "object",
        },
        {
            "properties": {
                "entry": {
                    "properties": {
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "key": {"minLength": 1, "type": "string"},
                        "revision": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                        "value": {},
                    },
                    "required": ["value", "revision", "updatedAt"],
                    "type": "object",
                },
                "found": {"const": True, "type": "boolean"},
            },
            "required": ["found", "entry"],
            "type": "object",
        },
        {
            "properties": {
                "currentStateVersion": {"minLength": 1, "type": "string"},
                "entry": {
                    "properties": {
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "key": {"minLength": 1, "type": "string"},
                        "revision": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                        "value": {},
                    },
                    "required": ["value", "revision", "updatedAt"],
                    "type": "object",
                },
                "migrationRequired": {"const": True, "type": "boolean"},
                "stateVersion": {"minLength": 1, "type": "string"},
                "writerContractDigest": {"minLength": 1, "type": "string"},
            },
            "required": [
                "migrationRequired",
                "entry",
                "stateVersion",
                "currentStateVersion",
                "writerContractDigest",
            ],
            "type": "object",
        },
    ],
}

STATE_LIST_REQUEST: dict[str, Any] = {
    "properties": {
        "limit": {"minimum": 0, "type": "integer"},
        "offset": {"minimum": 0, "type": "integer"},
        "prefix": {"minLength": 1, "type": "string"},
        "store": {"minLength": 1, "type": "string"},
    },
    "required": ["limit", "store"],
    "type": "object",
}

STATE_LIST_RESPONSE: dict[str, Any] = {
    "properties": {
        "count": {"minimum": 0, "type": "integer"},
        "entries": {
            "default": [],
            "items": {
                "anyOf": [
                    {
                        "properties": {
                            "expiresAt": {"format": "date-time", "type": "string"},
                            "key": {"minLength": 1, "type": "string"},
                            "revision": {"minLength": 1, "type": "string"},
                            "updatedAt": {"format": "date-time", "type": "string"},
                            "value": {},
                        },
                        "required": ["value", "revision", "updatedAt"],
                        "type": "object",
                    },
                    {
                        "properties": {
                            "currentStateVersion": {"minLength": 1, "type": "string"},
                            "entry": {
                                "properties": {
                                    "expiresAt": {"format": "date-time", "type": "string"},
                                    "key": {"minLength": 1, "type": "string"},
                                    "revision": {"minLength": 1, "type": "string"},
                                    "updatedAt": {"format": "date-time", "type": "string"},
                                    "value": {},
                                },
                                "required": ["value", "revision", "updatedAt"],
                                "type": "object",
                            },
                            "migrationRequired": {"const": True, "type": "boolean"},
                            "stateVersion": {"minLength": 1, "type": "string"},
                            "writerContractDigest": {"minLength": 1, "type": "string"},
                        },
                        "required": [
                            "migrationRequired",
                            "entry",
                            "stateVersion",
                            "currentStateVersion",
                            "writerContractDigest",
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

STATE_MIGRATION_REQUIRED: dict[str, Any] = {
    "properties": {
        "currentStateVersion": {"minLength": 1, "type": "string"},
        "entry": {
            "properties": {
                "expiresAt": {"format": "date-time", "type": "string"},
                "key": {"minLength": 1, "type": "string"},
                "revision": {"minLength": 1, "type": "string"},
                "updatedAt": {"format": "date-time", "type": "string"},
                "value": {},
            },
            "required": ["value", "revision", "updatedAt"],
            "type": "object",
        },
        "migrationRequired": {"const": True, "type": "boolean"},
        "stateVersion": {"minLength": 1, "type": "string"},
        "writerContractDigest": {"minLength": 1, "type": "string"},
    },
    "required": [
        "migrationRequired",
        "entry",
        "stateVersion",
        "currentStateVersion",
        "writerContractDigest",
    ],
    "type": "object",
}

STATE_PUT_REQUEST: dict[str, Any] = {
    "properties": {
        "expectedRevision": {"anyOf": [{"minLength": 1, "type": "string"}, {"type": "null"}]},
        "key": {"minLength": 1, "type": "string"},
        "store": {"minLength": 1, "type": "string"},
        "ttlMs": {"minimum": 1, "type": "integer"},
        "value": {},
    },
    "required": ["store", "value"],
    "type": "object",
}

STATE_PUT_RESPONSE: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "applied": {"const": True, "type": "boolean"},
                "entry": {
                    "properties": {
                        "expiresAt": {"format": "date-time", "type": "string"},
                        "key": {"minLength": 1, "type": "string"},
                        "revision": {"minLength": 1, "type": "string"},
                        "updatedAt": {"format": "date-time", "type": "string"},
                        "value": {},
                    },
                    "required": ["value", "revision", "updatedAt"],
                    "type": "object",
                },
            },
            "required": ["applied", "entry"],
            "type": "object",
        },
        {
            "properties": {
                "applied": {"const": False, "type": "boolean"},
                "entry": {
                    "anyOf": [
                        {
                            "properties": {
                                "expiresAt": {"format": "date-time", "type": "string"},
                                "key": {"minLength": 1, "type": "string"},
                                "revision": {"minLength": 1, "type": "string"},
                                "updatedAt": {"format": "date-time", "type": "string"},
                                "value": {},
                            },
                            "required": ["value", "revision", "updatedAt"],
                            "type": "object",
                        },
                        {
                            "properties": {
                                "currentStateVersion": {"minLength": 1, "type": "string"},
                                "entry": {
                                    "properties": {
                                        "expiresAt": {"format": "date-time", "type": "string"},
                                        "key": {"minLength": 1, "type": "string"},
                                        "revision": {"minLength": 1, "type": "string"},
                                        "updatedAt": {"format": "date-time", "type": "string"},
                                        "value": {},
                                    },
                                    "required": ["value", "revision", "updatedAt"],
                                    "type": "object",
                                },
                                "migrationRequired": {"const": True, "type": "boolean"},
                                "stateVersion": {"minLength": 1, "type": "string"},
                                "writerContractDigest": {"minLength": 1, "type": "string"},
                            },
                            "required": [
                                "migrationRequired",
                                "entry",
                                "stateVersion",
                                "currentStateVersion",
                                "writerContractDigest",
                            ],
                            "type": "object",
                        },
                    ],
                },
                "found": {"type": "boolean"},
            },
            "required": ["applied", "found"],
            "type": "object",
        },
    ],
}

STATE_SCOPE: dict[str, Any] = {
    "anyOf": [{"const": "userApp", "type": "string"}, {"const": "deviceApp", "type": "string"}],
}

STATE_USER_TARGET: dict[str, Any] = {
    "properties": {
        "id": {"minLength": 1, "type": "string"},
        "origin": {"minLength": 1, "type": "string"},
        "userId": {"minLength": 1, "type": "string"},
    },
    "required": ["origin", "id"],
    "type": "object",
}

CONTRACT = define_service_contract(
    id="trellis.state@v1",
    display_name="Trellis platform: state",
    description="Per-participant key-value state kept by the platform for apps and devices.",
    schemas={
        "JsonValue": JSON_VALUE,
        "StateAdminDeleteRequest": STATE_ADMIN_DELETE_REQUEST,
        "StateAdminDeleteResponse": STATE_ADMIN_DELETE_RESPONSE,
        "StateAdminGetRequest": STATE_ADMIN_GET_REQUEST,
        "StateAdminGetResponse": STATE_ADMIN_GET_RESPONSE,
        "StateAdminListRequest": STATE_ADMIN_LIST_REQUEST,
        "StateAdminListResponse": STATE_ADMIN_LIST_RESPONSE,
        "StateDeleteRequest": STATE_DELETE_REQUEST,
        "StateDeleteResponse": STATE_DELETE_RESPONSE,
        "StateEntry": STATE_ENTRY,
        "StateGetRequest": STATE_GET_REQUEST,
        "StateGetResponse": STATE_GET_RESPONSE,
        "StateListRequest": STATE_LIST_REQUEST,
        "StateListResponse": STATE_LIST_RESPONSE,
        "StateMigrationRequired": STATE_MIGRATION_REQUIRED,
        "StatePutRequest": STATE_PUT_REQUEST,
        "StatePutResponse": STATE_PUT_RESPONSE,
        "StateScope": STATE_SCOPE,
        "StateUserTarget": STATE_USER_TARGET,
    },
    rpc={
        "State.Admin.Delete": Rpc(
            input=STATE_ADMIN_DELETE_REQUEST,
            output=STATE_ADMIN_DELETE_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Remove one entry of any participant's state (administrators)."),
        ),
        "State.Admin.Get": Rpc(
            input=STATE_ADMIN_GET_REQUEST,
            output=STATE_ADMIN_GET_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Read one entry of any participant's state (administrators)."),
        ),
        "State.Admin.List": Rpc(
            input=STATE_ADMIN_LIST_REQUEST,
            output=STATE_ADMIN_LIST_RESPONSE,
            call=["admin"],
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Entries of any participant's state, by page (administrators)."),
        ),
        "State.Delete": Rpc(
            input=STATE_DELETE_REQUEST,
            output=STATE_DELETE_RESPONSE,
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Remove one entry of the caller's state."),
        ),
        "State.Get": Rpc(
            input=STATE_GET_REQUEST,
            output=STATE_GET_RESPONSE,
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(markdown="Read one entry of the caller's state."),
        ),
        "State.List": Rpc(
            input=STATE_LIST_REQUEST,
            output=STATE_LIST_RESPONSE,
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(
                markdown="Entries of the caller's state, by page, optionally under a key prefix.",
            ),
        ),
        "State.Put": Rpc(
            input=STATE_PUT_REQUEST,
            output=STATE_PUT_RESPONSE,
            errors=["AuthError", "UnexpectedError", "ValidationError"],
            docs=Docs(
                markdown=(
                    "Write one entry; with an expected revision, only if nobody changed it in "
                    "between."
                ),
            ),
        ),
    },
)
