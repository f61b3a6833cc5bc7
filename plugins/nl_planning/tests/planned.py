"""The planner on a registry of a test's own: a node with the module, the steps it plans for a
text, or its refusal (what the tests of single planning rules ask)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule


async def planner_on(node: pf.Node, register_module: Any, capabilities: Iterable[Any]) -> pf.Node:
    """``node`` with ``capabilities`` and the module (no plan cache: every text is planned)."""
    node.register(list(capabilities))
    await register_module(NlPlanningModule, config={"cache_size": 0})
    return node


async def plan_steps(node: pf.Node, text: str, today: str) -> list[dict[str, Any]]:
    """The steps ``nl_planning.plan`` plans for ``text`` on ``today``."""
    out = await node.call("nl_planning.plan", {"text": text, "today": today})
    steps: list[dict[str, Any]] = out["steps"]
    return steps


async def plan_params(node: pf.Node, text: str, today: str) -> dict[str, Any]:
    """The params of the one step ``nl_planning.plan`` plans for ``text`` on ``today``."""
    steps = await plan_steps(node, text, today)
    assert len(steps) == 1, steps
    params: dict[str, Any] = steps[0]["params"]
    return params


async def is_refused(node: pf.Node, text: str, today: str) -> bool:
    """Whether no capability fits ``text`` (E404)."""
    try:
        await plan_steps(node, text, today)
    except pf.errors.NotFoundError:
        return True
    return False


def calls(steps: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Each planned step as ``(capability, params)``, in order."""
    return [(s["capability"], s["params"]) for s in steps]


def plan_reads(plan: Any) -> list[list[str]]:
    """What each step of a plan JSON reads (``s1.x->y``), in order."""
    if isinstance(plan, dict):
        here = [plan.get("from") or []] if plan.get("type") == "step" else []
        return here + [r for v in plan.values() for r in plan_reads(v)]
    if isinstance(plan, list):
        return [r for v in plan for r in plan_reads(v)]
    return []
