"""A choice written as a word and a number ("tier3", "level2") is said with a space or a
hyphen between them, the number in digits or in words ("to tier 3", "tier-three"): it is that
value, not the one the word alone starts. On a registry of these tests' own (a help desk)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Escalated(BaseModel):
    assigned_to: str


class EscalateIn(BaseModel):
    case_id: str = Field(pattern=r"^C-\d{5}$", description="support case number")
    tier: Literal["tier2", "tier3", "manager"] = Field(default="tier2", description="escalate to")


@pf.capability(intent="Escalate a customer support case", tags=["support"])
async def escalate_case(inp: EscalateIn) -> Escalated:
    return Escalated(assigned_to="tier2")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [escalate_case])


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("escalate C-10442 to tier 3", "tier3"),
        ("escalate C-10442 to tier-three", "tier3"),
        ("escalate C-10442 to tier3", "tier3"),
        ("escalate C-10442 to the manager", "manager"),
    ],
)
async def test_a_word_and_its_number_name_the_code(node: pf.Node, text: str, tier: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["case_id"] == "C-10442"
    assert params["tier"] == tier
