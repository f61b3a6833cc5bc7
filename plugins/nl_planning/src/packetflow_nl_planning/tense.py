"""Whether a clause tells of the past or looks ahead: the one reading of a request's tense that
choosing a capability's date mode (``ranking.date_mode``), a date field's reading
(``slots.date_reading``) and a record's bare weekday (``slots.date_fields``) all use.

A clause looks back when it says so by a word ("last Friday", "3 days ago", "since June") or by
a finite past verb ("the parcel arrived on Monday", "what did I spend"); it looks ahead when it
says "next", "tomorrow", "will"..., and that wins over a past in the same clause ("I missed it,
book me on the next one"). Past forms that name no event gone by are no sign of the past: an
adjective after a determiner ("the detailed report"), a thing to have done ("get the dog
vaccinated", "I need the boxes dropped off"), a thing wanted ("the day needed") and irregular
forms as often a noun or an adjective ("the left lane", "a lost card").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .mentions import Mention
from .text import Token, lemma, past_form, tokenize
from .text_spans import DETERMINERS

__all__ = [
    "Tense",
    "clause_tense",
    "description_tells_past",
    "tells_past",
    "tensed_words",
    "time_word_tense",
]

Tense = Literal["past", "ahead"]

# Values whose words have no tense of the clause: the "past" of "half past eleven", a link or an
# address split into words, quoted text ("saying 'my reward never arrived'").
_NO_TENSE = frozenset(("time", "url", "email", "handle", "phone", "quoted"))
# Words that place the clause in the past, or ahead, by themselves.
_BACK_WORDS = frozenset(("last", "ago", "previous", "past", "yesterday", "since", "earlier"))
_AHEAD_WORDS = frozenset(("next", "upcoming", "coming", "tomorrow", "will"))
# Adjectives that say the time itself of what a capability is about ("upcoming sales", "past
# orders"): what its topic nouns only usually go with ("sale" is mostly of a statement) gives
# way to them.
_SAID_BACK = frozenset(("past", "previous", "earlier", "recent", "former"))
_SAID_AHEAD = frozenset(("upcoming", "forthcoming", "future", "next", "coming"))
# Verbs of wanting and intending: their participle names what is wanted ("the day needed").
_WANTED = frozenset(
    ("need", "want", "require", "request", "prefer", "wish", "plan", "schedule", "expect",
     "intend")
)  # fmt: skip
# After these a participle is a thing to have done ("get the dog vaccinated"), no past event.
_CAUSING = frozenset(("need", "want", "like", "would", "get", "have", "require"))
# After these a participle is a passive of now or of a thing to come ("to be measured", "can be
# collected", "it's being fixed"), no event gone by ("was measured" still is).
_PASSIVE_OR_TO_COME = frozenset(
    ("be", "being", "is", "are", "am", "will", "shall", "can", "may", "must", "should")
)
# Irregular past forms as often a noun or an adjective ("the left lane", "a lost card").
_NOT_ONLY_PAST = frozenset(
    ("left", "found", "saw", "lay", "rose", "lost", "fell", "bound", "ground", "wound", "lit",
     "felt", "meant", "dealt", "sank", "spoke", "stole")
)  # fmt: skip


# Words after which a past participle is no finite past verb: "is expected", "to be paid",
# "the scheduled day", "a completed form", "today if omitted", "unless stated".
# Prepositions of time after a participle that opens a description ("captured on or after")
_EVENT_TIMES = frozenset(("on", "after", "before", "since", "between", "during"))
_NOT_FINITE = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "to",
        "be",
        "been",
        "being",
        "is",
        "are",
        "am",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "having",
        "of",
        "for",
        "on",
        "in",
        "at",
        "by",
        "with",
        "if",
        "unless",
        "when",
        "once",
        "as",
        "though",
        "although",
        "whether",
        "than",
        "and",
        "or",
        "not",
        "else",
        "otherwise",
    ]
)


def tensed_words(words: Iterable[Token], mentions: Iterable[Mention]) -> list[Token]:
    """The words of a clause whose tense counts: none inside a clock time, a link, an address
    or quoted text (so that "have <link> translated" keeps "have" next to its participle), and
    no past form right after a value: a number, a day or a time is no subject a finite verb
    follows, so the participle there describes ("4 fitted", "on Tuesday, stacked please")."""
    mentions = list(mentions)
    spans = [(m.start, m.end) for m in mentions if m.kind in _NO_TENSE]
    values = [(m.start, m.end) for m in mentions]
    out: list[Token] = []
    last: Token | None = None
    for t in words:
        if not t.is_word:
            if t.text[:1].isalnum():
                last = t  # a number ("book 4 fitted"): punctuation between is looked past
            continue
        after_value = last is not None and any(a <= last.start and last.end <= b for a, b in values)
        last = t
        if any(a <= t.start and t.end <= b for a, b in spans):
            continue
        if after_value and past_form(t.lower):
            continue  # "book 4 fitted", "on Tuesday at 5pm, advanced": a value has no verb
        if "-" in t.text and not past_form(t.text.lower()):
            continue  # "a three-bed house": a compound is past by its last part, "bed" is not
        out.append(t)
    return out


def _tells_event(lowers: list[str], lemmas: list[str], i: int) -> bool:
    """Whether the ``i``-th word is a past form that tells of an event: no adjective after a
    determiner, no participle of something wanted or caused."""
    low = lowers[i]
    if not past_form(low) or low in _NOT_ONLY_PAST or lemmas[i] in _WANTED:
        return False
    if i > 0 and lowers[i - 1] in DETERMINERS | _PASSIVE_OR_TO_COME:
        return False
    return not any(w in _CAUSING for w in lemmas[max(0, i - 5) : i])


def tells_past(lowers: list[str], lemmas: list[str]) -> bool:
    """Whether the words (lower-cased, and their lemmas) hold a past form that tells of an
    event: no adjective after a determiner, no participle of something wanted or caused."""
    return any(_tells_event(lowers, lemmas, i) for i in range(len(lowers)))


def clause_tense(lowers: list[str], lemmas: list[str]) -> Tense | None:
    """``"ahead"`` when the clause's words look ahead, else ``"past"`` when they tell of the
    past, else ``None`` (the clause does not say; the capability decides)."""
    said = set(lemmas) | set(lowers)
    if said & _AHEAD_WORDS:
        return "ahead"
    if said & _BACK_WORDS or tells_past(lowers, lemmas):
        return "past"
    return None


def description_tells_past(description: str) -> bool:
    """Whether a field's description speaks of something that has happened: "was"/"were" or a
    finite past verb that tells of an event ("when the damage happened", "day the order was
    placed", "time driven in minutes"); not a participle used as an adjective ("the scheduled
    day") or after an auxiliary ("when it is expected", "date to be shipped"), nor a thing
    wanted ("evening or day needed"). The one reading of a description's tense that the
    capability's date mode (``profiles``) and its date fields (``slots``) share."""
    tokens = [t for t in tokenize(description) if t.is_word]
    lowers = [t.lower for t in tokens]
    if {"was", "were"} & set(lowers):
        return True
    lemmas = [t.lemma for t in tokens]
    if len(lowers) > 1 and lowers[1] in _EVENT_TIMES and _tells_event(lowers, lemmas, 0):
        return True  # "captured on or after", "taken before": when the thing was done
    return any(
        lowers[i - 1] not in _NOT_FINITE and _tells_event(lowers, lemmas, i)
        for i in range(1, len(lowers))
    )


def time_word_tense(words: Iterable[str]) -> Tense | None:
    """The tense the capability's own ``words`` say by an adjective of time ("Browse the
    catalogue of upcoming sales" looks ahead though a sale is a word of reports); none when
    they say neither or both."""
    said = frozenset(words)
    back = any(w in said or lemma(w) in said for w in _SAID_BACK)
    ahead = any(w in said or lemma(w) in said for w in _SAID_AHEAD)
    if back == ahead:
        return None
    return "past" if back else "ahead"
