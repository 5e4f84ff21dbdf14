"""Runtime descriptors of every surface this SDK knows, owned or used.

Internal RPCs are here too; only the client and service facades leave them out.
"""

from __future__ import annotations

from trellis_runtime import (
    EventDescriptor,
    OperationDescriptor,
    RpcDescriptor,
)

from . import models
from .contract import CONTRACT_ID

__all__ = [
    "CONTRACT_ID",
    "EVENT_AUTH_CONNECTIONS_CLOSED",
    "EVENT_AUTH_CONNECTIONS_KICKED",
    "EVENT_AUTH_CONNECTIONS_OPENED",
    "EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED",
    "EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED",
    "EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED",
    "EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED",
    "EVENT_AUTH_SESSIONS_REVOKED",
    "HEALTH_EVENT_HEALTH_HEARTBEAT",
    "OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE",
    "RPC_AUTH_CAPABILITIES_LIST",
    "RPC_AUTH_CAPABILITY_GROUPS_DELETE",
    "RPC_AUTH_CAPABILITY_GROUPS_GET",
    "RPC_AUTH_CAPABILITY_GROUPS_LIST",
    "RPC_AUTH_CAPABILITY_GROUPS_PUT",
    "RPC_AUTH_CATALOG_ISSUES_RESOLVE",
    "RPC_AUTH_CONNECTIONS_KICK",
    "RPC_AUTH_CONNECTIONS_LIST",
    "RPC_AUTH_DEPLOYMENTS_CREATE",
    "RPC_AUTH_DEPLOYMENTS_DISABLE",
    "RPC_AUTH_DEPLOYMENTS_ENABLE",
    "RPC_AUTH_DEPLOYMENTS_LIST",
    "RPC_AUTH_DEPLOYMENTS_REMOVE",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_GET",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_LIST",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_PLAN",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_RECONCILE",
    "RPC_AUTH_DEPLOYMENT_AUTHORITY_REJECT",
    "RPC_AUTH_DEVICES_CONNECT_INFO_GET",
    "RPC_AUTH_DEVICES_DISABLE",
    "RPC_AUTH_DEVICES_ENABLE",
    "RPC_AUTH_DEVICES_LIST",
    "RPC_AUTH_DEVICES_PROVISION",
    "RPC_AUTH_DEVICES_REMOVE",
    "RPC_AUTH_DEVICE_USER_AUTHORITIES_LIST",
    "RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE",
    "RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST",
    "RPC_AUTH_DEVICE_USER_AUTHORITIES_REVOKE",
    "RPC_AUTH_HEALTH",
    "RPC_AUTH_IDENTITIES_LIST",
    "RPC_AUTH_IDENTITY_GRANTS_LIST",
    "RPC_AUTH_IDENTITY_GRANTS_REVOKE",
    "RPC_AUTH_PORTALS_GET",
    "RPC_AUTH_PORTALS_LIST",
    "RPC_AUTH_PORTALS_LOGIN_SETTINGS_GET",
    "RPC_AUTH_PORTALS_LOGIN_SETTINGS_UPDATE",
    "RPC_AUTH_PORTALS_PUT",
    "RPC_AUTH_PORTALS_REMOVE",
    "RPC_AUTH_PORTALS_ROUTES_PUT",
    "RPC_AUTH_PORTALS_ROUTES_REMOVE",
    "RPC_AUTH_REQUESTS_VALIDATE",
    "RPC_AUTH_SERVICE_INSTANCES_DISABLE",
    "RPC_AUTH_SERVICE_INSTANCES_ENABLE",
    "RPC_AUTH_SERVICE_INSTANCES_LIST",
    "RPC_AUTH_SERVICE_INSTANCES_PROVISION",
    "RPC_AUTH_SERVICE_INSTANCES_REMOVE",
    "RPC_AUTH_SESSIONS_LIST",
    "RPC_AUTH_SESSIONS_LOGOUT",
    "RPC_AUTH_SESSIONS_ME",
    "RPC_AUTH_SESSIONS_REVOKE",
    "RPC_AUTH_USERS_CREATE",
    "RPC_AUTH_USERS_GET",
    "RPC_AUTH_USERS_IDENTITY_LINK_CREATE",
    "RPC_AUTH_USERS_LIST",
    "RPC_AUTH_USERS_PASSWORD_CHANGE",
    "RPC_AUTH_USERS_PASSWORD_RESET_CREATE",
    "RPC_AUTH_USERS_UPDATE",
    "RPC_AUTH_USER_IDENTITIES_LIST",
    "RPC_AUTH_USER_IDENTITIES_UNLINK",
]

RPC_AUTH_CAPABILITIES_LIST: RpcDescriptor[
    models.AuthCapabilitiesListRequest, models.AuthCapabilitiesListResponse
] = RpcDescriptor(
    key="Auth.Capabilities.List",
    subject="rpc.v1.Auth.Capabilities.List",
    input=models.AuthCapabilitiesListRequest,
    output=models.AuthCapabilitiesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CAPABILITY_GROUPS_DELETE: RpcDescriptor[
    models.AuthCapabilityGroupsDeleteRequest, models.AuthCapabilityGroupsDeleteResponse
] = RpcDescriptor(
    key="Auth.CapabilityGroups.Delete",
    subject="rpc.v1.Auth.CapabilityGroups.Delete",
    input=models.AuthCapabilityGroupsDeleteRequest,
    output=models.AuthCapabilityGroupsDeleteResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CAPABILITY_GROUPS_GET: RpcDescriptor[
    models.AuthCapabilityGroupsGetRequest, models.AuthCapabilityGroupsGetResponse
] = RpcDescriptor(
    key="Auth.CapabilityGroups.Get",
    subject="rpc.v1.Auth.CapabilityGroups.Get",
    input=models.AuthCapabilityGroupsGetRequest,
    output=models.AuthCapabilityGroupsGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CAPABILITY_GROUPS_LIST: RpcDescriptor[
    models.AuthCapabilityGroupsListRequest, models.AuthCapabilityGroupsListResponse
] = RpcDescriptor(
    key="Auth.CapabilityGroups.List",
    subject="rpc.v1.Auth.CapabilityGroups.List",
    input=models.AuthCapabilityGroupsListRequest,
    output=models.AuthCapabilityGroupsListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CAPABILITY_GROUPS_PUT: RpcDescriptor[
    models.AuthCapabilityGroupsPutRequest, models.AuthCapabilityGroupsPutResponse
] = RpcDescriptor(
    key="Auth.CapabilityGroups.Put",
    subject="rpc.v1.Auth.CapabilityGroups.Put",
    input=models.AuthCapabilityGroupsPutRequest,
    output=models.AuthCapabilityGroupsPutResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CATALOG_ISSUES_RESOLVE: RpcDescriptor[
    models.AuthCatalogIssuesResolveRequest, models.AuthCatalogIssuesResolveResponse
] = RpcDescriptor(
    key="Auth.CatalogIssues.Resolve",
    subject="rpc.v1.Auth.CatalogIssues.Resolve",
    input=models.AuthCatalogIssuesResolveRequest,
    output=models.AuthCatalogIssuesResolveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CONNECTIONS_KICK: RpcDescriptor[
    models.AuthConnectionsKickRequest, models.AuthConnectionsKickResponse
] = RpcDescriptor(
    key="Auth.Connections.Kick",
    subject="rpc.v1.Auth.Connections.Kick",
    input=models.AuthConnectionsKickRequest,
    output=models.AuthConnectionsKickResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_CONNECTIONS_LIST: RpcDescriptor[
    models.AuthConnectionsListRequest, models.AuthConnectionsListResponse
] = RpcDescriptor(
    key="Auth.Connections.List",
    subject="rpc.v1.Auth.Connections.List",
    input=models.AuthConnectionsListRequest,
    output=models.AuthConnectionsListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION: RpcDescriptor[
    models.AuthDeploymentAuthorityAcceptMigrationRequest,
    models.AuthDeploymentAuthorityAcceptResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.AcceptMigration",
    subject="rpc.v1.Auth.DeploymentAuthority.AcceptMigration",
    input=models.AuthDeploymentAuthorityAcceptMigrationRequest,
    output=models.AuthDeploymentAuthorityAcceptResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE: RpcDescriptor[
    models.AuthDeploymentAuthorityAcceptUpdateRequest,
    models.AuthDeploymentAuthorityAcceptResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.AcceptUpdate",
    subject="rpc.v1.Auth.DeploymentAuthority.AcceptUpdate",
    input=models.AuthDeploymentAuthorityAcceptUpdateRequest,
    output=models.AuthDeploymentAuthorityAcceptResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_GET: RpcDescriptor[
    models.AuthDeploymentAuthorityGetRequest, models.AuthDeploymentAuthorityGetResponse
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Get",
    subject="rpc.v1.Auth.DeploymentAuthority.Get",
    input=models.AuthDeploymentAuthorityGetRequest,
    output=models.AuthDeploymentAuthorityGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST: RpcDescriptor[
    models.AuthDeploymentAuthorityGrantOverridesListRequest,
    models.AuthDeploymentAuthorityGrantOverridesListResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.GrantOverrides.List",
    subject="rpc.v1.Auth.DeploymentAuthority.GrantOverrides.List",
    input=models.AuthDeploymentAuthorityGrantOverridesListRequest,
    output=models.AuthDeploymentAuthorityGrantOverridesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT: RpcDescriptor[
    models.AuthDeploymentAuthorityGrantOverridesPutRequest,
    models.AuthDeploymentAuthorityGrantOverridesResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.GrantOverrides.Put",
    subject="rpc.v1.Auth.DeploymentAuthority.GrantOverrides.Put",
    input=models.AuthDeploymentAuthorityGrantOverridesPutRequest,
    output=models.AuthDeploymentAuthorityGrantOverridesResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE: RpcDescriptor[
    models.AuthDeploymentAuthorityGrantOverridesRemoveRequest,
    models.AuthDeploymentAuthorityGrantOverridesResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.GrantOverrides.Remove",
    subject="rpc.v1.Auth.DeploymentAuthority.GrantOverrides.Remove",
    input=models.AuthDeploymentAuthorityGrantOverridesRemoveRequest,
    output=models.AuthDeploymentAuthorityGrantOverridesResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_LIST: RpcDescriptor[
    models.AuthDeploymentAuthorityListRequest,
    models.AuthDeploymentAuthorityListResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.List",
    subject="rpc.v1.Auth.DeploymentAuthority.List",
    input=models.AuthDeploymentAuthorityListRequest,
    output=models.AuthDeploymentAuthorityListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_PLAN: RpcDescriptor[
    models.AuthDeploymentAuthorityPlanRequest,
    models.AuthDeploymentAuthorityPlanResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Plan",
    subject="rpc.v1.Auth.DeploymentAuthority.Plan",
    input=models.AuthDeploymentAuthorityPlanRequest,
    output=models.AuthDeploymentAuthorityPlanResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET: RpcDescriptor[
    models.AuthDeploymentAuthorityPlansGetRequest,
    models.AuthDeploymentAuthorityPlansGetResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Plans.Get",
    subject="rpc.v1.Auth.DeploymentAuthority.Plans.Get",
    input=models.AuthDeploymentAuthorityPlansGetRequest,
    output=models.AuthDeploymentAuthorityPlansGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST: RpcDescriptor[
    models.AuthDeploymentAuthorityPlansListRequest,
    models.AuthDeploymentAuthorityPlansListResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Plans.List",
    subject="rpc.v1.Auth.DeploymentAuthority.Plans.List",
    input=models.AuthDeploymentAuthorityPlansListRequest,
    output=models.AuthDeploymentAuthorityPlansListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_RECONCILE: RpcDescriptor[
    models.AuthDeploymentAuthorityReconcileRequest,
    models.AuthDeploymentAuthorityReconcileResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Reconcile",
    subject="rpc.v1.Auth.DeploymentAuthority.Reconcile",
    input=models.AuthDeploymentAuthorityReconcileRequest,
    output=models.AuthDeploymentAuthorityReconcileResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENT_AUTHORITY_REJECT: RpcDescriptor[
    models.AuthDeploymentAuthorityRejectRequest,
    models.AuthDeploymentAuthorityRejectResponse,
] = RpcDescriptor(
    key="Auth.DeploymentAuthority.Reject",
    subject="rpc.v1.Auth.DeploymentAuthority.Reject",
    input=models.AuthDeploymentAuthorityRejectRequest,
    output=models.AuthDeploymentAuthorityRejectResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENTS_CREATE: RpcDescriptor[
    models.AuthDeploymentsCreateRequest, models.AuthDeploymentsCreateResponse
] = RpcDescriptor(
    key="Auth.Deployments.Create",
    subject="rpc.v1.Auth.Deployments.Create",
    input=models.AuthDeploymentsCreateRequest,
    output=models.AuthDeploymentsCreateResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENTS_DISABLE: RpcDescriptor[
    models.AuthDeploymentsDisableRequest, models.AuthDeploymentsDisableResponse
] = RpcDescriptor(
    key="Auth.Deployments.Disable",
    subject="rpc.v1.Auth.Deployments.Disable",
    input=models.AuthDeploymentsDisableRequest,
    output=models.AuthDeploymentsDisableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENTS_ENABLE: RpcDescriptor[
    models.AuthDeploymentsEnableRequest, models.AuthDeploymentsEnableResponse
] = RpcDescriptor(
    key="Auth.Deployments.Enable",
    subject="rpc.v1.Auth.Deployments.Enable",
    input=models.AuthDeploymentsEnableRequest,
    output=models.AuthDeploymentsEnableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENTS_LIST: RpcDescriptor[
    models.AuthDeploymentsListRequest, models.AuthDeploymentsListResponse
] = RpcDescriptor(
    key="Auth.Deployments.List",
    subject="rpc.v1.Auth.Deployments.List",
    input=models.AuthDeploymentsListRequest,
    output=models.AuthDeploymentsListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEPLOYMENTS_REMOVE: RpcDescriptor[
    models.AuthDeploymentsRemoveRequest, models.AuthDeploymentsRemoveResponse
] = RpcDescriptor(
    key="Auth.Deployments.Remove",
    subject="rpc.v1.Auth.Deployments.Remove",
    input=models.AuthDeploymentsRemoveRequest,
    output=models.AuthDeploymentsRemoveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICE_USER_AUTHORITIES_LIST: RpcDescriptor[
    models.AuthDeviceUserAuthoritiesListRequest,
    models.AuthDeviceUserAuthoritiesListResponse,
] = RpcDescriptor(
    key="Auth.DeviceUserAuthorities.List",
    subject="rpc.v1.Auth.DeviceUserAuthorities.List",
    input=models.AuthDeviceUserAuthoritiesListRequest,
    output=models.AuthDeviceUserAuthoritiesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE: RpcDescriptor[
    models.AuthDeviceUserAuthoritiesReviewsDecideRequest,
    models.AuthDeviceUserAuthoritiesReviewsDecideResponse,
] = RpcDescriptor(
    key="Auth.DeviceUserAuthorities.Reviews.Decide",
    subject="rpc.v1.Auth.DeviceUserAuthorities.Reviews.Decide",
    input=models.AuthDeviceUserAuthoritiesReviewsDecideRequest,
    output=models.AuthDeviceUserAuthoritiesReviewsDecideResponse,
    errors={},
    caller_capabilities=("trellis.auth::device.review",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST: RpcDescriptor[
    models.AuthDeviceUserAuthoritiesReviewsListRequest,
    models.AuthDeviceUserAuthoritiesReviewsListResponse,
] = RpcDescriptor(
    key="Auth.DeviceUserAuthorities.Reviews.List",
    subject="rpc.v1.Auth.DeviceUserAuthorities.Reviews.List",
    input=models.AuthDeviceUserAuthoritiesReviewsListRequest,
    output=models.AuthDeviceUserAuthoritiesReviewsListResponse,
    errors={},
    caller_capabilities=("trellis.auth::device.review",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICE_USER_AUTHORITIES_REVOKE: RpcDescriptor[
    models.AuthDeviceUserAuthoritiesRevokeRequest,
    models.AuthDeviceUserAuthoritiesRevokeResponse,
] = RpcDescriptor(
    key="Auth.DeviceUserAuthorities.Revoke",
    subject="rpc.v1.Auth.DeviceUserAuthorities.Revoke",
    input=models.AuthDeviceUserAuthoritiesRevokeRequest,
    output=models.AuthDeviceUserAuthoritiesRevokeResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_CONNECT_INFO_GET: RpcDescriptor[
    models.AuthDevicesConnectInfoGetRequest, models.AuthDevicesConnectInfoGetResponse
] = RpcDescriptor(
    key="Auth.Devices.ConnectInfo.Get",
    subject="rpc.v1.Auth.Devices.ConnectInfo.Get",
    input=models.AuthDevicesConnectInfoGetRequest,
    output=models.AuthDevicesConnectInfoGetResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_DISABLE: RpcDescriptor[
    models.AuthDevicesDisableRequest, models.AuthDevicesDisableResponse
] = RpcDescriptor(
    key="Auth.Devices.Disable",
    subject="rpc.v1.Auth.Devices.Disable",
    input=models.AuthDevicesDisableRequest,
    output=models.AuthDevicesDisableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_ENABLE: RpcDescriptor[
    models.AuthDevicesEnableRequest, models.AuthDevicesEnableResponse
] = RpcDescriptor(
    key="Auth.Devices.Enable",
    subject="rpc.v1.Auth.Devices.Enable",
    input=models.AuthDevicesEnableRequest,
    output=models.AuthDevicesEnableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_LIST: RpcDescriptor[
    models.AuthDevicesListRequest, models.AuthDevicesListResponse
] = RpcDescriptor(
    key="Auth.Devices.List",
    subject="rpc.v1.Auth.Devices.List",
    input=models.AuthDevicesListRequest,
    output=models.AuthDevicesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_PROVISION: RpcDescriptor[
    models.AuthDevicesProvisionRequest, models.AuthDevicesProvisionResponse
] = RpcDescriptor(
    key="Auth.Devices.Provision",
    subject="rpc.v1.Auth.Devices.Provision",
    input=models.AuthDevicesProvisionRequest,
    output=models.AuthDevicesProvisionResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_DEVICES_REMOVE: RpcDescriptor[
    models.AuthDevicesRemoveRequest, models.AuthDevicesRemoveResponse
] = RpcDescriptor(
    key="Auth.Devices.Remove",
    subject="rpc.v1.Auth.Devices.Remove",
    input=models.AuthDevicesRemoveRequest,
    output=models.AuthDevicesRemoveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_HEALTH: RpcDescriptor[models.HealthRequest, models.HealthResponse] = (
    RpcDescriptor(
        key="Auth.Health",
        subject="rpc.v1.Auth.Health",
        input=models.HealthRequest,
        output=models.HealthResponse,
        errors={},
        caller_capabilities=(),
        internal=False,
        transfer_direction=None,
    )
)

RPC_AUTH_IDENTITIES_LIST: RpcDescriptor[
    models.AuthIdentitiesListRequest, models.AuthIdentitiesListResponse
] = RpcDescriptor(
    key="Auth.Identities.List",
    subject="rpc.v1.Auth.Identities.List",
    input=models.AuthIdentitiesListRequest,
    output=models.AuthIdentitiesListResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_IDENTITY_GRANTS_LIST: RpcDescriptor[
    models.AuthIdentityGrantsListRequest, models.AuthIdentityGrantsListResponse
] = RpcDescriptor(
    key="Auth.IdentityGrants.List",
    subject="rpc.v1.Auth.IdentityGrants.List",
    input=models.AuthIdentityGrantsListRequest,
    output=models.AuthIdentityGrantsListResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_IDENTITY_GRANTS_REVOKE: RpcDescriptor[
    models.AuthIdentityGrantsRevokeRequest, models.AuthIdentityGrantsRevokeResponse
] = RpcDescriptor(
    key="Auth.IdentityGrants.Revoke",
    subject="rpc.v1.Auth.IdentityGrants.Revoke",
    input=models.AuthIdentityGrantsRevokeRequest,
    output=models.AuthIdentityGrantsRevokeResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_GET: RpcDescriptor[
    models.AuthPortalsGetRequest, models.AuthPortalsGetResponse
] = RpcDescriptor(
    key="Auth.Portals.Get",
    subject="rpc.v1.Auth.Portals.Get",
    input=models.AuthPortalsGetRequest,
    output=models.AuthPortalsGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_LIST: RpcDescriptor[
    models.AuthPortalsListRequest, models.AuthPortalsListResponse
] = RpcDescriptor(
    key="Auth.Portals.List",
    subject="rpc.v1.Auth.Portals.List",
    input=models.AuthPortalsListRequest,
    output=models.AuthPortalsListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_LOGIN_SETTINGS_GET: RpcDescriptor[
    models.AuthPortalsLoginSettingsGetRequest, models.AuthPortalsLoginSettingsResponse
] = RpcDescriptor(
    key="Auth.Portals.LoginSettings.Get",
    subject="rpc.v1.Auth.Portals.LoginSettings.Get",
    input=models.AuthPortalsLoginSettingsGetRequest,
    output=models.AuthPortalsLoginSettingsResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_LOGIN_SETTINGS_UPDATE: RpcDescriptor[
    models.AuthPortalsLoginSettingsUpdateRequest,
    models.AuthPortalsLoginSettingsResponse,
] = RpcDescriptor(
    key="Auth.Portals.LoginSettings.Update",
    subject="rpc.v1.Auth.Portals.LoginSettings.Update",
    input=models.AuthPortalsLoginSettingsUpdateRequest,
    output=models.AuthPortalsLoginSettingsResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_PUT: RpcDescriptor[
    models.AuthPortalsPutRequest, models.AuthPortalsPutResponse
] = RpcDescriptor(
    key="Auth.Portals.Put",
    subject="rpc.v1.Auth.Portals.Put",
    input=models.AuthPortalsPutRequest,
    output=models.AuthPortalsPutResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_REMOVE: RpcDescriptor[
    models.AuthPortalsRemoveRequest, models.AuthPortalsRemoveResponse
] = RpcDescriptor(
    key="Auth.Portals.Remove",
    subject="rpc.v1.Auth.Portals.Remove",
    input=models.AuthPortalsRemoveRequest,
    output=models.AuthPortalsRemoveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_ROUTES_PUT: RpcDescriptor[
    models.AuthPortalsRoutesPutRequest, models.AuthPortalsRoutesPutResponse
] = RpcDescriptor(
    key="Auth.Portals.Routes.Put",
    subject="rpc.v1.Auth.Portals.Routes.Put",
    input=models.AuthPortalsRoutesPutRequest,
    output=models.AuthPortalsRoutesPutResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_PORTALS_ROUTES_REMOVE: RpcDescriptor[
    models.AuthPortalsRoutesRemoveRequest, models.AuthPortalsRoutesRemoveResponse
] = RpcDescriptor(
    key="Auth.Portals.Routes.Remove",
    subject="rpc.v1.Auth.Portals.Routes.Remove",
    input=models.AuthPortalsRoutesRemoveRequest,
    output=models.AuthPortalsRoutesRemoveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_REQUESTS_VALIDATE: RpcDescriptor[
    models.AuthRequestsValidateRequest, models.AuthRequestsValidateResponse
] = RpcDescriptor(
    key="Auth.Requests.Validate",
    subject="rpc.v1.Auth.Requests.Validate",
    input=models.AuthRequestsValidateRequest,
    output=models.AuthRequestsValidateResponse,
    errors={},
    caller_capabilities=("service",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SERVICE_INSTANCES_DISABLE: RpcDescriptor[
    models.AuthServiceInstancesDisableRequest,
    models.AuthServiceInstancesDisableResponse,
] = RpcDescriptor(
    key="Auth.ServiceInstances.Disable",
    subject="rpc.v1.Auth.ServiceInstances.Disable",
    input=models.AuthServiceInstancesDisableRequest,
    output=models.AuthServiceInstancesDisableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SERVICE_INSTANCES_ENABLE: RpcDescriptor[
    models.AuthServiceInstancesEnableRequest, models.AuthServiceInstancesEnableResponse
] = RpcDescriptor(
    key="Auth.ServiceInstances.Enable",
    subject="rpc.v1.Auth.ServiceInstances.Enable",
    input=models.AuthServiceInstancesEnableRequest,
    output=models.AuthServiceInstancesEnableResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SERVICE_INSTANCES_LIST: RpcDescriptor[
    models.AuthServiceInstancesListRequest, models.AuthServiceInstancesListResponse
] = RpcDescriptor(
    key="Auth.ServiceInstances.List",
    subject="rpc.v1.Auth.ServiceInstances.List",
    input=models.AuthServiceInstancesListRequest,
    output=models.AuthServiceInstancesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SERVICE_INSTANCES_PROVISION: RpcDescriptor[
    models.AuthServiceInstancesProvisionRequest,
    models.AuthServiceInstancesProvisionResponse,
] = RpcDescriptor(
    key="Auth.ServiceInstances.Provision",
    subject="rpc.v1.Auth.ServiceInstances.Provision",
    input=models.AuthServiceInstancesProvisionRequest,
    output=models.AuthServiceInstancesProvisionResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SERVICE_INSTANCES_REMOVE: RpcDescriptor[
    models.AuthServiceInstancesRemoveRequest, models.AuthServiceInstancesRemoveResponse
] = RpcDescriptor(
    key="Auth.ServiceInstances.Remove",
    subject="rpc.v1.Auth.ServiceInstances.Remove",
    input=models.AuthServiceInstancesRemoveRequest,
    output=models.AuthServiceInstancesRemoveResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SESSIONS_LIST: RpcDescriptor[
    models.AuthSessionsListRequest, models.AuthSessionsListResponse
] = RpcDescriptor(
    key="Auth.Sessions.List",
    subject="rpc.v1.Auth.Sessions.List",
    input=models.AuthSessionsListRequest,
    output=models.AuthSessionsListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SESSIONS_LOGOUT: RpcDescriptor[
    models.AuthSessionsLogoutRequest, models.AuthSessionsLogoutResponse
] = RpcDescriptor(
    key="Auth.Sessions.Logout",
    subject="rpc.v1.Auth.Sessions.Logout",
    input=models.AuthSessionsLogoutRequest,
    output=models.AuthSessionsLogoutResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SESSIONS_ME: RpcDescriptor[
    models.AuthSessionsMeRequest, models.AuthSessionsMeResponse
] = RpcDescriptor(
    key="Auth.Sessions.Me",
    subject="rpc.v1.Auth.Sessions.Me",
    input=models.AuthSessionsMeRequest,
    output=models.AuthSessionsMeResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_SESSIONS_REVOKE: RpcDescriptor[
    models.AuthSessionsRevokeRequest, models.AuthSessionsRevokeResponse
] = RpcDescriptor(
    key="Auth.Sessions.Revoke",
    subject="rpc.v1.Auth.Sessions.Revoke",
    input=models.AuthSessionsRevokeRequest,
    output=models.AuthSessionsRevokeResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USER_IDENTITIES_LIST: RpcDescriptor[
    models.AuthUserIdentitiesListRequest, models.AuthUserIdentitiesListResponse
] = RpcDescriptor(
    key="Auth.UserIdentities.List",
    subject="rpc.v1.Auth.UserIdentities.List",
    input=models.AuthUserIdentitiesListRequest,
    output=models.AuthUserIdentitiesListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USER_IDENTITIES_UNLINK: RpcDescriptor[
    models.AuthUserIdentitiesUnlinkRequest, models.AuthUserIdentitiesUnlinkResponse
] = RpcDescriptor(
    key="Auth.UserIdentities.Unlink",
    subject="rpc.v1.Auth.UserIdentities.Unlink",
    input=models.AuthUserIdentitiesUnlinkRequest,
    output=models.AuthUserIdentitiesUnlinkResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_CREATE: RpcDescriptor[
    models.AuthUsersCreateRequest, models.AuthUsersCreateResponse
] = RpcDescriptor(
    key="Auth.Users.Create",
    subject="rpc.v1.Auth.Users.Create",
    input=models.AuthUsersCreateRequest,
    output=models.AuthUsersCreateResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_GET: RpcDescriptor[
    models.AuthUsersGetRequest, models.AuthUsersGetResponse
] = RpcDescriptor(
    key="Auth.Users.Get",
    subject="rpc.v1.Auth.Users.Get",
    input=models.AuthUsersGetRequest,
    output=models.AuthUsersGetResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_IDENTITY_LINK_CREATE: RpcDescriptor[
    models.AuthUsersIdentityLinkCreateRequest, models.AuthUsersAccountFlowCreateResponse
] = RpcDescriptor(
    key="Auth.Users.IdentityLink.Create",
    subject="rpc.v1.Auth.Users.IdentityLink.Create",
    input=models.AuthUsersIdentityLinkCreateRequest,
    output=models.AuthUsersAccountFlowCreateResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_LIST: RpcDescriptor[
    models.AuthUsersListRequest, models.AuthUsersListResponse
] = RpcDescriptor(
    key="Auth.Users.List",
    subject="rpc.v1.Auth.Users.List",
    input=models.AuthUsersListRequest,
    output=models.AuthUsersListResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_PASSWORD_CHANGE: RpcDescriptor[
    models.AuthUsersPasswordChangeRequest, models.AuthUsersPasswordChangeResponse
] = RpcDescriptor(
    key="Auth.Users.Password.Change",
    subject="rpc.v1.Auth.Users.Password.Change",
    input=models.AuthUsersPasswordChangeRequest,
    output=models.AuthUsersPasswordChangeResponse,
    errors={},
    caller_capabilities=(),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_PASSWORD_RESET_CREATE: RpcDescriptor[
    models.AuthUsersPasswordResetCreateRequest,
    models.AuthUsersAccountFlowCreateResponse,
] = RpcDescriptor(
    key="Auth.Users.PasswordReset.Create",
    subject="rpc.v1.Auth.Users.PasswordReset.Create",
    input=models.AuthUsersPasswordResetCreateRequest,
    output=models.AuthUsersAccountFlowCreateResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

RPC_AUTH_USERS_UPDATE: RpcDescriptor[
    models.AuthUsersUpdateRequest, models.AuthUsersUpdateResponse
] = RpcDescriptor(
    key="Auth.Users.Update",
    subject="rpc.v1.Auth.Users.Update",
    input=models.AuthUsersUpdateRequest,
    output=models.AuthUsersUpdateResponse,
    errors={},
    caller_capabilities=("admin",),
    internal=False,
    transfer_direction=None,
)

OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE: OperationDescriptor[
    models.AuthResolveDeviceUserAuthoritiesRequest,
    models.AuthResolveDeviceUserAuthoritiesProgress,
    models.AuthResolveDeviceUserAuthoritiesResponse,
] = OperationDescriptor(
    key="Auth.DeviceUserAuthorities.Resolve",
    subject="operations.v1.Auth.DeviceUserAuthorities.Resolve",
    input=models.AuthResolveDeviceUserAuthoritiesRequest,
    progress=models.AuthResolveDeviceUserAuthoritiesProgress,
    output=models.AuthResolveDeviceUserAuthoritiesResponse,
    signals={},
    cancel=False,
    call_capabilities=(),
    observe_capabilities=(),
    cancel_capabilities=(),
    control_capabilities=(),
)

EVENT_AUTH_CONNECTIONS_CLOSED: EventDescriptor[models.AuthConnectionsClosedEvent] = (
    EventDescriptor(
        key="Auth.Connections.Closed",
        subject="events.v1.Auth.Connections.Closed",
        params=(),
        event=models.AuthConnectionsClosedEvent,
        publish_capabilities=("trellis.auth::events.auth",),
        subscribe_capabilities=("trellis.auth::events.auth",),
    )
)

EVENT_AUTH_CONNECTIONS_KICKED: EventDescriptor[models.AuthConnectionsKickedEvent] = (
    EventDescriptor(
        key="Auth.Connections.Kicked",
        subject="events.v1.Auth.Connections.Kicked",
        params=(),
        event=models.AuthConnectionsKickedEvent,
        publish_capabilities=("trellis.auth::events.auth",),
        subscribe_capabilities=("trellis.auth::events.auth",),
    )
)

EVENT_AUTH_CONNECTIONS_OPENED: EventDescriptor[models.AuthConnectionsOpenedEvent] = (
    EventDescriptor(
        key="Auth.Connections.Opened",
        subject="events.v1.Auth.Connections.Opened",
        params=(),
        event=models.AuthConnectionsOpenedEvent,
        publish_capabilities=("trellis.auth::events.auth",),
        subscribe_capabilities=("trellis.auth::events.auth",),
    )
)

EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED: EventDescriptor[
    models.AuthDeviceUserAuthoritiesApprovedEvent
] = EventDescriptor(
    key="Auth.DeviceUserAuthorities.Approved",
    subject="events.v1.Auth.DeviceUserAuthorities.Approved.{/deploymentId}",
    params=("/deploymentId",),
    event=models.AuthDeviceUserAuthoritiesApprovedEvent,
    publish_capabilities=("trellis.auth::events.auth",),
    subscribe_capabilities=("trellis.auth::device.review",),
)

EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED: EventDescriptor[
    models.AuthDeviceUserAuthoritiesRequestedEvent
] = EventDescriptor(
    key="Auth.DeviceUserAuthorities.Requested",
    subject="events.v1.Auth.DeviceUserAuthorities.Requested.{/deploymentId}",
    params=("/deploymentId",),
    event=models.AuthDeviceUserAuthoritiesRequestedEvent,
    publish_capabilities=("trellis.auth::events.auth",),
    subscribe_capabilities=("trellis.auth::device.review",),
)

EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED: EventDescriptor[
    models.AuthDeviceUserAuthoritiesResolvedEvent
] = EventDescriptor(
    key="Auth.DeviceUserAuthorities.Resolved",
    subject="events.v1.Auth.DeviceUserAuthorities.Resolved.{/deploymentId}",
    params=("/deploymentId",),
    event=models.AuthDeviceUserAuthoritiesResolvedEvent,
    publish_capabilities=("trellis.auth::events.auth",),
    subscribe_capabilities=("trellis.auth::device.review", "trellis.auth::events.auth"),
)

EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED: EventDescriptor[
    models.AuthDeviceUserAuthoritiesReviewRequestedEvent
] = EventDescriptor(
    key="Auth.DeviceUserAuthorities.ReviewRequested",
    subject="events.v1.Auth.DeviceUserAuthorities.ReviewRequested.{/deploymentId}",
    params=("/deploymentId",),
    event=models.AuthDeviceUserAuthoritiesReviewRequestedEvent,
    publish_capabilities=("trellis.auth::events.auth",),
    subscribe_capabilities=("trellis.auth::device.review",),
)

EVENT_AUTH_SESSIONS_REVOKED: EventDescriptor[models.AuthSessionsRevokedEvent] = (
    EventDescriptor(
        key="Auth.Sessions.Revoked",
        subject="events.v1.Auth.Sessions.Revoked",
        params=(),
        event=models.AuthSessionsRevokedEvent,
        publish_capabilities=("trellis.auth::events.auth",),
        subscribe_capabilities=("trellis.auth::events.auth",),
    )
)

HEALTH_EVENT_HEALTH_HEARTBEAT: EventDescriptor[models.HealthHeartbeat] = (
    EventDescriptor(
        key="Health.Heartbeat",
        subject="events.v1.Health.Heartbeat",
        params=(),
        event=models.HealthHeartbeat,
        publish_capabilities=(),
        subscribe_capabilities=(),
    )
)
