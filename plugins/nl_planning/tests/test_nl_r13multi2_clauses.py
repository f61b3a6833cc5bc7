"""How people qualify and refer back, on a registry of these tests' own (a fish tank, a photo
community): a time told first ("On Friday, ...", "Until then, ...") qualifies the request after
it, "until then" points back at the date told before, and "like" is a verb of its own, not a
light verb that takes its meaning from what follows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import calls, is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
Tank = Literal["reef", "koi", "tropical"]


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class PauseIn(BaseModel):
    tank: Tank = Field(default="reef", description="which tank")
    until: dt.date | None = Field(default=None, description="last day without feeding")


@pf.capability(intent="Hold the automatic fish feeds for a while", tags=["aquarium", "feeder"])
async def pause_fish_feeder(inp: PauseIn) -> Done:
    return Done(ok=True)


class HeaterIn(BaseModel):
    tank: Tank = Field(default="reef", description="which tank")
    temperature_celsius: float = Field(ge=10, le=35, description="water temperature, °C")


@pf.capability(intent="Set the water temperature of a tank", tags=["aquarium"])
async def set_tank_heater(inp: HeaterIn) -> Done:
    return Done(ok=True)


class LogIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")


class LogOut(BaseModel):
    feeds: int


@pf.capability(intent="How often the tanks were fed between two days", tags=["aquarium"])
async def get_feeding_log(inp: LogIn) -> LogOut:
    return LogOut(feeds=3)


class HandleIn(BaseModel):
    username: str = Field(pattern=r"^[a-z0-9_.]{3,30}$", description="the member's handle")


@pf.capability(intent="See new posts from a photographer", tags=["photos"])
async def follow_member(inp: HandleIn) -> Done:
    return Done(ok=True)


class PhotoIn(BaseModel):
    photo_id: str = Field(pattern=r"^[0-9]{6,8}$", description="the picture's number")


@pf.capability(intent="Show appreciation for a picture", tags=["photos"])
async def like_picture(inp: PhotoIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [pause_fish_feeder, set_tank_heater, get_feeding_log, follow_member, like_picture]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "I'm away till Sunday. Until then, pause the feeder on the koi tank",
        "away till Sunday, so pause the feeder on the koi tank until then",
        "Until Sunday, pause the feeder on the koi tank",
    ],
)
async def test_until_then_points_back_at_the_date_told(node: pf.Node, text: str) -> None:
    # "then" after "until" is no connector: one pause, until the Sunday told before
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("pause_fish_feeder", {"tank": "koi", "until": "2026-06-14"})]


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, set the koi tank to 25",
        "Tomorrow morning, set the koi tank to 25",
        "tonight, set the koi tank to 25",
        "first thing tomorrow, set the koi tank to 25",
    ],
)
async def test_a_time_told_first_qualifies_the_request_after_it(node: pf.Node, text: str) -> None:
    # "On Friday," is no request of its own (it read the feeding log of Friday)
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("set_tank_heater", {"tank": "koi", "temperature_celsius": 25})]


async def test_then_still_joins_two_requests(node: pf.Node) -> None:
    steps = await plan_steps(node, "pause the feeder, then set the koi tank to 25", TODAY)
    assert [s["capability"] for s in steps] == ["pause_fish_feeder", "set_tank_heater"]


async def test_like_is_a_verb_of_its_own(node: pf.Node) -> None:
    steps = await plan_steps(node, "like photo 4471022", TODAY)
    assert calls(steps) == [("like_picture", {"photo_id": "4471022"})]
    # liking is not following: with no picture given, nothing is followed
    try:
        steps = await plan_steps(node, "like her latest photo", TODAY)
    except pf.errors.PacketFlowError:
        steps = []
    assert all(s["capability"] != "follow_member" for s in steps)
    assert await is_refused(node, "like @sam_shoots", TODAY)


async def test_would_like_is_politeness(node: pf.Node) -> None:
    steps = await plan_steps(node, "we would like to follow sam_shoots", TODAY)
    assert calls(steps) == [("follow_member", {"username": "sam_shoots"})]


class ReadingsIn(BaseModel):
    tank: Tank = Field(default="reef", description="which tank")


class ReadingsOut(BaseModel):
    temperature_celsius: float


@pf.capability(intent="The water temperature and pH from a tank's probes", tags=["aquarium"])
async def get_tank_readings(inp: ReadingsIn) -> ReadingsOut:
    return ReadingsOut(temperature_celsius=24.0)


@pytest.fixture
async def tank_node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [pause_fish_feeder, set_tank_heater, get_tank_readings]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text", ["the koi tank's too cold, set it to 25", "the koi tank's freezing so set it to 25"]
)
async def test_a_noun_with_s_that_tells_a_state_is_a_statement(
    tank_node: pf.Node, text: str
) -> None:
    # "'s" stands for "is" here: the scene, not a bare noun phrase asking for the readings
    steps = await plan_steps(tank_node, text, TODAY)
    assert [s["capability"] for s in steps] == ["set_tank_heater"]
    assert steps[0]["params"]["temperature_celsius"] == 25


async def test_a_possessive_still_names_a_thing(tank_node: pf.Node) -> None:
    steps = await plan_steps(tank_node, "the koi tank's temperature", TODAY)
    assert calls(steps) == [("get_tank_readings", {"tank": "koi"})]


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("while I'm away, pause the feeder on the koi tank", None),
        ("while I'm away till Sunday, pause the feeder on the koi tank", "2026-06-14"),
        ("if we're away, pause the feeder on the koi tank", None),
    ],
)
async def test_a_condition_told_first_is_no_request(
    node: pf.Node, text: str, until: str | None
) -> None:
    # the condition's own words ("I'm away") are no pause of their own; its dates stay
    steps = await plan_steps(node, text, TODAY)
    params: dict[str, Any] = {"tank": "koi"}
    if until:
        params["until"] = until
    assert calls(steps) == [("pause_fish_feeder", params)]


@pytest.mark.parametrize(
    "text",
    [
        "if it gets cold, set the koi tank to 25",
        "by the time I'm back, set the koi tank to 25",
        "as soon as possible, set the koi tank to 25",
    ],
)
async def test_a_condition_told_first_qualifies_the_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("set_tank_heater", {"tank": "koi", "temperature_celsius": 25})]


@pytest.mark.parametrize(
    "text",
    [
        "set the reef tank to 25. Same for the koi tank",
        "set the reef tank to 25 and do the same for the koi tank",
        "set the reef tank to 25, and the same with the koi tank",
    ],
)
async def test_the_same_for_another_thing_repeats_the_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("set_tank_heater", {"tank": "reef", "temperature_celsius": 25}),
        ("set_tank_heater", {"tank": "koi", "temperature_celsius": 25}),
    ]


async def test_what_a_thing_is_told_with_s_is_a_statement_even_with_a_verb(
    tank_node: pf.Node,
) -> None:
    # "gone off" is no request to switch anything off: the scene of the request after it
    steps = await plan_steps(tank_node, "the koi tank's gone cold, set it to 25", TODAY)
    assert [s["capability"] for s in steps] == ["set_tank_heater"]


@pytest.mark.parametrize(
    ("text", "call"),
    [
        (
            "pause the feeder on the koi tank till Sunday, actually make that Monday",
            ("pause_fish_feeder", {"tank": "koi", "until": "2026-06-15"}),
        ),
        (
            "set the koi tank to 25, no wait, 26",
            ("set_tank_heater", {"tank": "koi", "temperature_celsius": 26}),
        ),
        (
            "set the reef tank to 25, or rather the koi tank",
            ("set_tank_heater", {"tank": "koi", "temperature_celsius": 25}),
        ),
        (
            "set the reef tank to 25. Sorry, I mean the koi tank",
            ("set_tank_heater", {"tank": "koi", "temperature_celsius": 25}),
        ),
    ],
)
async def test_a_correction_replaces_the_value_told_before(
    node: pf.Node, text: str, call: tuple[str, dict[str, Any]]
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [call]


async def test_a_correction_with_a_verb_of_its_own_takes_the_request_back(node: pf.Node) -> None:
    # "actually set it to 22": the heater is set once, to 22 - not to 25 and then to 22
    text = "set the koi tank to 25, actually set it to 22"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["set_tank_heater"]
    assert steps[0]["params"]["temperature_celsius"] == 22


async def test_a_correction_nothing_takes_refuses_rather_than_keep_what_was_taken_back(
    node: pf.Node,
) -> None:
    # "no wait, off" gives the heater nothing: setting it to 25 would do what was taken back
    assert await is_refused(node, "set the koi tank to 25, no wait, off", TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Actually, set the koi tank to 25",
        "when you get a chance, set the koi tank to 25",
        "if you can, set the koi tank to 25",
    ],
)
async def test_politeness_before_a_comma_is_no_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("set_tank_heater", {"tank": "koi", "temperature_celsius": 25})]
