"""Capabilities named by verbs the general lexicon does not know (``donate_items``,
``renew_membership``, ``waive_fee``), on a registry of these tests' own (``club_registry``):
such a verb is an action, reached by its own forms, never by a bare noun phrase nor by
another verb the lexicon knows."""

from __future__ import annotations

from typing import Any

import pytest
from club_registry import CAPABILITIES, TODAY
from planned import is_refused, plan_steps, planner_on

import packetflow as pf
from packetflow_nl_planning.capability_actions import capability_action
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize


@pytest.fixture
async def club(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


def test_an_intent_that_opens_with_the_names_unknown_verb_does_it() -> None:
    # "Donate items ..." for donate_items: verb then object, as the name says; not a
    # compound noun ("Website visits ..." for website_traffic stays a reading one).
    action = capability_action("donate_items", "Donate items to the charity shop")
    assert action.classes == {"word:donate"} and not action.query
    reading = capability_action("website_traffic", "Website visits per day")
    assert reading.query and not reading.classes


async def test_the_unknown_verb_itself_reaches_it(club: pf.Node) -> None:
    [step] = await plan_steps(club, "donate two bags of books", TODAY)
    assert step == {"capability": "donate_items", "params": {"category": "books", "bags": 2}}
    [step] = await plan_steps(club, "renew M-12345 for 6 months", TODAY)
    assert step == {"capability": "renew_membership", "params": {"member": "M-12345", "months": 6}}


async def test_a_bare_noun_phrase_does_not_reach_an_unknown_action(club: pf.Node) -> None:
    # Naming the goods asks for nothing a capability that *does* something does.
    assert await is_refused(club, "3 bags of clothes", TODAY)


async def test_another_known_verb_does_not_reach_an_unknown_one(club: pf.Node) -> None:
    # "resume" (or "unpause") is not "renew": the lexicon knows one and not the other, so
    # nothing says they mean the same; E404, not a plan (nor an E422 for renew_membership).
    assert await is_refused(club, "resume membership M-12345", TODAY)
    assert await is_refused(club, "unpause M-12345", TODAY)
    assert await is_refused(club, "pay the late fee on PCN123456", TODAY)


async def test_a_verb_the_lexicon_does_not_know_does_not_read(club: pf.Node) -> None:
    # "throw out" asks to get rid of the notice: reading its status is not that, nor is
    # waiving its fee (a verb of its own the request does not say).
    assert await is_refused(club, "throw out the notice PCN123456", TODAY)
    [step] = await plan_steps(club, "look up the notice PCN123456", TODAY)
    assert step == {"capability": "get_notice_status", "params": {"notice": "PCN123456"}}


async def test_a_word_no_capability_uses_before_a_value_is_its_verb(club: pf.Node) -> None:
    # "shred PCN123456": no capability says "shred", so it is what the request asks to do
    # (and nothing here does it); a word of the registry before the value names the thing.
    assert await is_refused(club, "shred PCN123456", TODAY)
    [step] = await plan_steps(club, "notice PCN123456", TODAY)
    assert step == {"capability": "get_notice_status", "params": {"notice": "PCN123456"}}


def test_a_word_of_the_registry_before_a_particle_is_no_phrasal_verb() -> None:
    # "comedy in Dublin" where a genre enum has "comedy": the thing asked about, not a verb
    # "comedy in" (a word no capability uses still reads as one before its object's
    # determiner: "scale in the cluster"; before a bare noun it is a noun's phrase).
    words = [t for t in tokenize("comedy in Dublin this week") if t.is_word or t.entity]
    assert not request_action(words, known=lambda w: w == "comedy").explicit
    assert not request_action(words).explicit
    words = [t for t in tokenize("scale in the cluster") if t.is_word or t.entity]
    assert request_action(words).classes == {"word:scale_in"}


def test_a_name_keeps_its_verb_when_the_intent_opens_with_another() -> None:
    # "Request removal ... by a winch truck": the intent has a verb of its own, so the name's
    # "winch" (a verb the lexicon does not know) stays a verb the capability is named by,
    # though the intent uses it as a noun.
    winch = capability_action("winch_boat", "Request removal of a stranded boat by a winch truck")
    assert "word:winch" in winch.weak
    assert not capability_action("website_traffic", "Website visits per day").weak


def test_a_name_that_opens_with_a_phrasal_verb_does_it() -> None:
    action = capability_action("top_up_card", "Add credit to a travel card")
    assert "top_up" in action.classes


def test_giving_to_someone_else_hands_over_and_a_doer_is_no_action() -> None:
    # "Give clothes to a charity shop": a thing handed over, nothing read
    assert not capability_action("donate_goods", "Give clothes to a charity shop").query
    # "player" of whitelist_player is who plays, not an action the capability does
    action = capability_action("whitelist_player", "Allow a username onto a server")
    assert "play" not in action.classes
