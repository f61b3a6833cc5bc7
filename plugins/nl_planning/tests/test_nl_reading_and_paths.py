"""Reading requests known by an id, measures that are never ids, and file paths, on a registry
of these tests' own (``kennel_registry``)."""

from __future__ import annotations

from typing import Any

import pytest
from kennel_registry import CAPABILITIES, TODAY
from planned import is_refused, plan_steps, planner_on

import packetflow as pf


@pytest.fixture
async def kennel(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def _steps(node: pf.Node, text: str) -> list[dict[str, Any]]:
    return await plan_steps(node, text, TODAY)


async def _refused(node: pf.Node, text: str) -> bool:
    return await is_refused(node, text, TODAY)


async def test_a_question_about_an_id_only_a_reading_capability_takes(kennel: pf.Node) -> None:
    # "confirmed" is no word of get_booking_status; the id by its pattern, a question (only
    # reading) and nothing else said make it the one meant.
    [step] = await _steps(kennel, "is BK12345 confirmed?")
    assert step == {"capability": "get_booking_status", "params": {"booking": "BK12345"}}


async def test_a_measure_is_never_an_id(kennel: pf.Node) -> None:
    # "1500" fits the run number's pattern, but "1500 metres" is a distance.
    assert await _refused(kennel, "the dogs ran 1500 metres this morning")


async def test_a_path_and_a_file_name_are_taken_whole(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "share /vet/records/rex.pdf with ana@example.org")
    assert step == {
        "capability": "share_document",
        "params": {"path": "/vet/records/rex.pdf", "email": "ana@example.org"},
    }
    # The full stop of "rex.pdf" ends no sentence.
    [step] = await _steps(kennel, "share rex.pdf with ana@example.org")
    assert step["params"] == {"path": "rex.pdf", "email": "ana@example.org"}


def test_getting_the_status_of_a_booking_reads_it() -> None:
    from packetflow_nl_planning.capability_actions import capability_action

    # "booking" names an action (book), but it is what the status is of: the capability
    # reads, it books nothing.
    action = capability_action("get_booking_status", "Get the status of a boarding booking")
    assert action.query and "book" not in action.classes


async def test_a_later_step_takes_a_value_an_earlier_one_was_given(kennel: pf.Node) -> None:
    # The bath is for the booking just named: the same required field, the same value.
    first, second = await _steps(kennel, "check the status of BK12345, then add a bath")
    assert first == {"capability": "get_booking_status", "params": {"booking": "BK12345"}}
    assert second == {"capability": "add_bath", "params": {"booking": "BK12345"}}


async def test_the_pieces_of_a_code_are_no_words_to_explain(kennel: pf.Node) -> None:
    # The van's registration is free text; "VN", "XYZ" are no topic the capability must cover.
    [step] = await _steps(kennel, "log 12000 miles for VN65XYZ")
    assert step == {
        "capability": "log_odometer",
        "params": {"van": "VN65XYZ", "odometer_km": 19312},
    }


async def test_a_day_is_never_a_name(kennel: pf.Node) -> None:
    # The town is missing: "next Monday" is a date, not where to search.
    with pytest.raises(pf.errors.ContractViolationError):
        await _steps(kennel, "any kennels for next Monday?")


def test_getting_the_bill_reads_it_and_getting_a_refund_asks_for_one() -> None:
    from packetflow_nl_planning.capability_actions import capability_action

    # A reading verb before a definite thing reads it, whatever verb the noun is as well...
    bill = capability_action("get_gas_bill", "Get the gas bill for a month")
    assert bill.query and "charge" not in bill.classes
    # ... a reading noun keeps its sense, and "a refund" is still one to obtain.
    assert "forecast" in capability_action("get_outlook", "Get the forecast for a city").classes
    assert "refund" in capability_action("request_money_back", "Get a refund for an order").classes


async def test_a_plain_lower_case_word_is_no_id(kennel: pf.Node) -> None:
    # "window" upper-cased fits ^[A-Z0-9]{6}$, but a word of the sentence is no reference;
    # "k7q2zp" (letters and digits) is one, given in the pattern's case.
    with pytest.raises(pf.errors.ContractViolationError):
        await _steps(kennel, "show the invoice for the window")
    [step] = await _steps(kennel, "show invoice k7q2zp")
    assert step == {"capability": "show_invoice", "params": {"ref": "K7Q2ZP"}}


def test_the_digits_of_a_code_are_no_count() -> None:
    from packetflow_nl_planning.numbers import number_mentions

    assert number_mentions("seat 3A on 9XBB41") == []
    assert [m.value for m in number_mentions("3kg, 5pm, the 2nd, 90k")] == [3, 5, 2, 90000]


async def test_a_host_field_takes_an_address_or_a_domain_whole(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "check camera 192.168.1.20")
    assert step == {"capability": "check_camera", "params": {"host": "192.168.1.20"}}
    [step] = await _steps(kennel, "is the camera at cam2.kennel.example online?")
    assert step == {"capability": "check_camera", "params": {"host": "cam2.kennel.example"}}
