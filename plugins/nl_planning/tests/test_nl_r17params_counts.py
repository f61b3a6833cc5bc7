"""Counts: a number before another field's own noun in a compound ("3-bedroom houses") counts
that field's thing, not the first number field (a price); a noun before a number still
labels it ("round 2 board 5"); a number word ("three copies") is a count, never a choice by
closeness of meaning (no print size "a4"). On a registry of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Found(BaseModel):
    listing_id: str


class SearchIn(BaseModel):
    city: str = Field(description="city or neighbourhood")
    max_price: float | None = Field(default=None, description="highest monthly rent")
    min_bedrooms: int | None = Field(default=None, ge=0, description="fewest bedrooms")


@pf.capability(intent="Search rental listings", tags=["homes"])
async def search_listings(inp: SearchIn) -> Found:
    return Found(listing_id="L-1")


class ResultIn(BaseModel):
    round: int = Field(ge=1, le=11, description="round number")
    board: int = Field(ge=1, le=200, description="board number")
    result: Literal["white_win", "black_win", "draw"] = Field(description="outcome of the game")


@pf.capability(intent="Report the result of a chess game", tags=["chess"])
async def report_game_result(inp: ResultIn) -> Found:
    return Found(listing_id="-")


class PrintsIn(BaseModel):
    album_id: str = Field(pattern=r"^ALB[0-9]{5}$", description="album identifier")
    size: Literal["4x6", "5x7", "8x10", "a4"] = Field(default="4x6", description="print size")
    copies: int = Field(default=1, ge=1, le=50, description="copies of each photo")


@pf.capability(intent="Have the photos of an album printed on paper", tags=["photos"])
async def order_prints(inp: PrintsIn) -> Found:
    return Found(listing_id="-")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [search_listings, report_game_result, order_prints]
    )


@pytest.mark.parametrize(
    "text", ["find 3-bedroom houses in Portland", "find 3 bedroom flats in Portland"]
)
async def test_a_count_before_another_fields_noun(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"city": "Portland", "min_bedrooms": 3}


async def test_a_noun_before_a_number_labels_it(node: pf.Node) -> None:
    params = await plan_params(node, "report round 2 board 5 as a draw", TODAY)
    assert params == {"round": 2, "board": 5, "result": "draw"}


async def test_a_number_word_is_no_choice(node: pf.Node) -> None:
    params = await plan_params(node, "print three copies of album ALB12345", TODAY)
    assert params == {"album_id": "ALB12345", "copies": 3}
