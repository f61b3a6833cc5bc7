"""Names and labels in a clause: a capitalised name between a determiner and the field's own
word ("on the *Sunday Club* list"), a field's name and a colon before its value ("subject:
Invoice 12"), and the pieces that make or break a name (an initial's full stop, a code with
digits).
"""

from __future__ import annotations

from typing import Any

from .clauses import Scope
from .lexicon import lexicon
from .place_kinds import PLACE_KINDS
from .schema import FieldSpec
from .text import Token, agent_noun, lemma, past_form
from .text_spans import DETERMINERS, span_text, verbatim_end

__all__ = [
    "PARTICLES",
    "by_agent",
    "in_code",
    "initial_dot",
    "labelled",
    "name_particle",
    "named_before",
]


def named_before(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    """Fill ``out`` with a capitalised name standing between a determiner and a field's own
    word ("on the Sunday Club list" for a field ``list``)."""
    for spec in specs:
        for i, t in enumerate(tokens):
            if i < 2 or t.lemma not in spec.name_words or not scope.text_free(t.start, t.end):
                continue
            j = i
            while j > 0 and _name_part(tokens, j - 1):
                j -= 1
            if j == i or j == 0 or tokens[j - 1].lower not in DETERMINERS:
                continue
            if not tokens[j].text[:1].isupper() and not any(
                x.text[:1].isupper() for x in tokens[j:i]
            ):
                continue  # "the 3 playlists": a count, not a name
            a, b = tokens[j].start, tokens[i - 1].end
            if t.lemma in PLACE_KINDS:
                b = t.end  # "the Ludlow market": the kind of place is in its name
            if not scope.text_free(a, b) or scope.mentions.of("quoted", within=(a, b)):
                continue
            scope.claim(a, t.end)
            out[spec.name] = (scope.text[a:b], scope.text[tokens[j - 1].start : t.end])
            break
        if spec.name not in out:
            _kind_before(spec, scope, tokens, out)


def _kind_before(
    spec: FieldSpec, scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    """One word in lower case between a determiner and an optional field's own word ("from
    the *hardware* list" for ``list_name``) names which one, unless the capability's own words
    say it ("the shopping list" of add_to_shopping_list); the field's default leaves it out."""
    if not spec.has_default:
        return
    lex = lexicon()
    default = lemma(str(spec.default or "").lower())
    for i in range(2, len(tokens)):
        t, word = tokens[i], tokens[i - 1]
        if t.lemma not in spec.name_words or tokens[i - 2].lower not in DETERMINERS:
            continue
        if (
            not word.is_word
            or not word.lower.isalpha()
            or word.lemma in scope.own
            or word.lower in lex.stopwords
            or not scope.text_free(word.start, t.end)
        ):
            continue
        scope.claim(word.start, t.end)
        if word.lemma != default:  # (the default said: no value, and no other field's words)
            out[spec.name] = (word.text, scope.text[word.start : t.end])
        return


def by_agent(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    """Fill ``out`` with the capitalised name after a participle and "by" ("Rex *owned by Tom
    Baker*") for the field the verb's agent noun names (``owner`` of own): the passive puts
    the one who does it after "by", whatever the order of the fields."""
    for i in range(1, len(tokens) - 1):
        verb, by = tokens[i - 1], tokens[i]
        stems = _participle_of(verb)
        if by.lower != "by" or not stems or not scope.text_free(by.start, by.end):
            continue
        spec = next(
            (
                s
                for s in specs
                if s.name not in out and any(agent_noun(v, w) for v in stems for w in s.name_words)
            ),
            None,
        )
        j = i + 1
        while j < len(tokens) and scope.text_free(tokens[j].start, tokens[j].end):
            if not (tokens[j].text[:1].isupper() or initial_dot(tokens, j)):
                break
            j += 1
        if spec is None or j == i + 1:
            continue
        value, _, b = span_text(scope, tokens, (i + 1, j))
        scope.claim(by.start, b)
        out[spec.name] = (value, scope.text[verb.start : b])


def _participle_of(token: Token) -> set[str]:
    """The verbs a past participle may be of ("owned": own; "written": write), none for a word
    that is no participle. The lemmatiser keeps a known word as it is ("owned"), so the
    regular endings are also stripped here."""
    word = token.lower
    irregular = lexicon().irregular.get(word)
    if irregular is not None:
        return {irregular}
    if not word.endswith("ed") and not past_form(word):
        return set()
    return {token.lemma, word[:-2], word[:-1]}


def in_code(tokens: list[Token], k: int) -> bool:
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


def labelled(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    """Fill ``out`` with labelled values: a field's name and a colon ("body: Paid in full"),
    each running to the next label or the end of the clause, verbatim."""
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
        b = tokens[labels[n + 1]].start if n + 1 < len(labels) else verbatim_end(scope)
        inside = [t for t in tokens if a <= t.start and t.end <= b]
        if not inside or not all(scope.text_free(t.start, t.end) for t in inside):
            continue
        value = scope.text[a:b].strip().rstrip(",;").strip()
        if n + 1 >= len(labels):
            value = value.rstrip(".")
        if value:
            scope.claim(label.start, b)
            out[spec.name] = (value, scope.text[label.start : b])


# Abbreviated titles written with a full stop before a name ("Dr. Okafor", "St. Ives").
_TITLES = frozenset(("dr", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "rev", "sr", "jr", "capt"))


def initial_dot(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is the full stop of an initial or of an abbreviated title inside
    a name: right after one capital letter ("K." of "Ursula K. Le Guin") or a title ("Dr." of
    "Dr. Okafor"), and followed by another capitalised word."""
    return (
        tokens[k].text == "."
        and k > 0
        and (
            (len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper())
            or (tokens[k - 1].lower in _TITLES and tokens[k - 1].text[:1].isupper())
        )
        and tokens[k - 1].end == tokens[k].start
        and k + 1 < len(tokens)
        and tokens[k + 1].text[:1].isupper()
    )


# The small words inside a family name, written in lower case ("van der Berg", "de Souza",
# "da Silva", "von Trapp", "bin Hamad"): general European and Arabic naming, no registry's.
PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la",
     "le", "ten", "ter", "bin", "ibn", "al", "el", "zu", "y")
)  # fmt: skip


def name_particle(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a particle inside a name: in lower case, after a capitalised
    word of the name, and followed (through more particles) by a capitalised word."""
    if k == 0 or k >= len(tokens) or tokens[k].text not in PARTICLES:
        return False
    before = tokens[k - 1].text
    if not (before[:1].isupper() or before in PARTICLES):
        return False
    j = k
    while j < len(tokens) and tokens[j].text in PARTICLES:
        j += 1
    return j < len(tokens) and tokens[j].is_word and tokens[j].text[:1].isupper()
