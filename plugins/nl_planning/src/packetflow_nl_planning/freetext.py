"""Free-text fields: a city, a message, a search query, a name (references back to values
stated earlier are in ``references``).

A text field takes, in order of preference: quoted text; the phrase after a preposition whose
role names the field ("weather *in Oslo*", "email *to Ana*", "*about* the launch"); the phrase
after the field's own name ("subject: ..."); the text after a colon; a capitalised name; and,
for the last text field still empty, what remains of the clause once the action, the other
values and the words naming the capability are taken out.
"""

from __future__ import annotations

import re
from typing import Any

from .capitalised import NAMED, fill_capitalised, titled
from .clauses import Scope, field_words
from .colours import colour_cue
from .everywhere import everywhere
from .lexicon import lexicon
from .named_text import by_agent, labelled, named_before
from .own_modifiers import modifier_of_own
from .person_names import split_full_name
from .place_cues import fill_coordinates, owned_before_named, place_cue
from .schema import FieldSpec
from .text_spans import (
    DETERMINERS,
    INDEFINITE,
    PRONOUNS,
    clean,
    in_value,
    listed,
    own_noun,
    phrase,
    registry_acronym,
    remainder,
    span_text,
    verbatim_end,
)

__all__ = ["TEXTUAL", "fill_text", "in_value"]

TEXTUAL = frozenset(
    [
        "message",
        "body",
        "text",
        "content",
        "note",
        "comment",
        "subject",
        "title",
        "query",
        "question",
        "description",
        "reason",
        "summary",
        "caption",
        "prompt",
        "sentence",
        "phrase",
        "word",
        "term",
        "keyword",
        "topic",
    ]
)
"""Names of fields that hold free text (a message, a search query...)."""
_TEXTUAL = TEXTUAL
_MINE = frozenset(("my", "our", "your", "his", "her", "their"))  # "my invoice": a noun


def fill_text(specs: list[FieldSpec], scope: Scope) -> dict[str, tuple[Any, str]]:
    """Values for the text fields ``specs`` (in their order of declaration)."""
    out: dict[str, tuple[Any, str]] = {}
    tokens = list(scope.clause.tokens)
    # "the dining room" for a field named room: the field's own word is part of the value.
    scope.keep = frozenset(w for s in specs for w in s.name_words)
    roles = lexicon().roles
    quoted = scope.of("quoted")
    textual = [s for s in specs if set(s.name_words) & _TEXTUAL or s.type == "any"]
    # -1. "everywhere", "in every room" for a room its description lets be everywhere.
    for spec in specs:
        found = everywhere(spec, scope)
        if found is not None:
            out[spec.name] = found
    # -0. A position ("near 54.46,-3.08"): both numbers are the place.
    fill_coordinates(specs, scope, out)
    # 0. A name between a determiner and the field's own word: "on the Sunday Club list",
    # "onto my 4x4 Crew calendar" (so a quoted title goes to the other field).
    named_before(specs, scope, tokens, out)
    # 0b. The one who does it, after a participle and "by": "Rex owned by Tom Baker".
    by_agent(specs, scope, tokens, out)
    # 1. Quoted text goes to the field its cue names ("subject 'Hi'", "saying 'See you'"),
    # else to the text fields, required ones first.
    lex = lexicon()
    for cued in (True, False):  # quotes with a cue ("subject 'Booking'") choose first
        for m in list(quoted):
            target = _quoted_target(
                m.start, [s for s in (textual or specs) if s.name not in out], scope, cued
            )
            if target is None:
                continue
            quoted.remove(m)
            scope.mentions.take(m)
            out[target.name] = (m.value, scope.text[m.start : m.end])
    # 2. After "saying", "that says", ...: the rest of the clause, verbatim.
    lowers = [t.lower for t in tokens]
    for i in range(len(tokens)):
        size = next((len(p) for p in lex.saying if tuple(lowers[i : i + len(p)]) == p), 0)
        if not size and lowers[i] == "that" and i > 0 and _communicates(scope):
            size = 1
        if size == 1 and i > 0 and lowers[i - 1] in DETERMINERS:
            size = 0  # "my reading list": after a determiner the word qualifies a noun
        if size and i + size < len(tokens) and scope.text_free(tokens[i].start, tokens[i].end):
            rest_free = scope.text_free(tokens[i + size].start, tokens[i + size].end)
            open_fields = [s for s in (textual or specs) if s.name not in out]
            target = next((s for s in open_fields if set(s.name_words) & _MESSAGE), None)
            target = target or (open_fields[0] if open_fields else None)
            if target is None or not rest_free:
                break
            a, b = tokens[i + size].start, verbatim_end(scope)
            rest = scope.text[a:b].strip()
            if rest:
                scope.claim(tokens[i].start, b)
                out[target.name] = (rest, scope.text[tokens[i].start : b])
            break
    # 2b. A label: the field's own name and a colon ("subject: Invoice 12, body: Paid in
    # full, thanks!"); the value runs to the next label or the end of the clause, verbatim.
    labelled(specs, scope, tokens, out)
    # 3. A preposition or the field's own name before a phrase.
    for spec in specs:
        if spec.name in out:
            continue
        words = field_words(spec)
        for i, t in enumerate(tokens[:-1]):
            cue = (
                (t.lower in roles and roles[t.lower] & words)
                or (t.lemma in spec.name_words and t.lemma not in lexicon().stopwords)
                or place_cue(tokens, i, spec)
                or colour_cue(tokens, i, spec)
            )
            if not cue or not scope.text_free(t.start, t.end):
                continue
            at = i + 1
            if at < len(tokens) and tokens[at].lower in (":", "is", "of", "="):
                at += 1
            elif (
                t.lower not in roles
                and at < len(tokens)
                and (tokens[at].lower in roles or not tokens[at].is_word)
                and not _numbered(spec, tokens[at])
            ):
                continue  # "the dining room to 19": the field's word is part of the value
            rng = phrase(tokens, at, scope, 12 if set(spec.name_words) & _TEXTUAL else 6)
            placed = None
            if rng is None and spec.required and t.lower in roles and roles[t.lower] & words:
                placed = own_noun(tokens, at, scope)
            rng = rng or placed
            if rng is None:
                continue
            value, a, b = span_text(scope, tokens, rng)
            lemmas = {x.lemma for x in tokens[rng[0] : rng[1]]}
            if rng is not placed and (
                value.lower() in PRONOUNS | INDEFINITE
                or lemmas <= scope.own
                or (lemmas & lex.classes.keys() == lemmas and tokens[rng[0] - 1].lower not in _MINE)
                or all(registry_acronym(x, scope) for x in tokens[rng[0] : rng[1]])
            ):
                # "to ship": the capability's own word or a verb, not a value; "with the
                # GPS": a thing of the domain, not a party
                continue
            if _not_the_name(spec, tokens, rng, scope) or owned_before_named(tokens, i, spec):
                continue
            scope.claim(t.start, t.end)
            scope.claim(a, b)
            out[spec.name] = (clean(value), scope.text[t.start : b])
            break
    # 3b. What a message says after "about" or a spaced dash ("a note to his teacher about
    # his exam nerves", "message Sam - running late"), when no subject or topic took it.
    _told_after(specs, scope, tokens, out)
    # 4. After a colon: the rest of the clause.
    colon = next(
        (
            t
            for t in tokens
            if t.lower == ":" and scope.text_free(t.start, t.end) and not in_value(scope, t)
        ),
        None,
    )
    if colon is not None:
        after = [t for t in tokens if t.start >= colon.end]
        end = verbatim_end(scope)
        rest = scope.text[colon.end : end].strip()
        if rest and after and all(scope.text_free(t.start, t.end) for t in after):
            for spec in specs:
                if spec.name not in out:
                    out[spec.name] = (rest, rest)
                    scope.claim(colon.start, end)
                    break
    # 5. A capitalised name not yet used (``capitalised``); a title is a name too, other
    # prose is no name.
    names = [s for s in specs if not set(s.name_words) & _TEXTUAL - NAMED]
    fill_capitalised(names, scope, tokens, out)
    # 5a. The items of a terse list, in the order of the fields ("Log a sighting:
    # cockroaches, kitchen, Sunday": the pest and the day are taken, the kitchen is where).
    items = listed(tokens, scope)
    for spec in specs:
        if not items:
            break
        if spec.name not in out:
            first, last = items.pop(0)
            # A field of prose takes the items that follow each other whole ("dentist, bring
            # insurance card" is one reminder), a field of one thing a single item.
            while set(spec.name_words) & _TEXTUAL and items and items[0][0] == last + 1:
                last = items.pop(0)[1]
            _, a, _ = span_text(scope, tokens, (first, first + 1))
            _, _, b = span_text(scope, tokens, (last - 1, last))
            value = scope.text[a:b]
            scope.claim(a, b)
            out[spec.name] = (value, value)
    # 5b. "Mary Quinn" for a surname and forenames asked apart.
    split_full_name(specs, out)
    # 6. The rest of the clause for the last empty required text field.
    empty = [s for s in specs if s.name not in out and s.required]
    links = [m for m in scope.of("url") if scope.text_free(m.start, m.end)]
    if len(empty) == 1 and len(links) == 1 and set(empty[0].name_words) & _TEXTUAL:
        # A link no field of the capability takes is what its message or note carries
        # ("text Ana with https://..."), whole: never the words around it, nor a piece of it.
        out[empty[0].name] = (str(links[0].value), scope.take(links[0]))
        return out
    optional = [
        s
        for s in specs
        if s.name not in out and not set(s.name_words) & (_TEXTUAL | _PROSE | _NUMBERED)
    ]
    if not empty and len(optional) == 1 and scope.remainder:
        # "osprey sightings in Rutland": the one optional field of a thing left empty takes
        # the words that name which of the capability's things (``own_modifiers``).
        named = modifier_of_own(tokens, scope)
        if named is not None:
            value, a, b = named
            scope.claim(a, b)
            scope.weak.append((a, b))
            out[optional[0].name] = (value, value)
            return out
    if len(empty) == 1 and scope.remainder:
        # (After "email", "text", "tell": the words that follow name whom, not what - unless
        # "about" says what: "alert me about any hoopoe".)
        thing = not set(empty[0].name_words) & (_TEXTUAL | _PROSE)
        run = remainder(tokens, scope, thing)
        if run is not None and _communicates(scope) and not _after_topic_cue(scope, run[1]):
            run = None
        if run is not None and set(empty[0].name_words) & _PROSE:
            run = _with_article(tokens, scope, run)
        if run is not None:
            value, a, b = run
            scope.claim(a, b)
            scope.weak.append((a, b))
            out[empty[0].name] = (value, value)
    return out


# Last words of a field's name that make its value a number or a code ("invoice_number").
_NUMBERED = frozenset(("number", "no", "id", "code", "ref", "reference", "num"))


def _numbered(spec: FieldSpec, token: Any) -> bool:
    """Whether ``token`` is the digits a numbered field's noun is followed by ("invoice 55"
    for ``invoice_number``): unlike "the dining room to 19", the number is the value."""
    return bool(spec.name_words) and spec.name_words[-1] in _NUMBERED and token.lower[:1].isdigit()


_MESSAGE = frozenset(["message", "body", "text", "content", "note", "comment"])


# Fields that hold a sentence of the user's (what happened, why, what to tell): their value
# keeps its first article ("the forklift dropped a pallet"), as a search term does not.
_PROSE = frozenset(("message", "body", "note", "comment", "description", "reason", "details"))


def _with_article(
    tokens: list[Any], scope: Scope, run: tuple[str, int, int]
) -> tuple[str, int, int]:
    """The rest of the clause with the article just before it, when that is a sentence of
    three words or more."""
    value, a, b = run
    before = [t for t in tokens if t.end <= a]
    if len(value.split()) < 3 or not before:
        return run
    article = before[-1]
    if article.lower not in ("the", "a", "an", "my", "our") or not scope.text_free(
        article.start, article.end
    ):
        return run
    if article.start <= scope.action_span[1] or (len(before) > 1 and before[-2].is_word):
        return run  # "report the damage": the article of the action's object
    return clean(scope.text[article.start : b]), article.start, b


def _quoted_target(
    position: int, specs: list[FieldSpec], scope: Scope, cued: bool
) -> FieldSpec | None:
    """The text field a quoted value at ``position`` is for (with ``cued``, only a field its
    cue names)."""
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
    if cued:
        return None
    return sorted(specs, key=lambda s: (not s.required, specs.index(s)))[0]


def _not_the_name(spec: FieldSpec, tokens: list[Any], rng: tuple[int, int], scope: Scope) -> bool:
    """Whether a phrase in lower case is no value of a name field ("the student the note is
    *about*" given "about her exam nerves") because the clause writes a name in title case
    elsewhere, which is the name."""
    if "name" not in spec.name_words or any(titled(x) for x in tokens[rng[0] : rng[1]]):
        return False
    return any(
        titled(x) and scope.text_free(x.start, x.end)
        for k, x in enumerate(tokens)
        if k and not rng[0] <= k < rng[1]
    )


_TOPIC_CUES = frozenset(("about", "regarding", "re", "concerning"))


def _told_after(
    specs: list[FieldSpec], scope: Scope, tokens: list[Any], out: dict[str, tuple[Any, str]]
) -> None:
    """Fill an empty message field with the rest of the clause after "about" (what the
    message is about is what it says, when the capability has no subject of its own) or after
    a dash between spaces, verbatim."""
    target = next((s for s in specs if s.name not in out and set(s.name_words) & _MESSAGE), None)
    if target is None:
        return
    for i, t in enumerate(tokens[:-1]):
        dash = t.lower == "-" and scope.text[t.start - 1 : t.start] == " "
        dash = dash and scope.text[t.end : t.end + 1] == " "
        if not (dash or t.lower in _TOPIC_CUES) or not scope.text_free(t.start, t.end):
            continue
        after = tokens[i + 1 :]
        if not all(scope.text_free(x.start, x.end) for x in after):
            continue
        end = verbatim_end(scope)
        rest = scope.text[tokens[i + 1].start : end].strip().rstrip(".")
        if rest:
            scope.claim(t.start, end)
            out[target.name] = (rest, scope.text[t.start : end])
        return


def _after_topic_cue(scope: Scope, at: int) -> bool:
    """Whether the word just before ``at`` is "about", "regarding" ... (skipping "any", "a")."""
    words = re.findall(r"[a-z]+", scope.text[scope.span[0] : at].lower())
    while words and words[-1] in ("any", "a", "an", "the"):
        words.pop()
    return bool(words) and words[-1] in _TOPIC_CUES


def _communicates(scope: Scope) -> bool:
    """Whether the clause's action sends a message (then "that ..." is the message)."""
    verbs = scope.text[scope.action_span[0] : scope.action_span[1]].lower().split()
    lex = lexicon()
    return any(c in ("send", "share") for v in verbs for c in lex.classes_of(v))
