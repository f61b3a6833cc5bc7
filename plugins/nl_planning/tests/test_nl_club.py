"""The planner end to end on a registry of these tests' own (``club_registry``): how the clauses
of one request make one step or several."""

from __future__ import annotations

from typing import Any

import pytest
from club_registry import CAPABILITIES, TODAY
from planned import is_refused, plan_steps, planner_on

import packetflow as pf


@pytest.fixture
async def club(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def test_a_clause_of_values_only_tells_the_last_request_further(club: pf.Node) -> None:
    # ". budget £300": the same capability, only a value the first step left out, and short
    # of the value the first step has: one step, not two.
    [step] = await plan_steps(
        club, "ask for a quote to fix the squash court door. budget £300", TODAY
    )
    assert step["capability"] == "request_quote"
    assert step["params"]["budget"] == 300


async def test_a_statement_after_the_last_request_says_more_about_it(club: pf.Node) -> None:
    # "... we are beginners": no request of its own; its value fills the step before it.
    for said in ("we are beginners", "I'm a beginner"):
        [step] = await plan_steps(club, f"list the fitness classes on Friday. {said}", TODAY)
        assert step["capability"] == "list_classes"
        assert step["params"]["level"] == "beginner"


async def test_a_question_a_free_text_field_only_swallows_is_refused(club: pf.Node) -> None:
    # The query field of find_show would take "weather" whole, and the town and the date fit
    # too: but nothing of the capability's own is asked about, and no verb says to search.
    assert await is_refused(club, "what's the weather like in Leeds tomorrow?", TODAY)
    [step] = await plan_steps(club, "find shows by the Leeds Jazz Trio in Leeds", TODAY)
    assert step["capability"] == "find_show"


async def test_naming_it_or_a_way_to_reach_you_is_a_detail_of_the_step(club: pf.Node) -> None:
    # "call it ..." names the thing (a title field); "call +44..." gives the phone to reach.
    [step] = await plan_steps(
        club, 'upload https://pics.example.org/a/7 and call it "Summer Cup"', TODAY
    )
    assert step == {
        "capability": "upload_photos",
        "params": {"source_url": "https://pics.example.org/a/7", "album_name": "Summer Cup"},
    }
    [step] = await plan_steps(
        club, "upload https://pics.example.org/a/7, call +447700900456", TODAY
    )
    assert step["params"]["phone"] == "+447700900456"


async def test_languages_by_name_and_the_preposition_that_says_which(club: pf.Node) -> None:
    # ISO codes are filled from the languages' names; "from"/"to" say which field is which,
    # and a language with no such preposition goes to the other field.
    for text in (
        "translate 'Courts closed on Monday' from French to English",
        "translate 'Courts closed on Monday' to English from French",
        "translate 'Courts closed on Monday', French to English",
    ):
        [step] = await plan_steps(club, text, TODAY)
        assert step["capability"] == "translate_notice"
        assert step["params"]["source_language"] == "fr", text
        assert step["params"]["target_language"] == "en", text


async def test_a_value_after_a_question_completes_it(club: pf.Node) -> None:
    # "...? ticket PCN123456": the question's capability was short of the id the next
    # clause gives.
    [step] = await plan_steps(club, "where is my penalty notice at? ticket PCN123456", TODAY)
    assert step == {"capability": "get_notice_status", "params": {"notice": "PCN123456"}}


async def test_what_has_been_is_a_statement_not_a_request(club: pf.Node) -> None:
    # "PCN123456 has been unpaid for a month": it says how things are; "waive the fee" is
    # the request, with the statement's id.
    [step] = await plan_steps(
        club, "PCN123456 has been unpaid for a month, waive the fee please", TODAY
    )
    assert step == {"capability": "waive_fee", "params": {"notice": "PCN123456"}}


async def test_a_coded_or_hyphenated_value_as_written_or_in_the_plural(club: pf.Node) -> None:
    [step] = await plan_steps(
        club, "upload https://pics.example.org/a/7 to youth-team, with 8x10s", TODAY
    )
    assert step["params"]["gallery"] == "youth-team"
    assert step["params"]["prints"] == "8x10"


async def test_a_class_on_a_weekday_is_the_coming_one(club: pf.Node) -> None:
    # Classes, matches and shows lie ahead: "on Friday" is the next Friday, even when the
    # capability only lists them; "classes" is the plural of "class".
    [step] = await plan_steps(club, "what classes are on Friday?", TODAY)
    assert step == {"capability": "list_classes", "params": {"date": "2026-06-12"}}
