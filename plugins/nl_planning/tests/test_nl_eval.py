"""The development evaluation set (``eval/``, written independently of the planner) scored
with ``scoring.py``; the floors are the issue's goals. The failures are printed (``-s``)."""

from __future__ import annotations

from pathlib import Path

from scoring import score


async def test_the_planner_meets_its_goals_on_the_development_set(tmp_path: Path) -> None:
    scores = await score(tmp_path)
    print("\n".join(scores.failures))
    print(scores.table())
    assert scores.single.total >= 130 and scores.multi.total >= 25
    assert scores.refusals.rate == 1.0, "a refusal case was planned: see the failures"
    assert scores.single.rate >= FLOORS["single"]
    assert scores.multi.rate >= FLOORS["multi"]
    assert scores.params.rate >= FLOORS["params"]


# At least the goals (refusals: 1.0, asserted above), raised to a case or two below the
# figures the planner reaches (97.5 / 97.1 / 96.1 %), so that a loss shows.
FLOORS = {"single": 0.965, "multi": 0.94, "params": 0.95}
