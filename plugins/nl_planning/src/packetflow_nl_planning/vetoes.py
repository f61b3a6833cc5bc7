"""Signs that a candidate is not meant though its words and values fit: a common noun a
name field took, a clause that tells of an end for a capability that adds, a teller speaking
of themselves, a time of day no field takes, nothing of the request its own. The ranking asks
these after its relevance rules (``ranking``)."""

from __future__ import annotations

import re
from itertools import pairwise

from .actions import Action
from .akin import akin
from .clauses import Scope
from .index import Profile
from .lexicon import lexicon
from .slots import Filled, field_kind
from .text import identifier_words, past_form
from .verbs import OBJECT_START

__all__ = [
    "another_thing",
    "common_noun_named",
    "done_otherwise",
    "leaves_time",
    "new_value_left",
    "says_no_action",
    "takes_nothing",
    "tells_cessation",
    "tells_of_self",
    "undoes_unasked",
    "undone_by_opposite",
]


def tells_cessation(tokens_lower: list[str]) -> bool:
    """Whether a clause says something ends: "anymore", "any more", "no longer"."""
    pairs = set(pairwise(tokens_lower))
    return "anymore" in tokens_lower or bool(pairs & {("any", "more"), ("no", "longer")})


def undone_by_opposite(classes: frozenset[str]) -> bool:
    """Whether an action has an opposite that undoes it ("add" has "remove", "create" has
    "cancel") and undoes nothing itself."""
    lex = lexicon()
    if lex.is_undo(classes):
        return False
    return any(lex.is_undo(lex.opposites.get(c, frozenset())) for c in classes)


_COMMON = re.compile(r"[a-z]+(?: [a-z]+)?")
_NAMING = frozenset(("title", "name"))
_WORD = re.compile(r"[a-z]+")
_PRONOUN = re.compile(
    r"(?i:i|we|you|they|he|she|it)(?:['\u2019](?i:m|re|s|ve|d|ll))?\s+(?:\S+\s+)*?[a-z]"
)


def common_noun_named(profile: Profile, filled: Filled, scope: Scope) -> bool:
    """Whether a plain text field named for a title or a name (no enum, format or pattern)
    took one or two lower-case words after "a"/"an" ("a table" as a book's title): a noun
    with an indefinite article names a kind of thing, never one thing by its name."""
    start, end = scope.span
    clause = scope.text[start:end]
    for f in profile.fields:
        value = filled.params.get(f.name)
        if (
            f.enum
            or f.format
            or f.pattern
            or not _NAMING & set(identifier_words(f.name))
            or not isinstance(value, str)
            or _COMMON.fullmatch(value) is None
        ):
            continue
        if re.search(rf"\b(?:a|an)\s+{re.escape(value)}\b", clause, re.IGNORECASE):
            return True
    # "is my watch ready?": one lower-case word after a possessive is a thing of the teller's,
    # never the id or slug of one that a patterned field may take ("project pocket-loom",
    # "order 123" name theirs by a noun, or are no plain word).
    for f in profile.fields:
        value = filled.params.get(f.name)
        if (
            f.pattern
            and not f.enum
            and isinstance(value, str)
            and _WORD.fullmatch(value) is not None
            and re.search(rf"\b(?:my|our|your)\s+{re.escape(value)}\b", clause) is not None
        ):
            return True
    # A full name is a first and a last one: one lower-case word ("take bread off the list"
    # as a guest's full_name) is a thing, not a person.
    for f in profile.fields:
        value = filled.params.get(f.name)
        words = set(identifier_words(f.name))
        if (
            {"full", "name"} <= words
            and not f.enum
            and isinstance(value, str)
            and _WORD.fullmatch(value) is not None
        ):
            return True
    # A name never opens with a personal pronoun and goes on in lower case: "We're a party of
    # eight" as a guest's name is its teller speaking. (A title may: "I Am Legend".)
    return any(
        isinstance(value, str)
        and not f.enum
        and "name" in identifier_words(f.name)
        and _PRONOUN.match(value) is not None
        for f in profile.fields
        if (value := filled.params.get(f.name)) is not None
    )


def tells_of_self(action: Action, tokens_lower: list[str]) -> bool:
    """Whether the clause, with no verb to say what to do, opens with its teller and "be"
    ("I'm off sick", "we are out of eggs"): a statement about the teller, not a question."""
    return not action.explicit and tokens_lower[:2] in (["i", "am"], ["we", "are"])


def leaves_time(profile: Profile, trial: Scope) -> bool:
    """Whether the clause states a time of day ("6:30", "at 9am") and the capability has no
    field of a date or a time at all: "set an alarm for 6:30 tomorrow morning" asks for a
    thing at a time, which a house alarm cannot do. (A booking by the day leaves the hour it
    has no field for as a detail: "book BK-1234 in on Friday 10am".)"""
    return bool(trial.mentions.of("time", within=trial.span)) and not any(
        field_kind(f) in _TEMPORAL for f in profile.fields
    )


_TEMPORAL = frozenset(("date", "time", "datetime"))


def takes_nothing(filled: Filled, lexical: float, covered: float, leftover: int) -> bool:
    """Whether nothing of the request is the capability's own: no value it takes, no word it
    shares, and words it does not explain ("Book me in for highlights at 2pm ..." for a
    watchlist with no required field). A near meaning alone is no reason to run it."""
    return not filled.params and lexical == 0 and covered == 0 and leftover > 0


def says_no_action(action: Action) -> bool:
    """Whether the request's verb says nothing of what is to be done: every class of it is
    one the lexicon does not know, or it is a light verb ("set", "put") that takes its meaning
    from what follows."""
    if action.verbs and action.verbs[-1] in lexicon().light:
        return True
    return bool(action.classes) and all(c.startswith("word:") for c in action.classes)


def done_otherwise(profile: Profile, scope: Scope) -> bool:
    """Whether a phrase with no verb of its own names a thing with what is to be done to it, in
    a past participle of an action the capability does not do ("I want my pledge to tiny-lamp
    *refunded*" for following a campaign): the thing is to be refunded, not followed."""
    lex = lexicon()
    does = profile.action.classes | profile.action.weak
    for t in scope.words:
        if t.entity or not t.is_word or not past_form(t.lower):
            continue
        if not (scope.free(t.start, t.end) or scope.weakly_taken(t.start, t.end)):
            continue  # (a value: "the signed copy")
        classes = lex.classes_of(t.lemma)
        if classes and not classes & does and t.lemma not in profile.own:
            return True
    return False


def undoes_unasked(action: Action, profile: Profile, scope: Scope) -> bool:
    """Whether the request asks to obtain a thing with a verb ("grab me a seat", "get me a
    table") and the capability undoes one (gives a seat up, cancels), which no word of the
    request names ("I'd like a *refund*" names what refunding does): obtaining is no undoing."""
    lex = lexicon()
    if not action.explicit or not lex.is_undo(profile.action.classes):
        return False
    verbs = {part for v in profile.action.verbs for part in (v, *v.split("_"))}
    return not any(t.lemma in verbs or t.lower in verbs for t in scope.words if t.is_word)


def another_thing(
    action: Action, scope: Scope, profile: Profile, left: frozenset[str], far: float
) -> bool:
    """Whether an explicit verb's object is a thing of another kind: after its determiner
    ("a", "the", "my"), a noun that is one of the words left unexplained and far from the
    capability ("book *a table* for 4" for a karting session; not "log 40 golden plover",
    whose count and species are values)."""
    words = scope.words
    at = action.object_start
    if not action.explicit or at >= len(words) or words[at].lower not in OBJECT_START:
        return False
    while at < len(words) and words[at].lower in OBJECT_START:
        at += 1
    if at >= len(words) or words[at].entity or not words[at].is_word:
        return False
    head = words[at].lemma
    if head not in left or head in profile.own:
        return False
    best = akin(scope, profile, [head])
    return best is not None and best < far


def new_value_left(action: Action, scope: Scope, filled: Filled) -> bool:
    """Whether a request to change a thing says what it is to become ("change my PIN *to
    7788*", "set the code to 4471") and the capability took no value of the request at all:
    it cannot make that change."""
    if filled.params or "update" not in action.classes:
        return False
    words = scope.words[action.object_start :]
    return any(
        t.lower == "to" and (nxt.entity or nxt.lower[:1].isdigit()) for t, nxt in pairwise(words)
    )
