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
  above 12 shows).
- ranges (both ends inclusive): this/next/last week, month, quarter and year; month names
  ("September"); "Q2"; "so far this year" (and month/week), "year to date"; "the past 7 days",
  "the past fortnight"; this/next weekend, "the week/weekend after next"; "Q1 last year"; "the
  rest of the week"; ranges joined from the dates in ``date_ranges.py`` ("from X to Y", "12th to
  14th of June", "since X"...).

Weeks run Monday to Sunday (ISO 8601).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .date_ranges import combine_ranges
from .date_words import DAY, DAYS, MONTH, MONTHS, safe_date
from .mentions import Mention
from .numbers import parse_number

__all__ = ["date_mentions", "month_range"]

_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple(?: of)?)"
_UNIT = r"(?:day|week|month|year|fortnight)s?"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"

_AMBIGUOUS_MONTHS = frozenset(
    "may mar jun jan dec sep oct nov aug apr feb jul".split()  # noqa: SIM905
)

Span = tuple[date, date]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_range(year: int, month: int) -> Span:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week(day: date, offset: int = 0) -> Span:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6)


def _quarter(year: int, q: int) -> Span:
    start = date(year, 3 * (q - 1) + 1, 1)
    return start, month_range(year, 3 * q)[1]


def _amount(word: str) -> int:
    value = parse_number(word.replace("couple of", "couple").replace("couple", "two"))
    if word in ("a", "an"):
        return 1
    return int(value) if isinstance(value, int | float) else 1


def _delta(n: int, unit: str, today: date, sign: int) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return today + timedelta(days=sign * n)
    if unit == "week":
        return today + timedelta(weeks=sign * n)
    if unit == "fortnight":
        return today + timedelta(weeks=2 * sign * n)
    if unit == "month":
        return _add_months(today, sign * n)
    return _add_months(today, sign * 12 * n)


def _month_day(today: date, month: int, day: int, year: int | None) -> tuple[date, date] | None:
    """(future, past) readings of a day of a month, with the year when given."""
    if year is not None:
        found = safe_date(year, month, day)
        return (found, found) if found else None
    this = safe_date(today.year, month, day)
    if this is None:
        return None
    future = this if this > today else safe_date(today.year + 1, month, day) or this
    past = this if this <= today else safe_date(today.year - 1, month, day) or this
    return future, past


class _Scanner:
    """One pass over a lower-cased text; each rule adds mentions and claims its span."""

    def __init__(self, text: str, today: date) -> None:
        self.text = text
        self.today = today
        self.found: list[Mention] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def day(self, match: re.Match[str], future: date, past: date | None = None) -> None:
        self.add("date", match, {"future": future, "past": past or future})

    def span(self, match: re.Match[str], future: Span, past: Span | None = None) -> None:
        self.add("daterange", match, {"future": future, "past": past or future})

    def add(self, kind: str, match: re.Match[str], readings: dict[str, object]) -> None:
        start, end = match.span()
        if not self.free(start, end):
            return
        self.taken.append((start, end))
        self.found.append(Mention(kind, None, start, end, extra=readings))  # type: ignore[arg-type]

    def each(self, pattern: str) -> list[re.Match[str]]:
        return [m for m in re.finditer(pattern, self.text) if self.free(*m.span())]


def _weekday_rules(s: _Scanner) -> None:
    today = s.today
    for m in s.each(rf"\b(?:on\s+)?({DAY})\s+(?:of\s+)?(next|this|last|the following)\s+week\b"):
        offset = {"next": 1, "the following": 1, "this": 0, "last": -1}[m.group(2)]
        target = _week(today, offset)[0] + timedelta(days=DAYS[m.group(1)])
        s.day(m, target)
    for m in s.each(rf"\b(next|this|last|coming|past|previous)\s+week'?s?\s+({DAY})\b"):
        shift = {"next": 1, "coming": 1, "this": 0, "last": -1, "past": -1, "previous": -1}
        target = _week(today, shift[m.group(1)])[0] + timedelta(days=DAYS[m.group(2)])
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
            this_week = _week(today)[0] + timedelta(days=weekday)
            s.day(m, this_week if this_week > today else following, this_week)
        else:
            s.day(m, following, previous)


def _coming(today: date, weekday: int) -> date:
    """The next such weekday after today."""
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


_WEEKS_IN = {"week": 1, "fortnight": 2}


def _later_rules(s: _Scanner) -> None:
    """A week or more on from a day or a period: "Friday week" and "a week on Friday" (the
    Friday after the coming one), "a fortnight Friday", "Friday fortnight", "two weeks from
    Monday", "a week tomorrow", "Saturday after next", "the weekend after next", "the week
    after next"; and a day of a month said by its offset ("the 15th of next month")."""
    today = s.today
    # "on"/"from" may go unsaid after "a": "a fortnight Friday", "a week Tuesday".
    for m in s.each(
        rf"\b(?:({_NUM})\s+(weeks?|fortnights?)\s+(?:on|from)|(a)\s+(week|fortnight))\s+({DAY})\b"
    ):
        weeks = (
            _amount(m.group(1) or m.group(3)) * _WEEKS_IN[(m.group(2) or m.group(4)).rstrip("s")]
        )
        s.day(m, _coming(today, DAYS[m.group(5)]) + timedelta(weeks=weeks))
    for m in s.each(rf"\b(?:on\s+)?({DAY})\s+(week|fortnight|after\s+next)\b"):
        weeks = _WEEKS_IN.get(m.group(2), 1)
        s.day(m, _coming(today, DAYS[m.group(1)]) + timedelta(weeks=weeks))
    for m in s.each(r"\b(a|one|two)\s+(week|fortnight)s?\s+(?:on\s+)?(today|tomorrow)\b"):
        weeks = _amount(m.group(1)) * _WEEKS_IN[m.group(2)]
        s.day(m, today + timedelta(days=int(m.group(3) == "tomorrow"), weeks=weeks))
    for m in s.each(r"\b(?:the\s+)?week\s+after\s+next\b"):
        s.span(m, _week(today, 2))
    for m in s.each(r"\b(?:the\s+)?weekend\s+after\s+next\b"):
        # the weekend after the coming one (this one, on a Saturday or a Sunday)
        saturday = _week(today)[0] + timedelta(days=5)
        if saturday + timedelta(days=1) < today:
            saturday += timedelta(weeks=1)
        s.span(m, (saturday + timedelta(weeks=1), saturday + timedelta(days=8)))
    for m in s.each(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(this|next|last)\s+month\b"):
        offset = {"this": 0, "next": 1, "last": -1}[m.group(2)]
        if day := safe_date(*_ym(_add_months(today, offset)), int(m.group(1))):
            s.day(m, day)


def _relative_rules(s: _Scanner) -> None:
    today = s.today
    for m in s.each(r"\b(?:the\s+)?day\s+after\s+tomorrow\b"):
        s.day(m, today + timedelta(days=2))
    for m in s.each(r"\b(?:the\s+)?day\s+before\s+yesterday\b"):
        s.day(m, today - timedelta(days=2))
    for m in s.each(rf"\b({_NUM})\s+({_UNIT})\s+(?:from\s+(?:now|today)|later)\b"):
        s.day(m, _delta(_amount(m.group(1)), m.group(2), today, 1))  # before "today" alone
    # "last night" is the evening before today, whatever the weekday rules make of "last".
    for m in s.each(r"\blast\s+night\b"):
        s.day(m, today - timedelta(days=1))
    for m in s.each(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|now)\b"):
        s.day(m, today)
    for m in s.each(r"\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow)\b"):
        s.day(m, today + timedelta(days=1))
    for m in s.each(r"\byesterday\b"):
        s.day(m, today - timedelta(days=1))
    for m in s.each(rf"\bin\s+({_NUM})\s+({_UNIT})\b"):
        s.day(m, _delta(_amount(m.group(1)), m.group(2), today, 1))
    for m in s.each(rf"\b({_NUM})\s+({_UNIT})\s+ago\b"):
        s.day(m, _delta(_amount(m.group(1)), m.group(2), today, -1))
    for m in s.each(
        r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(this\s+|next\s+|last\s+)?(week|month|year)\b"
    ):
        offset = {"next": 1, "last": -1}.get((m.group(1) or "").strip(), 0)
        unit = m.group(2)
        if unit == "week":
            end = _week(today, offset)[1]
        elif unit == "month":
            end = month_range(*_ym(_add_months(today, offset)))[1]
        else:
            end = date(today.year + offset, 12, 31)
        s.day(m, end)
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
                first, last = month_range(*_ym(_add_months(today, offset)))
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


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


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


def _absolute_rules(s: _Scanner) -> None:
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
    for m in s.each(rf"\b{wd}(?:the\s+)?{_ORD}\s+(?:of\s+)?({MONTH})\b\.?{year}"):
        y = int(m.group(3)) if m.group(3) else None
        if found := _month_day(today, MONTHS[m.group(2)], int(m.group(1)), y):
            s.day(m, *_weekday_agrees(m.group(), found))
    for m in s.each(rf"\b{wd}({MONTH})\.?\s+(?:the\s+)?{_ORD}\b{year}"):
        y = int(m.group(3)) if m.group(3) else None
        if found := _month_day(today, MONTHS[m.group(1)], int(m.group(2)), y):
            s.day(m, *_weekday_agrees(m.group(), found))
    # "the 16th", "Friday the 13th", and with a weekday "the" may go unsaid: "Mon 16th".
    for m in s.each(
        rf"\b(?:{wd}(?:on\s+)?the\s+|(?:on\s+)?(?:{DAY})\.?,?\s+)(\d{{1,2}})(?:st|nd|rd|th)\b"
    ):
        day = int(m.group(1))
        this = safe_date(today.year, today.month, day)
        nxt = safe_date(*_ym(_add_months(today, 1)), day)
        prev = safe_date(*_ym(_add_months(today, -1)), day)
        if this is not None:
            future = this if this > today else nxt or this
            past = this if this <= today else prev or this
            s.day(m, *_weekday_agrees(m.group(), (future, past)))


# A day and a month without a year, "28/3", "3/28", "18/04": not inside a longer run of digits,
# a fraction's "%" or a unit.
_SLASHED = re.compile(
    rf"(?:\b(?:on\s+)?(?:{DAY})\.?,?\s+)?(?<![\d/.,£$€])\b(\d{{1,2}})/(\d{{1,2}})\b(?![/.,]?\d|\s*%)"
)
_DATE_WORDS = re.compile(r"\b(?:on|from|by|until|till|to|between|and|before|after)\s+$")


def _slashed_days(s: _Scanner) -> None:
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
        if 1 <= month <= 12 and (readings := _month_day(s.today, month, day, None)):
            s.day(m, *_weekday_agrees(m.group(), readings))  # "Thurs 19/3" is one date


def _quarter_rules(s: _Scanner) -> None:
    """ "Q2", "the third quarter", "Q1 2025", "Q1 last year" (before "last year" alone)."""
    today = s.today
    for m in s.each(
        r"\b(?:in\s+)?q([1-4])(?:\s+(?:of\s+)?(\d{4}|(?:last|this|next)\s+year))?\b"
        r"|\b(first|second|third|fourth)\s+quarter(?:\s+(?:of\s+)?(\d{4}|(?:last|this|next)\s+year))?\b"
    ):
        q = (
            int(m.group(1))
            if m.group(1)
            else ["first", "second", "third", "fourth"].index(m.group(3)) + 1
        )
        year_text = m.group(2) or m.group(4)
        if year_text:
            shift = {"last": -1, "this": 0, "next": 1}.get(year_text.split()[0])
            year = today.year + shift if shift is not None else int(year_text)
            s.span(m, _quarter(year, q))  # "Q1 2025", "Q1 last year"
            continue
        quarter = _quarter(today.year, q)
        ahead = quarter if quarter[1] >= today else _quarter(today.year + 1, q)
        back = quarter if quarter[0] <= today else _quarter(today.year - 1, q)
        s.span(m, ahead, back)


def _range_rules(s: _Scanner) -> None:
    today = s.today
    period = r"(year|month|week|quarter)"
    for m in s.each(
        rf"\b(?:so\s+far\s+this|this|current)\s+{period}\s+(?:so\s+far|to\s+date)\b"
        rf"|\bso\s+far\s+this\s+{period}\b|\b{period}[\s-]to[\s-]date\b|\b(ytd|mtd|wtd|qtd)\b"
    ):
        unit = next(g for g in m.groups() if g)
        unit = {"ytd": "year", "mtd": "month", "wtd": "week", "qtd": "quarter"}.get(unit, unit)
        s.span(m, (_start_of(unit, today), today))
    for m in s.each(
        r"\b(?:the\s+)?(?:past|last|previous)\s+(\d+|two|three|four|five|six|seven|ten|twelve)\s+(day|week|month|year)s\b"
    ):
        n = _amount(m.group(1))
        start = _delta(n, m.group(2), today, -1) + timedelta(days=1)
        s.span(m, (start, today))
    for m in s.each(r"\b(?:the\s+)?(?:past|last|previous)\s+fortnight\b"):
        s.span(m, (today - timedelta(days=13), today))
    for m in s.each(r"\b(?:the\s+)?rest\s+of\s+(?:the\s+|this\s+)?(week|month|year)\b"):
        s.span(m, (today, _period(m.group(1), today, 0)[1]))  # today to the period's end
    for m in s.each(
        r"\b(this|next|last|previous|coming|the\s+past)\s+(week|month|quarter|year|weekend)\b"
    ):
        offset = {"this": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}.get(m.group(1), -1)
        s.span(m, _period(m.group(2), today, offset))
    for m in s.each(r"\b(?:the\s+)?weekend\b"):
        saturday = _week(today)[0] + timedelta(days=5)
        future = (
            saturday if saturday + timedelta(days=1) >= today else saturday + timedelta(weeks=1)
        )
        past = saturday if saturday <= today else saturday - timedelta(weeks=1)
        s.span(m, (future, future + timedelta(days=1)), (past, past + timedelta(days=1)))
    for m in s.each(rf"\b(?:in\s+|for\s+|of\s+)?({MONTH})(?:\s+(\d{{4}}))?\b"):
        word = m.group(1)
        after = re.search(
            r"\b(?:in|for|of|during|since|until|from|to|through)\s+$"
            rf"|\bbetween\s+(?:{MONTH})\s+and\s+$",  # "between March and May"
            s.text[: m.start(1)],
        )
        if word in _AMBIGUOUS_MONTHS and not m.group(2) and not after:
            continue  # "may" the verb, "mar" the word: a month only after a preposition
        month = MONTHS[word]
        if m.group(2):
            s.span(m, month_range(int(m.group(2)), month))
            continue
        span = month_range(today.year, month)
        ahead = span if span[1] >= today else month_range(today.year + 1, month)
        # Reporting on "September" means the last September that is over.
        back = span if span[1] < today else month_range(today.year - 1, month)
        s.span(m, ahead, back)
    for m in s.each(r"\b(?:in|for|during|of)\s+(\d{4})\b"):
        if 1900 <= int(m.group(1)) <= 2200:
            y = int(m.group(1))
            s.span(m, (date(y, 1, 1), date(y, 12, 31)))


def _start_of(unit: str, today: date) -> date:
    if unit == "year":
        return date(today.year, 1, 1)
    if unit == "month":
        return date(today.year, today.month, 1)
    if unit == "quarter":
        return _quarter(today.year, (today.month - 1) // 3 + 1)[0]
    return _week(today)[0]


def _period(unit: str, today: date, offset: int) -> Span:
    if unit == "week":
        return _week(today, offset)
    if unit == "weekend":
        saturday = _week(today, offset)[0] + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        return month_range(*_ym(_add_months(today, offset)))
    if unit == "quarter":
        shifted = _add_months(date(today.year, today.month, 1), 3 * offset)
        return _quarter(shifted.year, (shifted.month - 1) // 3 + 1)
    return date(today.year + offset, 1, 1), date(today.year + offset, 12, 31)


def date_mentions(text: str, today: date) -> list[Mention]:
    """Every date and date range in ``text`` (any case), resolved against ``today``."""
    s = _Scanner(text.lower(), today)
    _later_rules(s)  # before the weekdays and periods they are made of
    _relative_rules(s)
    _absolute_rules(s)  # before the weekdays: "Saturday 3 October" is one date
    _weekday_rules(s)
    _quarter_rules(s)
    _range_rules(s)
    return combine_ranges(s.text, s.found, today)
