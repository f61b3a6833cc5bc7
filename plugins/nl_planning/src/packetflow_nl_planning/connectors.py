"""The words that join the requests of a compound text, and what they ask of the words after
them: connectors that need a verb after them ("and", "also", a comma), ones that put their
request first ("but first", "before that"), what opens a request done first ("once you've"),
words that only urge or order the request after them ("remember to", "first"), an "also"
inside a request ("I'd also like ..."), and verbs of going or trying that "and" joins to the
verb after them ("go ahead and print it"). ``segment.split`` reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .indirect_asks import VISITS
from .text import Token

__all__ = [
    "ADDED",
    "BEFORE",
    "EARLIER",
    "GERUND_JOINS",
    "HARD_PUNCT",
    "INTERJECTIONS",
    "LEADING",
    "ONCE",
    "ORDINAL",
    "SOFT",
    "THING_ADDED",
    "URGING",
    "after_subject",
    "asks_after",
    "dash_ends",
    "frame_size",
    "names_thing",
    "spaced_dash",
    "without_also",
]

# "..., and while you're at it reserve Catan": one more thing to do while doing the first.
_WHILE_AT_IT = tuple(
    ("while", who, "are", *there)
    for who in ("you", "we")
    for there in (("at", "it"), ("there",), ("on", "it"))
)
# Connectors that add a request following from, or alongside, what was told ("the weather's
# awful so cancel FP-204118", "and while you're at it reserve Catan"): soft, and added.
_FOLLOWS_ON = (("so",), ("and", "so"), *_WHILE_AT_IT, *(("and", *w) for w in _WHILE_AT_IT))
# Connectors that need a verb after them to start a new request.
SOFT = (
    ("and", "also"),
    ("and",),
    ("also",),
    (",",),
    # "we're closed till the 9th: pause the water until then": what was told, then the request
    (":",),
    ("plus",),
    ("but", "also"),
    # "approve EX-1 but reject EX-2": a contrast between two requests
    ("but",),
    ("as", "well", "as"),
    ("next",),
    ("and", "next"),
    ("lastly",),
    ("and", "lastly"),
    ("besides",),
    ("in", "addition"),
    *_FOLLOWS_ON,
)
# After these a verb in -ing is the next request ("add 3GB as well as switching roaming on"),
# not a description of the one before.
GERUND_JOINS = frozenset((("as", "well", "as"), ("besides",), ("and", "also"), ("plus",)))
# Connectors whose request comes before the one told ahead of them ("pay the bill, but first
# check my balance"); they join only when a request or a comma follows ("before that date" is
# a time, not a step).
EARLIER = (
    ("but", "before", "that"),
    ("before", "that"),
    ("before", "this"),
    ("before", "doing", "that"),
    ("before", "doing", "so"),
    ("before", "you", "do", "that"),
    ("but", "first"),
    ("first", "though"),
)
HARD_PUNCT = frozenset(".;!?")
# Words that only exclaim, cut off by a connector or a comma ("Oh, and book ...", "Oops - ...").
INTERJECTIONS = frozenset(("oh", "ah", "oops", "ooh", "um", "erm", "hmm", "btw"))
# "before you <do>, ...": the clause is a request to do after the one told after it.
BEFORE = (("before", "you"),)
# "once you've <done>, ...": the clause is a request to do it first.
ONCE = tuple(
    (*lead, *you)
    for lead in (("once",), ("after",), ("when",), ("as", "soon", "as"))
    for you in (("you've",), ("you", "have"), ("you",))
)
# Words that only urge the request after them ("remember to book it", "don't forget to pay",
# "make sure you lock up"): the verb after them is the request, as after "please".
URGING = (
    ("remember", "to"),
    ("do", "not", "forget", "to"),
    ("make", "sure", "to"),
    ("make", "sure", "you"),
    ("be", "sure", "to"),
)
# Words that only say a request comes first ("first, refill RX-1"; not "first class seats").
ORDINAL = (("first",), ("firstly",), ("first", "of", "all"), ("to", "start", "with"))
# Connectors that add one more thing to do ("also", "and also", "plus", "besides").
ADDED = (
    ("also",),
    ("and", "also"),
    ("but", "also"),
    ("plus",),
    ("besides",),
    ("in", "addition"),
    *_FOLLOWS_ON,
)
# Connectors after which a thing counted or with an article is one more thing asked for.
THING_ADDED = frozenset((("and", "also"), ("also",), ("but", "also"), ("plus",)))
LEADING = frozenset(("and", "also", ",", "plus", "but", "next", "lastly", "besides"))
# "I'd also like to ...", "we also need ...": "also" between a subject (and its modal) and
# the verb is an adverb of that request, no connector.
_SUBJECT_WORDS = frozenset(("i", "we", "would", "will", "shall", "should", "do"))
_SUBJECTS = frozenset(("i", "we"))


def names_thing(tokens: Sequence[Token]) -> bool:
    """Whether the words open with an article or a count ("a pH test", "100 jars")."""
    first = next((t for t in tokens if t.is_word or t.entity or t.lower[:1].isdigit()), None)
    return first is not None and (
        first.lower in ("a", "an", "another") or first.lower[:1].isdigit()
    )


def without_also(words: list[Token]) -> list[Token]:
    """The words without an "also" told after their subject ("I also need to ...", "I'd also
    like ..."): the request read as "I need to ...", the "also" only adding it."""
    return [t for k, t in enumerate(words) if not (t.lower == "also" and after_subject(words[:k]))]


def after_subject(group: Sequence[Token]) -> bool:
    """Whether ``group`` ends with a subject that a verb is to follow: "I", "we", "I'd",
    "we'll", "I would" (so an "also" next is inside that request: "I'd also like ...")."""
    words = [t for t in group if t.is_word]
    if not words or words[-1].lower not in _SUBJECT_WORDS:
        return False
    return words[-1].lower in _SUBJECTS or (len(words) > 1 and words[-2].lower in _SUBJECTS)


def spaced_dash(tokens: Sequence[Token], i: int) -> int:
    """1 when the token at ``i`` is a dash with a space each side ("it's making a noise - log
    it"), which joins two sentences like a comma; a dash written on ("x-ray", "2-3") does not."""
    if tokens[i].text not in ("-", "--") or i == 0 or i + 1 >= len(tokens):
        return 0
    return int(tokens[i - 1].end < tokens[i].start and tokens[i].end < tokens[i + 1].start)


def dash_ends(group: Sequence[Token]) -> bool:
    """Whether a clause ends in a dash spaced off its last word ("... to Brixton - but before
    that ..."): it joins, as a comma does, and is no part of the last value."""
    return len(group) > 1 and group[-1].text in ("-", "--") and group[-2].end < group[-1].start


_WH = frozenset(("what", "where", "when", "how", "which"))  # ("who's in?" is told, as a rule)
# What follows a question word that opens a question ("what's", "how much", "when will"), not
# a clause inside the request ("what to wear", "where they stop").
_ASKING = frozenset(
    ("is", "are", "was", "were", "will", "would", "do", "does", "did", "can", "much", "many",
     "long", "soon")
)  # fmt: skip


def asks_after(lowers: Sequence[str]) -> bool:
    """Whether the words after a connector open a question of their own ("..., and what's
    its status?", "... and when will it arrive?")."""
    return len(lowers) > 2 and lowers[0] in _WH and lowers[1] in _ASKING


# Verbs of going or trying that, joined by "and" to the verb after them, make one request with
# it: "go ahead and print it", "can someone come and open up the pool", "try and fix it".
FRAMES = (("go", "ahead"), ("go",), ("try",), ("hurry", "up"), ("be", "sure"), *VISITS)
# What may stand before such a verb: who is asked, and politeness ("can someone", "please").
_FRAME_LEAD = frozenset(
    ("can", "could", "would", "will", "you", "someone", "somebody", "anyone", "please", "just")
)


def frame_size(group: Sequence[Token]) -> int:
    """How many tokens at the end of ``group`` are a verb of going or trying that the verb
    after "and" completes ("come and open up the pool"), when only who is asked and politeness
    stand before it (0: none)."""
    lowers = [t.lower for t in group if t.is_word]
    for frame in sorted(FRAMES, key=len, reverse=True):
        size = len(frame)
        if (
            tuple(lowers[-size:]) == frame
            and len(lowers) >= size
            and all(w in _FRAME_LEAD for w in lowers[:-size])
            and all(t.is_word for t in group[-size:])
        ):
            return size
    return 0
