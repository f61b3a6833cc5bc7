"""The conformance suite every module's tests subclass (SPEC 5.4).

It checks what the host relies on: the module has a name, a priority and a pydantic ``Config``;
its hooks fit the hookspecs; it starts, stops and starts again; every decision it makes is one
its hook may return; it survives malformed and unusual requests without raising; and it stays
within its ``hook_timeout``.

Nothing here measures time: "within its timeout" is the host's own ``timeouts`` counter (the
host cuts an async hook off at its deadline and counts a sync hook that overran it), so the
suite gives the same verdict on a loaded CI machine as on a laptop.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, ClassVar, get_args

import pytest
from pydantic import BaseModel

from .._modules.binding import validate_class
from .._modules.decisions import CompositionDecision, RequestDecision, ResponseDecision
from .._modules.module import Module
from .._node import Node
from .._wire.messages import ActorMessage, CapabilityRequest
from ..errors import PacketFlowError
from ._fakes import FakeCapabilities
from ._recorder import ChainRecorder

__all__ = ["ModuleConformance"]

# What each hook may return besides None: the decision aliases the hookspecs document.
_ALLOWED: dict[str, tuple[type, ...]] = {
    "request": get_args(RequestDecision),
    "composition": get_args(CompositionDecision),
    "response": get_args(ResponseDecision),
}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _unusual_requests(context: Mapping[str, Any]) -> list[CapabilityRequest | ActorMessage]:
    nested: dict[str, Any] = {}
    deep = nested
    for _ in range(50):
        deep["next"] = {}
        deep = deep["next"]
    return [
        CapabilityRequest(id="c-1", capability_id="echo", payload={}, context=context),
        CapabilityRequest(id="c-2", capability_id="echo", payload=nested, context=context),
        CapabilityRequest(
            id="c-3", capability_id="echo", payload={"text": "x" * 10_000, "n": -1}, context={}
        ),
        CapabilityRequest(
            id="c-4",
            capability_id="echo",
            payload={"emoji": "🦆", "null": None, "list": [1, "2", 3.0]},
            context={**context, "extra_key": {"a": 1}},
            spatial_context={"zone": "unknown"},  # an extra top-level field
        ),
        CapabilityRequest(id="c-5", capability_id="fail", payload={}, context=context),
        CapabilityRequest(id="c-6", capability_id="no_such_capability", context=context),
        CapabilityRequest(id="c-7", intent="do something useful", context=context),
        CapabilityRequest(id="c-8", capability_id="", payload={"": ""}, context=context),
        ActorMessage(id="c-9", capability_id="echo", actor_id="a-1", context=context),
    ]


class ModuleConformance:
    """Subclass it in a ``Test...`` class and set ``module`` (and ``config`` when the module
    needs one). Override ``context`` for a module that checks callers, ``settings`` for host
    settings (``priority``, ``on_error``...), and add ``requests`` of your own."""

    module: ClassVar[type[Module]]
    config: ClassVar[Mapping[str, Any] | None] = None
    settings: ClassVar[Mapping[str, Any]] = {}
    context: ClassVar[Mapping[str, Any]] = {
        "user_id": "conformance",
        "session_id": "conformance-session",
        "roles": ["admin"],
    }
    requests: ClassVar[Sequence[CapabilityRequest | ActorMessage]] = ()

    # -- helpers ----------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.module.name

    async def _traffic(self, node: Node) -> int:
        replies = 0
        for request in [*_unusual_requests(self.context), *self.requests]:
            with contextlib.suppress(PacketFlowError):
                await node.dispatch(request)
            replies += 1
        return replies

    # -- static checks ----------------------------------------------------------------------

    def test_declares_a_name_and_a_priority(self) -> None:
        assert issubclass(self.module, Module), "module must subclass packetflow.Module"
        assert _NAME.match(self.name), f"name {self.name!r} must be a snake_case word"
        assert isinstance(self.module.priority, int)

    def test_config_is_a_pydantic_model(self) -> None:
        assert issubclass(self.module.Config, BaseModel)
        self.module.Config.model_validate(dict(self.config or {}))

    def test_hooks_match_the_hookspecs(self) -> None:
        validate_class(self.module, self.name)

    # -- behaviour --------------------------------------------------------------------------

    @pytest.mark.trio
    async def test_starts_stops_and_starts_again(
        self, module_node: Node, register_module: Callable[..., Awaitable[Module]]
    ) -> None:
        await register_module(self.module, config=self.config, **self.settings)
        assert module_node.modules.info(self.name).status == "active"
        await module_node.modules.disable(self.name)
        assert module_node.modules.info(self.name).status == "disabled"
        await module_node.modules.enable(self.name)
        assert module_node.modules.info(self.name).status == "active"
        await module_node.modules.unregister(self.name)
        assert self.name not in [info.name for info in module_node.modules.list_all()]

    @pytest.mark.trio
    async def test_decisions_are_valid_types(
        self,
        module_node: Node,
        register_module: Callable[..., Awaitable[Module]],
        chain_recorder: ChainRecorder,
        fake_capabilities: FakeCapabilities,
    ) -> None:
        await register_module(self.module, config=self.config, **self.settings)
        await self._traffic(module_node)
        for call in chain_recorder.calls:
            if call.module != self.name or call.raised or call.decision is None:
                continue
            assert isinstance(call.decision, _ALLOWED[call.chain]), (
                f"{self.name}: {call.chain} hook returned {call.decision!r}"
            )

    @pytest.mark.trio
    async def test_survives_bad_input(
        self,
        module_node: Node,
        register_module: Callable[..., Awaitable[Module]],
        fake_capabilities: FakeCapabilities,
    ) -> None:
        await register_module(self.module, config=self.config, **self.settings)
        sent = await self._traffic(module_node)
        info = module_node.modules.info(self.name)
        assert info.errors == 0, f"{self.name} raised on {info.errors} of {sent} requests"
        assert info.status == "active"
        assert await module_node.call("echo", {"still": "serving"}, context=dict(self.context))

    @pytest.mark.trio
    async def test_respects_its_timeout(
        self,
        module_node: Node,
        register_module: Callable[..., Awaitable[Module]],
        chain_recorder: ChainRecorder,
        fake_capabilities: FakeCapabilities,
    ) -> None:
        await register_module(self.module, config=self.config, **self.settings)
        sent = await self._traffic(module_node)
        info = module_node.modules.info(self.name)
        calls = sum(1 for call in chain_recorder.calls if call.module == self.name)
        budget = self.settings.get("hook_timeout", self.module.hook_timeout)
        assert info.timeouts == 0, (
            f"{self.name}: {info.timeouts} of its {calls} hook calls (for {sent} requests) ran "
            f"past its hook_timeout of {budget}s"
        )
