"""Whether the application has configured OpenTelemetry."""

from __future__ import annotations

from opentelemetry import trace

__all__ = ["provider_configured"]


def provider_configured() -> bool:
    """Whether a real tracer provider is set (not the API's default proxy, whose spans go
    nowhere)."""
    return not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)
