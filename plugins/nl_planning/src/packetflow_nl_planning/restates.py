"""A clause that runs the step before it again with the same values is that request told
further ("book the bike in for Friday, and book it with my number"), not a second run: its
new values join the step before; one that stands for it with other values ("... and one for
Tom") is a second run."""

from __future__ import annotations

from datetime import date

from .clauses import Memory, Scope
from .drafts import PlanDraft, StepDraft
from .entities import Mentions
from .index import Index
from .plans import PlannedStep
from .repeats import named_again, same_again
from .request_actions import request_action
from .segment import Clause
from .slots import fill
from .slots.kinds import field_kind
from .text import tokenize

__all__ = ["once_more", "restates"]


def restates(last: StepDraft, step: StepDraft) -> bool:
    """Whether ``step`` runs the capability of ``last`` again with none of its values
    different, and either adds a value ``last`` left out or says it with another verb ("...,
    and put it in the diary"). The very words again ("revenue for May and then revenue for
    the same period") ask for a second run."""
    if step.step.capability != last.step.capability:
        return False
    if not step.step.params:
        # "two of us fancy nine holes at Gleneagles on Sunday: search tee times": the verb said
        # after a phrase without one that gave every value it needs is that request, said again
        return (
            not last.action.verbs
            and bool(step.action.verbs)
            and set(step.filled.missing) <= set(last.step.params)
        )
    shared = [k for k in step.step.params if k in last.step.params]
    if not shared:
        # "how much to paint the hall? budget £500": only values the last step left out, and
        # without the ones it has the clause would be short of a required one; "where's my
        # dry cleaning? ticket L2048": the last step was short of what this one gives.
        missing, before = set(step.filled.missing), set(last.filled.missing)
        return (bool(missing) and missing <= set(last.step.params)) or (
            bool(before) and before <= set(step.step.params)
        )
    differ = [k for k in shared if step.step.params[k] != last.step.params[k]]
    if differ and (_completes(last, step, differ) or _verb_tells(last, step, differ)):
        for k in differ:
            last.step.params[k] = step.step.params[k]
            if k in step.filled.sources:
                last.filled.sources[k] = step.filled.sources[k]
        last.filled.missing = []
        return True
    if differ:
        return False
    adds = len(shared) < len(step.step.params)
    return adds or set(step.action.verbs) != set(last.action.verbs)


def _completes(last: StepDraft, step: StepDraft, differ: list[str]) -> bool:
    """Whether ``step`` gives every required value ``last`` (the same capability) was short
    of, lacking none itself, and ``last`` differs only in words it took as free text ("how
    much would panels cost? postcode BS7 8HQ, 30 m2 of roof"): then the clause after is the
    details of the question, and its values stand instead of the guesses."""
    before = set(last.filled.missing)
    return (
        bool(before)
        and before <= set(step.step.params)
        and not step.filled.missing
        and all(isinstance(last.step.params[k], str) for k in differ)
    )


def _verb_tells(last: StepDraft, step: StepDraft, differ: list[str]) -> bool:
    """Whether ``last`` was read from words without a verb that told a scene ("The zip on my
    coat's broken") and ``step`` from the request about it ("can you replace it?"), differing
    only in choices: what the verb asks for stands instead of what the scene's words meant
    (replace_zip, not repair)."""
    return (
        not last.action.explicit
        and step.action.explicit
        and all(isinstance(step.step.params[k], str) for k in differ)
    )


_ONCE_MORE = frozenset(("one", "another"))


def once_more(
    index: Index,
    country_code: str,
    draft: PlanDraft,
    clause: Clause,
    text: str,
    mentions: Mentions,
    today: date,
    memory: list[Memory],
) -> StepDraft | None:
    """The step before run again with the values a clause that stands for it gives ("book a
    fitting for Ann Lee on Friday at 11 and one for Tom Lee at the same time"): what it does
    not say again is the same. ``None`` when the clause does not open with "one"/"another" or
    changes no value. A name and "the same" stand for it too ("register Sam Lee for 10am
    and Ana Silva for the same time")."""
    words = clause.words
    if not draft.steps or not words:
        return None
    same = same_again([t.lower for t in words])
    if clause.corrects and request_action(words).explicit:
        return None  # ("..., actually cancel it": another request, planned as one)
    if (
        words[0].lower not in _ONCE_MORE
        and not same
        and not clause.corrects
        and not named_again(clause.tokens)
    ):
        return None  # (not "one for Tom", "another at 5pm", "Tom for the same time")
    last = draft.steps[-1]
    profile = index.profiles[last.step.capability]
    read = clause
    if same:
        # "Same for the lounge": the request before, for the lounge (from its preposition on)
        rest = clause.tokens[clause.tokens.index(words[same]) :]
        read = Clause(rest, rest[0].start, clause.end)
    elif words[0].lower not in _ONCE_MORE and not clause.corrects:
        # (with the connector before it: a capitalised first word of a clause is read as the
        # start of a sentence, never of a name)
        before = [t for t in tokenize(text[: clause.start]) if t.is_word]
        if before:
            read = Clause((before[-1], *clause.tokens), before[-1].start, clause.end)
    scope = Scope(text, read, mentions, today, last.chosen.mode, country_code, list(memory))
    scope.own, scope.remainder = profile.own, False
    scope.encoder, scope.known = index.encoder, index.known
    filled = fill(profile.fields, scope)
    new = {k: v for k, v in filled.params.items() if last.step.params.get(k) != v}
    if not new:
        return None
    params = {**last.step.params, **filled.params}
    if any("name" in f.words | set(f.name_words) for f in profile.fields if f.name in new):
        # another person: the first one's email or phone is no way to reach this one
        for f in profile.fields:
            if field_kind(f) in ("email", "phone") and f.name not in new:
                params.pop(f.name, None)
    step = PlannedStep(last.step.capability, params)
    chunk = text[clause.start : clause.end]
    return StepDraft(step, chunk, last.action, last.candidates, filled, last.key, clause.earlier)
