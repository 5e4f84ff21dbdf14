"""Typed caller facade of trellis.auth@v1 and the surfaces it uses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from . import descriptors, models

if TYPE_CHECKING:
    from trellis_runtime import (
        Connection,
        OperationRef,
        Subscription,
    )
    from trellis_runtime.transfer import ReceiveTransfer, TransferGrant

__all__ = ["Client"]


class _RpcAuth:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def capabilities_list(
        self, input: models.AuthCapabilitiesListRequest, *, timeout: float | None = None
    ) -> models.AuthCapabilitiesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CAPABILITIES_LIST, input, timeout=timeout
        )

    async def capability_groups_delete(
        self,
        input: models.AuthCapabilityGroupsDeleteRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthCapabilityGroupsDeleteResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CAPABILITY_GROUPS_DELETE, input, timeout=timeout
        )

    async def capability_groups_get(
        self,
        input: models.AuthCapabilityGroupsGetRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthCapabilityGroupsGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CAPABILITY_GROUPS_GET, input, timeout=timeout
        )

    async def capability_groups_list(
        self,
        input: models.AuthCapabilityGroupsListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthCapabilityGroupsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CAPABILITY_GROUPS_LIST, input, timeout=timeout
        )

    async def capability_groups_put(
        self,
        input: models.AuthCapabilityGroupsPutRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthCapabilityGroupsPutResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CAPABILITY_GROUPS_PUT, input, timeout=timeout
        )

    async def catalog_issues_resolve(
        self,
        input: models.AuthCatalogIssuesResolveRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthCatalogIssuesResolveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CATALOG_ISSUES_RESOLVE, input, timeout=timeout
        )

    async def connections_kick(
        self, input: models.AuthConnectionsKickRequest, *, timeout: float | None = None
    ) -> models.AuthConnectionsKickResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CONNECTIONS_KICK, input, timeout=timeout
        )

    async def connections_list(
        self, input: models.AuthConnectionsListRequest, *, timeout: float | None = None
    ) -> models.AuthConnectionsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_CONNECTIONS_LIST, input, timeout=timeout
        )

    async def deployment_authority_accept_migration(
        self,
        input: models.AuthDeploymentAuthorityAcceptMigrationRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityAcceptResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_MIGRATION,
            input,
            timeout=timeout,
        )

    async def deployment_authority_accept_update(
        self,
        input: models.AuthDeploymentAuthorityAcceptUpdateRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityAcceptResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_ACCEPT_UPDATE,
            input,
            timeout=timeout,
        )

    async def deployment_authority_get(
        self,
        input: models.AuthDeploymentAuthorityGetRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GET, input, timeout=timeout
        )

    async def deployment_authority_grant_overrides_list(
        self,
        input: models.AuthDeploymentAuthorityGrantOverridesListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityGrantOverridesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_LIST,
            input,
            timeout=timeout,
        )

    async def deployment_authority_grant_overrides_put(
        self,
        input: models.AuthDeploymentAuthorityGrantOverridesPutRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityGrantOverridesResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_PUT,
            input,
            timeout=timeout,
        )

    async def deployment_authority_grant_overrides_remove(
        self,
        input: models.AuthDeploymentAuthorityGrantOverridesRemoveRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityGrantOverridesResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_GRANT_OVERRIDES_REMOVE,
            input,
            timeout=timeout,
        )

    async def deployment_authority_list(
        self,
        input: models.AuthDeploymentAuthorityListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_LIST, input, timeout=timeout
        )

    async def deployment_authority_plan(
        self,
        input: models.AuthDeploymentAuthorityPlanRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityPlanResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLAN, input, timeout=timeout
        )

    async def deployment_authority_plans_get(
        self,
        input: models.AuthDeploymentAuthorityPlansGetRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityPlansGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_GET, input, timeout=timeout
        )

    async def deployment_authority_plans_list(
        self,
        input: models.AuthDeploymentAuthorityPlansListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityPlansListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_PLANS_LIST, input, timeout=timeout
        )

    async def deployment_authority_reconcile(
        self,
        input: models.AuthDeploymentAuthorityReconcileRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityReconcileResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_RECONCILE, input, timeout=timeout
        )

    async def deployment_authority_reject(
        self,
        input: models.AuthDeploymentAuthorityRejectRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentAuthorityRejectResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENT_AUTHORITY_REJECT, input, timeout=timeout
        )

    async def deployments_create(
        self,
        input: models.AuthDeploymentsCreateRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentsCreateResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENTS_CREATE, input, timeout=timeout
        )

    async def deployments_disable(
        self,
        input: models.AuthDeploymentsDisableRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentsDisableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENTS_DISABLE, input, timeout=timeout
        )

    async def deployments_enable(
        self,
        input: models.AuthDeploymentsEnableRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentsEnableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENTS_ENABLE, input, timeout=timeout
        )

    async def deployments_list(
        self, input: models.AuthDeploymentsListRequest, *, timeout: float | None = None
    ) -> models.AuthDeploymentsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENTS_LIST, input, timeout=timeout
        )

    async def deployments_remove(
        self,
        input: models.AuthDeploymentsRemoveRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeploymentsRemoveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEPLOYMENTS_REMOVE, input, timeout=timeout
        )

    async def device_user_authorities_list(
        self,
        input: models.AuthDeviceUserAuthoritiesListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeviceUserAuthoritiesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_LIST, input, timeout=timeout
        )

    async def device_user_authorities_reviews_decide(
        self,
        input: models.AuthDeviceUserAuthoritiesReviewsDecideRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeviceUserAuthoritiesReviewsDecideResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_DECIDE,
            input,
            timeout=timeout,
        )

    async def device_user_authorities_reviews_list(
        self,
        input: models.AuthDeviceUserAuthoritiesReviewsListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeviceUserAuthoritiesReviewsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVIEWS_LIST,
            input,
            timeout=timeout,
        )

    async def device_user_authorities_revoke(
        self,
        input: models.AuthDeviceUserAuthoritiesRevokeRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDeviceUserAuthoritiesRevokeResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICE_USER_AUTHORITIES_REVOKE, input, timeout=timeout
        )

    async def devices_connect_info_get(
        self,
        input: models.AuthDevicesConnectInfoGetRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthDevicesConnectInfoGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_CONNECT_INFO_GET, input, timeout=timeout
        )

    async def devices_disable(
        self, input: models.AuthDevicesDisableRequest, *, timeout: float | None = None
    ) -> models.AuthDevicesDisableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_DISABLE, input, timeout=timeout
        )

    async def devices_enable(
        self, input: models.AuthDevicesEnableRequest, *, timeout: float | None = None
    ) -> models.AuthDevicesEnableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_ENABLE, input, timeout=timeout
        )

    async def devices_list(
        self, input: models.AuthDevicesListRequest, *, timeout: float | None = None
    ) -> models.AuthDevicesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_LIST, input, timeout=timeout
        )

    async def devices_provision(
        self, input: models.AuthDevicesProvisionRequest, *, timeout: float | None = None
    ) -> models.AuthDevicesProvisionResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_PROVISION, input, timeout=timeout
        )

    async def devices_remove(
        self, input: models.AuthDevicesRemoveRequest, *, timeout: float | None = None
    ) -> models.AuthDevicesRemoveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_DEVICES_REMOVE, input, timeout=timeout
        )

    async def health(
        self, input: models.HealthRequest, *, timeout: float | None = None
    ) -> models.HealthResponse:
        """Health of the auth service."""
        return await self._conn.request(
            descriptors.RPC_AUTH_HEALTH, input, timeout=timeout
        )

    async def identities_list(
        self, input: models.AuthIdentitiesListRequest, *, timeout: float | None = None
    ) -> models.AuthIdentitiesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_IDENTITIES_LIST, input, timeout=timeout
        )

    async def identity_grants_list(
        self,
        input: models.AuthIdentityGrantsListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthIdentityGrantsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_IDENTITY_GRANTS_LIST, input, timeout=timeout
        )

    async def identity_grants_revoke(
        self,
        input: models.AuthIdentityGrantsRevokeRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthIdentityGrantsRevokeResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_IDENTITY_GRANTS_REVOKE, input, timeout=timeout
        )

    async def portals_get(
        self, input: models.AuthPortalsGetRequest, *, timeout: float | None = None
    ) -> models.AuthPortalsGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_GET, input, timeout=timeout
        )

    async def portals_list(
        self, input: models.AuthPortalsListRequest, *, timeout: float | None = None
    ) -> models.AuthPortalsListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_LIST, input, timeout=timeout
        )

    async def portals_login_settings_get(
        self,
        input: models.AuthPortalsLoginSettingsGetRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthPortalsLoginSettingsResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_GET, input, timeout=timeout
        )

    async def portals_login_settings_update(
        self,
        input: models.AuthPortalsLoginSettingsUpdateRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthPortalsLoginSettingsResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_LOGIN_SETTINGS_UPDATE, input, timeout=timeout
        )

    async def portals_put(
        self, input: models.AuthPortalsPutRequest, *, timeout: float | None = None
    ) -> models.AuthPortalsPutResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_PUT, input, timeout=timeout
        )

    async def portals_remove(
        self, input: models.AuthPortalsRemoveRequest, *, timeout: float | None = None
    ) -> models.AuthPortalsRemoveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_REMOVE, input, timeout=timeout
        )

    async def portals_routes_put(
        self, input: models.AuthPortalsRoutesPutRequest, *, timeout: float | None = None
    ) -> models.AuthPortalsRoutesPutResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_ROUTES_PUT, input, timeout=timeout
        )

    async def portals_routes_remove(
        self,
        input: models.AuthPortalsRoutesRemoveRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthPortalsRoutesRemoveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_PORTALS_ROUTES_REMOVE, input, timeout=timeout
        )

    async def requests_validate(
        self, input: models.AuthRequestsValidateRequest, *, timeout: float | None = None
    ) -> models.AuthRequestsValidateResponse:
        """Called by a service for a request it received: checks the caller's session key and proof, and whether the caller holds the capabilities the service asks for; answers whether to allow it, the reply inbox prefix the caller owns, and who the caller is."""
        return await self._conn.request(
            descriptors.RPC_AUTH_REQUESTS_VALIDATE, input, timeout=timeout
        )

    async def service_instances_disable(
        self,
        input: models.AuthServiceInstancesDisableRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthServiceInstancesDisableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_DISABLE, input, timeout=timeout
        )

    async def service_instances_enable(
        self,
        input: models.AuthServiceInstancesEnableRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthServiceInstancesEnableResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_ENABLE, input, timeout=timeout
        )

    async def service_instances_list(
        self,
        input: models.AuthServiceInstancesListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthServiceInstancesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_LIST, input, timeout=timeout
        )

    async def service_instances_provision(
        self,
        input: models.AuthServiceInstancesProvisionRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthServiceInstancesProvisionResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_PROVISION, input, timeout=timeout
        )

    async def service_instances_remove(
        self,
        input: models.AuthServiceInstancesRemoveRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthServiceInstancesRemoveResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_SERVICE_INSTANCES_REMOVE, input, timeout=timeout
        )

    async def sessions_list(
        self, input: models.AuthSessionsListRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsListResponse:
        """Sessions currently known to the deployment."""
        return await self._conn.request(
            descriptors.RPC_AUTH_SESSIONS_LIST, input, timeout=timeout
        )

    async def sessions_logout(
        self, input: models.AuthSessionsLogoutRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsLogoutResponse:
        """End the calling session."""
        return await self._conn.request(
            descriptors.RPC_AUTH_SESSIONS_LOGOUT, input, timeout=timeout
        )

    async def sessions_me(
        self, input: models.AuthSessionsMeRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsMeResponse:
        """Who the calling session belongs to."""
        return await self._conn.request(
            descriptors.RPC_AUTH_SESSIONS_ME, input, timeout=timeout
        )

    async def sessions_revoke(
        self, input: models.AuthSessionsRevokeRequest, *, timeout: float | None = None
    ) -> models.AuthSessionsRevokeResponse:
        """End a session other than one's own."""
        return await self._conn.request(
            descriptors.RPC_AUTH_SESSIONS_REVOKE, input, timeout=timeout
        )

    async def user_identities_list(
        self,
        input: models.AuthUserIdentitiesListRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthUserIdentitiesListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USER_IDENTITIES_LIST, input, timeout=timeout
        )

    async def user_identities_unlink(
        self,
        input: models.AuthUserIdentitiesUnlinkRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthUserIdentitiesUnlinkResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USER_IDENTITIES_UNLINK, input, timeout=timeout
        )

    async def users_create(
        self, input: models.AuthUsersCreateRequest, *, timeout: float | None = None
    ) -> models.AuthUsersCreateResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_CREATE, input, timeout=timeout
        )

    async def users_get(
        self, input: models.AuthUsersGetRequest, *, timeout: float | None = None
    ) -> models.AuthUsersGetResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_GET, input, timeout=timeout
        )

    async def users_identity_link_create(
        self,
        input: models.AuthUsersIdentityLinkCreateRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthUsersAccountFlowCreateResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_IDENTITY_LINK_CREATE, input, timeout=timeout
        )

    async def users_list(
        self, input: models.AuthUsersListRequest, *, timeout: float | None = None
    ) -> models.AuthUsersListResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_LIST, input, timeout=timeout
        )

    async def users_password_change(
        self,
        input: models.AuthUsersPasswordChangeRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthUsersPasswordChangeResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_PASSWORD_CHANGE, input, timeout=timeout
        )

    async def users_password_reset_create(
        self,
        input: models.AuthUsersPasswordResetCreateRequest,
        *,
        timeout: float | None = None,
    ) -> models.AuthUsersAccountFlowCreateResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_PASSWORD_RESET_CREATE, input, timeout=timeout
        )

    async def users_update(
        self, input: models.AuthUsersUpdateRequest, *, timeout: float | None = None
    ) -> models.AuthUsersUpdateResponse:
        return await self._conn.request(
            descriptors.RPC_AUTH_USERS_UPDATE, input, timeout=timeout
        )


class _OperationAuthDeviceUserAuthoritiesResolve:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def start(
        self,
        input: models.AuthResolveDeviceUserAuthoritiesRequest,
        *,
        timeout: float | None = None,
    ) -> OperationRef[
        models.AuthResolveDeviceUserAuthoritiesProgress,
        models.AuthResolveDeviceUserAuthoritiesResponse,
    ]:
        """Start the operation; the reference gets, waits for, watches, cancels or signals it."""
        return await self._conn.start_operation(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE,
            input,
            timeout=timeout,
        )

    def resume(
        self, operation_id: str
    ) -> OperationRef[
        models.AuthResolveDeviceUserAuthoritiesProgress,
        models.AuthResolveDeviceUserAuthoritiesResponse,
    ]:
        """A reference to an operation started earlier (e.g. before a reconnect)."""
        return self._conn.operation(
            descriptors.OPERATION_AUTH_DEVICE_USER_AUTHORITIES_RESOLVE, operation_id
        )


class _OperationAuth:
    def __init__(self, conn: Connection) -> None:
        self.device_user_authorities_resolve = (
            _OperationAuthDeviceUserAuthoritiesResolve(conn)
        )


class _EventAuthConnectionsClosed:
    """A participant's connection ended."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.AuthConnectionsClosedEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_AUTH_CONNECTIONS_CLOSED, event)

    async def subscribe(
        self,
        handler: Callable[[models.AuthConnectionsClosedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {}
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_CONNECTIONS_CLOSED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthConnectionsKicked:
    """An administrator closed a connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.AuthConnectionsKickedEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_AUTH_CONNECTIONS_KICKED, event)

    async def subscribe(
        self,
        handler: Callable[[models.AuthConnectionsKickedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {}
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_CONNECTIONS_KICKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthConnectionsOpened:
    """A participant connected."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.AuthConnectionsOpenedEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_AUTH_CONNECTIONS_OPENED, event)

    async def subscribe(
        self,
        handler: Callable[[models.AuthConnectionsOpenedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {}
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_CONNECTIONS_OPENED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthDeviceUserAuthoritiesApproved:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(
        self, event: models.AuthDeviceUserAuthoritiesApprovedEvent
    ) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED, event
        )

    async def subscribe(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesApprovedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_APPROVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthDeviceUserAuthoritiesRequested:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(
        self, event: models.AuthDeviceUserAuthoritiesRequestedEvent
    ) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED, event
        )

    async def subscribe(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesRequestedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthDeviceUserAuthoritiesResolved:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(
        self, event: models.AuthDeviceUserAuthoritiesResolvedEvent
    ) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED, event
        )

    async def subscribe(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesResolvedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_RESOLVED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthDeviceUserAuthoritiesReviewRequested:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(
        self, event: models.AuthDeviceUserAuthoritiesReviewRequestedEvent
    ) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED, event
        )

    async def subscribe(
        self,
        handler: Callable[
            [models.AuthDeviceUserAuthoritiesReviewRequestedEvent], Awaitable[None]
        ],
        *,
        deployment_id: str | None = None,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {
            "/deploymentId": deployment_id,
        }
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_DEVICE_USER_AUTHORITIES_REVIEW_REQUESTED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuthSessionsRevoked:
    """A session was ended."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.AuthSessionsRevokedEvent) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.EVENT_AUTH_SESSIONS_REVOKED, event)

    async def subscribe(
        self,
        handler: Callable[[models.AuthSessionsRevokedEvent], Awaitable[None]],
        *,
        queue: str | None = None,
    ) -> Subscription:
        """Receive events; each keyword narrows the subscription to one subject parameter value."""
        filter: dict[str, str | None] = {}
        return await self._conn.subscribe(
            descriptors.EVENT_AUTH_SESSIONS_REVOKED,
            handler,
            filter={k: v for k, v in filter.items() if v is not None} or None,
            queue=queue,
        )


class _EventAuth:
    def __init__(self, conn: Connection) -> None:
        self.connections_closed = _EventAuthConnectionsClosed(conn)
        self.connections_kicked = _EventAuthConnectionsKicked(conn)
        self.connections_opened = _EventAuthConnectionsOpened(conn)
        self.device_user_authorities_approved = _EventAuthDeviceUserAuthoritiesApproved(
            conn
        )
        self.device_user_authorities_requested = (
            _EventAuthDeviceUserAuthoritiesRequested(conn)
        )
        self.device_user_authorities_resolved = _EventAuthDeviceUserAuthoritiesResolved(
            conn
        )
        self.device_user_authorities_review_requested = (
            _EventAuthDeviceUserAuthoritiesReviewRequested(conn)
        )
        self.sessions_revoked = _EventAuthSessionsRevoked(conn)


class _EventHealthHeartbeat:
    """Periodic report of a running instance: which contract and instance it is, its runtime, since when it runs, and the result of each health check."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def publish(self, event: models.HealthHeartbeat) -> None:
        """Publish on the subject rendered from the event's own fields."""
        await self._conn.publish(descriptors.HEALTH_EVENT_HEALTH_HEARTBEAT, event)


class _EventHealth:
    def __init__(self, conn: Connection) -> None:
        self.heartbeat = _EventHealthHeartbeat(conn)


class _Rpc:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.auth = _RpcAuth(conn)


class _Operation:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.auth = _OperationAuth(conn)


class _Event:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.auth = _EventAuth(conn)
        self.health = _EventHealth(conn)


class _Feed:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn


class Client:
    """Typed caller facade: `client.rpc.<group>.<leaf>(input)`, `client.operation...start(input)`,
    `client.event...publish(event)` / `.subscribe(handler)`, `client.feed.<group>.<leaf>(input)`.
    """

    def __init__(self, conn: Connection) -> None:
        self.connection = conn
        self.rpc = _Rpc(conn)
        self.operation = _Operation(conn)
        self.event = _Event(conn)
        self.feed = _Feed(conn)

    def transfer(
        self, grant: TransferGrant | BaseModel | dict[str, object]
    ) -> ReceiveTransfer:
        """Read what a receive grant (returned by a transfer RPC) entitles this session to:
        `await client.transfer(grant).bytes()`, or `async for chunk in ....stream()`."""
        from trellis_runtime.transfer import receive

        return receive(self.connection, grant)
