"""A question whose words meet a capability only in the types of its values ("when is
Easter this year?": a period, and a log read over a period) shares no subject with it: the
log of climbs is no answer, the request is refused. A question in the capability's own
words over the same period is still planned. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class LogIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class LogOut(BaseModel):
    ascents: int


@pf.capability(intent="Ticks and grades over a period", tags=["climbing", "log"])
async def get_climbing_log(inp: LogIn) -> LogOut:
    return LogOut(ascents=3)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_climbing_log])


async def test_a_holiday_date_is_no_climbing_log(node: pf.Node) -> None:
    assert await is_refused(node, "When is Easter this year?", TODAY)


async def test_the_climbing_log_of_the_year_is_read(node: pf.Node) -> None:
    steps = await plan_steps(node, "show my climbing log for this year", TODAY)
    assert [s["capability"] for s in steps] == ["get_climbing_log"]
