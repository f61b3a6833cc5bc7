"""What makes the planner read a refused request a second way: a reason told after a comma
("run the dehumidifier on quiet, the windows are steaming up") that may be part of the request
after all, or a loss told beside it ("lost my scarf on the 38, call 212-555-0143") that may be
what is asked (see ``Planner.plan``)."""

from __future__ import annotations

import re

from .asides import tells_why
from .statements import LOSS_WORDS
from .text import normalize, tokenize

__all__ = ["tells_loss", "tells_reason"]


def tells_reason(text: str) -> bool:
    """Whether a comma in ``text`` is followed by what someone is doing or how things are."""
    tokens = tokenize(normalize(text))
    return any(t.lower == "," and tells_why(tokens[i + 1 :]) for i, t in enumerate(tokens))


def tells_loss(text: str) -> bool:
    """Whether ``text`` says something was lost."""
    return any(w in LOSS_WORDS for w in re.findall(r"[a-z]+", text.lower()))
