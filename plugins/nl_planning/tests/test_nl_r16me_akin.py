"""A clause whose embedding alone sits near a capability, while the capability's own words
explain none of what the clause says, is meant only when a word it leaves is itself near the
capability: "what's the weather doing in Harrogate tomorrow" reads like any dated report, but
"weather" is nothing of a toll statement; "a jacket" is something of a forecast. On a registry
of these tests' own (a toll account's statements, a weather forecast, a radio logbook)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.akin import akin
from packetflow_nl_planning.clauses import Scope

TODAY = "2027-01-11"


class StatementIn(BaseModel):
    from_date: dt.date = Field(description="first day of the statement")
    to_date: dt.date = Field(description="last day of the statement")


class Statement(BaseModel):
    total: float


@pf.capability(intent="Journeys charged to the toll tag over a period", tags=["toll"])
async def get_toll_statement(inp: StatementIn) -> Statement:
    return Statement(total=12.5)


class ForecastIn(BaseModel):
    city: str = Field(description="city name")
    date: dt.date | None = Field(default=None, description="day of the forecast")


class Forecast(BaseModel):
    summary: str


@pf.capability(intent="Weather forecast for a city", tags=["weather"])
async def get_forecast(inp: ForecastIn) -> Forecast:
    return Forecast(summary="rain")


@pytest.fixture
async def tolls(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_toll_statement])


@pytest.fixture
async def both(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_toll_statement, get_forecast])


@pytest.mark.parametrize(
    "text",
    [
        "what's the weather doing in Harrogate tomorrow",
        "what's the weather like tomorrow",
    ],
)
async def test_the_shape_of_a_dated_question_is_no_subject(tolls: pf.Node, text: str) -> None:
    assert await is_refused(tolls, text, TODAY)


async def test_the_capabilitys_own_words_still_read_it(tolls: pf.Node) -> None:
    steps = await plan_steps(tolls, "toll statement for last week", TODAY)
    assert [s["capability"] for s in steps] == ["get_toll_statement"]


async def test_a_word_near_the_capability_means_it(both: pf.Node) -> None:
    steps = await plan_steps(both, "what's the weather doing in Harrogate tomorrow", TODAY)
    assert [s["capability"] for s in steps] == ["get_forecast"]
    assert steps[0]["params"]["city"] == "Harrogate"


async def test_the_nearest_word_of_those_left(both: pf.Node) -> None:
    await plan_steps(both, "weather in Oslo", TODAY)  # (waits for the encoder and the vectors)
    index = both.modules.instance("nl_planning").index
    scope = Scope.__new__(Scope)
    scope.encoder = index.encoder
    forecast = index.profiles["get_forecast"]
    statement = index.profiles["get_toll_statement"]
    near, far = akin(scope, forecast, ["weather"]), akin(scope, statement, ["weather"])
    assert near is not None and far is not None and near > far
    assert akin(scope, forecast, []) is None
    scope.encoder = None
    assert akin(scope, forecast, ["weather"]) is None  # (without the embeddings extra)


class TourIn(BaseModel):
    departure: str = Field(description="the heliport to fly from")
    date: dt.date | None = Field(default=None, description="day of the flight")


class Tours(BaseModel):
    tours: int


@pf.capability(intent="Sightseeing flights over the city by helicopter", tags=["helicopter"])
async def search_helicopter_tours(inp: TourIn) -> Tours:
    return Tours(tours=2)


@pytest.fixture
async def tours(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [search_helicopter_tours])


async def test_a_word_of_another_subject_is_no_missing_value(tours: pf.Node) -> None:
    # a reading verb, values the text cannot give, and a word far from it: E404, not E422
    assert await is_refused(tours, "tell me a joke about helicopters", TODAY)


async def test_a_missing_value_is_still_asked_for(tours: pf.Node) -> None:
    with pytest.raises(pf.errors.PacketFlowError) as caught:
        await plan_steps(tours, "helicopter tours tomorrow", TODAY)
    assert caught.value.code == "E422"
