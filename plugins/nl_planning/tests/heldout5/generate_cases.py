"""Writes ``cases.json``: the fifth held-out set's requests and their expected plans.

Run from anywhere: ``python3 plugins/nl_planning/tests/heldout5/generate_cases.py``. Every date in
an expectation is computed here from the case's ``today`` with ``datetime`` (the conventions are
in ``README.md``), never typed in by hand. The cases are written in pairs of one kind (single,
wired multi-step, other multi-step, near miss, off-domain), the first of a pair with an odd id
(the tuning half) and the second with an even one (the test half), so both halves hold the same
mix.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# The six days the requests are made on.
JAN = dt.date(2026, 1, 14)  # a Wednesday
MAR = dt.date(2026, 3, 26)  # a Thursday
MAY = dt.date(2026, 5, 11)  # a Monday
JUL = dt.date(2026, 7, 17)  # a Friday
SEP = dt.date(2026, 9, 29)  # a Tuesday
DEC = dt.date(2026, 12, 30)  # a Wednesday, the day before New Year's Eve


def iso(day: dt.date) -> str:
    return day.isoformat()


def plus(today: dt.date, days: int) -> str:
    return iso(today + dt.timedelta(days=days))


def coming(today: dt.date, weekday: int) -> str:
    """The next such weekday after today (today excluded): scheduling's bare weekday."""
    return plus(today, (weekday - today.weekday()) % 7 or 7)


def last(today: dt.date, weekday: int) -> str:
    """The last such weekday before today: recording's bare weekday."""
    return plus(today, -((today.weekday() - weekday) % 7 or 7))


def next_week(today: dt.date, weekday: int) -> str:
    """That day of next week (weeks run Monday to Sunday)."""
    return plus(today, 7 - today.weekday() + weekday)


def week(today: dt.date, offset: int) -> tuple[str, str]:
    """Monday and Sunday of the week ``offset`` weeks from today's."""
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
    return iso(monday), iso(monday + dt.timedelta(days=6))


def day_ahead(today: dt.date, day: int) -> str:
    """The next date after today with that day of the month."""
    cur = today + dt.timedelta(days=1)
    while cur.day != day:
        cur += dt.timedelta(days=1)
    return iso(cur)


def day_back(today: dt.date, day: int) -> str:
    """The last date before today with that day of the month."""
    cur = today - dt.timedelta(days=1)
    while cur.day != day:
        cur -= dt.timedelta(days=1)
    return iso(cur)


def month_end(today: dt.date) -> str:
    first_next = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return iso(first_next - dt.timedelta(days=1))


def last_month(today: dt.date) -> tuple[str, str]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return iso(end.replace(day=1)), iso(end)


def s(capability: str, wired: dict[str, list[Any]] | None = None, **params: Any) -> dict[str, Any]:
    """One expected step."""
    step: dict[str, Any] = {"capability": capability, "params": params}
    if wired:
        step["wired"] = wired
    return step


def c(text: str, today: dt.date, expect: Any, *tags: str) -> dict[str, Any]:
    """One case (its id is given when the pairs are laid out)."""
    if expect == "refuse":
        kind = "refuse"
    else:
        expect = expect if isinstance(expect, list) else [expect]
        kind = "single" if len(expect) == 1 else "multi"
    return {"text": text, "today": iso(today), "expect": expect, "kind": kind, "tags": list(tags)}


def w(step: int, output: str) -> list[Any]:
    return [step, output]


# --- single-step requests, by domain ---------------------------------------------------------

SINGLE = [
    # hotel stay
    c(
        "Could I check out at 2pm instead? Room 418.",
        JAN,
        s("request_late_checkout", room_number="418", checkout_time="14:00"),
        "question",
        "time",
        "polite",
    ),
    c(
        "room 1207 - we need to leave later than normal, around half one",
        SEP,
        s("request_late_checkout", room_number="1207", checkout_time="13:30"),
        "statement",
        "time",
        "vocabulary",
    ),
    c(
        "late chekout for 305 until noon pls",
        MAY,
        s("request_late_checkout", room_number="305", checkout_time="12:00"),
        "typo",
        "terse",
        "time",
    ),
    c(
        "Can you send a club sandwich up to room 512?",
        MAR,
        s("order_room_service", room_number="512", dish="club sandwich"),
        "question",
        "vocabulary",
    ),
    c(
        "Room 220 here, we'd like two portions of chips brought up at 8:30pm",
        JUL,
        s("order_room_service", room_number="220", dish="chips", quantity=2, deliver_at="20:30"),
        "context_first",
        "number_words",
        "time",
    ),
    c(
        'Room 1044, one margherita pizza please, note for the kitchen: "no basil, nut allergy"',
        DEC,
        s(
            "order_room_service",
            room_number="1044",
            dish="margherita pizza",
            notes="no basil, nut allergy",
        ),
        "quoted",
        "polite",
    ),
    c(
        "We've run out of towels in 309",
        JAN,
        s("request_housekeeping", room_number="309", service="fresh_towels"),
        "statement",
        "enum_meaning",
    ),
    c(
        "could someone give room 1502 a proper clean at 11am?",
        MAY,
        s("request_housekeeping", room_number="1502", service="full_clean", at="11:00"),
        "question",
        "time",
        "enum_meaning",
    ),
    c(
        "extra pilows to 207",
        SEP,
        s("request_housekeeping", room_number="207", service="extra_pillows"),
        "terse",
        "typo",
    ),
    # florist
    c(
        "Send a large bouquet to Maria Lopez at 14 Elm Street, Bristol on Friday",
        JUL,
        s(
            "order_bouquet",
            recipient_name="Maria Lopez",
            address="14 Elm Street, Bristol",
            delivery_date=coming(JUL, FRI),
            size="large",
        ),
        "date_weekday",
    ),
    c(
        "It's my mum's birthday on the 3rd - flowers to Ann Reid, 2 Mill Lane, Hove, card "
        'saying "Happy birthday, love Tom", budget £40',
        SEP,
        s(
            "order_bouquet",
            recipient_name="Ann Reid",
            address="2 Mill Lane, Hove",
            delivery_date=day_ahead(SEP, 3),
            card_message="Happy birthday, love Tom",
            budget=40,
            currency="GBP",
        ),
        "context_first",
        "money",
        "quoted",
        "date_dom",
    ),
    c(
        "small flowers for Jess Hart, 9 Rue Cler, Paris, tomorrow, up to 35 euros",
        MAR,
        s(
            "order_bouquet",
            recipient_name="Jess Hart",
            address="9 Rue Cler, Paris",
            delivery_date=plus(MAR, 1),
            size="small",
            budget=35,
            currency="EUR",
        ),
        "money",
        "terse",
        "date_relative",
    ),
    c(
        "where are my flowers? order FL-330192",
        MAY,
        s("track_flower_delivery", order_number="FL-330192"),
        "question",
        "statement",
    ),
    c(
        "has fl-118204 been delivered yet",
        DEC,
        s("track_flower_delivery", order_number="FL-118204"),
        "question",
        "lowercase_id",
    ),
    c(
        "I'd like fresh flowers every week starting next Monday",
        JAN,
        s("set_flower_subscription", frequency="weekly", start_date=coming(JAN, MON)),
        "polite",
        "date_next",
        "vocabulary",
    ),
    c(
        "set up a monthly large bunch from the 1st of February",
        JAN,
        s("set_flower_subscription", frequency="monthly", start_date="2026-02-01", size="large"),
        "date_dom",
        "vocabulary",
    ),
    c(
        "Flowers every other week for the flat please, first lot on Saturday",
        MAY,
        s("set_flower_subscription", frequency="fortnightly", start_date=coming(MAY, SAT)),
        "enum_meaning",
        "date_weekday",
        "polite",
    ),
    # hair salon
    c(
        "who's free to do highlights on Thursday?",
        MAY,
        s("find_stylist", date=coming(MAY, THU), service="highlights"),
        "question",
        "date_weekday",
    ),
    c(
        "any hairdresser availble for a beard trim tomorrow",
        DEC,
        s("find_stylist", date=plus(DEC, 1), service="beard_trim"),
        "typo",
        "date_relative",
    ),
    c(
        "I need a colour done on the 9th, who can fit me in?",
        DEC,
        s("find_stylist", date=day_ahead(DEC, 9), service="colour"),
        "question",
        "date_dom",
        "year_boundary",
    ),
    c(
        "blow dry with ST-0193 on Friday next week, 4pm",
        MAY,
        s(
            "book_salon_appointment",
            stylist_id="ST-0193",
            date=next_week(MAY, FRI),
            time="16:00",
            service="blow_dry",
        ),
        "terse",
        "date_next_week",
        "time",
    ),
    c(
        "My hair's a mess, can I get a trim on Tuesday at 9 in the morning",
        SEP,
        s("book_salon_appointment", date=coming(SEP, TUE), time="09:00", service="cut"),
        "statement",
        "enum_meaning",
        "time",
    ),
    c(
        "cancel SA-40218",
        JUL,
        s("cancel_salon_appointment", appointment_id="SA-40218"),
        "terse",
    ),
    c(
        "I can't make my hair appointment sa-11873 any more, please call it off",
        MAR,
        s("cancel_salon_appointment", appointment_id="SA-11873"),
        "statement",
        "lowercase_id",
        "vocabulary",
    ),
    # house cleaning
    c(
        "Can I get a cleaner on Monday at 9am for three hours?",
        JUL,
        s("book_cleaning", date=coming(JUL, MON), start_time="09:00", duration_hours=3),
        "question",
        "number_words",
        "time",
    ),
    c(
        "weekly clean every Thursday from next week, 1pm, 2 hours, bring your own supplies",
        JAN,
        s(
            "book_cleaning",
            date=next_week(JAN, THU),
            start_time="13:00",
            duration_hours=2,
            recurring="weekly",
            bring_supplies=True,
        ),
        "terse",
        "date_next_week",
    ),
    c(
        "The house is a tip after the party. Could someone come for 90 minutes tomorrow at 8am?",
        MAR,
        s("book_cleaning", date=plus(MAR, 1), start_time="08:00", duration_hours=1.5),
        "statement",
        "unit",
        "question",
    ),
    c(
        "We're on holiday, skip the cleaner on the 22nd",
        MAY,
        s("skip_cleaning_visit", visit_date=day_ahead(MAY, 22)),
        "context_first",
        "date_dom",
    ),
    c(
        "no clean needed next Wednesday",
        JUL,
        s("skip_cleaning_visit", visit_date=coming(JUL, WED)),
        "terse",
        "date_next",
    ),
    c(
        "skip this friday's cleaning visit",
        MAR,
        s("skip_cleaning_visit", visit_date=coming(MAR, FRI)),
        "date_this",
    ),
    c(
        "Give CL-30412 five stars",
        SEP,
        s("rate_cleaner", booking_id="CL-30412", stars=5),
        "number_words",
        "terse",
    ),
    c(
        '2 stars for the clean on CL-22019, comment: "missed the bathroom completely"',
        DEC,
        s(
            "rate_cleaner",
            booking_id="CL-22019",
            stars=2,
            comment="missed the bathroom completely",
        ),
        "quoted",
    ),
    c(
        "rate cl-51100 4/5",
        MAY,
        s("rate_cleaner", booking_id="CL-51100", stars=4),
        "terse",
        "lowercase_id",
    ),
    # wedding guests
    c(
        "Add Priya Shah to the guest list, she can bring a plus one",
        JAN,
        s("add_guest", full_name="Priya Shah", plus_one=True),
        "vocabulary",
    ),
    c(
        "invite Tom Baker, tom.baker@example.com, he's from the groom's side",
        JUL,
        s("add_guest", full_name="Tom Baker", email="tom.baker@example.com", side="groom"),
        "email",
        "enum_meaning",
    ),
    c(
        "Take Gary Olsen off the guest list",
        MAR,
        s("remove_guest", full_name="Gary Olsen"),
        "vocabulary",
    ),
    c(
        "we're not inviting Fiona Grey anymore",
        MAY,
        s("remove_guest", full_name="Fiona Grey"),
        "statement",
    ),
    c(
        "remvoe Dan Hughes from the wedding list",
        DEC,
        s("remove_guest", full_name="Dan Hughes"),
        "typo",
    ),
    c(
        "Sarah Kim replied yes, she'll have the fish",
        JUL,
        s("record_rsvp", full_name="Sarah Kim", attending=True, meal="fish"),
        "statement",
    ),
    c(
        "Bob Fenton can't come unfortunately",
        JAN,
        s("record_rsvp", full_name="Bob Fenton", attending=False),
        "statement",
    ),
    c(
        'Mark Ellis is coming, vegan meal, dietary notes: "nut allergy"',
        SEP,
        s(
            "record_rsvp",
            full_name="Mark Ellis",
            attending=True,
            meal="vegan",
            dietary_notes="nut allergy",
        ),
        "quoted",
    ),
    c(
        "How many people have said yes so far?",
        MAR,
        s("list_rsvps", status="attending"),
        "question",
        "enum_meaning",
    ),
    c(
        "who hasn't replied to the wedding invite yet",
        DEC,
        s("list_rsvps", status="no_reply"),
        "question",
        "enum_meaning",
    ),
    c(
        "list evryone who declined",
        JUL,
        s("list_rsvps", status="declined"),
        "typo",
        "terse",
        "enum_meaning",
    ),
    # carpooling
    c(
        "Anyone drivng from Leeds to Manchester on Saturday?",
        JUL,
        s("search_rides", from_city="Leeds", to_city="Manchester", date=coming(JUL, SAT)),
        "question",
        "date_weekday",
        "typo",
    ),
    c(
        "need 2 seats Bristol to London tomorrow",
        DEC,
        s("search_rides", from_city="Bristol", to_city="London", date=plus(DEC, 1), seats=2),
        "terse",
        "date_relative",
    ),
    c(
        "Looking for a lift to Edinburgh from Glasgow on the 2nd of January for three of us",
        DEC,
        s(
            "search_rides",
            from_city="Glasgow",
            to_city="Edinburgh",
            date="2027-01-02",
            seats=3,
        ),
        "year_boundary",
        "number_words",
        "vocabulary",
    ),
    c("Join ride R-448120", MAY, s("join_ride", ride_id="R-448120"), "terse"),
    c(
        "book me a seat on r-901233, I've got a big suitcase",
        SEP,
        s("join_ride", ride_id="R-901233", big_luggage=True),
        "lowercase_id",
        "statement",
    ),
    c(
        "Can my friend and I get on ride R-300871?",
        JAN,
        s("join_ride", ride_id="R-300871", seats=2),
        "question",
        "number_words",
    ),
    c(
        "I can't travel any more, drop me from ride R-220914",
        MAR,
        s("leave_ride", ride_id="R-220914"),
        "statement",
        "vocabulary",
    ),
    c("leave R-774001", JUL, s("leave_ride", ride_id="R-774001"), "terse"),
    c(
        'Take me off the lift share R-118822, tell the driver "sorry, my plans changed"',
        MAY,
        s("leave_ride", ride_id="R-118822", reason="sorry, my plans changed"),
        "quoted",
        "vocabulary",
    ),
    # shopping list
    c("add milk", SEP, s("add_to_shopping_list", item="milk"), "terse"),
    c(
        "we're out of eggs, put a dozen on the list",
        JAN,
        s("add_to_shopping_list", item="eggs", quantity=12),
        "statement",
        "number_words",
    ),
    c(
        "put toothpaste on the shoping list",
        MAR,
        s("add_to_shopping_list", item="toothpaste"),
        "typo",
    ),
    c(
        "cross bananas off the list",
        JUL,
        s("remove_from_shopping_list", item="bananas"),
        "terse",
    ),
    c(
        "I already bought the coffee, take it off the shopping list",
        MAY,
        s("remove_from_shopping_list", item="coffee"),
        "statement",
        "reference",
    ),
    c(
        "remove sellotape from the party list",
        SEP,
        s("remove_from_shopping_list", item="sellotape", list_name="party"),
        "vocabulary",
    ),
    c("what's on my shopping list?", JAN, s("get_shopping_list"), "question"),
    c(
        "what do I still need from the hardware list",
        DEC,
        s("get_shopping_list", list_name="hardware"),
        "question",
    ),
    # photo community
    c("follow @lena.shoots", MAR, s("follow_photographer", username="lena.shoots"), "terse"),
    c(
        "I love the landscapes by marco_visuals, I want to see more of his stuff",
        JUL,
        s("follow_photographer", username="marco_visuals"),
        "statement",
        "indirect",
    ),
    c(
        "folow @Kai.Light",
        MAY,
        s("follow_photographer", username="kai.light"),
        "typo",
        "terse",
        "lowercase_id",
    ),
    c(
        "unfollow @street.tales",
        SEP,
        s("unfollow_photographer", username="street.tales"),
        "terse",
    ),
    c(
        "I'm sick of seeing posts from @dronepics_uk",
        JAN,
        s("unfollow_photographer", username="dronepics_uk"),
        "statement",
        "indirect",
    ),
    c(
        "stop following northern_skies please",
        DEC,
        s("unfollow_photographer", username="northern_skies"),
        "polite",
    ),
    c("like 5520193", MAR, s("like_photo", photo_id="5520193"), "terse"),
    c(
        "give photo 44012877 a heart",
        JUL,
        s("like_photo", photo_id="44012877"),
        "vocabulary",
    ),
    c(
        "that shot 7713020 is gorgeous, like it for me",
        MAY,
        s("like_photo", photo_id="7713020"),
        "statement",
        "reference",
    ),
    # expense claims
    c(
        "Hotel in Zurich last night, 210 francs, I need to claim it",
        MAY,
        s(
            "submit_expense",
            amount=210,
            currency="CHF",
            category="accommodation",
            spent_on=plus(MAY, -1),
        ),
        "money",
        "enum_meaning",
        "statement",
    ),
    c(
        'expense: team lunch $86 on Monday, description "client lunch with Acme"',
        SEP,
        s(
            "submit_expense",
            amount=86,
            currency="USD",
            category="meals",
            spent_on=last(SEP, MON),
            description="client lunch with Acme",
        ),
        "money",
        "quoted",
        "date_weekday",
    ),
    c(
        "I bought a keyboard for work for €59.99 on the 12th, can I get that back?",
        DEC,
        s(
            "submit_expense",
            amount=59.99,
            currency="EUR",
            category="equipment",
            spent_on=day_back(DEC, 12),
        ),
        "money",
        "question",
        "enum_meaning",
        "date_dom",
    ),
    c(
        'Sign off claim ex-22107, note: "ok, receipts checked"',
        JUL,
        s("approve_expense", claim_id="EX-22107", note="ok, receipts checked"),
        "quoted",
        "lowercase_id",
        "vocabulary",
    ),
    c(
        "Ravi's claim EX-40991 looks fine, pay it",
        SEP,
        s("approve_expense", claim_id="EX-40991"),
        "statement",
        "vocabulary",
    ),
    c(
        'Reject EX-10042, reason: "no receipt attached"',
        MAR,
        s("reject_expense", claim_id="EX-10042", reason="no receipt attached"),
        "quoted",
    ),
    c(
        'send ex-55120 back, the reason is "personal purchase, not business"',
        MAY,
        s("reject_expense", claim_id="EX-55120", reason="personal purchase, not business"),
        "quoted",
        "lowercase_id",
        "vocabulary",
    ),
    c(
        "has EX-77031 been paid yet?",
        DEC,
        s("get_expense_status", claim_id="EX-77031"),
        "question",
    ),
    c(
        "status of my claim EX-20455",
        JAN,
        s("get_expense_status", claim_id="EX-20455"),
        "terse",
    ),
    c(
        "whats happend with ex-31109",
        JUL,
        s("get_expense_status", claim_id="EX-31109"),
        "typo",
        "question",
        "lowercase_id",
    ),
    # smart lighting
    c("lights on in the kitchen", SEP, s("turn_on_lights", room="kitchen"), "terse"),
    c(
        "It's pitch black in the hallway",
        DEC,
        s("turn_on_lights", room="hallway"),
        "statement",
        "indirect",
    ),
    c(
        "Turn the lounge lihgts on at 40 percent",
        MAR,
        s("turn_on_lights", room="living_room", brightness_percent=40),
        "enum_meaning",
        "unit",
        "typo",
    ),
    c(
        "kill all the lights, I'm going to bed",
        JAN,
        s("turn_off_lights", room="everywhere"),
        "vocabulary",
        "enum_meaning",
    ),
    c(
        "can you switch the study light off?",
        SEP,
        s("turn_off_lights", room="office"),
        "question",
        "enum_meaning",
    ),
    c(
        "put the living room on movie mode",
        DEC,
        s("set_light_scene", room="living_room", scene="movie"),
        "terse",
    ),
    c(
        "dinner lighting in the kitchen please",
        MAR,
        s("set_light_scene", room="kitchen", scene="dinner"),
        "polite",
    ),
    c(
        "I want to read in bed, set the bedroom lights up for it",
        MAY,
        s("set_light_scene", room="bedroom", scene="reading"),
        "statement",
        "enum_meaning",
    ),
    c(
        "party ligths in the garden!",
        JUL,
        s("set_light_scene", room="garden", scene="party"),
        "typo",
        "terse",
    ),
    # robot vacuum
    c("start hoovering the kitchen", SEP, s("start_vacuum", area="kitchen"), "vocabulary"),
    c(
        "run the robot on quiet, the baby's asleep",
        JAN,
        s("start_vacuum", mode="quiet"),
        "enum_meaning",
        "vocabulary",
    ),
    c(
        "the hallway floor is covered in sand, can the robot vacuum and mop it",
        MAR,
        s("start_vacuum", area="hallway", mop=True),
        "statement",
        "question",
    ),
    c("stop the vacum", DEC, s("stop_vacuum"), "terse", "typo"),
    c(
        "the robot's stuck under the sofa, stop it and leave it where it is",
        MAY,
        s("stop_vacuum", return_to_dock=False),
        "statement",
    ),
    c(
        "How often did the robot run last week?",
        MAR,
        s("get_vacuum_history", from_date=week(MAR, -1)[0], to_date=week(MAR, -1)[1]),
        "question",
        "range",
        "date_last_week",
    ),
    c(
        "vacuum history for December",
        JAN,
        s("get_vacuum_history", from_date="2025-12-01", to_date="2025-12-31"),
        "range",
        "year_boundary",
        "terse",
    ),
    c(
        "show me the robot's runs since Monday",
        JUL,
        s("get_vacuum_history", from_date=last(JUL, MON), to_date=iso(JUL)),
        "range",
        "date_weekday",
    ),
    # tool hire
    c(
        "need a tile cutter tomorow",
        MAY,
        s("find_tool", tool="tile_cutter", date=plus(MAY, 1)),
        "terse",
        "typo",
    ),
    c(
        "looking to hire a floor sander from the 4th",
        DEC,
        s("find_tool", tool="floor_sander", date=day_ahead(DEC, 4)),
        "date_dom",
        "year_boundary",
        "vocabulary",
    ),
    c(
        "Hold tl-1180 for me, picking it up tomorrow and bringing it back on the 20th",
        JUL,
        s("reserve_tool", tool_id="TL-1180", start_date=plus(JUL, 1), end_date=day_ahead(JUL, 20)),
        "range",
        "lowercase_id",
        "date_dom",
    ),
    c(
        "I'd like TL-4402 for the weekend",
        MAR,
        s(
            "reserve_tool",
            tool_id="TL-4402",
            start_date=coming(MAR, SAT),
            end_date=coming(MAR, SUN),
        ),
        "range",
        "indirect",
    ),
    c(
        "keep H-204577 two more days",
        JAN,
        s("extend_tool_hire", hire_id="H-204577", extra_days=2),
        "number_words",
        "terse",
    ),
    c(
        "The job's taking longer than expected, can I extend hire h-330190 by a week?",
        SEP,
        s("extend_tool_hire", hire_id="H-330190", extra_days=7),
        "statement",
        "unit",
        "lowercase_id",
    ),
    c(
        "add 3 days to my hire H-118200",
        DEC,
        s("extend_tool_hire", hire_id="H-118200", extra_days=3),
        "vocabulary",
    ),
    # parcel delivery
    c(
        "track ab123456789gb",
        JUL,
        s("track_parcel", tracking_number="AB123456789GB"),
        "terse",
        "lowercase_id",
    ),
    c(
        "My package still hasn't arrived, tracking number CP902211873GB",
        MAY,
        s("track_parcel", tracking_number="CP902211873GB"),
        "statement",
    ),
    c(
        'I won\'t be home, leave RX482019374GB with a neighbour, details: "number 12, Mrs Patel"',
        SEP,
        s(
            "redirect_parcel",
            tracking_number="RX482019374GB",
            option="neighbour",
            details="number 12, Mrs Patel",
        ),
        "quoted",
        "context_first",
    ),
    c(
        "send parcel LK550120984GB to a locker instead",
        JAN,
        s("redirect_parcel", tracking_number="LK550120984GB", option="locker"),
        "vocabulary",
    ),
    c(
        "Can RX100200300GB go to the depot? I'll pick it up from there",
        DEC,
        s("redirect_parcel", tracking_number="RX100200300GB", option="depot"),
        "question",
    ),
    c(
        "Pick up a 4kg parcel from BS8 1TH tomorrow",
        SEP,
        s("book_parcel_collection", postcode="BS8 1TH", date=plus(SEP, 1), weight_kg=4),
        "date_relative",
    ),
    c(
        "Courier collection on Monday from sw1a 2aa, the box is about 11 lb, "
        "call me on +44 7700 900123",
        JAN,
        s(
            "book_parcel_collection",
            postcode="SW1A 2AA",
            date=coming(JAN, MON),
            weight_kg=round(11 * 0.45359237, 3),
            phone="+447700900123",
        ),
        "unit",
        "phone",
        "lowercase_id",
    ),
    c(
        "need a package collected from M1 1AE on the 7th, two and a half kilos",
        DEC,
        s("book_parcel_collection", postcode="M1 1AE", date=day_ahead(DEC, 7), weight_kg=2.5),
        "year_boundary",
        "number_words",
        "date_dom",
    ),
    # streaming watchlist
    c("is Severance on here?", MAR, s("find_title", title="Severance"), "question"),
    c(
        "look for the film Past Lives",
        MAY,
        s("find_title", title="Past Lives", kind="film"),
        "terse",
    ),
    c(
        "search for the series 'The Bear'",
        JUL,
        s("find_title", title="The Bear", kind="series"),
        "quoted",
    ),
    c("save TT448120 for later", JAN, s("add_to_watchlist", title_id="TT448120"), "terse"),
    c(
        "I want to watch Slow Horses at some point, remember it for me",
        DEC,
        s("add_to_watchlist", title="Slow Horses"),
        "indirect",
        "reference",
    ),
    c(
        "take Oppenheimer off my wachlist",
        MAR,
        s("remove_from_watchlist", title="Oppenheimer"),
        "vocabulary",
        "typo",
    ),
    c(
        "I've finished Shogun, remove it from my watch list",
        MAY,
        s("remove_from_watchlist", title="Shogun"),
        "statement",
        "reference",
    ),
    c(
        "delete Barbie from watch later",
        JUL,
        s("remove_from_watchlist", title="Barbie"),
        "vocabulary",
        "terse",
    ),
    # scuba diving
    c(
        "Book two divers on the boat to Manta Point on Thursday",
        MAY,
        s("book_dive_trip", site="Manta Point", date=coming(MAY, THU), divers=2),
        "number_words",
        "date_weekday",
    ),
    c(
        "Can I get a place on the wreck dive at SS Thistlegorm on the 20th? I'm advanced certified",
        JUL,
        s(
            "book_dive_trip",
            site="SS Thistlegorm",
            date=day_ahead(JUL, 20),
            certification="advanced",
        ),
        "question",
        "date_dom",
    ),
    c(
        "log a dive at Shark Reef yesterday, 24 metres, 50 minutes",
        MAR,
        s(
            "log_dive",
            site="Shark Reef",
            dived_on=plus(MAR, -1),
            max_depth_m=24,
            duration_minutes=50,
        ),
        "terse",
        "date_relative",
    ),
    c(
        "Dived the Cathedral on Saturday: max depth 60 ft, 42 min, water was 79°F",
        SEP,
        s(
            "log_dive",
            site="Cathedral",
            dived_on=last(SEP, SAT),
            max_depth_m=round(60 * 0.3048, 3),
            duration_minutes=42,
            water_temp_celsius=round((79 - 32) * 5 / 9, 3),
        ),
        "unit",
        "date_weekday",
        "statement",
    ),
    c(
        "add this morning's dive to my logbook: Coral Garden, 12m, an hour",
        DEC,
        s(
            "log_dive",
            site="Coral Garden",
            dived_on=iso(DEC),
            max_depth_m=12,
            duration_minutes=60,
        ),
        "unit",
        "date_relative",
    ),
    c(
        "rent a wetsuit size M for Saturday and Sunday",
        MAR,
        s(
            "rent_dive_gear",
            item="wetsuit",
            size="m",
            start_date=coming(MAR, SAT),
            end_date=coming(MAR, SUN),
        ),
        "range",
    ),
    c(
        "I need fins from tomorrow until Friday",
        SEP,
        s("rent_dive_gear", item="fins", start_date=plus(SEP, 1), end_date=coming(SEP, FRI)),
        "range",
        "statement",
    ),
    c(
        "full set of gear for three days starting on the 6th",
        DEC,
        s(
            "rent_dive_gear",
            item="full_set",
            start_date=day_ahead(DEC, 6),
            end_date=plus(dt.date.fromisoformat(day_ahead(DEC, 6)), 2),
        ),
        "range",
        "year_boundary",
        "number_words",
    ),
    # self storage
    c(
        "I need a 5 square metre lock-up from Monday",
        MAR,
        s("rent_storage_unit", size_m2=5, start_date=coming(MAR, MON)),
        "statement",
        "date_weekday",
    ),
    c(
        "rent a storage unit of about 100 sq ft, heated, from the 1st",
        MAY,
        s(
            "rent_storage_unit",
            size_m2=round(100 * 0.09290304, 3),
            start_date=day_ahead(MAY, 1),
            climate_controlled=True,
        ),
        "unit",
        "date_dom",
        "enum_meaning",
    ),
    c(
        "We're moving abroad and need somewhere to keep the furniture from Saturday, "
        "something like 15 m²",
        JUL,
        s("rent_storage_unit", size_m2=15, start_date=coming(JUL, SAT)),
        "context_first",
        "indirect",
    ),
    c(
        "I need to get into U-2041 on Sunday at 7pm",
        JAN,
        s("request_storage_access", unit_id="U-2041", date=coming(JAN, SUN), time="19:00"),
        "statement",
        "time",
    ),
    c(
        "acess to unit u-3318 tomorrow at 6:30am",
        SEP,
        s("request_storage_access", unit_id="U-3318", date=plus(SEP, 1), time="06:30"),
        "typo",
        "lowercase_id",
        "time",
    ),
    c(
        "can I come to my lock-up U-1187 tonight around 9?",
        MAY,
        s("request_storage_access", unit_id="U-1187", date=iso(MAY), time="21:00"),
        "question",
        "time",
    ),
    c(
        "give notice on U-4410, I'll be out by the end of the month",
        MAR,
        s("end_storage_rental", unit_id="U-4410", move_out_date=month_end(MAR)),
        "vocabulary",
    ),
    c(
        "close my storage rental U-2219 on the 15th",
        DEC,
        s("end_storage_rental", unit_id="U-2219", move_out_date=day_ahead(DEC, 15)),
        "year_boundary",
        "date_dom",
    ),
]

# --- multi-step requests whose later step reads an earlier step's output ---------------------

WIRED = [
    c(
        "Find me a stylist for a colour on Friday and book them at 11am",
        MAR,
        [
            s("find_stylist", date=coming(MAR, FRI), service="colour"),
            s(
                "book_salon_appointment",
                {"stylist_id": w(0, "stylist_id")},
                date=coming(MAR, FRI),
                time="11:00",
                service="colour",
            ),
        ],
        "wired",
        "and",
        "date_weekday",
    ),
    c(
        "who can do a beard trim tomorrow? then book me in with them at 5:30pm",
        JUL,
        [
            s("find_stylist", date=plus(JUL, 1), service="beard_trim"),
            s(
                "book_salon_appointment",
                {"stylist_id": w(0, "stylist_id")},
                date=plus(JUL, 1),
                time="17:30",
                service="beard_trim",
            ),
        ],
        "wired",
        "then",
        "question",
        "time",
    ),
    c(
        "Look for rides from York to Leeds on Sunday and then grab me a seat",
        JAN,
        [
            s("search_rides", from_city="York", to_city="Leeds", date=coming(JAN, SUN)),
            s("join_ride", {"ride_id": w(0, "ride_id")}),
        ],
        "wired",
        "and then",
        "vocabulary",
    ),
    c(
        "search lifts Cardiff to Bath tomorrow for 2 people, then join the first one for both "
        "of us",
        DEC,
        [
            s("search_rides", from_city="Cardiff", to_city="Bath", date=plus(DEC, 1), seats=2),
            s("join_ride", {"ride_id": w(0, "ride_id")}, seats=2),
        ],
        "wired",
        "then",
        "reference",
        "terse",
    ),
    c(
        "Find a ladder for Saturday and reserve it from Saturday to Monday",
        SEP,
        [
            s("find_tool", tool="ladder", date=coming(SEP, SAT)),
            s(
                "reserve_tool",
                {"tool_id": w(0, "tool_id")},
                start_date=coming(SEP, SAT),
                end_date=plus(dt.date.fromisoformat(coming(SEP, SAT)), 2),
            ),
        ],
        "wired",
        "and",
        "range",
    ),
    c(
        "check for a carpet cleaner tomorrow, then hold it for tomorrow and the day after",
        MAY,
        [
            s("find_tool", tool="carpet_cleaner", date=plus(MAY, 1)),
            s(
                "reserve_tool",
                {"tool_id": w(0, "tool_id")},
                start_date=plus(MAY, 1),
                end_date=plus(MAY, 2),
            ),
        ],
        "wired",
        "then",
        "range",
    ),
    c(
        "Search for the series Andor and add it to my watchlist",
        JUL,
        [
            s("find_title", title="Andor", kind="series"),
            s("add_to_watchlist", {"title_id": w(0, "title_id")}, title="Andor"),
        ],
        "wired",
        "and",
        "reference",
    ),
    c(
        "look up the film Aftersun, then put it on my watch list",
        MAR,
        [
            s("find_title", title="Aftersun", kind="film"),
            s("add_to_watchlist", {"title_id": w(0, "title_id")}, title="Aftersun"),
        ],
        "wired",
        "then",
        "reference",
    ),
    c(
        "Rent me a 4 m² unit from Monday and then book access for Monday at 6pm",
        JUL,
        [
            s("rent_storage_unit", size_m2=4, start_date=coming(JUL, MON)),
            s(
                "request_storage_access",
                {"unit_id": w(0, "unit_id")},
                date=coming(JUL, MON),
                time="18:00",
            ),
        ],
        "wired",
        "and then",
        "time",
    ),
    c(
        "I need a heated lock-up of 8 square metres from the 1st; once that's done, let me in "
        "on the 1st at 10am",
        SEP,
        [
            s(
                "rent_storage_unit",
                size_m2=8,
                start_date=day_ahead(SEP, 1),
                climate_controlled=True,
            ),
            s(
                "request_storage_access",
                {"unit_id": w(0, "unit_id")},
                date=day_ahead(SEP, 1),
                time="10:00",
            ),
        ],
        "wired",
        "once that's done",
        "date_dom",
    ),
    c(
        "Book a boat dive at Richelieu Rock on Saturday for two and then rent a wetsuit in L "
        "for that day",
        MAR,
        [
            s("book_dive_trip", site="Richelieu Rock", date=coming(MAR, SAT), divers=2),
            s(
                "rent_dive_gear",
                {"trip_id": w(0, "trip_id")},
                item="wetsuit",
                size="l",
                start_date=coming(MAR, SAT),
                end_date=coming(MAR, SAT),
            ),
        ],
        "wired",
        "and then",
        "reference",
        "number_words",
    ),
    c(
        "Get me on the dive trip to Elphinstone tomorrow, I'm open water, followed by a full "
        "set of rental gear for it",
        MAY,
        [
            s(
                "book_dive_trip",
                site="Elphinstone",
                date=plus(MAY, 1),
                certification="open_water",
            ),
            s(
                "rent_dive_gear",
                {"trip_id": w(0, "trip_id")},
                item="full_set",
                start_date=plus(MAY, 1),
                end_date=plus(MAY, 1),
            ),
        ],
        "wired",
        "followed by",
        "reference",
    ),
    c(
        "Book a courier pickup from LS6 2AB on Friday, 3 kg, then track it",
        JAN,
        [
            s("book_parcel_collection", postcode="LS6 2AB", date=coming(JAN, FRI), weight_kg=3),
            s("track_parcel", {"tracking_number": w(0, "tracking_number")}),
        ],
        "wired",
        "then",
        "date_weekday",
    ),
    c(
        "collect a 7kg parcel from g12 8qq tomorrow and after that give me its tracking status",
        DEC,
        [
            s("book_parcel_collection", postcode="G12 8QQ", date=plus(DEC, 1), weight_kg=7),
            s("track_parcel", {"tracking_number": w(0, "tracking_number")}),
        ],
        "wired",
        "after that",
        "lowercase_id",
    ),
    c(
        "File an expense of €18 for meals today, then check its status",
        SEP,
        [
            s("submit_expense", amount=18, currency="EUR", category="meals", spent_on=iso(SEP)),
            s("get_expense_status", {"claim_id": w(0, "claim_id")}),
        ],
        "wired",
        "then",
        "money",
    ),
    c(
        "Find the series Severance, add it to my watchlist and then put the living room on "
        "movie mode",
        JAN,
        [
            s("find_title", title="Severance", kind="series"),
            s("add_to_watchlist", {"title_id": w(0, "title_id")}, title="Severance"),
            s("set_light_scene", room="living_room", scene="movie"),
        ],
        "wired",
        "and then",
        "three_steps",
        "reference",
    ),
    c(
        "Book me in for highlights at 2pm on Saturday with whoever is free, but first find "
        "a stylist for highlights that day",
        MAY,
        [
            s("find_stylist", date=coming(MAY, SAT), service="highlights"),
            s(
                "book_salon_appointment",
                {"stylist_id": w(0, "stylist_id")},
                date=coming(MAY, SAT),
                time="14:00",
                service="highlights",
            ),
        ],
        "wired",
        "but first",
        "reversed",
        "reference",
    ),
    c(
        "Reserve a hedge trimer from Friday to Sunday; before that, check one is in stock for "
        "Friday",
        SEP,
        [
            s("find_tool", tool="hedge_trimmer", date=coming(SEP, FRI)),
            s(
                "reserve_tool",
                {"tool_id": w(0, "tool_id")},
                start_date=coming(SEP, FRI),
                end_date=coming(SEP, SUN),
            ),
        ],
        "wired",
        "before that",
        "reversed",
        "typo",
        "range",
    ),
]

# --- other multi-step requests ---------------------------------------------------------------

MULTI = [
    c(
        "Lights off in the kitchen and start the robot in there",
        MAR,
        [s("turn_off_lights", room="kitchen"), s("start_vacuum", area="kitchen")],
        "and",
        "reference",
    ),
    c(
        "Add Hannah Cole and Omar Said to the guest list",
        JUL,
        [s("add_guest", full_name="Hannah Cole"), s("add_guest", full_name="Omar Said")],
        "two_objects",
    ),
    c(
        "Remove Pete Lang from the guest list and add his brother Ian Lang instead",
        SEP,
        [s("remove_guest", full_name="Pete Lang"), s("add_guest", full_name="Ian Lang")],
        "and",
        "vocabulary",
    ),
    c(
        "Jo Park is coming and wants the vegetarian meal; also take Kim Wu off the list",
        DEC,
        [
            s("record_rsvp", full_name="Jo Park", attending=True, meal="vegetarian"),
            s("remove_guest", full_name="Kim Wu"),
        ],
        "; also",
        "statement",
    ),
    c(
        'approve EX-20411 and reject EX-20412 with the reason "duplicate of EX-20411"',
        JAN,
        [
            s("approve_expense", claim_id="EX-20411"),
            s("reject_expense", claim_id="EX-20412", reason="duplicate of EX-20411"),
        ],
        "and",
        "quoted",
    ),
    c(
        "Add oat milk and 2 lemons to the list, then read me the whole list",
        MAY,
        [
            s("add_to_shopping_list", item="oat milk"),
            s("add_to_shopping_list", item="lemons", quantity=2),
            s("get_shopping_list"),
        ],
        "then",
        "two_objects",
        "three_steps",
    ),
    c(
        "cross off bread and add butter",
        MAR,
        [s("remove_from_shopping_list", item="bread"), s("add_to_shopping_list", item="butter")],
        "and",
        "terse",
    ),
    c(
        "Unfolow @old.account and follow @new.account",
        JUL,
        [
            s("unfollow_photographer", username="old.account"),
            s("follow_photographer", username="new.account"),
        ],
        "and",
        "terse",
        "typo",
    ),
    c(
        "Stop the robot vacuum, then trun on the hallway light",
        JAN,
        [s("stop_vacuum"), s("turn_on_lights", room="hallway")],
        "then",
        "typo",
    ),
    c(
        "follow @maya.frames then like her photo 6620418",
        SEP,
        [
            s("follow_photographer", username="maya.frames"),
            s("like_photo", photo_id="6620418"),
        ],
        "then",
    ),
    c(
        "Skip the cleaning on the 5th and book an extra one on the 7th at 2pm instead",
        DEC,
        [
            s("skip_cleaning_visit", visit_date=day_ahead(DEC, 5)),
            s("book_cleaning", date=day_ahead(DEC, 7), start_time="14:00"),
        ],
        "and",
        "year_boundary",
        "date_dom",
    ),
    c(
        "Give CL-40112 five stars, then book another clean for Monday at 9am, weekly",
        MAR,
        [
            s("rate_cleaner", booking_id="CL-40112", stars=5),
            s("book_cleaning", date=coming(MAR, MON), start_time="09:00", recurring="weekly"),
        ],
        "then",
        "number_words",
    ),
    c(
        "Late checkout at 1pm for room 804 and fresh towels before then",
        MAY,
        [
            s("request_late_checkout", room_number="804", checkout_time="13:00"),
            s("request_housekeeping", room_number="804", service="fresh_towels"),
        ],
        "and",
        "reference",
        "time",
    ),
    c(
        "Room 330: a pot of tea at 7am followed by a full clean at 10",
        JUL,
        [
            s("order_room_service", room_number="330", dish="pot of tea", deliver_at="07:00"),
            s("request_housekeeping", room_number="330", service="full_clean", at="10:00"),
        ],
        "followed by",
        "context_first",
        "time",
    ),
    c(
        "where's FL-202020? also order a small bouquet for Ana Ruiz at 3 Oak Road, Leeds for "
        "tomorrow",
        MAY,
        [
            s("track_flower_delivery", order_number="FL-202020"),
            s(
                "order_bouquet",
                recipient_name="Ana Ruiz",
                address="3 Oak Road, Leeds",
                delivery_date=plus(MAY, 1),
                size="small",
            ),
        ],
        "also",
        "question",
    ),
    c(
        "Cancel SA-30001 and book a cut for Thursday at 3pm instead",
        JAN,
        [
            s("cancel_salon_appointment", appointment_id="SA-30001"),
            s("book_salon_appointment", date=coming(JAN, THU), time="15:00", service="cut"),
        ],
        "and",
        "date_weekday",
    ),
    c(
        "Log yesterday's dive at Turtle Bay, 15 m for 55 minutes, then book the boat to Turtle "
        "Bay again for Saturday",
        MAR,
        [
            s(
                "log_dive",
                site="Turtle Bay",
                dived_on=plus(MAR, -1),
                max_depth_m=15,
                duration_minutes=55,
            ),
            s("book_dive_trip", site="Turtle Bay", date=coming(MAR, SAT)),
        ],
        "then",
        "date_weekday",
    ),
    c(
        "Leave ride R-550001 and find me another one from Leeds to York on the same day, Friday",
        MAY,
        [
            s("leave_ride", ride_id="R-550001"),
            s("search_rides", from_city="Leeds", to_city="York", date=coming(MAY, FRI)),
        ],
        "and",
        "reference",
    ),
    c(
        "leave R-700123 then join R-700456",
        SEP,
        [s("leave_ride", ride_id="R-700123"), s("join_ride", ride_id="R-700456")],
        "then",
        "terse",
    ),
    c(
        "Submit a £120 accommodation expense for last night, then a £35 travel one for today",
        JUL,
        [
            s(
                "submit_expense",
                amount=120,
                currency="GBP",
                category="accommodation",
                spent_on=plus(JUL, -1),
            ),
            s("submit_expense", amount=35, currency="GBP", category="travel", spent_on=iso(JUL)),
        ],
        "then",
        "money",
        "reference",
    ),
    c(
        "Redirect RX552001199GB to a locker and track CP100200399GB",
        DEC,
        [
            s("redirect_parcel", tracking_number="RX552001199GB", option="locker"),
            s("track_parcel", tracking_number="CP100200399GB"),
        ],
        "and",
    ),
    c(
        "Remove Tenet from my watchlist and add Inception",
        JAN,
        [s("remove_from_watchlist", title="Tenet"), s("add_to_watchlist", title="Inception")],
        "and",
    ),
    c(
        "Switch off the lights everywhere, start the vacuum on max and then turn on the garden "
        "lights",
        MAR,
        [
            s("turn_off_lights", room="everywhere"),
            s("start_vacuum", mode="max"),
            s("turn_on_lights", room="garden"),
        ],
        "and then",
        "three_steps",
    ),
    c(
        "End my rental on U-1200 on the 10th, but first let me in there on Saturday at noon to "
        "clear it out",
        DEC,
        [
            s("request_storage_access", unit_id="U-1200", date=coming(DEC, SAT), time="12:00"),
            s("end_storage_rental", unit_id="U-1200", move_out_date=day_ahead(DEC, 10)),
        ],
        "but first",
        "reversed",
        "reference",
        "year_boundary",
    ),
    c(
        "Add toilet roll to the list - before that, take kitchen roll off it",
        JUL,
        [
            s("remove_from_shopping_list", item="kitchen roll"),
            s("add_to_shopping_list", item="toilet roll"),
        ],
        "before that",
        "reversed",
    ),
    c(
        "Turn the bedroom lights off, but before that set the living room to relax",
        SEP,
        [
            s("set_light_scene", room="living_room", scene="relax"),
            s("turn_off_lights", room="bedroom"),
        ],
        "before that",
        "reversed",
    ),
    c(
        "Order a large bouquet for Grace Lin at 8 High Street, Oxford for Saturday and set up "
        "fortnightly flowers for me from Monday",
        JUL,
        [
            s(
                "order_bouquet",
                recipient_name="Grace Lin",
                address="8 High Street, Oxford",
                delivery_date=coming(JUL, SAT),
                size="large",
            ),
            s("set_flower_subscription", frequency="fortnightly", start_date=coming(JUL, MON)),
        ],
        "and",
        "date_weekday",
    ),
    c(
        "extend H-204118 by 2 days and reserve TL-5510 for Saturday",
        JAN,
        [
            s("extend_tool_hire", hire_id="H-204118", extra_days=2),
            s(
                "reserve_tool",
                tool_id="TL-5510",
                start_date=coming(JAN, SAT),
                end_date=coming(JAN, SAT),
            ),
        ],
        "and",
    ),
    c(
        "Log the dive at Blue Hole this morning, 30 m and 38 minutes, and rent a torch for "
        "tomorrow's night dive",
        SEP,
        [
            s(
                "log_dive",
                site="Blue Hole",
                dived_on=iso(SEP),
                max_depth_m=30,
                duration_minutes=38,
            ),
            s("rent_dive_gear", item="torch", start_date=plus(SEP, 1), end_date=plus(SEP, 1)),
        ],
        "and",
        "date_relative",
    ),
    c(
        "Approve EX-11111, EX-11112 and EX-11113",
        MAY,
        [
            s("approve_expense", claim_id="EX-11111"),
            s("approve_expense", claim_id="EX-11112"),
            s("approve_expense", claim_id="EX-11113"),
        ],
        "comma_list",
        "three_steps",
        "two_objects",
    ),
]

# --- refusals: the right objects but an action none performs ---------------------------------

NEAR = [
    c("unlike photo 5520193", MAR, "refuse", "near_miss", "opposite", "terse"),
    c("cancel my flower order FL-204118", JUL, "refuse", "near_miss", "opposite"),
    c(
        "I can't go on the Manta Point dive tomorow, cancel it",
        MAY,
        "refuse",
        "near_miss",
        "opposite",
        "typo",
    ),
    c(
        "I don't need the drill any more, cancel my reservation for TL-2041",
        SEP,
        "refuse",
        "near_miss",
        "opposite",
        "statement",
    ),
    c("withdraw my expense claim EX-20417", JAN, "refuse", "near_miss", "opposite"),
    c(
        "cancel the room service for room 512, we ate out",
        DEC,
        "refuse",
        "near_miss",
        "opposite",
    ),
    c(
        "Call off the courier collection from BS8 1TH tomorrow",
        MAR,
        "refuse",
        "near_miss",
        "opposite",
    ),
    c("rate my stylist ST-0042 five stars", JUL, "refuse", "near_miss"),
    c("Seat Aunt Mary Fenton at table 4 at the wedding", SEP, "refuse", "near_miss"),
    c("how much battery has the robot vacuum got left?", MAY, "refuse", "near_miss", "question"),
    c("upgrade room 418 to a suite please", JAN, "refuse", "near_miss", "polite"),
    c("share my watchlist with my sister", DEC, "refuse", "near_miss"),
    c("refund the deposit on hire H-204118", MAR, "refuse", "near_miss", "money"),
    c("change the gate code for storage unit U-1042", JUL, "refuse", "near_miss"),
]

# --- refusals: nothing in the registry comes close -------------------------------------------

OFF = [
    c("what's the weather in Lisbon tomorrow?", SEP, "refuse", "off_domain", "question"),
    c("translate 'good morning' into Japanese", MAY, "refuse", "off_domain", "quoted"),
    c("what's the share price of Tesla", JAN, "refuse", "off_domain", "question"),
    c("set a timer for 10 minutes", DEC, "refuse", "off_domain", "terse"),
    c("play some jazz in the kitchen", MAR, "refuse", "off_domain"),
    c("book me a flight to Rome on Friday", JUL, "refuse", "off_domain"),
    c(
        "who won the Champions League last year",
        SEP,
        "refuse",
        "off_domain",
        "question",
    ),
    c("tell me a joke about cats", MAY, "refuse", "off_domain"),
    c("How many calories are in a banana?", JAN, "refuse", "off_domain", "question"),
    c("swich the TV on to BBC One", DEC, "refuse", "off_domain", "typo"),
    c("remind me to call my mum at 6pm", MAR, "refuse", "off_domain", "time"),
    c("what's 15% of 240?", JUL, "refuse", "off_domain", "question"),
]


def lay_out() -> list[dict[str, Any]]:
    """The cases in pairs of one kind, the kinds spread evenly through the file; ids n001..."""
    groups = [SINGLE, WIRED, MULTI, NEAR, OFF]
    pairs: list[tuple[float, int, list[dict[str, Any]]]] = []
    for g, group in enumerate(groups):
        assert len(group) % 2 == 0, g
        n = len(group) // 2
        for i in range(n):
            pairs.append(((i + 0.5) / n, g, group[2 * i : 2 * i + 2]))
    pairs.sort(key=lambda p: (p[0], p[1]))
    cases = [case for _, _, pair in pairs for case in pair]
    return [{"id": f"n{n:03d}", **case} for n, case in enumerate(cases, start=1)]


CASES = lay_out()

if __name__ == "__main__":
    (HERE / "cases.json").write_text(
        json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(CASES)} cases to {HERE / 'cases.json'}")
