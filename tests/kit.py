"""Small capabilities the composition tests build plans from."""

from __future__ import annotations

from dataclasses import dataclass, field

import trio
from pydantic import BaseModel

import packetflow as pf
from packetflow import errors


class Num(BaseModel):
    value: int


class Doubled(BaseModel):
    doubled: int


class Word(BaseModel):
    text: str


class Score(BaseModel):
    score: float


class Delay(BaseModel):
    seconds: float
    label: str = ""


class Done(BaseModel):
    done: str


@pf.capability(intent="Add one")
async def inc(inp: Num) -> Num:
    return Num(value=inp.value + 1)


@pf.capability(intent="Double a number")
async def double(inp: Num) -> Doubled:
    return Doubled(doubled=inp.value * 2)


@pf.capability(intent="Describe a number in words")
async def to_text(inp: Num) -> Word:
    return Word(text=f"n={inp.value}")


@pf.capability(intent="Score a text")
async def score(inp: Word) -> Score:
    return Score(score=len(inp.text) / 10)


@pf.capability(intent="Always fails with E503")
async def unavailable(inp: Num) -> Num:
    raise errors.UnavailableError("dependency down")


@pf.capability(intent="Always fails with E422")
async def rejects(inp: Num) -> Num:
    raise errors.ContractViolationError("value rejected")


@pf.capability(intent="Fails on odd values")
async def even_only(inp: Num) -> Doubled:
    if inp.value % 2:
        raise errors.ContractViolationError(f"{inp.value} is odd")
    return Doubled(doubled=inp.value * 2)


@dataclass
class Tracker:
    """Observes concurrency and cancellation of the ``sleepy`` capability."""

    active: int = 0
    peak: int = 0
    started: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)


tracker = Tracker()


@pf.capability(intent="Sleep, tracking concurrency")
async def sleepy(inp: Delay) -> Done:
    tracker.active += 1
    tracker.peak = max(tracker.peak, tracker.active)
    tracker.started.append(inp.label)
    try:
        await trio.sleep(inp.seconds)
    except trio.Cancelled:
        tracker.cancelled.append(inp.label)
        raise
    finally:
        tracker.active -= 1
    tracker.finished.append(inp.label)
    return Done(done=inp.label)


ALL = [inc, double, to_text, score, unavailable, rejects, even_only, sleepy]
