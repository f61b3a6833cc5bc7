"""Requests read through what they tell, on a registry of this test's own: "have X done" asks
for what is done, leaving one's thing somewhere is losing it, what "someone" did is an
incident to report, and pinging a device reads where it is."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.statements import LOSS
from packetflow_nl_planning.text import tokenize

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ref: str


class DocIn(BaseModel):
    document_url: str = Field(json_schema_extra={"format": "uri"}, description="the file")


@pf.capability(intent="Send a document to be edited by an editor", tags=["editing"])
async def request_editing(inp: DocIn) -> Done:
    return Done(ref="p")


class LostIn(BaseModel):
    description: str = Field(description="what was lost")
    ferry: str = Field(default="", description="which ferry")


@pf.capability(intent="Report an item lost on a ferry", tags=["ferry", "lost property"])
async def report_lost_item(inp: LostIn) -> Done:
    return Done(ref="l")


class ShelterIn(BaseModel):
    shelter: str = Field(pattern=r"^BS-[0-9]{4}$", description="bus shelter code")


@pf.capability(intent="Report damage to a bus shelter", tags=["transport", "vandalism"])
async def report_shelter_damage(inp: ShelterIn) -> Done:
    return Done(ref="d")


@pf.capability(intent="Opening times and routes of a bus shelter", tags=["transport"])
async def get_shelter_info(inp: ShelterIn) -> Done:
    return Done(ref="i")


class TrackerIn(BaseModel):
    tracker: str = Field(pattern=r"^TK-[0-9]{3}$", description="tracker id")


@pf.capability(intent="Where a pet's GPS tracker is now", tags=["pets", "gps"])
async def get_tracker_location(inp: TrackerIn) -> Done:
    return Done(ref="t")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [request_editing, report_lost_item, report_shelter_damage, get_shelter_info,
            get_tracker_location]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


async def test_have_it_done_asks_for_what_is_done(node: pf.Node) -> None:
    steps = await plan_steps(node, "have https://docs.example.com/cv.pdf edited", TODAY)
    assert steps == [
        {
            "capability": "request_editing",
            "params": {"document_url": "https://docs.example.com/cv.pdf"},
        }
    ]


def _action_of(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.entity])


def test_leaving_ones_thing_somewhere_is_losing_it() -> None:
    assert LOSS in _action_of("I left my rucksack on the ferry").verbs
    assert LOSS not in _action_of("I left a review of the ferry").verbs


def test_what_someone_did_is_an_incident_to_report() -> None:
    assert _action_of("someone smashed the bus shelter BS-1234").classes == {"report"}
    assert "report" not in _action_of("can someone ring me").classes


async def test_an_incident_goes_to_the_capability_that_reports_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "someone smashed the bus shelter BS-1234", TODAY)
    assert steps == [{"capability": "report_shelter_damage", "params": {"shelter": "BS-1234"}}]


async def test_pinging_a_device_reads_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "ping the GPS tracker on TK-221", TODAY)
    assert steps == [{"capability": "get_tracker_location", "params": {"tracker": "TK-221"}}]


def test_a_thing_not_done_is_a_missed_service_to_report() -> None:
    assert _action_of("our parcels weren't delivered to 4 Elm Row").classes == {"report"}
    assert _action_of("the parcel wasn't delivered to 4 Elm Row").classes == {"report"}
    assert _action_of("our bins were never collected").classes == {"report"}
    assert "report" not in _action_of("I haven't paid the invoice").classes


class PicnicIn(BaseModel):
    seating: Literal["indoor", "outdoor"] = Field(description="where to sit")


@pf.capability(intent="Reserve a table at the cafe", tags=["cafe"])
async def reserve_cafe_table(inp: PicnicIn) -> Done:
    return Done(ref="c")


async def test_a_terrace_is_outdoor_seating(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [reserve_cafe_table])
    steps = await plan_steps(node, "reserve a cafe table on the terrace", TODAY)
    assert steps == [{"capability": "reserve_cafe_table", "params": {"seating": "outdoor"}}]
