"""A search that alone could be any of several ("search for Andor": a title? a ride? a list?)
is read in the domain of the request after it when that one points back at what it finds
("..., then add it to my watchlist": a title), and "whoever you find" points back at what the
step before finds, as "them" does; on a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class TitleIn(BaseModel):
    title: str = Field(description="film or series title")


class TitleOut(BaseModel):
    title_id: str


@pf.capability(intent="Search the streaming catalogue for a film or series", tags=["tv"])
async def find_title(inp: TitleIn) -> TitleOut:
    return TitleOut(title_id="T1")


class WatchIn(BaseModel):
    title: str = Field(description="film or series title")


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


@pf.capability(intent="Save a film or series to the watchlist", tags=["tv"])
async def add_to_watchlist(inp: WatchIn) -> Done:
    return Done(ok=True)


class RideIn(BaseModel):
    origin: str = Field(description="town the ride leaves from")


class RideOut(BaseModel):
    ride_id: str


@pf.capability(intent="Search shared car rides", tags=["rides"])
async def search_rides(inp: RideIn) -> RideOut:
    return RideOut(ride_id="R1")


class ListIn(BaseModel):
    list_name: str = Field(description="name of the shopping list")


class ListOut(BaseModel):
    items: list[str]


@pf.capability(intent="Look up a shopping list", tags=["shopping"])
async def get_shopping_list(inp: ListIn) -> ListOut:
    return ListOut(items=[])


class SitterIn(BaseModel):
    date: dt.date = Field(description="the evening a sitter is needed")


class SitterOut(BaseModel):
    sitter_id: str


@pf.capability(intent="Find a babysitter free on an evening", tags=["childcare"])
async def find_babysitter(inp: SitterIn) -> SitterOut:
    return SitterOut(sitter_id="S1")


class BookSitterIn(BaseModel):
    sitter_id: str = Field(description="the sitter to book")
    date: dt.date = Field(description="the evening")


@pf.capability(intent="Book a babysitter for an evening", tags=["childcare"])
async def book_babysitter(inp: BookSitterIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [find_title, add_to_watchlist, search_rides, get_shopping_list]
    caps += [find_babysitter, book_babysitter]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "search for Andor. Add it to my watchlist",
        "Search for Severance. Then add it to the watchlist",
        "search for Severance, then add it to my watchlist",
    ],
)
async def test_the_request_after_tells_what_is_searched(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_title", "add_to_watchlist"]


@pytest.mark.parametrize(
    "text",
    [
        "search for the series Severance, then add whichever you find to my watchlist",
        "search for the series Severance and add whichever you pick to my watchlist",
    ],
)
async def test_whoever_you_find_is_what_the_step_before_finds(node: pf.Node, text: str) -> None:
    # "whichever you find" points back, as "it" does: no refusal of the second request
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_title", "add_to_watchlist"]


@pytest.mark.parametrize(
    "text",
    [
        "find a sitter for Saturday, then book whoever you find",
        "find a babysitter for Saturday and book whoever you pick",
    ],
)
async def test_whoever_you_find_is_booked(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_babysitter", "book_babysitter"]
