"""One capability that clearly fits better than every other is planned even when its words do
not cover the request's, on a two-capability registry of this test's own; and a finder reads
its dates forwards."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-02-17"  # a Tuesday


class Done(BaseModel):
    ref: str


class SitterIn(BaseModel):
    city: str = Field(description="city")
    pet: Literal["dog", "cat", "rabbit"] = Field(description="kind of pet")
    start_date: dt.date = Field(description="first day")
    end_date: dt.date = Field(description="last day")


@pf.capability(intent="Find a pet sitter", tags=["pets"])
async def find_pet_sitter(inp: SitterIn) -> Done:
    return Done(ref="s")


class DockIn(BaseModel):
    city: str = Field(description="city")
    near: str | None = Field(default=None, description="street or landmark to search around")


@pf.capability(intent="Find bike docks with free bikes", tags=["mobility"])
async def find_docks(inp: DockIn) -> Done:
    return Done(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_pet_sitter, find_docks])


async def test_the_capability_that_fits_clearly_better_is_planned(node: pf.Node) -> None:
    # No word of "someone to mind my rabbit" is a word of find_pet_sitter's, but it takes the
    # city, the pet and both dates, and find_docks only the city (its free-text field would
    # swallow the rest): the sitter is meant, not the docks.
    out = await node.call(
        "nl_planning.plan",
        {"text": "find someone to mind my rabbit in Ghent from Friday to Sunday", "today": TODAY},
    )
    assert out["steps"] == [
        {
            "capability": "find_pet_sitter",
            "params": {
                "city": "Ghent",
                "pet": "rabbit",
                # a finder's dates lie ahead when nothing says otherwise
                "start_date": "2026-02-20",
                "end_date": "2026-02-22",
            },
        }
    ]
