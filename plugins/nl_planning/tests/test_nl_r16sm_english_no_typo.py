"""A real English word is no typo of a registry's word: "sorted" (lemma "sort") is never
rewritten as "port" by the one edit between the lemmas. A stem that is no word itself
("smoking": smok) is still only spelling, and a capability's "smoke" is what it says."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.embeddings import load_default
from packetflow_nl_planning.index import Index
from packetflow_nl_planning.text import tokenize
from packetflow_nl_planning.typos import Typos


class Done(BaseModel):
    ok: bool


class PortIn(BaseModel):
    port: int = Field(ge=1, le=65535, description="port number to open on the router")


@pf.capability(intent="Open a port on the home router", tags=["network"])
async def open_port(inp: PortIn) -> Done:
    return Done(ok=True)


class PlaceIn(BaseModel):
    city: str = Field(description="city to forecast")


@pf.capability(intent="Get the weather forecast for a city", tags=["weather"])
async def get_weather(inp: PlaceIn) -> Done:
    return Done(ok=True)


class FaultIn(BaseModel):
    fault: Literal["smoke", "noise", "leak"] = Field(description="what is wrong with the oven")


@pf.capability(intent="Report a fault with the oven", tags=["repairs"])
async def report_fault(inp: FaultIn) -> Done:
    return Done(ok=True)


def _corrected(text: str) -> list[str]:
    encoder = load_default()
    if encoder is None:
        pytest.skip("the embeddings extra is not installed")
    index = Index(encoder)
    index.rebuild([open_port, report_fault, get_weather])
    tokens = tokenize(text)
    Typos(index).correct(tokens)
    return [t.lower for t in tokens if t.is_word]


@pytest.mark.parametrize("text", ["sorted the recycling", "I sorted the laundry out"])
def test_an_english_word_whose_lemma_is_a_word_is_no_typo(text: str) -> None:
    assert "sorted" in _corrected(text)
    assert "port" not in _corrected(text)


def test_a_stem_that_is_no_word_is_still_read_as_its_word() -> None:
    assert "smoke" in _corrected("the oven is smoking")


def test_a_long_english_word_one_edit_from_ours_is_still_corrected() -> None:
    # "wether" is a word of its own, six letters long and its own lemma: one edit from the
    # registry's "weather", it is taken for what was meant.
    assert "weather" in _corrected("what's the wether in Leeds")
