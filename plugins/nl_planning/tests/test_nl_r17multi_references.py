"""A word that joins steps typed with two letters swapped ("and thne book it") still joins
them, not a verb one edit from it ("tune"); and a pointer ("book *her* a walk") takes the
earlier step's value of a field named shorter whose words cover this one's ("name", "the
dog's name", for ``dog_name``). On a registry of these tests' own (dog walking, tables)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_reads, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-05"  # a Monday


class DogIn(BaseModel):
    name: str = Field(description="the dog's name")
    breed: str = Field(description="breed or mix")
    weight_kg: float = Field(gt=0, le=120, description="weight in kilograms")


class DogOut(BaseModel):
    dog_id: str


@pf.capability(intent="Tell the walkers about a new pet dog", tags=["dogs"])
async def add_dog_profile(inp: DogIn) -> DogOut:
    return DogOut(dog_id="D-1")


class WalkIn(BaseModel):
    dog_name: str = Field(description="which dog")
    time: str = Field(pattern=r"^\d{2}:\d{2}$", description="pick-up time, HH:MM")


class WalkOut(BaseModel):
    walk_id: str


@pf.capability(intent="Book a dog walk", tags=["dogs"])
async def book_dog_walk(inp: WalkIn) -> WalkOut:
    return WalkOut(walk_id="W-1")


class FindIn(BaseModel):
    area: str = Field(description="neighbourhood to search")


class FindOut(BaseModel):
    restaurant_id: str


@pf.capability(intent="Find a restaurant in an area", tags=["dining"])
async def find_restaurant(inp: FindIn) -> FindOut:
    return FindOut(restaurant_id="R-1")


class TableIn(BaseModel):
    restaurant_id: str
    party_size: int = Field(ge=1, description="how many people")


class TableOut(BaseModel):
    booking_id: str


@pf.capability(intent="Book a table at a restaurant", tags=["dining"])
async def book_table(inp: TableIn) -> TableOut:
    return TableOut(booking_id="B-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [add_dog_profile, book_dog_walk, find_restaurant, book_table]
    )


@pytest.mark.parametrize("joiner", ["and thne", "adn then", "and then"])
async def test_a_joining_word_with_letters_swapped_still_joins(node: pf.Node, joiner: str) -> None:
    text = f"find a restaurant in Shoreditch {joiner} book it for 4"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_restaurant", "book_table"]
    assert steps[1]["params"]["party_size"] == 4


@pytest.mark.parametrize("pointer", ["her", "him", "it"])
async def test_a_pointer_takes_the_name_given_before(node: pf.Node, pointer: str) -> None:
    text = f"Add a dog: Pepper, collie, 19kg; then book {pointer} a walk at 9am"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["add_dog_profile", "book_dog_walk"]
    assert steps[1]["params"]["dog_name"] == "Pepper"


async def test_a_name_said_again_is_not_the_earlier_one(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "Add a dog: Pepper, collie, 19kg; then book Rex a walk at 9am", TODAY
    )
    assert steps[1]["params"]["dog_name"] == "Rex"


class QuoteIn(BaseModel):
    from_postcode: str = Field(
        pattern=r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", description="postcode moving out of"
    )
    bedrooms: int = Field(ge=1, description="bedrooms to move")


class QuoteOut(BaseModel):
    quote_id: str


@pf.capability(intent="Get a quote for a house removal", tags=["moving"])
async def get_removal_quote(inp: QuoteIn) -> QuoteOut:
    return QuoteOut(quote_id="RQ-00001")


class RemovalIn(BaseModel):
    quote_id: str = Field(pattern=r"^RQ-[0-9]{5}$", description="quote reference")


class RemovalOut(BaseModel):
    job_id: str


@pf.capability(intent="Book a removal from a quote", tags=["moving"])
async def book_removal(inp: RemovalIn) -> RemovalOut:
    return RemovalOut(job_id="J-1")


async def test_that_thing_is_an_output_not_a_value_of_another_form(
    module_node: pf.Node, register_module: Any
) -> None:
    # "that move" names the moving postcode by its words, but a postcode is no quote id: the
    # quote the first step gives is wired instead
    node = await planner_on(module_node, register_module, [get_removal_quote, book_removal])
    out = await node.call(
        "nl_planning.plan",
        {"text": "quote for moving a 4 bedroom house from GL50 3PX, then book that move",
         "today": TODAY},
    )  # fmt: skip
    assert [s["capability"] for s in out["steps"]] == ["get_removal_quote", "book_removal"]
    assert "quote_id" not in out["steps"][1]["params"]
    assert "s1.quote_id->quote_id" in plan_reads(out["plan"])[1]


@pytest.mark.parametrize(
    "text",
    [
        "find a restaurant in Shoreditch. Boko it for 4",
        "find a restaurant in Shoreditch; Booc it for 4",
    ],
)
async def test_a_typo_opening_a_sentence_is_corrected(node: pf.Node, text: str) -> None:
    # (its capital is the sentence's, not a name's)
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_restaurant", "book_table"]
