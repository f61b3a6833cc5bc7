"""What the planner needs to know about a capability's input fields, read from its JSON Schema
(``$ref``/``$defs`` followed, ``Optional`` unwrapped)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .text import identifier_words, words
from .units import field_unit

__all__ = ["FieldSpec", "distinctive", "input_fields", "output_fields", "pattern_holds"]


@dataclass(frozen=True)
class FieldSpec:
    """One input field.

    Attributes:
        name: the field name.
        type: the JSON type (``string``, ``integer``, ``number``, ``boolean``, ``array``,
            ``object``) or ``any``.
        item_type: an array's item type.
        format / pattern / enum: the schema's constraints.
        minimum / maximum: numeric bounds.
        required: the capability cannot run without it.
        has_default: an optional field (the text may leave it out).
        description: the schema's description ("" when none).
        unit: the unit its name or description names (``kg``), for conversions.
        words: lemmas of its name and description.
        name_words: lemmas of its name alone.
    """

    name: str
    type: str
    required: bool
    description: str = ""
    format: str | None = None
    pattern: str | None = None
    enum: tuple[Any, ...] = ()
    item_type: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    has_default: bool = False
    default: Any = None
    unit: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)
    name_words: tuple[str, ...] = ()


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in schema and seen < 10:
        ref = schema["$ref"].rsplit("/", 1)[-1]
        schema = {**defs.get(ref, {}), **{k: v for k, v in schema.items() if k != "$ref"}}
        seen += 1
    for key in ("anyOf", "oneOf"):
        options = [o for o in schema.get(key, ()) if o.get("type") != "null"]
        if options:
            merged = {k: v for k, v in schema.items() if k != key}
            return {**_resolve(options[0], defs), **_choices(options, defs), **merged}
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return {
            **_resolve(schema["allOf"][0], defs),
            **{k: v for k, v in schema.items() if k != "allOf"},
        }
    return schema


def _choices(options: list[dict[str, Any]], defs: dict[str, Any]) -> dict[str, Any]:
    """The values of a union of choices (``Room | Literal["everywhere"]``) as one enum: each
    option is a choice, and a value of any of them is the field's. A union with an option
    that is no choice (``Room | str``) has no enum of its own."""
    values: list[Any] = []
    for option in options:
        resolved = _resolve(option, defs)
        found = resolved.get("enum", [resolved["const"]] if "const" in resolved else None)
        if not found:
            return {}
        values.extend(v for v in found if v not in values)
    return {"enum": values} if len(options) > 1 else {}


# The prepositions inside a description ("where to pick up", "number of guests at the table")
# say nothing of the field; one that ends it ("where to send the bike to", "city to fly from")
# is the preposition the request puts before the value.
_PREPOSITIONS = frozenset(
    ("to", "from", "into", "onto", "for", "in", "at", "on", "with", "by", "of", "via", "per")
)


def _description_words(description: str) -> frozenset[str]:
    found = words(description)
    stranded = {found[-1]} if found else set()
    return frozenset(w for w in found if w not in _PREPOSITIONS or w in stranded)


def _spec(name: str, raw: dict[str, Any], required: bool, defs: dict[str, Any]) -> FieldSpec:
    schema = _resolve(raw, defs)
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "any")
    enum = tuple(schema.get("enum", ()))
    if "const" in schema:
        enum = (schema["const"],)
    if enum and kind == "any":
        kind = "string" if all(isinstance(v, str) for v in enum) else "any"
    item_type = None
    if kind == "array":
        items = _resolve(schema.get("items", {}), defs)
        item_type = items.get("type", "any")
        enum = tuple(items.get("enum", ())) or enum
    description = str(schema.get("description") or raw.get("description") or "")
    name_words = tuple(words(" ".join(identifier_words(name))))
    return FieldSpec(
        name=name,
        type=str(kind),
        required=required,
        description=description,
        format=schema.get("format"),
        pattern=schema.get("pattern"),
        enum=enum,
        item_type=item_type,
        minimum=schema.get("minimum", schema.get("exclusiveMinimum")),
        maximum=schema.get("maximum", schema.get("exclusiveMaximum")),
        has_default="default" in schema or not required,
        default=schema.get("default"),
        unit=field_unit(name, description),
        words=frozenset(name_words) | _description_words(description),
        name_words=name_words,
    )


def input_fields(schema: dict[str, Any]) -> list[FieldSpec]:
    """The input fields of an object schema, in declaration order."""
    defs = schema.get("$defs", {})
    required = set(schema.get("required", ()))
    props: dict[str, Any] = schema.get("properties", {})
    return [_spec(name, raw, name in required, defs) for name, raw in props.items()]


def output_fields(schema: dict[str, Any]) -> dict[str, str]:
    """Output field -> its JSON type."""
    defs = schema.get("$defs", {})
    out = {}
    for name, raw in schema.get("properties", {}).items():
        kind = _resolve(raw, defs).get("type", "any")
        out[name] = kind if isinstance(kind, str) else "any"
    return out


def distinctive(pattern: str) -> bool:
    """Whether a pattern says more than "some letters and digits": a literal part ("^1Z",
    "pay_") or at least four characters of one class ("[0-9]{5,8}")."""
    body = re.sub(r"\[[^\]]*\]|\\.", "", pattern)
    if re.search(r"[A-Za-z0-9_-]", re.sub(r"\{[^}]*\}", "", body)):
        return True
    return any(int(m) >= 4 for m in re.findall(r"\{(\d+)", pattern))


# Values of a well-known form, to ask a field's ``pattern`` what it holds: a pattern that
# takes every E.164 number and no word is a phone number's, whatever the field is called.
_SAMPLES = {
    "phone": (("+14155550134", "+447700900123", "+33142685300"), ("hello", "12:30", "P-1234")),
    "time": (("09:30", "23:45", "00:05"), ("hello", "+14155550134", "0930x")),
}


@lru_cache(maxsize=4096)
def pattern_holds(pattern: str) -> str | None:
    """What kind of value a ``pattern`` is made for (``phone``, ``time``), judged by the
    values it takes and refuses, or ``None``."""
    try:
        regex = re.compile(pattern)
    except re.error:
        return None
    for kind, (good, bad) in _SAMPLES.items():
        if all(regex.fullmatch(v) for v in good) and not any(regex.fullmatch(v) for v in bad):
            return kind
    return None
