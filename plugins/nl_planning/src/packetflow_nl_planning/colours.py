"""A colour said after "in" ("2 balls of Rowan Big Wool *in charcoal*", "the jumper in navy"):
English names the shade a thing comes in with "in", so for a field of a colour or a shade the
colour word after "in" is its value: one of the colour words of general English
(``data/lexicon/colours.txt``), with "light", "dark", "pale"... before it.
"""

from __future__ import annotations

from .lexicon import word_list
from .schema import FieldSpec
from .text import Token

__all__ = ["COLOURS", "colour_cue", "colour_field"]

COLOURS = word_list("colours.txt")
"""Colour words of general English (``data/lexicon/colours.txt``)."""

# Words before a colour that say which shade of it ("dark green", "forest green", "sky blue").
_TINTS = frozenset(
    [
        "light",
        "dark",
        "pale",
        "deep",
        "bright",
        "dusky",
        "dusty",
        "soft",
        "hot",
        "forest",
        "bottle",
        "sky",
        "royal",
        "baby",
        "powder",
    ]
)
_COLOUR_FIELD = frozenset(("colour", "color", "shade", "hue"))


def colour_field(spec: FieldSpec) -> bool:
    """Whether ``spec`` is a text field of a colour or a shade (by its name)."""
    return spec.type == "string" and bool(set(spec.name_words) & _COLOUR_FIELD)


def colour_cue(tokens: list[Token], i: int, spec: FieldSpec) -> bool:
    """Whether ``tokens[i]`` is the "in" before a colour ("in navy", "in dark green") that
    the colour field ``spec`` takes."""
    if tokens[i].lower != "in" or not colour_field(spec) or i + 1 >= len(tokens):
        return False
    k = i + 1
    if tokens[k].lower in _TINTS and k + 1 < len(tokens):
        k += 1
    return tokens[k].lower in COLOURS
