"""Of two values said in one clause, the one right before the capability's own noun ("a
*double pitch* at the Riverside family site") says which kind of the very thing is asked for;
one said elsewhere, as part of a name, does not (the longer value loses its lead). On a
registry of these tests' own (camp pitches)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class PitchIn(BaseModel):
    site: str = Field(description="name of the campsite")
    size: Literal["single", "double", "family_site"] = Field(
        default="single", description="how big the pitch is"
    )


class Booked(BaseModel):
    pitch_id: str


@pf.capability(intent="Book a camping pitch at a campsite", tags=["camping"])
async def book_camping_pitch(inp: PitchIn) -> Booked:
    return Booked(pitch_id="c-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_camping_pitch])


async def test_the_value_before_the_thing_asked_for_wins(node: pf.Node) -> None:
    params = await plan_params(node, "book a double pitch at the Riverside family site", TODAY)
    assert params["size"] == "double"


async def test_the_longer_value_alone_still_wins(node: pf.Node) -> None:
    params = await plan_params(node, "book a pitch at Riverside, a family site", TODAY)
    assert params["size"] == "family_site"
