"""Free-text fields: a city, a message, a search query, a name (references back to values
stated earlier are in ``references``).

A text field takes, in order of preference: quoted text; the phrase after a preposition whose
role names the field ("weather *in Oslo*", "email *to Ana*", "*about* the launch"); the phrase
after the field's own name ("subject: ..."); the text after a colon; a capitalised name; and,
for the last text field still empty, what remains of the clause once the action, the other
values and the words naming the capability are taken out.
"""

from __future__ import annotations

from typing import Any

from .clauses import Scope, field_words
from .lexicon import lexicon
from .schema import FieldSpec
from .text import Token

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
_STOP_AT = frozenset(
    [
        "and",
        "then",
        "but",
        "or",
        "so",
        "because",
        "if",
        "when",
        "please",
        "that",
        "which",
        "who",
        "whose",
        "where",
    ]
)
_TIME_WORDS = frozenset(["now", "today", "tonight", "tomorrow", "yesterday", "currently", "right"])
_PRONOUNS = frozenset(
    [
        "it",
        "that",
        "this",
        "them",
        "those",
        "these",
        "him",
        "her",
        "me",
        "us",
        "you",
        "result",
        "results",
    ]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "some"]
)


def _phrase(tokens: list[Token], at: int, scope: Scope, limit: int = 8) -> tuple[int, int] | None:
    """The token range of the phrase starting at ``at`` (up to a preposition, a connector,
    punctuation or a value)."""
    lex = lexicon()
    roles = lex.roles
    end = at
    while end < len(tokens) and end - at < limit:
        t = tokens[end]
        if not scope.text_free(t.start, t.end) or t.lower in _TIME_WORDS:
            break
        if end > at and (t.lower in roles or t.lower in _STOP_AT):
            break
        if not (t.is_word or t.lower[:1].isdigit() or t.lower in ("-", "&")):
            break
        end += 1
    return _trim(tokens, at, end, scope)


def _trim(tokens: list[Token], begin: int, end: int, scope: Scope) -> tuple[int, int] | None:
    """Drop determiners and the capability's own words at both ends ("the garden lamps" for
    set_lamps -> "garden")."""
    lex = lexicon()

    def edge(t: Token) -> bool:
        return (
            t.lower in _DETERMINERS
            or t.lower in lex.stopwords
            or (t.lemma in scope.own and t.lemma not in scope.keep and not t.text[:1].isupper())
        )

    while end > begin and edge(tokens[end - 1]):
        end -= 1
    while begin < end and (edge(tokens[begin]) or tokens[begin].lemma in scope.keep):
        begin += 1  # "zip 02139": a value does not start with its field's name
    if (
        end - begin > 1
        and tokens[end - 1].lemma in scope.keep
        and tokens[end - 2].text[:1].isupper()
    ):
        end -= 1  # "the Sales folder": the name is "Sales" (but "the dining room" stays)
    return (begin, end) if end > begin else None


def _span_text(scope: Scope, tokens: list[Token], rng: tuple[int, int]) -> tuple[str, int, int]:
    a, b = tokens[rng[0]].start, tokens[rng[1] - 1].end
    followed = rng[1] < len(tokens) and tokens[rng[1]].is_word
    if scope.text[b - 2 : b] in ("'s", "\u2019s") and followed:
        b -= 2  # "Ada Byron's phone": the name is "Ada Byron" ("Mario's" stays)
    return scope.text[a:b], a, b


def fill_text(specs: list[FieldSpec], scope: Scope) -> dict[str, tuple[Any, str]]:
    """Values for the text fields ``specs`` (in their order of declaration)."""
    out: dict[str, tuple[Any, str]] = {}
    tokens = list(scope.clause.tokens)
    # "the dining room" for a field named room: the field's own word is part of the value.
    scope.keep = frozenset(w for s in specs for w in s.name_words)
    roles = lexicon().roles
    quoted = scope.of("quoted")
    textual = [s for s in specs if set(s.name_words) & _TEXTUAL or s.type == "any"]
    # 0. A name between a determiner and the field's own word: "on the Sunday Club list",
    # "onto my 4x4 Crew calendar" (so a quoted title goes to the other field).
    _named_before(specs, scope, tokens, out)
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
        if size and i + size < len(tokens) and scope.text_free(tokens[i].start, tokens[i].end):
            rest_free = scope.text_free(tokens[i + size].start, tokens[i + size].end)
            open_fields = [s for s in (textual or specs) if s.name not in out]
            target = next((s for s in open_fields if set(s.name_words) & _MESSAGE), None)
            target = target or (open_fields[0] if open_fields else None)
            if target is None or not rest_free:
                break
            a, b = tokens[i + size].start, _verbatim_end(scope)
            rest = scope.text[a:b].strip()
            if rest:
                scope.claim(tokens[i].start, b)
                out[target.name] = (rest, scope.text[tokens[i].start : b])
            break
    # 2b. A label: the field's own name and a colon ("subject: Invoice 12, body: Paid in
    # full, thanks!"); the value runs to the next label or the end of the clause, verbatim.
    _labelled(specs, scope, tokens, out)
    # 3. A preposition or the field's own name before a phrase.
    for spec in specs:
        if spec.name in out:
            continue
        words = field_words(spec)
        for i, t in enumerate(tokens[:-1]):
            cue = (t.lower in roles and roles[t.lower] & words) or (
                t.lemma in spec.name_words and t.lemma not in lexicon().stopwords
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
            ):
                continue  # "the dining room to 19": the field's word is part of the value
            rng = _phrase(tokens, at, scope, 12 if set(spec.name_words) & _TEXTUAL else 6)
            if rng is None:
                continue
            value, a, b = _span_text(scope, tokens, rng)
            lemmas = {x.lemma for x in tokens[rng[0] : rng[1]]}
            if (
                value.lower() in _PRONOUNS
                or lemmas <= scope.own
                or (lemmas & lex.classes.keys() == lemmas and tokens[rng[0] - 1].lower not in _MINE)
                or all(_registry_acronym(x, scope) for x in tokens[rng[0] : rng[1]])
            ):
                # "to ship": the capability's own word or a verb, not a value; "with the
                # GPS": a thing of the domain, not a party
                continue
            scope.claim(t.start, t.end)
            scope.claim(a, b)
            out[spec.name] = (_clean(value), scope.text[t.start : b])
            break
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
        end = _verbatim_end(scope)
        rest = scope.text[colon.end : end].strip()
        if rest and after and all(scope.text_free(t.start, t.end) for t in after):
            for spec in specs:
                if spec.name not in out:
                    out[spec.name] = (rest, rest)
                    scope.claim(colon.start, end)
                    break
    # 5. A capitalised name not yet used. A capitalised word of the capability's own (the
    # "PDF" of export_pdf, the "Club" of a club bike) names what it handles, not a party to it;
    # an acronym another capability names itself by is a thing of the domain too.
    for spec in specs:
        if spec.name in out or set(spec.name_words) & _TEXTUAL:
            continue
        for i, t in enumerate(tokens):
            if (
                t.is_word
                and t.text[:1].isupper()
                and i > 0
                and not t.entity  # "next Monday", "in May": a date, not a name
                and t.lower not in lexicon().stopwords
                and t.lemma not in scope.own
                and scope.text_free(t.start, t.end)
                and not _in_code(tokens, i)
                and not _registry_acronym(t, scope)
            ):
                j = i
                while j < len(tokens) and scope.text_free(tokens[j].start, tokens[j].end):
                    if tokens[j].text[:1].isupper():
                        j += 1
                    elif _initial_dot(tokens, j):
                        j += 1  # "Ursula K. Le Guin": an initial's full stop is in the name
                    else:
                        break
                value, a, b = _span_text(scope, tokens, (i, j))
                scope.claim(a, b)
                out[spec.name] = (value, value)
                break
    # 6. The rest of the clause for the last empty required text field.
    empty = [s for s in specs if s.name not in out and s.required]
    links = [m for m in scope.of("url") if scope.text_free(m.start, m.end)]
    if len(empty) == 1 and len(links) == 1 and set(empty[0].name_words) & _TEXTUAL:
        # A link no field of the capability takes is what its message or note carries
        # ("text Ana with https://..."), whole: never the words around it, nor a piece of it.
        out[empty[0].name] = (str(links[0].value), scope.take(links[0]))
        return out
    if len(empty) == 1 and scope.remainder and not _communicates(scope):
        # (After "email", "text", "tell": the words that follow name whom, not what.)
        run = _remainder(tokens, scope)
        if run is not None:
            value, a, b = run
            scope.claim(a, b)
            scope.weak.append((a, b))
            out[empty[0].name] = (value, value)
    return out


_WHEN = frozenset(("date", "daterange", "time"))
_MINE = frozenset(("my", "our", "your", "his", "her", "their"))  # "my invoice": a noun


def _remainder(tokens: list[Token], scope: Scope) -> tuple[str, int, int] | None:
    """The longest run of free words after the action (each run ends at a taken value, a
    preposition or a comma)."""
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    # A day or a time ("next Monday") is never the rest of the clause's text.
    when = [(m.start, m.end) for m in scope.mentions.items if m.kind in _WHEN]
    i = 0
    while i < len(tokens):
        while i < len(tokens) and (
            tokens[i].end <= scope.action_span[1]
            or any(a <= tokens[i].start and tokens[i].end <= b for a, b in when)
            or not scope.text_free(tokens[i].start, tokens[i].end)
            or tokens[i].lower in lex.stopwords
            or tokens[i].lower in lex.roles
            or not tokens[i].is_word
        ):
            i += 1
        j = i
        while (
            j < len(tokens)
            and scope.text_free(tokens[j].start, tokens[j].end)
            and tokens[j].lower not in _TIME_WORDS
            and not any(a <= tokens[j].start and tokens[j].end <= b for a, b in when)
        ):
            t = tokens[j]
            if j > i and (t.lower in lex.roles or t.lower in _STOP_AT or t.lower in (",", ";")):
                break
            if not (t.is_word or t.lower[:1].isdigit() or t.lower in ("-", "&", "'")):
                break
            j += 1
        rng = _trim(tokens, i, j, scope) if j > i else None
        if rng is not None:
            runs.append(rng)
        i = max(j, i + 1)
    if not runs:
        return None
    best = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    run = tokens[best[0] : best[1]]
    if all(
        t.lower in _PRONOUNS or t.lower in lex.stopwords or _registry_acronym(t, scope) for t in run
    ):
        return None
    a, b = run[0].start, run[-1].end
    return _clean(scope.text[a:b]), a, b


_MESSAGE = frozenset(["message", "body", "text", "content", "note", "comment"])


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


def _communicates(scope: Scope) -> bool:
    """Whether the clause's action sends a message (then "that ..." is the message)."""
    verbs = scope.text[scope.action_span[0] : scope.action_span[1]].lower().split()
    lex = lexicon()
    return any(c in ("send", "share") for v in verbs for c in lex.classes_of(v))


def _named_before(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    for spec in specs:
        for i, t in enumerate(tokens):
            if i < 2 or t.lemma not in spec.name_words or not scope.text_free(t.start, t.end):
                continue
            j = i
            while j > 0 and _name_part(tokens, j - 1):
                j -= 1
            if j == i or j == 0 or tokens[j - 1].lower not in _DETERMINERS:
                continue
            if not tokens[j].text[:1].isupper() and not any(
                x.text[:1].isupper() for x in tokens[j:i]
            ):
                continue  # "the 3 playlists": a count, not a name
            a, b = tokens[j].start, tokens[i - 1].end
            if not scope.text_free(a, b) or scope.mentions.of("quoted", within=(a, b)):
                continue
            scope.claim(a, t.end)
            out[spec.name] = (scope.text[a:b], scope.text[tokens[j - 1].start : t.end])
            break


def _in_code(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a piece of a code written without spaces that has digits in it
    ("L-3310", "AB12"): the code is an id, and none of its pieces is a name."""
    a = b = k
    while a > 0 and tokens[a - 1].end == tokens[a].start:
        a -= 1
    while b + 1 < len(tokens) and tokens[b].end == tokens[b + 1].start:
        b += 1
    return any(ch.isdigit() for t in tokens[a : b + 1] for ch in t.text)


def _name_part(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` may be a word of a name: capitalised, a number, or the rest of
    such a word it is written against ("4x4", "1990s": the tokenizer splits them)."""
    first = tokens[k].text[:1]
    if first.isupper() or first.isdigit():
        return True
    return k > 0 and tokens[k - 1].end == tokens[k].start and _name_part(tokens, k - 1)


def _is_label(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is a word with a colon right after it ("body:")."""
    return (
        tokens[i].is_word
        and i + 1 < len(tokens)
        and tokens[i + 1].lower == ":"
        and tokens[i + 1].start == tokens[i].end
    )


def _labelled(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    labels = [i for i in range(len(tokens)) if _is_label(tokens, i)]
    for n, i in enumerate(labels):
        label = tokens[i]
        spec = next(
            (
                s
                for s in specs
                if s.name not in out and (label.lemma in s.name_words or label.lower == s.name)
            ),
            None,
        )
        if spec is None or not scope.text_free(label.start, tokens[i + 1].end):
            continue
        a = tokens[i + 1].end
        b = tokens[labels[n + 1]].start if n + 1 < len(labels) else _verbatim_end(scope)
        inside = [t for t in tokens if a <= t.start and t.end <= b]
        if not inside or not all(scope.text_free(t.start, t.end) for t in inside):
            continue
        value = scope.text[a:b].strip().rstrip(",;").strip()
        if n + 1 >= len(labels):
            value = value.rstrip(".")
        if value:
            scope.claim(label.start, b)
            out[spec.name] = (value, scope.text[label.start : b])


def _initial_dot(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is the full stop of an initial inside a name: right after one
    capital letter and followed by another capitalised word ("K." of "Ursula K. Le Guin")."""
    return (
        tokens[k].text == "."
        and k > 0
        and len(tokens[k - 1].text) == 1
        and tokens[k - 1].text.isupper()
        and tokens[k - 1].end == tokens[k].start
        and k + 1 < len(tokens)
        and tokens[k + 1].text[:1].isupper()
    )


def _registry_acronym(token: Token, scope: Scope) -> bool:
    """Whether ``token`` is an acronym ("GPS", "VPN") that a capability of the registry has
    among its words: a term of the domain the request is about, not a name to fill in."""
    text = token.text
    return (
        len(text) >= 2
        and text.isalpha()
        and text.isupper()
        and (scope.known(token.lower) or scope.known(token.lemma))
    )


def in_value(scope: Scope, token: Token) -> bool:
    """Whether ``token`` is inside a value the text states (the colon of "https://...", of
    "10:30"), taken by a field or not: such a colon introduces nothing."""
    return any(m.start <= token.start and token.end <= m.end for m in scope.mentions.items)


def _verbatim_end(scope: Scope) -> int:
    """Where verbatim text ends: the clause's end, with the "?" or "!" that closed it."""
    end = scope.span[1]
    if end < len(scope.text) and scope.text[end] in "?!":
        end += 1
    return end


def _clean(value: str) -> str:
    return value.strip().strip(",.;:!?").strip()
