"""A transit line is named with its noun ("the Victoria line", "the Red Line"): like a kind of
place after a proper name, "line" is part of the name a field of the line takes. On a
registry of these tests' own (a lost-and-found)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"  # a Thursday


class Claim(BaseModel):
    claim_number: str


class LostIn(BaseModel):
    line: str = Field(description="bus route or train line")
    date_lost: dt.date = Field(description="day the item was left behind")
    description: str = Field(description="what the item is")


@pf.capability(
    intent="Tell the transit lost-and-found about something left on board", tags=["transit"]
)
async def report_lost_property(inp: LostIn) -> Claim:
    return Claim(claim_number="LP-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [report_lost_property])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('I left a "blue backpack" on the Red Line yesterday', "Red Line"),
        ('I left my "red gloves" on the Victoria line yesterday', "Victoria line"),
    ],
)
async def test_the_line_keeps_its_noun(node: pf.Node, text: str, line: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["line"] == line
    assert params["date_lost"] == "2026-03-25"
