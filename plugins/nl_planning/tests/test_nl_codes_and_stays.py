"""Enum values written as codes ("eu-west", "8x10s") and the two ends of a stay (an arrival and
a departure field), on a registry of these tests' own (a marina and a print shop)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"  # a Wednesday


class Ref(BaseModel):
    ref: str


class BerthIn(BaseModel):
    boat_name: str = Field(description="name of the boat")
    arrival_date: dt.date = Field(description="first night in the marina")
    departure_date: dt.date = Field(description="day the boat leaves")


@pf.capability(intent="Reserve a berth in the marina", tags=["marina"])
async def reserve_berth(inp: BerthIn) -> Ref:
    return Ref(ref="b-1")


class PrintIn(BaseModel):
    size: Literal["4x6", "5x7", "8x10"] = Field(description="print size in inches")
    copies: int = Field(default=1, ge=1, le=50, description="how many prints")
    region: Literal["eu-west", "us-east"] = Field(default="us-east", description="print lab")


@pf.capability(intent="Order photo prints", tags=["photos"])
async def order_prints(inp: PrintIn) -> Ref:
    return Ref(ref="p-1")


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [reserve_berth, order_prints])


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    [step] = await plan_steps(node, text, TODAY)
    params: dict[str, Any] = step["params"]
    return params


async def test_a_stay_this_weekend_arrives_saturday_and_departs_sunday(shop: pf.Node) -> None:
    params = await _params(shop, "reserve a berth for the Osprey this weekend")
    assert (params["arrival_date"], params["departure_date"]) == ("2026-01-17", "2026-01-18")


async def test_a_code_in_the_plural_is_the_value_not_a_count(shop: pf.Node) -> None:
    params = await _params(shop, "order 3 prints, 8x10s")
    assert params == {"size": "8x10", "copies": 3}


async def test_a_hyphenated_value_written_as_is(shop: pf.Node) -> None:
    params = await _params(shop, "order 4x6 prints from the eu-west lab")
    assert params == {"size": "4x6", "region": "eu-west"}
