"""What is told beside a request rather than asked: the reason after a comma ("..., the
baby's napping"), the wish after the teller's own statement ("we're moving abroad and need a
lock-up"), a word labelling the value after it ("..., contact sam@x.io"), who is to do it
left open ("... with whoever is free"). ``segment.split`` reads them to decide where a clause
ends and what it keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .text import Token

__all__ = ["labels_value", "tells_why", "whereabouts", "wish_after_self", "without_anyone"]

_ENDS = frozenset(".;!?,")  # (a sentence's end, or a comma: where a labelled value stops)

_DETERMINERS = frozenset(("the", "my", "our", "his", "her", "their", "your"))
_THIRD = frozenset(("he", "she", "it", "they", "we"))
_BE = frozenset(("is", "are"))


def tells_why(tokens: Sequence[Token]) -> bool:
    """Whether the words after a comma say what someone or something is doing, with a subject
    of their own and a verb in -ing ("..., the baby's napping", "..., my son is sleeping",
    "..., it's raining"): the reason for the request before them, not more of it."""
    words = [t for t in tokens if t.is_word]
    if words and words[0].lower in _DETERMINERS:
        at = 2  # "the baby", "my son"
    elif words and words[0].lower in _THIRD:
        at = 1
    else:
        return False
    if len(words) <= at:
        return False
    head = words[at - 1]
    if words[at].lower in _BE:
        verb_at = at + 1  # "my son is sleeping", "it's raining" (read as it + is)
    elif head.text.lower().endswith(("'s", "\u2019s")) and not head.lower.endswith("s"):
        verb_at = at  # "the baby's napping": the verb written on
    else:
        return False
    if len(words) <= verb_at:
        return False
    verb = words[verb_at]
    return verb.lower.endswith("ing") and verb.lower != verb.lemma


_TELLERS = frozenset(("i", "we"))
_WISH = frozenset(("need", "want"))
_WOULD = frozenset(("would", "'d", "\u2019d"))
_LIKE = frozenset(("like", "love"))


def wish_after_self(before: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether the words after "and" say what the teller of the statement before it wishes,
    its subject left unsaid ("we're moving abroad and need somewhere to keep the furniture",
    "I'm off to Spain and would like ..."): the statement sets the scene; the wish is the
    request, as "..., we need ..." would be."""
    first = next((t for t in before if t.is_word), None)
    if first is None or first.lower.replace("\u2019", "'").split("'")[0] not in _TELLERS:
        return False
    words = [t.lower for t in tokens if t.is_word][:2]
    return bool(words) and (
        words[0] in _WISH or (len(words) == 2 and words[0] in _WOULD and words[1] in _LIKE)
    )


def labels_value(tokens: Sequence[Token]) -> bool:
    """Whether the words after a comma are one word and then one value an extractor took, to
    the clause's end ("..., contact sam@x.io", "..., call 07700 900123"): after a phrase with
    no verb of its own ('lightning talk proposal: "..."') the word labels the value, as
    "contact:" would; it asks for nothing of its own."""
    if len(tokens) < 2 or not tokens[0].is_word or tokens[0].entity:
        return False
    rest = tokens[1:]
    cut = next((k for k, t in enumerate(rest) if t.lower in _ENDS), len(rest))
    value = rest[:cut]
    return bool(value) and all(t.entity for t in value) and not any(t.lower in _ENDS for t in value)


# "back from holiday, resume feeding", "home at 6 - ...", "away until the 20th": where the
# speaker is, told with "I'm" left out - the scene of the request beside it, never one itself.
_WHEREABOUTS = frozenset(("back", "home", "away"))
_WHEREABOUTS_LINK = frozenset(("from", "at", "on", "for", "until", "till", "since", "after", "in"))
_WHEREABOUTS_LEAD = frozenset(("just", "finally", "now", "i'm", "im", "we're"))


def whereabouts(lowers: Sequence[str]) -> bool:
    """Whether the words tell where the speaker is, "I'm" left out ("back from holiday",
    "just home from hospital", "away until Sunday")."""
    at = 1 if lowers[:1] and lowers[0] in _WHEREABOUTS_LEAD else 0
    return (
        len(lowers) > at + 1 and lowers[at] in _WHEREABOUTS and lowers[at + 1] in _WHEREABOUTS_LINK
    )


# "with whoever is free", "by anyone available": whoever does it is left open - no value.
_ANY_PREPOSITIONS = frozenset(("with", "by", "from", "to"))
_ANYONE = frozenset(("whoever", "anyone", "anybody", "someone", "somebody", "whichever"))
_RELATIVE = (("who", "is"), ("who", "are"), ("that", "is"), ("is",), ("are",), ())
_FREE = frozenset(("free", "available", "around"))
# What "whoever you ..." says of the one meant: the one an earlier step finds or picks.
_FOUND = frozenset(("find", "found", "get", "pick", "picked", "choose", "chose", "recommend"))


def without_anyone(group: list[Token]) -> list[Token]:
    """The clause without a phrase that leaves who is to do it open ("book me in at 2pm *with
    whoever is free*"): it names no one, so no field takes it as a value, and an earlier step
    that finds someone ("but first find a stylist") gives the one meant."""
    lowers = [t.lower for t in group]
    for i, word in enumerate(lowers):
        if word not in _ANYONE:
            continue
        for rel in _RELATIVE:
            at = i + 1 + len(rel)
            if tuple(lowers[i + 1 : at]) == rel and at < len(lowers) and lowers[at] in _FREE:
                start = i - 1 if i > 0 and lowers[i - 1] in _ANY_PREPOSITIONS else i
                return group[:start] + group[at + 1 :]
        if (
            tuple(lowers[i + 1 : i + 2]) == ("you",)
            and lowers[i + 2 : i + 3]
            and (lowers[i + 2] in _FOUND)
        ):
            # "book whoever you find": the one an earlier step finds, as "book them" says
            them = replace(group[i], lower="them", lemma="them")
            return [*group[:i], them, *group[i + 3 :]]
    return group


# Words that make a clause a statement or a question, whose scene a pronoun after it may
# point back at ("the koi tank's freezing so set it to 25"): not a bare phrase.
_STATING = frozenset(("is", "are", "was", "were", "be", "am", "can", "could", "will", "would"))


def bare_reason(tokens: Sequence[Token]) -> bool:
    """Whether a clause told before "so" is a bare phrase ("rain forecast all day"): no
    verb of a statement ("is", "tank's", "freezing") nor a question's modal in it."""
    return bool(tokens) and not any(
        t.lower in _STATING or "'" in t.text or t.lower.endswith("ing") for t in tokens
    )
