"""Module host benchmarks (issue: module host).

1. The chain: 10 no-op modules on request + response hooks, with deadlines and isolation on,
   against pluggy dispatching the same hook calls (``pm.hook.req()`` + ``pm.hook.resp()``, 10
   sync impls each). Target: ours <= 0.5x pluggy's plain dispatch. Also reported: the cost per
   module hook, and the same chain with ``async def`` hooks (pluggy cannot run those).
2. What a module costs just for being active: ``node.call`` on a small typed capability with
   one do-nothing sync module (request + response hooks) against the same call with no
   module, measured alternately in the same run.
3. Node start-up with 4 installed modules (real distributions on ``sys.path``, discovered
   through their entry points, imported and started) vs none. Target: <= 50 ms added.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pluggy
from pydantic import BaseModel

import packetflow as pf

from .harness import Result, per_op_us

MODULES = 10
INSTALLED = 4


def _sync_module(index: int) -> type[pf.Module]:
    class NoOp(pf.Module):
        name = f"noop_{index:02d}"
        priority = index

        @pf.hookimpl
        def packetflow_handle_request(self, request: Any, context: Any) -> None:
            return None

        @pf.hookimpl
        def packetflow_handle_response(self, response: Any, context: Any) -> None:
            return None

    return NoOp


def _async_module(index: int) -> type[pf.Module]:
    class AsyncNoOp(pf.Module):
        name = f"async_noop_{index:02d}"
        priority = index

        @pf.hookimpl
        async def packetflow_handle_request(self, request: Any, context: Any) -> None:
            return None

        @pf.hookimpl
        async def packetflow_handle_response(self, response: Any, context: Any) -> None:
            return None

    return AsyncNoOp


def _pluggy_baseline() -> Any:
    spec = pluggy.HookspecMarker("bench")
    impl = pluggy.HookimplMarker("bench")

    class Specs:
        @spec
        def req(self, request: Any, context: Any) -> None: ...

        @spec
        def resp(self, response: Any, context: Any) -> None: ...

    class Plugin:
        @impl
        def req(self, request: Any, context: Any) -> None:
            return None

        @impl
        def resp(self, response: Any, context: Any) -> None:
            return None

    pm = pluggy.PluginManager("bench")
    pm.add_hookspecs(Specs)
    for i in range(MODULES):
        pm.register(Plugin(), name=f"p{i}")
    return pm.hook


async def _chain_cost(make: Any, baseline: Any, rounds: int = 7) -> tuple[float, float]:
    """Best-of-``rounds`` cost of the whole chain (``handle`` minus the trivial execution it
    wraps) and of ``baseline``, measured alternately so load on the machine hits both alike."""
    node = pf.Node("bench-chain", data_dir=tempfile.mkdtemp())
    node.modules.autoload = False
    node.modules.configure({})
    for i in range(MODULES):
        node.modules.register(make(i))
    async with node.started():
        request = pf.CapabilityRequest(id="b", capability_id="noop")
        ctx = pf.Context.create({"user_id": "bench"}, node)
        response = pf.CapabilityResponse(id="b", capability_id="noop")

        async def execute(req: Any, c: Any, timeout: Any) -> pf.CapabilityResponse:
            return response

        handle = node._chains.handle  # the chain alone, around a trivial execution

        async def ours() -> None:
            await handle(request, ctx, None, execute)

        async def bare() -> None:
            await execute(request, ctx, None)

        best_ours = best_base = float("inf")
        for _ in range(rounds):
            best_base = min(best_base, await per_op_us(baseline, repeat=1))
            chain = await per_op_us(ours, repeat=1) - await per_op_us(bare, repeat=1)
            best_ours = min(best_ours, chain)
        return best_ours, best_base


async def _chain() -> list[Result]:
    hook = _pluggy_baseline()
    request, ctx, response = object(), object(), object()

    async def plain() -> None:
        hook.req(request=request, context=ctx)
        hook.resp(response=response, context=ctx)

    ours, baseline = await _chain_cost(_sync_module, plain)
    ours_async, baseline_async = await _chain_cost(_async_module, plain)
    calls = 2 * MODULES
    return [
        Result(
            f"chain: {MODULES} modules x (request + response), deadlines + isolation",
            ours,
            baseline,
            "pluggy pm.hook.req()+resp()",
            target=0.5,
        ),
        Result("chain: cost per module hook", ours / calls, baseline / calls, "pluggy per impl"),
        Result(
            f"chain: {MODULES} async def modules x (request + response), never blocking",
            ours_async,
            baseline_async,
            "pluggy, sync impls",
            target=1.5,
        ),
    ]


class BumpIn(BaseModel):
    user_id: str
    count: int = 1


class BumpOut(BaseModel):
    user_id: str
    count: int


@pf.capability
async def bump(inp: BumpIn, ctx: pf.Context) -> BumpOut:
    return BumpOut(user_id=inp.user_id, count=inp.count + 1)


class DoNothing(pf.Module):
    name = "do_nothing"

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: Any) -> None:
        return None

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: Any) -> None:
        return None


async def _active_cost(rounds: int = 5) -> list[Result]:
    """``node.call`` with one do-nothing module vs none, best of ``rounds`` alternations."""
    payload = {"user_id": "42", "count": 1}
    plain = pf.Node("bench-plain", data_dir=tempfile.mkdtemp())
    moduled = pf.Node("bench-module", data_dir=tempfile.mkdtemp())
    for node in (plain, moduled):
        node.modules.autoload = False
        node.modules.configure({})
        node.register(bump)
    moduled.modules.register(DoNothing)
    async with plain.started(), moduled.started():

        async def without() -> object:
            return await plain.call("bump", payload)

        async def with_module() -> object:
            return await moduled.call("bump", payload)

        best_with = best_without = float("inf")
        for _ in range(rounds):
            best_without = min(best_without, await per_op_us(without, repeat=1))
            best_with = min(best_with, await per_op_us(with_module, repeat=1))
    return [
        Result(
            "node.call with one do-nothing sync module active",
            best_with,
            best_without,
            "no module",
            target=1.3,
        ),
        Result(
            "chain overhead per request, one do-nothing module",
            best_with - best_without,
            5.0,
            "5 µs budget",
            target=1.0,
        ),
    ]


def _install_fake_modules(root: Path, count: int) -> list[str]:
    """Lay out ``count`` module distributions as an installer would (package + dist-info)."""
    names = []
    for i in range(count):
        name = f"benchmod{i}"
        package = root / f"packetflow_{name}"
        package.mkdir()
        (package / "__init__.py").write_text(
            "import packetflow as pf\n\n"
            f"class Module{i}(pf.Module):\n"
            f"    name = {name!r}\n"
            f"    priority = {100 + i}\n\n"
            "    async def start(self, config, node):\n"
            "        self.seen = 0\n\n"
            "    @pf.hookimpl\n"
            "    def packetflow_handle_request(self, request, context):\n"
            "        self.seen += 1\n",
            encoding="utf-8",
        )
        info = root / f"packetflow_module_{name}-0.1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\n"
            f"Name: packetflow-module-{name}\n"
            "Version: 0.1.0\n"
            "Requires-Dist: packetflow>=0.1\n",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[packetflow.modules]\n{name} = packetflow_{name}:Module{i}\n", encoding="utf-8"
        )
        names.append(name)
    return names


async def _start_ms(tmp: str, env: dict[str, str]) -> float:
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        node = pf.Node("bench-start", data_dir=tmp)
        node.modules.configure({})
        started = time.perf_counter()
        async with node.started():
            elapsed = time.perf_counter() - started
        return elapsed * 1000
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


async def _startup() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        names = _install_fake_modules(site, INSTALLED)
        sys.path.insert(0, str(site))
        try:
            none = {"PACKETFLOW_DISABLE_MODULE_AUTOLOAD": "0", "PACKETFLOW_MODULES": "-"}
            four = {
                "PACKETFLOW_DISABLE_MODULE_AUTOLOAD": "0",
                "PACKETFLOW_MODULES": ",".join(names),
            }
            await _start_ms(tmp, none)  # warm the metadata caches of the interpreter
            cold = await _start_ms(tmp, four) - await _start_ms(tmp, none)  # first import
            warm = [await _start_ms(tmp, four) for _ in range(5)]
            base = [await _start_ms(tmp, none) for _ in range(5)]
        finally:
            sys.path.remove(str(site))
    added = statistics.median(warm) - statistics.median(base)
    return [
        Result(
            f"start-up: {INSTALLED} installed modules, first start (import + start) added",
            cold,
            50.0,
            "50 ms budget",
            target=1.0,
            unit="ms",
        ),
        Result(
            f"start-up: {INSTALLED} installed modules, later starts added (median)",
            added,
            50.0,
            "50 ms budget",
            target=1.0,
            unit="ms",
        ),
    ]


async def run() -> list[Result]:
    return [*(await _chain()), *(await _active_cost()), *(await _startup())]
