"""A request that says only its verb and "it", after a scene that names the thing ("I can't
make my hair appointment SA-40218, please cancel it", "the robot is too loud, stop it"): "it"
is what the scene names in the capability's own words, so the very verb is enough; a scene
about another thing ("the music is too loud, stop it") is still refused."""

from __future__ import annotations

from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class BookingIn(BaseModel):
    booking_id: str = Field(pattern=r"^MS-[0-9]{5}$", description="e.g. MS-20417")


@pf.capability(intent="Call off a massage booking", tags=["spa"])
async def cancel_massage(inp: BookingIn) -> Done:
    return Done(ok=True)


class MowerIn(BaseModel):
    return_to_dock: bool = Field(default=True, description="go back to charge afterwards")


@pf.capability(intent="Halt the robot lawnmower mid-run", tags=["garden"])
async def stop_mower(inp: MowerIn) -> Done:
    return Done(ok=True)


class RoomIn(BaseModel):
    room: str = Field(description="which room")


@pf.capability(intent="Light up a room", tags=["home"])
async def turn_on_lights(inp: RoomIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [cancel_massage, stop_mower, turn_on_lights]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("I can't make my massage MS-40218 after all, please cancel it", "cancel_massage"),
        ("the lawnmower is far too loud, stop it", "stop_mower"),
        ("the lawnmower is stuck again, halt it", "stop_mower"),
    ],
)
async def test_it_is_what_the_scene_names(node: pf.Node, text: str, capability: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]


@pytest.mark.parametrize(
    "text",
    [
        "the music is too loud, stop it",
        "I can't make the dentist on Friday, cancel it",
        "stop it",
    ],
)
async def test_a_scene_about_another_thing_is_refused(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)
