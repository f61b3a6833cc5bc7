"""A date field whose description opens with a participle of when the thing was done
("captured on or after") reads a bare month backwards; the new day of a thing moved looks
ahead, whatever went wrong before ("the flight got scrubbed, can we go on Sunday instead?").
On a registry of these tests' own (satellite archive pictures, balloon rides)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.tense import description_tells_past

TODAY = "2027-08-13"  # a Friday


class Done(BaseModel):
    ok: bool = True


class SceneSearchIn(BaseModel):
    location: str = Field(description="place name")
    from_date: dt.date | None = Field(default=None, description="captured on or after")
    to_date: dt.date | None = Field(default=None, description="captured on or before")


@pf.capability(intent="Archive pictures of the ground taken from orbit", tags=["satellite"])
async def search_satellite_scenes(inp: SceneSearchIn) -> Done:
    return Done()


class MoveIn(BaseModel):
    booking_ref: str = Field(pattern=r"^BB-\d{5}$", description="the booking, e.g. BB-20417")
    new_date: dt.date = Field(description="the day to fly instead")


@pf.capability(
    intent="The weather grounded the balloon: fly on another day instead", tags=["balloon"]
)
async def rebook_balloon_flight(inp: MoveIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [search_satellite_scenes, rebook_balloon_flight]
    )


def test_a_participle_before_a_time_preposition_tells_the_past() -> None:
    assert description_tells_past("captured on or after")
    assert description_tells_past("taken before")
    assert not description_tells_past("scheduled day")


async def test_an_archive_reads_a_month_backwards(node: pf.Node) -> None:
    steps = await plan_steps(node, "satellite pictures of Loch Ness from June", TODAY)
    assert steps[0]["params"]["from_date"] == "2027-06-01"
    assert steps[0]["params"]["to_date"] == "2027-06-30"


async def test_the_new_day_of_a_thing_moved_is_to_come(node: pf.Node) -> None:
    text = (
        "Our flight got scrubbed because of the wind (booking BB-41092) - "
        "can we go on Sunday instead?"
    )
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "rebook_balloon_flight",
            "params": {"booking_ref": "BB-41092", "new_date": "2027-08-15"},
        }
    ]
