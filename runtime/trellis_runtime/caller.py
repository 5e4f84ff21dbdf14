"""Who is calling: the caller the platform resolved from a request's session key.

The platform's ``Auth.Requests.Validate`` answers with one of three principals; handlers get it
as a typed, discriminated model (``ctx.caller.type`` is ``"user"``, ``"service"`` or
``"device"``). Unknown extra fields are kept, so a newer platform does not break older services.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field


class _CallerBase(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)

    active: bool
    capabilities: list[str]


class CallerIdentity(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)

    identity_id: str = Field(alias="identityId")
    provider: str
    subject: str


class UserCaller(_CallerBase):
    type: Literal["user"]
    participant_kind: Literal["app", "agent"] = Field(alias="participantKind")
    user_id: str = Field(alias="userId")
    identity: CallerIdentity
    name: str
    email: str
    image: str | None = None
    last_auth: str | None = Field(default=None, alias="lastAuth")


class ServiceCaller(_CallerBase):
    type: Literal["service"]
    id: str
    name: str


class DeviceCaller(_CallerBase):
    type: Literal["device"]
    device_id: str = Field(alias="deviceId")
    device_type: str = Field(alias="deviceType")
    runtime_public_key: str = Field(alias="runtimePublicKey")
    deployment_id: str = Field(alias="deploymentId")


Caller: TypeAlias = Annotated[
    UserCaller | ServiceCaller | DeviceCaller, Field(discriminator="type")
]
