"""Street addresses: a field named for one takes the house number, the street's name and its
type as one value, so the number is never a count or a measure of another field; on a registry
of these tests' own (a council's waste service)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.schema import input_fields
from packetflow_nl_planning.slots import field_kind

TODAY = "2026-03-26"  # a Thursday


class Ref(BaseModel):
    ref: str


class PickupIn(BaseModel):
    street_address: str = Field(description="where to collect from")
    weight_kg: float | None = Field(default=None, description="roughly how heavy, in kg")
    date: dt.date = Field(description="collection day")


@pf.capability(intent="Schedule a collection of bulky waste", tags=["waste"])
async def schedule_collection(inp: PickupIn) -> Ref:
    return Ref(ref="c-1")


class BinIn(BaseModel):
    street_address: str = Field(description="the household's address")
    bin_type: Literal["paper", "glass", "garden"] = Field(description="which bin")
    quantity: int = Field(default=1, ge=1, le=5, description="how many bins")


@pf.capability(intent="Order a new recycling bin", tags=["waste"])
async def order_bin(inp: BinIn) -> Ref:
    return Ref(ref="b-1")


@pytest.fixture
async def council(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [schedule_collection, order_bin])


async def _params(node: pf.Node, text: str) -> list[dict[str, Any]]:
    return [step["params"] for step in await plan_steps(node, text, TODAY)]


async def test_the_house_number_belongs_to_the_address_not_to_a_measure(council: pf.Node) -> None:
    [params] = await _params(council, "collect about 6 kg of junk from 12 Rose Avenue tomorrow")
    assert params == {"street_address": "12 Rose Avenue", "weight_kg": 6, "date": "2026-03-27"}


async def test_a_count_before_the_address_stays_a_count(council: pf.Node) -> None:
    [params] = await _params(council, "2 extra paper bins for 44 Cedar Road")
    assert params == {"street_address": "44 Cedar Road", "bin_type": "paper", "quantity": 2}


async def test_house_numbers_with_a_letter_and_abbreviated_street_types(council: pf.Node) -> None:
    [params] = await _params(council, "a glass bin for 221B Baker St. please")
    assert params["street_address"] == "221B Baker St"
    [params] = await _params(council, "order a garden bin for 350 5th Ave")
    assert params["street_address"] == "350 5th Ave"


async def test_a_later_step_at_the_same_address_takes_it(council: pf.Node) -> None:
    steps = await _params(
        council,
        "schedule a collection of an old sofa from 7 Birch Close on Monday, then order a paper "
        "bin for the same address",
    )
    assert [s["street_address"] for s in steps] == ["7 Birch Close", "7 Birch Close"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("street_address", "address"),
        ("pickup_address", "address"),
        ("address", "address"),
        ("email_address", "email"),
        ("ip_address", "host"),
    ],
)
def test_which_fields_hold_a_street_address(name: str, kind: str) -> None:
    [spec] = input_fields({"properties": {name: {"type": "string"}}, "required": [name]})
    assert field_kind(spec) == kind
