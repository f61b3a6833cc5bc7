"""Boolean fields: a flag the clause names ("extra cheese", "don't notify" -> false), says in
its description's words, or that the action sets ("switch it off" -> ``on: false``)."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma
from .choice_fields import FILLER
from .flag_meanings import contrary_said, coordinated_said, recurrence_said

__all__ = ["fill_boolean"]

_GENERIC_FLAG = frozenset(
    ["is", "has", "should", "enable", "include", "with", "allow", "use", "do", "want", "flag"]
)


_STATE_FIELDS = frozenset(
    ["on", "enabled", "enable", "active", "power", "powered", "state", "locked", "open"]
)
_TRUE_ACTIONS = frozenset(("enable", "start", "open", "lock", "resume"))
_FALSE_ACTIONS = frozenset(("disable", "stop", "close", "unlock", "pause"))


def fill_boolean(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    lex = lexicon()
    if set(spec.name_words) & _STATE_FIELDS and scope.action_classes:
        # "switch the fan off" -> on=false: the action says the state.
        if scope.action_classes & _FALSE_ACTIONS and not scope.action_classes & _TRUE_ACTIONS:
            return False, scope.text[scope.action_span[0] : scope.action_span[1]]
        if scope.action_classes & _TRUE_ACTIONS and not scope.action_classes & _FALSE_ACTIONS:
            return True, scope.text[scope.action_span[0] : scope.action_span[1]]
    cues = {w for w in spec.name_words if w not in _GENERIC_FLAG and w not in lex.stopwords}
    if not cues:
        return None
    common = _shared(spec, cues, fields)
    for token in scope.words:
        forms = {token.lemma, token.lower} | set(lex.synonyms.get(token.lemma, ()))
        forms |= _parts(token)  # "tail-lift": tail, lift
        verb = lex.nominal.get(token.lemma)
        if verb:
            forms.add(verb)
        related = any(
            len(c) >= 5
            and len(token.lemma) >= 5
            and (c[:5] == token.lemma[:5] or _spelt_otherwise(c, token.lower))
            for c in cues
        )
        if (forms & cues or related) and not (
            token.start < scope.action_span[1] and scope.action_span[0] < token.end
        ):
            start, end = _run_of(scope, token, cues)
            if _object_only(scope, start, end, cues) or _only_shared(scope, start, end, common):
                continue
            negated = _denied(scope, token.start)
            scope.claim(start, end)
            return (not negated), scope.text[start:end]
    return (
        _described(spec, scope)
        or _acronym_said(spec, scope, fields)
        or _answered(spec, scope, fields)
        or recurrence_said(spec, scope)
        or contrary_said(spec, scope, cues)
        or coordinated_said(spec, scope)
    )


def _acronym_said(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """A flag the clause says by the acronym its description names it by ("a black XL
    cartridge" for a flag described "the XL size that lasts longer"): an acronym before any
    preposition of the description is the thing the flag is, when no other field speaks of it
    ("a cover page on the PDF" is about a page, not the PDF)."""
    roles = lexicon().roles
    named: set[str] = set()
    for w in re.findall(r"[A-Za-z]+", spec.description):
        if w.lower() in roles:
            break
        if len(w) >= 2 and w.isupper():
            named.add(w)
    others = {w for f in fields if f is not spec for w in f.words}
    named = {w for w in named if w.lower() not in others}
    for t in scope.words:
        if t.text in named and scope.free(t.start, t.end):
            scope.claim(t.start, t.end)
            return (not _denied(scope, t.start)), t.text
    return None


# A yes or a no said as an answer, and the verbs that report one ("Sarah replied yes").
_YES = frozenset(("yes", "yeah", "yep", "aye"))
_NO = frozenset(("no", "nope"))
_REPLIED = frozenset(("reply", "say", "answer", "respond", "rsvp", "write", "text", "email"))


def _answered(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """The one required yes-or-no of a capability said as an answer ("Sarah Kim replied yes",
    "said no"): the answer after a verb of replying is the flag's value. "no" only alone ("said
    no, sadly"), since before a noun it is a determiner ("said no fish")."""
    if not spec.required or any(
        f is not spec and f.required and f.type == "boolean" for f in fields
    ):
        return None
    words = scope.words
    for k, t in enumerate(words):
        if k == 0 or words[k - 1].lemma not in _REPLIED or not scope.free(t.start, t.end):
            continue
        alone = k + 1 == len(words) or not words[k + 1].is_word
        if t.lower in _YES or (t.lower in _NO and alone):
            scope.claim(t.start, t.end)
            return t.lower in _YES, scope.text[words[k - 1].start : t.end]
    return None


# "someone", "anybody", "something": small words, but the subject a flag's description names
# ("someone is inside the car"), so a run of its words may start with one.
_INDEFINITE = re.compile(r"(?:some|any|every)(?:one|body|thing)")


def _described(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """A flag the clause says in its description's own words ("next day delivery" for a flag
    described "next-day delivery", "someone inside" for "someone is inside the car"): a run
    of two or more of the description's words in a row (small words aside, an indefinite
    subject such as "someone" kept), at least half of them."""
    lex = lexicon()
    said = [
        lemma(w)
        for w in re.findall(r"[a-z]+", spec.description.lower())
        if w not in lex.stopwords or _INDEFINITE.fullmatch(w)
    ]
    if len(said) < 2:
        return None
    words = [
        t
        for t in scope.words
        if t.is_word
        and (t.lower not in lex.stopwords or _INDEFINITE.fullmatch(t.lower))
        and scope.free(t.start, t.end)
        and not (t.start < scope.action_span[1] and scope.action_span[0] < t.end)
    ]
    parts = [
        (t, p) for t in words for p in (t.text.lower().split("-") if "-" in t.text else [t.lemma])
    ]
    for i in range(len(parts)):
        for j in range(len(said)):
            n = 0
            while (
                i + n < len(parts) and j + n < len(said) and lemma(parts[i + n][1]) == said[j + n]
            ):
                n += 1
            run = said[j : j + n]
            if n >= 2 and 2 * n >= len(said) and not all(_INDEFINITE.fullmatch(w) for w in run):
                first, last = parts[i][0], parts[i + n - 1][0]
                negated = _denied(scope, first.start)
                scope.claim(first.start, last.end)
                return (not negated), scope.text[first.start : last.end]
    return None


_NOBODY = re.compile(r"\b(?:nothing|nobody|noone|no\s+one|none|no)\s*$", re.IGNORECASE)


def _denied(scope: Scope, position: int) -> bool:
    """Whether the words before ``position`` deny the flag: a negation ("don't notify"), or a
    negative subject right before it ("nothing inside", "nobody aboard", "no one home")."""
    return scope.negated_before(position) or bool(
        _NOBODY.search(scope.text[max(scope.span[0], position - 12) : position])
    )


def _shared(spec: FieldSpec, cues: set[str], fields: list[FieldSpec]) -> set[str]:
    """The words of a flag's name that the capability's other fields speak of too (``walk`` of
    ``group_walk`` beside a date "day of the walk"): they name what the capability is about,
    and only the flag's other words ("a group walk") say the flag. Empty when every word of
    its name is shared (then nothing tells the flag from the thing)."""
    others = {w for f in fields if f is not spec for w in f.words}
    common = cues & others
    return common if common != cues else set()


def _only_shared(scope: Scope, start: int, end: int, common: set[str]) -> bool:
    """Whether the words at ``start:end`` say only words of the flag's name that the other
    fields share (see :func:`_shared`)."""
    if not common:
        return False
    run = {w for t in scope.words if start <= t.start and t.end <= end for w in _parts(t)}
    return run <= common | FILLER


def _object_only(scope: Scope, start: int, end: int, cues: set[str]) -> bool:
    """Whether the words at ``start:end`` are only part of a flag's name and the object of the
    clause's action ("*book the car* in" for ``courtesy_car``): they name what the action is
    done to, and only the flag's other word ("a courtesy car") would say the flag."""
    run = {w for t in scope.words if start <= t.start and t.end <= end for w in _parts(t)}
    if cues <= run or scope.action_span == (0, 0):
        return False
    between = [t for t in scope.clause.tokens if scope.action_span[1] <= t.start and t.end <= start]
    lex = lexicon()
    # "book a public skate": a word that qualifies the object is still before the object
    # (one or two, no small word, preposition or negation among them).
    said = [t for t in between if t.lower not in FILLER]
    return len(said) <= 2 and all(
        t.is_word
        and t.text.isalpha()
        and t.lower not in lex.roles
        and t.lower not in lex.stopwords
        and t.lemma not in cues
        for t in said
    )


def _parts(token: Any) -> set[str]:
    """A word's lemma and, for a hyphenated word, its parts ("tail-lift": tail, lift)."""
    return {token.lemma, *token.text.lower().split("-")}


def _run_of(scope: Scope, token: Any, cues: set[str]) -> tuple[int, int]:
    """The span of ``token`` and the words of the field's name next to it ("extra cheese" for
    ``extra_cheese``): all of it says the flag, so no other field takes a part."""
    words = scope.words
    i = next(k for k, t in enumerate(words) if t is token)
    first = last = i
    while first > 0 and words[first - 1].lemma in cues:
        first -= 1
    while last + 1 < len(words) and words[last + 1].lemma in cues:
        last += 1
    return words[first].start, words[last].end


def _spelt_otherwise(a: str, b: str) -> bool:
    """British and American spellings of one word: "colour"/"color", "centre"/"center",
    "organise"/"organize"."""

    def plain(w: str) -> str:
        return w.replace("our", "or").replace("tre", "ter").replace("ise", "ize")

    return a != b and plain(a) == plain(b)
