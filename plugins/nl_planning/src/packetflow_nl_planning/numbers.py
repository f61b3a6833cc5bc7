"""Numbers in a request, in digits (``1,250.5``, ``3rd``) or words (``two hundred``,
``three point five``, ``a dozen``); word sequences go through ``text2num``."""

from __future__ import annotations

import re

from text_to_num import text2num

from .mentions import Mention

__all__ = ["number_mentions", "number_word", "parse_number"]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ("hundred", "thousand", "million", "billion")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SPECIAL = {"dozen": 12, "half": 0.5, "couple": 2, "pair": 2}
_WORD = "|".join([*_UNITS, *_TENS, *_SCALES])
# A run of number words: "two hundred and fifty", "twenty-five", "three point five".
# "a hundred and fifty" is one number (the article before a scale word is its "one"), and
# "eight and a half" is 8.5.
_WORDS = re.compile(
    rf"\b(?:(?:a\s+(?=hundred|thousand|million))?(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*"
    rf"(?:\s+point(?:\s+(?:{'|'.join(_UNITS)}))+|\s+and\s+a\s+half)?"
    rf"|(?:a\s+)?(?:dozen|couple|pair)(?:\s+of)?|half(?:\s+an?)?|a\s+(?:hundred|thousand|million))\b",
    re.IGNORECASE,
)
# Digits after a letter and a hyphen are part of an id ("L-88120", "TRK-221"), no number.
_DIGITS = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)[-+]?\d+(?:\.\d+)?[kK](?![\w])"  # "90k", "1.5k": thousands
    r"|(?<![\w.])(?<![A-Za-z]-)[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:st|nd|rd|th)?(?![\w])"
    r"|(?<![\w.])(?<![A-Za-z]-)[-+]?\d+(?:\.\d+)?(?:st|nd|rd|th)?(?=[a-zA-Z%°]|\b|$)"
)
_ORDINAL_WORDS = re.compile(rf"\b(?:{'|'.join(_ORDINALS)})\b", re.IGNORECASE)


def parse_number(text: str) -> int | float | None:
    """The value of a number written in digits or words, or ``None``."""
    raw = text.strip().lower().replace(",", "")
    if not raw:
        return None
    if raw.endswith(("st", "nd", "rd", "th")) and raw[:-2].isdigit():
        return int(raw[:-2])
    if raw.endswith("k") and raw[:-1].replace(".", "", 1).isdigit():
        thousands = round(float(raw[:-1]) * 1000, 6)
        return int(thousands) if thousands.is_integer() else thousands
    try:
        value = float(raw)
    except ValueError:
        return _words_value(raw)
    return int(value) if value.is_integer() and "." not in raw else value


def number_word(value: int) -> str | None:
    """A small whole number in words ("3" -> "three", "20" -> "twenty"), or ``None``."""
    if 0 <= value < len(_UNITS):
        return _UNITS[value]
    if 20 <= value < 100 and value % 10 == 0:
        return _TENS[value // 10 - 2]
    return None


# "book *one* for Friday", "I'd like one at 5pm": "one" straight after a verb and before a
# preposition stands for a thing named before, no count ("a table for one at 7" counts).
_ONE_BEFORE = re.compile(r"\s+(?:for|at|on|in|from|with|too|as\s+well)\b", re.IGNORECASE)
_ONE_AFTER = re.compile(
    r"\b(?:book|get|order|reserve|want|need|like|add|make|grab)\s+$", re.IGNORECASE
)


def _pronoun_one(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() != "one":
        return False
    return bool(_ONE_BEFORE.match(text, end)) and bool(_ONE_AFTER.search(text[:start]))


def _words_value(raw: str) -> int | float | None:
    if raw.endswith(" and a half"):
        whole = _words_value(raw.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    words = raw.replace("-", " ").split()
    words = [w for w in words if w not in ("a", "an", "of")]
    if not words:
        return None
    if len(words) == 1 and words[0] in _SPECIAL:
        return _SPECIAL[words[0]]
    if words[0] in ("hundred", "thousand", "million"):
        words = ["one", *words]
    if "point" in words:
        at = words.index("point")
        whole = _words_value(" ".join(words[:at])) if at else 0
        digits = "".join(str(_UNITS.index(w)) for w in words[at + 1 :] if w in _UNITS[:10])
        if whole is None or not digits:
            return None
        return float(f"{whole}.{digits}")
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


_LETTERS = re.compile(r"[A-Za-z]+")
# An SI symbol with its prefix ("kW", "MWh", "GHz", "mAh"), as written (case matters): a unit,
# no code. A bare capital ("3A", "7B") stays a code: it names a seat or a plot more often.
_SI_SYMBOL = re.compile(r"[kMGTm](?:W|Wh|V|A|Ah|Hz|J|N|Pa|B|b|bps)|Wh|Hz|Ah|Pa|bps")


def _in_code(text: str, end: int) -> bool:
    """Whether the digits ending at ``end`` run on into letters that are no unit, currency,
    meridiem or suffix ("3A", "9XBB41", but not "3kg", "5pm", "2nd", "90k", "2x")."""
    from .units import currency_aliases, units

    letters = _LETTERS.match(text, end)
    if letters is None:
        return False
    if _SI_SYMBOL.fullmatch(letters.group()):
        return False
    word = letters.group().lower()
    if word in ("st", "nd", "rd", "th", "k", "am", "pm", "x", "h", "m", "s", "d", "w"):
        return False
    _, by_alias = units()
    return word not in by_alias and word not in currency_aliases()


def number_mentions(text: str) -> list[Mention]:
    """Every number in ``text``, left to right; ordinals carry ``extra["ordinal"]``."""
    found: list[Mention] = []
    for match in _DIGITS.finditer(text):
        raw = match.group()
        if _in_code(text, match.end()):
            continue  # "3A", "9XBB41": the digits of a code, no count
        value = parse_number(raw)
        if value is not None:
            ordinal = raw.lower().endswith(("st", "nd", "rd", "th"))
            found.append(
                Mention("number", value, match.start(), match.end(), extra={"ordinal": ordinal})
            )
    for match in _WORDS.finditer(text):
        if _pronoun_one(text, match.start(), match.end()):
            continue
        value = _words_value(match.group().lower())
        if value is not None:
            found.append(
                Mention("number", value, match.start(), match.end(), extra={"words": True})
            )
    for match in _ORDINAL_WORDS.finditer(text):
        found.append(
            Mention(
                "number",
                _ORDINALS[match.group().lower()],
                match.start(),
                match.end(),
                extra={"ordinal": True, "words": True},
            )
        )
    for match in _A_GRAND.finditer(text):  # "a grand": the count is the article
        found.append(Mention("number", 1000, match.start(), match.end(), extra={"words": True}))
    found.sort(key=lambda m: m.start)
    return _signed(text, _grands(text, _dozens(text, _and_a_half(text, found))))


_MINUS = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)


def _signed(text: str, found: list[Mention]) -> list[Mention]:
    """ "minus 20", "negative five": the number below zero the word before it says."""
    out: list[Mention] = []
    for m in found:
        sign = _MINUS.search(text, max(0, m.start - 10), m.start)
        if sign is None or m.extra.get("ordinal") or not isinstance(m.value, int | float):
            out.append(m)
            continue
        out.append(Mention("number", -m.value, sign.start(), m.end, extra=m.extra))
    return out


# Slang for a thousand of money ("a grand", "two grand", "5 grand").
_A_GRAND = re.compile(r"\b(?:a|one)\s+grand\b", re.IGNORECASE)
_GRAND = re.compile(r"\s+grand\b", re.IGNORECASE)


def _grands(text: str, found: list[Mention]) -> list[Mention]:
    """ "two grand", "5 grand" are 2000 and 5000: a count before "grand" takes it as thousands."""
    out: list[Mention] = []
    for m in found:
        tail = _GRAND.match(text, m.end)
        if out and out[-1].start <= m.start and m.end <= out[-1].end:
            continue  # inside "a grand" already read
        if tail and not m.extra.get("ordinal") and isinstance(m.value, int | float):
            whole = m.value * 1000
            whole = int(whole) if float(whole).is_integer() else whole  # "1.5 grand" is 1500
            out.append(Mention("number", whole, m.start, tail.end(), extra=m.extra))
            continue
        out.append(m)
    return out


_DOZEN = re.compile(r"\s+dozen\b", re.IGNORECASE)


def _dozens(text: str, found: list[Mention]) -> list[Mention]:
    """ "two dozen", "3 dozen" are 24 and 36: a count before "dozen" takes it as its unit."""
    out: list[Mention] = []
    for m in found:
        tail = _DOZEN.match(text, m.end)
        if tail and not m.extra.get("ordinal") and isinstance(m.value, int | float):
            whole = m.value * 12
            whole = int(whole) if float(whole).is_integer() else whole  # "half a dozen" is 6
            end = tail.end()
            if half := _AND_A_HALF.match(text, end):  # "two dozen and a half": 30
                whole, end = whole + 6, half.end()
            out.append(Mention("number", whole, m.start, end, extra=m.extra))
            continue
        half = _AND_A_HALF.match(text, m.end)
        if half and text[m.start : m.end].lower().endswith("dozen"):
            # "a dozen and a half": half a dozen more
            out.append(Mention("number", m.value + 6, m.start, half.end(), extra=m.extra))
            continue
        if out and out[-1].end >= m.end and out[-1].start <= m.start:
            continue  # the "dozen" just taken into the count before it
        out.append(m)
    return out


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def _and_a_half(text: str, found: list[Mention]) -> list[Mention]:
    """ "2 and a half" is 2.5: the digits take the half after them (as words do)."""
    out: list[Mention] = []
    skip_to = -1
    for m in found:
        if m.start < skip_to:
            continue
        tail = _AND_A_HALF.match(text, m.end)
        if tail and not m.extra.get("words") and not m.extra.get("ordinal"):
            out.append(Mention("number", m.value + 0.5, m.start, tail.end(), extra=m.extra))
            skip_to = tail.end()
            continue
        out.append(m)
    return out
