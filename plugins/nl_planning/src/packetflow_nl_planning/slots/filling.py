"""Filling one step's fields from its clause: each field by its kind, most specific first, each
value used once; then references to earlier values and scene-setting clauses."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..clauses import Memory, Scope, field_words, side
from ..entities import normalize_phone
from ..freetext import TEXTUAL, fill_text
from ..lexicon import lexicon
from ..mentions import Mention
from ..references import pointer, reference
from ..schema import FieldSpec, distinctive
from ..text import past_form
from .address_fields import fill_address
from .choice_fields import fill_enum, is_currency
from .date_fields import fill_date, range_side
from .flag_fields import fill_boolean
from .host_fields import fill_host
from .id_fields import fill_pattern
from .kinds import ORDER, SPECIFIC, TEXT_FALLBACK, field_kind
from .list_fields import fill_array
from .number_fields import fill_number
from .path_fields import fill_path
from .postcode_fields import fill_postcode

__all__ = ["Filled", "fill", "memory_of"]


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


def fill(fields: list[FieldSpec], scope: Scope) -> Filled:
    """Fill ``fields`` from ``scope``'s clause (mentions used are marked in the scope), then
    what is still empty from references to earlier values and from the clauses before it that
    only set the scene ("His phone is +33 1 ...", "The invoice is 55512")."""
    out = _fill(fields, scope)
    pointing = pointer(scope) or _counts_unnamed(scope)
    backs = [f for f in fields if f.name in out.params and _names_back(out.params[f.name], f)]
    for spec in [f for f in backs if not f.required and _of_another(scope, out, f, fields)]:
        # "same email": the pointer is the other field's, and this optional one said nothing
        backs.remove(spec)
        del out.params[spec.name]
        out.sources.pop(spec.name, None)
    empty = [f for f in fields if f.name not in out.params]
    used: set[str] = set()
    # The fields whose own words point back ("to the same address") resolve first; then the
    # empty ones, and no words that pointed back resolve for two fields.
    for spec in backs + empty:
        if spec.required or pointing or spec in backs:
            ref = _sibling(spec, out, fields) if spec in backs else None
            ref = ref or reference(spec, field_kind(spec), scope, own=spec in backs)
            if ref is not None and ref[1] not in used:
                out.params[spec.name], out.sources[spec.name] = ref
                used.add(ref[1])
    for context in reversed(scope.contexts):
        empty = [
            f
            for f in fields
            if f.name not in out.params and (f.required or pointing or _names_value(f, context))
        ]
        if not empty:
            break
        # A range said in the scene ("I'm off on Saturday till the 6th") gives both its days:
        # the other side of a required start or end comes along, optional or not.
        if any(range_side(f, fields) for f in empty):
            empty += [
                f
                for f in fields
                if f.name not in out.params and f not in empty and range_side(f, fields)
            ]
            # in the order declared: the start first, so the end reads the range after it
            empty = [f for f in fields if f in empty]
        sub = copy.copy(scope)
        # The rest of a scene-setting clause is only a value when this one points at it.
        sub.clause, sub.action_span, sub.contexts, sub.remainder = context, (0, 0), [], pointing
        sub.action_span = _told_verb(context)
        more = _fill(empty, sub)
        scope.claimed = sub.claimed
        out.params.update(more.params)
        out.sources.update(more.sources)
        out.specific += more.specific
    out.missing = [f.name for f in fields if f.required and f.name not in out.params]
    return out


def _names_value(spec: FieldSpec, context: Any) -> bool:
    """Whether a scene-setting clause says a value of an optional choice word for word ("I
    sing alto, ... show me the practice dates"): that value is the user's, for this request."""
    if not spec.enum:
        return False
    words = {t.lower for t in context.tokens}
    return any(isinstance(v, str) and v.lower() in words for v in spec.enum)


_SUBJECTS = frozenset(("i", "we", "you", "he", "she", "they"))


def _told_verb(context: Any) -> tuple[int, int]:
    """The span of the finite verb after the subject of a scene-setting clause ("I already
    *bought* the coffee"): what the speaker did is no part of the thing a later "it" names."""
    words = [t for t in context.words if t.is_word]
    lex = lexicon()
    for k, t in enumerate(words[:-1]):
        if t.lower not in _SUBJECTS:
            continue
        for verb in words[k + 1 : k + 3]:
            if verb.lemma in lex.classes and past_form(verb.lower):
                return verb.start, verb.end
        break
    return (0, 0)


def _counts_unnamed(scope: Scope) -> bool:
    """Whether the clause counts a thing it does not name ("we're out of eggs, put *a dozen*
    on the list"): English leaves out the noun an earlier clause gave, so the count points
    back at it as "them" would."""
    lex = lexicon()
    tokens = scope.clause.tokens
    start, end = scope.span
    for m in scope.mentions.items:  # taken or not: the count's own field may have it
        if m.kind != "number" or not start <= m.start < end:
            continue
        after = next((t for t in tokens if t.start >= m.end), None)
        if after is None or after.lower in lex.roles or after.lower in ("please", ",", "."):
            return True
    return False


_BACK = frozenset(("the", "same", "that", "this", "very"))


def _names_back(value: Any, spec: FieldSpec) -> bool:
    """Whether free text a field took only points back at an earlier value of it ("the same
    address", "that address", "the same place"): then the earlier value is meant, if there
    is one."""
    if not isinstance(value, str):
        return False
    words = value.lower().split()
    if not words or words[0] not in _BACK:
        return False
    return set(words) <= _BACK | field_words(spec) or ("same" in words and len(words) <= 3)


def _of_another(scope: Scope, out: Filled, spec: FieldSpec, fields: list[FieldSpec]) -> bool:
    """Whether the words ``spec`` took as pointing back ("same") are followed by the name of
    another field ("same *email*"): they point back for that field, not for this one."""
    said = str(out.params.get(spec.name, ""))
    start, end = scope.span
    at = scope.text.find(said, start, end) if said else -1
    if at < 0:
        return False
    after = next((t for t in scope.clause.tokens if t.start >= at + len(said)), None)
    if after is None or not after.is_word:
        return False
    return any(f is not spec and after.lemma in field_words(f) for f in fields)


def _sibling(spec: FieldSpec, out: Filled, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """The value another field of the same step took from the words before, when this one
    says "the same ..." of it ("from 12 Castle Street to the same address")."""
    kind = field_kind(spec)
    at = out.sources.get(spec.name, "")
    for other in fields:
        value = out.params.get(other.name)
        if (
            other is not spec
            and isinstance(value, str)
            and not _names_back(value, other)
            and (field_kind(other) == kind or {field_kind(other), kind} <= _TEXT_KINDS)
        ):
            return value, f"the same as {other.name} ({at})"
    return None


_TEXT_KINDS = frozenset(("text", "address"))


def _fill(fields: list[FieldSpec], scope: Scope) -> Filled:
    out = Filled()
    ordered = sorted(fields, key=lambda f: (ORDER[field_kind(f)], fields.index(f)))
    money_capability = any(field_kind(f) == "enum" and is_currency(f) for f in fields)
    pending_text: list[FieldSpec] = []
    for spec in ordered:
        kind = field_kind(spec)
        if kind == "text":
            pending_text.append(spec)
            continue
        value = _fill_one(spec, kind, scope, fields, money_capability)
        if value is None and kind in TEXT_FALLBACK:
            pending_text.append(spec)
            continue
        if value is not None:
            out.params[spec.name], out.sources[spec.name] = value
            if kind in SPECIFIC:
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
        return fill_pattern(spec, scope, fields)
    if kind in ("email", "url"):
        return _pick(spec, scope, scope.of(kind), lambda m: str(m.value))
    if kind == "phone":
        return _pick(
            spec, scope, scope.of("phone"), lambda m: normalize_phone(m.value, scope.country_code)
        )
    if kind == "handle":
        return _pick(spec, scope, scope.of("handle"), lambda m: str(m.value).lstrip("@"))
    if kind in ("date", "datetime"):
        return fill_date(spec, kind, scope, fields)
    if kind == "time":
        times = scope.of("time")
        # "9-10am" for start_time / end_time: each end of the range to the field of its side.
        ranged = [m for m in times if m.extra.get("side") == side(spec.name_words)]
        return _pick(spec, scope, ranged or times, lambda m: str(m.value))
    if kind == "enum":
        return fill_enum(spec, scope, fields)
    if kind == "boolean":
        return fill_boolean(spec, scope, fields)
    if kind == "number":
        return fill_number(spec, scope, money, fields)
    if kind == "array":
        return fill_array(spec, scope)
    if kind == "path":
        return fill_path(spec, scope)
    if kind == "host":
        return fill_host(spec, scope)
    if kind == "address":
        return fill_address(spec, scope)
    if kind == "postcode":
        return fill_postcode(spec, scope)
    return None


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
    return result, scope.take(best)


def memory_of(params: dict[str, Any], fields: list[FieldSpec], step: int) -> list[Memory]:
    """What a filled step leaves for later references."""
    out = []
    by_name = {f.name: f for f in fields}
    for name, value in params.items():
        spec = by_name.get(name)
        if spec is not None:
            out.append(Memory(field_kind(spec), field_words(spec), value, step, name))
    return out
