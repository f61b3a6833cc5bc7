"""A clause with no verb that gives other values of the same kinds as the step before it
stands for that request again, its verb left out ("approve LR-20418, then LR-20419", "cancel
FP-1 plus FP-2", "propose a talk 'X', 30 min; also a workshop 'Y', 2 hours"): the step before
runs once more with the new values, what the clause does not say again the same. Only after a
connector word: a phrase after a full stop or a comma is as often a detail of the request
before ("can someone come on Monday? 14 Elm Grove, Leeds").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .clauses import Memory, Scope
from .drafts import PlanDraft, StepDraft
from .entities import Mentions
from .index import Index
from .lexicon import lexicon
from .plans import PlannedStep
from .request_actions import request_action
from .schema import FieldSpec
from .segment import Clause
from .slots import fill

__all__ = ["gapped", "verb_lent"]

# Words that open a new thing named as an object ("the test", "a taxi", "my car").
_OPENS_THING = frozenset(("the", "a", "an", "my", "our"))


def verb_lent(index: Index, clause: Clause, earlier: Clause, between: str) -> Clause | None:
    """``clause`` read with the verb of the request before it, when it names a new thing after
    a connector and has no verb of its own ("book a driving lesson Tuesday and then *the test*
    on 21 September": book the test), or ``None``."""
    words = clause.words
    if not any(c.isalpha() for c in between) or not words or words[0].lower not in _OPENS_THING:
        return None
    if request_action(words, verbs=index.verbs, known=index.known).explicit:
        return None
    before = earlier.words
    action = request_action(before, verbs=index.verbs, known=index.known)
    if not action.explicit or not 0 < action.object_start < len(before):
        return None
    verb = tuple(t for t in earlier.tokens if t.end <= before[action.object_start].start)
    return Clause((*verb, *clause.tokens), clause.start, clause.end, clause.earlier, clause.added)


def gapped(
    index: Index,
    country_code: str,
    draft: PlanDraft,
    clause: Clause,
    text: str,
    mentions: Mentions,
    today: date,
    memory: list[Memory],
) -> StepDraft | None:
    """The step before, run again with the values ``clause`` gives in place of its own, when
    the clause has no verb, holds a value, and every value it gives replaces one the step
    before was told (``None`` otherwise: a detail or another request is no second run)."""
    if not draft.steps or not clause.words or request_action(clause.words).explicit:
        return None
    last = draft.steps[-1]
    profile = index.profiles[last.step.capability]
    used = set(mentions.used)
    scope = Scope(text, clause, mentions, today, last.chosen.mode, country_code, list(memory))
    scope.own, scope.remainder = profile.own, False
    scope.encoder, scope.known = index.encoder, index.known
    filled = fill(profile.fields, scope)
    new = {k: v for k, v in filled.params.items() if last.step.params.get(k) != v}
    told = set(last.filled.sources)
    if (
        not new
        or not set(new) <= told
        or not _all_read(mentions, clause, used)
        or _unread(clause, filled.sources.values(), profile.fields)
    ):
        mentions.used.clear()
        mentions.used.update(used)
        return None
    step = PlannedStep(last.step.capability, {**last.step.params, **filled.params})
    chunk = text[clause.start : clause.end]
    return StepDraft(step, chunk, last.action, last.candidates, filled, last.key, clause.earlier)


def _unread(clause: Clause, sources: Iterable[str], fields: Sequence[FieldSpec]) -> bool:
    """Whether a word of the clause is neither in a value it gave nor a word of a field (nor
    a stopword): "I'll need a wetsuit in L" says more than "L", and is no second booking."""
    lex = lexicon()
    told = " ".join(sources).lower()
    named = {w for f in fields for w in (*f.words, *f.name_words)}
    return any(
        t.is_word
        and not t.entity
        and t.lower not in lex.stopwords
        and t.lower not in told
        and t.lemma not in named
        for t in clause.words
    )


def _all_read(mentions: Mentions, clause: Clause, before: set[int]) -> bool:
    """Whether every value inside the clause was taken by the new fill."""
    inside = [
        i
        for i, m in enumerate(mentions.items)
        if clause.start <= m.start and m.end <= clause.end and i not in before
    ]
    return all(i in mentions.used for i in inside)
