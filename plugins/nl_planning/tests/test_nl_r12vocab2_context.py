"""Actions read in their context, on a registry of this test's own (a second-hand market, a
greenhouse, a phone plan, a framing shop, a locksmith and a spa): cancelling an offer one made
takes it back, skipping a thing until a day pauses it, a particle belongs to its own verb
("I'm off to Rome" switches nothing off), going ahead with a quote orders it, being locked out
asks for a locksmith, not coming any more calls a visit off, a thing that needs to be at a
value is set to it, and going up to an amount on a listing offers it - and the near misses
each of them must still refuse."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-02-09"  # a Tuesday


class Done(BaseModel):
    ok: bool


class OfferIn(BaseModel):
    listing: str = Field(pattern=r"^MK-[0-9]{5}$", description="the listing, e.g. MK-20411")
    amount: float = Field(gt=0, description="how much to offer, in pounds")


@pf.capability(intent="Make an offer on a listing at the market", tags=["market"])
async def make_offer(inp: OfferIn) -> Done:
    return Done(ok=True)


class ListingIn(BaseModel):
    listing: str = Field(pattern=r"^MK-[0-9]{5}$", description="the listing, e.g. MK-20411")


@pf.capability(intent="Take back an offer on a listing before the seller answers", tags=["market"])
async def withdraw_offer(inp: ListingIn) -> Done:
    return Done(ok=True)


class WaterIn(BaseModel):
    bed: Literal["tomato", "chilli", "herb"] = Field(description="the greenhouse bed")
    until: dt.date | None = Field(default=None, description="first day it runs again")


@pf.capability(intent="Hold the automatic watering for a while", tags=["greenhouse"])
async def pause_watering(inp: WaterIn) -> Done:
    return Done(ok=True)


class HeatIn(BaseModel):
    bed: Literal["tomato", "chilli", "herb"] = Field(description="the greenhouse bed")
    celsius: float = Field(ge=0, le=40, description="target temperature in degrees C")


@pf.capability(intent="Heater target for a greenhouse bed", tags=["greenhouse"])
async def set_bed_heat(inp: HeatIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Moisture and warmth readings of a greenhouse bed", tags=["greenhouse"])
async def get_bed_readings(inp: WaterIn) -> Done:
    return Done(ok=True)


class PlanIn(BaseModel):
    line: str | None = Field(default=None, description="the mobile number")


@pf.capability(intent="Calls over wifi when the signal is poor", tags=["mobile"])
async def enable_wifi_calling(inp: PlanIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Stop routing calls over wifi", tags=["mobile"])
async def disable_wifi_calling(inp: PlanIn) -> Done:
    return Done(ok=True)


class FrameIn(BaseModel):
    quote: str = Field(pattern=r"^FQ-[0-9]{5}$", description="the framing quote, e.g. FQ-10233")


@pf.capability(intent="Go ahead and frame a quoted picture", tags=["framing"])
async def order_framing(inp: FrameIn) -> Done:
    return Done(ok=True)


class CallIn(BaseModel):
    place: str = Field(description="where, e.g. the shed")


@pf.capability(intent="Emergency help getting back into a building", tags=["locksmith"])
async def request_lockout_visit(inp: CallIn) -> Done:
    return Done(ok=True)


class VisitIn(BaseModel):
    visit: str = Field(pattern=r"^SP-[0-9]{5}$", description="the spa visit, e.g. SP-40112")


@pf.capability(intent="Call off a visit to the spa", tags=["spa"])
async def cancel_spa_visit(inp: VisitIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [make_offer, withdraw_offer, pause_watering, set_bed_heat, get_bed_readings,
            enable_wifi_calling, disable_wifi_calling, order_framing, request_lockout_visit,
            cancel_spa_visit]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


async def names(node: pf.Node, text: str) -> list[str]:
    return [s["capability"] for s in await plan_steps(node, text, TODAY)]


async def test_cancelling_an_offer_one_made_takes_it_back(node: pf.Node) -> None:
    steps = await plan_steps(node, "please cancel my offer on MK-30117", TODAY)
    assert [s["capability"] for s in steps] == ["withdraw_offer"]
    assert steps[0]["params"] == {"listing": "MK-30117"}
    assert await names(node, "retract the offer I made on MK-30117") == ["withdraw_offer"]


async def test_skipping_a_thing_until_a_day_pauses_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "skip watering the tomato bed until the 14th", TODAY)
    assert [s["capability"] for s in steps] == ["pause_watering"]
    assert steps[0]["params"]["until"] == "2027-02-14"
    # skipping with no day it comes back is no pause
    assert await is_refused(node, "skip the chilli bed", TODAY)


async def test_a_particle_belongs_to_its_own_verb(node: pf.Node) -> None:
    text = "I'm off to Rome on Friday, turn wifi calling on please"
    assert await names(node, text) == ["enable_wifi_calling"]
    assert await names(node, "turn wifi calling on, we're off to Oslo") == ["enable_wifi_calling"]
    assert await names(node, "turn wifi calling off") == ["disable_wifi_calling"]


async def test_going_ahead_with_a_quote_orders_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "go ahead with FQ-10233 please", TODAY)
    assert [s["capability"] for s in steps] == ["order_framing"]
    assert steps[0]["params"] == {"quote": "FQ-10233"}
    assert await names(node, "please proceed with FQ-10233") == ["order_framing"]


async def test_being_locked_out_asks_for_help_getting_in(node: pf.Node) -> None:
    assert await names(node, "I'm locked out of the shed") == ["request_lockout_visit"]
    assert await names(node, "locked out of the office, please help") == ["request_lockout_visit"]
    # locking a thing is no call-out
    assert await is_refused(node, "lock the shed", TODAY)


async def test_not_coming_any_more_calls_a_visit_off(node: pf.Node) -> None:
    assert await names(node, "we can't come any more, spa visit SP-40112") == ["cancel_spa_visit"]
    assert await names(node, "I can't come to SP-40112 after all") == ["cancel_spa_visit"]


async def test_a_thing_that_needs_to_be_at_a_value_is_set(node: pf.Node) -> None:
    steps = await plan_steps(node, "the tomato bed needs to be at 18 degrees", TODAY)
    assert [s["capability"] for s in steps] == ["set_bed_heat"]
    assert steps[0]["params"] == {"bed": "tomato", "celsius": 18}
    # asking what it is at only reads
    assert await names(node, "what is the tomato bed at?") == ["get_bed_readings"]


async def test_going_up_to_an_amount_on_a_listing_offers_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "I'd like to go up to 90 pounds on MK-30117", TODAY)
    assert [s["capability"] for s in steps] == ["make_offer"]
    assert steps[0]["params"] == {"listing": "MK-30117", "amount": 90}
    assert await names(node, "offer 40 pounds on MK-30117") == ["make_offer"]


class DropIn(BaseModel):
    order: str = Field(pattern=r"^CD-[0-9]{5}$", description="the compost order, e.g. CD-10233")
    new_date: dt.date = Field(description="the new day")


@pf.capability(intent="A different day for a compost drop", tags=["garden", "delivery"])
async def reschedule_compost_drop(inp: DropIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def more(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [reschedule_compost_drop, make_offer]
    return await planner_on(module_node, register_module, caps)


async def test_a_thing_of_ones_coming_on_another_day_moves_it(more: pf.Node) -> None:
    steps = await plan_steps(more, "can my compost drop CD-10233 come on Friday instead?", TODAY)
    assert [s["capability"] for s in steps] == ["reschedule_compost_drop"]
    assert steps[0]["params"] == {"order": "CD-10233", "new_date": "2027-02-12"}


class DayIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="first day")
    to_date: dt.date | None = Field(default=None, description="last day")


@pf.capability(intent="Miles paddled so far", tags=["kayak"])
async def get_paddle_log(inp: DayIn) -> Done:
    return Done(ok=True)


class KayakIn(BaseModel):
    date: dt.date = Field(description="the day")
    time: str = Field(pattern=r"^[0-9]{2}:[0-9]{2}$", description="start time, HH:MM")


@pf.capability(intent="Time on the water with a paddling guide", tags=["kayak"])
async def book_kayak_session(inp: KayakIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def water(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_paddle_log, book_kayak_session])


async def test_going_on_an_outing_asks_to_book_it(water: pf.Node) -> None:
    for text in (
        "I'd love to go on a trip on Saturday at 10",
        "can we go for a paddle Saturday at 10",
    ):
        steps = await plan_steps(water, text, TODAY)
        assert steps == [
            {"capability": "book_kayak_session", "params": {"date": "2027-02-13", "time": "10:00"}}
        ]
    # how far one has gone only reads
    assert await names(water, "how far have I paddled since Saturday?") == ["get_paddle_log"]
