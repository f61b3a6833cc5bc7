"""Dates and date ranges relative to ``today``: a small grammar of English date phrases.

Every phrase yields a mention with its *future* and *past* readings; the slot filler picks
one by what the capability does (scheduling looks ahead, reporting looks back):

- days: today, tomorrow, yesterday, the day after tomorrow, in 3 days, 3 days ago, a week from
  today; weekday names with this/next/last/coming/past ("Tuesday next week", "next Friday");
  "the 3rd of March", "March 3rd", "3 March 2027", "2027-03-03", "03/14/2027", "the 3rd" (a
  weekday before one only restates it, and picks its year: "Saturday 3 October"); end of the
  month/week/year, "the end of June"; "the first Saturday of October", "the last Friday of next
  month"; "Friday week", "a week on Friday", "a fortnight Friday", "a week tomorrow", "Saturday
  after next", "the 15th of next month"; "Mon 23rd"; "28/3" and "3/28" (the order a number
  above 12 shows); holidays on a fixed day ("Boxing Day", ``holidays.py``).
- ranges (both ends inclusive): "the week/weekend after next" here; the periods ("this
  month", "September", "Q2", "so far this year", "the past 7 days", "the rest of the week") in
  ``date_periods.py``; ranges joined from the dates in ``date_ranges.py`` ("from X to Y", "12th
  to 14th of June", "since X"...). The calendar arithmetic and the scanner the rules share are
  in ``date_calendar.py``.

Weeks run Monday to Sunday (ISO 8601).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_calendar import (
    NUM,
    ORD,
    ORDINAL_DAY,
    UNIT,
    Scanner,
    Span,
    add_months,
    amount,
    day_number,
    delta,
    month_day,
    month_range,
    week_of,
    ym,
)
from .date_periods import quarter_rules, range_rules
from .date_ranges import combine_ranges
from .date_words import DAY, DAYS, MONTH, MONTHS, safe_date
from .holidays import holiday_rules
from .mentions import Mention

__all__ = ["date_mentions", "month_range"]


def _weekday_rules(s: Scanner) -> None:
    today = s.today
    # "every Thursday from next week", "Thursdays starting next week": the first is that
    # weekday of the week named.
    for m in s.each(
        rf"\b(?:on\s+)?({DAY})s?\s+(?:from|starting(?:\s+from)?|beginning|as\s+of|"
        r"commencing)\s+(next|this|the following)\s+week\b"
    ):
        offset = {"next": 1, "the following": 1, "this": 0}[m.group(2)]
        s.day(m, week_of(today, offset)[0] + timedelta(days=DAYS[m.group(1)]))
    for m in s.each(rf"\b(?:on\s+)?({DAY})\s+(?:of\s+)?(next|this|last|the following)\s+week\b"):
        offset = {"next": 1, "the following": 1, "this": 0, "last": -1}[m.group(2)]
        target = week_of(today, offset)[0] + timedelta(days=DAYS[m.group(1)])
        s.day(m, target)
    for m in s.each(rf"\b(next|this|last|coming|past|previous)\s+week'?s?\s+({DAY})\b"):
        shift = {"next": 1, "coming": 1, "this": 0, "last": -1, "past": -1, "previous": -1}
        target = week_of(today, shift[m.group(1)])[0] + timedelta(days=DAYS[m.group(2)])
        s.day(m, target)
    for m in s.each(rf"\b(?:(next|this|last|coming|past|previous|on)\s+)?({DAY})\b"):
        weekday = DAYS[m.group(2)]
        ahead = (weekday - today.weekday()) % 7 or 7
        behind = (today.weekday() - weekday) % 7 or 7
        following = today + timedelta(days=ahead)
        previous = today - timedelta(days=behind)
        word = m.group(1)
        if word in ("last", "past", "previous"):
            s.day(m, previous)
        elif word == "this":
            this_week = week_of(today)[0] + timedelta(days=weekday)
            s.day(m, this_week if this_week > today else following, this_week)
        else:
            s.day(m, following, previous)


def _coming(today: date, weekday: int) -> date:
    """The next such weekday after today."""
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


_WEEKS_IN = {"week": 1, "fortnight": 2}


def _later_rules(s: Scanner) -> None:
    """A week or more on from a day or a period: "Friday week" and "a week on Friday" (the
    Friday after the coming one), "a fortnight Friday", "Friday fortnight", "two weeks from
    Monday", "a week tomorrow", "Saturday after next", "the weekend after next", "the week
    after next"; and a day of a month said by its offset ("the 15th of next month")."""
    today = s.today
    # "on"/"from" may go unsaid after "a": "a fortnight Friday", "a week Tuesday".
    for m in s.each(
        rf"\b(?:({NUM})\s+(weeks?|fortnights?)\s+(?:on|from)|(a)\s+(week|fortnight))\s+({DAY})\b"
    ):
        weeks = amount(m.group(1) or m.group(3)) * _WEEKS_IN[(m.group(2) or m.group(4)).rstrip("s")]
        s.day(m, _coming(today, DAYS[m.group(5)]) + timedelta(weeks=weeks))
    for m in s.each(rf"\b(?:on\s+)?({DAY})\s+(week|fortnight|after\s+next)\b"):
        weeks = _WEEKS_IN.get(m.group(2), 1)
        s.day(m, _coming(today, DAYS[m.group(1)]) + timedelta(weeks=weeks))
    for m in s.each(r"\b(a|one|two)\s+(week|fortnight)s?\s+(?:on\s+)?(today|tomorrow)\b"):
        weeks = amount(m.group(1)) * _WEEKS_IN[m.group(2)]
        s.day(m, today + timedelta(days=int(m.group(3) == "tomorrow"), weeks=weeks))
    for m in s.each(r"\b(today|tomorrow)\s+(week|fortnight)\b"):  # "tomorrow week"
        weeks = _WEEKS_IN[m.group(2)]
        s.day(m, today + timedelta(days=int(m.group(1) == "tomorrow"), weeks=weeks))
    for m in s.each(r"\b(?:the\s+)?week\s+after\s+next\b"):
        s.span(m, week_of(today, 2))
    for m in s.each(r"\b(?:the\s+)?weekend\s+after\s+next\b"):
        # the weekend after the coming one (this one, on a Saturday or a Sunday)
        saturday = week_of(today)[0] + timedelta(days=5)
        if saturday + timedelta(days=1) < today:
            saturday += timedelta(weeks=1)
        s.span(m, (saturday + timedelta(weeks=1), saturday + timedelta(days=8)))
    for m in s.each(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(this|next|last)\s+month\b"):
        offset = {"this": 0, "next": 1, "last": -1}[m.group(2)]
        if day := safe_date(*ym(add_months(today, offset)), int(m.group(1))):
            s.day(m, day)


def _relative_rules(s: Scanner) -> None:
    today = s.today
    for m in s.each(r"\b(?:the\s+)?day\s+after\s+tomorrow\b"):
        s.day(m, today + timedelta(days=2))
    for m in s.each(r"\b(?:the\s+)?day\s+before\s+yesterday\b"):
        s.day(m, today - timedelta(days=2))
    for m in s.each(rf"\b({NUM})\s+({UNIT})\s+(?:from\s+(?:now|today)|later)\b"):
        s.day(m, delta(amount(m.group(1)), m.group(2), today, 1))  # before "today" alone
    # "last night" is the evening before today, whatever the weekday rules make of "last".
    for m in s.each(r"\blast\s+night\b"):
        s.day(m, today - timedelta(days=1))
    for m in s.each(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|now)\b"):
        s.day(m, today)
    for m in s.each(r"\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow)\b"):
        s.day(m, today + timedelta(days=1))
    for m in s.each(r"\byesterday\b"):
        s.day(m, today - timedelta(days=1))
    for m in s.each(rf"\bin\s+({NUM})\s+({UNIT})\b"):
        s.day(m, delta(amount(m.group(1)), m.group(2), today, 1))
    for m in s.each(rf"\b({NUM})\s+({UNIT})\s+ago\b"):
        s.day(m, delta(amount(m.group(1)), m.group(2), today, -1))
    for m in s.each(
        r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(this\s+|next\s+|last\s+)?(week|month|year)\b"
    ):
        offset = {"next": 1, "last": -1}.get((m.group(1) or "").strip(), 0)
        unit = m.group(2)
        if unit == "week":
            end = week_of(today, offset)[1]
        elif unit == "month":
            end = month_range(*ym(add_months(today, offset)))[1]
        else:
            end = date(today.year + offset, 12, 31)
        s.day(m, end)
    for m in s.each(
        r"\b(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(this\s+|next\s+|last\s+)?"
        r"(week|month|year)\b"
    ):
        # "the start of next month", "since the beginning of the year": its first day
        offset = {"next": 1, "last": -1}.get((m.group(1) or "").strip(), 0)
        unit = m.group(2)
        if unit == "week":
            first = week_of(today, offset)[0]
        elif unit == "month":
            first = month_range(*ym(add_months(today, offset)))[0]
        else:
            first = date(today.year + offset, 1, 1)
        s.day(m, first)
    for m in s.each(rf"\b(?:the\s+)?end\s+of\s+({MONTH})\b"):
        month = MONTHS[m.group(1)]
        coming, gone = (_month_span(today, month, y) for y in (0, 1))
        s.day(m, coming[1], gone[1])
    # "the first Saturday of October", "the last Friday of next month"
    for m in s.each(
        rf"\b(?:the\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+({DAY})\s+of\s+"
        rf"(?:({MONTH})|(this|next|last)\s+month)\b"
    ):
        readings = []
        for looking_back in (0, 1):
            if m.group(3):
                first, last = _month_span(today, MONTHS[m.group(3)], looking_back)
            else:
                offset = {"this": 0, "next": 1, "last": -1}[m.group(4)]
                first, last = month_range(*ym(add_months(today, offset)))
            day = _nth_weekday(first, last, DAYS[m.group(2)], m.group(1))
            if m.group(3) and not looking_back and day <= today:  # this year's is over: next year's
                nxt = month_range(first.year + 1, first.month)
                day = _nth_weekday(*nxt, DAYS[m.group(2)], m.group(1))
            readings.append(day)
        s.day(m, readings[0], readings[1])


def _month_span(today: date, month: int, back: int) -> Span:
    """A month named alone: the next one not yet over (``back`` 0), or the last one that has
    begun (``back`` 1)."""
    span = month_range(today.year, month)
    if back:
        return span if span[0] <= today else month_range(today.year - 1, month)
    return span if span[1] >= today else month_range(today.year + 1, month)


def _nth_weekday(first: date, last: date, weekday: int, which: str) -> date:
    """The ``which`` ("first", "2nd", "last") ``weekday`` of the month ``first``..``last``."""
    if which == "last":
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    n = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}.get(which, 3)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * n)


def _weekday_agrees(said: str, readings: tuple[date, date]) -> tuple[date, date]:
    """The readings of a date said with its weekday ("Saturday 5 September"): a reading on
    another weekday is no reading of it, so the one that falls on that weekday serves both."""
    named = re.match(rf"(?:on\s+)?({DAY})\b", said)
    if named is None:
        return readings
    weekday = DAYS[named.group(1)]
    future, past = readings
    if future.weekday() == weekday and past.weekday() != weekday:
        return future, future
    if past.weekday() == weekday and future.weekday() != weekday:
        return past, past
    return readings


def _absolute_rules(s: Scanner) -> None:
    today = s.today
    for m in s.each(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|(?=t\d))"):  # also of "2026-03-20T10:00"
        if d := safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            s.day(m, d)
    for m in s.each(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"):  # US month/day/year
        if d := safe_date(int(m.group(3)), int(m.group(1)), int(m.group(2))):
            s.day(m, d)
    for m in s.each(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"):  # day.month.year
        if d := safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            s.day(m, d)
    _slashed_days(s)
    # A year is four digits alone: "14 June, 555666777" is a date and then a number.
    year = r"(?:,?\s+(\d{4})(?![\d]))?"
    # "Saturday 3 October", "Fri, March 6th", "Friday the 13th": the weekday only restates
    # the date, so it is part of it (and never read as the next such weekday on its own).
    wd = rf"(?:(?:on\s+)?(?:{DAY})\.?,?\s+)?"
    for m in s.each(rf"\b{wd}(?:the\s+)?{ORD}\s+(?:of\s+)?({MONTH})\b\.?{year}"):
        if not m.group(1).isdigit() and not re.search(r"\sof\s", m.group()):
            continue  # "the second may be late": an ordinal word is a day only with "of"
        y = int(m.group(3)) if m.group(3) else None
        if found := month_day(today, MONTHS[m.group(2)], day_number(m.group(1)), y):
            s.day(m, *_weekday_agrees(m.group(), found))
    for m in s.each(rf"\b{wd}({MONTH})\.?\s+(?:the\s+)?{ORD}\b{year}"):
        y = int(m.group(3)) if m.group(3) else None
        if found := month_day(today, MONTHS[m.group(1)], day_number(m.group(2)), y):
            s.day(m, *_weekday_agrees(m.group(), found))
    # "the 16th", "Friday the 13th", and with a weekday "the" may go unsaid: "Mon 16th".
    for m in s.each(
        rf"\b(?:{wd}(?:on\s+)?the\s+|(?:on\s+)?(?:{DAY})\.?,?\s+)(\d{{1,2}})(?:st|nd|rd|th)\b"
    ):
        day = int(m.group(1))
        this = safe_date(today.year, today.month, day)
        nxt = safe_date(*ym(add_months(today, 1)), day)
        prev = safe_date(*ym(add_months(today, -1)), day)
        if this is not None:
            future = this if this > today else nxt or this
            past = this if this <= today else prev or this
            s.day(m, *_weekday_agrees(m.group(), (future, past)))
            if not re.search(rf"\b(?:{DAY})\b", m.group()):
                s.bare.append(m.span())


# "leaving the seventh", "on the twenty-first": a day of the month in words, only after a word
# that leads to a day and where nothing follows that it could count or rank ("the second
# floor", "for the third time", "delete the first").
_LEADS = ("on", "from", "to", "till", "until", "by", "before", "after", "leaving", "arriving",
          "starting", "since", "and", "through")  # fmt: skip
_WORD_DAY = re.compile(
    "(?:" + "|".join(rf"(?<=\b{w} )" for w in _LEADS) + ")"
    rf"the\s+({ORDINAL_DAY})\b"
    r"(?=\s*(?:$|[,.;!?)]|(?:and|or|to|till|until|through|please|at|for)\b))"
)


def _word_days(s: Scanner) -> None:
    today = s.today
    for m in s.each(_WORD_DAY.pattern):
        day = day_number(m.group(1).replace(" ", "-"))
        this = safe_date(today.year, today.month, day)
        nxt = safe_date(*ym(add_months(today, 1)), day)
        prev = safe_date(*ym(add_months(today, -1)), day)
        if this is not None:
            s.day(m, this if this > today else nxt or this, this if this <= today else prev or this)


# A day and a month without a year, "28/3", "3/28", "18/04": not inside a longer run of digits,
# a fraction's "%" or a unit.
_SLASHED = re.compile(
    rf"(?:\b(?:on\s+)?(?:{DAY})\.?,?\s+)?(?<![\d/.,£$€])\b(\d{{1,2}})/(\d{{1,2}})\b(?![/.,]?\d|\s*%)"
)
_DATE_WORDS = re.compile(r"\b(?:on|from|by|until|till|to|between|and|before|after)\s+$")


def _slashed_days(s: Scanner) -> None:
    """Days written as two numbers with a slash and no year: the order is the one a number
    above 12 shows (British "28/3", American "3/28"), for every such date of the text alike
    ("28/3 to 2/4"); with no such number the month comes first, as in "3/14/2027", and only
    after a word that leads to a date ("on 4/2"), since "1/2" alone is as often a half."""
    found = [m for m in _SLASHED.finditer(s.text) if s.free(*m.span())]
    pairs = [(int(m.group(1)), int(m.group(2))) for m in found]
    day_first = any(a > 12 >= b for a, b in pairs)
    month_first = any(b > 12 >= a for a, b in pairs)
    if day_first and month_first:
        return  # the text does not keep one order: no dates of it
    for m, (a, b) in zip(found, pairs, strict=True):
        if not (day_first or month_first or _DATE_WORDS.search(s.text[: m.start()])):
            continue
        day, month = (a, b) if day_first else (b, a)
        if 1 <= month <= 12 and (readings := month_day(s.today, month, day, None)):
            s.day(m, *_weekday_agrees(m.group(), readings))  # "Thurs 19/3" is one date


_NEXT_TO = re.compile(r"\bthe\s+day\s+(after|before)\s+$")


def _days_next_to(s: Scanner) -> None:
    """ "the day after Boxing Day", "the day before the 14th": the day next to a date said."""
    for i, m in enumerate(s.found):
        said = _NEXT_TO.search(s.text[max(0, m.start - 20) : m.start])
        if m.kind != "date" or said is None:
            continue
        step = timedelta(days=1 if said.group(1) == "after" else -1)
        readings = {k: m.extra[k] + step for k in ("future", "past")}
        start = m.start - (len(said.group()))
        s.found[i] = Mention("date", None, start, m.end, extra=readings)


def date_mentions(text: str, today: date) -> list[Mention]:
    """Every date and date range in ``text`` (any case), resolved against ``today``."""
    s = Scanner(text.lower(), today)
    holiday_rules(s)
    _later_rules(s)  # before the weekdays and periods they are made of
    _relative_rules(s)
    _absolute_rules(s)  # before the weekdays: "Saturday 3 October" is one date
    _word_days(s)
    _weekday_rules(s)
    quarter_rules(s)
    range_rules(s)
    _days_next_to(s)
    return _in_month_said(s.text, combine_ranges(s.text, s.found, today), s.bare, today)


def _in_month_said(
    text: str, found: list[Mention], bare: list[tuple[int, int]], today: date
) -> list[Mention]:
    """A day said with no month after a date that names one ("off 12-26 July: ... skip the
    cleaner on the 20th") is in that month, not the next such day from today."""
    named = [
        m
        for m in found
        if m.kind in ("date", "daterange") and re.search(rf"\b(?:{MONTH})\b", text[m.start : m.end])
    ]
    for i, m in enumerate(found):
        if m.kind != "date" or (m.start, m.end) not in bare:
            continue
        before = [a for a in named if a.end <= m.start]
        if not before:
            continue
        anchor = max(before, key=lambda a: a.end)
        readings: dict[str, object] = {}
        for key in ("future", "past"):
            said = anchor.extra[key]
            start = said[0] if isinstance(said, tuple) else said
            own = m.extra[key]
            assert isinstance(start, date) and isinstance(own, date)
            day = safe_date(start.year, start.month, own.day)
            # "from the 10th to the 14th of August, then ... on the 9th": that month's 9th,
            # unless it is on the wrong side of today for the reading
            wrong = day is None or (day < today if key == "future" else day > today)
            readings[key] = own if wrong else day
        found[i] = Mention("date", m.value, m.start, m.end, extra=readings)
    return found
