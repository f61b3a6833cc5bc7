"""What a thing is said to need, or where someone is said to be kept: "the bike needs to be
serviced" (service it), "the tank needs to be at 26 degrees" (set it), "I'm locked out of the
shed" (the phrasal verb's own action, a lock-out call), and a verb whose object is to wait until
a day ("skip watering the beds until the 14th": pause it). ``request_actions`` reads them; the
clause's own verb ("need", "be", "skip") says little of what is asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .date_words import DAYS
from .lexicon import Lexicon
from .statements import NOT_A_THING
from .text import Token, past_form, same_family
from .verbs import verb_at

__all__ = ["kept_out", "needs_doing", "paused_once", "paused_until"]

_NEEDS = frozenset(("need", "needs", "want", "wants"))


def needs_doing(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str]
) -> Action | None:
    """ "the spectrometer needs calibrating", "my bike needs to be serviced": a thing, then
    "needs" and a gerund (or "to be" and a past participle), asks for what that verb says,
    done to the thing (a person who needs something is ``request_actions``' desire)."""
    for i in range(at + 1, min(len(tokens), at + 6)):
        if tokens[i].lower not in _NEEDS:
            continue
        if tokens[at].lower in NOT_A_THING or any(t.lower in lex.roles for t in tokens[at:i]):
            return None
        j = i + 1
        if tuple(t.lower for t in tokens[j : j + 2]) == ("to", "be"):
            j += 2
            if _value_at(tokens, j):
                # "needs to be at 26 degrees", "needs to be 180": the thing is to be set so
                return Action(lex.classes_of("set"), ("set",), True, False, at)
            done = j < len(tokens) and past_form(tokens[j].lower)
        else:
            done = j < len(tokens) and tokens[j].lower.endswith("ing")
        if not done or tokens[j].entity:
            return None
        verb = tokens[j].lemma
        if verb in lex.light or verb in lex.stopwords or not verb.isalpha():
            return None
        found = verb_at(tokens, j, lex, verbs) if verb in lex.classes else None
        if found is not None:  # "need turning off": the phrasal verb
            verb, classes, size = found
            return Action(classes, (verb,), True, lex.is_query(classes), j + size)
        # A verb the lexicon does not know: the registry's form of it ("calibrating" ->
        # calibrate), else the word's lemma.
        verb = next((v for v in sorted(verbs) if same_family(verb, v)), verb)
        if verb + "e" in lex.classes:
            verb += "e"
        classes = lex.classes.get(verb) or frozenset((f"word:{verb}",))
        return Action(classes, (verb,), True, lex.is_query(classes), j + 1)
    return None


def _value_at(tokens: Sequence[Token], j: int) -> bool:
    """Whether a number (or a value) is said at ``tokens[j]``, after "at" or "set to" if any."""
    while j < len(tokens) and tokens[j].lower in ("at", "set", "to", "on", "about", "around"):
        j += 1
    return j < len(tokens) and (tokens[j].lower[:1].isdigit() or bool(tokens[j].entity))


_PEOPLE = frozenset(("i", "we", "you", "he", "she", "they"))
_BE = frozenset(("am", "are", "is", "was", "were", "got", "been", "get"))


def kept_out(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "I'm locked out of the shed", "we got shut out": a person kept out of a place (a past
    participle and "out") tells of the phrasal verb done to them, and asks for help with it:
    the phrasal verb's own action (``lock_out``), never the verb's ("lock" the shed)."""
    i = at
    if i < len(tokens) and tokens[i].lower in _PEOPLE:
        i += 1
        while i < len(tokens) and tokens[i].lower in _BE | {"have", "has", "just"}:
            i += 1
    if i + 1 >= len(tokens):
        return None
    token = tokens[i]
    if tokens[i + 1].lower != "out" or not past_form(token.lower) or token.lower == token.lemma:
        return None
    phrasal = f"{token.lemma}_out"
    classes = lex.classes.get(phrasal) or frozenset((f"word:{phrasal}",))
    return Action(classes, (phrasal,), True, lex.is_query(classes), i + 2)


_UNTIL = frozenset(("until", "till", "til", "untill"))
_HOLD_OFF = frozenset(("skip", "stop", "suspend", "halt"))


def paused_until(tokens: Sequence[Token], after: int, verb: str) -> bool:
    """Whether a verb of not doing a thing ("skip", "stop") has "until" a time in its clause:
    "skip feeding the fish until the 20th", "stop the sprinklers till Monday" pause it (the
    thing goes on again then)."""
    if verb not in _HOLD_OFF:
        return False
    return any(t.lower in _UNTIL for t in tokens[after : after + 8])


# Words that make a day one end of a span ("pause from Monday", "until Friday", "for a week").
_SPAN = frozenset(("until", "till", "til", "from", "for", "between", "through", "to", "starting"))


def paused_once(tokens: Sequence[Token], after: int, classes: frozenset[str]) -> bool:
    """Whether a verb of pausing is said of one day's thing, no span of days: "pause next
    Monday's meal kit", "hold Friday's delivery" - pausing that one occurrence skips it."""
    if "pause" not in classes:
        return False
    rest = tokens[after:]
    days = [t for t in rest if t.lower in DAYS]
    return len(days) == 1 and not any(t.lower in _SPAN for t in rest)
