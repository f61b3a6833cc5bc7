"""Writes ``cases.json``: the ninth held-out set's requests and their expected plans.

Written blind (see ``README.md``): the expected plans come from the text and the schemas of
``registry.py`` alone. The dates are computed here with ``datetime`` from each case's ``today``;
nothing else is derived. Run it after an edit: ``python3 generate_cases.py``.

The cases are written in pairs of one kind (single, wired multi-step, other multi-step, near
miss, off-domain); the first of a pair gets an odd id (the tuning half), the second an even id
(the test half), and the pairs of the five kinds are interleaved so any stretch of ids holds a
mix.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# The eight todays: a Tuesday in January, a Friday in February, a Sunday in April, a Monday in
# June, a Thursday in August, a Wednesday in October, a Wednesday in late November and Saturday
# 19 December (the last two before the year boundary).
JAN = dt.date(2027, 1, 12)
FEB = dt.date(2027, 2, 26)
APR = dt.date(2027, 4, 18)
JUN = dt.date(2027, 6, 7)
AUG = dt.date(2027, 8, 19)
OCT = dt.date(2027, 10, 13)
NOV = dt.date(2026, 11, 25)
DEC = dt.date(2026, 12, 19)

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def iso(day: dt.date) -> str:
    return day.isoformat()


def ahead(today: dt.date, weekday: str) -> str:
    """A bare weekday when scheduling: the next one, today's excluded."""
    delta = (DAYS.index(weekday) - today.weekday()) % 7 or 7
    return iso(today + dt.timedelta(days=delta))


def back(today: dt.date, weekday: str) -> str:
    """A bare weekday when reporting: the last one, today's excluded."""
    delta = (today.weekday() - DAYS.index(weekday)) % 7 or 7
    return iso(today - dt.timedelta(days=delta))


def next_week(today: dt.date, weekday: str) -> str:
    """That day of next week (weeks run Monday to Sunday)."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return iso(monday + dt.timedelta(days=DAYS.index(weekday)))


def plus(today: dt.date, days: int) -> str:
    return iso(today + dt.timedelta(days=days))


def nth_ahead(today: dt.date, day: int) -> str:
    """ "the 21st" when scheduling: the next such date after today."""
    probe = today + dt.timedelta(days=1)
    while probe.day != day:
        probe += dt.timedelta(days=1)
    return iso(probe)


def on(today: dt.date, month: int, day: int) -> str:
    """ "3 November" when scheduling: the nearest such date from today on."""
    candidate = dt.date(today.year, month, day)
    if candidate < today:
        candidate = dt.date(today.year + 1, month, day)
    return iso(candidate)


def on_before(today: dt.date, month: int, day: int) -> str:
    """ "3 August" when reporting: the latest such date up to today."""
    candidate = dt.date(today.year, month, day)
    if candidate > today:
        candidate = dt.date(today.year - 1, month, day)
    return iso(candidate)


def last_month(today: dt.date) -> tuple[str, str]:
    first_this = today.replace(day=1)
    last_prev = first_this - dt.timedelta(days=1)
    return iso(last_prev.replace(day=1)), iso(last_prev)


def end_of_month(today: dt.date) -> str:
    first_next = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return iso(first_next - dt.timedelta(days=1))


def step(capability: str, params: dict[str, Any] | None = None, **wired: list[Any]) -> dict:
    out: dict[str, Any] = {"capability": capability, "params": params or {}}
    if wired:
        out["wired"] = dict(wired)
    return out


def single(text: str, today: dt.date, capability: str, params: dict, tags: str = "") -> dict:
    return {
        "text": text,
        "today": iso(today),
        "expect": [step(capability, params)],
        "kind": "single",
        "tags": tags.split(),
    }


def multi(text: str, today: dt.date, steps: list[dict], tags: str = "") -> dict:
    return {
        "text": text,
        "today": iso(today),
        "expect": steps,
        "kind": "multi",
        "tags": tags.split(),
    }


def refuse(text: str, today: dt.date, tags: str) -> dict:
    return {
        "text": text,
        "today": iso(today),
        "expect": "refuse",
        "kind": "refuse",
        "tags": tags.split(),
    }


# --- single-step requests (100, in 50 pairs) --------------------------------------------------

SINGLES = [
    # community choir
    single(
        "Tenors here: what are our rehearsal dates from 1 March?",
        FEB,
        "get_rehearsal_schedule",
        {"voice_part": "tenor", "from_date": on(FEB, 3, 1)},
        "context_first question",
    ),
    single("when's the next choir practice?", JUN, "get_rehearsal_schedule", {}, "question terse"),
    single(
        "I sing alto, could you show me the practice dates from the 20th onwards?",
        OCT,
        "get_rehearsal_schedule",
        {"voice_part": "alto", "from_date": nth_ahead(OCT, 20)},
        "context_first polite vocabulary",
    ),
    single(
        "Sorry, can't make practice on Thursday - ruth.m@example.org",
        AUG,
        "send_rehearsal_apologies",
        {"date": ahead(AUG, "thursday"), "member_email": "ruth.m@example.org"},
        "statement",
    ),
    single(
        "Please give my apologies to the director for the 3rd of November rehearsal, reason: "
        "hospital appointment. I'm dev.patel@example.com",
        OCT,
        "send_rehearsal_apologies",
        {
            "date": on(OCT, 11, 3),
            "member_email": "dev.patel@example.com",
            "reason": "hospital appointment",
        },
        "polite labelled",
    ),
    single(
        "wont be at rehersal tomorow, kim@example.net",
        JAN,
        "send_rehearsal_apologies",
        {"date": plus(JAN, 1), "member_email": "kim@example.net"},
        "typo terse",
    ),
    single(
        "Have you got the Rutter Gloria for SATB?",
        APR,
        "search_sheet_music",
        {"query": "Rutter Gloria", "voicing": "SATB"},
        "question",
    ),
    single(
        "looking for Christmas carols for SSA under £4 a copy",
        NOV,
        "search_sheet_music",
        {"query": "Christmas carols", "voicing": "SSA", "max_price": 4},
        "statement money",
    ),
    single(
        "We need twenty-four PDF licences for SM-11873, please.",
        FEB,
        "order_sheet_music",
        {"score_id": "SM-11873", "copies": 24, "edition": "pdf_licence"},
        "polite numbers_in_words statement",
    ),
    single(
        "order 32 copies of sm-40218",
        AUG,
        "order_sheet_music",
        {"score_id": "SM-40218", "copies": 32},
        "terse lowercase_id",
    ),
    # climbing wall
    single(
        "can I get on the auto belays at the climbing center tomorrow at 18:30?",
        APR,
        "book_climbing_session",
        {"date": plus(APR, 1), "time": "18:30", "activity": "auto_belay"},
        "question american",
    ),
    single(
        "Bouldering for 3 on Saturday at 10am, we'll need shoes",
        FEB,
        "book_climbing_session",
        {
            "date": ahead(FEB, "saturday"),
            "time": "10:00",
            "climbers": 3,
            "activity": "bouldering",
            "shoe_hire": True,
        },
        "terse",
    ),
    single(
        "did 'Pinch Me', a 6c+, first go yesterday",
        AUG,
        "log_climb",
        {"grade": "6c+", "climbed_on": plus(AUG, -1), "style": "flash", "route_name": "Pinch Me"},
        "statement quoted vocabulary",
    ),
    single(
        "Me and a mate want to do some top roping Wednesday evening at 7",
        JUN,
        "book_climbing_session",
        {"date": ahead(JUN, "wednesday"), "time": "19:00", "climbers": 2, "activity": "top_rope"},
        "statement vocabulary",
    ),
    single(
        "Got the v6 on Monday after 9 attempts!",
        OCT,
        "log_climb",
        {"grade": "V6", "climbed_on": back(OCT, "monday"), "attempts": 9},
        "statement lowercase_id",
    ),
    single(
        "put down a 7a I onsited on saturday",
        APR,
        "log_climb",
        {"grade": "7a", "climbed_on": back(APR, "saturday"), "style": "onsight"},
        "typo terse",
    ),
    single(
        "How many routes did I tick last month?",
        JAN,
        "get_climbing_log",
        dict(zip(("from_date", "to_date"), last_month(JAN), strict=True)),
        "question date_range year_boundary",
    ),
    single(
        "show my bouldering log since Monday",
        FEB,
        "get_climbing_log",
        {"from_date": back(FEB, "monday"), "to_date": iso(FEB), "activity": "bouldering"},
        "terse date_range",
    ),
    single(
        "what's the hardest thing I've climbed this year?",
        AUG,
        "get_climbing_log",
        {"from_date": iso(AUG.replace(month=1, day=1)), "to_date": iso(AUG)},
        "question date_range vocabulary",
    ),
    # skip hire
    single(
        "How much for an 8 yard skip for garden wast at bs3 4lt?",
        OCT,
        "get_skip_quote",
        {"postcode": "BS3 4LT", "size_yards": 8, "waste": "garden"},
        "question typo lowercase_id",
    ),
    single(
        "Go ahead with quote SQ-55021, drop the skip off on Friday and leave it a fortnight. "
        "Driver can ring +44 7700 900318",
        JUN,
        "hire_skip",
        {
            "quote_id": "SQ-55021",
            "delivery_date": ahead(JUN, "friday"),
            "hire_days": 14,
            "phone": "+447700900318",
        },
        "unit vocabulary",
    ),
    single(
        "accept sq-20871 for delivery on the 2nd",
        FEB,
        "hire_skip",
        {"quote_id": "SQ-20871", "delivery_date": nth_ahead(FEB, 2)},
        "terse lowercase_id vocabulary",
    ),
    single(
        "Can I keep skip SH-30412 another 5 days?",
        APR,
        "extend_skip_hire",
        {"hire_ref": "SH-30412", "extra_days": 5},
        "question",
    ),
    single(
        "we're not finished with the skip yet - sh-88120 - add a week please",
        AUG,
        "extend_skip_hire",
        {"hire_ref": "SH-88120", "extra_days": 7},
        "context_first lowercase_id unit polite",
    ),
    single(
        "exend hire SH-10293 by three days",
        JAN,
        "extend_skip_hire",
        {"hire_ref": "SH-10293", "extra_days": 3},
        "typo terse numbers_in_words",
    ),
    # golf tee times
    single(
        "Any tee times at Royal Lytham on Sunday for a four-ball?",
        AUG,
        "search_tee_times",
        {"course": "Royal Lytham", "date": ahead(AUG, "sunday"), "players": 4},
        "question vocabulary",
    ),
    single(
        "9 holes at Hainault Forest tomorrow for 2 of us - what's free?",
        JUN,
        "search_tee_times",
        {"course": "Hainault Forest", "date": plus(JUN, 1), "players": 2, "holes": 9},
        "question",
    ),
    single(
        "Book GT-60219 for 3 players, email me at sandy@example.co.uk, and we'd like a buggy",
        APR,
        "book_tee_time",
        {
            "tee_time_id": "GT-60219",
            "players": 3,
            "email": "sandy@example.co.uk",
            "buggy": True,
        },
        "vocabulary",
    ),
    single(
        "put two of us on gt-31877, confirmation to lee.w@example.com",
        OCT,
        "book_tee_time",
        {"tee_time_id": "GT-31877", "players": 2, "email": "lee.w@example.com"},
        "terse lowercase_id numbers_in_words",
    ),
    single("cancel golf GB-70215", FEB, "cancel_tee_time", {"booking_ref": "GB-70215"}, "terse"),
    single(
        "Rain forecast all day so please cancel tee booking GB-40093. Reason: course waterlogged",
        JUN,
        "cancel_tee_time",
        {"booking_ref": "GB-40093", "reason": "course waterlogged"},
        "context_first polite labelled",
    ),
    single(
        "cancle my tee time gb-55310",
        AUG,
        "cancel_tee_time",
        {"booking_ref": "GB-55310"},
        "typo terse lowercase_id",
    ),
    # karaoke rooms
    single(
        "It's Priya's birthday - can we get a singing booth for twelve people on Saturday the "
        "12th from 8pm for three hours?",
        JUN,
        "book_karaoke_room",
        {"date": nth_ahead(JUN, 12), "time": "20:00", "guests": 12, "duration_minutes": 180},
        "context_first question numbers_in_words unit vocabulary",
    ),
    single(
        "karaoke for 8 on Friday at 9pm",
        OCT,
        "book_karaoke_room",
        {"date": ahead(OCT, "friday"), "time": "21:00", "guests": 8},
        "terse",
    ),
    single(
        "Could we book a karaoke room tomorrow at 19:30 for an hour and a half? There'll be 5 "
        "of us.",
        DEC,
        "book_karaoke_room",
        {"date": plus(DEC, 1), "time": "19:30", "guests": 5, "duration_minutes": 90},
        "polite question unit",
    ),
    single(
        "call off karaoke KR-22019",
        JAN,
        "cancel_karaoke_room",
        {"booking_ref": "KR-22019"},
        "terse vocabulary",
    ),
    single(
        "We can't do Saturday's karaoke any more, booking kr-50332",
        APR,
        "cancel_karaoke_room",
        {"booking_ref": "KR-50332"},
        "statement lowercase_id",
    ),
    single(
        "Please cancel karoke booking KR-61002",
        AUG,
        "cancel_karaoke_room",
        {"booking_ref": "KR-61002"},
        "typo polite",
    ),
    # boiler servicing
    single(
        "Boiler service at LS6 3HN on Tuesday morning please",
        FEB,
        "book_boiler_service",
        {"postcode": "LS6 3HN", "date": ahead(FEB, "tuesday"), "time_window": "morning"},
        "terse polite",
    ),
    single(
        "I'm a landlord and need the annual gas safety check plus a service at m14 5rg on the 9th",
        OCT,
        "book_boiler_service",
        {"postcode": "M14 5RG", "date": nth_ahead(OCT, 9), "landlord_certificate": True},
        "context_first lowercase_id vocabulary statement",
    ),
    single(
        "Can someone service my oil boiler in the afternoon on 4 May? Postcode is HR2 6JF",
        APR,
        "book_boiler_service",
        {"postcode": "HR2 6JF", "date": on(APR, 5, 4), "fuel": "oil", "time_window": "afternoon"},
        "question",
    ),
    single(
        "The radiators are stone cold at CF10 2EU",
        JAN,
        "report_boiler_fault",
        {"postcode": "CF10 2EU", "fault": "no_heating"},
        "statement vocabulary",
    ),
    single(
        "boiler pressure keeps dropping, postcode g12 8qq, my dad is 92 and lives with me",
        DEC,
        "report_boiler_fault",
        {"postcode": "G12 8QQ", "fault": "low_pressure", "vulnerable_occupant": True},
        "statement lowercase_id",
    ),
    single(
        "boilr is flashing E133, NE6 5TU",
        FEB,
        "report_boiler_fault",
        {"postcode": "NE6 5TU", "fault": "error_code", "error_code": "E133"},
        "typo terse",
    ),
    single(
        "When was the boiler last serviced at BN2 1TW?",
        JUN,
        "get_boiler_service_history",
        {"postcode": "BN2 1TW"},
        "question",
    ),
    single(
        "show engineer visits for 2026",
        FEB,
        "get_boiler_service_history",
        {"from_date": "2026-01-01", "to_date": "2026-12-31"},
        "terse date_range",
    ),
    single(
        "list the boiler work done since September",
        JAN,
        "get_boiler_service_history",
        {"from_date": "2026-09-01", "to_date": iso(JAN)},
        "terse date_range year_boundary vocabulary",
    ),
    # milk round
    single(
        "Two pints of semi-skimmed every morning please, in glass",
        OCT,
        "set_milk_standing_order",
        {"pints": 2, "milk": "semi_skimmed", "frequency": "daily", "glass_bottles": True},
        "polite numbers_in_words",
    ),
    single(
        "can we get 4 pints of full fat on alternate days starting Monday",
        APR,
        "set_milk_standing_order",
        {
            "pints": 4,
            "milk": "whole",
            "frequency": "alternate_days",
            "start_date": ahead(APR, "monday"),
        },
        "question vocabulary",
    ),
    single(
        "I'd like one pint of skimmed on weekdays only, plastic bottles not glass",
        JUN,
        "set_milk_standing_order",
        {"pints": 1, "milk": "skimmed", "frequency": "weekdays", "glass_bottles": False},
        "statement numbers_in_words",
    ),
    single(
        "6 pints of oat milk evry other day",
        AUG,
        "set_milk_standing_order",
        {"pints": 6, "milk": "oat", "frequency": "alternate_days"},
        "typo terse",
    ),
    single(
        "Stop the milk from 2 to 16 August, we're in Cornwall",
        JUN,
        "pause_milk_deliveries",
        {"start_date": on(JUN, 8, 2), "end_date": on(JUN, 8, 16)},
        "date_range",
    ),
    single(
        "no milk until the end of the month",
        OCT,
        "pause_milk_deliveries",
        {"end_date": end_of_month(OCT)},
        "terse",
    ),
    single(
        "We're away over Christmas: hold the milk from the 23rd till 3 January",
        DEC,
        "pause_milk_deliveries",
        {"start_date": nth_ahead(DEC, 23), "end_date": on(DEC, 1, 3)},
        "context_first date_range year_boundary",
    ),
    single("We're back, start the milk again", FEB, "resume_milk_deliveries", {}, "statement"),
    single(
        "restart milk deliveries from Thursday",
        JAN,
        "resume_milk_deliveries",
        {"from_date": ahead(JAN, "thursday")},
        "terse",
    ),
    single(
        "Can the milkman come again from 1 March?",
        FEB,
        "resume_milk_deliveries",
        {"from_date": on(FEB, 3, 1)},
        "question",
    ),
    single("What do I owe the milkman?", APR, "get_milkman_balance", {}, "question"),
    single("milk bill?", OCT, "get_milkman_balance", {}, "terse vocabulary"),
    single(
        "how much is on my dairy account at the moment",
        JAN,
        "get_milkman_balance",
        {},
        "question vocabulary",
    ),
    # MOT testing
    single(
        "My motorbike's MOT is due - can I bring yx68 bfo in on the 28th?",
        APR,
        "book_mot_test",
        {"registration": "YX68 BFO", "date": nth_ahead(APR, 28), "vehicle": "motorcycle"},
        "context_first question lowercase_id",
    ),
    single(
        "MOT for KM19 XTR on Thursday at 8:30",
        OCT,
        "book_mot_test",
        {"registration": "KM19 XTR", "date": ahead(OCT, "thursday"), "time": "08:30"},
        "terse",
    ),
    single(
        "text me on +44 7911 123456 before the MOT on LR70 KPU runs out",
        JUN,
        "enable_mot_reminder",
        {"registration": "LR70 KPU", "phone": "+447911123456"},
        "vocabulary",
    ),
    single(
        "Remind me two weeks before the van's MOT is due, reg fd21 wnm, mobile +44 7700 900771",
        AUG,
        "enable_mot_reminder",
        {"registration": "FD21 WNM", "phone": "+447700900771", "days_before": 14},
        "unit lowercase_id numbers_in_words",
    ),
    single(
        "stop the MOT texts for AB12 CDE, I've sold it",
        FEB,
        "disable_mot_reminder",
        {"registration": "AB12 CDE"},
        "terse",
    ),
    single(
        "turn off reminders for ow17 pzx",
        DEC,
        "disable_mot_reminder",
        {"registration": "OW17 PZX"},
        "terse lowercase_id",
    ),
    single(
        "dont want MOT remindres for KM19 XTR anymore",
        OCT,
        "disable_mot_reminder",
        {"registration": "KM19 XTR"},
        "typo statement",
    ),
    # trampoline park
    single(
        "Trampolining for 6 kids Saturday at 2, plus 6 pairs of grip socks",
        JAN,
        "book_trampoline_session",
        {"date": ahead(JAN, "saturday"), "time": "14:00", "jumpers": 6, "grip_socks": 6},
        "terse",
    ),
    single(
        "toddler session tomorrow at 10:15 for my little one",
        JUN,
        "book_trampoline_session",
        {"date": plus(JUN, 1), "time": "10:15", "jumpers": 1, "session": "toddler"},
        "statement",
    ),
    single(
        "Can we book dodgeball at the trampoline park on Friday 10 September at 6pm? There'll "
        "be ten of us.",
        AUG,
        "book_trampoline_session",
        {"date": on(AUG, 9, 10), "time": "18:00", "jumpers": 10, "session": "dodgeball"},
        "question polite numbers_in_words",
    ),
    single(
        "waiver for Ella Brooks, born 14/03/2018, mum's email is sam.brooks@example.com",
        APR,
        "sign_jump_waiver",
        {
            "participant_name": "Ella Brooks",
            "date_of_birth": "2018-03-14",
            "guardian_email": "sam.brooks@example.com",
        },
        "terse",
    ),
    single(
        "I need to fill in the safety form for my son Oscar Reid, DOB 2 July 2016, email "
        "p.reid@example.org",
        OCT,
        "sign_jump_waiver",
        {
            "participant_name": "Oscar Reid",
            "date_of_birth": "2016-07-02",
            "guardian_email": "p.reid@example.org",
        },
        "statement",
    ),
    # window cleaning
    single(
        "We've just moved into a detached house at OX2 7DE, could someone do our windows every "
        "eight weeks, frames and sills too?",
        JUN,
        "start_window_cleaning",
        {
            "postcode": "OX2 7DE",
            "house": "detached",
            "frequency": "eight_weekly",
            "frames_and_sills": True,
        },
        "context_first polite question numbers_in_words",
    ),
    single(
        "Window cleaner every 4 weeks for a semi at cf5 1qe",
        FEB,
        "start_window_cleaning",
        {"postcode": "CF5 1QE", "house": "semi_detached", "frequency": "four_weekly"},
        "terse lowercase_id",
    ),
    single(
        "windo cleaning monthly for my terrace, SE15 4QL",
        AUG,
        "start_window_cleaning",
        {"postcode": "SE15 4QL", "house": "terraced", "frequency": "monthly"},
        "typo terse",
    ),
    single(
        "The scaffolding's up so skip the window clean on the 21st",
        OCT,
        "skip_window_clean",
        {"date": nth_ahead(OCT, 21)},
        "context_first",
    ),
    single(
        "Don't need the windows doing Tuesday. Reason: builders in",
        AUG,
        "skip_window_clean",
        {"date": ahead(AUG, "tuesday"), "reason": "builders in"},
        "statement labelled",
    ),
    single(
        "pay the window cleaner £18",
        JAN,
        "pay_window_cleaner",
        {"amount": 18, "currency": "GBP"},
        "terse money",
    ),
    single(
        "Send twenty two pounds fifty to the window man with a note saying 'thanks for doing "
        "the back'",
        APR,
        "pay_window_cleaner",
        {"amount": 22.5, "currency": "GBP", "note": "thanks for doing the back"},
        "money numbers_in_words quoted vocabulary",
    ),
    single(
        "I owe the window cleaner 15 quid, pay him please",
        DEC,
        "pay_window_cleaner",
        {"amount": 15, "currency": "GBP"},
        "statement money polite",
    ),
    # bouncy castle hire
    single(
        "need an inflatable that fits in a village hall for Saturday 16 October",
        OCT,
        "search_bouncy_castles",
        {"date": on(OCT, 10, 16), "indoor": True},
        "statement",
    ),
    single(
        "My son's favorite is superhero - any of those bouncy castles free on the 5th?",
        JUN,
        "search_bouncy_castles",
        {"date": nth_ahead(JUN, 5), "theme": "superhero"},
        "question american context_first",
    ),
    single(
        "Hire BC-3302 for Sunday at DE22 1HB, 6 hours, and there's no plug in the garden so "
        "bring a generator",
        AUG,
        "hire_bouncy_castle",
        {
            "castle_id": "BC-3302",
            "date": ahead(AUG, "sunday"),
            "postcode": "DE22 1HB",
            "hire_hours": 6,
            "generator": True,
        },
        "statement",
    ),
    # Christmas trees
    single(
        "Do you have any potted Nordman firs?",
        NOV,
        "find_christmas_trees",
        {"species": "nordmann_fir", "potted": True},
        "question typo",
    ),
    single(
        "Order tree xt-5120 for delivery Saturday to SW4 9PL with a stand",
        NOV,
        "order_christmas_tree",
        {
            "tree_id": "XT-5120",
            "postcode": "SW4 9PL",
            "delivery_date": ahead(NOV, "saturday"),
            "stand": True,
        },
        "terse lowercase_id",
    ),
    single(
        "Pick up the old tree from order XO-30981 on 8 January",
        DEC,
        "book_tree_collection",
        {"order_id": "XO-30981", "date": on(DEC, 1, 8)},
        "year_boundary vocabulary",
    ),
    single(
        "Can you take our Christmas tree away on the 6th? It was order xo-77204",
        DEC,
        "book_tree_collection",
        {"order_id": "XO-77204", "date": nth_ahead(DEC, 6)},
        "question lowercase_id year_boundary",
    ),
    # pub quiz
    single(
        "Sign up 'Quizteama Aguilera', 5 players, for Tuesday's quiz",
        JUN,
        "register_quiz_team",
        {"team_name": "Quizteama Aguilera", "players": 5, "date": ahead(JUN, "tuesday")},
        "quoted terse",
    ),
    single(
        "Pay the £10 entry for team QT-4821",
        OCT,
        "pay_quiz_entry",
        {"team_id": "QT-4821", "amount": 10, "currency": "GBP"},
        "money terse",
    ),
    single(
        "How did we do at last night's quiz?",
        OCT,
        "get_quiz_results",
        {"date": plus(OCT, -1)},
        "question",
    ),
    single(
        "results for 'The Usual Suspects' from Tuesday's quiz",
        FEB,
        "get_quiz_results",
        {"team_name": "The Usual Suspects", "date": back(FEB, "tuesday")},
        "quoted terse",
    ),
    single(
        "who won the pub quiz on 3 August",
        AUG,
        "get_quiz_results",
        {"date": on_before(AUG, 8, 3)},
        "question",
    ),
    single(
        "qiuz leaderboard from thursday?",
        JUN,
        "get_quiz_results",
        {"date": back(JUN, "thursday")},
        "typo terse",
    ),
    # vet's surgery
    single(
        "Bella (our spaniel) is limping, can we see the vet tomorrow at 9:40?",
        FEB,
        "book_vet_appointment",
        {
            "pet_name": "Bella",
            "species": "dog",
            "date": plus(FEB, 1),
            "time": "09:40",
            "visit": "injury",
        },
        "question vocabulary",
    ),
    single(
        "booster jabs for Mittens the cat on Monday",
        APR,
        "book_vet_appointment",
        {
            "pet_name": "Mittens",
            "species": "cat",
            "date": ahead(APR, "monday"),
            "visit": "vaccination",
        },
        "terse vocabulary",
    ),
    single(
        "Our rabbit Thumper needs his teeth looked at, any time Wednesday. Note: he's stopped "
        "eating hay",
        OCT,
        "book_vet_appointment",
        {
            "pet_name": "Thumper",
            "species": "rabbit",
            "date": ahead(OCT, "wednesday"),
            "visit": "dental",
            "note": "he's stopped eating hay",
        },
        "statement labelled",
    ),
    single(
        "More Bravecto for Max please, he weighs 22 lb",
        JUN,
        "order_pet_prescription",
        {"pet_name": "Max", "medicine": "Bravecto", "weight_kg": 9.979},
        "polite unit",
    ),
    single(
        "When is Luna's next booster due?",
        AUG,
        "get_vaccination_record",
        {"pet_name": "Luna"},
        "question",
    ),
    single(
        "show Pepper's vaccination history",
        JAN,
        "get_vaccination_record",
        {"pet_name": "Pepper"},
        "terse",
    ),
    single(
        "has Biscuit had his leptospirosis jab yet?",
        DEC,
        "get_vaccination_record",
        {"pet_name": "Biscuit"},
        "question vocabulary",
    ),
]

# --- multi-step requests whose later step reads an earlier output (18, in 9 pairs) ------------

WIRED = [
    multi(
        "look up 'Carol of the Bells' in an SSA arrangement and order 18 PDF licences of it",
        OCT,
        [
            step("search_sheet_music", {"query": "Carol of the Bells", "voicing": "SSA"}),
            step(
                "order_sheet_music",
                {"copies": 18, "edition": "pdf_licence"},
                score_id=[0, "score_id"],
            ),
        ],
        "and wired quoted reference",
    ),
    multi(
        "Find the Fauré Requiem for SATB, then order 40 copies",
        JUN,
        [
            step("search_sheet_music", {"query": "Fauré Requiem", "voicing": "SATB"}),
            step("order_sheet_music", {"copies": 40}, score_id=[0, "score_id"]),
        ],
        "then wired",
    ),
    multi(
        "Quote me for a 6 yard skip of rubble at NG7 2QL, on the road outside, and then book it "
        "for Monday",
        JAN,
        [
            step(
                "get_skip_quote",
                {"postcode": "NG7 2QL", "size_yards": 6, "waste": "rubble", "on_road": True},
            ),
            step("hire_skip", {"delivery_date": ahead(JAN, "monday")}, quote_id=[0, "quote_id"]),
        ],
        "and_then wired reference",
    ),
    multi(
        "Price up a 4 yard skip for plasterboard at ls11 5dq, after that hire it from the 26th "
        "for 10 days",
        APR,
        [
            step(
                "get_skip_quote",
                {"postcode": "LS11 5DQ", "size_yards": 4, "waste": "plasterboard"},
            ),
            step(
                "hire_skip",
                {"delivery_date": nth_ahead(APR, 26), "hire_days": 10},
                quote_id=[0, "quote_id"],
            ),
        ],
        "after_that wired lowercase_id reference",
    ),
    multi(
        "get a skip quoet for 12 yards mixed waste at BS5 6XY and book it for friday, my number "
        "is +44 7700 900654",
        AUG,
        [
            step("get_skip_quote", {"postcode": "BS5 6XY", "size_yards": 12, "waste": "mixed"}),
            step(
                "hire_skip",
                {"delivery_date": ahead(AUG, "friday"), "phone": "+447700900654"},
                quote_id=[0, "quote_id"],
            ),
        ],
        "and wired typo reference",
    ),
    multi(
        "Find a tee time at Carnoustie on Saturday for 4 and book it, cart included, email "
        "angus@example.com",
        AUG,
        [
            step(
                "search_tee_times",
                {"course": "Carnoustie", "date": ahead(AUG, "saturday"), "players": 4},
            ),
            step(
                "book_tee_time",
                {"players": 4, "email": "angus@example.com", "buggy": True},
                tee_time_id=[0, "tee_time_id"],
            ),
        ],
        "and wired reference vocabulary",
    ),
    multi(
        "Two of us fancy nine holes at Gleneagles on Sunday: search tee times, then book the "
        "first one. Email: moira@example.org",
        FEB,
        [
            step(
                "search_tee_times",
                {"course": "Gleneagles", "date": ahead(FEB, "sunday"), "players": 2, "holes": 9},
            ),
            step(
                "book_tee_time",
                {"players": 2, "email": "moira@example.org"},
                tee_time_id=[0, "tee_time_id"],
            ),
        ],
        "then wired context_first numbers_in_words reference",
    ),
    multi(
        "Look for an 18-hole tee time at St Andrews on 1 November for three; once that's done, "
        "reserve it with j.fraser@example.co.uk",
        OCT,
        [
            step(
                "search_tee_times",
                {"course": "St Andrews", "date": on(OCT, 11, 1), "players": 3, "holes": 18},
            ),
            step(
                "book_tee_time",
                {"players": 3, "email": "j.fraser@example.co.uk"},
                tee_time_id=[0, "tee_time_id"],
            ),
        ],
        "once_thats_done wired numbers_in_words reference vocabulary",
    ),
    multi(
        "Find a princess bouncy castle for the 19th and book it for PO4 8RT",
        JUN,
        [
            step("search_bouncy_castles", {"date": nth_ahead(JUN, 19), "theme": "princess"}),
            step(
                "hire_bouncy_castle",
                {"date": nth_ahead(JUN, 19), "postcode": "PO4 8RT"},
                castle_id=[0, "castle_id"],
            ),
        ],
        "and wired reference",
    ),
    multi(
        "Our hall is 15 feet wide - look for an indoor castle on 4 September no wider than "
        "that, then hire it for 3 hours at RG1 4LS",
        AUG,
        [
            step(
                "search_bouncy_castles",
                {"date": on(AUG, 9, 4), "max_width_m": 4.572, "indoor": True},
            ),
            step(
                "hire_bouncy_castle",
                {"date": on(AUG, 9, 4), "postcode": "RG1 4LS", "hire_hours": 3},
                castle_id=[0, "castle_id"],
            ),
        ],
        "then wired context_first unit reference",
    ),
    multi(
        "search jungle bouncy castles for Sunday 3 January, followed by hiring it to EH6 4AB "
        "with a generator",
        DEC,
        [
            step("search_bouncy_castles", {"date": on(DEC, 1, 3), "theme": "jungle"}),
            step(
                "hire_bouncy_castle",
                {"date": on(DEC, 1, 3), "postcode": "EH6 4AB", "generator": True},
                castle_id=[0, "castle_id"],
            ),
        ],
        "followed_by wired year_boundary reference",
    ),
    multi(
        "Find a Fraser fir up to 180cm and order it for delivery Saturday to M20 2LS",
        NOV,
        [
            step("find_christmas_trees", {"species": "fraser_fir", "height_cm": 180}),
            step(
                "order_christmas_tree",
                {"postcode": "M20 2LS", "delivery_date": ahead(NOV, "saturday")},
                tree_id=[0, "tree_id"],
            ),
        ],
        "and wired reference",
    ),
    multi(
        "Look for a 6ft Norway spruce, order it to be delivered on Tuesday to BT9 5AD, then "
        "book its collection for 7 January",
        DEC,
        [
            step("find_christmas_trees", {"species": "norway_spruce", "height_cm": 183}),
            step(
                "order_christmas_tree",
                {"postcode": "BT9 5AD", "delivery_date": ahead(DEC, "tuesday")},
                tree_id=[0, "tree_id"],
            ),
            step("book_tree_collection", {"date": on(DEC, 1, 7)}, order_id=[1, "order_id"]),
        ],
        "comma_list then wired unit year_boundary reference",
    ),
    multi(
        "find a potted blue spruce, order it with a stand for Friday 11 December to GL50 1QA, "
        "and arrange for it to be picked up on the 9th of January",
        NOV,
        [
            step("find_christmas_trees", {"species": "blue_spruce", "potted": True}),
            step(
                "order_christmas_tree",
                {"postcode": "GL50 1QA", "delivery_date": on(NOV, 12, 11), "stand": True},
                tree_id=[0, "tree_id"],
            ),
            step("book_tree_collection", {"date": on(NOV, 1, 9)}, order_id=[1, "order_id"]),
        ],
        "comma_list and wired year_boundary reference vocabulary",
    ),
    multi(
        "get me a potted tree of any kind and have it delivered tomorrow to SO15 2JU",
        DEC,
        [
            step("find_christmas_trees", {"potted": True}),
            step(
                "order_christmas_tree",
                {"postcode": "SO15 2JU", "delivery_date": plus(DEC, 1)},
                tree_id=[0, "tree_id"],
            ),
        ],
        "and wired reference vocabulary",
    ),
    multi(
        "Register 'Les Quizerables' with 6 players for Thursday's quiz and pay the £12 entry",
        JUN,
        [
            step(
                "register_quiz_team",
                {"team_name": "Les Quizerables", "players": 6, "date": ahead(JUN, "thursday")},
            ),
            step("pay_quiz_entry", {"amount": 12, "currency": "GBP"}, team_id=[0, "team_id"]),
        ],
        "and wired quoted money",
    ),
    multi(
        "sign our team 'Trivia Newton John' up for the quiz on Tuesday, 4 of us, captain is "
        "gary@example.com; then pay the €8 entry",
        FEB,
        [
            step(
                "register_quiz_team",
                {
                    "team_name": "Trivia Newton John",
                    "players": 4,
                    "date": ahead(FEB, "tuesday"),
                    "captain_email": "gary@example.com",
                },
            ),
            step("pay_quiz_entry", {"amount": 8, "currency": "EUR"}, team_id=[0, "team_id"]),
        ],
        "semicolon then wired quoted money",
    ),
    multi(
        "regster a team called Brains Trust, 3 players, for the 26th, then pay 15 quid entry",
        AUG,
        [
            step(
                "register_quiz_team",
                {"team_name": "Brains Trust", "players": 3, "date": nth_ahead(AUG, 26)},
            ),
            step("pay_quiz_entry", {"amount": 15, "currency": "GBP"}, team_id=[0, "team_id"]),
        ],
        "then wired typo money",
    ),
]

# --- other multi-step requests (18, in 9 pairs) -----------------------------------------------

OTHER_MULTI = [
    multi(
        "We're off to Spain 12-26 July: pause the milk and skip the window cleaner on the 20th",
        JUN,
        [
            step(
                "pause_milk_deliveries",
                {"start_date": on(JUN, 7, 12), "end_date": on(JUN, 7, 26)},
            ),
            step("skip_window_clean", {"date": on(JUN, 7, 20)}),
        ],
        "and context_first date_range",
    ),
    multi(
        "Away from Saturday till the 5th: stop the milk, skip the window clean on 1 September, "
        "and book a boiler service at LS6 3HN for the 6th",
        AUG,
        [
            step(
                "pause_milk_deliveries",
                {"start_date": ahead(AUG, "saturday"), "end_date": on(AUG, 9, 5)},
            ),
            step("skip_window_clean", {"date": on(AUG, 9, 1)}),
            step("book_boiler_service", {"postcode": "LS6 3HN", "date": on(AUG, 9, 6)}),
        ],
        "comma_list and context_first date_range",
    ),
    multi(
        "Send apologies for next Wednesday's practice, email eve@example.com; also, what are "
        "the soprano rehearsal dates?",
        OCT,
        [
            step(
                "send_rehearsal_apologies",
                {"date": next_week(OCT, "wednesday"), "member_email": "eve@example.com"},
            ),
            step("get_rehearsal_schedule", {"voice_part": "soprano"}),
        ],
        "semicolon_also question",
    ),
    multi(
        "Book an MOT for PL15 RTU on Friday at 9 then set up a reminder text to +44 7700 900987",
        JAN,
        [
            step(
                "book_mot_test",
                {"registration": "PL15 RTU", "date": ahead(JAN, "friday"), "time": "09:00"},
            ),
            step("enable_mot_reminder", {"registration": "PL15 RTU", "phone": "+447700900987"}),
        ],
        "then reference",
    ),
    multi(
        "Book Rolo the guinea pig in for a check-up on Tuesday, after that order more of his "
        "Critical Care to be posted",
        APR,
        [
            step(
                "book_vet_appointment",
                {
                    "pet_name": "Rolo",
                    "species": "guinea_pig",
                    "date": ahead(APR, "tuesday"),
                    "visit": "check_up",
                },
            ),
            step(
                "order_pet_prescription",
                {"pet_name": "Rolo", "medicine": "Critical Care", "delivery": "post"},
            ),
        ],
        "after_that reference",
    ),
    multi(
        "Book Luna the cat in for her booster on Thursday, but first check when her last jabs were",
        FEB,
        [
            step("get_vaccination_record", {"pet_name": "Luna"}),
            step(
                "book_vet_appointment",
                {
                    "pet_name": "Luna",
                    "species": "cat",
                    "date": ahead(FEB, "thursday"),
                    "visit": "vaccination",
                },
            ),
        ],
        "but_first reference vocabulary",
    ),
    multi(
        "Open jump for 2 on Sunday at 11, plus a waiver for Zac Hill born 9 May 2015, dad's "
        "email tom.hill@example.com",
        JUN,
        [
            step(
                "book_trampoline_session",
                {
                    "date": ahead(JUN, "sunday"),
                    "time": "11:00",
                    "jumpers": 2,
                    "session": "open_jump",
                },
            ),
            step(
                "sign_jump_waiver",
                {
                    "participant_name": "Zac Hill",
                    "date_of_birth": "2015-05-09",
                    "guardian_email": "tom.hill@example.com",
                },
            ),
        ],
        "comma_list terse",
    ),
    multi(
        "Waivers please for Amy Cole (born 1 Feb 2017) and Ben Cole (born 20 Oct 2019), "
        "guardian email lisa.cole@example.com",
        DEC,
        [
            step(
                "sign_jump_waiver",
                {
                    "participant_name": "Amy Cole",
                    "date_of_birth": "2017-02-01",
                    "guardian_email": "lisa.cole@example.com",
                },
            ),
            step(
                "sign_jump_waiver",
                {
                    "participant_name": "Ben Cole",
                    "date_of_birth": "2019-10-20",
                    "guardian_email": "lisa.cole@example.com",
                },
            ),
        ],
        "two_objects polite reference",
    ),
    multi(
        "Log a 6a+ flash from Tuesday followed by my climbing stats so far this month",
        AUG,
        [
            step(
                "log_climb",
                {"grade": "6a+", "climbed_on": back(AUG, "tuesday"), "style": "flash"},
            ),
            step("get_climbing_log", {"from_date": iso(AUG.replace(day=1)), "to_date": iso(AUG)}),
        ],
        "followed_by date_range",
    ),
    multi(
        "Saturday's a double birthday: bouldering for 6 at 2pm and book a karaoke room for 6 at 8",
        OCT,
        [
            step(
                "book_climbing_session",
                {
                    "date": ahead(OCT, "saturday"),
                    "time": "14:00",
                    "climbers": 6,
                    "activity": "bouldering",
                },
            ),
            step(
                "book_karaoke_room",
                {"date": ahead(OCT, "saturday"), "time": "20:00", "guests": 6},
            ),
        ],
        "and context_first reference",
    ),
    multi(
        "Golf's rained off, cancel GB-11402 and book karaoke for 4 people on Saturday at 9pm "
        "instead",
        JUN,
        [
            step("cancel_tee_time", {"booking_ref": "GB-11402"}),
            step(
                "book_karaoke_room",
                {"date": ahead(JUN, "saturday"), "time": "21:00", "guests": 4},
            ),
        ],
        "and context_first",
    ),
    multi(
        "Report no hot water at EH3 9QN; before that, pull up the past engineer visits for that "
        "address",
        JAN,
        [
            step("get_boiler_service_history", {"postcode": "EH3 9QN"}),
            step("report_boiler_fault", {"postcode": "EH3 9QN", "fault": "no_hot_water"}),
        ],
        "before_that semicolon reference vocabulary",
    ),
    multi(
        "Restart the milk from Tuesday, tell me what I owe",
        APR,
        [
            step("resume_milk_deliveries", {"from_date": ahead(APR, "tuesday")}),
            step("get_milkman_balance", {}),
        ],
        "comma_list terse",
    ),
    multi(
        "Extend SH-40127 by 4 days and get a quote for a 2 yard garden waste skip at LE2 1TE",
        FEB,
        [
            step("extend_skip_hire", {"hire_ref": "SH-40127", "extra_days": 4}),
            step("get_skip_quote", {"postcode": "LE2 1TE", "size_yards": 2, "waste": "garden"}),
        ],
        "and",
    ),
    multi(
        "Repeat prescriptions: Milbemax for Max and Frontline for Daisy, both to collect",
        OCT,
        [
            step(
                "order_pet_prescription",
                {"pet_name": "Max", "medicine": "Milbemax", "delivery": "collect"},
            ),
            step(
                "order_pet_prescription",
                {"pet_name": "Daisy", "medicine": "Frontline", "delivery": "collect"},
            ),
        ],
        "two_objects context_first reference",
    ),
    multi(
        "Put our flat at N16 8JH on the window round, monthly; pay the £12 for the first clean too",
        JAN,
        [
            step(
                "start_window_cleaning",
                {"postcode": "N16 8JH", "house": "flat", "frequency": "monthly"},
            ),
            step("pay_window_cleaner", {"amount": 12, "currency": "GBP"}),
        ],
        "semicolon money vocabulary",
    ),
    multi(
        "Sold AB12 CDE so turn off its remiders, then set one up for my new car KM19 XTR on +44 "
        "7700 900123, and book its MOT for the 3rd at 10",
        APR,
        [
            step("disable_mot_reminder", {"registration": "AB12 CDE"}),
            step("enable_mot_reminder", {"registration": "KM19 XTR", "phone": "+447700900123"}),
            step(
                "book_mot_test",
                {"registration": "KM19 XTR", "date": nth_ahead(APR, 3), "time": "10:00"},
            ),
        ],
        "then and context_first typo reference",
    ),
    multi(
        "cancel karaoke KR-70031 then register 'Quiz Khalifa' for Tuesday with 5 players",
        OCT,
        [
            step("cancel_karaoke_room", {"booking_ref": "KR-70031"}),
            step(
                "register_quiz_team",
                {"team_name": "Quiz Khalifa", "players": 5, "date": ahead(OCT, "tuesday")},
            ),
        ],
        "then quoted terse",
    ),
]

# --- near misses: the right objects, an action no capability performs (24, in 12 pairs) -------

NEAR_MISSES = [
    refuse("cancel skip hire SH-20931, don't need it after all", JAN, "near_miss opposite"),
    refuse("Can you swap skip SH-55102 for a bigger one?", FEB, "near_miss question"),
    refuse("move my boiler service from Friday to next week", JUN, "near_miss"),
    refuse("Cancel the boiler service on Thursday, I'll be at work", APR, "near_miss opposite"),
    refuse("cancel the climbing wall booking CW-44012", AUG, "near_miss opposite terse"),
    refuse("Cancel our trampoline session on Saturday please", OCT, "near_miss opposite polite"),
    refuse(
        "we don't need the bouncy castle on the 27th any more, cancel it",
        DEC,
        "near_miss opposite reference",
    ),
    refuse("cancel my christmas tree order XO-60218", NOV, "near_miss opposite"),
    refuse("take our team off the quiz list for tonight", JAN, "near_miss vocabulary"),
    refuse("can I get a refund on the quiz entry for QT-3310?", FEB, "near_miss question"),
    refuse("cancel Bella's vet appointment on Monday", APR, "near_miss opposite"),
    refuse("push Mittens's vet appointmnet back to Thursday", JUN, "near_miss typo"),
    refuse("cancel the MOT for KM19 XTR", AUG, "near_miss opposite terse"),
    refuse("return the 30 copies of SM-20417, wrong arrangement", OCT, "near_miss"),
    refuse("I want to leave the choir", DEC, "near_miss statement"),
    refuse("stop the window cleaner coming altogether, we're moving", NOV, "near_miss vocabulary"),
    refuse("the window cleaner never turned up, refund the £18 I paid", JAN, "near_miss money"),
    refuse("cancel the milk for good please", FEB, "near_miss opposite polite"),
    refuse("delete the 7a I logged yesterday, I got it wrong", APR, "near_miss"),
    refuse("rename our quiz team QT-2041 to 'Quizzy Rascal'", JUN, "near_miss quoted"),
    refuse("move karaoke KR-30112 to Friday instead", AUG, "near_miss terse"),
    refuse("change tee time GB-60330 to 10:20", OCT, "near_miss terse"),
    refuse("when does my MOT certifcate expire for LR70 KPU?", DEC, "near_miss question typo"),
    refuse("unsubscribe me from the choir newsletter", NOV, "near_miss"),
]

# --- off-domain requests (22, in 11 pairs) ----------------------------------------------------

OFF_DOMAIN = [
    refuse("skip this song", JAN, "off_domain terse"),
    refuse("what's the weather for golf at St Andrews on Saturday?", AUG, "off_domain question"),
    refuse("how many pints in a litre?", FEB, "off_domain question unit"),
    refuse("translate 'mot de passe' into English", APR, "off_domain quoted"),
    refuse("tell me a joke about bouncy castles", JUN, "off_domain"),
    refuse("order a large pepperoni pizza to SW4 9PL", OCT, "off_domain"),
    refuse("book a table for 4 at Dishoom on Friday at 8", DEC, "off_domain"),
    refuse("what's the capital of Peru? it's for the pub quiz", NOV, "off_domain question"),
    refuse("play some Christmas carols", DEC, "off_domain terse"),
    refuse("set a timer for 20 minutes for the turkey", DEC, "off_domain"),
    refuse("When is Veterans Day this year?", OCT, "off_domain question"),
    refuse("how high is the Old Man of Hoy?", AUG, "off_domain question"),
    refuse("how do I bleed a radiator?", JAN, "off_domain question"),
    refuse("update Windows on my laptop", JUN, "off_domain terse"),
    refuse("write a poem about a milkman", APR, "off_domain"),
    refuse("get me a taxi to the golf club at 7", FEB, "off_domain"),
    refuse("what's on at the cinema tonight", JUN, "off_domain question"),
    refuse("convert 12 stone to kilos", OCT, "off_domain unit terse"),
    refuse("sing me happy birthday", AUG, "off_domain terse"),
    refuse("remind me to call mum at 6", APR, "off_domain"),
    refuse("whats teh score in the Arsenal game", JAN, "off_domain typo question"),
    refuse("how long do rabbits live?", FEB, "off_domain question"),
]


def _pairs(cases: list[dict]) -> list[list[dict]]:
    assert len(cases) % 2 == 0
    return [cases[i : i + 2] for i in range(0, len(cases), 2)]


def _interleave(groups: list[list[list[dict]]]) -> list[dict]:
    """The pairs of every kind spread evenly over the set: pair ``i`` of a kind with ``n``
    pairs sits at ``(i + 0.5) / n``; ties keep the order of the kinds."""
    placed = [
        ((i + 0.5) / len(pairs), kind, i, pair)
        for kind, pairs in enumerate(groups)
        for i, pair in enumerate(pairs)
    ]
    placed.sort(key=lambda item: (item[0], item[1], item[2]))
    return [case for *_, pair in placed for case in pair]


def build() -> list[dict[str, Any]]:
    ordered = _interleave(
        [
            _pairs(SINGLES),
            _pairs(WIRED),
            _pairs(OTHER_MULTI),
            _pairs(NEAR_MISSES),
            _pairs(OFF_DOMAIN),
        ]
    )
    return [{"id": f"s{n:03d}", **case} for n, case in enumerate(ordered, start=1)]


CASES = build()


def main() -> None:
    text = json.dumps(CASES, indent=1, ensure_ascii=False) + "\n"
    (HERE / "cases.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {HERE / 'cases.json'}")


if __name__ == "__main__":
    main()
