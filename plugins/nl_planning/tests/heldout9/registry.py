"""A ninth blind registry: 41 capabilities in 14 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases of the earlier held-out sets. Each capability has a name, an intent, tags and
input/output models whose fields carry a type, a ``description`` and, where a real API would have
one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Four of them declare
``examples=`` as a few authors would (``send_rehearsal_apologies``, ``log_climb``,
``report_boiler_fault``, ``set_milk_standing_order``); none declares ``keywords=``. Bodies are
trivial: the set measures planning, not execution.

Opposite or neighbouring actions that both exist: ``pause_milk_deliveries``/
``resume_milk_deliveries``, ``enable_mot_reminder``/``disable_mot_reminder``,
``book_tee_time``/``cancel_tee_time``, ``book_karaoke_room``/``cancel_karaoke_room``;
``hire_skip``/``extend_skip_hire`` (a longer hire, not a cancel); ``start_window_cleaning``/
``skip_window_clean`` (one visit missed, not the round stopped). Reads beside writes on the same
object: ``log_climb``/``get_climbing_log``, ``book_boiler_service``/
``get_boiler_service_history``, ``register_quiz_team``/``get_quiz_results``,
``set_milk_standing_order``/``get_milkman_balance``, ``book_vet_appointment``/
``get_vaccination_record``. Absent on purpose: no cancel of a skip, a boiler visit, a climbing
session, a trampoline session, a bouncy castle, a tree order, a quiz team, a vet appointment, an
MOT test or a sheet music order; no leaving the choir; no stopping the window round; no refund
of a quiz entry or a window payment; no cancelling the milk order altogether.

Outputs feed inputs of the same name: ``search_sheet_music.score_id`` → ``order_sheet_music``,
``get_skip_quote.quote_id`` → ``hire_skip``, ``search_tee_times.tee_time_id`` →
``book_tee_time``, ``search_bouncy_castles.castle_id`` → ``hire_bouncy_castle``,
``find_christmas_trees.tree_id`` → ``order_christmas_tree``, ``order_christmas_tree.order_id`` →
``book_tree_collection``, ``register_quiz_team.team_id`` → ``pay_quiz_entry``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule

_EMAIL = {"format": "email"}
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_PHONE = r"^\+[1-9][0-9]{7,14}$"
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$"
_PLATE = r"^[A-Z]{2}[0-9]{2} [A-Z]{3}$"
_SCORE = r"^SM-[0-9]{5}$"
_GRADE = r"^(V[0-9]{1,2}|[3-9][abc]?\+?)$"
_SKIP_QUOTE = r"^SQ-[0-9]{5}$"
_SKIP_HIRE = r"^SH-[0-9]{5}$"
_TEE_TIME = r"^GT-[0-9]{5}$"
_TEE_BOOKING = r"^GB-[0-9]{5}$"
_KARAOKE = r"^KR-[0-9]{5}$"
_CASTLE = r"^BC-[0-9]{4}$"
_TREE = r"^XT-[0-9]{4}$"
_TREE_ORDER = r"^XO-[0-9]{5}$"
_QUIZ_TEAM = r"^QT-[0-9]{4}$"

VoicePart = Literal["soprano", "alto", "tenor", "bass"]
Wall = Literal["bouldering", "top_rope", "lead", "auto_belay"]
TimeWindow = Literal["morning", "afternoon"]
Currency = Literal["GBP", "EUR"]


class Done(BaseModel):
    ok: bool


# --- community choir --------------------------------------------------------------------------


class RehearsalsIn(BaseModel):
    voice_part: VoicePart | None = Field(default=None, description="only this section's calls")
    from_date: dt.date | None = Field(default=None, description="first day to list")


class RehearsalsOut(BaseModel):
    rehearsals: int
    next_venue: str


@pf.capability(intent="When and where the singers meet next", tags=["choir", "calendar"])
async def get_rehearsal_schedule(inp: RehearsalsIn) -> RehearsalsOut:
    return RehearsalsOut(rehearsals=4, next_venue="St Anne's hall")


class ApologiesIn(BaseModel):
    date: dt.date = Field(description="the practice night missed")
    member_email: str = Field(json_schema_extra=_EMAIL, description="the singer's address")
    reason: str | None = Field(default=None, description="a word for the choir director")


@pf.capability(
    intent="Letting the director know a singer will be absent from practice",
    tags=["choir", "attendance"],
    examples=["won't be at choir on the 9th, I'm at a wedding", "off sick for practice tonight"],
)
async def send_rehearsal_apologies(inp: ApologiesIn) -> Done:
    return Done(ok=True)


class MusicSearchIn(BaseModel):
    query: str = Field(description="title, composer or occasion, e.g. 'Fauré Requiem'")
    voicing: Literal["SATB", "SSA", "TTBB", "unison"] | None = Field(
        default=None, description="which voices the arrangement is for"
    )
    max_price: float | None = Field(default=None, gt=0, le=50, description="per copy, GBP")


class MusicSearchOut(BaseModel):
    score_id: str
    title: str


@pf.capability(intent="Arrangements the music publisher has in print", tags=["choir", "music"])
async def search_sheet_music(inp: MusicSearchIn) -> MusicSearchOut:
    return MusicSearchOut(score_id="SM-20417", title="Cantique de Jean Racine")


class MusicOrderIn(BaseModel):
    score_id: str = Field(pattern=_SCORE, description="the arrangement, e.g. SM-20417")
    copies: int = Field(ge=1, le=80, description="one per singer")
    edition: Literal["paper", "pdf_licence"] = Field(default="paper", description="print or PDF")


class MusicOrderOut(BaseModel):
    order_id: str


@pf.capability(intent="Copies of a score for every singer", tags=["choir", "music", "shop"])
async def order_sheet_music(inp: MusicOrderIn) -> MusicOrderOut:
    return MusicOrderOut(order_id="MO-3310")


# --- climbing wall ----------------------------------------------------------------------------


class ClimbIn(BaseModel):
    date: dt.date = Field(description="day at the wall")
    time: str = Field(pattern=_HHMM, description="arrival, HH:MM")
    climbers: int = Field(default=1, ge=1, le=10, description="how many people")
    activity: Wall = Field(default="bouldering", description="which area of the centre")
    shoe_hire: bool = Field(default=False, description="borrow climbing shoes at the desk")


class ClimbOut(BaseModel):
    booking_id: str


@pf.capability(intent="A slot at the indoor wall", tags=["climbing", "centre"])
async def book_climbing_session(inp: ClimbIn) -> ClimbOut:
    return ClimbOut(booking_id="CW-20417")


class ClimbLogIn(BaseModel):
    grade: str = Field(pattern=_GRADE, description="French grade (6a+) or V grade (V4)")
    climbed_on: dt.date = Field(description="day of the ascent")
    style: Literal["flash", "onsight", "redpoint", "attempt"] = Field(
        default="redpoint", description="how it went"
    )
    attempts: int | None = Field(default=None, ge=1, le=50, description="goes it took")
    route_name: str | None = Field(default=None, description="what the setters called it")


class ClimbLogOut(BaseModel):
    entry_id: str


@pf.capability(
    intent="A problem or route ticked off in the climber's logbook",
    tags=["climbing", "log"],
    examples=["flashed a 6b on the slab on Tuesday", "finally sent that V5 after 12 goes"],
)
async def log_climb(inp: ClimbLogIn) -> ClimbLogOut:
    return ClimbLogOut(entry_id="CL-7710")


class ClimbHistoryIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")
    activity: Wall | None = Field(default=None, description="only this kind of climbing")


class ClimbHistoryOut(BaseModel):
    ascents: int
    hardest_grade: str


@pf.capability(intent="Ticks and grades over a period", tags=["climbing", "log"])
async def get_climbing_log(inp: ClimbHistoryIn) -> ClimbHistoryOut:
    return ClimbHistoryOut(ascents=23, hardest_grade="6c")


# --- skip hire --------------------------------------------------------------------------------


class SkipQuoteIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where it goes, e.g. NG7 2QL")
    size_yards: Literal[2, 4, 6, 8, 12] = Field(default=6, description="capacity, cubic yards")
    waste: Literal["general", "garden", "rubble", "plasterboard", "mixed"] = Field(
        default="mixed", description="what will be thrown in"
    )
    on_road: bool = Field(default=False, description="on the street, so a council permit")


class SkipQuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(intent="What a builder's skip would cost", tags=["skips", "waste"])
async def get_skip_quote(inp: SkipQuoteIn) -> SkipQuoteOut:
    return SkipQuoteOut(quote_id="SQ-20417", price=240.0)


class SkipHireIn(BaseModel):
    quote_id: str = Field(pattern=_SKIP_QUOTE, description="the quote, e.g. SQ-20417")
    delivery_date: dt.date = Field(description="day the lorry drops it off")
    hire_days: int = Field(default=7, ge=1, le=28, description="days before collection")
    phone: str | None = Field(default=None, pattern=_PHONE, description="for the driver, E.164")


class SkipHireOut(BaseModel):
    hire_ref: str


@pf.capability(intent="The skip dropped off against a price", tags=["skips", "waste"])
async def hire_skip(inp: SkipHireIn) -> SkipHireOut:
    return SkipHireOut(hire_ref="SH-20417")


class SkipExtendIn(BaseModel):
    hire_ref: str = Field(pattern=_SKIP_HIRE, description="the hire, e.g. SH-20417")
    extra_days: int = Field(ge=1, le=28, description="more days before collection")


@pf.capability(intent="Keep the skip on the drive for longer", tags=["skips"])
async def extend_skip_hire(inp: SkipExtendIn) -> Done:
    return Done(ok=True)


# --- golf tee times ---------------------------------------------------------------------------


class TeeSearchIn(BaseModel):
    course: str = Field(description="which golf club or course")
    date: dt.date = Field(description="day of the round")
    players: int = Field(default=1, ge=1, le=4, description="how many in the group")
    holes: Literal[9, 18] = Field(default=18, description="length of the round")


class TeeSearchOut(BaseModel):
    tee_time_id: str
    time: str


@pf.capability(intent="Free starting slots on the first tee", tags=["golf"])
async def search_tee_times(inp: TeeSearchIn) -> TeeSearchOut:
    return TeeSearchOut(tee_time_id="GT-20417", time="09:40")


class TeeBookIn(BaseModel):
    tee_time_id: str = Field(pattern=_TEE_TIME, description="the slot, e.g. GT-20417")
    players: int = Field(ge=1, le=4, description="names go on the starter's sheet")
    email: str = Field(json_schema_extra=_EMAIL, description="for the confirmation")
    buggy: bool = Field(default=False, description="a golf cart for the round")


class TeeBookOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A group's slot on the starter's sheet", tags=["golf"])
async def book_tee_time(inp: TeeBookIn) -> TeeBookOut:
    return TeeBookOut(booking_ref="GB-20417")


class TeeCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_TEE_BOOKING, description="the booking, e.g. GB-20417")
    reason: str | None = Field(default=None, description="why, for the pro shop")


@pf.capability(intent="Not playing that round after all", tags=["golf"])
async def cancel_tee_time(inp: TeeCancelIn) -> Done:
    return Done(ok=True)


# --- karaoke rooms ----------------------------------------------------------------------------


class KaraokeIn(BaseModel):
    date: dt.date = Field(description="night out")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    guests: int = Field(ge=2, le=30, description="how many singing")
    duration_minutes: int = Field(default=120, ge=60, le=240, description="length, minutes")


class KaraokeOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A private booth with a microphone and a song list", tags=["karaoke"])
async def book_karaoke_room(inp: KaraokeIn) -> KaraokeOut:
    return KaraokeOut(booking_ref="KR-20417")


class KaraokeCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_KARAOKE, description="the room, e.g. KR-20417")


@pf.capability(intent="The singing night is off", tags=["karaoke"])
async def cancel_karaoke_room(inp: KaraokeCancelIn) -> Done:
    return Done(ok=True)


# --- boiler servicing -------------------------------------------------------------------------


class BoilerServiceIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the property, e.g. LS6 3HN")
    date: dt.date = Field(description="day the engineer comes")
    time_window: TimeWindow | None = Field(default=None, description="morning or afternoon")
    fuel: Literal["gas", "oil", "lpg"] = Field(default="gas", description="what the boiler burns")
    landlord_certificate: bool = Field(
        default=False, description="also issue the landlord gas safety record (CP12)"
    )


class BoilerServiceOut(BaseModel):
    job_id: str


@pf.capability(intent="The engineer's yearly check of the central heating", tags=["boiler"])
async def book_boiler_service(inp: BoilerServiceIn) -> BoilerServiceOut:
    return BoilerServiceOut(job_id="BS-20417")


class BoilerFaultIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the property, e.g. LS6 3HN")
    fault: Literal["no_heating", "no_hot_water", "leaking", "low_pressure", "error_code"] = Field(
        description="what is wrong"
    )
    error_code: str | None = Field(
        default=None, pattern=r"^[A-Z]{0,2}[0-9]{1,3}$", description="shown on the display"
    )
    vulnerable_occupant: bool = Field(
        default=False, description="someone elderly, ill or a baby in the house"
    )


class BoilerFaultOut(BaseModel):
    callout_id: str


@pf.capability(
    intent="The heating has gone wrong and needs a callout",
    tags=["boiler", "repairs"],
    examples=["boiler's showing F28, no heating at LS6 3HN", "water dripping under the boiler"],
)
async def report_boiler_fault(inp: BoilerFaultIn) -> BoilerFaultOut:
    return BoilerFaultOut(callout_id="BF-5512")


class BoilerHistoryIn(BaseModel):
    postcode: str | None = Field(default=None, pattern=_POSTCODE, description="the property")
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class BoilerHistoryOut(BaseModel):
    visits: int


@pf.capability(intent="Past engineer visits and what they found", tags=["boiler"])
async def get_boiler_service_history(inp: BoilerHistoryIn) -> BoilerHistoryOut:
    return BoilerHistoryOut(visits=2)


# --- milk round -------------------------------------------------------------------------------


class MilkOrderIn(BaseModel):
    pints: int = Field(ge=1, le=20, description="pints each delivery")
    milk: Literal["whole", "semi_skimmed", "skimmed", "oat"] = Field(
        default="semi_skimmed", description="which milk"
    )
    frequency: Literal["daily", "alternate_days", "weekdays", "weekends"] = Field(
        default="daily", description="which mornings"
    )
    glass_bottles: bool = Field(default=True, description="glass, returned on the step")
    start_date: dt.date | None = Field(default=None, description="first morning")


class MilkOrderOut(BaseModel):
    order_id: str


@pf.capability(
    intent="What the milkman leaves on the doorstep each time",
    tags=["milk", "deliveries"],
    examples=["three pints of whole every day", "oat milk on weekends only"],
)
async def set_milk_standing_order(inp: MilkOrderIn) -> MilkOrderOut:
    return MilkOrderOut(order_id="MK-3310")


class MilkPauseIn(BaseModel):
    start_date: dt.date | None = Field(default=None, description="first morning with no milk")
    end_date: dt.date = Field(description="last morning with no milk")


@pf.capability(intent="Nothing on the doorstep while we're away", tags=["milk", "deliveries"])
async def pause_milk_deliveries(inp: MilkPauseIn) -> Done:
    return Done(ok=True)


class MilkResumeIn(BaseModel):
    from_date: dt.date | None = Field(
        default=None, description="first morning back; the next round if left out"
    )


@pf.capability(intent="The float stops at the house again", tags=["milk", "deliveries"])
async def resume_milk_deliveries(inp: MilkResumeIn) -> Done:
    return Done(ok=True)


class NoInput(BaseModel):
    pass


class MilkBalanceOut(BaseModel):
    amount_due: Decimal
    currency: Currency


@pf.capability(intent="What is owed to the dairy this week", tags=["milk", "payments"])
async def get_milkman_balance(inp: NoInput) -> MilkBalanceOut:
    return MilkBalanceOut(amount_due=Decimal("8.40"), currency="GBP")


# --- MOT testing ------------------------------------------------------------------------------


class MotIn(BaseModel):
    registration: str = Field(pattern=_PLATE, description="number plate, e.g. KM19 XTR")
    date: dt.date = Field(description="day of the test")
    time: str | None = Field(default=None, pattern=_HHMM, description="drop-off, HH:MM")
    vehicle: Literal["car", "motorcycle", "van"] = Field(default="car", description="class")
    collect_and_deliver: bool = Field(default=False, description="the garage fetches it")


class MotOut(BaseModel):
    booking_ref: str


@pf.capability(intent="The annual roadworthiness check at the garage", tags=["mot", "vehicle"])
async def book_mot_test(inp: MotIn) -> MotOut:
    return MotOut(booking_ref="MT-20417")


class MotReminderIn(BaseModel):
    registration: str = Field(pattern=_PLATE, description="number plate, e.g. KM19 XTR")
    phone: str = Field(pattern=_PHONE, description="mobile for the text, E.164")
    days_before: int = Field(default=30, ge=7, le=60, description="warning ahead of the due date")


@pf.capability(intent="A text before the certificate runs out", tags=["mot", "alerts"])
async def enable_mot_reminder(inp: MotReminderIn) -> Done:
    return Done(ok=True)


class MotReminderOffIn(BaseModel):
    registration: str = Field(pattern=_PLATE, description="number plate, e.g. KM19 XTR")


@pf.capability(intent="No more texts about a vehicle's test date", tags=["mot", "alerts"])
async def disable_mot_reminder(inp: MotReminderOffIn) -> Done:
    return Done(ok=True)


# --- trampoline park --------------------------------------------------------------------------


class JumpIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    jumpers: int = Field(ge=1, le=20, description="how many bouncing")
    session: Literal["open_jump", "toddler", "fitness", "dodgeball"] = Field(
        default="open_jump", description="kind of session"
    )
    grip_socks: int = Field(default=0, ge=0, le=20, description="pairs of socks to buy")


class JumpOut(BaseModel):
    booking_id: str


@pf.capability(intent="An hour bouncing at the indoor park", tags=["trampoline"])
async def book_trampoline_session(inp: JumpIn) -> JumpOut:
    return JumpOut(booking_id="TP-20417")


class WaiverIn(BaseModel):
    participant_name: str = Field(description="who is jumping")
    date_of_birth: dt.date = Field(description="the jumper's birthday")
    guardian_email: str = Field(json_schema_extra=_EMAIL, description="a parent, under 18s")


class WaiverOut(BaseModel):
    waiver_id: str


@pf.capability(intent="The safety form every jumper needs on file", tags=["trampoline"])
async def sign_jump_waiver(inp: WaiverIn) -> WaiverOut:
    return WaiverOut(waiver_id="WV-1120")


# --- window cleaning --------------------------------------------------------------------------


class WindowRoundIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the house, e.g. CF5 1QE")
    house: Literal["flat", "terraced", "semi_detached", "detached"] = Field(
        description="size of the house"
    )
    frequency: Literal["four_weekly", "eight_weekly", "monthly"] = Field(
        default="four_weekly", description="how often he comes"
    )
    frames_and_sills: bool = Field(default=False, description="wipe the frames too")


class WindowRoundOut(BaseModel):
    customer_id: str


@pf.capability(intent="A regular visit from the window cleaner", tags=["windows", "home"])
async def start_window_cleaning(inp: WindowRoundIn) -> WindowRoundOut:
    return WindowRoundOut(customer_id="WC-4410")


class WindowSkipIn(BaseModel):
    date: dt.date = Field(description="the visit to miss")
    reason: str | None = Field(default=None, description="why, for the cleaner")


@pf.capability(intent="Miss one visit of the window round", tags=["windows"])
async def skip_window_clean(inp: WindowSkipIn) -> Done:
    return Done(ok=True)


class WindowPayIn(BaseModel):
    amount: Decimal = Field(gt=0, le=200, description="what he is owed")
    currency: Currency = Field(default="GBP", description="of the amount")
    note: str | None = Field(default=None, description="a message with the payment")


class WindowPayOut(BaseModel):
    receipt: str


@pf.capability(intent="Settle up with the window cleaner", tags=["windows", "payments"])
async def pay_window_cleaner(inp: WindowPayIn) -> WindowPayOut:
    return WindowPayOut(receipt="WR-1120")


# --- bouncy castle hire -----------------------------------------------------------------------


class CastleSearchIn(BaseModel):
    date: dt.date = Field(description="day of the party")
    theme: Literal["princess", "superhero", "jungle", "football", "plain"] | None = Field(
        default=None, description="the design"
    )
    max_width_m: float | None = Field(default=None, gt=0, le=20, description="space free, m")
    indoor: bool = Field(default=False, description="fits under a hall ceiling")


class CastleSearchOut(BaseModel):
    castle_id: str
    price: float


@pf.capability(intent="Inflatables free for a kids' party", tags=["party", "inflatables"])
async def search_bouncy_castles(inp: CastleSearchIn) -> CastleSearchOut:
    return CastleSearchOut(castle_id="BC-2041", price=85.0)


class CastleHireIn(BaseModel):
    castle_id: str = Field(pattern=_CASTLE, description="the inflatable, e.g. BC-2041")
    date: dt.date = Field(description="day of the party")
    postcode: str = Field(pattern=_POSTCODE, description="where it is set up")
    hire_hours: int = Field(default=4, ge=2, le=12, description="hours before it is packed up")
    generator: bool = Field(default=False, description="no socket nearby, bring power")


class CastleHireOut(BaseModel):
    hire_id: str


@pf.capability(intent="The inflatable delivered and blown up on the day", tags=["party"])
async def hire_bouncy_castle(inp: CastleHireIn) -> CastleHireOut:
    return CastleHireOut(hire_id="BH-5512")


# --- Christmas trees --------------------------------------------------------------------------


class TreeSearchIn(BaseModel):
    species: Literal["nordmann_fir", "norway_spruce", "fraser_fir", "blue_spruce"] | None = Field(
        default=None, description="kind of tree"
    )
    height_cm: int | None = Field(default=None, ge=60, le=400, description="tallest wanted, cm")
    potted: bool = Field(default=False, description="in a pot with roots, to replant")


class TreeSearchOut(BaseModel):
    tree_id: str
    price: float


@pf.capability(intent="Firs and spruces in stock this December", tags=["christmas", "trees"])
async def find_christmas_trees(inp: TreeSearchIn) -> TreeSearchOut:
    return TreeSearchOut(tree_id="XT-2041", price=55.0)


class TreeOrderIn(BaseModel):
    tree_id: str = Field(pattern=_TREE, description="the tree, e.g. XT-2041")
    postcode: str = Field(pattern=_POSTCODE, description="delivery address")
    delivery_date: dt.date = Field(description="day it arrives")
    stand: bool = Field(default=False, description="add a stand that holds water")


class TreeOrderOut(BaseModel):
    order_id: str


@pf.capability(intent="A fir brought round to the house", tags=["christmas", "trees"])
async def order_christmas_tree(inp: TreeOrderIn) -> TreeOrderOut:
    return TreeOrderOut(order_id="XO-20417")


class TreeCollectIn(BaseModel):
    order_id: str = Field(pattern=_TREE_ORDER, description="the tree order, e.g. XO-20417")
    date: dt.date = Field(description="day it is taken away to be chipped")


@pf.capability(intent="The old tree taken away after twelfth night", tags=["christmas"])
async def book_tree_collection(inp: TreeCollectIn) -> Done:
    return Done(ok=True)


# --- pub quiz ---------------------------------------------------------------------------------


class QuizTeamIn(BaseModel):
    team_name: str = Field(description="what the quizmaster reads out")
    players: int = Field(ge=1, le=8, description="people on the team")
    date: dt.date = Field(description="quiz night")
    captain_email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="for the reminder"
    )


class QuizTeamOut(BaseModel):
    team_id: str


@pf.capability(intent="A table at the pub's trivia night", tags=["quiz", "pub"])
async def register_quiz_team(inp: QuizTeamIn) -> QuizTeamOut:
    return QuizTeamOut(team_id="QT-2041")


class QuizEntryIn(BaseModel):
    team_id: str = Field(pattern=_QUIZ_TEAM, description="the team, e.g. QT-2041")
    amount: Decimal = Field(gt=0, le=100, description="the entry fee")
    currency: Currency = Field(default="GBP", description="of the amount")


class QuizEntryOut(BaseModel):
    receipt: str


@pf.capability(intent="Money for the quiz kitty ahead of the night", tags=["quiz", "payments"])
async def pay_quiz_entry(inp: QuizEntryIn) -> QuizEntryOut:
    return QuizEntryOut(receipt="QR-9910")


class QuizResultsIn(BaseModel):
    date: dt.date | None = Field(default=None, description="the quiz night")
    team_name: str | None = Field(default=None, description="only this team")


class QuizResultsOut(BaseModel):
    position: int
    points: int


@pf.capability(intent="Where each team finished on the leaderboard", tags=["quiz", "results"])
async def get_quiz_results(inp: QuizResultsIn) -> QuizResultsOut:
    return QuizResultsOut(position=3, points=41)


# --- vet's surgery ----------------------------------------------------------------------------

Species = Literal["dog", "cat", "rabbit", "guinea_pig", "bird", "other"]


class VetIn(BaseModel):
    pet_name: str = Field(description="the animal's name")
    species: Species = Field(description="what kind of animal")
    date: dt.date = Field(description="day of the appointment")
    time: str | None = Field(default=None, pattern=_HHMM, description="HH:MM")
    visit: Literal["vaccination", "check_up", "injury", "dental", "neutering"] = Field(
        default="check_up", description="what it is for"
    )
    note: str | None = Field(default=None, description="symptoms or worries for the vet")


class VetOut(BaseModel):
    appointment_id: str


@pf.capability(intent="A slot with the vet for an animal", tags=["vet", "pets"])
async def book_vet_appointment(inp: VetIn) -> VetOut:
    return VetOut(appointment_id="VA-20417")


class PetRxIn(BaseModel):
    pet_name: str = Field(description="the animal's name")
    medicine: str = Field(description="the product, e.g. 'Bravecto'")
    weight_kg: float | None = Field(default=None, gt=0, le=100, description="for the dose, kg")
    quantity: int = Field(default=1, ge=1, le=12, description="packs")
    delivery: Literal["collect", "post"] = Field(default="collect", description="how it comes")


class PetRxOut(BaseModel):
    request_id: str


@pf.capability(intent="More of an animal's regular medicine", tags=["vet", "pharmacy"])
async def order_pet_prescription(inp: PetRxIn) -> PetRxOut:
    return PetRxOut(request_id="RX-3310")


class JabsIn(BaseModel):
    pet_name: str = Field(description="the animal's name")


class JabsOut(BaseModel):
    last_vaccination: dt.date
    due: dt.date


@pf.capability(intent="Which jabs an animal has had and when boosters are due", tags=["vet"])
async def get_vaccination_record(inp: JabsIn) -> JabsOut:
    return JabsOut(last_vaccination=dt.date(2026, 3, 1), due=dt.date(2027, 3, 1))


CAPABILITIES: list[pf.Capability] = [
    get_rehearsal_schedule,
    send_rehearsal_apologies,
    search_sheet_music,
    order_sheet_music,
    book_climbing_session,
    log_climb,
    get_climbing_log,
    get_skip_quote,
    hire_skip,
    extend_skip_hire,
    search_tee_times,
    book_tee_time,
    cancel_tee_time,
    book_karaoke_room,
    cancel_karaoke_room,
    book_boiler_service,
    report_boiler_fault,
    get_boiler_service_history,
    set_milk_standing_order,
    pause_milk_deliveries,
    resume_milk_deliveries,
    get_milkman_balance,
    book_mot_test,
    enable_mot_reminder,
    disable_mot_reminder,
    book_trampoline_session,
    sign_jump_waiver,
    start_window_cleaning,
    skip_window_clean,
    pay_window_cleaner,
    search_bouncy_castles,
    hire_bouncy_castle,
    find_christmas_trees,
    order_christmas_tree,
    book_tree_collection,
    register_quiz_team,
    pay_quiz_entry,
    get_quiz_results,
    book_vet_appointment,
    order_pet_prescription,
    get_vaccination_record,
]

DOMAINS: dict[str, list[str]] = {
    "community choir": [
        "get_rehearsal_schedule",
        "send_rehearsal_apologies",
        "search_sheet_music",
        "order_sheet_music",
    ],
    "climbing wall": ["book_climbing_session", "log_climb", "get_climbing_log"],
    "skip hire": ["get_skip_quote", "hire_skip", "extend_skip_hire"],
    "golf tee times": ["search_tee_times", "book_tee_time", "cancel_tee_time"],
    "karaoke rooms": ["book_karaoke_room", "cancel_karaoke_room"],
    "boiler servicing": [
        "book_boiler_service",
        "report_boiler_fault",
        "get_boiler_service_history",
    ],
    "milk round": [
        "set_milk_standing_order",
        "pause_milk_deliveries",
        "resume_milk_deliveries",
        "get_milkman_balance",
    ],
    "MOT testing": ["book_mot_test", "enable_mot_reminder", "disable_mot_reminder"],
    "trampoline park": ["book_trampoline_session", "sign_jump_waiver"],
    "window cleaning": ["start_window_cleaning", "skip_window_clean", "pay_window_cleaner"],
    "bouncy castle hire": ["search_bouncy_castles", "hire_bouncy_castle"],
    "Christmas trees": ["find_christmas_trees", "order_christmas_tree", "book_tree_collection"],
    "pub quiz": ["register_quiz_team", "pay_quiz_entry", "get_quiz_results"],
    "vet's surgery": [
        "book_vet_appointment",
        "order_pet_prescription",
        "get_vaccination_record",
    ],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout9", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
