""" "would you mind stopping the pump", "do you mind pausing it", "how about setting a timer":
the verb in -ing after such words is the request's verb (they only ask politely). "how about"
before no such verb ("how about Friday") is left as it was. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool


class PumpIn(BaseModel):
    pump: str = Field(default="main", description="which pump")


@pf.capability(intent="Stop the pond pump", tags=["garden"])
async def stop_pump(inp: PumpIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Start the pond pump", tags=["garden"])
async def start_pump(inp: PumpIn) -> Done:
    return Done(ok=True)


class FeederIn(BaseModel):
    days: int = Field(ge=1, description="how many days to pause for")


@pf.capability(intent="Pause the fish feeder", tags=["garden"])
async def pause_feeder(inp: FeederIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [stop_pump, start_pump, pause_feeder])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("would you mind stopping the pump", "stop"),
        ("do you mind pausing the feeder", "pause"),
        ("how about cancelling it", "cancel"),
    ],
)
def test_the_verb_in_ing_is_the_action(text: str, verb: str) -> None:
    action = _action(text)
    assert action.explicit and verb in action.classes and not action.query


def test_how_about_a_thing_is_no_action() -> None:
    assert not _action("how about something cheaper").explicit


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("would you mind stopping the pump", "stop_pump"),
        ("would you mind starting the pump again", "start_pump"),
    ],
)
async def test_it_plans_the_verb(node: pf.Node, text: str, capability: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]


async def test_how_about_doing_with_a_value(node: pf.Node) -> None:
    steps = await plan_steps(node, "how about pausing the feeder for 3 days", TODAY)
    assert calls(steps) == [("pause_feeder", {"days": 3})]
