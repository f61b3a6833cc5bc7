"""A verb whose noun drops its final "e" before a suffix opening with a vowel ("use" ->
usage, "store" -> storage), or takes "-age", is the capability's own word, on a registry of
these tests' own (energy usage, a meter reading, a desk): "how much gas did we use last
month?" asks for the usage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"


class Ref(BaseModel):
    ref: str


class UsageIn(BaseModel):
    account_number: str = Field(pattern=r"^AC[0-9]{6}$", description="e.g. AC123456")
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


@pf.capability(intent="Consumption and cost over a period", tags=["utilities"])
async def get_energy_usage(inp: UsageIn) -> Ref:
    return Ref(ref="u")


class ReadingIn(BaseModel):
    account_number: str = Field(pattern=r"^AC[0-9]{6}$", description="e.g. AC123456")
    value: int = Field(ge=0, description="the meter's figure")


@pf.capability(intent="Send the utility company a meter reading", tags=["utilities"])
async def submit_meter_reading(inp: ReadingIn) -> Ref:
    return Ref(ref="m")


class DeskIn(BaseModel):
    date: dt.date = Field(description="day")


@pf.capability(intent="Somewhere to work in one of our spaces", tags=["coworking"])
async def book_desk(inp: DeskIn) -> Ref:
    return Ref(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [get_energy_usage, submit_meter_reading, book_desk]
    return await planner_on(module_node, register_module, caps)


async def test_use_is_usage(node: pf.Node) -> None:
    steps = await plan_steps(node, "how much gas did we use last month? account AC123456", TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        (
            "get_energy_usage",
            {"account_number": "AC123456", "start_date": "2026-02-01", "end_date": "2026-02-28"},
        )
    ]


async def test_use_names_the_usage_even_without_its_account(node: pf.Node) -> None:
    # the capability is meant, so the missing account is asked for (E422), not refused
    with pytest.raises(pf.errors.ContractViolationError) as caught:
        await plan_steps(node, "how much gas did we use last month?", TODAY)
    assert "get_energy_usage" in str(caught.value)
