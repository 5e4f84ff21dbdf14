"""The platform SDKs the runtime ships are exactly what the generator renders from the built-ins."""

from __future__ import annotations

from trellis_generate.platform import runtime_sdks


def test_the_runtime_s_platform_sdks_are_current() -> None:
    assert runtime_sdks.stale() == [], "run: python -m trellis_generate.platform.runtime_sdks"


def test_the_runtime_ships_the_validate_client_it_calls() -> None:
    from trellis_runtime.platform.trellis_auth_v1 import Client, descriptors, models

    desc = descriptors.RPC_AUTH_REQUESTS_VALIDATE
    assert (desc.subject, desc.caller_capabilities) == (
        "rpc.v1.Auth.Requests.Validate",
        ("service",),
    )
    assert desc.input is models.AuthRequestsValidateRequest
    assert callable(Client(None).rpc.auth.requests_validate)  # type: ignore[arg-type]
