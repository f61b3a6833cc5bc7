"""Compound requests on a registry of these tests' own (a tailor's and a garden centre's): what
joins two requests, in which order they run, and which clause is a step."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.segment import split
from packetflow_nl_planning.text import normalize, tokenize

TODAY = "2026-04-15"


class Done(BaseModel):
    ref: str = Field(description="reference of the job")


class AlterIn(BaseModel):
    garment: str = Field(description="the garment to alter")


@pf.capability(intent="Alter a garment to fit", tags=["tailor"])
async def alter_garment(inp: AlterIn) -> Done:
    return Done(ref="a-1")


class HemIn(BaseModel):
    length_cm: float = Field(description="how much shorter the hem gets, in centimetres")


@pf.capability(intent="Price a hem shortening", tags=["tailor", "quote"])
async def quote_hem(inp: HemIn) -> Done:
    return Done(ref="q-1")


class FaultIn(BaseModel):
    machine: str = Field(pattern=r"^SM-[0-9]{2}$", description="the sewing machine at fault")
    fault: str = Field(description="what is wrong with it")


@pf.capability(intent="Log a fault on a sewing machine", tags=["tailor", "repair"])
async def log_machine_fault(inp: FaultIn) -> Done:
    return Done(ref="f-1")


class TicketIn(BaseModel):
    ref: str = Field(description="reference of the job")


class TicketOut(BaseModel):
    status: str = Field(description="where the job stands")
    collection_time: str = Field(description="when the garment can be collected")
    days_left: int = Field(description="working days until it is done")


@pf.capability(intent="Get the status of a repair job", tags=["tailor", "repair"])
async def get_repair_status(inp: TicketIn) -> TicketOut:
    return TicketOut(status="open", collection_time="Friday 10:00", days_left=2)


class BulbIn(BaseModel):
    bulb: Literal["tulip", "daffodil", "crocus"] = Field(description="which bulbs")
    quantity: int = Field(default=1, ge=1, le=500, description="how many bulbs")
    delivery: dt.date | None = Field(default=None, description="day of delivery")


@pf.capability(intent="Order flower bulbs from the garden centre", tags=["garden"])
async def order_bulbs(inp: BulbIn) -> Done:
    return Done(ref="b-1")


class ReturnIn(BaseModel):
    return_id: str = Field(pattern=r"^RT-[0-9]{4}$", description="the return request")


@pf.capability(intent="Accept a customer's return request", tags=["garden", "returns"])
async def accept_return(inp: ReturnIn) -> Done:
    return Done(ref="r-1")


class SeedsIn(BaseModel):
    packets: list[str] = Field(description="seed packets to put in the basket")


@pf.capability(intent="Put seed packets in the basket", tags=["garden", "basket"])
async def add_seed_packets(inp: SeedsIn) -> Done:
    return Done(ref="s-1")


class ScoreIn(BaseModel):
    match_id: str = Field(pattern=r"^MT-[0-9]{2}$", description="the bowls match")
    home: int = Field(ge=0, description="home side's score")
    away: int = Field(ge=0, description="away side's score")


@pf.capability(intent="Record the final score of a bowls match", tags=["garden", "club"])
async def record_bowls_score(inp: ScoreIn) -> Done:
    return Done(ref="m-1")


class LostIn(BaseModel):
    item: str = Field(description="what was lost")
    where: str | None = Field(default=None, description="where it was lost")


@pf.capability(intent="Report an item lost at the garden centre", tags=["garden", "lost"])
async def report_lost_item(inp: LostIn) -> Done:
    return Done(ref="l-1")


class FittingIn(BaseModel):
    address: str = Field(description="street address for the home fitting")
    date: dt.date = Field(description="day of the fitting")
    helper_phone: str | None = Field(default=None, description="phone of a friend to invite along")


class ClientIn(BaseModel):
    name: str = Field(description="the client's name")


class ClientOut(BaseModel):
    phone: str = Field(description="the client's phone")


@pf.capability(intent="Look up a client of the tailor", tags=["tailor", "clients"])
async def find_client(inp: ClientIn) -> ClientOut:
    return ClientOut(phone="+15550100")


@pf.capability(intent="Book a home fitting with the tailor", tags=["tailor", "fitting"])
async def book_fitting(inp: FittingIn) -> Done:
    return Done(ref="h-1")


class DeliverIn(BaseModel):
    garment: str = Field(description="the garment to deliver")
    address: str = Field(description="street address to deliver to")


@pf.capability(intent="Deliver a finished garment", tags=["tailor", "delivery"])
async def deliver_garment(inp: DeliverIn) -> Done:
    return Done(ref="d-1")


class NoteIn(BaseModel):
    to: str = Field(json_schema_extra={"format": "email"}, description="recipient address")
    body: str = Field(description="what the note says")


@pf.capability(intent="Email a note to a customer", tags=["tailor", "messaging"])
async def email_note(inp: NoteIn) -> Done:
    return Done(ref="n-1")


CAPABILITIES = [
    find_client,
    email_note,
    book_fitting,
    deliver_garment,
    report_lost_item,
    alter_garment,
    quote_hem,
    log_machine_fault,
    get_repair_status,
    order_bulbs,
    accept_return,
    add_seed_packets,
    record_bowls_score,
]


@pytest.fixture
async def tailor(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, CAPABILITIES)


def _clauses(text: str) -> list[str]:
    text = normalize(text)
    return [text[c.start : c.end] for c in split(tokenize(text), [])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "the pump is making a noise - log it and email me",
            ["the pump is making a noise", "log it", "email me"],
        ),
        ("fix the x-ray - it is broken", ["fix the x-ray - it is broken"]),
        ("buy 2-3 pears", ["buy 2-3 pears"]),
    ],
    ids=["spaced-dash-joins", "dash-before-a-statement", "dash-written-on"],
)
def test_a_spaced_dash_joins_two_requests_like_a_comma(text: str, want: list[str]) -> None:
    assert _clauses(text) == want


def _told_first(text: str) -> list[tuple[str, bool]]:
    text = normalize(text)
    return [(text[c.start : c.end], c.earlier) for c in split(tokenize(text), [])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "pay the gas bill, but first check my balance",
            [("pay the gas bill", False), ("check my balance", True)],
        ),
        (
            "Pay the bill. Before that, check my balance.",
            [("Pay the bill", False), ("check my balance", True)],
        ),
        (
            "water the ferns. Before that, open the blinds and feed the cat",
            [("water the ferns", False), ("open the blinds", True), ("feed the cat", True)],
        ),
        ("book the hall before that date", [("book the hall before that date", False)]),
    ],
    ids=["but-first", "before-that-sentence", "to-the-sentence-end", "before-that-date"],
)
def test_before_that_and_but_first_mark_their_requests(
    text: str, want: list[tuple[str, bool]]
) -> None:
    assert _told_first(text) == want


@pytest.mark.parametrize(
    ("text", "order"),
    [
        (
            "log a fault on SM-04: it jams, but first get the status of job T-88",
            ["get_repair_status", "log_machine_fault"],
        ),
        (
            "price a hem 3 cm shorter, then alter my coat, but before that accept RT-1024",
            ["quote_hem", "accept_return", "alter_garment"],
        ),
        (
            "alter my coat. Before that, accept RT-1024 and RT-1025",
            ["accept_return", "accept_return", "alter_garment"],
        ),
    ],
    ids=["but-first", "before-the-last-one", "two-runs-come-first"],
)
async def test_a_request_told_as_coming_first_runs_first(
    tailor: pf.Node, text: str, order: list[str]
) -> None:
    steps = await plan_steps(tailor, text, TODAY)
    assert [s["capability"] for s in steps] == order


def test_a_connector_is_read_as_typed_not_as_a_typo_fix() -> None:
    # The typo fix may take "after" for the verb "alter" (it changes ``lower``, not ``text``):
    # "after that" still joins two requests and is no part of the second.
    text = "price a hem 4 cm shorter, after that get the status of job T-88"
    tokens = tokenize(text)
    for token in tokens:
        if token.text == "after":
            token.lower = token.lemma = "alter"
    got = [text[c.start : c.end] for c in split(tokens, [])]
    assert got == ["price a hem 4 cm shorter", "get the status of job T-88"]


async def test_a_statement_then_a_dash_then_the_request_about_it(tailor: pf.Node) -> None:
    steps = await plan_steps(
        tailor, "SM-03 is making a grinding noise - log it and then get the job status", TODAY
    )
    assert [s["capability"] for s in steps] == ["log_machine_fault", "get_repair_status"]
    assert steps[0]["params"]["machine"] == "SM-03"


async def test_one_verb_two_objects_of_a_one_item_capability_is_two_runs(tailor: pf.Node) -> None:
    steps = await plan_steps(tailor, "accept RT-1024 and RT-1025", TODAY)
    assert [s["params"] for s in steps] == [{"return_id": "RT-1024"}, {"return_id": "RT-1025"}]
    steps = await plan_steps(tailor, "order 20 tulip bulbs and 50 crocus bulbs for Friday", TODAY)
    assert [s["params"] for s in steps] == [
        {"bulb": "tulip", "quantity": 20, "delivery": "2026-04-17"},
        {"bulb": "crocus", "quantity": 50, "delivery": "2026-04-17"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        "add basil and parsley seed packets to my basket",
        "final score for MT-07: home 3, away 1",
        "order 20 tulip bulbs and don't deliver before Friday",
    ],
    ids=["a-list-field-takes-both", "two-fields-of-one-run", "a-verb-says-more"],
)
async def test_what_is_one_run_stays_one_step(tailor: pf.Node, text: str) -> None:
    assert len(await plan_steps(tailor, text, TODAY)) == 1


async def test_a_loss_told_as_one_more_thing_is_reported(tailor: pf.Node) -> None:
    steps = await plan_steps(
        tailor, "accept RT-1024; also I lost my 'green scarf' in the cafe", TODAY
    )
    assert [s["capability"] for s in steps] == ["accept_return", "report_lost_item"]
    assert steps[1]["params"]["item"] == "green scarf"
    # told without "also", the loss only sets the scene of the request beside it
    steps = await plan_steps(tailor, "I lost my receipt. accept RT-1024", TODAY)
    assert [s["capability"] for s in steps] == ["accept_return"]


@pytest.mark.parametrize(
    "text",
    [
        "first accept RT-1024, then get the status of job T-88",
        "First of all, accept RT-1024 and then get the status of job T-88",
        "once you've accepted RT-1024, get the status of job T-88",
        "as soon as you have accepted RT-1024, get the status of job T-88",
    ],
    ids=["first", "first-of-all-comma", "once-you-have-done", "as-soon-as"],
)
async def test_words_that_only_order_the_requests_are_no_request(
    tailor: pf.Node, text: str
) -> None:
    steps = await plan_steps(tailor, text, TODAY)
    assert [s["capability"] for s in steps] == ["accept_return", "get_repair_status"]
    assert steps[0]["params"] == {"return_id": "RT-1024"}


def test_first_before_a_verb_is_an_order_word_before_a_noun_none() -> None:
    assert _clauses("first order the cake, then text Ana") == ["order the cake", "text Ana"]
    assert _clauses("book first class seats to Leeds") == ["book first class seats to Leeds"]


async def test_a_stated_fact_fills_its_field_in_every_step(tailor: pf.Node) -> None:
    steps = await plan_steps(
        tailor,
        "my address is 7 Mill Lane. book a home fitting for Friday and deliver my coat",
        TODAY,
    )
    assert [s["capability"] for s in steps] == ["book_fitting", "deliver_garment"]
    assert [s["params"]["address"] for s in steps] == ["7 Mill Lane", "7 Mill Lane"]


@pytest.mark.parametrize(
    "text",
    [
        "get the status of job T-88 and email the status to ana@x.org",
        "get the status of job T-88, then email its status to ana@x.org",
    ],
    ids=["the-status", "its-status"],
)
async def test_a_later_step_that_names_an_earlier_output_takes_it(
    tailor: pf.Node, text: str
) -> None:
    out = await tailor.call("nl_planning.plan", {"text": text, "today": TODAY})
    assert [s["capability"] for s in out["steps"]] == ["get_repair_status", "email_note"]
    assert out["steps"][1]["params"] == {"to": "ana@x.org"}
    assert "s1.status->body" in out["plan"]["steps"][1]["from"]


async def test_the_output_named_is_the_one_wired_or_none(tailor: pf.Node) -> None:
    out = await tailor.call(
        "nl_planning.plan",
        {
            "text": "get the status of job T-88, then email the collection time to ana@x.org",
            "today": TODAY,
        },
    )
    assert "s1.collection_time->body" in out["plan"]["steps"][1]["from"]
    # a number is no text to send: nothing else is wired for it, the body is asked for
    with pytest.raises(pf.errors.ContractViolationError):
        await tailor.call(
            "nl_planning.plan",
            {
                "text": "get the status of job T-88, then email the days left to ana@x.org",
                "today": TODAY,
            },
        )


async def test_a_detail_that_points_back_wires_the_field_its_verb_names(tailor: pf.Node) -> None:
    out = await tailor.call(
        "nl_planning.plan",
        {
            "text": "look up the client Ana Ruiz, then book a home fitting at 7 Mill Lane "
            "on Friday and invite her",
            "today": TODAY,
        },
    )
    assert [s["capability"] for s in out["steps"]] == ["find_client", "book_fitting"]
    assert "s1.phone->helper_phone" in out["plan"]["steps"][1]["from"]


async def test_ids_joined_in_a_free_text_field_are_two_runs(tailor: pf.Node) -> None:
    # the field has no pattern: a one-word value with a digit is still an id, one a run
    steps = await plan_steps(tailor, "get the status of jobs T-88 and T-89", TODAY)
    assert [s["params"] for s in steps] == [{"ref": "T-88"}, {"ref": "T-89"}]
    # words are no ids: "alter my coat and trousers" stays one run
    assert len(await plan_steps(tailor, "alter my coat and trousers", TODAY)) == 1
