"""A small registry of the generalisation tests' own (a cycling club and its workshop),
declared the plain way: intents, tags and field descriptions, no ``examples``/``keywords``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-04"  # a Wednesday
_E164 = r"^\+[1-9][0-9]{7,14}$"


class ServiceIn(BaseModel):
    bike_id: str = Field(pattern=r"^BK-[0-9]{4}$", description="frame tag of the bike")
    service: Literal["chain_replacement", "brake_adjustment", "full_tune"] = Field(
        description="work to do"
    )
    date: dt.date = Field(description="day in the workshop")
    contact: str | None = Field(
        default=None, pattern=_E164, description="number for the mechanic to call"
    )


class Done(BaseModel):
    ref: str


@pf.capability(intent="Book a bike into the repair shop", tags=["workshop"])
async def service_bike(inp: ServiceIn) -> Done:
    return Done(ref="s-1")


class RideIn(BaseModel):
    activity: Literal["running", "swimming", "cycling"] = Field(description="kind of outing")
    date: dt.date = Field(description="day of the outing")
    moving_time: int | None = Field(default=None, description="time in the saddle, in minutes")
    distance_km: float | None = Field(default=None, description="distance in km")
    riders: int | None = Field(default=None, description="how many rode together")
    climb_m: int | None = Field(default=None, description="height climbed, in metres")


@pf.capability(intent="Record a finished training session", tags=["club", "training"])
async def log_session(inp: RideIn) -> Done:
    return Done(ref="r-1")


class TextIn(BaseModel):
    dest: str = Field(pattern=_E164, description="who gets it")
    body: str = Field(description="what it says")


@pf.capability(intent="Send a text message", tags=["messaging"])
async def send_text(inp: TextIn) -> Done:
    return Done(ref="t-1")


class ProlongIn(BaseModel):
    locker: str = Field(pattern=r"^LK[0-9]{3}$", description="locker code")
    weeks: int = Field(ge=1, le=8, description="weeks added")


@pf.capability(intent="Keep a club locker for longer", tags=["club"])
async def prolong_locker(inp: ProlongIn) -> Done:
    return Done(ref="l-1")


class HandoverIn(BaseModel):
    bike_id: str = Field(pattern=r"^BK-[0-9]{4}$", description="frame tag of the bike")
    rider: str = Field(description="who takes the bike")


@pf.capability(intent="Lend a club bike to a rider", tags=["club", "fleet"])
async def lend_bike(inp: HandoverIn) -> Done:
    return Done(ref="h-1")


class StandIn(BaseModel):
    stand: str = Field(pattern=r"^[a-z][a-z0-9-]{1,30}$", description="name of the work stand")
    hours: float = Field(description="how long, in hours")


@pf.capability(intent="Reserve a work stand in the shop", tags=["workshop"])
async def reserve_stand(inp: StandIn) -> Done:
    return Done(ref="w-1")


class FrameIn(BaseModel):
    serial: str = Field(pattern=r"^[0-9]{12}$", description="serial stamped on the frame")
    owner: str = Field(description="who owns the bike")


@pf.capability(intent="Register a bike frame against theft", tags=["club", "security"])
async def register_frame(inp: FrameIn) -> Done:
    return Done(ref="f-1")


class CrashIn(BaseModel):
    bike_id: str = Field(pattern=r"^BK-[0-9]{4}$", description="frame tag of the bike")
    day: dt.date = Field(description="when the crash happened")


@pf.capability(intent="File a crash with the club insurer", tags=["club", "insurance"])
async def file_crash(inp: CrashIn) -> Done:
    return Done(ref="c-1")


class MileageIn(BaseModel):
    rider: str = Field(description="who rode")
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


@pf.capability(intent="Produce a rider's mileage statement for a period", tags=["club"])
async def get_mileage_statement(inp: MileageIn) -> Done:
    return Done(ref="m-1")


class HireIn(BaseModel):
    collect: dt.date = Field(description="first day of the hire")
    due_back: dt.date = Field(description="last day of the hire")


@pf.capability(intent="Hire out a club bike to a visitor", tags=["club", "fleet"])
async def hire_bike(inp: HireIn) -> Done:
    return Done(ref="b-1")


class CalendarIn(BaseModel):
    calendar: str = Field(description="calendar name")
    ride: str = Field(description="ride to add")


@pf.capability(intent="Add a group ride to a calendar", tags=["club", "calendar"])
async def add_ride_to_calendar(inp: CalendarIn) -> Done:
    return Done(ref="k-1")


class RouteIn(BaseModel):
    town: str = Field(description="town the route starts in")
    min_stops: int | None = Field(default=None, ge=0, description="fewest cafe stops")
    radius_km: float | None = Field(default=None, description="how far it goes, in km")
    author: str | None = Field(default=None, description="who mapped the route")


class Routes(BaseModel):
    routes: list[str]


@pf.capability(intent="Find mapped ride routes", tags=["club", "routes", "gpx"])
async def find_routes(inp: RouteIn) -> Routes:
    return Routes(routes=[])


class CourierIn(BaseModel):
    address: str = Field(description="where to send the bike to")
    date: dt.date = Field(description="day of the collection")


@pf.capability(intent="Book a bike courier", tags=["workshop", "delivery"])
async def book_courier(inp: CourierIn) -> Done:
    return Done(ref="c-1")


class CoachingIn(BaseModel):
    member: str = Field(pattern=r"^M-[0-9]{5}$", description="membership number")
    topic: str = Field(description="what the session covers")
    date: dt.date = Field(description="day of the session")


@pf.capability(intent="Book a coaching session for a member", tags=["club", "coaching"])
async def book_coaching(inp: CoachingIn) -> Done:
    return Done(ref="q-1")


class MassageIn(BaseModel):
    area: str = Field(description="what hurts")
    date: dt.date = Field(description="day of the massage")


@pf.capability(intent="Book a sports massage", tags=["club", "recovery"])
async def book_massage(inp: MassageIn) -> Done:
    return Done(ref="o-1")


class PublishIn(BaseModel):
    route: str = Field(description="name of the route")
    page: Literal["club", "public"] = Field(description="which page shows it")


@pf.capability(intent="Publish a ride route", tags=["club", "routes"])
async def publish_route(inp: PublishIn) -> Done:
    return Done(ref="p-1")


class HireQuoteIn(BaseModel):
    town: str = Field(description="town or district to collect from")
    currency: Literal["GBP", "EUR", "USD"] = "GBP"
    max_price: float | None = Field(default=None, description="most to pay per day")


class Quote(BaseModel):
    price: float


@pf.capability(intent="Find bikes for hire near a town", tags=["club", "fleet"])
async def find_hire_bikes(inp: HireQuoteIn) -> Quote:
    return Quote(price=0.0)


class FootageIn(BaseModel):
    race: str = Field(pattern=r"^RC[0-9]{3}$", description="race code")
    lap: int = Field(ge=1, description="which lap it shows")
    link: str = Field(description="where the footage is", json_schema_extra={"format": "uri"})


@pf.capability(intent="Attach race footage to a lap", tags=["club", "racing"])
async def attach_footage(inp: FootageIn) -> Done:
    return Done(ref="v-1")


class PostageIn(BaseModel):
    part: str = Field(description="spare part to post")
    weight_kg: float = Field(description="parcel weight in kg")
    currency: Literal["GBP", "EUR"] = "EUR"


@pf.capability(intent="Quote the postage of a spare part", tags=["workshop", "post"])
async def quote_postage(inp: PostageIn) -> Quote:
    return Quote(price=0.0)


class ShowingIn(BaseModel):
    bike_id: str = Field(pattern=r"^BK-[0-9]{4}$", description="frame tag of the bike")
    date: dt.date = Field(description="day it is shown")


@pf.capability(intent="Arrange a showing of a bike for sale", tags=["club", "sales"])
async def schedule_showing(inp: ShowingIn) -> Done:
    return Done(ref="sh-1")


CAPABILITIES = [
    service_bike,
    log_session,
    send_text,
    prolong_locker,
    lend_bike,
    reserve_stand,
    register_frame,
    file_crash,
    get_mileage_statement,
    hire_bike,
    add_ride_to_calendar,
    find_routes,
    book_courier,
    book_coaching,
    book_massage,
    publish_route,
    find_hire_bikes,
    attach_footage,
    quote_postage,
    schedule_showing,
]
