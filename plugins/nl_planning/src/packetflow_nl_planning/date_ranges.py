"""Ranges joined from the dates of a text: "from X to Y", "between X and Y", "X - Y", "12th to
14th of June" (the month said once, after the second day), "tomorrow and the day after",
"since X". Both ends are inclusive; an end that would fall before its start is the next such
day after it ("Friday to Monday", "the 28th to the 2nd").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_calendar import ORDINAL_DAY, day_number
from .date_words import DAY, safe_date
from .lexicon import lexicon
from .mentions import Mention

__all__ = ["after_start", "combine_ranges"]

_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|-|\u2013)\s*")
# A bare day before a joiner and a date: "from 1 to", "12th to", "10-", "between 1 and". The
# number starts a word and follows no digit, time or decimal mark ("10:30-12 July" is a time).
_LEAD = re.compile(
    rf"(?:\b(from|between)\s+)?(?:\b(?:{DAY})\.?,?\s+)?(?<![\d:.,/])(?:the\s+)?\b(\d{{1,2}})(?:st|nd|rd|th)?"
    r"\s*(to|until|till|through|thru|-|\u2013|and)\s*(?:the\s+)?$"
)
# A bare last day after a date that ends in its day: "June 12-14", "from Dec 20 to 27".
_TRAIL = re.compile(
    r"\s*(?:to|until|till|through|thru|-|\u2013)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:[:.,/-]\d|%|[ap]\.?m\b|o'?clock))"
)
_ENDS_IN_DAY = re.compile(r".*\b\d{1,2}(?:st|nd|rd|th)?")
_NEXT_WORD = re.compile(r"\s*([a-z']+)")
_WEEKDAY = re.compile(rf"(?:(?:on|this|coming|next)\s+)?(?:{DAY})")
# (in words too: "from the twelfth to the fourteenth of June")
_DAY_OF_MONTH = re.compile(
    rf"(?:on\s+)?(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)|(?<=the\s)({ORDINAL_DAY}))"
)
# A day of the month said without its month, a weekday before it perhaps: "the 9th", "Fri 11th".
_BARE_DAY = re.compile(
    rf"(?:on\s+)?(?:(?:{DAY})\.?,?\s+)?(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)"
    rf"|(?<=the\s)({ORDINAL_DAY}))"
)
_DAY_AFTER = re.compile(r"\s+and\s+the\s+(?:day|one)\s+after\b(?!\s+(?:tomorrow|that|next))")

Readings = dict[str, tuple[date, date]]


def after_start(start: date, end: date, end_text: str) -> date:
    """``end`` moved to the first such day not before ``start``: a weekday a week on, a day of
    the month a month on, any other date a year on."""
    if _WEEKDAY.fullmatch(end_text):
        return end + timedelta(weeks=-((end - start).days // 7))
    if _DAY_OF_MONTH.fullmatch(end_text):
        year, month0 = divmod(end.year * 12 + end.month, 12)  # the month after
        return safe_date(year, month0 + 1, end.day) or end
    return safe_date(end.year + 1, end.month, end.day) or end


def _before(start: date, end: date, start_text: str) -> date:
    """``start`` moved back to the last such day not after ``end`` (the past reading)."""
    if _WEEKDAY.fullmatch(start_text):
        return start - timedelta(weeks=-((end - start).days // 7))
    if _DAY_OF_MONTH.fullmatch(start_text):
        year, month0 = divmod(start.year * 12 + start.month - 2, 12)  # the month before
        return safe_date(year, month0 + 1, start.day) or start
    return safe_date(start.year - 1, start.month, start.day) or start


def _opener(text: str, start: int) -> int:
    """How many characters of "from "/"between " stand before ``start``."""
    opener = re.search(r"\b(?:from|between)\s+$", text[max(0, start - 10) : start])
    return len(opener.group()) if opener else 0


def _ends(m: Mention, at: int) -> dict[str, date]:
    """The first (``at`` 0) or last (``at`` 1) day of a mention, per reading."""
    if m.kind == "date":
        return {"future": m.extra["future"], "past": m.extra["past"]}
    return {"future": m.extra["future"][at], "past": m.extra["past"][at]}


def _joined(text: str, m: Mention, nxt: Mention, today: date) -> tuple[Readings, int] | None:
    """ "from X to Y", "between X and Y", "X - Y": the range and where it begins. Read
    backwards, a period it ends in that has begun is the current one ("from January to March"
    in March ends this March, not last year's)."""
    before = text[max(0, m.start - 10) : m.start]
    gap = text[m.end : nxt.start]
    opener = re.search(r"(?:from|between)\s+$", before)
    between = opener is not None and opener.group().startswith("between")
    if not (_JOIN.fullmatch(gap) or (between and gap.strip() == "and")):
        return None
    start, end = _ends(m, 0), _ends(nxt, 1)
    if nxt.kind == "daterange" and nxt.extra["future"][0] <= today:
        end["past"] = end["future"]
    bare = _BARE_DAY.fullmatch(text[m.start : m.end])
    if bare:
        # "from the 9th to the 12th of May", "Fri 11th - Sun 13th June": the first day is in
        # the second's month, or the month before when it would fall after it ("the 24th till
        # the 2nd", "the 28th to the 2nd of January").
        for k in ("future", "past"):
            first = day_number(bare.group(1) or bare.group(2).replace(" ", "-"))
            day = safe_date(end[k].year, end[k].month, first)
            if day is not None and day > end[k]:
                year, month0 = divmod(end[k].year * 12 + end[k].month - 2, 12)  # the month before
                day = safe_date(year, month0 + 1, first)
            if day is not None:
                start[k] = day
    readings = {k: (start[k], end[k]) for k in ("future", "past")}
    both_days = nxt.kind == "date" and m.kind == "date"
    for k in ("future", "past"):
        a, b = readings[k]
        if b >= a:
            continue
        if both_days and k == "future":
            readings[k] = (a, after_start(a, b, text[nxt.start : nxt.end]))
        elif both_days:
            readings[k] = (_before(a, b, text[m.start : m.end]), b)
        elif k == "past":
            # "between January and May" in March: last January to last May
            readings[k] = (safe_date(a.year - 1, a.month, a.day) or a, b)
        else:
            # "from November to February" in March: next November to the February after
            readings[k] = (a, safe_date(b.year + 1, b.month, b.day) or b)
    begin = m.start - (len(before) - opener.start()) if opener else m.start
    return readings, begin


def _led(text: str, m: Mention) -> tuple[Readings, int] | None:
    """ "from 1 to 5 July", "12th to 14th of June", "10-12 July", "between 1 and 15 May": a
    bare day before a date is the first day of a range in that date's month."""
    if m.kind != "date":
        return None
    window = text[max(0, m.start - 30) : m.start]
    lead = _LEAD.search(window)
    if lead is None or (lead.group(1) == "between") != (lead.group(3) == "and"):
        return None
    readings: Readings = {}
    for k in ("future", "past"):
        end_day = m.extra[k]
        first = safe_date(end_day.year, end_day.month, int(lead.group(2)))
        if first is None or first > end_day:
            return None
        readings[k] = (first, end_day)
    return readings, m.start - (len(window) - lead.start())


def _trailed(text: str, m: Mention) -> tuple[Readings, int] | None:
    """ "June 12-14", "from Dec 20 to 27": a date that ends in its day, then a bare later day,
    is a range in that date's month; the range ends where the bare day does."""
    if m.kind != "date" or not _ENDS_IN_DAY.fullmatch(text[m.start : m.end]):
        return None
    tail = _TRAIL.match(text, m.end)
    if tail is None:
        return None
    word = _NEXT_WORD.match(text, tail.end())
    if word is not None and word.group(1) not in lexicon().stopwords:
        return None  # "on June 12 - 2 adults": a count, not a day
    readings: Readings = {}
    for k in ("future", "past"):
        first = m.extra[k]
        last = safe_date(first.year, first.month, int(tail.group(1)))
        if last is None or last <= first:
            return None
        readings[k] = (first, last)
    return readings, tail.end()


def _started(m: Mention, today: date) -> date | None:
    """Where "since X" starts: the day X names, or the first day of the period it names
    ("since June", "since last week"), the latest such start not after today."""
    starts = [m.extra["past"]] if m.kind == "date" else [m.extra[k][0] for k in ("past", "future")]
    begun = [d for d in starts if d <= today]
    return max(begun) if begun else None


def combine_ranges(text: str, mentions: list[Mention], today: date) -> list[Mention]:
    """The ``mentions`` of a lower-cased ``text``, with those that make one range joined."""
    found = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        pair = _joined(text, m, nxt, today) if nxt is not None else None
        if pair is not None and nxt is not None:
            out.append(Mention("daterange", None, pair[1], nxt.end, extra=pair[0]))
            i += 2
            continue
        led = _led(text, m)
        if led is not None:
            while out and out[-1].end > led[1]:
                out.pop()  # "Fri" of "Fri 12th - Sun 14th June" is part of the range
            out.append(Mention("daterange", None, led[1], m.end, extra=led[0]))
            i += 1
            continue
        trailed = _trailed(text, m)
        if trailed is not None:
            out.append(Mention("daterange", None, m.start - _opener(text, m.start), trailed[1],
                               extra=trailed[0]))  # fmt: skip
            i += 1
            continue
        after = _DAY_AFTER.match(text, m.end) if m.kind == "date" else None
        if after is not None:
            # "tomorrow and the day after": that day and the next.
            readings = {k: (m.extra[k], m.extra[k] + timedelta(days=1)) for k in ("future", "past")}
            out.append(Mention("daterange", None, m.start, after.end(), extra=readings))
            i += 1
            continue
        if re.search(r"\bsince\s+$", text[max(0, m.start - 10) : m.start]):
            first = _started(m, today)
            if first is not None:
                span = (first, today)
                extra = {"future": span, "past": span}
                out.append(Mention("daterange", None, m.start - 6, m.end, extra=extra))
                i += 1
                continue
        out.append(m)
        i += 1
    return out
