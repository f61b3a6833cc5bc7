"""Wrong actions from probes, on a registry of these tests' own (a council, a wedding, a
shopping list): a question whether a report has been dealt with never files one (filing a
report does not read); a pothole "outside" an address is reported like one "at" it; one
lower-case word is no guest's full name ("take bread off the list")."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class StreetIn(BaseModel):
    category: Literal["pothole", "streetlight", "graffiti", "missed_collection"] = Field(
        description="kind of problem"
    )
    street_address: str = Field(description="where the problem is")


@pf.capability(intent="Report a problem in the street to the city", tags=["council"])
async def file_street_report(inp: StreetIn) -> Done:
    return Done(ok=True)


class EventsIn(BaseModel):
    query: str = Field(description="artist, team or show")
    city: str = Field(description="where")


class EventsOut(BaseModel):
    events: list[str]


@pf.capability(intent="Search upcoming concerts, games and shows", tags=["events"])
async def find_event(inp: EventsIn) -> EventsOut:
    return EventsOut(events=[])


class GuestIn(BaseModel):
    full_name: str = Field(description="guest's name as on the invitation")


@pf.capability(intent="Take someone off the invitation list", tags=["wedding"])
async def remove_guest(inp: GuestIn) -> Done:
    return Done(ok=True)


class ItemIn(BaseModel):
    item: str = Field(description="what to buy")


@pf.capability(intent="Cross an item off the list", tags=["groceries"])
async def remove_from_shopping_list(inp: ItemIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [file_street_report, find_event, remove_guest, remove_from_shopping_list]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "has my pothole report been looked at yet?",
        "has my pothole report at 12 Elm Street been looked at?",
        "has the streetlight I reported at 4 High Street been fixed yet?",
    ],
)
async def test_a_status_question_files_nothing(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "report a pothole at 12 Elm Street",
        "there's a pothole outside 12 Elm Street",
        "there is a broken streetlight opposite 4 High Street",
    ],
)
async def test_a_problem_where_it_is_is_reported(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["file_street_report"]
    assert steps[0]["params"]["street_address"][0].isdigit()


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("take bread off the list", "remove_from_shopping_list"),
        ("take bananas off the list", "remove_from_shopping_list"),
        ("take Fiona Grey off the list", "remove_guest"),
    ],
)
async def test_one_lower_case_word_is_no_full_name(
    node: pf.Node, text: str, capability: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]


class MatchIn(BaseModel):
    court: int = Field(ge=1, le=20, description="court number")
    result: Literal["home_win", "away_win", "draw"] = Field(description="how the match ended")


@pf.capability(intent="Score of a finished match for the league table", tags=["league"])
async def report_match_result(inp: MatchIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def league(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [report_match_result, find_event])


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("result for court 4: away resigned", "home_win"),
        ("court 4, home conceded", "away_win"),
        ("court 4, home lost", "away_win"),
        ("court 4, away won", "away_win"),
    ],
)
async def test_the_side_that_lost_names_the_other_sides_win(
    league: pf.Node, text: str, result: str
) -> None:
    steps = await plan_steps(league, text, TODAY)
    assert [s["capability"] for s in steps] == ["report_match_result"]
    assert steps[0]["params"]["result"] == result
