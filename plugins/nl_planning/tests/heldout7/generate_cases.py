"""Writes ``cases.json`` for the seventh held-out set (``heldout7``): the requests and their
expected plans, with every date computed by ``datetime`` from the case's ``today``.

Written blind (see ``README.md``): the expected answers come from the text and the schemas of
``registry.py`` alone. Cases are written in pairs of one kind (single, wired multi-step, other
multi-step, near miss, off-domain); the first of a pair gets an odd id (the tuning half), the
second an even one (the test half), and the pairs of the kinds are interleaved so any stretch of
ids holds a mix.

    python3 plugins/nl_planning/tests/heldout7/generate_cases.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# The days the requests are made on (7 of them, one across the year boundary).
T1 = dt.date(2027, 1, 11)  # Monday
T2 = dt.date(2027, 2, 18)  # Thursday
T3 = dt.date(2027, 4, 10)  # Saturday
T4 = dt.date(2027, 6, 16)  # Wednesday
T5 = dt.date(2027, 8, 13)  # Friday
T6 = dt.date(2027, 10, 26)  # Tuesday
T7 = dt.date(2027, 12, 29)  # Wednesday

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

Case = tuple[str, dt.date, Any, list[str]]


def ahead(today: dt.date, weekday: int) -> str:
    """The next such weekday, today excluded (scheduling)."""
    return (today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)).isoformat()


def back(today: dt.date, weekday: int) -> str:
    """The last such weekday, today excluded (recording)."""
    return (today - dt.timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)).isoformat()


def plus(today: dt.date, days: int) -> str:
    return (today + dt.timedelta(days=days)).isoformat()


def next_week(today: dt.date, weekday: int) -> str:
    """That day of next week (weeks run Monday to Sunday)."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return (monday + dt.timedelta(days=weekday)).isoformat()


def last_week(today: dt.date) -> tuple[str, str]:
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def last_month(today: dt.date) -> tuple[str, str]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1).isoformat(), end.isoformat()


def day_ahead(today: dt.date, day: int) -> str:
    """The next date with this day of the month, today excluded."""
    date = today + dt.timedelta(days=1)
    while date.day != day:
        date += dt.timedelta(days=1)
    return date.isoformat()


def period(dates: tuple[str, str]) -> dict[str, str]:
    """A report's ``from_date`` and ``to_date``."""
    return {"from_date": dates[0], "to_date": dates[1]}


def d(year: int, month: int, day: int) -> str:
    return dt.date(year, month, day).isoformat()


def s(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> dict[str, Any]:
    """One expected step."""
    step: dict[str, Any] = {"capability": capability, "params": params}
    if wired:
        step["wired"] = wired
    return step


R = "refuse"

# --- single-step requests, in pairs ----------------------------------------------------------

SINGLE: list[tuple[Case, Case]] = [
    # hot air balloon rides
    (
        (
            "any ballon flights from Longleat on Saturday? there are 3 of us",
            T4,
            [
                s(
                    "search_balloon_flights",
                    launch_site="Longleat",
                    date=ahead(T4, SAT),
                    passengers=3,
                )
            ],
            ["question", "typo", "weekday"],
        ),
        (
            "Is there a sunrise balloon going up from Ashton Court on the 21st?",
            T5,
            [
                s(
                    "search_balloon_flights",
                    launch_site="Ashton Court",
                    date=day_ahead(T5, 21),
                    flight_time="sunrise",
                )
            ],
            ["question", "day_of_month", "enum_meaning"],
        ),
    ),
    (
        (
            "put 2 of us on balloon flight BF-30418, tickets to marta.k@example.com",
            T2,
            [
                s(
                    "book_balloon_seats",
                    flight_id="BF-30418",
                    passengers=2,
                    email="marta.k@example.com",
                )
            ],
            ["email", "vocabulary"],
        ),
        (
            "bf-77120 for four people please, lead passenger Owen Price, email"
            " owen.price@example.net",
            T6,
            [
                s(
                    "book_balloon_seats",
                    flight_id="BF-77120",
                    passengers=4,
                    lead_passenger="Owen Price",
                    email="owen.price@example.net",
                )
            ],
            ["lower_case_id", "polite", "numbers_in_words", "terse", "labelled"],
        ),
    ),
    (
        (
            "Our balloon flight got scrubbed because of the wind (booking BB-41092) - can we go on"
            " Sunday instead?",
            T3,
            [s("rebook_balloon_flight", booking_ref="BB-41092", new_date=ahead(T3, SUN))],
            ["statement", "question", "context_first", "weekday"],
        ),
        (
            "Booking a balloon ride for my parents' anniversary: flight BF-50233, two passengers,"
            " together they weigh about 24 stone, send it to jo.hale@example.com",
            T4,
            [
                s(
                    "book_balloon_seats",
                    flight_id="BF-50233",
                    passengers=2,
                    combined_weight_kg=152.407,
                    email="jo.hale@example.com",
                )
            ],
            ["context_first", "unit", "numbers_in_words"],
        ),
    ),
    (
        (
            "move BB-20931 to the evening flight on 2 May",
            T3,
            [
                s(
                    "rebook_balloon_flight",
                    booking_ref="BB-20931",
                    new_date=d(2027, 5, 2),
                    flight_time="evening",
                )
            ],
            ["terse", "vocabulary", "date"],
        ),
        (
            "rebok my baloon BB-66120 onto the sunrise flight next Friday",
            T3,
            [
                s(
                    "rebook_balloon_flight",
                    booking_ref="BB-66120",
                    new_date=ahead(T3, FRI),
                    flight_time="sunrise",
                )
            ],
            ["typo", "date_next"],
        ),
    ),
    # amateur radio
    (
        (
            "log a contact with G4XYZ on 7.074 FT8 today",
            T2,
            [
                s(
                    "log_radio_contact",
                    callsign="G4XYZ",
                    frequency_mhz=7.074,
                    mode="ft8",
                    contact_date=T2.isoformat(),
                )
            ],
            ["terse"],
        ),
        (
            "Just worked DL1ABC on 14.230 SSB at 1432 UTC, gave him a 59",
            T2,
            [
                s(
                    "log_radio_contact",
                    callsign="DL1ABC",
                    frequency_mhz=14.23,
                    mode="ssb",
                    contact_date=T2.isoformat(),
                    time_utc="14:32",
                    rst_sent="59",
                )
            ],
            ["statement", "time", "vocabulary"],
        ),
    ),
    (
        (
            "m0pqr, 145.500 fm, yesterday evening, notes: Dave in Hull, mobile on the M62",
            T6,
            [
                s(
                    "log_radio_contact",
                    callsign="M0PQR",
                    frequency_mhz=145.5,
                    mode="fm",
                    contact_date=plus(T6, -1),
                    notes="Dave in Hull, mobile on the M62",
                )
            ],
            ["lower_case_id", "labelled", "terse", "date_past"],
        ),
        (
            "had a cw contcat with EI7GL on 3.560 on saturday, rst 579",
            T4,
            [
                s(
                    "log_radio_contact",
                    callsign="EI7GL",
                    frequency_mhz=3.56,
                    mode="cw",
                    contact_date=back(T4, SAT),
                    rst_sent="579",
                )
            ],
            ["typo", "statement", "weekday_past"],
        ),
    ),
    (
        (
            "how many contacts did I make last month",
            T5,
            [s("get_contact_log", **period(last_month(T5)))],
            ["question", "date_range"],
        ),
        (
            "show my 20m contacts since the 1st",
            T6,
            [
                s(
                    "get_contact_log",
                    from_date=d(2027, 10, 1),
                    to_date=T6.isoformat(),
                    band="20m",
                )
            ],
            ["date_range", "terse"],
        ),
    ),
    (
        (
            "have I ever worked W1AW?",
            T4,
            [s("get_contact_log", callsign="W1AW")],
            ["question", "vocabulary"],
        ),
        (
            "send in my CQ WW entry as single op, call G3ZZT, email g3zzt@example.org",
            T6,
            [
                s(
                    "submit_contest_log",
                    contest="cq_ww",
                    callsign="G3ZZT",
                    email="g3zzt@example.org",
                    category="single_op",
                )
            ],
            ["enum_meaning", "terse"],
        ),
    ),
    (
        (
            "Field day's over - put our log in as multi-op under GB2FD, reply to"
            " secretary@example.org",
            T4,
            [
                s(
                    "submit_contest_log",
                    contest="field_day",
                    callsign="GB2FD",
                    category="multi_op",
                    email="secretary@example.org",
                )
            ],
            ["statement", "context_first", "enum_meaning"],
        ),
        (
            "QRP entry for the IARU HF championship, callsign 2E0KLM, email kim.lee@example.com",
            T5,
            [
                s(
                    "submit_contest_log",
                    contest="iaru_hf",
                    category="qrp",
                    callsign="2E0KLM",
                    email="kim.lee@example.com",
                )
            ],
            ["terse", "enum_meaning"],
        ),
    ),
    # smart oven
    (
        (
            "oven to 180 please",
            T2,
            [s("preheat_oven", temperature_celsius=180)],
            ["terse", "polite"],
        ),
        (
            "Can you heat the oven to 400F for roast potatoes?",
            T6,
            [s("preheat_oven", temperature_celsius=204)],
            ["question", "unit"],
        ),
    ),
    (
        (
            "grill on, 220",
            T4,
            [s("preheat_oven", temperature_celsius=220, mode="grill")],
            ["terse", "vocabulary"],
        ),
        (
            "I'm baking bread in 20 minutes, get the oven up to two hundred and thirty on"
            " conventional",
            T3,
            [s("preheat_oven", temperature_celsius=230, mode="conventional")],
            ["numbers_in_words", "context_first"],
        ),
    ),
    (
        (
            "oven timmer for 25 minutes",
            T1,
            [s("set_oven_timer", duration_minutes=25)],
            ["terse", "typo"],
        ),
        (
            "make the oven beep in an hour and a half and turn itself off",
            T5,
            [s("set_oven_timer", duration_minutes=90, switch_off_at_end=True)],
            ["unit", "duration"],
        ),
    ),
    (
        (
            "the pie needs 40 mins, let me know when it's done",
            T7,
            [s("set_oven_timer", duration_minutes=40)],
            ["statement", "vocabulary"],
        ),
        (
            "turn the oven off",
            T2,
            [s("switch_off_oven")],
            ["terse"],
        ),
    ),
    (
        (
            "finished cooking, kill the oven but leave the light on",
            T6,
            [s("switch_off_oven", keep_light_on=True)],
            ["statement", "vocabulary"],
        ),
        (
            "ovn off",
            T4,
            [s("switch_off_oven")],
            ["terse", "typo"],
        ),
    ),
    # chimney sweep
    (
        (
            "book the sweep for the wood burner at HG1 2PW on Tuesday next week",
            T1,
            [
                s(
                    "book_chimney_sweep",
                    postcode="HG1 2PW",
                    appliance="wood_burner",
                    date=next_week(T1, TUE),
                )
            ],
            ["date_next_week"],
        ),
        (
            "Chimney needs doing before winter - open fire, two flues, LS6 2QB, 3 November at 10am",
            T6,
            [
                s(
                    "book_chimney_sweep",
                    postcode="LS6 2QB",
                    appliance="open_fire",
                    flues=2,
                    date=d(2027, 11, 3),
                    time="10:00",
                )
            ],
            ["statement", "numbers_in_words", "time"],
        ),
    ),
    (
        (
            "Our range cooker flue keeps smoking, could a sweep come on Friday? postcode yo1 7hh",
            T1,
            [
                s(
                    "book_chimney_sweep",
                    postcode="YO1 7HH",
                    appliance="range_cooker",
                    date=ahead(T1, FRI),
                )
            ],
            ["statement", "question", "lower_case_id", "context_first"],
        ),
        (
            "cancel the sweep, CS-30481",
            T2,
            [s("cancel_chimney_sweep", booking_ref="CS-30481")],
            ["terse"],
        ),
    ),
    (
        (
            "We had the gas fire taken out so CS-11873 isn't needed any more. Reason: fire removed",
            T3,
            [s("cancel_chimney_sweep", booking_ref="CS-11873", reason="fire removed")],
            ["statement", "labelled"],
        ),
        (
            "need the sweep certificate for CS-44120 emailed to home@example.co.uk for the"
            " insurance",
            T2,
            [s("request_sweep_certificate", booking_ref="CS-44120", email="home@example.co.uk")],
            ["statement"],
        ),
    ),
    (
        (
            "my insurer wants proof the chimney was swept - booking cs-20099, send it to"
            " r.patel@example.com",
            T6,
            [s("request_sweep_certificate", booking_ref="CS-20099", email="r.patel@example.com")],
            ["statement", "lower_case_id", "context_first"],
        ),
        (
            "a 500g bag of Ethiopia Guji, ground for filter",
            T4,
            [s("order_coffee_beans", coffee="Ethiopia Guji", weight_g=500, grind="filter")],
            ["terse"],
        ),
    ),
    # coffee roastery
    (
        (
            "two 1kg bags of 'Night Shift', whole bean",
            T5,
            [
                s(
                    "order_coffee_beans",
                    coffee="Night Shift",
                    weight_g=1000,
                    bags=2,
                    grind="whole_bean",
                )
            ],
            ["quoted", "numbers_in_words", "unit", "terse"],
        ),
        (
            "I've got a moka pot now - could I get 250g of Colombia Huila ground for it?",
            T2,
            [s("order_coffee_beans", coffee="Colombia Huila", weight_g=250, grind="moka_pot")],
            ["polite", "context_first", "question", "reference"],
        ),
    ),
    (
        (
            "pause my beans subscription until 5 July",
            T4,
            [s("pause_coffee_subscription", until=d(2027, 7, 5))],
            ["date"],
        ),
        (
            "Too much coffee piling up in the cupboard, can we skip the deliveries for a bit?",
            T2,
            [s("pause_coffee_subscription")],
            ["statement", "question", "vocabulary"],
        ),
    ),
    (
        (
            "paus coffee subscripton",
            T6,
            [s("pause_coffee_subscription")],
            ["typo", "terse"],
        ),
        (
            "start my coffee deliveries again",
            T1,
            [s("resume_coffee_subscription")],
            ["vocabulary"],
        ),
    ),
    (
        (
            "I'm back home, get the roastery subscription going again from Monday",
            T5,
            [s("resume_coffee_subscription", from_date=ahead(T5, MON))],
            ["context_first", "weekday"],
        ),
        (
            "beans back on please, from 4 January",
            T7,
            [s("resume_coffee_subscription", from_date=d(2028, 1, 4))],
            ["polite", "terse", "year_boundary"],
        ),
    ),
    (
        (
            "switch my subscription to espresso grind",
            T3,
            [s("change_coffee_grind", grind="espresso")],
            [],
        ),
        (
            "bought a cafetière, can the subscription beans come ground for that?",
            T6,
            [s("change_coffee_grind", grind="cafetiere")],
            ["statement", "question", "enum_meaning"],
        ),
    ),
    (
        (
            "whole beans from now on, I've got a grinder",
            T1,
            [s("change_coffee_grind", grind="whole_bean")],
            ["statement", "terse"],
        ),
        (
            "bowling lane for 6 on Saturday at 7pm",
            T5,
            [s("book_bowling_lane", date=ahead(T5, SAT), time="19:00", players=6)],
            ["terse", "time"],
        ),
    ),
    # bowling alley
    (
        (
            "Kids' party: 8 children, 2 games each, bumpers up, Sunday 2pm",
            T3,
            [
                s(
                    "book_bowling_lane",
                    date=ahead(T3, SUN),
                    time="14:00",
                    players=8,
                    games=2,
                    bumpers=True,
                )
            ],
            ["context_first", "terse", "time"],
        ),
        (
            "Could we get a lane tonight at half eight for four of us, three games?",
            T6,
            [s("book_bowling_lane", date=T6.isoformat(), time="20:30", players=4, games=3)],
            ["polite", "question", "numbers_in_words", "time"],
        ),
    ),
    (
        (
            "cancel bowling BL-40112",
            T4,
            [s("cancel_bowling_lane", booking_id="BL-40112")],
            ["terse"],
        ),
        (
            "we can't make bowling tonight, booking bl-30990",
            T2,
            [s("cancel_bowling_lane", booking_id="BL-30990")],
            ["statement", "lower_case_id", "vocabulary"],
        ),
    ),
    (
        (
            "what did everyone score at bowling? booking BL-22018",
            T3,
            [s("get_lane_scores", booking_id="BL-22018")],
            ["question"],
        ),
        (
            "how did Priya do on BL-51230",
            T5,
            [s("get_lane_scores", booking_id="BL-51230", player="Priya")],
            ["question", "vocabulary"],
        ),
    ),
    (
        (
            "bowlng scores for BL-19003 pls",
            T7,
            [s("get_lane_scores", booking_id="BL-19003")],
            ["typo", "terse", "polite"],
        ),
        (
            "top up my toll tag with 30 euros",
            T4,
            [s("top_up_toll_account", amount=30, currency="EUR")],
            ["money"],
        ),
    ),
    # motorway toll tag
    (
        (
            "put £25 on tag TT20417735",
            T1,
            [s("top_up_toll_account", amount=25, currency="GBP", tag_number="TT20417735")],
            ["money", "terse"],
        ),
        (
            "Add fifty quid to the toll account",
            T3,
            [s("top_up_toll_account", amount=50, currency="GBP")],
            ["money", "numbers_in_words"],
        ),
    ),
    (
        (
            "how much did I spend on tolls last week",
            T4,
            [s("get_toll_statement", **period(last_week(T4)))],
            ["question", "date_range"],
        ),
        (
            "toll statment for tt55120981 from 1 to 15 March",
            T3,
            [
                s(
                    "get_toll_statement",
                    tag_number="TT55120981",
                    from_date=d(2027, 3, 1),
                    to_date=d(2027, 3, 15),
                )
            ],
            ["typo", "lower_case_id", "date_range", "terse"],
        ),
    ),
    (
        (
            "what did the motorway cost me in September?",
            T6,
            [s("get_toll_statement", from_date=d(2027, 9, 1), to_date=d(2027, 9, 30))],
            ["question", "date_range", "vocabulary"],
        ),
        (
            "add my van YF19 ABC to the toll tag",
            T2,
            [s("add_vehicle_to_tag", plate="YF19 ABC", vehicle_class="van")],
            ["enum_meaning"],
        ),
    ),
    (
        (
            "new car on the tag, reg ab21 xyz",
            T5,
            [s("add_vehicle_to_tag", plate="AB21 XYZ")],
            ["lower_case_id", "terse", "statement"],
        ),
        (
            "put the motorhome KM68 RTE on tag TT30018842",
            T6,
            [
                s(
                    "add_vehicle_to_tag",
                    plate="KM68 RTE",
                    vehicle_class="motorhome",
                    tag_number="TT30018842",
                )
            ],
            ["enum_meaning"],
        ),
    ),
    # knife sharpening
    (
        (
            "send 5 knives off for sharpning, postcode BS3 4QT",
            T2,
            [s("send_knives_for_sharpening", knives=5, postcode="BS3 4QT")],
            ["typo"],
        ),
        (
            "I've got six blunt knives, two of them bread knives - can you collect from SE15 3PA"
            " and send them back express?",
            T4,
            [
                s(
                    "send_knives_for_sharpening",
                    knives=6,
                    serrated=2,
                    postcode="SE15 3PA",
                    return_service="express",
                )
            ],
            ["statement", "numbers_in_words", "question", "enum_meaning"],
        ),
    ),
    (
        (
            "knife sharpening, 3 knives, ex4 6pn",
            T6,
            [s("send_knives_for_sharpening", knives=3, postcode="EX4 6PN")],
            ["terse", "lower_case_id"],
        ),
        (
            "where are my knives? order KS-30417",
            T3,
            [s("get_sharpening_status", order_id="KS-30417")],
            ["question"],
        ),
    ),
    (
        (
            "any news on ks-11208",
            T1,
            [s("get_sharpening_status", order_id="KS-11208")],
            ["question", "lower_case_id", "terse"],
        ),
        (
            "are my knifes sharp yet, KS-50991?",
            T5,
            [s("get_sharpening_status", order_id="KS-50991")],
            ["question", "typo"],
        ),
    ),
    # beach huts
    (
        (
            "beach huts free at Mudeford on Saturday?",
            T4,
            [
                s(
                    "search_beach_huts",
                    beach="Mudeford",
                    start_date=ahead(T4, SAT),
                    end_date=ahead(T4, SAT),
                )
            ],
            ["question", "terse", "date_range"],
        ),
        (
            "any huts at Southwold for 4 people from 2 to 6 August",
            T4,
            [
                s(
                    "search_beach_huts",
                    beach="Southwold",
                    guests=4,
                    start_date=d(2027, 8, 2),
                    end_date=d(2027, 8, 6),
                )
            ],
            ["question", "date_range"],
        ),
    ),
    (
        (
            "hut at Whitstable this weekend",
            T5,
            [
                s(
                    "search_beach_huts",
                    beach="Whitstable",
                    start_date=ahead(T5, SAT),
                    end_date=ahead(T5, SUN),
                )
            ],
            ["terse", "date_range"],
        ),
        (
            "rent HUT-041 from Monday to Wednesday",
            T5,
            [
                s(
                    "rent_beach_hut",
                    hut_id="HUT-041",
                    start_date=ahead(T5, MON),
                    end_date=plus(dt.date.fromisoformat(ahead(T5, MON)), 2),
                )
            ],
            ["date_range"],
        ),
    ),
    (
        (
            "Can we have hut-112 for three days starting on the 23rd? five of us",
            T5,
            [
                s(
                    "rent_beach_hut",
                    hut_id="HUT-112",
                    start_date=day_ahead(T5, 23),
                    end_date=plus(dt.date.fromisoformat(day_ahead(T5, 23)), 2),
                    guests=5,
                )
            ],
            ["polite", "question", "lower_case_id", "numbers_in_words", "date_range"],
        ),
        (
            "HUT-207, 1-3 July",
            T4,
            [
                s(
                    "rent_beach_hut",
                    hut_id="HUT-207",
                    start_date=d(2027, 7, 1),
                    end_date=d(2027, 7, 3),
                )
            ],
            ["terse", "date_range"],
        ),
    ),
    (
        (
            "add two more days to beach hut booking BH-30211",
            T5,
            [s("extend_beach_hut_rental", booking_ref="BH-30211", extra_days=2)],
            ["numbers_in_words"],
        ),
        (
            "The weather's glorious, can we keep the hut another day? BH-50112",
            T4,
            [s("extend_beach_hut_rental", booking_ref="BH-50112", extra_days=1)],
            ["statement", "question", "vocabulary", "context_first"],
        ),
    ),
    (
        (
            "extend bh-71002 by a week",
            T5,
            [s("extend_beach_hut_rental", booking_ref="BH-71002", extra_days=7)],
            ["lower_case_id", "unit", "terse"],
        ),
        (
            "Can someone dig out the driveway at HG1 2PW on Wednesday?",
            T1,
            [s("book_snow_clearing", postcode="HG1 2PW", area="driveway", date=ahead(T1, WED))],
            ["question", "weekday"],
        ),
    ),
    # snow clearing
    (
        (
            "the whole lot - drive, path and steps - cleared and gritted, ng7 2rd, tomorrow",
            T1,
            [
                s(
                    "book_snow_clearing",
                    postcode="NG7 2RD",
                    area="all",
                    grit=True,
                    date=plus(T1, 1),
                )
            ],
            ["terse", "lower_case_id", "enum_meaning"],
        ),
        (
            "The footpath outside the shop needs clearing today, about 400 sq ft, postcode M4 1HN",
            T7,
            [
                s(
                    "book_snow_clearing",
                    postcode="M4 1HN",
                    area="footpath",
                    area_m2=37.161,
                    date=T7.isoformat(),
                )
            ],
            ["statement", "unit"],
        ),
    ),
    (
        (
            "cancel snow clearing SC-20931",
            T1,
            [s("cancel_snow_clearing", job_id="SC-20931")],
            ["terse"],
        ),
        (
            "its all melted, cancle job sc-44810",
            T2,
            [s("cancel_snow_clearing", job_id="SC-44810")],
            ["typo", "statement", "lower_case_id"],
        ),
    ),
    (
        (
            "the snow guys don't need to come now, SC-11230",
            T7,
            [s("cancel_snow_clearing", job_id="SC-11230")],
            ["statement", "vocabulary"],
        ),
        (
            "10 bags of grit salt to LS6 2QB",
            T1,
            [s("order_grit_salt", bags=10, postcode="LS6 2QB")],
            ["terse"],
        ),
    ),
    (
        (
            "order six 10kg bags of rock salt for delivery on Monday, postcode YO1 7HH",
            T7,
            [
                s(
                    "order_grit_salt",
                    bags=6,
                    bag_kg=10,
                    postcode="YO1 7HH",
                    delivery_date=ahead(T7, MON),
                )
            ],
            ["numbers_in_words", "year_boundary", "weekday"],
        ),
        (
            "the paths are like an ice rink, need salt - 4 bags to DL3 0PT",
            T2,
            [s("order_grit_salt", bags=4, postcode="DL3 0PT")],
            ["statement", "vocabulary"],
        ),
    ),
    # satellite imagery
    (
        (
            "satellite pictures of Loch Ness from June, less than 20% cloud",
            T5,
            [
                s(
                    "search_satellite_scenes",
                    location="Loch Ness",
                    from_date=d(2027, 6, 1),
                    to_date=d(2027, 6, 30),
                    max_cloud_percent=20,
                )
            ],
            ["date_range", "terse"],
        ),
        (
            "any cloud-free scenes over 51.5,-0.12 last week?",
            T6,
            [
                s(
                    "search_satellite_scenes",
                    location="51.5,-0.12",
                    max_cloud_percent=0,
                    **period(last_week(T6)),
                )
            ],
            ["question", "date_range", "enum_meaning"],
        ),
    ),
    (
        (
            "any satellite shots of the Humber estuary?",
            T3,
            [s("search_satellite_scenes", location="Humber estuary")],
            ["question", "vocabulary"],
        ),
        (
            "order scene SCN-204117 as NDVI, link to gis@example.org",
            T4,
            [
                s(
                    "order_satellite_image",
                    scene_id="SCN-204117",
                    product="ndvi",
                    email="gis@example.org",
                )
            ],
            ["terse"],
        ),
    ),
    (
        (
            "I'd like scn-550128 in false colour as a jpeg please, send it to mo@example.com",
            T2,
            [
                s(
                    "order_satellite_image",
                    scene_id="SCN-550128",
                    product="false_colour",
                    file_format="jpeg",
                    email="mo@example.com",
                )
            ],
            ["polite", "lower_case_id", "enum_meaning"],
        ),
        (
            "full res of SCN-310442 to ana.ruiz@example.es",
            T6,
            [s("order_satellite_image", scene_id="SCN-310442", email="ana.ruiz@example.es")],
            ["terse", "vocabulary"],
        ),
    ),
    # knitting shop
    (
        (
            "crochet paterns for a baby blanket in dk",
            T3,
            [
                s(
                    "find_knitting_pattern",
                    query="baby blanket",
                    craft="crochet",
                    yarn_weight="dk",
                )
            ],
            ["typo", "terse"],
        ),
        (
            "free fair isle hat patterns?",
            T1,
            [s("find_knitting_pattern", query="fair isle hat", free_only=True)],
            ["question", "terse"],
        ),
    ),
    (
        (
            "Looking for something to knit for my dad - a cabled jumper in aran",
            T6,
            [s("find_knitting_pattern", query="cabled jumper", yarn_weight="aran")],
            ["statement", "context_first"],
        ),
        (
            "I'll take pattern PAT-30419, email lena@example.com",
            T4,
            [s("buy_knitting_pattern", pattern_id="PAT-30419", email="lena@example.com")],
            ["vocabulary", "terse"],
        ),
    ),
    (
        (
            "get me pat-11028, pdf to knitwit@example.co.uk",
            T2,
            [s("buy_knitting_pattern", pattern_id="PAT-11028", email="knitwit@example.co.uk")],
            ["lower_case_id", "terse"],
        ),
        (
            "Could you buy the PAT-77301 pattern for me? Same email as always: gran.b@example.com",
            T7,
            [s("buy_knitting_pattern", pattern_id="PAT-77301", email="gran.b@example.com")],
            ["polite", "question", "labelled"],
        ),
    ),
    (
        (
            "6 balls of Drops Alpaca in navy",
            T6,
            [s("order_yarn", yarn="Drops Alpaca", balls=6, colour="navy")],
            ["terse"],
        ),
        (
            "I need a dozen balls of 'Stylecraft Special', shade Lipstick",
            T3,
            [s("order_yarn", yarn="Stylecraft Special", balls=12, colour="Lipstick")],
            ["statement", "quoted", "numbers_in_words"],
        ),
    ),
    (
        (
            "ten balls of Rowan Big Wool, chunky, colour: forest green",
            T1,
            [
                s(
                    "order_yarn",
                    yarn="Rowan Big Wool",
                    balls=10,
                    yarn_weight="chunky",
                    colour="forest green",
                )
            ],
            ["numbers_in_words", "labelled", "terse"],
        ),
        (
            "sauna for 2 tomorrow at 7am",
            T3,
            [s("book_sauna_session", date=plus(T3, 1), time="07:00", people=2)],
            ["terse", "time"],
        ),
    ),
    # public sauna
    (
        (
            "private sauna for the six of us on Friday evening at 6, with the cold plunge",
            T6,
            [
                s(
                    "book_sauna_session",
                    date=ahead(T6, FRI),
                    time="18:00",
                    people=6,
                    private=True,
                    cold_plunge=True,
                )
            ],
            ["numbers_in_words", "time", "weekday"],
        ),
        (
            "sanua slot saturday 12:30",
            T2,
            [s("book_sauna_session", date=ahead(T2, SAT), time="12:30")],
            ["typo", "terse", "weekday"],
        ),
    ),
    (
        (
            "cancel my sauna SN-30419",
            T4,
            [s("cancel_sauna_session", booking_ref="SN-30419")],
            ["terse"],
        ),
        (
            "I've got a cold and won't make the sauna, booking sn-22014",
            T1,
            [s("cancel_sauna_session", booking_ref="SN-22014")],
            ["statement", "lower_case_id"],
        ),
    ),
    (
        (
            "please drop sauna booking SN-70021",
            T5,
            [s("cancel_sauna_session", booking_ref="SN-70021")],
            ["polite", "vocabulary"],
        ),
        (
            "10-visit sauna pass for Ruth Ellis, ruth.ellis@example.com",
            T7,
            [
                s(
                    "buy_sauna_pass",
                    sessions=10,
                    holder_name="Ruth Ellis",
                    email="ruth.ellis@example.com",
                )
            ],
            ["terse"],
        ),
    ),
    (
        (
            "I want a five-session sauna card, name Tom Baker, email tom@example.net",
            T2,
            [s("buy_sauna_pass", sessions=5, holder_name="Tom Baker", email="tom@example.net")],
            ["statement", "numbers_in_words", "labelled"],
        ),
        (
            "20 sauna visits on one card for my wife, Ana Costa - send it to ana.costa@example.pt",
            T6,
            [
                s(
                    "buy_sauna_pass",
                    sessions=20,
                    holder_name="Ana Costa",
                    email="ana.costa@example.pt",
                )
            ],
            ["vocabulary"],
        ),
    ),
    # tree surgery
    (
        (
            "how much to fell the big sycamoore at RH10 6LJ? it's about 50 ft tall",
            T4,
            [
                s(
                    "get_tree_work_quote",
                    postcode="RH10 6LJ",
                    work="fell",
                    height_m=15.24,
                )
            ],
            ["question", "typo", "unit"],
        ),
        (
            "quote for crown reduction on 3 oaks, gu1 3aa",
            T3,
            [
                s(
                    "get_tree_work_quote",
                    postcode="GU1 3AA",
                    work="crown_reduction",
                    trees=3,
                )
            ],
            ["terse", "lower_case_id"],
        ),
    ),
    (
        (
            "The hedge along the front is out of control - what would a trim cost? OX4 1AB",
            T5,
            [s("get_tree_work_quote", postcode="OX4 1AB", work="hedge_trim")],
            ["statement", "question", "context_first"],
        ),
        (
            "stump grinding for two stumps at CB1 2JD, what would that be?",
            T1,
            [
                s(
                    "get_tree_work_quote",
                    postcode="CB1 2JD",
                    work="stump_grinding",
                    trees=2,
                )
            ],
            ["question", "numbers_in_words"],
        ),
    ),
    (
        (
            "go ahead with tree quote TQ-30412 on Monday",
            T2,
            [s("book_tree_work", quote_id="TQ-30412", date=ahead(T2, MON))],
            ["weekday", "vocabulary"],
        ),
        (
            "book tq-11520 for 5 March, we'll keep the logs for the stove",
            T2,
            [s("book_tree_work", quote_id="TQ-11520", date=d(2027, 3, 5), remove_waste=False)],
            ["lower_case_id", "enum_meaning"],
        ),
    ),
    (
        (
            "tree surgeons for quote TQ-77001 on the 14th please",
            T7,
            [s("book_tree_work", quote_id="TQ-77001", date=day_ahead(T7, 14))],
            ["polite", "day_of_month", "terse", "year_boundary"],
        ),
        (
            "heat the oven to 375°F on conventional",
            T7,
            [s("preheat_oven", temperature_celsius=191, mode="conventional")],
            ["unit"],
        ),
    ),
]

# --- multi-step requests with an output wired into a later step, in pairs ---------------------

WIRED: list[tuple[Case, Case]] = [
    (
        (
            "find a balloon flight from Longleat on Sunday for 2 and book it, email"
            " sam.ng@example.com",
            T3,
            [
                s(
                    "search_balloon_flights",
                    launch_site="Longleat",
                    date=ahead(T3, SUN),
                    passengers=2,
                ),
                s(
                    "book_balloon_seats",
                    {"flight_id": [0, "flight_id"]},
                    passengers=2,
                    email="sam.ng@example.com",
                ),
            ],
            ["wired", "and", "reference"],
        ),
        (
            "Look for an evening balloon out of Ashton Court on 28 August for 3 people, then get"
            " us seats - tickets to lee.f@example.com, lead passenger Lee Ford",
            T5,
            [
                s(
                    "search_balloon_flights",
                    launch_site="Ashton Court",
                    date=d(2027, 8, 28),
                    passengers=3,
                    flight_time="evening",
                ),
                s(
                    "book_balloon_seats",
                    {"flight_id": [0, "flight_id"]},
                    passengers=3,
                    email="lee.f@example.com",
                    lead_passenger="Lee Ford",
                ),
            ],
            ["wired", "then", "reference", "labelled"],
        ),
    ),
    (
        (
            "find a hut at Southwold for 12 to 14 July and rent it for those dates",
            T4,
            [
                s(
                    "search_beach_huts",
                    beach="Southwold",
                    start_date=d(2027, 7, 12),
                    end_date=d(2027, 7, 14),
                ),
                s(
                    "rent_beach_hut",
                    {"hut_id": [0, "hut_id"]},
                    start_date=d(2027, 7, 12),
                    end_date=d(2027, 7, 14),
                ),
            ],
            ["wired", "and", "reference", "date_range"],
        ),
        (
            "Search huts at Mudeford for Saturday and Sunday, 4 people, and after that rent the"
            " first one",
            T4,
            [
                s(
                    "search_beach_huts",
                    beach="Mudeford",
                    start_date=ahead(T4, SAT),
                    end_date=ahead(T4, SUN),
                    guests=4,
                ),
                s(
                    "rent_beach_hut",
                    {"hut_id": [0, "hut_id"]},
                    start_date=ahead(T4, SAT),
                    end_date=ahead(T4, SUN),
                    guests=4,
                ),
            ],
            ["wired", "after that", "reference", "date_range"],
        ),
    ),
    (
        (
            "find satellite scenes of Loch Ness from last month under 15% cloud, then order the"
            " best one as NDVI to gis@example.org",
            T5,
            [
                s(
                    "search_satellite_scenes",
                    location="Loch Ness",
                    max_cloud_percent=15,
                    **period(last_month(T5)),
                ),
                s(
                    "order_satellite_image",
                    {"scene_id": [0, "scene_id"]},
                    product="ndvi",
                    email="gis@example.org",
                ),
            ],
            ["wired", "then", "date_range"],
        ),
        (
            "Search the archive for Anglesey images captured since 1 May and order one as a"
            " geotiff for ana@example.com",
            T4,
            [
                s(
                    "search_satellite_scenes",
                    location="Anglesey",
                    from_date=d(2027, 5, 1),
                    to_date=T4.isoformat(),
                ),
                s(
                    "order_satellite_image",
                    {"scene_id": [0, "scene_id"]},
                    file_format="geotiff",
                    email="ana@example.com",
                ),
            ],
            ["wired", "and", "date_range"],
        ),
    ),
    (
        (
            "find a crochet pattern for a granny square blanket and buy it - pdf to"
            " knit.nora@example.com",
            T6,
            [
                s("find_knitting_pattern", query="granny square blanket", craft="crochet"),
                s(
                    "buy_knitting_pattern",
                    {"pattern_id": [0, "pattern_id"]},
                    email="knit.nora@example.com",
                ),
            ],
            ["wired", "and"],
        ),
        (
            "sock pattern in 4ply please, buy whichever comes up first and email it to"
            " ellie@example.co.uk",
            T1,
            [
                s("find_knitting_pattern", query="sock", yarn_weight="4ply"),
                s(
                    "buy_knitting_pattern",
                    {"pattern_id": [0, "pattern_id"]},
                    email="ellie@example.co.uk",
                ),
            ],
            ["wired", "comma", "polite", "terse"],
        ),
    ),
    (
        (
            "get a qoute to prune 2 apple trees at OX4 1AB, then book the work for Friday",
            T1,
            [
                s("get_tree_work_quote", postcode="OX4 1AB", work="prune", trees=2),
                s("book_tree_work", {"quote_id": [0, "quote_id"]}, date=ahead(T1, FRI)),
            ],
            ["wired", "then", "typo", "weekday"],
        ),
        (
            "Price up felling a 20 m leylandii at RH10 6LJ; once that's done book the crew for the"
            " 3rd and have them take the waste away",
            T6,
            [
                s("get_tree_work_quote", postcode="RH10 6LJ", work="fell", height_m=20),
                s(
                    "book_tree_work",
                    {"quote_id": [0, "quote_id"]},
                    date=day_ahead(T6, 3),
                    remove_waste=True,
                ),
            ],
            ["wired", "once that's done", "day_of_month", "vocabulary"],
        ),
    ),
    (
        (
            "box up 4 knives from BS3 4QT for sharpening and then check on the order",
            T3,
            [
                s("send_knives_for_sharpening", knives=4, postcode="BS3 4QT"),
                s("get_sharpening_status", {"order_id": [0, "order_id"]}),
            ],
            ["wired", "and then", "vocabulary"],
        ),
        (
            "book the sweep for our wood burner at LS6 2QB on Thursday, then email the"
            " certificate to me at dan.o@example.com",
            T6,
            [
                s(
                    "book_chimney_sweep",
                    postcode="LS6 2QB",
                    appliance="wood_burner",
                    date=ahead(T6, THU),
                ),
                s(
                    "request_sweep_certificate",
                    {"booking_ref": [0, "booking_ref"]},
                    email="dan.o@example.com",
                ),
            ],
            ["wired", "then", "weekday"],
        ),
    ),
    (
        (
            "Chimney sweep for the open fire at HG1 2PW on 9 January, and I need the certificate"
            " sent to ins@example.co.uk afterwards",
            T7,
            [
                s(
                    "book_chimney_sweep",
                    postcode="HG1 2PW",
                    appliance="open_fire",
                    date=d(2028, 1, 9),
                ),
                s(
                    "request_sweep_certificate",
                    {"booking_ref": [0, "booking_ref"]},
                    email="ins@example.co.uk",
                ),
            ],
            ["wired", "and", "year_boundary", "statement"],
        ),
        (
            "search huts at Whitstable for Friday to Sunday, rent the first one, and top up my"
            " toll tag with 20 euros for the drive",
            T4,
            [
                s(
                    "search_beach_huts",
                    beach="Whitstable",
                    start_date=ahead(T4, FRI),
                    end_date=ahead(T4, SUN),
                ),
                s(
                    "rent_beach_hut",
                    {"hut_id": [0, "hut_id"]},
                    start_date=ahead(T4, FRI),
                    end_date=ahead(T4, SUN),
                ),
                s("top_up_toll_account", amount=20, currency="EUR"),
            ],
            ["wired", "comma", "three_steps", "money", "reference", "date_range"],
        ),
    ),
    (
        (
            "quote for grinding 3 stumps at CB1 2JD, book it for next Monday, and then get a sweep"
            " for the wood burner at the same address on the same day",
            T5,
            [
                s("get_tree_work_quote", postcode="CB1 2JD", work="stump_grinding", trees=3),
                s("book_tree_work", {"quote_id": [0, "quote_id"]}, date=ahead(T5, MON)),
                s(
                    "book_chimney_sweep",
                    postcode="CB1 2JD",
                    appliance="wood_burner",
                    date=ahead(T5, MON),
                ),
            ],
            ["wired", "and then", "three_steps", "reference", "date_next"],
        ),
        (
            "look up satelite scenes over Dungeness from 1-10 April and order one in true colour"
            " as a png to maps@example.org",
            T3,
            [
                s(
                    "search_satellite_scenes",
                    location="Dungeness",
                    from_date=d(2027, 4, 1),
                    to_date=d(2027, 4, 10),
                ),
                s(
                    "order_satellite_image",
                    {"scene_id": [0, "scene_id"]},
                    product="true_colour",
                    file_format="png",
                    email="maps@example.org",
                ),
            ],
            ["wired", "and", "typo", "date_range"],
        ),
    ),
    (
        (
            "find me a beanie pattern in chunky and then buy it for me (jo@example.com); also"
            " order 2 balls of Rowan Big Wool in charcoal",
            T6,
            [
                s("find_knitting_pattern", query="beanie", yarn_weight="chunky"),
                s(
                    "buy_knitting_pattern",
                    {"pattern_id": [0, "pattern_id"]},
                    email="jo@example.com",
                ),
                s("order_yarn", yarn="Rowan Big Wool", balls=2, colour="charcoal"),
            ],
            ["wired", "and then", "; also", "three_steps"],
        ),
        (
            "find a sunrise balloon from Longleat on Saturday for 4 people and book it under Hana"
            " Ito, hana@example.jp",
            T2,
            [
                s(
                    "search_balloon_flights",
                    launch_site="Longleat",
                    date=ahead(T2, SAT),
                    passengers=4,
                    flight_time="sunrise",
                ),
                s(
                    "book_balloon_seats",
                    {"flight_id": [0, "flight_id"]},
                    passengers=4,
                    lead_passenger="Hana Ito",
                    email="hana@example.jp",
                ),
            ],
            ["wired", "and", "reference", "weekday"],
        ),
    ),
]

# --- other multi-step requests, in pairs -----------------------------------------------------

MULTI: list[tuple[Case, Case]] = [
    (
        (
            "preheat the oven to 200 and set a timer for 35 minutes",
            T3,
            [
                s("preheat_oven", temperature_celsius=200),
                s("set_oven_timer", duration_minutes=35),
            ],
            ["and"],
        ),
        (
            "oven on grill at 250, then a timer of 8 minutes that switches it off at the end",
            T6,
            [
                s("preheat_oven", temperature_celsius=250, mode="grill"),
                s("set_oven_timer", duration_minutes=8, switch_off_at_end=True),
            ],
            ["then"],
        ),
    ),
    (
        (
            "cancel sauna SN-44120 and book one for Friday at 6pm instead, for 2",
            T6,
            [
                s("cancel_sauna_session", booking_ref="SN-44120"),
                s("book_sauna_session", date=ahead(T6, FRI), time="18:00", people=2),
            ],
            ["and", "weekday"],
        ),
        (
            "Cancel bowlin BL-30418, then book a lane for Sunday 3pm for 5 people instead",
            T3,
            [
                s("cancel_bowling_lane", booking_id="BL-30418"),
                s("book_bowling_lane", date=ahead(T3, SUN), time="15:00", players=5),
            ],
            ["then", "typo"],
        ),
    ),
    (
        (
            "pause the coffee until 20 August; also switch the grind to aeropress",
            T5,
            [
                s("pause_coffee_subscription", until=d(2027, 8, 20)),
                s("change_coffee_grind", grind="aeropress"),
            ],
            ["; also"],
        ),
        (
            "change my grind to filter then restart my deliveries from the 1st",
            T4,
            [
                s("change_coffee_grind", grind="filter"),
                s("resume_coffee_subscription", from_date=day_ahead(T4, 1)),
            ],
            ["then", "day_of_month"],
        ),
    ),
    (
        (
            "top up the toll tag with €40 and send me last month's statement",
            T2,
            [
                s("top_up_toll_account", amount=40, currency="EUR"),
                s("get_toll_statement", **period(last_month(T2))),
            ],
            ["and", "money", "date_range"],
        ),
        (
            "add my car LR70 KXD to toll tag TT30018842, then top it up with 15 pounds",
            T5,
            [
                s("add_vehicle_to_tag", plate="LR70 KXD", tag_number="TT30018842"),
                s("top_up_toll_account", amount=15, currency="GBP", tag_number="TT30018842"),
            ],
            ["then", "money", "reference"],
        ),
    ),
    (
        (
            "Log G0ABC on 14.074 FT8 today, after that show me today's contacts on 20m",
            T1,
            [
                s(
                    "log_radio_contact",
                    callsign="G0ABC",
                    frequency_mhz=14.074,
                    mode="ft8",
                    contact_date=T1.isoformat(),
                ),
                s(
                    "get_contact_log",
                    from_date=T1.isoformat(),
                    to_date=T1.isoformat(),
                    band="20m",
                ),
            ],
            ["after that"],
        ),
        (
            "submit my ARRL DX log as G3ZZT with email g3zzt@example.org, but first log one last"
            " contact: W1AW on 21.025 CW today",
            T2,
            [
                s(
                    "log_radio_contact",
                    callsign="W1AW",
                    frequency_mhz=21.025,
                    mode="cw",
                    contact_date=T2.isoformat(),
                ),
                s(
                    "submit_contest_log",
                    contest="arrl_dx",
                    callsign="G3ZZT",
                    email="g3zzt@example.org",
                ),
            ],
            ["but first", "reversed"],
        ),
    ),
    (
        (
            "Book snow clearing for the drive at NG7 2RD tomorrow and order 5 bags of grit for the"
            " same address",
            T1,
            [
                s("book_snow_clearing", postcode="NG7 2RD", area="driveway", date=plus(T1, 1)),
                s("order_grit_salt", bags=5, postcode="NG7 2RD"),
            ],
            ["and", "reference"],
        ),
        (
            "Order 8 bags of grit to DL3 0PT. Before that, cancel snow clearing SC-30412",
            T2,
            [
                s("cancel_snow_clearing", job_id="SC-30412"),
                s("order_grit_salt", bags=8, postcode="DL3 0PT"),
            ],
            ["before that", "reversed"],
        ),
    ),
    (
        (
            "rebook balloon BB-20931 to Sunday, followed by a sauna for 2 that evening at 7",
            T5,
            [
                s("rebook_balloon_flight", booking_ref="BB-20931", new_date=ahead(T5, SUN)),
                s("book_sauna_session", date=ahead(T5, SUN), time="19:00", people=2),
            ],
            ["followed by", "reference", "weekday"],
        ),
        (
            "book a sweep for the multi fuel stove at SE15 3PA on Wednesday, then send 4 knives"
            " off to be sharpened from the same address",
            T6,
            [
                s(
                    "book_chimney_sweep",
                    postcode="SE15 3PA",
                    appliance="multi_fuel",
                    date=ahead(T6, WED),
                ),
                s("send_knives_for_sharpening", knives=4, postcode="SE15 3PA"),
            ],
            ["then", "reference", "weekday"],
        ),
    ),
    (
        (
            "cancel sauna bookings SN-10021 and SN-10022",
            T3,
            [
                s("cancel_sauna_session", booking_ref="SN-10021"),
                s("cancel_sauna_session", booking_ref="SN-10022"),
            ],
            ["two_objects", "and"],
        ),
        (
            "cancel CS-30111 and CS-30112, we've sold the house",
            T4,
            [
                s("cancel_chimney_sweep", booking_ref="CS-30111"),
                s("cancel_chimney_sweep", booking_ref="CS-30112"),
            ],
            ["two_objects", "and", "statement"],
        ),
    ),
    (
        (
            "pause my coffee till the 10th, extend beach hut BH-50112 by 3 days and top up the"
            " toll tag with 25 euros",
            T5,
            [
                s("pause_coffee_subscription", until=day_ahead(T5, 10)),
                s("extend_beach_hut_rental", booking_ref="BH-50112", extra_days=3),
                s("top_up_toll_account", amount=25, currency="EUR"),
            ],
            ["comma", "three_steps", "money", "day_of_month"],
        ),
        (
            "cancel bowling BL-20001, cancel sauna SN-20002 and cancel snow job SC-20003",
            T7,
            [
                s("cancel_bowling_lane", booking_id="BL-20001"),
                s("cancel_sauna_session", booking_ref="SN-20002"),
                s("cancel_snow_clearing", job_id="SC-20003"),
            ],
            ["comma", "three_steps"],
        ),
    ),
    (
        (
            "Get the scores for BL-40001 and book another lane for Friday at 7pm for the same four"
            " players",
            T2,
            [
                s("get_lane_scores", booking_id="BL-40001"),
                s("book_bowling_lane", date=ahead(T2, FRI), time="19:00", players=4),
            ],
            ["and", "reference", "numbers_in_words"],
        ),
        (
            "Log a contact with M0XYZ on 7.150 SSB yesterday and another with EA8XY on 14.200 SSB"
            " the same day",
            T6,
            [
                s(
                    "log_radio_contact",
                    callsign="M0XYZ",
                    frequency_mhz=7.15,
                    mode="ssb",
                    contact_date=plus(T6, -1),
                ),
                s(
                    "log_radio_contact",
                    callsign="EA8XY",
                    frequency_mhz=14.2,
                    mode="ssb",
                    contact_date=plus(T6, -1),
                ),
            ],
            ["two_objects", "and", "reference", "date_past"],
        ),
    ),
    (
        (
            "Add the van YF19 ABC to my toll tag and show me this month's trips so far",
            T6,
            [
                s("add_vehicle_to_tag", plate="YF19 ABC", vehicle_class="van"),
                s("get_toll_statement", from_date=d(2027, 10, 1), to_date=T6.isoformat()),
            ],
            ["and", "date_range", "enum_meaning"],
        ),
        (
            "Order 500g of 'Sumatra Mandheling' ground for the cafetiere, and pause the"
            " subscription until the 28th",
            T2,
            [
                s(
                    "order_coffee_beans",
                    coffee="Sumatra Mandheling",
                    weight_g=500,
                    grind="cafetiere",
                ),
                s("pause_coffee_subscription", until=day_ahead(T2, 28)),
            ],
            ["and", "quoted", "day_of_month"],
        ),
    ),
]

# --- refusals: the right objects with an action no capability performs ------------------------

NEAR: list[tuple[Case, Case]] = [
    (
        (
            "cancel my balloon flight BB-20931 and refund me",
            T4,
            R,
            ["near_miss", "opposite"],
        ),
        (
            "delete the contact with G4XYZ from my log, I typed it wrong",
            T2,
            R,
            ["near_miss", "opposite"],
        ),
    ),
    (
        (
            "take the van YF19 ABC off my toll tag",
            T5,
            R,
            ["near_miss", "opposite"],
        ),
        (
            "run the self-clean programme on the oven",
            T3,
            R,
            ["near_miss"],
        ),
    ),
    (
        (
            "cancel beach hut booking BH-30211",
            T4,
            R,
            ["near_miss", "opposite"],
        ),
        (
            "cancel my yarn odrer YN-7710, I picked the wrong colour",
            T6,
            R,
            ["near_miss", "typo"],
        ),
    ),
    (
        (
            "refund the unused visits on sauna pass SP-3301",
            T1,
            R,
            ["near_miss"],
        ),
        (
            "call off the tree surgeons, job TW-5512",
            T5,
            R,
            ["near_miss"],
        ),
    ),
    (
        (
            "point the satellite at my farm next week and take a fresh picture",
            T4,
            R,
            ["near_miss"],
        ),
        (
            "cancel my coffee subscription altogether, I'm moving to tea",
            T2,
            R,
            ["near_miss", "opposite"],
        ),
    ),
    (
        (
            "how hot is the oven right now?",
            T7,
            R,
            ["near_miss", "question"],
        ),
        (
            "how many visits are left on my sauna pass?",
            T6,
            R,
            ["near_miss", "question"],
        ),
    ),
]

# --- refusals: off-domain --------------------------------------------------------------------

OFF: list[tuple[Case, Case]] = [
    (
        ("what's the weather doing in Harrogate tomorrow", T1, R, ["off_domain", "question"]),
        (
            "what's a good recipe for Victoria sponge? my oven goes to 180",
            T3,
            R,
            ["off_domain", "question", "shared_word"],
        ),
    ),
    (
        (
            "book me a table for two at an Italian resturant on Friday",
            T5,
            R,
            ["off_domain", "typo", "shared_word"],
        ),
        (
            "translate 'where is the beach' into Spanish",
            T4,
            R,
            ["off_domain", "shared_word"],
        ),
    ),
    (
        ("play some jazz in the kitchen", T6, R, ["off_domain"]),
        ("how many calories are in a flat white?", T2, R, ["off_domain", "question"]),
    ),
    (
        ("remind me to ring my mum at 6", T7, R, ["off_domain"]),
        ("book a taxi to the airport at 5am tomorrow", T3, R, ["off_domain", "shared_word"]),
    ),
    (
        ("what's the score in the cricket?", T4, R, ["off_domain", "question", "shared_word"]),
        ("order a large pepperoni pizza to LS6 2QB", T1, R, ["off_domain", "shared_word"]),
    ),
]


def _interleave() -> list[Case]:
    """The pairs of every kind spread evenly over the ids, each pair kept together."""
    slots: list[tuple[float, int, tuple[Case, Case]]] = []
    for order, pairs in enumerate((SINGLE, WIRED, MULTI, NEAR, OFF)):
        for i, pair in enumerate(pairs):
            slots.append(((i + 0.5) / len(pairs), order, pair))
    slots.sort(key=lambda slot: (slot[0], slot[1]))
    return [case for _, _, pair in slots for case in pair]


def _kind(expect: Any) -> str:
    if expect == R:
        return "refuse"
    return "single" if len(expect) == 1 else "multi"


CASES: list[dict[str, Any]] = [
    {
        "id": f"q{n:03d}",
        "text": text,
        "today": today.isoformat(),
        "expect": expect,
        "kind": _kind(expect),
        "tags": tags,
    }
    for n, (text, today, expect, tags) in enumerate(_interleave(), start=1)
]


def main() -> None:
    (HERE / "cases.json").write_text(
        json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(CASES)} cases to {HERE / 'cases.json'}")


if __name__ == "__main__":
    main()
