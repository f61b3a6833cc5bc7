"""Reading one clause: its content words and action, the candidates the index ranks for it,
and the chosen capability's fields filled from it - or an E404 naming the closest candidates
and why each was not chosen. Kept apart from the loop over a request's clauses (``planner``),
which reads a clause again in other ways when this refuses it (``rereads``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import packetflow as pf

from .actions import Action
from .clauses import Memory, Scope
from .domains import continued, in_domain, pointed_at
from .drafts import StepDraft
from .entities import Mentions
from .index import Index
from .lexicon import lexicon
from .plans import PlannedStep
from .ranking import Candidate, Thresholds, rank, verbs_of
from .request_actions import request_action
from .scenes import takes_thing
from .search_terms import embedding_sentence, type_words
from .segment import Clause
from .slots import fill
from .tense import tensed_words
from .text import Token, tokenize
from .typos import Typos
from .verbs import strip_polite
from .wiring import POINTERS

__all__ = ["ClauseReader"]

_CHUNK = re.compile(r"[#@]?[A-Za-z0-9][A-Za-z0-9_\-./:]*[A-Za-z0-9]")


class ClauseReader:
    """How the planner reads one clause (a mixin of :class:`~.planner.Planner`)."""

    index: Index
    evidence: Any
    thresholds: Thresholds
    typos: Typos
    country_code: str

    def _tokens(self, text: str, mentions: Mentions) -> list[Token]:
        tokens = tokenize(text)
        spans = [(m.start, m.end) for m in mentions.items if m.kind != "number"]
        for t in tokens:
            if any(a <= t.start and t.end <= b for a, b in spans):
                t.entity = True
        self.typos.correct(tokens)
        return tokens

    def _terms(self, clause: Clause) -> tuple[list[str], Action]:
        """A clause's content lemmas (nouns naming actions add their verb) and its action."""
        lex = lexicon()
        words = clause.words
        action = leaves(
            request_action(words, verbs=self.index.verbs, known=self.index.known), words
        )
        content = [t for t in words if not t.entity and t.is_word and t.lemma not in lex.stopwords]
        terms = [t.lemma for t in content]
        terms += [lex.nominal[t] for t in terms if t in lex.nominal and lex.nominal[t] not in terms]
        return terms, action

    # -- one clause ---------------------------------------------------------------------------

    def _clause(
        self,
        text: str,
        clause: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause] | None = None,
        available: set[str] | None = None,
        previous: str | None = None,
        *,
        domain: bool = False,
        thing: Clause | None = None,
    ) -> StepDraft:
        """The step ``clause`` asks for; with ``domain``, a clause that fits nothing on its own
        goes on in the domain of the ``previous`` step (see :func:`~.domains.continued`); with a
        ``thing`` (what a scene before it is about), one that counts it is meant (see
        :func:`~.scenes.takes_thing`).

        Raises:
            NotFoundError: E404 when no capability fits it.
        """
        words = clause.words
        terms, action = self._terms(clause)
        key = " ".join(terms)
        verb_words = verbs_of(action)
        typed = type_words(mentions, clause)
        terms += [w for w in typed if w not in terms]
        objects = [t for t in terms if t not in verb_words]
        sentence = embedding_sentence(words, typed, self.typos.english)
        found = list(_CHUNK.finditer(text, clause.start, clause.end))
        chunks = [m.group().lstrip("#@") for m in found]
        must = self.index.by_pattern(chunks) if chunks else set()
        # An id of letters and digits that some capability's distinctive pattern takes
        # ("BK-1234") is never free text (a number alone may be a postcode as well).
        ids = [
            m.span()
            for m in found
            if must
            and any(c.isalpha() for c in m.group())
            and any(c.isdigit() for c in m.group())
            and self.index.by_pattern([m.group().lstrip("#@")])
        ]
        if previous is not None and any(t.lower in POINTERS for t in words):
            # "find a castle ... and book *it*": a capability that takes what the step before
            # found is what "it" is done with, however few of its own words the clause says
            must = must | _takers(self.index, previous)
        # A search names what it looks for by value ("is Severance on here?", "anything by Le
        # Guin"), seldom by the capability's words: every capability that searches is tried.
        kin = _SEARCH if action.explicit and action.classes & _SEARCH else frozenset()
        hits = self.index.search(terms, objects, sentence, allowed=allowed, must=must, kin=kin)
        action_span = (0, 0)
        if action.explicit and action.object_start > 0:
            verb_tokens = [
                t
                for t in words[: action.object_start]
                if t.lemma in verb_words or t.lower in verb_words
            ]
            if verb_tokens:
                action_span = (verb_tokens[0].start, verb_tokens[-1].end)
        scope = Scope(text, clause, mentions, today, "future", self.country_code, list(memory))
        scope.action_span = action_span
        scope.action_classes = action.classes
        scope.contexts = list(contexts or [])
        scope.encoder, scope.known = self.index.encoder, self.index.known
        scope.ids = ids
        lead = strip_polite([t.lower for t in words], lexicon())
        if lead:
            # The politeness before the action holds no value ("quick *one*: ...").
            scope.claim(words[0].start, words[lead - 1].end)
        available = available or set()
        tensed = tensed_words(words, mentions.items)
        candidates = rank(
            hits,
            action,
            scope,
            [t.lower for t in tensed],
            [t.lemma for t in tensed],
            lambda name: self._evidence(key, name),
            self.thresholds,
            self.index.idf,
            frozenset(available),
        )
        chosen = None
        if candidates:
            best = in_domain(self.index, candidates, previous)
            if any(t.lower in POINTERS for t in words):
                best = pointed_at(self.index, candidates, best, previous)
            chosen = candidates[best]
        chunk = text[clause.start : clause.end]
        if chosen is None or not (chosen.action_ok and chosen.relevant):
            known = not any(c.startswith(("word:", "not:word:")) for c in action.classes)
            at = continued(self.index, candidates, previous, known) if domain else None
            if thing is not None:
                at = takes_thing(candidates, text, thing)
            if at is None:
                raise _refusal(chunk, candidates, action)
            chosen = candidates[at]  # "..., and add his brother instead": the domain before
        profile = self.index.profiles[chosen.name]
        scope.mode = chosen.mode
        scope.own = profile.own
        filled = fill(profile.fields, scope)
        step = PlannedStep(chosen.name, dict(filled.params))
        return StepDraft(step, chunk, action, candidates, filled, key, clause.earlier)

    def _evidence(self, key: str, name: str) -> float:
        if self.evidence is None:
            return 0.0
        value: float = self.evidence.boost(key, name)
        return value


def _takers(index: Index, previous: str) -> set[str]:
    """The capabilities with a field named as an output of ``previous`` (what it found)."""
    found = set(index.profiles[previous].outputs)
    return {
        name
        for name, profile in index.profiles.items()
        if name != previous and found & {f.name for f in profile.fields}
    }


_SEARCH = frozenset(("search",))

# Taking oneself off something is leaving it: "drop me from ride R-1", "take us off the list".
_SELF = frozenset(("me", "us", "myself", "ourselves"))
_AWAY = frozenset(("from", "off", "out"))
_TAKE_AWAY = frozenset(("delete", "remove_from", "take_off", "cancel"))
_LEAVE = frozenset(("unsubscribe", "withdraw"))


def leaves(action: Action, words: list[Token]) -> Action:
    """``action``, with the classes of leaving when it takes the speaker away from something
    ("drop *me from* ride R-1", "take *me off* the lift share"): removing oneself is leaving,
    withdrawing (not deleting a thing)."""
    if not action.explicit or not action.classes & _TAKE_AWAY:
        return action
    lowers = [t.lower for t in words]
    at = next((i for i, w in enumerate(lowers) if w in _SELF), -1)
    if at < 1 or at + 1 >= len(lowers) or lowers[at + 1] not in _AWAY:
        return action
    return replace(action, classes=action.classes | _LEAVE)


def _refusal(chunk: str, candidates: list[Candidate], action: Action) -> pf.errors.NotFoundError:
    close = list(candidates[:3])
    if close:
        names = ", ".join(f"{c.name!r} ({c.reason})" for c in close)
        hint = f"closest: {names}"
    else:
        hint = "no capability is registered"
    return pf.errors.NotFoundError(
        f"request {chunk[:80]!r}: no registered capability does that; {hint}",
        details={"candidates": [c.to_dict() for c in close], "clause": chunk},
    )
