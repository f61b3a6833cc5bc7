"""Slot filling driven by the JSON Schema: each input field of the chosen capability takes a
value from the clause by what the schema says it is.

Fields are filled most specific first, and each value fills one field: ids by ``pattern``
(a leading ``#`` stripped), emails, URLs, phone numbers (E.164), dates and ranges, times, then
enums (by value, synonym or fuzzy match), booleans ("don't notify" -> false), numbers and
amounts (digits or words; units converted to the field's unit; currencies onto the
currency enum), and last free text (quoted, after a preposition that names the field, after
a colon, or what remains of the clause). A field the text does not mention stays out.
"""

from .filling import Filled, fill, memory_of
from .kinds import field_kind

__all__ = ["Filled", "field_kind", "fill", "memory_of"]
