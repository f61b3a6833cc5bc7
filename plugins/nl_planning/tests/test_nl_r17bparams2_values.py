"""Slot values: a code's trailing plus is kept when the pattern takes it ("B2+"); a noun a
number counts for another field ("after 3 attempts" beside ``attempts``) names no value of a
choice; a phrase the lexicon gives as a synonym of a value names it ("full fat" -> whole,
"every other day" -> alternate_days). On a registry of these tests' own (a language school,
a practice log, a yoghurt round)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"  # a Monday


class ClassIn(BaseModel):
    level: str = Field(pattern=r"^[ABC][12]\+?$", description="CEFR level, e.g. B2+")
    language: Literal["spanish", "french", "german"] = Field(description="language taught")


class Enrolled(BaseModel):
    place_id: str


@pf.capability(intent="A place on an evening language class", tags=["school"])
async def enrol_language_class(inp: ClassIn) -> Enrolled:
    return Enrolled(place_id="L-1")


class PracticeIn(BaseModel):
    piece: str = Field(description="what was practised")
    practised_on: dt.date = Field(description="day of the practice")
    outcome: Literal["clean", "rough", "attempt"] = Field(
        default="rough", description="how it went"
    )
    attempts: int | None = Field(default=None, ge=1, description="run-throughs it took")


@pf.capability(
    intent="Note a practice run in the musician's diary",
    tags=["music"],
    examples=["practised the Bach prelude today, clean"],
)
async def log_practice(inp: PracticeIn) -> Enrolled:
    return Enrolled(place_id="P-1")


class YoghurtIn(BaseModel):
    pots: int = Field(ge=1, description="pots each delivery")
    kind: Literal["whole", "low_fat", "greek"] | None = Field(default=None, description="yoghurt")
    frequency: Literal["daily", "alternate_days", "weekly"] = Field(
        default="weekly", description="how often"
    )


@pf.capability(intent="Regular yoghurt left at the door", tags=["dairy"])
async def set_yoghurt_order(inp: YoghurtIn) -> Enrolled:
    return Enrolled(place_id="Y-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [enrol_language_class, log_practice, set_yoghurt_order]
    )


async def test_a_trailing_plus_stays_with_the_code(node: pf.Node) -> None:
    steps = await plan_steps(node, "enrol me on the B2+ Spanish class", TODAY)
    assert [s["capability"] for s in steps] == ["enrol_language_class"]
    assert steps[0]["params"] == {"level": "B2+", "language": "spanish"}


async def test_a_counted_noun_is_no_choice(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "log practice: got the Bach prelude on Saturday after 6 attempts", TODAY
    )
    assert [s["capability"] for s in steps] == ["log_practice"]
    params = steps[0]["params"]
    assert params["attempts"] == 6
    assert "outcome" not in params


@pytest.mark.parametrize(
    ("text", "kind", "frequency"),
    [
        ("3 pots of full fat yoghurt every other day", "whole", "alternate_days"),
        ("2 pots of full-fat yoghurt on alternate days", "whole", "alternate_days"),
    ],
)
async def test_a_phrase_names_its_synonym_value(
    node: pf.Node, text: str, kind: str, frequency: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["set_yoghurt_order"]
    assert steps[0]["params"]["kind"] == kind
    assert steps[0]["params"]["frequency"] == frequency
