"""A required value said once after two requests ("claim miles for BA117 and check the
balance too, member 204518337") is each one's: the earlier step that leaves the same field
empty takes it too, rather than ask for it (E422). A value an earlier step outputs is still
wired. On a registry of these tests' own (an airline's loyalty scheme)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"


class ClaimIn(BaseModel):
    member_number: str = Field(pattern=r"^[0-9]{9}$", description="frequent flyer number")
    flight_number: str = Field(pattern=r"^[A-Z]{2}[0-9]{2,4}$", description="flight flown")


class ClaimOut(BaseModel):
    claim_id: str


@pf.capability(intent="Claim missing miles for a flight taken", tags=["loyalty"])
async def claim_missing_miles(inp: ClaimIn) -> ClaimOut:
    return ClaimOut(claim_id="C-1")


class BalanceIn(BaseModel):
    member_number: str = Field(pattern=r"^[0-9]{9}$", description="frequent flyer number")


class BalanceOut(BaseModel):
    miles: int


@pf.capability(intent="Check the miles balance of a member", tags=["loyalty"])
async def get_miles_balance(inp: BalanceIn) -> BalanceOut:
    return BalanceOut(miles=100)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [claim_missing_miles, get_miles_balance])


@pytest.mark.parametrize(
    "text",
    [
        "Claim missing miles for BA117 and check the balance too, member 204518337",
        "claim missing miles for BA117, then check my miles balance, member number 204518337",
    ],
)
async def test_a_value_said_once_after_both_is_each_ones(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["claim_missing_miles", "get_miles_balance"]
    assert [s["params"]["member_number"] for s in steps] == ["204518337", "204518337"]


async def test_a_value_said_first_still_holds_after(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "check the miles balance of member 204518337 and claim missing miles for BA117", TODAY
    )
    assert [s["params"]["member_number"] for s in steps] == ["204518337", "204518337"]
