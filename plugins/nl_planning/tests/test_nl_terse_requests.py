"""Requests put without a verb: a noun phrase and its values ("willow pond, 3 of us, Friday
10:00") means the one capability whose own words it names and whose every required value it
gives, even one that does something other than "obtain" (rating, applying); a question or an
action no capability performs is still refused (registry: ``lake_registry``)."""

from __future__ import annotations

from typing import Any

import pytest
from lake_registry import CAPABILITIES, TODAY
from planned import is_refused, plan_steps, planner_on

import packetflow as pf
from packetflow_nl_planning.capability_actions import described_verbs
from packetflow_nl_planning.index import Index
from packetflow_nl_planning.ranking import Candidate
from packetflow_nl_planning.text import tokenize
from packetflow_nl_planning.typos import Typos
from packetflow_nl_planning.winners import only_terse


@pytest.fixture
async def lake(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def test_a_noun_phrase_of_values_books_the_one_capability_it_fits(lake: pf.Node) -> None:
    [step] = await plan_steps(lake, "willow pond, 3 of us, Friday 10:00", TODAY)
    assert step == {
        "capability": "hire_rowing_boat",
        "params": {"lake": "willow_pond", "date": "2026-05-15", "time": "10:00", "rowers": 3},
    }


async def test_a_noun_phrase_can_mean_a_capability_that_does_not_obtain(lake: pf.Node) -> None:
    [step] = await plan_steps(lake, "4 stars for Sam", TODAY)
    assert step == {"capability": "rate_boatman", "params": {"boatman_name": "Sam", "stars": 4}}


async def test_a_question_of_values_is_still_refused(lake: pf.Node) -> None:
    assert await is_refused(lake, "what's 15% of 240?", TODAY)


async def test_an_action_no_capability_performs_is_still_refused(lake: pf.Node) -> None:
    assert await is_refused(lake, "cancel 4 stars for Sam", TODAY)


async def test_a_noun_phrase_naming_what_an_unknown_action_is_about(lake: pf.Node) -> None:
    # "apply" is no action the lexicon knows; the phrase names the permit it is about.
    [step] = await plan_steps(lake, "season fishing permit from 1 June", TODAY)
    assert step == {
        "capability": "apply_for_fishing_permit",
        "params": {"permit_type": "season", "start_date": "2026-06-01"},
    }


def test_a_typo_in_the_ending_of_a_stemmed_word() -> None:
    # The index keeps "fishing" as its stem "fish"; "fishng" is one edit from "fishing".
    index = Index()
    for capability in CAPABILITIES:
        index.add(capability)
    tokens = tokenize("season fishng permit")
    Typos(index).correct(tokens)
    assert tokens[1].lemma == "fish"


def test_the_verb_of_what_how_many_counts_is_what_its_users_do() -> None:
    assert "join" in described_verbs(["how many more people join"])


async def test_a_question_of_a_count_of_people_doing_something_asks_for_it(lake: pf.Node) -> None:
    [step] = await plan_steps(lake, "can 2 more people join hire BH1234?", TODAY)
    assert step == {
        "capability": "add_boat_passengers",
        "params": {"hire_id": "BH1234", "extra_people": 2},
    }


async def test_a_count_of_people_doing_what_no_capability_does_is_refused(lake: pf.Node) -> None:
    assert await is_refused(lake, "can 2 more people cancel hire BH1234?", TODAY)


async def test_a_wish_for_a_thing_can_mean_a_capability_that_does_not_obtain(
    lake: pf.Node,
) -> None:
    [step] = await plan_steps(lake, "I'd love a season fishing permit from 1 June", TODAY)
    assert step == {
        "capability": "apply_for_fishing_permit",
        "params": {"permit_type": "season", "start_date": "2026-06-01"},
    }


async def test_a_labelled_comment_goes_on_past_a_comma(lake: pf.Node) -> None:
    # "send the invoice" after the comma is still the comment, not a second request.
    [step] = await plan_steps(lake, "approve FP-1234 - comment: all fine, send the invoice", TODAY)
    assert step == {
        "capability": "approve_fishing_permit",
        "params": {"permit_id": "FP-1234", "comment": "all fine, send the invoice"},
    }


def _candidate(name: str, score: float, *, relevant: bool, terse: bool) -> Candidate:
    return Candidate(name, score, 0.3, 0.4, 0.3, 1.0, 0.0, True, relevant, "", terse=terse)


def test_the_terse_candidate_beats_a_relevant_one_it_leads_clearly() -> None:
    # A reading capability that took the permit's words as values is relevant, but scores far
    # below the one capability the phrase names and fits.
    permit = _candidate("apply_for_fishing_permit", 0.75, relevant=False, terse=True)
    trips = _candidate("find_boat_trips", 0.45, relevant=True, terse=False)
    only_terse([permit, trips])
    assert permit.relevant
    close = _candidate("apply_for_fishing_permit", 0.55, relevant=False, terse=True)
    only_terse([close, _candidate("find_boat_trips", 0.45, relevant=True, terse=False)])
    assert not close.relevant
