"""An indefinite pronoun ("everyone", "anybody", "someone") stands for whoever it may be: it
is never the name an optional name field takes ("what did everyone score" asks for all the
scores). On a registry of this test's own (a quiz night's scores)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ScoresIn(BaseModel):
    night_id: str = Field(pattern=r"^QN-\d{4}$", description="the quiz night, e.g. QN-1234")
    player: str | None = Field(default=None, description="only this contestant")


class Scores(BaseModel):
    total: int


@pf.capability(intent="Points won at a quiz night", tags=["quiz"])
async def get_quiz_scores(inp: ScoresIn) -> Scores:
    return Scores(total=40)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_quiz_scores])


@pytest.mark.parametrize(
    "text",
    [
        "what did everyone score at the quiz? night QN-1234",
        "how many points did everybody score on QN-1234",
        "scores for anyone at QN-1234",
    ],
)
async def test_an_indefinite_pronoun_is_no_name(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"night_id": "QN-1234"}


async def test_a_name_still_fills_the_field(node: pf.Node) -> None:
    params = await plan_params(node, "what did Priya score at the quiz? night QN-1234", TODAY)
    assert params == {"night_id": "QN-1234", "player": "Priya"}
