"""What a wish asks for when its verb is not the action: "I want to watch Slow Horses at some
point" (keep it for later: a watchlist, a reading list), "I'd like to see more of his stuff"
(follow whoever made it), "I want my pledge refunded" (the participle's action, done to the
thing - and nothing else: with no capability that refunds, the request is refused).
``request_actions`` reads them for a clause that opens with a wish ("I want", "I'd like").
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token, past_form
from .verbs import says_phrase

__all__ = ["outing", "wanted_done", "wanted_later"]

# Verbs of taking in a work: what one wants to do with a title, not an order to do it now.
_CONSUME = frozenset(("watch", "see", "read", "listen", "hear", "play", "visit", "try"))
# "at some point", "one day", "later": the wish is for some time ahead, so the thing is kept.
_LATER = (
    ("at", "some", "point"), ("some", "day"), ("one", "day"), ("someday",), ("sometime",),
    ("some", "time"), ("later",), ("eventually",), ("in", "the", "future"),
)  # fmt: skip
_KEEP = frozenset(("save", "add_to"))
_FOLLOW = frozenset(("follow", "subscribe"))
_MORE_OF = frozenset(("of", "from", "by"))
_WHOSE = frozenset(("his", "her", "their", "them", "him"))


def wanted_later(tokens: Sequence[Token], at: int) -> Action | None:
    """ "I want to watch X at some point": a work to take in some day asks to keep it for later
    (save, add to a list); "I'd like to see more of her work": more of someone's work asks to
    follow them. ``at``: where the verb after the wish is."""
    if at >= len(tokens) or tokens[at].lemma not in _CONSUME:
        return None
    words = [t.lower for t in tokens]
    if (
        at + 3 < len(words)
        and words[at + 1] == "more"
        and words[at + 2] in _MORE_OF
        and (words[at + 3] in _WHOSE or tokens[at + 3].entity or "_" in words[at + 3])
    ):
        # "more of his stuff", "more from marco_visuals": more of a person's work
        return Action(_FOLLOW, ("follow",), True, False, at + 3)
    if not says_phrase(words[at + 1 :], _LATER):
        return None
    return Action(_KEEP, ("keep",), True, False, at + 1)


def wanted_done(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "I want my pledge to solar-kettle refunded", "we'd like the hedge trimmed": a thing,
    then a past participle that ends the clause (or its phrase), asks for what the participle
    says. ``at``: where the thing wanted begins."""
    for i in range(at + 1, min(len(tokens), at + 8)):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        done = token.lemma
        if nxt is not None and f"{done}_{nxt.lower}" in lex.classes:
            # "I want the lights turned off": the participle of a phrasal verb
            done, nxt = f"{done}_{nxt.lower}", tokens[i + 2] if i + 2 < len(tokens) else None
        ends = nxt is None or not nxt.is_word or nxt.lower in lex.roles or nxt.entity
        if not (token.is_word and not token.entity and ends and past_form(token.lower)):
            continue
        if token.lemma == token.lower or done in lex.light or done in lex.stopwords:
            return None  # "I want it done": no action of its own
        classes = lex.classes.get(done) or frozenset((f"word:{done}",))
        return Action(classes, (done,), True, lex.is_query(classes), i + 1)
    return None


_GO = frozenset(("go", "come"))
_ASK_PREFIX = frozenset(("can", "could", "may", "shall"))
_WE = frozenset(("i", "we"))
_TAKE_PART = frozenset(("book", "schedule", "create"))


def outing(tokens: Sequence[Token], at: int) -> Action | None:
    """ "I'd love to go on a hack on Sunday", "can we go for a paddle at 10": going on or for
    an outing (a thing, with "a") is taking part in one, which asks to book it - never to read
    about one, as wanting a bare thing may."""
    if at + 1 < len(tokens) and tokens[at].lower in _ASK_PREFIX and tokens[at + 1].lower in _WE:
        at += 2  # "can we go for a paddle", "could I go on a tour"
    words = [t.lower for t in tokens[at : at + 3]]
    if len(words) < 3 or tokens[at].lemma not in _GO or words[1] not in ("on", "for"):
        return None
    if words[2] not in ("a", "an"):
        return None
    return Action(_TAKE_PART, ("go_on",), True, False, at + 2)
