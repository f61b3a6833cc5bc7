"""The planner on a registry and phrasings of these tests' own (``workshop_registry``): the
mechanisms that do not depend on any set's words, end to end through ``nl_planning.plan``."""

from __future__ import annotations

from typing import Any

import pytest
from workshop_registry import CAPABILITIES, TODAY

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule


@pytest.fixture
async def workshop(module_node: pf.Node, register_module: Any) -> pf.Node:
    module_node.register(CAPABILITIES)
    await register_module(NlPlanningModule, config={"cache_size": 0})
    return module_node


async def _steps(node: pf.Node, text: str) -> list[dict[str, Any]]:
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    steps: list[dict[str, Any]] = out["steps"]
    return steps


async def _refused(node: pf.Node, text: str) -> bool:
    try:
        await _steps(node, text)
    except pf.errors.NotFoundError:
        return True
    return False


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
