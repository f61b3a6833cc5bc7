""" "put it on my watchlist": "on" before a noun phrase is a preposition of place, not the
particle of "put on" (as a show or clothes), so the request puts the thing on that list rather
than on a guest list or not at all. A pronoun and a particle that ends the phrase ("turn it
on", "sign us up for ...") are still a phrasal verb. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon
from packetflow_nl_planning.text import tokenize
from packetflow_nl_planning.verbs import verb_at

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool


class GuestIn(BaseModel):
    full_name: str = Field(description="guest's name as on the invitation")


@pf.capability(intent="Put someone on the wedding invitation list", tags=["wedding"])
async def add_guest(inp: GuestIn) -> Done:
    return Done(ok=True)


class FindIn(BaseModel):
    title: str = Field(description="name of the film or series")


class FoundOut(BaseModel):
    title_id: str


@pf.capability(intent="Films and series in the catalogue", tags=["streaming"])
async def find_title(inp: FindIn) -> FoundOut:
    return FoundOut(title_id="TT204118")


class SaveIn(BaseModel):
    title: str | None = Field(default=None, description="name of the film or series")


@pf.capability(intent="Save a film or show for later", tags=["streaming"])
async def add_to_watchlist(inp: SaveIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_guest, find_title, add_to_watchlist])


def _verb(text: str) -> str | None:
    tokens = [t for t in tokenize(text) if t.is_word]
    found = verb_at(tokens, 0, lexicon())
    return None if found is None else found[0]


def test_on_before_a_place_is_no_particle() -> None:
    assert _verb("put it on my watchlist") == "put"


@pytest.mark.parametrize(
    ("text", "verb"),
    [("turn it on", "turn_on"), ("sign us up for the class", "sign_up"), ("pick it up", "pick_up")],
)
def test_a_particle_after_a_pronoun_still_makes_the_verb(text: str, verb: str) -> None:
    assert _verb(text) == verb


async def test_it_goes_on_the_list_named(node: pf.Node) -> None:
    steps = await plan_steps(node, "put it on my watchlist", TODAY)
    assert [s["capability"] for s in steps] == ["add_to_watchlist"]


async def test_what_was_found_goes_on_the_list(node: pf.Node) -> None:
    steps = await plan_steps(node, "find Severance and put it on my watchlist", TODAY)
    assert [s["capability"] for s in steps] == ["find_title", "add_to_watchlist"]
