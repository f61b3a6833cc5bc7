"""How each kind of input field is filled: the kind a field is by its schema (:func:`field_kind`)
and the order kinds are filled in, most specific first."""

from __future__ import annotations

from ..schema import FieldSpec, pattern_holds
from .address_fields import is_address
from .host_fields import HOST_FORMATS, HOST_WORDS
from .path_fields import PATH_WORDS
from .postcode_fields import is_postcode

__all__ = ["ORDER", "SPECIFIC", "TEXT_FALLBACK", "field_kind"]

_PHONE_WORDS = frozenset(["phone", "mobile", "tel", "telephone", "cell", "sms", "whatsapp"])
_HANDLE_WORDS = frozenset(["username", "handle", "user", "account", "screenname", "profile"])
_DATE_WORDS = frozenset(["date", "day", "birthday", "deadline", "due"])


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
    if spec.type in ("string", "any") and spec.pattern and pattern_holds(spec.pattern) == "time":
        return "time"  # ``until`` with an HH:MM pattern: a time of day, whatever its name
    if spec.type in ("string", "any") and (
        words & _PHONE_WORDS or (spec.pattern and pattern_holds(spec.pattern) == "phone")
    ):
        return "phone"
    if words & _HANDLE_WORDS and spec.type in ("string", "any") and not spec.pattern:
        return "handle"
    if is_address(spec):
        return "address"
    if is_postcode(spec):
        return "postcode"
    if spec.pattern:
        return "pattern"
    if spec.type in ("integer", "number"):
        return "number"
    if words & PATH_WORDS and spec.type in ("string", "any"):
        return "path"
    if fmt in HOST_FORMATS or (words & HOST_WORDS and spec.type in ("string", "any")):
        return "host"
    return "text"


ORDER = {
    "pattern": 0, "email": 1, "url": 1, "phone": 1, "handle": 1, "address": 1, "postcode": 1,
    "datetime": 2, "date": 2, "time": 3, "enum": 4, "boolean": 5, "number": 6, "array": 7,
    "path": 7, "host": 7, "text": 8,
}  # fmt: skip
SPECIFIC = frozenset(
    ("pattern", "email", "url", "phone", "handle", "address", "postcode", "path", "host",
     "date", "datetime", "time", "enum")
)  # fmt: skip
"""Kinds whose value is strong evidence that the text fits the capability."""
TEXT_FALLBACK = frozenset(("handle", "address", "postcode", "path", "host"))
"""Kinds filled as free text when the clause has no value of their shape."""
