"""Counts of people the speaker gives without a number of their own: "just me" (1), "me and
my wife" (2), "me and my two kids" (3), "Sam, Ali and I" (3), for an integer field that counts
people or the places they take ("number of seats", ``passengers``, "people on board")."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..numbers import parse_number
from ..schema import FieldSpec

__all__ = ["HUMANS", "PEOPLE", "counts_people", "people_said"]

# Nouns of a field that counts people ("number of guests", ``party_size``, ``travellers``),
# or the places each of them takes ("number of seats", "tickets").
PEOPLE = frozenset(
    ("guest", "people", "person", "traveller", "traveler", "passenger", "adult", "diner",
     "party", "attendee", "participant", "visitor", "occupant", "rider", "player", "crew",
     "seat", "ticket", "member", "camper", "climber", "skier", "student")
)  # fmt: skip

# Nouns for people that no field is named by as often ("3 kids", "two friends"): a count of
# one of them may count people, while one of any other thing ("two cases") never does.
HUMANS = PEOPLE | frozenset(
    ("child", "children", "kid", "friend", "colleague", "guy", "mate", "man", "men", "woman",
     "women", "boy", "girl", "teen", "teenager", "senior", "baby", "toddler", "infant",
     "pensioner", "family", "us")
)  # fmt: skip

_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_NUMBER_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# Nouns of kin and of the people one goes about with ("my wife", "my two sons"): a thing of the
# speaker's ("me and my van") is no one.
_KIN = frozenset(
    ("wife", "husband", "partner", "spouse", "son", "daughter", "mum", "mom", "mother", "dad",
     "father", "parent", "brother", "sister", "sibling", "boyfriend", "girlfriend", "fiance",
     "fiancee", "grandma", "grandpa", "gran", "nan", "granny", "grandmother", "grandfather",
     "grandparent", "grandson", "granddaughter", "grandchild", "aunt", "uncle", "cousin",
     "nephew", "niece", "twin", "neighbour", "neighbor", "flatmate", "roommate", "housemate",
     "boss", "client", "plus-one", "companion", "buddy", "pal")
)  # fmt: skip
# "both of us", "the two of us", "all four of us", "us two": the speaker and company, counted.
_US = re.compile(
    rf"\b(?:(both)|(?:the|all)\s+({_NUMBER_WORDS})|({_NUMBER_WORDS}))\s+of\s+us\b"
    rf"|\bus\s+({_NUMBER_WORDS})\b",
    re.IGNORECASE,
)
_ALONE = re.compile(
    r"\b(?:just|only)\s+(?:me|myself)\b|\bby\s+myself\b|\bon\s+my\s+own\b|\b(?:alone|solo)\b",
    re.IGNORECASE,
)
# One person of a list the speaker is in: the speaker, "my wife", "my two kids", "Sam".
_ITEM = (
    rf"(?:\b(?:me|myself|I)\b|\b(?:my|our)\s+(?:{_NUMBER}\s+)?[a-z]+\b"
    r"|\b[A-Z][a-z]+\b(?!\s+[A-Z]))"
)
_LIST = re.compile(rf"{_ITEM}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_ITEM})+")
_SELF = re.compile(r"^(?:me|myself|i)$", re.IGNORECASE)
_SOME = re.compile(rf"\b(?:my|our)\s+({_NUMBER})\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def counts_people(spec: FieldSpec) -> bool:
    """Whether ``spec`` is an integer field that counts people (or their places)."""
    return spec.type == "integer" and bool(set(spec.words) & PEOPLE)


def _head_count(listed: str) -> int | None:
    """How many people a list that names the speaker holds ("me and my two kids": 3), or
    ``None`` when the speaker is not one of them."""
    items = _SPLIT.split(listed)
    if not any(_SELF.match(item) for item in items):
        return None
    total = 0
    for item in items:
        noun = item.split()[-1].lower() if item.split() else ""
        if item.split()[0].lower() in ("my", "our") and not _person(noun):
            return None  # "me and my van": no second person
        some = _SOME.match(item)
        value = parse_number(some.group(1)) if some else 1
        if not isinstance(value, int):
            return None
        total += value
    return total


def _person(noun: str) -> bool:
    """Whether a noun after "my" names a person (or people): "wife", "kids", "friends"."""
    one = noun[:-1] if noun.endswith("s") else noun
    return bool({noun, one} & (HUMANS | _KIN)) or noun in ("children", "people")


def people_said(spec: FieldSpec, scope: Scope, numbered: bool) -> tuple[Any, str] | None:
    """The count of people the clause names by who they are, for a field counting them; with
    ``numbered``, only a list holding a number of its own ("me and my 2 kids"), which counts
    more than that number does."""
    if not counts_people(spec):
        return None
    start, end = scope.span
    alone = _ALONE.finditer(scope.text, start, end)
    said: list[tuple[int, re.Match[str]]] = [(1, m) for m in alone]
    for m in _US.finditer(scope.text, start, end):
        word = m.group(2) or m.group(3) or m.group(4)
        many = 2 if m.group(1) else parse_number(word.lower())
        if isinstance(many, int):
            said.append((many, m))
    for m in _LIST.finditer(scope.text, start, end):
        count = _head_count(m.group())
        if count is not None:
            said.append((count, m))
    if numbered:  # ("both of us", "the three of us" count their own number)
        said = [(count, m) for count, m in said if _SOME.search(m.group()) or _US.match(m.group())]
    for count, m in sorted(said, key=lambda s: s[1].start()):
        if spec.minimum is not None and spec.minimum > count:
            continue
        if spec.maximum is not None and spec.maximum < count:
            continue
        if scope.free(m.start(), m.end()):
            scope.claim(m.start(), m.end())
            return count, m.group()
    return None
