"""Actions: what a request asks to *do*, and what a capability does, as action classes of the
lexicon (``actions.txt``). The planner only proposes a capability whose action matches the
request's: "unfollow" never runs ``follow``, "update the forecast" never runs ``get_forecast``.

A request's action is its main verb after politeness ("could you please", "I'd like to"),
read through light verbs ("make a payment" -> pay, "get a refund" -> refund); a question or
a bare noun phrase ("weather in Oslo?") asks to read. A capability's action comes from its
intent's leading verb (the docstring habit "Returns ..." reads), else its name, plus the verbs
of its ``examples`` and ``keywords``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .lexicon import Lexicon, lexicon
from .text import lemma, past_form, same_family

__all__ = ["BROAD", "Action", "Level", "compatible", "obtains"]

# Classes of verbs of almost any object ("make", "add", "change"): a verb that is in a narrower
# class as well ("book": create and book) shares only these with a capability of another
# narrow action ("file" a claim), which says little about what is meant.
BROAD = frozenset(("retrieve", "create", "update"))


@dataclass(frozen=True, slots=True)
class Action:
    """The action of a request or a capability.

    Attributes:
        classes: action classes (empty when implicit).
        verbs: the verb lemmas read (for explanations).
        explicit: a verb was read (else the text only names things, or asks).
        query: the action only reads (a question, a bare noun phrase, a reading verb).
        object_start: index (in the word tokens) where what follows the verb begins.
        weak: classes that only confirm a match (a capability name's first word the lexicon
            does not know, ``extend_rental`` -> ``word:extend``): they never make the
            action one that changes things, nor refuse anything.
        described: verbs (lemmas, phrasal verbs joined by ``_``) a capability's own field
            descriptions use for what its user does ("where to *send* the bike *to*").
        values: the words of its enum values ("brake adjustment"): a request whose verb is of
            their family ("adjust the brakes") asks for that value, so for this capability.
        events: the verbs of what a booking capability arranges (``schedule_viewing``: view):
            a request to do that, or a synonym of it ("see the flat on Friday"), asks to book
            it - even with a verb that otherwise only reads.
        topics: the words of its name other than its verbs (``record_pet_weight``: pet,
            weight): a request whose verb, or a synonym of it, is of their family ("weigh the
            cat", "bill the client" for ``send_invoice``) asks for what it is about.
        named: the verbs a capability's name opens with (``disarm_alarm``: disarm;
            ``stop_charging``: stop, stop_charge): a request that says one of them asks for
            what it does, whatever classes the lexicon gives the two readings.
        phrased: one of a capability's examples names the thing with no verb ("race day for
            8 of us on Saturday"): a request that does the same asks for it, whatever it
            does (a question still asks to read).
    """

    classes: frozenset[str]
    verbs: tuple[str, ...]
    explicit: bool
    query: bool
    object_start: int = 0
    weak: frozenset[str] = frozenset()
    described: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    phrased: bool = False


def obtains(action: Action) -> bool:
    """Whether the request only names a thing with its details: a bare noun phrase (not a
    question, "what's ...?") or a wish for it ("I'd love a ...", "I need a ...")."""
    if not action.explicit:
        return bool(action.classes)
    return action.verbs == ("obtain",)


Level = Literal["same", "read", "open", "no"]
"""How a request's action relates to a capability's: the very action; both only read; the
lexicon knows no relation but nothing contradicts it (a verb it does not know, on one side);
or incompatible (opposite actions, reading against changing, different known actions)."""


def compatible(request: Action, cap: Action) -> tuple[Level, str]:
    """How ``cap``'s action relates to ``request``'s (see :data:`Level`), and why."""
    lex = lexicon()
    if not request.explicit:
        if cap.query:
            return "read", "the request asks to read, and the capability reads"
        if request.classes & cap.classes:
            return "same", "the request names a thing to obtain, and the capability makes one"
        if cap.phrased and obtains(request):
            return "same", "an example of it names the thing without a verb, as the request does"
        return "no", f"the request only asks to read, but the capability {_does(cap)}"
    if request.verbs and request.verbs[-1] in cap.named:
        # "disarm the alarm" for disarm_alarm (whose intent says "switch off"), "stop charging"
        # for stop_charging: the very verb the capability is named by.
        return "same", f"the capability is named by {request.verbs[-1]!r}"
    done = cap.classes | cap.weak
    common = request.classes & done
    opposite = {o for c in done for o in lex.opposites.get(c, ())} | {f"not:{c}" for c in done}
    said = "/".join(request.verbs[-1:])
    rest = {o for c in done - common for o in lex.opposites.get(c, ())}
    if common and not (common - BROAD) and (request.classes - common) & rest:
        # "decrease the limit" for increase_limit, "downgrade" for upgrade_plan: both verbs
        # change something (a broad class), but their narrower senses are opposites.
        return "no", f"the request asks to {said!r}, the opposite of what it does ({_does(cap)})"
    moves = bool(request.verbs) and "reschedule" in lex.classes_of(request.verbs[-1])
    if common == {"update"} and moves and not _changes(cap, lex):
        # "move my 3pm meeting to 4pm" changes when a thing is: a capability that "sets" a
        # reminder (a light verb of the broad class) changes nothing that exists.
        return "no", f"the request asks to {said!r}, but the capability {_does(cap)}"
    if common:
        return "same", f"same action ({', '.join(sorted(common))})"
    if request.query and cap.query:
        return "read", "both only read"
    if request.classes & opposite:
        return "no", f"the request asks to {said!r}, the opposite of what it does ({_does(cap)})"
    strict = lex.is_undo(request.classes) or lex.is_undo(cap.classes)
    if not strict and not request.query:
        # The capability's own schema words the verb: its descriptions use it for what its
        # user does ("send my bike to ..." for a field "where to send the bike to"), or it names
        # one of its values ("adjust the brakes" for the value "brake_adjustment").
        verbs = set(request.verbs)
        if verbs & cap.described:
            return "open", f"its field descriptions use {said!r} for what it does"
        for verb in verbs:
            if "_" not in verb and any(same_family(verb, w) for w in cap.values):
                return "open", f"{said!r} names one of its values"
        for verb in verbs:
            # "weigh the cat" for record_pet_weight, "bill ..." for send_invoice: the verb
            # (or a synonym) makes a word of what the capability's name says it is about;
            # "fly me to Rome" for search_flights: the noun the verb is made into ("flight").
            # A verb the lexicon does not know counts by its head ("traffic on <url>").
            head = (
                verb.split("_")[0] if any(c.startswith("word:") for c in request.classes) else verb
            )
            forms = {head} if "_" not in head else set()
            forms |= set(lex.synonyms.get(head, ()))  # ("pick up": collect, for a collection)
            if "_" in verb:
                forms.add(verb.replace("_", ""))  # "pick up" for a "pickup", "log in" a "login"
            # A past participle of the name ("locate_towed_vehicle") is the state after the
            # action: "tow it" does not ask for what it is about.
            topics = [w for w in cap.topics if not past_form(w)]
            if any(
                same_family(f, w) or f in {lex.nominal.get(n) for n in _singular(w)}
                for f in forms
                for w in topics
            ):
                return "open", f"{said!r} names what it is about"
    if cap.events and not strict:
        # "see listing L-1 on Friday" for schedule_viewing: doing what it books asks to book
        # it (the verb may otherwise only read).
        said_verbs = set(request.verbs)
        said_verbs |= {s for v in request.verbs for s in lex.synonyms.get(v, ())}
        # ... or a verb of its narrow sense ("check" for a "test": both verify)
        narrow = request.classes - BROAD
        if said_verbs & cap.events or any(narrow & lex.classes_of(e) for e in cap.events):
            return "open", f"{said!r} is what it books ({'/'.join(sorted(cap.events))})"
    own = {c[5:] for c in cap.classes if c.startswith("word:")}
    if own and own == {c[5:] for c in cap.classes}:
        # The capability does only what verbs the lexicon does not know say (tow_vehicle,
        # waive_fee): nothing tells what else they mean, so the request must say that very
        # verb, a form of it ("towing", "a waiver") or a synonym of it.
        said_forms = {v for verb in request.verbs for v in (verb, *verb.split("_"))}
        said_forms |= {s for v in said_forms for s in lex.synonyms.get(v, ())}
        if any(same_family(f, w) for f in said_forms for w in own):
            return "open", f"{said!r} is a form of what it does ({'/'.join(sorted(own))})"
        return "no", (
            f"the request asks to {said!r}, but the capability does "
            f"{'/'.join(sorted(own))!r}, which the request does not say"
        )
    if not strict and not request.query and request.verbs and request.verbs[-1] in lex.light:
        # "put me in the spin class", "give the fern a litre of water": a light verb with no
        # noun naming its action takes its meaning from what follows; its own classes (put:
        # update, add) say little about what is meant, so they contradict nothing.
        return "open", f"{said!r} takes its meaning from what follows"
    unknown_request = all(c.startswith("word:") for c in request.classes)
    if unknown_request and cap.query:
        # Reading is said with a small, common set of verbs the lexicon has ("show", "check",
        # "pull up"); a verb it does not know ("thaw S1", "throw out S1") asks to *do*
        # something, which a capability that only reads does not.
        return "no", f"the request asks to {said!r}, but the capability only reads ({_does(cap)})"
    unknown_cap = not cap.classes or all(c.startswith("word:") for c in cap.classes)
    if not strict and (unknown_request or (unknown_cap and cap.explicit and not request.query)):
        return "open", (
            f"the lexicon does not know whether {said!r} is what it does ({_does(cap)}), "
            "and nothing contradicts it"
        )
    return "no", f"the request asks to {said!r}, but the capability {_does(cap)}"


def _changes(cap: Action, lex: Lexicon) -> bool:
    """Whether a capability says it changes a thing with a verb of its own ("change",
    "amend"), not only with a light verb of the broad class ("set", "put")."""
    return any(v not in lex.light and "update" in lex.classes_of(v) for v in cap.verbs)


def _does(cap: Action) -> str:
    if not cap.verbs:
        return "reads"
    return f"does {'/'.join(cap.verbs[:3])!r}"


def _singular(noun: str) -> set[str]:
    """The forms a plural noun of a name may have in the singular ("flights" -> flight)."""
    forms = {noun, lemma(noun)}
    if noun.endswith("s") and len(noun) > 3:
        forms.add(noun[:-1])
    return forms
