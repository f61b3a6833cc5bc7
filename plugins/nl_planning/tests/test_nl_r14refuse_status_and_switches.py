"""A question about where a thing has got to, with its id typed in lower case ("has
ab123456789gb arrived yet?"), reads it (the id is the id whatever its case); "put the lights
on" switches them on as "turn them on" does ("put on some jazz" still plays); a status question
never runs a write."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"
Room = Literal["kitchen", "lounge", "bedroom", "hallway"]


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class ParcelIn(BaseModel):
    tracking_number: str = Field(pattern=r"^[A-Z]{2}[0-9]{9}GB$", description="e.g. RX123456789GB")


class ParcelOut(BaseModel):
    status: str


@pf.capability(intent="Where a delivery is right now", tags=["post"])
async def track_parcel(inp: ParcelIn) -> ParcelOut:
    return ParcelOut(status="out for delivery")


class RedirectIn(BaseModel):
    tracking_number: str = Field(pattern=r"^[A-Z]{2}[0-9]{9}GB$", description="e.g. RX123456789GB")
    option: Literal["neighbour", "depot", "safe_place"] = Field(description="where instead")


@pf.capability(intent="Send an incoming delivery somewhere else", tags=["post"])
async def redirect_parcel(inp: RedirectIn) -> Done:
    return Done(ok=True)


class LightsIn(BaseModel):
    room: Room = Field(description="where")


@pf.capability(intent="Light up a room", tags=["home"])
async def turn_on_lights(inp: LightsIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Darken a room", tags=["home"])
async def turn_off_lights(inp: LightsIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [track_parcel, redirect_parcel, turn_on_lights, turn_off_lights]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "has ab123456789gb arrived yet?",
        "where is rx123456789gb?",
        "any news on parcel qq987654321gb?",
    ],
)
async def test_a_status_question_with_a_lower_case_id_reads(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["track_parcel"]
    assert steps[0]["params"]["tracking_number"].isupper()


@pytest.mark.parametrize(
    ("text", "capability", "room"),
    [
        ("can you put the kitchen lights on?", "turn_on_lights", "kitchen"),
        ("put the lounge lights on please", "turn_on_lights", "lounge"),
        ("switch the bedroom light off", "turn_off_lights", "bedroom"),
    ],
)
async def test_put_on_switches_on(node: pf.Node, text: str, capability: str, room: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]
    assert steps[0]["params"]["room"] == room


async def test_put_on_music_is_no_light(node: pf.Node) -> None:
    assert await is_refused(node, "put on some jazz in the kitchen", TODAY)
