"""A topic told first as a phrase of its own, then the request about it ("the feeder? pause it
till Sunday", "the bedroom blinds - close them"): one step, the phrase the scene of the
request its pronoun points back at; on a house of these tests' own (blinds, a fish feeder)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
Room = Literal["bedroom", "kitchen", "nursery"]
Tank = Literal["reef", "koi"]


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class BlindsIn(BaseModel):
    room: Room = Field(description="which room's blinds")


@pf.capability(intent="Open the window blinds of a room", tags=["blinds"])
async def open_blinds(inp: BlindsIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Close the window blinds of a room", tags=["blinds"])
async def close_blinds(inp: BlindsIn) -> Done:
    return Done(ok=True)


class PauseIn(BaseModel):
    tank: Tank = Field(default="reef", description="which tank")
    until: dt.date | None = Field(default=None, description="last day without feeding")


@pf.capability(intent="Hold the automatic fish feeder for a while", tags=["aquarium", "feeder"])
async def pause_feeder(inp: PauseIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [open_blinds, close_blinds, pause_feeder])


def _calls(steps: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(s["capability"], s["params"]) for s in steps]


@pytest.mark.parametrize(
    "text",
    [
        "the feeder on the koi tank? pause it till Sunday",
        "the koi tank feeder - pause it till Sunday",
        "The feeder on the koi tank. Pause it until Sunday please",
    ],
)
async def test_a_topic_then_the_request_about_it_is_one_step(node: pf.Node, text: str) -> None:
    # the phrase before is what "it" points at: no pause of its own
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [("pause_feeder", {"tank": "koi", "until": "2026-06-14"})]


@pytest.mark.parametrize(
    "text", ["the nursery blinds? close them", "nursery blinds - close them please"]
)
async def test_the_topic_gives_the_request_its_values(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [("close_blinds", {"room": "nursery"})]


async def test_two_requests_with_a_pronoun_stay_two(node: pf.Node) -> None:
    # a request before (it has a verb) is no topic: "open ... and close them" is two steps
    steps = await plan_steps(node, "open the nursery blinds, then close them", TODAY)
    assert [s["capability"] for s in steps] == ["open_blinds", "close_blinds"]
