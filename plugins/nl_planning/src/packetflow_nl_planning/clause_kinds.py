"""What a clause of a request is: a fact it states ("my email is ..."), a question, a request
(an action, or a bare noun phrase such as "weather in Oslo") or a statement that only sets the
scene ("the box weighs 3 kilos")."""

from __future__ import annotations

import re
from typing import Any

from .asides import tells_why, whereabouts
from .clauses import Memory
from .entities import Mentions, normalize_phone
from .index import Index
from .lexicon import lexicon
from .request_actions import request_action
from .segment import Clause
from .statements import LOSS
from .text import Token, past_form

__all__ = ["FACT", "clause_kind", "labelled", "remember_fact"]

FACT = re.compile(
    r"^\s*(?:my|our|the|his|her|their|its)\s+([a-z ]{2,30}?)\s+(?:is|are|=|:)\s+", re.IGNORECASE
)
# "Email: moira@example.org", "Phone: +44 7700 900318": a label and a contact, the whole
# clause, as on a form - a value stated, no request to email or to call.
_LABELLED = re.compile(
    r"^\s*([a-z][a-z ]{1,29}?)\s*:\s*(\S+@\S+\.\w+|\+?\d[\d ()-]{6,}\d)\s*\.?\s*$", re.IGNORECASE
)
_SELF = re.compile(r"^\s*(?:i\s+am|i'm|im|this\s+is)\s+\S+@\S+", re.IGNORECASE)  # "I'm ana@x.org"
_PRONOUN_SUBJECTS = frozenset(["i", "we", "he", "she", "they", "it", "there"])
# "the weather's awful", "the tank's too cold", "the boiler's leaking": a noun with "'s" is
# the subject of "is" (not a possessive, "Bob's booking") when what follows it tells a state:
# a word of degree or negation, a participle, or a word of how a thing is.
_SOMEONE = frozenset(("someone", "somebody", "everyone", "everybody", "nobody", "no_one"))
# Before a thing and its participle, what is to be done ("get it released", "I need the
# certificate sent"): no past event.
_CAUSING = frozenset(("get", "have", "need", "want", "require", "like"))
_STATE_AFTER = frozenset((
    "too", "so", "very", "really", "still", "not", "never", "always", "just", "quite",
    "been", "got", "gone", "getting", "completely", "totally", "all", "far", "way",
    "awful", "terrible", "horrible", "dreadful", "bad", "great", "lovely", "fine", "broken",
    "dead", "flat", "empty", "full", "late", "cold", "hot", "warm", "freezing", "boiling",
    "wet", "dirty", "blocked", "stuck", "low", "high", "ready", "done", "over", "off", "out",
    "down", "back", "away", "closed", "shut", "leaking", "here", "there", "due", "overdue",
))  # fmt: skip


def labelled(chunk: str) -> bool:
    """Whether ``chunk`` is only a label and a contact ("Email: moira@example.org"): its value
    is remembered for the field the label names, and no words of it are any other value."""
    return _LABELLED.match(chunk) is not None


def clause_kind(index: Index, clause: Clause, text: str, losses: bool = False) -> str:
    """``fact`` ("my email is ..."), ``question``, ``request`` (an action, or a bare noun
    phrase such as "weather in Oslo") or ``statement`` ("the box weighs 3 kilos")."""
    chunk = text[clause.start : clause.end]
    if FACT.match(chunk) or _SELF.match(chunk) or _LABELLED.match(chunk):
        return "fact"
    words = clause.words
    if not words:
        return "statement"
    lex = lexicon()
    lowers = [t.lower for t in words]
    asked = text[clause.end : clause.end + 1] == "?" or any(
        tuple(lowers[: len(q)]) == q for q in lex.question if len(q) <= len(lowers)
    )
    action = request_action(words, verbs=index.verbs, known=index.known)
    verb = next((t for t in words if t.lemma in action.verbs or t.lemma in action.verbs[:1]), None)
    past = verb is not None and past_form(verb.lower)
    # "finished cooking, ...", "got home, ...": a clause opening with a past form the lexicon
    # does not know as an action tells what happened, as "booked it last week" does.
    past = past or (verb is None and not action.explicit and past_form(lowers[0]))
    if past and verb is not None:
        # "get it released", "have the car towed": a participle a present "get"/"have"
        # causes is the thing to have done, no past event.
        at = next(i for i, t in enumerate(words) if t is verb)
        past = not any(t.lemma in _CAUSING for t in words[max(0, at - 4) : at])
    # A loss told as one more thing ("...; also I lost my gloves") asks to report it.
    losses = losses or clause.added
    if action.explicit and (not past or (losses and LOSS in action.verbs)):
        # ("the milk's gone off": what a thing is, told with "'s", is no request to switch off)
        return "statement" if _told_is(words, strict=True) and not losses else "request"
    if not action.explicit and whereabouts(lowers):
        return "statement"
    if asked:
        return "question"
    if tells_why(clause.tokens):
        return "statement"  # "the baby's napping": what someone is doing
    # ("we're", "it's", "there's": a pronoun with its verb written on)
    subject = re.split(r"['\u2019]", lowers[0])[0] in _PRONOUN_SUBJECTS
    finite = (
        past
        or any(
            (t.lower == t.lemma + "s" and t.lemma in lex.classes)
            or t.lower in ("is", "are", "was", "were", "been")  # ("SR-1 has been open ...")
            # ("by then the tank will be cold": what will be, told to set the scene)
            or (t.lower == "be" and any(w.lower in ("will", "would", "shall") for w in words))
            for t in words[1:]
        )
        or _told_is(words)
    )
    return "statement" if subject or finite else "request"


def _told_is(words: list[Token], strict: bool = False) -> bool:
    """Whether a noun near the start is written with "'s" that stands for "is" ("the
    weather's awful", "the boiler's leaking"; see ``_STATE_AFTER``). ``strict`` (the clause
    has an action verb): only a word of state follows ("the milk's gone off"), not an event
    ("someone's dumped rubbish on plot 7" reports it)."""
    for at, token in enumerate(words[:3]):
        raw = token.text.lower().replace("\u2019", "'")
        if not raw.endswith("'s") or raw[:-2] != token.lower or at + 1 >= len(words):
            continue
        after = words[at + 1].lower
        if strict:
            # ("golf's rained off": what became of a thing, told with its participle)
            state = after in _STATE_AFTER or past_form(after)
            return state and token.lower not in _SOMEONE
        return after in _STATE_AFTER or after.endswith("ing") or past_form(after)
    return False


def remember_fact(
    clause: Clause, text: str, mentions: Mentions, memory: list[Memory], country_code: str
) -> bool:
    """A clause that states a value ("my email is ana@x.org") is remembered in ``memory``, not
    planned; whether it was one."""
    chunk = text[clause.start : clause.end]
    m = FACT.match(chunk)
    at = m.end() if m is not None else 0
    if m is None:
        m = _LABELLED.match(chunk)
        if m is None:
            return False
        at = m.start(2)
    inside = mentions.of("email", "phone", "url", "number", "money", "date", "time", "quoted",
                         within=(clause.start, clause.end))  # fmt: skip
    value: Any
    rest = chunk[at:].strip(" .")
    # A number is the value only when it is all of it: "my address is 5 Birch Close" is the
    # address, not 5.
    inside = [x for x in inside if x.kind != "number" or text[x.start : x.end] == rest]
    if inside:
        mention = inside[0]
        value = mention.value
        kind = {"email": "email", "phone": "phone", "url": "url"}.get(mention.kind, "text")
        if mention.kind == "phone":
            value = normalize_phone(str(value), country_code) or value
    else:
        value, kind = rest, "text"
    words = frozenset(w for w in m.group(1).lower().split())
    syn = lexicon().synonyms
    words = words.union(*(syn.get(w, frozenset()) for w in words))
    memory.append(Memory(kind, words, value, None))
    return True
