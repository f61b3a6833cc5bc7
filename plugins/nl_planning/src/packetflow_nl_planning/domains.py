"""The domain a compound request is in: a later clause that two capabilities fit about as well
goes on in the domain of the step before it ("give Priya five stars; also book Biscuit in for
Wednesday": the walker's domain, not the driving instructor's), and a clause whose verb only says
the action ("... and add his brother Ian instead") is read in that domain when its words alone
name no capability."""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import Candidate
from .index import Index
from .references import carried

__all__ = ["continued", "domain_of", "in_domain", "pointed_at"]

# How close to the best a candidate's score must be for the domain to decide between them: the
# domain only breaks a near tie, never overrules a clear reading of the words.
_NEAR = 0.9


def _tags(index: Index, name: str) -> frozenset[str]:
    return frozenset(t.lower() for t in index.profiles[name].capability.tags)


def _as_well(other: Candidate, best: Candidate) -> bool:
    """Whether ``other`` reads the clause as fully as ``best``: it covers as large a share of
    the words left after the action and the values, and fills as many fields ("email support
    with subject ..." is the mail's, however near an order's receipt)."""
    filled = len(other.filled.params) if other.filled else 0
    wanted = len(best.filled.params) if best.filled else 0
    return other.covered >= best.covered and filled >= wanted


def in_domain(index: Index, candidates: Sequence[Candidate], previous: str | None) -> int:
    """The position of the candidate to choose: the first (best) one, unless it shares no tag
    with the previous step's capability ``previous`` and a near one that fits as well does."""
    if previous is None or len(candidates) < 2:
        return 0
    best = candidates[0]
    domain = _tags(index, previous)
    if not domain or not (best.action_ok and best.relevant) or _tags(index, best.name) & domain:
        return 0
    if best.covered == 0 and best.leftover == 0 and best.filled is not None:
        # "remove Tenet from my watchlist and add Inception": the clause says the action and a
        # value, nothing of what it is about; the step before says where - the watchlist,
        # not a guest list that "Inception" as a name would fit as well
        for at, other in enumerate(candidates[1:], start=1):
            if (
                other.action_ok
                and other.level == best.level
                and other.fit == 1.0
                and not other.ruled_out
                and other.filled is not None
                and other.leftover == 0
                and len(other.filled.params) >= len(best.filled.params)
                and _tags(index, other.name) & domain
            ):
                return at
    for at, other in enumerate(candidates[1:], start=1):
        if other.score < best.score * _NEAR:
            break
        if (
            other.action_ok
            and other.relevant
            and _as_well(other, best)
            and _tags(index, other.name) & domain
        ):
            return at
    return 0


def continued(
    index: Index, candidates: Sequence[Candidate], previous: str | None, known: bool = True
) -> int | None:
    """The position of the candidate a clause that fits nothing on its own goes on with: the
    best one in the domain of the step beside it (``previous``) whose action is the clause's
    and that the clause gives every required value (or an earlier step outputs it). After
    "take Pete off the guest list", "add his brother Ian instead" adds a guest: the verb only
    says what to do, the step before says where. ``None`` when no such candidate is; a clause
    whose values the domain's capability cannot take is still refused, and so is one whose
    verb the lexicon does not ``known`` ("..., paint him a picture"): nothing says it is an
    action of the domain's (only the very action then counts)."""
    if previous is None:
        return None
    domain = _tags(index, previous)
    if not domain:
        return None
    for at, other in enumerate(candidates):
        if (
            other.action_ok
            and (other.level == "same" or (known and other.level == "open"))
            and other.fit == 1.0
            and not other.ruled_out
            and other.filled is not None
            # (a value of its own, or one wired from the step before: "... and then grab me a
            # seat" joins the ride found)
            and (other.filled.params or other.filled.missing)
            and _tags(index, other.name) & domain
        ):
            return at
    return None


def domain_of(index: Index, previous: str) -> set[str]:
    """The capabilities that share a tag with ``previous`` (its domain), ``previous`` too."""
    tags = _tags(index, previous)
    return {name for name in index.profiles if _tags(index, name) & tags} | {previous}


def pointed_at(
    index: Index, candidates: Sequence[Candidate], chosen: int, previous: str | None
) -> int:
    """The position of the candidate a clause that points back ("book *them* at 11am") means:
    the chosen one, unless it is outside the domain of the step before and a fitting one in it
    takes what that step found (a field named as its output, left for wiring): "find me a stylist
    ... and book them" books the stylist, not a cleaner; and unless it is the step before run
    again with only that step's values ("quote X and then print it" prints the quoted part)."""
    if previous is None:
        return chosen
    domain = _tags(index, previous)
    best = candidates[chosen]
    # "quote X ... and then print *it*": the step before run once more with nothing but its own
    # values carried over does nothing new; a capability that takes what it found is meant.
    again = best.name == previous and (
        best.filled is None or all(carried(s) for s in best.filled.sources.values())
    )
    if not domain or (_tags(index, best.name) & domain and not again):
        return chosen
    found = set(index.profiles[previous].outputs)
    for at, other in enumerate(candidates):
        if other.name == previous or not (
            other.action_ok and other.relevant and other.fit == 1.0 and other.filled
        ):
            continue
        if again and other.level != "same":
            continue  # (only one that does the very action asked: "print it" prints)
        takes = {f.name for f in index.profiles[other.name].fields} - set(other.filled.params)
        if takes & found and _tags(index, other.name) & domain:
            return at
    return chosen
