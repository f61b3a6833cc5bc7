"""A value that is a verb is named by its "-ing" form or its past ("for reglazing",
"reglazed" -> reglaze), even when the lemma rules strip the word to a stem that is no value
("reglaz"): the base form is restored by spelling. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class JobIn(BaseModel):
    windows: int = Field(ge=1, description="how many windows")
    job: Literal["reglaze", "reseal", "draughtproof"] = Field(description="work to do")


class Booked(BaseModel):
    job_id: str


@pf.capability(intent="Book a window repair job", tags=["windows"])
async def book_window_repair(inp: JobIn) -> Booked:
    return Booked(job_id="w-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_window_repair])


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("book 3 windows for reglazing", "reglaze"),
        ("book a repair: 2 windows need resealing", "reseal"),
        ("book a window repair to have 4 windows reglazed", "reglaze"),
    ],
)
async def test_a_verb_form_names_the_verb_value(node: pf.Node, text: str, job: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["job"] == job
