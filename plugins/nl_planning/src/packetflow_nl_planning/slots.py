"""Slot filling driven by the JSON Schema: each input field of the chosen capability takes a
value from the clause by what the schema says it is.

Fields are filled most specific first, and each value fills one field: ids by ``pattern``
(a leading ``#`` stripped), emails, URLs, phone numbers (E.164), dates and ranges, times, then
enums (by value, synonym or fuzzy match), booleans ("don't notify" -> false), numbers and
amounts (digits or words; units converted to the field's unit; currencies onto the
currency enum), and last free text (quoted, after a preposition that names the field, after
a colon, or what remains of the clause). A field the text does not mention stays out.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from .clauses import Memory, Scope, field_words, side
from .entities import normalize_phone
from .freetext import TEXTUAL, fill_text, pointer, reference
from .lexicon import lexicon
from .mentions import Mention
from .schema import FieldSpec, distinctive, pattern_holds
from .text import lemma
from .text import words as lemmas_of
from .units import convert, currency_aliases, units

__all__ = ["Filled", "field_kind", "fill"]

_MONEY_WORDS = frozenset(
    [
        "amount",
        "price",
        "cost",
        "total",
        "budget",
        "fee",
        "sum",
        "salary",
        "payment",
        "balance",
        "fare",
        "charge",
        "tip",
        "value",
        "money",
        "spend",
        "limit",
        "refund",
        "deposit",
        "withdrawal",
    ]
)
_PHONE_WORDS = frozenset(["phone", "mobile", "tel", "telephone", "cell", "sms", "whatsapp"])
_HANDLE_WORDS = frozenset(["username", "handle", "user", "account", "screenname", "profile"])
_DATE_WORDS = frozenset(["date", "day", "birthday", "deadline", "due"])
_FILLER = frozenset(["my", "the", "a", "an", "your", "our", "his", "her", "their", "its", "of"])
_GENERIC_FLAG = frozenset(
    ["is", "has", "should", "enable", "include", "with", "allow", "use", "do", "want", "flag"]
)
_NOT_IDS = frozenset(
    ("quantity", "duration", "money", "date", "daterange", "time", "email", "url", "phone")
)
_ID_CHUNK = re.compile(r"#?[A-Za-z0-9][A-Za-z0-9_\-./:]*[A-Za-z0-9]|#?[A-Za-z0-9]")


@dataclass
class Filled:
    """The parameters filled for one step, and how."""

    params: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    """field -> the words that gave its value."""
    missing: list[str] = field(default_factory=list)
    """required fields the clause does not give."""
    specific: int = 0
    """values matched by format, pattern, enum or unit (strong evidence of fit)."""
    patterned: int = 0
    """values matched by a field's ``pattern`` or an email/URL/phone format."""
    distinct: int = 0
    """ids matched by a distinctive ``pattern`` (a literal part or a long run of one class of
    characters, see :func:`~.schema.distinctive`): values only such a field takes."""
    textual: bool = False
    """a free-text field (message, query, note...) took the rest of the clause."""


def field_kind(spec: FieldSpec) -> str:
    """How a field is filled (``email``, ``date``, ``enum``, ``number``, ``text``...)."""
    words = set(spec.name_words)
    fmt = (spec.format or "").lower()
    if spec.type == "array":
        return "array"
    if spec.enum:
        return "enum"
    if spec.type == "boolean":
        return "boolean"
    if fmt == "email" or ("email" in words and spec.type in ("string", "any")):
        return "email"
    if fmt in ("uri", "url", "iri") or words & {"url", "link", "website", "uri"}:
        return "url"
    if fmt == "date-time" or words & {"datetime", "timestamp"}:
        return "datetime"
    if fmt == "date" or (words & _DATE_WORDS and spec.type in ("string", "any")):
        return "date"
    if fmt == "time" or (words & {"time", "hour"} and spec.type in ("string", "any")):
        return "time"
    if spec.type in ("string", "any") and (
        words & _PHONE_WORDS or (spec.pattern and pattern_holds(spec.pattern) == "phone")
    ):
        return "phone"
    if words & _HANDLE_WORDS and spec.type in ("string", "any") and not spec.pattern:
        return "handle"
    if spec.pattern:
        return "pattern"
    if spec.type in ("integer", "number"):
        return "number"
    return "text"


_ORDER = {
    "pattern": 0, "email": 1, "url": 1, "phone": 1, "handle": 1, "datetime": 2, "date": 2,
    "time": 3, "enum": 4, "boolean": 5, "number": 6, "array": 7, "text": 8,
}  # fmt: skip


def fill(fields: list[FieldSpec], scope: Scope) -> Filled:
    """Fill ``fields`` from ``scope``'s clause (mentions used are marked in the scope), then
    what is still empty from references to earlier values and from the clauses before it that
    only set the scene ("His phone is +33 1 ...", "The invoice is 55512")."""
    out = _fill(fields, scope)
    pointing = pointer(scope)
    for spec in fields:
        if spec.name not in out.params and (spec.required or pointing):
            ref = reference(spec, field_kind(spec), scope)
            if ref is not None:
                out.params[spec.name], out.sources[spec.name] = ref
    for context in reversed(scope.contexts):
        empty = [f for f in fields if f.name not in out.params and (f.required or pointing)]
        if not empty:
            break
        sub = copy.copy(scope)
        # The rest of a scene-setting clause is only a value when this one points at it.
        sub.clause, sub.action_span, sub.contexts, sub.remainder = context, (0, 0), [], pointing
        more = _fill(empty, sub)
        scope.claimed = sub.claimed
        out.params.update(more.params)
        out.sources.update(more.sources)
        out.specific += more.specific
    out.missing = [f.name for f in fields if f.required and f.name not in out.params]
    return out


def _fill(fields: list[FieldSpec], scope: Scope) -> Filled:
    out = Filled()
    ordered = sorted(fields, key=lambda f: (_ORDER[field_kind(f)], fields.index(f)))
    money_capability = any(field_kind(f) == "enum" and _is_currency(f) for f in fields)
    pending_text: list[FieldSpec] = []
    for spec in ordered:
        kind = field_kind(spec)
        if kind == "text":
            pending_text.append(spec)
            continue
        value = _fill_one(spec, kind, scope, fields, money_capability)
        if value is None and kind == "handle":
            pending_text.append(spec)
            continue
        if value is not None:
            out.params[spec.name], out.sources[spec.name] = value
            if kind in (
                "pattern",
                "email",
                "url",
                "phone",
                "handle",
                "date",
                "datetime",
                "time",
                "enum",
            ):
                out.specific += 1
            if kind in ("email", "url", "phone", "handle") or (
                kind == "pattern" and scope.last_kind == "pattern"
            ):
                out.patterned += 1
            if kind == "pattern" and spec.pattern and distinctive(spec.pattern):
                out.distinct += 1
            elif kind == "number" and scope.last_kind in ("money", "quantity", "duration"):
                out.specific += 1
    if pending_text:
        weak_before = len(scope.weak)
        texts = fill_text(pending_text, scope)
        for name, (value, source) in texts.items():
            out.params[name] = value
            out.sources[name] = source
        if len(scope.weak) > weak_before:
            textual = {f.name for f in pending_text if set(f.name_words) & TEXTUAL}
            out.textual = bool(textual & set(texts))
    return out


def _fill_one(
    spec: FieldSpec, kind: str, scope: Scope, fields: list[FieldSpec], money: bool
) -> tuple[Any, str] | None:
    if kind == "pattern":
        return _pattern(spec, scope)
    if kind in ("email", "url"):
        return _pick(spec, scope, scope.of(kind), lambda m: str(m.value))
    if kind == "phone":
        return _pick(
            spec, scope, scope.of("phone"), lambda m: normalize_phone(m.value, scope.country_code)
        )
    if kind == "handle":
        return _pick(spec, scope, scope.of("handle"), lambda m: str(m.value).lstrip("@"))
    if kind in ("date", "datetime"):
        return _date(spec, kind, scope, fields)
    if kind == "time":
        return _pick(spec, scope, scope.of("time"), lambda m: str(m.value))
    if kind == "enum":
        return _enum(spec, scope)
    if kind == "boolean":
        return _boolean(spec, scope)
    if kind == "number":
        return _number(spec, scope, money)
    if kind == "array":
        return _array(spec, scope)
    return None


def _take(scope: Scope, mention: Mention) -> str:
    scope.mentions.take(mention)
    return scope.text[mention.start : mention.end]


def _pick(
    spec: FieldSpec, scope: Scope, candidates: list[Mention], value: Any
) -> tuple[Any, str] | None:
    """The candidate the field's role cue points at (else the first), converted."""
    if not candidates:
        return None
    words = field_words(spec)
    best = max(candidates, key=lambda m: (scope.role(m.start, words), -m.start))
    if scope.role(best.start, words) < 0 and len(candidates) > 1:
        return None
    result = value(best)
    if result is None:
        return None
    return result, _take(scope, best)


# -- ids by pattern -------------------------------------------------------------------------


def _pattern(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    assert spec.pattern is not None
    try:
        regex = re.compile(spec.pattern)
    except re.error:
        return None
    start, end = scope.span
    words = field_words(spec)
    lex = lexicon()
    loose = not distinctive(spec.pattern)
    # Values of another kind ("3 hours", "$20", "tomorrow") are never an id of a pattern that
    # takes almost any word.
    others = [(m.start, m.end) for m in scope.mentions.items if m.kind in _NOT_IDS]
    best: tuple[float, int, int, int, str] | None = None
    for m in _ID_CHUNK.finditer(scope.text, start, end):
        a, b = m.span()
        chunk = m.group()
        bare = chunk.lstrip("#@")
        low = bare.lower()
        plain_word = bare.isalpha() and (
            low in lex.stopwords or low in lex.classes or low in scope.own or low in lex.synonyms
        )
        if plain_word and chunk[:1] not in "#@":
            continue  # "please mute kim_99": a word of the sentence is no id
        if loose and any(x < b and a < y for x, y in others):
            continue
        forms = [bare, bare.upper()] if bare == chunk else [chunk, bare, bare.upper()]
        joined = re.sub(r"[-\s]", "", bare)
        if joined != bare and joined[:1].isalnum():
            forms.append(joined)  # "978-0-13-468599-1" for a pattern of digits only
        for candidate in forms:
            if regex.fullmatch(candidate) and scope.free(a, b):
                near = 1.0 if set(scope.before(a, 2)) & words else 0.0
                shape = (
                    1.0 if chunk[:1] in "#@" or any(c.isdigit() or c in "_-" for c in bare) else 0.0
                )
                score = near + shape + scope.role(a, words)
                if best is None or (score, -a) > (best[0], -best[2]):
                    best = (score, 0, a, b, candidate)
                break
    if best is None:
        return None
    score, _, a, b, value = best
    chunk = scope.text[a:b]
    bare = chunk.lstrip("#@")
    shaped = (
        chunk[:1] in "#@"
        or "_" in bare
        or (any(c.isdigit() for c in bare) and any(c.isalpha() for c in bare))
    )
    scope.last_kind = "pattern" if shaped or distinctive(spec.pattern) else "loose"
    scope.claim(a, b)
    text: str = scope.text[a:b]
    return (int(value) if spec.type == "integer" and value.isdigit() else value), text


# -- dates ----------------------------------------------------------------------------------


_FIRST_WORDS = frozenset(("first", "start", "begin", "beginning", "opening"))
_LAST_WORDS = frozenset(("last", "end", "final", "closing"))


def _side(spec: FieldSpec) -> str | None:
    """The side of a range a date field is: by its name (``start_date``), else by its
    description ("first day of the rental" for ``pickup_date``)."""
    named = side(spec.name_words)
    if named is not None or not spec.description:
        return named
    described = set(lemmas_of(spec.description))
    if described & _FIRST_WORDS and not described & _LAST_WORDS:
        return "start"
    if described & _LAST_WORDS and not described & _FIRST_WORDS:
        return "end"
    return None


def _date(
    spec: FieldSpec, kind: str, scope: Scope, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    side = _side(spec)
    ranges = scope.of("daterange")
    days = scope.of("date")
    mode = scope.mode
    value: date | None = None
    source = ""
    if ranges and (side is not None or not days):
        mention = ranges[0]
        start, end = mention.extra[mode]
        value = end if side == "end" else start
        source = scope.text[mention.start : mention.end]
        partners = [f for f in fields if f is not spec and field_kind(f) in ("date", "datetime")]
        if side is None or not partners or side == "end":
            scope.mentions.take(mention)
    elif days:
        mention = days[1] if side == "end" and len(days) > 1 else days[0]
        value = mention.extra[mode]
        source = _take(scope, mention)
    elif side == "end" and scope.range_start is not None:
        # One day given for a start/end pair: "tomorrow" is the range tomorrow..tomorrow, and a
        # stay ends its nights later ("two nights from Monday", "tonight").
        value, source = scope.range_start, "(the same day)"
        nights = [m for m in scope.of("duration") if m.unit in ("day", "night")]
        if nights:
            value = value + timedelta(days=int(nights[0].value))
            source = _take(scope, nights[0])
        elif "out" in spec.name_words or "checkout" in "".join(spec.name_words):
            value = value + timedelta(days=1)
    if value is None:
        return None
    if side == "start":
        scope.range_start = value
    if kind == "datetime":
        times = scope.of("time")
        clock = "09:00"
        if times:
            clock = str(times[0].value)
            source += " " + _take(scope, times[0])
        return f"{value.isoformat()}T{clock}:00", source
    return value.isoformat(), source


# -- enums ----------------------------------------------------------------------------------


def _is_currency(spec: FieldSpec) -> bool:
    codes = set(currency_aliases().values())
    return bool(spec.enum) and all(str(v).upper() in codes for v in spec.enum)


def _enum(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    if _is_currency(spec):
        for m in scope.mentions.of("money", within=scope.span) or [
            m
            for m in scope.mentions.items
            if m.kind == "money" and scope.span[0] <= m.start < scope.span[1]
        ]:
            for value in spec.enum:
                if m.currency and str(value).upper() == m.currency:
                    return value, scope.text[m.start : m.end]
    lex = lexicon()
    # Words of a value may have small words between them: "lost my key" -> lost_key.
    tokens = [t for t in scope.words if scope.free(t.start, t.end) and t.lower not in _FILLER]
    best: tuple[float, int, Any, str] | None = None
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
            elif n > 1 and all(
                f in (lo, le) or f in lex.synonyms.get(le, ())
                for f, lo, le in zip(forms, lowers, lemmas, strict=True)
            ):
                score = 0.8  # word by word, synonyms allowed: "too big" -> too_large
            elif [lemma(f) for f in forms] == lemmas:
                score = 0.95  # "a run" -> running, "tires" -> tire
            elif n == 1:
                syn = lex.synonyms.get(lemmas[0], frozenset()) | lex.synonyms.get(
                    lowers[0], frozenset()
                )
                if forms[0] in syn:
                    score = 0.85
                elif len(forms[0]) >= 4 and fuzz.ratio(lowers[0], forms[0]) >= 85:
                    score = 0.75
            if score and (best is None or score > best[0]):
                text = scope.text[window[0].start : window[-1].end]
                best = (score, i, value, text)
        if n > 1 and (best is None or best[0] < 0.7):
            found = _derived_words(forms, tokens)
            if found is not None:  # "rotate the tires" -> tire_rotation
                a, b = found
                best = (0.7, a, value, scope.text[tokens[a].start : tokens[b].end])
        if n > 1:  # one word for a value of several: "APAC" -> asia_pacific
            for i, t in enumerate(tokens):
                syn = lex.synonyms.get(t.lower, frozenset()) | lex.synonyms.get(
                    t.lemma, frozenset()
                )
                if "_".join(forms) in syn and (best is None or best[0] < 0.85):
                    best = (0.85, i, value, scope.text[t.start : t.end])
    if best is None:
        return None
    _, i, value, text = best
    scope.claim(tokens[i].start, tokens[i].start + len(text))
    return value, text


def _same_stem(a: str, b: str) -> bool:
    """Words of one family: the same lemma, or one derived from the other ("rotate" /
    "rotation", "inspect" / "inspection"): a shared start of five letters or more that is
    most of the shorter word."""
    if a == b or lemma(a) == lemma(b):
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.6 * min(len(a), len(b))


def _derived_words(forms: list[str], tokens: list[Any]) -> tuple[int, int] | None:
    """Where every word of a value of several words appears, in any order and in any form
    of its family, within a few words: the first and last token index, or ``None``."""
    n = len(forms)
    for i in range(len(tokens)):
        window = tokens[i : i + n + 2]
        hits: list[int] = []
        for form in forms:
            at = next(
                (j for j, t in enumerate(window) if j not in hits and _same_stem(form, t.lower)),
                None,
            )
            if at is None:
                break
            hits.append(at)
        else:
            if 0 in hits:
                return i, i + max(hits)
    return None


# -- booleans -------------------------------------------------------------------------------


_STATE_FIELDS = frozenset(
    ["on", "enabled", "enable", "active", "power", "powered", "state", "locked", "open"]
)
_TRUE_ACTIONS = frozenset(("enable", "start", "open", "lock", "resume"))
_FALSE_ACTIONS = frozenset(("disable", "stop", "close", "unlock", "pause"))


def _boolean(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    lex = lexicon()
    if set(spec.name_words) & _STATE_FIELDS and scope.action_classes:
        # "switch the fan off" -> on=false: the action says the state.
        if scope.action_classes & _FALSE_ACTIONS and not scope.action_classes & _TRUE_ACTIONS:
            return False, scope.text[scope.action_span[0] : scope.action_span[1]]
        if scope.action_classes & _TRUE_ACTIONS and not scope.action_classes & _FALSE_ACTIONS:
            return True, scope.text[scope.action_span[0] : scope.action_span[1]]
    cues = {w for w in spec.name_words if w not in _GENERIC_FLAG and w not in lex.stopwords}
    if not cues:
        return None
    for token in scope.words:
        forms = {token.lemma, token.lower} | set(lex.synonyms.get(token.lemma, ()))
        verb = lex.nominal.get(token.lemma)
        if verb:
            forms.add(verb)
        related = any(
            len(c) >= 5 and len(token.lemma) >= 5 and c[:5] == token.lemma[:5] for c in cues
        )
        if (forms & cues or related) and not (
            token.start < scope.action_span[1] and scope.action_span[0] < token.end
        ):
            negated = scope.negated_before(token.start)
            scope.claim(token.start, token.end)
            return (not negated), scope.text[token.start : token.end]
    return None


# -- numbers --------------------------------------------------------------------------------


def _counts_other(scope: Scope, end: int, words: frozenset[str]) -> bool:
    """Whether the number ending at ``end`` counts a plural noun ("3 riders") that is a word of
    the capability but not of this field."""
    noun = next((t for t in scope.clause.tokens if t.start >= end), None)
    if noun is None or not noun.is_word or noun.lower == noun.lemma:
        return False
    return noun.lemma in scope.own and noun.lemma not in words


def _number(spec: FieldSpec, scope: Scope, money_capability: bool) -> tuple[Any, str] | None:
    words = field_words(spec)
    wants_money = bool(set(spec.name_words) & _MONEY_WORDS) or (
        money_capability and "amount" in spec.words
    )
    candidates: list[tuple[float, Mention, float]] = []
    _by_name, _ = units()
    found = scope.of("quantity", "duration", "money", "number")
    # "5 miles", "10 km": the number is a measure, not a count of bedrooms or of minutes
    measured = [(m.start, m.end) for m in found if m.kind in ("quantity", "duration") and m.unit]
    for m in found:
        value = m.value
        score = 0.0
        converted_value = False
        if m.kind in ("quantity", "duration"):
            if spec.unit is None:
                score -= 0.5 if m.kind == "quantity" else 0.3
            else:
                converted = convert(float(value), m.unit or "", spec.unit)
                if converted is None:
                    continue
                value = round(converted, 6)
                converted_value = True
                score += 2.0
        elif m.kind == "money":
            score += 2.0 if wants_money else -1.0
        elif m.extra.get("ordinal"):
            score -= 2.0
        elif any(a <= m.start and m.end <= b for a, b in measured):
            if spec.unit is not None:
                continue  # its measure did not convert to the field's unit
            score -= 1.0
        elif _counts_other(scope, m.end, words):
            continue  # "3 riders" counts what another field of the capability names
        after = set(scope.after(m.end, 2))
        before = set(scope.before(m.start, 3))
        if after & words or before & words:
            score += 1.5
        if scope.role(m.start, words) > 0:
            score += 1.0
        if spec.type == "integer":
            if converted_value:
                value = round(value)  # 8,000 miles in whole km
            elif isinstance(value, float) and not value.is_integer():
                continue
            value = int(value)
        if spec.minimum is not None and value < spec.minimum:
            continue
        if spec.maximum is not None and value > spec.maximum:
            continue
        candidates.append((score, m, value))
    if not candidates and "year" in spec.name_words:
        for m in scope.of("daterange"):
            start, end = m.extra[scope.mode]
            if start.year == end.year:  # "this year", "for 2027": the year of the range
                return start.year, _take(scope, m)
    if not candidates:
        return None
    score, mention, value = max(candidates, key=lambda c: (c[0], -c[1].start))
    if score < -0.5:
        return None
    scope.last_kind = mention.kind
    return value, _take(scope, mention)


# -- arrays ---------------------------------------------------------------------------------


def _array(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    item = spec.item_type or "string"
    words = set(spec.name_words)
    if spec.enum:
        found = []
        for value in spec.enum:
            for t in scope.words:
                if t.lower == str(value).lower() or t.lemma == str(value).lower():
                    found.append(value)
                    break
        return (found, ", ".join(map(str, found))) if found else None
    if "email" in words or (
        item == "string" and words & {"recipient", "attendee", "cc", "invitee"}
    ):
        emails = scope.of("email")
        if emails:
            return [_take(scope, m) for m in emails], ", ".join(str(m.value) for m in emails)
    if item in ("integer", "number"):
        numbers = scope.of("number")
        if numbers:
            return [m.value for m in numbers], ", ".join(_take(scope, m) for m in numbers)
    return _list_items(spec, scope)


def _list_items(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """ "milk, eggs and bread" after a preposition naming the field ("with Ana and Bob"), a
    colon, or (for a required list) right after the action."""
    words = field_words(spec)
    roles = lexicon().roles
    start = None
    for t in scope.words:
        if t.lower in roles and roles[t.lower] & words and scope.free(t.start, t.end):
            start = t.end
            break
    colon = next((t for t in scope.clause.tokens if t.lower == ":"), None)
    if start is None and colon is not None:
        start = colon.end
    if start is None and spec.required:
        start = scope.action_span[1] or None
    if start is None:
        return None
    text = scope.text[start : scope.span[1]]
    quoted = scope.of("quoted")
    if quoted:
        return [str(m.value) for m in quoted], ", ".join(_take(scope, m) for m in quoted)
    for m in scope.mentions.items:
        if start <= m.start < scope.span[1] and m.kind not in ("number",):
            text = scope.text[start : m.start]
            break
    text = re.split(r"\b(?:to|from|for|in|on|at|into|onto|by)\b", text)[0]
    parts = [p.strip(" .") for p in re.split(r",|\band\b|&", text) if p.strip(" .")]
    lex = lexicon()
    items = []
    for part in parts:
        tokens = [w for w in part.split() if w.lower() not in ("the", "a", "an", "some", "my")]
        if tokens and not all(w.lower() in lex.stopwords for w in tokens):
            items.append(" ".join(tokens))
    if len(items) < 1:
        return None
    return items, ", ".join(items)


def memory_of(params: dict[str, Any], fields: list[FieldSpec], step: int) -> list[Memory]:
    """What a filled step leaves for later references."""
    out = []
    by_name = {f.name: f for f in fields}
    for name, value in params.items():
        spec = by_name.get(name)
        if spec is not None:
            out.append(Memory(field_kind(spec), field_words(spec), value, step, name))
    return out
