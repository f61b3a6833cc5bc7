"""Writes ``cases.json`` from the requests below: dates are computed from each case's ``today``.

Run it from the repository root after editing a case (``python3 .../heldout2/generate_cases.py``);
the file it writes is the set. Ids follow the order here (``g001``…), so each domain's cases
alternate between the odd half (tuned on) and the even half (the test). The date helpers follow
the conventions in ``README.md`` and nothing else: no planner is imported or run.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Six days of the week seen from Monday to Thursday, one across a year boundary.
T1 = dt.date(2026, 1, 14)  # Wednesday
T2 = dt.date(2026, 3, 26)  # Thursday
T3 = dt.date(2026, 6, 23)  # Tuesday
T4 = dt.date(2026, 9, 9)  # Wednesday
T5 = dt.date(2026, 11, 30)  # Monday
T6 = dt.date(2026, 12, 29)  # Tuesday

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def iso(day: dt.date) -> str:
    return day.isoformat()


def ahead(today: dt.date, weekday: str) -> str:
    """The next such weekday, today excluded (scheduling)."""
    delta = (DAYS.index(weekday) - today.weekday() - 1) % 7 + 1
    return iso(today + dt.timedelta(days=delta))


def back(today: dt.date, weekday: str) -> str:
    """The last such weekday, today excluded (recording)."""
    delta = (today.weekday() - DAYS.index(weekday) - 1) % 7 + 1
    return iso(today - dt.timedelta(days=delta))


def next_week(today: dt.date, weekday: str) -> str:
    """That day of next week ("Tuesday next week")."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return iso(monday + dt.timedelta(days=DAYS.index(weekday)))


def plus(today: dt.date, days: int) -> str:
    return iso(today + dt.timedelta(days=days))


def day_ahead(today: dt.date, day: int) -> str:
    """The next date with this day of the month ("the 21st", scheduling)."""
    candidate = today.replace(day=day)
    if candidate <= today:
        year, month = divmod(today.month, 12)
        candidate = dt.date(today.year + year, month + 1, day)
    return iso(candidate)


def month_ended(today: dt.date, months_back: int = 1) -> tuple[str, str]:
    """First and last day of the month ``months_back`` before today's ("last month")."""
    first = today.replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return iso(first), iso(following - dt.timedelta(days=1))


def quarter_ended(today: dt.date, quarter: int) -> tuple[str, str]:
    """The most recent such quarter that has ended ("Q2", reporting)."""
    for year in (today.year, today.year - 1):
        _, last = month_ended(dt.date(year, 3 * quarter, 1), 0)
        if dt.date.fromisoformat(last) < today:
            return iso(dt.date(year, 3 * quarter - 2, 1)), last
    raise AssertionError("unreachable: last year's quarter has ended")


def week_of(today: dt.date, weeks: int = 0) -> tuple[str, str]:
    """Monday to Sunday of today's week (``weeks`` = -1: the previous one)."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * weeks)
    return iso(monday), iso(monday + dt.timedelta(days=6))


def step(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> Any:
    out: dict[str, Any] = {"capability": capability, "params": params}
    if wired:
        out["wired"] = wired
    return out


CASES: list[dict[str, Any]] = []


def case(text: str, today: dt.date, expect: Any, *tags: str) -> None:
    if expect == "refuse":
        kind = "refuse"
    else:
        expect = expect if isinstance(expect, list) else [expect]
        kind = "single" if len(expect) == 1 else "multi"
    CASES.append(
        {
            "id": f"g{len(CASES) + 1:03d}",
            "text": text,
            "today": iso(today),
            "expect": expect,
            "kind": kind,
            "tags": list(tags),
        }
    )


# --- event ticketing -------------------------------------------------------------------------
case(
    "any Arctic Monkeys gigs in Manchester?",
    T2,
    step("find_event", query="Arctic Monkeys", city="Manchester"),
    "question",
    "vocabulary",
)
case(
    "search for Hamilton shows in Chicago on Saturday",
    T3,
    step("find_event", query="Hamilton", city="Chicago", date=ahead(T3, "sat")),
    "date_weekday",
)
case(
    "buy 4 floor tickets for event EV204871 and email them to sam.ortiz@example.com",
    T1,
    step(
        "buy_tickets",
        event_id="EV204871",
        quantity=4,
        section="floor",
        email="sam.ortiz@example.com",
    ),
    "email",
    "enum",
)
case(
    "I'd like two balcony seats for ev118230 please",
    T4,
    step("buy_tickets", event_id="EV118230", quantity=2, section="balcony"),
    "polite",
    "number_word",
    "lowercase_id",
    "vocabulary",
)
case(
    "purchse 3 tickets to EV550912, upper bowl",
    T5,
    step("buy_tickets", event_id="EV550912", quantity=3, section="upper_bowl"),
    "typo",
    "enum",
)
case(
    "My dog chewed up my ticket TK-40918823, can I get a new one sent to jo@example.org?",
    T2,
    step("reissue_ticket", ticket_id="TK-40918823", email="jo@example.org"),
    "indirect",
    "question",
    "email",
)
case("reissue TK-77120034", T6, step("reissue_ticket", ticket_id="TK-77120034"), "terse")
case(
    "lost my ticket tk-31415926, please replace it",
    T3,
    step("reissue_ticket", ticket_id="TK-31415926"),
    "indirect",
    "lowercase_id",
    "vocabulary",
)

# --- parking and towing ----------------------------------------------------------------------
case(
    "pay for 2 hours parking in zone 4471 for plate 7KJD221",
    T1,
    step("pay_parking", zone_code="4471", plate="7KJD221", duration_minutes=120),
    "unit",
)
case(
    "park me in 0932 for 45 min, car is abc1234",
    T2,
    step("pay_parking", zone_code="0932", plate="ABC1234", duration_minutes=45),
    "terse",
    "lowercase_id",
)
case(
    "start a parkng session: zone 2210, licence plate LX90TRE, 90 minutes",
    T4,
    step("pay_parking", zone_code="2210", plate="LX90TRE", duration_minutes=90),
    "typo",
    "british",
)
case(
    "I need an hour and a half of parking at zone 5120, license KD33XPL",
    T5,
    step("pay_parking", zone_code="5120", plate="KD33XPL", duration_minutes=90),
    "unit",
    "number_word",
)
case(
    'I got a ticket PCN12345678 but the sign was hidden. Appeal it, reason: "sign obscured by '
    'foliage"',
    T3,
    step("appeal_parking_fine", fine_number="PCN12345678", reason="sign obscured by foliage"),
    "quoted",
)
case(
    'contest fine pcn88420019: "I had a valid permit displayed"',
    T6,
    step("appeal_parking_fine", fine_number="PCN88420019", reason="I had a valid permit displayed"),
    "vocabulary",
    "lowercase_id",
    "quoted",
)
case(
    "my car got towed, plate 8GHT552. where is it?",
    T1,
    step("locate_towed_vehicle", plate="8GHT552"),
    "indirect",
    "question",
)
case(
    "which impound lot has KD33XPL",
    T4,
    step("locate_towed_vehicle", plate="KD33XPL"),
    "question",
    "terse",
)
case(
    "There's a car with plate 5RTY880 blocking my driveway at 14 Elm Street, please get it towed",
    T2,
    step(
        "tow_vehicle", plate="5RTY880", street_address="14 Elm Street", reason="blocking_driveway"
    ),
    "polite",
    "enum",
)
case(
    "tow the abandoned van JJ7781 outside 220 Harbor Road",
    T5,
    step("tow_vehicle", plate="JJ7781", street_address="220 Harbor Road", reason="abandoned"),
    "enum",
)
case(
    "somone parked in the fire lane at 9 Mill Lane, plate QW12ERT, have it removed",
    T3,
    step("tow_vehicle", plate="QW12ERT", street_address="9 Mill Lane", reason="fire_lane"),
    "typo",
    "indirect",
    "vocabulary",
)

# --- utility meters --------------------------------------------------------------------------
case(
    "my electricity meter says 48213.5, account 1002003004",
    T2,
    step("submit_meter_reading", account_number="1002003004", meter="electricity", reading=48213.5),
    "indirect",
)
case(
    "submit gas reading 7721 for account 5566778899, I read it yesterday",
    T1,
    step(
        "submit_meter_reading",
        account_number="5566778899",
        meter="gas",
        reading=7721,
        reading_date=plus(T1, -1),
    ),
    "date_relative",
)
case(
    "water meter reading 00342 for acct 3344556677",
    T6,
    step("submit_meter_reading", account_number="3344556677", meter="water", reading=342),
    "terse",
)
case(
    "sumbit my electrcity reading: 15020, account 9988776655",
    T4,
    step("submit_meter_reading", account_number="9988776655", meter="electricity", reading=15020),
    "typo",
)
case(
    "how much electricity did I use last month? account 1002003004",
    T2,
    step(
        "get_energy_usage",
        account_number="1002003004",
        meter="electricity",
        start_date=month_ended(T2)[0],
        end_date=month_ended(T2)[1],
    ),
    "question",
    "date_range",
    "date_last_month",
)
case(
    "gas usage for 5566778899 in Q2",
    T4,
    step(
        "get_energy_usage",
        account_number="5566778899",
        meter="gas",
        start_date=quarter_ended(T4, 2)[0],
        end_date=quarter_ended(T4, 2)[1],
    ),
    "terse",
    "date_range",
    "date_quarter",
)
case(
    "what has my water cost so far this year? acct 3344556677",
    T3,
    step(
        "get_energy_usage",
        account_number="3344556677",
        meter="water",
        start_date="2026-01-01",
        end_date=iso(T3),
    ),
    "question",
    "date_range",
    "date_ytd",
)
case(
    "electricity consumption last week for account 1002003004",
    T5,
    step(
        "get_energy_usage",
        account_number="1002003004",
        start_date=week_of(T5, -1)[0],
        end_date=week_of(T5, -1)[1],
    ),
    "date_range",
    "date_last_week",
)
case(
    "electricity usage for September, account 9988776655",
    T5,
    step(
        "get_energy_usage",
        account_number="9988776655",
        start_date="2026-09-01",
        end_date="2026-09-30",
    ),
    "date_range",
    "date_month",
)
case(
    "show my usage since the 1st on 9988776655",
    T6,
    step(
        "get_energy_usage", account_number="9988776655", start_date="2026-12-01", end_date=iso(T6)
    ),
    "date_range",
    "date_since",
)
case(
    "We're away until the 15th of February, pause the readings on account 1002003004",
    T1,
    step("pause_meter_reading", account_number="1002003004", until="2026-02-15"),
    "date_day_of_month",
)
case(
    "house is empty till 2026-08-31, suspend estimated bills for 5566778899",
    T3,
    step("pause_meter_reading", account_number="5566778899", until="2026-08-31"),
    "vocabulary",
    "indirect",
)

# --- city services (311) ---------------------------------------------------------------------
case(
    "there's a massive pothole outside 52 Queen Street",
    T4,
    step("file_311_report", category="pothole", street_address="52 Queen Street"),
    "indirect",
)
case(
    "the street lamp in front of 300 Oak Road is out, here's a picture "
    "https://pics.example.com/lamp.jpg",
    T1,
    step(
        "file_311_report",
        category="streetlight",
        street_address="300 Oak Road",
        photo_url="https://pics.example.com/lamp.jpg",
    ),
    "url",
    "vocabulary",
)
case(
    "reprot graffiti on the wall at 18 Canal Street",
    T5,
    step("file_311_report", category="graffiti", street_address="18 Canal Street"),
    "typo",
)
case(
    "our bins weren't collected at 7 Birch Close",
    T2,
    step("file_311_report", category="missed_collection", street_address="7 Birch Close"),
    "indirect",
    "vocabulary",
)
case(
    'log a noise complaint for 41 Station Road, details: "drilling every night after 11pm"',
    T6,
    step(
        "file_311_report",
        category="noise",
        street_address="41 Station Road",
        description="drilling every night after 11pm",
    ),
    "quoted",
)
case(
    "SR-4410923 has been open for a month with no fix, escalate it",
    T3,
    step("escalate_report", report_id="SR-4410923"),
    "indirect",
)
case(
    'escalate sr-1029384, reason: "crew never showed up"',
    T4,
    step("escalate_report", report_id="SR-1029384", reason="crew never showed up"),
    "lowercase_id",
    "quoted",
)
case(
    "any update on SR-5550001?",
    T2,
    step("get_report_status", report_id="SR-5550001"),
    "question",
    "terse",
)
case(
    "what's happening with my pothole report SR-7712093",
    T5,
    step("get_report_status", report_id="SR-7712093"),
    "question",
    "vocabulary",
)
case(
    "I'd like a supervisor to look at service request SR-6060606 please",
    T1,
    step("escalate_report", report_id="SR-6060606"),
    "polite",
    "vocabulary",
)

# --- public transit --------------------------------------------------------------------------
case(
    "how do I get from King's Cross to Heathrow Terminal 5?",
    T3,
    step("plan_journey", origin="King's Cross", destination="Heathrow Terminal 5"),
    "question",
)
case(
    "route from Union Station to Navy Pier tomorrow leaving at 8:15am",
    T2,
    step(
        "plan_journey",
        origin="Union Station",
        destination="Navy Pier",
        date=plus(T2, 1),
        depart_time="08:15",
    ),
    "date_relative",
    "time",
)
case(
    "step-free route from Central to Airport on Friday at 5pm, I use a wheelchair",
    T4,
    step(
        "plan_journey",
        origin="Central",
        destination="Airport",
        date=ahead(T4, "fri"),
        depart_time="17:00",
        step_free=True,
    ),
    "boolean",
    "date_weekday",
    "time",
)
case(
    "directons from Old Town to Zoo Gate leaving 18:30",
    T6,
    step("plan_journey", origin="Old Town", destination="Zoo Gate", depart_time="18:30"),
    "typo",
    "time",
)
case(
    "top up my travel card 123456789012 with £20",
    T1,
    step("top_up_travel_card", card_number="123456789012", amount=20, currency="GBP"),
    "money",
)
case(
    "add 15 euros to card 998877665544",
    T5,
    step("top_up_travel_card", card_number="998877665544", amount=15, currency="EUR"),
    "money",
)
case(
    "put $25 on transit card 112233445566",
    T3,
    step("top_up_travel_card", card_number="112233445566", amount=25, currency="USD"),
    "money",
    "vocabulary",
)
case(
    "recharge 4455 6677 8899 with ten pounds",
    T2,
    step("top_up_travel_card", card_number="445566778899", amount=10, currency="GBP"),
    "money",
    "number_word",
    "vocabulary",
)
case(
    'I left a "blue backpack" on the Red Line on Saturday, my number is +1 617 555 0199',
    T2,
    step(
        "report_lost_property",
        line="Red Line",
        date_lost=back(T2, "sat"),
        description="blue backpack",
        phone="+16175550199",
    ),
    "indirect",
    "phone",
    "date_weekday_past",
    "quoted",
)
case(
    'lost my "grey wool scarf" on the 38 yesterday, call 212-555-0143',
    T5,
    step(
        "report_lost_property",
        line="38",
        date_lost=plus(T5, -1),
        description="grey wool scarf",
        phone="+12125550143",
    ),
    "phone",
    "date_relative",
)

# --- photo printing --------------------------------------------------------------------------
case(
    "import the album at https://photos.example.com/s/beach2026",
    T4,
    step("upload_photos", source_url="https://photos.example.com/s/beach2026"),
    "url",
)
case(
    'upload https://share.example.org/a/9f8e7d and call it "Grandma\'s 90th"',
    T6,
    step(
        "upload_photos",
        source_url="https://share.example.org/a/9f8e7d",
        album_name="Grandma's 90th",
    ),
    "url",
    "quoted",
)
case(
    "print album ALB20419 in 5x7, matte, 2 copies each",
    T1,
    step("order_prints", album_id="ALB20419", size="5x7", finish="matte", copies=2),
    "enum",
)
case(
    "I want glossy 8x10s of alb00931",
    T3,
    step("order_prints", album_id="ALB00931", size="8x10", finish="glossy"),
    "lowercase_id",
    "enum",
)
case(
    "oder prints of ALB55120, A4 size",
    T5,
    step("order_prints", album_id="ALB55120", size="a4"),
    "typo",
    "enum",
)

# --- laundry ---------------------------------------------------------------------------------
case(
    "pick up my laundry from 12 Rose Avenue on Thursday at 9am",
    T3,
    step(
        "schedule_laundry_pickup",
        street_address="12 Rose Avenue",
        date=ahead(T3, "thu"),
        time="09:00",
    ),
    "date_weekday",
    "time",
)
case(
    "dry cleaning collection tomorrow at 8 Hill Road",
    T1,
    step(
        "schedule_laundry_pickup",
        street_address="8 Hill Road",
        date=plus(T1, 1),
        service="dry_clean",
    ),
    "date_relative",
    "enum",
    "terse",
)
case(
    "I've got about 6 kg of washing, collect it from 40 Lake Drive on Monday next week",
    T4,
    step(
        "schedule_laundry_pickup",
        street_address="40 Lake Drive",
        date=next_week(T4, "mon"),
        weight_kg=6,
    ),
    "unit",
    "date_next_week",
    "indirect",
)
case(
    "collect ironing from 5 Park Lane in 3 days, roughly 11 lb",
    T2,
    step(
        "schedule_laundry_pickup",
        street_address="5 Park Lane",
        date=plus(T2, 3),
        service="ironing",
        weight_kg=4.99,
    ),
    "unit",
    "date_relative",
    "enum",
)
case(
    "where's my dry cleaning? ticket L204817",
    T6,
    step("track_laundry", laundry_ticket="L204817"),
    "question",
    "indirect",
)
case(
    "status of laundry ticket l998123",
    T4,
    step("track_laundry", laundry_ticket="L998123"),
    "lowercase_id",
    "terse",
)

# --- museum tours ----------------------------------------------------------------------------
case(
    "book a guided tour of the Rijksmuseum on Saturday for 4 people",
    T4,
    step("book_tour", venue="Rijksmuseum", date=ahead(T4, "sat"), group_size=4),
    "date_weekday",
)
case(
    "tour of the Louvre in French, Tuesday next week at 10:30, two of us",
    T1,
    step(
        "book_tour",
        venue="Louvre",
        date=next_week(T1, "tue"),
        time="10:30",
        language="fr",
        group_size=2,
    ),
    "date_next_week",
    "number_word",
    "enum",
    "time",
)
case(
    "reserv a visit to the Tate Modern tomorow at 2pm",
    T5,
    step("book_tour", venue="Tate Modern", date=plus(T5, 1), time="14:00"),
    "typo",
    "date_relative",
    "time",
)
case(
    "Can we get a German-speaking guide at the Pergamon Museum on the 3rd of October? There "
    "will be 6 of us",
    T4,
    step("book_tour", venue="Pergamon Museum", date="2026-10-03", language="de", group_size=6),
    "question",
    "date_day_of_month",
    "enum",
)

# --- sports league ---------------------------------------------------------------------------
case(
    'sign up "The Net Ninjas" for the recreational division, captain is ana@example.com',
    T2,
    step(
        "register_team",
        team_name="The Net Ninjas",
        division="recreational",
        captain_email="ana@example.com",
    ),
    "email",
    "quoted",
    "vocabulary",
)
case(
    "register team Falcons FC in competitive, captain raj.patel@example.co.uk",
    T3,
    step(
        "register_team",
        team_name="Falcons FC",
        division="competitive",
        captain_email="raj.patel@example.co.uk",
    ),
    "email",
)
case(
    "add Maya Chen to team T0042 wearing number 7",
    T5,
    step("add_player", team_id="T0042", player_name="Maya Chen", jersey_number=7),
)
case(
    "put Tom Baker on t0917's roster",
    T1,
    step("add_player", team_id="T0917", player_name="Tom Baker"),
    "lowercase_id",
    "vocabulary",
)
case(
    "ad player Luis Ortega to T0042, jersey 10",
    T6,
    step("add_player", team_id="T0042", player_name="Luis Ortega", jersey_number=10),
    "typo",
)
case(
    "M-20431 finished 3-1 to the home side",
    T4,
    step("report_match_score", match_id="M-20431", home_score=3, away_score=1),
    "indirect",
)
case(
    "final score for match M-00877: home 0, away 2",
    T2,
    step("report_match_score", match_id="M-00877", home_score=0, away_score=2),
    "terse",
)
case(
    "record the result of M-11902, 21-17",
    T6,
    step("report_match_score", match_id="M-11902", home_score=21, away_score=17),
)

# --- volunteering and charity ----------------------------------------------------------------
case(
    "where can I volunteer with animals in Portland?",
    T1,
    step("find_volunteer_opportunity", city="Portland", cause="animals"),
    "question",
    "enum",
)
case(
    "food bank volunteering in Leeds this Saturday",
    T3,
    step("find_volunteer_opportunity", city="Leeds", cause="food_bank", date=ahead(T3, "sat")),
    "date_this",
    "enum",
    "terse",
)
case(
    "any literacy volunteering going in Austin",
    T5,
    step("find_volunteer_opportunity", city="Austin", cause="literacy"),
    "question",
    "enum",
)
case(
    "sign me up for OPP-0412 on Sunday from 9am for 4 hours",
    T2,
    step(
        "add_volunteer_shift",
        opportunity_id="OPP-0412",
        date=ahead(T2, "sun"),
        start_time="09:00",
        duration_hours=4,
    ),
    "date_weekday",
    "time",
    "unit",
)
case(
    "add a shift at opp-7781 on the 21st at 13:00",
    T5,
    step(
        "add_volunteer_shift", opportunity_id="OPP-7781", date=day_ahead(T5, 21), start_time="13:00"
    ),
    "lowercase_id",
    "date_day_of_month",
    "time",
)
case(
    "volunter shift OPP-0412 tomorow 10am, 90 minutes",
    T4,
    step(
        "add_volunteer_shift",
        opportunity_id="OPP-0412",
        date=plus(T4, 1),
        start_time="10:00",
        duration_hours=1.5,
    ),
    "typo",
    "unit",
    "date_relative",
    "time",
)
case(
    'donate "two bags of kids\' clothes and a high chair", pick up from 77 Ash Grove on Friday',
    T1,
    step(
        "donate_items",
        items="two bags of kids' clothes and a high chair",
        pickup_address="77 Ash Grove",
        pickup_date=ahead(T1, "fri"),
    ),
    "quoted",
    "date_weekday",
)
case(
    'I\'d like to give away "an old sofa", collection from 3 Willow Way',
    T6,
    step("donate_items", items="an old sofa", pickup_address="3 Willow Way"),
    "quoted",
    "vocabulary",
    "polite",
)
case(
    "give $50 to Oxfam",
    T3,
    step("make_donation", charity="Oxfam", amount=50, currency="USD"),
    "money",
    "terse",
    "vocabulary",
)
case(
    "set up a monthly donation of £10 to Shelter, receipt to me@example.com",
    T2,
    step(
        "make_donation",
        charity="Shelter",
        amount=10,
        currency="GBP",
        recurring=True,
        receipt_email="me@example.com",
    ),
    "money",
    "boolean",
    "email",
)
case(
    "chip in 25 euros for Médecins Sans Frontières",
    T4,
    step("make_donation", charity="Médecins Sans Frontières", amount=25, currency="EUR"),
    "money",
    "vocabulary",
)
case(
    "dontae 100 bucks to UNICEF every month",
    T5,
    step("make_donation", charity="UNICEF", amount=100, currency="USD", recurring=True),
    "typo",
    "money",
    "boolean",
)

# --- tax filing ------------------------------------------------------------------------------
case(
    "I earned $68,000 last year, single, no kids. What refund can I expect?",
    T2,
    step("estimate_tax_refund", annual_income=68000, filing_status="single", dependents=0),
    "question",
    "money",
    "indirect",
)
case(
    "estimate my refund: married filing jointly, income 142k, 2 dependants",
    T3,
    step("estimate_tax_refund", annual_income=142000, filing_status="married_joint", dependents=2),
    "money",
    "enum",
    "british",
)
case(
    "head of household, 51,500 income, one child. How much will I get back?",
    T1,
    step(
        "estimate_tax_refund", annual_income=51500, filing_status="head_of_household", dependents=1
    ),
    "question",
    "number_word",
    "enum",
)
case(
    "I need more time to file my 2025 return, TIN 123-45-6789",
    T2,
    step("request_filing_extension", tax_year=2025, taxpayer_id="123-45-6789"),
    "indirect",
)
case(
    "file an extension for tax year 2026, id 987-65-4321",
    T6,
    step("request_filing_extension", tax_year=2026, taxpayer_id="987-65-4321"),
)
case(
    "extention for my 2025 taxes please, 555-12-3456",
    T3,
    step("request_filing_extension", tax_year=2025, taxpayer_id="555-12-3456"),
    "typo",
    "polite",
)

# --- lab samples -----------------------------------------------------------------------------
case(
    "log a blood sample for project ONC-204, 5 ml, collected this morning",
    T2,
    step(
        "register_sample",
        project_code="ONC-204",
        sample_type="blood",
        volume_ml=5,
        collected_on=iso(T2),
    ),
    "unit",
    "date_relative",
)
case(
    "register soil sample for ENV-011 collected on Monday",
    T4,
    step(
        "register_sample", project_code="ENV-011", sample_type="soil", collected_on=back(T4, "mon")
    ),
    "date_weekday_past",
)
case(
    "new water specimen for hyd-330, 250ml",
    T1,
    step("register_sample", project_code="HYD-330", sample_type="water", volume_ml=250),
    "lowercase_id",
    "unit",
    "vocabulary",
)
case(
    "register a tissue sample for ONC-204, 0.5 l",
    T5,
    step("register_sample", project_code="ONC-204", sample_type="tissue", volume_ml=500),
    "unit",
)
case(
    "run PCR on S20419877, urgent",
    T3,
    step("request_assay", sample_id="S20419877", assay="pcr", urgent=True),
    "boolean",
    "terse",
)
case(
    "queue an ELISA for sample s00412345",
    T6,
    step("request_assay", sample_id="S00412345", assay="elisa"),
    "lowercase_id",
)
case(
    "check the pH of S77120034, no rush",
    T2,
    step("request_assay", sample_id="S77120034", assay="ph", urgent=False),
    "boolean",
    "vocabulary",
)
case(
    "store S20419877 at -80 °C",
    T4,
    step("store_sample", sample_id="S20419877", temperature_celsius=-80),
    "unit",
)
case(
    'keep S00412345 at 4°C, location "Fridge 2 shelf B"',
    T1,
    step("store_sample", sample_id="S00412345", temperature_celsius=4, location="Fridge 2 shelf B"),
    "unit",
    "quoted",
    "vocabulary",
)
case(
    "store S31415926 at -4 °F",
    T5,
    step("store_sample", sample_id="S31415926", temperature_celsius=-20),
    "unit",
)

# --- factory maintenance ---------------------------------------------------------------------
case(
    'raise a fault on MX-104: "hydraulic oil leak at the press", severity critical',
    T3,
    step(
        "log_machine_fault",
        machine_id="MX-104",
        description="hydraulic oil leak at the press",
        severity="critical",
    ),
    "quoted",
    "enum",
)
case(
    'the conveyor MX-221 keeps jamming, log it as high: "belt jams every 20 minutes"',
    T2,
    step(
        "log_machine_fault",
        machine_id="MX-221",
        description="belt jams every 20 minutes",
        severity="high",
    ),
    "indirect",
    "quoted",
    "enum",
)
case(
    'lathe MX-009 brokn: "spindle won\'t turn"',
    T6,
    step("log_machine_fault", machine_id="MX-009", description="spindle won't turn"),
    "typo",
    "quoted",
    "terse",
)
case(
    "schedule a 4 hour service stop for MX-104 on Sunday at 06:00",
    T3,
    step(
        "book_maintenance_window",
        machine_id="MX-104",
        date=ahead(T3, "sun"),
        start_time="06:00",
        duration_hours=4,
    ),
    "date_weekday",
    "time",
    "unit",
)
case(
    "plan downtime on MX-221 Tuesday next week from 22:00, 90 minutes",
    T1,
    step(
        "book_maintenance_window",
        machine_id="MX-221",
        date=next_week(T1, "tue"),
        start_time="22:00",
        duration_hours=1.5,
    ),
    "date_next_week",
    "time",
    "unit",
    "vocabulary",
)
case(
    "order 3 of part 220-1045",
    T4,
    step("order_spare_part", part_number="220-1045", quantity=3),
    "terse",
)
case(
    "we need a new bearing, part 118-0032, charge it to WO104522",
    T5,
    step("order_spare_part", part_number="118-0032", work_order_id="WO104522"),
    "indirect",
)

# --- translation -----------------------------------------------------------------------------
case(
    "how much to translate 2,500 words from German into English?",
    T2,
    step("get_translation_quote", word_count=2500, source_language="de", target_language="en"),
    "question",
    "enum",
)
case(
    "quote for a certified Spanish to English translation, 800 words",
    T6,
    step(
        "get_translation_quote",
        word_count=800,
        source_language="es",
        target_language="en",
        certified=True,
    ),
    "boolean",
    "enum",
)
case(
    "price 1.5k words ja to en",
    T3,
    step("get_translation_quote", word_count=1500, source_language="ja", target_language="en"),
    "terse",
    "unit",
    "vocabulary",
)
case(
    "translate https://docs.example.com/contract.pdf from French to English by Friday",
    T2,
    step(
        "request_translation",
        document_url="https://docs.example.com/contract.pdf",
        source_language="fr",
        target_language="en",
        deadline=ahead(T2, "fri"),
    ),
    "url",
    "date_weekday",
    "enum",
)
case(
    "I need a sworn translation of https://files.example.org/birth-cert.pdf, Italian into "
    "Portuguese",
    T4,
    step(
        "request_translation",
        document_url="https://files.example.org/birth-cert.pdf",
        source_language="it",
        target_language="pt",
        certified=True,
    ),
    "url",
    "boolean",
    "vocabulary",
)
case(
    "transalte https://docs.example.com/menu.docx english to japanese",
    T1,
    step(
        "request_translation",
        document_url="https://docs.example.com/menu.docx",
        source_language="en",
        target_language="ja",
    ),
    "typo",
    "url",
    "enum",
)

# --- marina ----------------------------------------------------------------------------------
case(
    "reserve a berth for Sea Breeze, 12 m, from Friday to Sunday",
    T3,
    step(
        "book_slip",
        boat_name="Sea Breeze",
        length_m=12,
        arrival_date=ahead(T3, "fri"),
        departure_date=ahead(T3, "sun"),
    ),
    "date_range",
    "date_weekday",
    "vocabulary",
)
case(
    "slip for my 40 ft yacht Wanderer, arriving the 3rd of July, leaving the 7th, need shore power",
    T3,
    step(
        "book_slip",
        boat_name="Wanderer",
        length_m=12.192,
        arrival_date="2026-07-03",
        departure_date="2026-07-07",
        shore_power=True,
    ),
    "unit",
    "date_day_of_month",
    "boolean",
)
case(
    "book a slpi for Aurora, 9.5 metres, tonight till Thursday",
    T4,
    step(
        "book_slip",
        boat_name="Aurora",
        length_m=9.5,
        arrival_date=iso(T4),
        departure_date=ahead(T4, "thu"),
    ),
    "typo",
    "date_relative",
    "british",
)
case(
    'waive the late fee on INV-204518, reason "harbour closed by the storm"',
    T2,
    step("waive_fee", invoice_number="INV-204518", reason="harbour closed by the storm"),
    "quoted",
)
case(
    "can you write off invoice inv-000917",
    T5,
    step("waive_fee", invoice_number="INV-000917"),
    "question",
    "lowercase_id",
    "vocabulary",
)
case(
    "send 200 litres of diesel to berth C12",
    T1,
    step("order_fuel_delivery", slip_number="C12", fuel="diesel", volume_litres=200),
    "unit",
    "british",
)
case(
    "fuel barge to slip A7 please, 50 gallons of petrol",
    T4,
    step("order_fuel_delivery", slip_number="A7", fuel="petrol", volume_litres=189.271),
    "unit",
    "polite",
)
case(
    "need 120 liters of diesel at H2",
    T6,
    step("order_fuel_delivery", slip_number="H2", fuel="diesel", volume_litres=120),
    "unit",
    "terse",
    "indirect",
)

# --- game servers ----------------------------------------------------------------------------
case(
    "spin up a Minecraft server in eu-west with 20 slots and 8 GB RAM",
    T2,
    step("create_game_server", game="minecraft", region="eu-west", max_players=20, ram_gb=8),
    "enum",
    "unit",
)
case(
    "I want a Valheim server for 5 players",
    T5,
    step("create_game_server", game="valheim", max_players=5),
    "indirect",
)
case(
    "new factorio server, US West",
    T1,
    step("create_game_server", game="factorio", region="us-west"),
    "terse",
    "enum",
)
case(
    "creat a terraria servr with 16gb",
    T3,
    step("create_game_server", game="terraria", ram_gb=16),
    "typo",
    "unit",
)
case("restart gs-a1b2c3", T4, step("restart_game_server", server_id="gs-a1b2c3"), "terse")
case(
    "my server gs-9x8y7z is lagging like crazy, can you reboot it?",
    T6,
    step("restart_game_server", server_id="gs-9x8y7z"),
    "indirect",
    "question",
    "vocabulary",
)
case(
    "add Notch to the whitelist on gs-a1b2c3",
    T2,
    step("whitelist_player", server_id="gs-a1b2c3", username="Notch"),
)
case(
    "let xXSlayerXx join gs-4k4k4k",
    T5,
    step("whitelist_player", server_id="gs-4k4k4k", username="xXSlayerXx"),
    "vocabulary",
)

# --- meal kits -------------------------------------------------------------------------------
case(
    "skip my box on Thursday",
    T2,
    step("skip_meal_kit_delivery", delivery_date=ahead(T2, "thu")),
    "date_weekday",
    "terse",
)
case(
    "I'm away, no delivery on the 9th please",
    T5,
    step("skip_meal_kit_delivery", delivery_date=day_ahead(T5, 9)),
    "indirect",
    "date_day_of_month",
    "polite",
)
case(
    "pause next Monday's meal kit",
    T3,
    step("skip_meal_kit_delivery", delivery_date=ahead(T3, "mon")),
    "date_next",
    "vocabulary",
)
case(
    "switch me to 4 vegetarian meals a week for 2 people",
    T4,
    step("change_meal_plan", meals_per_week=4, diet="vegetarian", servings=2),
    "enum",
)
case(
    "change my plan to 3 recipes, family size of 4, vegan",
    T1,
    step("change_meal_plan", meals_per_week=3, servings=4, diet="vegan"),
    "enum",
)
case(
    "chnage to 5 meals per week, low carb",
    T6,
    step("change_meal_plan", meals_per_week=5, diet="low_carb"),
    "typo",
    "enum",
)

# --- recycling -------------------------------------------------------------------------------
case(
    'collect "an old fridge and a mattress" from 19 Oak Street on Wednesday',
    T5,
    step(
        "schedule_bulky_pickup",
        street_address="19 Oak Street",
        items="an old fridge and a mattress",
        date=ahead(T5, "wed"),
    ),
    "quoted",
    "date_weekday",
)
case(
    'haul away "a broken washing machine", about 70 kg, from 6 Dale Road Friday next week',
    T5,
    step(
        "schedule_bulky_pickup",
        street_address="6 Dale Road",
        items="a broken washing machine",
        date=next_week(T5, "fri"),
        weight_kg=70,
    ),
    "quoted",
    "date_next_week",
    "unit",
)
case(
    "I need a new glass recycling bin at 19 Oak Street",
    T3,
    step("request_recycling_bin", street_address="19 Oak Street", bin_type="glass"),
    "enum",
)
case(
    "2 extra paper bins for 44 Cedar Road",
    T2,
    step("request_recycling_bin", street_address="44 Cedar Road", bin_type="paper", quantity=2),
    "terse",
    "enum",
)
case(
    "garden wast bin for 8 Holly Close",
    T4,
    step("request_recycling_bin", street_address="8 Holly Close", bin_type="garden_waste"),
    "typo",
    "enum",
)

# --- multi-step: an output wired into the next step ------------------------------------------
EVENT = {"event_id": [0, "event_id"]}
case(
    "Find the Coldplay concert in Dublin and get me 2 tickets",
    T3,
    [step("find_event", query="Coldplay", city="Dublin"), step("buy_tickets", EVENT, quantity=2)],
    "wired",
    "and",
)
case(
    "look up Adele in London followed by two lower bowl seats for it",
    T6,
    [
        step("find_event", query="Adele", city="London"),
        step("buy_tickets", EVENT, quantity=2, section="lower_bowl"),
    ],
    "wired",
    "followed_by",
    "number_word",
)
case(
    "Report a pothole at 9 Bridge Street and escalate it straight away",
    T2,
    [
        step("file_311_report", category="pothole", street_address="9 Bridge Street"),
        step("escalate_report", {"report_id": [0, "report_id"]}),
    ],
    "wired",
    "and",
)
case(
    "Upload https://photos.example.com/s/wedding and print three copies of each on matte paper",
    T4,
    [
        step("upload_photos", source_url="https://photos.example.com/s/wedding"),
        step("order_prints", {"album_id": [0, "album_id"]}, copies=3, finish="matte"),
    ],
    "wired",
    "and",
    "url",
    "number_word",
)
case(
    'Take the pictures from https://share.example.org/a/xmas, call the album "Xmas 2026", after '
    "that order 4x6 prints",
    T6,
    [
        step(
            "upload_photos", source_url="https://share.example.org/a/xmas", album_name="Xmas 2026"
        ),
        step("order_prints", {"album_id": [0, "album_id"]}, size="4x6"),
    ],
    "wired",
    "after_that",
    "url",
    "quoted",
)
case(
    "upload https://photos.example.com/s/party; once that's done print 2 copies in 5x7",
    T1,
    [
        step("upload_photos", source_url="https://photos.example.com/s/party"),
        step("order_prints", {"album_id": [0, "album_id"]}, copies=2, size="5x7"),
    ],
    "wired",
    "once_done",
    "url",
)
case(
    'Register "Blue Herons" in intermediate with captain lee@example.com and then add Priya Nair '
    "as number 9",
    T2,
    [
        step(
            "register_team",
            team_name="Blue Herons",
            division="intermediate",
            captain_email="lee@example.com",
        ),
        step("add_player", {"team_id": [0, "team_id"]}, player_name="Priya Nair", jersey_number=9),
    ],
    "wired",
    "and_then",
    "email",
    "quoted",
)
case(
    'register "Comets" (competitive, captain zoe@example.org), after that add Sam Lee and Ravi Das',
    T5,
    [
        step(
            "register_team",
            team_name="Comets",
            division="competitive",
            captain_email="zoe@example.org",
        ),
        step("add_player", {"team_id": [0, "team_id"]}, player_name="Sam Lee"),
        step("add_player", {"team_id": [0, "team_id"]}, player_name="Ravi Das"),
    ],
    "wired",
    "after_that",
    "three_steps",
    "email",
    "quoted",
)
case(
    "Find an environment volunteering opportunity in Denver on Saturday and sign me up from 8:00 "
    "for 3 hours",
    T4,
    [
        step(
            "find_volunteer_opportunity", city="Denver", cause="environment", date=ahead(T4, "sat")
        ),
        step(
            "add_volunteer_shift",
            {"opportunity_id": [0, "opportunity_id"]},
            date=ahead(T4, "sat"),
            start_time="08:00",
            duration_hours=3,
        ),
    ],
    "wired",
    "and",
    "reference",
    "date_weekday",
    "time",
)
case(
    "look for elderly care volunteering in Bristol then book me a shift on the 12th at 14:00",
    T6,
    [
        step("find_volunteer_opportunity", city="Bristol", cause="elderly"),
        step(
            "add_volunteer_shift",
            {"opportunity_id": [0, "opportunity_id"]},
            date=day_ahead(T6, 12),
            start_time="14:00",
        ),
    ],
    "wired",
    "then",
    "date_day_of_month",
    "time",
    "year_boundary",
)
case(
    "Register a blood sample for ONC-204 and run an urgent PCR on it",
    T3,
    [
        step("register_sample", project_code="ONC-204", sample_type="blood"),
        step("request_assay", {"sample_id": [0, "sample_id"]}, assay="pcr", urgent=True),
    ],
    "wired",
    "and",
    "boolean",
)
case(
    "log water sample ENV-011, 100 ml; then queue heavy metals testing; after that store it at 4°C",
    T1,
    [
        step("register_sample", project_code="ENV-011", sample_type="water", volume_ml=100),
        step("request_assay", {"sample_id": [0, "sample_id"]}, assay="heavy_metals"),
        step("store_sample", {"sample_id": [0, "sample_id"]}, temperature_celsius=4),
    ],
    "wired",
    "then",
    "after_that",
    "three_steps",
    "unit",
)
case(
    "Register a soil sample for ENV-011 followed by a pH test",
    T5,
    [
        step("register_sample", project_code="ENV-011", sample_type="soil"),
        step("request_assay", {"sample_id": [0, "sample_id"]}, assay="ph"),
    ],
    "wired",
    "followed_by",
)
case(
    'Log a fault on MX-330: "gearbox grinding", severity high, then order two of part 402-1180 '
    "against that work order",
    T2,
    [
        step(
            "log_machine_fault",
            machine_id="MX-330",
            description="gearbox grinding",
            severity="high",
        ),
        step(
            "order_spare_part",
            {"work_order_id": [0, "work_order_id"]},
            part_number="402-1180",
            quantity=2,
        ),
    ],
    "wired",
    "then",
    "quoted",
    "number_word",
)
case(
    "Create a Rust server in ap-southeast and whitelist DarkMatter99",
    T4,
    [
        step("create_game_server", game="rust", region="ap-southeast"),
        step("whitelist_player", {"server_id": [0, "server_id"]}, username="DarkMatter99"),
    ],
    "wired",
    "and",
)
case(
    "spin up minecraft for 10 players, then let Alex_B and Sam_T in",
    T3,
    [
        step("create_game_server", game="minecraft", max_players=10),
        step("whitelist_player", {"server_id": [0, "server_id"]}, username="Alex_B"),
        step("whitelist_player", {"server_id": [0, "server_id"]}, username="Sam_T"),
    ],
    "wired",
    "then",
    "three_steps",
    "vocabulary",
)
case(
    "create a valheim server in eu-west, then restart it",
    T1,
    [
        step("create_game_server", game="valheim", region="eu-west"),
        step("restart_game_server", {"server_id": [0, "server_id"]}),
    ],
    "wired",
    "then",
)
case(
    "buy 2 tickets for EV204871 and then reissue the first one",
    T2,
    [
        step("buy_tickets", event_id="EV204871", quantity=2),
        step("reissue_ticket", {"ticket_id": [0, "ticket_id"]}),
    ],
    "wired",
    "and_then",
)

# --- multi-step: independent steps and references --------------------------------------------
case(
    "Tow the car 5RTY880 from the fire lane at 3 Pine Ave; also pay 30 minutes of parking in "
    "zone 1188 for my plate HB44KLM",
    T4,
    [
        step("tow_vehicle", plate="5RTY880", street_address="3 Pine Ave", reason="fire_lane"),
        step("pay_parking", zone_code="1188", plate="HB44KLM", duration_minutes=30),
    ],
    "also",
)
case(
    "Send water reading 412 for 3344556677 and then show me my water usage for this week",
    T4,
    [
        step("submit_meter_reading", account_number="3344556677", meter="water", reading=412),
        step(
            "get_energy_usage",
            account_number="3344556677",
            meter="water",
            start_date=week_of(T4)[0],
            end_date=week_of(T4)[1],
        ),
    ],
    "and_then",
    "reference",
    "date_range",
    "date_this_week",
)
case(
    "Submit electricity reading 48300 for 1002003004, after that pause readings on it until the "
    "1st of March",
    T1,
    [
        step(
            "submit_meter_reading", account_number="1002003004", meter="electricity", reading=48300
        ),
        step("pause_meter_reading", account_number="1002003004", until="2026-03-01"),
    ],
    "after_that",
    "reference",
    "date_day_of_month",
)
case(
    "check the status of SR-4410923, then escalate it",
    T5,
    [
        step("get_report_status", report_id="SR-4410923"),
        step("escalate_report", report_id="SR-4410923"),
    ],
    "then",
    "reference",
)
case(
    "Escalate SR-7712093 and then tell me its status",
    T3,
    [
        step("escalate_report", report_id="SR-7712093"),
        step("get_report_status", report_id="SR-7712093"),
    ],
    "and_then",
    "reference",
)
case(
    "Top up card 123456789012 with £30 and then plan a route from Victoria to Brixton",
    T2,
    [
        step("top_up_travel_card", card_number="123456789012", amount=30, currency="GBP"),
        step("plan_journey", origin="Victoria", destination="Brixton"),
    ],
    "and_then",
    "money",
)
case(
    'top up 998877665544 with €10; also I left my "red gloves" on the Victoria line today',
    T6,
    [
        step("top_up_travel_card", card_number="998877665544", amount=10, currency="EUR"),
        step(
            "report_lost_property",
            line="Victoria line",
            date_lost=iso(T6),
            description="red gloves",
        ),
    ],
    "also",
    "money",
    "quoted",
    "date_relative",
)
case(
    "Plan a route from Union Station to Navy Pier then put $20 on card 112233445566",
    T5,
    [
        step("plan_journey", origin="Union Station", destination="Navy Pier"),
        step("top_up_travel_card", card_number="112233445566", amount=20, currency="USD"),
    ],
    "then",
    "money",
)
case(
    'Log a fault on MX-104: "motor overheating", critical; also book a 3 hour maintenance window '
    "for it tomorrow at 14:00",
    T3,
    [
        step(
            "log_machine_fault",
            machine_id="MX-104",
            description="motor overheating",
            severity="critical",
        ),
        step(
            "book_maintenance_window",
            machine_id="MX-104",
            date=plus(T3, 1),
            start_time="14:00",
            duration_hours=3,
        ),
    ],
    "also",
    "reference",
    "quoted",
    "date_relative",
    "time",
)
case(
    "book MX-009 for maintenance tomorrow at 07:30 and order part 220-1045",
    T6,
    [
        step("book_maintenance_window", machine_id="MX-009", date=plus(T6, 1), start_time="07:30"),
        step("order_spare_part", part_number="220-1045"),
    ],
    "and",
    "date_relative",
    "time",
)
case(
    "Skip Thursday's box and change my plan to 3 meals a week",
    T3,
    [
        step("skip_meal_kit_delivery", delivery_date=ahead(T3, "thu")),
        step("change_meal_plan", meals_per_week=3),
    ],
    "and",
    "date_weekday",
)
case(
    "estimate my refund (single, $45,000), then request an extension for 2025, TIN 123-45-6789",
    T2,
    [
        step("estimate_tax_refund", annual_income=45000, filing_status="single"),
        step("request_filing_extension", tax_year=2025, taxpayer_id="123-45-6789"),
    ],
    "then",
    "money",
)
case(
    "Schedule a laundry pickup at 12 Rose Avenue tomorrow at 8am, then track ticket L204817",
    T4,
    [
        step(
            "schedule_laundry_pickup",
            street_address="12 Rose Avenue",
            date=plus(T4, 1),
            time="08:00",
        ),
        step("track_laundry", laundry_ticket="L204817"),
    ],
    "then",
    "date_relative",
    "time",
)
case(
    'Register "Night Owls" as competitive, captain owl@example.com; also record M-20431 as 2-2',
    T1,
    [
        step(
            "register_team",
            team_name="Night Owls",
            division="competitive",
            captain_email="owl@example.com",
        ),
        step("report_match_score", match_id="M-20431", home_score=2, away_score=2),
    ],
    "also",
    "email",
    "quoted",
)
case(
    'give £15 to Shelter and donate "three boxes of books" from 10 Fern Road on Saturday',
    T5,
    [
        step("make_donation", charity="Shelter", amount=15, currency="GBP"),
        step(
            "donate_items",
            items="three boxes of books",
            pickup_address="10 Fern Road",
            pickup_date=ahead(T5, "sat"),
        ),
    ],
    "and",
    "money",
    "quoted",
    "date_weekday",
)
case(
    "Buy 2 tickets for EV204871 sent to kim@example.net; also reissue TK-40918823 to that same "
    "address",
    T3,
    [
        step("buy_tickets", event_id="EV204871", quantity=2, email="kim@example.net"),
        step("reissue_ticket", ticket_id="TK-40918823", email="kim@example.net"),
    ],
    "also",
    "reference",
    "email",
)
case(
    "Quote 3000 words French to English, after that have https://docs.example.com/report.pdf "
    "translated from French to English by the 21st",
    T2,
    [
        step("get_translation_quote", word_count=3000, source_language="fr", target_language="en"),
        step(
            "request_translation",
            document_url="https://docs.example.com/report.pdf",
            source_language="fr",
            target_language="en",
            deadline=day_ahead(T2, 21),
        ),
    ],
    "after_that",
    "url",
    "date_day_of_month",
)
case(
    "Book a slip for Sea Breeze, 12 m, Friday to Sunday, and then waive the fee on INV-204518",
    T1,
    [
        step(
            "book_slip",
            boat_name="Sea Breeze",
            length_m=12,
            arrival_date=ahead(T1, "fri"),
            departure_date=ahead(T1, "sun"),
        ),
        step("waive_fee", invoice_number="INV-204518"),
    ],
    "and_then",
    "date_range",
)
case(
    "Book a slip for Osprey, 11 m, this weekend; also send 100 litres of diesel to D4",
    T1,
    [
        step(
            "book_slip",
            boat_name="Osprey",
            length_m=11,
            arrival_date=ahead(T1, "sat"),
            departure_date=ahead(T1, "sun"),
        ),
        step("order_fuel_delivery", slip_number="D4", fuel="diesel", volume_litres=100),
    ],
    "also",
    "date_weekend",
    "unit",
)
case(
    "restart gs-a1b2c3 and then whitelist Notch on it",
    T6,
    [
        step("restart_game_server", server_id="gs-a1b2c3"),
        step("whitelist_player", server_id="gs-a1b2c3", username="Notch"),
    ],
    "and_then",
    "reference",
)
case(
    "Request a new food waste bin at 7 Birch Close; also report a missed collection at the same "
    "address",
    T4,
    [
        step("request_recycling_bin", street_address="7 Birch Close", bin_type="food_waste"),
        step("file_311_report", category="missed_collection", street_address="7 Birch Close"),
    ],
    "also",
    "reference",
)
case(
    "Tow the car QW12ERT blocking the fire lane at 9 Mill Lane and then report a broken "
    "streetlight at that same address",
    T2,
    [
        step("tow_vehicle", plate="QW12ERT", street_address="9 Mill Lane", reason="fire_lane"),
        step("file_311_report", category="streetlight", street_address="9 Mill Lane"),
    ],
    "and_then",
    "reference",
)
case(
    "send 200 litres of diesel to C12 then waive invoice INV-000917",
    T5,
    [
        step("order_fuel_delivery", slip_number="C12", fuel="diesel", volume_litres=200),
        step("waive_fee", invoice_number="INV-000917"),
    ],
    "then",
    "unit",
)
case(
    'appeal PCN55501234, "I was unloading", once that\'s done find out where my car 7KJD221 was '
    "towed to",
    T3,
    [
        step("appeal_parking_fine", fine_number="PCN55501234", reason="I was unloading"),
        step("locate_towed_vehicle", plate="7KJD221"),
    ],
    "once_done",
    "quoted",
)
case(
    "book a tour of the Uffizi for Saturday at 11:00 in Italian followed by a route from Santa "
    "Maria Novella to Uffizi on the same day",
    T4,
    [
        step("book_tour", venue="Uffizi", date=ahead(T4, "sat"), time="11:00", language="it"),
        step(
            "plan_journey",
            origin="Santa Maria Novella",
            destination="Uffizi",
            date=ahead(T4, "sat"),
        ),
    ],
    "followed_by",
    "reference",
    "date_weekday",
    "time",
)
case(
    "registr a blood sample for ONC-204 and thne put S20419877 in storage at -20 °C",
    T6,
    [
        step("register_sample", project_code="ONC-204", sample_type="blood"),
        step("store_sample", sample_id="S20419877", temperature_celsius=-20),
    ],
    "and_then",
    "typo",
    "unit",
)
case(
    'collect "old paint tins" from 6 Dale Road tomorrow, then send a new plastic bin there',
    T2,
    [
        step(
            "schedule_bulky_pickup",
            street_address="6 Dale Road",
            items="old paint tins",
            date=plus(T2, 1),
        ),
        step("request_recycling_bin", street_address="6 Dale Road", bin_type="plastic"),
    ],
    "then",
    "reference",
    "quoted",
    "date_relative",
)

# --- refusals: the objects match, the action is the opposite or absent ------------------------
case("refund my tickets TK-10293847", T2, "refuse", "near_miss")
case("my car 8GHT552 is in the impound lot, get it released", T4, "refuse", "near_miss", "indirect")
case("pay my parking fine PCN12345678", T1, "refuse", "near_miss")
case("resume meter readings on account 1002003004", T5, "refuse", "near_miss")
case("withdraw my report SR-5550001, it's been fixed", T3, "refuse", "near_miss")
case("remove Tom Baker from team T0917", T6, "refuse", "near_miss")
case("take me off my volunteer shift at OPP-0412 on Sunday", T2, "refuse", "near_miss")
case("cancel my monthly donation to Shelter", T4, "refuse", "near_miss")
case("discard sample S20419877, it's contaminated", T1, "refuse", "near_miss")
case("cancel my berth booking for Sea Breeze", T3, "refuse", "near_miss")
case("shut down gs-a1b2c3, nobody plays anymore", T5, "refuse", "near_miss")
case("ban Notch from gs-a1b2c3", T6, "refuse", "near_miss")
case("cancle my meal kit subscription", T2, "refuse", "near_miss", "typo")

# --- refusals: nothing registered is about this ----------------------------------------------
case("what's the weather like in Leeds tomorrow?", T3, "refuse", "off_domain", "question")
case("tell me a joke", T1, "refuse", "off_domain")
case("book me a flight to Rome on Friday", T4, "refuse", "off_domain")
case("order a large pepperoni pizza", T5, "refuse", "off_domain")
case("what time is it in Tokyo", T6, "refuse", "off_domain", "question")
case("set an alarm for 6am", T2, "refuse", "off_domain")
case("text my mum that I'll be late", T3, "refuse", "off_domain", "british")
case("how tall is Mount Everest?", T1, "refuse", "off_domain", "question")
case("play some jazz", T4, "refuse", "off_domain", "terse")
case("convert 100 USD to EUR", T5, "refuse", "off_domain", "money")
case("who won the World Cup in 2022?", T6, "refuse", "off_domain", "question")
case("remind me to call the dentist on Monday", T2, "refuse", "off_domain")


def main() -> None:
    text = json.dumps(CASES, indent=1, ensure_ascii=False) + "\n"
    (HERE / "cases.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {HERE / 'cases.json'}")


if __name__ == "__main__":
    main()
