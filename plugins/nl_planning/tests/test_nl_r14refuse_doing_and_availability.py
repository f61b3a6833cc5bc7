"""A verb that names what both a doer and a reader are about asks to do it ("vacuum the
floors now" starts the robot, it reads no history of it); "available" in a question names no
subject of its own ("is there a pressure washer available tomorrow?" asks the hire shop's
stock)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class StartIn(BaseModel):
    mode: Literal["quiet", "normal", "turbo"] = Field(default="normal", description="suction")


@pf.capability(intent="Send the robot round the floors now", tags=["home", "robot"])
async def start_vacuum(inp: StartIn) -> Done:
    return Done(ok=True)


class HistoryIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")


class HistoryOut(BaseModel):
    runs: int


@pf.capability(intent="Past runs of the robot and the floor they covered", tags=["home"])
async def get_vacuum_history(inp: HistoryIn) -> HistoryOut:
    return HistoryOut(runs=2)


class ToolIn(BaseModel):
    tool: Literal["floor_sander", "pressure_washer", "carpet_cleaner"] = Field(
        description="kind of equipment"
    )
    date: dt.date = Field(description="first day of hire")


class ToolOut(BaseModel):
    in_stock: int


@pf.capability(intent="Equipment the hire shop has in stock", tags=["hire"])
async def find_tool(inp: ToolIn) -> ToolOut:
    return ToolOut(in_stock=1)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [start_vacuum, get_vacuum_history, find_tool]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("vacuum the floors now", "start_vacuum"),
        ("vacuum the floors today please", "start_vacuum"),
        ("how often did the robot vacuum last week?", "get_vacuum_history"),
    ],
)
async def test_a_verb_naming_both_asks_to_do_it(node: pf.Node, text: str, capability: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]


@pytest.mark.parametrize(
    "text",
    [
        "is there a pressure washer available tomorrow?",
        "any carpet cleaner available on Friday?",
    ],
)
async def test_available_names_no_subject(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_tool"]
