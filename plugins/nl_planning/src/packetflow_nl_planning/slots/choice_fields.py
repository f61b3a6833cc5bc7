"""Enum fields: by value, another form of its words, synonym or fuzzy match; a currency enum
from an amount's currency."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from ..clauses import Scope, field_words
from ..everywhere import everywhere
from ..lexicon import lexicon
from ..numbers import number_word, parse_number
from ..place_kinds import after_proper_name
from ..schema import FieldSpec
from ..text import agent_noun, gerund_bases, lemma, same_family
from ..verbs import PARTICLES
from .compound_values import before_own, hyphen_compound, modifier_of, split_compound
from .currency_choices import currency_value, is_currency
from .kinds import field_kind
from .negated_values import negated_value
from .period_values import period_value
from .phrase_values import counted_for_another, phrase_synonym
from .size_letters import size_letter
from .value_forms import acronym_value, compound_head_value, scattered_value
from .verb_values import derived_words, particle_after, phrasal_value, verb_and_object

__all__ = ["FILLER", "fill_enum", "is_currency"]

FILLER = frozenset(["my", "the", "a", "an", "your", "our", "his", "her", "their", "its", "of"])


def fill_enum(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    if is_currency(spec):
        named = currency_value(spec, scope, fields)
        if named is not None:
            return named
    everyplace = everywhere(spec, scope)
    if everyplace is not None:
        return everyplace
    periodic = period_value(spec, scope)
    if periodic is not None:
        return periodic
    coded = _coded_value(spec, scope)
    if coded is not None:
        return coded
    sized = size_letter(spec, scope)
    if sized is not None:
        return sized
    many = _many_of(spec, scope, fields)
    if many is not None:
        return many
    lex = lexicon()
    # Words of a value may have small words between them: "lost my key" -> lost_key.
    tokens = [
        t
        for t in scope.words
        if scope.free(t.start, t.end)
        and t.lower not in FILLER
        and not _emphatic_all(scope, t)
        and not counted_for_another(scope, t, spec, fields)
    ]
    # The verb may say a value of several words in another form of its family: "adjust the
    # brakes" asks for brake_adjustment. Only that reading may take the action's own words.
    a0, a1 = scope.action_span
    with_verb = [
        t
        for t in scope.words
        if t.lower not in FILLER
        and (
            scope.free(t.start, t.end) or (a0 <= t.start and t.end <= a1 and not _claimed(scope, t))
        )
    ]
    best: tuple[float, int, Any, str] | None = None
    bonus = _twin_roles(spec, scope, fields)
    exact: list[tuple[int, Any]] = []  # one-word values named as such: token index, value
    for value in spec.enum:
        forms = str(value).lower().replace("_", " ").replace("-", " ").split()
        if not forms:
            continue
        n = len(forms)
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            lowers = [t.lower for t in window]
            lemmas = [t.lemma for t in window]
            score = 0.0
            if lowers == forms or lemmas == forms:
                score = 1.0 + 0.01 * n  # the longest value wins: "premium economy"
                score += 0.02 * before_own(tokens, i + n, window[-1], scope)
                if n == 1:
                    exact.append((i, value))
            elif n > 1 and all(
                f in (lo, le) or f in lex.synonyms.get(le, ())
                for f, lo, le in zip(forms, lowers, lemmas, strict=True)
            ):
                score = 0.8  # word by word, synonyms allowed: "too big" -> too_large
            elif [lemma(f) for f in forms] == lemmas or (
                n == 1 and _gerund_named(lowers[0], lemmas[0], forms[0])
            ):
                score = 0.95  # "a run" -> running, "a row", "rowed" -> rowing, "tires" -> tire
            elif n == 1:
                syn = lex.synonyms.get(lemmas[0], frozenset()) | lex.synonyms.get(
                    lowers[0], frozenset()
                )
                if forms[0] in syn:
                    score = 0.85
                elif lex.languages.get(lowers[0]) == forms[0]:
                    score = 0.9  # "French" for "fr": a language by its name
                elif len(forms[0]) >= 4 and fuzz.ratio(lowers[0], forms[0]) >= 85:
                    score = 0.75
                elif agent_noun(lemmas[0], forms[0]):
                    score = 0.7  # "edit access" -> editor, "view only" -> viewer
            if score and n > 1 and after_proper_name(scope, window[0].start):
                score -= 0.05  # "the Ashby car boot": a kind of the place named, not said
            if score:
                twin = bonus(window[0].start)
                # "transfer 50 to Newark": a value its preposition gives the twin field is
                # the twin's, however well it names a value of this one.
                score = score + twin if twin >= 0 else 0.0
            if score > 0 and (best is None or score > best[0]):
                text = scope.text[window[0].start : window[-1].end]
                best = (score, window[0].start, value, text)
        if n == 1 and (best is None or best[0] < 0.9):
            # The verb may be the value itself ("shorten them by 4cm" -> shorten), in any
            # form of it ("shortened"), when no free word names one.
            said = next(
                (
                    t
                    for t in with_verb
                    if a0 <= t.start
                    and t.end <= a1
                    and (
                        forms[0] in (t.lower, t.lemma, lemma(t.lower))
                        or _gerund_named(t.lower, t.lemma, forms[0])  # "cycled" -> cycling
                    )
                ),
                None,
            )
            if said is not None:
                best = (0.9, said.start, value, said.text)
        if n == 1 and (best is None or best[0] < 0.95):
            split = split_compound(forms[0], tokens)
            if split is not None:  # "bed bugs" -> bedbugs
                best = (0.95, split[0].start, value, scope.text[split[0].start : split[1].end])
        if n > 1 and (best is None or best[0] < 0.7):
            found = derived_words(forms, with_verb) or negated_value(forms, with_verb)
            if found is not None:  # "rotate the tires" -> tire_rotation
                a, b = found
                start = with_verb[a].start
                best = (0.7, start, value, scope.text[start : with_verb[b].end])
        if n > 1:  # one word for a value of several: "APAC" -> asia_pacific
            for t in tokens:
                syn = lex.synonyms.get(t.lower, frozenset()) | lex.synonyms.get(
                    t.lemma, frozenset()
                )
                if "_".join(forms) in syn and (best is None or best[0] < 0.85):
                    best = (0.85, t.start, value, scope.text[t.start : t.end])
    if best is None or best[0] < 0.85:
        best = phrase_synonym(spec, tokens, scope) or best  # "full fat" -> whole
    if best is None or best[0] < 0.9:
        best = acronym_value(spec, tokens) or best  # "a DNF" -> did_not_find
    if best is not None and best[0] > 1.0:
        best = modifier_of(best, exact, tokens, scope)
    if best is None or best[0] < 0.85:
        best = phrasal_value(spec, scope, with_verb) or best
    if best is None:
        best = verb_and_object(spec, scope, with_verb)
    if best is None:
        best = hyphen_compound(spec, tokens)
    if best is None:
        best = scattered_value(spec, tokens)
    # "at Whitby fair": a noun after a proper name says what the name names, no choice.
    loose = [t for t in tokens if not after_proper_name(scope, t.start)]
    if best is None:
        best = _by_modifier(spec, loose)
    if best is None:
        best = _by_head(spec, loose)
    if best is None:
        best = compound_head_value(spec, loose, scope.encoder)
    if best is None and not _words_searched(spec, fields):
        mine = [t for t in loose if not _anothers(t, spec, scope, fields)]
        best = _by_meaning(spec, scope, mine, bonus)
    if best is None:
        return None
    _, start, value, text = best
    scope.claim(start, start + len(text))
    return value, text


def _words_searched(spec: FieldSpec, fields: list[FieldSpec]) -> bool:
    """Whether the clause's words are what a required search field looks for ("find a
    Victorian writing desk" for ``query``): an optional choice is then no filter guessed from
    what a word means ("desk" is no ``furniture`` the user asked to narrow to), only one named."""
    return not spec.required and any(
        f.required and f.type == "string" and not f.enum and set(f.name_words) & _SEARCHED
        for f in fields
    )


# Names of a field whose value is the words searched for.
_SEARCHED = frozenset(("query", "search", "keyword", "keywords", "term", "terms"))


# "at all", "after all", "above all": set phrases in which "all" is no choice of everything.
_ALL_IDIOMS = frozenset(("at", "after", "above"))


def _gerund_named(lower: str, lemma_: str, form: str) -> bool:
    """Whether a word names a value in "-ing" by their shared base: the noun ("a row", "a
    cycle") or another form of the verb ("rowed", "cycled") of ``rowing``, ``cycling``."""
    if len(form) >= 4 and form in gerund_bases(lower):
        return True  # the value is the verb: "resoling", "resoled" -> resole
    return bool(({lower, lemma_} | gerund_bases(lower)) & gerund_bases(form))


def _emphatic_all(scope: Scope, token: Any) -> bool:
    """Whether ``token`` is the "all" of "did it go off *at all*", which only stresses the
    question: it names no value ``all``."""
    before = scope.before(token.start, 1)
    return token.lower == "all" and bool(before) and before[-1] in _ALL_IDIOMS


def _coded_value(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """A value of letters and digits ("A3", "5G", "8x10") or of words joined by hyphens
    ("eu-west") written as such in the clause, or in the plural ("8x10s"): the tokens split
    it, so it is looked for in the text itself."""
    start, end = scope.span
    for value in spec.enum:
        code = str(value)
        hyphenated = "-" in code.strip("-") and all(p.isalnum() for p in code.split("-"))
        if not ((any(c.isdigit() for c in code) and any(c.isalpha() for c in code)) or hyphenated):
            continue
        pattern = rf"(?<![\w-])(?:{re.escape(code)}s?{_spaced(code)})(?![\w-])"
        for m in re.finditer(pattern, scope.text[start:end], re.IGNORECASE):
            a, b = start + m.start(), start + m.end()
            if scope.free(a, b):
                scope.claim(a, b)
                return value, scope.text[a:b]
    return None


def _spaced(code: str) -> str:
    """The other ways of writing a value that is a word and a number ("tier3", "level2"):
    the word, a space or hyphen and the number in digits or words ("tier 3", "tier three").
    Only a word of three letters or more: "A 3" is no code."""
    said = re.fullmatch(r"([A-Za-z]{3,})(\d+)", code)
    if said is None:
        return ""
    word, digits = said.groups()
    spelt = number_word(int(digits))
    number = rf"(?:{digits}|{spelt})" if spelt else digits
    return rf"|{re.escape(word)}[\s-]+{number}"


def _many_of(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """``multi_day`` for "3 day passes" where another field counts the days (``days``): a
    count of more than one before the word of a ``multi_<word>`` value is that value, not the
    single one ("day") the word alone names."""
    for value in spec.enum:
        forms = str(value).lower().replace("-", "_").split("_")
        if len(forms) != 2 or forms[0] != "multi":
            continue
        noun = forms[1]
        if not any(
            f is not spec and f.type in ("integer", "number") and lemma(noun) in f.name_words
            for f in fields
        ):
            continue
        for m in scope.of("number", "duration"):
            if not isinstance(m.value, int | float) or m.value <= 1:
                continue
            at = scope.text[m.start : m.start + 40]
            said = re.match(rf"\S+?[\s-]+({re.escape(noun)}s?)\b", at, re.IGNORECASE)
            if said is not None:
                # Unclaimed: the count and its word are the counting field's too ("3 trips").
                return value, scope.text[m.start : m.start + said.end(1)]
    return None


def _by_modifier(spec: FieldSpec, tokens: list[Any]) -> tuple[float, int, Any, str] | None:
    """A value of several words named by its first word alone, in any form of its family,
    when that word starts no other value ("have it *mailed*" -> mail_order next to walk_in):
    the first word of an English compound is what tells it from the others. Two values so
    named leave the field empty."""
    lex = lexicon()
    firsts = [str(v).lower().replace("-", "_").split("_") for v in spec.enum]
    found: list[tuple[float, int, Any, str]] = []
    for value, words in zip(spec.enum, firsts, strict=True):
        head = words[0]
        if len(words) < 2 or len(head) < 4 or head in lex.stopwords:
            continue
        if sum(w[0] == head for w in firsts) > 1:
            continue
        for k, t in enumerate(tokens):
            if t.is_word and t.lower not in lex.stopwords and same_family(head, t.lower):
                said = particle_after(tokens, k) if words[1] in PARTICLES else None
                if said is not None and said[1] != words[1]:
                    continue  # "take the trousers up" is no take_in
                found.append((0.6, t.start, _winner(spec, value, tokens[k + 1 : k + 3]), t.text))
                break
    return found[0] if len(found) == 1 else None


# Verbs that say their subject lost ("black resigned", "the home side conceded").
_DEFEAT = frozenset(
    f"{stem}{end}"
    for stem, ends in (("resign", ("ed", "s")), ("lo", ("st", "ses")), ("concede", ("d", "s")),
                       ("forfeit", ("ed", "s")), ("surrender", ("ed", "s")), ("retire", ("d", "s")))
    for end in ends
) | {"withdrew", "withdraws"}  # fmt: skip
_WIN = frozenset(("win", "wins", "won", "victory"))


def _winner(spec: FieldSpec, value: Any, after: list[Any]) -> Any:
    """``value`` ("black_win"), or the other side's win when the side it names is said to
    have lost in the next word or two ("black *resigned*", "the away side conceded"), among
    two values that differ in their side."""
    if not any(t.lower in _DEFEAT for t in after):
        return value
    words = str(value).lower().split("_")
    if len(words) != 2 or words[1] not in _WIN:
        return value
    others = [
        v
        for v in spec.enum
        if v != value and (w := str(v).lower().split("_"))[1:] == words[1:] and len(w) == 2
    ]
    return others[0] if len(others) == 1 else value


def _by_head(spec: FieldSpec, tokens: list[Any]) -> tuple[float, int, Any, str] | None:
    """A value of several words named by its last word alone, the noun its other words
    qualify ("we've run out of *towels*" -> fresh_towels), when that word is in no other
    value: English names a thing by its head noun. Two values so named leave the field
    empty."""
    lex = lexicon()
    values = [str(v).lower().replace("-", "_").split("_") for v in spec.enum]
    found: list[tuple[float, int, Any, str]] = []
    for value, words in zip(spec.enum, values, strict=True):
        head = lemma(words[-1])
        if len(words) < 2 or len(head) < 4 or head in lex.stopwords:
            continue
        if sum(head in map(lemma, w) for w in values) > 1:
            continue
        for t in tokens:
            if t.is_word and t.lemma == head:
                found.append((0.6, t.start, value, t.text))
                break
    return found[0] if len(found) == 1 else None


_MEANING_MIN = 0.45  # cosine of a word and the value it names
_MEANING_MARGIN = 0.15  # ... over the next closest value
# A word that says the means ("by bike", "on foot") may be further from the value it names, if
# it is far clearer of the others.
_MEANS_MIN = 0.3
_MEANS_MARGIN = 0.3


def _means(scope: Scope, token: Any) -> bool:
    """Whether ``token`` follows "by" or "on" with nothing between: the means of doing it."""
    return scope.before(token.start, 1) in (["by"], ["on"])


_ARROW = re.compile(r"(?:->|=>|\u2192|>)\s*$")


def _twin_roles(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> Any:
    """How a value's preposition counts for ``spec`` when another field takes the same values
    ("from French to English" for a source and a target language): ``+1`` when it points at
    this field, ``-1`` when at the other one; no twin, no such preposition: 0."""
    values = set(map(str, spec.enum))
    twins = [f for f in fields if f.name != spec.name and set(map(str, f.enum)) == values]
    words = field_words(spec)

    others = frozenset(w for f in twins for w in field_words(f)) - words
    roles = lexicon().roles

    def bonus(position: int) -> float:
        if not twins:
            return 0.0
        if _ARROW.search(scope.text, max(0, position - 6), position):
            # "newark -> rotterdam": an arrow says "to" as the preposition would.
            onto = roles.get("to", frozenset())
            return 1.0 if onto & words else -1.0 if onto & others else 0.0
        for word in reversed(scope.before(position, 3)):
            if word in roles:  # the nearest preposition ("a certified Spanish": "for" says
                # nothing of either language)
                if roles[word] & words:
                    return 1.0
                return -1.0 if roles[word] & others else 0.0
        return 0.0

    return bonus


_PLACES = frozenset(("text", "address"))  # kinds of field a word after a preposition may name


def _anothers(token: Any, spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> bool:
    """Whether the preposition before ``token`` points at another field of free text ("to
    the airport" for ``destination``): a word there is that field's, so its meaning names no
    value of this one ("airport" is no ``transit``)."""
    roles = lexicon().roles
    for word in reversed(scope.before(token.start, 3)):
        if word in roles:
            others = [f for f in fields if f is not spec and field_kind(f) in _PLACES]
            return any(roles[word] & field_words(f) for f in others)
    return False


def _by_meaning(
    spec: FieldSpec, scope: Scope, tokens: list[Any], bonus: Any = None
) -> tuple[float, int, Any, str] | None:
    """The value a word of the clause means, by the static embedding, when no value is named
    by its words ("a bike ride" -> cycling, "the kids' clinic" -> pediatrics): the word must
    be close to that value and clearly closer to it than to any other. The forms of verbs
    ("signed up" is no "paid"), the capability's own words and words already taken (the
    action's verb among them) name no value. A value that is a function word ("both", "all",
    "either") has no meaning a content word shares: a closeness to it is of spelling or
    chance ("his brother" is no ``both``), so it is named only by its own words."""
    encoder = scope.encoder
    if encoder is None or len(spec.enum) < 2 or is_currency(spec):
        return None
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in spec.enum):
        return _number_word(spec, tokens)
    lex = lexicon()
    words = [
        t
        for t in tokens
        if t.is_word
        and not t.entity
        and len(t.lower) >= 3
        and t.lower.isalpha()
        and t.lower not in lex.stopwords
        and t.lemma not in scope.own
        and not (t.lower != t.lemma and t.lower.endswith(("ed", "ing")))  # a verb's form
        and parse_number(t.lower) is None  # "three copies": a count, no "a4" by closeness
    ]
    if not words:
        return None
    values = [str(v).lower().replace("_", " ").replace("-", " ") for v in spec.enum]
    sims = encoder.words([t.lower for t in words]) @ encoder.words(values).T
    best: tuple[float, int, Any, str] | None = None
    for t, row in zip(words, sims, strict=True):
        order = sorted(range(len(values)), key=lambda i: -float(row[i]))
        top, second = float(row[order[0]]), float(row[order[1]])
        rank = top + (bonus(t.start) if bonus is not None else 0.0)
        if (
            values[order[0]] not in lex.stopwords
            and (
                (top >= _MEANING_MIN and top - second >= _MEANING_MARGIN)
                or (top >= _MEANS_MIN and top - second >= _MEANS_MARGIN and _means(scope, t))
            )
            and rank > 0
            and (best is None or rank > best[0])
        ):
            best = (rank, t.start, spec.enum[order[0]], t.text)
    if best is None:
        return None
    return (0.5, best[1], best[2], best[3])


def _number_word(spec: FieldSpec, tokens: list[Any]) -> tuple[float, int, Any, str] | None:
    """A value of a list of numbers is named by its value in words ("a five-session card" for
    5, 10 or 20), never by a closeness of meaning ("eight" bottles is no bottle of 11 L)."""
    for t in tokens:
        if t.is_word and not t.entity and (value := parse_number(t.lower)) in spec.enum:
            return (0.5, t.start, value, t.text)
    return None


def _claimed(scope: Scope, token: Any) -> bool:
    """Whether a value already took the token (the action verb aside)."""
    return any(token.start < b and a < token.end for a, b in scope.claimed)
