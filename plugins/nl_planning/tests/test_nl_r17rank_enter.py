"""Letting someone in is giving them access: "let me in there on Saturday at noon" asks for
access to the lock-up (a capability named by "access"), never to end its rental, whose intent
"gives" it up. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon

TODAY = "2026-12-30"  # a Wednesday
_UNIT = r"^U-[0-9]{4}$"


class Done(BaseModel):
    ok: bool


class AccessIn(BaseModel):
    unit_id: str = Field(pattern=_UNIT, description="the unit, e.g. U-1042")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="arrival, HH:MM")


@pf.capability(intent="Into the lock-up outside staffed hours", tags=["storage"])
async def request_storage_access(inp: AccessIn) -> Done:
    return Done(ok=True)


class EndIn(BaseModel):
    unit_id: str = Field(pattern=_UNIT, description="the unit, e.g. U-1042")
    move_out_date: dt.date = Field(description="last day of the rental")


@pf.capability(intent="Give up a storage unit at the end of the rental", tags=["storage"])
async def end_storage_rental(inp: EndIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [request_storage_access, end_storage_rental]
    )


@pytest.mark.parametrize("verb", ["let_in", "access", "get_in"])
def test_letting_in_is_entering(verb: str) -> None:
    assert "enter" in lexicon().classes_of(verb)


async def test_letting_someone_in_asks_for_access(node: pf.Node) -> None:
    text = "End my rental on U-1200 on the 10th, but first let me in there on Saturday at noon"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["request_storage_access", "end_storage_rental"]
    assert steps[0]["params"] == {"unit_id": "U-1200", "date": "2027-01-02", "time": "12:00"}
