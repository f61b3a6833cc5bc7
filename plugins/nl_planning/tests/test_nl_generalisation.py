"""The planner on a registry and phrasings of these tests' own (``workshop_registry``): the
mechanisms that do not depend on any set's words, end to end through ``nl_planning.plan``."""

from __future__ import annotations

from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from workshop_registry import CAPABILITIES, TODAY

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule
from packetflow_nl_planning.capability_actions import described_verbs


@pytest.fixture
async def workshop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def _steps(node: pf.Node, text: str) -> list[dict[str, Any]]:
    return await plan_steps(node, text, TODAY)


async def _refused(node: pf.Node, text: str) -> bool:
    return await is_refused(node, text, TODAY)


async def test_an_enum_value_in_another_form_of_its_words(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "book BK-1234 in to replace the chain on Friday")
    assert step["params"]["service"] == "chain_replacement"
    [step] = await _steps(workshop, "log a swim for today, 2 km")
    assert step["params"]["activity"] == "swimming"


async def test_a_phone_field_known_by_its_pattern_alone(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "text +447700900456 saying 'see you at the track'")
    assert step == {
        "capability": "send_text",
        "params": {"dest": "+447700900456", "body": "see you at the track"},
    }


async def test_a_capabilitys_own_verb_the_lexicon_lacks(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "prolong LK204 by 3 weeks")
    assert step == {"capability": "prolong_locker", "params": {"locker": "LK204", "weeks": 3}}


async def test_the_opposite_of_an_unknown_verb_is_refused(workshop: pf.Node) -> None:
    assert await _refused(workshop, "unprolong LK204")


async def test_an_undo_verb_never_reaches_a_capability_it_does_not_name(
    workshop: pf.Node,
) -> None:
    assert await _refused(workshop, "cancel the lending of BK-1234 to Sam")


async def test_an_id_only_it_takes_outweighs_a_word_it_does_not_explain(
    workshop: pf.Node,
) -> None:
    [step] = await _steps(workshop, "book my grey BK-1234 in for a full tune on Friday")
    assert step["capability"] == "service_bike"
    assert step["params"] == {"bike_id": "BK-1234", "service": "full_tune", "date": "2026-03-06"}
    # ...but the same action on a subject it does not know is still refused
    assert await _refused(workshop, "book the dinner for Friday")


async def test_a_loose_pattern_takes_no_word_of_another_kind_of_value(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "reserve a work stand for 90 minutes, west-bay")
    assert step == {"capability": "reserve_stand", "params": {"stand": "west-bay", "hours": 1.5}}
    # "hours" fits the stand's pattern, but it is the unit of a duration, not a name
    with pytest.raises(pf.errors.PacketFlowError) as info:
        await _steps(workshop, "reserve a work stand for 2 hours")
    assert info.value.code == "E422"


async def test_an_id_of_digits_written_in_groups(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "register frame 4006-3810-1234 for Sam Okafor")
    assert step["capability"] == "register_frame"
    assert step["params"]["serial"] == "400638101234"


async def test_a_date_field_that_tells_of_the_past_reads_backwards(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "file a crash for BK-1234 on Monday")
    assert step["params"] == {"bike_id": "BK-1234", "day": "2026-03-02"}  # the Monday gone


async def test_a_statement_is_of_a_period_that_is_over(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "mileage statement for Sam Okafor for February")
    assert step["capability"] == "get_mileage_statement"
    assert step["params"]["start_date"] == "2026-02-01"
    assert step["params"]["end_date"] == "2026-02-28"


async def test_am_of_a_clock_time_is_no_past_tense(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "book BK-1234 in for a full tune on Friday 10am")
    assert step["params"]["date"] == "2026-03-06"  # ahead: "am" is the present of "be"


async def test_a_clause_whose_verb_names_a_field_of_the_step_before_fills_it(
    workshop: pf.Node,
) -> None:
    text = "book BK-1234 in for a full tune on Friday, call me on +447700900456"
    [step] = await _steps(workshop, text)
    assert step["params"]["contact"] == "+447700900456"
    # a verb that names no field of the step is still a request of its own (refused here)
    for verb in ("print", "cancel"):
        text = f"book BK-1234 in for a full tune on Friday, {verb} +447700900456"
        assert await _refused(workshop, text)


async def test_a_measure_is_no_count_and_converts_to_whole_units(workshop: pf.Node) -> None:
    [step] = await _steps(
        workshop, "log a cycling session for today: 3 riders, 25 miles, 1,000 ft of climbing"
    )
    assert step["params"] == {
        "activity": "cycling",
        "date": TODAY,
        "riders": 3,
        "distance_km": pytest.approx(40.234, abs=1e-3),
        "climb_m": 305,  # an integer field takes the converted value rounded
    }


async def test_the_number_of_a_measure_is_no_value_of_another_unit(workshop: pf.Node) -> None:
    # "10 km" does not convert to minutes: its 10 is no moving time
    [step] = await _steps(workshop, "log a 10 km run for today")
    assert step["params"] == {"activity": "running", "date": TODAY, "distance_km": 10}


async def test_a_labelled_value_runs_to_the_next_label(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "text +447700900456, body: Track is closed, sorry")
    assert step["params"]["body"] == "Track is closed, sorry"
    [step] = await _steps(workshop, "lend BK-1234, rider: Sam de Vries, body: unused")
    assert step["params"]["rider"] == "Sam de Vries"


async def test_a_range_fills_date_fields_whose_descriptions_say_first_and_last(
    workshop: pf.Node,
) -> None:
    [step] = await _steps(workshop, "hire out a bike from March 10 to March 12")
    assert step == {
        "capability": "hire_bike",
        "params": {"collect": "2026-03-10", "due_back": "2026-03-12"},
    }


async def test_a_name_before_the_fields_own_word(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "put 'Sunday Spin' on the Club calendar")
    assert step == {
        "capability": "add_ride_to_calendar",
        "params": {"calendar": "Club", "ride": "Sunday Spin"},
    }


async def test_within_names_a_radius_and_by_a_maker(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "find routes in Harrogate within 20 miles")
    assert step["params"] == {"town": "Harrogate", "radius_km": pytest.approx(32.187, abs=1e-3)}
    [step] = await _steps(workshop, "find routes in Harrogate by the-wheelers")
    assert step["params"] == {"town": "Harrogate", "author": "the-wheelers"}


async def test_a_verb_its_field_descriptions_use_names_what_it_does(workshop: pf.Node) -> None:
    # "send" is no booking verb, but the capability's own field says "where to send the bike"
    [step] = await _steps(workshop, "send my bike to 4 Mill Lane on Friday")
    assert step == {
        "capability": "book_courier",
        "params": {"address": "4 Mill Lane", "date": "2026-03-06"},
    }
    assert await _refused(workshop, "cancel the bike courier on Friday")


async def test_a_code_at_the_end_of_a_text_value_keeps_its_last_piece(workshop: pf.Node) -> None:
    # "6AN" of a postcode is no stopword "an": it is written against the digit before it.
    [step] = await _steps(workshop, "send my bike to Park Road LS1 6AN on Friday")
    assert step["params"]["address"] == "Park Road LS1 6AN"


async def test_a_verb_of_the_family_of_a_value_asks_for_it(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "adjust the brakes on BK-1234 on Friday")
    assert step == {
        "capability": "service_bike",
        "params": {"bike_id": "BK-1234", "service": "brake_adjustment", "date": "2026-03-06"},
    }


def test_the_verbs_of_field_descriptions() -> None:
    described = described_verbs(
        ["where to drop the parcel off", "day to the depot", "number for the mechanic to call",
         "add a lock", "amount written on the check", "parcel"]
    )  # fmt: skip
    assert described == {"drop", "drop_off", "call", "add"}


async def test_an_id_only_one_kind_of_capability_takes_ranks_it_first(workshop: pf.Node) -> None:
    # Both book and both can take "sports slot" as free text and the day, the massage with a
    # word of its own ("sports"); only the coaching takes a membership number.
    [step] = await _steps(workshop, "a sports slot for M-10422 on Friday")
    assert step["capability"] == "book_coaching"
    assert step["params"]["member"] == "M-10422"


async def test_presenting_a_thing_hands_it_over(workshop: pf.Node) -> None:
    # "here's ..." gives something to send, submit or attach: not a thing to create a record of
    [step] = await _steps(workshop, "here's a text for +447700900456: 'running late'")
    assert step == {
        "capability": "send_text",
        "params": {"dest": "+447700900456", "body": "running late"},
    }
    [step] = await _steps(workshop, "here is the serial 123456789012 for Ana Ruiz")
    assert step["capability"] == "register_frame"


async def test_a_phrasal_verb_the_lexicon_lacks_is_an_action_of_its_own(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "push out the 'Hills Loop' route to the public page")
    assert step == {
        "capability": "publish_route",
        "params": {"route": "Hills Loop", "page": "public"},
    }
    # a particle that turns the verb round ends or reverses something: never a guess, even
    # for a verb the lexicon knows in another sense ("pull" reads)
    assert await _refused(workshop, "pull down the 'Hills Loop' route from the public page")
    assert await _refused(workshop, "wind down the 'Hills Loop' route on the public page")


async def test_the_same_request_told_further_is_one_step(workshop: pf.Node) -> None:
    steps = await _steps(
        workshop,
        "book BK-1234 in for a full tune on Friday, and book it in with contact +447700900456",
    )
    assert steps == [
        {
            "capability": "service_bike",
            "params": {
                "bike_id": "BK-1234",
                "service": "full_tune",
                "date": "2026-03-06",
                "contact": "+447700900456",
            },
        }
    ]
    # another value is another run
    steps = await _steps(
        workshop,
        "publish the 'Hills Loop' route on the club page, and push it out to the public page too",
    )
    assert [s["params"]["page"] for s in steps] == ["club", "public"]


async def test_a_measure_another_field_converts_is_no_plain_count(workshop: pf.Node) -> None:
    # min_stops (no unit) comes before radius_km: "5 miles" is still the radius
    [step] = await _steps(workshop, "find routes in Leeds within 5 miles")
    assert step["params"] == {"town": "Leeds", "radius_km": pytest.approx(8.047, abs=1e-3)}
    [step] = await _steps(workshop, "routes in Leeds with at least 2 cafe stops within 5 miles")
    assert step["params"]["min_stops"] == 2


async def test_a_capitalised_word_of_its_own_is_no_name(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "Lend the Club bike BK-1234 with Sam Lee")
    assert step["params"] == {"bike_id": "BK-1234", "rider": "Sam Lee"}
    [step] = await _steps(workshop, "Register a Frame 123456789012 for Ana Ruiz")
    assert step["params"] == {"serial": "123456789012", "owner": "Ana Ruiz"}


async def test_a_second_value_of_a_filled_enum_is_not_explained(workshop: pf.Node) -> None:
    # find_hire_bikes takes one currency: the other one (and "exchange rate") it cannot place
    assert await _refused(workshop, "what's the exchange rate from GBP to EUR today?")
    [step] = await _steps(workshop, "bikes to hire in Leeds, in EUR")
    assert step["params"] == {"town": "Leeds", "currency": "EUR"}


async def test_a_name_may_start_with_a_word_of_digits_and_letters(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "put 'Dawn Raid' on the 4x4 Crew calendar")
    assert step["params"] == {"calendar": "4x4 Crew", "ride": "Dawn Raid"}


async def test_no_piece_of_a_code_is_a_name(workshop: pf.Node) -> None:
    # "Q" of "Q-7781" is no capitalised name (no author, no town)
    [step] = await _steps(workshop, "find routes for Q-7781 in Leeds")
    assert step["params"] == {"town": "Leeds"}


async def test_an_ordinal_is_the_value_of_a_field_that_says_which_one(workshop: pf.Node) -> None:
    text = "attaching footage of the third lap of RC204 - https://club.example.org/v/9"
    [step] = await _steps(workshop, text)
    assert step == {
        "capability": "attach_footage",
        "params": {"race": "RC204", "lap": 3, "link": "https://club.example.org/v/9"},
    }
    # a field that counts, rather than says which one, takes no ordinal
    [step] = await _steps(workshop, "log a cycling session for today with the 2nd group")
    assert "riders" not in step["params"]


async def test_the_colon_of_a_value_introduces_nothing(workshop: pf.Node) -> None:
    # the colon of "https://" is no "label: text": the link is one value, which the message
    # carries whole when no field of the capability takes links
    [step] = await _steps(
        workshop, "send a text to +447700900456 with https://club.example.org/v/9"
    )
    assert step["params"] == {"dest": "+447700900456", "body": "https://club.example.org/v/9"}


async def test_a_unit_that_names_a_currency_is_money_where_nothing_is_weighed(
    workshop: pf.Node,
) -> None:
    [step] = await _steps(workshop, "bikes to hire in Leeds under 40 pounds")
    assert step["params"] == {"town": "Leeds", "max_price": 40, "currency": "GBP"}
    # a capability that weighs things reads the same word as a weight
    [step] = await _steps(workshop, "quote the postage of a saddle of 2 pounds")
    assert step["capability"] == "quote_postage"
    assert step["params"]["weight_kg"] == pytest.approx(0.907, abs=1e-3)
    assert "currency" not in step["params"]


async def test_a_typo_in_a_date_word_is_corrected_before_dates_are_read(
    workshop: pf.Node,
) -> None:
    [step] = await _steps(workshop, "book BK-1234 in for a full tune on Firday")
    assert step["params"]["date"] == "2026-03-06"
    [step] = await _steps(workshop, "file a crash for BK-1234 yesterdy")
    assert step["params"] == {"bike_id": "BK-1234", "day": "2026-03-03"}


async def test_a_value_of_several_words_named_by_its_first_word(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "book BK-1234 in on Friday, the chain is worn")
    assert step["params"]["service"] == "chain_replacement"


async def test_the_very_action_with_a_value_missing_asks_for_it(
    module_node: pf.Node, register_module: Any
) -> None:
    # "book" is what service_bike does; the crash report only shares "make a record" with it,
    # so the missing service is asked for rather than a crash filed (no other capability of
    # this registry books a bike in on a day)
    module_node.register([c for c in CAPABILITIES if c.name != "schedule_showing"])
    await register_module(NlPlanningModule, config={"cache_size": 0})
    for text in ("book BK-1234 in on Friday", "book BK-1234 into the workshop on Friday"):
        with pytest.raises(pf.errors.PacketFlowError) as info:
            await _steps(module_node, text)
        assert info.value.code == "E422"
        assert "'service'" in info.value.message


async def test_a_negating_prefix_is_no_typo(workshop: pf.Node) -> None:
    # "unprolong" is one edit-distance class from "prolong", but it says the opposite
    for text in ("unprolong LK204", "unprolong LK204 by 2 weeks"):
        assert await _refused(workshop, text)


async def test_doing_what_a_booking_arranges_asks_to_book_it(workshop: pf.Node) -> None:
    # schedule_showing arranges a showing: "show me" the bike on a day books one, though
    # "show" otherwise only reads
    [step] = await _steps(workshop, "could you show me BK-1234 on Friday")
    assert step == {
        "capability": "schedule_showing",
        "params": {"bike_id": "BK-1234", "date": "2026-03-06"},
    }
    assert await _refused(workshop, "cancel the showing of BK-1234 on Friday")


async def test_an_irregular_past_verb_reads_dates_backwards(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "went cycling on Monday for 40 minutes")
    assert step == {
        "capability": "log_session",
        "params": {"activity": "cycling", "date": "2026-03-02", "moving_time": 40},
    }
    [step] = await _steps(workshop, "I swam 2 km on Monday")
    assert step["params"]["date"] == "2026-03-02"


async def test_a_word_of_like_meaning_names_an_enum_value(workshop: pf.Node) -> None:
    # no word of "swimming" is said, but "pool" means it (by the shipped embedding)
    [step] = await _steps(workshop, "log a session for today at the pool, 2 km")
    assert step["params"] == {"activity": "swimming", "date": TODAY, "distance_km": 2}
    # a word close to no value in particular leaves the field empty (the value is asked for)
    with pytest.raises(pf.errors.PacketFlowError) as info:
        await _steps(workshop, "log a session for today with Sam, 2 km")
    assert info.value.code == "E422"


async def test_a_term_or_an_id_of_the_registry_is_no_free_text(workshop: pf.Node) -> None:
    # "GPX" is a word find_routes is tagged with: a thing of the domain, not a rider; and the
    # bike's tag, an id lend_bike's own pattern takes, is no town for find_routes either
    assert await _refused(workshop, "lend BK-1234 with the GPX")
    [step] = await _steps(workshop, "lend BK-1234 with Sam")
    assert step["params"] == {"bike_id": "BK-1234", "rider": "Sam"}


async def test_initials_are_part_of_a_name(workshop: pf.Node) -> None:
    [step] = await _steps(workshop, "register frame 123456789012 for Ursula K. Le Guin")
    assert step["params"] == {"serial": "123456789012", "owner": "Ursula K. Le Guin"}
    [step] = await _steps(workshop, "register frame 123456789012 for J. R. Hartley")
    assert step["params"] == {"serial": "123456789012", "owner": "J. R. Hartley"}
    # a capital letter after a lower-case word may still end a sentence
    steps = await _steps(
        workshop, "register frame 123456789012 for plan B. Then lend BK-1234 to Sam"
    )
    assert [s["capability"] for s in steps] == ["register_frame", "lend_bike"]
