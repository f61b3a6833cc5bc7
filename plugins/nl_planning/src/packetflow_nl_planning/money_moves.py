"""Money put on or into a thing: "put £25 on tag TT2041", "load $40 onto my card", "stick 50
quid in savings". Putting an amount on a card or an account tops it up, putting it into one
deposits it: the light verb ("put") takes its meaning from the money and the preposition, not
from the thing it lands on (a tag, a card)."""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token
from .units import currency_aliases

__all__ = ["money_put"]

_PUTTING = frozenset(("put", "load", "stick", "pop"))
_ONTO = frozenset(("on", "onto"))
_INTO = frozenset(("in", "into"))


def _money(tokens: Sequence[Token], at: int) -> int | None:
    """Where the amount told at ``at`` ends ("£25", "25 euros", "€ 40"), or ``None``."""
    aliases = currency_aliases()
    if at + 1 < len(tokens) and tokens[at].lower in aliases and tokens[at + 1].lower[:1].isdigit():
        return at + 2
    if at + 1 < len(tokens) and tokens[at].lower[:1].isdigit() and tokens[at + 1].lower in aliases:
        return at + 2
    return None


def money_put(tokens: Sequence[Token], at: int, verb: str, lex: Lexicon) -> Action | None:
    """The action of ``verb`` when an amount of money follows it at ``at`` and then "on" or
    "into" (see the module docstring), else ``None``."""
    if verb not in _PUTTING:
        return None
    end = _money(tokens, at)
    if end is None or end >= len(tokens):
        return None
    where = tokens[end].lower
    done = "top_up" if where in _ONTO else "deposit" if where in _INTO else None
    if done is None:
        return None
    classes = lex.classes_of(done)
    return Action(classes, (done,), True, False, end + 1)
