"""Reading a verb in a sentence: a verb of the lexicon's action classes (a phrasal verb when its
particle follows or ends the phrase: "turn the lights off"), a verb the lexicon does not know
read by where it stands, a noun that names an action after a light verb ("make *a payment*"),
and the politeness before it ("could you please", "I'd like to"). Both sides use it: the
request's clauses (``request_actions``) and the capability's intent and name
(``capability_actions``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .lexicon import Lexicon
from .text import Token

__all__ = [
    "NEGATING_PREFIXES",
    "OBJECT_START",
    "PARTICLES",
    "REVERSING",
    "is_noun",
    "match_phrase",
    "nominal_after",
    "strip_polite",
    "unknown_verb",
    "value_like",
    "verb_at",
]

_SUBJECTS = frozenset(["i", "we", "you", "u"])
_SUBJECT_MODALS = (
    ("will",), ("would",), ("should",), ("must",), ("need", "to"), ("have", "to"),
    ("want", "to"), ("wish", "to"), ("would", "like", "to"), ("am", "going", "to"),
    ("are", "going", "to"), ("got", "to"), ("gotta",), ("can",), ("could",),
)  # fmt: skip


def match_phrase(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the longest phrase of ``phrases`` at ``words[at:]`` (0 for none)."""
    for phrase in phrases:
        n = len(phrase)
        if tuple(words[at : at + n]) == phrase:
            return n
    return 0


def says_phrase(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` stands anywhere in ``words`` ("any more", "at some point")."""
    return any(match_phrase(words, at, phrases) for at in range(len(words)))


def is_noun(word: str, lex: Lexicon) -> bool:
    return word in lex.nominal or (word in lex.synonyms and word not in lex.classes)


PARTICLES = frozenset(["on", "off", "up", "down", "back", "out", "in", "over", "away"])
REVERSING = frozenset(["off", "down", "back", "away"])
# A particle a known phrasal verb may take after its object: "bring TS-1 *forward* to May".
_SPLIT_PARTICLES = PARTICLES | {"forward"}
_GERUND_NEGATE = frozenset(("stop", "quit", "cease"))
_GERUND_KEEP = frozenset(("start", "begin", "keep", "continue", "resume"))


# What follows a verb in the imperative and rarely a noun: its object's determiner or pronoun.
OBJECT_START = frozenset(
    ["the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that",
     "these", "those", "some", "all", "every", "each", "another", "me", "us", "them", "him", "it"]
)  # fmt: skip
NEGATING_PREFIXES = ("un", "dis", "de")
_OBJECT_PRONOUNS = frozenset(("me", "us", "him", "her", "them", "it", "you"))
# Particles that are seldom a preposition naming a topic or a place after a noun.
_ONLY_PARTICLES = frozenset(("up", "down", "out", "off", "back", "away"))
# Subject pronouns: a new clause begins with one, and a verb's particle never lies past it.
_NEW_SUBJECTS = frozenset(("i", "we", "he", "she", "they"))


def unknown_verb(
    tokens: Sequence[Token],
    at: int,
    lex: Lexicon,
    verbs: frozenset[str] = frozenset(),
    known: Callable[[str], bool] | None = None,
) -> tuple[str, frozenset[str], int] | None:
    """A word the lexicon does not know, read as a verb by where it stands: first in the
    clause and followed by its object's determiner or pronoun ("bounce the service",
    "rotate my tires"), or a verb a capability itself is named or described by (``verbs``),
    followed by anything but a preposition ("extend RZ1 by 2 days"). Its class is the word
    itself (``word:extend``); a negating prefix on a verb known either way ("undeploy")
    names the opposite (``not:word:deploy``). ``None`` when the word is not read as a verb.
    """
    token = tokens[at]
    word = token.lemma
    if (
        token.entity
        or not token.is_word
        or not word.isalpha()
        or len(word) < 3
        or word in lex.classes
        or word in lex.stopwords
        or word in lex.roles
        or is_noun(word, lex)
        or at + 1 >= len(tokens)
    ):
        return None
    nxt = tokens[at + 1]
    own = word in verbs
    noun = known is not None and known(word) and not own  # a word of the registry's
    if (
        nxt.lower in PARTICLES
        and not noun  # "comedy in Dublin" for a genre "comedy": a thing, not a phrasal verb
        and at + 2 < len(tokens)
        and (tokens[at + 2].is_word or tokens[at + 2].entity)
        and tokens[at + 2].lower not in lex.roles
        and not token.lower.endswith("ing")
        # its object opens with a determiner or a pronoun, or is a value ("scale in the
        # cluster", "spin up S1"), or the particle is no preposition of a topic ("roll out
        # recommender"): "info on invoice 55", "comedy in Dublin" are a noun's phrase
        and (
            own
            or nxt.lower in _ONLY_PARTICLES
            # "in", "on", "over" before a determiner are as often a preposition of place
            # ("parsley in the basket", "Points in a frequent-flyer account"): only a word
            # said as a verb (uninflected, opening the clause) is a phrasal verb with one
            or (
                (tokens[at + 2].lower in OBJECT_START or tokens[at + 2].entity)
                and (at == 0 or tokens[at - 1].lower in OBJECT_START)
                and token.lower == word
            )
        )
    ):
        # A phrasal verb the lexicon lacks ("push out the new route"): an action of its own.
        # Its particle may say it ends or reverses something ("wind down", "scale back"):
        # then it is one that only its very name reaches, like an undo verb.
        phrasal = f"{word}_{nxt.lower}"
        if nxt.lower in REVERSING:
            return phrasal, frozenset((f"not:word:{phrasal}",)), 2
        return phrasal, frozenset((f"word:{phrasal}",)), 2
    valued = known is not None and not known(word) and value_like(tokens, at + 1)
    # (a preposition after it only where the capability's own name puts one: "apply for")
    said = own and (nxt.lower not in lex.roles or f"{word}_{nxt.lower}" in verbs)
    if not (nxt.lower in OBJECT_START or said or valued):
        return None
    if token.lower.endswith("ing") and not own:
        return None  # a gerund names an activity ("running the ...")
    for prefix in NEGATING_PREFIXES:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 3 and (stem in verbs or stem in lex.classes):
            base = lex.classes.get(stem) or frozenset((f"word:{stem}",))
            opposite = frozenset(o for c in base for o in lex.opposites.get(c, ()))
            return word, frozenset(f"not:{c}" for c in base) | opposite, 1
    again = word[2:]
    if word.startswith("re") and len(again) >= 5 and again in lex.classes:
        # "reorder", "reprint", "resubmit": doing a known action again is that action (a
        # stem of five letters or more: "repair" is no "pair", "resign" no "sign").
        return word, lex.classes[again] | {f"word:{word}"}, 1
    return word, frozenset((f"word:{word}",)), 1


def value_like(tokens: Sequence[Token], at: int) -> bool:
    """Whether a value starts at ``tokens[at]``: one an extractor took (an email, a phone
    number...), or a code of letters and digits written without a space ("S123456", which
    the tokenizer splits)."""
    if tokens[at].entity:
        return True
    end = at + 1
    while end < len(tokens) and tokens[end].start == tokens[end - 1].end:
        end += 1
    text = "".join(t.text for t in tokens[at:end])
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def verb_at(
    tokens: Sequence[Token],
    at: int,
    lex: Lexicon,
    verbs: frozenset[str] = frozenset(),
    known: Callable[[str], bool] | None = None,
) -> tuple[str, frozenset[str], int] | None:
    """The verb at ``tokens[at]`` (a phrasal verb when its particle follows, or comes a few
    words later: "turn the lights off"): its lemma, its classes and how many tokens it spans;
    ``None`` when that word is not an action verb (see :func:`unknown_verb` for the verbs
    the lexicon does not know)."""
    word = tokens[at].lemma
    permitted = _permitted(tokens, at, lex, verbs, known)
    if permitted is not None:
        return permitted
    if at + 2 < len(tokens):
        # "get rid of", "come up with": a verb of three words, read before its first two
        # ("get rid" is no verb; "get" alone only reads).
        phrasal = f"{word}_{tokens[at + 1].lower}_{tokens[at + 2].lower}"
        if phrasal in lex.classes:
            return phrasal, lex.classes[phrasal], 3
    if at + 1 < len(tokens):
        phrasal = f"{word}_{tokens[at + 1].lemma}"
        if phrasal in lex.classes:
            return phrasal, lex.classes[phrasal], 2
    if (
        at + 2 < len(tokens)
        and tokens[at + 1].lower in _OBJECT_PRONOUNS
        and not _place_after(tokens, at + 2)
    ):
        # "check me in", "sign us up", "pick it up": a pronoun object stands between a
        # phrasal verb and its particle, whatever follows.
        phrasal = f"{word}_{tokens[at + 2].lower}"
        if tokens[at + 2].lower in PARTICLES and phrasal in lex.classes:
            return phrasal, lex.classes[phrasal], 1
    for i in range(at + 2, min(len(tokens), at + 7)):
        particle = tokens[i].lower
        if particle in _NEW_SUBJECTS:
            break  # "turn it on, I'm off to Rome": past a new subject, a particle is its own
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        # "log a run *in* 40 minutes": before a number the word is a preposition, no particle
        # "take the flask off the list", "cross bread off it": "off" before what the thing is
        # taken off (a determiner or a pronoun) takes it out of that (not "take Friday off")
        off_of = particle == "off" and after is not None and after.lower in OBJECT_START
        ends = (
            after is None
            or after.lower in lex.roles
            or (not after.is_word and not after.lower[:1].isdigit())
            # "take S1 out of chess club", "log me out of it": "out of" opens what it leaves
            or (particle in ("out", "off") and after.lower == "of")
            # "switch roaming on, I'm away", "turn it on please": the clause ends there
            or after.lower in _NEW_SUBJECTS
            or after.lower == "please"
            or off_of
            # "send EX-1 back, the reason is ...": a comma left out of the words read
            # (more than a space between them) ends the phrase
            or after.start - tokens[i].end > 1
        )
        if particle in _SPLIT_PARTICLES and f"{word}_{particle}" in lex.classes and ends:
            split = lex.classes[f"{word}_{particle}"]
            if off_of:
                split = split | {"remove_from"}
            return f"{word}_{particle}", split, 1
    raw = tokens[at].lower
    if raw != word and raw in (f"{word}er", f"{word}r") and raw not in lex.classes:
        # "*booster* jabs", "a *shower* fitted": English verbs take no "-er" - a word read as
        # a verb plus "-er" is the noun of its doer (or a comparative), never the verb itself
        return None
    classes = lex.classes.get(word) or lex.classes.get(tokens[at].lower)
    if not classes:
        return unknown_verb(tokens, at, lex, verbs, known)
    if at + 1 < len(tokens) and tokens[at + 1].lower in REVERSING - {"off"}:
        # A known verb with a particle that turns it round, in a sense the lexicon does not
        # list ("pull down the page", "scale back the plan"): not the verb's own action, and
        # one that ends or reverses something - reached by nothing but its very name.
        phrasal = f"{word}_{tokens[at + 1].lower}"
        return phrasal, frozenset((f"not:word:{phrasal}",)), 2
    if at + 1 < len(tokens) and is_noun(word, lex) and tokens[at + 1].lemma in lex.attribute:
        return None  # "order status", "email address": a noun phrase that names a thing
    if (
        word in _GERUND_NEGATE | _GERUND_KEEP
        and at + 1 < len(tokens)
        and tokens[at + 1].lower.endswith("ing")
    ):
        inner = lex.classes.get(tokens[at + 1].lemma, frozenset())
        if inner:
            if word in _GERUND_KEEP:
                return tokens[at + 1].lemma, inner, 2
            # "stop following" undoes following: the opposite action, or "stop" itself.
            opposite = frozenset(o for c in inner for o in lex.opposites.get(c, ()))
            return f"stop_{tokens[at + 1].lemma}", opposite or frozenset(("stop",)), 2
    return word, classes, 1


_LET = frozenset(("let", "allow", "permit"))
_LET_NOT = frozenset(("me", "us", "know", "go"))


def _permitted(
    tokens: Sequence[Token],
    at: int,
    lex: Lexicon,
    verbs: frozenset[str],
    known: Callable[[str], bool] | None,
) -> tuple[str, frozenset[str], int] | None:
    """ "let Ava join the course", "allow Sam to use the van": letting someone do a thing asks
    for that thing to be done, so the action is the verb after the person (and the object
    starts after it). "let me know", "let us ...", "let it go" are not this."""
    if tokens[at].lower not in _LET or at + 2 >= len(tokens):
        return None
    if tokens[at + 1].lower in _LET_NOT:
        return None
    to = tokens[at].lower != "let"  # "allow"/"permit" take "to" before the verb
    for j in range(at + 2, min(len(tokens), at + 6)):
        token = tokens[j]
        if token.lower in lex.roles and not (to and token.lower == "to"):
            return None  # the person's phrase ended with no verb ("let Sam in on ...")
        if to and tokens[j - 1].lower != "to":
            continue
        if token.entity or not token.is_word or token.lower != token.lemma:
            continue  # the verb is bare ("join"), never a value or an inflected word
        if token.lower in _LET_NOT:
            continue
        if token.lemma not in lex.classes:
            if token.text.islower() and token.lemma.isalpha() and token.lemma not in lex.stopwords:
                # "let the loan expire": a verb the lexicon does not know is still the
                # action asked (a name would be capitalised, a value an entity)
                return token.lemma, frozenset((f"word:{token.lemma}",)), 1
            continue
        found = verb_at(tokens, j, lex, verbs, known)
        if found is not None:
            return found[0], found[1], 1
    return None


def nominal_after(
    tokens: Sequence[Token], at: int, lex: Lexicon, reach: int = 4
) -> tuple[str, int] | None:
    """A noun naming an action within the next ``reach`` words: "make *a payment*" (an
    intent may reach further: "Give a customer *a credit*")."""
    for i in range(at, min(len(tokens), at + reach)):
        word = tokens[i].lemma
        if tokens[i].lower in lex.roles and i > at:
            break  # the noun phrase ends at its preposition ("a doc *called* ...")
        if tokens[i].lemma in lex.attribute and not tokens[i].entity:
            break  # "get the *status* of a booking" reads the status, it books nothing
        if i + 1 < len(tokens) and f"{word}_{tokens[i + 1].lemma}" in lex.nominal:
            return lex.nominal[f"{word}_{tokens[i + 1].lemma}"], i + 2  # "money back"
        if _modifier(tokens, i, lex):
            continue  # "data and *call* usage": a noun before its head names no action
        for form in (tokens[i].lower, word):
            if form in lex.nominal:
                return lex.nominal[form], i + 1
        if word != tokens[i].lower and word in lex.classes and tokens[i].lower.endswith("er"):
            return word, i + 1  # "reminder" -> remind
    return None


_WHEN_WORDS = frozenset(("today", "tomorrow", "tonight", "asap", "now", "soon", "later"))


def _modifier(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``tokens[i]`` modifies the noun right after it, the head of an English compound
    ("call *usage*", "payment *plan*"): a word that is no value, preposition, particle,
    determiner, function word or time word, and names no action itself."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        nxt.is_word
        and not nxt.entity
        and nxt.lower.isalpha()
        and nxt.lower not in lex.roles
        and nxt.lower not in lex.stopwords
        and nxt.lower not in PARTICLES
        and nxt.lower not in OBJECT_START
        and nxt.lower not in _WHEN_WORDS
        and nxt.lemma not in lex.classes
        and nxt.lower not in lex.nominal
    )


def strip_polite(words: list[str], lex: Lexicon) -> int:
    at = 0
    while at < len(words):
        n = match_phrase(words, at, lex.polite) or match_phrase(words, at, lex.connect)
        if not n and words[at] in _SUBJECTS:
            n = match_phrase(words, at + 1, _SUBJECT_MODALS)
            n = n + 1 if n else 0
        if not n:
            n = _suggesting(words, at)
        if not n:
            n = _with_me(words, at)
        if not n and (words[at] in ("and", ",", "to") or (at and words[at] in (":", "-", "—"))):
            n = 1
        if not n:
            return at
        at += n
    return at


_MAY = frozenset(("can", "could", "may"))
_OWN = frozenset(("my", "our"))


def _with_me(words: list[str], at: int) -> int:
    """How many words at ``at`` ask leave for the teller and someone of theirs ("can my friend
    and I ...", "could my wife and I ..."), as "can we" does; 0 when they do not."""
    if words[at] not in _MAY or at + 1 >= len(words) or words[at + 1] not in _OWN:
        return 0
    for j in range(at + 2, min(len(words) - 2, at + 5)):
        if words[j] == "and" and words[j + 1] in ("i", "me"):
            return j + 2 - at
    return 0


# What asks for the deed named by the verb in -ing after it: "would you mind stopping the pump",
# "do you mind pausing it", "how about setting a timer" ("would you" alone is polite already).
_SUGGEST = (("do", "you", "mind"), ("how", "about"), ("mind",))


def _suggesting(words: list[str], at: int) -> int:
    """How many words at ``at`` ask for the deed of the verb in -ing right after them (0 when
    none do, or the word after is no such verb: "how about Friday", "do you mind if ...")."""
    for phrase in _SUGGEST:
        end = at + len(phrase)
        if tuple(words[at:end]) == phrase and end < len(words):
            after = words[end]
            if after.endswith("ing") and len(after) > 5 and after.isalpha():
                return len(phrase)
    return 0


# Particles that are as often a preposition of place: "put it *on* my watchlist".
_PLACE_PREPOSITIONS = frozenset(("on", "in", "over", "off"))
_DETERMINERS = frozenset(
    ("the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that")
)


def _place_after(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` ("on", "in") opens a place, a noun phrase after it: "put it on my
    watchlist" puts it somewhere, it does not put it on (as clothes or a show)."""
    return (
        tokens[i].lower in _PLACE_PREPOSITIONS
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in _DETERMINERS
    )
