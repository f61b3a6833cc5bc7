"""Fake capabilities for module tests: they record their calls and return or raise on demand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import trio

from .._capabilities.capability import Capability, capability
from .._context import Context  # at run time: the capability's hints are evaluated
from ..errors import ExecutionFailedError, PacketFlowError

if TYPE_CHECKING:
    from .._node import Node

__all__ = ["FakeCapabilities", "fake_capability"]


def fake_capability(
    name: str,
    *,
    result: Mapping[str, Any] | None = None,
    error: PacketFlowError | None = None,
    delay: float = 0.0,
    gate: trio.Event | None = None,
    calls: list[dict[str, Any]] | None = None,
    **options: Any,
) -> Capability:
    """A capability that records each payload in ``calls``, waits for ``gate`` (when given)
    and ``delay`` seconds, then raises ``error`` or returns ``result`` (default: the payload
    itself, an echo).

    A ``gate`` holds every call in flight until the test sets it: ``len(calls)`` says how many
    are inside, so a test can act while they are, without guessing a duration.
    ``options`` go to :func:`packetflow.capability` (``tags``, ``idempotent``...).
    """
    seen = calls if calls is not None else []

    async def run(payload: dict[str, Any], ctx: Context) -> dict[str, Any]:
        seen.append(dict(payload))
        if gate is not None:
            await gate.wait()
        if delay:
            await trio.sleep(delay)
        if error is not None:
            raise error
        return dict(payload) if result is None else dict(result)

    options.setdefault("intent", f"fake capability {name!r} for tests")
    return capability(name=name, requires=(), provides=(), **options)(run)


class FakeCapabilities:
    """Fake capabilities registered on a node; ``calls[name]`` lists the payloads each got.

    ``echo`` (returns its payload) and ``fail`` (raises E500) are registered from the start.
    """

    def __init__(self, node: Node) -> None:
        self.node = node
        self.calls: dict[str, list[dict[str, Any]]] = {}
        self.add("echo")
        self.add("fail", error=ExecutionFailedError("capability 'fail' failed on purpose"))

    def add(self, name: str, **kwargs: Any) -> Capability:
        """Register :func:`fake_capability` ``name`` on the node and return it."""
        calls = self.calls.setdefault(name, [])
        cap = fake_capability(name, calls=calls, **kwargs)
        self.node.register(cap)
        return cap
