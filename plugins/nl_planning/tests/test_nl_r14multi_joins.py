"""How people join two requests, on a sports club of these tests' own: the verb of the second
left out ("approve LR-20418, then LR-20419"), one more thing after "and also" / "plus" ("book
court 2 and also a ball machine"), urging frames ("remember to", "don't forget to", "make sure
you"), an "also" inside the second request ("I'd also like to ..."), joins such as "once
you're done" and "after you've done that", and an "Oh," that asks for nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
TOMORROW = "2026-06-11"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class LeaveIn(BaseModel):
    request_id: str = Field(pattern=r"^LR-[0-9]{5}$", description="the leave request, LR-12345")


@pf.capability(intent="Approve a coach's leave request", tags=["staff"])
async def approve_leave(inp: LeaveIn) -> Done:
    return Done(ok=True)


class RejectIn(BaseModel):
    request_id: str = Field(pattern=r"^LR-[0-9]{5}$", description="the leave request, LR-12345")
    reason: str | None = Field(default=None, description="why it is turned down")


@pf.capability(intent="Turn down a coach's leave request", tags=["staff"])
async def reject_leave(inp: RejectIn) -> Done:
    return Done(ok=True)


class CourtIn(BaseModel):
    court: int = Field(ge=1, le=6, description="court number")
    date: dt.date = Field(description="day of play")
    time: dt.time = Field(description="start time")


@pf.capability(intent="Book a tennis court", tags=["courts"])
async def book_court(inp: CourtIn) -> Done:
    return Done(ok=True)


class MachineIn(BaseModel):
    date: dt.date = Field(description="day of hire")


@pf.capability(intent="Hire the ball machine for a day", tags=["equipment"])
async def hire_ball_machine(inp: MachineIn) -> Done:
    return Done(ok=True)


class SupplyIn(BaseModel):
    item: Literal["balls", "nets", "grips"] = Field(description="what to order")
    quantity: int = Field(ge=1, description="how many")


@pf.capability(intent="Order supplies for the club shop", tags=["shop"])
async def order_supplies(inp: SupplyIn) -> Done:
    return Done(ok=True)


class ParcelIn(BaseModel):
    tracking_number: str = Field(pattern=r"^PK[0-9]{6}$", description="parcel, PK123456")


class ParcelOut(BaseModel):
    status: str


@pf.capability(intent="Where a delivery to the club is", tags=["deliveries"])
async def track_parcel(inp: ParcelIn) -> ParcelOut:
    return ParcelOut(status="out for delivery")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [
        approve_leave,
        reject_leave,
        book_court,
        hire_ball_machine,
        order_supplies,
        track_parcel,
    ]
    return await planner_on(module_node, register_module, caps)


def _calls(steps: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(s["capability"], s["params"]) for s in steps]


@pytest.mark.parametrize(
    "text",
    [
        "approve LR-20418, then LR-20419",
        "Approve LR-20418. Also LR-20419",
        "approve LR-20418 and after that LR-20419",
        "approve LR-20418; once that's done LR-20419",
    ],
)
async def test_a_second_request_with_its_verb_left_out(node: pf.Node, text: str) -> None:
    # the second id alone fits nothing: it is the request before, told again
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [
        ("approve_leave", {"request_id": "LR-20418"}),
        ("approve_leave", {"request_id": "LR-20419"}),
    ]


@pytest.mark.parametrize("text", ["order 20 balls, then 10 grips", "order 20 balls; also 10 grips"])
async def test_a_count_after_a_connector_orders_once_more(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [
        ("order_supplies", {"item": "balls", "quantity": 20}),
        ("order_supplies", {"item": "grips", "quantity": 10}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "book court 2 tomorrow at 6pm and also a ball machine for tomorrow",
        "book court 2 tomorrow at 6pm, and also a ball machine for tomorrow",
        "book court 2 tomorrow at 6pm plus a ball machine for tomorrow",
    ],
)
async def test_one_more_thing_after_and_also(node: pf.Node, text: str) -> None:
    # "and also a ball machine": hire one, not a detail of the court booking
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_court", "hire_ball_machine"]
    assert steps[1]["params"] == {"date": TOMORROW}


@pytest.mark.parametrize(
    "text",
    [
        "track PK123456 and remember to book court 2 tomorrow at 6pm",
        "track PK123456, and don't forget to book court 2 tomorrow at 6pm",
        "track PK123456 and make sure you book court 2 tomorrow at 6pm",
        "Remember to track PK123456, then book court 2 tomorrow at 6pm",
    ],
)
async def test_urging_words_before_the_verb(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [
        ("track_parcel", {"tracking_number": "PK123456"}),
        ("book_court", {"court": 2, "date": TOMORROW, "time": "18:00"}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "track PK123456 and I'd also like to book court 2 tomorrow at 6pm",
        "track PK123456 and I also need to book court 2 tomorrow at 6pm",
        "Track PK123456. I also want to book court 2 tomorrow at 6pm",
        "Track PK123456. Oh, and book court 2 tomorrow at 6pm",
        "Track PK123456. Oh and book court 2 tomorrow at 6pm",
    ],
)
async def test_also_inside_the_second_request(node: pf.Node, text: str) -> None:
    # "also" after "I" is no connector: it no longer cuts "I'd" off "like to book"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["track_parcel", "book_court"]


@pytest.mark.parametrize(
    "text",
    [
        "track PK123456 and when you're done book court 2 tomorrow at 6pm",
        "track PK123456 and after you've done that book court 2 tomorrow at 6pm",
        "track PK123456, once you're finished book court 2 tomorrow at 6pm",
        "track PK123456 and subsequently book court 2 tomorrow at 6pm",
    ],
)
async def test_joins_that_say_when_the_first_is_done(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["track_parcel", "book_court"]


async def test_two_things_of_one_order(node: pf.Node) -> None:
    # one order per thing; never the count of one with the other thing
    steps = await plan_steps(node, "order 20 balls plus 10 grips", TODAY)
    assert sorted((s["params"]["item"], s["params"]["quantity"]) for s in steps) == [
        ("balls", 20),
        ("grips", 10),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'approve LR-20418 but reject LR-20419 with the reason "short-staffed"',
        'approve LR-20418, but reject LR-20419 with the reason "short-staffed"',
    ],
)
async def test_but_between_two_requests(node: pf.Node, text: str) -> None:
    # the reason is the rejection's, never a note on the approval
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [
        ("approve_leave", {"request_id": "LR-20418"}),
        ("reject_leave", {"request_id": "LR-20419", "reason": "short-staffed"}),
    ]


async def test_a_statement_after_a_booking_is_no_second_booking(node: pf.Node) -> None:
    # "I'll also need ..." is no court of its own: never the booking again with other words
    steps = await plan_steps(
        node, "book court 2 tomorrow at 6pm; I'll also need some grips for that day", TODAY
    )
    assert [s["capability"] for s in steps].count("book_court") == 1


@pytest.mark.parametrize(
    "text",
    [
        "order 20 balls, and when will they arrive? PK123456",
        "order 20 balls and where is PK123456?",
    ],
)
async def test_a_question_after_a_request_is_a_request_of_its_own(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["order_supplies", "track_parcel"]


@pytest.mark.parametrize(
    "text",
    [
        "track PK123456 and if it's here order 20 balls",
        "track PK123456 and, if it's here, order 20 balls",
        "track PK123456 and when it arrives order 20 balls",
    ],
)
async def test_a_condition_after_and_qualifies_the_second_request(node: pf.Node, text: str) -> None:
    # "if it's here" is no request, and never the first request's words: two steps
    steps = await plan_steps(node, text, TODAY)
    assert _calls(steps) == [
        ("track_parcel", {"tracking_number": "PK123456"}),
        ("order_supplies", {"item": "balls", "quantity": 20}),
    ]
