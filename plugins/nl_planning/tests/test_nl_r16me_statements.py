""" "send me last month's statement" reads a thing that exists (as "send me the statement"
does): never a new message sent; "this month's trips so far" ends today. On a registry of
these tests' own (a toll tag's account)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-10-26"


class Done(BaseModel):
    ok: bool = True


class TopUpIn(BaseModel):
    amount: float = Field(gt=0, description="how much to add, euros")


@pf.capability(intent="Money onto the toll tag's account", tags=["toll"])
async def top_up_toll_account(inp: TopUpIn) -> Done:
    return Done()


class StatementIn(BaseModel):
    from_date: dt.date = Field(description="first day of the statement")
    to_date: dt.date = Field(description="last day of the statement")


@pf.capability(intent="Journeys charged to the toll tag over a period", tags=["toll"])
async def get_toll_statement(inp: StatementIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [top_up_toll_account, get_toll_statement])


async def test_a_thing_of_a_time_gone_by_is_read(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "top up the tag with 40 and send me last month's statement", TODAY
    )
    assert [s["capability"] for s in steps] == ["top_up_toll_account", "get_toll_statement"]
    assert steps[1]["params"] == {"from_date": "2027-09-01", "to_date": "2027-09-30"}


async def test_this_periods_things_so_far_end_today(node: pf.Node) -> None:
    steps = await plan_steps(node, "show me this month's trips so far", TODAY)
    assert steps[0]["params"] == {"from_date": "2027-10-01", "to_date": "2027-10-26"}
    steps = await plan_steps(node, "show me this month's trips", TODAY)
    assert steps[0]["params"] == {"from_date": "2027-10-01", "to_date": "2027-10-31"}
