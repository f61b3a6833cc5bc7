"""Statements that tell of someone's answer or of a change of plan, read as the request they
make: "Sarah Kim replied yes", "Mark Ellis is coming, vegan meal", "Jo can't come" tell a
person's reply to an invitation (asks to *record* it); "we're not inviting Fiona any more",
"we no longer stock X" say an action is no longer done to a thing (asks for its opposite:
uninvite, remove). ``request_actions`` reads them before the clause's verb, which here says
what happened ("replied", "coming"), not what is asked - and a name opening the clause
("Mark ...") is no verb. The words that tell it stay words of the request ("replied" for a
capability that notes a reply): only the action read is new.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token
from .verbs import says_phrase

__all__ = ["no_longer", "told_reply"]

# Verbs of answering an invitation, in the past: "replied", "answered", "said yes".
_ANSWERED = frozenset(
    ("replied", "answered", "responded", "rsvped", "rsvp'd", "accepted", "declined", "confirmed")
)
_SAID = frozenset(("said", "says", "replied", "answered"))
_YES_NO = frozenset(("yes", "no"))
_BE = frozenset(("is", "are", "am", "will", "be"))
_COME = frozenset(("coming", "attending", "come", "attend"))
_PERSONS = frozenset(("she", "he", "they"))
_RECORD = frozenset(("record",))


def _person_end(tokens: Sequence[Token], at: int) -> int | None:
    """Where the name of a person opening the clause ends: one to three capitalised words
    ("Sarah Kim"), or "he"/"she"/"they"; ``None`` when the clause opens otherwise."""
    if at < len(tokens) and tokens[at].lower in _PERSONS:
        return at + 1
    end = at
    while end < len(tokens) and end - at < 3:
        token = tokens[end]
        if not (token.is_word and token.text[:1].isupper() and token.text[1:].islower()):
            break
        end += 1
    return end if end > at else None


def _full_name(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether ``tokens[at:end]`` are two or three words in title case: a person's full name,
    not the capital that opens a sentence ("Delivery is coming")."""
    return end - at >= 2 and tokens[at].lower not in _PERSONS


def told_reply(tokens: Sequence[Token], at: int) -> Action | None:
    """ "Sarah Kim replied yes", "Mark Ellis is coming", "Omar Reid isn't coming", "she said
    no": a person's answer to an invitation, told as a statement, asks to record it."""
    end = _person_end(tokens, at)
    if end is None or end >= len(tokens):
        return None
    words = [t.lower for t in tokens]
    nxt = words[end]
    said = nxt in _SAID and end + 1 < len(words) and words[end + 1] in _YES_NO
    # (one word in title case opens a sentence as often as it names someone: only with a
    # verb of answering, or a full name, is it who answered)
    if said or (nxt in _ANSWERED and (_full_name(tokens, at, end) or words[at] in _PERSONS)):
        return Action(_RECORD, ("record",), True, False, at)
    i = end
    if i < len(words) and words[i] in ("can", "could", "will", "wo", "cannot"):
        i += 1  # "Jo can't come", "Jo won't be coming"
    while i < len(words) and words[i] in _BE | {"not"}:
        i += 1
    if i > end and i < len(words) and words[i] in _COME and _full_name(tokens, at, end):
        return Action(_RECORD, ("record",), True, False, at)
    return None


_ANY_MORE = (("any", "more"), ("anymore",), ("after", "all"))
_SUBJECT = frozenset(("we", "i", "they"))


def no_longer(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "we're not inviting Fiona Grey any more", "we're no longer inviting Fiona": an action
    no longer done to a thing asks for its opposite (the verb's opposite classes)."""
    words = [t.lower for t in tokens]
    i = at
    if i < len(words) and words[i] in _SUBJECT:
        i += 1
    if i >= len(words) or words[i] not in ("are", "am", "is"):
        return None
    i += 1
    if tuple(words[i : i + 2]) == ("no", "longer"):
        i += 2
        said = True
    elif i < len(words) and words[i] == "not":
        i += 1
        said = says_phrase(words[i:], _ANY_MORE)
    else:
        return None
    if not said or i >= len(tokens) or not words[i].endswith("ing"):
        return None
    classes = lex.classes_of(tokens[i].lemma)
    opposite = frozenset(o for c in classes for o in lex.opposites.get(c, ()))
    if not opposite:
        return None
    # (the verb stays a word of the request: "inviting" for a list of invitations)
    return Action(opposite, ("no_longer",), True, False, i)
