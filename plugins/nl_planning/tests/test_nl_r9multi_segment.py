"""Where a compound request splits: a lead told as done first ("when you ...", "once you've
...") with no comma after it ends where the next action verb past its own begins."""

from __future__ import annotations

import pytest

from packetflow_nl_planning.segment import split
from packetflow_nl_planning.text import normalize, tokenize


def _clauses(text: str) -> list[str]:
    text = normalize(text)
    return [text[c.start : c.end] for c in split(tokenize(text), [])]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("when you fix the gate call me", ["fix the gate", "call me"]),
        (
            "once you've washed the van send me the invoice",
            ["washed the van", "send me the invoice"],
        ),
        (
            "once you have cleaned the oven, book the next visit",
            ["cleaned the oven", "book the next visit"],
        ),
    ],
    ids=["when-you", "once-you-ve", "with-a-comma-as-before"],
)
def test_a_lead_done_first_ends_at_the_next_verb(text: str, clauses: list[str]) -> None:
    assert _clauses(text) == clauses


def test_a_lead_with_one_verb_stays_one_request() -> None:
    assert len(_clauses("when you fix the gate please")) == 1
