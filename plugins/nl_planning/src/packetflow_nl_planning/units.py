"""Units of measure and money: quantities (``750 g``, ``2.5 kilos``, ``30 minutes``, ``72°F``)
and amounts (``$20``, ``15 euros``, ``USD 40``) found next to numbers, the unit a field wants
(named in its name or description: ``weight_kg``, "duration in minutes"), and conversions.

The tables are data (``data/lexicon/units.txt``, ``currencies.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .lexicon import lexicon
from .mentions import Kind, Mention
from .text import identifier_words

__all__ = [
    "Unit",
    "convert",
    "currency_aliases",
    "duration_phrases",
    "field_unit",
    "money_and_quantities",
    "units",
]


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its canonical name, dimension and factor to the dimension's base unit."""

    name: str
    dimension: str
    factor: float


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("packetflow_nl_planning") / "data" / "lexicon" / name).read_text(
        encoding="utf-8"
    )
    return [line.split() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def units() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """(canonical name -> unit, alias -> unit)."""
    by_name: dict[str, Unit] = {}
    by_alias: dict[str, Unit] = {}
    for name, dimension, factor, *aliases in _rows("units.txt"):
        unit = Unit(name, dimension, float(factor))
        by_name[name] = unit
        for alias in (name, *aliases):
            by_alias.setdefault(alias.replace("_", " "), unit)
    return by_name, by_alias


@cache
def currency_aliases() -> dict[str, str]:
    """alias (symbol, code, name) -> ISO code."""
    out: dict[str, str] = {}
    for code, *aliases in _rows("currencies.txt"):
        for alias in (code.lower(), *aliases):
            out[alias.replace("_", " ")] = code
    return out


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    _, by_alias = units()
    names = sorted(by_alias, key=len, reverse=True)
    unit_alt = "|".join(re.escape(a) for a in names)
    # After a number: "750 g", "750g", "72 °F", "20 degrees celsius".
    after = re.compile(rf"\s*(?:degrees?\s+)?({unit_alt})(?![\w])", re.IGNORECASE)
    cur = sorted(currency_aliases(), key=len, reverse=True)
    cur_alt = "|".join(re.escape(a) for a in cur)
    money_after = re.compile(rf"\s*({cur_alt})(?![\w])", re.IGNORECASE)
    money_before = re.compile(rf"({cur_alt})\s*$", re.IGNORECASE)
    return after, money_after, money_before


_DURATION = re.compile(
    r"\b(?:(an?|one|another|\d+)\s+)?(hour|minute|day|week|fortnight|month|year)s?(\s+and\s+a\s+half)?\b|\b(half)\s+an?\s+(hour|minute|day)\b",
    re.IGNORECASE,
)


def duration_phrases(text: str, numbers: list[Mention]) -> list[Mention]:
    """ "an hour", "an hour and a half", "half an hour", "2 hours and a half"."""
    taken = [(n.start, n.end) for n in numbers]
    out = []
    for m in _DURATION.finditer(text):
        if m.group(4):  # half an hour
            out.append(
                Mention("duration", 0.5, m.start(), m.end(), unit=_UNIT_OF[m.group(5).lower()])
            )
            continue
        count, unit, half = m.group(1), m.group(2).lower(), m.group(3)
        if count is None and not half:
            continue  # "the hour" alone says no amount
        if count is not None and count.lower() in ("a", "an") and _rate(text, m.start()):
            continue  # "300 g of food a day", "$50 a week": a rate, no length of time
        value = 1.0 if count is None or not count.isdigit() else float(count)
        if count is not None and count.isdigit() and not half:
            continue  # "2 hours": the number's own quantity already says it
        if half:
            value += 0.5
        if any(a < m.end() and m.start() < b for a, b in taken) and not half:
            continue
        extra = {"half": True} if half else {}
        out.append(Mention("duration", value, m.start(), m.end(), unit=_UNIT_OF[unit], extra=extra))
    return out


_UNIT_OF = {
    "hour": "h", "minute": "min", "day": "day", "week": "week", "fortnight": "fortnight",
    "month": "month", "year": "year",
}  # fmt: skip
_SPAN_WORDS = frozenset(
    ("for", "in", "within", "after", "over", "under", "about", "than", "take", "took", "takes",
     "lasting", "last", "nearly", "almost", "just", "only")
)  # fmt: skip


def _rate(text: str, start: int) -> bool:
    """Whether "a day" at ``start`` follows an amount ("9 kg of hay", "$50") with no word of
    a span of time between ("for a day", "in a week")."""
    before = text[max(0, start - 40) : start].split()
    if not before or before[-1].lower() in _SPAN_WORDS or before[-1][-1:] in ",;:":
        return False  # (after a comma it is the next item of a list: "12m, an hour")
    # (An id such as "DP-20417" is no amount: an amount starts with its digits or currency.)
    return any(w[:1].isdigit() or w[:1] in "$€£¥" for w in before[-4:])


_JOINER = re.compile(r"\s*(?:,|and)?\s*", re.IGNORECASE)


def join_durations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "1 hour 35 minutes", "2 days and 6 hours": durations side by side, each in a smaller
    unit than the one before, are one duration, in the last one's unit."""
    durations = sorted(
        (m for m in mentions if m.kind == "duration" and m.unit), key=lambda m: m.start
    )
    out = list(mentions)
    i = 0
    while i + 1 < len(durations):
        first, second = durations[i], durations[i + 1]
        gap = text[first.end : second.start]
        scale = convert(1.0, first.unit or "", second.unit or "")
        if _JOINER.fullmatch(gap) and scale is not None and scale > 1:
            value = round(float(first.value) * scale + float(second.value), 6)
            joined = Mention("duration", value, first.start, second.end, unit=second.unit)
            out = [m for m in out if m is not first and m is not second] + [joined]
            durations[i + 1] = joined
        i += 1
    return out


def money_and_quantities(text: str, numbers: list[Mention]) -> list[Mention]:
    """Amounts and quantities built from the ``numbers`` in ``text`` (each number may give
    both when the word is ambiguous: "20 pounds")."""
    after, money_after, money_before = _patterns()
    _, by_alias = units()
    aliases = currency_aliases()
    money_words = {alias.split()[0] for alias in aliases}
    out: list[Mention] = []
    for number in numbers:
        if number.extra.get("ordinal"):
            continue
        head = text[max(0, number.start - 4) : number.start]
        before = money_before.search(head)
        if before is not None and (before.group(1)[0] in "$€£¥₹₩₽₺₿" or head.endswith(" ")):
            code = aliases[before.group(1).lower()]
            start = number.start - (len(head) - before.start())
            out.append(Mention("money", number.value, start, number.end, currency=code))
        tail = text[number.end : number.end + 24]
        if m := money_after.match(tail):
            code = aliases[m.group(1).lower()]
            value, end = _with_cents(text, number, number.end + m.end(), numbers, after)
            out.append(
                Mention(
                    "money", value, number.start, end, currency=code, extra=_cents(value, number)
                )
            )
        if m := after.match(tail):
            unit = by_alias[m.group(1).lower()]
            kind: Kind = "duration" if unit.dimension == "time" else "quantity"
            value, end = number.value, number.end + m.end()
            if m.group(1).lower().rstrip("s") in money_words:  # "42 pounds 50": money too
                value, end = _with_cents(text, number, end, numbers, after)
            extra = _cents(value, number)
            half = _AND_A_HALF.match(text, end)
            if half is not None and kind == "quantity" and isinstance(value, int | float):
                value, end = value + 0.5, half.end()  # "2 cubic metres and a half"
            out.append(Mention(kind, value, number.start, end, unit=unit.name, extra=extra))
    return (
        out
        + _shared_units(text, numbers, out)
        + _one_unit(text, numbers, after, money_words)
        + _notes(text)
    )


# British slang for banknotes: "a tenner", "two fivers", "a score" is no note.
_NOTES = {"fiver": 5, "tenner": 10}
_NOTE_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NOTE = re.compile(
    r"\b(a|one|two|three|four|five|\d+)\s+(fiver|tenner)s?\b|\b(fiver|tenner)\b", re.IGNORECASE
)


def _notes(text: str) -> list[Mention]:
    """ "a tenner" is £10 and "two fivers" £10: amounts in pounds said by their note."""
    out: list[Mention] = []
    for m in _NOTE.finditer(text):
        said = (m.group(1) or "a").lower()
        count = int(said) if said.isdigit() else _NOTE_COUNTS[said]
        note = _NOTES[(m.group(2) or m.group(3)).lower()]
        out.append(Mention("money", count * note, m.start(), m.end(), currency="GBP"))
    return out


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(an?)\s+(?=\w)", re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def _one_unit(
    text: str, numbers: list[Mention], after: re.Pattern[str], money_words: set[str]
) -> list[Mention]:
    """ "a cubic metre", "a litre and a half": an article before a unit's full name counts one
    of it, as "an hour" does a duration (a short alias, "a m", or a currency's name is no
    such measure: money is said with a figure)."""
    _, by_alias = units()
    out: list[Mention] = []
    for m in _ARTICLE.finditer(text):
        if any(n.start <= m.start() < n.end for n in numbers):
            continue
        unit_at = after.match(text, m.end())
        if unit_at is None:
            continue
        alias = unit_at.group(1).lower()
        unit = by_alias[alias]
        # ("a pound of cheddar" weighs: money is said with a figure, never "of" a thing)
        weighed = _OF.match(text, unit_at.end()) is not None
        if len(alias) < 4 or unit.dimension == "time":
            continue
        if alias.rstrip("s") in money_words and not weighed:
            continue
        value: float = 1
        end = unit_at.end()
        half = _AND_A_HALF.match(text, end)
        if half is not None:
            value, end = 1.5, half.end()
        out.append(Mention("quantity", value, m.start(), end, unit=unit.name))
    return out


def _cents(value: Any, number: Mention) -> dict[str, Any]:
    """The mark of an amount that took the number of its hundredths (see :func:`_with_cents`)."""
    return {"cents": True} if value != number.value else {}


_CENTS_GAP = re.compile(r"\s+(?:and\s+)?")


def _with_cents(
    text: str, number: Mention, end: int, numbers: list[Mention], unit_after: re.Pattern[str]
) -> tuple[Any, int]:
    """An amount and where it ends, with the hundredths said after the currency's name:
    "forty-two pounds fifty" is 42.50, "12 dollars 99" 12.99 (a whole number of 1 to 99 right
    after it, that no unit of its own nor a noun it counts follows: "20 dollars 3 times")."""
    for cents in numbers:
        gap = _CENTS_GAP.fullmatch(text[end : cents.start])
        if cents.start < end or gap is None:
            continue
        if (
            isinstance(number.value, int)
            and isinstance(cents.value, int)
            and 0 < cents.value < 100
            and not cents.extra.get("ordinal")
            and not unit_after.match(text[cents.end : cents.end + 24])
            and not _counts_a_noun(text, cents.end)
        ):
            return round(number.value + cents.value / 100, 2), cents.end
        break
    return number.value, end


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _counts_a_noun(text: str, end: int) -> bool:
    """Whether a word other than a small one ("for", "each", "please") or the name of the
    hundredths themselves ("fifty pence") follows ``end``."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in lexicon().stopwords and word not in _HUNDREDTHS


_HUNDREDTHS = frozenset(("pence", "penny", "p", "cent", "cents", "c"))


_RANGE_GAP = re.compile(r"\s*(?:to|-|\u2013|and|or)\s*", re.IGNORECASE)


_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


def _shared_units(text: str, numbers: list[Mention], found: list[Mention]) -> list[Mention]:
    """ "2 to 8 °C", "-18 to -15 degrees", "3 or 4 kg": the unit said once, after the range,
    is the unit of its first number too."""
    out: list[Mention] = []
    measured = [m for m in found if m.kind in ("quantity", "duration") and m.unit]
    for number in numbers:
        if number.extra.get("ordinal") or any(m.start == number.start for m in found):
            continue
        gap = _RANGE_GAP.match(text, number.end)
        if gap is None:
            continue
        if gap.group().strip().lower() == "and" and not _BETWEEN.search(text, 0, number.start):
            continue  # "I'm 62 and 80kg": two values; "between 2 and 8 °C" is a range
        second = next((m for m in measured if m.start == gap.end()), None)
        if second is not None:
            out.append(
                Mention(second.kind, number.value, number.start, number.end, unit=second.unit)
            )
    return out


def convert(value: float, source: str, target: str) -> float | None:
    """``value`` in unit ``source`` expressed in ``target`` (canonical names), or ``None``
    when the dimensions differ."""
    by_name, _ = units()
    a, b = by_name.get(source), by_name.get(target)
    if a is None or b is None or a.dimension != b.dimension:
        return None
    if a.dimension == "temperature" and "degree" in (a.name, b.name):
        return value  # "18 degrees": the scale the field asks for
    if a.dimension == "temperature":
        celsius = {"celsius": value, "fahrenheit": (value - 32) * 5 / 9, "kelvin": value - 273.15}[
            a.name
        ]
        return {"celsius": celsius, "fahrenheit": celsius * 9 / 5 + 32, "kelvin": celsius + 273.15}[
            b.name
        ]
    return value * a.factor / b.factor


_PAREN = re.compile(r"\(([^)]{1,20})\)")
_IN_UNIT = re.compile(r"\b(?:in|as|of)\s+([a-z°/ ]{1,24})", re.IGNORECASE)


def field_unit(name: str, description: str | None) -> str | None:
    """The unit a field wants, from its name's last words (``weight_kg``) or its description
    ("weight in kilograms", "distance (km)"); short aliases count only in those two places."""
    _, by_alias = units()
    parts = identifier_words(name)
    # A power the name's words split off its unit: "area_m2" reads as "area", "m", "2".
    if len(parts) > 2 and parts[-1] in ("2", "3") and parts[-2] + parts[-1] in by_alias:
        return by_alias[parts[-2] + parts[-1]].name
    for part in reversed(parts[1:] if len(parts) > 1 else ()):
        if part in by_alias:
            return by_alias[part].name
    if description:
        for match in [*_PAREN.finditer(description), *_IN_UNIT.finditer(description)]:
            words = match.group(1).lower().strip().split()
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    alias = " ".join(words[i : i + size])
                    if alias in by_alias:
                        return by_alias[alias].name
        for word in re.findall(r"[a-z°]+", description.lower()):
            if len(word) > 3 and word in by_alias:
                return by_alias[word].name
    return None
