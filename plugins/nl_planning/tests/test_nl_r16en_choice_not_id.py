"""A word that is a value of one of the step's choices ("on a3" for a paper size) is no id of
another field, even one whose pattern it fits (a printer "A3"): the choice takes it. On a
registry of these tests' own (office printing)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class PrintIn(BaseModel):
    printer: str | None = Field(default=None, pattern=r"^[A-Z][0-9]{1,3}$", description="printer")
    paper: Literal["a3", "a4", "a5"] = Field(default="a4", description="paper size")
    copies: int = Field(default=1, ge=1, description="how many copies")


class Queued(BaseModel):
    job_id: str


@pf.capability(intent="Print a document on an office printer", tags=["printing"])
async def print_document(inp: PrintIn) -> Queued:
    return Queued(job_id="p-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [print_document])


async def test_a_choice_value_is_no_id(node: pf.Node) -> None:
    params = await plan_params(node, "print 3 copies on a3", TODAY)
    assert params.get("paper") == "a3" and "printer" not in params


async def test_the_id_is_still_read_beside_it(node: pf.Node) -> None:
    params = await plan_params(node, "print 3 copies on a3 on printer P12", TODAY)
    assert params["paper"] == "a3" and params["printer"] == "P12"
