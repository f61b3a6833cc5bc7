""" "one" as a pronoun: straight after a verb and before a preposition ("cancel yoga YG-1201 and
book *one* for Saturday") it stands for the thing named before, no count of people or games that
would make another capability fill more fields; "a table for one" still counts. On a registry of
these tests' own (a yoga studio, tennis courts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.numbers import number_mentions

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class RefIn(BaseModel):
    booking_ref: str = Field(pattern=r"^YG-[0-9]{4}$", description="the class booking")


@pf.capability(intent="Give up a place in a yoga class", tags=["yoga"])
async def cancel_yoga_class(inp: RefIn) -> Done:
    return Done(ok=True)


class YogaIn(BaseModel):
    date: dt.date = Field(description="day of the class")
    time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="start, HH:MM")
    people: int = Field(default=1, ge=1, le=6, description="how many places")


@pf.capability(intent="Places in a yoga class at the studio", tags=["yoga"])
async def book_yoga_class(inp: YogaIn) -> Done:
    return Done(ok=True)


class CourtIn(BaseModel):
    date: dt.date = Field(description="day of play")
    time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="start, HH:MM")
    players: int = Field(default=2, ge=1, le=4, description="how many play")
    hours: int = Field(default=1, ge=1, le=3, description="how long")


@pf.capability(intent="A tennis court for an hour or two", tags=["tennis"])
async def book_tennis_court(inp: CourtIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [cancel_yoga_class, book_yoga_class, book_tennis_court]
    return await planner_on(module_node, register_module, caps)


async def test_book_one_instead_goes_on_with_the_thing_cancelled(node: pf.Node) -> None:
    text = "cancel yoga YG-1201 and book one for Saturday at 10am instead, for 3"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("cancel_yoga_class", {"booking_ref": "YG-1201"}),
        ("book_yoga_class", {"date": "2026-06-13", "time": "10:00", "people": 3}),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("book one for Friday", []),
        ("I'd like one at 5pm", [5]),
        ("a table for one at 7", [1, 7]),
        ("one adult and two children", [1, 2]),
    ],
)
def test_one_counts_only_when_it_counts(text: str, values: list[int]) -> None:
    assert [m.value for m in number_mentions(text)] == values
