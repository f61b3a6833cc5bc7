"""Flags said by what words mean: the opposite adjective of the flag's name ("a private
playlist" -> ``public: false``, "one-sided" -> ``mutual: false``), how often for a flag of
repeating ("monthly", "every month", "twice a year" -> true, "one-off" -> false), and one
adjective of a description that only joins adjectives ("heated" for "heated and dry"). On a
registry of these tests' own (playlists, agreements, gifts, storage)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Made(BaseModel):
    ref: str


class PlaylistIn(BaseModel):
    name: str = Field(description="playlist title")
    public: bool = Field(default=True, description="visible to other listeners")


@pf.capability(intent="Create a new playlist", tags=["music"])
async def create_playlist(inp: PlaylistIn) -> Made:
    return Made(ref="p-1")


class NdaIn(BaseModel):
    counterparty: str = Field(description="the other company")
    mutual: bool = Field(default=True, description="both parties share secrets")


@pf.capability(intent="Draft a non-disclosure agreement", tags=["legal"])
async def draft_nda(inp: NdaIn) -> Made:
    return Made(ref="d-1")


class GiftIn(BaseModel):
    charity: str = Field(description="charity to give to")
    amount: Decimal = Field(gt=0, description="sum given")
    recurring: bool = Field(default=False, description="repeat the gift every month")


@pf.capability(intent="Make a donation to a charity", tags=["giving"])
async def make_donation(inp: GiftIn) -> Made:
    return Made(ref="g-1")


class StorageIn(BaseModel):
    size_m2: float = Field(gt=0, le=50, description="floor area in square metres")
    start_date: dt.date = Field(description="move-in day")
    climate_controlled: bool = Field(default=False, description="heated and dry")


@pf.capability(intent="Rent a self-storage unit", tags=["storage"])
async def rent_storage_unit(inp: StorageIn) -> Made:
    return Made(ref="s-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [create_playlist, draft_nda, make_donation, rent_storage_unit]
    )


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("new private playlist 'Gym Bangers'", False),
        ("create a playlist called Gym Bangers, not private", True),
    ],
)
async def test_the_opposite_adjective_says_the_flag_false(
    node: pf.Node, text: str, public: bool
) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["name"] == "Gym Bangers"
    assert params["public"] is public


@pytest.mark.parametrize(
    "text", ["draft a one-way nda for Blue Harbor Ltd", "nda for Blue Harbor Ltd, one-sided"]
)
async def test_a_hyphenated_opposite_is_no_number(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"counterparty": "Blue Harbor Ltd", "mutual": False}


@pytest.mark.parametrize(
    ("text", "recurring"),
    [
        ("set up a monthly donation of £10 to Shelter", True),
        ("donate 100 dollars to UNICEF every month", True),
        ("donate £5 to Oxfam twice a year", True),
        ("a one-off donation of £50 to Oxfam", False),
    ],
)
async def test_how_often_says_a_gift_repeats(node: pf.Node, text: str, recurring: bool) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["recurring"] is recurring


async def test_a_gift_said_once_does_not_repeat(node: pf.Node) -> None:
    params = await plan_params(node, "donate 20 dollars to Oxfam", TODAY)
    assert "recurring" not in params


@pytest.mark.parametrize(
    ("text", "heated"),
    [
        ("rent a heated storage unit of 8 square metres from the 1st", True),
        ("rent a storage unit of 8 square metres from the 1st, doesn't need to be heated", False),
    ],
)
async def test_one_adjective_of_a_joined_description(
    node: pf.Node, text: str, heated: bool
) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["start_date"] == "2026-07-01"
    assert params["climate_controlled"] is heated
