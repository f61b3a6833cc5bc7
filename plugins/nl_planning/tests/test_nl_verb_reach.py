"""Verbs that reach a capability without sharing an action class with it, on a registry of
these tests' own (``kennel_registry``): a verb made from a word of the capability's name
("invoice" the owner for ``send_bill``), a causative ("get DG-0042 groomed"), "get me ..."
(obtain), and phrasal verbs of the general lexicon ("send in", "turn up") - while the
opposite action, or reading where the capability changes, is still refused."""

from __future__ import annotations

from typing import Any

import pytest
from kennel_registry import CAPABILITIES, TODAY
from planned import is_refused, plan_steps, planner_on

import packetflow as pf
from packetflow_nl_planning.index import Index
from packetflow_nl_planning.text import tokenize
from packetflow_nl_planning.typos import Typos


@pytest.fixture
async def kennel(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def _steps(node: pf.Node, text: str) -> list[dict[str, Any]]:
    return await plan_steps(node, text, TODAY)


async def _refused(node: pf.Node, text: str) -> bool:
    return await is_refused(node, text, TODAY)


async def test_a_verb_of_a_word_of_the_name_or_its_synonym(kennel: pf.Node) -> None:
    # "invoice" is a synonym of the name's "bill"; the request's verb is not
    # in the class of what send_bill does ("send").
    [step] = await _steps(kennel, "invoice ana@example.org 40 euros")
    assert step == {
        "capability": "send_bill",
        "params": {"owner_email": "ana@example.org", "amount": 40, "currency": "EUR"},
    }
    [step] = await _steps(kennel, "bill ana@example.org $25")
    assert step["capability"] == "send_bill"


async def test_the_opposite_of_the_names_action_is_still_refused(kennel: pf.Node) -> None:
    assert await _refused(kennel, "refund ana@example.org 40 euros")


async def test_get_a_thing_done_asks_for_the_participles_action(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "get DG-0042 vaccinated against rabies on Friday")
    assert step == {
        "capability": "schedule_vaccination",
        "params": {"dog_id": "DG-0042", "vaccine": "rabies", "date": "2026-05-15"},
    }
    [step] = await _steps(kennel, "get DG-0042 groomed on Monday, please")
    assert step == {
        "capability": "book_grooming",
        "params": {"dog_id": "DG-0042", "date": "2026-05-18"},
    }


def test_a_form_of_a_capability_word_is_no_typo() -> None:
    index = Index()
    index.rebuild(CAPABILITIES)
    tokens = tokenize("get DG-0042 vaccinated")
    Typos(index).correct(tokens)
    # "vaccinated" is a form of "vaccination", not a typo of the enum value "kennel_cough" or
    # of any other word: it is left as it was.
    assert [t.lower for t in tokens if t.is_word][-1] == "vaccinated"
    assert index.derived("vaccinat") and not index.derived("vacinat")


async def test_get_me_a_thing_asks_to_obtain_it(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "get me 3 day passes")
    assert step == {"capability": "buy_passes", "params": {"kind": "day", "quantity": 3}}
    [step] = await _steps(kennel, "grab me 2 week passes")
    assert step["capability"] == "buy_passes" and step["params"]["kind"] == "week"


async def test_phrasal_verbs_of_submitting_and_of_changing(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "send in a reading of 412.5 for meter WM10023")
    assert step == {
        "capability": "submit_reading",
        "params": {"meter": "WM10023", "cubic_metres": 412.5},
    }
    [step] = await _steps(kennel, "turn the heating in the office up to 21 degrees")
    assert step == {"capability": "set_heating", "params": {"zone": "office", "temperature_c": 21}}
    # Reading where the only capability changes the setting stays a refusal.
    assert await _refused(kennel, "what is the heating in the office set to?")


async def test_a_light_verb_takes_its_meaning_from_what_follows(kennel: pf.Node) -> None:
    # "put" is in the lexicon's update and add classes, neither of which is booking; with no
    # noun naming an action after it, it contradicts nothing and the rest of the text decides.
    [step] = await _steps(kennel, "put DG-0042 on the grooming list for Monday")
    assert step == {
        "capability": "book_grooming",
        "params": {"dog_id": "DG-0042", "date": "2026-05-18"},
    }


async def test_a_light_verb_with_a_turning_particle_is_still_refused(kennel: pf.Node) -> None:
    # ... but with a particle that ends, defers or reverses, it is another action.
    assert await _refused(kennel, "put off the grooming of DG-0042")
    assert await _refused(kennel, "put the grooming of DG-0042 off")
    assert await _refused(kennel, "give up the 3 day passes")
    assert await _refused(kennel, "take the 3 day passes back")


async def test_a_pronoun_between_a_phrasal_verb_and_its_particle(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "check him in tomorrow, tag DG-0042")
    assert step == {
        "capability": "check_in_dog",
        "params": {"dog_id": "DG-0042", "date": "2026-05-14"},
    }


async def test_a_request_put_as_a_question_to_someone(kennel: pf.Node) -> None:
    # "can someone ..." asks someone to do it: the verb is the action, not a reading question.
    [step] = await _steps(kennel, "can someone send ana@example.org a bill for 30 euros?")
    assert step == {
        "capability": "send_bill",
        "params": {"owner_email": "ana@example.org", "amount": 30, "currency": "EUR"},
    }


async def test_get_a_new_thing_obtains_it(kennel: pf.Node) -> None:
    # "get a bath for ...": a new bath is added, the booking's status is not what is asked.
    [step] = await _steps(kennel, "get a bath for BK12345")
    assert step == {"capability": "add_bath", "params": {"booking": "BK12345"}}


async def test_setting_a_new_thing_makes_it(kennel: pf.Node) -> None:
    # "Set an alarm" makes one: a bare "alarm at ..." asks for it, as "a table for two" does.
    [step] = await _steps(kennel, "alarm at 17:30 called 'dinner'")
    assert step == {"capability": "set_alarm", "params": {"time": "17:30", "label": "dinner"}}


async def test_a_preposition_before_a_number_is_no_particle(kennel: pf.Node) -> None:
    # "log ... in 45 minutes" is no "log in": "in" comes before a number.
    [step] = await _steps(kennel, "log a walk for DG-0042 in 45 minutes")
    assert step == {
        "capability": "log_walk",
        "params": {"dog_id": "DG-0042", "duration_minutes": 45},
    }


async def test_a_participle_after_an_article_is_an_adjective_not_the_past(
    kennel: pf.Node,
) -> None:
    # "a detailed grooming" tells of no past event: booking dates still lie ahead.
    [step] = await _steps(kennel, "book a detailed grooming for DG-0042 on Friday")
    assert step == {
        "capability": "book_grooming",
        "params": {"dog_id": "DG-0042", "date": "2026-05-15"},
    }


async def test_giving_something_to_someone_reads_nothing(kennel: pf.Node) -> None:
    # "give" reads only in "give me ..."; giving a dog its food changes its ration.
    [step] = await _steps(kennel, "give DG-0042 300 g of food a day")
    assert step == {
        "capability": "change_ration",
        "params": {"dog_id": "DG-0042", "food_kg": 0.3},
    }


async def test_a_thing_that_needs_doing_asks_for_that_action(kennel: pf.Node) -> None:
    # "X needs <verb>ing" / "X needs to be <verb>ed": the verb is the action, done to X.
    [step] = await _steps(kennel, "DG-0042 needs grooming on Monday")
    assert step == {
        "capability": "book_grooming",
        "params": {"dog_id": "DG-0042", "date": "2026-05-18"},
    }
    [step] = await _steps(kennel, "DG-0042 needs to be vaccinated against rabies on Friday")
    assert step["capability"] == "schedule_vaccination"
    assert step["params"]["vaccine"] == "rabies"
    # ... and the opposite of what a capability does is still refused
    assert await _refused(kennel, "the grooming of DG-0042 needs cancelling")
    assert await _refused(kennel, "DG-0042 needs cancelling on Monday")


async def test_get_it_done_after_a_statement_is_the_request(kennel: pf.Node) -> None:
    # After a statement (not a request), "get it groomed" asks for what it says, with the
    # statement's values; its opposite is still refused.
    [step] = await _steps(kennel, "DG-0042 is back from the walk, get it groomed on Monday")
    assert step == {
        "capability": "book_grooming",
        "params": {"dog_id": "DG-0042", "date": "2026-05-18"},
    }
    assert await _refused(kennel, "DG-0042 is booked for grooming, get it cancelled")
