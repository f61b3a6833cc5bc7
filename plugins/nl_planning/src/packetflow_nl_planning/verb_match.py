"""How a request's verb relates to a capability's action beyond the class check of
``actions.compatible``: the very verb it is named by, a class they share in a narrow sense, a
verb the lexicon does not know that its own words say, a bare phrase that only names a thing
(ranking asks these for each candidate)."""

from __future__ import annotations

from .actions import BROAD, Action, obtains
from .clauses import Scope
from .index import Profile
from .lexicon import lexicon

__all__ = [
    "narrow",
    "obtains",
    "same_verb",
    "says_verb",
    "specific_to",
    "verb_first",
    "verbs_of",
]


def verb_first(action: Action, scope: Scope, profile: Profile) -> bool:
    """Whether a bare phrase (no question) opens with a word the capability does not explain,
    right before a value: "dispute INV-004512" says a verb the lexicon does not know, which
    only reading the invoice would be a guess at."""
    words = scope.words
    if action.explicit or not action.classes or len(words) < 2:
        return False
    first, nxt = words[0], words[1]
    return (
        first.is_word
        and not first.entity
        and first.lemma not in profile.words
        and first.lemma not in lexicon().stopwords
        and (nxt.entity or nxt.lower[:1].isdigit() or any(c.isdigit() for c in nxt.text)
             or (nxt.text.isupper() and len(words) > 2 and words[2].lower[:1].isdigit()))
    )  # fmt: skip


def narrow(action: Action, profile: Profile, *, every: bool = False) -> bool:
    """Whether the request's verb and the capability share an action class narrower than
    the broad ones; with ``every``, each of the verb's narrow classes ("book" both books and
    schedules: a route planner that only plans does not book)."""
    common = action.classes & (profile.action.classes | profile.action.weak)
    if every:
        return action.explicit and bool(common - BROAD) and action.classes - BROAD <= common
    return action.explicit and bool(common - BROAD)


def says_verb(action: Action, profile: Profile) -> bool:
    """Whether the request's verb is one the lexicon does not know and the capability's own
    words say it ("collect it from 40 Lake Drive" for a courier that is to "collect dirty
    clothes"): that capability does it, as one sharing a narrow class would."""
    unknown = [c[5:] for c in action.classes if c.startswith("word:")]
    return (
        bool(unknown)
        and len(unknown) == len(action.classes)
        and any(v in profile.own or v in profile.action.described for v in unknown)
    )


def specific_to(action: Action, profile: Profile) -> bool:
    """Whether the request's action is one the capability does in a sense narrower than
    "make" or "read": a class they share beyond the broad ones, or a broad one when the
    request's verb has no narrower class."""
    common = action.classes & (profile.action.classes | profile.action.weak)
    narrow = action.classes - BROAD
    return bool(common - BROAD) or (bool(common - {"retrieve"}) and not narrow)


def same_verb(action: Action, profile: Profile) -> bool:
    """The request says the very verb the capability is named by ("follow" -> follow_user):
    with every required field filled, that is enough to know what is meant."""
    lex = lexicon()
    specific = action.classes - {"retrieve"}
    return bool(action.explicit and specific and set(action.verbs) & set(profile.action.verbs)
                and not lex.is_query(action.classes))  # fmt: skip


def verbs_of(action: Action) -> set[str]:
    """The verb lemmas an action was read from (left out of the object words)."""
    lex = lexicon()
    out = set()
    for verb in action.verbs:
        out.update(verb.split("_"))
        if verb in lex.light:
            out.add(verb)
    return out
