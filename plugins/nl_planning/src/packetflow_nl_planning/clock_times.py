"""Times of day said as people say them, beside the digits ``entities.py`` reads: with a dot
("9.30-11.00", "at 9.30"), by noon or midnight ("from noon to 3"), as minutes past or to an hour
("25 past 10", "ten to six"), as British "half 2", as an hour with its part of the day ("3 in
the afternoon"), and the part of the day that puts a bare clock time in the
morning or the evening ("quarter to eight on Saturday morning")."""

from __future__ import annotations

import re

from .lexicon import lexicon
from .mentions import Mention

__all__ = [
    "DAY_PART",
    "GOES_ON_WORDS",
    "HOUR_WORDS",
    "NEXT_WORD",
    "ClockTime",
    "clock_phrases",
    "in_day_part",
    "morning",
    "mornings_agree",
]

ClockTime = tuple[str, int, int, str | None]
"""A time found: its ``HH:MM``, its span and the side of a range it is (``start``/``end``)."""

NEXT_WORD = re.compile(r"\s*([A-Za-z']+)")
HOUR_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve"]  # fmt: skip
# A part of the day or a day after "at 8" ("at 8 in the evening", "at 4 tomorrow"): the number
# is a time, not a house number.
DAY_PART = (
    r"(?:(?:in\s+the\s+|this\s+|tomorrow\s+)?(?:morning|afternoon|evening|night)|tonight|today"
    r"|tomorrow)\b"
)
# Times written with a dot, as British timetables do, joined as a range ("9.30-11.00", "9.30 to
# 11.00"): both have minutes, so they are no decimals and no phone number.
_DOT_TIME_RANGE = re.compile(
    r"(?<![\d.,£$€])\b([01]?\d|2[0-3])\.([0-5]\d)\s*(?:-|\u2013|to|till|until)\s*"
    r"([01]?\d|2[0-3])\.([0-5]\d)\b(?![.,]\d)",
    re.IGNORECASE,
)
# Noon or midnight joined to a bare hour ("from noon to 3", "9 till midday"): the hour is after
# noon when it follows it and before when it leads to it.
_NOON_RANGE = re.compile(
    r"\b(?:(?:from|between)\s+)?(?:(noon|midday)\s*(?:-|\u2013|to|till|until|and)\s*(\d{1,2})"
    r"|(\d{1,2})\s*(?:-|\u2013|to|till|until|and)\s*(noon|midday|midnight))\b"
    r"(?!\s*(?:[:./-]\d|%|[°º]))",
    re.IGNORECASE,
)
# Minutes past or to an hour ("25 past 10", "ten to six"): minutes before "to" only in words or
# with "minutes" ("20 minutes to 5"), so that "rated 5 to 10" stays two numbers.
_CLOCK_WORDS = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_MINUTES_PAST = re.compile(
    r"\b(\d{1,2}|five|ten|twenty|twenty[- ]five)(\s+minutes?)?\s+(past|to)\s+"
    rf"({_CLOCK_WORDS})\b(?!\s*(?:%|[°º]|[-/.:]\d))",
    re.IGNORECASE,
)
_MINUTE_WORDS = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25}
# British "half 2" after a word that leads to a time ("at half 2", "till half 11"): half past;
# alone it may be a share ("in half 3 ways").
_HALF_HOUR = re.compile(
    r"\b(?:at|from|till|until|by)\s+(half\s+(\d{1,2}))\b(?!\s*(?:%|[°º]|[-/.:]\d))",
    re.IGNORECASE,
)
# A bare hour with its part of the day or "o'clock" ("3 in the afternoon", "8 o'clock"), not a
# count after "for" ("a table for 8 in the evening").
_HOUR_OF_DAY = re.compile(
    r"(?<![\d:.,/£$€-])(?<!\bfor\s)\b(\d{1,2})(?:\s+o'?clock\b|(?=\s+in\s+the\s+"
    r"(?:morning|afternoon|evening)\b))",
    re.IGNORECASE,
)
# The time of an ISO 8601 date-time ("2026-03-20T10:00").
_ISO_TIME = re.compile(r"(?<=\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\b")
# "at 9.30", "until 13.00": a time with a dot, after a word that leads to a time (alone,
# "9.30" may be a price or a decimal; after "from" too: "from 12.50 a month").
_AT_DOT_TIME = re.compile(
    r"\b(?:at|until|till|by|before)\s+([01]?\d|2[0-3])\.([0-5]\d)\b(?![.,]\d)", re.IGNORECASE
)

# An hour in words, with its minutes in words or am/pm ("seven pm", "ten thirty", "at half
# seven" aside), or alone after "at" before no word of its own ("at seven", "at six for an
# hour"); and "7ish" ("at 7ish"), a time said loosely.
_HOUR_WORD = "|".join(HOUR_WORDS)
_MINUTE_NAMES = {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
                 "forty five": 45, "fifty": 50, "oh five": 5, "o five": 5}  # fmt: skip
_WORD_TIME = re.compile(
    rf"\b(?:(at|by|from|till|until|before|after)\s+)?({_HOUR_WORD})"
    r"(?:[\s-]+(forty[\s-]five|fifteen|twenty|thirty|forty|fifty|o?h?\s+five))?"
    r"(?:\s*([ap])\.?m\b\.?|\s+(o'?clock)\b)?",
    re.IGNORECASE,
)
# A part of the day after an hour ("seven in the morning", "ten tonight"): the hour is a time.
_DAY_PART_AFTER = re.compile(
    r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight)\b"
)
# Two hours in words joined as a range and closed by am/pm or a part of the day that both
# share ("from six till ten in the evening", "nine to five pm").
# A determiner or "of" before a number word makes it a count ("the three in the morning").
# ... and minutes before it say a time of their own ("half past seven", "half seven").
_COUNTED = re.compile(
    r"\b(?:the|a|an|of|these|those|all|my|our|your|past|half|quarter\s+to|\w+\s+minutes\s+to)\s+$",
    re.IGNORECASE,
)
_WORD_RANGE = re.compile(
    rf"\b(?:(?:from|between)\s+)?({_HOUR_WORD})\s*(?:-|\u2013|to|till|until|and)\s*({_HOUR_WORD})"
    r"(?:\s*([ap])\.?m\b\.?|(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|tonight)\b))",
    re.IGNORECASE,
)
_ISH = re.compile(r"\b(?:at\s+)?(\d{1,2})\s*-?ish\b", re.IGNORECASE)
# Words after a bare hour that go on to the next phrase ("at seven for dinner", "at 10
# instead", "at 8 as usual"): no count measures them, so the hour is a time.
GOES_ON_WORDS = (
    "and|for|on|with|then|please|sharp|instead|again|today|tomorrow|tonight|or|but|if|so|latest"
    "|as|too"
)
_GOES_ON = re.compile(r"\s*(?:$|[,.;:!?)]|(?:" + GOES_ON_WORDS + r")\b)")

_MORNING = re.compile(r"\b(?:morning|breakfast)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:afternoon|evening|tonight|night)\b", re.IGNORECASE)


def in_day_part(value: str, text: str, start: int, end: int, clock24: bool) -> str:
    """A clock time without am/pm in the part of the day the words next to it name
    ("quarter to eight on Saturday morning" is 07:45, "at 8 in the evening" 20:00); the
    nearest such word within a few words wins."""
    hour, minute = int(value[:2]), value[3:]
    after, before = text[end : end + 24], text[max(0, start - 24) : start]
    near = [(w.start(), "am") for w in _MORNING.finditer(after)]
    near += [(w.start(), "pm") for w in _LATER.finditer(after)]
    near += [(len(before) - w.end(), "am") for w in _MORNING.finditer(before)]
    near += [(len(before) - w.end(), "pm") for w in _LATER.finditer(before)]
    if not near:
        return value
    part = min(near)[1]
    if part == "am" and 13 <= hour <= 19 and not clock24:
        hour -= 12  # office hours read "at 7" as the afternoon; the morning said otherwise
    elif part == "pm" and 1 <= hour <= 11:
        hour += 12
    return f"{hour:02d}:{minute}"


def _no_word_after(text: str, end: int) -> bool:
    """Whether no word of its own follows a time at ``end`` ("from 2 to 3 people" is a count):
    only a stopword, a part of the day or "o'clock"."""
    nxt = NEXT_WORD.match(text, end)
    word = nxt.group(1).lower() if nxt else ""
    return (
        not word
        or word in lexicon().stopwords
        or word == "o'clock"
        or bool(re.match(DAY_PART, word))
    )


def _clock_hour(word: str) -> int:
    """An hour said on a clock's face: "10", "ten"."""
    return int(word) if word.isdigit() else HOUR_WORDS.index(word.lower()) + 1


def _minutes_past(text: str, m: re.Match[str]) -> str | None:
    """ "25 past 10" is 10:25, "ten to six" 17:50 (hours 1-7 in the afternoon, as "at 5" is);
    a count before "to" ("from 5 to 10", "5 to 10 people") is no time."""
    said, way, hour_word = m.group(1).lower(), m.group(3).lower(), m.group(4)
    minutes = int(said) if said.isdigit() else _MINUTE_WORDS[said]
    hour = _clock_hour(hour_word)
    if not (1 <= minutes <= 59 and 1 <= hour <= 12) or not _no_word_after(text, m.end()):
        return None
    if way == "to" and (
        (said.isdigit() and not m.group(2))
        or minutes % 5
        or re.search(r"\b(?:from|between)\s+$", text[: m.start()], re.IGNORECASE)
    ):
        return None
    total = hour * 60 + (-minutes if way == "to" else minutes)
    hour, minute = divmod(total % (24 * 60), 60)
    if 1 <= hour <= 7:
        hour += 12
    return in_day_part(f"{hour:02d}:{minute:02d}", text, m.start(), m.end(), False)


def _word_time(text: str, m: re.Match[str]) -> str | None:
    """ "seven pm" 19:00, "ten thirty" 10:30, "at seven" 19:00 (hours 1-7 in the afternoon, as
    "at 5" is), "eleven o'clock": an hour in words is a time only with its minutes or am/pm
    after a word that leads to a time, or with am/pm or "o'clock", or after "at" when nothing
    of its own follows ("at one point" is no time)."""
    lead, minute_word, half, clock = m.group(1), m.group(3), m.group(4), m.group(5)
    hour = _clock_hour(m.group(2))
    minutes = _MINUTE_NAMES.get(re.sub(r"\s+", " ", minute_word.lower())) if minute_word else 0
    if minutes is None or (clock and minute_word):
        return None
    if half:
        return f"{hour % 12 + (12 if half.lower() == 'p' else 0):02d}:{minutes:02d}"
    if clock or (minute_word and lead):
        pass
    elif not (lead and lead.lower() == "at" and _GOES_ON.match(text, m.end())) and not (
        _DAY_PART_AFTER.match(text, m.end()) and not _COUNTED.search(text[: m.start()])
    ):
        return None
    if 1 <= hour <= 7:
        hour += 12
    return f"{hour:02d}:{minutes:02d}"


def _noon_range(text: str, m: re.Match[str]) -> tuple[str, str] | None:
    """ "from noon to 3" is 12:00-15:00, "9 till midday" 09:00-12:00, "8 to midnight"
    20:00-00:00; "and" joins them only after "between"."""
    joint = re.search(r"\band\b", m.group(), re.IGNORECASE)
    if bool(joint) != m.group().lower().startswith("between") or not _no_word_after(text, m.end()):
        return None
    if m.group(1):
        hour = int(m.group(2))
        return ("12:00", f"{hour + 12:02d}:00") if 1 <= hour <= 11 else None
    hour, word = int(m.group(3)), m.group(4).lower()
    if not 1 <= hour <= 11:
        return None
    if word == "midnight":
        return f"{hour + 12:02d}:00", "00:00"
    return f"{hour:02d}:00", "12:00"


def _word_range(text: str, m: re.Match[str]) -> tuple[str, str] | None:
    """ "from six till ten in the evening" 18:00-22:00, "nine to five pm" 09:00-17:00: the
    part of the day said after the second hour is the end's, and the start's too unless that
    would put it after the end ("eleven to two pm" starts in the morning)."""
    start, end = _clock_hour(m.group(1)) % 12, _clock_hour(m.group(2)) % 12
    if m.group(3):
        later = m.group(3).lower() == "p"
    else:
        later = in_day_part("01:00", text, m.start(), m.end(), False) == "13:00"
    if later:
        end += 12
        start += 12 if start + 12 <= end else 0
    elif start > end:
        return None
    return f"{start:02d}:00", f"{end:02d}:00"


def clock_phrases(text: str) -> list[ClockTime]:
    """Every time of ``text`` said with a dot, by noon, as minutes past or to an hour, as
    "half 2", as an hour with its part of the day, as an hour in words ("seven thirty pm")
    or loosely ("7ish")."""
    out: list[ClockTime] = []
    for m in _DOT_TIME_RANGE.finditer(text):
        if _no_word_after(text, m.end()):
            for hour, minute, start, end, side in (
                (1, 2, m.start(1), m.end(2), "start"),
                (3, 4, m.start(3), m.end(), "end"),
            ):
                said = f"{int(m.group(hour)):02d}:{m.group(minute)}"
                out.append((in_day_part(said, text, m.start(), m.end(), False), start, end, side))
    for m in _NOON_RANGE.finditer(text):
        if (noon := _noon_range(text, m)) is not None:
            lead = 1 if m.group(1) else 3
            out.append((noon[0], m.start(lead), m.end(lead), "start"))
            out.append((noon[1], m.start(lead + 1), m.end(), "end"))
    for m in _WORD_RANGE.finditer(text):
        if (ends := _word_range(text, m)) is not None:
            out.append((ends[0], m.start(), m.end(1), "start"))
            out.append((ends[1], m.start(2), m.end(), "end"))
    for m in _MINUTES_PAST.finditer(text):
        if (past := _minutes_past(text, m)) is not None:
            out.append((past, m.start(), m.end(), None))
    for m in _HALF_HOUR.finditer(text):
        hour = int(m.group(2))
        if 1 <= hour <= 12:
            said = f"{hour + (12 if hour <= 7 else 0):02d}:30"
            out.append((in_day_part(said, text, m.start(), m.end(), False), *m.span(1), None))
    for m in _HOUR_OF_DAY.finditer(text):
        hour = int(m.group(1))
        if 1 <= hour <= 12:
            said = f"{hour + (12 if hour <= 7 else 0):02d}:00"
            out.append((in_day_part(said, text, m.start(), m.end(), False), *m.span(), None))
    for m in _WORD_TIME.finditer(text):
        if (worded := _word_time(text, m)) is not None:
            start = m.start(2) if m.group(1) and m.group(1).lower() != "at" else m.start()
            clock = in_day_part(worded, text, m.start(), m.end(), False)
            out.append((clock, start, m.end(), None))
    for m in _ISH.finditer(text):
        hour = int(m.group(1))
        if 1 <= hour <= 12:
            said = f"{hour + (12 if hour <= 7 else 0):02d}:00"
            out.append((in_day_part(said, text, m.start(), m.end(), False), *m.span(), None))
    for m in _ISO_TIME.finditer(text):
        out.append((f"{m.group(1)}:{m.group(2)}", m.start(), m.end(), None))
    for m in _AT_DOT_TIME.finditer(text):
        said = f"{int(m.group(1)):02d}:{m.group(2)}"
        # the word before stays out of the span but "at" ("until" tells an end's field)
        start = m.start() if m.group().lower().startswith("at") else m.start(1)
        out.append((in_day_part(said, text, m.start(), m.end(), False), start, m.end(), None))
    return out


def morning(value: str) -> str:
    """The morning reading of an afternoon ``HH:MM`` ("19:00" -> "07:00")."""
    return f"{int(value[:2]) - 12:02d}:{value[3:]}"


def _minutes(value: str) -> int:
    return int(value[:2]) * 60 + int(value[3:])


# How close another time of the morning must be for a bare hour to share its part of the day.
_SAME_PART = 90


def mornings_agree(items: list[Mention]) -> None:
    """A bare hour that office hours alone put in the afternoon ("at 7" as 19:00) is of the
    morning when the request's other times are of the morning next to it: "the bedroom at 7,
    the kitchen at 7:30 and the office at 8" is one morning, as a list of times is one part of
    the day. A time far from it ("9 to 5") leaves office hours to decide."""
    times = [m for m in items if m.kind == "time"]
    for m in times:
        if not m.extra.pop("office_hours", False):
            continue
        early = _minutes(morning(m.value))
        if any(
            o is not m
            and "office_hours" not in o.extra
            and o.value < "12:00"
            and abs(_minutes(o.value) - early) <= _SAME_PART
            for o in times
        ):
            m.value = morning(m.value)
