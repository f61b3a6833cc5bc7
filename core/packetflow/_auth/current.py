"""The verified caller of the running task.

A wire connection sets it once its ``hello`` is verified, so every task serving that
connection's requests (spawned after the hello, inheriting the context) sees the token behind
them. Transports that hand a request to another layer use it instead of threading the
principal through every signature: the MCP tunnel checks each tunnelled tool call and resource
read against it. In-process calls, outside any connection, see ``None``.
"""

from __future__ import annotations

from contextvars import ContextVar

from .principal import Principal

__all__ = ["CURRENT_PRINCIPAL", "current_principal"]

CURRENT_PRINCIPAL: ContextVar[Principal | None] = ContextVar("packetflow.principal", default=None)


def current_principal() -> Principal | None:
    """The principal of the wire connection this task serves (``None`` in-process)."""
    return CURRENT_PRINCIPAL.get()
