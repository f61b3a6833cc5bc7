"""People counted as "us": "both of us" is 2, "the three of us" 3, even beside "the first one"
(no count of seats); a list of the speaker and a thing of theirs ("me and my van") counts no
second person, while "me and my wife" still counts two. On a registry of these tests' own (a
lift share, a ferry)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-12-30"


class Done(BaseModel):
    ok: bool


class JoinIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the ride")
    seats: int = Field(default=1, ge=1, le=4, description="seats wanted")


@pf.capability(intent="Join a shared car ride", tags=["rides"])
async def join_ride(inp: JoinIn) -> Done:
    return Done(ok=True)


class CrossingIn(BaseModel):
    sailing_id: str = Field(pattern=r"^SL-[0-9]{5}$", description="the sailing")
    passengers: int = Field(default=1, ge=1, le=9, description="people travelling")
    vehicle_length_m: float | None = Field(default=None, description="vehicle length in metres")


@pf.capability(intent="Book a ferry crossing", tags=["ferry"])
async def book_crossing(inp: CrossingIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [join_ride, book_crossing])


@pytest.mark.parametrize(
    ("said", "seats"),
    [("for both of us", 2), ("for the three of us", 3), ("for me and my wife", 2)],
)
async def test_us_counted(node: pf.Node, said: str, seats: int) -> None:
    params = await plan_params(node, f"join ride R-123456 {said}", TODAY)
    assert params == {"ride_id": "R-123456", "seats": seats}


async def test_a_thing_of_mine_is_no_passenger(node: pf.Node) -> None:
    params = await plan_params(node, "book sailing SL-20981 for me and my van", TODAY)
    assert "passengers" not in params
    params = await plan_params(node, "book sailing SL-20981 for me and my husband", TODAY)
    assert params["passengers"] == 2
