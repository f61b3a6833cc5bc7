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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .lexicon import Lexicon, lexicon
from .text import Token, identifier_words, lemma, tokenize

__all__ = [
    "Action",
    "Level",
    "capability_action",
    "compatible",
    "request_action",
    "unknown_verb",
    "unknown_verbs",
]

# Words that may stand between a light verb and the noun that names its action.
_VERB_CONTEXT = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "all",
        "any",
        "every",
        "new",
        "one",
        "me",
        "us",
        "them",
        "him",
        "it",
        "to",
        "for",
        "up",
        "out",
        "back",
        "off",
        "on",
        "in",
        "down",
        "over",
        "away",
        "another",
        "more",
    ]
)
_SUBJECTS = frozenset(["i", "we", "you", "u"])
_SUBJECT_MODALS = (
    ("will",), ("would",), ("should",), ("must",), ("need", "to"), ("have", "to"),
    ("want", "to"), ("wish", "to"), ("would", "like", "to"), ("am", "going", "to"),
    ("are", "going", "to"), ("got", "to"), ("gotta",), ("can",), ("could",),
)  # fmt: skip
_ME = frozenset(("me", "us"))
_READ_INTENT = frozenset(("return", "list", "give", "provide", "fetch", "show", "get"))


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
    """

    classes: frozenset[str]
    verbs: tuple[str, ...]
    explicit: bool
    query: bool
    object_start: int = 0
    weak: frozenset[str] = frozenset()


def _match_phrase(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the longest phrase of ``phrases`` at ``words[at:]`` (0 for none)."""
    for phrase in phrases:
        n = len(phrase)
        if tuple(words[at : at + n]) == phrase:
            return n
    return 0


def _is_noun(word: str, lex: Lexicon) -> bool:
    return word in lex.nominal or (word in lex.synonyms and word not in lex.classes)


_PARTICLES = frozenset(["on", "off", "up", "down", "back", "out", "in", "over", "away"])
_GERUND_NEGATE = frozenset(("stop", "quit", "cease"))
_GERUND_KEEP = frozenset(("start", "begin", "keep", "continue", "resume"))


# What follows a verb in the imperative and rarely a noun: its object's determiner or pronoun.
_OBJECT_START = frozenset(
    ["the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that",
     "these", "those", "some", "all", "every", "each", "another", "me", "us", "them", "him", "it"]
)  # fmt: skip
_NEGATING_PREFIXES = ("un", "dis", "de")


def unknown_verb(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str] = frozenset()
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
        or _is_noun(word, lex)
        or at + 1 >= len(tokens)
    ):
        return None
    nxt = tokens[at + 1]
    own = word in verbs
    if not (nxt.lower in _OBJECT_START or (own and nxt.lower not in lex.roles)):
        return None
    if token.lower.endswith("ing") and not own:
        return None  # a gerund names an activity ("running the ...")
    for prefix in _NEGATING_PREFIXES:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 3 and (stem in verbs or stem in lex.classes):
            base = lex.classes.get(stem) or frozenset((f"word:{stem}",))
            opposite = frozenset(o for c in base for o in lex.opposites.get(c, ()))
            return word, frozenset(f"not:{c}" for c in base) | opposite, 1
    return word, frozenset((f"word:{word}",)), 1


def _verb_at(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str] = frozenset()
) -> tuple[str, frozenset[str], int] | None:
    """The verb at ``tokens[at]`` (a phrasal verb when its particle follows, or comes a few
    words later: "turn the lights off"): its lemma, its classes and how many tokens it spans;
    ``None`` when that word is not an action verb (see :func:`unknown_verb` for the verbs
    the lexicon does not know)."""
    word = tokens[at].lemma
    if at + 1 < len(tokens):
        phrasal = f"{word}_{tokens[at + 1].lemma}"
        if phrasal in lex.classes:
            return phrasal, lex.classes[phrasal], 2
    for i in range(at + 2, min(len(tokens), at + 7)):
        particle = tokens[i].lower
        ends = i + 1 >= len(tokens) or tokens[i + 1].lower in lex.roles or not tokens[i + 1].is_word
        if particle in _PARTICLES and f"{word}_{particle}" in lex.classes and ends:
            return f"{word}_{particle}", lex.classes[f"{word}_{particle}"], 1
    classes = lex.classes.get(word) or lex.classes.get(tokens[at].lower)
    if not classes:
        return unknown_verb(tokens, at, lex, verbs)
    if at + 1 < len(tokens) and _is_noun(word, lex) and tokens[at + 1].lemma in lex.attribute:
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


def _nominal_after(
    tokens: Sequence[Token], at: int, lex: Lexicon, reach: int = 4
) -> tuple[str, int] | None:
    """A noun naming an action within the next ``reach`` words: "make *a payment*" (an
    intent may reach further: "Give a customer *a credit*")."""
    for i in range(at, min(len(tokens), at + reach)):
        word = tokens[i].lemma
        if tokens[i].lower in lex.roles and i > at:
            break  # the noun phrase ends at its preposition ("a doc *called* ...")
        if i + 1 < len(tokens) and f"{word}_{tokens[i + 1].lemma}" in lex.nominal:
            return lex.nominal[f"{word}_{tokens[i + 1].lemma}"], i + 2  # "money back"
        for form in (tokens[i].lower, word):
            if form in lex.nominal:
                return lex.nominal[form], i + 1
        if word != tokens[i].lower and word in lex.classes and tokens[i].lower.endswith("er"):
            return word, i + 1  # "reminder" -> remind
    return None


def _strip_polite(words: list[str], lex: Lexicon) -> int:
    at = 0
    while at < len(words):
        n = _match_phrase(words, at, lex.polite) or _match_phrase(words, at, lex.connect)
        if not n and words[at] in _SUBJECTS:
            n = _match_phrase(words, at + 1, _SUBJECT_MODALS)
            n = n + 1 if n else 0
        if not n and words[at] in ("and", ",", "to"):
            n = 1
        if not n:
            return at
        at += n
    return at


_DESIRE = (
    ("i", "need"),
    ("i", "want"),
    ("i", "would", "like"),
    ("i", "would", "love"),
    ("we", "need"),
)
_ACQUIRE = frozenset(("buy", "book", "rent", "retrieve", "create"))


def request_action(
    tokens: Sequence[Token], *, bare: bool = True, verbs: frozenset[str] = frozenset()
) -> Action:
    """The action of one clause of a request (its word tokens). ``bare=False`` reads only
    verbs (not "lights on", "a refund for ..."): what the splitter needs to find a new request.
    ``verbs``: the verbs the registry's capabilities are named by that the lexicon does not
    know (see :func:`unknown_verb`)."""
    lex = lexicon()
    words = [t.lower for t in tokens]
    desire = any(tuple(words[: len(d)]) == d for d in _DESIRE)
    at = _strip_polite(words, lex)
    if (
        desire
        and at < len(tokens)
        and words[at] not in ("to",)
        and not _verb_at(tokens, at, lex, verbs)
    ):
        # "I need a car in Lyon": asking for a thing is asking to obtain it, unless the
        # thing names an action ("I'd like a refund").
        nominal = _nominal_after(tokens, at, lex)
        if nominal is not None and lex.classes_of(nominal[0]):
            return Action(lex.classes_of(nominal[0]), (nominal[0],), True, False, nominal[1])
        return Action(_ACQUIRE, ("obtain",), True, True, at)
    if at >= len(tokens):
        return Action(frozenset(), (), False, True, at)
    q = _match_phrase(words, at, sorted(lex.question, key=len, reverse=True))
    if q and not (
        words[at] in ("do", "does", "can", "will", "would", "could")
        and at + 1 < len(words)
        and words[at + 1] in ("you", "u")
    ):
        return Action(frozenset(), (), False, True, at + q)
    if q:  # "can you ...", "would you ...": the verb follows
        at += 2
    found = _verb_at(tokens, at, lex, verbs) if at < len(tokens) else None
    if found is None:
        if not bare:
            return Action(frozenset(), (), False, True, at)
        plural = at + 1 < len(tokens) and tokens[at + 1].lower != tokens[at + 1].lemma
        if words[at] == "new" and at + 1 < len(tokens) and not plural:
            # "new document 'Offsite agenda'" asks to create one; "new registrations" names some
            return Action(lex.classes_of("create"), ("create",), True, False, at + 1)
        named = _named_action(tokens, at, lex) or _bare_switch(tokens, at, lex)
        # A bare noun phrase with its details ("a cab to the station at 6", "lunch bill,
        # $20") asks to read about the thing or to obtain one: never to change or remove one.
        return named or _set_to(tokens, at, lex) or Action(_ACQUIRE, (), False, True, at)
    verb, classes, size = found
    after = at + size
    if (
        verb in ("tell", "let", "show", "give", "remind")
        and after < len(words)
        and words[after] in _ME
    ):
        if verb in ("tell", "show", "let"):
            classes = frozenset(("retrieve",))
        after += 1
        if verb == "let" and after < len(words) and words[after] == "know":
            after += 1
    if verb in lex.light or verb in ("give", "tell"):
        nominal = _nominal_after(tokens, after, lex)
        if nominal is not None:
            noun_verb, end = nominal
            return Action(lex.classes_of(noun_verb) or frozenset((f"word:{noun_verb}",)),
                          (verb, noun_verb), True, False, end)  # fmt: skip
    return Action(classes, (verb,), True, lex.is_query(classes), after)


def _named_action(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """A request that starts with a noun naming an action: "reminder at noon: ...",
    "refund for order 12", "day off on Friday" (not "order status": an attribute follows)."""
    first = tokens[at]
    nxt = tokens[at + 1] if at + 1 < len(tokens) else None
    for i in (at, at + 1):  # "money back for order 7", "full money back for order 7"
        if i + 1 < len(tokens) and f"{tokens[i].lemma}_{tokens[i + 1].lemma}" in lex.nominal:
            verb = lex.nominal[f"{tokens[i].lemma}_{tokens[i + 1].lemma}"]
            classes = lex.classes_of(verb)
            return Action(classes, (verb,), True, lex.is_query(classes), i + 2)
    head = (
        nxt is None
        or not nxt.is_word
        or nxt.entity
        or nxt.lower in lex.roles
        or nxt.lower in _VERB_CONTEXT
    )
    for form in (first.lower, first.lemma):
        named = lex.nominal.get(form)
        # Only when the noun heads its phrase: "refund for order 12", not "sales report".
        if named and lex.classes_of(named) and head:
            classes = lex.classes_of(named)
            return Action(classes, (named,), True, lex.is_query(classes), at + 1)
    return None


def _set_to(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "oven to 180": a thing, "to" and a number asks to set the thing."""
    for i in range(at + 1, min(len(tokens), at + 5)):
        if tokens[i].lower == "to" and i + 1 < len(tokens) and tokens[i + 1].lower[:1].isdigit():
            return Action(lex.classes_of("set"), ("set",), True, False, at)
    return None


def _bare_switch(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "fan on in the attic", "heating off": a thing and on/off asks to switch it."""
    for i in range(at + 1, min(len(tokens), at + 4)):
        if tokens[i].lower in ("on", "off") and (i + 1 >= len(tokens) or not tokens[i + 1].is_word
                                                 or tokens[i + 1].lower in lex.roles):  # fmt: skip
            verb = f"switch_{tokens[i].lower}"
            return Action(lex.classes_of(verb), (verb,), True, False, i + 1)
    return None


def _leading_action(text: str, lex: Lexicon) -> Action | None:
    tokens = [t for t in tokenize(text) if t.is_word]
    if not tokens:
        return None
    first = tokens[0].lemma
    if first in _READ_INTENT and tokens[0].lower.endswith("s"):
        # Docstring style, "Returns the balance", "Lists open orders": the capability reads.
        return Action(frozenset(("retrieve",)), (first,), True, True, 1)
    words = [t.lower for t in tokens]
    at = _strip_polite(words, lex)
    if at >= len(tokens):
        return None
    found = _verb_at(tokens, at, lex)
    if found is None:
        return None
    verb, classes, size = found
    verbs = [verb]
    # A capability does what its verb says and what the noun after it names: "Open a
    # return" opens and returns, "Set a reminder" sets and reminds.
    nominal = _nominal_after(tokens, at + size, lex, 6) if verb in lex.support else None
    if nominal is not None and lex.classes_of(nominal[0]):
        classes = (
            lex.classes_of(nominal[0])
            if verb in lex.light
            else classes | lex.classes_of(nominal[0])
        )
        verbs.append(nominal[0])
    for i in range(at + size, len(tokens)):  # "Switch lights on or off"
        phrasal = f"{verb}_{tokens[i].lower}"
        if tokens[i].lower in _PARTICLES and phrasal in lex.classes:
            classes |= lex.classes[phrasal]
            verbs.append(phrasal)
    return Action(classes, tuple(verbs), True, lex.is_query(classes), at + size)


def _name_action(name: str, lex: Lexicon) -> Action | None:
    """The action a capability's name says: its first word when that is a verb
    (``get_forecast``), else its last (``order_refund``); a noun naming an action right after
    the verb adds that action (``set_reminder``)."""
    raw = identifier_words(name)
    # A gerund names a kind of thing ("shipping_quote", "billing_report"), not an order.
    parts = [lemma(p) if not p.endswith("ing") else p for p in raw]
    if not parts:
        return None
    at = 0 if lex.classes_of(parts[0]) else len(parts) - 1
    if at == len(parts) - 1 and len(parts) < 2:
        at = 0
    if f"{parts[at]}_{parts[at + 1]}" in lex.classes if at + 1 < len(parts) else False:
        verb = f"{parts[at]}_{parts[at + 1]}"
        return Action(lex.classes[verb], (verb,), True, lex.is_query(lex.classes[verb]))
    classes = lex.classes_of(parts[at])
    if not classes:
        return None
    verbs = [parts[at]]
    rest = parts[at + 1 :] if at == 0 and parts[at] in lex.support else []
    for size in (2, 1):
        noun = "_".join(rest[:size])
        followed = rest[size : size + 1]
        if followed and followed[0] in lex.attribute:
            continue  # get_order_status: the status of an order, not an order
        if len(rest) >= size and noun in lex.nominal and lex.classes_of(lex.nominal[noun]):
            classes = classes | lex.classes_of(lex.nominal[noun])
            verbs.append(lex.nominal[noun])
            break
    else:
        # A support verb's object that is a verb used as a noun names what it does too:
        # issue_account_credit credits, set_price_alert alerts.
        if rest and rest[-1] in lex.classes and rest[-1] not in lex.attribute:
            classes = classes | lex.classes[rest[-1]]
            verbs.append(rest[-1])
    return Action(classes, tuple(verbs), True, lex.is_query(classes))


def _name_verb(name: str, intent: str, fields: Sequence[str], lex: Lexicon) -> str | None:
    """The first word of a capability's name when the lexicon does not know it and nothing
    says it is a noun (``extend_rental`` -> extend; not ``patient_record`` when a field is
    ``patient_id``, nor ``website_traffic`` when the intent says "Website visits"): a verb
    the capability is named by."""
    parts = [lemma(p) for p in identifier_words(name)]
    if len(parts) < 2:
        return None
    first = parts[0]
    field_words = {lemma(w) for f in fields for w in identifier_words(f)}
    said = [t for t in tokenize(intent) if t.is_word]
    if any(t.lemma == first for t in said) and unknown_verb(said, 0, lex) is None:
        return None  # the intent uses the word, and not as its verb
    if (
        not first.isalpha()
        or len(first) < 3
        or first in lex.classes
        or first in lex.stopwords
        or first in field_words
        or _is_noun(first, lex)
    ):
        return None
    return first


def capability_action(
    name: str,
    intent: str,
    examples: Sequence[str] = (),
    keywords: Sequence[str] = (),
    fields: Sequence[str] = (),
) -> Action:
    """What a capability does, from its intent, else its name; its examples and keywords add
    the actions users ask it with. ``fields``: its input field names (a name's first word that
    is also a field's is a noun, not a verb)."""
    lex = lexicon()
    name_verb = _name_verb(name, intent, fields, lex)
    found = _leading_action(intent, lex) if intent else None
    named = _name_action(name, lex)
    classes = set(found.classes) if found else set()
    verbs = list(found.verbs) if found else []
    query = found.query if found else True
    if named is not None:
        classes |= named.classes
        verbs.extend(named.verbs)
        query = query and named.query if found else named.query
    for example in examples:
        action = request_action([t for t in tokenize(example) if t.is_word or t.entity])
        if action.explicit:
            classes |= action.classes
            verbs.extend(action.verbs)
        query = query or action.query
    for keyword in keywords:
        word = lemma(keyword.lower().replace(" ", "_"))
        if word in lex.classes and not _is_noun(word, lex):
            classes |= lex.classes[word]
            verbs.append(word)
    weak = frozenset((f"word:{name_verb}",)) if name_verb else frozenset()
    return Action(
        frozenset(classes), tuple(dict.fromkeys(verbs)), bool(classes), query, 0, weak - classes
    )


def unknown_verbs(action: Action) -> frozenset[str]:
    """The verbs of a capability's action that the lexicon does not know (``word:`` classes):
    a request may use them as verbs (see :func:`unknown_verb`)."""
    return frozenset(c[5:] for c in action.classes | action.weak if c.startswith("word:"))


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
        return "no", f"the request only asks to read, but the capability {_does(cap)}"
    done = cap.classes | cap.weak
    common = request.classes & done
    if common:
        return "same", f"same action ({', '.join(sorted(common))})"
    if request.query and cap.query:
        return "read", "both only read"
    opposite = {o for c in done for o in lex.opposites.get(c, ())} | {f"not:{c}" for c in done}
    said = "/".join(request.verbs[-1:])
    if request.classes & opposite:
        return "no", f"the request asks to {said!r}, the opposite of what it does ({_does(cap)})"
    strict = lex.is_undo(request.classes) or lex.is_undo(cap.classes)
    unknown_request = all(c.startswith("word:") for c in request.classes)
    unknown_cap = not cap.classes or all(c.startswith("word:") for c in cap.classes)
    if not strict and (unknown_request or (unknown_cap and cap.explicit and not request.query)):
        return "open", (
            f"the lexicon does not know whether {said!r} is what it does ({_does(cap)}), "
            "and nothing contradicts it"
        )
    return "no", f"the request asks to {said!r}, but the capability {_does(cap)}"


def _does(cap: Action) -> str:
    if not cap.verbs:
        return "reads"
    return f"does {'/'.join(cap.verbs[:3])!r}"
