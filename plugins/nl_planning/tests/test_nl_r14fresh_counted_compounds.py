"""A count said as a hyphenated adjective ("a *five-session* card", "a three-night stay", "a
ten-trip ticket") gives the count of what its noun names, as "5-session" does, on a registry of
these tests' own (a bus company, a ski school); words that only contain a hyphen ("e-mail",
"twenty-five") stay one word."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class TicketIn(BaseModel):
    trips: int = Field(ge=1, le=20, description="rides on the ticket")
    holder_email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="where it is sent")


@pf.capability(intent="A bus ticket good for several rides", tags=["bus", "tickets"])
async def buy_bus_ticket(inp: TicketIn) -> Done:
    return Done(ok=True)


class PassIn(BaseModel):
    days: int = Field(ge=1, le=14, description="days on the slopes")
    start_date: dt.date = Field(description="first day")


@pf.capability(intent="A lift pass for the ski area", tags=["ski", "lifts"])
async def buy_ski_pass(inp: PassIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [buy_bus_ticket, buy_ski_pass])


async def test_a_hyphenated_count_gives_the_count(node: pf.Node) -> None:
    params = await plan_params(node, "I'd like a ten-trip bus ticket, email me@example.org", TODAY)
    assert params == {"trips": 10, "holder_email": "me@example.org"}


async def test_a_count_of_days_as_an_adjective(node: pf.Node) -> None:
    params = await plan_params(node, "buy a three-day ski pass from Friday", TODAY)
    assert params == {"days": 3, "start_date": "2026-06-12"}


@pytest.mark.parametrize(
    ("text", "lowers"),
    [
        ("five-session", ["five", "session"]),
        ("e-mail", ["email"]),
        ("twenty-five", ["twentyfive"]),
        ("check-in", ["checkin"]),
    ],
)
def test_only_a_count_word_opens_a_split_compound(text: str, lowers: list[str]) -> None:
    assert [t.lower for t in tokenize(text)] == lowers
