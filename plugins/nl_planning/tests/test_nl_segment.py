"""Clause splitting on its own: what joins two requests and what only says more about one."""

from __future__ import annotations

import pytest

from packetflow_nl_planning.segment import split
from packetflow_nl_planning.text import normalize, tokenize


def _clauses(text: str) -> list[str]:
    text = normalize(text)
    return [text[c.start : c.end] for c in split(tokenize(text), [])]


@pytest.mark.parametrize(
    "text",
    [
        "ship the crate to Leeds, leaving at noon, charging it to my account",
        "order the cake and make it gluten free",
        "print the poster, keep it in colour",
        "reserve the court for Friday, I'll settle it at the desk",
    ],
    ids=["participles", "make-it", "keep-it", "i-will-it"],
)
def test_what_only_says_more_stays_with_its_request(text: str) -> None:
    assert len(_clauses(text)) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("order the cake and email the baker", 2),
        ("the cake came broken, I want to return it", 2),
        ("order the cake, then keep the receipt", 2),
        ("first order the cake, next email the baker", 2),
        ("order the cake as well as emailing the baker", 2),
        ("order the cake, lastly email the baker", 2),
        ("order the cake for next week", 1),
        ("order the cake followed by a card for the baker", 2),
    ],
    ids=[
        "and-a-verb",
        "a-desire-is-a-request",
        "hard-connector",
        "next",
        "as-well-as-a-gerund",
        "lastly",
        "next-week-is-no-connector",
        "followed-by",
    ],
)
def test_new_requests_still_split(text: str, count: int) -> None:
    assert len(_clauses(text)) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("find books by Mary W. Shelley", 1),
        ("ask Dr. Okafor for a slot", 1),
        ("take plan B. Then email the team", 2),
        ("order the cake. Then email the baker", 2),
    ],
    ids=["middle-initial", "title", "a-letter-ends-a-sentence", "full-stop"],
)
def test_a_full_stop_after_an_initial_ends_no_sentence(text: str, count: int) -> None:
    assert len(_clauses(text)) == count
