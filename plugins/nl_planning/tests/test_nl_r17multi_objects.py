"""One verb and two people named in title case ("add Hannah Cole and Omar Said to the guest
list") is one run per person, also when the clause is read in the domain of the step before it
("register the team, after that add Sam Lee and Ravi Das"). A name's capital after "and" is
its own, not a sentence's. On a registry of these tests' own (a guest list, a league)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class GuestIn(BaseModel):
    full_name: str = Field(description="the guest's full name")


class Guest(BaseModel):
    guest_id: str


@pf.capability(intent="Add a guest to the party guest list", tags=["party"])
async def add_guest(inp: GuestIn) -> Guest:
    return Guest(guest_id="g-1")


class TeamIn(BaseModel):
    team_name: str = Field(description="name of the team")
    division: Literal["casual", "competitive"] = Field(description="league division")


class Team(BaseModel):
    team_id: str


@pf.capability(intent="Register a new team in the league", tags=["league"])
async def register_team(inp: TeamIn) -> Team:
    return Team(team_id="T0001")


class PlayerIn(BaseModel):
    team_id: str = Field(pattern=r"^T[0-9]{4}$", description="team identifier")
    player_name: str = Field(description="player's full name")


class Player(BaseModel):
    player_id: str


@pf.capability(intent="Add a player to a team's roster", tags=["league"])
async def add_player(inp: PlayerIn) -> Player:
    return Player(player_id="p-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_guest, register_team, add_player])


@pytest.mark.parametrize(
    "text",
    [
        "Add Hannah Cole and Omar Said to the guest list",
        "put Hannah Cole and Omar Said on the guest list",
    ],
)
async def test_two_people_named_are_two_runs(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("add_guest", {"full_name": "Hannah Cole"}),
        ("add_guest", {"full_name": "Omar Said"}),
    ]


async def test_one_person_named_is_one_run(node: pf.Node) -> None:
    steps = await plan_steps(node, "Add Hannah Cole to the guest list", TODAY)
    assert calls(steps) == [("add_guest", {"full_name": "Hannah Cole"})]


async def test_runs_of_a_clause_read_in_the_domain_before(node: pf.Node) -> None:
    steps = await plan_steps(
        node, 'register "Comets" (competitive), after that add Sam Lee and Ravi Das', TODAY
    )
    assert [s["capability"] for s in steps] == ["register_team", "add_player", "add_player"]
    assert [s["params"].get("player_name") for s in steps[1:]] == ["Sam Lee", "Ravi Das"]


class ItemIn(BaseModel):
    item: str = Field(description="what to buy")
    quantity: int = Field(default=1, ge=1, le=99, description="how many")
    list_name: str = Field(default="groceries", description="which list")


class Done(BaseModel):
    ok: bool


@pf.capability(intent="Something to buy next time at the shops", tags=["shopping", "list"])
async def add_to_shopping_list(inp: ItemIn) -> Done:
    return Done(ok=True)


class ListIn(BaseModel):
    list_name: str = Field(default="groceries", description="which list")


class ListOut(BaseModel):
    items: list[str]


@pf.capability(intent="Read out what is on the shopping list", tags=["shopping", "list"])
async def get_shopping_list(inp: ListIn) -> ListOut:
    return ListOut(items=[])


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [add_guest, add_to_shopping_list, get_shopping_list]
    )


@pytest.mark.parametrize(
    "text", ["Add oat milk and 2 lemons to the list", "add oat milk and 2 lemons to my list"]
)
async def test_things_that_only_fit_one_by_one_are_one_run_each(shop: pf.Node, text: str) -> None:
    # read whole, the second thing is words no field explains; its first thing alone fits,
    # and the count before the second thing is that thing's own
    steps = await plan_steps(shop, text, TODAY)
    assert [s["capability"] for s in steps] == ["add_to_shopping_list"] * 2
    assert [s["params"]["item"] for s in steps] == ["oat milk", "lemons"]
    assert [s["params"].get("quantity", 1) for s in steps] == [1, 2]


async def test_one_thing_is_one_run(shop: pf.Node) -> None:
    steps = await plan_steps(shop, "add oat milk to the list", TODAY)
    assert calls(steps) == [("add_to_shopping_list", {"item": "oat milk"})]
