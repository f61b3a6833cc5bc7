"""Two numbers joined by a dash ("3-1") for two whole-number fields of one noun and two sides
(``home_score``, ``away_score``) are the first field's and the second's in that order,
whatever words follow ("3-1 to the home side", "3-1 home"). On a registry of these tests' own
(a league's results)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class MatchOut(BaseModel):
    match_id: str


class MatchScoreIn(BaseModel):
    match_id: str = Field(pattern=r"^M-[0-9]{5}$", description="fixture number")
    home_score: int = Field(ge=0, description="goals or points of the home side")
    away_score: int = Field(ge=0, description="goals or points of the away side")


@pf.capability(intent="Report the final score of a match", tags=["league"])
async def report_match_score(inp: MatchScoreIn) -> MatchOut:
    return MatchOut(match_id="M-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [report_match_score])


@pytest.mark.parametrize(
    "text",
    [
        "report M-20431: it finished 3-1 to the home side",
        "report M-20431 as 3-1 home",
        "report M-20431 as 3-1",
    ],
)
async def test_a_dashed_pair_in_field_order(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"match_id": "M-20431", "home_score": 3, "away_score": 1}
