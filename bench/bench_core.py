"""Capability call overhead and composition engine overhead (issue: core foundation)."""

from __future__ import annotations

import trio
from pydantic import BaseModel

import packetflow as pf

from .harness import Result, alternating, per_op_us


class In(BaseModel):
    user_id: str
    count: int = 1


class Out(BaseModel):
    user_id: str
    count: int


@pf.capability
async def bump(inp: In, ctx: pf.Context) -> Out:
    return Out(user_id=inp.user_id, count=inp.count + 1)


PAYLOAD = {"user_id": "42", "count": 1}


async def _call_overhead(node: pf.Node) -> Result:
    ctx = pf.Context()
    fn = bump.fn
    assert fn is not None

    async def direct() -> object:
        return (await fn(In.model_validate(PAYLOAD), ctx)).model_dump()

    async def ours() -> object:
        return await node.call("bump", PAYLOAD)

    best = await alternating({"ours": ours, "direct": direct}, n=10_000)
    return Result(
        "node.call vs direct call (validate+dump)",
        best["ours"],
        best["direct"],
        "direct",
        target=1.5,
    )


async def _pipeline(node: pf.Node) -> Result:
    ctx = pf.Context()
    fn = bump.fn
    assert fn is not None
    node.register(pf.composition("pipe10", pf.pipeline(*[pf.step("bump") for _ in range(10)])))

    async def by_hand() -> object:
        data = PAYLOAD
        for _ in range(10):
            data = (await fn(In.model_validate(data), ctx)).model_dump()
        return data

    async def ours() -> object:
        return await node.call("pipe10", PAYLOAD)

    best = await alternating({"ours": ours, "by hand": by_hand}, n=2000)
    return Result(
        "10-step pipeline vs 10 calls by hand",
        best["ours"],
        best["by hand"],
        "by hand",
        target=1.5,
    )


async def _parallel(node: pf.Node) -> Result:
    ctx = pf.Context()
    fn = bump.fn
    assert fn is not None
    branches = {f"b{i}": pf.step("bump", to=[f"count->c{i}"]) for i in range(100)}
    node.register(pf.composition("fan100", pf.parallel(branches)))

    async def by_hand() -> object:
        results: dict[str, object] = {}

        async def branch(i: int) -> None:
            results[f"c{i}"] = (await fn(In.model_validate(PAYLOAD), ctx)).model_dump()["count"]

        async with trio.open_nursery() as nursery:
            for i in range(100):
                nursery.start_soon(branch, i)
        return results

    async def ours() -> object:
        return await node.call("fan100", PAYLOAD)

    return Result(
        "parallel x100 vs hand-written nursery",
        await per_op_us(ours, n=300),
        await per_op_us(by_hand, n=300),
        "nursery",
        target=2.0,
    )


async def run() -> list[Result]:
    node = pf.Node("bench")
    node.modules.autoload = False  # the core alone: installed modules are measured elsewhere
    async with node.started():
        node.register(bump)
        return [await _call_overhead(node), await _pipeline(node), await _parallel(node)]
