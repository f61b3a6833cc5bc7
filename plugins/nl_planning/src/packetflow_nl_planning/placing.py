"""Where to put a thing, told to whoever brings it: "kindling to SY23 1DE on Friday - just tip
it on the drive", "..., put them by the back door" ("leave", a verb of quitting too, is not
read so). Such a clause points back at what the request before it acts on and gives no value
of its own; no capability does it, and it is an instruction on how to carry out that request,
not a step of its own (nor a reason to refuse it).
"""

from __future__ import annotations

from .entities import Mentions
from .lexicon import lexicon
from .segment import Clause

__all__ = ["where_to_put"]

_THING = frozenset(("it", "them"))
# Prepositions of a place (not "to", "from", "for", "with": those name someone or something else).
_PLACES = frozenset(
    (
        "on",
        "in",
        "at",
        "by",
        "behind",
        "outside",
        "inside",
        "under",
        "beside",
        "next",
        "round",
        "around",
        "through",
        "into",
        "onto",
        "near",
        "over",
    )
)
_LEADS = frozenset(("just", "please", "and", "kindly", "simply"))
_WHERE = frozenset(("the", "my", "our", "a", "your"))


def where_to_put(clause: Clause, mentions: Mentions) -> bool:
    """Whether ``clause`` only says where to put the thing the request before it brings:
    a verb, "it"/"them", then a place ("on the drive", "by the back door"), no value."""
    if any(clause.start <= m.start and m.end <= clause.end for m in mentions.items):
        return False  # ("leave it at 5pm" moves a time: a value is never only a place)
    lowers = [t.lower for t in clause.words]
    at = 0
    while at < len(lowers) and lowers[at] in _LEADS:
        at += 1
    if len(lowers) < at + 4 or lowers[at + 1] not in _THING or lowers[at + 2] not in _PLACES:
        return False
    lex = lexicon()
    verb = clause.words[at]
    classes = lex.classes_of(verb.lemma)
    # (an undo or reading verb, "delete it on the app", "check it in the system", asks something)
    return (
        verb.is_word
        and not verb.entity
        and not lex.is_undo(classes)
        and not lex.is_query(classes)
        and any(w in _WHERE for w in lowers[at + 2 : at + 5])
    )
