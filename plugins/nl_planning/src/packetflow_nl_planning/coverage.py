"""How much of a clause a capability's own words explain: the words left after its action and
the values its fields took, IDF-weighted, with compounds ("bedroom" for "room"), nouns of the
same verb ("owner" for "owned") and clipped forms ("mag" for "magnitude") counted as its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .clauses import Scope
from .index import Profile
from .lexicon import lexicon
from .slots import Filled
from .text import Token, lemma
from .verbs import strip_polite

__all__ = ["coverage", "singular_base"]

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*[A-Za-z0-9]")
# A path ("/Photos/2024", "~/notes.txt") or a file name with its extension ("report.pdf"): a
# value whose pieces name no topic.
_ASIDE = re.compile(r"\([^()]*\)")
_PATH = re.compile(r"(?:~|\.{1,2})?/[^\s,;]+|\b[\w\-]+\.[A-Za-z][A-Za-z0-9]{1,4}\b")


def coverage(
    scope: Scope, profile: Profile, verbs: set[str], idf: Callable[[str], float], filled: Filled
) -> tuple[float, int, frozenset[str]]:
    """How much of what the clause says, beyond its action and the values the capability's
    fields took, the capability's own words cover (IDF-weighted), how many such words there
    are, and their lemmas (see :func:`to_explain`). Words taken only by the catch-all "rest of
    the clause" still count as words to explain."""
    total = hit = 0.0
    count = 0
    left: set[str] = set()
    # Another value of an enum the capability has already filled ("from GBP to EUR" for one
    # currency field) is one it cannot place: a word it does not explain, however own.
    unplaced = {
        str(v).lower()
        for f in profile.fields
        if f.enum and f.name in filled.params
        for v in f.enum
        if v != filled.params[f.name]
    }
    for t in to_explain(scope, verbs, filled):
        weight = idf(t.lemma)
        total += weight
        count += 1
        left.add(t.lemma)
        if t.lower in unplaced:
            continue
        # ("chargers" for a capability named by "charger": the singular's lemma, "charge", is
        # the one its own words were read with)
        own = t.lemma if t.lemma in profile.words else singular_base(t.lemma)
        if own in profile.words:
            hit += weight * min(1.0, profile.words[own] / 0.8)
        elif (
            _compound_of(t.lemma, profile.own)
            or _derived_from(t.lemma, profile.own)
            or _abbreviates(t.lower, profile.own)
            or _one_short(t.lower, profile.own)
        ):
            # "bedroom" for a field "room" (a compound names its head), "owned" for an
            # "owner" field (a noun of the same verb), "mag" for "magnitude", "pas" for "pass"
            hit += weight
    return (hit / total if total else 0.0), count, frozenset(left)


def singular_base(word: str) -> str:
    """The lemma of a plural's singular, when the lemma rules reduce the singular further
    than the plural ("chargers" -> "charger", whose own lemma is "charge"). A noun in -ing
    ("readings") names a thing of its own, not its verb's action ("read")."""
    return word if word.endswith("ing") else lemma(word)


def to_explain(scope: Scope, verbs: set[str], filled: Filled) -> Iterator[Token]:
    """The words of the clause a capability's own words must explain: not its action, not a
    value its fields took, no stop word, count or code."""
    lex = lexicon()
    numbers = [(m.start, m.end) for m in scope.mentions.items if m.kind == "number"]
    # A code of letters and digits ("KX19ABC", "a1b2") is a value, not words: its letter
    # pieces name no topic, whichever field took it.
    start, end = scope.span
    numbers += [
        m.span()
        for m in _CODE.finditer(scope.text, start, end)
        if any(c.isdigit() for c in m.group()) and any(c.isalpha() for c in m.group())
    ]
    numbers += [m.span() for m in _PATH.finditer(scope.text, start, end)]
    placed = {w for v in filled.params.values() if isinstance(v, str) for w in v.lower().split()}
    asides = [m.span() for m in _ASIDE.finditer(scope.text, start, end)]
    # The politeness before the action ("is there a way to", "quick question: can you")
    # names no subject: its words are not the request's to explain.
    lead = strip_polite([t.lower for t in scope.words], lex)
    for t in scope.words[lead:]:
        if (
            t.entity
            or not t.is_word
            or t.lemma in lex.stopwords
            or t.lemma in verbs
            or t.lower in verbs
        ):
            continue
        if any(a <= t.start and t.end <= b for a, b in numbers):
            continue  # "the first one", "two": counts and ordinals are not topics
        if (
            t.lemma in _PLACEHOLDERS
            and t.lemma not in scope.own  # ("badger spottings": a spotting report's own word)
            and (not scope.action_classes - _LOOKING or scope.action_classes == _ACQUIRE)
        ):
            continue  # "any Thai places in Soho?": the values say what kind of place
        if t.lemma in lex.roles and _before_value(scope, t):
            continue  # "near Leeds" for a city: the preposition says where the value goes
        if not scope.free(t.start, t.end) and not scope.weakly_taken(t.start, t.end):
            continue
        if scope.weakly_taken(t.start, t.end) and (
            filled.textual
            or (t.lower in placed and any(a < t.start and t.end < b for a, b in asides))
        ):
            # the rest of the clause is the message/query a text field asked for, or words
            # in brackets a field took as its value ("(flat tyre)" as the problem): an aside
            # gives a detail, it names no other subject
            continue
        yield t


# Nouns that stand for whatever a search's values describe ("Thai places", "a quiet spot",
# "cheaper options"), and whether it is there ("is a sander *available* tomorrow?"): in a
# question or a search they name no subject of their own.
_PLACEHOLDERS = frozenset(("place", "spot", "option", "stuff", "available", "availability"))
_LOOKING = frozenset(("search", "retrieve"))
# A bare noun phrase of values asks to obtain the thing or read about it (request_actions).
_ACQUIRE = frozenset(("buy", "book", "rent", "retrieve", "create", "schedule"))


def _before_value(scope: Scope, t: Token) -> bool:
    """Whether the word after ``t`` in the clause is part of a value a field took."""
    after = next((w for w in scope.words if w.start > t.end), None)
    return after is not None and not scope.free(after.start, after.end)


def _compound_of(word: str, own: frozenset[str]) -> bool:
    """Whether ``word`` is a closed compound whose head is one of the capability's own words
    of four letters or more after a modifier of three or more ("bedroom", "backyard",
    "toothbrush"): a kind of the thing it names."""
    return any(len(w) >= 4 and len(word) >= len(w) + 3 and word.endswith(w) for w in own)


def _abbreviates(word: str, own: frozenset[str]) -> bool:
    """Whether ``word`` (three to five letters) is the first letters of one of the
    capability's own words at least three letters longer ("mag 4" for a "magnitude", "temp"
    for "temperature"): the clipped form of that word, as labels before a value are."""
    if not 3 <= len(word) <= 5 or not word.isalpha():
        return False
    return any(len(w) >= len(word) + 3 and w.startswith(word) for w in own)


def _one_short(word: str, own: frozenset[str]) -> bool:
    """Whether ``word`` (three letters or more) is one of the capability's own words with its
    doubled last letter left off ("a day pas" for a "pass", "bil" for "bill"): the commonest
    slip of a short word, which typo correction leaves alone when the slip is a word itself."""
    return len(word) >= 3 and word.isalpha() and word + word[-1] in own


# Suffixes that make a noun of a verb ("own" -> owner, "pay" -> payment, "ship" -> shipping).
_NOUN_SUFFIXES = ("er", "r", "or", "ment", "ing", "ion", "ation", "al", "age")


def _derived_from(word: str, own: frozenset[str]) -> bool:
    """Whether one of the capability's own words is ``word`` (a lemma of three letters or
    more) with a suffix that makes a noun of it ("owner" of "own", "rental" of "rent")."""
    stems = {word}
    for ending in ("ed", "ing", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.add(word[: -len(ending)])  # "owned" -> own (too short for the lemmatizer)
    # A final "e" goes before a suffix that opens with a vowel: "use" -> usage, "store" ->
    # storage, "create" -> creation.
    dropped = {s[:-1] for s in stems if s.endswith("e") and len(s) >= 3}
    return any(
        len(stem) >= 3 and stem + suffix in own for stem in stems for suffix in _NOUN_SUFFIXES
    ) or any(
        stem + suffix in own for stem in dropped for suffix in _NOUN_SUFFIXES if suffix[0] in "aeio"
    )
