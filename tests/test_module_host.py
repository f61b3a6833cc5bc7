"""Runtime management (register, enable/disable, unregister, reload) and the hooks that feed
the node: capabilities, effects and composition plans."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import trio
import trio.lowlevel
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow.testing import FakeCapabilities

VERSIONED = """
from typing import Any
import packetflow as pf

class Versioned(pf.Module):
    name = "versioned"
    stops: list[str] = []

    async def start(self, config: Any, node: pf.Node) -> None:
        self.generation = GENERATION  # the old instance keeps the value its code started with

    async def stop(self, reason: str) -> None:
        self.stops.append(reason)

    @pf.hookimpl
    async def packetflow_handle_response(self, response: Any) -> pf.Transform:
        payload = {**response.payload, "generation": self.generation}
        return pf.Transform(response.model_copy(update={"payload": payload}))

GENERATION = 1
"""


@pytest.fixture
def versioned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A module defined in its own file, so a test can change its code and reload it."""
    source = tmp_path / "versioned_module.py"
    source.write_text(VERSIONED, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield source
    sys.modules.pop("versioned_module", None)


async def test_reload_while_100_requests_are_in_flight_loses_none(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    versioned: Path,
) -> None:
    import versioned_module  # type: ignore[import-not-found]

    gate = trio.Event()  # the 100 requests stay in flight until the test lets them finish
    fake_capabilities.add("slow", gate=gate)
    await register_module(versioned_module.Versioned)
    stops = versioned_module.Versioned.stops  # the old class's list: reload makes a new one
    results: list[dict[str, Any]] = []

    async def one(i: int) -> None:
        results.append(await module_node.call("slow", {"i": i}))

    async def reload() -> None:
        info = await module_node.modules.reload("versioned")
        assert info.status == "active"

    async with trio.open_nursery() as nursery:
        for i in range(100):
            nursery.start_soon(one, i)
        await trio.testing.wait_all_tasks_blocked()
        assert len(fake_capabilities.calls["slow"]) == 100  # all 100 are inside the capability
        # (a different size too: the bytecode cache compares size and mtime in seconds)
        new_code = VERSIONED.replace("GENERATION = 1", "GENERATION = 2  # the new code")
        await trio.to_thread.run_sync(versioned.write_text, new_code, "utf-8")
        importlib.invalidate_caches()
        before = module_node.modules.instance("versioned")
        nursery.start_soon(reload)
        # Until the new code is swapped in (its instance and the new chain come together).
        while module_node.modules.instance("versioned") is before:
            await trio.lowlevel.checkpoint()
        late = await module_node.call("echo", {})  # new requests run the new code
        assert late["generation"] == 2
        assert stops == []  # the old instance waits for its in-flight requests
        gate.set()
    assert len(results) == 100
    assert sorted(r["i"] for r in results) == list(range(100))
    assert {r["generation"] for r in results} == {1}  # each kept the chain it started with
    assert stops == ["reload"]


class Versioned(pf.Module):
    name = "versioned"
    stops: ClassVar[list[str]] = []

    async def stop(self, reason: str) -> None:
        self.stops.append(reason)

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform:
        payload = {**response.payload, "generation": 0}
        return pf.Transform(response.model_copy(update={"payload": payload}))


async def test_disable_enable_unregister(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    Versioned.stops.clear()
    await register_module(Versioned)
    modules = module_node.modules
    assert [i.name for i in modules.list_active()] == ["versioned"]
    assert (await modules.disable("versioned")).status == "disabled"
    assert "generation" not in await module_node.call("echo", {})
    assert modules.list_active() == []
    assert (await modules.enable("versioned")).status == "active"
    assert "generation" in await module_node.call("echo", {})
    await modules.unregister("versioned")
    assert Versioned.stops == ["disabled", "unregistered"]
    with pytest.raises(pf.errors.NotFoundError):
        modules.info("versioned")


async def test_registering_a_name_twice_is_a_conflict(
    module_node: pf.Node, register_module: Any
) -> None:
    await register_module(Versioned)
    with pytest.raises(pf.errors.ConflictError):
        module_node.modules.register(Versioned)


def test_a_hook_signature_that_does_not_fit_names_module_hook_and_signature() -> None:
    class Typo(pf.Module):
        name = "typo"

        @pf.hookimpl
        def packetflow_handle_request(self, req: Any, ctx: Any) -> None: ...

    node = pf.Node("t")
    with pytest.raises(TypeError) as caught:
        node.modules.register(Typo)
    message = str(caught.value)
    assert "module 'typo'" in message
    assert "packetflow_handle_request(self, req: 'Any', ctx: 'Any')" in message
    assert "hookspec packetflow_handle_request(request, context)" in message


def test_an_unknown_hook_name_is_refused() -> None:
    class Unknown(pf.Module):
        name = "unknown"

        @pf.hookimpl
        def packetflow_handle_requests(self, request: Any) -> None: ...

    with pytest.raises(TypeError, match="no hook 'packetflow_handle_requests'"):
        pf.Node("t").modules.register(Unknown)


def test_bad_settings_and_config_are_refused_at_register() -> None:
    class Configured(pf.Module):
        name = "configured"

        class Config(BaseModel):
            size: int

    node = pf.Node("t")
    node.modules.configure({})
    with pytest.raises(ValueError, match="field 'size'"):
        node.modules.register(Configured, config={"size": "big"})
    with pytest.raises(ValueError, match="field 'on_error'"):
        node.modules.register(Configured, config={"size": 1}, on_error="explode")


class Loud(pf.Effect):
    kind = "loud"

    def apply(self, outcome: pf.Outcome, node: pf.Node) -> None:
        node.metrics.increment("loud")


class Provider(pf.Module):
    name = "provider"

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        @pf.capability(name="provider.status", requires=(), provides=())
        async def status(payload: dict[str, Any]) -> dict[str, Any]:
            return {"ok": True}

        register(status)

    @pf.hookimpl
    def packetflow_register_effects(self, register: Any) -> None:
        register(Loud)


async def test_modules_contribute_capabilities_and_effect_kinds_while_they_run(
    module_node: pf.Node, register_module: Any
) -> None:
    await register_module(Provider)
    assert await module_node.call("provider.status", {}) == {"ok": True}
    assert module_node.effect_kinds["loud"] is Loud
    await module_node.modules.disable("provider")
    assert "provider.status" not in module_node.registry
    assert "loud" not in module_node.effect_kinds


class StepOut(BaseModel):
    total: int


@pf.capability
async def add_one(total: int) -> StepOut:
    return StepOut(total=total + 1)


@pf.capability
async def add_ten(total: int) -> StepOut:
    return StepOut(total=total + 10)


class Optimizer(pf.Module):
    name = "optimizer"
    plans: ClassVar[list[pf.PlanNode]] = []
    replacement: ClassVar[Any] = None

    @pf.hookimpl
    def packetflow_handle_composition(self, plan: pf.PlanNode, context: pf.Context) -> Any:
        self.plans.append(plan)
        return self.replacement


@pytest.fixture
def composed(module_node: pf.Node) -> pf.Node:
    module_node.register(add_one, add_ten)
    module_node.register(
        pf.composition("bump", pf.pipeline(pf.step("add_one")), input=["total"], output=["total"])
    )
    Optimizer.plans.clear()
    return module_node


async def test_optimize_replaces_a_composition_plan(
    composed: pf.Node, register_module: Any
) -> None:
    Optimizer.replacement = pf.Optimize(pf.pipeline(pf.step("add_ten")))
    await register_module(Optimizer)
    assert await composed.call("bump", {"total": 1}) == {"total": 11}
    assert Optimizer.plans[-1] == pf.pipeline(pf.step("add_one"))
    bb = await composed.run(pf.pipeline(pf.step("add_one")), {"total": 0})
    assert bb["total"] == 10  # ad-hoc plans pass the composition hooks too


async def test_an_invalid_optimized_plan_is_a_module_failure(
    composed: pf.Node, register_module: Any
) -> None:
    Optimizer.replacement = pf.Optimize(pf.pipeline(pf.step("no_such_capability")))
    await register_module(Optimizer)
    assert await composed.call("bump", {"total": 1}) == {"total": 2}  # fail-open: original plan
    assert composed.modules.info("optimizer").errors == 1


async def test_fail_refuses_a_composition(composed: pf.Node, register_module: Any) -> None:
    Optimizer.replacement = pf.Fail("E429", "optimizer: too many compositions")
    await register_module(Optimizer)
    with pytest.raises(pf.errors.RateLimitedError):
        await composed.call("bump", {"total": 1})


async def test_register_while_running_starts_in_the_background(
    module_node: pf.Node, fake_capabilities: FakeCapabilities
) -> None:
    info = module_node.modules.register(Versioned)
    assert info.status == "starting"
    assert (await module_node.modules.wait_ready("versioned")).status == "active"


@pytest.fixture
def autojump_clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0)


class SlowStart(pf.Module):
    name = "slow_start"

    async def start(self, config: Any, node: pf.Node) -> None:
        await trio.sleep(3600)


async def test_a_start_that_hangs_is_bounded(
    autojump_clock: trio.testing.MockClock, module_node: pf.Node
) -> None:
    module_node.modules.register(SlowStart)
    info = await module_node.modules.wait_ready("slow_start")
    assert info.status == "failed_to_load"
    assert "took longer than 10s" in (info.error or "")


class Keeper(pf.Module):
    name = "keeper"

    async def start(self, config: Any, node: pf.Node) -> None:
        shared = node.modules.shared_state(self.name)
        shared["starts"] = shared.get("starts", 0) + 1


async def test_shared_state_outlives_an_instance(
    module_node: pf.Node, register_module: Any
) -> None:
    await register_module(Keeper)
    await module_node.modules.disable("keeper")
    await module_node.modules.enable("keeper")  # a fresh instance
    assert module_node.modules.shared_state("keeper") == {"starts": 2}
    with pytest.raises(pf.errors.NotFoundError):
        module_node.modules.shared_state("nobody")


def test_node_modules_shows_only_what_users_manage() -> None:
    # The chain, the plugin manager, lifecycle and isolation are the node's private runtime;
    # this is the whole surface (documented in packetflow/_modules/host.py and the README).
    surface = {name for name in dir(pf.ModuleHost) if not name.startswith("_")}
    assert surface == {
        "active", "autoload", "chain_order", "configure", "disable", "drain_timeout",
        "enable", "implementations", "info", "instance", "list_active", "list_all",
        "register", "reload", "set_tracer", "shared_state", "start_timeout", "statistics",
        "stop_timeout", "tracer", "unregister", "wait_ready",
    }  # fmt: skip
    node = pf.Node("surface")
    node.modules.start_timeout = 1.5
    assert node.modules.start_timeout == 1.5  # settings still read and write as attributes
