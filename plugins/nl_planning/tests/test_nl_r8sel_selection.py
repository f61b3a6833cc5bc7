"""Capability selection on a registry of this test's own: the request's action and object must
be the capability's (a forecast of footfall is no weather forecast; a verb that books goes to
the capability that books, not to one that only shares "make" with it; the very verb a
capability is named by, with every value it needs and a clear lead, is enough)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ref: str


class FootfallIn(BaseModel):
    date: dt.date = Field(description="day to forecast")


class FootfallOut(BaseModel):
    visitors: int


@pf.capability(intent="Forecast footfall and queue length for a day at the shop", tags=["retail"])
async def get_footfall_forecast(inp: FootfallIn) -> FootfallOut:
    return FootfallOut(visitors=1)


class CourtIn(BaseModel):
    court: Literal["clay_court", "grass_court"] = Field(description="which court")
    date: dt.date = Field(description="day of play")
    start_time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="start, HH:MM")


@pf.capability(intent="Reserve a court at the sports hall", tags=["sports"])
async def book_court(inp: CourtIn) -> Done:
    return Done(ref="c")


class RunIn(BaseModel):
    run_date: dt.date = Field(description="day of the run")
    evening: bool = Field(default=False, description="run after dark")
    duration_minutes: int = Field(description="how long the run lasted")
    distance_km: float = Field(default=5.0, description="distance covered")


@pf.capability(intent="Log a training run in the diary", tags=["fitness"])
async def log_training_run(inp: RunIn) -> Done:
    return Done(ref="r")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [get_footfall_forecast, book_court, log_training_run]
    )


async def test_weather_is_no_synonym_of_any_forecast(node: pf.Node) -> None:
    # "forecast" alone is no weather: a footfall forecast must not answer a weather question
    assert await is_refused(node, "what's the weather in Bergen on Friday?", TODAY)
    steps = await plan_steps(node, "what's the footfall forecast for Friday?", TODAY)
    assert steps == [{"capability": "get_footfall_forecast", "params": {"date": "2026-10-09"}}]


async def test_a_narrow_verb_goes_to_the_capability_that_does_it(node: pf.Node) -> None:
    # "book" is narrower than "make": the run log only shares "make" with it, so the court
    # booking is meant even though the text lacks its start time (E422 names it).
    with pytest.raises(pf.errors.ContractViolationError, match="'book_court' needs 'start_time'"):
        await plan_steps(node, "Book the clay tonight for an hour", TODAY)
    steps = await plan_steps(node, "log a run tonight, 45 minutes", TODAY)
    assert [s["capability"] for s in steps] == ["log_training_run"]


class HorseIn(BaseModel):
    name: str = Field(description="the horse's name")
    breed: str = Field(description="breed or cross")
    height_cm: float = Field(gt=0, le=250, description="height at the withers in centimetres")
    notes: str | None = Field(default=None, description="anything the grooms should know")


@pf.capability(intent="Tell the stable staff about a new arrival", tags=["stables"])
async def add_horse(inp: HorseIn) -> Done:
    return Done(ref="h")


class FeedIn(BaseModel):
    item: str = Field(description="what to order")
    bags: int = Field(description="how many bags")


@pf.capability(intent="Order feed and bedding for the yard", tags=["stables"])
async def order_feed(inp: FeedIn) -> Done:
    return Done(ref="f")


class ListIn(BaseModel):
    item: str = Field(description="what to buy")


@pf.capability(intent="Add an item to the shopping list", tags=["home"])
async def add_to_shopping_list(inp: ListIn) -> Done:
    return Done(ref="s")


@pytest.fixture
async def stables(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_horse, order_feed, book_court])


@pytest.fixture
async def shopping(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_to_shopping_list, order_feed])


async def test_the_verb_a_capability_is_named_by_and_all_its_values_choose_it(
    stables: pf.Node,
) -> None:
    # "mare" and "pony" are no words of add_horse, but "add" is the verb it is named by, the
    # text gives its every required value and no other capability comes near it.
    steps = await plan_steps(
        stables, "add our new mare Juniper, a connemara pony, 148 cm tall", TODAY
    )
    assert steps == [
        {
            "capability": "add_horse",
            "params": {"name": "Juniper", "breed": "connemara pony", "height_cm": 148.0},
        }
    ]
    # the same verb without the values it needs is still no request for it
    assert await is_refused(stables, "add a bay colt to the herd", TODAY)


async def test_the_named_verb_needs_a_typed_value_besides(shopping: pf.Node) -> None:
    # a free-text field that swallows the words, with no typed value besides, is no clear fit
    assert await is_refused(shopping, "add Bob to the team", TODAY)


class BrewIn(BaseModel):
    beer: str = Field(description="beer brewed, e.g. IPA or stout")
    brewed_on: dt.date = Field(description="day of the brew")
    gravity: float | None = Field(default=None, ge=0.9, le=1.2, description="original gravity")


@pf.capability(intent="Add a brew to the brewery's journal", tags=["brewing"])
async def log_brew(inp: BrewIn) -> Done:
    return Done(ref="b")


@pytest.fixture
async def brewery(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [log_brew, order_feed, log_training_run])


async def test_a_clipped_field_word_is_explained(brewery: pf.Node) -> None:
    # "grav" before its value is "gravity" clipped: a word of log_brew, not another subject
    steps = await plan_steps(brewery, "Log the Kolsch from last night (grav 1.048)", TODAY)
    assert steps == [
        {
            "capability": "log_brew",
            "params": {"beer": "Kolsch", "brewed_on": "2026-10-07", "gravity": 1.048},
        }
    ]


class LaundryIn(BaseModel):
    street_address: str = Field(description="where to collect the bag")
    date: dt.date = Field(description="collection day")
    weight_kg: float | None = Field(default=None, gt=0, description="estimated weight in kg")


@pf.capability(intent="Arrange for a courier to collect dirty clothes", tags=["laundry"])
async def schedule_laundry_pickup(inp: LaundryIn) -> Done:
    return Done(ref="w")


class LeftIn(BaseModel):
    line: str = Field(description="bus route or train line")
    date_lost: dt.date = Field(description="day the item was left behind")
    description: str = Field(description="what the item is")


@pf.capability(intent="Tell the lost-and-found about something left on board", tags=["transit"])
async def report_left_item(inp: LeftIn) -> Done:
    return Done(ref="l")


@pytest.fixture
async def words_only(module_node: pf.Node, register_module: Any) -> pf.Node:
    # Without the embedding model, only words and values choose: what this rule is about.
    from packetflow_nl_planning import NlPlanningModule

    module_node.register([schedule_laundry_pickup, report_left_item])
    await register_module(NlPlanningModule, config={"cache_size": 0, "embeddings": False})
    return module_node


async def test_a_verb_the_lexicon_lacks_goes_to_the_capability_that_says_it(
    words_only: pf.Node,
) -> None:
    # "collect" is no verb the lexicon knows; the courier's own words say it, so it is the
    # capability that does it (the lost-and-found only does not contradict it).
    text = "I've got about 6 kg of washing, collect it from 40 Lake Drive on Monday next week"
    steps = await plan_steps(words_only, text, TODAY)
    assert steps == [
        {
            "capability": "schedule_laundry_pickup",
            "params": {"street_address": "40 Lake Drive", "date": "2026-10-12", "weight_kg": 6.0},
        }
    ]


class TowIn(BaseModel):
    plate: str = Field(pattern=r"^TR-[0-9]{4}$", description="trailer plate")
    site: str = Field(description="where it stands")


@pf.capability(intent="Have an abandoned trailer removed from the depot", tags=["depot"])
async def tow_trailer(inp: TowIn) -> Done:
    return Done(ref="t")


class WhereIn(BaseModel):
    plate: str = Field(pattern=r"^TR-[0-9]{4}$", description="trailer plate")


@pf.capability(intent="Find out where a removed trailer was taken", tags=["depot"])
async def locate_towed_trailer(inp: WhereIn) -> Done:
    return Done(ref="w")


@pytest.fixture
async def depot(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [tow_trailer, locate_towed_trailer])


async def test_get_it_towed_asks_to_tow_not_to_read(depot: pf.Node) -> None:
    # "get it towed" causes a towing ("tow" is a verb of the lexicon, "towed" its past form);
    # only asking where it was towed reads.
    text = "trailer TR-4411 is blocking gate 3, please get it towed"
    assert [s["capability"] for s in await plan_steps(depot, text, TODAY)] == ["tow_trailer"]
    steps = await plan_steps(depot, "where was TR-4411 towed to?", TODAY)
    assert [s["capability"] for s in steps] == ["locate_towed_trailer"]


class AwayIn(BaseModel):
    first_day: dt.date = Field(description="first day away")
    last_day: dt.date | None = Field(default=None, description="last day away")
    why: Literal["sick", "holiday", "family"] = Field(description="reason")


@pf.capability(intent="Tell the school a pupil will be absent", tags=["school"])
async def notify_absence(inp: AwayIn) -> Done:
    return Done(ref="a")


class OutlookIn(BaseModel):
    town: str = Field(description="town")
    day: dt.date = Field(description="day")


@pf.capability(intent="Get the weather outlook for a town", tags=["weather"])
async def get_outlook(inp: OutlookIn) -> Done:
    return Done(ref="o")


class DiaryIn(BaseModel):
    day: dt.date = Field(description="day to list")


@pf.capability(intent="List the school diary for a day", tags=["school"])
async def list_diary(inp: DiaryIn) -> Done:
    return Done(ref="d")


@pytest.fixture
async def school(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [notify_absence, get_outlook, list_diary])


async def test_a_statement_about_oneself_is_no_question(school: pf.Node) -> None:
    # "I am in Leeds tomorrow" tells where its teller will be: no weather outlook was asked for
    assert await is_refused(school, "I am in Leeds tomorrow", TODAY)
    # ... and "I'm out sick" asks the one capability that acts on it, which takes the day and
    # the reason in forms only its schema takes
    [step] = await plan_steps(school, "I'm out sick tomorrow and the day after", TODAY)
    assert step["capability"] == "notify_absence"
    assert step["params"]["first_day"] == "2026-10-09"
    assert step["params"]["why"] == "sick"


class RouteIn(BaseModel):
    origin: str = Field(description="where the trip starts")
    destination: str = Field(description="where to go")
    mode: Literal["car", "bike", "walk", "transit"] = Field(
        default="car", description="how to travel"
    )


@pf.capability(intent="Plan a route between two places", tags=["maps"])
async def plan_route(inp: RouteIn) -> Done:
    return Done(ref="r")


@pytest.fixture
async def maps(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [plan_route, log_training_run])


async def test_a_verb_with_a_value_missing_needs_its_every_narrow_sense(maps: pf.Node) -> None:
    # "book" books and schedules; a route planner only plans (schedules): with its origin
    # missing, "book me a flight to Rome" is no request for it.
    assert await is_refused(maps, "book me a flight to Rome", TODAY)
    steps = await plan_steps(maps, "plan a route from Leeds to York by bike", TODAY)
    assert steps == [
        {
            "capability": "plan_route",
            "params": {"origin": "Leeds", "destination": "York", "mode": "bike"},
        }
    ]


class LoanIn(BaseModel):
    title: str = Field(description="book title")


@pf.capability(intent="Reserve a library book", tags=["library"])
async def reserve_library_book(inp: LoanIn) -> Done:
    return Done(ref="b")


@pytest.fixture
async def library(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [reserve_library_book, order_feed])


async def test_a_noun_with_a_is_no_title(library: pf.Node) -> None:
    # "a court", "a table": a kind of thing, never a book's title by its name
    assert await is_refused(library, "reserve a court for Friday", TODAY)
    assert await is_refused(library, "book a table for 4 at 8pm", TODAY)
    steps = await plan_steps(library, "reserve the hobbit", TODAY)
    assert steps == [{"capability": "reserve_library_book", "params": {"title": "hobbit"}}]


class BillIn(BaseModel):
    payee: str = Field(description="who to pay")
    amount: float = Field(description="how much")


@pf.capability(intent="Pay a bill", tags=["bank"])
async def pay_bill(inp: BillIn) -> Done:
    return Done(ref="b")


class InvoiceIn(BaseModel):
    invoice_number: str = Field(description="invoice number")


@pf.capability(intent="Show an invoice", tags=["billing"])
async def get_invoice(inp: InvoiceIn) -> Done:
    return Done(ref="i")


@pytest.fixture
async def billing(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [pay_bill, get_invoice])


async def test_a_noun_before_a_preposition_is_no_phrasal_verb(billing: pf.Node) -> None:
    # "info on invoice 55" asks about the invoice: "info on" is no verb the lexicon lacks
    # (which contradicted nothing, so the bill was paid)
    for text in ("info on invoice 55", "details on invoice 55"):
        steps = await plan_steps(billing, text, TODAY)
        assert [s["capability"] for s in steps] == ["get_invoice"]
