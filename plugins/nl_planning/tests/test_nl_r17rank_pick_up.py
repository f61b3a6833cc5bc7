"""A phrasal verb's synonym counts for what a capability is about, as a single verb's does:
"pick up a 4kg parcel from BS8 1TH" names a collection (pick up = collect), so it books the
courier's collection instead of buying flowers. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon

TODAY = "2026-09-29"


class Done(BaseModel):
    ok: bool


class CollectionIn(BaseModel):
    postcode: str = Field(
        pattern=r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$",
        description="UK postcode of the pickup address",
    )
    date: dt.date = Field(description="pickup day")
    weight_kg: float = Field(gt=0, le=30, description="weight of the package in kg")


@pf.capability(intent="Book a parcel collection", tags=["parcels", "courier"])
async def book_parcel_collection(inp: CollectionIn) -> Done:
    return Done(ok=True)


class BouquetIn(BaseModel):
    recipient_name: str = Field(description="who the flowers are for")
    address: str = Field(description="street address to deliver to")
    delivery_date: dt.date = Field(description="day of delivery")


@pf.capability(intent="Order flowers delivered to someone's door", tags=["florist"])
async def order_bouquet(inp: BouquetIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_parcel_collection, order_bouquet])


def test_picking_up_is_collecting() -> None:
    assert "collect" in lexicon().synonyms.get("pick_up", ())


async def test_a_parcel_picked_up_is_a_collection(node: pf.Node) -> None:
    steps = await plan_steps(node, "Pick up a 4kg parcel from BS8 1TH tomorrow", TODAY)
    assert steps == [
        {
            "capability": "book_parcel_collection",
            "params": {"postcode": "BS8 1TH", "date": "2026-09-30", "weight_kg": 4.0},
        }
    ]
