""" "Give my apologies to the director" hands the teller's own words to someone to pass on,
as a message is sent - it reads nothing. Before, "give" only read ("give me the dates"), so
the rehearsal schedule was read instead of sending the apologies. "Give me the dates" still
reads. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class Done(BaseModel):
    ok: bool


class ScheduleIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="first day to list")


class ApologiesIn(BaseModel):
    date: dt.date = Field(description="the practice night missed")
    member_email: str = Field(
        json_schema_extra={"format": "email"}, description="the singer's address"
    )


@pf.capability(intent="When and where the singers meet next", tags=["choir", "calendar"])
async def get_rehearsal_schedule(inp: ScheduleIn) -> Done:
    return Done(ok=True)


@pf.capability(
    intent="Letting the director know a singer will be absent from practice",
    tags=["choir", "attendance"],
)
async def send_rehearsal_apologies(inp: ApologiesIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [get_rehearsal_schedule, send_rehearsal_apologies]
    return await planner_on(module_node, register_module, caps)


async def test_giving_my_apologies_sends_them(node: pf.Node) -> None:
    text = (
        "Please give my apologies to the director for the 3rd of October rehearsal. "
        "I'm ann@example.com"
    )
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["send_rehearsal_apologies"]


async def test_give_me_still_reads(node: pf.Node) -> None:
    steps = await plan_steps(node, "give me the rehearsal dates from 1 October", TODAY)
    assert [s["capability"] for s in steps] == ["get_rehearsal_schedule"]
