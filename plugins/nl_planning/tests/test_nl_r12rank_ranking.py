"""Ranking on a registry of this test's own (a spa with its therapists, a car wash, a late
checkout, a boat-trip search): of two capabilities with the very action that both take the
request's day and time, the one that also takes a value its own schema lists ("a facial")
and every value the other takes is meant, ahead of the other and over the "too far" floor;
an action none has stays refused; a value said with its field's name ("the christmas list")
counts as well, unless its words are the rival's own ("the guest list"). "instead" is no word
a capability must explain; an intent that opens with a participle ("Shared boat trips ...")
describes what a search finds, not what it does; and a phrase that says what is to be done
to a thing in a participle ("I want my pledge refunded") is no terse request of another
capability, nor is "grab me a place" one of a capability that gives a place up."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"  # a Thursday


class Done(BaseModel):
    ref: str


class FindTherapistIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    treatment: Literal["massage", "facial", "manicure"] = Field(description="what to have done")


class FindTherapistOut(BaseModel):
    therapist_id: str


@pf.capability(intent="Therapists with an open slot on a given day", tags=["spa"])
async def find_therapist(inp: FindTherapistIn) -> FindTherapistOut:
    return FindTherapistOut(therapist_id="TH-0042")


class SpaBookingIn(BaseModel):
    therapist_id: str | None = Field(
        default=None, pattern=r"^TH-[0-9]{4}$", description="a particular therapist, e.g. TH-0042"
    )
    date: dt.date = Field(description="day of the treatment")
    time: dt.time = Field(description="start time")
    treatment: Literal["massage", "facial", "manicure"] = Field(description="what to have done")


@pf.capability(intent="Reserve a slot at the spa", tags=["spa"])
async def book_spa_treatment(inp: SpaBookingIn) -> Done:
    return Done(ref="s")


class CarWashIn(BaseModel):
    date: dt.date = Field(description="day of the wash")
    start_time: dt.time = Field(description="when the valet arrives")
    hours: int = Field(default=1, ge=1, le=4, description="how long it takes")


@pf.capability(intent="Have a valet come and clean the car", tags=["car"])
async def book_car_wash(inp: CarWashIn) -> Done:
    return Done(ref="c")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [find_therapist, book_spa_treatment, book_car_wash]
    )


async def test_the_one_that_also_takes_a_listed_value_is_meant(node: pf.Node) -> None:
    # both booking capabilities take "on Friday" and "at 3pm"; only the spa lists "facial",
    # and nothing else of the request ("anyone available") is a word of either
    text = "Book me in for a facial at 3pm on Friday with anyone available"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "book_spa_treatment",
            "params": {"date": "2026-03-27", "time": "15:00", "treatment": "facial"},
        }
    ]


async def test_the_one_that_takes_more_of_an_earlier_step_comes_first(node: pf.Node) -> None:
    # "book them" takes the day of the search; the spa also takes its treatment
    text = "Find me a therapist for a massage on Friday and book them at 10am"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["find_therapist", "book_spa_treatment"]
    assert steps[1]["params"]["treatment"] == "massage"


async def test_what_only_the_other_fits_still_chooses_it(node: pf.Node) -> None:
    text = "book the car valet for 3pm on Friday"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_car_wash"]


async def test_an_action_neither_does_stays_refused(node: pf.Node) -> None:
    # a listed value does not make an undoing neither capability does
    assert await is_refused(node, "cancel my facial at 3pm on Friday", TODAY)
    assert await is_refused(node, "move my facial on Friday to 4pm", TODAY)


class LateCheckoutIn(BaseModel):
    room_number: str = Field(pattern=r"^[0-9]{3}$", description="the guest's room, e.g. 204")
    checkout_time: dt.time = Field(description="when the guest will leave the room")


@pf.capability(intent="Keep the hotel room past the usual checkout", tags=["hotel"])
async def request_late_checkout(inp: LateCheckoutIn) -> Done:
    return Done(ref="h")


async def test_instead_is_no_word_to_explain(module_node: pf.Node, register_module: Any) -> None:
    # "instead" says the request replaces an earlier plan; it names no other subject: the
    # very action with its time is meant, and its missing room asked for (E422), not refused
    node = await planner_on(module_node, register_module, [request_late_checkout, book_car_wash])
    with pytest.raises(pf.errors.ContractViolationError, match="room_number"):
        await plan_steps(node, "Could I check out at 1pm instead?", TODAY)
    steps = await plan_steps(node, "Could I check out at 1pm instead? Room 312", TODAY)
    assert steps == [
        {
            "capability": "request_late_checkout",
            "params": {"room_number": "312", "checkout_time": "13:00"},
        }
    ]


class CrossingSearchIn(BaseModel):
    from_port: str = Field(description="where the boat leaves from")
    to_port: str = Field(description="where it arrives")
    date: dt.date = Field(description="day of the crossing")


@pf.capability(intent="Shared boat trips between the islands", tags=["ferry"])
async def search_crossings(inp: CrossingSearchIn) -> Done:
    return Done(ref="f")


async def test_a_participle_before_a_noun_is_no_action(
    module_node: pf.Node, register_module: Any
) -> None:
    # "Shared boat trips" describes what the search finds: it shares nothing, so a
    # question with no verb reads it
    node = await planner_on(module_node, register_module, [search_crossings, book_car_wash])
    text = "is there a boat from Oban to Craignure on Saturday?"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "search_crossings",
            "params": {"from_port": "Oban", "to_port": "Craignure", "date": "2026-03-28"},
        }
    ]
    # a search is still no cancellation
    assert await is_refused(node, "cancel the boat from Oban to Craignure on Saturday", TODAY)


class ListRemoveIn(BaseModel):
    item: str = Field(description="what to take off")
    list_name: str = Field(default="groceries", description="which list")


@pf.capability(intent="Take something off a shopping list", tags=["shopping", "list"])
async def remove_from_shopping_list(inp: ListRemoveIn) -> Done:
    return Done(ref="l")


class WatchlistRemoveIn(BaseModel):
    title: str = Field(description="name of the film or series")


@pf.capability(intent="Drop a film or show from the saved list", tags=["tv"])
async def remove_from_watchlist(inp: WatchlistRemoveIn) -> Done:
    return Done(ref="w")


class GuestRemoveIn(BaseModel):
    full_name: str = Field(description="the guest's full name")


@pf.capability(intent="Take someone off the wedding guest list", tags=["wedding"])
async def remove_guest(inp: GuestRemoveIn) -> Done:
    return Done(ref="g")


async def test_a_value_said_with_its_field_name_is_taken_more(
    module_node: pf.Node, register_module: Any
) -> None:
    # both lists take "tinsel" (as an item, as a title); only the shopping list also takes
    # "the christmas list", said with its field's name
    node = await planner_on(
        module_node,
        register_module,
        [
            remove_from_shopping_list,
            remove_from_watchlist,
            remove_guest,
            find_therapist,
            book_spa_treatment,
            book_car_wash,
        ],
    )
    steps = await plan_steps(node, "remove tinsel from the christmas list", TODAY)
    assert steps == [
        {
            "capability": "remove_from_shopping_list",
            "params": {"item": "tinsel", "list_name": "christmas"},
        }
    ]
    # "guest" is what the guest list is about: no list name the shopping list takes more
    steps = await plan_steps(node, "remove Ana Ruiz from the guest list", TODAY)
    assert steps == [{"capability": "remove_guest", "params": {"full_name": "Ana Ruiz"}}]


_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class CampaignIn(BaseModel):
    campaign_slug: str = Field(pattern=_SLUG, description="the campaign's short name in its URL")


@pf.capability(intent="News from a campaign you made a pledge to", tags=["crowdfunding"])
async def follow_campaign(inp: CampaignIn) -> Done:
    return Done(ref="c")


class BackIn(BaseModel):
    campaign_slug: str = Field(pattern=_SLUG, description="the campaign's short name in its URL")
    amount: float = Field(gt=0, description="how much to give")


@pf.capability(intent="Back a crowdfunding campaign with money", tags=["crowdfunding"])
async def back_campaign(inp: BackIn) -> Done:
    return Done(ref="b")


async def test_a_participle_of_another_action_is_no_terse_request(
    module_node: pf.Node, register_module: Any
) -> None:
    # "refunded" says what is to be done to the pledge: no campaign to follow, though its
    # slug and "pledge" are the follower's
    node = await planner_on(
        module_node, register_module, [follow_campaign, back_campaign, book_car_wash]
    )
    assert await is_refused(node, "I want my pledge to tiny-lamp refunded", TODAY)
    steps = await plan_steps(node, "follow the tiny-lamp campaign", TODAY)
    assert steps == [{"capability": "follow_campaign", "params": {"campaign_slug": "tiny-lamp"}}]


class TourSearchIn(BaseModel):
    city: str = Field(description="where the tour is")
    date: dt.date = Field(description="day of the tour")


class TourSearchOut(BaseModel):
    tour_id: str


@pf.capability(intent="Guided walking tours in a city on a day", tags=["tours"])
async def search_tours(inp: TourSearchIn) -> TourSearchOut:
    return TourSearchOut(tour_id="TR-1234")


class TourPlaceIn(BaseModel):
    tour_id: str = Field(pattern=r"^TR-[0-9]{4}$", description="the tour, e.g. TR-1234")


@pf.capability(intent="A place on a guided walking tour", tags=["tours"])
async def join_tour(inp: TourPlaceIn) -> Done:
    return Done(ref="j")


@pf.capability(intent="Give up a place already taken on a tour", tags=["tours"])
async def leave_tour(inp: TourPlaceIn) -> Done:
    return Done(ref="l")


async def test_obtaining_a_thing_is_no_undoing(module_node: pf.Node, register_module: Any) -> None:
    # "grab me a place" names what both tour capabilities are about; giving one up is the
    # opposite of grabbing it
    node = await planner_on(
        module_node, register_module, [search_tours, join_tour, leave_tour, book_car_wash]
    )
    text = "Look for tours in York on Sunday and then grab me a place"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["search_tours", "join_tour"]
    steps = await plan_steps(node, "leave tour TR-1234", TODAY)
    assert steps == [{"capability": "leave_tour", "params": {"tour_id": "TR-1234"}}]
