"""Readings through a word that says little of itself: "get" or "have" and a past participle
("get the cat vaccinated": vaccinate), a light verb with a turning particle ("give up my
room"), and a noun that names an action heading the request ("refund for order 12")."""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token, past_form

__all__ = ["CAUSATIVE", "VERB_CONTEXT", "causative", "light_phrasal", "named_action"]

# Words that may stand between a light verb and the noun that names its action.
VERB_CONTEXT = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "all",
        "any",
        "every",
        "new",
        "one",
        "me",
        "us",
        "them",
        "him",
        "it",
        "to",
        "for",
        "up",
        "out",
        "back",
        "off",
        "on",
        "in",
        "down",
        "over",
        "away",
        "another",
        "more",
    ]
)

CAUSATIVE = frozenset(("get",))
# Present participles that, after "get" and its object, say the thing is set going.
_SET_GOING = frozenset(("going", "running", "working"))
# Words that may follow a phrase (besides the roles' prepositions): "vaccinated *against* ..."
_AFTER_PHRASE = frozenset(
    ("against", "before", "after", "near", "over", "under", "during", "and", "then", "please",
     "today", "tomorrow", "tonight", "asap", "next", "this")
)  # fmt: skip


def causative(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str]
) -> Action | None:
    """ "get the cat vaccinated", "get my locks changed": a thing, then a past participle
    that ends its phrase, asks for what the participle says (the verb "get" only causes it)."""
    words = 0  # the object's own words; a value (an id, a link) counts as one
    for i in range(at, len(tokens)):
        token = tokens[i]
        if token.lower in lex.roles:
            return None  # the object's phrase ended without a participle
        if not (token.entity and i > at and tokens[i - 1].entity):
            words += 1
        if words > 5:
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        ends = nxt is None or nxt.entity or nxt.lower in lex.roles or nxt.lower in _AFTER_PHRASE
        again = nxt is not None and nxt.lower == "again"
        if token.is_word and token.lower in _SET_GOING and (ends or again) and i > at:
            # "get the oven going", "get the pump running": to set it going is to start it;
            # "get the subscription going again" resumes it
            verb = "resume" if again else "start"
            start = lex.classes_of(verb)
            return Action(start, (verb,), True, lex.is_query(start), i + 1 + again)
        if token.is_word and not token.entity and past_form(token.lower) and ends:
            done = token.lemma
            if done in lex.light or done in lex.stopwords:
                return None  # "get it done": no action of its own
            classes = lex.classes.get(done) or frozenset((f"word:{done}",))
            return Action(classes, (done,), True, lex.is_query(classes), i + 1)
    return None


def light_phrasal(tokens: Sequence[Token], at: int, verb: str, lex: Lexicon) -> Action | None:
    """A light verb with a particle right after it or at the very end of the clause ("give up
    my room", "put the visit off", "take my tickets for EV1 back"): the phrasal verb, and
    when the lexicon has none, an action of its own that ends, defers or turns something
    round, reached by nothing but its very name (like ``not:word:`` verbs) - never the light
    verb's loose sense."""
    places = [i for i in (at, len(tokens) - 1) if at <= i < len(tokens)]
    for i in places:
        particle = tokens[i].lower
        if particle not in _TURNING or (i != at and i - at < 2):
            continue
        phrasal = f"{verb}_{particle}"
        classes = lex.classes.get(phrasal) or frozenset((f"not:word:{phrasal}",))
        return Action(classes, (phrasal,), True, lex.is_query(classes), at + (i == at))
    return None


# Particles that, after a light verb, make a phrasal verb that ends, defers or reverses
# ("give up", "put off", "take back", "give away", "put down").
_TURNING = frozenset(("up", "off", "back", "away", "down"))


def named_action(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """A request that starts with a noun naming an action: "reminder at noon: ...",
    "refund for order 12", "day off on Friday" (not "order status": an attribute follows)."""
    first = tokens[at]
    nxt = tokens[at + 1] if at + 1 < len(tokens) else None
    for i in (at, at + 1):  # "money back for order 7", "full money back for order 7"
        if i + 1 < len(tokens) and f"{tokens[i].lemma}_{tokens[i + 1].lemma}" in lex.nominal:
            verb = lex.nominal[f"{tokens[i].lemma}_{tokens[i + 1].lemma}"]
            classes = lex.classes_of(verb)
            return Action(classes, (verb,), True, lex.is_query(classes), i + 2)
    head = (
        nxt is None
        or not nxt.is_word
        or nxt.entity
        or nxt.lower in lex.roles
        or nxt.lower in VERB_CONTEXT
    )
    for form in (first.lower, first.lemma):
        named = lex.nominal.get(form)
        # Only when the noun heads its phrase: "refund for order 12", not "sales report".
        if named and lex.classes_of(named) and head:
            classes = lex.classes_of(named)
            return Action(classes, (named,), True, lex.is_query(classes), at + 1)
    return None
