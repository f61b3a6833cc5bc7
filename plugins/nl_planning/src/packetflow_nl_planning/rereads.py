"""Reading a clause again: a refused one with the earlier output it names ("... and email the
status to me") or in the domain of the step beside it ("... and add his brother instead") or
of the one after that points back at it ("look up Andor, then put it on my watchlist"), the
latest step with the phrase of values after it as its nearest scene ("can
someone come on Monday? 14 Elm Grove, Leeds"), and a request with the comma clause after it that
is only its detail ("an hour's walk for Rex on Monday, pick him up at 3:15pm"), so over-splitting
a request does not refuse it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import packetflow as pf

from .clauses import Memory
from .details import says_fields
from .domains import domain_of
from .drafts import PlanDraft, StepDraft
from .entities import Mentions
from .fragments import gave_value
from .givens import given_names
from .index import Index
from .joins import detail_fields, joined
from .objects import each_object, first_object
from .ranking import wireable
from .references import named_output
from .request_actions import request_action
from .segment import Clause
from .slots import memory_of
from .wiring import POINTERS

__all__ = ["Made", "Rereads"]


@dataclass(frozen=True, slots=True)
class Made:
    """How a step was read: its clause, the scenes before it, the values taken before it,
    the memory's length before it, the earlier outputs it could use and the step before it."""

    clause: Clause
    before: list[Clause]
    used: set[int]
    memory: int
    available: set[str]
    previous: str | None


class Rereads:
    """The planner's ways of reading a clause again (a mixin of :class:`~.planner.Planner`)."""

    index: Index
    country_code: str
    _clause: Callable[..., StepDraft]

    def _each_of(
        self,
        text: str,
        clause: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
        outputs: set[str],
        previous: str | None,
    ) -> list[StepDraft]:
        """A refused clause of one verb and several objects read as a run per object, when
        its first object alone fits ("add oat milk and 2 lemons to the list": the list's
        item twice); ``[]`` when it does not."""
        action = request_action(clause.words, verbs=self.index.verbs, known=self.index.known)
        first = first_object(clause, action.object_start) if action.explicit else None
        if first is None:
            return []
        used = set(mentions.used)
        try:
            step = self._clause(
                text, first, mentions, today, memory, allowed, index, contexts, outputs, previous
            )
        except pf.errors.NotFoundError:
            return []
        runs = each_object(
            self.index, self.country_code, step, clause, text, mentions, today, memory, loose=True
        )
        if not runs:
            mentions.used.clear()
            mentions.used.update(used)
        return runs

    def _with_givens(
        self,
        text: str,
        clause: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
        outputs: set[str],
        steps: list[StepDraft],
        used: set[int],
    ) -> StepDraft | None:
        """A refused clause read again with what the steps before were given counted as
        given (wiring fills a later step's field of the same name with it): a request of its
        own whose every missing value that fills, not the step before told again (``None``
        otherwise)."""
        givens = given_names(self.index, steps)
        if not givens - outputs:
            return None
        previous = steps[-1].step.capability if steps else None
        known = outputs | givens
        try:
            step = self._clause(
                text, clause, mentions, today, memory, allowed, index, contexts, known, previous
            )
        except pf.errors.NotFoundError:
            return None
        profile = self.index.profiles[step.step.capability]
        if step.step.capability != previous and all(
            wireable(profile, name, frozenset(known)) for name in step.filled.missing
        ):
            return step
        mentions.used.clear()
        mentions.used.update(used)  # (the values it took are free again)
        return None

    def _named_output(
        self,
        text: str,
        clause: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
        outputs: set[str],
        previous: str | None = None,
    ) -> StepDraft | None:
        """The step of a refused clause read with the earlier output it names as "it"
        (``None`` when it names none, or fits nothing that way either)."""
        named = named_output(clause, outputs) if outputs else None
        if named is None:
            return None
        try:
            return self._clause(
                text, named, mentions, today, memory, allowed, index, contexts, outputs, previous
            )
        except pf.errors.NotFoundError:
            return None

    def _in_domain(
        self,
        text: str,
        clause: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
        outputs: set[str],
        previous: str | None,
    ) -> StepDraft | None:
        """The step of a refused clause read in the domain of the step beside it ("remove Pete
        from the guest list and add his brother Ian instead": a guest), ``None`` when nothing
        there takes its values either (see :func:`~.domains.continued`)."""
        if previous is None:
            return None
        kept = set(mentions.used)
        # (only the domain's capabilities: "take kitchen roll off it" names none of the
        # shopping list's words, so a search of the whole index may not reach it)
        near = domain_of(self.index, previous)
        near = near if allowed is None else near & allowed
        try:
            return self._clause(
                text, clause, mentions, today, memory, near, index, contexts, outputs,
                previous, domain=True,
            )  # fmt: skip
        except pf.errors.NotFoundError:
            mentions.used = kept
            return None

    def _for_next(
        self,
        text: str,
        clause: Clause,
        later: Clause | None,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
        outputs: set[str],
    ) -> StepDraft | None:
        """The step of a refused clause read in the domain of the request after it, when that
        one points back at what this finds ("look up Andor, then put it on my watchlist": a
        title, not a ride or a list); ``None`` when there is none or nothing there fits."""
        if later is None or not any(t.lower in POINTERS for t in later.words):
            return None
        kept = set(mentions.used)
        try:
            after = self._clause(
                text, later, mentions, today, memory, allowed, index + 1, contexts, outputs
            )
        except pf.errors.NotFoundError:
            return None
        finally:
            mentions.used = set(kept)
        near = domain_of(self.index, after.step.capability)
        near = near if allowed is None else near & allowed
        try:
            return self._clause(
                text, clause, mentions, today, memory, near, index, contexts, outputs,
                domain=True,
            )  # fmt: skip
        except pf.errors.NotFoundError:
            mentions.used = kept
            return None

    def _with_values(
        self,
        text: str,
        head: Clause,
        values: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
    ) -> StepDraft | None:
        """The step of a request nothing fitted, ``head``, read with the sentence of values
        after it as its nearest scene ("Could I check out at 2pm instead? Room 418."): when it
        fits so and takes a value of that sentence; ``None`` otherwise (nothing is changed)."""
        kept = set(mentions.used)
        try:
            step = self._clause(text, head, mentions, today, memory, allowed, index,
                                [*contexts, values])  # fmt: skip
        except pf.errors.NotFoundError:
            step = None
        # (a verb the lexicon does not know says nothing the values could complete: "can I
        # paint the bay till 6pm? Bay 214." is still refused)
        unknown = step is not None and all(
            c.startswith(("word:", "not:word:")) for c in step.action.classes
        )
        if step is None or unknown or not gave_value(mentions, values):
            mentions.used = kept
            return None
        return step

    def _with_detail(
        self,
        text: str,
        head: Clause,
        detail: Clause,
        mentions: Mentions,
        today: date,
        memory: list[Memory],
        allowed: set[str] | None,
        index: int,
        contexts: list[Clause],
    ) -> StepDraft | None:
        """The step of ``head`` and ``detail``, the clause right after it past a comma, read
        as one request, when it takes a value of the detail and the detail's verb only says
        what the fields it filled are for ("pick him up at 3:15pm" for a "pick-up time");
        ``None`` otherwise - a second request nothing fits ("..., repaint the door at 3pm")
        still refuses the whole. A phrase kept as a scene ("an hour's walk for Rex on Monday")
        is read with the detail as its nearest scene first (the detail's verb is no verb of
        the request); then the two are read joined ('donate "a high chair", pick up from 77
        Ash Grove'; "plug's in at evc-3310, charge to 90%").
        """
        if not joined(text, head, detail):
            return None  # (checked first: reading the head is the dear part)
        kept = set(mentions.used)
        before = [c for c in contexts if c.end <= head.start and c is not head]
        whole = Clause(head.tokens + detail.tokens, head.start, detail.end, head.earlier)
        readings = [(whole, before)]
        if head in contexts:
            readings.insert(0, (head, [*before, detail]))
        for reading, scene in readings:
            try:
                step = self._clause(text, reading, mentions, today, memory, allowed, index, scene)
            except pf.errors.NotFoundError:
                continue
            if gave_value(mentions, detail) and self._told_detail(text, head, detail, step):
                return step
            mentions.used = set(kept)
        return None

    def _told_detail(self, text: str, head: Clause, detail: Clause, step: StepDraft) -> bool:
        """Whether ``detail``, told right after ``head`` past a comma, is only a detail of
        ``step``: its verb only says what the fields it filled are for."""
        if not joined(text, head, detail):
            return False
        filled = detail_fields(self.index, step, text, detail)
        return bool(filled) and says_fields(self.index, detail, filled, step.step.capability)

    def _replan(
        self,
        text: str,
        today: date,
        allowed: set[str] | None,
        made: Made,
        fragment: Clause,
        draft: PlanDraft,
        mentions: Mentions,
        memory: list[Memory],
        *,
        told: bool = False,
    ) -> bool:
        """Whether the latest step, read again with a fragment of values after it as its
        nearest scene, is the same capability and takes a value of it: the step is then
        replaced ("can someone come on Monday? 14 Elm Grove, Leeds": the address is there,
        not the "kitchen" of the scene before). Read with a detail told after a comma ("an
        hour's walk for Rex on Monday, pick him up at 3:15pm") it may be another capability,
        the one the detail's values complete, and a clause with a verb (``told``) is such a
        detail only when its verb says what the fields it filled are for (see
        :meth:`_told_detail`)."""
        old = draft.steps[-1]
        kept = set(mentions.used)
        mentions.used = set(made.used)
        index = len(draft.steps) - 1
        try:
            step: StepDraft | None = self._clause(
                text,
                made.clause,
                mentions,
                today,
                memory[: made.memory],
                allowed,
                index,
                [*made.before, fragment],
                made.available,
                made.previous,
            )
        except pf.errors.NotFoundError:
            step = None
        if step is None or not gave_value(mentions, fragment):
            mentions.used = kept
            return False
        if (told or step.step.capability != old.step.capability) and not self._told_detail(
            text, made.clause, fragment, step
        ):
            mentions.used = kept
            return False
        draft.steps[index] = step
        del memory[made.memory :]
        fields = self.index.profiles[step.step.capability].fields
        memory.extend(memory_of(step.step.params, fields, index))
        return True
