"""A place's name keeps the lower-case noun after it that says what kind of place it is ("the
Severn estuary", "Leek craft fair") when the field is the place itself; a choice whose words
stand there (a table size ``craft_fair``) is then not said by them, when another of its values
is. On a registry of this test's own (drone footage, craft fair tables)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class FootageIn(BaseModel):
    location: str = Field(description="place name")


class Clips(BaseModel):
    clips: int


@pf.capability(intent="Aerial video clips filmed over a place", tags=["drone"])
async def search_drone_footage(inp: FootageIn) -> Clips:
    return Clips(clips=3)


class TableIn(BaseModel):
    fair: str = Field(description="which fair, e.g. 'Sunday craft fair at Leek'")
    date: str = Field(description="the fair's day, YYYY-MM-DD")
    size: Literal["single", "double", "craft_fair"] = Field(
        default="single", description="how much space"
    )


class Booked(BaseModel):
    table_ref: str


@pf.capability(intent="A maker's table on the day of a fair", tags=["fair"])
async def book_fair_table(inp: TableIn) -> Booked:
    return Booked(table_ref="T-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [search_drone_footage, book_fair_table])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("any drone footage of the Severn estuary?", "Severn estuary"),
        ("aerial clips of the Ullswater lake please", "Ullswater lake"),
        ("any drone footage of Bristol please", "Bristol"),
    ],
)
async def test_the_kind_of_place_stays_in_its_name(node: pf.Node, text: str, place: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"location": place}


async def test_a_fair_keeps_its_kind_and_the_size_said_wins(node: pf.Node) -> None:
    params = await plan_params(node, "book a double table at the Leek craft fair on Sunday", TODAY)
    assert params["fair"] == "Leek craft fair"
    assert params["size"] == "double"


async def test_a_fair_named_by_its_town(node: pf.Node) -> None:
    params = await plan_params(node, "book a table at Whitby fair on Sunday", TODAY)
    assert params["fair"] == "Whitby fair"
    assert "size" not in params


@pytest.mark.parametrize(
    ("text", "fair"),
    [
        ("book a table at the Whitby fair on Sunday", "Whitby fair"),
        ("book a table at Ripon makers' fair on Sunday", "Ripon makers' fair"),
    ],
)
async def test_a_fair_after_the_or_a_possessive_keeps_its_kind(
    node: pf.Node, text: str, fair: str
) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["fair"] == fair
