"""Requests told as statements rather than as orders: "can't make it on Friday" (call it
off), "the chain keeps coming off" (a fault to report). ``request_actions`` reads them before
the clause's verb, which here says what happens, not what is asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token, past_form
from .verbs import OBJECT_START, verb_at

__all__ = [
    "LOSS",
    "LOSS_WORDS",
    "NOT_A_THING",
    "PRESENT",
    "TELLER",
    "told_done",
    "told_fault",
    "told_loss",
    "told_shortage",
    "unable_at",
    "unneeded_at",
]

# Who tells of something happening to them ("I lost ...", "my card keeps ...").
TELLER = frozenset(("i", "we", "my", "our", "someone", "somebody", "i've", "ive", "we've"))
NOT_A_THING = frozenset(("i", "we", "you", "u", "they", "he", "she", "who", "what"))

# "can't make it on Friday", "we won't make it to the campsite": not coming calls it off.
_UNABLE = frozenset(("can", "could", "will", "wo", "cannot", "shall"))
_COME = frozenset(("come", "attend"))


def unable_at(words: Sequence[str]) -> int | None:
    """Where the rest of the clause begins when it opens (after its teller) with "can't make
    it" or a like modal ("won't make it"), else ``None``."""
    for i in range(min(len(words), 3)):
        if words[i] in _UNABLE:
            j = i + 1 + (words[i] != "cannot" and i + 1 < len(words) and words[i + 1] == "not")
            negated = j > i + 1 or words[i] == "cannot"
            if not negated:
                return None
            if tuple(words[j : j + 2]) == ("make", "it"):
                return j + 2
            # "we can't come any more", "I can't attend after all": not coming calls it off
            if j >= len(words) or words[j] not in _COME:
                return None
            j += 1
            for tail in (("any", "more"), ("anymore",), ("after", "all")):
                j += len(tail) if tuple(words[j : j + len(tail)]) == tail else 0
            return j
        if words[i] not in TELLER and words[i] not in ("just", "sorry", "really", ","):
            return None
    return None


# "the snow guys don't need to come now", "the plumber needn't come": no one need come, which
# calls the visit off. (The tokenizer spells "don't", "needn't" out.)
_NOT_NEEDED = (("do", "not", "need", "to"), ("does", "not", "need", "to"), ("need", "not"))
_VISITING = _COME | {"visit"}


def unneeded_at(words: Sequence[str]) -> int | None:
    """Where the rest of the clause begins when, in its first words, someone need not come
    (see above), else ``None``."""
    for i in range(min(len(words), 8)):
        for said in _NOT_NEEDED:
            j = i + len(said)
            if tuple(words[i:j]) == said and j < len(words) and words[j] in _VISITING:
                return j + 1
    return None


# The tokenizer spells contractions out ("weren't" -> "were not"): the auxiliary and "not",
# or "never", before a past participle.
_AUXILIARIES = frozenset(("was", "were", "has", "have", "had"))
_SOMEONE = frozenset(("someone", "somebody"))
_KEEP = frozenset(("keeps", "kept", "keep"))
_FAULT = frozenset(("report",))
_PERFECT = frozenset(("has", "have"))
_ARRIVED = frozenset(("arrived", "come", "turned", "shown"))
_LOCATE = frozenset(("search", "retrieve"))


def told_fault(tokens: Sequence[Token], at: int) -> Action | None:
    """ "the chain keeps coming off", "my card keeps getting declined": a thing that keeps
    doing something, told as a statement, is a fault to report (not what the gerund says)."""
    if tokens[at].lower in _SOMEONE and at + 1 < len(tokens) and past_form(tokens[at + 1].lower):
        # "someone's dumped rubbish on plot 7", "somebody scratched my car": what an unknown
        # person did, told as a statement, is an incident to report
        return Action(_FAULT, ("report",), True, False, at + 1)
    if tokens[at].lower in NOT_A_THING:
        return None
    for i in range(at + 1, min(len(tokens) - 1, at + 4)):
        if _not_done(tokens, i):
            # "our bins weren't collected", "the parcel wasn't delivered": a thing that was
            # not done, told as a statement, is a missed service to report
            if tokens[i].lower in _PERFECT and tokens[i + 2].lower in _ARRIVED:
                # "my package still hasn't arrived": a thing on its way that is not here
                # yet is to be found (tracked) as well
                return Action(_FAULT | _LOCATE, ("report",), True, False, at)
            return Action(_FAULT, ("report",), True, False, at)
    if tokens[at].lower in TELLER:
        return None
    for i in range(at + 1, min(len(tokens) - 1, at + 4)):
        if tokens[i].lower in _KEEP and tokens[i + 1].lower.endswith("ing"):
            return Action(_FAULT, ("report",), True, False, at)
    return None


# "running low on X", "we're out of X", "ran out of X": having too little of a thing asks for
# more of it - to buy, order or request it, or to top up a balance.
_SHORT = (("low", "on"), ("out", "of"), ("short", "of"))
_SHORT_BEFORE = frozenset(("run", "be", "get", "almost", "nearly", "completely", "all"))
_MORE = frozenset(("buy", "create", "top_up"))


def told_shortage(tokens: Sequence[Token], at: int) -> Action | None:
    """ "running low on my inhaler", "we're nearly out of milk": a shortage told as a
    statement asks for more of the thing (see :data:`_MORE`)."""
    for i in range(at, min(len(tokens) - 2, at + 5)):
        pair = (tokens[i].lower, tokens[i + 1].lower)
        if pair in _SHORT and (i == at or tokens[i - 1].lemma in _SHORT_BEFORE):
            said = tuple(t.lemma for t in tokens[max(at, i - 1) : i + 2])
            # (the words of the statement say the action: no topic to explain)
            return Action(_MORE, (*said, "restock"), True, False, i + 2)
    return None


def _not_done(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i:]`` open with what was not done: "were not collected", "never
    arrived"."""
    if tokens[i].lower == "never":
        return past_form(tokens[i + 1].lower)
    return (
        tokens[i].lower in _AUXILIARIES
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "not"
        and past_form(tokens[i + 2].lower)
    )


# "I lost my card", "my bike was stolen", "lost my scarf on the bus": telling of a loss asks to
# report it, or to block or freeze what was lost - never to read about it.
LOSS = "report_loss"
LOSS_WORDS = frozenset(("lost", "stolen", "misplaced"))
PRESENT = frozenset(("is", "are"))
_OWN = frozenset(("my", "our", "his", "her", "their"))
_LOSS_CLASSES = frozenset(("report", "block", "pause"))


def told_loss(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str]
) -> Action | None:
    """A loss told as a statement ("I lost my card", "my wallet was stolen"): the clause
    opens with its teller or with the loss word itself, and says no action verb first."""
    words = [t.lower for t in tokens]
    if words[at] in LOSS_WORDS:
        # "lost my scarf" tells of a loss; "lost umbrella on the 38?" names a thing
        if at + 1 >= len(words) or words[at + 1] not in OBJECT_START:
            return None
    elif words[at] not in TELLER:
        return None
    if words[at] not in LOSS_WORDS and verb_at(tokens, at, lex, verbs) is not None:
        return None
    for i in range(at, min(len(tokens), at + 6)):
        # "I left my gloves on the train": leaving one's own thing somewhere is losing it
        left = words[i] == "left" and i > at and i + 1 < len(words) and words[i + 1] in _OWN
        if (words[i] in LOSS_WORDS or left) and not tokens[i].entity:
            return Action(_LOSS_CLASSES, (tokens[i].lemma, LOSS), True, False, i)
        if i > at and verb_at(tokens, i, lex, verbs) is not None and words[i] not in PRESENT:
            return None  # "I want to report my lost card": that verb says what to do
    return None


_DONE_ADVERBS = frozenset(("just", "finally", "already", "today", "also"))
_INDEFINITE = frozenset(("a", "an", "another", "some"))


# What a thing told as done asks: to record it, or to make an entry of it.
_RECORDS = frozenset(("record", "create"))


def _diary(token: Token, lex: Lexicon) -> bool:
    """Whether a clause that opens with ``token`` (no subject before it) tells, as a diary
    does, of a thing the teller did: the past form of a verb that only reads or of buying
    ("weighed in at 80 kg", "inspected H07 yesterday", "saw Jupiter on Tuesday", "just bought
    6 bottles of ..."). Having done it is no request to do it (nor to read about it) again:
    it asks to record it. (The verb's lemma stays one of the clause's words: "inspected"
    names what a hive *inspection* log is about.)"""
    if token.entity or token.lower == token.lemma or not past_form(token.lower):
        return False
    classes = lex.classes_of(token.lemma)
    if not classes or lex.is_undo(classes):
        return False
    return classes <= lex.query or "buy" in classes


def told_done(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """The action of "(just) did a 5k run this morning", "did 40 minutes of yoga": "did"
    before an indefinite thing or a number is no question's auxiliary (that puts its subject
    next: "did you ...", "did the parcel ...") but the teller telling of a thing done, which
    asks to record it - never to read about it. ``None`` for any other clause."""
    at += sum(1 for t in tokens[at : at + 2] if t.lower in _DONE_ADVERBS)
    if at + 1 < len(tokens) and _diary(tokens[at], lex):
        return Action(_RECORDS, ("record",), True, False, at + 1)
    if at + 1 >= len(tokens) or tokens[at].lower != "did":
        return None
    after = tokens[at + 1].lower
    if after not in _INDEFINITE and not after[:1].isdigit():
        return None
    return Action(lex.classes_of("record"), ("record",), True, False, at + 1)
