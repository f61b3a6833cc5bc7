"""The chain that requests go through: the current :class:`~.chain.Chain`, the replaced ones
still serving the requests that started on them, and the request paths into it.

Each path takes the chain that is current when it starts and keeps it to the end (see
:mod:`.requests`), so a register, unregister or reload in the meantime never changes the
modules a request sees.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

import trio

from . import requests
from .chain import Chain, FaultHandler
from .tracing import Tracer, log_tracer

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._compose.engine import Engine
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import CapabilityResponse, RequestEnvelope
    from .module import Module
    from .requests import Execute
    from .slot import ModuleSlot

__all__ = ["TRACE_ENV", "Chains"]

TRACE_ENV = "PACKETFLOW_TRACE_MODULES"

_TRUE = ("1", "true", "yes", "on")


class Chains:
    """The current chain of one node and the way requests enter it.

    Attributes:
        current: the chain new requests take.
        active: whether any module is in it (the node's fast paths read this).
        tracer: told about every hook call of chains built from now on.
    """

    def __init__(self, engine: Engine, fault: FaultHandler) -> None:
        self._engine = engine
        self._fault = fault
        self._retired: list[Chain] = []
        self.current = Chain((), fault)
        self.active = False
        self.tracer: Tracer | None = None

    def swap(self, members: Iterable[ModuleSlot], closed: Iterable[ModuleSlot]) -> None:
        """Build the chain of ``members`` (with guards for the fail-closed modules that are
        out, ``closed``) and make it current; requests in flight keep the chain they started
        with."""
        trace = self.tracer
        if trace is None and os.environ.get(TRACE_ENV, "").strip().lower() in _TRUE:
            trace = log_tracer
        new = Chain(members, self._fault, trace=trace, closed=closed)
        old, self.current = self.current, new
        self.active = bool(new)
        self._engine.rewrite = self.compose if new.has("composition") else None
        self._engine.steps = self.step if new.steps else None
        if old:
            old.retire()
            self._retired = [chain for chain in self._retired if self._serving(chain)]
            if self._serving(old):
                self._retired.append(old)

    def draining(self) -> int:
        """How many replaced chains still serve requests."""
        return sum(1 for chain in self._retired if self._serving(chain))

    async def drain(self, instance: Module, timeout: float) -> None:
        """Wait (at most ``timeout`` seconds) until no request still runs with ``instance``."""
        with trio.move_on_after(timeout):
            for chain in list(self._retired):
                if chain.drained is not None and any(i is instance for i in chain.instances):
                    await chain.drained.wait()

    @staticmethod
    def _serving(chain: Chain) -> bool:
        return chain.drained is not None and not chain.drained.is_set()

    # -- request paths (plain functions returning the coroutine: no extra frame) ------------

    def handle(
        self, request: RequestEnvelope, ctx: Context, timeout: float | None, execute: Execute
    ) -> Awaitable[CapabilityResponse]:
        """Run ``request`` through the chain around ``execute`` (``node.dispatch``)."""
        return requests.handle(self.current, request, ctx, timeout, execute, requests.with_modules)

    def call(
        self,
        name: str | None,
        payload: Any,
        ctx: Context,
        timeout: float | None,
        execute: Execute,
        intent: str | None = None,
    ) -> Awaitable[dict[str, Any]]:
        """``node.call`` while modules are active: the same chain as a wire request."""
        return requests.call(self.current, name, payload, ctx, timeout, execute, intent)

    def step(
        self,
        cap: Capability,
        payload: dict[str, Any],
        ctx: Context,
        timeout: float | None,
        path: str,
    ) -> Awaitable[dict[str, Any]]:
        """One composition step through the modules that see steps (``Module.steps``)."""
        engine = self._engine
        return requests.step(
            self.current,
            cap,
            payload,
            ctx,
            timeout,
            path,
            engine.executor.execute,
            engine.registry.get,
        )

    def compose(
        self, plan: PlanNode, ctx: Context, name: str, check: Callable[[PlanNode], object]
    ) -> Awaitable[PlanNode]:
        """Run the composition hooks on ``plan`` before composition ``name`` executes."""
        return requests.compose(self.current, plan, ctx, name, check)
