"""Writes ``cases.json``: the fourth blind held-out set's requests and their expected plans.

Every date is computed here with ``datetime`` from the case's own ``today`` (the conventions are
in ``README.md`` and ``../heldout/README.md``). Cases are written in pairs of one kind (single,
wired multi-step, other multi-step, near miss, off-domain), the first of a pair odd-numbered, so
the odd half (to tune on) and the even half (the test) hold the same mix.

    python3 plugins/nl_planning/tests/heldout4/generate_cases.py
"""

from __future__ import annotations

import datetime as dt
import json
from itertools import zip_longest
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# The six todays: Tuesday, Thursday, Monday, Friday, Wednesday, and a Tuesday near a year end.
A, B, C, D, E, F = (
    "2026-02-10",
    "2026-04-23",
    "2026-06-08",
    "2026-08-21",
    "2026-10-14",
    "2026-12-29",
)
_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS = _DAYS[:5]


def _d(today: str) -> dt.date:
    return dt.date.fromisoformat(today)


def plus(today: str, days: int) -> str:
    """``today`` + ``days`` ("tomorrow" = 1, "yesterday" = -1)."""
    return (_d(today) + dt.timedelta(days=days)).isoformat()


def after(date: str, days: int) -> str:
    """A date ``days`` after another (the end of "for 3 nights", "for a week")."""
    return plus(date, days)


def nxt(today: str, day: str) -> str:
    """A bare weekday when scheduling: the next one, today excluded."""
    t = _d(today)
    ahead = (_DAYS.index(day) - t.weekday() - 1) % 7 + 1
    return (t + dt.timedelta(days=ahead)).isoformat()


def last(today: str, day: str) -> str:
    """A bare weekday when recording: the last one, today excluded."""
    t = _d(today)
    back = (t.weekday() - _DAYS.index(day) - 1) % 7 + 1
    return (t - dt.timedelta(days=back)).isoformat()


def next_week(today: str, day: str) -> str:
    """That weekday of next week (weeks run Monday to Sunday)."""
    t = _d(today)
    monday = t - dt.timedelta(days=t.weekday()) + dt.timedelta(days=7)
    return (monday + dt.timedelta(days=_DAYS.index(day))).isoformat()


def last_week(today: str) -> tuple[str, str]:
    """Monday to Sunday of the previous week."""
    t = _d(today)
    monday = t - dt.timedelta(days=t.weekday() + 7)
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def dom(today: str, day: int) -> str:
    """ "the 21st" when scheduling: the next date with that day of the month, today excluded."""
    t = _d(today) + dt.timedelta(days=1)
    while t.day != day:
        t += dt.timedelta(days=1)
    return t.isoformat()


def on(today: str, month: int, day: int) -> str:
    """ "the 3rd of April" when scheduling: in the nearest year that is not in the past."""
    t = _d(today)
    date = dt.date(t.year, month, day)
    return (date if date >= t else dt.date(t.year + 1, month, day)).isoformat()


def month_range(today: str, month: int) -> tuple[str, str]:
    """A month named when reporting: the most recent one that has ended."""
    t = _d(today)
    year = t.year if month < t.month else t.year - 1
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def ft_to_m(feet: float) -> float:
    return round(feet * 0.3048, 3)


def mi_to_km(miles: float) -> float:
    return round(miles * 1.609344, 3)


def f_to_c(fahrenheit: float) -> float:
    return round((fahrenheit - 32) * 5 / 9, 3)


def step(capability: str, params: dict[str, Any], wired: dict[str, list[Any]] | None = None):
    out: dict[str, Any] = {"capability": capability, "params": params}
    if wired:
        out["wired"] = wired
    return out


def S(text: str, today: str, capability: str, params: dict[str, Any], *tags: str) -> dict[str, Any]:
    return {
        "text": text,
        "today": today,
        "expect": [step(capability, params)],
        "kind": "single",
        "tags": list(tags),
    }


def M(text: str, today: str, steps: list[dict[str, Any]], *tags: str) -> dict[str, Any]:
    return {"text": text, "today": today, "expect": steps, "kind": "multi", "tags": list(tags)}


def R(text: str, today: str, *tags: str) -> dict[str, Any]:
    return {"text": text, "today": today, "expect": "refuse", "kind": "refuse", "tags": list(tags)}


def W(source: int, output: str) -> list[Any]:
    return [source, output]


# --- single-step requests ----------------------------------------------------------------------

SINGLE = [
    # campsite
    S(
        "any tent pitches free from the 4th to the 7th of September?",
        D,
        "search_pitches",
        {"arrival_date": on(D, 9, 4), "departure_date": on(D, 9, 7), "pitch_type": "tent"},
        "question",
        "range",
    ),
    S(
        "We've got a 7.5 m motorhome and two dogs, looking for somewhere with electric from "
        "Friday 28 August for three nights",
        D,
        "search_pitches",
        {
            "arrival_date": on(D, 8, 28),
            "departure_date": after(on(D, 8, 28), 3),
            "pitch_type": "motorhome",
            "vehicle_length_m": 7.5,
            "dogs": 2,
            "electric_hookup": True,
        },
        "context_first",
        "numbers_in_words",
        "duration",
        "indirect",
    ),
    S(
        "caravan pitch, our van is 24ft, 12th to 14th of June, hook-up please",
        B,
        "search_pitches",
        {
            "arrival_date": on(B, 6, 12),
            "departure_date": on(B, 6, 14),
            "pitch_type": "caravan",
            "vehicle_length_m": ft_to_m(24),
            "electric_hookup": True,
        },
        "unit",
        "terse",
    ),
    S(
        "book pitch P-0142 for 2 adults and 3 kids, arriving 1 May leaving 4 May, confirmation to "
        "sam.okafor@example.com",
        B,
        "book_pitch",
        {
            "pitch_id": "P-0142",
            "arrival_date": on(B, 5, 1),
            "departure_date": on(B, 5, 4),
            "adults": 2,
            "children": 3,
            "email": "sam.okafor@example.com",
        },
        "email",
    ),
    S(
        "pls bok pitch p-0033 for the 18th to the 20th",
        C,
        "book_pitch",
        {"pitch_id": "P-0033", "arrival_date": dom(C, 18), "departure_date": dom(C, 20)},
        "typo",
        "lowercase_id",
    ),
    S(
        "reserve P-0217 from tomorrow until Sunday, just me",
        D,
        "book_pitch",
        {
            "pitch_id": "P-0217",
            "arrival_date": plus(D, 1),
            "departure_date": nxt(D, "sun"),
            "adults": 1,
        },
        "relative_date",
    ),
    S("cancel CP-204118", C, "cancel_pitch_booking", {"booking_ref": "CP-204118"}, "terse"),
    S(
        "Hi, we need to call off our camping trip, booking CP-330912. Reason: my daughter broke "
        "her leg.",
        D,
        "cancel_pitch_booking",
        {"booking_ref": "CP-330912", "reason": "my daughter broke her leg"},
        "polite",
        "vocabulary",
        "delimited_text",
    ),
    S(
        "can't make it to the campsite any more, ref cp-771204",
        E,
        "cancel_pitch_booking",
        {"booking_ref": "CP-771204"},
        "indirect",
        "lowercase_id",
    ),
    # bike share
    S("unlcok bike 40213", A, "unlock_bike", {"bike_number": "40213"}, "terse", "typo"),
    S(
        "Could you release bike number 18822 from the dock for me please?",
        B,
        "unlock_bike",
        {"bike_number": "18822"},
        "polite",
        "question",
    ),
    S(
        "i'm at the dock, bike 55102, let me take it",
        E,
        "unlock_bike",
        {"bike_number": "55102"},
        "indirect",
        "context_first",
    ),
    S(
        "bike 30417 has a flat tyre",
        A,
        "report_bike_damage",
        {"bike_number": "30417", "problem": "flat_tyre"},
        "british",
        "statement",
    ),
    S(
        "The brakes on 22981 barely work",
        C,
        "report_bike_damage",
        {"bike_number": "22981", "problem": "brakes"},
        "statement",
        "enum_by_meaning",
    ),
    S(
        "chain keeps coming off on bike 67120 - note for the mechanic: 'it slips in top gear'",
        F,
        "report_bike_damage",
        {"bike_number": "67120", "problem": "chain", "details": "it slips in top gear"},
        "quoted",
    ),
    S(
        "I'd like an annual membership including e-bikes, renewing automatically",
        B,
        "buy_bike_pass",
        {"plan": "annual", "ebike": True, "auto_renew": True},
        "boolean",
        "vocabulary",
    ),
    S("day pass for the bikes please", D, "buy_bike_pass", {"plan": "day"}, "terse"),
    # home alarm
    S("set the alarm to night mode", E, "arm_alarm", {"mode": "night"}, "enum"),
    S(
        "we're heading out, arm the house and give us two minutes to get out",
        A,
        "arm_alarm",
        {"mode": "away", "exit_delay_seconds": 120},
        "unit",
        "numbers_in_words",
        "context_first",
    ),
    S("disarm, code 4471", B, "disarm_alarm", {"pin": "4471"}, "terse"),
    S("switch of the alarm 5580", F, "disarm_alarm", {"pin": "5580"}, "typo", "terse"),
    S(
        "turn the burglar alarm off, pin is 902214",
        D,
        "disarm_alarm",
        {"pin": "902214"},
        "vocabulary",
    ),
    S(
        "Add my cleaner Rosa Diaz to the alarm, her mobile is +44 7700 900123, arm only",
        C,
        "add_alarm_user",
        {"name": "Rosa Diaz", "phone": "+447700900123", "access": "arm_only"},
        "phone",
        "enum",
    ),
    S(
        "Give our neighbour Tom Price a temporary code until Sunday, number +1 415 555 0142",
        E,
        "add_alarm_user",
        {
            "name": "Tom Price",
            "phone": "+14155550142",
            "access": "temporary",
            "expires_on": nxt(E, "sun"),
        },
        "phone",
        "relative_date",
    ),
    S(
        "did the alarm go off at all since Saturday?",
        C,
        "get_alarm_events",
        {"from_date": last(C, "sat"), "to_date": C, "kind": "alarms"},
        "question",
        "range",
        "enum_by_meaning",
    ),
    S(
        "show me the alarm log for last week",
        B,
        "get_alarm_events",
        dict(zip(("from_date", "to_date"), last_week(B), strict=True)),
        "range",
        "last_week",
    ),
    S(
        "how much to move a 3-bed from LS6 2AB to M20 4RT on 14 November?",
        E,
        "get_removal_quote",
        {
            "from_postcode": "LS6 2AB",
            "to_postcode": "M20 4RT",
            "move_date": on(E, 11, 14),
            "bedrooms": 3,
        },
        "question",
        "vocabulary",
    ),
    # removals
    S(
        "faults logged by the panel in September",
        E,
        "get_alarm_events",
        {**dict(zip(("from_date", "to_date"), month_range(E, 9), strict=True)), "kind": "faults"},
        "range",
        "month",
    ),
    S(
        "Quote please: two bedroom flat, SW9 8JX to BS7 9QA, Saturday 5 September, and there's an "
        "upright piano",
        D,
        "get_removal_quote",
        {
            "from_postcode": "SW9 8JX",
            "to_postcode": "BS7 9QA",
            "move_date": on(D, 9, 5),
            "bedrooms": 2,
            "piano": True,
        },
        "numbers_in_words",
        "boolean",
    ),
    S(
        "removal qoute, studio flat, e1 6an to n16 7hy, next Friday",
        D,
        "get_removal_quote",
        {
            "from_postcode": "E1 6AN",
            "to_postcode": "N16 7HY",
            "move_date": nxt(D, "fri"),
            "bedrooms": 0,
        },
        "typo",
        "lowercase_id",
        "vocabulary",
    ),
    S(
        "book the move for quote RQ-20418 on the 30th, crew at 8am",
        D,
        "book_removal",
        {"quote_id": "RQ-20418", "move_date": dom(D, 30), "start_time": "08:00"},
        "time",
    ),
    S(
        "We'd like to go ahead with removal quote RQ-55120 for Saturday the 12th of December; "
        "call me on +44 7700 900456 on the day",
        E,
        "book_removal",
        {"quote_id": "RQ-55120", "move_date": on(E, 12, 12), "contact_phone": "+447700900456"},
        "polite",
        "phone",
    ),
    S(
        "confirm rq-10877 for tomorrow at half seven in the morning",
        A,
        "book_removal",
        {"quote_id": "RQ-10877", "move_date": plus(A, 1), "start_time": "07:30"},
        "time",
        "lowercase_id",
        "british",
    ),
    S(
        "20 large boxes delivered on Thursday with tape",
        C,
        "order_moving_boxes",
        {"size": "large", "quantity": 20, "delivery_date": nxt(C, "thu"), "tape": True},
        "terse",
    ),
    S(
        "I need a dozen wardrobe boxes dropped off by the 2nd",
        F,
        "order_moving_boxes",
        {"size": "wardrobe", "quantity": 12, "delivery_date": dom(F, 2)},
        "numbers_in_words",
        "year_boundary",
    ),
    # smart heating
    S(
        "make the living room 21 degrees",
        A,
        "set_room_temperature",
        {"room": "living_room", "temperature_celsius": 21},
        "terse",
    ),
    S(
        "bedroom to 18°C until 7am",
        E,
        "set_room_temperature",
        {"room": "bedroom", "temperature_celsius": 18, "until": "07:00"},
        "time",
    ),
    S(
        "it's freezing in the office, can you put it up to 68 Fahrenheit?",
        F,
        "set_room_temperature",
        {"room": "office", "temperature_celsius": f_to_c(68)},
        "unit",
        "question",
        "american",
    ),
    S("boost the hot water", B, "boost_hot_water", {}, "terse"),
    S(
        "we need hot watter for showers, give it 45 minutes",
        D,
        "boost_hot_water",
        {"duration_minutes": 45},
        "typo",
        "context_first",
    ),
    S(
        "We're away from the 19th to the 26th of December, put the heating into holiday mode",
        E,
        "set_heating_holiday_mode",
        {"start_date": on(E, 12, 19), "end_date": on(E, 12, 26)},
        "range",
        "context_first",
    ),
    S(
        "holiday mode from Friday for a week, keep it at 10 degrees minimum",
        C,
        "set_heating_holiday_mode",
        {"start_date": nxt(C, "fri"), "end_date": after(nxt(C, "fri"), 6), "frost_celsius": 10},
        "duration",
    ),
    S(
        "going skiing 3rd-10th Jan, frost protection on please",
        F,
        "set_heating_holiday_mode",
        {"start_date": on(F, 1, 3), "end_date": on(F, 1, 10)},
        "year_boundary",
        "indirect",
        "range",
    ),
    # babysitting
    S(
        "Is there a sitter free Saturday evening 7 till 11 for two kids?",
        B,
        "find_babysitter",
        {"date": nxt(B, "sat"), "start_time": "19:00", "end_time": "23:00", "children": 2},
        "question",
        "time",
        "numbers_in_words",
    ),
    S(
        "looking for a babysitter with first aid, tomorrow 6pm-10pm",
        C,
        "find_babysitter",
        {"date": plus(C, 1), "start_time": "18:00", "end_time": "22:00", "first_aid": True},
        "boolean",
        "time",
    ),
    S(
        "any babysiters on the 14th from 1 to 5 pm?",
        A,
        "find_babysitter",
        {"date": dom(A, 14), "start_time": "13:00", "end_time": "17:00"},
        "typo",
        "question",
        "time",
    ),
    S(
        "book a babysitter for Friday 19:30 to 23:30, three children, note: 'Leo goes to bed at 8'",
        E,
        "book_babysitter",
        {
            "date": nxt(E, "fri"),
            "start_time": "19:30",
            "end_time": "23:30",
            "children": 3,
            "notes": "Leo goes to bed at 8",
        },
        "quoted",
        "numbers_in_words",
    ),
    S(
        "we're going to a wedding on 4 July, need someone to mind our son from 2pm to 11pm",
        C,
        "book_babysitter",
        {"date": on(C, 7, 4), "start_time": "14:00", "end_time": "23:00"},
        "context_first",
        "indirect",
        "time",
    ),
    S(
        "book SIT-0042 for tonight 8 to 11",
        D,
        "book_babysitter",
        {"sitter_id": "SIT-0042", "date": D, "start_time": "20:00", "end_time": "23:00"},
        "time",
        "terse",
    ),
    S("cancel BB-20417", B, "cancel_babysitter_booking", {"booking_id": "BB-20417"}, "terse"),
    S(
        "we don't need the sitter anymore on Friday, booking bb-55031",
        F,
        "cancel_babysitter_booking",
        {"booking_id": "BB-55031"},
        "indirect",
        "lowercase_id",
    ),
    S(
        "5 stars for Maria, 'the kids adored her'",
        C,
        "rate_babysitter",
        {"sitter_name": "Maria", "stars": 5, "comment": "the kids adored her"},
        "quoted",
        "terse",
    ),
    S(
        "Give Chloe four stars",
        D,
        "rate_babysitter",
        {"sitter_name": "Chloe", "stars": 4},
        "numbers_in_words",
    ),
    S(
        "Rate Hannah 2 out of 5 - comment: she was an hour late",
        A,
        "rate_babysitter",
        {"sitter_name": "Hannah", "stars": 2, "comment": "she was an hour late"},
        "delimited_text",
    ),
    # newspaper delivery
    S(
        "stop the papers from the 1st to the 14th of March",
        A,
        "pause_newspaper_delivery",
        {"start_date": on(A, 3, 1), "end_date": on(A, 3, 14)},
        "range",
        "british",
    ),
    S(
        "we're away nxt week, no papers please",
        B,
        "pause_newspaper_delivery",
        {"start_date": next_week(B, "mon"), "end_date": next_week(B, "sun")},
        "typo",
        "indirect",
        "range",
    ),
    S(
        "Hold my newspaper delivery while I'm in hospital, Monday to Thursday",
        E,
        "pause_newspaper_delivery",
        {"start_date": nxt(E, "mon"), "end_date": after(nxt(E, "mon"), 3)},
        "range",
        "context_first",
    ),
    S(
        "start the papers again on Saturday",
        F,
        "resume_newspaper_delivery",
        {"resume_on": nxt(F, "sat")},
        "year_boundary",
    ),
    S(
        "resume delivery from tomorrow",
        C,
        "resume_newspaper_delivery",
        {"resume_on": plus(C, 1)},
        "terse",
    ),
    S(
        "switch me to The Times on weekdays",
        D,
        "change_newspaper_order",
        {"title": "The Times", "days": WEEKDAYS},
        "list",
    ),
    S(
        "I'd like the Observer on Sundays only",
        E,
        "change_newspaper_order",
        {"title": "Observer", "days": ["sun"]},
        "list",
        "indirect",
    ),
    S(
        "change my order to 'The Guardian' Monday, Wednesday and Friday",
        A,
        "change_newspaper_order",
        {"title": "The Guardian", "days": ["mon", "wed", "fri"]},
        "quoted",
        "list",
    ),
    # EV charging
    S(
        "find a CCS charger near Leeds station, at least 50 kW",
        B,
        "find_charger",
        {"near": "Leeds station", "connector": "CCS", "min_power_kw": 50},
        "unit",
    ),
    S(
        "any Type 2 chargepoints within 2 miles of Bath Abbey?",
        D,
        "find_charger",
        {"near": "Bath Abbey", "connector": "Type 2", "radius_km": mi_to_km(2)},
        "unit",
        "question",
    ),
    S(
        "chademo chager in Keswick",
        F,
        "find_charger",
        {"near": "Keswick", "connector": "CHAdeMO"},
        "typo",
        "terse",
    ),
    S("start charging on EVC-1042", A, "start_charging", {"charger_id": "EVC-1042"}, "terse"),
    S(
        "plug's in at evc-3310, charge to 90%",
        C,
        "start_charging",
        {"charger_id": "EVC-3310", "target_percent": 90},
        "lowercase_id",
        "context_first",
    ),
    S(
        "Begin a session at chargepoint EVC-0815 and stop at full",
        E,
        "start_charging",
        {"charger_id": "EVC-0815", "target_percent": 100},
        "enum_by_meaning",
    ),
    S("stop charging session CS104221", B, "stop_charging", {"session_id": "CS104221"}, "terse"),
    S(
        "end my charge CS330017 please, I need to go",
        D,
        "stop_charging",
        {"session_id": "CS330017"},
        "vocabulary",
    ),
    # bakery
    S(
        "A chocolate cake for 20 with 'Happy 40th Dad' on it, collecting Saturday at 3pm",
        B,
        "order_cake",
        {
            "servings": 20,
            "flavour": "chocolate",
            "message": "Happy 40th Dad",
            "pickup_date": nxt(B, "sat"),
            "pickup_time": "15:00",
        },
        "quoted",
        "time",
    ),
    S(
        "my daughter's coeliac - lemon cake, gluten free, serves 12, pick up on the 9th",
        E,
        "order_cake",
        {"servings": 12, "flavour": "lemon", "allergies": ["gluten"], "pickup_date": dom(E, 9)},
        "context_first",
        "list",
        "british",
    ),
    S(
        "red velvet cake for thirty people Thursday next week, no nuts",
        A,
        "order_cake",
        {
            "servings": 30,
            "flavour": "red_velvet",
            "allergies": ["nuts"],
            "pickup_date": next_week(A, "thu"),
        },
        "numbers_in_words",
        "date_next_week",
    ),
    S(
        "two dozen vanilla cupcakes for Friday",
        C,
        "order_cupcakes",
        {"quantity": 24, "flavour": "vanilla", "pickup_date": nxt(C, "fri")},
        "numbers_in_words",
    ),
    S(
        "36 vegan chocolate cupcakes, picking them up 2 October",
        D,
        "order_cupcakes",
        {"quantity": 36, "flavour": "chocolate", "vegan": True, "pickup_date": on(D, 10, 2)},
        "boolean",
    ),
    S(
        "Could I get 12 carrot cupcakes for tomorrow?",
        F,
        "order_cupcakes",
        {"quantity": 12, "flavour": "carrot", "pickup_date": plus(F, 1)},
        "question",
        "polite",
    ),
    S("is CK20417 ready?", A, "check_cake_order", {"order_number": "CK20417"}, "question", "terse"),
    S(
        "what's happening with my cake order CK55102?",
        C,
        "check_cake_order",
        {"order_number": "CK55102"},
        "question",
    ),
    S(
        "status of ordr ck10933",
        E,
        "check_cake_order",
        {"order_number": "CK10933"},
        "typo",
        "lowercase_id",
    ),
    S(
        "can I collect CK20417 on Sunday instead?",
        B,
        "change_cake_pickup",
        {"order_number": "CK20417", "new_date": nxt(B, "sun")},
        "question",
    ),
    S(
        "move the pick-up of order CK31120 to the 24th at 10:30",
        F,
        "change_cake_pickup",
        {"order_number": "CK31120", "new_date": dom(F, 24), "new_time": "10:30"},
        "year_boundary",
        "time",
    ),
    S(
        "pick up CK40021 on Tuesday next week at 4pm instead",
        C,
        "change_cake_pickup",
        {"order_number": "CK40021", "new_date": next_week(C, "tue"), "new_time": "16:00"},
        "date_next_week",
        "time",
    ),
    # chess tournament
    S(
        "enter me in T-2041, FIDE 2345678, under 1800 section",
        D,
        "register_for_tournament",
        {"tournament_code": "T-2041", "fide_id": "2345678", "section": "u1800"},
        "enum_by_meaning",
    ),
    S(
        "Please register FIDE ID 416204 for the congress T-3007.",
        A,
        "register_for_tournament",
        {"tournament_code": "T-3007", "fide_id": "416204"},
        "polite",
    ),
    S(
        "sign my son up for T-1150 juniors, his fide number is 34512209",
        E,
        "register_for_tournament",
        {"tournament_code": "T-1150", "fide_id": "34512209", "section": "junior"},
        "vocabulary",
        "enum_by_meaning",
    ),
    S(
        "round 3 bord 12: white won",
        B,
        "report_game_result",
        {"round": 3, "board": 12, "result": "white_win"},
        "typo",
        "terse",
    ),
    S(
        "Board 7, round five, we agreed a draw",
        C,
        "report_game_result",
        {"round": 5, "board": 7, "result": "draw"},
        "numbers_in_words",
        "statement",
    ),
    S(
        "Black won on board 31 in the 2nd round",
        F,
        "report_game_result",
        {"round": 2, "board": 31, "result": "black_win"},
        "statement",
        "enum_by_meaning",
    ),
    S(
        "I can't play rond 4, entry E20417",
        D,
        "request_bye",
        {"entry_id": "E20417", "round": 4},
        "typo",
        "indirect",
    ),
    S(
        "half-point bye for round six please, my entry is E10533",
        A,
        "request_bye",
        {"entry_id": "E10533", "round": 6},
        "numbers_in_words",
    ),
    # pest control
    S(
        "we've got mice in the kitchen, can someone come on Monday? 14 Elm Grove, Leeds",
        D,
        "book_pest_inspection",
        {"pest": "mice", "address": "14 Elm Grove, Leeds", "date": nxt(D, "mon")},
        "context_first",
        "question",
        "address",
    ),
    S(
        "Wasps nest under the eaves at 3 Mill Lane - urgent, today if you can",
        D,
        "book_pest_inspection",
        {"pest": "wasps", "address": "3 Mill Lane", "date": D, "urgent": True},
        "boolean",
        "address",
    ),
    S(
        "bed bugs at 22 Park Road, book an inspection for the 3rd",
        E,
        "book_pest_inspection",
        {"pest": "bedbugs", "address": "22 Park Road", "date": dom(E, 3)},
        "address",
    ),
    S(
        "what did the technician find on job PC-20417?",
        B,
        "get_treatment_report",
        {"job_number": "PC-20417"},
        "question",
        "vocabulary",
    ),
    S(
        "send me the treatment report for PC-55019",
        F,
        "get_treatment_report",
        {"job_number": "PC-55019"},
    ),
    S(
        "saw two rats in the garage yesterday",
        C,
        "log_pest_sighting",
        {"pest": "rats", "count": 2, "location": "garage", "seen_on": plus(C, -1)},
        "statement",
        "numbers_in_words",
    ),
    S(
        "Log a sighting: cockroaches, kitchen, Sunday",
        F,
        "log_pest_sighting",
        {"pest": "cockroaches", "location": "kitchen", "seen_on": last(F, "sun")},
        "terse",
    ),
    S(
        "There were moths in the wardrobe this morning",
        A,
        "log_pest_sighting",
        {"pest": "moths", "location": "wardrobe", "seen_on": A},
        "statement",
        "indirect",
    ),
    # coworking
    S(
        "hot desk in Shoreditch tomorrow",
        A,
        "book_desk",
        {"site": "Shoreditch", "date": plus(A, 1), "desk_type": "hot_desk"},
        "terse",
    ),
    S(
        "Can I get a standing desk at Canary Wharf for the whole of next week?",
        B,
        "book_desk",
        {"site": "Canary Wharf", "desk_type": "standing", "date": next_week(B, "mon"), "days": 5},
        "question",
        "duration",
    ),
    S(
        "quiet zone desk in Manchster, Monday to Wednesday",
        E,
        "book_desk",
        {"site": "Manchester", "desk_type": "quiet_zone", "date": nxt(E, "mon"), "days": 3},
        "typo",
        "duration",
    ),
    S("cancel desk DK204118", C, "cancel_desk_booking", {"booking_id": "DK204118"}, "terse"),
    S(
        "I won't need my desk after all, booking dk330912",
        D,
        "cancel_desk_booking",
        {"booking_id": "DK330912"},
        "indirect",
        "lowercase_id",
    ),
    S(
        "meeting room for 6 tomorrow 2-4pm with video",
        C,
        "book_meeting_room",
        {
            "people": 6,
            "date": plus(C, 1),
            "start_time": "14:00",
            "end_time": "16:00",
            "video": True,
        },
        "time",
        "terse",
    ),
    S(
        "We're a party of eight coming in for a planning session on Thursday, need a room from "
        "10 to 12:30",
        C,
        "book_meeting_room",
        {"people": 8, "date": nxt(C, "thu"), "start_time": "10:00", "end_time": "12:30"},
        "context_first",
        "numbers_in_words",
        "time",
    ),
    S(
        "room for four on the 2nd of March, half nine to eleven",
        A,
        "book_meeting_room",
        {"people": 4, "date": on(A, 3, 2), "start_time": "09:30", "end_time": "11:00"},
        "numbers_in_words",
        "time",
        "british",
    ),
    S(
        "I've got Jane Holt coming to see me on Wednesday at 11",
        B,
        "register_visitor",
        {"visitor_name": "Jane Holt", "visit_date": nxt(B, "wed"), "arrival_time": "11:00"},
        "indirect",
        "statement",
        "time",
    ),
    S(
        "register a visitor: Omar Farouk, omar@farouk.io, tomorrow",
        D,
        "register_visitor",
        {
            "visitor_name": "Omar Farouk",
            "visitor_email": "omar@farouk.io",
            "visit_date": plus(D, 1),
        },
        "email",
    ),
    S(
        "guest pass for Li Wei on 5 Nov at 9:15 for meeting MR-20417",
        E,
        "register_visitor",
        {
            "visitor_name": "Li Wei",
            "visit_date": on(E, 11, 5),
            "arrival_time": "09:15",
            "meeting_id": "MR-20417",
        },
        "time",
    ),
    # car valeting
    S(
        "full valet for AB12 CDE on Saturday at 10",
        E,
        "book_car_valet",
        {"registration": "AB12 CDE", "package": "full", "date": nxt(E, "sat"), "time": "10:00"},
        "terse",
    ),
    S(
        "interior clean for my van, reg LK70 XYZ, tomorrow 8:30am",
        F,
        "book_car_valet",
        {
            "registration": "LK70 XYZ",
            "package": "interior",
            "vehicle_size": "van",
            "date": plus(F, 1),
            "time": "08:30",
        },
        "enum_by_meaning",
        "time",
    ),
    S(
        "exterir wash for yf19 abc on the 3rd at 2pm",
        B,
        "book_car_valet",
        {"registration": "YF19 ABC", "package": "exterior", "date": dom(B, 3), "time": "14:00"},
        "typo",
        "lowercase_id",
        "time",
    ),
    S(
        "£40 valet gift card for mum@example.co.uk with the note 'Happy birthday!'",
        A,
        "buy_valet_voucher",
        {
            "amount": 40,
            "currency": "GBP",
            "recipient_email": "mum@example.co.uk",
            "message": "Happy birthday!",
        },
        "money",
        "quoted",
        "email",
    ),
    S(
        "buy a 75 euro voucher for jan.devries@example.nl",
        C,
        "buy_valet_voucher",
        {"amount": 75, "currency": "EUR", "recipient_email": "jan.devries@example.nl"},
        "money",
        "email",
    ),
    S(
        "Could I send a fifty pound voucher to sam@example.com?",
        D,
        "buy_valet_voucher",
        {"amount": 50, "currency": "GBP", "recipient_email": "sam@example.com"},
        "money",
        "question",
        "numbers_in_words",
    ),
    # family history
    S(
        "look for births of Ada Whitfield between 1880 and 1890 in Yorkshire",
        B,
        "search_birth_records",
        {
            "surname": "Whitfield",
            "forenames": "Ada",
            "year_from": 1880,
            "year_to": 1890,
            "county": "Yorkshire",
        },
        "range",
    ),
    S(
        "Any Thistlethwaite brths 1901-1911?",
        E,
        "search_birth_records",
        {"surname": "Thistlethwaite", "year_from": 1901, "year_to": 1911},
        "typo",
        "question",
        "terse",
    ),
    S(
        "search the birth index for a Thomas Pryce born in Glamorgan sometime between 1850 and "
        "1855",
        F,
        "search_birth_records",
        {
            "surname": "Pryce",
            "forenames": "Thomas",
            "year_from": 1850,
            "year_to": 1855,
            "county": "Glamorgan",
        },
        "range",
    ),
    S(
        "order a certificate for GRO1048822",
        A,
        "order_certificate",
        {"record_id": "GRO1048822"},
        "terse",
    ),
    S(
        "two copies of record GRO2201934 as PDFs please",
        C,
        "order_certificate",
        {"record_id": "GRO2201934", "copies": 2, "delivery": "pdf"},
        "numbers_in_words",
        "enum",
    ),
    # crowdfunding
    S(
        "pledge $25 to solar-kettle",
        B,
        "pledge_to_project",
        {"project_slug": "solar-kettle", "amount": 25, "currency": "USD"},
        "money",
        "terse",
    ),
    S(
        "back smart-hive with 40 euros, anonymously",
        D,
        "pledge_to_project",
        {"project_slug": "smart-hive", "amount": 40, "currency": "EUR", "anonymous": True},
        "money",
        "boolean",
    ),
    S(
        "Put fifteen quid on the pocket-loom campaign",
        F,
        "pledge_to_project",
        {"project_slug": "pocket-loom", "amount": 15, "currency": "GBP"},
        "money",
        "numbers_in_words",
        "british",
        "vocabulary",
    ),
    S("follow tiny-forge", A, "follow_project", {"project_slug": "tiny-forge"}, "terse"),
    S(
        "watch the retro-radio campaign but don't email me about it",
        C,
        "follow_project",
        {"project_slug": "retro-radio", "email_updates": False},
        "boolean",
        "vocabulary",
    ),
    S(
        "send the creators of solar-kettle: 'When will the EU plugs ship?'",
        B,
        "message_creator",
        {"project_slug": "solar-kettle", "message": "When will the EU plugs ship?"},
        "quoted",
    ),
    S(
        "mesage pocket-loom's team saying 'my reward never arrived'",
        D,
        "message_creator",
        {"project_slug": "pocket-loom", "message": "my reward never arrived"},
        "quoted",
        "typo",
    ),
    S(
        'ask the smart-hive people "is there a UK version?"',
        F,
        "message_creator",
        {"project_slug": "smart-hive", "message": "is there a UK version?"},
        "quoted",
        "vocabulary",
    ),
    # watch repair
    S(
        "My Seiko needs a new battery, I can bring it in on Thursday",
        E,
        "request_watch_repair",
        {"brand": "Seiko", "issue": "battery", "drop_off_date": nxt(E, "thu")},
        "statement",
        "indirect",
    ),
    S(
        "Omega with water under the glass, dropping it off tomorrow, serial 81234567",
        F,
        "request_watch_repair",
        {
            "brand": "Omega",
            "issue": "water_damage",
            "drop_off_date": plus(F, 1),
            "serial_number": "81234567",
        },
        "enum_by_meaning",
    ),
    S(
        "full service for my grandfather's Rolex, bring it by on the 7th",
        A,
        "request_watch_repair",
        {"brand": "Rolex", "issue": "service", "drop_off_date": dom(A, 7)},
        "context_first",
    ),
    S(
        "how's WR-20417 coming along?",
        B,
        "check_repair_status",
        {"repair_ticket": "WR-20417"},
        "question",
        "terse",
    ),
    S(
        "Is my wacth ready? ticket wr-55031",
        D,
        "check_repair_status",
        {"repair_ticket": "WR-55031"},
        "question",
        "typo",
        "lowercase_id",
    ),
    S("approve quote Q204118", C, "approve_repair_quote", {"quote_id": "Q204118"}, "terse"),
    S(
        "Go ahead with the work on Q330912, tell them 'please keep the old strap'",
        E,
        "approve_repair_quote",
        {"quote_id": "Q330912", "note": "please keep the old strap"},
        "quoted",
        "vocabulary",
    ),
    S(
        "yes, do the repair on quote q771204",
        A,
        "approve_repair_quote",
        {"quote_id": "Q771204"},
        "lowercase_id",
        "vocabulary",
    ),
]

# --- multi-step requests whose later step reads an earlier step's output -----------------------

WIRED = [
    M(
        "find a tent pitch for 10-12 July and book it for 2 adults",
        C,
        [
            step(
                "search_pitches",
                {
                    "arrival_date": on(C, 7, 10),
                    "departure_date": on(C, 7, 12),
                    "pitch_type": "tent",
                },
            ),
            step(
                "book_pitch",
                {"arrival_date": on(C, 7, 10), "departure_date": on(C, 7, 12), "adults": 2},
                {"pitch_id": W(0, "pitch_id")},
            ),
        ],
        "wired",
        "and",
        "reference",
    ),
    M(
        "Look for a campervan pitch with hook-up from Friday for two nights, then reserve it, "
        "confirmation to kai@example.org",
        B,
        [
            step(
                "search_pitches",
                {
                    "arrival_date": nxt(B, "fri"),
                    "departure_date": after(nxt(B, "fri"), 2),
                    "pitch_type": "campervan",
                    "electric_hookup": True,
                },
            ),
            step(
                "book_pitch",
                {
                    "arrival_date": nxt(B, "fri"),
                    "departure_date": after(nxt(B, "fri"), 2),
                    "email": "kai@example.org",
                },
                {"pitch_id": W(0, "pitch_id")},
            ),
        ],
        "wired",
        "then",
        "duration",
        "email",
    ),
    M(
        "Get me a removal quote for a 2-bed, N1 9GU to OX4 1AA on 20 November, and then book it "
        "with the crew at 9",
        E,
        [
            step(
                "get_removal_quote",
                {
                    "from_postcode": "N1 9GU",
                    "to_postcode": "OX4 1AA",
                    "move_date": on(E, 11, 20),
                    "bedrooms": 2,
                },
            ),
            step(
                "book_removal",
                {"move_date": on(E, 11, 20), "start_time": "09:00"},
                {"quote_id": W(0, "quote_id")},
            ),
        ],
        "wired",
        "and then",
        "time",
    ),
    M(
        "quote for moving a four bedroom house from GL50 3PX to BA1 2QH on Saturday the 3rd of "
        "October, then book that move",
        D,
        [
            step(
                "get_removal_quote",
                {
                    "from_postcode": "GL50 3PX",
                    "to_postcode": "BA1 2QH",
                    "move_date": on(D, 10, 3),
                    "bedrooms": 4,
                },
            ),
            step("book_removal", {"move_date": on(D, 10, 3)}, {"quote_id": W(0, "quote_id")}),
        ],
        "wired",
        "then",
        "numbers_in_words",
    ),
    M(
        "find a sitter for Saturday 7pm to 11pm and book them",
        B,
        [
            step(
                "find_babysitter",
                {"date": nxt(B, "sat"), "start_time": "19:00", "end_time": "23:00"},
            ),
            step(
                "book_babysitter",
                {"date": nxt(B, "sat"), "start_time": "19:00", "end_time": "23:00"},
                {"sitter_id": W(0, "sitter_id")},
            ),
        ],
        "wired",
        "and",
        "time",
    ),
    M(
        "Find a babysitter with first aid for tomorrow 18:00-22:00, two kids, and then book her "
        "with the note 'Mia has an EpiPen'",
        C,
        [
            step(
                "find_babysitter",
                {
                    "date": plus(C, 1),
                    "start_time": "18:00",
                    "end_time": "22:00",
                    "children": 2,
                    "first_aid": True,
                },
            ),
            step(
                "book_babysitter",
                {
                    "date": plus(C, 1),
                    "start_time": "18:00",
                    "end_time": "22:00",
                    "children": 2,
                    "notes": "Mia has an EpiPen",
                },
                {"sitter_id": W(0, "sitter_id")},
            ),
        ],
        "wired",
        "and then",
        "quoted",
        "boolean",
    ),
    M(
        "find a CCS charger in Penrith and start charging there",
        D,
        [
            step("find_charger", {"near": "Penrith", "connector": "CCS"}),
            step("start_charging", {}, {"charger_id": W(0, "charger_id")}),
        ],
        "wired",
        "and",
    ),
    M(
        "nearest Type 2 charger to York Minster, then start a session to 100%",
        A,
        [
            step("find_charger", {"near": "York Minster", "connector": "Type 2"}),
            step("start_charging", {"target_percent": 100}, {"charger_id": W(0, "charger_id")}),
        ],
        "wired",
        "then",
        "terse",
    ),
    M(
        "look for a CCS charger of 150kW or more near Carlisle; once that's done start charging to "
        "85%",
        F,
        [
            step("find_charger", {"near": "Carlisle", "connector": "CCS", "min_power_kw": 150}),
            step("start_charging", {"target_percent": 85}, {"charger_id": W(0, "charger_id")}),
        ],
        "wired",
        "once that's done",
        "unit",
    ),
    M(
        "enter FIDE 2345678 in T-2041 and request a bye for round 3",
        E,
        [
            step("register_for_tournament", {"tournament_code": "T-2041", "fide_id": "2345678"}),
            step("request_bye", {"round": 3}, {"entry_id": W(0, "entry_id")}),
        ],
        "wired",
        "and",
    ),
    M(
        "Register me (FIDE 416204) for T-3007 in the under-1400 section, after that I need a bye "
        "in round five",
        B,
        [
            step(
                "register_for_tournament",
                {"tournament_code": "T-3007", "fide_id": "416204", "section": "u1400"},
            ),
            step("request_bye", {"round": 5}, {"entry_id": W(0, "entry_id")}),
        ],
        "wired",
        "after that",
        "numbers_in_words",
    ),
    M(
        "book a room for 4 on Tuesday 10-11am and register my visitor Jane Holt for it",
        F,
        [
            step(
                "book_meeting_room",
                {"people": 4, "date": nxt(F, "tue"), "start_time": "10:00", "end_time": "11:00"},
            ),
            step(
                "register_visitor",
                {"visitor_name": "Jane Holt", "visit_date": nxt(F, "tue")},
                {"meeting_id": W(0, "meeting_id")},
            ),
        ],
        "wired",
        "and",
        "year_boundary",
        "reference",
    ),
    M(
        "room for six tomorrow from 2 till 3 with video, followed by a guest pass for Omar Farouk "
        "(omar@farouk.io)",
        A,
        [
            step(
                "book_meeting_room",
                {
                    "people": 6,
                    "date": plus(A, 1),
                    "start_time": "14:00",
                    "end_time": "15:00",
                    "video": True,
                },
            ),
            step(
                "register_visitor",
                {
                    "visitor_name": "Omar Farouk",
                    "visitor_email": "omar@farouk.io",
                    "visit_date": plus(A, 1),
                },
                {"meeting_id": W(0, "meeting_id")},
            ),
        ],
        "wired",
        "followed by",
        "email",
    ),
    M(
        "find the birth of Edith Marsh, 1895 to 1900, and order two copies of the certificate",
        C,
        [
            step(
                "search_birth_records",
                {"surname": "Marsh", "forenames": "Edith", "year_from": 1895, "year_to": 1900},
            ),
            step("order_certificate", {"copies": 2}, {"record_id": W(0, "record_id")}),
        ],
        "wired",
        "and",
        "numbers_in_words",
    ),
    M(
        "Search births for surname Crowther in Lancashire between 1870 and 1875 and then order the "
        "certificate as a PDF",
        D,
        [
            step(
                "search_birth_records",
                {"surname": "Crowther", "county": "Lancashire", "year_from": 1870, "year_to": 1875},
            ),
            step("order_certificate", {"delivery": "pdf"}, {"record_id": W(0, "record_id")}),
        ],
        "wired",
        "and then",
    ),
    M(
        "serch for a caravan pitch 3rd to 5th Sept then book it",
        D,
        [
            step(
                "search_pitches",
                {
                    "arrival_date": on(D, 9, 3),
                    "departure_date": on(D, 9, 5),
                    "pitch_type": "caravan",
                },
            ),
            step(
                "book_pitch",
                {"arrival_date": on(D, 9, 3), "departure_date": on(D, 9, 5)},
                {"pitch_id": W(0, "pitch_id")},
            ),
        ],
        "wired",
        "then",
        "typo",
    ),
    M(
        "check on WR-20417 and approve the quote",
        E,
        [
            step("check_repair_status", {"repair_ticket": "WR-20417"}),
            step("approve_repair_quote", {}, {"quote_id": W(0, "quote_id")}),
        ],
        "wired",
        "and",
        "terse",
    ),
    M(
        "what's the status of repair WR-31122? then go ahead with the quote, note 'no polishing "
        "please'",
        A,
        [
            step("check_repair_status", {"repair_ticket": "WR-31122"}),
            step(
                "approve_repair_quote",
                {"note": "no polishing please"},
                {"quote_id": W(0, "quote_id")},
            ),
        ],
        "wired",
        "then",
        "quoted",
        "question",
    ),
]

# --- multi-step requests of independent steps --------------------------------------------------

MULTI = [
    M(
        "disarm the alarm with 4471 and then set the living room to 20 degrees",
        B,
        [
            step("disarm_alarm", {"pin": "4471"}),
            step("set_room_temperature", {"room": "living_room", "temperature_celsius": 20}),
        ],
        "and then",
    ),
    M(
        "arm the alarm in away mode, then put the heating on holiday from tomorrow until the 30th",
        C,
        [
            step("arm_alarm", {"mode": "away"}),
            step("set_heating_holiday_mode", {"start_date": plus(C, 1), "end_date": dom(C, 30)}),
        ],
        "then",
        "range",
    ),
    M(
        "stop the papers 20 to 27 December; also set the heating to holiday mode for the same "
        "dates",
        E,
        [
            step(
                "pause_newspaper_delivery", {"start_date": on(E, 12, 20), "end_date": on(E, 12, 27)}
            ),
            step(
                "set_heating_holiday_mode", {"start_date": on(E, 12, 20), "end_date": on(E, 12, 27)}
            ),
        ],
        "; also",
        "reference",
        "range",
    ),
    M(
        "Unlock bike 40213 and report that its bell is broken",
        A,
        [
            step("unlock_bike", {"bike_number": "40213"}),
            step("report_bike_damage", {"bike_number": "40213", "problem": "bell"}),
        ],
        "and",
        "reference",
    ),
    M(
        "buy a day pas and then unlock bike 18822",
        D,
        [step("buy_bike_pass", {"plan": "day"}), step("unlock_bike", {"bike_number": "18822"})],
        "and then",
        "typo",
    ),
    M(
        "order 30 large boxes for Friday, after that get a quote to move a 3-bed from LS6 2AB to "
        "LS17 8QT on the 28th",
        D,
        [
            step(
                "order_moving_boxes",
                {"size": "large", "quantity": 30, "delivery_date": nxt(D, "fri")},
            ),
            step(
                "get_removal_quote",
                {
                    "from_postcode": "LS6 2AB",
                    "to_postcode": "LS17 8QT",
                    "move_date": dom(D, 28),
                    "bedrooms": 3,
                },
            ),
        ],
        "after that",
    ),
    M(
        "cancel desk booking DK204118 and book a hot desk in Leeds for Thursday instead",
        E,
        [
            step("cancel_desk_booking", {"booking_id": "DK204118"}),
            step("book_desk", {"site": "Leeds", "desk_type": "hot_desk", "date": nxt(E, "thu")}),
        ],
        "and",
    ),
    M(
        "Book a meeting room for 5 people on Friday 9-10, but first cancel my desk DK330912",
        B,
        [
            step("cancel_desk_booking", {"booking_id": "DK330912"}),
            step(
                "book_meeting_room",
                {"people": 5, "date": nxt(B, "fri"), "start_time": "09:00", "end_time": "10:00"},
            ),
        ],
        "but first",
        "reversed",
        "time",
    ),
    M(
        "order a vanilla cake for 16 for Saturday; also two dozen chocolate cupcakes for the same "
        "day",
        C,
        [
            step(
                "order_cake", {"servings": 16, "flavour": "vanilla", "pickup_date": nxt(C, "sat")}
            ),
            step(
                "order_cupcakes",
                {"quantity": 24, "flavour": "chocolate", "pickup_date": nxt(C, "sat")},
            ),
        ],
        "; also",
        "reference",
        "numbers_in_words",
    ),
    M(
        "check CK20417 and move its pickup to Friday",
        A,
        [
            step("check_cake_order", {"order_number": "CK20417"}),
            step("change_cake_pickup", {"order_number": "CK20417", "new_date": nxt(A, "fri")}),
        ],
        "and",
        "reference",
    ),
    M(
        "report round 2 board 5 as a draw and then request a bye for round 3 for entry E20417",
        F,
        [
            step("report_game_result", {"round": 2, "board": 5, "result": "draw"}),
            step("request_bye", {"entry_id": "E20417", "round": 3}),
        ],
        "and then",
    ),
    M(
        "Book an inspection for ants at 9 Rose Court on Thursday; before that, log that I saw ants "
        "in the kitchen today",
        C,
        [
            step("log_pest_sighting", {"pest": "ants", "location": "kitchen", "seen_on": C}),
            step(
                "book_pest_inspection",
                {"pest": "ants", "address": "9 Rose Court", "date": nxt(C, "thu")},
            ),
        ],
        "before that",
        "reversed",
        "address",
    ),
    M(
        "log mice in the loft last night, then book someone to come out on Monday to 8 Hill Road, "
        "and send me the report from the last visit, PC-40871",
        F,
        [
            step("log_pest_sighting", {"pest": "mice", "location": "loft", "seen_on": plus(F, -1)}),
            step(
                "book_pest_inspection",
                {"pest": "mice", "address": "8 Hill Road", "date": nxt(F, "mon")},
            ),
            step("get_treatment_report", {"job_number": "PC-40871"}),
        ],
        "then",
        "reference",
        "year_boundary",
        "address",
        "three_steps",
    ),
    M(
        "Cancel CP-204118, then look for a tent pitch from the 14th to the 16th instead",
        C,
        [
            step("cancel_pitch_booking", {"booking_ref": "CP-204118"}),
            step(
                "search_pitches",
                {"arrival_date": dom(C, 14), "departure_date": dom(C, 16), "pitch_type": "tent"},
            ),
        ],
        "then",
    ),
    M(
        "stop charging CS104221 then find a CHAdeMO charger near Kendal",
        B,
        [
            step("stop_charging", {"session_id": "CS104221"}),
            step("find_charger", {"near": "Kendal", "connector": "CHAdeMO"}),
        ],
        "then",
    ),
    M(
        "cancel babysitter booking BB-20417 and rate Chloe 3 stars",
        D,
        [
            step("cancel_babysitter_booking", {"booking_id": "BB-20417"}),
            step("rate_babysitter", {"sitter_name": "Chloe", "stars": 3}),
        ],
        "and",
    ),
    M(
        "book a sitter for Friday 7pm-11pm for 2 kids; also set the hall to 19 degrees until 11pm",
        E,
        [
            step(
                "book_babysitter",
                {"date": nxt(E, "fri"), "start_time": "19:00", "end_time": "23:00", "children": 2},
            ),
            step(
                "set_room_temperature",
                {"room": "hall", "temperature_celsius": 19, "until": "23:00"},
            ),
        ],
        "; also",
        "time",
    ),
    M(
        "pledge £20 to pocket-loom and follow it",
        A,
        [
            step(
                "pledge_to_project",
                {"project_slug": "pocket-loom", "amount": 20, "currency": "GBP"},
            ),
            step("follow_project", {"project_slug": "pocket-loom"}),
        ],
        "and",
        "money",
        "reference",
    ),
    M(
        "follow retro-radio, then message them 'do you ship to Canada?'",
        C,
        [
            step("follow_project", {"project_slug": "retro-radio"}),
            step(
                "message_creator",
                {"project_slug": "retro-radio", "message": "do you ship to Canada?"},
            ),
        ],
        "then",
        "quoted",
        "reference",
    ),
    M(
        "pledge 50 Canadian dollars to tiny-forge and 10 AUD to quiet-bell",
        E,
        [
            step(
                "pledge_to_project", {"project_slug": "tiny-forge", "amount": 50, "currency": "CAD"}
            ),
            step(
                "pledge_to_project", {"project_slug": "quiet-bell", "amount": 10, "currency": "AUD"}
            ),
        ],
        "and",
        "money",
        "two_objects",
    ),
    M(
        "disarm the alarm (code 902214), boost the hot water for 30 minutes, and then set the "
        "kitchen to 22 degrees",
        F,
        [
            step("disarm_alarm", {"pin": "902214"}),
            step("boost_hot_water", {"duration_minutes": 30}),
            step("set_room_temperature", {"room": "kitchen", "temperature_celsius": 22}),
        ],
        "and then",
        "comma_list",
        "three_steps",
    ),
    M(
        "Book the removal for RQ-20418 on 30 September at 8, order 10 wardrobe boxes for 25 "
        "September, and pause the papers from the 30th to 4 October",
        D,
        [
            step(
                "book_removal",
                {"quote_id": "RQ-20418", "move_date": on(D, 9, 30), "start_time": "08:00"},
            ),
            step(
                "order_moving_boxes",
                {"size": "wardrobe", "quantity": 10, "delivery_date": on(D, 9, 25)},
            ),
            step(
                "pause_newspaper_delivery", {"start_date": on(D, 9, 30), "end_date": on(D, 10, 4)}
            ),
        ],
        "and",
        "comma_list",
        "three_steps",
        "time",
    ),
    M(
        "My Tissot needs a new strap, I'll bring it in Friday; also check on WR-10922 and approve "
        "quote Q204118",
        B,
        [
            step(
                "request_watch_repair",
                {"brand": "Tissot", "issue": "strap", "drop_off_date": nxt(B, "fri")},
            ),
            step("check_repair_status", {"repair_ticket": "WR-10922"}),
            step("approve_repair_quote", {"quote_id": "Q204118"}),
        ],
        "; also",
        "three_steps",
        "statement",
    ),
    M(
        "book an exterior clean for LK70 XYZ tomorrow at 12 and then a £25 voucher for "
        "ana@example.pt",
        F,
        [
            step(
                "book_car_valet",
                {
                    "registration": "LK70 XYZ",
                    "package": "exterior",
                    "date": plus(F, 1),
                    "time": "12:00",
                },
            ),
            step(
                "buy_valet_voucher",
                {"amount": 25, "currency": "GBP", "recipient_email": "ana@example.pt"},
            ),
        ],
        "and then",
        "money",
        "time",
    ),
    M(
        "add Tom Price (+447700900321) to the alarm with arm-only access and then arm it on night "
        "mode",
        A,
        [
            step(
                "add_alarm_user",
                {"name": "Tom Price", "phone": "+447700900321", "access": "arm_only"},
            ),
            step("arm_alarm", {"mode": "night"}),
        ],
        "and then",
        "phone",
    ),
    M(
        "show me the alrm events for yesterday, then disarm with 5580",
        A,
        [
            step("get_alarm_events", {"from_date": plus(A, -1), "to_date": plus(A, -1)}),
            step("disarm_alarm", {"pin": "5580"}),
        ],
        "then",
        "typo",
    ),
    M(
        "register Sam Lee, sam@lee.dev, for tomorrow at 10 and Ana Silva for the same time",
        D,
        [
            step(
                "register_visitor",
                {
                    "visitor_name": "Sam Lee",
                    "visitor_email": "sam@lee.dev",
                    "visit_date": plus(D, 1),
                    "arrival_time": "10:00",
                },
            ),
            step(
                "register_visitor",
                {"visitor_name": "Ana Silva", "visit_date": plus(D, 1), "arrival_time": "10:00"},
            ),
        ],
        "and",
        "two_objects",
        "reference",
    ),
    M(
        "resume the papers on Monday and change my order to the Telegraph Monday to Saturday",
        C,
        [
            step("resume_newspaper_delivery", {"resume_on": nxt(C, "mon")}),
            step(
                "change_newspaper_order",
                {"title": "Telegraph", "days": ["mon", "tue", "wed", "thu", "fri", "sat"]},
            ),
        ],
        "and",
        "list",
    ),
    M(
        "search births of Mary Quinn 1860-1865, then order certificate GRO1048822 as a pdf",
        E,
        [
            step(
                "search_birth_records",
                {"surname": "Quinn", "forenames": "Mary", "year_from": 1860, "year_to": 1865},
            ),
            step("order_certificate", {"record_id": "GRO1048822", "delivery": "pdf"}),
        ],
        "then",
    ),
    M(
        "order a lemon cake for 10 for the 19th with 'Well done Priya' on top, but before that "
        "check on CK55102",
        A,
        [
            step("check_cake_order", {"order_number": "CK55102"}),
            step(
                "order_cake",
                {
                    "servings": 10,
                    "flavour": "lemon",
                    "message": "Well done Priya",
                    "pickup_date": dom(A, 19),
                },
            ),
        ],
        "before that",
        "reversed",
        "quoted",
    ),
]

# --- refusals ---------------------------------------------------------------------------------

NEAR_MISS = [
    R("extend my stay on CP-204118 by two nights", C, "near_miss", "campsite"),
    R("lock bike 40213, I'm done with it", A, "near_miss", "opposite"),
    R("remove Rosa Diaz from the alarm users", B, "near_miss", "opposite"),
    R("change my alarm PIN to 7788", D, "near_miss"),
    R("cancel the removal RQ-20418, we're not moving after all", E, "near_miss"),
    R("cancel the hot water boost, it's hot enough", F, "near_miss", "opposite"),
    R("cancle my cake order CK20417", C, "near_miss", "typo"),
    R("withdraw me from T-2041, entry E20417", A, "near_miss", "opposite"),
    R("I want my pledge to solar-kettle refunded", B, "near_miss", "opposite"),
    R("unfollow tiny-forge", D, "near_miss", "opposite", "terse"),
    R("reject quote Q204118, too expensive", E, "near_miss", "opposite"),
    R("cancel pest inspection PC-20417", F, "near_miss"),
    R("cancel the meeting room MR-20417", C, "near_miss", "neighbour"),
    R("refund the valet voucher I bought for mum", A, "near_miss", "opposite"),
]

OFF_DOMAIN = [
    R("set an alarm for 6:30 tomorrow morning", B, "off_domain", "shared_word"),
    R("whats the wether in Keswick this weekend?", D, "off_domain", "typo", "question"),
    R("book a table for two at an Italian place tonight", E, "off_domain"),
    R("translate 'where is the campsite' into German", F, "off_domain", "shared_word"),
    R("what's the square root of 144?", C, "off_domain", "question"),
    R("play some jazz in the kitchen", A, "off_domain"),
    R("order a large pepperoni pizza", B, "off_domain"),
    R("book a taxi to Leeds station at 7", D, "off_domain", "shared_word"),
    R("how did Magnus Carlsen do in the world championship?", E, "off_domain", "shared_word"),
    R("renew my car insurance", F, "off_domain"),
    R("remind me to call mum on Sunday", C, "off_domain"),
    R("what's the exchange rate for euros to pounds?", A, "off_domain", "question"),
]


def _pairs(cases: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    assert len(cases) % 2 == 0, "each kind is written in pairs"
    return [cases[i : i + 2] for i in range(0, len(cases), 2)]


def build() -> list[dict[str, Any]]:
    """Interleave the kinds pair by pair and number the cases ``m001``, ``m002``, …"""
    groups = [_pairs(g) for g in (SINGLE, WIRED, MULTI, NEAR_MISS, OFF_DOMAIN)]
    # Spread the smaller groups through the larger one: about three single pairs between others.
    others = [pair for row in zip_longest(*groups[1:]) for pair in row if pair is not None]
    singles = groups[0]
    ordered: list[list[dict[str, Any]]] = []
    ratio = len(singles) / max(1, len(others))
    taken = 0
    for n, pair in enumerate(others, start=1):
        while taken < round(n * ratio):
            ordered.append(singles[taken])
            taken += 1
        ordered.append(pair)
    ordered.extend(singles[taken:])
    cases = [case for pair in ordered for case in pair]
    return [{"id": f"m{n:03d}", **case} for n, case in enumerate(cases, start=1)]


CASES = build()


def main() -> None:
    path = HERE / "cases.json"
    path.write_text(json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {path}")


if __name__ == "__main__":
    main()
