"""Adding a thing *to* a noun that is a verb the lexicon does not know, which a capability is
named by ("add Notch to the whitelist" for ``whitelist_player``), asks for that capability's
action: to whitelist him - not refused for its intent's "join", nor read as a roster entry.
On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"


class Done(BaseModel):
    ok: bool


class AddPlayerIn(BaseModel):
    team_id: str = Field(pattern=r"^T[0-9]{4}$", description="team identifier")
    player_name: str = Field(description="player's full name")


@pf.capability(intent="Put a player on a team's roster", tags=["league", "sports"])
async def add_player(inp: AddPlayerIn) -> Done:
    return Done(ok=True)


class WhitelistIn(BaseModel):
    server_id: str = Field(pattern=r"^gs-[a-z0-9]{6}$", description="server identifier")
    username: str = Field(description="player's in-game name")


@pf.capability(intent="Let a player join a private server", tags=["gaming"])
async def whitelist_player(inp: WhitelistIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_player, whitelist_player])


async def test_adding_to_the_whitelist_whitelists(node: pf.Node) -> None:
    steps = await plan_steps(node, "add Notch to the whitelist on gs-a1b2c3", TODAY)
    assert steps == [
        {
            "capability": "whitelist_player",
            "params": {"server_id": "gs-a1b2c3", "username": "Notch"},
        }
    ]


async def test_adding_to_a_roster_still_adds_a_player(node: pf.Node) -> None:
    steps = await plan_steps(node, "add Sam Lee to team T1234", TODAY)
    assert steps == [
        {"capability": "add_player", "params": {"team_id": "T1234", "player_name": "Sam Lee"}}
    ]
