"""A scene told without a verb, then the request about it ("The chain on my bike's broken -
ticket BK-1234, can you replace it?"): the request's verb and the thing the scene named make
the value (replace_chain), not what the scene's words mean alone (repair); one step."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class JobIn(BaseModel):
    ticket: str = Field(pattern=r"^BK-\d{4}$", description="the bike's service ticket")
    job: Literal["replace_chain", "clean_chain", "replace_tyre", "repair"] = Field(
        description="work on the bike"
    )


class Booked(BaseModel):
    job_id: str


@pf.capability(intent="Have a part of a bike replaced or fixed", tags=["bikes"])
async def book_bike_work(inp: JobIn) -> Booked:
    return Booked(job_id="b-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_bike_work])


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("The chain on my bike's broken - ticket BK-1234, can you replace it?", "replace_chain"),
        ("The chain on my bike is broken - ticket BK-1234, can you clean it?", "clean_chain"),
    ],
)
async def test_the_request_verb_and_the_scene_thing_name_the_value(
    node: pf.Node, text: str, job: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_bike_work"]
    assert steps[0]["params"] == {"ticket": "BK-1234", "job": job}
