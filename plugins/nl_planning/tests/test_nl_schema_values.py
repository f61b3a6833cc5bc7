"""Values read from the schema on a registry of these tests' own (``kennel_registry``): a
period written the way a field's ``pattern`` asks, a count whose noun follows adjectives, and a
count after a comma that is a detail, not a new request."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from club_registry import CAPABILITIES as CLUB
from club_registry import TODAY as CLUB_TODAY
from kennel_registry import CAPABILITIES, TODAY
from planned import plan_steps, planner_on

import packetflow as pf


@pytest.fixture
async def kennel(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


async def _steps(node: pf.Node, text: str) -> list[dict[str, Any]]:
    return await plan_steps(node, text, TODAY)


async def test_a_period_written_as_the_fields_pattern_asks(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "statement for AC1234 for February 2026")
    assert step == {
        "capability": "get_statement",
        "params": {"account": "AC1234", "period": "2026-02"},
    }
    [step] = await _steps(kennel, "show the statement of AC1234 for last month")
    assert step["params"]["period"] == "2026-04"


async def test_a_day_is_no_id_of_a_field_that_holds_no_date(kennel: pf.Node) -> None:
    # 2026-05-15 written 20260515 fits the parcel number's pattern, but a parcel number is no
    # day: the value is missing (E422), never made up from the date.
    with pytest.raises(pf.errors.ContractViolationError):
        await _steps(kennel, "track the parcel that was sent on Friday")


def test_the_forms_of_a_period_fit_only_the_patterns_that_take_them() -> None:
    from packetflow_nl_planning.slots.id_fields import _date_forms

    month = _date_forms(date(2026, 2, 1), date(2026, 2, 28))
    assert "2026-02" in month and "02/2026" in month
    assert not any(re.fullmatch(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", f) for f in month)
    quarter = _date_forms(date(2026, 4, 1), date(2026, 6, 30))
    assert "2026-Q2" in quarter and not any(
        re.fullmatch(r"^[0-9]{4}-[0-9]{2}$", f) for f in quarter
    )
    assert _date_forms(date(2026, 1, 1), date(2026, 12, 31))[-1] == "2026"
    assert _date_forms(date(2026, 3, 5), date(2026, 3, 5))[0] == "2026-03-05"


async def test_a_count_whose_noun_follows_an_adjective(kennel: pf.Node) -> None:
    # "unsupervised" is a word of the capability (an enum value) in an inflected form: it is
    # not what the number counts; "passes" is, and the quantity field is "how many passes".
    [step] = await _steps(kennel, "buy two unsupervised day passes")
    assert step == {
        "capability": "buy_passes",
        "params": {"kind": "day", "quantity": 2, "care": "unsupervised"},
    }


async def test_a_count_after_a_comma_is_a_detail_not_a_request(kennel: pf.Node) -> None:
    # "star" is a verb as well ("star a message"); after a number it is the noun.
    [step] = await _steps(kennel, "kennels near Leeds, 4 stars at least")
    assert step == {"capability": "find_kennels", "params": {"town": "Leeds", "min_rating": 4}}


async def test_an_enum_value_named_by_the_verb_of_its_agent_noun(kennel: pf.Node) -> None:
    # "edit" for the value "editor" (the one who edits).
    [step] = await _steps(kennel, "give ana@example.org edit access to rex.pdf")
    assert step == {
        "capability": "share_document",
        "params": {"path": "rex.pdf", "email": "ana@example.org", "access": "editor"},
    }


async def test_the_two_ends_of_a_conversion_take_the_first_and_last_currency(
    kennel: pf.Node,
) -> None:
    [step] = await _steps(kennel, "convert 250 euros into dollars")
    assert step == {
        "capability": "convert_fee",
        "params": {"amount": 250, "from_currency": "EUR", "to_currency": "USD"},
    }
    [step] = await _steps(kennel, "convert £40 to yen")
    assert step["params"] == {"amount": 40, "from_currency": "GBP", "to_currency": "JPY"}


async def test_thousands_written_with_k(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "bill ana@example.org 1.2k euros")
    assert step["params"] == {"owner_email": "ana@example.org", "amount": 1200, "currency": "EUR"}


async def test_a_flag_named_in_the_other_spelling(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "print a collar tag for DG-0042 in colour")
    assert step == {
        "capability": "print_collar_tag",
        "params": {"dog_id": "DG-0042", "color": True},
    }


def test_a_gerund_that_names_a_kind_is_no_verb_of_the_user() -> None:
    from packetflow_nl_planning.capability_actions import described_verbs

    # "filing status" is a kind of status: a request to *file* something is not what the
    # capability's user does; "add a lock" starts with the user's verb.
    assert described_verbs(["filing status"]) == frozenset()
    assert "add" in described_verbs(["add a lock"])


async def test_a_value_of_letters_and_digits_the_tokens_split(kennel: pf.Node) -> None:
    # "A3" is one value though the words split it; "get <link> printed": the causative.
    [step] = await _steps(kennel, "get https://files.example.org/menu.pdf printed on A3")
    assert step == {
        "capability": "print_notice",
        "params": {"file_url": "https://files.example.org/menu.pdf", "paper": "A3"},
    }


async def test_a_fact_stated_after_the_request_fills_it(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "bill 40 euros for the stay. my email is ana@example.org")
    assert step == {
        "capability": "send_bill",
        "params": {"owner_email": "ana@example.org", "amount": 40, "currency": "EUR"},
    }


async def test_durations_side_by_side_are_one(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "log a walk for DG-0042: 1 hour 20 minutes")
    assert step == {
        "capability": "log_walk",
        "params": {"dog_id": "DG-0042", "duration_minutes": 80},
    }


async def test_a_time_range_with_one_meridiem(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "book the play area on Monday 9-10am")
    assert step == {
        "capability": "book_play_area",
        "params": {"date": "2026-05-18", "start_time": "09:00", "end_time": "10:00"},
    }
    [step] = await _steps(kennel, "book the play area on Monday 11-1pm")
    assert step["params"]["start_time"] == "11:00" and step["params"]["end_time"] == "13:00"


async def test_a_verbs_word_after_a_possessive_is_a_topic(kennel: pf.Node) -> None:
    # "bill" is a verb as well; "my bill" is the thing the call is about.
    [step] = await _steps(kennel, "call +447700900123 about my bill")
    assert step == {
        "capability": "call_owner",
        "params": {"phone": "+447700900123", "topic": "bill"},
    }


async def test_with_lists_the_items_of_a_list_field(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "dog treat recipes with oats and peanut butter")
    assert step == {
        "capability": "suggest_treats",
        "params": {"ingredients": ["oats", "peanut butter"]},
    }


async def test_days_of_a_weekday_enum_by_name_or_group(kennel: pf.Node) -> None:
    [step] = await _steps(kennel, "alarm at 6:30 on weekdays")
    assert step == {
        "capability": "set_alarm",
        "params": {"time": "06:30", "days": ["mon", "tue", "wed", "thu", "fri"]},
    }
    [step] = await _steps(kennel, "alarm at 7:15 on Mondays and Thursdays")
    assert step == {"capability": "set_alarm", "params": {"time": "07:15", "days": ["mon", "thu"]}}


async def test_an_id_written_in_groups_its_pattern_allows(
    module_node: pf.Node, register_module: Any
) -> None:
    # A pattern with a space ("AB12 CDE", a UK plate) takes the two groups as one id; written
    # together, the same id fills it too.
    node = await planner_on(module_node, register_module, CLUB)
    for said in ("AB12 CDE", "ab12 cde", "AB12CDE"):
        [step] = await plan_steps(node, f"reserve a parking space for {said} on Friday", CLUB_TODAY)
        assert step["capability"] == "reserve_parking"
        assert step["params"]["plate"] in ("AB12 CDE", "AB12CDE")
        assert step["params"]["date"] == "2026-06-12"
