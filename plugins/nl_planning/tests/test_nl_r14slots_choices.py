"""Choices said the way people say them, on a registry of these tests' own (curtain
alterations, sessions at a climbing wall): a phrasal verb whose particle follows its object
("take the curtains up" is shortening them, never taking them in), the verb that is the value
itself ("shorten them by 5 cm"), a verb and the thing it acts on named in the clause before
("the hooks have snapped, can you replace them?"), and of two values side by side as one noun
phrase the first ("a trial session": the head noun is the kind in general)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class CurtainIn(BaseModel):
    item: Literal["curtains", "blinds", "cushions"] = Field(description="what is altered")
    change: Literal["shorten", "lengthen", "take_in", "let_out", "replace_hooks", "repair"] = Field(
        description="what to do"
    )
    amount_cm: float | None = Field(default=None, ge=0, le=100, description="by how much, cm")


@pf.capability(
    intent="Have curtains or blinds taken up, let down or mended", tags=["soft furnishings"]
)
async def alter_curtains(inp: CurtainIn) -> Done:
    return Done(ok=True)


class SessionIn(BaseModel):
    kind: Literal["session", "trial", "group", "private"] = Field(
        default="session", description="kind of session"
    )
    day: dt.date = Field(description="which day")


@pf.capability(intent="Book a session at the climbing wall", tags=["climbing"])
async def book_climbing_session(inp: SessionIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [alter_curtains, book_climbing_session])


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("take the curtains up 5 cm", "shorten"),
        ("could you take my blinds up a bit", "shorten"),
        ("let the curtains down 3 cm please", "lengthen"),
        ("take the cushions in a bit", "take_in"),
        ("the curtains need letting out", "let_out"),
    ],
)
async def test_a_phrasal_verb_with_its_particle_after_the_object(
    node: pf.Node, text: str, change: str
) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["change"] == change


@pytest.mark.parametrize(
    "text",
    [
        "shorten the curtains by 5 cm",
        "please shorten my curtains 5cm",
        "I'd like the curtains shortened by 5 cm",
    ],
)
async def test_the_verb_that_is_the_value(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert (params["change"], params["amount_cm"]) == ("shorten", 5)


@pytest.mark.parametrize(
    "text",
    [
        "The hooks on my curtains have snapped, can you replace them?",
        "my blinds' hooks are broken - please replace them",
        "the curtains need their hooks replacing",
    ],
)
async def test_a_verb_and_the_thing_named_before(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["change"] == "replace_hooks"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("book a trial session on Friday", "trial"),
        ("private session at the climbing wall on Friday", "private"),
        ("book a group session at the climbing wall on Friday", "group"),
        ("book a climbing session on Friday", "session"),
    ],
)
async def test_of_two_values_side_by_side_the_first(node: pf.Node, text: str, kind: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params.get("kind", "session") == kind
    assert params["day"] == "2026-06-12"
