"""Finding every typed value in a request once: emails, URLs, phone numbers, quoted text,
times, numbers, amounts, quantities, durations, dates and date ranges.

The result (:class:`Mentions`) is shared by every clause of a compound request; the slot
filler picks from it by field, and each value fills at most one field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from .clock_times import (
    DAY_PART,
    GOES_ON_WORDS,
    HOUR_WORDS,
    NEXT_WORD,
    clock_phrases,
    in_day_part,
    morning,
    mornings_agree,
)
from .coordinates import coordinate_pairs
from .dates import date_mentions
from .lexicon import lexicon
from .mentions import Mention, overlaps
from .numbers import number_mentions
from .units import duration_phrases, join_durations, money_and_quantities

__all__ = ["Mentions", "find_mentions", "normalize_phone"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?<![.])")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|co|ai|edu|gov)(?:/[^\s<>\"']*)?\b",
    re.IGNORECASE,
)
# A phone: "+44 20 7946 0958", "(415) 555-0100", "415.555.0100"; at least 7 digits.
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_PHONE = re.compile(
    r"(?<![\w+])(?<![A-Za-z]-)\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{1,4}\)?){2,7}(?![\w])"
)
_QUOTED = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(:,]))([\"'])(.+?)\1(?=[\s.,;:!?)]|$)")
_TIME = re.compile(
    # 5pm, 7.30pm; a full stop that ends the sentence as well is not the time's ("at 1pm. Can")
    r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m(?:\.(?!\s+[A-Z]))?|p\.?m(?:\.(?!\s+[A-Z]))?)"
    r"(?![\w])"
    r"|\b(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d)\b(?!:\d)"  # not h:mm:ss
    r"|\b(?:at\s+)?(noon|midday|midnight)\b"
    # "at 8" before a word of its own is a house number or a count ("at 6 Main Street", "at 3
    # people"), but not before a part of the day or a word that goes on to the next phrase
    # ("at 6 for an hour", "at 10 and Ana at 11", "at 7 on Friday"), nor an adverb or a
    # conjunction that no count measures ("at 10 instead", "at 3 today", "at 6 if possible").
    r"|\b(?:at\s+)(\d{1,2})(?:\s+o'?clock)?"
    r"(?!\s*(?:[:./-]\d|%|[°º]|(?!" + DAY_PART + r"|(?:" + GOES_ON_WORDS + r")\b)\w))"
    # "half past nine", "quarter to eight"; British "half nine" (09:30) with "past" unsaid.
    r"|\b(half|quarter)\s+(?:(past|to)\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:%|[°º]|[-/.:]\d))",
    re.IGNORECASE,
)
_TIME_RANGE = re.compile(
    r"\b(\d{1,2})(?::([0-5]\d))?\s*(-|\u2013|to|till|until|and)\s*(\d{1,2})(?::([0-5]\d))?\s*"
    r"([ap]\.?m(?:\.(?!\s+[A-Z]))?)(?![\w])",
    re.IGNORECASE,
)
# Two bare hours joined as a range ("from 2 till 3", "tonight 8 to 11", "from 10 to 12:30"):
# times only after "from"/"between" or beside a part of the day, and not before a word of their
# own ("from 2 to 3 people", "10-12 July" are no times).
_BARE_TIME_RANGE = re.compile(
    r"(?:\b(from|between)\s+)?(?<![\d:.,/£$€-])\b(\d{1,2})(?::([0-5]\d))?"
    r"\s*(?:-|\u2013|to|till|until|and)\s*(\d{1,2})(?::([0-5]\d))?\b(?![:.,/]?\d|\s*(?:%|[°º]))",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(
    r"\b(?:tonight|today|tomorrow|morning|afternoon|evening|night)\W*$", re.IGNORECASE
)


def _bare_time_range(
    text: str, m: re.Match[str], dates: list[Mention]
) -> tuple[str, str, bool] | None:
    """The two times of a bare range of hours and whether a part of the day says they are
    times, or ``None`` when they are no range of times."""
    opener, h1, m1, h2, m2 = m.groups()
    if any(overlaps(m.span(), (d.start, d.end)) for d in dates):
        return None
    joint = text[m.end(3) if m1 else m.end(2) : m.start(4)].strip().lower()
    if (joint == "and") != ((opener or "").lower() == "between"):
        return None
    if not (0 <= int(h1) <= 23 and 0 <= int(h2) <= 23):
        return None
    nxt = NEXT_WORD.match(text, m.end())
    word = nxt.group(1).lower() if nxt else ""
    by_day_part = bool(_PART_BEFORE.search(text[max(0, m.start() - 24) : m.start()])) or bool(
        re.match(DAY_PART, word)
    )
    if word and word not in lexicon().stopwords and not by_day_part and word != "o'clock":
        return None  # "from 2 to 3 people": a count, not hours
    if opener is None and not by_day_part:
        return None
    values = []
    for hour, minute, start, end in ((h1, m1, m.start(2), m.end(2)), (h2, m2, m.start(4), m.end())):
        clock = f"{int(hour) + (12 if 1 <= int(hour) <= 7 else 0):02d}:{minute or '00'}"
        values.append(in_day_part(clock, text, start, end, int(hour) > 12))
    first, last = values
    if last < first and int(last[:2]) + 12 <= 23:
        last = f"{int(last[:2]) + 12:02d}{last[2:]}"  # "from 7 to 9": both in the evening
    return first, last, by_day_part


@dataclass
class Mentions:
    """The values found in one request, and which of them a field has already taken."""

    items: list[Mention]
    used: set[int] = field(default_factory=set)

    def of(self, *kinds: str, within: tuple[int, int] | None = None) -> list[Mention]:
        """Untaken mentions of these kinds (inside ``within``, a clause's span)."""
        return [
            m
            for i, m in enumerate(self.items)
            if m.kind in kinds
            and i not in self.used
            and (within is None or (m.start >= within[0] and m.end <= within[1]))
        ]

    def take(self, mention: Mention) -> None:
        """Mark ``mention`` (and every mention overlapping it) as used."""
        for i, m in enumerate(self.items):
            if m is mention or overlaps((m.start, m.end), (mention.start, mention.end)):
                self.used.add(i)

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.items if not kinds or m.kind in kinds]


def normalize_phone(raw: str, country_code: str) -> str | None:
    """E.164 for a phone number as typed (``country_code`` for numbers written without one)."""
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("+"):
        return f"+{digits}" if 8 <= len(digits) <= 15 else None
    if raw.strip().startswith("00") and 10 <= len(digits) <= 17:
        return f"+{digits[2:]}"
    if len(digits) == 11 and country_code == "1" and digits.startswith("1"):
        return f"+{digits}"
    if 7 <= len(digits) <= 12:
        return f"+{country_code}{digits.lstrip('0')}"
    return None


def _time_value(m: re.Match[str]) -> str | None:
    g = m.groups()
    if g[0] is not None:  # 5pm, 5:30 pm
        hour, minute = int(g[0]), int(g[1] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        pm = g[2].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    elif g[3] is not None:
        hour, minute = int(g[3]), int(g[4])
    elif g[5] is not None:
        hour, minute = (0 if g[5].lower() == "midnight" else 12), 0
    elif g[6] is not None:  # "at 5": office hours read 1..7 as the afternoon
        hour, minute = int(g[6]), 0
        if hour > 23:
            return None
        if 1 <= hour <= 7:
            hour += 12
    else:
        word = g[9].lower()
        base = int(word) if word.isdigit() else HOUR_WORDS.index(word) + 1
        if g[8] is None and (g[7].lower() != "half" or word.isdigit()):
            return None  # "quarter nine", "in half 3 ways": no time
        minutes = 30 if g[7].lower() == "half" else 15
        total = base * 60 + (-minutes if (g[8] or "").lower() == "to" else minutes)
        hour, minute = divmod(total % (24 * 60), 60)
        if 1 <= hour <= 7:
            hour += 12
    return f"{hour:02d}:{minute:02d}"


_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|until|till|through|and)\s*", re.IGNORECASE)


# A time taken, as a stopwatch shows it: "1:58:03" (h:mm:ss), "41:30" (m:ss, minutes above 23 so
# that it is no time of day).
_STOPWATCH = re.compile(r"(?<![\w:.])(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?![\w:])")


# Hours and minutes run together as people write them: "1h20", "2h 05m", "1 hr 30".
_HOURS_MINUTES = re.compile(
    r"(?<![\w.:])(\d{1,2})\s?h(?:rs?|ours?)?\s?([0-5]\d)(?:\s?m(?:ins?|inutes?)?)?(?![\w:])",
    re.IGNORECASE,
)
# Feet and inches run together, the inches' unit often left unsaid: "5 ft 10", "6'2\"".
# In words too: "five foot ten", "six feet two inches".
_SMALL = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_SMALL_WORD = "|".join(_SMALL)
_FEET_INCHES = re.compile(
    rf"(?<![\w.])(\d|{_SMALL_WORD})\s?(?:ft|feet|foot|')\s?(\d{{1,2}}|{_SMALL_WORD})"
    r"(?:\s?(?:in|inch|inches|\"))?(?![\w.])",
    re.IGNORECASE,
)


def _small(said: str) -> int:
    """A count of feet or inches in digits or in words."""
    return int(said) if said.isdigit() else _SMALL.index(said.lower()) + 1


def _stopwatch_minutes(m: re.Match[str]) -> float | None:
    first, second, third = int(m.group(1)), int(m.group(2)), m.group(3)
    if third is not None:
        return round(first * 60 + second + int(third) / 60, 4)
    if first > 23:
        return round(first + second / 60, 4)
    return None


def _mark_time_ranges(text: str, items: list[Mention]) -> None:
    """Two times joined as a range ("09:00-10:30", "from 9:15 until 11:00", "between noon and
    2pm") are its start and its end, as "9-10am" is."""
    times = sorted((m for m in items if m.kind == "time"), key=lambda m: m.start)
    for first, second in pairwise(times):
        if "side" in first.extra or "side" in second.extra:
            continue
        joint = _RANGE_JOIN.fullmatch(text[first.end : second.start])
        if joint is None:
            continue
        if joint.group().strip().lower() == "and" and not re.search(
            r"\bbetween\s*$", text[: first.start], re.IGNORECASE
        ):
            continue  # "at 9:00 and 14:00" are two times, not a range
        first.extra["side"], second.extra["side"] = "start", "end"


_YEARS = re.compile(r"\s*(\d{4})\s?[-\u2013]\s?(\d{4})\s*")


def _years(raw: str) -> bool:
    """Whether digits shaped like a phone number are a span of years ("1860-1865")."""
    m = _YEARS.fullmatch(raw)
    return m is not None and 1000 <= int(m.group(1)) <= int(m.group(2)) <= 2200


_COMPOUND = re.compile(
    r"(\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve))-"
    r"(?=(?:night|day|week|fortnight|minute|min|hour|hr|month|year)s?\b)",
    re.IGNORECASE,
)
# "a quarter of an hour", "three quarters of an hour": a length of its own, not the "an hour"
# inside it.
_QUARTER_HOUR = re.compile(
    r"\b(a|one|three)\s+quarters?\s+of\s+an?\s+(hour|day|year)\b", re.IGNORECASE
)


def _quarter_hours(text: str, items: list[Mention]) -> list[Mention]:
    """The ``items`` with every quarter of an hour (or a day, a year) a duration in place of
    the words inside it ("an hour" 1 h, "three" 3)."""
    for m in _QUARTER_HOUR.finditer(text):
        value = 0.75 if m.group(1).lower() == "three" else 0.25
        unit = {"hour": "h", "day": "day", "year": "year"}[m.group(2).lower()]
        items = [i for i in items if not (m.start() <= i.start and i.end <= m.end())]
        items.append(Mention("duration", value, m.start(), m.end(), unit=unit))
    return items


def find_mentions(text: str, today: date, country_code: str = "1") -> Mentions:
    """Every value in ``text`` (normalised), with overlaps resolved in favour of the more
    specific kind: an email's digits are not a phone number, a date's digits not a count."""
    items: list[Mention] = []
    claimed: list[tuple[int, int]] = []

    def claim(kind: str, value: object, start: int, end: int, **extra: object) -> None:
        if any(overlaps((start, end), span) for span in claimed):
            return
        claimed.append((start, end))
        items.append(Mention(kind, value, start, end, extra=dict(extra)))  # type: ignore[arg-type]

    for m in _QUOTED.finditer(text):
        claim("quoted", m.group(2), m.start(), m.end())
    for m in _EMAIL.finditer(text):
        claim("email", m.group(), m.start(), m.end())
    for m in _URL.finditer(text):
        claim("url", m.group(), m.start(), m.end())
    for m in _HANDLE.finditer(text):
        claim("handle", m.group(), m.start(), m.end())
    for degrees, start, end in coordinate_pairs(text):
        claim("coordinates", degrees, start, end)
    dates = date_mentions(text, today)
    for clock, start, end, side in clock_phrases(text):
        claim("time", clock, start, end, **({"side": side} if side else {}))
    for m in _TIME_RANGE.finditer(text):
        # "9-10am", "11 to 1pm": both ends take the meridiem said once, at the end (the start
        # is the morning when its hour is the later one: 11-1pm is 11:00-13:00).
        h1, m1, h2, m2, half = int(m.group(1)), m.group(2), int(m.group(4)), m.group(5), m.group(6)
        if not (1 <= h1 <= 12 and 1 <= h2 <= 12):
            continue
        if m.group(3).lower() == "and" and not re.search(
            r"\bbetween\s+$", text[: m.start()], re.IGNORECASE
        ):
            continue  # "4 and 6pm" are a count and a time; "between 4 and 6pm" a range
        pm = half.lower().startswith("p")
        end_hour = h2 % 12 + (12 if pm else 0)
        start_hour = h1 % 12 + (12 if pm and h1 <= h2 and h1 != 12 else 0)
        start_end = m.end(2) if m1 else m.end(1)
        claim("time", f"{start_hour:02d}:{m1 or '00'}", m.start(1), start_end, side="start")
        claim("time", f"{end_hour:02d}:{m2 or '00'}", m.start(4), m.end(), side="end")
    for m in _BARE_TIME_RANGE.finditer(text):
        pair = _bare_time_range(text, m, dates)
        if pair is None:
            continue
        first, last, sure = pair
        start_end = m.end(3) if m.group(3) else m.end(2)
        if sure:
            claim("time", first, m.start(2), start_end, side="start")
            claim("time", last, m.start(4), m.end(), side="end")
        else:
            # "from 2 till 3" may be hours or a count ("rated from 3 to 5"): the times stand
            # beside the numbers, and the fields decide which they are.
            items.append(Mention("time", first, m.start(2), start_end, extra={"side": "start"}))
            items.append(Mention("time", last, m.start(4), m.end(), extra={"side": "end"}))
    for m in _TIME.finditer(text):
        value = _time_value(m)
        said = value
        if value is not None and m.group(3) is None:
            value = in_day_part(value, text, m.start(), m.end(), m.group(4) is not None)
        if value is not None:
            # "at 7" read as 19:00 by office hours alone, no part of the day said near it
            soft = m.group(7) is not None and value == said and value >= "13:00"
            soft = soft and in_day_part(morning(value), text, m.start(), m.end(), False) < "12"
            claim("time", value, m.start(), m.end(), **({"office_hours": True} if soft else {}))
    mornings_agree(items)
    _mark_time_ranges(text, items)
    for m in _HOURS_MINUTES.finditer(text):
        run_together = int(m.group(1)) * 60 + int(m.group(2))
        if not any(overlaps(m.span(), span) for span in claimed):
            claimed.append(m.span())
            items.append(Mention("duration", run_together, m.start(), m.end(), unit="min"))
    for m in _FEET_INCHES.finditer(text):
        inches = _small(m.group(1)) * 12 + _small(m.group(2))
        if _small(m.group(2)) < 12 and not any(overlaps(m.span(), span) for span in claimed):
            claimed.append(m.span())
            items.append(Mention("quantity", inches, m.start(), m.end(), unit="inch"))
    for m in _STOPWATCH.finditer(text):
        minutes = _stopwatch_minutes(m)
        if minutes is not None and not any(overlaps(m.span(), span) for span in claimed):
            claimed.append(m.span())
            items.append(Mention("duration", minutes, m.start(), m.end(), unit="min"))
    for d in dates:
        if not any(overlaps((d.start, d.end), span) for span in claimed):
            claimed.append((d.start, d.end))
            items.append(d)
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        looks_like_phone = m.group().startswith("+") or re.search(r"[\s.()-]", m.group().strip())
        if len(digits) >= 7 and looks_like_phone and not _years(m.group()):
            claim("phone", m.group().strip(), m.start(), m.end())
    years = [
        (d.start, d.end)
        for d in dates
        if d.kind == "daterange"
        and re.fullmatch(r"(?:in|for|during|of)\s+\d{4}", text[d.start : d.end].lower())
    ]
    numbers = [
        n
        for n in number_mentions(text)
        if not any(overlaps((n.start, n.end), s) for s in claimed)
        or any(overlaps((n.start, n.end), y) for y in years)
    ]
    items.extend(numbers)
    # "a 3-night stay", "a two-week hire", "a 45-minute massage": the unit of a compound is
    # the number's unit, as if no hyphen joined them (the text keeps its length and offsets).
    spaced = _COMPOUND.sub(r"\1 ", text)
    quantities = money_and_quantities(spaced, numbers)
    # The hundredths of an amount ("pounds fifty") are no number of their own.
    cents = [q for q in quantities if q.extra.get("cents")]
    items = [
        m
        for m in items
        if not (m.kind == "number" and any(q.start < m.start and m.end <= q.end for q in cents))
    ]
    items.extend(quantities)
    for d in duration_phrases(spaced, numbers):
        covered = [
            q for q in quantities if q.start <= d.start < q.end or d.start <= q.start < d.end
        ]
        if d.extra.get("half") or not covered:
            items.append(d)
    items = _quarter_hours(text, items)
    items = join_durations(text, items)
    items.sort(key=lambda m: (m.start, -m.end))
    return Mentions(items)
