"""The action vocabulary read in context, on a registry of this test's own (a rambling club,
its summer party and its reading circle): taking a place on something or giving it up said with
a reflexive object, getting money back, crossing a thing off a list, setting a thing up,
inviting people and no longer inviting them, guests' replies told as statements, wanting a
thing (to watch it later, to see more of someone's work, to have it done), and a terse request
that names a service by its value - and the near misses each of them must still refuse."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-09"  # a Tuesday


class Done(BaseModel):
    ok: bool


class WalkIn(BaseModel):
    walk_id: str = Field(pattern=r"^W-[0-9]{5}$", description="the walk, e.g. W-20411")
    seats: int = Field(default=1, ge=1, le=4, description="places to take")


@pf.capability(intent="A place on a group walk", tags=["rambling"])
async def join_walk(inp: WalkIn) -> Done:
    return Done(ok=True)


class LeaveWalkIn(BaseModel):
    walk_id: str = Field(pattern=r"^W-[0-9]{5}$", description="the walk, e.g. W-20411")


@pf.capability(intent="Give up a place already taken on a group walk", tags=["rambling"])
async def leave_walk(inp: LeaveWalkIn) -> Done:
    return Done(ok=True)


class ClaimIn(BaseModel):
    amount: float = Field(gt=0, description="how much was spent")
    currency: Literal["GBP", "EUR"] = Field(default="GBP", description="currency")
    spent_on: dt.date | None = Field(default=None, description="day of the purchase")


@pf.capability(intent="Claim back money laid out for the club", tags=["club", "money"])
async def submit_claim(inp: ClaimIn) -> Done:
    return Done(ok=True)


class PackIn(BaseModel):
    item: str = Field(description="the thing to pack")


@pf.capability(intent="Something to pack for the next walk", tags=["rambling", "list"])
async def add_to_packing_list(inp: PackIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Strike a thing from the packing list", tags=["rambling", "list"])
async def remove_from_packing_list(inp: PackIn) -> Done:
    return Done(ok=True)


class BoxIn(BaseModel):
    frequency: Literal["weekly", "fortnightly"] = Field(description="how often")
    start_date: dt.date = Field(description="first delivery")


@pf.capability(intent="Vegetables brought to the door on a regular round", tags=["food"])
async def set_veg_box(inp: BoxIn) -> Done:
    return Done(ok=True)


class PersonIn(BaseModel):
    full_name: str = Field(description="the person's name")


@pf.capability(intent="Put someone on the summer party list", tags=["party", "guests"])
async def add_guest(inp: PersonIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Take someone off the party invitation list", tags=["party", "guests"])
async def remove_guest(inp: PersonIn) -> Done:
    return Done(ok=True)


class ResponseIn(BaseModel):
    full_name: str = Field(description="the guest answering")
    attending: bool = Field(description="coming or not")
    dish: Literal["lamb", "salmon", "risotto"] | None = Field(default=None, description="main")


@pf.capability(intent="Note what a guest answered to the invitation", tags=["party"])
async def record_response(inp: ResponseIn) -> Done:
    return Done(ok=True)


class ResponsesIn(BaseModel):
    status: Literal["all", "attending", "declined", "no_answer"] = Field(
        default="all", description="which answers"
    )


@pf.capability(intent="Answers received so far for the party", tags=["party"])
async def list_responses(inp: ResponsesIn) -> Done:
    return Done(ok=True)


class BookIn(BaseModel):
    title: str = Field(description="the book's title")


@pf.capability(intent="Keep a book for later", tags=["reading"])
async def add_to_reading_list(inp: BookIn) -> Done:
    return Done(ok=True)


class AuthorIn(BaseModel):
    username: str = Field(pattern=r"^[a-z0-9_]{3,30}$", description="the author's handle")


@pf.capability(intent="An author's new posts in your feed", tags=["reading", "community"])
async def follow_author(inp: AuthorIn) -> Done:
    return Done(ok=True)


class CabinIn(BaseModel):
    cabin: str = Field(pattern=r"^[0-9]{2}$", description="cabin number")
    item: Literal["extra_blankets", "spare_kettle", "firewood"] = Field(description="what")


@pf.capability(intent="Things brought round to a campsite cabin", tags=["camping"])
async def request_cabin_supplies(inp: CabinIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [join_walk, leave_walk, submit_claim, add_to_packing_list, remove_from_packing_list,
            set_veg_box, add_guest, remove_guest, record_response, list_responses,
            add_to_reading_list, follow_author, request_cabin_supplies]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


async def names(node: pf.Node, text: str) -> list[str]:
    return [s["capability"] for s in await plan_steps(node, text, TODAY)]


async def test_a_place_for_oneself_on_a_thing_asks_to_join_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "reserve me a spot on walk W-30117", TODAY)
    assert [s["capability"] for s in steps] == ["join_walk"]
    assert steps[0]["params"]["walk_id"] == "W-30117"
    assert await names(node, "grab us two places on W-30117") == ["join_walk"]


async def test_oneself_taken_off_a_thing_asks_to_leave_it(node: pf.Node) -> None:
    assert await names(node, "drop me from walk W-30117") == ["leave_walk"]
    assert await names(node, "my knee is bad, take me off W-30117") == ["leave_walk"]
    assert await names(node, "count us out of W-30117") == ["leave_walk"]


async def test_getting_money_back_asks_to_claim_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "I paid £18.50 for the map, can I get that back?", TODAY)
    assert [s["capability"] for s in steps] == ["submit_claim"]
    assert steps[0]["params"]["amount"] == 18.5


async def test_crossing_a_thing_off_a_list_removes_it(node: pf.Node) -> None:
    assert await names(node, "cross the tent off the packing list") == ["remove_from_packing_list"]
    assert await names(node, "tick off the stove on the packing list") == [
        "remove_from_packing_list"
    ]
    assert await names(node, "take the flask off my packing list") == ["remove_from_packing_list"]


async def test_setting_a_thing_up_asks_for_what_is_named_set(node: pf.Node) -> None:
    steps = await plan_steps(node, "set up a weekly veg box from next Monday", TODAY)
    assert [s["capability"] for s in steps] == ["set_veg_box"]
    assert steps[0]["params"] == {"frequency": "weekly", "start_date": "2026-06-15"}


async def test_inviting_someone_adds_a_guest(node: pf.Node) -> None:
    steps = await plan_steps(node, "invite Nora Quinn to the summer party", TODAY)
    assert [s["capability"] for s in steps] == ["add_guest"]
    assert steps[0]["params"]["full_name"] == "Nora Quinn"
    assert await names(node, "we aren't inviting Nora Quinn any more") == ["remove_guest"]


async def test_a_guests_reply_told_is_recorded(node: pf.Node) -> None:
    steps = await plan_steps(node, "Lena Ford is coming, salmon please", TODAY)
    assert [s["capability"] for s in steps] == ["record_response"]
    assert steps[0]["params"] == {"full_name": "Lena Ford", "attending": True, "dish": "salmon"}
    steps = await plan_steps(node, "Omar Reid isn't attending", TODAY)
    assert [s["capability"] for s in steps] == ["record_response"]
    assert steps[0]["params"]["attending"] is False


async def test_a_list_of_things_done_only_reads(node: pf.Node) -> None:
    steps = await plan_steps(node, "who hasn't answered about the party yet", TODAY)
    assert [s["capability"] for s in steps] == ["list_responses"]


async def test_wanting_to_read_a_title_some_day_keeps_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "I want to read Middlemarch one day", TODAY)
    assert [s["capability"] for s in steps] == ["add_to_reading_list"]
    assert steps[0]["params"]["title"] == "Middlemarch"


async def test_wanting_more_of_someones_work_follows_them(node: pf.Node) -> None:
    text = "these essays by ivy_writes are great, I'd like to read more of her work"
    assert await names(node, text) == ["follow_author"]
    assert await is_refused(node, "unfollow ivy_writes", TODAY)
    # more of a thing that is no one's work follows no one
    assert await is_refused(node, "I'd like to read more of the club news", TODAY)


async def test_wanting_a_thing_done_asks_for_that_and_nothing_else(node: pf.Node) -> None:
    assert await is_refused(node, "I want my deposit for walk W-30117 refunded", TODAY)
    assert await is_refused(node, "I want walk W-30117 cancelled", TODAY)


async def test_a_value_and_a_place_ask_for_the_service_of_that_value(node: pf.Node) -> None:
    steps = await plan_steps(node, "firewood to 14", TODAY)
    assert [s["capability"] for s in steps] == ["request_cabin_supplies"]
    assert steps[0]["params"] == {"cabin": "14", "item": "firewood"}
    steps = await plan_steps(node, "extra blankets to 12", TODAY)
    assert [s["capability"] for s in steps] == ["request_cabin_supplies"]
    assert steps[0]["params"] == {"cabin": "12", "item": "extra_blankets"}
