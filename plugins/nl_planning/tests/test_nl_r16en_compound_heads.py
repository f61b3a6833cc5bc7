"""A closed compound names a kind of its head: "a teacup" is a cup, "a wineglass" a glass, so
it names the value its last part is. The rest must be a word ("hiccup" is no cup) and the
compound nearest in meaning to that value ("teacup" is near "mug" too, too near for its
meaning alone to tell). On a registry of these tests' own (a china shop)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ReplaceIn(BaseModel):
    item: Literal["cup", "mug", "plate", "bowl", "glass"] = Field(description="piece to replace")
    quantity: int = Field(default=1, ge=1, description="how many")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="Order replacement pieces of a tableware set", tags=["tableware"])
async def order_replacement_piece(inp: ReplaceIn) -> Ordered:
    return Ordered(order_id="t-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_replacement_piece])


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("order a replacement teacup", "cup"),
        ("order 2 replacement eggcups", "cup"),
        ("order a replacement soup bowl", "bowl"),
    ],
)
async def test_a_compound_names_its_head(node: pf.Node, text: str, item: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["item"] == item


async def test_a_word_that_only_ends_in_a_value_names_none(node: pf.Node) -> None:
    with pytest.raises(pf.errors.PacketFlowError):
        await plan_params(node, "order a replacement for the hiccup", TODAY)


class MassageIn(BaseModel):
    area: Literal["arm", "leg", "back", "neck", "hand"] = Field(description="where to work on")


class Booked(BaseModel):
    booking_id: str


@pf.capability(intent="Book a sports massage session", tags=["massage"])
async def book_massage(inp: MassageIn) -> Booked:
    return Booked(booking_id="m-1")


async def test_of_two_compounds_the_nearer_its_head_names_it(
    module_node: pf.Node, register_module: Any
) -> None:
    # "firsthand" ends in "hand" as "forearm" in "arm"; a forearm is far nearer an arm.
    node = await planner_on(module_node, register_module, [book_massage])
    params = await plan_params(
        node, "book a massage, a firsthand tip says my forearm needs it", TODAY
    )
    assert params["area"] == "arm"
