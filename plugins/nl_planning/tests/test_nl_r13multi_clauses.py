"""How people join and qualify clauses, on a registry of these tests' own (a boiler engineer, a
poster printer, a kennel, a fish tank, gravel, a hotel): a verb of going or trying joined by
"and" to the verb after it is one request ("go ahead and print it", "can someone come and check
the boiler"), what brackets hold says more about the request around them, and clauses that only
set the scene or say how to carry out a request ("back from holiday, ...", "- just tip it on the
drive") are no steps of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import calls, plan_reads, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class VisitIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the boiler is, e.g. LS6 2AB")
    job: Literal["service", "repair", "install"] = Field(description="what the engineer does")
    date: dt.date = Field(description="day of the visit")
    time: str | None = Field(
        default=None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="time, HH:MM"
    )


class VisitOut(BaseModel):
    visit_id: str


@pf.capability(intent="An engineer comes out to the boiler", tags=["boiler", "visit"])
async def book_boiler_visit(inp: VisitIn) -> VisitOut:
    return VisitOut(visit_id="BV-1")


class BoilerIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the boiler is")


class BoilerOut(BaseModel):
    pressure_bar: float


@pf.capability(intent="Check the boiler's pressure from its smart thermostat", tags=["boiler"])
async def get_boiler_status(inp: BoilerIn) -> BoilerOut:
    return BoilerOut(pressure_bar=1.2)


class JobQuoteIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the boiler is")
    job: Literal["service", "repair", "install"] = Field(description="what the engineer does")


class JobQuoteOut(BaseModel):
    price: float


@pf.capability(intent="Price for a boiler job before booking it", tags=["boiler", "visit"])
async def quote_boiler_job(inp: JobQuoteIn) -> JobQuoteOut:
    return JobQuoteOut(price=90.0)


class VisitRef(BaseModel):
    visit_id: str = Field(pattern=r"^BV-[0-9]+$", description="the booked visit, e.g. BV-12")


@pf.capability(intent="Call off an engineer's visit", tags=["boiler", "visit"])
async def cancel_boiler_visit(inp: VisitRef) -> Done:
    return Done(ok=True)


class WalkIn(BaseModel):
    date: dt.date = Field(description="day of the walk")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="start, HH:MM")


@pf.capability(intent="Book a walker for the dog", tags=["kennel", "dogs"])
async def book_dog_walk(inp: WalkIn) -> Done:
    return Done(ok=True)


class DogIn(BaseModel):
    name: str = Field(description="the dog's name")
    breed: str = Field(description="the dog's breed")
    weight_kg: float = Field(ge=0, le=100, description="the dog's weight in kg")
    owner_email: str = Field(description="owner's email address")


class DogOut(BaseModel):
    dog_id: str


@pf.capability(intent="Sign a dog up with the kennel", tags=["kennel", "dogs"])
async def register_dog(inp: DogIn) -> DogOut:
    return DogOut(dog_id="D-1")


class StayIn(BaseModel):
    dog_id: str = Field(pattern=r"^D-[0-9]+$", description="the registered dog")
    date: dt.date = Field(description="first night")
    nights: int = Field(ge=1, le=60, description="how many nights")


class StayOut(BaseModel):
    stay_id: str


@pf.capability(intent="Book nights at the kennel for a dog", tags=["kennel", "dogs"])
async def book_kennel_stay(inp: StayIn) -> StayOut:
    return StayOut(stay_id="S-1")


class MessageIn(BaseModel):
    to: str = Field(description="email address to write to")
    body: str | None = Field(default=None, description="what the message says")


@pf.capability(intent="Email someone a message", tags=["email"])
async def send_email(inp: MessageIn) -> Done:
    return Done(ok=True)


class PauseIn(BaseModel):
    tank: Literal["reef", "koi", "tropical"] = Field(description="which tank")
    until: dt.date = Field(description="last day of the pause")


@pf.capability(intent="Pause the automatic fish feeder", tags=["aquarium"])
async def pause_feeder(inp: PauseIn) -> Done:
    return Done(ok=True)


class HeaterIn(BaseModel):
    tank: Literal["reef", "koi", "tropical"] = Field(description="which tank")
    temperature_celsius: float = Field(ge=10, le=35, description="water temperature, °C")


@pf.capability(intent="Set the water temperature of a tank", tags=["aquarium"])
async def set_tank_heater(inp: HeaterIn) -> Done:
    return Done(ok=True)


class ReadingsIn(BaseModel):
    tank: Literal["reef", "koi", "tropical"] = Field(description="which tank")


class ReadingsOut(BaseModel):
    temperature_celsius: float


@pf.capability(intent="The water temperature and pH from a tank's probes", tags=["aquarium"])
async def get_tank_readings(inp: ReadingsIn) -> ReadingsOut:
    return ReadingsOut(temperature_celsius=24.0)


class GravelIn(BaseModel):
    tonnes: float = Field(gt=0, le=20, description="how much gravel, in tonnes")
    postcode: str = Field(pattern=_POSTCODE, description="delivery postcode")
    date: dt.date = Field(description="day to deliver")


@pf.capability(intent="Gravel brought to the house by lorry", tags=["gravel", "delivery"])
async def order_gravel(inp: GravelIn) -> Done:
    return Done(ok=True)


class PosterQuoteIn(BaseModel):
    design_url: str = Field(description="link to the design")
    material: Literal["matt", "gloss", "satin"] = Field(description="paper")
    quantity: int = Field(default=1, ge=1, le=50, description="how many copies")


class PosterQuoteOut(BaseModel):
    quote_id: str


@pf.capability(
    intent="Price for printing a poster from an uploaded design", tags=["posters", "printing"]
)
async def get_poster_print_quote(inp: PosterQuoteIn) -> PosterQuoteOut:
    return PosterQuoteOut(quote_id="LC-1")


class PosterJobIn(BaseModel):
    quote_id: str = Field(pattern=r"^LC-[0-9]+$", description="the accepted quote, LC-1")


@pf.capability(intent="Go ahead and print a quoted poster", tags=["posters", "printing"])
async def submit_poster_print(inp: PosterJobIn) -> Done:
    return Done(ok=True)


class TowelsIn(BaseModel):
    room_number: str = Field(pattern=r"^[0-9]{3}$", description="hotel room number")


@pf.capability(intent="Housekeeping brings fresh towels to a hotel room", tags=["hotel"])
async def request_towels(inp: TowelsIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [
        book_boiler_visit,
        get_boiler_status,
        quote_boiler_job,
        cancel_boiler_visit,
        register_dog,
        book_dog_walk,
        book_kennel_stay,
        send_email,
        pause_feeder,
        set_tank_heater,
        get_tank_readings,
        order_gravel,
        get_poster_print_quote,
        submit_poster_print,
        request_towels,
    ]
    return await planner_on(module_node, register_module, caps)


async def test_come_and_do_is_one_request(node: pf.Node) -> None:
    text = "Could someone come and book a boiler repair on Friday? postcode LS6 2AB"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("book_boiler_visit", {"postcode": "LS6 2AB", "job": "repair", "date": "2026-06-12"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "go ahead and book a boiler repair for LS6 2AB on Friday",
        "please try and book a boiler repair for LS6 2AB on Friday",
    ],
)
async def test_go_ahead_and_do_is_one_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_boiler_visit"]


@pytest.mark.parametrize(
    "text",
    [
        "register my dog (Rex, beagle, 12 kg, email ann@example.com), then book him in for 3"
        " nights from Friday",
        "register my dog (Rex, a beagle, 12 kg; email ann@example.com) and book 3 nights from"
        " Friday",
        "register my dog [name Rex, breed beagle, 12 kg, email to ann@example.com] and then book"
        " 3 nights from Friday",
    ],
)
async def test_brackets_hold_details_of_the_request_around_them(node: pf.Node, text: str) -> None:
    # ", email ..." inside the brackets would otherwise start a request to email someone
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    dog = {"name": "Rex", "breed": "beagle", "weight_kg": 12, "owner_email": "ann@example.com"}
    assert calls(out["steps"]) == [
        ("register_dog", dog),
        ("book_kennel_stay", {"date": "2026-06-12", "nights": 3}),
    ]
    assert "s1.dog_id->dog_id" in plan_reads(out["plan"])[1]  # the dog just registered


async def test_set_it_to_a_level_is_a_request_of_its_own(node: pf.Node) -> None:
    # "make it urgent" says more about the thing the request before acts on; "set it to 26°C"
    # sets a level: a step of its own, on the same tank
    text = "pause the feeder on the koi tank until Sunday and set it to 24°C"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("pause_feeder", {"tank": "koi", "until": "2026-06-14"}),
        ("set_tank_heater", {"tank": "koi", "temperature_celsius": 24}),
    ]


@pytest.mark.parametrize("text", ["ask them to cancel visit BV-12", "get him to call off BV-12"])
async def test_asking_them_to_do_a_thing_asks_for_it(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("cancel_boiler_visit", {"visit_id": "BV-12"})]


async def test_where_the_speaker_is_sets_the_scene(node: pf.Node) -> None:
    # "back from holiday" is "I'm back from holiday", "I'm" left out: no request of its own
    steps = await plan_steps(node, "back from holiday, cancel visit BV-12", TODAY)
    assert calls(steps) == [("cancel_boiler_visit", {"visit_id": "BV-12"})]
    # ... and what it tells fills the request beside it
    steps = await plan_steps(node, "away until Sunday, pause the feeder on the reef tank", TODAY)
    assert calls(steps) == [("pause_feeder", {"tank": "reef", "until": "2026-06-14"})]


@pytest.mark.parametrize(
    "text",
    [
        "order 2 tonnes of gravel to LS6 2AB on Friday - just tip it on the drive",
        "order 2 tonnes of gravel to LS6 2AB on Friday, please pop it by the garage",
    ],
)
async def test_where_to_put_it_is_how_to_bring_it(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("order_gravel", {"tonnes": 2, "postcode": "LS6 2AB", "date": "2026-06-12"})
    ]


async def test_a_verb_that_undoes_is_never_where_to_put_it(node: pf.Node) -> None:
    # "delete it on the app" asks something no capability does: refused, not dropped
    text = "order 2 tonnes of gravel to LS6 2AB on Friday - then delete it on the app"
    with pytest.raises(pf.errors.NotFoundError):
        await plan_steps(node, text, TODAY)


@pytest.mark.parametrize("said", ["instead", "if possible", "as usual"])
async def test_a_word_that_qualifies_the_clause_keeps_the_bare_hour(
    node: pf.Node, said: str
) -> None:
    text = f"cancel visit BV-12 and book a boiler repair for LS6 2AB on Friday at 10 {said}"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["cancel_boiler_visit", "book_boiler_visit"]
    assert steps[1]["params"]["time"] == "10:00"


async def test_the_step_before_run_again_with_its_own_values_is_not_what_it_asks(
    node: pf.Node,
) -> None:
    # "print it" fits the quote as well (its name says printing, and the quote's values are
    # carried); the job that takes the quote found is what is asked
    text = "quote https://x.example/poster.svg on gloss, 3 copies, and then go ahead and print it"
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    poster = {"design_url": "https://x.example/poster.svg", "material": "gloss", "quantity": 3}
    assert calls(out["steps"]) == [("get_poster_print_quote", poster), ("submit_poster_print", {})]
    assert plan_reads(out["plan"])[1] == ["s1.quote_id->quote_id"]  # the quote just given


async def test_coming_out_to_check_a_thing_arranges_a_visit(node: pf.Node) -> None:
    # alone, "check the boiler at LS6 2AB" reads its pressure; someone coming out to check it
    # is a visit, never a reading of one's own
    steps = await plan_steps(node, "check the boiler at LS6 2AB", TODAY)
    assert [s["capability"] for s in steps] == ["get_boiler_status"]
    text = "can you come and check the boiler at LS6 2AB on Friday? it needs a repair"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("book_boiler_visit", {"postcode": "LS6 2AB", "job": "repair", "date": "2026-06-12"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "cancel visit BV-12, and while you're at it book a boiler repair for LS6 2AB on Friday",
        "cancel visit BV-12 and while you are on it book a boiler repair for LS6 2AB on Friday",
        # a thing not said before, had done: a request of its own ("have it done" says how)
        "cancel visit BV-12 and have a boiler repair booked for LS6 2AB on Friday",
    ],
)
async def test_one_more_thing_to_do_while_at_it(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["cancel_boiler_visit", "book_boiler_visit"]


@pytest.mark.parametrize("said", ["10am", "10 a.m."])
async def test_a_full_stop_after_am_or_pm_still_ends_the_sentence(node: pf.Node, said: str) -> None:
    text = f"book a boiler repair for LS6 2AB on Friday at {said}. Cancel visit BV-12."
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        (
            "book_boiler_visit",
            {"postcode": "LS6 2AB", "job": "repair", "date": "2026-06-12", "time": "10:00"},
        ),
        ("cancel_boiler_visit", {"visit_id": "BV-12"}),
    ]


@pytest.mark.parametrize("join", [" and", ", and"])
async def test_a_request_asked_of_someone_named_is_one_more_step(node: pf.Node, join: str) -> None:
    text = f"cancel visit BV-12{join} can housekeeping bring fresh towels to room 804?"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("cancel_boiler_visit", {"visit_id": "BV-12"}),
        ("request_towels", {"room_number": "804"}),
    ]


async def test_so_before_a_request_follows_from_what_was_told(node: pf.Node) -> None:
    steps = await plan_steps(node, "the weather is awful so cancel visit BV-12", TODAY)
    assert calls(steps) == [("cancel_boiler_visit", {"visit_id": "BV-12"})]
    # "so we can ...": a purpose, no request of its own
    text = "cancel visit BV-12 so we can go away"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("cancel_boiler_visit", {"visit_id": "BV-12"})]


async def test_what_will_be_sets_the_scene(node: pf.Node) -> None:
    # "the koi tank will be cold" tells what will be: no reading of the tank's temperature
    text = "by tonight the koi tank will be cold, so set it to 24°C"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("set_tank_heater", {"tank": "koi", "temperature_celsius": 24})]


@pytest.mark.parametrize(
    "text",
    [
        "get me a quote for a boiler repair at LS6 2AB",
        "can I get a quote for a boiler repair at LS6 2AB?",
        "I'd like a quote for a boiler repair at LS6 2AB before I book",
    ],
)
async def test_get_me_a_thing_that_names_an_action_asks_for_it(node: pf.Node, text: str) -> None:
    # "get me a quote ..." quotes (a noun naming an action), it books nothing
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("quote_boiler_job", {"postcode": "LS6 2AB", "job": "repair"})]


async def test_another_is_one_more_of_the_thing_named_before(node: pf.Node) -> None:
    # "another" is another boiler visit, not a stay at the kennel nor gravel
    text = "call off boiler visit BV-12 and book another for LS6 2AB on Friday, a repair"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("cancel_boiler_visit", {"visit_id": "BV-12"}),
        ("book_boiler_visit", {"postcode": "LS6 2AB", "job": "repair", "date": "2026-06-12"}),
    ]

    # alone, "book another for Friday at 3pm" would fit the dog walk (a date and a time):
    # another visit needs its postcode and job, and the planner asks for them
    text = "call off boiler visit BV-12 and book another for Friday at 3pm"
    with pytest.raises(pf.errors.ContractViolationError, match="book_boiler_visit"):
        await plan_steps(node, text, TODAY)
