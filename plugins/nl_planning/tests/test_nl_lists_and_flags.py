"""Lists, flags and times together: a flag's words are no list item, a list item ends before a
participle, a time alone is today at that time (unless the clause speaks of another day), "that
morning" is the day said before, and a duration is no price; on a registry of these tests' own
(a pizzeria, a car wash and price alerts)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-13"


class Ref(BaseModel):
    ref: str


class PizzaIn(BaseModel):
    size: Literal["small", "medium", "large"] = Field(description="pizza size")
    toppings: list[str] = Field(default_factory=list, description="toppings to add")
    quantity: int = Field(default=1, ge=1, le=20, description="how many pizzas")
    extra_cheese: bool = Field(default=False, description="add extra cheese")
    deliver_at: dt.datetime | None = Field(default=None, description="when to deliver")


@pf.capability(intent="Order pizza for delivery", tags=["food"])
async def order_pizza(inp: PizzaIn) -> Ref:
    return Ref(ref="p-1")


class AlertIn(BaseModel):
    symbol: str = Field(pattern=r"^[A-Z]{1,5}$", description="stock ticker")
    above: float | None = Field(default=None, description="alert when the price rises above")
    percent_move: float | None = Field(
        default=None, description="alert on a daily move of this many percent"
    )


@pf.capability(intent="Set a stock price alert", tags=["finance"])
async def set_price_alert(inp: AlertIn) -> Ref:
    return Ref(ref="a-1")


class WashIn(BaseModel):
    plate: str = Field(pattern=r"^[A-Z0-9]{5,8}$", description="licence plate")
    date: dt.date = Field(description="day of the wash")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="slot, HH:MM")


@pf.capability(intent="Book a car wash", tags=["car"])
async def book_car_wash(inp: WashIn) -> Ref:
    return Ref(ref="w-1")


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [order_pizza, set_price_alert, book_car_wash]
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_the_words_of_a_flag_are_no_item_of_a_list(shop: pf.Node) -> None:
    params = await _params(shop, "two large pizzas with mushrooms and olives, extra cheese")
    assert params["toppings"] == ["mushrooms", "olives"]
    assert params["extra_cheese"] is True


async def test_an_item_ends_before_a_participle_and_a_time_alone_is_today(shop: pf.Node) -> None:
    params = await _params(shop, "a medium pizza with pepperoni delivered at 7pm")
    assert params["toppings"] == ["pepperoni"]
    assert params["deliver_at"] == "2026-05-13T19:00:00"


async def test_a_duration_is_no_price(shop: pf.Node) -> None:
    params = await _params(shop, "alert on NVDA moving 5% in a day")
    assert params == {"symbol": "NVDA", "percent_move": 5}


async def test_that_morning_is_the_day_said_before(shop: pf.Node) -> None:
    steps = await plan_steps(
        shop,
        "order a large pizza for Saturday at 7pm, and book a car wash for KX55LLP that morning "
        "at 9",
        TODAY,
    )
    assert steps[0]["params"]["deliver_at"] == "2026-05-16T19:00:00"
    assert steps[1]["params"]["date"] == "2026-05-16"


async def test_a_time_for_another_day_is_not_today(shop: pf.Node) -> None:
    steps = await plan_steps(
        shop,
        "book a car wash for KX55LLP on Friday at 10:00, then a large pizza the same day at 8pm",
        TODAY,
    )
    assert steps[1]["params"].get("deliver_at") != "2026-05-13T20:00:00"
