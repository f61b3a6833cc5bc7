"""A dash between spaces sets off a phrase ("for my niece - a summer dress"): the rest of the
clause a search takes is the phrase on one side of it, never words joined across it; a hyphen
inside a word ("a pinafore-style dress") joins nothing apart. On a registry of this test's own
(sewing patterns)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class PatternIn(BaseModel):
    query: str = Field(description="what to make, e.g. 'wrap skirt'")


class Found(BaseModel):
    pattern_id: str


@pf.capability(intent="Sewing patterns for a garment", tags=["sewing"])
async def find_sewing_pattern(inp: PatternIn) -> Found:
    return Found(pattern_id="SP-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_sewing_pattern])


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Looking for something to sew for my niece - a summer dress", "summer dress"),
        ("find a sewing pattern for my son - a padded winter coat", "padded winter coat"),
        ("find a sewing pattern for a pinafore-style dress", "pinafore-style dress"),
    ],
)
async def test_a_spaced_dash_sets_off_the_query(node: pf.Node, text: str, query: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"query": query}
