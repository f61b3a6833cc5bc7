"""The offline planner: text -> clauses -> a capability per clause -> parameters -> plan.

1. Values are found once in the whole text (``entities``), typos are corrected towards the
   capabilities' own words and the action verbs, and the text is split into clauses
   (``segment``); a clause that only states a fact ("my email is ana@x.org") is remembered,
   not planned.
2. Each clause is ranked against the index (``index``, ``ranking``): the action must match,
   the clause must be about the capability (words, meaning, or a value that only it takes);
   the best candidate's fields are filled (``slots``).
3. Fields no clause states but an earlier step outputs are wired from that output; the
   request's own payload fills fields by name.
4. A clause no capability fits refuses the whole request: E404 naming the closest candidates
   and why each was not chosen.
"""

from __future__ import annotations

import contextlib
from datetime import date
from functools import partial
from typing import Any

import packetflow as pf

from .another import another_of
from .clause_kinds import clause_kind, labelled, remember_fact
from .clauses import Memory
from .details import absorb, continues_label, points_back, told_more
from .drafts import PlanDraft, StepDraft
from .entities import find_mentions
from .fragments import gave_value, is_fragment
from .gapping import gapped, verb_lent
from .greetings import without_greetings
from .index import Index
from .joins import joined
from .limits import check_count, too_many
from .mixed_objects import mixed_runs
from .objects import each_object
from .placing import where_to_put
from .plans import PlannedStep
from .ranking import Thresholds
from .reading import ClauseReader
from .references import found_one
from .repeats import retracts
from .request_actions import request_action
from .rereads import Made, Rereads
from .restates import once_more, restates
from .scenes import counts_unnamed, scene_object, told_of_self, with_object
from .second_readings import tells_loss, tells_reason
from .segment import Clause, split
from .shared_ranges import share_ranges
from .slots import memory_of
from .text import normalize
from .then_refs import then_told
from .topics import is_topic
from .typos import Typos
from .wiring import POINTERS, Wiring

__all__ = ["PlanDraft", "Planner", "StepDraft"]


class Planner(ClauseReader, Rereads):
    """Plans requests over an :class:`Index` (no network, nothing downloaded).

    Args:
        index: the capabilities.
        evidence: ``(text, capability) -> boost`` learned from outcomes (0 when none).
        country_code: the calling code for phone numbers written without one.
        thresholds: the relevance floor.
    """

    def __init__(
        self,
        index: Index,
        evidence: Any = None,
        *,
        country_code: str = "1",
        thresholds: Thresholds | None = None,
    ) -> None:
        self.index = index
        self.evidence = evidence
        self.country_code = country_code
        self.thresholds = thresholds or Thresholds()
        self.typos = Typos(index)
        self.wiring = Wiring(index)

    # -- the whole request --------------------------------------------------------------------

    def plan(
        self,
        text: str,
        today: date,
        max_steps: int,
        *,
        inputs: dict[str, Any] | None = None,
        allowed: set[str] | None = None,
    ) -> PlanDraft:
        """Plan ``text``.

        Raises:
            NotFoundError: E404 when a part of the request fits no capability.
            ContractViolationError: E422 with more parts than ``max_steps``.
        """
        try:
            return self._plan(text, today, max_steps, inputs, allowed, losses=False)
        except pf.errors.NotFoundError:
            # The reason told after a request ("run the dehumidifier on quiet, the windows are
            # steaming up") is a statement of its own; when the request fits nothing without
            # it, its words are read with the request after all.
            if tells_reason(text):
                with contextlib.suppress(pf.errors.NotFoundError):
                    return self._plan(
                        text, today, max_steps, inputs, allowed, losses=False, reasons=False
                    )
            # A loss told beside a request only sets the scene ("I lost my slip, pull up
            # F-1"); when the rest fits nothing on its own, the loss is what is asked ("lost
            # my scarf on the 38, call 212-555-0143": report it, and call back).
            if not tells_loss(text):
                raise
            return self._plan(text, today, max_steps, inputs, allowed, losses=True)

    def _plan(
        self,
        text: str,
        today: date,
        max_steps: int,
        inputs: dict[str, Any] | None,
        allowed: set[str] | None,
        *,
        losses: bool,
        reasons: bool = True,
    ) -> PlanDraft:
        text = without_greetings(self.typos.date_words(normalize(text)))
        mentions = find_mentions(text, today, self.country_code)
        tokens = self._tokens(text, mentions)
        protected = mentions.spans("quoted", "email", "url")
        times = mentions.spans("date", "time", "daterange")
        clauses = split(tokens, protected, self.index.verbs, times, reasons=reasons)
        draft = PlanDraft(text)
        memory: list[Memory] = []
        pending: list[tuple[Clause, str]] = []
        contexts: list[Clause] = []
        facts: list[Clause] = []  # "my number is ...": a value for any step, before or after
        things: list[Clause] = []  # what statements told before a request are about ("eggs")
        for clause in clauses:
            kind = clause_kind(self.index, clause, text, losses)
            # (a statement told as one more thing, "...; also I left my gloves on the 38", is
            # asked for: it is planned, and only sets the scene when nothing fits it)
            scene = kind == "statement" and len(clauses) > 1 and not clause.added
            if kind == "fact" and labelled(text[clause.start : clause.end]):
                # "..., then book the first one. Email: moira@example.org": the email only
                remember_fact(clause, text, mentions, memory, self.country_code)
                continue
            if kind == "fact" or scene:
                contexts.append(clause)  # it sets the scene: its values may fill later steps
                if remember_fact(clause, text, mentions, memory, self.country_code):
                    facts.append(clause)
                continue
            pending.append((clause, kind))
        for at in range(len(pending) - 2, -1, -1):
            (topic, _), (about, kind) = pending[at], pending[at + 1]
            if is_topic(self.index, topic, about):
                # "the feeder? pause it till Sunday": one request, read with what "it" is
                pending[at : at + 2] = [(with_object(about, topic), kind)]
        check_count(text, len(pending), max_steps)
        first_error: pf.errors.NotFoundError | None = None
        scenes: list[tuple[Clause, pf.errors.NotFoundError]] = []  # fragments read as scenes
        made: Made | None = None  # how the latest step was read
        asked: list[bool] = []  # per step: whether its clause was a question
        joins: set[int] = set()  # clauses read as the detail of the one before them
        for position, (clause, kind) in enumerate(pending):
            if position in joins:
                continue
            before = [c for c in contexts if c.end <= clause.start]
            before += [c for c in facts if c.start >= clause.end]  # "..., my number is X"
            # "I'm away till Sunday. Until then, pause the feeder": until Sunday
            told = [c for c in contexts if c.end <= clause.start]
            told += [c for c, _ in pending[:position]]
            clause = then_told(clause, told, mentions) or clause
            clause = (found_one(clause, mentions) if draft.steps else None) or clause
            if clause.corrects and draft.steps and retracts(clause):
                # "open the blinds in the lounge, actually close them": closing, not opening
                draft.steps.pop()
                asked.pop()
                made = None
            index = len(draft.steps)
            used = set(mentions.used)  # the values taken before this step
            if draft.steps and told_more(
                self.index, self.country_code, draft, clause, text, mentions, today, memory
            ):
                continue  # ", express", ", view only": a value of the previous step
            again = once_more(
                self.index, self.country_code, draft, clause, text, mentions, today, memory
            )
            if again is not None and clause.corrects:
                draft.steps[-1] = again  # "..., actually make that Monday": Monday, not Sunday
                made = None
                continue
            if clause.corrects and draft.steps and not request_action(clause.words).explicit:
                # "turn the lights on, no wait, off": a correction no value of the step before
                # takes; keeping that step would do what was taken back
                raise pf.errors.NotFoundError(
                    f"request {text[:80]!r}: the correction "
                    f"{text[clause.start : clause.end]!r} changes nothing the request before "
                    "takes; say the request again as it should be",
                    details={"candidates": []},
                )
            if again is not None:  # "... and one for Tom Lee at the same time"
                self._keep(draft, again, memory)
                asked.append(asked[-1])
                made = None
                continue
            try:
                outputs = {
                    o for st in draft.steps for o in self.index.profiles[st.step.capability].outputs
                }
                previous = draft.steps[-1].step.capability if draft.steps else None
                thing = max((c for c in things if c.end <= clause.start), key=_end, default=None)
                counted = None
                if thing is not None and counts_unnamed(clause, mentions):
                    # "we're out of crisps, add two": two crisps
                    with contextlib.suppress(pf.errors.NotFoundError):
                        counted = self._clause(
                            text, with_object(clause, thing), mentions, today, memory, allowed,
                            index, before, outputs, previous, thing=thing,
                        )  # fmt: skip
                # "cancel my salon appointment SA-1 and book another for Friday": another of it
                other = another_of(self.index, clause, pending[position - 1][0]) if index else None
                if other is not None and counted is None:
                    with contextlib.suppress(pf.errors.NotFoundError):
                        counted = self._clause(
                            text, other, mentions, today, memory, allowed, index, before,
                            outputs, previous,
                        )  # fmt: skip
                try:
                    step = counted or self._clause(
                        text, clause, mentions, today, memory, allowed, index, before, outputs,
                        previous,
                    )  # fmt: skip
                except pf.errors.NotFoundError as exc:
                    # "check stock of BLT-0042 in Leeds, then move 300 of them": as given before
                    given = self._with_givens(
                        text, clause, mentions, today, memory, allowed, index, before, outputs,
                        draft.steps, used,
                    )  # fmt: skip
                    if given is None:
                        raise exc from None
                    step = given
            except pf.errors.NotFoundError as exc:
                # "... and email the status to ana@x.org": an earlier step's output, named.
                retry = self._named_output(
                    text, clause, mentions, today, memory, allowed, index, before, outputs, previous
                )
                between = text[pending[position - 1][0].end : clause.start] if position else ""
                lent = verb_lent(self.index, clause, pending[position - 1][0], between) if (
                    retry is None and position
                ) else None  # fmt: skip
                if lent is not None:
                    with contextlib.suppress(pf.errors.NotFoundError):
                        retry = self._clause(
                            text, lent, mentions, today, memory, allowed, index, before, outputs,
                            previous,
                        )  # fmt: skip
                runs = [] if retry is not None else self._each_of(
                    text, clause, mentions, today, memory, allowed, index, before, outputs, previous
                )  # fmt: skip
                if too_many(max_steps, len(draft.steps), len(runs), len(pending) - position - 1):
                    runs = []  # (as for the runs of a clause read whole, below)
                for run in runs:  # "add oat milk and 2 lemons to the list": one run each
                    self._keep(draft, run, memory)
                    asked.append(kind == "question")
                if runs:
                    made = None
                    continue
                if retry is None:
                    if continues_label(draft, clause, text):
                        continue  # "comment: approved, cover arranged": the comment goes on
                    if absorb(
                        self.index, self.country_code, draft, clause, text, mentions, today, memory
                    ) or points_back(self.index, draft, clause):
                        # "refund order 7 and give me cash back": a detail of step 1; "...,
                        # and invite her": the contact found first is whom the event invites
                        continue
                    if draft.steps and where_to_put(clause, mentions):
                        continue  # "... - just tip it on the drive": how to bring it
                    told_again = gapped(
                        self.index, self.country_code, draft, clause, text, mentions, today, memory
                    ) if any(c.isalpha() for c in between) else None  # fmt: skip
                    if told_again is not None:  # "approve LR-20418, then LR-20419": approve it too
                        self._keep(draft, told_again, memory)
                        asked.append(asked[-1])
                        made = None
                        continue
                    later = pending[position + 1][0] if position + 1 < len(pending) else None
                    carried = self._in_domain(
                        text, clause, mentions, today, memory, allowed, index, before, outputs,
                        previous,
                    ) or self._for_next(
                        text, clause, later, mentions, today, memory, allowed, index, before,
                        outputs,
                    )  # fmt: skip
                    if carried is not None:
                        # "..., after that add Sam Lee and Ravi Das": one run per object too
                        runs = each_object(
                            self.index, self.country_code, carried, clause, text, mentions, today,
                            memory,
                        )  # fmt: skip
                        left = len(pending) - position - 1
                        if too_many(max_steps, len(draft.steps), len(runs), left):
                            runs = []
                        for run in runs or [carried]:
                            self._keep(draft, run, memory)
                            asked.append(kind == "question")
                        made = None
                        continue
                    if draft.steps and asked[-1] and any(t.lower in POINTERS for t in clause.words):
                        # "is the shed still open? close it": the question set the scene.
                        dropped = draft.steps.pop()
                        asked.pop()
                        del memory[len(memory) - len(dropped.step.params) :]
                        contexts.append(
                            next(c for c, _ in pending if text[c.start : c.end] == dropped.clause)
                        )
                        before = [c for c in contexts if c.end <= clause.start]
                        try:
                            step = self._clause(
                                text, clause, mentions, today, memory, allowed, index - 1, before
                            )
                        except pf.errors.NotFoundError:
                            raise exc from None
                        draft.steps.append(step)
                        asked.append(kind == "question")
                        made = None
                        continue
                    others = len(pending) > 1 and (draft.steps or position < len(pending) - 1)
                    # "we're out of eggs, put a dozen on the list": a shortage told fits
                    # nothing on its own, and is the scene of the request beside it
                    stated = kind == "statement" or (kind == "request" and told_of_self(clause))
                    if (kind == "question" or stated) and others:
                        thing = scene_object(self.index, clause) if stated else None
                        if thing is not None:
                            things.append(thing)  # (what a request after it may count)
                        contexts.append(thing or clause)  # "is the shed still open? close it"
                        first_error = first_error or exc
                        continue
                    if len(pending) > 1 and is_fragment(self.index, clause, mentions):
                        if position < len(pending) - 1:
                            # "bed bugs at 22 Park Road, book an inspection": the scene of
                            # the next request (refused after all if none reads a value of it)
                            contexts.append(clause)
                            scenes.append((clause, exc))
                            continue
                        if made is not None and self._replan(
                            text, today, allowed, made, clause, draft, mentions, memory
                        ):
                            continue  # "can someone come on Monday? 14 Elm Grove, Leeds"
                    # "an hour's walk for Rex on Monday, pick him up at 3:15pm": the phrase
                    # kept as a scene is the request and this clause its detail; 'donate
                    # "a high chair", pick up from 77 Ash Grove': the next clause is this one's.
                    if made is not None and self._replan(
                        text, today, allowed, made, clause, draft, mentions, memory, told=True
                    ):
                        absorb(
                            self.index,
                            self.country_code,
                            draft,
                            clause,
                            text,
                            mentions,
                            today,
                            memory,
                        )  # (the detail's values the scene did not give: optional fields)
                        made = None
                        continue
                    later = pending[position + 1][0] if position + 1 < len(pending) else None
                    valued = None
                    if later is not None and is_fragment(self.index, later, mentions):
                        valued = self._with_values(
                            text, clause, later, mentions, today, memory, allowed, index, before
                        )
                    if valued is not None:
                        # "Could I check out at 2pm instead? Room 418.": the sentence of
                        # values after it makes the request fit
                        joins.add(position + 1)
                        self._keep(draft, valued, memory)
                        asked.append(kind == "question")
                        made = None
                        continue
                    told = [c for c in contexts if c.end <= clause.start and c not in facts]
                    prior = max(told, key=lambda c: c.end, default=None)
                    later = pending[position + 1][0] if position + 1 < len(pending) else None
                    if prior is not None and joined(text, prior, clause):
                        head, detail = prior, clause
                    elif later is not None:
                        head, detail = clause, later
                    else:
                        raise
                    joint = self._with_detail(
                        text, head, detail, mentions, today, memory, allowed, index, contexts
                    )
                    if joint is None:
                        raise
                    if head is prior:
                        contexts.remove(prior)
                        scenes = [(c, e) for c, e in scenes if c is not prior]
                    else:
                        joins.add(position + 1)
                    self._keep(draft, joint, memory)
                    asked.append(kind == "question")
                    # (the detail's values the scene did not give: optional fields)
                    absorb(
                        self.index, self.country_code, draft, detail, text, mentions, today, memory
                    )
                    made = None
                    continue
                step = retry
            if draft.steps and restates(draft.steps[-1], step):
                # "book the bike in for Friday, and book it with my number": the same capability
                # with the same values is the same request told further, not a second run.
                last = draft.steps[-1]
                for name, value in step.step.params.items():
                    if name not in last.step.params:
                        last.step.params[name] = value
                        if name in step.filled.sources:
                            last.filled.sources[name] = step.filled.sources[name]
                made = None  # (the step holds values of two clauses now)
                continue
            runs = each_object(
                self.index, self.country_code, step, clause, text, mentions, today, memory
            )
            if not runs:  # "book the hut and the car, both from ...": a car is rented
                plan = partial(
                    self._clause, text, mentions=mentions, today=today, memory=memory,
                    allowed=allowed, index=0, contexts=before, available=outputs,
                )  # fmt: skip
                runs = mixed_runs(plan, clause, step, mentions, used)
            if too_many(max_steps, len(draft.steps), len(runs), len(pending) - position - 1):
                runs = []  # ("approve A, B and C" with max_steps=2: one step, as before)
            # what the step was read from, for a fragment of values after it (see _replan)
            made = None if runs else Made(clause, before, used, len(memory), outputs, previous)
            for run in runs or [step]:
                # "approve LR-1 and LR-2": one run per object, in the order told
                self._keep(draft, run, memory)
                asked.append(kind == "question")
        for fragment, error in scenes:
            if not gave_value(mentions, fragment):
                raise error  # no step read the values: the clause asked for something else
        if not draft.steps:
            raise first_error or pf.errors.NotFoundError(f"request {text[:80]!r}: nothing to do")
        last_end = max(c.end for c, _ in pending)
        for clause in contexts:
            # "what's cooking this week? we're vegan": a statement after the last request says
            # more about it - its values fill what the last step left empty (if any).
            if clause.start >= last_end and clause not in facts:
                absorb(self.index, self.country_code, draft, clause, text, mentions, today, memory)
        share_ranges(self.index, draft)  # "book the hut and rent a car, both from 20 to 27 Dec"
        draft.run_order()
        self._wire(draft, inputs or {})
        return draft

    def _keep(self, draft: PlanDraft, step: StepDraft, memory: list[Memory]) -> None:
        """Add ``step`` to the plan, and its values to what later clauses may point back at."""
        fields = self.index.profiles[step.step.capability].fields
        memory.extend(memory_of(step.step.params, fields, len(draft.steps)))
        draft.steps.append(step)

    def keys(self, text: str) -> list[str]:
        """The phrasing key of each clause of ``text`` (what evidence is recorded under)."""
        text = self.typos.date_words(normalize(text))
        mentions = find_mentions(text, date.today(), self.country_code)
        tokens = self._tokens(text, mentions)
        out = []
        for clause in split(tokens, mentions.spans("quoted", "email", "url"), self.index.verbs):
            if not remember_fact(clause, text, mentions, [], self.country_code):
                out.append(" ".join(self._terms(clause)[0]))
        return out

    # -- wiring ---------------------------------------------------------------------------------

    def wire_steps(
        self, steps: list[PlannedStep], clauses: list[str], inputs: dict[str, Any]
    ) -> list[list[str]]:
        """See :meth:`Wiring.wire_steps`."""
        return self.wiring.wire_steps(steps, clauses, inputs)

    def _wire(self, draft: PlanDraft, inputs: dict[str, Any]) -> None:
        missing = self.wire_steps(
            [s.step for s in draft.steps], [s.clause for s in draft.steps], inputs
        )
        for step, left in zip(draft.steps, missing, strict=True):
            step.filled.missing = left


def _end(clause: Clause) -> int:
    return clause.end
