"""Requests asked indirectly: of a person ("I'd like a manager to look at SR-1"), as a wish
about a thing one has ("I'd like TS-2 on the 27th instead"), as keeping it longer ("keep LN-3
another week"), as moving it in time ("move X to Friday") or as whether it can be done ("can
TS-2 be moved?"). ``request_actions`` reads them; each returns the action asked, or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actions import Action
from .date_words import DAYS, MONTHS
from .lexicon import Lexicon, lexicon
from .numbers import parse_number
from .text import Token, past_form
from .verbs import value_like, verb_at

__all__ = [
    "ASKING",
    "ASK_OF",
    "CHANGE",
    "DEFINITE",
    "DELEGATE",
    "KEEP",
    "TIME_SPANS",
    "VISITS",
    "asked_of",
    "comes_otherwise",
    "delegated",
    "kept_longer",
    "moved_in_time",
    "passive_ask",
    "visit_for",
    "wanted_otherwise",
]

DEFINITE = frozenset(("the", "my", "our", "this", "that", "these", "those", "its"))
ASKING = frozenset(("can", "will", "would", "could"))
TIME_SPANS = frozenset(
    ("time", "hour", "minute", "afternoon", "morning", "evening", "day", "slot", "week")
)


def passive_ask(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "can TS-2 be moved to Monday?", "could my order be cancelled": asking whether a thing
    can be done to something asks for it to be done (what the participle says), not to read."""
    if tokens[at].lower not in ASKING:
        return None
    for i in range(at + 2, min(len(tokens) - 1, at + 7)):
        if tokens[i].lower in lex.roles:
            return None
        if tokens[i].lower != "be":
            continue
        done = tokens[i + 1]
        if not (done.is_word and not done.entity and past_form(done.lower)):
            return None
        classes = lex.classes.get(done.lemma)
        if not classes or lex.is_query(classes) or done.lemma in lex.light:
            return None
        if classes & CHANGE and moved_in_time(tokens, i + 2):
            classes = classes | CHANGE
        return Action(classes, ("be", done.lemma), True, False, i + 2)
    return None


_NEW_TIME = frozenset(("to", "till", "until", "for"))


_WHEN = frozenset(("today", "tomorrow", "tonight", "noon", "midday", "weekend", "week", "am", "pm"))
_CLOCK = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th|am|pm|:[0-9]{2})")


def moved_in_time(tokens: Sequence[Token], at: int) -> bool:
    """Whether a date or a time follows "to", "till", "until" or "for" from ``at``: what is
    moved is moved in time ("move X to Friday", "to the 24th"), not somewhere ("move £50 to
    savings") nor to another level ("turn it up to 21 degrees")."""
    return any(
        tokens[i].lower in _NEW_TIME and any(_when(t) for t in tokens[i + 1 : i + 3])
        for i in range(at, len(tokens) - 1)
    )


def _when(token: Token) -> bool:
    """Whether a token of a value names a day or a time ("Friday", "June", "24th", "3pm")."""
    word = token.lower
    return token.entity and (
        word in DAYS or word in MONTHS or word in _WHEN or _CLOCK.fullmatch(word) is not None
    )


KEEP = frozenset(("keep", "need", "want", "give", "allow", "add"))
_MORE = frozenset(("another", "more", "extra"))
_STARTS = frozenset(("from", "starting", "between"))
_SPANS = TIME_SPANS | {"night", "month", "year", "fortnight"}


def kept_longer(
    tokens: Sequence[Token], at: int, lex: Lexicon, said: tuple[str, ...] = ()
) -> Action | None:
    """ "keep LN-3 for another 7 days", "I need the van a bit longer", "give LN-3 another
    week", "keep it till Friday": keeping, needing or giving a thing longer, for more of a
    span of time or until a later day, asks to extend what one has. A period with its start
    ("I need fins from tomorrow until Friday") is a new one, not more of one held."""
    for i in range(at, len(tokens)):
        word = tokens[i].lower
        spans = [t.lemma for t in tokens[i + 1 : i + 3]]
        later = (
            word in ("until", "till")
            and any(_when(t) for t in tokens[i + 1 : i + 3])
            and not any(t.lower in _STARTS for t in tokens[at:i])
        )
        # "add 3 days to hire H-1": a count of a span of time added to a thing lengthens it
        added = (
            said[:1] == ("add",)
            and (word in ("a", "an") or parse_number(word) is not None)
            and tokens[i + 1 : i + 2] != []
            and tokens[i + 1].lemma in _SPANS
            and [t.lower for t in tokens[i + 2 : i + 3]] in (["to"], ["onto"], ["on"])
        )
        more = word in _MORE and any(s in _SPANS for s in spans)
        if later and _new_thing(tokens[at:i]):
            return None  # "give Tom a temporary code until Sunday": a new thing, none held
        if later or added or word == "longer" or more:
            # ("keep" and "longer" say the action: they are no topic to explain)
            return Action(lex.classes_of("extend"), (*said, word, "extend"), True, False, at)
    return None


_AMOUNTS = frozenset(("bit", "little", "few", "couple", "while"))


def _new_thing(tokens: Sequence[Token]) -> bool:
    """Whether the words hold an indefinite article of a thing ("a code", not "a bit")."""
    return any(
        t.lower in ("a", "an") and (k + 1 >= len(tokens) or tokens[k + 1].lower not in _AMOUNTS)
        for k, t in enumerate(tokens)
    )


# "... instead", "... only", "no longer ...": a wish about a thing one already has changes it.
_OTHERWISE = frozenset(("instead", "only", "anymore", "rather"))
CHANGE = frozenset(("update", "reschedule"))


def wanted_otherwise(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "I'd like TS-2 on the 27th instead", "I'd like the Observer on Sundays only": wishing
    a thing one has (a definite one, one named or by its id; any, with "instead") were
    otherwise asks to change it, not to obtain another."""
    if at >= len(tokens):
        return None
    marker = next((t.lower for t in tokens[at + 1 :] if t.lower in _OTHERWISE), None)
    # A thing one has: "the ...", "my ...", one named ("the Observer", "TS-2"), a value
    named = tokens[at].text[:1].isupper() or value_like(tokens, at)
    if marker is None or not (tokens[at].lower in DEFINITE or named or marker == "instead"):
        return None
    # (the marker is read as part of the action: it is no topic a capability must explain)
    return Action(CHANGE, (marker, "change"), True, False, at)


DELEGATE = frozenset(("get", "ask", "have", "want", "need"))
_ANYONE = frozenset(("someone", "somebody", "anyone", "anybody"))
_ONE_OF = frozenset(("a", "an", "the", "your", "one"))
# "ask them to shorten the trousers": the people already spoken of (the tailor booked before),
# asked to do a thing - only after a verb of asking ("I need them to be ready" wishes).
_THEM = frozenset(("them", "him", "her"))
ASK_OF = frozenset(("ask", "get"))
# Verbs of coming out to the speaker, joined by "and" to what is to be done there: "can you
# come and check the boiler", "could someone pop round and fix the tap".
VISITS = (
    ("come", "round"),
    ("come", "over"),
    ("come", "out"),
    ("come", "by"),
    ("pop", "round"),
    ("pop", "over"),
    ("pop", "by"),
    ("come",),
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
# Having a person look at, check or deal with a thing is handing it to them: referring it up,
# or arranging their visit - never reading it oneself.
_REFER = frozenset(("escalate", "book", "schedule"))


def delegated(
    tokens: Sequence[Token],
    at: int,
    lex: Lexicon,
    verbs: frozenset[str],
    to: bool = True,
    them: bool = False,
) -> Action | None:
    """ "I'd like a supervisor to look at SR-1", "get someone senior to deal with CMP-6",
    "have a manager review it" (``to=False``: a bare verb follows): a person, then what they
    are to do. A verb that only reads ("look at", "review") or says nothing the lexicon knows
    ("deal with") refers the thing to them (see :data:`_REFER`); any other verb is what is
    asked ("a manager to cancel it" cancels). ``them``: "ask them to ..." (a pronoun for the
    person, then "to") asks the verb after it as well."""
    words = [t.lower for t in tokens]
    if them and to and at + 2 < len(words) and words[at] in _THEM and words[at + 1] == "to":
        nxt = tokens[at + 2]
        found = None if nxt.entity else verb_at(tokens, at + 2, lex, verbs)
        if found is not None and not lex.is_query(found[1]) and found[0] not in lex.light:
            return Action(found[1], (found[0],), True, False, at + 2 + found[2])
        return None
    if at >= len(words) or not (words[at] in _ANYONE or words[at] in _ONE_OF):
        return None
    verb_at_index = _after_person(tokens, at, lex, to)
    if verb_at_index is None:
        return None
    head = tokens[verb_at_index - 1 - to]  # the person's last word
    person = (words[at] in _ANYONE and verb_at_index - to - at <= 2) or (
        head.lower.endswith(_PERSON_ENDINGS)
        and head.lemma not in lex.classes
        and head.lemma not in lex.nominal
        and verb_at_index - to - at >= 2
    )
    nxt = tokens[verb_at_index]
    if not person or nxt.entity or nxt.lower != nxt.lemma or nxt.lemma in lex.stopwords:
        return None
    found = verb_at(tokens, verb_at_index, lex, verbs)
    if found is not None and not lex.is_query(found[1]) and found[0] not in lex.light:
        verb, classes, size = found
        return Action(classes, (verb,), True, False, verb_at_index + size)
    size = found[2] if found is not None else 1
    return Action(_REFER, ("refer",), True, False, verb_at_index + size)


def _after_person(tokens: Sequence[Token], at: int, lex: Lexicon, to: bool) -> int | None:
    """Where the verb stands after a person's phrase of one to three words from ``at``: after
    "to", or (``to=False``) at the first word the lexicon knows as a verb."""
    for i in range(at + 1, min(len(tokens) - 1, at + 4)):
        if to and tokens[i].lower == "to":
            return i + 1
        if not to and tokens[i].is_word and tokens[i].lower in lex.classes:
            return i
        if tokens[i].entity or not tokens[i].is_word or tokens[i].lower in lex.roles:
            return None
    return None


_ARRIVE = frozenset(("come", "arrive", "happen", "be"))


def comes_otherwise(tokens: Sequence[Token], at: int) -> Action | None:
    """ "can my log delivery WD-3 come on Monday instead?", "could the visit be on the 9th":
    asking whether a thing one has (a definite one) could come on a day asks to move it there.
    ``at``: where the words after the modal begin."""
    if at >= len(tokens) or tokens[at].lower not in DEFINITE:
        return None
    for i in range(at + 1, min(len(tokens), at + 7)):
        if tokens[i].lemma in _ARRIVE and tokens[i].lower != "being":
            rest = tokens[i + 1 : i + 5]
            if any(_when(t) for t in rest) and any(t.lower in ("on", "at", "in") for t in rest):
                return Action(CHANGE, ("reschedule",), True, False, at)
            return None
    return None


def visit_for(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str]
) -> Action | None:
    """ "come and check the boiler", "pop round and fix the tap": coming out to do a thing asks
    for it done there - a verb that only reads or says nothing of its own ("check", "do a leak
    check") arranges the visit (see :data:`_REFER`), never a reading of one's own."""
    words = [t.lower for t in tokens]
    for visit in VISITS:
        end = at + len(visit)
        if tuple(words[at:end]) == visit and words[end : end + 1] == ["and"]:
            break
    else:
        return None
    found = verb_at(tokens, end + 1, lex, verbs) if end + 1 < len(tokens) else None
    if found is None:
        return None
    verb, classes, size = found
    if verb in lex.light or lex.is_query(classes):
        return Action(_REFER, ("refer",), True, False, end + 1 + size)
    return Action(classes, (verb,), True, False, end + 1 + size)


# ("can my compost drop come ...": one's own thing, not someone asked)
_PARTY_DETERMINERS = frozenset(("the", "your"))
_OWNED = frozenset(("my", "our", "his", "her", "their", "its", "a", "an"))
_NOT_PARTY = frozenset(("i", "we", "you", "u", "it", "they", "he", "she", "this", "that", "there"))


def asked_of(words: Sequence[Token], at: int) -> int | None:
    """Where the verb stands when the words from ``at`` ask someone named to do a thing, put
    as a question: a modal, who ("housekeeping", "the driver", "your engineer"), then a bare
    verb ("can housekeeping bring fresh towels", "could the driver email me"); else ``None``.
    A pronoun is no one named ("can it wait" says more about the request before)."""
    if len(words) < at + 3 or words[at].lower not in ASKING:
        return None
    who = at + 1 + (words[at + 1].lower in _PARTY_DETERMINERS)
    if (
        who + 1 >= len(words)
        or words[who].lower in _NOT_PARTY
        or words[who].lower in _OWNED
        or words[who].entity
    ):
        return None
    lex = lexicon()
    bases = set(lex.irregular.values())  # ("bring", "send": the classes need not list them)

    def is_verb(word: str) -> bool:
        return bool(lex.classes_of(word)) or word in bases

    for i in range(who + 1, min(who + 3, len(words))):  # (one or two words name who)
        verb = words[i]
        if verb.lower in lex.stopwords or verb.lower in ("be", "have", "get"):
            return None  # ("can the booking be moved": a thing done to, see passive_ask)
        if verb.lower == verb.lemma and not verb.entity and is_verb(verb.lower):
            # (who is no verb as written: "can check ..."; "driver" is, though "drive" is one)
            return None if is_verb(words[who].lower) else i
    return None
