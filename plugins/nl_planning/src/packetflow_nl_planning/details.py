"""Clauses that only say more about the step before them: a short one whose values fill that
step's empty fields ("..., express", "read only, no alert"), a clause no capability fits whose
verb is a light one, names the thing ("call it 'Xmas'"), reaches someone ("call 555 0134") or is
a word of the field it fills, and a statement after the last request ("we're vegan").
"""

from __future__ import annotations

import copy
import re
from datetime import date
from itertools import pairwise

from .clauses import Memory, Scope
from .drafts import PlanDraft
from .entities import Mentions
from .index import Index
from .lexicon import lexicon
from .request_actions import request_action
from .schema import FieldSpec
from .segment import Clause
from .slots import Filled, fill
from .slots.kinds import field_kind
from .text import Token, identifier_words, tokenize

__all__ = ["absorb", "continues_label", "points_back", "says_fields", "told_more"]

_DETAIL_VERBS = frozenset(["give", "get", "make", "do", "have", "want", "need", "like", "use"])
_NAMING = frozenset(("call", "name", "title", "label", "rename", "entitle"))
_NAME_WORDS = frozenset(("name", "title", "label", "caption"))
_REACH = frozenset(("call", "send"))  # the action classes of "call", "ring", "text", "email"
_ADDRESSED = frozenset(("them", "him", "her"))  # whom a message is told to
_MARKING = frozenset(("mark",))  # the action class of "mark", "flag", "tag", "label"


def told_more(
    index: Index,
    country_code: str,
    draft: PlanDraft,
    clause: Clause,
    text: str,
    mentions: Mentions,
    today: date,
    memory: list[Memory],
) -> bool:
    """Whether a short clause is only values for the previous step: its first word (which
    looked like a verb) fills one of that step's empty fields, or names the field it fills
    ("postcode GU1 4RT"), and at most one other word is left over ("read only, no alert" after
    "share the file with ...")."""
    lex = lexicon()
    content = [t for t in clause.words if t.is_word and t.lower not in lex.stopwords]
    if not content or len(content) > 4:
        return False
    last = draft.steps[-1]
    profile = index.profiles[last.step.capability]
    empty = [
        f
        for f in profile.fields
        if f.name not in last.step.params and f.name not in last.step.wired
    ]
    if not empty:
        return False
    trial = copy.copy(mentions)
    trial.used = set(mentions.used)
    scope = Scope(text, clause, trial, today, last.chosen.mode, country_code, list(memory))
    scope.own, scope.remainder = profile.own, False
    scope.encoder, scope.known = index.encoder, index.known
    more = fill(empty, scope)
    # "... on the 5th? postcode GU1 4RT", "Room 418.": the first word may name the field it
    # fills instead (a label, see _labels)
    named = {w for f in empty if f.name in more.params for w in f.words}
    first = content[0]
    left = [
        t
        for t in content
        if scope.free(t.start, t.end) and t.lemma not in profile.own and t is not first
    ]
    taken = (
        not scope.free(first.start, first.end)
        or first.lemma in named
        or first.lower in named
        or _labels(first, text, more, profile.fields)
    )
    if not more.params or not taken or len(left) > 1:
        return False
    mentions.used = trial.used
    last.step.params.update(more.params)
    last.filled.sources.update(more.sources)
    return True


def _labels(word: Token, text: str, more: Filled, fields: list[FieldSpec]) -> bool:
    """Whether ``word`` opens the name of a field said right before the value it filled
    ("Room 418", "room number 418", "ticket no. 55" after "could I check out at 2pm?"): a
    label, as on a form, that tells whose value follows, no request of its own."""
    for f in fields:
        source = more.sources.get(f.name)
        if f.name not in more.params or not source:
            continue
        if word.lower not in f.name_words and word.lemma not in f.name_words:
            continue
        after = text[word.end :]
        while True:  # the rest of the field's name ("number", "no.") and marks before the value
            rest = re.match(r"[\s:#.-]*([A-Za-z]+)", after)
            if rest is None or not (
                rest.group(1).lower() in f.name_words or rest.group(1).lower() in _NUMBER_MARKS
            ):
                break
            after = after[rest.end() :]
        if after.lstrip(" :#.-").lower().startswith(str(source).lower()):
            return True
    return False


# Short forms of "number" written in a label ("room no. 418", "flat nr 4").
_NUMBER_MARKS = frozenset(("no", "nr", "num", "number"))


def absorb(
    index: Index,
    country_code: str,
    draft: PlanDraft,
    clause: Clause,
    text: str,
    mentions: Mentions,
    today: date,
    memory: list[Memory],
) -> bool:
    """Whether a clause no capability fits only adds details to the previous step: its
    verb is a light one, or a word of the very field it fills ("..., call me on 555 0134"
    for a phone "for the agent to call", "..., estimate 800 dollars" for an estimated
    amount), and it fills fields that step left empty."""
    if not draft.steps:
        return False
    last = draft.steps[-1]
    profile = index.profiles[last.step.capability]
    params = last.step.params
    empty = [
        f
        for f in profile.fields
        if f.name not in params or _names_itself(params[f.name], last.step.capability)
    ]
    scope = Scope(text, clause, mentions, today, last.chosen.mode, country_code, list(memory))
    scope.own = profile.own
    scope.remainder = False
    scope.encoder, scope.known = index.encoder, index.known
    more = fill(empty, scope)
    filled = [f for f in empty if f.name in more.params]
    if not filled or not says_fields(index, clause, filled, last.step.capability):
        return False
    last.step.params.update(more.params)
    last.filled.sources.update(more.sources)
    return True


def _names_itself(value: object, capability: str) -> bool:
    """Whether a text value is only a word of the capability's own name, or the noun of its
    verb ("renewal" for ``renew_passport``: "fast-track renewal for passport P1, post to 22
    Rue de Rivoli"): what was left of the words that named the request, no value - a detail
    told after it may fill the field instead."""
    if not isinstance(value, str):
        return False
    name = set(identifier_words(capability))
    nominal = lexicon().nominal
    words = [t for t in tokenize(value) if t.is_word]
    return bool(words) and all(t.lemma in name or nominal.get(t.lemma) in name for t in words)


def says_fields(
    index: Index, clause: Clause, filled: list[FieldSpec], capability: str = ""
) -> bool:
    """Whether a clause's verb only tells what the fields it filled are for: it has no verb or
    a light one, or its verb is a word of such a field ("..., call me on 555 0134" for a phone
    "for the agent to call", "..., estimate 800 dollars" for an estimated amount) or of the
    name of the ``capability`` the step runs. An undo verb never is ("..., cancel it")."""
    lex = lexicon()
    action = request_action(clause.words, verbs=index.verbs, known=index.known)
    if not action.explicit or set(action.verbs[:1]) & _DETAIL_VERBS:
        return True
    if lex.is_undo(action.classes):
        return False
    verb = {t.lemma for t in clause.words[:1]} | set(action.verbs[:1])
    # a phrasal verb is a word of the field written as one ("pick him up" for a "pick-up time")
    verb |= {v.replace("_", "") for v in action.verbs[:1]}
    # "..., call it 'Xmas 2026'": a naming verb gives a name; "..., call 212-555-0143",
    # "..., email me at ana@x.org": a way to reach someone gives a phone or an email.
    naming = bool(verb & _NAMING) and any(f.words & _NAME_WORDS for f in filled)
    reach = bool(action.classes & _REACH) and any(
        field_kind(f) in ("phone", "email") for f in filled
    )
    # "..., tell them 'please keep the old strap'": words said to the ones the step reaches
    # are its message (a free-text field).
    # The ones reached may be named as the field names them ("..., tell the driver 'sorry'"
    # for a "message to the driver").
    texts = [f for f in filled if field_kind(f) == "text"]
    said = (
        bool(action.classes & _REACH)
        and bool(texts)
        and any(
            t.lower in _ADDRESSED
            or (
                not t.entity
                and t.lower not in lex.stopwords
                and any(t.lemma in f.words for f in texts)
            )
            for t in clause.words[1:]
        )
    )
    # "start charging at EVC-1, charge to 90%": the verb the capability is named by, told
    # again with one more value
    named = {t.lemma for t in tokenize(" ".join(identifier_words(capability)))}
    again = bool(verb & named)
    # the verb of a noun of the field counts ("remind me by text on ..." for a "number to text
    # a reminder to")
    told = any(verb & (f.words | {lex.nominal.get(w, w) for w in f.words}) for f in filled)
    # "..., mark it as a DNF": marking what the step is about as a value of one of its choices
    marked = (
        bool(action.classes & _MARKING)
        and all(f.enum for f in filled)
        and any(a.lower in _PEOPLE and b.lower == "as" for a, b in pairwise(clause.words))
    )
    return naming or reach or said or again or told or marked


def continues_label(draft: PlanDraft, clause: Clause, text: str) -> bool:
    """Whether a clause no capability fits goes on with a labelled text value of the previous
    step ("comment: approved, cover arranged"): the value follows a label's colon and ends
    right before the clause, after a comma. The value then runs to the clause's end."""
    if not draft.steps:
        return False
    params = draft.steps[-1].step.params
    for name, value in params.items():
        if not isinstance(value, str) or not value:
            continue
        at = text.rfind(value, 0, clause.start)
        if at < 0 or text[at + len(value) : clause.start].strip() not in (",", ";"):
            continue
        if not text[:at].rstrip().endswith(":"):
            continue
        params[name] = text[at : clause.end].strip()
        return True
    return False


_PEOPLE = frozenset(("her", "him", "them", "it", "that", "this"))


def points_back(index: Index, draft: PlanDraft, clause: Clause) -> bool:
    """Whether a clause no capability fits ("..., and invite her") says what an empty field
    of the previous step is for (its verb is a word of the field: "one person to invite")
    and points at what an earlier step found: the field is wired from that step's output of
    the same kind (the contact's email)."""
    if len(draft.steps) < 2:
        return False
    words = clause.words
    if not any(t.lower in _PEOPLE for t in words):
        return False
    action = request_action(words, verbs=index.verbs, known=index.known)
    verbs = {t.lemma for t in words[:1]} | set(action.verbs[:1])
    last = draft.steps[-1]
    profile = index.profiles[last.step.capability]
    for spec in profile.fields:
        if spec.name in last.step.params or spec.name in last.step.wired:
            continue
        if not verbs & spec.words:
            continue
        kind = field_kind(spec)
        for j in range(len(draft.steps) - 2, -1, -1):
            outputs = index.profiles[draft.steps[j].step.capability].outputs
            for out in outputs:
                if kind in identifier_words(out) or set(identifier_words(out)) & spec.words:
                    last.step.wired[spec.name] = f"s{j + 1}.{out}"
                    return True
    return False
