"""A statement told before a colon, then the request ("we're closed till the 9th: pause the
water until then"); a label before a colon stays a label ("comment: approved"). "until the
9th" gives a period's last day only. A number in words names a value of a list of numbers by
its value ("eight bottles" is no bottle of 11 litres; "a five-session card" is 5). On a
registry of these tests' own (an office's water cooler, a sauna)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-12-30"


class Done(BaseModel):
    ok: bool = True


class WaterIn(BaseModel):
    bottles: int = Field(ge=1, le=60, description="how many bottles")
    bottle_litres: Literal[11, 19] = Field(default=19, description="size of each bottle, L")
    delivery_date: dt.date | None = Field(default=None, description="day to deliver")


@pf.capability(intent="Fresh bottles for the office cooler", tags=["water"])
async def order_water_bottles(inp: WaterIn) -> Done:
    return Done()


class PauseIn(BaseModel):
    start_date: dt.date | None = Field(default=None, description="first day with no delivery")
    end_date: dt.date = Field(description="last day with no delivery")


@pf.capability(intent="Hold the standing water order for a while", tags=["water"])
async def pause_water_deliveries(inp: PauseIn) -> Done:
    return Done()


class PassIn(BaseModel):
    sessions: Literal[5, 10, 20] = Field(description="visits on the card")
    holder_name: str = Field(description="name on the card")


@pf.capability(intent="A card of sauna visits", tags=["sauna"])
async def buy_sauna_pass(inp: PassIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [order_water_bottles, pause_water_deliveries, buy_sauna_pass]
    )


async def test_a_statement_before_a_colon_then_the_requests(node: pf.Node) -> None:
    text = (
        "we're closed till the 9th: pause the water until then, "
        "and then order eight bottles for the 10th"
    )
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {"capability": "pause_water_deliveries", "params": {"end_date": "2028-01-09"}},
        {
            "capability": "order_water_bottles",
            "params": {"bottles": 8, "delivery_date": "2028-01-10"},
        },
    ]


async def test_until_gives_the_last_day_only(node: pf.Node) -> None:
    steps = await plan_steps(node, "pause the water until the 9th", TODAY)
    assert steps[0]["params"] == {"end_date": "2028-01-09"}
    steps = await plan_steps(node, "pause the water from Monday until the 9th", TODAY)
    assert steps[0]["params"] == {"start_date": "2028-01-03", "end_date": "2028-01-09"}


async def test_a_number_in_words_names_a_listed_number_by_its_value(node: pf.Node) -> None:
    steps = await plan_steps(node, "order eight bottles", TODAY)
    assert steps[0]["params"] == {"bottles": 8}
    text = "I want a five-session sauna card, name Tom Baker"
    steps = await plan_steps(node, text, TODAY)
    assert steps[0]["params"] == {"sessions": 5, "holder_name": "Tom Baker"}
