"""``packetflow demo optimize``: a plan before and after the module rewrites it, the speed-up
it measures, a prediction, and a cache hit (run on an embedded node, no external service)."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import trio
from pydantic import BaseModel

import packetflow as pf

from .module import AdaptiveOptimizationModule

__all__ = ["main", "node"]


class User(BaseModel):
    user_id: str


class Profile(BaseModel):
    name: str


class Orders(BaseModel):
    orders: int


class Score(BaseModel):
    score: float


class Page(BaseModel):
    name: str
    orders: int
    score: float


@pf.capability(idempotent=True, intent="Read a user's profile")
async def profile(inp: User) -> Profile:
    await trio.sleep(0.05)  # a call to the profile service
    return Profile(name=inp.user_id.title())


@pf.capability(idempotent=True, intent="Count a user's orders")
async def orders(inp: User) -> Orders:
    await trio.sleep(0.05)
    return Orders(orders=len(inp.user_id))


@pf.capability(idempotent=True, intent="Score a user's credit")
async def credit(inp: User) -> Score:
    await trio.sleep(0.05)
    return Score(score=0.9)


@pf.capability(intent="Render the dashboard")
async def render(inp: Page) -> Profile:
    return Profile(name=f"{inp.name}: {inp.orders} orders, score {inp.score}")


dashboard = pf.pipeline(pf.step("profile"), pf.step("orders"), pf.step("credit"), pf.step("render"))


def node(data_dir: Path, rewrite: bool = True) -> pf.Node:
    """A node with the module (rewriting on or off) and the dashboard composition."""
    found = pf.Node("optimize-demo", data_dir=data_dir / ("rewrite" if rewrite else "plain"))
    found.modules.autoload = False
    found.modules.configure({})
    found.modules.register(AdaptiveOptimizationModule, config={"rewrite": rewrite, "cache": []})
    found.register(profile, orders, credit, render, pf.composition("dashboard", dashboard))
    return found


async def _timed(target: pf.Node, user: str) -> float:
    started = time.perf_counter()
    await target.call("dashboard", {"user_id": user})
    return (time.perf_counter() - started) * 1000


async def main(data_dir: str | Path | None = None) -> None:
    """``packetflow demo optimize``: a plan before and after, and a cache hit; state under
    ``data_dir`` (a temporary directory when ``None``)."""
    with tempfile.TemporaryDirectory() as scratch:
        await _main(Path(data_dir) if data_dir is not None else Path(scratch))


async def _main(data_dir: Path) -> None:
    print("\n== adaptive_optimization: a plan before and after")
    print(f"  as written: {pf.dump_plan(dashboard, indent=None)}")
    plain, optimized = node(data_dir, rewrite=False), node(data_dir)
    async with plain.started(), optimized.started():
        module = optimized.modules.instance("adaptive_optimization")
        assert isinstance(module, AdaptiveOptimizationModule)
        rewritten = module.rewriter.rewrite(dashboard).plan
        print(f"  rewritten:  {pf.dump_plan(rewritten, indent=None)}")
        before = min([await _timed(plain, f"user{i}") for i in range(5)])
        after = min([await _timed(optimized, f"user{i}") for i in range(5)])
        same = await plain.call("dashboard", {"user_id": "ada"}) == await optimized.call(
            "dashboard", {"user_id": "ada"}
        )
        print(
            f"  measured: {before:.0f} ms as written, {after:.0f} ms rewritten "
            f"(speed-up {before / after:.1f}x, same result: {same})"
        )
        predicted = module.predict(dashboard, {"user_id": "ada"})
        print(
            f"  predicted: {predicted['estimated_ms']:.0f} ms "
            f"(as written {predicted['unoptimized_ms']:.0f} ms), confidence "
            f"{predicted['confidence']:.2f}, critical path {predicted['critical_path']}"
        )

    print("\n== adaptive_optimization: a cache hit")
    cached = pf.Node("cache-demo", data_dir=data_dir / "cache")
    cached.modules.autoload = False
    cached.modules.configure({})
    cached.modules.register(AdaptiveOptimizationModule)
    cached.register(profile)
    async with cached.started():
        for attempt in ("first", "second"):
            started = time.perf_counter()
            reply = await cached.dispatch(
                pf.CapabilityRequest(capability_id="profile", payload={"user_id": "ada"})
            )
            elapsed = (time.perf_counter() - started) * 1000
            print(
                f"  {attempt} call: {json.dumps(reply.payload)} in {elapsed:.1f} ms, "
                f"cache_hit={bool(reply.metadata.get('cache_hit'))}"
            )


if __name__ == "__main__":
    trio.run(main)
