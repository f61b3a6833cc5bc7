"""A count before a plural noun that is a word of a choice's value ("18 PDF licences" for a
``pdf_licence`` edition) counts the thing asked for, in that kind: the count fills the
capability's number, not left out as a count of something else. On a registry of these tests'
own (an album order)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class AlbumOrderIn(BaseModel):
    album_id: str = Field(pattern=r"^AL-[0-9]{4}$", description="the album, e.g. AL-2041")
    copies: int = Field(ge=1, le=50, description="one per listener")
    format: Literal["vinyl", "digital_download"] = Field(default="vinyl", description="medium")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="Buy an album for the shop", tags=["music"])
async def order_album(inp: AlbumOrderIn) -> Ordered:
    return Ordered(order_id="O-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_album])


async def test_a_count_of_the_chosen_kind_is_the_number(node: pf.Node) -> None:
    steps = await plan_steps(node, "order 12 digital downloads of AL-2041", TODAY)
    assert steps[0]["params"] == {"album_id": "AL-2041", "copies": 12, "format": "digital_download"}
