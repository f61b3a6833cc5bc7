"""A later clause that says only the action and a value ("... and add Inception") goes on in
the domain of the step before it (the watchlist), not in another whose field the value would
fit as well (a guest's name). A clause that names its own thing keeps it. On a registry of these
tests' own (a watchlist, a guest list)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class TitleIn(BaseModel):
    title: str = Field(description="film or show title")


class Done(BaseModel):
    ok: bool


class SaveIn(BaseModel):
    title_id: str | None = Field(
        default=None, pattern=r"^TT[0-9]{6}$", description="catalogue id, e.g. TT204118"
    )
    title: str | None = Field(default=None, description="name of the film or series")


@pf.capability(intent="Save a film or show for later", tags=["streaming"])
async def add_to_watchlist(inp: SaveIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Remove a film or show from my watchlist", tags=["streaming"])
async def remove_from_watchlist(inp: TitleIn) -> Done:
    return Done(ok=True)


class GuestIn(BaseModel):
    full_name: str = Field(description="guest's name as on the invitation")


@pf.capability(intent="Put someone on the wedding invitation list", tags=["party"])
async def add_guest(inp: GuestIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Remove a guest from the party guest list", tags=["party"])
async def remove_guest(inp: GuestIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [add_to_watchlist, remove_from_watchlist, add_guest, remove_guest],
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Remove Tenet from my watchlist and add Inception", "add_to_watchlist"),
        ("take Tom Hale off the guest list and add Inception", "add_guest"),
    ],
)
async def test_a_bare_action_goes_on_in_the_domain_before(
    node: pf.Node, text: str, want: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps][1] == want
    assert "Inception" in steps[1]["params"].values()


async def test_a_clause_naming_its_thing_keeps_it(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "Remove Tenet from my watchlist and add Ana Lee to the guest list", TODAY
    )
    assert [s["capability"] for s in steps] == ["remove_from_watchlist", "add_guest"]
