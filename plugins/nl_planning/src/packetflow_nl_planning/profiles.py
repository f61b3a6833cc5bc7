"""What the planner knows about one capability: a :class:`Profile` of its words (weighted by
where they appear, with synonyms), its action, input fields and the written forms of its words,
built from the capability's schema and description alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import packetflow as pf

from .actions import BROAD, Action
from .capability_actions import capability_action
from .lexicon import lexicon
from .schema import FieldSpec, input_fields, output_fields
from .slots import field_kind
from .tense import Tense, description_tells_past, time_word_tense
from .text import identifier_words, tokenize, words
from .units import currency_aliases

__all__ = ["Profile", "build_profile"]

# How much a word counts by where it appears in a capability's description.
_WEIGHTS = {
    "name": 1.0, "intent": 1.0, "keyword": 1.0, "example": 0.9, "tag": 0.8,
    "field": 0.6, "enum": 0.5, "description": 0.4, "output": 0.4,
}  # fmt: skip
_SYNONYM = 0.8  # a synonym of a capability's word counts this much of the word


@dataclass
class Profile:
    """What the planner knows about one capability."""

    name: str
    capability: pf.Capability
    words: dict[str, float]
    action: Action
    fields: list[FieldSpec]
    outputs: dict[str, str]
    text: str
    examples: tuple[str, ...]
    vector: Any = None
    own: frozenset[str] = field(default_factory=frozenset)
    """The capability's own words (no synonyms): the fuzzy-matching vocabulary."""
    forms: frozenset[str] = field(default_factory=frozenset)
    """Words of its text as written where the lemma differs ("charger" of "charge"): a typo
    is of the written word, not of its lemma."""
    looks_back: bool = False
    """A date field's description tells of the past ("when the damage happened"), or the
    capability records what happened (a log, a tally of a harvest): its dates read
    backwards."""
    said_tense: Tense | None = None
    """The tense an adjective of time in its name or intent says ("upcoming sales": ahead;
    see :func:`~.tense.time_word_tense`)."""

    @property
    def required(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.required]


def _currency_names(value: str) -> list[str]:
    """The names of a currency code ("EUR" -> euro, euros): a currency enum's words."""
    code = value.upper()
    return [a for a, c in currency_aliases().items() if c == code and a.isalpha() and len(a) > 3]


# Where a description gives an example value: "e.g. ...", "for example ...", "such as ...".
_EXAMPLE = re.compile(r"\b(?:e\.?g\.?|for\s+example|for\s+instance|such\s+as)(?=\W)", re.I)


def split_example(description: str) -> tuple[str, str]:
    """A description and the example value it gives ("what to look for, e.g. 'Victorian
    writing desk'" -> "what to look for, ", "'Victorian writing desk'")."""
    m = _EXAMPLE.search(description)
    if m is None:
        return description, ""
    return description[: m.start()], description[m.end() :]


def build_profile(cap: pf.Capability) -> Profile:
    """The profile of ``cap``."""
    lex = lexicon()
    weights: dict[str, float] = {}
    examples: set[str] = set()

    def add(text: str, where: str) -> None:
        for word in words(text):
            if word in lex.stopwords or len(word) < 2:
                continue
            w = _WEIGHTS[where]
            if weights.get(word, 0.0) < w:
                weights[word] = w

    name_text = " ".join(identifier_words(cap.name))
    add(name_text, "name")
    add(cap.intent, "intent")
    for tag in cap.tags:
        add(" ".join(identifier_words(tag)), "tag")
    for keyword in cap.keywords:
        add(keyword, "keyword")
    for example in cap.examples:
        add(example, "example")
    fields = input_fields(cap.contract.input_schema)
    if not fields:
        fields = [FieldSpec(name=key, type="any", required=True) for key in cap.contract.requires]
    for spec in fields:
        add(" ".join(identifier_words(spec.name)), "field")
        said, example = split_example(spec.description)
        add(said, "description")
        before = set(weights)
        add(example, "description")
        examples |= set(weights) - before
        for value in spec.enum:
            add(str(value).replace("_", " "), "enum")
            for alias in _currency_names(str(value)):
                add(alias, "enum")
    outputs = output_fields(cap.contract.output_schema)
    for out in outputs:
        add(" ".join(identifier_words(out)), "output")
    # A description's example ("e.g. 'Victorian writing desk'") is a value, not a word the
    # capability names itself by: it still finds the capability, but a phrase of it is a value.
    own = frozenset(weights) - examples
    written = (name_text, cap.intent, *cap.tags, *cap.keywords, *cap.examples)
    forms = frozenset(
        t.lower
        for text in written
        for t in tokenize(text)
        if t.is_word and len(t.lower) >= 4 and t.lower.isalpha() and t.lemma != t.lower
        and t.lemma in own
    )  # fmt: skip
    for word, w in list(weights.items()):
        for syn in lex.synonyms.get(word, ()):
            if weights.get(syn, 0.0) < w * _SYNONYM:
                weights[syn] = w * _SYNONYM
        verb = lex.nominal.get(word)
        if verb and weights.get(verb, 0.0) < w * _SYNONYM:
            weights[verb] = w * _SYNONYM
    field_text = ", ".join(" ".join(identifier_words(f.name)) for f in fields)
    text = ". ".join(t for t in (name_text, cap.intent, " ".join(cap.tags), field_text) if t)
    action = capability_action(
        cap.name,
        cap.intent,
        cap.examples,
        cap.keywords,
        [f.name for f in fields],
        [f.description for f in fields],
        [str(v) for f in fields for v in f.enum],
    )
    dated = [f for f in fields if field_kind(f) == "date"]
    return Profile(
        name=cap.name,
        capability=cap,
        words=weights,
        action=action,
        fields=fields,
        outputs=outputs,
        text=text,
        examples=tuple(cap.examples),
        own=own,
        forms=forms,
        looks_back=any(description_tells_past(f.description) for f in dated)
        or (bool(dated) and _records(action)),
        # (its name and intent, not a field's description, "previous address", nor a value)
        said_tense=time_word_tense(
            t.lower for t in tokenize(f"{' '.join(identifier_words(cap.name))} {cap.intent}")
        ),
    )


def _records(action: Action) -> bool:
    """Whether the capability records something (a log, a count, a sighting) and does nothing
    that lies ahead (a booking, a schedule): what it records has happened."""
    lex = lexicon()
    # ("create" is broad: every record creates one, a booking does too)
    return "record" in action.classes and not (action.classes - BROAD) & lex.ahead_actions
