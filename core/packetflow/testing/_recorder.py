"""The chain recorder: which module decided what, in which order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._node import Node

__all__ = ["ChainRecorder", "HookCall"]

_SHORT = {
    "packetflow_handle_request": "request",
    "packetflow_handle_composition": "composition",
    "packetflow_handle_response": "response",
}


@dataclass(frozen=True, slots=True)
class HookCall:
    """One hook call: the module, the chain (``"request"``, ``"composition"``,
    ``"response"``), the decision (``None`` for Continue) and how long it took."""

    module: str
    chain: str
    decision: Any
    seconds: float
    raised: bool = False

    @property
    def decided(self) -> str:
        """The decision's name: ``"Continue"``, ``"Intercept"``, ... or ``"raised"``."""
        if self.raised:
            return "raised"
        return "Continue" if self.decision is None else type(self.decision).__name__


class ChainRecorder:
    """Records every hook call on a node's chain (through ``node.modules.set_tracer``).

    Bounded: at most ``limit`` calls are kept (the oldest are dropped first).
    """

    def __init__(self, limit: int = 10_000) -> None:
        self.calls: list[HookCall] = []
        self.limit = limit
        self._node: Node | None = None

    def attach(self, node: Node) -> ChainRecorder:
        """Start recording ``node``'s hook calls (requests starting from now on)."""
        self._node = node
        node.modules.set_tracer(self._record)
        return self

    def detach(self) -> None:
        if self._node is not None:
            self._node.modules.set_tracer(None)
            self._node = None

    def _record(self, module: str, hook: str, decision: Any, seconds: float, raised: bool) -> None:
        if len(self.calls) >= self.limit:
            del self.calls[: len(self.calls) - self.limit + 1]
        self.calls.append(HookCall(module, _SHORT.get(hook, hook), decision, seconds, raised))

    def order(self, chain: str) -> list[str]:
        """Module names in call order for one chain (``"request"``...)."""
        return [call.module for call in self.calls if call.chain == chain]

    def decisions(self, module: str | None = None) -> list[tuple[str, str, str]]:
        """``(module, chain, decision name)`` for every call (of ``module``)."""
        return [
            (call.module, call.chain, call.decided)
            for call in self.calls
            if module is None or call.module == module
        ]

    def clear(self) -> None:
        self.calls.clear()
