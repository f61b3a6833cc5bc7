"""Ranking on a registry of this test's own (a lift share, a watchlist, a guest list, a watch
repairer, a project page): a typo the embedding reads as the word it was corrected to; a
lower-case word after "my" is no id or slug; an id only another kind of capability takes is
never left unplaced by a guess; a clause that tells of an end ("anymore") never runs the
capability that adds the thing; what is to be cancelled or removed is named."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning import vetoes

TODAY = "2026-03-26"  # a Thursday


class Done(BaseModel):
    ref: str


class RideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-\d{6}$", description="the lift share's id, R-nnnnnn")


@pf.capability(intent="Get a seat on a lift share", tags=["carpool"])
async def join_ride(inp: RideIn) -> Done:
    return Done(ref="j")


@pf.capability(intent="Give up your seat on a lift share", tags=["carpool"])
async def leave_ride(inp: RideIn) -> Done:
    return Done(ref="l")


class TitleIn(BaseModel):
    title: str = Field(description="the film or series")


@pf.capability(intent="Save a film or series to watch later", tags=["streaming"])
async def add_to_watchlist(inp: TitleIn) -> Done:
    return Done(ref="w")


@pf.capability(intent="Take a title off the watchlist", tags=["streaming"])
async def remove_from_watchlist(inp: TitleIn) -> Done:
    return Done(ref="r")


class GuestIn(BaseModel):
    full_name: str = Field(description="the guest's first and last name")


@pf.capability(intent="Put someone on the wedding guest list", tags=["wedding"])
async def add_guest(inp: GuestIn) -> Done:
    return Done(ref="g")


class TicketIn(BaseModel):
    repair_ticket: str = Field(pattern=r"^CR-\d{5}$", description="repair ticket, CR-nnnnn")


@pf.capability(intent="Whether a watch in for repair is ready to collect", tags=["repairs"])
async def check_repair_status(inp: TicketIn) -> Done:
    return Done(ref="c")


class ProjectIn(BaseModel):
    project_slug: str = Field(pattern=r"^[a-z0-9-]+$", description="the project's short name")


@pf.capability(intent="Watch a crowdfunding project for news", tags=["crowdfunding"])
async def follow_project(inp: ProjectIn) -> Done:
    return Done(ref="f")


class NoteIn(BaseModel):
    project_slug: str = Field(pattern=r"^[a-z0-9-]+$", description="the project's short name")
    message: str = Field(description="what to tell its team")


@pf.capability(intent="Write to the people behind a crowdfunding project", tags=["crowdfunding"])
async def message_creator(inp: NoteIn) -> Done:
    return Done(ref="m")


class DiveIn(BaseModel):
    site: str = Field(description="the dive site")
    date: dt.date = Field(description="day of the dive")


@pf.capability(intent="A place on a boat dive", tags=["diving"])
async def book_dive_trip(inp: DiveIn) -> Done:
    return Done(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [join_ride, leave_ride, add_to_watchlist, remove_from_watchlist, add_guest,
         check_repair_status, follow_project, message_creator, book_dive_trip],
    )  # fmt: skip


async def test_the_embedding_reads_a_typo_as_the_word_it_was_corrected_to(node: pf.Node) -> None:
    # "mesage" as typed is pieces of no meaning to the embedding; "message" names the capability
    steps = await plan_steps(node, "mesage pocket-loom's team saying 'my reward never came'", TODAY)
    assert steps == [
        {
            "capability": "message_creator",
            "params": {"project_slug": "pocket-loom", "message": "my reward never came"},
        }
    ]


def test_a_word_after_my_is_no_slug() -> None:
    # "is my watch ready?": a slug field (any plain word fits its pattern) that took "watch"
    # took the teller's watch, not a project of that name; said by name, a slug is one.
    slug = SimpleNamespace(name="project_slug", enum=None, format=None, pattern="^[a-z0-9-]+$")
    profile: Any = SimpleNamespace(fields=[slug])

    def took(text: str, value: str) -> bool:
        scope: Any = SimpleNamespace(text=text, span=(0, len(text)))
        filled: Any = SimpleNamespace(params={"project_slug": value})
        return bool(vetoes.common_noun_named(profile, filled, scope))

    assert took("Is my watch ready", "watch")
    assert not took("follow the pocket-loom project", "pocket-loom")
    assert not took("follow loom, my favourite", "loom")


async def test_an_id_only_another_kind_takes_is_never_left_unplaced(node: pf.Node) -> None:
    # the watchlist's title would take "ride", but R-220914 is a lift share's id: never the
    # watchlist (since round 12, "drop me from" a ride asks to leave it, which leave_ride does)
    steps = await plan_steps(node, "drop me from ride R-220914", TODAY)
    assert steps == [{"capability": "leave_ride", "params": {"ride_id": "R-220914"}}]
    steps = await plan_steps(node, "remove Severance from my watchlist", TODAY)
    assert steps == [{"capability": "remove_from_watchlist", "params": {"title": "Severance"}}]


async def test_a_clause_that_tells_of_an_end_never_adds(node: pf.Node) -> None:
    # no capability here takes a guest off the list: the one that adds is its opposite
    assert await is_refused(node, "not inviting Fiona Grey to the wedding anymore", TODAY)
    assert await is_refused(node, "we're not having Fiona Grey at the wedding any more", TODAY)
    steps = await plan_steps(node, "put Fiona Grey on the guest list", TODAY)
    assert steps == [{"capability": "add_guest", "params": {"full_name": "Fiona Grey"}}]


async def test_what_is_undone_is_named(node: pf.Node) -> None:
    # no capability here cancels a dive: the watchlist's title field would take the dive the
    # request points back at, but nothing of the watchlist is said and no id of its kind given
    for verb in ("remove", "cancel"):
        text = f"I can't go on the Manta Point dive tomorrow, {verb} it"
        assert await is_refused(node, text, TODAY)
    steps = await plan_steps(node, "take Severance off my watchlist", TODAY)
    assert steps == [{"capability": "remove_from_watchlist", "params": {"title": "Severance"}}]
