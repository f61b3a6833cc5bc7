"""How people ask for an action without its verb, on a registry of this test's own (a climbing
gym, its lab and its shop): letting someone do a thing, having a person look at it, moving a
thing to a new time, wishing a thing one has were otherwise, checking what a test measures,
keeping a thing longer, running low on a thing, passing a message on - and the near misses
each of them must still refuse."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-12"  # a Tuesday

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Done(BaseModel):
    ref: str


class EnrolIn(BaseModel):
    member: str = Field(pattern=r"^CL-[0-9]{4}$", description="climber's membership number")
    course: Literal["lead", "bouldering", "rescue"] = Field(description="course to take")


@pf.capability(intent="Enrol a climber on a course", tags=["gym", "courses"])
async def enrol_climber(inp: EnrolIn) -> Done:
    return Done(ref="e")


class TicketIn(BaseModel):
    ticket: str = Field(pattern=r"^TK-[0-9]{5}$", description="support ticket number")


@pf.capability(intent="Escalate a support ticket to the duty manager", tags=["support"])
async def escalate_ticket(inp: TicketIn) -> Done:
    return Done(ref="x")


@pf.capability(intent="Get the status of a support ticket", tags=["support"])
async def get_ticket_status(inp: TicketIn) -> Done:
    return Done(ref="s")


class ClassTimeIn(BaseModel):
    booking: str = Field(pattern=r"^BK-[0-9]{5}$", description="class booking reference")
    new_date: str = Field(description="new day of the class", json_schema_extra={"format": "date"})
    new_time: str | None = Field(
        default=None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="new start time"
    )


@pf.capability(intent="Change the time of a class booking", tags=["gym", "classes"])
async def change_class_time(inp: ClassTimeIn) -> Done:
    return Done(ref="c")


class MagazineIn(BaseModel):
    title: str = Field(description="magazine title")
    days: list[Weekday] = Field(description="days it is delivered")


@pf.capability(intent="Change which days a magazine is delivered", tags=["shop"])
async def change_magazine_days(inp: MagazineIn) -> Done:
    return Done(ref="m")


class SampleTestIn(BaseModel):
    sample: str = Field(pattern=r"^SM[0-9]{6}$", description="blood sample barcode")
    test: Literal["lactate", "ph", "ketones", "iron"] = Field(description="test to run")


@pf.capability(intent="Queue a test on a blood sample", tags=["lab"])
async def request_bloodwork(inp: SampleTestIn) -> Done:
    return Done(ref="t")


class LockerIn(BaseModel):
    locker: str = Field(pattern=r"^LK-[0-9]{3}$", description="locker number")
    days: int = Field(ge=1, le=30, description="extra days")


@pf.capability(intent="Extend a locker hire", tags=["gym", "lockers"])
async def extend_locker_hire(inp: LockerIn) -> Done:
    return Done(ref="l")


class LockerRef(BaseModel):
    locker: str = Field(pattern=r"^LK-[0-9]{3}$", description="locker number")


@pf.capability(intent="Get the status and end date of a locker hire", tags=["gym", "lockers"])
async def get_locker_status(inp: LockerRef) -> Done:
    return Done(ref="g")


class ChalkIn(BaseModel):
    bags: int = Field(ge=1, le=50, description="bags of chalk")


@pf.capability(intent="Order chalk for the gym shop", tags=["shop"])
async def order_chalk(inp: ChalkIn) -> Done:
    return Done(ref="o")


class CoachNoteIn(BaseModel):
    booking: str = Field(pattern=r"^BK-[0-9]{5}$", description="class booking reference")
    message: str = Field(description="note for the coach")


@pf.capability(intent="Send a note to the coach of a class booking", tags=["gym", "classes"])
async def send_coach_note(inp: CoachNoteIn) -> Done:
    return Done(ref="n")


class GymCardIn(BaseModel):
    card: str = Field(pattern=r"^GC-[0-9]{4}$", description="gym card number")
    amount: float = Field(gt=0, le=100, description="credit to add in pounds")


@pf.capability(intent="Add credit to a gym card", tags=["gym", "payments"])
async def top_up_gym_card(inp: GymCardIn) -> Done:
    return Done(ref="u")


class CoachingIn(BaseModel):
    session: str = Field(pattern=r"^CO-[0-9]{5}$", description="coaching session reference")
    date: str = Field(description="new day", json_schema_extra={"format": "date"})


@pf.capability(intent="Reschedule a coaching session", tags=["gym", "coaching"])
async def reschedule_coaching(inp: CoachingIn) -> Done:
    return Done(ref="r")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [enrol_climber, escalate_ticket, get_ticket_status, change_class_time,
            change_magazine_days, request_bloodwork, extend_locker_hire, get_locker_status,
            order_chalk, send_coach_note, top_up_gym_card, reschedule_coaching]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


async def names(node: pf.Node, text: str) -> list[str]:
    return [s["capability"] for s in await plan_steps(node, text, TODAY)]


async def test_letting_someone_do_a_thing_asks_for_that_thing(node: pf.Node) -> None:
    steps = await plan_steps(node, "let CL-2041 join the lead course", TODAY)
    assert steps == [
        {"capability": "enrol_climber", "params": {"member": "CL-2041", "course": "lead"}}
    ]
    # letting someone leave is the opposite of enrolling them
    assert await is_refused(node, "let CL-2041 leave the lead course", TODAY)


async def test_a_person_asked_to_look_at_a_thing_has_it_referred(node: pf.Node) -> None:
    # the user does not read the ticket: a manager is to look at it
    assert await names(node, "I'd like a manager to look at ticket TK-40210") == ["escalate_ticket"]
    assert await names(node, "get someone senior to deal with TK-40210") == ["escalate_ticket"]
    # asking oneself still reads; a person asked to do what nothing does is refused
    assert await names(node, "can you check ticket TK-40210?") == ["get_ticket_status"]
    assert await is_refused(node, "I'd like a manager to cancel ticket TK-40210", TODAY)


async def test_moving_a_thing_to_a_new_time_changes_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "move BK-10442 to Friday at 18:00", TODAY)
    assert steps == [
        {
            "capability": "change_class_time",
            "params": {"booking": "BK-10442", "new_date": "2026-05-15", "new_time": "18:00"},
        }
    ]


async def test_wishing_a_thing_one_has_were_otherwise_changes_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "I'd like Climbing Weekly on Fridays only", TODAY)
    assert steps == [
        {
            "capability": "change_magazine_days",
            "params": {"title": "Climbing Weekly", "days": ["fri"]},
        }
    ]
    assert await names(node, "I'd like BK-10442 on the 20th instead") == ["change_class_time"]


async def test_checking_what_a_queued_test_measures_asks_for_the_test(node: pf.Node) -> None:
    # (a reader of tickets checks too: "check" is not only reading here)
    steps = await plan_steps(node, "check the pH of SM771200", TODAY)
    assert steps == [
        {"capability": "request_bloodwork", "params": {"sample": "SM771200", "test": "ph"}}
    ]


async def test_keeping_a_thing_longer_extends_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "keep LK-204 for another 5 days", TODAY)
    assert steps == [
        {"capability": "extend_locker_hire", "params": {"locker": "LK-204", "days": 5}}
    ]
    # shortening is the opposite of extending, and no way of reading the hire
    assert await is_refused(node, "shorten locker LK-204 by 2 days", TODAY)


async def test_running_low_on_a_thing_asks_for_more(node: pf.Node) -> None:
    assert await names(node, "running low on chalk - 6 bags") == ["order_chalk"]


async def test_passing_a_message_on_sends_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "pass on to the coach of BK-10442: 'my knee is sore'", TODAY)
    assert steps == [
        {
            "capability": "send_coach_note",
            "params": {"booking": "BK-10442", "message": "my knee is sore"},
        }
    ]


async def test_charging_a_card_with_an_amount_tops_it_up(node: pf.Node) -> None:
    steps = await plan_steps(node, "charge GC-5120 with £20", TODAY)
    assert steps == [{"capability": "top_up_gym_card", "params": {"card": "GC-5120", "amount": 20}}]
    assert await is_refused(node, "refund the £20 on GC-5120", TODAY)


async def test_changing_when_a_thing_is_moves_it(node: pf.Node) -> None:
    # a capability that only reschedules is reached by "change" with a new time
    steps = await plan_steps(node, "change CO-10442 to Friday", TODAY)
    assert steps == [
        {
            "capability": "reschedule_coaching",
            "params": {"session": "CO-10442", "date": "2026-05-15"},
        }
    ]


async def test_asking_whether_a_thing_can_be_done_asks_for_it(node: pf.Node) -> None:
    assert await names(node, "can BK-10442 be moved to Thursday?") == ["change_class_time"]
    assert await names(node, "could LK-204 be extended by 3 days?") == ["extend_locker_hire"]
    # ... and what nothing does is still refused, never read instead
    assert await is_refused(node, "could LK-204 be cancelled?", TODAY)


async def test_giving_a_thing_more_time_extends_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "give LK-204 another 4 days", TODAY)
    assert steps == [
        {"capability": "extend_locker_hire", "params": {"locker": "LK-204", "days": 4}}
    ]


async def test_a_phrasal_verb_may_take_forward_after_its_object(node: pf.Node) -> None:
    steps = await plan_steps(node, "bring CO-10442 forward to Wednesday", TODAY)
    assert steps == [
        {
            "capability": "reschedule_coaching",
            "params": {"session": "CO-10442", "date": "2026-05-13"},
        }
    ]


async def test_turning_a_thing_up_to_a_level_moves_nothing_in_time(node: pf.Node) -> None:
    # "up to 20 degrees" is a level, not a new time: a change, never a reschedule
    assert await is_refused(node, "turn CO-10442 up to 20 degrees", TODAY)


async def test_asking_whether_it_is_possible_is_a_polite_request(node: pf.Node) -> None:
    # "is it possible to ...", "would it be ok to ...": the request follows, not a question
    assert await names(node, "is it possible to move CO-10442 to Monday?") == [
        "reschedule_coaching"
    ]
    assert await names(node, "would it be ok to extend LK-204 by 2 days?") == ["extend_locker_hire"]


async def test_having_a_person_look_at_a_thing_refers_it(node: pf.Node) -> None:
    assert await names(node, "please have a manager review TK-40210") == ["escalate_ticket"]


async def test_keeping_a_thing_until_a_later_day_extends_it(node: pf.Node) -> None:
    # extend_locker_hire is meant (it asks for the days), never the status reader
    with pytest.raises(pf.errors.PacketFlowError) as info:
        await plan_steps(node, "can I keep LK-204 till Friday?", TODAY)
    assert "extend_locker_hire" in str(info.value) and "days" in str(info.value)


async def test_letting_a_thing_do_what_nothing_does_is_refused(node: pf.Node) -> None:
    # "expire" is a verb the lexicon does not know: asked of the locker, not read about it
    assert await is_refused(node, "let LK-204 expire", TODAY)
