""" "along" is a function word like "up" or "out": "how's WR-20417 coming along?" asks after the
repair's state, and the preposition is no topic the status check must explain. On a registry
of these tests' own."""

from __future__ import annotations

from typing import Any

from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon

TODAY = "2026-04-23"


class StatusIn(BaseModel):
    repair_ticket: str = Field(pattern=r"^WR-[0-9]{5}$", description="repair ticket, e.g. WR-10442")


class StatusOut(BaseModel):
    status: str


@pf.capability(intent="Check the status of a watch repair", tags=["repairs"])
async def check_repair_status(inp: StatusIn) -> StatusOut:
    return StatusOut(status="in progress")


def test_along_is_a_function_word() -> None:
    assert "along" in lexicon().stopwords


async def test_how_a_thing_is_coming_along_reads_its_status(
    module_node: pf.Node, register_module: Any
) -> None:
    node = await planner_on(module_node, register_module, [check_repair_status])
    steps = await plan_steps(node, "how's WR-20417 coming along?", TODAY)
    assert steps == [{"capability": "check_repair_status", "params": {"repair_ticket": "WR-20417"}}]
