"""Getting on a ride (or hopping on one) is joining it, and "can my friend and I ..." asks
leave for the teller and someone of theirs, as "can we ..." does: "Can my friend and I get
on ride R-300871?" joins the ride instead of being read as a bare question. On a registry of
these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-01-14"


class Done(BaseModel):
    ok: bool


class JoinRideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the trip, e.g. R-204118")
    seats: int = Field(default=1, ge=1, le=4, description="seats to take")


@pf.capability(intent="A seat in someone else's car for a trip", tags=["carpool", "travel"])
async def join_ride(inp: JoinRideIn) -> Done:
    return Done(ok=True)


class LeaveRideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the trip, e.g. R-204118")


@pf.capability(intent="Give up a seat on a shared trip", tags=["carpool", "travel"])
async def leave_ride(inp: LeaveRideIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [join_ride, leave_ride])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize(
    "text",
    [
        "can I get on ride R-300871",
        "Can my friend and I get on ride R-300871",
        "could my wife and I hop on ride R-300871",
    ],
)
def test_getting_on_is_joining(text: str) -> None:
    action = _action(text)
    assert "subscribe" in action.classes and action.explicit and not action.query


def test_my_thing_is_no_companion() -> None:
    # "can my car be fixed": the thing of the teller's is the subject, no "and I" follows
    assert "subscribe" not in _action("can my car be fixed").classes


@pytest.mark.parametrize(
    "text", ["Can my friend and I get on ride R-300871?", "can I hop on ride R-300871"]
)
async def test_the_ride_is_joined(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["join_ride"]
    assert steps[0]["params"]["ride_id"] == "R-300871"
