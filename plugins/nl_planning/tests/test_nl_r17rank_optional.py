"""A capability named by the very verb of the request whose fields are all optional (a title
or its id, one of the two) is meant when one of them took a value and nothing is left
unexplained ("..., and add Inception" after removing a film from the watchlist): it was
never relevant for want of a required field, and a guest list that requires a name took the
title instead. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"


class Done(BaseModel):
    ok: bool


class WatchlistAddIn(BaseModel):
    title_id: str | None = Field(
        default=None, pattern=r"^TT[0-9]{6}$", description="catalogue id, e.g. TT204118"
    )
    title: str | None = Field(default=None, description="name of the film or series")


@pf.capability(intent="Save a film or show for later", tags=["streaming", "tv"])
async def add_to_watchlist(inp: WatchlistAddIn) -> Done:
    return Done(ok=True)


class WatchlistRemoveIn(BaseModel):
    title: str = Field(description="name of the film or series")


@pf.capability(intent="Drop a film or show from the saved list", tags=["streaming", "tv"])
async def remove_from_watchlist(inp: WatchlistRemoveIn) -> Done:
    return Done(ok=True)


class AddGuestIn(BaseModel):
    full_name: str = Field(description="guest's first and last name")
    plus_one: bool = Field(default=False, description="may bring a partner")


@pf.capability(intent="Put someone on the wedding invitation list", tags=["wedding", "guests"])
async def add_guest(inp: AddGuestIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [add_to_watchlist, remove_from_watchlist, add_guest]
    )


async def test_the_optional_title_is_added_to_the_watchlist(node: pf.Node) -> None:
    steps = await plan_steps(node, "Remove Tenet from my watchlist and add Inception", TODAY)
    assert steps == [
        {"capability": "remove_from_watchlist", "params": {"title": "Tenet"}},
        {"capability": "add_to_watchlist", "params": {"title": "Inception"}},
    ]


async def test_a_guest_is_still_added(node: pf.Node) -> None:
    steps = await plan_steps(node, "add Hannah Cole to the guest list", TODAY)
    assert steps == [{"capability": "add_guest", "params": {"full_name": "Hannah Cole"}}]
