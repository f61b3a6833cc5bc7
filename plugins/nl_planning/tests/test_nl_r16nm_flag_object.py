"""A word of a flag's name that is only the object of the action, with a word or two that
qualify it ("book a *guided kayak*" for ``kayak_hire``), names what is booked, not the flag;
the flag's other word ("with kayak hire") still says it. On a registry of this test's own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class KayakIn(BaseModel):
    date: dt.date = Field(description="day on the water")
    time: str = Field(pattern=r"^\d{2}:\d{2}$", description="start, HH:MM")
    kayak_hire: bool = Field(default=False, description="borrow a boat at the centre")


class Booked(BaseModel):
    booking_ref: str


@pf.capability(intent="A session on the lake in a kayak", tags=["kayak"])
async def book_kayak_session(inp: KayakIn) -> Booked:
    return Booked(booking_ref="K-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_kayak_session])


@pytest.mark.parametrize(
    "text", ["book a guided kayak tomorrow at 10:00", "book an evening kayak tomorrow at 18:00"]
)
async def test_the_object_qualified_is_no_flag(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert "kayak_hire" not in params
    assert params["date"] == "2026-06-11"


async def test_the_flag_s_own_words_still_say_it(node: pf.Node) -> None:
    params = await plan_params(
        node, "book a kayak session tomorrow at 10:00 with kayak hire", TODAY
    )
    assert params["kayak_hire"] is True
