"""A clause that opens with the past form of a reading verb, or of buying, with no subject
before it ("inspected H07 yesterday", "saw Jupiter on Tuesday", "just bought 6 bottles of
...") tells, as a diary does, of a thing the teller did: it asks to record it - never to read
about it (a forecast for "saw Jupiter") nor to do it again. The verb said plainly still reads.
On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ref: str


class InspectionIn(BaseModel):
    hive_id: str = Field(pattern=r"^H\d{2}$", description="the hive")
    inspection_date: dt.date = Field(description="when the hive was inspected")
    queen_seen: bool | None = Field(default=None, description="whether the queen was seen")


@pf.capability(intent="Log a hive inspection", tags=["bees"])
async def log_hive_inspection(inp: InspectionIn) -> Done:
    return Done(ref="i-1")


class HiveIn(BaseModel):
    hive_id: str = Field(pattern=r"^H\d{2}$", description="the hive")


@pf.capability(intent="Check the status of a hive", tags=["bees"])
async def get_hive_status(inp: HiveIn) -> Done:
    return Done(ref="s-1")


class SkyIn(BaseModel):
    date: dt.date = Field(description="the night to forecast")


@pf.capability(intent="Get the sky forecast for stargazing", tags=["astronomy"])
async def get_sky_forecast(inp: SkyIn) -> Done:
    return Done(ref="f-1")


class ObservationIn(BaseModel):
    target: str = Field(description="object observed, e.g. M31 or Jupiter")
    observed_on: dt.date = Field(description="night of the observation")
    notes: str | None = Field(default=None, description="what was seen")


@pf.capability(intent="Add a sighting to the observatory's log book", tags=["astronomy"])
async def submit_observation(inp: ObservationIn) -> Done:
    return Done(ref="o-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [log_hive_inspection, get_hive_status, get_sky_forecast, submit_observation],
    )


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize(
    "text",
    [
        "inspected H07 yesterday",
        "weighed in at 80 kg this morning",
        "saw Jupiter on Tuesday",
        "just bought a dozen bottles of Rioja",
    ],
)
def test_a_thing_told_as_done_records_it(text: str) -> None:
    action = _action(text)
    assert "record" in action.classes and not action.query


@pytest.mark.parametrize(
    "text",
    ["inspect H07", "check the hive", "I checked the hive yesterday", "cancelled my order"],
)
def test_a_verb_said_otherwise_keeps_its_action(text: str) -> None:
    assert "record" not in _action(text).classes


async def test_an_inspection_told_is_logged(node: pf.Node) -> None:
    steps = await plan_steps(node, "Inspected H07 yesterday - queen seen", TODAY)
    assert [s["capability"] for s in steps] == ["log_hive_inspection"]
    assert steps[0]["params"]["inspection_date"] == "2026-06-09"


async def test_an_observation_told_is_submitted_not_forecast(node: pf.Node) -> None:
    steps = await plan_steps(node, "saw Jupiter on Tuesday, notes: 'four moons'", TODAY)
    assert steps == [
        {
            "capability": "submit_observation",
            "params": {"target": "Jupiter", "observed_on": "2026-06-09", "notes": "four moons"},
        }
    ]


async def test_the_reading_verb_said_plainly_still_reads(node: pf.Node) -> None:
    steps = await plan_steps(node, "check hive H07", TODAY)
    assert [s["capability"] for s in steps] == ["get_hive_status"]
