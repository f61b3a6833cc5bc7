"""The arena part of ``packetflow demo`` (entry point ``packetflow.demos``): a small support
desk placed in three zones, a burst against the AI zone's capacity, a composition whose steps
the co-usage physics pulls together, the table and the drawing.

Also the script behind the README's drawing: ``python -m packetflow_spatial_arena.demo
[SVG_FILE]``.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import trio

import packetflow as pf

from .cli import render_table
from .module import SpatialArenaModule
from .render import render_svg

__all__ = ["build_node", "main"]

CONFIG: dict[str, Any] = {
    "zones": [
        {"id": "processing", "capacity": 50, "specialization": "general"},
        {
            "id": "ai",
            "capacity": 4,
            "specialization": "intelligence",
            "timeout_multiplier": 2.0,
            "priority": 1,
        },
        {"id": "storage", "capacity": 10, "specialization": "persistence"},
    ],
    "max_queue": 8,
    "queue_timeout": 0.05,
    "tick_s": 3600,  # the demo drives the ticks itself
    "persist": False,
}

# name: (intent, tags)
DESK = {
    "normalize_email": ("Normalize an incoming support email", ()),
    "route_ticket": ("Route a ticket to a team", ()),
    "send_reply": ("Send the reply to the customer", ()),
    "notify_team": ("Notify the team channel about a ticket", ()),
    "classify_ticket": ("Classify a support ticket by topic with a language model", ("llm",)),
    "summarize_ticket": ("Summarize a support ticket with a language model", ("llm",)),
    "draft_reply": ("Draft a reply to a ticket with a language model", ("llm",)),
    "lookup_customer": ("Look up the customer record in the database", ("storage",)),
    "order_history": ("Read a customer's order history from the database", ("storage",)),
    "save_ticket": ("Save the ticket and its reply to the database", ("storage",)),
}
FLOW = ("normalize_email", "lookup_customer", "classify_ticket", "draft_reply", "send_reply")


def build_node(data_dir: str | Path) -> pf.Node:
    """The support desk with the arena module registered (autoload off: self-contained)."""
    node = pf.Node("arena-demo", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.configure({})
    for name, (intent, tags) in DESK.items():
        node.register(_capability(name, intent, tags))
    node.register(
        pf.composition(
            "handle_ticket",
            pf.pipeline(*(pf.step(name) for name in FLOW)),
            intent="Answer a support ticket end to end",
        )
    )
    node.modules.register(SpatialArenaModule, config=CONFIG)
    return node


def _capability(name: str, intent: str, tags: tuple[str, ...]) -> pf.Capability:
    async def work(payload: dict[str, Any]) -> dict[str, Any]:
        await trio.sleep(0.01 if "llm" in tags else 0.001)
        return {}

    return pf.capability(name=name, intent=intent, tags=list(tags), requires=(), provides=())(work)


async def main(data_dir: str | Path | None = None, svg: str | Path | None = None) -> None:
    """``packetflow demo arena``: the arena under a burst, co-usage physics and the drawing,
    kept under ``data_dir`` (a temporary directory when ``None``), or written to ``svg``."""
    print("\n== The spatial arena (packetflow-module-spatial-arena) ==")
    with tempfile.TemporaryDirectory() as scratch:
        tmp = str(data_dir) if data_dir is not None else scratch
        node = build_node(tmp)
        async with node.started():
            module: Any = node.modules.instance("spatial_arena")
            arena = module.arena
            print(f"  placed {len(arena.names)} capabilities in {len(arena.zones.zones)} zones")
            await _burst(node)
            rows = [arena.index[name] for name in FLOW]
            before = _spread(arena.positions, rows)
            for run in range(20):
                await node.call("handle_ticket", {}, context={"trace_id": f"ticket-{run}"})
            for _ in range(80):
                arena.tick()
            after = _spread(arena.positions, rows)
            print(
                f"  20 'handle_ticket' runs: the physics pulled its consecutive steps together "
                f"(mean distance {before:.1f} -> {after:.1f})"
            )
            snapshot = await node.call("spatial_arena.snapshot", {})
        print("\n" + "\n".join("  " + line for line in render_table(snapshot, 6).splitlines()))
        target = Path(svg) if svg is not None else Path(tmp) / "arena.svg"
        target.write_text(render_svg(snapshot, title="PacketFlow arena demo"), encoding="utf-8")
        kept = svg is not None or data_dir is not None
        print(f"\n  drawing: {target}" + ("" if kept else " (give --data-dir to keep it)"))


async def _burst(node: pf.Node) -> None:
    running, peak = 0, 0
    outcomes: Counter[str] = Counter()
    cap = node.registry.get("classify_ticket")
    original = cap.handler

    async def counted(inp: Any, ctx: pf.Context) -> Any:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        try:
            return await original(inp, ctx)
        finally:
            running -= 1

    cap.handler = counted
    try:

        async def call() -> None:
            try:
                await node.call("classify_ticket", {})
                outcomes["answered"] += 1
            except pf.errors.RateLimitedError:
                outcomes["E429"] += 1

        async with trio.open_nursery() as nursery:
            for _ in range(40):
                nursery.start_soon(call)
    finally:
        cap.handler = original
    print(
        f"  a burst of 40 'classify_ticket' calls on zone 'ai' (capacity 4, max_queue 8): "
        f"at most {peak} ran at once; {outcomes['answered']} answered, "
        f"{outcomes['E429']} refused with E429 + retry_after_ms"
    )


def _spread(positions: Any, rows: list[int]) -> float:
    points = positions[rows]
    gaps = [np.hypot(*(points[i] - points[i + 1])) for i in range(len(rows) - 1)]
    return float(np.mean(gaps))


if __name__ == "__main__":
    trio.run(main, None, sys.argv[1] if len(sys.argv) > 1 else None)
