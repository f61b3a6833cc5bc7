"""Money put on or into a thing: "put £25 on tag TT2041", "load $40 onto my card", "stick 50
quid in savings". Putting an amount on a card or an account tops it up, putting it into one
deposits it: the light verb ("put") takes its meaning from the money and the preposition, not
from the thing it lands on (a tag, a card). And a question of what a thing costs ("how much to
fell the oak?") asks to price it."""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token
from .units import currency_aliases

__all__ = ["asks_price", "money_put"]

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


# What may follow "how much" when it asks a price: "how much *to* fell it", "how much *would*
# it be", "how much *for* two" (not "how much data", "how much time": an amount of a thing).
_PRICE_NEXT = frozenset(
    ("to", "for", "would", "will", "does", "do", "is", "are", "was", "cost", "costs", "s")
)
_COST = frozenset(("cost", "costs"))
_OWNERS = frozenset(("i", "we", "you", "they", "he", "she", "my", "our", "your"))


def asks_price(words: Sequence[str], at: int) -> bool:
    """Whether the question at ``at`` asks what something costs: "how much to ...", "how much
    would ...", "what would a trim cost", "what does a refill cost"."""
    if words[at : at + 2] == ["how", "much"]:
        if at + 2 >= len(words) or words[at + 2] not in _PRICE_NEXT:
            return False
        # "how much will *I* get back", "how much do *we* owe": an amount of one's own
        return at + 3 >= len(words) or words[at + 3] not in _OWNERS
    return words[at] == "what" and any(w in _COST for w in words[at + 1 : at + 8])
