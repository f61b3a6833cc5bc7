"""Clauses that only say more about the step before them, on a registry of these tests' own
(a body shop's): words said to the ones the step reaches are its message; a phrasal verb that
is a word of the field ("pick it up" for a pick-up time)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-15"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class ApproveIn(BaseModel):
    job: str = Field(pattern=r"^RJ-[0-9]{4}$", description="the repair job")
    note: str | None = Field(default=None, description="message to the mechanic")


@pf.capability(intent="Go ahead with a quoted car repair", tags=["garage"])
async def approve_repair(inp: ApproveIn) -> Done:
    return Done(ok=True)


class CourtesyCarIn(BaseModel):
    day: dt.date = Field(description="day the car is lent")
    time: str | None = Field(
        default=None, pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="pick-up time, HH:MM"
    )


@pf.capability(intent="Lend a courtesy car while yours is repaired", tags=["garage"])
async def book_courtesy_car(inp: CourtesyCarIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def garage(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [approve_repair, book_courtesy_car])


async def test_words_told_to_them_are_the_steps_message(garage: pf.Node) -> None:
    text = "go ahead with the repair RJ-4410, tell them 'use the original paint'"
    steps = await plan_steps(garage, text, TODAY)
    assert [s["capability"] for s in steps] == ["approve_repair"]
    assert steps[0]["params"] == {"job": "RJ-4410", "note": "use the original paint"}


async def test_a_message_to_no_one_the_step_reaches_is_refused(garage: pf.Node) -> None:
    text = "go ahead with the repair RJ-4410, tell my wife 'use the original paint'"
    assert await is_refused(garage, text, TODAY)


async def test_a_phrasal_verb_written_as_one_in_the_field_gives_its_value(garage: pf.Node) -> None:
    # "pick it up" says what the "pick-up time" is for
    steps = await plan_steps(garage, "book a courtesy car for Friday, pick it up at 8:30am", TODAY)
    assert [s["capability"] for s in steps] == ["book_courtesy_car"]
    assert steps[0]["params"] == {"day": "2026-04-17", "time": "08:30"}
