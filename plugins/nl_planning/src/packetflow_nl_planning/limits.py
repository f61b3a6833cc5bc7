"""How many requests a text may ask for: at least one, and no more steps than ``max_steps``."""

from __future__ import annotations

import packetflow as pf

__all__ = ["check_count", "too_many"]


def check_count(text: str, count: int, max_steps: int) -> None:
    """Raise when ``text`` asks for nothing (E404) or for more than ``max_steps`` (E422).

    Raises:
        ContractViolationError: more requests than ``max_steps``.
        NotFoundError: no request at all.
    """
    if count > max_steps:
        raise pf.errors.ContractViolationError(
            f"request {text[:80]!r}: it asks for {count} steps, more than max_steps="
            f"{max_steps}; split it or raise max_steps",
            details={"steps": count, "max_steps": max_steps},
        )
    if not count:
        raise pf.errors.NotFoundError(
            f"request {text[:80]!r}: it asks for nothing a capability does; say what to do",
            details={"candidates": []},
        )


def too_many(max_steps: int, planned: int, runs: int, to_read: int) -> bool:
    """Whether ``runs`` more steps (one clause read as a run per object) would take the plan
    past ``max_steps``, with ``planned`` steps made and ``to_read`` clauses still to read:
    then the clause is read as one step ("approve A, B and C" with max_steps=2)."""
    return planned + runs + to_read > max_steps
