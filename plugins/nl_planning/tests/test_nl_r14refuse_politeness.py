"""Politeness and openers before the action, on a registry of these tests' own (a bank card,
a sports club): "is there a way to ...", "quick question: can you ...", "sorry to bother you,
but could you ..." ask for the action after them, their words are no subject the capability
must explain and hold no value ("quick *one*"); a near miss behind them is still refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class CardIn(BaseModel):
    card_last4: str = Field(pattern=r"^[0-9]{4}$", description="last four digits of the card")


@pf.capability(intent="Temporarily block a debit or credit card", tags=["banking"])
async def freeze_card(inp: CardIn) -> Done:
    return Done(ok=True)


class CourtIn(BaseModel):
    court: int = Field(ge=1, le=8, description="court number")
    date: dt.date = Field(description="day of play")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="start, HH:MM")
    players: int = Field(default=2, ge=1, le=4, description="how many play")


@pf.capability(intent="Reserve a tennis court", tags=["club", "tennis"])
async def book_court(inp: CourtIn) -> Done:
    return Done(ok=True)


class StatementIn(BaseModel):
    month: str = Field(description="the month, e.g. 'May'")


class StatementOut(BaseModel):
    url: str


@pf.capability(intent="Get the card statement for a month", tags=["banking"])
async def get_card_statement(inp: StatementIn) -> StatementOut:
    return StatementOut(url="https://bank.example/s.pdf")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [freeze_card, book_court, get_card_statement]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "is there a way to block my card ending 4821?",
        "is there any way I can freeze card 4821?",
        "quick question: can you block my card ending 4821?",
        "sorry to bother you, but could you freeze card 4821?",
        "Is there a way for me to freeze the card ending in 4821",
    ],
)
async def test_a_polite_lead_asks_for_the_action_after_it(node: pf.Node, text: str) -> None:
    steps = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    assert [s["capability"] for s in steps["steps"]] == ["freeze_card"]
    assert steps["steps"][0]["params"] == {"card_last4": "4821"}


@pytest.mark.parametrize(
    "text",
    [
        "quick one: book court 3 for Friday at 6pm",
        "is there a way to reserve court 3 on Friday at 18:00?",
        "one more thing: can you book court 3 this Friday at 6pm",
    ],
)
async def test_the_words_of_an_opener_are_no_value(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["court"] == 3
    assert params["date"] == "2026-06-12"
    assert params["time"] == "18:00"
    assert params.get("players", 2) == 2  # ("quick *one*" is no count of players)


@pytest.mark.parametrize(
    "text",
    [
        "is there a way to unblock my card ending 4821?",
        "quick question: can you cancel court 3 on Friday at 6pm?",
        "sorry to bother you, but could you close my card account?",
    ],
)
async def test_a_near_miss_behind_politeness_is_refused(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)


class SkipIn(BaseModel):
    date: dt.date = Field(description="the delivery day to skip")


@pf.capability(intent="Skip one delivery of the weekly veg box", tags=["groceries"])
async def skip_veg_box(inp: SkipIn) -> Done:
    return Done(ok=True)


class MessageIn(BaseModel):
    to: str = Field(pattern=r"^\+[1-9][0-9]{7,14}$", description="phone number, E.164")
    message: str = Field(description="the text to send")


@pf.capability(intent="Send a text message", tags=["messaging"])
async def send_sms(inp: MessageIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def box(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [freeze_card, book_court, skip_veg_box, send_sms]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("Hi there! Could you block my card ending 4821?", "freeze_card"),
        ("hello, I'm away, skip the box on the 19th", "skip_veg_box"),
        ("hey - skip the veg box on the 19th when you get a chance", "skip_veg_box"),
        ("Good morning, quick question: can you freeze card 4821?", "freeze_card"),
        ("book court 3 for Friday at 6pm, if that's ok", "book_court"),
    ],
)
async def test_greetings_and_sign_offs_ask_for_nothing(
    box: pf.Node, text: str, capability: str
) -> None:
    steps = (await box.call("nl_planning.plan", {"text": text, "today": TODAY}))["steps"]
    assert [s["capability"] for s in steps] == [capability]


async def test_a_message_keeps_its_own_sign_off(box: pf.Node) -> None:
    params = await plan_params(box, "text +447700900123 saying call me when you can", TODAY)
    assert params["message"] == "call me when you can"


async def test_a_greeting_before_a_near_miss_is_refused(box: pf.Node) -> None:
    assert await is_refused(box, "hi there, cancel my veg box subscription please", TODAY)
