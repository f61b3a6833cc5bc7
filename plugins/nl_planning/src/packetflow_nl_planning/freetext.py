"""Free-text fields (a city, a message, a search query, a name) and references back to values
stated earlier ("the address I just gave you", "that number", "the same amount").

A text field takes, in order of preference: quoted text; the phrase after a preposition whose
role names the field ("weather *in Oslo*", "email *to Ana*", "*about* the launch"); the phrase
after the field's own name ("subject: ..."); the text after a colon; a capitalised name; and,
for the last text field still empty, what remains of the clause once the action, the other
values and the words naming the capability are taken out.
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import Scope, field_words
from .lexicon import lexicon
from .schema import FieldSpec
from .text import Token

__all__ = ["fill_text", "reference"]

_REFER = re.compile(
    r"\b(?:the|that|this|those|these|same|the\s+same)\s+([a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:(?:i|you|we)\s+(?:just\s+|already\s+|have\s+|had\s+)?"
    r"(?:gave|given|mentioned|said|provided|told|typed|sent|shared|entered|used|wrote|listed|put)"
    r"(?:\s+(?:you|to\s+you|earlier|before|above))?)",
    re.IGNORECASE,
)
_SAME = re.compile(r"\b(?:the\s+same|same|that|this)\s+([a-z]+)\b", re.IGNORECASE)
_TEXTUAL = frozenset(
    "message body text content note comment subject title query question description reason "
    "summary caption prompt sentence phrase word term keyword topic".split()
)
_STOP_AT = frozenset("and then but or so because if when please".split())
_PRONOUNS = frozenset("it that this them those these him her me us you result results".split())
_DETERMINERS = frozenset("the a an my our your his her their this that some".split())


def reference(spec: FieldSpec, kind: str, scope: Scope) -> tuple[Any, str] | None:
    """A value the clause points back at, from what earlier clauses stated."""
    if not scope.memory:
        return None
    start, end = scope.span
    text = scope.text[start:end]
    words = field_words(spec)
    for pattern in (_REFER, _SAME):
        for m in pattern.finditer(text):
            head = m.group(1).lower().split()[-1]
            head_words = {head} | set(lexicon().synonyms.get(head, ()))
            for memory in reversed(scope.memory):
                same_kind = memory.kind == kind
                named = bool(head_words & memory.words) or bool(head_words & words)
                if same_kind and named and (kind != "text" or head_words & memory.words):
                    scope.claim(start + m.start(), start + m.end())
                    return memory.value, m.group()
    return None


def _phrase(tokens: list[Token], at: int, scope: Scope, limit: int = 8) -> tuple[int, int] | None:
    """The token range of the phrase starting at ``at`` (up to a preposition, a connector,
    punctuation or a value)."""
    roles = lexicon().roles
    end = at
    while end < len(tokens) and end - at < limit:
        t = tokens[end]
        if not scope.free(t.start, t.end):
            break
        if end > at and (t.lower in roles or t.lower in _STOP_AT):
            break
        if not (t.is_word or t.lower[:1].isdigit() or t.lower in ("'", "-", "&")):
            break
        end += 1
    while end > at and tokens[end - 1].lower in _DETERMINERS:
        end -= 1
    begin = at
    while begin < end and tokens[begin].lower in _DETERMINERS:
        begin += 1
    return (begin, end) if end > begin else None


def _span_text(scope: Scope, tokens: list[Token], rng: tuple[int, int]) -> tuple[str, int, int]:
    a, b = tokens[rng[0]].start, tokens[rng[1] - 1].end
    return scope.text[a:b], a, b


def fill_text(specs: list[FieldSpec], scope: Scope) -> dict[str, tuple[Any, str]]:
    """Values for the text fields ``specs`` (in their order of declaration)."""
    out: dict[str, tuple[Any, str]] = {}
    tokens = list(scope.clause.tokens)
    roles = lexicon().roles
    quoted = scope.of("quoted")
    textual = [s for s in specs if set(s.name_words) & _TEXTUAL or s.type == "any"]
    # 1. Quoted text goes to the field its cue names ("subject 'Hi'", "saying 'See you'"),
    # else to the text fields, required ones first.
    lex = lexicon()
    for m in quoted:
        target = _quoted_target(m.start, [s for s in (textual or specs) if s.name not in out], scope)
        if target is None:
            break
        scope.mentions.take(m)
        out[target.name] = (m.value, scope.text[m.start : m.end])
    # 2. After "saying", "that says", ...: the rest of the clause, verbatim.
    lowers = [t.lower for t in tokens]
    for i in range(len(tokens)):
        size = next((len(p) for p in lex.saying if tuple(lowers[i : i + len(p)]) == p), 0)
        if not size and lowers[i] == "that" and i > 0 and _communicates(scope):
            size = 1
        if size and i + size < len(tokens) and scope.free(tokens[i].start, tokens[i].end):
            rest_free = scope.free(tokens[i + size].start, tokens[i + size].end)
            open_fields = [s for s in (textual or specs) if s.name not in out]
            target = next((s for s in open_fields if set(s.name_words) & _MESSAGE), None)
            target = target or (open_fields[0] if open_fields else None)
            if target is None or not rest_free:
                break
            a, b = tokens[i + size].start, scope.span[1]
            rest = _clean(scope.text[a:b])
            if rest:
                scope.claim(tokens[i].start, b)
                out[target.name] = (rest, scope.text[tokens[i].start : b])
            break
    # 3. A preposition or the field's own name before a phrase.
    for spec in specs:
        if spec.name in out:
            continue
        words = field_words(spec)
        for i, t in enumerate(tokens[:-1]):
            cue = (t.lower in roles and roles[t.lower] & words) or (
                t.lemma in spec.name_words and t.lemma not in lexicon().stopwords
            )
            if not cue or not scope.free(t.start, t.end):
                continue
            at = i + 1
            if at < len(tokens) and tokens[at].lower in (":", "is", "of", "="):
                at += 1
            rng = _phrase(tokens, at, scope, 12 if set(spec.name_words) & _TEXTUAL else 6)
            if rng is None:
                continue
            value, a, b = _span_text(scope, tokens, rng)
            lemmas = {x.lemma for x in tokens[rng[0] : rng[1]]}
            if value.lower() in _PRONOUNS or lemmas <= scope.own or lemmas & lex.classes.keys() == lemmas:
                continue  # "to ship": the capability's own word or a verb, not a value
            scope.claim(t.start, t.end)
            scope.claim(a, b)
            out[spec.name] = (_clean(value), scope.text[t.start : b])
            break
    # 4. After a colon: the rest of the clause.
    colon = next((t for t in tokens if t.lower == ":" and scope.free(t.start, t.end)), None)
    if colon is not None:
        rest = scope.text[colon.end : scope.span[1]].strip()
        for spec in specs:
            if spec.name not in out and rest:
                out[spec.name] = (rest, rest)
                scope.claim(colon.start, scope.span[1])
                break
    # 5. A capitalised name not yet used.
    for spec in specs:
        if spec.name in out or set(spec.name_words) & _TEXTUAL:
            continue
        for i, t in enumerate(tokens):
            if (t.is_word and t.text[:1].isupper() and i > 0 and t.lower not in lexicon().stopwords
                    and scope.free(t.start, t.end)):
                j = i
                while j < len(tokens) and tokens[j].text[:1].isupper() and scope.free(tokens[j].start, tokens[j].end):
                    j += 1
                value, a, b = _span_text(scope, tokens, (i, j))
                scope.claim(a, b)
                out[spec.name] = (value, value)
                break
    # 6. The rest of the clause for the last empty required text field.
    empty = [s for s in specs if s.name not in out and s.required]
    if len(empty) == 1 and not _communicates(scope):
        # (After "email", "text", "tell": the words that follow name whom, not what.)
        rest = _remainder(tokens, scope)
        if rest is not None:
            value, a, b = rest
            scope.claim(a, b)
            scope.weak.append((a, b))
            out[empty[0].name] = (value, value)
    return out


def _remainder(tokens: list[Token], scope: Scope) -> tuple[str, int, int] | None:
    lex = lexicon()
    free = [t for t in tokens if scope.free(t.start, t.end) and t.start >= scope.action_span[1]]
    while free and (free[0].lower in lex.stopwords or free[0].lower in lex.roles or not free[0].is_word):
        free = free[1:]
    while free and (free[-1].lower in lex.stopwords or not (free[-1].is_word or free[-1].lower[:1].isdigit())):
        free = free[:-1]
    if not free or all(t.lower in _PRONOUNS or t.lower in lex.stopwords for t in free):
        return None
    a, b = free[0].start, free[-1].end
    return _clean(scope.text[a:b]), a, b


_MESSAGE = frozenset("message body text content note comment".split())


def _quoted_target(position: int, specs: list[FieldSpec], scope: Scope) -> FieldSpec | None:
    """The text field a quoted value at ``position`` is for."""
    if not specs:
        return None
    lex = lexicon()
    before = scope.before(position, 3)
    for spec in specs:
        if set(before) & set(spec.name_words) or scope.role(position, field_words(spec)) > 0:
            return spec
    if any(tuple(before[-len(p) :]) == p for p in lex.saying if len(p) <= len(before)):
        for spec in specs:
            if set(spec.name_words) & _MESSAGE:
                return spec
    return sorted(specs, key=lambda s: (not s.required, specs.index(s)))[0]


def _communicates(scope: Scope) -> bool:
    """Whether the clause's action sends a message (then "that ..." is the message)."""
    verbs = scope.text[scope.action_span[0] : scope.action_span[1]].lower().split()
    lex = lexicon()
    return any(c in ("send", "share") for v in verbs for c in lex.classes_of(v))


def _clean(value: str) -> str:
    return value.strip().strip(",.;:!?").strip()
