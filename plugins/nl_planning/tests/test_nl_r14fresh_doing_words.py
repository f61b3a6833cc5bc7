"""Idioms that say what is to be done, on a registry of these tests' own (a hot tub, a kiln, an
archive of aerial photos): "get the tub going" starts it (a capability whose example says so
does something, it does not read, so a question of how warm the tub is stays unanswered), and
"take a picture" photographs - it never finds a picture that exists already."""

from __future__ import annotations

from typing import Any

import pytest
from planned import calls, is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class TubIn(BaseModel):
    temperature_celsius: int = Field(ge=20, le=40, description="water temperature, °C")


@pf.capability(
    intent="Water warm before the bathers get in",
    tags=["garden", "tub"],
    examples=["get the hot tub going at 38"],
)
async def heat_hot_tub(inp: TubIn) -> Done:
    return Done(ok=True)


class KilnIn(BaseModel):
    temperature_celsius: int = Field(ge=500, le=1300, description="peak temperature, °C")


@pf.capability(
    intent="The kiln up to temperature for a firing",
    tags=["pottery", "kiln"],
    examples=["get the kiln running at 1000"],
)
async def fire_kiln(inp: KilnIn) -> Done:
    return Done(ok=True)


class SearchIn(BaseModel):
    place: str = Field(description="town or landmark shown")


class SearchOut(BaseModel):
    photo_ids: list[str]


@pf.capability(intent="Archive aerial photos of a place", tags=["photos", "aerial"])
async def search_aerial_photos(inp: SearchIn) -> SearchOut:
    return SearchOut(photo_ids=["AP-1"])


class PrintIn(BaseModel):
    photo_id: str = Field(pattern=r"^AP-[0-9]{1,6}$", description="the archive photo")


@pf.capability(intent="A framed print of an archive photo", tags=["photos", "shop"])
async def order_photo_print(inp: PrintIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [heat_hot_tub, fire_kiln, search_aerial_photos, order_photo_print]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text", ["how warm is the hot tub right now?", "is the kiln hot yet?", "how hot is the kiln?"]
)
async def test_a_question_of_a_state_is_no_request_to_set_it_going(
    node: pf.Node, text: str
) -> None:
    assert await is_refused(node, text, TODAY)


@pytest.mark.parametrize(
    ("text", "capability", "degrees"),
    [
        ("get the hot tub going at 37", "heat_hot_tub", 37),
        ("get the kiln running at 1100 please", "fire_kiln", 1100),
    ],
)
async def test_getting_a_thing_going_starts_it(
    node: pf.Node, text: str, capability: str, degrees: int
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [(capability, {"temperature_celsius": degrees})]


@pytest.mark.parametrize(
    "text",
    [
        "take a fresh picture of Whitby from the air",
        "take some new photos of the harbour",
        "fly over my farm next week and take a picture",
    ],
)
async def test_taking_a_picture_is_no_search_of_the_archive(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)


async def test_finding_pictures_still_searches_the_archive(node: pf.Node) -> None:
    steps = await plan_steps(node, "any aerial photos of Whitby?", TODAY)
    assert calls(steps) == [("search_aerial_photos", {"place": "Whitby"})]
