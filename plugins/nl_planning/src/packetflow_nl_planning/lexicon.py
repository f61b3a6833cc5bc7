"""The general-language resources the planner ships as data (``data/lexicon/*.txt``).

Nothing here knows about any registry: action classes of English verbs, their opposites,
nouns that name actions, irregular verb forms, synonym sets, what prepositions say about the
field they fill, and the small grammatical word lists (politeness, questions, connectors,
negation, reference). Each file says its format in its header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["Lexicon", "lexicon", "word_list"]


def _lines(name: str) -> list[str]:
    text = (resources.files("packetflow_nl_planning") / "data" / "lexicon" / name).read_text(
        encoding="utf-8"
    )
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def word_list(name: str) -> frozenset[str]:
    """The words of a data file that is only a list of words (``colours.txt``)."""
    return frozenset(w.lower() for line in _lines(name) for w in line.split())


def _phrase(entry: str) -> tuple[str, ...]:
    return tuple(part for part in entry.lower().split("_") if part)


@dataclass(frozen=True)
class Lexicon:
    """The loaded resources; one shared instance (:func:`lexicon`)."""

    classes: dict[str, frozenset[str]]
    """verb lemma (or ``look_up``) -> the action classes it belongs to."""
    query: frozenset[str]
    """classes that only read or compute."""
    undo: frozenset[str]
    """classes that remove, end or reverse something: matched only by the very class."""
    opposites: dict[str, frozenset[str]]
    nominal: dict[str, str]
    """noun -> the verb it names ("refund" -> "refund", "cancellation" -> "cancel")."""
    irregular: dict[str, str]
    synonyms: dict[str, frozenset[str]]
    """word -> every word of its synonym sets (itself included)."""
    roles: dict[str, frozenset[str]]
    """preposition -> the field words it points at."""
    stopwords: frozenset[str]
    polite: tuple[tuple[str, ...], ...]
    light: frozenset[str]
    support: frozenset[str]
    question: frozenset[tuple[str, ...]]
    connect: tuple[tuple[str, ...], ...]
    negate: frozenset[tuple[str, ...]]
    refer: frozenset[tuple[str, ...]]
    attribute: frozenset[str] = field(default=frozenset())
    """nouns naming a property ("status", "history"): "order status" is a noun phrase."""
    saying: tuple[tuple[str, ...], ...] = ()
    ahead: frozenset[str] = field(default=frozenset())
    back: frozenset[str] = field(default=frozenset())
    ahead_actions: frozenset[str] = field(default=frozenset())
    complement: frozenset[str] = field(default=frozenset())
    """verbs that give their object a property ("make it urgent", "keep it private")."""
    """phrases after which the rest of a clause is a message ("saying", "that says")."""
    phrasal: frozenset[tuple[str, ...]] = field(default=frozenset())
    """multi-word verbs ("look", "up") from the action classes."""
    languages: dict[str, str] = field(default_factory=dict)
    """language name -> its ISO 639-1 code ("french" -> "fr")."""
    invited: frozenset[str] = field(default=frozenset())
    """nouns of people one invites ("guest", "attendee")."""
    contrary: dict[str, frozenset[str]] = field(default_factory=dict)
    """adjective -> the words of opposite meaning ("public" -> "private", "unlisted")."""

    def classes_of(self, lemma: str) -> frozenset[str]:
        """The action classes of a verb lemma (empty when it is not a known action)."""
        return self.classes.get(lemma, frozenset())

    def is_undo(self, classes: frozenset[str]) -> bool:
        """Whether ``classes`` include one that removes, ends or reverses something (or the
        negation of a verb the lexicon does not know, ``not:word:...``)."""
        return bool(classes & self.undo) or any(c.startswith("not:") for c in classes)

    def is_query(self, classes: frozenset[str]) -> bool:
        """Whether ``classes`` include a reading sense ("check", "get")."""
        return bool(classes & self.query)


def _load() -> Lexicon:
    classes: dict[str, set[str]] = {}
    query: set[str] = set()
    undo: set[str] = set()
    for line in _lines("actions.txt"):
        head, _, words = line.partition(":")
        name, *flags = head.split()
        if "query" in flags:
            query.add(name)
        if "undo" in flags:
            undo.add(name)
        for word in words.split():
            classes.setdefault(word.lower(), set()).add(name)
    # WordNet's verbs (built offline by scripts/build_verb_lexicon.py) only fill in lemmas the
    # hand-written classes lack: a lemma of actions.txt keeps exactly its own classes.
    for line in _lines("wordnet_verbs.txt"):
        word, _, names = line.partition(":")
        if word.strip() not in classes:
            classes[word.strip()] = set(names.split())
    opposites: dict[str, set[str]] = {}
    for line in _lines("antonyms.txt"):
        a, b = line.split()
        opposites.setdefault(a, set()).add(b)
        opposites.setdefault(b, set()).add(a)
    nominal = dict(line.split() for line in _lines("nominalizations.txt"))
    irregular = dict(line.split() for line in _lines("irregular.txt"))
    for line in _lines("wordnet_irregular.txt"):  # forms of the WordNet verbs, under the own
        form, base = line.split()
        irregular.setdefault(form, base)
    synonyms: dict[str, set[str]] = {}
    for line in _lines("synonyms.txt"):
        group = {w.lower() for w in line.split()}
        for word in group:
            synonyms.setdefault(word, set()).update(group)
    roles = {}
    for line in _lines("roles.txt"):
        prep, _, words = line.partition(":")
        roles[prep.strip()] = frozenset(words.split())
    stopwords = frozenset(w for line in _lines("stopwords.txt") for w in line.split())
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _lines("cues.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).extend(line.split())

    def phrases(name: str) -> list[tuple[str, ...]]:
        # Longest first: "i would like to" must win over "i would like".
        return sorted({_phrase(e) for e in sections.get(name, [])}, key=len, reverse=True)

    phrasal = frozenset(_phrase(w) for w in classes if "_" in w)
    contrary: dict[str, set[str]] = {}
    for line in _lines("contraries.txt"):
        word, _, others = line.partition(":")
        for other in others.split():
            contrary.setdefault(word.strip().lower(), set()).add(other.lower())
            contrary.setdefault(other.lower(), set()).add(word.strip().lower())
    return Lexicon(
        classes={k: frozenset(v) for k, v in classes.items()},
        query=frozenset(query),
        undo=frozenset(undo),
        opposites={k: frozenset(v) for k, v in opposites.items()},
        nominal=nominal,
        irregular=irregular,
        synonyms={k: frozenset(v) for k, v in synonyms.items()},
        roles=roles,
        stopwords=stopwords,
        polite=tuple(phrases("polite")),
        light=frozenset(w for w in sections.get("light", [])),
        support=frozenset(sections.get("support", [])) | frozenset(sections.get("light", [])),
        question=frozenset(phrases("question")),
        connect=tuple(phrases("connect")),
        negate=frozenset(phrases("negate")),
        refer=frozenset(phrases("refer")),
        attribute=frozenset(sections.get("attribute", [])),
        saying=tuple(phrases("saying")),
        ahead=frozenset(sections.get("ahead", [])),
        back=frozenset(sections.get("back", [])),
        ahead_actions=frozenset(sections.get("ahead_actions", [])),
        complement=frozenset(sections.get("complement", [])),
        phrasal=phrasal,
        languages=dict(line.split() for line in _lines("languages.txt")),
        invited=frozenset(sections.get("invited", [])),
        contrary={k: frozenset(v) for k, v in contrary.items()},
    )


@cache
def lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use, about a millisecond)."""
    return _load()
