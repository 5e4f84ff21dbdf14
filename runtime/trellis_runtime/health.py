"""Service health: the checks an author adds, the heartbeat events, the standard health RPC.

Every contract uses ``trellis.health@v1``'s ``Health.Heartbeat`` event; when it does, the
service publishes one heartbeat right after it starts serving and then one per interval (30 s
unless configured), as the reference runtime does, on ``events.v1.Health.Heartbeat`` through
JetStream. A heartbeat names the instance (``instanceId``, a ULID per process), its contract
and digest, when it started, the interval, and the runtime, then the overall ``status`` and the
result of every check. The status is the reference's rule: ``healthy`` when every check passes,
``unhealthy`` when none does, ``degraded`` otherwise; a built-in ``nats`` check fails once the
connection is closed.

Checks are plain callables, sync or async, run concurrently at each heartbeat (and health RPC
call), each timed; one that raises counts as failed with its message, so a broken check never
stops the heartbeat. ``service.health.add(name, check)`` returns a function that removes it;
``service.health.set_info(...)`` adds a version and free-form info to the ``service`` block.

The heartbeat schema knows the runtimes ``deno``, ``node``, ``rust`` and ``unknown``; Python is
reported as ``unknown`` with ``runtimeVersion`` ``python <version>``.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import platform
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .encoding import encode_json, iso_now, ulid
from .errors import TrellisError

if TYPE_CHECKING:
    from .connection import Connection

log = logging.getLogger(__name__)

DEFAULT_PUBLISH_INTERVAL = 30.0  # seconds; the reference's publishIntervalMs default

Status = Literal["healthy", "unhealthy", "degraded"]


@dataclass(frozen=True)
class HealthCheck:
    """What one check says: passed (``ok``) or not, with an optional summary and details."""

    status: Literal["ok", "failed"]
    summary: str | None = None
    info: Mapping[str, Any] | None = None
    error: str | None = None

    @classmethod
    def ok(cls, summary: str | None = None, **info: Any) -> HealthCheck:
        return cls("ok", summary, info or None)

    @classmethod
    def failed(
        cls, summary: str | None = None, *, error: str | None = None, **info: Any
    ) -> HealthCheck:
        return cls("failed", summary, info or None, error)


@dataclass(frozen=True)
class HealthInfo:
    """Extra identity for the heartbeat's ``service`` block."""

    version: str | None = None
    info: Mapping[str, Any] = field(default_factory=dict)


# A check may answer a HealthCheck or a bare bool, synchronously or not.
CheckResult = HealthCheck | bool
Check = Callable[[], CheckResult | Awaitable[CheckResult]]
InfoSource = Callable[[], HealthInfo | None | Awaitable[HealthInfo | None]]


async def _resolve(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def run_check(name: str, check: Check) -> dict[str, Any]:
    """One check's result object (``name``, ``status``, ``latencyMs``, ...), never raising."""
    started = time.perf_counter()
    try:
        outcome = await _resolve(check())
        result = (
            outcome
            if isinstance(outcome, HealthCheck)
            else HealthCheck("ok" if outcome is True else "failed")
        )
    except Exception as exc:
        message = exc.message if isinstance(exc, TrellisError) else str(exc) or type(exc).__name__
        info: dict[str, Any] = {
            "errorType": exc.type if isinstance(exc, TrellisError) else type(exc).__name__
        }
        if isinstance(exc, TrellisError):
            info["errorId"] = exc.id
        result = HealthCheck("failed", message, info, message)
    latency_ms = (time.perf_counter() - started) * 1000
    body: dict[str, Any] = {"name": name, "status": result.status}
    if result.error is not None:
        body["error"] = result.error
    if result.summary is not None:
        body["summary"] = result.summary
    if result.info is not None:
        body["info"] = dict(result.info)
    body["latencyMs"] = latency_ms
    return body


def summarize(results: list[dict[str, Any]]) -> Status:
    passed = [r["status"] == "ok" for r in results]
    if all(passed):
        return "healthy"
    return "degraded" if any(passed) else "unhealthy"


def _failing_summary(results: list[dict[str, Any]]) -> str | None:
    failed = sum(1 for r in results if r["status"] == "failed")
    if failed == 0:
        return None
    return f"{failed} check{'' if failed == 1 else 's'} failing"


def transport_open(connection: Connection) -> bool:
    """Whether the connection still works (nats-py's ``is_closed``, or the in-memory flag)."""
    transport = connection.transport
    client = getattr(transport, "client", None)
    if client is not None and hasattr(client, "is_closed"):
        return not bool(client.is_closed)
    return not bool(getattr(transport, "_closed", False))


class ServiceHealth:
    """The health of one service instance: its checks, its info and what they add up to."""

    def __init__(
        self,
        *,
        service_name: str,
        contract_id: str,
        contract_digest: str,
        publish_interval: float = DEFAULT_PUBLISH_INTERVAL,
        instance_id: str | None = None,
    ) -> None:
        self.service_name = service_name
        self.contract_id = contract_id
        self.contract_digest = contract_digest
        self.publish_interval = publish_interval
        self.instance_id = instance_id or ulid()
        self.kind: Literal["service", "device"] = "service"
        self.started_at = iso_now()
        self._checks: dict[str, Check] = {}
        self._info: InfoSource | None = None

    def add(self, name: str, check: Check) -> Callable[[], None]:
        """Run ``check`` at every heartbeat under ``name`` (replacing one of that name)."""
        self._checks[name] = check

        def remove() -> None:
            if self._checks.get(name) is check:
                del self._checks[name]

        return remove

    def set_info(self, info: HealthInfo | InfoSource) -> None:
        """A fixed ``HealthInfo``, or a function asked at every heartbeat."""
        self._info = info if callable(info) else (lambda: info)

    async def checks(self) -> list[dict[str, Any]]:
        """Every check's result; failed ones say which service, contract and digest failed."""
        results = await asyncio.gather(
            *(run_check(name, check) for name, check in list(self._checks.items()))
        )
        for result in results:
            if result["status"] == "failed":
                result["info"] = {
                    **result.get("info", {}),
                    "service": self.service_name,
                    "contractId": self.contract_id,
                    "contractDigest": self.contract_digest,
                }
        return list(results)

    async def response(self) -> dict[str, Any]:
        """The standard health RPC's answer (the reference's ``HealthResponse``)."""
        results = await self.checks()
        return {
            "status": summarize(results),
            "service": self.service_name,
            "timestamp": iso_now(),
            "checks": results,
        }

    async def heartbeat(self) -> dict[str, Any]:
        """One heartbeat body without its ``header`` (publishing adds it)."""
        results = await self.checks()
        info = await _resolve(self._info()) if self._info is not None else None
        service: dict[str, Any] = {
            "name": self.service_name,
            "kind": self.kind,
            "instanceId": self.instance_id,
            "contractId": self.contract_id,
            "contractDigest": self.contract_digest,
            "startedAt": self.started_at,
            "publishIntervalMs": max(1, round(self.publish_interval * 1000)),
            "runtime": "unknown",
            "runtimeVersion": f"python {platform.python_version()}",
        }
        if isinstance(info, HealthInfo):
            if info.version:
                service["version"] = info.version
            if info.info:
                service["info"] = dict(info.info)
        body: dict[str, Any] = {"service": service, "status": summarize(results)}
        if (summary := _failing_summary(results)) is not None:
            body["summary"] = summary
        body["checks"] = results
        return body


class HeartbeatPublisher:
    """Publishes ``health``'s heartbeat now and then every interval, until stopped."""

    def __init__(self, health: ServiceHealth, connection: Connection) -> None:
        self._health = health
        self._connection = connection
        self._task: asyncio.Task[None] | None = None
        self.published = 0  # heartbeats that reached the stream, for tests and diagnostics

    async def start(self) -> None:
        await self.publish_once()
        self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def publish_once(self) -> None:
        """Build and publish one heartbeat; failures are logged, never raised (as the reference).

        The body is checked against the trellis.health@v1 schema, then sent as built (times keep
        the reference's millisecond format), with its ``header`` last and the header id as
        ``Nats-Msg-Id``, as the reference publishes events.
        """
        from .platform.trellis_health_v1 import descriptors, models

        try:
            header = {"id": ulid(), "time": iso_now()}
            body = {**(await self._health.heartbeat()), "header": header}
            models.HealthHeartbeat.model_validate(body)
            await self._connection.transport.stream_publish(
                descriptors.EVENT_HEALTH_HEARTBEAT.subject,
                encode_json(body),
                headers={"Nats-Msg-Id": header["id"]},
            )
            self.published += 1
        except Exception as exc:
            log.warning(
                "%s: failed to publish health heartbeat: %s", self._health.service_name, exc
            )

    async def _loop(self) -> None:
        # stop() unsets the task as it cancels it: a cancellation that a publish swallowed (on
        # Python 3.11, nats-py's request returns the ack that lands with it) still ends the loop
        this = asyncio.current_task()
        while self._task is this:
            await asyncio.sleep(self._health.publish_interval)
            await self.publish_once()


def standard_health_rpc(service_name: str) -> str:
    """The reference's standard health RPC key for a service name: ``<Pascal>.Health``."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", service_name) if p]
    return "".join(p[0].upper() + p[1:] for p in parts) + ".Health"


__all__ = [
    "DEFAULT_PUBLISH_INTERVAL",
    "HealthCheck",
    "HealthInfo",
    "HeartbeatPublisher",
    "ServiceHealth",
    "run_check",
    "standard_health_rpc",
    "summarize",
]
