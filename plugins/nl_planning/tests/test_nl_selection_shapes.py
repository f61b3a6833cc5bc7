"""How a request picks its capability (or is refused), on a registry of these tests' own
(``studio_registry``): verbs of three words ("get rid of"), light verbs ("leave a tip"), verbs
whose sense the lexicon lists ("hold" a thing for someone, "get it back", "heat"/"cool"),
opposites within one broad class ("downgrade" is no "upgrade"), paths and compounds in what
a capability explains, and a typo that drops a doubled letter."""

from __future__ import annotations

from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from studio_registry import CAPABILITIES, TODAY

import packetflow as pf
from packetflow_nl_planning.index import Index
from packetflow_nl_planning.text import tokenize
from packetflow_nl_planning.typos import Typos


@pytest.fixture
async def studio(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def _one(node: pf.Node, text: str) -> dict[str, Any]:
    [step] = await plan_steps(node, text, TODAY)
    return step


async def test_a_verb_of_three_words_is_read_whole(studio: pf.Node) -> None:
    # "get rid of" deletes; "get" alone would only read.
    step = await _one(studio, "get rid of AW-1234")
    assert step == {"capability": "remove_artwork", "params": {"artwork_id": "AW-1234"}}


async def test_leave_is_a_light_verb_before_a_noun_naming_an_action(studio: pf.Node) -> None:
    step = await _one(studio, "leave a 5 pound tip for LS-204")
    assert step == {
        "capability": "tip_teacher",
        "params": {"lesson_id": "LS-204", "amount": 5, "currency": "GBP"},
    }


async def test_leave_alone_still_quits(studio: pf.Node) -> None:
    assert await is_refused(studio, "leave my gold membership", TODAY)


async def test_hold_a_thing_for_someone_reserves_it(studio: pf.Node) -> None:
    step = await _one(studio, "hold a wheel for me on Friday at 10:00")
    assert step == {
        "capability": "reserve_wheel",
        "params": {"date": "2026-05-15", "time": "10:00"},
    }


async def test_get_it_back_restores(studio: pf.Node) -> None:
    step = await _one(studio, "get AW-0042 back")
    assert step == {"capability": "restore_artwork", "params": {"artwork_id": "AW-0042"}}


async def test_opposites_within_one_broad_class_do_not_match(studio: pf.Node) -> None:
    # "upgrade" and "downgrade" both change something; in opposite senses.
    assert await is_refused(studio, "downgrade my membership to basic", TODAY)
    step = await _one(studio, "upgrade my membership to gold")
    assert step == {"capability": "upgrade_membership", "params": {"tier": "gold"}}


async def test_a_compound_names_a_kind_of_its_head(studio: pf.Node) -> None:
    # "storeroom" is a room: the capability's own word explains it.
    step = await _one(studio, "cool the storeroom down to 15")
    assert step == {
        "capability": "set_room_heating",
        "params": {"room": "storeroom", "temperature_celsius": 15},
    }


async def test_yet_and_still_say_nothing_of_the_topic(studio: pf.Node) -> None:
    step = await _one(studio, "is F-2231 finished yet")
    assert step == {"capability": "get_firing_status", "params": {"firing_id": "F-2231"}}


async def test_paths_and_file_names_are_values_not_topics(studio: pf.Node) -> None:
    # The pieces of a path ("tmp", "kitten", "party", "jpg") name no topic to explain.
    step = await _one(studio, "move /tmp/kitten_party.jpg into /family/holidays")
    assert step["capability"] == "move_photo"
    assert step["params"]["path"] == "/tmp/kitten_party.jpg"


def test_a_typo_that_drops_a_doubled_letter() -> None:
    index = Index()
    for capability in CAPABILITIES:
        index.add(capability)
    tokens = tokenize("refil the glaze")
    Typos(index).correct(tokens)
    assert tokens[0].lemma == "refill"


async def test_a_bare_noun_phrase_naming_a_plan_asks_to_make_it(studio: pf.Node) -> None:
    # A route (or directions) "from A to B" is obtained by planning it.
    step = await _one(studio, "route from Mill Street to the Corn Exchange")
    assert step["capability"] == "plan_van_route"
    step = await _one(studio, "directions from Mill Street to the Corn Exchange")
    assert step["capability"] == "plan_van_route"


async def test_a_loss_told_as_a_statement_asks_to_block_or_report(studio: pf.Node) -> None:
    step = await _one(studio, "I lost my key card, number 7781")
    assert step == {
        "capability": "block_key_card",
        "params": {"card_number": "7781", "reason": "lost"},
    }
    step = await _one(studio, "my key card 7781 was stolen")
    assert step["capability"] == "block_key_card"
    assert await is_refused(studio, "I lost the tip for LS-204", TODAY)  # no tip is blocked


async def test_no_and_a_thing_then_a_date_asks_to_skip_it(studio: pf.Node) -> None:
    # never to book the thing the request says "no" to
    step = await _one(studio, "no pottery on the 22nd")
    assert step == {"capability": "skip_class", "params": {"date": "2026-05-22"}}
    step = await _one(studio, "extra pottery class on Friday please")
    assert step == {"capability": "book_extra_class", "params": {"date": "2026-05-15"}}


async def test_where_is_a_thing_asks_to_find_it(studio: pf.Node) -> None:
    step = await _one(studio, "where's the picture of the blue teapot")
    assert step["capability"] == "search_photos"
    assert await is_refused(studio, "where can I park?", TODAY)


async def test_blocking_a_span_of_time_reserves_it(studio: pf.Node) -> None:
    step = await _one(studio, "block 2 hours on a wheel on Friday at 10:00")
    assert step == {
        "capability": "reserve_wheel",
        "params": {"date": "2026-05-15", "time": "10:00"},
    }
    step = await _one(studio, "block my key card 7781, it broke")  # a thing, not time
    assert step["capability"] == "block_key_card"


async def test_a_loss_told_beside_a_request_only_sets_the_scene(studio: pf.Node) -> None:
    step = await _one(studio, "I lost my firing slip, can you pull up F-2231")
    assert step == {"capability": "get_firing_status", "params": {"firing_id": "F-2231"}}


async def test_a_verb_whose_noun_the_capability_names_is_explained(studio: pf.Node) -> None:
    # "owned" is explained by the field "owner_name" (own -> owner).
    step = await _one(studio, "look up the one owned by Ana Ruiz")
    assert step == {"capability": "find_locker", "params": {"owner_name": "Ana Ruiz"}}


async def test_a_loss_with_nothing_else_to_do_is_what_is_asked(studio: pf.Node) -> None:
    # "ring me ..." fits nothing by itself: it says how to answer the report of the loss.
    step = await _one(studio, "lost my key card 7781 yesterday, ring me on +447700900123")
    assert step == {
        "capability": "block_key_card",
        "params": {"card_number": "7781", "reason": "lost", "phone": "+447700900123"},
    }


async def test_a_typo_of_a_synonym_of_a_capability_word(studio: pf.Node) -> None:
    # "directons": directions, a synonym of the capability's "route"
    step = await _one(studio, "directons from Mill Street to the Corn Exchange")
    assert step["capability"] == "plan_van_route"


async def test_how_to_get_to_a_place_asks_for_the_way(studio: pf.Node) -> None:
    step = await _one(studio, "how do I get to the Corn Exchange from Mill Street")
    assert step["capability"] == "plan_van_route"


async def test_taking_a_thing_out_of_another_removes_it(studio: pf.Node) -> None:
    # "take ... out of" the workshop leaves it: never the sign-up
    assert await is_refused(studio, "take M204518 out of the raku workshop", TODAY)
    step = await _one(studio, "sign M204518 up for the raku workshop")
    assert step == {
        "capability": "join_workshop",
        "params": {"member_id": "M204518", "workshop": "raku"},
    }


async def test_booking_a_thing_for_a_day_hires_it(studio: pf.Node) -> None:
    step = await _one(studio, "book the big kiln for Saturday")
    assert step == {"capability": "hire_kiln", "params": {"date": "2026-05-16"}}


async def test_a_capability_that_chooses_sets_the_choice(studio: pf.Node) -> None:
    # "Choose the clay ..." takes the choice as input: changing it ("swap") is what it does.
    step = await _one(studio, "swap the clay for LS-204 to porcelain")
    assert step == {
        "capability": "choose_clay",
        "params": {"lesson_id": "LS-204", "clay": "porcelain"},
    }


async def test_an_unknown_word_before_an_id_is_no_reading_of_it(studio: pf.Node) -> None:
    # "dispute F-2231": a verb the lexicon does not know; only reading the job is a guess.
    assert await is_refused(studio, "dispute F-2231", TODAY)
    step = await _one(studio, "status F-2231")
    assert step == {"capability": "get_firing_status", "params": {"firing_id": "F-2231"}}
