"""A personal pronoun points a name field back at the name an earlier step gave ("Add a dog:
Pepper ...; then book her a walk" fills ``dog_name`` with Pepper from ``name``); without a
pronoun nothing is carried over. On a registry of these tests' own (a dog walker)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ok: bool


class DogIn(BaseModel):
    name: str = Field(description="the dog's name")
    breed: str | None = Field(default=None, description="breed")


@pf.capability(intent="Add a dog profile", tags=["dogs"])
async def add_dog_profile(inp: DogIn) -> Done:
    return Done(ok=True)


class WalkIn(BaseModel):
    date: dt.date = Field(description="day of the walk")
    time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="start, HH:MM")
    dog_name: str | None = Field(default=None, description="which dog")


@pf.capability(intent="Book a dog walk", tags=["dogs"])
async def book_dog_walk(inp: WalkIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_dog_profile, book_dog_walk])


async def test_her_is_the_dog_named_before(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "Add a dog called Pepper, then book her a walk Friday 9am", TODAY
    )
    assert calls(steps) == [
        ("add_dog_profile", {"name": "Pepper"}),
        ("book_dog_walk", {"date": "2026-10-09", "time": "09:00", "dog_name": "Pepper"}),
    ]


async def test_no_pronoun_carries_no_name(node: pf.Node) -> None:
    steps = await plan_steps(node, "Add a dog called Pepper, then book a walk Friday 9am", TODAY)
    assert "dog_name" not in steps[1]["params"]
