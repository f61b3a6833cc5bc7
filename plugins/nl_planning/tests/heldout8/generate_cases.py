"""Writes ``cases.json`` for the eighth held-out set: the requests and their expected plans.

Every date is computed from the case's ``today`` with ``datetime``. Cases come in pairs of one
kind (single, wired multi-step, other multi-step, near miss, off-domain; the first of a pair
gets an odd id, the second an even one) and the pairs are interleaved so that any stretch of ids
holds a mix and both halves hold the same one. Run ``python3 generate_cases.py`` after an edit.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

T1 = dt.date(2027, 1, 11)  # a Monday in January
T2 = dt.date(2027, 2, 18)  # a Thursday in February
T3 = dt.date(2027, 4, 17)  # a Saturday in April
T4 = dt.date(2027, 6, 9)  # a Wednesday in June
T5 = dt.date(2027, 8, 20)  # a Friday in August
T6 = dt.date(2027, 10, 12)  # a Tuesday in October
T7 = dt.date(2027, 12, 30)  # Thursday 30 December


def ahead(today: dt.date, weekday: int) -> dt.date:
    """The next such weekday, today excluded (scheduling)."""
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)


def back(today: dt.date, weekday: int) -> dt.date:
    """The last such weekday, today excluded (recording)."""
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)


def next_week(today: dt.date, weekday: int) -> dt.date:
    """That day of next week (weeks run Monday to Sunday)."""
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 + weekday)


def plus(today: dt.date, days: int) -> dt.date:
    return today + dt.timedelta(days=days)


def dom_ahead(today: dt.date, day: int) -> dt.date:
    """The next date after today that falls on this day of the month."""
    d = today + dt.timedelta(days=1)
    while d.day != day:
        d += dt.timedelta(days=1)
    return d


def month_end(today: dt.date) -> dt.date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def step(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> dict:
    """One expected step; dates become ISO strings."""
    values = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
    out: dict[str, Any] = {"capability": capability, "params": values}
    if wired:
        out["wired"] = wired
    return out


def case(text: str, today: dt.date, steps: list[dict], *tags: str) -> dict:
    kind = "single" if len(steps) == 1 else "multi"
    return {
        "text": text,
        "today": today.isoformat(),
        "expect": steps,
        "kind": kind,
        "tags": list(tags),
    }


def refuse(text: str, today: dt.date, *tags: str) -> dict:
    return {
        "text": text,
        "today": today.isoformat(),
        "expect": "refuse",
        "kind": "refuse",
        "tags": list(tags),
    }


def w(output: str, source: int = 0) -> list[Any]:
    return [source, output]


S = step

# --- single-step requests ------------------------------------------------------------------

SINGLE = [
    # geocaching
    case(
        "any caches within 3 miles of Ambleside?",
        T3,
        [S("find_geocaches", near="Ambleside", radius_km=4.828)],
        "question",
        "unit",
        "vocabulary",
    ),
    case(
        "show me earthcaches round Malham Cove, nothing harder than a 2.5",
        T4,
        [S("find_geocaches", near="Malham Cove", cache_type="earthcache", max_difficulty=2.5)],
        "terse",
    ),
    case(
        "geocahces near 54.4609,-3.0886",
        T5,
        [S("find_geocaches", near="54.4609,-3.0886")],
        "terse",
        "typo",
        "coordinates",
    ),
    case(
        "stuck on GC8K2QX - can I have the hint?",
        T3,
        [S("get_geocache_hint", cache_code="GC8K2QX")],
        "question",
        "vocabulary",
    ),
    case(
        "whats the clue for gc3vb7m",
        T6,
        [S("get_geocache_hint", cache_code="GC3VB7M")],
        "question",
        "lower_id",
        "terse",
    ),
    case(
        "Found GC4ZT9P this morning with the kids, log it please. Note: 'TFTC, lovely walk'",
        T3,
        [S("log_geocache_find", cache_code="GC4ZT9P", found_on=T3, note="TFTC, lovely walk")],
        "quoted",
        "polite",
    ),
    case(
        "couldn't find GC2P8MN on Sunday, mark it as a DNF",
        T2,
        [
            S(
                "log_geocache_find",
                cache_code="GC2P8MN",
                found_on=back(T2, SUN),
                outcome="did_not_find",
            )
        ],
        "enum_meaning",
    ),
    case(
        "We finally got GC6HH20 on Saturday after three tries!",
        T6,
        [S("log_geocache_find", cache_code="GC6HH20", found_on=back(T6, SAT))],
        "statement",
    ),
    case(
        "the log book in GC5AA3R is soaking wet, let the owner know",
        T4,
        [S("report_geocache_problem", cache_code="GC5AA3R", problem="wet_log")],
        "statement",
        "enum_meaning",
    ),
    case(
        "GC9MM1T seems to have gone missing, nothing at ground zero. Note for the owner: "
        "'checked under every rock at the stile'",
        T5,
        [
            S(
                "report_geocache_problem",
                cache_code="GC9MM1T",
                problem="missing",
                note="checked under every rock at the stile",
            )
        ],
        "quoted",
        "context_first",
    ),
    # tattoo parlour
    case(
        "Can I get a consult with Rosa on the 22nd at 3pm for something on my left arm? "
        "email me at ella.m@example.com",
        T1,
        [
            S(
                "book_tattoo_consultation",
                date=dom_ahead(T1, 22),
                time="15:00",
                placement="arm",
                artist="Rosa",
                email="ella.m@example.com",
            )
        ],
        "question",
    ),
    case(
        "tattoo consultation saturday 11am, back piece about 30 cm, idea: 'koi fish and waves', "
        "marco.l@example.it",
        T4,
        [
            S(
                "book_tattoo_consultation",
                date=ahead(T4, SAT),
                time="11:00",
                placement="back",
                size_cm=30,
                idea="koi fish and waves",
                email="marco.l@example.it",
            )
        ],
        "terse",
        "quoted",
    ),
    case(
        "pay the deposit on TC-30117: £75",
        T2,
        [S("pay_tattoo_deposit", booking_id="TC-30117", amount=75, currency="GBP")],
        "money",
        "terse",
    ),
    case(
        "put down a fifty euro deposit for booking tc-88012",
        T5,
        [S("pay_tattoo_deposit", booking_id="TC-88012", amount=50, currency="EUR")],
        "money",
        "words_number",
        "lower_id",
    ),
    case(
        "move TC-55310 to next Thursday",
        T5,
        [S("move_tattoo_appointment", booking_id="TC-55310", new_date=next_week(T5, THU))],
        "terse",
        "date_next_week",
    ),
    case(
        "I can't make my tattoo appt TC-41020 on Monday, could we do Wednesday the 20th at half "
        "two instead?",
        T6,
        [
            S(
                "move_tattoo_appointment",
                booking_id="TC-41020",
                new_date=dt.date(2027, 10, 20),
                new_time="14:30",
            )
        ],
        "question",
        "context_first",
        "time_words",
    ),
    case(
        "reshedule my tattoo TC-70021 to the 2nd",
        T7,
        [S("move_tattoo_appointment", booking_id="TC-70021", new_date=dom_ahead(T7, 2))],
        "typo",
        "year_boundary",
        "vocabulary",
    ),
    # septic tank
    case(
        "septic tank needs emptyng at LD3 7HP on Thursday, it's a 3000 litre tank",
        T1,
        [S("book_septic_emptying", postcode="LD3 7HP", date=ahead(T1, THU), tank_litres=3000)],
        "statement",
        "typo",
    ),
    case(
        "The house is TR19 7AA. The cesspit there is overflowing!! send someone today",
        T3,
        [S("book_septic_emptying", postcode="TR19 7AA", date=T3, urgent=True)],
        "context_first",
        "reference",
        "enum_meaning",
    ),
    case(
        "Can the tanker come to hr3 6ab next Monday? The tank's about 50 feet from the lane.",
        T2,
        [
            S(
                "book_septic_emptying",
                postcode="HR3 6AB",
                date=next_week(T2, MON),
                hose_distance_m=15.24,
            )
        ],
        "question",
        "unit",
        "lower_id",
    ),
    case(
        "when was the septic tank last emptied?",
        T4,
        [S("get_septic_service_history")],
        "question",
    ),
    case(
        "show the tanker visits for 2026 at LD3 7HP",
        T2,
        [
            S(
                "get_septic_service_history",
                postcode="LD3 7HP",
                from_date=dt.date(2026, 1, 1),
                to_date=dt.date(2026, 12, 31),
            )
        ],
        "terse",
        "date_range",
    ),
    case(
        "How many times has the tank been pumped out since 1 March?",
        T4,
        [S("get_septic_service_history", from_date=dt.date(2027, 3, 1), to_date=T4)],
        "question",
        "date_range",
        "vocabulary",
    ),
    # office water
    case(
        "we need 12 bottles of water for the office on Tuesday",
        T5,
        [S("order_water_bottles", bottles=12, delivery_date=ahead(T5, TUE))],
        "statement",
    ),
    case(
        "order five of the small 11 litre bottles and 2 sleeves of cups",
        T6,
        [S("order_water_bottles", bottles=5, bottle_litres=11, cups=2)],
        "words_number",
    ),
    case(
        "can u send 4 big bottles for the cooler",
        T1,
        [S("order_water_bottles", bottles=4, bottle_litres=19)],
        "question",
        "typo",
        "enum_meaning",
    ),
    case(
        "no water deliveries from 23 December to 2 January please, office is shut",
        T6,
        [
            S(
                "pause_water_deliveries",
                start_date=dt.date(2027, 12, 23),
                end_date=dt.date(2028, 1, 2),
            )
        ],
        "date_range",
        "year_boundary",
        "polite",
    ),
    case(
        "pause the water until the end of the month",
        T5,
        [S("pause_water_deliveries", end_date=month_end(T5))],
        "terse",
    ),
    case(
        "Hold the water round for two weeks starting Monday 14 June",
        T4,
        [
            S(
                "pause_water_deliveries",
                start_date=dt.date(2027, 6, 14),
                end_date=dt.date(2027, 6, 27),
            )
        ],
        "date_range",
        "vocabulary",
    ),
    case(
        "We're all back in the office now - start the water again",
        T1,
        [S("resume_water_deliveries")],
        "statement",
        "context_first",
    ),
    case(
        "resume water deliveries from the 3rd",
        T4,
        [S("resume_water_deliveries", from_date=dom_ahead(T4, 3))],
        "terse",
    ),
    case(
        "book a cooler clean for 2 dispensers next Tuesday afternoon",
        T4,
        [
            S(
                "book_cooler_sanitising",
                date=next_week(T4, TUE),
                coolers=2,
                time_window="afternoon",
            )
        ],
        "vocabulary",
        "date_next_week",
    ),
    case(
        "the water cooler needs disinfecting, could someone come on the 9th in the morning?",
        T2,
        [S("book_cooler_sanitising", date=dom_ahead(T2, 9), time_window="morning")],
        "question",
        "statement",
    ),
    # piano tuning
    case(
        "We're at OX4 1DB. Can the piano tuner come to that address on Friday at 10?",
        T6,
        [S("book_piano_tuning", postcode="OX4 1DB", date=ahead(T6, FRI), time="10:00")],
        "question",
        "reference",
        "context_first",
    ),
    case(
        "Our grand needs tuning to 442 before the recital - N6 5HG, the 14th please",
        T5,
        [
            S(
                "book_piano_tuning",
                postcode="N6 5HG",
                date=dom_ahead(T5, 14),
                piano="grand",
                pitch_hz=442,
            )
        ],
        "statement",
        "polite",
    ),
    case(
        "Could you book a piano tunning for the baby grand at eh3 9dr on Tuesday the 19th?",
        T6,
        [
            S(
                "book_piano_tuning",
                postcode="EH3 9DR",
                date=dt.date(2027, 10, 19),
                piano="baby_grand",
            )
        ],
        "typo",
        "lower_id",
        "polite",
    ),
    case(
        "cancel piano tuning PT-30418",
        T3,
        [S("cancel_piano_tuning", booking_ref="PT-30418")],
        "terse",
    ),
    case(
        "please call off the tuner's visit, PT-77102. Reason: 'piano has been sold'",
        T1,
        [S("cancel_piano_tuning", booking_ref="PT-77102", reason="piano has been sold")],
        "quoted",
        "polite",
        "vocabulary",
    ),
    # archery
    case(
        "a target at 18m for three archers on Saturday at 9:30",
        T2,
        [
            S(
                "book_archery_target",
                date=ahead(T2, SAT),
                time="09:30",
                archers=3,
                distance_m=18,
            )
        ],
        "terse",
        "words_number",
    ),
    case(
        "Book me on the range tomorow at 6pm, I need to hire a bow",
        T5,
        [S("book_archery_target", date=plus(T5, 1), time="18:00", hire_bow=True)],
        "typo",
    ),
    case(
        "two of us would like to shoot at 30 metres on Thursday evening at 7",
        T6,
        [
            S(
                "book_archery_target",
                date=ahead(T6, THU),
                time="19:00",
                archers=2,
                distance_m=30,
            )
        ],
        "words_number",
        "statement",
    ),
    case(
        "I shot 587 on Saturday at 50m with my compound",
        T1,
        [
            S(
                "record_archery_score",
                score=587,
                shot_on=back(T1, SAT),
                distance_m=50,
                bow="compound",
            )
        ],
        "statement",
    ),
    case(
        "Add my score from this morning: 301 from 36 arrows, barebow",
        T4,
        [S("record_archery_score", score=301, shot_on=T4, arrows=36, bow="barebow")],
        "terse",
    ),
    case(
        "how have my recurve rounds gone this year?",
        T4,
        [S("get_archery_scores", from_date=dt.date(2027, 1, 1), to_date=T4, bow="recurve")],
        "question",
        "date_range",
    ),
    case(
        "show me my archery scores from last month",
        T3,
        [S("get_archery_scores", from_date=last_month(T3)[0], to_date=last_month(T3)[1])],
        "date_range",
    ),
    # cheese
    case(
        "what goat's cheeses have you got that are soft?",
        T2,
        [S("search_cheeses", milk="goat", style="soft")],
        "question",
    ),
    case(
        "looking for a vegetarian washed-rind cheese",
        T5,
        [S("search_cheeses", style="washed_rind", vegetarian=True)],
        "statement",
    ),
    case(
        "I'd like 400g of CH-2207 delievered on Friday",
        T1,
        [S("order_cheese", cheese_id="CH-2207", weight_g=400, delivery_date=ahead(T1, FRI))],
        "polite",
        "typo",
    ),
    case(
        "send a pound of ch-1180 to my dad with a card saying 'Happy 70th, Dad!'",
        T3,
        [S("order_cheese", cheese_id="CH-1180", weight_g=454, gift_message="Happy 70th, Dad!")],
        "unit",
        "lower_id",
        "quoted",
    ),
    case(
        "sign me up for the blue lovers box every week",
        T6,
        [S("set_up_cheese_box", box="blue_lovers", frequency="weekly")],
        "vocabulary",
    ),
    case(
        "I'd like the continental selection each month starting from 1 November",
        T6,
        [
            S(
                "set_up_cheese_box",
                box="continental",
                frequency="monthly",
                start_date=dt.date(2027, 11, 1),
            )
        ],
        "polite",
    ),
    # ice rink
    case(
        "skating for four on Sunday at 2pm, we'll need boots",
        T5,
        [
            S(
                "book_skating_session",
                date=ahead(T5, SUN),
                time="14:00",
                skaters=4,
                skate_hire=True,
            )
        ],
        "words_number",
        "enum_meaning",
    ),
    case(
        "book a public skate tonight at 19:45",
        T1,
        [S("book_skating_session", date=T1, time="19:45")],
        "terse",
    ),
    case(
        "family of 5 want to go ice skating Saturday 11am, we have our own skates",
        T7,
        [S("book_skating_session", date=ahead(T7, SAT), time="11:00", skaters=5)],
        "statement",
        "year_boundary",
    ),
    case(
        "cancel IR-30991",
        T2,
        [S("cancel_skating_session", booking_ref="IR-30991")],
        "terse",
    ),
    case(
        "we cant come to the rink tomorrow after all, booking ir-55120",
        T3,
        [S("cancel_skating_session", booking_ref="IR-55120")],
        "statement",
        "lower_id",
        "typo",
    ),
    case(
        "season pass for Tom Hale, tom.hale@example.com",
        T6,
        [S("buy_rink_season_pass", holder_name="Tom Hale", email="tom.hale@example.com")],
        "terse",
    ),
    case(
        "Could I buy a family season ticket for the rink? Name: Priya Shah, email "
        "priya.shah@example.co.uk, starting 1 November",
        T6,
        [
            S(
                "buy_rink_season_pass",
                holder_name="Priya Shah",
                email="priya.shah@example.co.uk",
                pass_type="family",
                start_date=dt.date(2027, 11, 1),
            )
        ],
        "question",
        "polite",
        "vocabulary",
    ),
    case(
        "child season pass for my son Leo Park, send it to jpark@example.com",
        T1,
        [
            S(
                "buy_rink_season_pass",
                holder_name="Leo Park",
                email="jpark@example.com",
                pass_type="child",
            )
        ],
        "terse",
    ),
    # helicopter
    case(
        "any helicopter sightseeing flights from Battersea on Saturday for 2?",
        T4,
        [
            S(
                "search_helicopter_tours",
                departure="Battersea",
                date=ahead(T4, SAT),
                passengers=2,
            )
        ],
        "question",
    ),
    case(
        "mountain scenic flights out of Glenforsa",
        T5,
        [S("search_helicopter_tours", departure="Glenforsa", route="mountains")],
        "terse",
    ),
    case(
        "book 3 seats on HT-40912 with window seats, email me on nina@example.org",
        T3,
        [
            S(
                "book_helicopter_seats",
                tour_id="HT-40912",
                passengers=3,
                email="nina@example.org",
                window_seats=True,
            )
        ],
        "terse",
    ),
    case(
        "Two passengers for tour ht-22815, we're about 25 stone between us, confirmation to "
        "bob.w@example.com",
        T2,
        [
            S(
                "book_helicopter_seats",
                tour_id="HT-22815",
                passengers=2,
                email="bob.w@example.com",
                total_weight_kg=158.757,
            )
        ],
        "unit",
        "lower_id",
        "words_number",
    ),
    case(
        "add the digital photo pack to HB-30419",
        T6,
        [S("add_tour_photo_package", booking_ref="HB-30419", package="digital")],
        "terse",
    ),
    case(
        "can we get a video of our flight? booking HB-51180",
        T1,
        [S("add_tour_photo_package", booking_ref="HB-51180", package="video")],
        "question",
        "vocabulary",
    ),
    # gutters
    case(
        "how much to clear the gutters at BS6 5AX? its a bungalow",
        T6,
        [S("get_gutter_cleaning_quote", postcode="BS6 5AX", storeys=1)],
        "question",
        "enum_meaning",
    ),
    case(
        "gutter cleaning quote for LS6 2QB, 25m of gutter plus the conservatory",
        T3,
        [
            S(
                "get_gutter_cleaning_quote",
                postcode="LS6 2QB",
                length_m=25,
                conservatory=True,
            )
        ],
        "terse",
    ),
    case(
        "book GQ-30155 for Thursday morning",
        T1,
        [
            S(
                "book_gutter_cleaning",
                quote_id="GQ-30155",
                date=ahead(T1, THU),
                time_window="morning",
            )
        ],
        "terse",
    ),
    case(
        "go ahead with quote GQ-71200 on the 28th, and I'd like before/after photos",
        T4,
        [S("book_gutter_cleaning", quote_id="GQ-71200", date=dom_ahead(T4, 28), photos=True)],
        "vocabulary",
    ),
    case(
        "Accept quote gq-50211 and send the van on Wednesday afternoon",
        T5,
        [
            S(
                "book_gutter_cleaning",
                quote_id="GQ-50211",
                date=ahead(T5, WED),
                time_window="afternoon",
            )
        ],
        "lower_id",
        "vocabulary",
    ),
    # market stalls
    case(
        "reserve a stall at Ludlow market on Saturday for selling jams and chutneys, "
        "jam@example.co.uk",
        T2,
        [
            S(
                "reserve_market_stall",
                market="Ludlow market",
                date=ahead(T2, SAT),
                goods="food",
                trader_email="jam@example.co.uk",
            )
        ],
        "enum_meaning",
    ),
    case(
        "a car boot pitch at Ashby Sunday market, clothes, electric hook-up please, "
        "tom.b@example.com",
        T3,
        [
            S(
                "reserve_market_stall",
                market="Ashby Sunday market",
                date=ahead(T3, SUN),
                goods="clothing",
                trader_email="tom.b@example.com",
                size="car_boot",
                electricity=True,
            )
        ],
        "terse",
        "enum_meaning",
    ),
    case(
        "cancel stall MS-20411",
        T4,
        [S("cancel_market_stall", stall_ref="MS-20411")],
        "terse",
    ),
    case(
        "I won't be trading at Ely this week, please cancel ms-60218; reason: 'stock not arrived'",
        T5,
        [S("cancel_market_stall", stall_ref="MS-60218", reason="stock not arrived")],
        "quoted",
        "lower_id",
        "context_first",
    ),
    case(
        "pay £18 for pitch MS-33019",
        T6,
        [S("pay_stall_fee", stall_ref="MS-33019", amount=18, currency="GBP")],
        "money",
        "terse",
    ),
    case(
        "settle the pitch fee on MS-40917, twenty five pounds",
        T7,
        [S("pay_stall_fee", stall_ref="MS-40917", amount=25, currency="GBP")],
        "money",
        "words_number",
    ),
    # shoe repair
    case(
        "new heels on 2 pairs, collect from M14 5TP",
        T2,
        [S("send_shoes_for_repair", pairs=2, repair="heels", postcode="M14 5TP")],
        "terse",
    ),
    case(
        "my brogues need resoling, can you pick them up from g12 8qq and send them back express?",
        T4,
        [
            S(
                "send_shoes_for_repair",
                pairs=1,
                repair="resole",
                postcode="G12 8QQ",
                express_return=True,
            )
        ],
        "question",
        "lower_id",
        "vocabulary",
    ),
    case(
        "I've got three pairs of boots with split stitching. I'm at CF10 3NB",
        T5,
        [S("send_shoes_for_repair", pairs=3, repair="stitching", postcode="CF10 3NB")],
        "statement",
        "words_number",
    ),
    case(
        "where are my shoes? order SR-40918",
        T6,
        [S("get_shoe_repair_status", order_id="SR-40918")],
        "question",
    ),
    case(
        "status of sr-11207",
        T7,
        [S("get_shoe_repair_status", order_id="SR-11207")],
        "terse",
        "lower_id",
    ),
    case(
        "Has the cobler finished with SR-70014 yet?",
        T3,
        [S("get_shoe_repair_status", order_id="SR-70014")],
        "question",
        "typo",
    ),
    # printer ink
    case(
        "order a black cartridge for the Epson ET-2850",
        T1,
        [S("order_ink_cartridges", printer_model="Epson ET-2850", cartridge="black")],
        "terse",
    ),
    case(
        "3 XL multipacks for my HP OfficeJet Pro 9010 please",
        T4,
        [
            S(
                "order_ink_cartridges",
                printer_model="HP OfficeJet Pro 9010",
                cartridge="multipack",
                quantity=3,
                high_yield=True,
            )
        ],
        "polite",
        "enum_meaning",
    ),
    case(
        "how much ink have I got left?",
        T2,
        [S("get_ink_levels")],
        "question",
    ),
    case(
        "what are the ink levels on the Epson?",
        T5,
        [S("get_ink_levels", printer="Epson")],
        "question",
    ),
    case(
        "turn on automatic ink reordering",
        T6,
        [S("enable_ink_auto_refill")],
        "terse",
        "vocabulary",
    ),
    case(
        "auto refill the cartridges when they hit 20%",
        T3,
        [S("enable_ink_auto_refill", threshold_percent=20)],
        "terse",
    ),
    case(
        "Could you set up auto-replenishment for my ink at a quarter left?",
        T7,
        [S("enable_ink_auto_refill", threshold_percent=25)],
        "question",
        "unit",
        "vocabulary",
    ),
    case(
        "stop the automatic cartridge orders",
        T4,
        [S("disable_ink_auto_refill")],
        "terse",
    ),
    case(
        "turn off ink auto refil",
        T1,
        [S("disable_ink_auto_refill")],
        "terse",
        "typo",
    ),
    # go-karting
    case(
        "karting for 10 drivers on Saturday at 4pm, 30 minute session",
        T6,
        [
            S(
                "book_karting_session",
                date=ahead(T6, SAT),
                time="16:00",
                drivers=10,
                session_minutes=30,
            )
        ],
        "terse",
    ),
    case(
        "Book the junior karts for my son's party: 8 kids, Sunday 1pm, an hour on the outdoor "
        "track",
        T4,
        [
            S(
                "book_karting_session",
                date=ahead(T4, SUN),
                time="13:00",
                drivers=8,
                juniors=True,
                session_minutes=60,
                track="outdoor",
            )
        ],
        "unit",
        "enum_meaning",
    ),
    case(
        "twelve of us want to go karting on the 18th at 19:30",
        T7,
        [S("book_karting_session", date=dom_ahead(T7, 18), time="19:30", drivers=12)],
        "words_number",
        "year_boundary",
        "statement",
    ),
    case(
        "lap tiems for GK-30177",
        T2,
        [S("get_lap_times", booking_id="GK-30177")],
        "terse",
        "typo",
    ),
    case(
        "what was Sam's best lap in gk-41022?",
        T5,
        [S("get_lap_times", booking_id="GK-41022", driver="Sam")],
        "question",
        "lower_id",
    ),
    case(
        "who won? booking GK-52110",
        T3,
        [S("get_lap_times", booking_id="GK-52110")],
        "question",
        "vocabulary",
    ),
    case(
        "buy a £50 karting voucher for Jack Moore, jack.moore@example.com",
        T1,
        [
            S(
                "buy_karting_gift_voucher",
                amount=50,
                currency="GBP",
                recipient_name="Jack Moore",
                recipient_email="jack.moore@example.com",
            )
        ],
        "money",
    ),
    case(
        "gift vouchr worth €30 for Anna Weber (anna.weber@example.de), message: 'Happy "
        "birthday, speed demon!'",
        T2,
        [
            S(
                "buy_karting_gift_voucher",
                amount=30,
                currency="EUR",
                recipient_name="Anna Weber",
                recipient_email="anna.weber@example.de",
                message="Happy birthday, speed demon!",
            )
        ],
        "money",
        "quoted",
        "typo",
    ),
    case(
        "I'd like to get my brother Liam Cole a karting present, seventy five quid, send it to "
        "liam.cole@example.com",
        T6,
        [
            S(
                "buy_karting_gift_voucher",
                amount=75,
                currency="GBP",
                recipient_name="Liam Cole",
                recipient_email="liam.cole@example.com",
            )
        ],
        "money",
        "words_number",
        "vocabulary",
    ),
]

# --- multi-step requests whose later step reads an earlier step's output --------------------

WIRED = [
    case(
        "Find me a mystery cache within 5 km of Keswick and show me the hint for it",
        T3,
        [
            S("find_geocaches", near="Keswick", radius_km=5, cache_type="mystery"),
            S("get_geocache_hint", wired={"cache_code": w("cache_code")}),
        ],
        "wired",
        "and",
        "reference",
    ),
    case(
        "look for traditional caches around Hebden Bridge, then get the clue for it",
        T5,
        [
            S("find_geocaches", near="Hebden Bridge", cache_type="traditional"),
            S("get_geocache_hint", wired={"cache_code": w("cache_code")}),
        ],
        "wired",
        "then",
        "reference",
        "vocabulary",
    ),
    case(
        "Book me a consultation with Mika on Thursday at 2pm for a forearm piece, about 15cm, "
        "email jo.r@example.com, then pay the £50 deposit",
        T6,
        [
            S(
                "book_tattoo_consultation",
                date=ahead(T6, THU),
                time="14:00",
                placement="arm",
                artist="Mika",
                size_cm=15,
                email="jo.r@example.com",
            ),
            S(
                "pay_tattoo_deposit",
                amount=50,
                currency="GBP",
                wired={"booking_id": w("booking_id")},
            ),
        ],
        "wired",
        "then",
        "money",
        "enum_meaning",
    ),
    case(
        "I'd like a tattoo consult on the 3rd at 11:30 for my neck, design: 'swallow with a "
        "banner'. Email: sam.k@example.net. After that pay a deposit of €40.",
        T1,
        [
            S(
                "book_tattoo_consultation",
                date=dom_ahead(T1, 3),
                time="11:30",
                placement="neck",
                idea="swallow with a banner",
                email="sam.k@example.net",
            ),
            S(
                "pay_tattoo_deposit",
                amount=40,
                currency="EUR",
                wired={"booking_id": w("booking_id")},
            ),
        ],
        "wired",
        "after that",
        "money",
        "quoted",
    ),
    case(
        "search for a blue sheep's milk cheese and order 300g of it",
        T2,
        [
            S("search_cheeses", milk="sheep", style="blue"),
            S("order_cheese", weight_g=300, wired={"cheese_id": w("cheese_id")}),
        ],
        "wired",
        "and",
        "reference",
    ),
    case(
        "find something smoky and vegetarian on the cheese counter then send half a kilo of it "
        "for Friday",
        T4,
        [
            S("search_cheeses", query="smoky", vegetarian=True),
            S(
                "order_cheese",
                weight_g=500,
                delivery_date=ahead(T4, FRI),
                wired={"cheese_id": w("cheese_id")},
            ),
        ],
        "wired",
        "then",
        "unit",
        "reference",
    ),
    case(
        "Look for a coast tour from Shoreham for 3 of us on Saturday and book it, email "
        "pilots@example.org",
        T5,
        [
            S(
                "search_helicopter_tours",
                departure="Shoreham",
                date=ahead(T5, SAT),
                passengers=3,
                route="coast",
            ),
            S(
                "book_helicopter_seats",
                passengers=3,
                email="pilots@example.org",
                wired={"tour_id": w("tour_id")},
            ),
        ],
        "wired",
        "and",
        "reference",
    ),
    case(
        "find a castles flight from Inverness on the 14th for two, book the seats "
        "(kate.b@example.co.uk) and add the video package",
        T6,
        [
            S(
                "search_helicopter_tours",
                departure="Inverness",
                date=dom_ahead(T6, 14),
                passengers=2,
                route="castles",
            ),
            S(
                "book_helicopter_seats",
                passengers=2,
                email="kate.b@example.co.uk",
                wired={"tour_id": w("tour_id")},
            ),
            S(
                "add_tour_photo_package",
                package="video",
                wired={"booking_ref": w("booking_ref", 1)},
            ),
        ],
        "wired",
        "comma_list",
        "three_steps",
        "words_number",
    ),
    case(
        "book seats on HT-30551 for 2, email leon@example.com, and then add the prints package",
        T3,
        [
            S("book_helicopter_seats", tour_id="HT-30551", passengers=2, email="leon@example.com"),
            S("add_tour_photo_package", package="prints", wired={"booking_ref": w("booking_ref")}),
        ],
        "wired",
        "and then",
        "terse",
    ),
    case(
        "quote for cleaning the gutters at BS6 5AX, it's a three storey house, and book it for "
        "Tuesday morning",
        T2,
        [
            S("get_gutter_cleaning_quote", postcode="BS6 5AX", storeys=3),
            S(
                "book_gutter_cleaning",
                date=ahead(T2, TUE),
                time_window="morning",
                wired={"quote_id": w("quote_id")},
            ),
        ],
        "wired",
        "and",
        "words_number",
    ),
    case(
        "Get a gutter quote for cf10 1aa including the conservatory, about 40 feet of guttering, "
        "then book it for Monday afternoon next week with before and after photos",
        T4,
        [
            S(
                "get_gutter_cleaning_quote",
                postcode="CF10 1AA",
                conservatory=True,
                length_m=12.192,
            ),
            S(
                "book_gutter_cleaning",
                date=next_week(T4, MON),
                time_window="afternoon",
                photos=True,
                wired={"quote_id": w("quote_id")},
            ),
        ],
        "wired",
        "then",
        "unit",
        "lower_id",
        "date_next_week",
    ),
    case(
        "Get me a price for the gutters at LS6 2QB - two storeys, about 30 meters - and book it "
        "in for the 21st",
        T7,
        [
            S("get_gutter_cleaning_quote", postcode="LS6 2QB", storeys=2, length_m=30),
            S("book_gutter_cleaning", date=dom_ahead(T7, 21), wired={"quote_id": w("quote_id")}),
        ],
        "wired",
        "and",
        "year_boundary",
        "vocabulary",
        "us_spelling",
    ),
    case(
        "reserve a double stall at the Ashby car boot on Sunday for bric-a-brac, email "
        "trader.tom@example.com, then pay the £15 fee",
        T1,
        [
            S(
                "reserve_market_stall",
                market="Ashby car boot",
                date=ahead(T1, SUN),
                goods="bric_a_brac",
                trader_email="trader.tom@example.com",
                size="double",
            ),
            S("pay_stall_fee", amount=15, currency="GBP", wired={"stall_ref": w("stall_ref")}),
        ],
        "wired",
        "then",
        "money",
    ),
    case(
        "I want a pitch at Ripon farmers' market on the 5th selling plants, with electricity - "
        "confirmation to grow@example.org. Once that's done pay 22 pounds 50 for it.",
        T3,
        [
            S(
                "reserve_market_stall",
                market="Ripon farmers' market",
                date=dom_ahead(T3, 5),
                goods="plants",
                trader_email="grow@example.org",
                electricity=True,
            ),
            S("pay_stall_fee", amount=22.5, currency="GBP", wired={"stall_ref": w("stall_ref")}),
        ],
        "wired",
        "once that's done",
        "money",
        "words_number",
        "reference",
    ),
    case(
        "Reserve a food stall at Kinsale market on Saturday (email: pies@example.ie) and pay the "
        "€20 pitch fee",
        T6,
        [
            S(
                "reserve_market_stall",
                market="Kinsale market",
                date=ahead(T6, SAT),
                goods="food",
                trader_email="pies@example.ie",
            ),
            S("pay_stall_fee", amount=20, currency="EUR", wired={"stall_ref": w("stall_ref")}),
        ],
        "wired",
        "and",
        "money",
    ),
    case(
        "find a goat's cheese that's soft, order 250g of it, and also set up the monthly goat box",
        T5,
        [
            S("search_cheeses", milk="goat", style="soft"),
            S("order_cheese", weight_g=250, wired={"cheese_id": w("cheese_id")}),
            S("set_up_cheese_box", box="goat", frequency="monthly"),
        ],
        "wired",
        "comma_list",
        "three_steps",
        "reference",
    ),
    case(
        "serch tours from Battersea over the city for tomorrow, 4 passengers; book them with "
        "total weight about 300kg, email ops@example.com",
        T1,
        [
            S(
                "search_helicopter_tours",
                departure="Battersea",
                date=plus(T1, 1),
                passengers=4,
                route="city",
            ),
            S(
                "book_helicopter_seats",
                passengers=4,
                total_weight_kg=300,
                email="ops@example.com",
                wired={"tour_id": w("tour_id")},
            ),
        ],
        "wired",
        "semicolon",
        "typo",
        "reference",
    ),
    case(
        "Can you set up a tattoo consultation next Wednesday at 16:00 on my ribs (email: "
        "ana.p@example.com) and pay a $100 deposit on it?",
        T4,
        [
            S(
                "book_tattoo_consultation",
                date=next_week(T4, WED),
                time="16:00",
                placement="ribs",
                email="ana.p@example.com",
            ),
            S(
                "pay_tattoo_deposit",
                amount=100,
                currency="USD",
                wired={"booking_id": w("booking_id")},
            ),
        ],
        "wired",
        "and",
        "question",
        "money",
        "date_next_week",
    ),
]

# --- other multi-step requests ---------------------------------------------------------------

MULTI = [
    case(
        "we're closed till the 9th: pause the water until then, and then order eight bottles for "
        "the 10th",
        T7,
        [
            S("pause_water_deliveries", end_date=dt.date(2028, 1, 9)),
            S("order_water_bottles", bottles=8, delivery_date=dt.date(2028, 1, 10)),
        ],
        "and then",
        "year_boundary",
        "context_first",
        "reference",
        "words_number",
    ),
    case(
        "Resume the water from Monday; also book a sanitising visit for 3 coolers that morning, "
        "and order 10 bottles for the same day",
        T5,
        [
            S("resume_water_deliveries", from_date=ahead(T5, MON)),
            S(
                "book_cooler_sanitising",
                date=ahead(T5, MON),
                coolers=3,
                time_window="morning",
            ),
            S("order_water_bottles", bottles=10, delivery_date=ahead(T5, MON)),
        ],
        "; also",
        "three_steps",
        "reference",
    ),
    case(
        "check the ink levels followed by ordering a black XL cartridge for the HP Envy 6055",
        T2,
        [
            S("get_ink_levels"),
            S(
                "order_ink_cartridges",
                printer_model="HP Envy 6055",
                cartridge="black",
                high_yield=True,
            ),
        ],
        "followed by",
    ),
    case(
        "turn off auto refill for the ink, and order two color cartridges for my Canon Pixma "
        "TS5150",
        T3,
        [
            S("disable_ink_auto_refill"),
            S(
                "order_ink_cartridges",
                printer_model="Canon Pixma TS5150",
                cartridge="colour",
                quantity=2,
            ),
        ],
        "and",
        "words_number",
        "us_spelling",
    ),
    case(
        "Cancel skating IR-44120 and book 2 people in on Saturday at 18:30 instead with skate hire",
        T6,
        [
            S("cancel_skating_session", booking_ref="IR-44120"),
            S(
                "book_skating_session",
                date=ahead(T6, SAT),
                time="18:30",
                skaters=2,
                skate_hire=True,
            ),
        ],
        "and",
        "opposites",
    ),
    case(
        "cancel the tuning PT-55012, we're moving. Then book a new one at our new place, NE2 4HQ, "
        "on the 20th, it's a baby grand",
        T1,
        [
            S("cancel_piano_tuning", booking_ref="PT-55012"),
            S("book_piano_tuning", postcode="NE2 4HQ", date=dom_ahead(T1, 20), piano="baby_grand"),
        ],
        "then",
        "opposites",
        "aside",
    ),
    case(
        "record 598 at 70m with the recurve yesterday, then show me my scores since the 1st",
        T4,
        [
            S(
                "record_archery_score",
                score=598,
                distance_m=70,
                bow="recurve",
                shot_on=plus(T4, -1),
            ),
            S("get_archery_scores", from_date=T4.replace(day=1), to_date=T4),
        ],
        "then",
        "date_range",
    ),
    case(
        "Book 6 drivers on the outdoor track for half an hour on Friday at 7pm, and buy a £40 "
        "voucher for Dan Price (dan.p@example.com)",
        T2,
        [
            S(
                "book_karting_session",
                date=ahead(T2, FRI),
                time="19:00",
                drivers=6,
                session_minutes=30,
                track="outdoor",
            ),
            S(
                "buy_karting_gift_voucher",
                amount=40,
                currency="GBP",
                recipient_name="Dan Price",
                recipient_email="dan.p@example.com",
            ),
        ],
        "and",
        "money",
        "unit",
    ),
    case(
        "log GC9RT2X as found today and reprot a full logbook on it",
        T5,
        [
            S("log_geocache_find", cache_code="GC9RT2X", found_on=T5),
            S("report_geocache_problem", cache_code="GC9RT2X", problem="full_log"),
        ],
        "and",
        "typo",
        "reference",
    ),
    case(
        "Two things: DNF on gc5h1kz yesterday, note 'searched for 40 minutes, muggles "
        "everywhere'; after that flag it as probably missing",
        T3,
        [
            S(
                "log_geocache_find",
                cache_code="GC5H1KZ",
                found_on=plus(T3, -1),
                outcome="did_not_find",
                note="searched for 40 minutes, muggles everywhere",
            ),
            S("report_geocache_problem", cache_code="GC5H1KZ", problem="missing"),
        ],
        "after that",
        "quoted",
        "lower_id",
        "reference",
    ),
    case(
        "Send 2 pairs for resoling from SW9 8LT, but first check on order SR-30982",
        T6,
        [
            S("get_shoe_repair_status", order_id="SR-30982"),
            S("send_shoes_for_repair", pairs=2, repair="resole", postcode="SW9 8LT"),
        ],
        "but first",
        "reversed",
    ),
    case(
        "Book the septic tank emptying at LD3 7HP for next Tuesday, 4000 litres. Before that, "
        "show me the past visits there since 1 March 2026.",
        T4,
        [
            S(
                "get_septic_service_history",
                postcode="LD3 7HP",
                from_date=dt.date(2026, 3, 1),
                to_date=T4,
            ),
            S(
                "book_septic_emptying",
                postcode="LD3 7HP",
                date=next_week(T4, TUE),
                tank_litres=4000,
            ),
        ],
        "before that",
        "reversed",
        "reference",
        "date_range",
    ),
    case(
        "set up the british box every fortnight starting on the 1st, and order 200g of CH-3318 "
        "for Saturday",
        T5,
        [
            S(
                "set_up_cheese_box",
                box="british",
                frequency="fortnightly",
                start_date=dom_ahead(T5, 1),
            ),
            S("order_cheese", cheese_id="CH-3318", weight_g=200, delivery_date=ahead(T5, SAT)),
        ],
        "and",
        "vocabulary",
    ),
    case(
        "Cancel MS-20981 (reason: van broken down) and then reserve me a crafts stall at Ely "
        "market on the 12th instead, email pots@example.org",
        T2,
        [
            S("cancel_market_stall", stall_ref="MS-20981", reason="van broken down"),
            S(
                "reserve_market_stall",
                market="Ely market",
                date=dom_ahead(T2, 12),
                goods="crafts",
                trader_email="pots@example.org",
            ),
        ],
        "and then",
        "quoted",
        "opposites",
    ),
    case(
        "how quick was Priya in GK-77031? then book 4 drivers again for Saturday at 2pm",
        T1,
        [
            S("get_lap_times", booking_id="GK-77031", driver="Priya"),
            S("book_karting_session", date=ahead(T1, SAT), time="14:00", drivers=4),
        ],
        "then",
        "question",
    ),
    case(
        "book skating for Friday at 17:00 and Saturday at 17:00, 3 skaters each",
        T4,
        [
            S("book_skating_session", date=ahead(T4, FRI), time="17:00", skaters=3),
            S("book_skating_session", date=ahead(T4, SAT), time="17:00", skaters=3),
        ],
        "two_objects",
        "reference",
    ),
    case(
        "order a cyan and a magenta cartrige for the Brother MFC-J5340DW",
        T7,
        [
            S("order_ink_cartridges", printer_model="Brother MFC-J5340DW", cartridge="cyan"),
            S("order_ink_cartridges", printer_model="Brother MFC-J5340DW", cartridge="magenta"),
        ],
        "two_objects",
        "typo",
    ),
    case(
        "Book a target for two on Sunday at 10:00 with bow hire, record yesterday's 544 with the "
        "longbow, and show my longbow scores for last month",
        T6,
        [
            S(
                "book_archery_target",
                date=ahead(T6, SUN),
                time="10:00",
                archers=2,
                hire_bow=True,
            ),
            S("record_archery_score", score=544, shot_on=plus(T6, -1), bow="longbow"),
            S(
                "get_archery_scores",
                from_date=last_month(T6)[0],
                to_date=last_month(T6)[1],
                bow="longbow",
            ),
        ],
        "comma_list",
        "three_steps",
        "words_number",
        "date_range",
    ),
]

# --- near misses: the objects are in the registry, the action is not ---------------------------

NEAR = [
    refuse("cancel my tattoo consultation TC-40117", T2, "near_miss", "opposite_absent"),
    refuse(
        "I want my £60 tattoo deposit back, the artist has left",
        T5,
        "near_miss",
        "money",
        "statement",
    ),
    refuse(
        "cancel the helicopter flight HB-30915, the forecast is awful",
        T3,
        "near_miss",
        "opposite_absent",
    ),
    refuse(
        "can I move my helicopter tour HB-20881 to next weekend?",
        T6,
        "near_miss",
        "question",
    ),
    refuse("cancel the septic tank visit on Thursday", T1, "near_miss", "opposite_absent"),
    refuse(
        "Please cancel the gutter cleaning on quote GQ-44012, a neighbour did it",
        T4,
        "near_miss",
        "polite",
    ),
    refuse(
        "delete my log on GC7XQ1A, I logged the wrong cache", T5, "near_miss", "opposite_absent"
    ),
    refuse(
        "I'd like to hide a new geocache in Grasmere and get it publshed",
        T3,
        "near_miss",
        "typo",
    ),
    refuse("stop my cheese box subscription", T6, "near_miss", "opposite_absent"),
    refuse("cancel my archery target booking for Saturday", T2, "near_miss", "opposite_absent"),
    refuse("refund my rink season pass please", T7, "near_miss", "polite"),
    refuse(
        "cancel the shoe repair SR-22018, turns out my old boots are fine",
        T1,
        "near_miss",
        "opposite_absent",
    ),
    refuse(
        "I want to send back the three unopened cartridges I ordered",
        T4,
        "near_miss",
        "statement",
        "words_number",
    ),
    refuse("refund the karting voucher KV-55012", T5, "near_miss", "terse"),
    refuse(
        "Can you delete my archery score from yesterday? I added it up wrong",
        T3,
        "near_miss",
        "question",
    ),
    refuse("whats left on karting voucher KV-30188?", T6, "near_miss", "question", "typo"),
    refuse(
        "how much do we owe for the water bottles this month?",
        T2,
        "near_miss",
        "question",
    ),
    refuse("reschedule the septic tank emptying SE-31021 to Friday", T1, "near_miss", "vocabulary"),
    refuse("cancel my cheese order CO-7120", T7, "near_miss", "opposite_absent", "terse"),
    refuse("transfer my ice rink season pass to my sister", T4, "near_miss", "statement"),
    refuse("refund the £15 pitch fee for MS-40122", T5, "near_miss", "money", "terse"),
    refuse("Cancel the karting session GK-60122", T3, "near_miss", "opposite_absent"),
    refuse("move my gutter clean to the afternoon of the 18th", T6, "near_miss", "vocabulary"),
    refuse("rate the piano tuner five stars", T2, "near_miss", "words_number"),
]

# --- off-domain requests -----------------------------------------------------------------------

OFF = [
    refuse("what's the weather in Keswick this weekend?", T3, "off_domain", "question"),
    refuse("translate 'cheese' into French", T4, "off_domain", "quoted"),
    refuse("play some piano music in the kitchen", T5, "off_domain", "shared_word"),
    refuse("how many calories in 100g of cheddar?", T6, "off_domain", "question", "shared_word"),
    refuse("remind me to call mum on Friday at 6", T1, "off_domain"),
    refuse("order a large pepperoni pizza to BS6 5AX", T2, "off_domain", "shared_word"),
    refuse("book a table for 4 on Saturday at 7:30pm", T3, "off_domain", "shared_word"),
    refuse("what's the capital of Iceland?", T7, "off_domain", "question"),
    refuse("set an alarm for 6:45 tomorow", T4, "off_domain", "typo"),
    refuse(
        "who won the archery gold at the last Olympics?",
        T5,
        "off_domain",
        "question",
        "shared_word",
    ),
    refuse("convert 40 feet to metres", T6, "off_domain", "unit"),
    refuse("book a taxi to Battersea heliport for 9am tomorrow", T1, "off_domain", "shared_word"),
    refuse("email my boss that I'm running late", T2, "off_domain"),
    refuse("what's 15% of 240?", T3, "off_domain", "question"),
    refuse("tell me a joke about helicopters", T7, "off_domain", "shared_word"),
    refuse("find me a recipe for cheese scones", T4, "off_domain", "shared_word"),
    refuse("turn the living room lights off", T5, "off_domain"),
    refuse("play my skating playlist on Spotify", T6, "off_domain", "shared_word"),
    refuse("buy two train tickets to York for Saturday", T1, "off_domain", "words_number"),
    refuse("what's the exchange rate from pounds to euros?", T2, "off_domain", "question"),
    refuse("show me flights to Lisbon next month", T3, "off_domain", "shared_word"),
    refuse("write a haiku about shoes", T7, "off_domain", "shared_word"),
]


def _pairs(cases: list[dict]) -> list[tuple[dict, dict]]:
    assert len(cases) % 2 == 0, len(cases)
    return [(cases[i], cases[i + 1]) for i in range(0, len(cases), 2)]


def build() -> list[dict]:
    """The pairs of every kind spread evenly over the set, then numbered r001, r002, …"""
    groups = [SINGLE, WIRED, MULTI, NEAR, OFF]
    slots = []
    for rank, group in enumerate(groups):
        pairs = _pairs(group)
        slots += [((i + 0.5) / len(pairs), rank, pair) for i, pair in enumerate(pairs)]
    slots.sort(key=lambda slot: (slot[0], slot[1]))
    ordered = [c for _, _, pair in slots for c in pair]
    return [{"id": f"r{n:03d}", **c} for n, c in enumerate(ordered, start=1)]


CASES = build()


def main() -> None:
    text = json.dumps(CASES, indent=1, ensure_ascii=False) + "\n"
    (HERE / "cases.json").write_text(text, encoding="utf-8")
    print(f"{len(CASES)} cases written")


if __name__ == "__main__":
    main()
