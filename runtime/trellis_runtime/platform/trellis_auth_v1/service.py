"""Typed handler registration for the surfaces the contract owns.

`service.handle.rpc.<group>.<leaf>(handler)` (also usable as a decorator) registers a handler
whose signature mypy checks against the contract; internal RPCs are not offered here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import trellis_runtime as runtime

from . import descriptors, models
from .client import Client
from .contract import CONTRACT_DIGEST, CONTRACT_ID

if TYPE_CHECKING:
    from trellis_runtime import (
        ActiveOperation,
        Bindings,
        Connection,
        Deferred,
        RpcContext,
    )
    from trellis_runtime.deps import Bound, BoundHealth

__all__ = ["BoundService", "Service"]

DepsT = TypeVar("DepsT")
NextDepsT = TypeVar("NextDepsT")


class _HandleRpcAuth:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def capabilities_list(
        self,
        handler: Callable[
            [models.AuthCapabilitiesListRequest, RpcContext],
            Awaitable[models.AuthCapabilitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilitiesListRequest, RpcContext],
        Awaitable[models.AuthCapabilitiesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CAPABILITIES_LIST, handler)
        return handler

    def capability_groups_delete(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsDeleteRequest, RpcContext],
            Awaitable[models.AuthCapabilityGroupsDeleteResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsDeleteRequest, RpcContext],
        Awaitable[models.AuthCapabilityGroupsDeleteResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_DELETE, handler)
        return handler

    def capability_groups_get(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsGetRequest, RpcContext],
            Awaitable[models.AuthCapabilityGroupsGetResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsGetRequest, RpcContext],
        Awaitable[models.AuthCapabilityGroupsGetResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_GET, handler)
        return handler

    def capability_groups_list(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsListRequest, RpcContext],
            Awaitable[models.AuthCapabilityGroupsListResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsListRequest, RpcContext],
        Awaitable[models.AuthCapabilityGroupsListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_LIST, handler)
        return handler

    def capability_groups_put(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsPutRequest, RpcContext],
            Awaitable[models.AuthCapabilityGroupsPutResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsPutRequest, RpcContext],
        Awaitable[models.AuthCapabilityGroupsPutResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_PUT, handler)
        return handler

    def catalog_issues_resolve(
        self,
        handler: Callable[
            [models.AuthCatalogIssuesResolveRequest, RpcContext],
            Awaitable[models.AuthCatalogIssuesResolveResponse],
        ],
    ) -> Callable[
        [models.AuthCatalogIssuesResolveRequest, RpcContext],
        Awaitable[models.AuthCatalogIssuesResolveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CATALOG_ISSUES_RESOLVE, handler)
        return handler

    def connections_kick(
        self,
        handler: Callable[
            [models.AuthConnectionsKickRequest, RpcContext],
            Awaitable[models.AuthConnectionsKickResponse],
        ],
    ) -> Callable[
        [models.AuthConnectionsKickRequest, RpcContext],
        Awaitable[models.AuthConnectionsKickResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CONNECTIONS_KICK, handler)
        return handler

    def connections_list(
        self,
        handler: Callable[
            [models.AuthConnectionsListRequest, RpcContext],
            Awaitable[models.AuthConnectionsListResponse],
        ],
    ) -> Callable[
        [models.AuthConnectionsListRequest, RpcContext],
        Awaitable[models.AuthConnectionsListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_CONNECTIONS_LIST, handler)
        return handler

    def deployment_authority_accept_migration(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityAcceptMigrationRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityAcceptMigrationRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION, handler
        )
        return handler

    def deployment_authority_accept_update(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityAcceptUpdateRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityAcceptUpdateRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE, handler
        )
        return handler

    def deployment_authority_get(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGetRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityGetResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGetRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityGetResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GET, handler)
        return handler

    def deployment_authority_grant_overrides_list(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGrantOverridesListRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesListRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesListResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST, handler
        )
        return handler

    def deployment_authority_grant_overrides_put(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGrantOverridesPutRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesPutRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT, handler
        )
        return handler

    def deployment_authority_grant_overrides_remove(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGrantOverridesRemoveRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesRemoveRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE, handler
        )
        return handler

    def deployment_authority_list(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityListRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityListRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_LIST, handler)
        return handler

    def deployment_authority_plan(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlanRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityPlanResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlanRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityPlanResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLAN, handler)
        return handler

    def deployment_authority_plans_get(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlansGetRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityPlansGetResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlansGetRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityPlansGetResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET, handler
        )
        return handler

    def deployment_authority_plans_list(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlansListRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityPlansListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlansListRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityPlansListResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST, handler
        )
        return handler

    def deployment_authority_reconcile(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityReconcileRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityReconcileResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityReconcileRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityReconcileResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_RECONCILE, handler
        )
        return handler

    def deployment_authority_reject(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityRejectRequest, RpcContext],
            Awaitable[models.AuthDeploymentAuthorityRejectResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityRejectRequest, RpcContext],
        Awaitable[models.AuthDeploymentAuthorityRejectResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_REJECT, handler)
        return handler

    def deployments_create(
        self,
        handler: Callable[
            [models.AuthDeploymentsCreateRequest, RpcContext],
            Awaitable[models.AuthDeploymentsCreateResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsCreateRequest, RpcContext],
        Awaitable[models.AuthDeploymentsCreateResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_CREATE, handler)
        return handler

    def deployments_disable(
        self,
        handler: Callable[
            [models.AuthDeploymentsDisableRequest, RpcContext],
            Awaitable[models.AuthDeploymentsDisableResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsDisableRequest, RpcContext],
        Awaitable[models.AuthDeploymentsDisableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_DISABLE, handler)
        return handler

    def deployments_enable(
        self,
        handler: Callable[
            [models.AuthDeploymentsEnableRequest, RpcContext],
            Awaitable[models.AuthDeploymentsEnableResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsEnableRequest, RpcContext],
        Awaitable[models.AuthDeploymentsEnableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_ENABLE, handler)
        return handler

    def deployments_list(
        self,
        handler: Callable[
            [models.AuthDeploymentsListRequest, RpcContext],
            Awaitable[models.AuthDeploymentsListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsListRequest, RpcContext],
        Awaitable[models.AuthDeploymentsListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_LIST, handler)
        return handler

    def deployments_remove(
        self,
        handler: Callable[
            [models.AuthDeploymentsRemoveRequest, RpcContext],
            Awaitable[models.AuthDeploymentsRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsRemoveRequest, RpcContext],
        Awaitable[models.AuthDeploymentsRemoveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_REMOVE, handler)
        return handler

    def device_user_authorities_list(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesListRequest, RpcContext],
            Awaitable[models.AuthDeviceUserAuthoritiesListResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesListRequest, RpcContext],
        Awaitable[models.AuthDeviceUserAuthoritiesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_LIST, handler)
        return handler

    def device_user_authorities_reviews_decide(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewsDecideRequest, RpcContext],
            Awaitable[models.AuthDeviceUserAuthoritiesReviewsDecideResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewsDecideRequest, RpcContext],
        Awaitable[models.AuthDeviceUserAuthoritiesReviewsDecideResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE, handler
        )
        return handler

    def device_user_authorities_reviews_list(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewsListRequest, RpcContext],
            Awaitable[models.AuthDeviceUserAuthoritiesReviewsListResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewsListRequest, RpcContext],
        Awaitable[models.AuthDeviceUserAuthoritiesReviewsListResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST, handler
        )
        return handler

    def device_user_authorities_revoke(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesRevokeRequest, RpcContext],
            Awaitable[models.AuthDeviceUserAuthoritiesRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesRevokeRequest, RpcContext],
        Awaitable[models.AuthDeviceUserAuthoritiesRevokeResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVOKE, handler
        )
        return handler

    def devices_connect_info_get(
        self,
        handler: Callable[
            [models.AuthDevicesConnectInfoGetRequest, RpcContext],
            Awaitable[models.AuthDevicesConnectInfoGetResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesConnectInfoGetRequest, RpcContext],
        Awaitable[models.AuthDevicesConnectInfoGetResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_CONNECT_INFO_GET, handler)
        return handler

    def devices_disable(
        self,
        handler: Callable[
            [models.AuthDevicesDisableRequest, RpcContext],
            Awaitable[models.AuthDevicesDisableResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesDisableRequest, RpcContext],
        Awaitable[models.AuthDevicesDisableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_DISABLE, handler)
        return handler

    def devices_enable(
        self,
        handler: Callable[
            [models.AuthDevicesEnableRequest, RpcContext],
            Awaitable[models.AuthDevicesEnableResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesEnableRequest, RpcContext],
        Awaitable[models.AuthDevicesEnableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_ENABLE, handler)
        return handler

    def devices_list(
        self,
        handler: Callable[
            [models.AuthDevicesListRequest, RpcContext],
            Awaitable[models.AuthDevicesListResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesListRequest, RpcContext],
        Awaitable[models.AuthDevicesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_LIST, handler)
        return handler

    def devices_provision(
        self,
        handler: Callable[
            [models.AuthDevicesProvisionRequest, RpcContext],
            Awaitable[models.AuthDevicesProvisionResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesProvisionRequest, RpcContext],
        Awaitable[models.AuthDevicesProvisionResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_PROVISION, handler)
        return handler

    def devices_remove(
        self,
        handler: Callable[
            [models.AuthDevicesRemoveRequest, RpcContext],
            Awaitable[models.AuthDevicesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesRemoveRequest, RpcContext],
        Awaitable[models.AuthDevicesRemoveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_DEVICES_REMOVE, handler)
        return handler

    def health(
        self,
        handler: Callable[
            [models.HealthRequest, RpcContext], Awaitable[models.HealthResponse]
        ],
    ) -> Callable[[models.HealthRequest, RpcContext], Awaitable[models.HealthResponse]]:
        """Health of the auth service."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_HEALTH, handler)
        return handler

    def identities_list(
        self,
        handler: Callable[
            [models.AuthIdentitiesListRequest, RpcContext],
            Awaitable[models.AuthIdentitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthIdentitiesListRequest, RpcContext],
        Awaitable[models.AuthIdentitiesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_IDENTITIES_LIST, handler)
        return handler

    def identity_grants_list(
        self,
        handler: Callable[
            [models.AuthIdentityGrantsListRequest, RpcContext],
            Awaitable[models.AuthIdentityGrantsListResponse],
        ],
    ) -> Callable[
        [models.AuthIdentityGrantsListRequest, RpcContext],
        Awaitable[models.AuthIdentityGrantsListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_IDENTITY_GRANTS_LIST, handler)
        return handler

    def identity_grants_revoke(
        self,
        handler: Callable[
            [models.AuthIdentityGrantsRevokeRequest, RpcContext],
            Awaitable[models.AuthIdentityGrantsRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthIdentityGrantsRevokeRequest, RpcContext],
        Awaitable[models.AuthIdentityGrantsRevokeResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_IDENTITY_GRANTS_REVOKE, handler)
        return handler

    def portals_get(
        self,
        handler: Callable[
            [models.AuthPortalsGetRequest, RpcContext],
            Awaitable[models.AuthPortalsGetResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsGetRequest, RpcContext],
        Awaitable[models.AuthPortalsGetResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_GET, handler)
        return handler

    def portals_list(
        self,
        handler: Callable[
            [models.AuthPortalsListRequest, RpcContext],
            Awaitable[models.AuthPortalsListResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsListRequest, RpcContext],
        Awaitable[models.AuthPortalsListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_LIST, handler)
        return handler

    def portals_login_settings_get(
        self,
        handler: Callable[
            [models.AuthPortalsLoginSettingsGetRequest, RpcContext],
            Awaitable[models.AuthPortalsLoginSettingsResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsLoginSettingsGetRequest, RpcContext],
        Awaitable[models.AuthPortalsLoginSettingsResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_GET, handler)
        return handler

    def portals_login_settings_update(
        self,
        handler: Callable[
            [models.AuthPortalsLoginSettingsUpdateRequest, RpcContext],
            Awaitable[models.AuthPortalsLoginSettingsResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsLoginSettingsUpdateRequest, RpcContext],
        Awaitable[models.AuthPortalsLoginSettingsResponse],
    ]:
        self._svc.handle_rpc(
            descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_UPDATE, handler
        )
        return handler

    def portals_put(
        self,
        handler: Callable[
            [models.AuthPortalsPutRequest, RpcContext],
            Awaitable[models.AuthPortalsPutResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsPutRequest, RpcContext],
        Awaitable[models.AuthPortalsPutResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_PUT, handler)
        return handler

    def portals_remove(
        self,
        handler: Callable[
            [models.AuthPortalsRemoveRequest, RpcContext],
            Awaitable[models.AuthPortalsRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRemoveRequest, RpcContext],
        Awaitable[models.AuthPortalsRemoveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_REMOVE, handler)
        return handler

    def portals_routes_put(
        self,
        handler: Callable[
            [models.AuthPortalsRoutesPutRequest, RpcContext],
            Awaitable[models.AuthPortalsRoutesPutResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRoutesPutRequest, RpcContext],
        Awaitable[models.AuthPortalsRoutesPutResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_ROUTES_PUT, handler)
        return handler

    def portals_routes_remove(
        self,
        handler: Callable[
            [models.AuthPortalsRoutesRemoveRequest, RpcContext],
            Awaitable[models.AuthPortalsRoutesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRoutesRemoveRequest, RpcContext],
        Awaitable[models.AuthPortalsRoutesRemoveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_PORTALS_ROUTES_REMOVE, handler)
        return handler

    def requests_validate(
        self,
        handler: Callable[
            [models.AuthRequestsValidateRequest, RpcContext],
            Awaitable[models.AuthRequestsValidateResponse],
        ],
    ) -> Callable[
        [models.AuthRequestsValidateRequest, RpcContext],
        Awaitable[models.AuthRequestsValidateResponse],
    ]:
        """Called by a service for a request it received: checks the caller's session key and proof, and whether the caller holds the capabilities the service asks for; answers whether to allow it, the reply inbox prefix the caller owns, and who the caller is."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_REQUESTS_VALIDATE, handler)
        return handler

    def service_instances_disable(
        self,
        handler: Callable[
            [models.AuthServiceInstancesDisableRequest, RpcContext],
            Awaitable[models.AuthServiceInstancesDisableResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesDisableRequest, RpcContext],
        Awaitable[models.AuthServiceInstancesDisableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_DISABLE, handler)
        return handler

    def service_instances_enable(
        self,
        handler: Callable[
            [models.AuthServiceInstancesEnableRequest, RpcContext],
            Awaitable[models.AuthServiceInstancesEnableResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesEnableRequest, RpcContext],
        Awaitable[models.AuthServiceInstancesEnableResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_ENABLE, handler)
        return handler

    def service_instances_list(
        self,
        handler: Callable[
            [models.AuthServiceInstancesListRequest, RpcContext],
            Awaitable[models.AuthServiceInstancesListResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesListRequest, RpcContext],
        Awaitable[models.AuthServiceInstancesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_LIST, handler)
        return handler

    def service_instances_provision(
        self,
        handler: Callable[
            [models.AuthServiceInstancesProvisionRequest, RpcContext],
            Awaitable[models.AuthServiceInstancesProvisionResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesProvisionRequest, RpcContext],
        Awaitable[models.AuthServiceInstancesProvisionResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_PROVISION, handler)
        return handler

    def service_instances_remove(
        self,
        handler: Callable[
            [models.AuthServiceInstancesRemoveRequest, RpcContext],
            Awaitable[models.AuthServiceInstancesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesRemoveRequest, RpcContext],
        Awaitable[models.AuthServiceInstancesRemoveResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_REMOVE, handler)
        return handler

    def sessions_list(
        self,
        handler: Callable[
            [models.AuthSessionsListRequest, RpcContext],
            Awaitable[models.AuthSessionsListResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsListRequest, RpcContext],
        Awaitable[models.AuthSessionsListResponse],
    ]:
        """Sessions currently known to the deployment."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_SESSIONS_LIST, handler)
        return handler

    def sessions_logout(
        self,
        handler: Callable[
            [models.AuthSessionsLogoutRequest, RpcContext],
            Awaitable[models.AuthSessionsLogoutResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsLogoutRequest, RpcContext],
        Awaitable[models.AuthSessionsLogoutResponse],
    ]:
        """End the calling session."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_SESSIONS_LOGOUT, handler)
        return handler

    def sessions_me(
        self,
        handler: Callable[
            [models.AuthSessionsMeRequest, RpcContext],
            Awaitable[models.AuthSessionsMeResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsMeRequest, RpcContext],
        Awaitable[models.AuthSessionsMeResponse],
    ]:
        """Who the calling session belongs to."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_SESSIONS_ME, handler)
        return handler

    def sessions_revoke(
        self,
        handler: Callable[
            [models.AuthSessionsRevokeRequest, RpcContext],
            Awaitable[models.AuthSessionsRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsRevokeRequest, RpcContext],
        Awaitable[models.AuthSessionsRevokeResponse],
    ]:
        """End a session other than one's own."""
        self._svc.handle_rpc(descriptors.RPC_AUTH_SESSIONS_REVOKE, handler)
        return handler

    def user_identities_list(
        self,
        handler: Callable[
            [models.AuthUserIdentitiesListRequest, RpcContext],
            Awaitable[models.AuthUserIdentitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthUserIdentitiesListRequest, RpcContext],
        Awaitable[models.AuthUserIdentitiesListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USER_IDENTITIES_LIST, handler)
        return handler

    def user_identities_unlink(
        self,
        handler: Callable[
            [models.AuthUserIdentitiesUnlinkRequest, RpcContext],
            Awaitable[models.AuthUserIdentitiesUnlinkResponse],
        ],
    ) -> Callable[
        [models.AuthUserIdentitiesUnlinkRequest, RpcContext],
        Awaitable[models.AuthUserIdentitiesUnlinkResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USER_IDENTITIES_UNLINK, handler)
        return handler

    def users_create(
        self,
        handler: Callable[
            [models.AuthUsersCreateRequest, RpcContext],
            Awaitable[models.AuthUsersCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersCreateRequest, RpcContext],
        Awaitable[models.AuthUsersCreateResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_CREATE, handler)
        return handler

    def users_get(
        self,
        handler: Callable[
            [models.AuthUsersGetRequest, RpcContext],
            Awaitable[models.AuthUsersGetResponse],
        ],
    ) -> Callable[
        [models.AuthUsersGetRequest, RpcContext], Awaitable[models.AuthUsersGetResponse]
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_GET, handler)
        return handler

    def users_identity_link_create(
        self,
        handler: Callable[
            [models.AuthUsersIdentityLinkCreateRequest, RpcContext],
            Awaitable[models.AuthUsersAccountFlowCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersIdentityLinkCreateRequest, RpcContext],
        Awaitable[models.AuthUsersAccountFlowCreateResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_IDENTITY_LINK_CREATE, handler)
        return handler

    def users_list(
        self,
        handler: Callable[
            [models.AuthUsersListRequest, RpcContext],
            Awaitable[models.AuthUsersListResponse],
        ],
    ) -> Callable[
        [models.AuthUsersListRequest, RpcContext],
        Awaitable[models.AuthUsersListResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_LIST, handler)
        return handler

    def users_password_change(
        self,
        handler: Callable[
            [models.AuthUsersPasswordChangeRequest, RpcContext],
            Awaitable[models.AuthUsersPasswordChangeResponse],
        ],
    ) -> Callable[
        [models.AuthUsersPasswordChangeRequest, RpcContext],
        Awaitable[models.AuthUsersPasswordChangeResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_PASSWORD_CHANGE, handler)
        return handler

    def users_password_reset_create(
        self,
        handler: Callable[
            [models.AuthUsersPasswordResetCreateRequest, RpcContext],
            Awaitable[models.AuthUsersAccountFlowCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersPasswordResetCreateRequest, RpcContext],
        Awaitable[models.AuthUsersAccountFlowCreateResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_PASSWORD_RESET_CREATE, handler)
        return handler

    def users_update(
        self,
        handler: Callable[
            [models.AuthUsersUpdateRequest, RpcContext],
            Awaitable[models.AuthUsersUpdateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersUpdateRequest, RpcContext],
        Awaitable[models.AuthUsersUpdateResponse],
    ]:
        self._svc.handle_rpc(descriptors.RPC_AUTH_USERS_UPDATE, handler)
        return handler


class _HandleOperationAuthDeviceUserAuthoritiesResolve:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def __call__(
        self,
        handler: Callable[
            [
                models.AuthResolveDeviceUserAuthoritiesRequest,
                ActiveOperation[
                    models.AuthResolveDeviceUserAuthoritiesProgress,
                    models.AuthResolveDeviceUserAuthoritiesResponse,
                ],
            ],
            Awaitable[models.AuthResolveDeviceUserAuthoritiesResponse | Deferred],
        ],
    ) -> Callable[
        [
            models.AuthResolveDeviceUserAuthoritiesRequest,
            ActiveOperation[
                models.AuthResolveDeviceUserAuthoritiesProgress,
                models.AuthResolveDeviceUserAuthoritiesResponse,
            ],
        ],
        Awaitable[models.AuthResolveDeviceUserAuthoritiesResponse | Deferred],
    ]:
        self._svc.handle_operation(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE, handler
        )
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[
        models.AuthResolveDeviceUserAuthoritiesProgress,
        models.AuthResolveDeviceUserAuthoritiesResponse,
    ]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._svc.operation_control(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE, operation_id
        )


class _HandleOperationAuth:
    def __init__(self, svc: runtime.Service) -> None:
        self.device_user_authorities_resolve = (
            _HandleOperationAuthDeviceUserAuthoritiesResolve(svc)
        )


class _HandleEventAuth:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc

    def connections_closed(
        self,
        handler: Callable[[models.AuthConnectionsClosedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsClosedEvent], Awaitable[None]]:
        """A participant's connection ended."""
        filter: dict[str, str | None] = {}
        self._svc.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_CLOSED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def connections_kicked(
        self,
        handler: Callable[[models.AuthConnectionsKickedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsKickedEvent], Awaitable[None]]:
        """An administrator closed a connection."""
        filter: dict[str, str | None] = {}
        self._svc.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_KICKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def connections_opened(
        self,
        handler: Callable[[models.AuthConnectionsOpenedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsOpenedEvent], Awaitable[None]]:
        """A participant connected."""
        filter: dict[str, str | None] = {}
        self._svc.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_OPENED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_approved(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesApprovedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.AuthDeviceUserAuthoritiesApprovedEvent], Awaitable[None]]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._svc.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_requested(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesRequestedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.AuthDeviceUserAuthoritiesRequestedEvent], Awaitable[None]]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._svc.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_resolved(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesResolvedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[[models.AuthDeviceUserAuthoritiesResolvedEvent], Awaitable[None]]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._svc.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_review_requested(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewRequestedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewRequestedEvent], Awaitable[None]
    ]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._svc.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def sessions_revoked(
        self,
        handler: Callable[[models.AuthSessionsRevokedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthSessionsRevokedEvent], Awaitable[None]]:
        """A session was ended."""
        filter: dict[str, str | None] = {}
        self._svc.listen(
            descriptors.EVENT_AUTH_SESSIONS_REVOKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _HandleRpc:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.auth = _HandleRpcAuth(svc)


class _HandleOperation:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.auth = _HandleOperationAuth(svc)


class _HandleEvent:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc
        self.auth = _HandleEventAuth(svc)


class _HandleFeed:
    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _Jobs:
    """`service.jobs.<queue>`: `await create(payload)` -> `JobRef`; `handle(handler)` to work it.

    A handler is `async def handler(job: ActiveJob[Payload, Result]) -> Result`.
    """

    def __init__(self, svc: runtime.Service) -> None:
        self._svc = svc


class _Handle:
    def __init__(self, svc: runtime.Service) -> None:
        self.rpc = _HandleRpc(svc)
        self.operation = _HandleOperation(svc)
        self.event = _HandleEvent(svc)
        self.feed = _HandleFeed(svc)


class Service:
    """The owning service: `service.handle.<section>...(handler)`, `service.jobs.<queue>`, and
    `service.client` for outbound calls on the same connection.
    """

    def __init__(
        self,
        conn: Connection,
        *,
        name: str,
        authorizer: runtime.Authorizer | None = None,
        bootstrap: bool | None = None,
        heartbeat_interval: float = 30.0,
    ) -> None:
        """`authorizer` defaults to asking the deployment's auth service about each request.

        `bootstrap`: receive the resource bindings from the deployment before serving (default:
        when `conn` presented this contract's digest to a deployment). `heartbeat_interval`:
        seconds between `Health.Heartbeat` events.
        """
        self.runtime = runtime.Service(
            conn,
            name=name,
            contract_id=CONTRACT_ID,
            contract_digest=CONTRACT_DIGEST,
            authorizer=authorizer,
            bootstrap=bootstrap,
        )
        self.client = Client(conn)
        self.handle = _Handle(self.runtime)
        self.jobs = _Jobs(self.runtime)
        self.health = self.runtime.health
        self.runtime.enable_heartbeats(
            interval=heartbeat_interval
        )  # uses trellis.health@v1

    @property
    def bindings(self) -> Bindings | None:
        """What the deployment bound this contract's resources to (None before start, locally)."""
        return self.runtime.bindings

    def with_deps(self, deps: DepsT) -> BoundService[DepsT]:
        """Register handlers that also receive `deps` (a pool, settings, ...) as last argument."""
        return BoundService(self, deps)

    async def start(self) -> None:
        self.runtime.mount_standard_health(
            {
                "Auth.Health": descriptors.RPC_AUTH_HEALTH,
            }
        )
        await self.runtime.start()

    async def stop(self, *, timeout: float = runtime.DEFAULT_STOP_TIMEOUT) -> None:
        """Drain subscriptions; let in-flight handlers finish (up to `timeout`), cancel the rest."""
        await self.runtime.stop(timeout=timeout)


# ----- `service.with_deps(deps)`: the same registrations, handlers also get `deps` -------------


class _BoundHandleRpcAuth(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def capabilities_list(
        self,
        handler: Callable[
            [models.AuthCapabilitiesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthCapabilitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilitiesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthCapabilitiesListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CAPABILITIES_LIST, handler)
        return handler

    def capability_groups_delete(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsDeleteRequest, RpcContext, DepsT],
            Awaitable[models.AuthCapabilityGroupsDeleteResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsDeleteRequest, RpcContext, DepsT],
        Awaitable[models.AuthCapabilityGroupsDeleteResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_DELETE, handler)
        return handler

    def capability_groups_get(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthCapabilityGroupsGetResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthCapabilityGroupsGetResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_GET, handler)
        return handler

    def capability_groups_list(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthCapabilityGroupsListResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthCapabilityGroupsListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_LIST, handler)
        return handler

    def capability_groups_put(
        self,
        handler: Callable[
            [models.AuthCapabilityGroupsPutRequest, RpcContext, DepsT],
            Awaitable[models.AuthCapabilityGroupsPutResponse],
        ],
    ) -> Callable[
        [models.AuthCapabilityGroupsPutRequest, RpcContext, DepsT],
        Awaitable[models.AuthCapabilityGroupsPutResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CAPABILITY_GROUPS_PUT, handler)
        return handler

    def catalog_issues_resolve(
        self,
        handler: Callable[
            [models.AuthCatalogIssuesResolveRequest, RpcContext, DepsT],
            Awaitable[models.AuthCatalogIssuesResolveResponse],
        ],
    ) -> Callable[
        [models.AuthCatalogIssuesResolveRequest, RpcContext, DepsT],
        Awaitable[models.AuthCatalogIssuesResolveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CATALOG_ISSUES_RESOLVE, handler)
        return handler

    def connections_kick(
        self,
        handler: Callable[
            [models.AuthConnectionsKickRequest, RpcContext, DepsT],
            Awaitable[models.AuthConnectionsKickResponse],
        ],
    ) -> Callable[
        [models.AuthConnectionsKickRequest, RpcContext, DepsT],
        Awaitable[models.AuthConnectionsKickResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CONNECTIONS_KICK, handler)
        return handler

    def connections_list(
        self,
        handler: Callable[
            [models.AuthConnectionsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthConnectionsListResponse],
        ],
    ) -> Callable[
        [models.AuthConnectionsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthConnectionsListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_CONNECTIONS_LIST, handler)
        return handler

    def deployment_authority_accept_migration(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityAcceptMigrationRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityAcceptMigrationRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION, handler
        )
        return handler

    def deployment_authority_accept_update(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityAcceptUpdateRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityAcceptUpdateRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityAcceptResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE, handler
        )
        return handler

    def deployment_authority_get(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityGetResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityGetResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GET, handler)
        return handler

    def deployment_authority_grant_overrides_list(
        self,
        handler: Callable[
            [
                models.AuthDeploymentAuthorityGrantOverridesListRequest,
                RpcContext,
                DepsT,
            ],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesListResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST, handler
        )
        return handler

    def deployment_authority_grant_overrides_put(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityGrantOverridesPutRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesPutRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT, handler
        )
        return handler

    def deployment_authority_grant_overrides_remove(
        self,
        handler: Callable[
            [
                models.AuthDeploymentAuthorityGrantOverridesRemoveRequest,
                RpcContext,
                DepsT,
            ],
            Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityGrantOverridesRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityGrantOverridesResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE, handler
        )
        return handler

    def deployment_authority_list(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_LIST, handler)
        return handler

    def deployment_authority_plan(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlanRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityPlanResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlanRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityPlanResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLAN, handler)
        return handler

    def deployment_authority_plans_get(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlansGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityPlansGetResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlansGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityPlansGetResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET, handler
        )
        return handler

    def deployment_authority_plans_list(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityPlansListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityPlansListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityPlansListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityPlansListResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST, handler
        )
        return handler

    def deployment_authority_reconcile(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityReconcileRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityReconcileResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityReconcileRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityReconcileResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_RECONCILE, handler
        )
        return handler

    def deployment_authority_reject(
        self,
        handler: Callable[
            [models.AuthDeploymentAuthorityRejectRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentAuthorityRejectResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentAuthorityRejectRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentAuthorityRejectResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_REJECT, handler
        )
        return handler

    def deployments_create(
        self,
        handler: Callable[
            [models.AuthDeploymentsCreateRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentsCreateResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsCreateRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentsCreateResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_CREATE, handler)
        return handler

    def deployments_disable(
        self,
        handler: Callable[
            [models.AuthDeploymentsDisableRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentsDisableResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsDisableRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentsDisableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_DISABLE, handler)
        return handler

    def deployments_enable(
        self,
        handler: Callable[
            [models.AuthDeploymentsEnableRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentsEnableResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsEnableRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentsEnableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_ENABLE, handler)
        return handler

    def deployments_list(
        self,
        handler: Callable[
            [models.AuthDeploymentsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentsListResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentsListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_LIST, handler)
        return handler

    def deployments_remove(
        self,
        handler: Callable[
            [models.AuthDeploymentsRemoveRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeploymentsRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthDeploymentsRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeploymentsRemoveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEPLOYMENTS_REMOVE, handler)
        return handler

    def device_user_authorities_list(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeviceUserAuthoritiesListResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeviceUserAuthoritiesListResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_LIST, handler
        )
        return handler

    def device_user_authorities_reviews_decide(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewsDecideRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeviceUserAuthoritiesReviewsDecideResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewsDecideRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeviceUserAuthoritiesReviewsDecideResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE, handler
        )
        return handler

    def device_user_authorities_reviews_list(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeviceUserAuthoritiesReviewsListResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeviceUserAuthoritiesReviewsListResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST, handler
        )
        return handler

    def device_user_authorities_revoke(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesRevokeRequest, RpcContext, DepsT],
            Awaitable[models.AuthDeviceUserAuthoritiesRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesRevokeRequest, RpcContext, DepsT],
        Awaitable[models.AuthDeviceUserAuthoritiesRevokeResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVOKE, handler
        )
        return handler

    def devices_connect_info_get(
        self,
        handler: Callable[
            [models.AuthDevicesConnectInfoGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesConnectInfoGetResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesConnectInfoGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesConnectInfoGetResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_CONNECT_INFO_GET, handler)
        return handler

    def devices_disable(
        self,
        handler: Callable[
            [models.AuthDevicesDisableRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesDisableResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesDisableRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesDisableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_DISABLE, handler)
        return handler

    def devices_enable(
        self,
        handler: Callable[
            [models.AuthDevicesEnableRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesEnableResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesEnableRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesEnableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_ENABLE, handler)
        return handler

    def devices_list(
        self,
        handler: Callable[
            [models.AuthDevicesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesListResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_LIST, handler)
        return handler

    def devices_provision(
        self,
        handler: Callable[
            [models.AuthDevicesProvisionRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesProvisionResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesProvisionRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesProvisionResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_PROVISION, handler)
        return handler

    def devices_remove(
        self,
        handler: Callable[
            [models.AuthDevicesRemoveRequest, RpcContext, DepsT],
            Awaitable[models.AuthDevicesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthDevicesRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthDevicesRemoveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_DEVICES_REMOVE, handler)
        return handler

    def health(
        self,
        handler: Callable[
            [models.HealthRequest, RpcContext, DepsT], Awaitable[models.HealthResponse]
        ],
    ) -> Callable[
        [models.HealthRequest, RpcContext, DepsT], Awaitable[models.HealthResponse]
    ]:
        """Health of the auth service."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_HEALTH, handler)
        return handler

    def identities_list(
        self,
        handler: Callable[
            [models.AuthIdentitiesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthIdentitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthIdentitiesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthIdentitiesListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_IDENTITIES_LIST, handler)
        return handler

    def identity_grants_list(
        self,
        handler: Callable[
            [models.AuthIdentityGrantsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthIdentityGrantsListResponse],
        ],
    ) -> Callable[
        [models.AuthIdentityGrantsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthIdentityGrantsListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_IDENTITY_GRANTS_LIST, handler)
        return handler

    def identity_grants_revoke(
        self,
        handler: Callable[
            [models.AuthIdentityGrantsRevokeRequest, RpcContext, DepsT],
            Awaitable[models.AuthIdentityGrantsRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthIdentityGrantsRevokeRequest, RpcContext, DepsT],
        Awaitable[models.AuthIdentityGrantsRevokeResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_IDENTITY_GRANTS_REVOKE, handler)
        return handler

    def portals_get(
        self,
        handler: Callable[
            [models.AuthPortalsGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsGetResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsGetResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_GET, handler)
        return handler

    def portals_list(
        self,
        handler: Callable[
            [models.AuthPortalsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsListResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_LIST, handler)
        return handler

    def portals_login_settings_get(
        self,
        handler: Callable[
            [models.AuthPortalsLoginSettingsGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsLoginSettingsResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsLoginSettingsGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsLoginSettingsResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_GET, handler)
        return handler

    def portals_login_settings_update(
        self,
        handler: Callable[
            [models.AuthPortalsLoginSettingsUpdateRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsLoginSettingsResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsLoginSettingsUpdateRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsLoginSettingsResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_UPDATE, handler
        )
        return handler

    def portals_put(
        self,
        handler: Callable[
            [models.AuthPortalsPutRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsPutResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsPutRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsPutResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_PUT, handler)
        return handler

    def portals_remove(
        self,
        handler: Callable[
            [models.AuthPortalsRemoveRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsRemoveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_REMOVE, handler)
        return handler

    def portals_routes_put(
        self,
        handler: Callable[
            [models.AuthPortalsRoutesPutRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsRoutesPutResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRoutesPutRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsRoutesPutResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_ROUTES_PUT, handler)
        return handler

    def portals_routes_remove(
        self,
        handler: Callable[
            [models.AuthPortalsRoutesRemoveRequest, RpcContext, DepsT],
            Awaitable[models.AuthPortalsRoutesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthPortalsRoutesRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthPortalsRoutesRemoveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_PORTALS_ROUTES_REMOVE, handler)
        return handler

    def requests_validate(
        self,
        handler: Callable[
            [models.AuthRequestsValidateRequest, RpcContext, DepsT],
            Awaitable[models.AuthRequestsValidateResponse],
        ],
    ) -> Callable[
        [models.AuthRequestsValidateRequest, RpcContext, DepsT],
        Awaitable[models.AuthRequestsValidateResponse],
    ]:
        """Called by a service for a request it received: checks the caller's session key and proof, and whether the caller holds the capabilities the service asks for; answers whether to allow it, the reply inbox prefix the caller owns, and who the caller is."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_REQUESTS_VALIDATE, handler)
        return handler

    def service_instances_disable(
        self,
        handler: Callable[
            [models.AuthServiceInstancesDisableRequest, RpcContext, DepsT],
            Awaitable[models.AuthServiceInstancesDisableResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesDisableRequest, RpcContext, DepsT],
        Awaitable[models.AuthServiceInstancesDisableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_DISABLE, handler)
        return handler

    def service_instances_enable(
        self,
        handler: Callable[
            [models.AuthServiceInstancesEnableRequest, RpcContext, DepsT],
            Awaitable[models.AuthServiceInstancesEnableResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesEnableRequest, RpcContext, DepsT],
        Awaitable[models.AuthServiceInstancesEnableResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_ENABLE, handler)
        return handler

    def service_instances_list(
        self,
        handler: Callable[
            [models.AuthServiceInstancesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthServiceInstancesListResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthServiceInstancesListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_LIST, handler)
        return handler

    def service_instances_provision(
        self,
        handler: Callable[
            [models.AuthServiceInstancesProvisionRequest, RpcContext, DepsT],
            Awaitable[models.AuthServiceInstancesProvisionResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesProvisionRequest, RpcContext, DepsT],
        Awaitable[models.AuthServiceInstancesProvisionResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_PROVISION, handler
        )
        return handler

    def service_instances_remove(
        self,
        handler: Callable[
            [models.AuthServiceInstancesRemoveRequest, RpcContext, DepsT],
            Awaitable[models.AuthServiceInstancesRemoveResponse],
        ],
    ) -> Callable[
        [models.AuthServiceInstancesRemoveRequest, RpcContext, DepsT],
        Awaitable[models.AuthServiceInstancesRemoveResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_SERVICE_INSTANCES_REMOVE, handler)
        return handler

    def sessions_list(
        self,
        handler: Callable[
            [models.AuthSessionsListRequest, RpcContext, DepsT],
            Awaitable[models.AuthSessionsListResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsListRequest, RpcContext, DepsT],
        Awaitable[models.AuthSessionsListResponse],
    ]:
        """Sessions currently known to the deployment."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_SESSIONS_LIST, handler)
        return handler

    def sessions_logout(
        self,
        handler: Callable[
            [models.AuthSessionsLogoutRequest, RpcContext, DepsT],
            Awaitable[models.AuthSessionsLogoutResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsLogoutRequest, RpcContext, DepsT],
        Awaitable[models.AuthSessionsLogoutResponse],
    ]:
        """End the calling session."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_SESSIONS_LOGOUT, handler)
        return handler

    def sessions_me(
        self,
        handler: Callable[
            [models.AuthSessionsMeRequest, RpcContext, DepsT],
            Awaitable[models.AuthSessionsMeResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsMeRequest, RpcContext, DepsT],
        Awaitable[models.AuthSessionsMeResponse],
    ]:
        """Who the calling session belongs to."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_SESSIONS_ME, handler)
        return handler

    def sessions_revoke(
        self,
        handler: Callable[
            [models.AuthSessionsRevokeRequest, RpcContext, DepsT],
            Awaitable[models.AuthSessionsRevokeResponse],
        ],
    ) -> Callable[
        [models.AuthSessionsRevokeRequest, RpcContext, DepsT],
        Awaitable[models.AuthSessionsRevokeResponse],
    ]:
        """End a session other than one's own."""
        self._bound.handle_rpc(descriptors.RPC_AUTH_SESSIONS_REVOKE, handler)
        return handler

    def user_identities_list(
        self,
        handler: Callable[
            [models.AuthUserIdentitiesListRequest, RpcContext, DepsT],
            Awaitable[models.AuthUserIdentitiesListResponse],
        ],
    ) -> Callable[
        [models.AuthUserIdentitiesListRequest, RpcContext, DepsT],
        Awaitable[models.AuthUserIdentitiesListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USER_IDENTITIES_LIST, handler)
        return handler

    def user_identities_unlink(
        self,
        handler: Callable[
            [models.AuthUserIdentitiesUnlinkRequest, RpcContext, DepsT],
            Awaitable[models.AuthUserIdentitiesUnlinkResponse],
        ],
    ) -> Callable[
        [models.AuthUserIdentitiesUnlinkRequest, RpcContext, DepsT],
        Awaitable[models.AuthUserIdentitiesUnlinkResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USER_IDENTITIES_UNLINK, handler)
        return handler

    def users_create(
        self,
        handler: Callable[
            [models.AuthUsersCreateRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersCreateRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersCreateResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_CREATE, handler)
        return handler

    def users_get(
        self,
        handler: Callable[
            [models.AuthUsersGetRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersGetResponse],
        ],
    ) -> Callable[
        [models.AuthUsersGetRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersGetResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_GET, handler)
        return handler

    def users_identity_link_create(
        self,
        handler: Callable[
            [models.AuthUsersIdentityLinkCreateRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersAccountFlowCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersIdentityLinkCreateRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersAccountFlowCreateResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_IDENTITY_LINK_CREATE, handler)
        return handler

    def users_list(
        self,
        handler: Callable[
            [models.AuthUsersListRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersListResponse],
        ],
    ) -> Callable[
        [models.AuthUsersListRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersListResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_LIST, handler)
        return handler

    def users_password_change(
        self,
        handler: Callable[
            [models.AuthUsersPasswordChangeRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersPasswordChangeResponse],
        ],
    ) -> Callable[
        [models.AuthUsersPasswordChangeRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersPasswordChangeResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_PASSWORD_CHANGE, handler)
        return handler

    def users_password_reset_create(
        self,
        handler: Callable[
            [models.AuthUsersPasswordResetCreateRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersAccountFlowCreateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersPasswordResetCreateRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersAccountFlowCreateResponse],
    ]:
        self._bound.handle_rpc(
            descriptors.RPC_AUTH_USERS_PASSWORD_RESET_CREATE, handler
        )
        return handler

    def users_update(
        self,
        handler: Callable[
            [models.AuthUsersUpdateRequest, RpcContext, DepsT],
            Awaitable[models.AuthUsersUpdateResponse],
        ],
    ) -> Callable[
        [models.AuthUsersUpdateRequest, RpcContext, DepsT],
        Awaitable[models.AuthUsersUpdateResponse],
    ]:
        self._bound.handle_rpc(descriptors.RPC_AUTH_USERS_UPDATE, handler)
        return handler


class _BoundHandleOperationAuthDeviceUserAuthoritiesResolve(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def __call__(
        self,
        handler: Callable[
            [
                models.AuthResolveDeviceUserAuthoritiesRequest,
                ActiveOperation[
                    models.AuthResolveDeviceUserAuthoritiesProgress,
                    models.AuthResolveDeviceUserAuthoritiesResponse,
                ],
                DepsT,
            ],
            Awaitable[models.AuthResolveDeviceUserAuthoritiesResponse | Deferred],
        ],
    ) -> Callable[
        [
            models.AuthResolveDeviceUserAuthoritiesRequest,
            ActiveOperation[
                models.AuthResolveDeviceUserAuthoritiesProgress,
                models.AuthResolveDeviceUserAuthoritiesResponse,
            ],
            DepsT,
        ],
        Awaitable[models.AuthResolveDeviceUserAuthoritiesResponse | Deferred],
    ]:
        self._bound.handle_operation(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE, handler
        )
        return handler

    async def control(
        self, operation_id: str
    ) -> ActiveOperation[
        models.AuthResolveDeviceUserAuthoritiesProgress,
        models.AuthResolveDeviceUserAuthoritiesResponse,
    ]:
        """Drive an operation by id after its handler returned `op.defer()` (e.g. from a job)."""
        return await self._bound.service.operation_control(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE, operation_id
        )


class _BoundHandleOperationAuth(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self.device_user_authorities_resolve = (
            _BoundHandleOperationAuthDeviceUserAuthoritiesResolve(bound)
        )


class _BoundHandleEventAuth(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound

    def connections_closed(
        self,
        handler: Callable[[models.AuthConnectionsClosedEvent, DepsT], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsClosedEvent, DepsT], Awaitable[None]]:
        filter: dict[str, str | None] = {}
        self._bound.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_CLOSED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def connections_kicked(
        self,
        handler: Callable[[models.AuthConnectionsKickedEvent, DepsT], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsKickedEvent, DepsT], Awaitable[None]]:
        filter: dict[str, str | None] = {}
        self._bound.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_KICKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def connections_opened(
        self,
        handler: Callable[[models.AuthConnectionsOpenedEvent, DepsT], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthConnectionsOpenedEvent, DepsT], Awaitable[None]]:
        filter: dict[str, str | None] = {}
        self._bound.listen(
            descriptors.EVENT_AUTH_CONNECTIONS_OPENED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_approved(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesApprovedEvent, DepsT], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesApprovedEvent, DepsT], Awaitable[None]
    ]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._bound.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_requested(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesRequestedEvent, DepsT], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesRequestedEvent, DepsT], Awaitable[None]
    ]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._bound.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_resolved(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesResolvedEvent, DepsT], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesResolvedEvent, DepsT], Awaitable[None]
    ]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._bound.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def device_user_authorities_review_requested(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewRequestedEvent, DepsT],
            Awaitable[None],
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Callable[
        [models.AuthDeviceUserAuthoritiesReviewRequestedEvent, DepsT], Awaitable[None]
    ]:
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        self._bound.listen(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler

    def sessions_revoked(
        self,
        handler: Callable[[models.AuthSessionsRevokedEvent, DepsT], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Callable[[models.AuthSessionsRevokedEvent, DepsT], Awaitable[None]]:
        filter: dict[str, str | None] = {}
        self._bound.listen(
            descriptors.EVENT_AUTH_SESSIONS_REVOKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )
        return handler


class _BoundHandleRpc(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.auth = _BoundHandleRpcAuth(bound)


class _BoundHandleOperation(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.auth = _BoundHandleOperationAuth(bound)


class _BoundHandleEvent(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound
        self.auth = _BoundHandleEventAuth(bound)


class _BoundHandleFeed(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundJobs(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self._bound = bound


class _BoundHandle(Generic[DepsT]):
    def __init__(self, bound: Bound[DepsT]) -> None:
        self.rpc = _BoundHandleRpc(bound)
        self.operation = _BoundHandleOperation(bound)
        self.event = _BoundHandleEvent(bound)
        self.feed = _BoundHandleFeed(bound)


class BoundService(Generic[DepsT]):
    """`service.with_deps(deps)`: register handlers that receive `deps` as their last argument.

    Trellis passes `deps` through untouched (never copies, opens or closes it); views made
    with different dependencies of one service keep their own.
    """

    def __init__(self, service: Service, deps: DepsT) -> None:
        self.service = service
        self.deps = deps
        bound = service.runtime.with_deps(deps)
        self.handle = _BoundHandle(bound)
        self.jobs = _BoundJobs(bound)
        self.health: BoundHealth[DepsT] = bound.health
        self.client = service.client

    def with_deps(self, deps: NextDepsT) -> BoundService[NextDepsT]:
        return BoundService(self.service, deps)
