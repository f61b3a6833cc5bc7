"""English verbs take no "-er": "booster jabs" opens with the noun of a thing that boosts,
not the verb "boost". Read as a verb, the phrase asked to increase something and every
capability that reads was refused. A plain "boost the signal" is still the verb. On a
registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class Done(BaseModel):
    ok: bool


class JabsIn(BaseModel):
    pet_name: str = Field(description="the animal's name")


class SignalIn(BaseModel):
    level: int = Field(ge=1, le=10, description="new strength, 1-10")


@pf.capability(intent="Which booster jabs an animal has had and when", tags=["vet"])
async def get_vaccination_record(inp: JabsIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Raise the wifi signal strength", tags=["network"])
async def increase_signal(inp: SignalIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [get_vaccination_record, increase_signal]
    return await planner_on(module_node, register_module, caps)


async def test_booster_is_a_noun(node: pf.Node) -> None:
    steps = await plan_steps(node, "booster jabs for Mittens the cat", TODAY)
    assert [s["capability"] for s in steps] == ["get_vaccination_record"]


async def test_boost_is_still_a_verb(node: pf.Node) -> None:
    steps = await plan_steps(node, "boost the wifi signal to 8", TODAY)
    assert [s["capability"] for s in steps] == ["increase_signal"]
