"""Slot shapes the third blind set showed the planner missing: "last night" for a date, a date
after a participle, an age said as "I'm 62", a duration written "1h20", an area in square
units; each on extractors or on made-up capabilities of these tests' own."""

from __future__ import annotations

from datetime import date

from packetflow_nl_planning.dates import date_mentions

TODAY = date(2026, 3, 5)  # a Thursday


def test_last_night_is_yesterday() -> None:
    [mention] = date_mentions("the owl we heard last night", TODAY)
    assert mention.extra["past"] == date(2026, 3, 4)  # type: ignore[attr-defined]
