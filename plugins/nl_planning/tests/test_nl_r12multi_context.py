"""Compound and context-dependent requests, on a registry of these tests' own (a five-a-side
team, a grocery order, podcasts, parking, parcels, a smart home, a barber's): how a request
splits into clauses, and how a clause that is no request of its own - a reason, a shortage, a
sentence of values - lends its values to the one that is."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import calls, is_refused, plan_reads, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class PlayerIn(BaseModel):
    full_name: str = Field(description="the player's full name")


@pf.capability(intent="Put someone on the team sheet", tags=["football", "team"])
async def add_player(inp: PlayerIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Take someone off the team sheet", tags=["football", "team"])
async def drop_player(inp: PlayerIn) -> Done:
    return Done(ok=True)


class MatchIn(BaseModel):
    match_id: str = Field(pattern=r"^M-[0-9]{4}$", description="match code")
    note: str | None = Field(default=None, description="message to the captain")


@pf.capability(intent="Give up a place already taken in a game", tags=["football", "matches"])
async def withdraw_from_match(inp: MatchIn) -> Done:
    return Done(ok=True)


class BasketIn(BaseModel):
    item: str = Field(description="what to buy")
    quantity: int = Field(default=1, ge=1, le=99, description="how many")


@pf.capability(intent="Something more for the grocery order", tags=["groceries", "order"])
async def add_to_basket(inp: BasketIn) -> Done:
    return Done(ok=True)


class UnbasketIn(BaseModel):
    item: str = Field(description="what not to buy after all")


@pf.capability(intent="Cross a thing off the grocery order", tags=["groceries", "order"])
async def remove_from_basket(inp: UnbasketIn) -> Done:
    return Done(ok=True)


class EpisodeIn(BaseModel):
    title: str = Field(description="name of the show")


@pf.capability(intent="Keep a podcast for later", tags=["podcasts"])
async def add_to_queue(inp: EpisodeIn) -> Done:
    return Done(ok=True)


class ParkingIn(BaseModel):
    bay_number: str = Field(pattern=r"^[0-9]{3}$", description="bay number")
    leave_time: str = Field(pattern=_HHMM, description="new time to leave the bay by, HH:MM")


@pf.capability(intent="Stay in a parking bay past the paid time", tags=["parking"])
async def extend_parking(inp: ParkingIn) -> Done:
    return Done(ok=True)


class CabinIn(BaseModel):
    cabin_number: str = Field(pattern=r"^[0-9]{1,3}$", description="cabin number")
    checkout_time: str = Field(pattern=_HHMM, description="new checkout time, HH:MM")


@pf.capability(intent="Keep a holiday cabin past the usual checkout time", tags=["cabins"])
async def late_cabin_checkout(inp: CabinIn) -> Done:
    return Done(ok=True)


class LessonIn(BaseModel):
    pupil_name: str = Field(description="the pupil's full name")
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    email: str | None = Field(default=None, description="email for the pupil's reminders")


@pf.capability(intent="A swimming lesson for a pupil", tags=["swimming"])
async def book_swimming_lesson(inp: LessonIn) -> Done:
    return Done(ok=True)


class ParcelIn(BaseModel):
    tracking_number: str = Field(pattern=r"^TR[0-9]{8}$", description="tracking number")
    option: Literal["neighbour", "safe_place", "depot"] = Field(description="where it goes")


@pf.capability(intent="Send an incoming parcel somewhere else", tags=["parcels"])
async def redirect_parcel(inp: ParcelIn) -> Done:
    return Done(ok=True)


Room = Literal["kitchen", "lounge", "bedroom", "hall", "porch", "garden"]


class LampsOffIn(BaseModel):
    room: Room | Literal["everywhere"] = Field(description="where, or everywhere")


@pf.capability(intent="Darken a room", tags=["lighting", "home"])
async def turn_off_lamps(inp: LampsOffIn) -> Done:
    return Done(ok=True)


class LampsOnIn(BaseModel):
    room: Room = Field(description="where")


@pf.capability(intent="Light up a room", tags=["lighting", "home"])
async def turn_on_lamps(inp: LampsOnIn) -> Done:
    return Done(ok=True)


class FanIn(BaseModel):
    speed: Literal["low", "medium", "high"] = Field(default="medium", description="fan speed")
    area: Room | None = Field(default=None, description="which room's fan")


@pf.capability(intent="Get the ceiling fan turning", tags=["fan", "home"])
async def start_fan(inp: FanIn) -> Done:
    return Done(ok=True)


class BarberSearchIn(BaseModel):
    date: dt.date = Field(description="day wanted")
    service: Literal["skin_fade", "beard_trim", "hot_shave"] = Field(description="what is wanted")


class BarberOut(BaseModel):
    barber_id: str = Field(description="the barber with a free chair")


@pf.capability(intent="Barbers with a free chair on a given day", tags=["barber"])
async def find_barber(inp: BarberSearchIn) -> BarberOut:
    return BarberOut(barber_id="B-1")


class ChairIn(BaseModel):
    barber_id: str = Field(description="which barber")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    service: Literal["skin_fade", "beard_trim", "hot_shave"] = Field(description="what is wanted")


@pf.capability(intent="A cut or a shave at the barber's", tags=["barber"])
async def book_barber(inp: ChairIn) -> Done:
    return Done(ok=True)


class WindowsIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    start_time: str = Field(pattern=_HHMM, description="arrival time, HH:MM")


@pf.capability(intent="A window cleaner sent round", tags=["cleaning"])
async def book_window_cleaner(inp: WindowsIn) -> Done:
    return Done(ok=True)


class CoachSearchIn(BaseModel):
    from_town: str = Field(description="town to leave from")
    to_town: str = Field(description="town to go to")
    date: dt.date = Field(description="day of travel")


class CoachOut(BaseModel):
    trip_id: str = Field(pattern=r"^T-[0-9]{4}$", description="a trip with seats left")


@pf.capability(intent="Coach trips with seats left", tags=["coach", "travel"])
async def search_coach_trips(inp: CoachSearchIn) -> CoachOut:
    return CoachOut(trip_id="T-0001")


class SeatIn(BaseModel):
    trip_id: str = Field(pattern=r"^T-[0-9]{4}$", description="which trip")


@pf.capability(intent="A seat on a coach trip", tags=["coach", "travel"])
async def join_coach_trip(inp: SeatIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [
        add_player,
        drop_player,
        withdraw_from_match,
        add_to_basket,
        remove_from_basket,
        add_to_queue,
        extend_parking,
        late_cabin_checkout,
        book_swimming_lesson,
        redirect_parcel,
        turn_off_lamps,
        turn_on_lamps,
        start_fan,
        find_barber,
        book_barber,
        book_window_cleaner,
        search_coach_trips,
        join_coach_trip,
    ]
    return await planner_on(module_node, register_module, caps)


async def test_a_generic_verb_goes_on_in_the_domain_of_the_step_before(node: pf.Node) -> None:
    # "add" alone fits the grocery order and the podcasts as well; after taking a player off
    # the team sheet, "add his cousin ... instead" adds a player
    text = "Remove Ben Ross from the team sheet and add his cousin Joe Ross instead"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("drop_player", {"full_name": "Ben Ross"}),
        ("add_player", {"full_name": "Joe Ross"}),
    ]


async def test_a_sentence_of_values_fills_the_request_before_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "Can I stay on till 6pm instead? Bay 214.", TODAY)
    assert calls(steps) == [("extend_parking", {"bay_number": "214", "leave_time": "18:00"})]
    # alone, the question names the checkout but not the cabin, so the planner asks for it
    # (E422); the cabin told in the next sentence makes it complete
    with pytest.raises(pf.errors.ContractViolationError, match="cabin_number"):
        await plan_steps(node, "Could we check out at 1pm instead?", TODAY)
    steps = await plan_steps(node, "Could we check out at 1pm instead? Cabin 12.", TODAY)
    assert calls(steps) == [
        ("late_cabin_checkout", {"cabin_number": "12", "checkout_time": "13:00"})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I've hurt my knee, withdraw me from match M-4410",
            ("withdraw_from_match", {"match_id": "M-4410"}),
        ),
        # taking oneself off something is leaving it
        (
            "I've hurt my knee, drop me from match M-4410",
            ("withdraw_from_match", {"match_id": "M-4410"}),
        ),
        (
            "I've hurt my knee, take me off match M-4410",
            ("withdraw_from_match", {"match_id": "M-4410"}),
        ),
        (
            "I'm at work all day, send TR12345678 to a neighbour",
            ("redirect_parcel", {"tracking_number": "TR12345678", "option": "neighbour"}),
        ),
    ],
)
async def test_a_reason_told_first_is_context_not_a_request(
    node: pf.Node, text: str, expected: tuple[str, dict[str, Any]]
) -> None:
    assert calls(await plan_steps(node, text, TODAY)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we've run out of lemons, put half a dozen on the order",
            {"item": "lemons", "quantity": 6},
        ),
        ("we're out of teabags, add three", {"item": "teabags", "quantity": 3}),
    ],
)
async def test_the_thing_a_shortage_names_is_the_item_of_the_request_after_it(
    node: pf.Node, text: str, expected: dict[str, Any]
) -> None:
    assert calls(await plan_steps(node, text, TODAY)) == [("add_to_basket", expected)]


async def test_before_that_puts_the_second_request_first_and_it_is_the_order(
    node: pf.Node,
) -> None:
    text = "Add oat milk to the order - before that, take cow's milk off it"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("remove_from_basket", {"item": "cow's milk"}),
        ("add_to_basket", {"item": "oat milk"}),
    ]


async def test_three_requests_and_everywhere_as_a_room(node: pf.Node) -> None:
    text = "Switch off the lamps everywhere, start the fan on high and then turn on the porch light"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("turn_off_lamps", {"room": "everywhere"}),
        ("start_fan", {"speed": "high"}),
        ("turn_on_lamps", {"room": "porch"}),
    ]


async def test_there_is_the_room_the_step_before_was_given(node: pf.Node) -> None:
    steps = await plan_steps(node, "Lamps off in the bedroom and start the fan in there", TODAY)
    assert calls(steps) == [
        ("turn_off_lamps", {"room": "bedroom"}),
        ("start_fan", {"area": "bedroom"}),
    ]


async def test_but_first_wires_the_search_into_the_booking_told_before_it(node: pf.Node) -> None:
    text = (
        "Book me in for a skin fade at 10am on Friday with anyone who's free, but first find "
        "a barber for a skin fade that day"
    )
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    steps = out["steps"]
    assert calls(steps) == [
        ("find_barber", {"date": "2026-06-12", "service": "skin_fade"}),
        ("book_barber", {"date": "2026-06-12", "time": "10:00", "service": "skin_fade"}),
    ]
    reads = plan_reads(out["plan"])
    assert any(m.startswith("s1.barber_id") for m in reads[1])  # the barber found first


async def test_a_second_name_for_the_same_time_is_the_request_again(node: pf.Node) -> None:
    text = "book a swimming lesson for Amy Hart on Friday at 4pm and Leo Hart for the same time"
    steps = await plan_steps(node, text, TODAY)
    lesson = {"date": "2026-06-12", "time": "16:00"}
    assert calls(steps) == [
        ("book_swimming_lesson", {"pupil_name": "Amy Hart", **lesson}),
        ("book_swimming_lesson", {"pupil_name": "Leo Hart", **lesson}),
    ]
    # the first pupil's email is no way to reach the second
    text = (
        "book a swimming lesson for Amy Hart, amy@hart.example, on Friday at 4pm and Leo Hart "
        "for the same time"
    )
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("book_swimming_lesson", {"pupil_name": "Amy Hart", "email": "amy@hart.example", **lesson}),
        ("book_swimming_lesson", {"pupil_name": "Leo Hart", **lesson}),
    ]


async def test_words_told_to_the_one_a_field_names_are_its_message(node: pf.Node) -> None:
    text = 'Take me off match M-4410, tell the captain "sorry, knee trouble"'
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("withdraw_from_match", {"match_id": "M-4410", "note": "sorry, knee trouble"})
    ]


async def test_them_after_a_search_is_what_it_found(node: pf.Node) -> None:
    # "book them at 9am" alone fits the window cleaner as well; "them" is the barber found
    text = "Find a barber for a hot shave on Monday and book them at 9am"
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    assert calls(out["steps"]) == [
        ("find_barber", {"date": "2026-06-15", "service": "hot_shave"}),
        ("book_barber", {"date": "2026-06-15", "time": "09:00", "service": "hot_shave"}),
    ]
    assert any(m.startswith("s1.barber_id") for m in plan_reads(out["plan"])[1])


async def test_a_generic_verb_takes_what_the_step_before_found(node: pf.Node) -> None:
    # "grab me a seat" gives no value of its own: the trip is the one found
    text = "Look for coach trips from Bath to Exeter on Saturday and then grab me a seat"
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    assert [s["capability"] for s in out["steps"]] == ["search_coach_trips", "join_coach_trip"]
    assert any(m.startswith("s1.trip_id") for m in plan_reads(out["plan"])[1])


@pytest.mark.parametrize(
    "text",
    [
        # a verb the lexicon does not know is no action of the domain before
        "Remove Ben Ross from the team sheet and paint his cousin Joe Ross instead",
        # a sentence of values fills no request nothing fits
        "Can I paint the bay till 6pm? Bay 214.",
        # a shortage does not make an unrelated request fit
        "we're out of teabags, repaint the hall",
    ],
)
async def test_context_does_not_make_a_request_nothing_fits_fit(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)
