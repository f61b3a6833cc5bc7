"""Writes ``cases.json`` for the sixth held-out set (``heldout6``), written blind.

The requests were written from the registry's schemas and from how people type, not from the
planner (its source, lexicon and data were not read, nor were the development set or the earlier
sets' cases). Every date is computed here with ``datetime`` from each case's ``today``. The cases
come in pairs of one kind (single, wired multi-step, other multi-step, near miss, off-domain),
the first of a pair odd, the second even, so the tuning half (odd ids) and the test half (even
ids) hold the same mix. Run it after an edit: ``python3 generate_cases.py``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# The six days the requests are made on.
JAN = dt.date(2027, 1, 14)  # a Thursday
MAR = dt.date(2027, 3, 22)  # a Monday
MAY = dt.date(2027, 5, 28)  # a Friday
AUG = dt.date(2027, 8, 3)  # a Tuesday
OCT = dt.date(2027, 10, 16)  # a Saturday
DEC = dt.date(2026, 12, 28)  # a Monday, days before the year ends
assert [d.weekday() for d in (JAN, MAR, MAY, AUG, OCT, DEC)] == [THU, MON, FRI, TUE, SAT, MON]


def iso(day: dt.date) -> str:
    return day.isoformat()


def plus(today: dt.date, days: int) -> str:
    return iso(today + dt.timedelta(days=days))


def nxt(today: dt.date, weekday: int) -> str:
    """The next such weekday, today excluded (scheduling)."""
    ahead = (weekday - today.weekday()) % 7 or 7
    return iso(today + dt.timedelta(days=ahead))


def nxt_week(today: dt.date, weekday: int) -> str:
    """That weekday of next week (weeks run Monday to Sunday)."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return iso(monday + dt.timedelta(days=weekday))


def last(today: dt.date, weekday: int) -> str:
    """The last such weekday, today excluded (recording)."""
    back = (today.weekday() - weekday) % 7 or 7
    return iso(today - dt.timedelta(days=back))


def on_day(today: dt.date, day: int, forwards: bool = True) -> str:
    """'the 3rd': the next such date when scheduling, the last one when reporting."""
    step = 1 if forwards else -1
    cur = today + dt.timedelta(days=step)
    while cur.day != day:
        cur += dt.timedelta(days=step)
    return iso(cur)


def dated(today: dt.date, month: int, day: int, forwards: bool = True) -> str:
    """'5 June': in the nearest year that fits the direction."""
    candidate = dt.date(today.year, month, day)
    if forwards and candidate < today:
        candidate = dt.date(today.year + 1, month, day)
    if not forwards and candidate > today:
        candidate = dt.date(today.year - 1, month, day)
    return iso(candidate)


def month_span(year: int, month: int) -> tuple[str, str]:
    return iso(dt.date(year, month, 1)), iso(
        dt.date(year, month, calendar.monthrange(year, month)[1])
    )


def last_month(today: dt.date) -> tuple[str, str]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return month_span(first.year, first.month)


def last_week(today: dt.date) -> tuple[str, str]:
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return iso(monday), iso(monday + dt.timedelta(days=6))


def s(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> dict[str, Any]:
    step: dict[str, Any] = {"capability": capability, "params": params}
    if wired:
        step["wired"] = wired
    return step


def one(text: str, today: dt.date, step: dict[str, Any], *tags: str) -> dict[str, Any]:
    return {
        "text": text,
        "today": iso(today),
        "expect": [step],
        "kind": "single",
        "tags": list(tags),
    }


def many(text: str, today: dt.date, steps: list[dict[str, Any]], *tags: str) -> dict[str, Any]:
    return {"text": text, "today": iso(today), "expect": steps, "kind": "multi", "tags": list(tags)}


def near(text: str, today: dt.date, *tags: str) -> dict[str, Any]:
    return {
        "text": text,
        "today": iso(today),
        "expect": "refuse",
        "kind": "refuse",
        "tags": ["near_miss", *tags],
    }


def off(text: str, today: dt.date, *tags: str) -> dict[str, Any]:
    return {
        "text": text,
        "today": iso(today),
        "expect": "refuse",
        "kind": "refuse",
        "tags": ["off_domain", *tags],
    }


W0 = {"lot_id": [0, "lot_id"]}
Q0 = {"quote_id": [0, "quote_id"]}
B0 = {"batch_id": [0, "batch_id"]}
D0 = {"drone_id": [0, "drone_id"]}
T0 = {"tyre_id": [0, "tyre_id"]}
G0 = {"booking_id": [0, "booking_id"]}
F0 = {"fitting_id": [0, "fitting_id"]}

# Each inner list is a pair of one kind: the first gets an odd id, the second the next even one.
PAIRS: list[list[dict[str, Any]]] = [
    # --- mobile phone plan ---------------------------------------------------------------------
    [
        one(
            "I'm off to Lisbon on Saturday till the 6th, switch roaming on please",
            DEC,
            s("enable_roaming", region="europe", start_date=nxt(DEC, SAT), end_date="2027-01-06"),
            "polite",
            "statement",
            "enum_meaning",
            "range",
            "year_boundary",
        ),
        one(
            "roaming on for +44 7700 900461 — going to the States from the 20th to the 27th",
            JAN,
            s(
                "enable_roaming",
                line="+447700900461",
                region="north_america",
                start_date=on_day(JAN, 20),
                end_date=on_day(JAN, 27),
            ),
            "terse",
            "phone",
            "enum_meaning",
            "range",
        ),
    ],
    [
        one("I'm home now, switch off roaming", MAR, s("disable_roaming"), "statement"),
        one(
            "can you disable roaming on +44 7911 123456?",
            AUG,
            s("disable_roaming", line="+447911123456"),
            "question",
            "phone",
        ),
    ],
    [
        one("add 10GB to my plan", MAY, s("add_data_bundle", size_gb=10), "terse"),
        one(
            "I keep running out of data, can I get an extra 5 gigs every month?",
            OCT,
            s("add_data_bundle", size_gb=5, recurring=True),
            "question",
            "context_first",
            "vocabulary",
        ),
    ],
    [
        one(
            "need a 20gb data bolt-on for +44 7700 900872",
            JAN,
            s("add_data_bundle", line="+447700900872", size_gb=20),
            "terse",
            "phone",
            "vocabulary",
        ),
        one(
            "Could you stick three extra GB on my allowance?",
            MAR,
            s("add_data_bundle", size_gb=3),
            "polite",
            "question",
            "words_number",
        ),
    ],
    [
        one(
            "how much data have I used so far this month?",
            MAY,
            s("get_data_usage", from_date="2027-05-01", to_date=iso(MAY)),
            "question",
            "range",
        ),
        one(
            "data usage last month",
            MAR,
            s("get_data_usage", from_date=last_month(MAR)[0], to_date=last_month(MAR)[1]),
            "terse",
            "range",
        ),
    ],
    [
        one(
            "What did +44 7700 900123 use between the 1st and the 15th of December?",
            JAN,
            s("get_data_usage", line="+447700900123", from_date="2026-12-01", to_date="2026-12-15"),
            "question",
            "phone",
            "range",
            "year_boundary",
        ),
        one(
            "how many minutes and how much data hav I gone through since the 1st",
            AUG,
            s("get_data_usage", from_date="2027-08-01", to_date=iso(AUG)),
            "question",
            "range",
            "typo",
        ),
    ],
    # --- auction house -------------------------------------------------------------------------
    [
        one(
            "anything by Clarice Cliff in ceramics?",
            MAY,
            s("search_lots", query="Clarice Cliff", category="ceramics"),
            "question",
            "terse",
        ),
        one(
            "Find me art deco lamps in the furniture sale on the 12th, estimate under £500",
            OCT,
            s(
                "search_lots",
                query="art deco lamps",
                category="furniture",
                sale_date=on_day(OCT, 12),
                max_estimate=500,
                currency="GBP",
            ),
            "money",
        ),
    ],
    [
        one(
            "bid £250 on LOT-30418",
            JAN,
            s("place_bid", lot_id="LOT-30418", amount=250),
            "terse",
            "money",
        ),
        one(
            "put in €1,200 for lot-55102 please",
            AUG,
            s("place_bid", lot_id="LOT-55102", amount=1200, currency="EUR"),
            "polite",
            "money",
            "lowercase_id",
        ),
    ],
    [
        one(
            "I'd like to go up to 80 pounds on LOT-10087",
            MAR,
            s("place_bid", lot_id="LOT-10087", amount=80, currency="GBP"),
            "statement",
            "money",
        ),
        one(
            "Withdraw my bid on LOT-30418, I bid on the wrong one",
            DEC,
            s("retract_bid", lot_id="LOT-30418"),
            "vocabulary",
        ),
    ],
    [
        one(
            "cancel my bid for LOT-72001. reason: over budget",
            OCT,
            s("retract_bid", lot_id="LOT-72001", reason="over budget"),
            "quoted",
        ),
        one(
            "changed my mind about lot-44190, take my bid back",
            MAY,
            s("retract_bid", lot_id="LOT-44190"),
            "statement",
            "lowercase_id",
        ),
    ],
    # --- tailoring -----------------------------------------------------------------------------
    [
        one(
            "I need a fitting for my wedding dress next Tuesday at 2pm",
            JAN,
            s("book_fitting", garment="wedding_dress", date=nxt_week(JAN, TUE), time="14:00"),
            "statement",
            "date_next_week",
        ),
        one(
            "book a suit fitting Saturday 10:30 under the name Omar Haddad",
            MAR,
            s(
                "book_fitting",
                garment="suit",
                date=nxt(MAR, SAT),
                time="10:30",
                customer_name="Omar Haddad",
            ),
            "terse",
        ),
    ],
    [
        one(
            "can I come in to be measured for a coat on the 3rd at half eleven?",
            DEC,
            s("book_fitting", garment="coat", date=on_day(DEC, 3), time="11:30"),
            "question",
            "vocabulary",
            "year_boundary",
        ),
        one(
            "fiting for a skirt on Wednesday, 4:15pm",
            AUG,
            s("book_fitting", garment="skirt", date=nxt(AUG, WED), time="16:15"),
            "terse",
            "typo",
        ),
    ],
    [
        one(
            "FT-31022: take the trousers up 3 cm",
            MAY,
            s(
                "request_alteration",
                fitting_id="FT-31022",
                garment="trousers",
                alteration="shorten",
                amount_cm=3,
            ),
            "terse",
            "vocabulary",
        ),
        one(
            "for fitting ft-40561 the dress needs letting out, about an inch",
            OCT,
            s(
                "request_alteration",
                fitting_id="FT-40561",
                garment="dress",
                alteration="let_out",
                amount_cm=2.54,
            ),
            "unit",
            "lowercase_id",
            "statement",
        ),
    ],
    [
        one(
            "The zip on my coat's broken — fitting FT-22019, can you replace it?",
            JAN,
            s(
                "request_alteration",
                fitting_id="FT-22019",
                garment="coat",
                alteration="replace_zip",
            ),
            "context_first",
            "question",
        ),
        one(
            "are my trousers ready yet? FT-31022",
            MAR,
            s("get_alteration_status", fitting_id="FT-31022"),
            "question",
        ),
    ],
    [
        one(
            "status of the alterations on FT-40561",
            AUG,
            s("get_alteration_status", fitting_id="FT-40561"),
            "terse",
        ),
        one(
            "When can I pick up my altered shirt? The fitting was ft-58830",
            DEC,
            s("get_alteration_status", fitting_id="FT-58830"),
            "question",
            "lowercase_id",
        ),
    ],
    # --- conference call for papers ------------------------------------------------------------
    [
        one(
            'Submit "Rust for Data Engineers" as a 25 minute talk, speaker ines@example.org',
            MAY,
            s(
                "submit_talk",
                title="Rust for Data Engineers",
                speaker_email="ines@example.org",
                duration_minutes=25,
            ),
            "quoted",
            "email",
        ),
        one(
            'I want to propose a workshop called "Hands-on Kubernetes Debugging", 90 minutes; '
            "email me at li.wei@example.com",
            OCT,
            s(
                "submit_talk",
                title="Hands-on Kubernetes Debugging",
                speaker_email="li.wei@example.com",
                format="workshop",
                duration_minutes=90,
            ),
            "quoted",
            "email",
            "statement",
        ),
    ],
    [
        one(
            'lightning talk proposal: "Why we deleted our ORM", contact sam@devconf.io',
            JAN,
            s(
                "submit_talk",
                title="Why we deleted our ORM",
                speaker_email="sam@devconf.io",
                format="lightning",
            ),
            "quoted",
            "email",
            "terse",
        ),
        one(
            "please pull CFP-1043 from the programme, I can't travel any more",
            MAR,
            s("withdraw_talk", talk_id="CFP-1043"),
            "polite",
            "vocabulary",
        ),
    ],
    [
        one(
            "withdraw cfp-2210. reason: my employer won't fund the trip",
            AUG,
            s("withdraw_talk", talk_id="CFP-2210", reason="my employer won't fund the trip"),
            "quoted",
            "lowercase_id",
        ),
        one(
            "accept CFP-1187 for the beginner track",
            MAY,
            s("accept_talk", talk_id="CFP-1187", track="beginner"),
            "terse",
        ),
    ],
    [
        one(
            "yes to CFP-3320, main track",
            DEC,
            s("accept_talk", talk_id="CFP-3320", track="main"),
            "terse",
            "vocabulary",
        ),
        one(
            "decline CFP-2098 with feedback: too close to last year's keynote",
            OCT,
            s("reject_talk", talk_id="CFP-2098", feedback="too close to last year's keynote"),
            "quoted",
            "vocabulary",
        ),
    ],
    [
        one(
            "we're turning down CFP-4410",
            JAN,
            s("reject_talk", talk_id="CFP-4410"),
            "statement",
            "vocabulary",
        ),
        one(
            "The committee liked CFP-0917 a lot — please accept it into the deep dive track",
            AUG,
            s("accept_talk", talk_id="CFP-0917", track="deep_dive"),
            "context_first",
            "polite",
        ),
    ],
    # --- 3D printing ---------------------------------------------------------------------------
    [
        one(
            "how much to print https://files.example.com/bracket.stl in PETG, 4 coppies?",
            MAR,
            s(
                "get_print_quote",
                model_url="https://files.example.com/bracket.stl",
                material="petg",
                quantity=4,
            ),
            "question",
            "url",
            "typo",
        ),
        one(
            "quote for https://cad.example.net/gear.3mf in black nylon, 30% infill",
            MAY,
            s(
                "get_print_quote",
                model_url="https://cad.example.net/gear.3mf",
                material="nylon",
                colour="black",
                infill_percent=30,
            ),
            "terse",
            "url",
        ),
    ],
    [
        one(
            "go ahead with Q3D-50219, I'll collect it",
            OCT,
            s("submit_print_job", quote_id="Q3D-50219", delivery="collect"),
            "statement",
        ),
        one(
            "print Q3D-61007 and post it to me, I need it by Friday",
            AUG,
            s("submit_print_job", quote_id="Q3D-61007", delivery="post", needed_by=nxt(AUG, FRI)),
            "statement",
        ),
    ],
    [
        one(
            "stop PJ-330912, the model has a mistake",
            JAN,
            s("cancel_print_job", job_id="PJ-330912"),
            "vocabulary",
        ),
        one(
            "cancle print job pj-118204",
            DEC,
            s("cancel_print_job", job_id="PJ-118204"),
            "typo",
            "lowercase_id",
            "terse",
        ),
    ],
    # --- birdwatching --------------------------------------------------------------------------
    [
        one(
            "Log 40 golden plover on Thorney Marsh yesterday",
            MAR,
            s(
                "log_bird_sighting",
                species="golden plover",
                count=40,
                location="Thorney Marsh",
                seen_on=plus(MAR, -1),
            ),
            "terse",
        ),
        one(
            "kingfisher at Ashford Bridge on Sunday, notes: fishing from the footbridge rail",
            MAR,
            s(
                "log_bird_sighting",
                species="kingfisher",
                location="Ashford Bridge",
                seen_on=last(MAR, SUN),
                notes="fishing from the footbridge rail",
            ),
            "quoted",
            "terse",
        ),
    ],
    [
        one(
            "recrod a red kite over Benson on the 2nd",
            JAN,
            s(
                "log_bird_sighting",
                species="red kite",
                location="Benson",
                seen_on=on_day(JAN, 2, forwards=False),
            ),
            "typo",
        ),
        one(
            "Had a lovely view of a hen harrier at Wicken Fen this morning, could you add it to "
            "the log?",
            OCT,
            s("log_bird_sighting", species="hen harrier", location="Wicken Fen", seen_on=iso(OCT)),
            "context_first",
            "question",
        ),
    ],
    [
        one(
            "what's been seen at Minsmere since Monday?",
            AUG,
            s("get_sighting_report", area="Minsmere", from_date=last(AUG, MON), to_date=iso(AUG)),
            "question",
            "range",
        ),
        one(
            "any waxwing reports in Norfolk last month?",
            DEC,
            s(
                "get_sighting_report",
                species="waxwing",
                area="Norfolk",
                from_date="2026-11-01",
                to_date="2026-11-30",
            ),
            "question",
            "range",
        ),
    ],
    [
        one(
            "osprey sightings in Rutland so far this year",
            MAY,
            s(
                "get_sighting_report",
                species="osprey",
                area="Rutland",
                from_date="2027-01-01",
                to_date=iso(MAY),
            ),
            "terse",
            "range",
        ),
        one(
            "tell me if a hoopoe turns up within 30 km",
            MAY,
            s("set_rare_bird_alert", species="hoopoe", radius_km=30),
            "vocabulary",
        ),
    ],
    [
        one(
            "alert me at jo.birder@example.com about any bee-eater within 20 miles",
            AUG,
            s(
                "set_rare_bird_alert",
                species="bee-eater",
                radius_km=32.187,
                email="jo.birder@example.com",
            ),
            "unit",
            "email",
        ),
        one(
            "I'd like a heads-up whenever a wryneck is reported within fifteen kilometres of home",
            JAN,
            s("set_rare_bird_alert", species="wryneck", radius_km=15),
            "statement",
            "words_number",
        ),
    ],
    # --- home brewing --------------------------------------------------------------------------
    [
        one(
            "Starting a new batch: 'Citra Blast' IPA, 19 litres",
            OCT,
            s("start_brew_batch", recipe="Citra Blast", style="ipa", volume_litres=19),
            "quoted",
            "statement",
        ),
        one(
            "brew day Saturday: 20 L of 'Bavarian Sunrise' wheat beer",
            JAN,
            s(
                "start_brew_batch",
                recipe="Bavarian Sunrise",
                style="wheat",
                volume_litres=20,
                brew_date=nxt(JAN, SAT),
            ),
            "quoted",
            "terse",
        ),
    ],
    [
        one(
            "B-112 gravity 1.012 today at 19°C",
            MAR,
            s(
                "log_gravity_reading",
                batch_id="B-112",
                gravity=1.012,
                temperature_celsius=19,
                taken_on=iso(MAR),
            ),
            "terse",
        ),
        one(
            "hydrometer says 1.050 for b-097",
            MAY,
            s("log_gravity_reading", batch_id="B-097", gravity=1.05),
            "terse",
            "lowercase_id",
            "vocabulary",
        ),
    ],
    [
        one(
            "the sample I took from B-120 yesterday read 1.064 at 68F",
            AUG,
            s(
                "log_gravity_reading",
                batch_id="B-120",
                gravity=1.064,
                temperature_celsius=20,
                taken_on=plus(AUG, -1),
            ),
            "unit",
            "statement",
        ),
        one(
            "bottled B-112: 38 bottles, 120 g priming sugar",
            JAN,
            s("bottle_batch", batch_id="B-112", bottles=38, priming_sugar_g=120),
            "terse",
        ),
    ],
    [
        one(
            "just filled two dozen bottles from B-097",
            DEC,
            s("bottle_batch", batch_id="B-097", bottles=24),
            "statement",
            "words_number",
        ),
        one(
            "botled batch B-131 into 45 bottles with 150g of sugar",
            MAR,
            s("bottle_batch", batch_id="B-131", bottles=45, priming_sugar_g=150),
            "typo",
            "statement",
        ),
    ],
    # --- swimming pool service -----------------------------------------------------------------
    [
        one(
            "Can someone come and open up the pool for the summer on the 5th? postcode GU1 4RT",
            MAY,
            s("book_pool_service", postcode="GU1 4RT", service="opening", date=on_day(MAY, 5)),
            "question",
            "postcode",
        ),
        one(
            "book a leak check at rh10 6lj for Thursday",
            AUG,
            s("book_pool_service", postcode="RH10 6LJ", service="leak_check", date=nxt(AUG, THU)),
            "terse",
            "postcode",
            "lowercase_id",
        ),
    ],
    [
        one(
            "We're shutting the pool down for winter, need the closing visit on 30 October, SO23 "
            "9PE",
            OCT,
            s("book_pool_service", postcode="SO23 9PE", service="closing", date=dated(OCT, 10, 30)),
            "context_first",
            "postcode",
        ),
        one(
            "pool test: pH 7.4, free chlorine 2 ppm, alkalinity 100",
            MAY,
            s("log_pool_chemistry", ph=7.4, free_chlorine_ppm=2, alkalinity_ppm=100),
            "terse",
        ),
    ],
    [
        one(
            "log pH 7.8 and water at 82°F from yesterday's test",
            AUG,
            s("log_pool_chemistry", ph=7.8, water_temp_celsius=27.778, tested_on=plus(AUG, -1)),
            "unit",
        ),
        one(
            "order 5 kg of chlorine tablets",
            JAN,
            s("order_pool_chemicals", product="chlorine_tablets", weight_kg=5),
            "terse",
        ),
    ],
    [
        one(
            "pH is too high, send me 2kg of pH minus for Saturday",
            MAR,
            s("order_pool_chemicals", product="ph_minus", weight_kg=2, delivery_date=nxt(MAR, SAT)),
            "context_first",
        ),
        one(
            "a 10 lb bag of shock please",
            OCT,
            s("order_pool_chemicals", product="shock", weight_kg=4.536),
            "terse",
            "polite",
            "unit",
        ),
    ],
    # --- smart blinds --------------------------------------------------------------------------
    [
        one("open the bedrom blinds", JAN, s("open_blinds", room="bedroom"), "terse", "typo"),
        one(
            "raise the blinds in the conservatory at 7am",
            MAY,
            s("open_blinds", room="conservatory", at="07:00"),
            "vocabulary",
        ),
    ],
    [
        one(
            "let some daylight into the kitchen",
            AUG,
            s("open_blinds", room="kitchen"),
            "vocabulary",
        ),
        one("close all the blinds at 9pm", DEC, s("close_blinds", room="all", at="21:00"), "terse"),
    ],
    [
        one(
            "shut the nursery blind, the baby's napping",
            MAR,
            s("close_blinds", room="nursery"),
            "vocabulary",
        ),
        one(
            "living room blinds halfway",
            OCT,
            s("set_blind_position", room="living_room", position_percent=50),
            "terse",
        ),
    ],
    [
        one(
            "ofice blind a quarter open",
            JAN,
            s("set_blind_position", room="office", position_percent=25),
            "typo",
            "terse",
            "words_number",
        ),
        one(
            "could you put the bedroom blinds three quarters open?",
            AUG,
            s("set_blind_position", room="bedroom", position_percent=75),
            "question",
            "words_number",
        ),
    ],
    # --- drone flights -------------------------------------------------------------------------
    [
        one(
            "register my DJI Mini 4 Pro, serial 1581F6Z9C24B, 249 g, owner pilot@example.co.uk",
            MAY,
            s(
                "register_drone",
                serial_number="1581F6Z9C24B",
                model="DJI Mini 4 Pro",
                weight_g=249,
                owner_email="pilot@example.co.uk",
            ),
            "email",
        ),
        one(
            "new drone to add: Autel EVO Lite, s/n 7yrxk2040a11, it weighs 835g and my email is "
            "kb@flymail.com",
            MAR,
            s(
                "register_drone",
                serial_number="7YRXK2040A11",
                model="Autel EVO Lite",
                weight_g=835,
                owner_email="kb@flymail.com",
            ),
            "email",
            "lowercase_id",
            "statement",
        ),
    ],
    [
        one(
            "file a flight for DR-30177 at Box Hill on Sunday 14:00 for 40 minutes, max 100 m",
            OCT,
            s(
                "file_flight_plan",
                drone_id="DR-30177",
                location="Box Hill",
                date=nxt(OCT, SUN),
                start_time="14:00",
                duration_minutes=40,
                max_altitude_m=100,
            ),
            "terse",
        ),
        one(
            "flight plan: DR-11820, Frensham Ponds, 5 June, take off 6:30am, 25 mins, ceiling "
            "300 ft",
            MAY,
            s(
                "file_flight_plan",
                drone_id="DR-11820",
                location="Frensham Ponds",
                date=dated(MAY, 6, 5),
                start_time="06:30",
                duration_minutes=25,
                max_altitude_m=91.44,
            ),
            "terse",
            "unit",
        ),
    ],
    [
        one(
            "cancel FP-552013, too windy",
            JAN,
            s("cancel_flight_plan", plan_id="FP-552013"),
            "terse",
        ),
        one(
            "scrub flight plan fp-310448",
            AUG,
            s("cancel_flight_plan", plan_id="FP-310448"),
            "lowercase_id",
            "vocabulary",
        ),
    ],
    # --- locksmith -----------------------------------------------------------------------------
    [
        one(
            "I'm locked out! LS6 2QB, front door, call me on +44 7700 900555",
            DEC,
            s(
                "request_lockout_callout",
                postcode="LS6 2QB",
                door="front_door",
                phone="+447700900555",
            ),
            "statement",
            "phone",
            "postcode",
        ),
        one(
            "key snapped in the back door lock, need someone at M14 5RA asap",
            MAR,
            s("request_lockout_callout", postcode="M14 5RA", door="back_door"),
            "context_first",
            "postcode",
        ),
    ],
    [
        one(
            "lokced out of the garage at bs3 1ab",
            OCT,
            s("request_lockout_callout", postcode="BS3 1AB", door="garage"),
            "typo",
            "postcode",
            "lowercase_id",
        ),
        one(
            "cut me 3 copies of my Yale key",
            MAY,
            s("order_key_copies", key_type="yale", copies=3),
            "terse",
        ),
    ],
    [
        one(
            "two spare mortice keys please, I'll pick them up Friday",
            JAN,
            s("order_key_copies", key_type="mortice", copies=2, collect_date=nxt(JAN, FRI)),
            "polite",
            "words_number",
        ),
        one(
            "Can I get a copy of my padlock key made?",
            AUG,
            s("order_key_copies", key_type="padlock", copies=1),
            "question",
        ),
    ],
    # --- firewood delivery ---------------------------------------------------------------------
    [
        one(
            "2 cubic metres of kiln dried logs to HR2 7JD on Tusday, stacked please",
            MAR,
            s(
                "order_firewood",
                wood="kiln_dried",
                volume_m3=2,
                postcode="HR2 7JD",
                delivery_date=nxt(MAR, TUE),
                stack=True,
            ),
            "terse",
            "postcode",
            "typo",
        ),
        one(
            "need a load of hardwood, 1.5 m3, delivered 4 December to LD3 0AB",
            OCT,
            s(
                "order_firewood",
                wood="hardwood",
                volume_m3=1.5,
                postcode="LD3 0AB",
                delivery_date=dated(OCT, 12, 4),
            ),
            "statement",
            "postcode",
        ),
    ],
    [
        one(
            "kindling, half a cubic metre, to SY23 1DE on Friday — just tip it on the drive",
            AUG,
            s(
                "order_firewood",
                wood="kindling",
                volume_m3=0.5,
                postcode="SY23 1DE",
                delivery_date=nxt(AUG, FRI),
            ),
            "postcode",
            "words_number",
        ),
        one(
            "move WD-40118 to the 20th",
            JAN,
            s("reschedule_firewood_delivery", order_id="WD-40118", new_date=on_day(JAN, 20)),
            "terse",
        ),
    ],
    [
        one(
            "can my log delivery WD-33021 come on Monday instead?",
            MAY,
            s("reschedule_firewood_delivery", order_id="WD-33021", new_date=nxt(MAY, MON)),
            "question",
        ),
        one(
            "I won't be in on the 2nd, please bring order wd-18224 on the 4th of January",
            DEC,
            s("reschedule_firewood_delivery", order_id="WD-18224", new_date="2027-01-04"),
            "context_first",
            "lowercase_id",
            "year_boundary",
        ),
    ],
    # --- riding stables ------------------------------------------------------------------------
    [
        one(
            "book a privte lesson for my daughter Mia, beginer, Saturday 9am",
            AUG,
            s(
                "book_riding_lesson",
                date=nxt(AUG, SAT),
                time="09:00",
                level="beginner",
                lesson_type="private",
                rider_name="Mia",
            ),
            "terse",
            "typo",
        ),
        one(
            "intermediate group lesson on Wendesday at 6pm",
            MAR,
            s(
                "book_riding_lesson",
                date=nxt(MAR, WED),
                time="18:00",
                level="intermediate",
                lesson_type="group",
            ),
            "terse",
            "typo",
        ),
    ],
    [
        one(
            "I'd love to go on a hack Sunday at 11, I'm a novice and about 11 stone",
            OCT,
            s(
                "book_riding_lesson",
                date=nxt(OCT, SUN),
                time="11:00",
                level="novice",
                lesson_type="hack",
                rider_weight_kg=69.853,
            ),
            "statement",
            "unit",
        ),
        one(
            "cancel RL-30419, the horse is lame",
            JAN,
            s("cancel_riding_lesson", booking_ref="RL-30419"),
            "terse",
        ),
    ],
    [
        one(
            "I can't make rl-22871 tomorrow. Reason: exam",
            MAY,
            s("cancel_riding_lesson", booking_ref="RL-22871", reason="exam"),
            "statement",
            "lowercase_id",
            "quoted",
        ),
        one(
            "pay LIV20561, £420",
            DEC,
            s("pay_livery_invoice", invoice_number="LIV20561", amount=420),
            "terse",
            "money",
        ),
    ],
    [
        one(
            "settle livery invoice LIV30012 for three hundred and fifty pounds",
            AUG,
            s("pay_livery_invoice", invoice_number="LIV30012", amount=350, currency="GBP"),
            "money",
            "words_number",
        ),
        one(
            "Our yard bill LIV41007 came to €275.50, I'd like to pay it now",
            OCT,
            s("pay_livery_invoice", invoice_number="LIV41007", amount=275.5, currency="EUR"),
            "money",
            "statement",
            "vocabulary",
        ),
    ],
    # --- aquarium ------------------------------------------------------------------------------
    [
        one(
            "set the reef tank tempreature to 25.5°C",
            JAN,
            s("set_tank_temperature", tank="reef", temperature_celsius=25.5),
            "terse",
            "typo",
        ),
        one(
            "heater on the main tank to 78 F",
            MAR,
            s("set_tank_temperature", tank="main", temperature_celsius=25.556),
            "terse",
            "unit",
        ),
    ],
    [
        one(
            "the quarantine tank needs to be at 28 degrees for the treatment",
            MAY,
            s("set_tank_temperature", tank="quarantine", temperature_celsius=28),
            "statement",
        ),
        one("pause the feeder, I'm doing a water change", OCT, s("pause_auto_feeder"), "statement"),
    ],
    [
        one(
            "skip feeding the shrimp tank until the 20th, they're moulting",
            MAY,
            s("pause_auto_feeder", tank="shrimp", until=on_day(MAY, 20)),
            "terse",
        ),
        one(
            "start the feeder again on the reef tank",
            DEC,
            s("resume_auto_feeder", tank="reef"),
            "vocabulary",
        ),
    ],
    [
        one(
            "back from holiday, resume feeding",
            AUG,
            s("resume_auto_feeder"),
            "context_first",
            "terse",
        ),
        one(
            "what's the ammonia been like in the quarantine tank?",
            JAN,
            s("get_water_readings", tank="quarantine"),
            "question",
        ),
    ],
    [
        one(
            "show the main tank readings for the last 2 weeks",
            MAR,
            s("get_water_readings", tank="main", days=14),
            "unit",
        ),
        one(
            "how has the ph in the reef tank looked over the past 30 days",
            MAY,
            s("get_water_readings", tank="reef", days=30),
            "question",
        ),
    ],
    # --- board game café -----------------------------------------------------------------------
    [
        one(
            "tabel for 4 on Friday at 7pm",
            JAN,
            s("book_game_table", date=nxt(JAN, FRI), time="19:00", party_size=4),
            "terse",
            "typo",
        ),
        one(
            "can we book for six people Saturday afternoon at 2, name Priya",
            MAR,
            s("book_game_table", date=nxt(MAR, SAT), time="14:00", party_size=6, name="Priya"),
            "question",
            "words_number",
        ),
    ],
    [
        one(
            "reserve a table for 2 tonight at 8",
            DEC,
            s("book_game_table", date=iso(DEC), time="20:00", party_size=2),
            "terse",
        ),
        one("cancel GT-44120", OCT, s("cancel_table_booking", booking_id="GT-44120"), "terse"),
    ],
    [
        one(
            "we can't come any more, booking gt-30877",
            AUG,
            s("cancel_table_booking", booking_id="GT-30877"),
            "statement",
            "lowercase_id",
        ),
        one(
            "hold Wingspan for booking GT-44120",
            OCT,
            s("reserve_board_game", booking_id="GT-44120", game="Wingspan"),
            "terse",
        ),
    ],
    [
        one(
            "can you keep Gloomhaven aside for GT-51003?",
            MAY,
            s("reserve_board_game", booking_id="GT-51003", game="Gloomhaven"),
            "question",
        ),
        one(
            "We're coming in on booking GT-62210 and would really like to play Ticket to Ride, "
            "could you save it for us?",
            JAN,
            s("reserve_board_game", booking_id="GT-62210", game="Ticket to Ride"),
            "context_first",
            "polite",
            "question",
        ),
    ],
    # --- tyre fitting --------------------------------------------------------------------------
    [
        one(
            "do you have 205/55 R16 wintr tyres?",
            OCT,
            s("find_tyres", size="205/55 R16", season="winter"),
            "question",
            "typo",
        ),
        one(
            "need tyres 225/45 R17 under £90 each",
            MAR,
            s("find_tyres", size="225/45 R17", max_price=90),
            "terse",
            "money",
        ),
    ],
    [
        one(
            "all season tyres for 195/65 r15",
            MAY,
            s("find_tyres", size="195/65 R15", season="all_season"),
            "terse",
            "lowercase_id",
        ),
        one(
            "fit 2 of TY-30418 on Thursday at 8:30",
            AUG,
            s(
                "book_tyre_fitting",
                tyre_id="TY-30418",
                quantity=2,
                date=nxt(AUG, THU),
                time="08:30",
            ),
            "terse",
        ),
    ],
    [
        one(
            "book fitting of four TY-11207 tyres on the 3rd",
            DEC,
            s("book_tyre_fitting", tyre_id="TY-11207", quantity=4, date=on_day(DEC, 3)),
            "words_number",
            "year_boundary",
        ),
        one(
            "My front tyres are bald — could I get a pair of TY-50981 put on Monday morning at 9?",
            OCT,
            s(
                "book_tyre_fitting",
                tyre_id="TY-50981",
                quantity=2,
                date=nxt(OCT, MON),
                time="09:00",
            ),
            "context_first",
            "question",
            "vocabulary",
        ),
    ],
    # --- more singles --------------------------------------------------------------------------
    [
        one(
            "Pls submit a panle called 'Open source maintainers in 2027', ana.souza@example.dev",
            DEC,
            s(
                "submit_talk",
                title="Open source maintainers in 2027",
                speaker_email="ana.souza@example.dev",
                format="panel",
            ),
            "quoted",
            "email",
            "typo",
        ),
        one(
            "quote me for 12 of https://parts.example.io/knob.stl in red PLA at 20% infil",
            JAN,
            s(
                "get_print_quote",
                model_url="https://parts.example.io/knob.stl",
                material="pla",
                quantity=12,
                colour="red",
                infill_percent=20,
            ),
            "url",
            "typo",
        ),
    ],
    [
        one(
            "put in a bid of $1,750 for LOT-88012",
            MAY,
            s("place_bid", lot_id="LOT-88012", amount=1750, currency="USD"),
            "money",
        ),
        one(
            "serach the books sale for a first edition Hobbit",
            AUG,
            s("search_lots", query="first edition Hobbit", category="books"),
            "typo",
        ),
    ],
]

# Multi-step requests whose later step reads an earlier step's output.
WIRED: list[list[dict[str, Any]]] = [
    [
        many(
            "Find me a Victorian writing desk in the sale and bid £600 on it",
            MAR,
            [
                s("search_lots", query="Victorian writing desk"),
                s("place_bid", W0, amount=600, currency="GBP"),
            ],
            "wired",
            "and",
            "money",
            "reference",
        ),
        many(
            "search for Lalique glass under €2,000 then put in a bid of €1,500",
            OCT,
            [
                s("search_lots", query="Lalique glass", max_estimate=2000, currency="EUR"),
                s("place_bid", W0, amount=1500, currency="EUR"),
            ],
            "wired",
            "then",
            "money",
        ),
    ],
    [
        many(
            "quote https://files.example.com/hinge.stl in PLA, 10 copies, and then go ahead and "
            "print it",
            JAN,
            [
                s(
                    "get_print_quote",
                    model_url="https://files.example.com/hinge.stl",
                    material="pla",
                    quantity=10,
                ),
                s("submit_print_job", Q0),
            ],
            "wired",
            "and then",
            "url",
            "reference",
        ),
        many(
            "get a quote for https://models.example.org/vase.stl in white resin, then submit the "
            "job to be posted, needed by the 30th",
            AUG,
            [
                s(
                    "get_print_quote",
                    model_url="https://models.example.org/vase.stl",
                    material="resin",
                    colour="white",
                ),
                s("submit_print_job", Q0, delivery="post", needed_by=on_day(AUG, 30)),
            ],
            "wired",
            "then",
            "url",
        ),
    ],
    [
        many(
            "new batch 'Dark Matter' stout 21 litres, then log a gravity of 1.068",
            MAY,
            [
                s("start_brew_batch", recipe="Dark Matter", style="stout", volume_litres=21),
                s("log_gravity_reading", B0, gravity=1.068),
            ],
            "wired",
            "then",
            "quoted",
            "terse",
        ),
        many(
            "I brewed 12 litres of 'Quick Mild' pale ale on Saturday, add it to the log, then "
            "record that I bottled it into 30 bottles",
            MAY,
            [
                s(
                    "start_brew_batch",
                    recipe="Quick Mild",
                    style="pale_ale",
                    volume_litres=12,
                    brew_date=last(MAY, SAT),
                ),
                s("bottle_batch", B0, bottles=30),
            ],
            "wired",
            "then",
            "quoted",
            "reference",
        ),
    ],
    [
        many(
            "register my drone (Holy Stone HS720, serial HS720E2041B7, 495 g, email "
            "nina@example.com), then file a flight at Devil's Dyke tomorrow at 10 for 30 minutes",
            MAR,
            [
                s(
                    "register_drone",
                    serial_number="HS720E2041B7",
                    model="Holy Stone HS720",
                    weight_g=495,
                    owner_email="nina@example.com",
                ),
                s(
                    "file_flight_plan",
                    D0,
                    location="Devil's Dyke",
                    date=plus(MAR, 1),
                    start_time="10:00",
                    duration_minutes=30,
                ),
            ],
            "wired",
            "then",
            "email",
        ),
        many(
            "register DJI Air 3, serial 1581F5FHD23C, 720 g, owner ops@aerial.example.com; after "
            "that file a flight plan for Ashdown Forest on 12 June, 07:00, 45 minutes, 120 m max",
            MAY,
            [
                s(
                    "register_drone",
                    serial_number="1581F5FHD23C",
                    model="DJI Air 3",
                    weight_g=720,
                    owner_email="ops@aerial.example.com",
                ),
                s(
                    "file_flight_plan",
                    D0,
                    location="Ashdown Forest",
                    date=dated(MAY, 6, 12),
                    start_time="07:00",
                    duration_minutes=45,
                    max_altitude_m=120,
                ),
            ],
            "wired",
            "after that",
            "email",
        ),
    ],
    [
        many(
            "look up 215/60 R16 summer tyres and book 4 fitted on Saturday",
            AUG,
            [
                s("find_tyres", size="215/60 R16", season="summer"),
                s("book_tyre_fitting", T0, quantity=4, date=nxt(AUG, SAT)),
            ],
            "wired",
            "and",
        ),
        many(
            "find 185/60 R14 all season tyres under £60, and then book two fitted on the 21st at 9",
            JAN,
            [
                s("find_tyres", size="185/60 R14", season="all_season", max_price=60),
                s("book_tyre_fitting", T0, quantity=2, date=on_day(JAN, 21), time="09:00"),
            ],
            "wired",
            "and then",
            "money",
            "words_number",
        ),
    ],
    [
        many(
            "table for 5 on Sunday at 3pm, and hold Catan for us",
            OCT,
            [
                s("book_game_table", date=nxt(OCT, SUN), time="15:00", party_size=5),
                s("reserve_board_game", G0, game="Catan"),
            ],
            "wired",
            "and",
            "terse",
        ),
        many(
            "book us a table for 3 Friday 6:30pm under Tom, then keep Azul aside",
            MAR,
            [
                s("book_game_table", date=nxt(MAR, FRI), time="18:30", party_size=3, name="Tom"),
                s("reserve_board_game", G0, game="Azul"),
            ],
            "wired",
            "then",
        ),
    ],
    [
        many(
            "book a fitting for trousers Thursday 5:30pm, then ask them to shorten them by 4cm",
            DEC,
            [
                s("book_fitting", garment="trousers", date=nxt(DEC, THU), time="17:30"),
                s("request_alteration", F0, garment="trousers", alteration="shorten", amount_cm=4),
            ],
            "wired",
            "then",
            "reference",
        ),
        many(
            "book a dress fitting on the 8th at 11 and get the dress taken in 2 cm",
            AUG,
            [
                s("book_fitting", garment="dress", date=on_day(AUG, 8), time="11:00"),
                s("request_alteration", F0, garment="dress", alteration="take_in", amount_cm=2),
            ],
            "wired",
            "and",
        ),
    ],
    [
        many(
            "anything by Lowry in the art sale on the 9th? bid £5,000 on it",
            OCT,
            [
                s("search_lots", query="Lowry", category="art", sale_date=on_day(OCT, 9)),
                s("place_bid", W0, amount=5000, currency="GBP"),
            ],
            "wired",
            "question",
            "money",
            "reference",
        ),
        many(
            "log a new brew 'Summer Haze' wheat, 20 litres, record OG 1.046, then bottling: 40 "
            "bottles",
            DEC,
            [
                s("start_brew_batch", recipe="Summer Haze", style="wheat", volume_litres=20),
                s("log_gravity_reading", B0, gravity=1.046),
                s("bottle_batch", B0, bottles=40),
            ],
            "wired",
            "then",
            "three_steps",
            "quoted",
        ),
    ],
    [
        many(
            "how much for 50 of https://x.example.com/clip.stl in PETG? after that submit it, "
            "needed by Monday",
            AUG,
            [
                s(
                    "get_print_quote",
                    model_url="https://x.example.com/clip.stl",
                    material="petg",
                    quantity=50,
                ),
                s("submit_print_job", Q0, needed_by=nxt(AUG, MON)),
            ],
            "wired",
            "after that",
            "url",
            "question",
        ),
        many(
            "serach coins for a George III guinea, then bid $900 on it",
            JAN,
            [
                s("search_lots", query="George III guinea", category="coins"),
                s("place_bid", W0, amount=900, currency="USD"),
            ],
            "wired",
            "then",
            "money",
            "typo",
        ),
    ],
]

OTHER_MULTI: list[list[dict[str, Any]]] = [
    [
        many(
            "switch roaming on for Europe from Monday and add a 5GB bundle",
            OCT,
            [
                s("enable_roaming", region="europe", start_date=nxt(OCT, MON)),
                s("add_data_bundle", size_gb=5),
            ],
            "and",
        ),
        many(
            "disable roaming and show me my data usage so far this month",
            AUG,
            [s("disable_roaming"), s("get_data_usage", from_date="2027-08-01", to_date=iso(AUG))],
            "and",
            "range",
        ),
    ],
    [
        many(
            "open the bedroom blinds at 7, the kitchen at 7:30 and the office at 8",
            JAN,
            [
                s("open_blinds", room="bedroom", at="07:00"),
                s("open_blinds", room="kitchen", at="07:30"),
                s("open_blinds", room="office", at="08:00"),
            ],
            "three_steps",
            "comma_list",
            "two_objects",
        ),
        many(
            "close the office blinds; also set the living room ones to 40%",
            MAY,
            [
                s("close_blinds", room="office"),
                s("set_blind_position", room="living_room", position_percent=40),
            ],
            "; also",
        ),
    ],
    [
        many(
            "accept CFP-1001 and CFP-1002 for the main track",
            MAR,
            [
                s("accept_talk", talk_id="CFP-1001", track="main"),
                s("accept_talk", talk_id="CFP-1002", track="main"),
            ],
            "two_objects",
        ),
        many(
            "reject CFP-2077, then accept CFP-2078 for the deep dive track",
            OCT,
            [
                s("reject_talk", talk_id="CFP-2077"),
                s("accept_talk", talk_id="CFP-2078", track="deep_dive"),
            ],
            "then",
        ),
    ],
    [
        many(
            "pause the feeder on the reef tank until Sunday and set it to 26°C",
            AUG,
            [
                s("pause_auto_feeder", tank="reef", until=nxt(AUG, SUN)),
                s("set_tank_temperature", tank="reef", temperature_celsius=26),
            ],
            "and",
            "reference",
        ),
        many(
            "resume the feeder in the main tank, then show me the last 3 days of readings",
            DEC,
            [s("resume_auto_feeder", tank="main"), s("get_water_readings", tank="main", days=3)],
            "then",
            "reference",
        ),
    ],
    [
        many(
            "log pH 7.2 from this morning's test, then order 3 kg of pH plus",
            MAY,
            [
                s("log_pool_chemistry", ph=7.2, tested_on=iso(MAY)),
                s("order_pool_chemicals", product="ph_plus", weight_kg=3),
            ],
            "then",
        ),
        many(
            "book a filter change at GU7 1QW on Friday and order 25 kg of salt for the same day",
            JAN,
            [
                s(
                    "book_pool_service",
                    postcode="GU7 1QW",
                    service="filter_change",
                    date=nxt(JAN, FRI),
                ),
                s(
                    "order_pool_chemicals",
                    product="salt",
                    weight_kg=25,
                    delivery_date=nxt(JAN, FRI),
                ),
            ],
            "and",
            "reference",
            "postcode",
        ),
    ],
    [
        many(
            "log a bullfinch in my garden in Stroud today, then set an alert for hawfinch within "
            "15 km",
            MAR,
            [
                s("log_bird_sighting", species="bullfinch", location="Stroud", seen_on=iso(MAR)),
                s("set_rare_bird_alert", species="hawfinch", radius_km=15),
            ],
            "then",
        ),
        many(
            "Show me waxwing reports in Yorkshire last week, then alert me if one turns up "
            "within 10 km",
            DEC,
            [
                s(
                    "get_sighting_report",
                    species="waxwing",
                    area="Yorkshire",
                    from_date=last_week(DEC)[0],
                    to_date=last_week(DEC)[1],
                ),
                s("set_rare_bird_alert", species="waxwing", radius_km=10),
            ],
            "then",
            "reference",
            "range",
        ),
    ],
    [
        many(
            "cancel my lesson RL-40112 and book a group lesson on Saturday at 10 instead, "
            "intermediate",
            MAY,
            [
                s("cancel_riding_lesson", booking_ref="RL-40112"),
                s(
                    "book_riding_lesson",
                    date=nxt(MAY, SAT),
                    time="10:00",
                    level="intermediate",
                    lesson_type="group",
                ),
            ],
            "and",
        ),
        many(
            "withdraw CFP-3091, but first submit 'Observability on a budget' as a lightning "
            "talk, email ana@example.dev",
            AUG,
            [
                s(
                    "submit_talk",
                    title="Observability on a budget",
                    speaker_email="ana@example.dev",
                    format="lightning",
                ),
                s("withdraw_talk", talk_id="CFP-3091"),
            ],
            "but first",
            "quoted",
            "email",
        ),
    ],
    [
        many(
            "pay LIV20999 £380; also book a private lesson on Tuesday at 5pm, advanced",
            OCT,
            [
                s("pay_livery_invoice", invoice_number="LIV20999", amount=380, currency="GBP"),
                s(
                    "book_riding_lesson",
                    date=nxt(OCT, TUE),
                    time="17:00",
                    level="advanced",
                    lesson_type="private",
                ),
            ],
            "; also",
            "money",
        ),
        many(
            "I'm locked out of my front door at CF10 1EP, and once that's done I'll need 2 Yale "
            "copies cut",
            JAN,
            [
                s("request_lockout_callout", postcode="CF10 1EP", door="front_door"),
                s("order_key_copies", key_type="yale", copies=2),
            ],
            "once that's done",
            "postcode",
        ),
    ],
    [
        many(
            "cancel GT-22014 and book a table for 2 on Saturday at 1pm instead",
            MAR,
            [
                s("cancel_table_booking", booking_id="GT-22014"),
                s("book_game_table", date=nxt(MAR, SAT), time="13:00", party_size=2),
            ],
            "and",
        ),
        many(
            "cancel print job PJ-440012, followed by a new quote for "
            "https://files.example.com/bracket-v2.stl in ABS",
            MAY,
            [
                s("cancel_print_job", job_id="PJ-440012"),
                s(
                    "get_print_quote",
                    model_url="https://files.example.com/bracket-v2.stl",
                    material="abs",
                ),
            ],
            "followed by",
            "url",
        ),
    ],
    [
        many(
            "retract my bid on LOT-20881 then bid £300 on LOT-20882",
            AUG,
            [
                s("retract_bid", lot_id="LOT-20881"),
                s("place_bid", lot_id="LOT-20882", amount=300, currency="GBP"),
            ],
            "then",
            "money",
        ),
        many(
            "Book a fitting for a skirt on Monday at 4pm. Before that, can you check whether "
            "FT-20561 is ready?",
            OCT,
            [
                s("get_alteration_status", fitting_id="FT-20561"),
                s("book_fitting", garment="skirt", date=nxt(OCT, MON), time="16:00"),
            ],
            "before that",
            "question",
        ),
    ],
    [
        many(
            "cancel FP-101222 and FP-101223",
            JAN,
            [
                s("cancel_flight_plan", plan_id="FP-101222"),
                s("cancel_flight_plan", plan_id="FP-101223"),
            ],
            "two_objects",
            "terse",
        ),
        many(
            "Going away: pause the main tank feeder till the 9th, close all the blinds, and turn "
            "roaming on for europe from tomorrow",
            MAR,
            [
                s("pause_auto_feeder", tank="main", until=on_day(MAR, 9)),
                s("close_blinds", room="all"),
                s("enable_roaming", region="europe", start_date=plus(MAR, 1)),
            ],
            "three_steps",
            "comma_list",
            "context_first",
        ),
    ],
    [
        many(
            "record a gravity of 1.010 for B-131 then bottle it: 45 bottles with 150 g sugar",
            DEC,
            [
                s("log_gravity_reading", batch_id="B-131", gravity=1.01),
                s("bottle_batch", batch_id="B-131", bottles=45, priming_sugar_g=150),
            ],
            "then",
            "reference",
        ),
        many(
            "book a leak check at KT2 5AA on Monday, after that log today's test: pH 7.6, "
            "chlorine 1.5 ppm",
            AUG,
            [
                s(
                    "book_pool_service",
                    postcode="KT2 5AA",
                    service="leak_check",
                    date=nxt(AUG, MON),
                ),
                s("log_pool_chemistry", ph=7.6, free_chlorine_ppm=1.5, tested_on=iso(AUG)),
            ],
            "after that",
            "postcode",
        ),
    ],
    [
        many(
            "I want to propose 'Testing in Production', a 30 min talk, tomas@example.org; also a "
            "workshop 'Fuzzing 101', 2 hours, same email",
            MAY,
            [
                s(
                    "submit_talk",
                    title="Testing in Production",
                    speaker_email="tomas@example.org",
                    duration_minutes=30,
                ),
                s(
                    "submit_talk",
                    title="Fuzzing 101",
                    speaker_email="tomas@example.org",
                    format="workshop",
                    duration_minutes=120,
                ),
            ],
            "; also",
            "reference",
            "quoted",
            "email",
            "unit",
        ),
        many(
            "Order 1 m3 of softwood to SA62 6PY for Friday. Then move WD-50123 to the same day",
            OCT,
            [
                s(
                    "order_firewood",
                    wood="softwood",
                    volume_m3=1,
                    postcode="SA62 6PY",
                    delivery_date=nxt(OCT, FRI),
                ),
                s("reschedule_firewood_delivery", order_id="WD-50123", new_date=nxt(OCT, FRI)),
            ],
            "then",
            "reference",
            "postcode",
        ),
    ],
    [
        many(
            "opne the conservatory blinds, set the bedroom ones to 20% and close the nursery",
            MAY,
            [
                s("open_blinds", room="conservatory"),
                s("set_blind_position", room="bedroom", position_percent=20),
                s("close_blinds", room="nursery"),
            ],
            "three_steps",
            "comma_list",
            "typo",
        ),
        many(
            "disable roamng on +44 7700 900461 and then add a 1GB bundle to that number",
            JAN,
            [
                s("disable_roaming", line="+447700900461"),
                s("add_data_bundle", line="+447700900461", size_gb=1),
            ],
            "and then",
            "phone",
            "reference",
            "typo",
        ),
    ],
]

NEAR: list[list[dict[str, Any]]] = [
    [
        near("cancel my firewood order WD-30871", MAR, "no_cancel"),
        near("remove the 5GB data bundle from my plan", OCT, "opposite"),
    ],
    [
        near("port my number +44 7700 900123 to another network", MAY, "phone"),
        near("stop the hoopoe alerts please", AUG, "opposite"),
    ],
    [
        near("cancel my tyre fitting booking TF-3021", JAN, "no_cancel"),
        near("refund livery invoice LIV20417", DEC, "opposite"),
    ],
    [
        near("change the abstract of CFP-2041 to the new version", MAY, "no_edit"),
        near("cancel the pool visit on Friday", JAN, "no_cancel"),
    ],
    [
        near("delete my drone registration DR-20417", OCT, "opposite"),
        near("I'm the seller, please withdraw LOT-30418 from the sale", MAR, "context_first"),
    ],
    [
        near("can I cancel my fitting FT-20417?", AUG, "no_cancel", "question"),
        near("cancl my key order KC-1109", MAY, "no_cancel", "typo"),
    ],
    [
        near("delete the kingfisher I logged on Sunday", MAR, "opposite"),
        near("what's the battery level on the bedroom blinds?", DEC, "question"),
    ],
]

OFF: list[list[dict[str, Any]]] = [
    [
        off("what's the weather in Leeds tomorrow?", JAN, "question"),
        off("book me a flight to Lisbon on Saturday", DEC),
    ],
    [
        off("remind me to call mum at 6", MAR),
        off("how many calories in a pint of stout?", MAY, "question"),
    ],
    [off("translate 'good morning' into Italian", AUG), off("play some jazz in the kitchen", OCT)],
    [
        off("what's the capital of Australia?", JAN, "question"),
        off("order a pizza to LS6 2QB", MAR),
    ],
    [off("set an alarm for 6:30am", MAY), off("book a haircut on Friday at 10", AUG)],
    [
        off("what's 15% of £240?", OCT, "question"),
        off("how do I get red wine out of a carpet?", DEC, "question"),
    ],
]


def _group(pair: list[dict[str, Any]]) -> tuple[str, bool]:
    first = pair[0]
    return first["kind"], "wired" in first["tags"]


def _interleave() -> list[list[dict[str, Any]]]:
    """The pairs in a steady rotation of kinds, so any stretch of ids holds a mix."""
    queues = [list(PAIRS), list(WIRED), list(OTHER_MULTI), list(NEAR), list(OFF)]
    weights = [len(q) for q in queues]
    total = sum(weights)
    out: list[list[dict[str, Any]]] = []
    taken = [0] * len(queues)
    for n in range(1, total + 1):
        # pick the queue furthest behind its share
        best = max(
            (i for i in range(len(queues)) if queues[i]),
            key=lambda i: weights[i] * n / total - taken[i],
        )
        out.append(queues[best].pop(0))
        taken[best] += 1
    return out


def build() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for pair in _interleave():
        assert len(pair) == 2
        assert _group(pair[0:1]) == _group(pair[1:2]), pair
        for case in pair:
            assert (
                ("near_miss" in case["tags"])
                or ("off_domain" in case["tags"])
                or case["kind"] != "refuse"
            )
            cases.append({"id": f"p{len(cases) + 1:03d}", **case})
    return cases


CASES = build()


def main() -> None:
    (HERE / "cases.json").write_text(
        json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
