"""The third blind held-out set: the requests, their expected plans, and the date arithmetic.

Written blind (see ``README.md``): each expectation follows from the request's text and the
schemas in ``registry.py`` alone. Dates are computed here with ``datetime`` from each case's fixed
``today``; nothing is computed by the planner. Run it to rewrite ``cases.json``::

    python3 plugins/nl_planning/tests/heldout3/generate_cases.py

Cases are written grouped by kind (single-step, multi-step, refusals) and then interleaved in
pairs of the same kind, so the odd half (tuning) and the even half (test) get the same mix.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Six todays: Wednesday, Thursday, Tuesday, Monday, Thursday, Tuesday (the last one across the
# year boundary: its dates in early January are in 2027).
WED_JAN = dt.date(2026, 1, 14)
THU_MAR = dt.date(2026, 3, 5)
TUE_MAY = dt.date(2026, 5, 19)
MON_JUL = dt.date(2026, 7, 27)
THU_OCT = dt.date(2026, 10, 8)
TUE_DEC = dt.date(2026, 12, 29)

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def iso(day: dt.date) -> str:
    return day.isoformat()


def plus(today: dt.date, days: int) -> str:
    """``today`` + ``days`` ("tomorrow" = 1, "yesterday" = -1, "in 2 weeks" = 14)."""
    return iso(today + dt.timedelta(days=days))


def ahead(today: dt.date, weekday: str) -> str:
    """A bare weekday when scheduling: the next one after today."""
    delta = (DAYS.index(weekday) - today.weekday()) % 7 or 7
    return iso(today + dt.timedelta(days=delta))


def back(today: dt.date, weekday: str) -> str:
    """A bare weekday when recording, or "last X": the last one before today."""
    delta = (today.weekday() - DAYS.index(weekday)) % 7 or 7
    return iso(today - dt.timedelta(days=delta))


def next_week(today: dt.date, weekday: str) -> str:
    """ "Tuesday next week": that day of the week after today's."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return iso(monday + dt.timedelta(days=DAYS.index(weekday)))


def this_weekend(today: dt.date) -> tuple[str, str]:
    saturday = today + dt.timedelta(days=5 - today.weekday())
    return iso(saturday), iso(saturday + dt.timedelta(days=1))


def last_week(today: dt.date) -> tuple[str, str]:
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return iso(monday), iso(monday + dt.timedelta(days=6))


def month(year: int, number: int) -> tuple[str, str]:
    first = dt.date(year, number, 1)
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return iso(first), iso(following - dt.timedelta(days=1))


def last_month(today: dt.date) -> tuple[str, str]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return month(end.year, end.month)


def quarter(year: int, number: int) -> tuple[str, str]:
    start, _ = month(year, 3 * number - 2)
    _, end = month(year, 3 * number)
    return start, end


def day_ahead(today: dt.date, day: int, month_number: int | None = None) -> str:
    """ "the 14th" / "the 3rd of November" when scheduling: the next such date after today."""
    candidate = today + dt.timedelta(days=1)
    while not (candidate.day == day and (month_number is None or candidate.month == month_number)):
        candidate += dt.timedelta(days=1)
    return iso(candidate)


def day_back(today: dt.date, day: int, month_number: int | None = None) -> str:
    """ "the 2nd" / "14 June" when reporting: the last such date before today."""
    candidate = today - dt.timedelta(days=1)
    while not (candidate.day == day and (month_number is None or candidate.month == month_number)):
        candidate -= dt.timedelta(days=1)
    return iso(candidate)


FT = 0.3048
LB = 0.45359237
STONE = 14 * LB
MILE = 1.609344


def r3(value: float) -> float:
    return round(value, 3)


Step = dict[str, Any]


def step(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> Step:
    out: Step = {"capability": capability, "params": params}
    if wired:
        out["wired"] = wired
    return out


SINGLE: list[tuple[str, dt.date, Step, list[str]]] = []
MULTI: list[tuple[str, dt.date, list[Step], list[str]]] = []
REFUSE: list[tuple[str, dt.date, list[str]]] = []


def single(text: str, today: dt.date, expected: Step, *tags: str) -> None:
    SINGLE.append((text, today, expected, list(tags)))


def multi(text: str, today: dt.date, steps: list[Step], *tags: str) -> None:
    MULTI.append((text, today, steps, list(tags)))


def refuse(text: str, today: dt.date, *tags: str) -> None:
    REFUSE.append((text, today, list(tags)))


# --- single-step ------------------------------------------------------------------------------

# ski resort
t = WED_JAN
single(
    "2 adult day passes for saturday pls",
    t,
    step(
        "buy_lift_pass", pass_type="day", start_date=ahead(t, "sat"), quantity=2, age_group="adult"
    ),
    "terse",
    "weekday",
    "number",
)
t = THU_MAR
single(
    "Can I get a 6-day lift pass starting Monday next week for my son? He's 9",
    t,
    step(
        "buy_lift_pass",
        pass_type="multi_day",
        days=6,
        start_date=next_week(t, "mon"),
        age_group="child",
    ),
    "question",
    "date_next_week",
    "vocabulary",
)
t = WED_JAN
single(
    "half day pas for tomorow afternoon, 3 kids",
    t,
    step(
        "buy_lift_pass", pass_type="half_day", start_date=plus(t, 1), age_group="child", quantity=3
    ),
    "typo",
    "enum_synonym",
    "terse",
)
t = TUE_DEC
single(
    "season pass for me please, starting tomorrow",
    t,
    step("buy_lift_pass", pass_type="season", start_date=plus(t, 1)),
    "date_relative",
)
t = TUE_DEC
single(
    "3 day lift passes for 2 seniors from the 2nd of January",
    t,
    step(
        "buy_lift_pass",
        pass_type="multi_day",
        days=3,
        age_group="senior",
        quantity=2,
        start_date=day_ahead(t, 2, 1),
    ),
    "year_boundary",
    "date_day_of_month",
)
t = WED_JAN
single(
    "Book my daughter a beginner snowboard lesson on Friday at 10am, two hours",
    t,
    step(
        "book_ski_lesson",
        level="beginner",
        discipline="snowboard",
        date=ahead(t, "fri"),
        time="10:00",
        duration_hours=2,
    ),
    "weekday",
    "time_am_pm",
    "number_words",
)
single(
    "private lesson for an intermediate skier, 9:30 on the 20th, 90 minutes",
    t,
    step(
        "book_ski_lesson",
        level="intermediate",
        private=True,
        date=day_ahead(t, 20),
        time="09:30",
        duration_hours=1.5,
    ),
    "unit",
    "date_day_of_month",
    "boolean",
)
t = TUE_DEC
single(
    "I'm a pretty advanced skier, could you set me up with a 3 hour group session tomorrow at 1pm?",
    t,
    step(
        "book_ski_lesson",
        level="advanced",
        date=plus(t, 1),
        time="13:00",
        duration_hours=3,
        private=False,
    ),
    "question",
    "vocabulary",
    "indirect",
)
t = THU_MAR
single(
    "Need to hire skis from Saturday to Tuesday, I'm 5 ft 10",
    t,
    step(
        "rent_ski_equipment",
        equipment="skis",
        start_date=ahead(t, "sat"),
        end_date=ahead(t, "tue"),
        height_cm=round((5 * 12 + 10) * 2.54),
    ),
    "unit",
    "date_range",
)
t = TUE_DEC
single(
    "snowboard rental for tomorrow only, I'm 172cm",
    t,
    step(
        "rent_ski_equipment",
        equipment="snowboard",
        start_date=plus(t, 1),
        end_date=plus(t, 1),
        height_cm=172,
    ),
    "date_relative",
    "date_range",
)
t = WED_JAN
saturday, sunday = this_weekend(t)
single(
    "rent me a helmet for this weekend",
    t,
    step("rent_ski_equipment", equipment="helmet", start_date=saturday, end_date=sunday),
    "date_weekend",
)
t = TUE_DEC
single(
    "boots rentl from tomorow until sunday",
    t,
    step("rent_ski_equipment", equipment="boots", start_date=plus(t, 1), end_date=ahead(t, "sun")),
    "typo",
    "year_boundary",
    "date_range",
)
t = WED_JAN
single(
    "how much snow is there on the glacier?",
    t,
    step("get_snow_report", area="glacier"),
    "question",
)
single(
    "are the lifts open up the mountain today?",
    t,
    step("get_snow_report"),
    "question",
    "vocabulary",
)
single(
    "snow reprot for the terrain park",
    t,
    step("get_snow_report", area="park"),
    "typo",
    "enum_synonym",
)
single(
    "conditions on the north face this morning?",
    t,
    step("get_snow_report", area="north_face"),
    "question",
    "vocabulary",
)

# ferry
t = MON_JUL
single(
    "ferries from Dover to Calais on the 3rd of August?",
    t,
    step("search_sailings", from_port="Dover", to_port="Calais", date=day_ahead(t, 3, 8)),
    "question",
    "date_day_of_month",
)
t = TUE_MAY
single(
    "Any crossings Portsmouth → Bilbao Friday next week with the car?",
    t,
    step(
        "search_sailings",
        from_port="Portsmouth",
        to_port="Bilbao",
        date=next_week(t, "fri"),
        with_vehicle=True,
    ),
    "question",
    "date_next_week",
    "boolean",
)
t = MON_JUL
single(
    "ferries Oban to Craignure tomorrow",
    t,
    step("search_sailings", from_port="Oban", to_port="Craignure", date=plus(t, 1)),
    "terse",
    "date_relative",
)
single(
    "Book 3 people on sailing SL-40213, with a cabin",
    t,
    step("book_crossing", sailing_id="SL-40213", passengers=3, cabin=True),
    "id",
    "boolean",
)
single(
    "sl-55120: two adults, one car 4.6m long",
    t,
    step("book_crossing", sailing_id="SL-55120", passengers=2, vehicle_length_m=4.6),
    "id_case",
    "terse",
    "number_words",
)
single(
    "reserve sailing SL-20981 for me and my van, it's 18 feet",
    t,
    step("book_crossing", sailing_id="SL-20981", vehicle_length_m=r3(18 * FT)),
    "unit",
)
t = THU_OCT
single(
    "Move booking FB204418 to the 14th",
    t,
    step("change_crossing", booking_ref="FB204418", new_date=day_ahead(t, 14)),
    "date_day_of_month",
)
single(
    "can we travel on Sunday instead? ref FB773210",
    t,
    step("change_crossing", booking_ref="FB773210", new_date=ahead(t, "sun")),
    "question",
    "vocabulary",
    "weekday",
)
t = MON_JUL
single(
    "chnage my ferry FB100293 to tuesday next week",
    t,
    step("change_crossing", booking_ref="FB100293", new_date=next_week(t, "tue")),
    "typo",
    "date_next_week",
)

# warehouse stock
t = TUE_MAY
single(
    "how many BLT-0042 do we have in Rotterdam?",
    t,
    step("check_stock", sku="BLT-0042", warehouse="rotterdam"),
    "question",
)
single(
    "stock level for sku cam-1180",
    t,
    step("check_stock", sku="CAM-1180"),
    "id_case",
    "terse",
)
single(
    "hwo many TAP-9001 in newark",
    t,
    step("check_stock", sku="TAP-9001", warehouse="newark"),
    "typo",
    "terse",
)
single(
    "check stock of BLT-0042",
    t,
    step("check_stock", sku="BLT-0042"),
    "terse",
)
single(
    "Move 250 units of PLG-2231 from Leeds to Lyon",
    t,
    step(
        "transfer_stock", sku="PLG-2231", quantity=250, from_warehouse="leeds", to_warehouse="lyon"
    ),
    "vocabulary",
)
single(
    "send two thousand of HNG-0007 newark -> rotterdam",
    t,
    step(
        "transfer_stock",
        sku="HNG-0007",
        quantity=2000,
        from_warehouse="newark",
        to_warehouse="rotterdam",
    ),
    "number_words",
    "terse",
)
single(
    "ship 1.2k BOX-5000 over to Leeds from Lyon",
    t,
    step(
        "transfer_stock", sku="BOX-5000", quantity=1200, from_warehouse="lyon", to_warehouse="leeds"
    ),
    "number_k",
)
single(
    "transfer 40 units VLV-1200 rotterdam to newark",
    t,
    step(
        "transfer_stock",
        sku="VLV-1200",
        quantity=40,
        from_warehouse="rotterdam",
        to_warehouse="newark",
    ),
    "terse",
)
single(
    "Cycle count: SCR-3310 in Newark, found 482 on the shelf",
    t,
    step("record_stock_count", sku="SCR-3310", warehouse="newark", counted=482),
    "terse",
)
single(
    "we counted 0 of TAP-9001 at lyon yesterday",
    t,
    step("record_stock_count", sku="TAP-9001", warehouse="lyon", counted=0, count_date=plus(t, -1)),
    "date_relative",
    "zero",
)
single(
    "recrod a count of 75 for VLV-1200 in leeds",
    t,
    step("record_stock_count", sku="VLV-1200", warehouse="leeds", counted=75),
    "typo",
)

# solar installs
t = MON_JUL
single(
    "How much would solar panels cost for my house? Postcode BS7 8HQ, about 30 square metres "
    "of roof",
    t,
    step("get_solar_quote", postcode="BS7 8HQ", roof_area_m2=30),
    "question",
    "vocabulary",
)
single(
    "quote for panels + battery, zip 94110, roof's roughly 400 sq ft, we use 6,500 kWh a year",
    t,
    step(
        "get_solar_quote",
        postcode="94110",
        roof_area_m2=r3(400 * FT * FT),
        battery=True,
        annual_usage_kwh=6500,
    ),
    "unit",
    "boolean",
    "number_commas",
)
single(
    "solar quote for LS6 2AB, 25m2 roof, with battery",
    t,
    step("get_solar_quote", postcode="LS6 2AB", roof_area_m2=25, battery=True),
    "terse",
    "boolean",
)
single(
    "Send someone to survey the roof for quote SQ-20417 on Thursday afternoon",
    t,
    step("book_site_survey", quote_id="SQ-20417", date=ahead(t, "thu"), slot="afternoon"),
    "weekday",
    "enum",
)
single(
    "site visit for SQ-88120 on 2 September, morning please",
    t,
    step("book_site_survey", quote_id="SQ-88120", date=day_ahead(t, 2, 9), slot="morning"),
    "date_day_month",
    "vocabulary",
)
t = THU_OCT
single(
    "How much did PV204518 generate last month?",
    t,
    step(
        "get_panel_output",
        system_id="PV204518",
        start_date=last_month(t)[0],
        end_date=last_month(t)[1],
    ),
    "question",
    "date_last_month",
)
t = MON_JUL
single(
    "panel output for system pv100233 so far this year",
    t,
    step("get_panel_output", system_id="PV100233", start_date="2026-01-01", end_date=iso(t)),
    "id_case",
    "date_year_to_date",
)
t = THU_OCT
single(
    "generation figures for PV330912, Q2",
    t,
    step(
        "get_panel_output",
        system_id="PV330912",
        start_date=quarter(2026, 2)[0],
        end_date=quarter(2026, 2)[1],
    ),
    "date_quarter",
    "terse",
)

# elevator maintenance
t = THU_OCT
single(
    "The lift in B204 is stuck between floors and there's someone inside!",
    t,
    step("report_lift_fault", building_code="B204", fault="stuck", people_trapped=True),
    "vocabulary",
    "boolean",
)
single(
    "elevater 3 at b118 doors wont close",
    t,
    step("report_lift_fault", building_code="B118", elevator_number=3, fault="door_fault"),
    "typo",
    "id_case",
    "enum_synonym",
)
single(
    "lift no. 2 in building B009 is making a horrible grinding noise",
    t,
    step("report_lift_fault", building_code="B009", elevator_number=2, fault="noise"),
    "vocabulary",
)
single(
    "Book the annual elevator safety inspection for B450 on the 3rd of November",
    t,
    step("schedule_elevator_inspection", building_code="B450", date=day_ahead(t, 3, 11)),
    "date_day_month",
)
t = TUE_MAY
single(
    "schedule an inspection of car 4 in B221 Wednesday next week",
    t,
    step(
        "schedule_elevator_inspection",
        building_code="B221",
        elevator_number=4,
        date=next_week(t, "wed"),
    ),
    "date_next_week",
)
single(
    "elevator inspection for B118, all cars, 2 weeks from today",
    t,
    step("schedule_elevator_inspection", building_code="B118", date=plus(t, 14)),
    "date_relative",
)
single(
    "what's happening with job EJ-204871?",
    t,
    step("get_job_status", job_id="EJ-204871"),
    "question",
)
single(
    "Any update on the engineer for ej-100450",
    t,
    step("get_job_status", job_id="EJ-100450"),
    "id_case",
    "vocabulary",
)

# HR leave
t = MON_JUL
single(
    "I'd like annual leave from 10 to 14 August. Staff no E10442",
    t,
    step(
        "request_leave",
        employee_id="E10442",
        leave_type="annual",
        start_date=day_ahead(t, 10, 8),
        end_date=day_ahead(t, 14, 8),
    ),
    "date_range",
    "indirect",
)
t = THU_OCT
single(
    "E20981 needs unpaid leave from Monday to Wednesday next week",
    t,
    step(
        "request_leave",
        employee_id="E20981",
        leave_type="unpaid",
        start_date=next_week(t, "mon"),
        end_date=next_week(t, "wed"),
    ),
    "date_next_week",
    "date_range",
)
t = MON_JUL
single(
    "E30110: parental leave starting 1 September for 2 weeks",
    t,
    step(
        "request_leave",
        employee_id="E30110",
        leave_type="parental",
        start_date=day_ahead(t, 1, 9),
        end_date=plus(dt.date(2026, 9, 1), 13),
    ),
    "date_duration",
    "terse",
)
single(
    "How many holiday days have I got left? I'm E10442",
    t,
    step("get_leave_balance", employee_id="E10442"),
    "question",
    "vocabulary",
)
single(
    "sick days remaining for e55012",
    t,
    step("get_leave_balance", employee_id="E55012", leave_type="sick"),
    "id_case",
    "terse",
)
single(
    "Approve LR-20418",
    t,
    step("approve_leave", request_id="LR-20418"),
    "terse",
)
single(
    "aprove levae request LR-10007",
    t,
    step("approve_leave", request_id="LR-10007"),
    "typo",
)
single(
    "ok to sign off leave request LR-33091, add comment 'enjoy the break!'",
    t,
    step("approve_leave", request_id="LR-33091", comment="enjoy the break!"),
    "quoted",
    "vocabulary",
)
single(
    "sign off LR-44120 — comment: approved, cover arranged",
    t,
    step("approve_leave", request_id="LR-44120", comment="approved, cover arranged"),
    "delimited",
)

# airline loyalty
t = THU_OCT
single(
    "How many miles do I have? Member 204518337",
    t,
    step("get_miles_balance", member_number="204518337"),
    "question",
)
single(
    "frequent flyer balance for 100200300",
    t,
    step("get_miles_balance", member_number="100200300"),
    "terse",
)
single(
    "how manny miles on 204518337",
    t,
    step("get_miles_balance", member_number="204518337"),
    "typo",
    "terse",
)
single(
    "Give 5,000 miles from my account 204518337 to my wife's, 331200456",
    t,
    step("transfer_miles", member_number="204518337", to_member_number="331200456", miles=5000),
    "number_commas",
)
single(
    "transfer ten thousand points 100200300 → 555666777",
    t,
    step("transfer_miles", member_number="100200300", to_member_number="555666777", miles=10000),
    "number_words",
    "terse",
)
single(
    "My flight BA117 on the 2nd wasn't credited, member number 204518337",
    t,
    step(
        "claim_missing_miles",
        member_number="204518337",
        flight_number="BA117",
        flight_date=day_back(t, 2),
    ),
    "date_day_of_month",
    "vocabulary",
)
single(
    "Missing miles: LH902 last Friday, acct 987654321",
    t,
    step(
        "claim_missing_miles",
        member_number="987654321",
        flight_number="LH902",
        flight_date=back(t, "fri"),
    ),
    "date_last_weekday",
    "terse",
)
t = MON_JUL
single(
    "claim miles for AF1381 flown 14 June, 555666777",
    t,
    step(
        "claim_missing_miles",
        member_number="555666777",
        flight_number="AF1381",
        flight_date=day_back(t, 14, 6),
    ),
    "date_day_month",
)

# dog walking
t = TUE_MAY
single(
    "Can someone walk Biscuit tomorow at 8am for 45 min?",
    t,
    step("book_dog_walk", dog_name="Biscuit", date=plus(t, 1), time="08:00", duration_minutes=45),
    "typo",
    "question",
    "time_am_pm",
)
single(
    "walk Biscuit thursday 7:30am",
    t,
    step("book_dog_walk", dog_name="Biscuit", date=ahead(t, "thu"), time="07:30"),
    "terse",
    "weekday",
)
t = THU_OCT
single(
    "group walk for Luna on Friday at noon",
    t,
    step("book_dog_walk", dog_name="Luna", date=ahead(t, "fri"), time="12:00", group_walk=True),
    "time_words",
    "boolean",
)
single(
    "an hour's walk for Rex on Monday, pick him up at 3:15pm",
    t,
    step("book_dog_walk", dog_name="Rex", date=ahead(t, "mon"), time="15:15", duration_minutes=60),
    "unit",
    "time_am_pm",
)
single(
    "New dog: Pepper, a border collie, 19 kg",
    t,
    step("add_dog_profile", name="Pepper", breed="border collie", weight_kg=19),
    "terse",
    "vocabulary",
)
single(
    "add our pup Mochi — shiba inu, 22 lbs, notes: 'scared of bikes'",
    t,
    step(
        "add_dog_profile",
        name="Mochi",
        breed="shiba inu",
        weight_kg=r3(22 * LB),
        notes="scared of bikes",
    ),
    "unit",
    "quoted",
)
single(
    "Rate walker Jo 3/5: 'late again'",
    t,
    step("rate_walker", walker_name="Jo", stars=3, comment="late again"),
    "quoted",
    "terse",
)
single(
    "four stars for Priya",
    t,
    step("rate_walker", walker_name="Priya", stars=4),
    "number_words",
    "terse",
)

# beekeeping
t = MON_JUL
single(
    "Inspected H07 yesterday - queen seen, 6 frames of brood, bees calm",
    t,
    step(
        "log_hive_inspection",
        hive_id="H07",
        inspection_date=plus(t, -1),
        queen_seen=True,
        brood_frames=6,
        temperament="calm",
    ),
    "date_relative",
    "boolean",
)
single(
    "hive h12 on Saturday: no queen spotted, they were really aggressive",
    t,
    step(
        "log_hive_inspection",
        hive_id="H12",
        inspection_date=back(t, "sat"),
        queen_seen=False,
        temperament="aggressive",
    ),
    "id_case",
    "weekday_past",
    "boolean",
)
single(
    "Took 14.5 kg of honey off H03 today",
    t,
    step("record_honey_harvest", hive_id="H03", weight_kg=14.5, harvest_date=iso(t)),
    "vocabulary",
)
single(
    "honey harvest from H09: 30 lb",
    t,
    step("record_honey_harvest", hive_id="H09", weight_kg=r3(30 * LB)),
    "unit",
    "terse",
)
single(
    "order 10 frames",
    t,
    step("order_bee_supplies", item="frames", quantity=10),
    "terse",
)
single(
    "I need a new bee suit, next day delivery please",
    t,
    step("order_bee_supplies", item="bee_suit", express=True),
    "indirect",
    "boolean",
)
single(
    "ordr 2 dozen honey jars",
    t,
    step("order_bee_supplies", item="jars", quantity=24),
    "typo",
    "number_words",
)

# observatory
t = THU_OCT
single(
    "Book the Dobsonian for Saturday night from 10pm for 2 hours",
    t,
    step(
        "book_telescope_time",
        telescope="dobsonian_400",
        date=ahead(t, "sat"),
        start_time="22:00",
        hours=2,
    ),
    "weekday",
    "time_am_pm",
    "enum_synonym",
)
single(
    "reserve the 150mm refractor on the 12th at 21:00, three hours",
    t,
    step(
        "book_telescope_time",
        telescope="refractor_150",
        date=day_ahead(t, 12),
        start_time="21:00",
        hours=3,
    ),
    "date_day_of_month",
    "number_words",
)
single(
    "Book the refractor tonight at half nine for an hour",
    t,
    step(
        "book_telescope_time", telescope="refractor_150", date=iso(t), start_time="21:30", hours=1
    ),
    "time_words",
    "date_relative",
)
t = TUE_MAY
single(
    "solar scope tomorrow at 11:30",
    t,
    step("book_telescope_time", telescope="solar_scope", date=plus(t, 1), start_time="11:30"),
    "terse",
    "enum_synonym",
)
t = THU_OCT
single(
    "will it be clear tonight for stargazing?",
    t,
    step("get_sky_forecast", date=iso(t)),
    "question",
    "vocabulary",
)
single(
    "seeing forecast for Friday",
    t,
    step("get_sky_forecast", date=ahead(t, "fri")),
    "terse",
    "weekday",
)
single(
    "Log an observation: M31, last night, magnitude 3.4",
    t,
    step("submit_observation", target="M31", observed_on=plus(t, -1), magnitude=3.4),
    "date_relative",
)
single(
    "saw Jupiter on Tuesday, notes: 'four moons visible, GRS transiting'",
    t,
    step(
        "submit_observation",
        target="Jupiter",
        observed_on=back(t, "tue"),
        notes="four moons visible, GRS transiting",
    ),
    "weekday_past",
    "quoted",
    "vocabulary",
)

# wine cellar
t = TUE_DEC
single(
    "Add 6 bottles of Château Musar 2015 to rack C4",
    t,
    step("add_wine", wine_name="Château Musar", vintage=2015, bottles=6, bin_location="C4"),
    "accents",
)
single(
    "just bought a dozen bottles of Cloudy Bay Sauvignon Blanc 2023",
    t,
    step("add_wine", wine_name="Cloudy Bay Sauvignon Blanc", vintage=2023, bottles=12),
    "number_words",
    "indirect",
)
single(
    "Tasting note for Barolo Riserva: 94 points, 'tar and roses'",
    t,
    step("record_tasting", wine_name="Barolo Riserva", score=94, notes="tar and roses"),
    "quoted",
)
single(
    "opened the Rioja Gran Reserva last night, I'd give it 88",
    t,
    step("record_tasting", wine_name="Rioja Gran Reserva", score=88, tasted_on=plus(t, -1)),
    "date_relative",
    "indirect",
    "article",
)
single(
    "tastng: Ridge Monte Bello, 96",
    t,
    step("record_tasting", wine_name="Ridge Monte Bello", score=96),
    "typo",
    "terse",
)
single(
    "when should I drink my 2016 Penfolds Grange?",
    t,
    step("find_drinking_window", wine_name="Penfolds Grange", vintage=2016),
    "question",
    "vocabulary",
)
single(
    "drinkng window for Ridge Monte Bello 2019",
    t,
    step("find_drinking_window", wine_name="Ridge Monte Bello", vintage=2019),
    "typo",
)

# blood donation
t = THU_MAR
single(
    "Where can I give blod in Leicester on Saturday?",
    t,
    step("find_donation_session", town="Leicester", date=ahead(t, "sat")),
    "typo",
    "question",
    "weekday",
)
single(
    "plasma donation sessions in Bristol",
    t,
    step("find_donation_session", town="Bristol", donation_type="plasma"),
    "terse",
    "enum",
)
t = THU_OCT
single(
    "findd me a blood donaton session in Cardiff next Tuesday",
    t,
    step("find_donation_session", town="Cardiff", date=ahead(t, "tue")),
    "typo",
    "date_next_weekday",
)
t = THU_MAR
single(
    "Book me into session DS20417 at 2:30pm",
    t,
    step("book_donation_slot", session_id="DS20417", time="14:30"),
    "time_am_pm",
)
single(
    "DS55810 at 09:15, confirm to ana.r@example.com",
    t,
    step("book_donation_slot", session_id="DS55810", time="09:15", email="ana.r@example.com"),
    "email",
    "terse",
)
single(
    "Can I donate? I'm 17, 58 kg, got a tattoo last month",
    t,
    step("check_donor_eligibility", age=17, weight_kg=58, recent_tattoo=True),
    "question",
    "boolean",
)
single(
    "am I eligible to give blood - 45 years old, 11 stone, last gave blood on 2 January",
    t,
    step(
        "check_donor_eligibility", age=45, weight_kg=r3(11 * STONE), last_donation=day_back(t, 2, 1)
    ),
    "question",
    "unit",
    "date_day_month",
)
single(
    "I'm 62 and 80kg, never donated, can I give blood?",
    t,
    step("check_donor_eligibility", age=62, weight_kg=80),
    "question",
)

# driving school
t = MON_JUL
single(
    "Book a driving lesson Thursday 5pm",
    t,
    step("book_driving_lesson", date=ahead(t, "thu"), time="17:00"),
    "terse",
    "time_am_pm",
)
t = THU_OCT
single(
    "2 hour automatic lesson with Dave on Monday next week at 9 in the morning",
    t,
    step(
        "book_driving_lesson",
        date=next_week(t, "mon"),
        time="09:00",
        duration_minutes=120,
        transmission="automatic",
        instructor_name="Dave",
    ),
    "unit",
    "date_next_week",
    "time_words",
)
t = MON_JUL
single(
    "I want to book my practical test at Wood Green on 21 September, licence MORGA657054",
    t,
    step(
        "book_driving_test",
        licence_number="MORGA657054",
        test_centre="Wood Green",
        date=day_ahead(t, 21, 9),
    ),
    "date_day_month",
    "indirect",
)
t = THU_OCT
single(
    "driving test, Pinner centre, the 30th; my provisional is SMITH804150",
    t,
    step(
        "book_driving_test",
        licence_number="SMITH804150",
        test_centre="Pinner",
        date=day_ahead(t, 30),
    ),
    "date_day_of_month",
    "terse",
)
t = TUE_MAY
single(
    "Log 45 minutes of practice driving from last night, 32 km, it was dark",
    t,
    step(
        "log_practice_drive",
        duration_minutes=45,
        distance_km=32,
        drive_date=plus(t, -1),
        night=True,
    ),
    "date_relative",
    "boolean",
)
t = THU_OCT
single(
    "add a practice drive: 1h20, 40 miles, Sunday",
    t,
    step(
        "log_practice_drive",
        duration_minutes=80,
        distance_km=r3(40 * MILE),
        drive_date=back(t, "sun"),
    ),
    "unit",
    "weekday_past",
    "terse",
)

# passports and visas
t = WED_JAN
single(
    "Renew passport C12345678, send it to 41 Station Road, Leeds LS1 4DY",
    t,
    step(
        "renew_passport",
        passport_number="C12345678",
        delivery_address="41 Station Road, Leeds LS1 4DY",
    ),
    "address",
)
single(
    "fast-track renewal for passport p98765432, post to 22 Rue de Rivoli, Paris",
    t,
    step(
        "renew_passport",
        passport_number="P98765432",
        delivery_address="22 Rue de Rivoli, Paris",
        fast_track=True,
    ),
    "id_case",
    "boolean",
    "address",
)
single(
    "renew passport K44556677 to 9 Elm Street, Springfield IL 62704, premium service",
    t,
    step(
        "renew_passport",
        passport_number="K44556677",
        delivery_address="9 Elm Street, Springfield IL 62704",
        fast_track=True,
    ),
    "vocabulary",
    "address",
)
t = THU_MAR
single(
    "I need a tourist vissa for Japan, arriving 5 April for 10 days",
    t,
    step(
        "apply_for_visa",
        destination_country="Japan",
        visa_type="tourist",
        entry_date=day_ahead(t, 5, 4),
        stay_days=10,
    ),
    "typo",
    "date_day_month",
)
t = TUE_MAY
single(
    "business visa India, landing on Monday, staying two weeks",
    t,
    step(
        "apply_for_visa",
        destination_country="India",
        visa_type="business",
        entry_date=ahead(t, "mon"),
        stay_days=14,
    ),
    "unit",
    "weekday",
    "terse",
)
t = MON_JUL
single(
    "student visa for Canada from 1 Sept, one year",
    t,
    step(
        "apply_for_visa",
        destination_country="Canada",
        visa_type="student",
        entry_date=day_ahead(t, 1, 9),
        stay_days=365,
    ),
    "unit",
    "date_day_month",
    "terse",
)
single(
    "status of VA-204118?",
    t,
    step("track_visa_application", application_id="VA-204118"),
    "question",
    "terse",
)
single(
    "has my visa application va-330912 been approved yet",
    t,
    step("track_visa_application", application_id="VA-330912"),
    "question",
    "id_case",
)

# allotments
t = TUE_MAY
single(
    "Put me on the waiting list for a half plot. Jane Okafor, jane.okafor@example.org",
    t,
    step(
        "join_allotment_waitlist",
        full_name="Jane Okafor",
        email="jane.okafor@example.org",
        plot_size="half",
    ),
    "email",
    "name",
)
single(
    "I'd love a full-size allotment - Tom Reid, tom@reid.co.uk, +44 7700 900123",
    t,
    step(
        "join_allotment_waitlist",
        full_name="Tom Reid",
        email="tom@reid.co.uk",
        plot_size="full",
        phone="+447700900123",
    ),
    "email",
    "phone",
    "indirect",
)
single(
    "plot 14B the tap is leaking everywhere",
    t,
    step("report_plot_issue", plot_number="14B", issue="water_leak"),
    "vocabulary",
    "enum_synonym",
)
single(
    "someone's dumped rubbish on plot 7a",
    t,
    step("report_plot_issue", plot_number="7A", issue="fly_tipping"),
    "vocabulary",
    "id_case",
    "enum_synonym",
)
single(
    "pay £45 for plot 102C",
    t,
    step("pay_plot_rent", plot_number="102C", amount=45, currency="GBP"),
    "money",
)
single(
    "allotment rent for 3D: forty-two pounds fifty",
    t,
    step("pay_plot_rent", plot_number="3D", amount=42.5, currency="GBP"),
    "money",
    "number_words",
)
single(
    "€60 allotment rent for plot 21C",
    t,
    step("pay_plot_rent", plot_number="21C", amount=60, currency="EUR"),
    "money",
    "terse",
)
single(
    "pay forty quid for plot 88A",
    t,
    step("pay_plot_rent", plot_number="88A", amount=40, currency="GBP"),
    "money",
    "number_words",
    "vocabulary",
)

# escape rooms
t = TUE_MAY
single(
    "Book the submarine room for 5 people Saturday at 7pm",
    t,
    step("book_escape_room", room="submarine", date=ahead(t, "sat"), time="19:00", players=5),
    "weekday",
    "time_am_pm",
)
t = TUE_DEC
single(
    "haunted manor, 4 of us, tomorrow 18:30",
    t,
    step("book_escape_room", room="haunted_manor", date=plus(t, 1), time="18:30", players=4),
    "terse",
    "date_relative",
)
single(
    "bank heist game for six on the 3rd of January at 8pm",
    t,
    step("book_escape_room", room="bank_heist", date=day_ahead(t, 3, 1), time="20:00", players=6),
    "year_boundary",
    "number_words",
    "date_day_month",
)
single(
    "can 2 more people join booking ER20417?",
    t,
    step("add_escape_room_players", booking_id="ER20417", extra_players=2),
    "question",
    "vocabulary",
)
single(
    "add three players to ER55012",
    t,
    step("add_escape_room_players", booking_id="ER55012", extra_players=3),
    "number_words",
)


# --- multi-step -------------------------------------------------------------------------------

t = MON_JUL
multi(
    "Find sailings from Dover to Calais on Friday, then book 2 passengers on it",
    t,
    [
        step("search_sailings", from_port="Dover", to_port="Calais", date=ahead(t, "fri")),
        step("book_crossing", {"sailing_id": [0, "sailing_id"]}, passengers=2),
    ],
    "then",
    "wired",
)
t = THU_OCT
multi(
    "look up crossings Holyhead\u2013Dublin on the 14th with car and then reserve it for 4 people "
    "with a cabin",
    t,
    [
        step(
            "search_sailings",
            from_port="Holyhead",
            to_port="Dublin",
            date=day_ahead(t, 14),
            with_vehicle=True,
        ),
        step("book_crossing", {"sailing_id": [0, "sailing_id"]}, passengers=4, cabin=True),
    ],
    "and then",
    "wired",
    "boolean",
)
multi(
    "Book sailing SL-30021 for 2 then move it to Sunday",
    t,
    [
        step("book_crossing", sailing_id="SL-30021", passengers=2),
        step("change_crossing", {"booking_ref": [0, "booking_ref"]}, new_date=ahead(t, "sun")),
    ],
    "then",
    "wired",
    "weekday",
)
t = MON_JUL
multi(
    "Get a solar quote for BS7 8HQ, 28 m² roof, and then book the site survey for Tuesday morning",
    t,
    [
        step("get_solar_quote", postcode="BS7 8HQ", roof_area_m2=28),
        step(
            "book_site_survey", {"quote_id": [0, "quote_id"]}, date=ahead(t, "tue"), slot="morning"
        ),
    ],
    "and then",
    "wired",
    "weekday",
)
multi(
    "quote for 350 sq ft of roof at 94110 with a battery; after that book a survey on the 5th, "
    "afternoon",
    t,
    [
        step("get_solar_quote", postcode="94110", roof_area_m2=r3(350 * FT * FT), battery=True),
        step(
            "book_site_survey",
            {"quote_id": [0, "quote_id"]},
            date=day_ahead(t, 5),
            slot="afternoon",
        ),
    ],
    "after that",
    "wired",
    "unit",
)
t = THU_OCT
multi(
    "Report lift 2 in B204 stuck with people trapped, then check the job status",
    t,
    [
        step(
            "report_lift_fault",
            building_code="B204",
            elevator_number=2,
            fault="stuck",
            people_trapped=True,
        ),
        step("get_job_status", {"job_id": [0, "job_id"]}),
    ],
    "then",
    "wired",
)
multi(
    "B118's elevator is making a noise - log it and after that tell me the job status",
    t,
    [
        step("report_lift_fault", building_code="B118", fault="noise"),
        step("get_job_status", {"job_id": [0, "job_id"]}),
    ],
    "after that",
    "wired",
    "vocabulary",
)
t = MON_JUL
multi(
    "Request annual leave for E10442 from 3 to 7 August, then approve it",
    t,
    [
        step(
            "request_leave",
            employee_id="E10442",
            leave_type="annual",
            start_date=day_ahead(t, 3, 8),
            end_date=day_ahead(t, 7, 8),
        ),
        step("approve_leave", {"request_id": [0, "request_id"]}),
    ],
    "then",
    "wired",
    "date_range",
)
t = TUE_MAY
multi(
    "compassionate leave for E20981 from tomorrow to Friday; once that's done approve the "
    "request with comment 'so sorry for your loss'",
    t,
    [
        step(
            "request_leave",
            employee_id="E20981",
            leave_type="compassionate",
            start_date=plus(t, 1),
            end_date=ahead(t, "fri"),
        ),
        step("approve_leave", {"request_id": [0, "request_id"]}, comment="so sorry for your loss"),
    ],
    "once that's done",
    "wired",
    "quoted",
    "date_range",
)
t = THU_MAR
multi(
    "Find a blood donation session in Leicester on Saturday and book me in at 11am",
    t,
    [
        step("find_donation_session", town="Leicester", date=ahead(t, "sat")),
        step("book_donation_slot", {"session_id": [0, "session_id"]}, time="11:00"),
    ],
    "and",
    "wired",
    "time_am_pm",
)
multi(
    "find plasma sessions in Bristol on the 20th, then book 10:30, confirmation to jo@example.com",
    t,
    [
        step(
            "find_donation_session", town="Bristol", donation_type="plasma", date=day_ahead(t, 20)
        ),
        step(
            "book_donation_slot",
            {"session_id": [0, "session_id"]},
            time="10:30",
            email="jo@example.com",
        ),
    ],
    "then",
    "wired",
    "email",
)
multi(
    "Apply for a tourist visa for Japan arriving 5 April for 12 days, then track the application",
    t,
    [
        step(
            "apply_for_visa",
            destination_country="Japan",
            visa_type="tourist",
            entry_date=day_ahead(t, 5, 4),
            stay_days=12,
        ),
        step("track_visa_application", {"application_id": [0, "application_id"]}),
    ],
    "then",
    "wired",
)
t = TUE_MAY
multi(
    "business visa for Brazil, entering Monday next week for 30 days, followed by a status check",
    t,
    [
        step(
            "apply_for_visa",
            destination_country="Brazil",
            visa_type="business",
            entry_date=next_week(t, "mon"),
            stay_days=30,
        ),
        step("track_visa_application", {"application_id": [0, "application_id"]}),
    ],
    "followed by",
    "wired",
    "date_next_week",
)
multi(
    "Book the bank heist room for 4 on Saturday at 8pm and then add 2 more players",
    t,
    [
        step("book_escape_room", room="bank_heist", date=ahead(t, "sat"), time="20:00", players=4),
        step("add_escape_room_players", {"booking_id": [0, "booking_id"]}, extra_players=2),
    ],
    "and then",
    "wired",
)
multi(
    "book the haunted manor for 3 tomorow at 9pm, then add one more player",
    t,
    [
        step("book_escape_room", room="haunted_manor", date=plus(t, 1), time="21:00", players=3),
        step("add_escape_room_players", {"booking_id": [0, "booking_id"]}, extra_players=1),
    ],
    "then",
    "wired",
    "typo",
    "number_words",
)
t = THU_OCT
multi(
    "Check my leave balance (E10442) and then book 12 to 16 October off",
    t,
    [
        step("get_leave_balance", employee_id="E10442"),
        step(
            "request_leave",
            employee_id="E10442",
            start_date=day_ahead(t, 12, 10),
            end_date=day_ahead(t, 16, 10),
        ),
    ],
    "and then",
    "reference",
    "date_range",
    "vocabulary",
)
multi(
    "How many miles on 204518337? Then give 2,000 of them to 331200456",
    t,
    [
        step("get_miles_balance", member_number="204518337"),
        step("transfer_miles", member_number="204518337", to_member_number="331200456", miles=2000),
    ],
    "then",
    "reference",
    "question",
)
multi(
    "Claim missing miles for BA117 on 2 October and check the balance too, member 204518337",
    t,
    [
        step(
            "claim_missing_miles",
            member_number="204518337",
            flight_number="BA117",
            flight_date=day_back(t, 2, 10),
        ),
        step("get_miles_balance", member_number="204518337"),
    ],
    "and",
    "reference",
    "date_day_month",
)
multi(
    "Get my miles balance 100200300 followed by a claim for EK29 flown last Friday",
    t,
    [
        step("get_miles_balance", member_number="100200300"),
        step(
            "claim_missing_miles",
            member_number="100200300",
            flight_number="EK29",
            flight_date=back(t, "fri"),
        ),
    ],
    "followed by",
    "reference",
    "date_last_weekday",
)
multi(
    "Add a dog: Pepper, collie, 19kg; then book her a walk Friday 9am",
    t,
    [
        step("add_dog_profile", name="Pepper", breed="collie", weight_kg=19),
        step("book_dog_walk", dog_name="Pepper", date=ahead(t, "fri"), time="09:00"),
    ],
    "then",
    "reference",
)
t = MON_JUL
multi(
    "Give Priya five stars; also book Biscuit in for Wednesday 4pm, 60 mins",
    t,
    [
        step("rate_walker", walker_name="Priya", stars=5),
        step(
            "book_dog_walk",
            dog_name="Biscuit",
            date=ahead(t, "wed"),
            time="16:00",
            duration_minutes=60,
        ),
    ],
    "; also",
    "number_words",
)
multi(
    "Inspected H07 today: queen seen, bees calm. Then log 12 kg of honey from it, also today.",
    t,
    [
        step(
            "log_hive_inspection",
            hive_id="H07",
            inspection_date=iso(t),
            queen_seen=True,
            temperament="calm",
        ),
        step("record_honey_harvest", hive_id="H07", weight_kg=12, harvest_date=iso(t)),
    ],
    "then",
    "reference",
    "boolean",
)
multi(
    "Order 20 frams and 100 jars",
    t,
    [
        step("order_bee_supplies", item="frames", quantity=20),
        step("order_bee_supplies", item="jars", quantity=100),
    ],
    "and",
    "typo",
    "two_objects",
)
t = THU_OCT
multi(
    "Check the sky forecast for Saturday, then book the Dobsonian that night at 9pm for 3 hours",
    t,
    [
        step("get_sky_forecast", date=ahead(t, "sat")),
        step(
            "book_telescope_time",
            telescope="dobsonian_400",
            date=ahead(t, "sat"),
            start_time="21:00",
            hours=3,
        ),
    ],
    "then",
    "reference",
    "weekday",
)
t = THU_MAR
multi(
    "Log M42 from last night (mag 4), and then book the refractor for tomorrow at 20:00",
    t,
    [
        step("submit_observation", target="M42", observed_on=plus(t, -1), magnitude=4),
        step("book_telescope_time", telescope="refractor_150", date=plus(t, 1), start_time="20:00"),
    ],
    "and then",
    "date_relative",
)
t = THU_OCT
multi(
    "Get the sky forecast for tonight and log Saturn from yesterday, notes 'rings wide open'",
    t,
    [
        step("get_sky_forecast", date=iso(t)),
        step(
            "submit_observation", target="Saturn", observed_on=plus(t, -1), notes="rings wide open"
        ),
    ],
    "and",
    "quoted",
    "date_relative",
)
t = TUE_DEC
multi(
    "Add 12 bottles of Ridge Monte Bello 2019 to B2, then tell me when to drink it",
    t,
    [
        step(
            "add_wine", wine_name="Ridge Monte Bello", vintage=2019, bottles=12, bin_location="B2"
        ),
        step("find_drinking_window", wine_name="Ridge Monte Bello", vintage=2019),
    ],
    "then",
    "reference",
)
multi(
    "Record a tasting of Château Musar, 91 pts, 'cedar and plum', and then add 6 more bottles "
    "of Château Musar 2018 in A1",
    t,
    [
        step("record_tasting", wine_name="Château Musar", score=91, notes="cedar and plum"),
        step("add_wine", wine_name="Château Musar", vintage=2018, bottles=6, bin_location="A1"),
    ],
    "and then",
    "quoted",
    "accents",
)
t = WED_JAN
multi(
    "Check if I can donate (age 30, 70 kg), then find a session in Leeds on Saturday",
    t,
    [
        step("check_donor_eligibility", age=30, weight_kg=70),
        step("find_donation_session", town="Leeds", date=ahead(t, "sat")),
    ],
    "then",
    "weekday",
)
t = MON_JUL
multi(
    "Book a driving lesson Tuesday 6pm and then the test at Wood Green on 21 September; "
    "licence MORGA657054",
    t,
    [
        step("book_driving_lesson", date=ahead(t, "tue"), time="18:00"),
        step(
            "book_driving_test",
            licence_number="MORGA657054",
            test_centre="Wood Green",
            date=day_ahead(t, 21, 9),
        ),
    ],
    "and then",
    "date_day_month",
)
t = TUE_MAY
multi(
    "Log last night's practice: 50 minutes, 35 km after dark. Then book a 90-min lesson on "
    "Saturday at 10am",
    t,
    [
        step(
            "log_practice_drive",
            duration_minutes=50,
            distance_km=35,
            drive_date=plus(t, -1),
            night=True,
        ),
        step("book_driving_lesson", date=ahead(t, "sat"), time="10:00", duration_minutes=90),
    ],
    "then",
    "boolean",
    "weekday",
)
t = WED_JAN
multi(
    "Renew passport C12345678 to 41 Station Road, Leeds; then apply for a tourist visa for "
    "Vietnam arriving 3 March for 21 days",
    t,
    [
        step(
            "renew_passport", passport_number="C12345678", delivery_address="41 Station Road, Leeds"
        ),
        step(
            "apply_for_visa",
            destination_country="Vietnam",
            visa_type="tourist",
            entry_date=day_ahead(t, 3, 3),
            stay_days=21,
        ),
    ],
    "then",
    "address",
)
t = THU_OCT
multi(
    "Track visa VA-204118, then apply for a transit visa for Qatar on the 30th for 1 day",
    t,
    [
        step("track_visa_application", application_id="VA-204118"),
        step(
            "apply_for_visa",
            destination_country="Qatar",
            visa_type="transit",
            entry_date=day_ahead(t, 30),
            stay_days=1,
        ),
    ],
    "then",
    "date_day_of_month",
)
t = TUE_MAY
multi(
    "Put Jane Okafor (jane.okafor@example.org) on the waitlist for a quarter plot; also report "
    "vandalism on plot 14B",
    t,
    [
        step(
            "join_allotment_waitlist",
            full_name="Jane Okafor",
            email="jane.okafor@example.org",
            plot_size="quarter",
        ),
        step("report_plot_issue", plot_number="14B", issue="vandalism"),
    ],
    "; also",
    "email",
)
multi(
    "Pay £38 rent for plot 9C and report a water leak there",
    t,
    [
        step("pay_plot_rent", plot_number="9C", amount=38, currency="GBP"),
        step("report_plot_issue", plot_number="9C", issue="water_leak"),
    ],
    "and",
    "reference",
    "money",
)
multi(
    "Check stock of BLT-0042 in Leeds, then move 300 of them to Rotterdam",
    t,
    [
        step("check_stock", sku="BLT-0042", warehouse="leeds"),
        step(
            "transfer_stock",
            sku="BLT-0042",
            quantity=300,
            from_warehouse="leeds",
            to_warehouse="rotterdam",
        ),
    ],
    "then",
    "reference",
)
multi(
    "Record a count of 120 PLG-2231 in Lyon today and after that transfer 50 to Newark",
    t,
    [
        step(
            "record_stock_count", sku="PLG-2231", warehouse="lyon", counted=120, count_date=iso(t)
        ),
        step(
            "transfer_stock",
            sku="PLG-2231",
            quantity=50,
            from_warehouse="lyon",
            to_warehouse="newark",
        ),
    ],
    "after that",
    "reference",
)
multi(
    "chek stock SCR-3310 in newark then trasnfer 25 to leeds",
    t,
    [
        step("check_stock", sku="SCR-3310", warehouse="newark"),
        step(
            "transfer_stock",
            sku="SCR-3310",
            quantity=25,
            from_warehouse="newark",
            to_warehouse="leeds",
        ),
    ],
    "then",
    "typo",
    "reference",
)
t = WED_JAN
multi(
    "Buy 2 adult day passes for tomorrow and book a beginner ski lesson at 9am tomorrow",
    t,
    [
        step(
            "buy_lift_pass", pass_type="day", start_date=plus(t, 1), quantity=2, age_group="adult"
        ),
        step("book_ski_lesson", level="beginner", date=plus(t, 1), time="09:00"),
    ],
    "and",
    "date_relative",
)
multi(
    "rent skis Sat\u2013Mon (I'm 180cm) then get the snow report for the glacier",
    t,
    [
        step(
            "rent_ski_equipment",
            equipment="skis",
            height_cm=180,
            start_date=ahead(t, "sat"),
            end_date=ahead(t, "mon"),
        ),
        step("get_snow_report", area="glacier"),
    ],
    "then",
    "date_range",
    "terse",
)
t = TUE_DEC
multi(
    "snow report for the park, then buy 3 child half-day passes for Saturday",
    t,
    [
        step("get_snow_report", area="park"),
        step(
            "buy_lift_pass",
            pass_type="half_day",
            age_group="child",
            quantity=3,
            start_date=ahead(t, "sat"),
        ),
    ],
    "then",
    "year_boundary",
    "weekday",
)
t = MON_JUL
multi(
    "Search ferries from Portsmouth to Caen on 2 August with a car, book 2 people plus the car "
    "(4.5m) on it, then move it to the 9th",
    t,
    [
        step(
            "search_sailings",
            from_port="Portsmouth",
            to_port="Caen",
            date=day_ahead(t, 2, 8),
            with_vehicle=True,
        ),
        step(
            "book_crossing", {"sailing_id": [0, "sailing_id"]}, passengers=2, vehicle_length_m=4.5
        ),
        step("change_crossing", {"booking_ref": [1, "booking_ref"]}, new_date=day_ahead(t, 9, 8)),
    ],
    "then",
    "wired",
    "three_steps",
)
t = THU_OCT
multi(
    "Report a door fault on lift 1 at B009, check the job status, and then schedule an "
    "inspection of B009 for Monday next week",
    t,
    [
        step("report_lift_fault", building_code="B009", elevator_number=1, fault="door_fault"),
        step("get_job_status", {"job_id": [0, "job_id"]}),
        step("schedule_elevator_inspection", building_code="B009", date=next_week(t, "mon")),
    ],
    "and then",
    "wired",
    "three_steps",
)
multi(
    "Check I'm eligible (age 25, 62 kg, tattoo in August), find a whole blood session in York "
    "on Friday, then book me in at 1pm",
    t,
    [
        step("check_donor_eligibility", age=25, weight_kg=62, recent_tattoo=True),
        step(
            "find_donation_session", town="York", date=ahead(t, "fri"), donation_type="whole_blood"
        ),
        step("book_donation_slot", {"session_id": [1, "session_id"]}, time="13:00"),
    ],
    "then",
    "wired",
    "three_steps",
)
t = MON_JUL
multi(
    "Approve LR-20418 and LR-20419",
    t,
    [step("approve_leave", request_id="LR-20418"), step("approve_leave", request_id="LR-20419")],
    "and",
    "two_objects",
    "terse",
)
t = THU_OCT
week_start, week_end = last_week(t)
multi(
    "Panel output for PV204518 last week, and then get a quote for a second property: NE1 4ST, "
    "20 m²",
    t,
    [
        step("get_panel_output", system_id="PV204518", start_date=week_start, end_date=week_end),
        step("get_solar_quote", postcode="NE1 4ST", roof_area_m2=20),
    ],
    "and then",
    "date_last_week",
)


# --- refusals ---------------------------------------------------------------------------------

t = WED_JAN
refuse("Refund my lift pass LP-100233, the resort was closed", t, "near_miss")
refuse(
    "snow report said it's awful, I want my money back for the 3 day passes",
    t,
    "near_miss",
    "indirect",
)
t = THU_OCT
refuse("cancel ferry booking FB204418", t, "near_miss", "terse")
refuse("Reject leave request LR-20418", t, "near_miss", "terse")
refuse("please withdraw my leave request LR-33091, plans changed", t, "near_miss")
refuse("buy 5,000 extra miles for account 204518337", t, "near_miss")
refuse("cancel Biscuit's walk tomorrow", t, "near_miss")
refuse("remove 3 bottles of Château Musar 2015 from the cellar, we drank them", t, "near_miss")
refuse("withdraw visa application VA-204118", t, "near_miss")
refuse("take me off the allotment waiting list, jane.okafor@example.org", t, "near_miss")
refuse("close elevator job EJ-204871, it's fixed", t, "near_miss")
refuse("cancel my driving test next Tuesday", t, "near_miss")
refuse("remove 2 players from booking ER20417", t, "near_miss")
refuse("cancl my site survey for SQ-20417", t, "near_miss", "typo")
refuse("what's the weather in Chamonix tomorrow?", t, "off_domain", "question")
refuse("book me a table for two at an Italian restaurant tonight", t, "off_domain")
refuse("translate 'good morning' into German", t, "off_domain", "quoted")
refuse("what's 15% of 240?", t, "off_domain", "question")
refuse("play some jazz", t, "off_domain", "terse")
refuse("send a text to my mum saying I'll be late", t, "off_domain")
refuse("how tall is Mont Blanc?", t, "off_domain", "question")
refuse("set an alarm for 6:30", t, "off_domain", "terse")
refuse("renew my car insurance", t, "off_domain")
refuse("what's the exchange rate from pounds to euros", t, "off_domain", "question")
refuse("wats the capital of australia", t, "off_domain", "typo")
refuse("book a taxi to the ferry terminal for 7am", t, "off_domain")


# --- interleaving -----------------------------------------------------------------------------


def _pairs(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + 2] for i in range(0, len(items), 2)]


def build() -> list[dict[str, Any]]:
    """The cases in id order: pairs of one kind, interleaved in proportion to each kind's size,
    so each half holds one case of every pair (each kind has an even number of cases, so no
    pair is short and the parity of the ids after it stays aligned)."""
    rows: dict[str, list[dict[str, Any]]] = {"single": [], "multi": [], "refuse": []}
    for text, today, expected, tags in SINGLE:
        rows["single"].append(
            {
                "text": text,
                "today": iso(today),
                "expect": [expected],
                "kind": "single",
                "tags": tags,
            }
        )
    for text, today, steps, tags in MULTI:
        rows["multi"].append(
            {"text": text, "today": iso(today), "expect": steps, "kind": "multi", "tags": tags}
        )
    for text, today, tags in REFUSE:
        rows["refuse"].append(
            {"text": text, "today": iso(today), "expect": "refuse", "kind": "refuse", "tags": tags}
        )
    keyed: list[tuple[float, int, list[dict[str, Any]]]] = []
    for order, kind in enumerate(rows):
        assert len(rows[kind]) % 2 == 0, f"{kind}: {len(rows[kind])} cases; keep each kind even"
        pairs = _pairs(rows[kind])
        keyed += [((i + 0.5) / len(pairs), order, pair) for i, pair in enumerate(pairs)]
    keyed.sort(key=lambda item: (item[0], item[1]))
    ordered = [case for _, _, pair in keyed for case in pair]
    return [{"id": f"k{n:03d}", **case} for n, case in enumerate(ordered, start=1)]


CASES: list[dict[str, Any]] = build()


def main() -> None:
    path = HERE / "cases.json"
    path.write_text(json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {path}")


if __name__ == "__main__":
    main()
