"""Spans of days: a list of the weekdays said by the ends of a span takes every day between
("Monday to Saturday" -> mon..sat, "Mon-Fri", "Friday to Monday" over the weekend); a count
of days described as working days counts only the weekdays of a range ("the whole of next
week" is 5). On a registry of these tests' own (a newsagent, desk booking)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-23"  # a Thursday

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Done(BaseModel):
    ok: bool


class PaperOrderIn(BaseModel):
    title: str = Field(description="newspaper or magazine")
    days: list[Weekday] = Field(description="days of the week it is delivered")


@pf.capability(intent="Which paper comes on which days", tags=["newsagent"])
async def change_newspaper_order(inp: PaperOrderIn) -> Done:
    return Done(ok=True)


class DeskIn(BaseModel):
    site: str = Field(description="office building")
    date: dt.date = Field(description="first day")
    days: int = Field(default=1, ge=1, le=20, description="consecutive working days")


@pf.capability(intent="Book a desk in the office", tags=["office"])
async def book_desk(inp: DeskIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [change_newspaper_order, book_desk])


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("Monday to Saturday", ["mon", "tue", "wed", "thu", "fri", "sat"]),
        ("Mon-Fri", ["mon", "tue", "wed", "thu", "fri"]),
        ("Friday to Monday", ["mon", "fri", "sat", "sun"]),
        ("on Saturdays and Sundays", ["sat", "sun"]),
    ],
)
async def test_a_span_of_weekdays(node: pf.Node, said: str, days: list[str]) -> None:
    params = await plan_params(node, f"change my paper order to the Telegraph {said}", TODAY)
    assert params == {"title": "Telegraph", "days": days}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("book a desk at Canary Wharf for the whole of next week", 5),
        ("book a desk at Canary Wharf from Friday to Tuesday", 3),
    ],
)
async def test_working_days_of_a_range(node: pf.Node, text: str, days: int) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["days"] == days
